// RUN: accel-opt %s --test-accel-workload -split-input-file -verify-diagnostics

#map_a = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
#map_b = affine_map<(d0, d1, d2, d3) -> (d3, d1)>
#map_c = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>

// An einsum "bik,kj->bji" as a generic op: dimensions d0..d3, tensors
// named by operand index.
func.func @einsum(%a: tensor<2x8x4xf32>, %b: tensor<4x6xf32>, %c: tensor<2x6x8xf32>) -> tensor<2x6x8xf32> {
  // expected-remark @+1 {{generic mac: d0=2 d1=6 d2=8 d3=4 | 0[d0][d2][d3] 1[d3][d1] 2[d0][d1][d2] rw}}
  %0 = linalg.generic {indexing_maps = [#map_a, #map_b, #map_c],
                       iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<2x8x4xf32>, tensor<4x6xf32>) outs(%c : tensor<2x6x8xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<2x6x8xf32>
  return %0 : tensor<2x6x8xf32>
}

// -----

// A strided, dilated 1-D convolution written by hand: the input index is
// 3*d0 + 2*d1 plus a constant offset (padding), which does not change tile
// sizes. Names come from accel.dim_names and accel.tensor_names.
func.func @named_generic(%i: tensor<40xf32>, %w: tensor<3xf32>, %o: tensor<10xf32>) -> tensor<10xf32> {
  // expected-remark @+1 {{generic mac: P=10 R=3 | Inputs[3*P + 2*R] Weights[R] Outputs[P] rw}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 * 3 + d1 * 2 + 1)>,
                                        affine_map<(d0, d1) -> (d1)>,
                                        affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"],
                       accel.dim_names = ["P", "R"],
                       accel.tensor_names = ["Inputs", "Weights", "Outputs"]}
      ins(%i, %w : tensor<40xf32>, tensor<3xf32>) outs(%o : tensor<10xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %m, %acc : f32
    linalg.yield %s : f32
  } -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

// Elementwise ops have nothing to accumulate: extracted when asked for any
// workload, skipped with a remark when a MAC workload is asked for.
func.func @elementwise(%a: tensor<8xf32>, %b: tensor<8xf32>, %c: tensor<8xf32>) -> tensor<8xf32> {
  // expected-remark @+1 {{generic: d0=8 | 0[d0] 1[d0] 2[d0] rw}}
  %0 = linalg.add ins(%a, %b : tensor<8xf32>, tensor<8xf32>) outs(%c : tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @pooling(%i: tensor<1x10x10x4xf32>, %w: tensor<3x3xf32>, %o: tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32> {
  // expected-remark @+1 {{generic: d0=1 d1=8 d2=8 d3=4 d4=3 d5=3 | 0[d0][d1 + d4][d2 + d5][d3] 1[d4][d5] 2[d0][d1][d2][d3] rw}}
  %0 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%i, %w : tensor<1x10x10x4xf32>, tensor<3x3xf32>) outs(%o : tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}
