// RUN: accel-opt %s --test-accel-workload=require-mac -split-input-file -verify-diagnostics

// Asked for multiply-accumulate workloads, extraction skips what has none,
// with a remark saying why.

func.func @elementwise(%a: tensor<8xf32>, %b: tensor<8xf32>, %c: tensor<8xf32>) -> tensor<8xf32> {
  // expected-remark @+1 {{not mapped: it has no reduction loop (elementwise, fill or copy), so there is nothing to accumulate on a MAC array}}
  %0 = linalg.add ins(%a, %b : tensor<8xf32>, tensor<8xf32>) outs(%c : tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @pooling(%i: tensor<1x10x10x4xf32>, %w: tensor<3x3xf32>, %o: tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32> {
  // expected-remark @+1 {{not mapped: pooling is not a multiply-accumulate}}
  %0 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%i, %w : tensor<1x10x10x4xf32>, tensor<3x3xf32>) outs(%o : tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}

// -----

// A sum reduction accumulates, but not a product.
func.func @reduce(%a: tensor<8x4xf32>, %c: tensor<8xf32>) -> tensor<8xf32> {
  // expected-remark @+1 {{not mapped: its body does not accumulate a product into its output (e.g. pooling or a plain reduction), so it is not a multiply-accumulate workload}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%a : tensor<8x4xf32>) outs(%c : tensor<8xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %acc, %x : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @fill(%c: tensor<8xf32>) -> tensor<8xf32> {
  %zero = arith.constant 0.0 : f32
  // expected-remark @+1 {{not mapped: it has no reduction loop}}
  %0 = linalg.fill ins(%zero : f32) outs(%c : tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
