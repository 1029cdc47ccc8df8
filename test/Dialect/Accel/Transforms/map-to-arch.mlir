// RUN: accel-opt %s --map-to-arch="threads=1 remarks" -verify-diagnostics | FileCheck %s
// Without `remarks`, ops left alone are quiet; the summary says why.
// RUN: accel-opt %s --map-to-arch="threads=1 summary" -o /dev/null 2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not="remark:"
// Progress lines name the op they belong to.
// RUN: accel-opt %s --map-to-arch="threads=1 progress max-evaluations=200" -o /dev/null 2>&1 | FileCheck %s --check-prefix=PROGRESS
// PROGRESS: op 1/5 linalg.conv_2d_nchw_fchw N1 M32 Q28 P28 C16 S3 R3: hybrid
// PROGRESS: op 2/5 linalg.matmul M64 N32 K128: hybrid
// The mappings it attaches are valid: the estimate pass re-evaluates them
// independently and fails on any invalid one.
// RUN: accel-opt %s --map-to-arch="threads=1" | accel-opt --accel-estimate=strict | FileCheck %s --check-prefix=VALID
// Thread count does not change the result.
// RUN: accel-opt %s --map-to-arch="threads=1" > %t.1.mlir
// RUN: accel-opt %s --map-to-arch="threads=2" > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir

// The default architecture is the bundled eyeriss_like, inserted into the
// module for the mappings to name.
// CHECK: accel.arch @eyeriss_like

// CHECK-LABEL: func.func @conv
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: accel.cost = #accel.cost<energy_pj = {{[0-9.e+]+}}, cycles = {{[0-9]+}}, utilization = {{[0-9.e+-]+}}, macs = 3612672,
// CHECK-SAME: accel.mapping = #accel.mapping<@eyeriss_like, ["
// VALID: linalg.conv_2d_nchw_fchw {{.*}}macs = 3612672
func.func @conv(%i: tensor<1x16x30x30xf32>, %w: tensor<32x16x3x3xf32>, %o: tensor<1x32x28x28xf32>) -> tensor<1x32x28x28xf32> {
  %0 = linalg.conv_2d_nchw_fchw ins(%i, %w : tensor<1x16x30x30xf32>, tensor<32x16x3x3xf32>) outs(%o : tensor<1x32x28x28xf32>) -> tensor<1x32x28x28xf32>
  return %0 : tensor<1x32x28x28xf32>
}

// Roles in the architecture's keep lists (Inputs, Weights, Outputs) apply
// to a matmul's A, B and C: the global buffer bypasses B.
// CHECK-LABEL: func.func @matmul
// CHECK: linalg.matmul
// CHECK-SAME: macs = 262144
// CHECK-SAME: "shared_glb": {{.*}}keep [A, C] bypass [B]
// VALID: linalg.matmul {{.*}}macs = 262144
func.func @matmul(%a: tensor<64x128xf32>, %b: tensor<128x32xf32>, %c: tensor<64x32xf32>) -> tensor<64x32xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<64x128xf32>, tensor<128x32xf32>) outs(%c : tensor<64x32xf32>) -> tensor<64x32xf32>
  return %0 : tensor<64x32xf32>
}

// A generic contraction keeps its own names (d0.., operand indices).
// CHECK-LABEL: func.func @generic
// CHECK: linalg.generic
// CHECK-SAME: accel.mapping = #accel.mapping<@eyeriss_like
#mk = affine_map<(d0, d1, d2) -> (d0, d2)>
#kn = affine_map<(d0, d1, d2) -> (d2, d1)>
#mn = affine_map<(d0, d1, d2) -> (d0, d1)>
func.func @generic(%a: tensor<16x8xf32>, %b: tensor<8x16xf32>, %c: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %0 = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<16x8xf32>, tensor<8x16xf32>) outs(%c : tensor<16x16xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<16x16xf32>
  return %0 : tensor<16x16xf32>
}

// What is not a multiply-accumulate, or cannot be modelled, is left alone
// (with a remark if asked), and the pass goes on.
// QUIET: linalg.add {{.*}} not mapped: it has no reduction loop (elementwise, fill or copy)
// QUIET: linalg.matmul {{.*}} not mapped: cannot model an op with dynamic shapes
// CHECK-LABEL: func.func @skipped
// CHECK-NOT: accel.mapping
// CHECK: return
func.func @skipped(%a: tensor<16x16xf32>, %d: tensor<?x8xf32>, %b: tensor<8x4xf32>, %c: tensor<?x4xf32>) -> (tensor<16x16xf32>, tensor<?x4xf32>) {
  // expected-remark @+1 {{not mapped: it has no reduction loop (elementwise, fill or copy), so there is nothing to accumulate on a MAC array}}
  %0 = linalg.add ins(%a, %a : tensor<16x16xf32>, tensor<16x16xf32>) outs(%a : tensor<16x16xf32>) -> tensor<16x16xf32>
  // expected-remark @+1 {{not mapped: cannot model an op with dynamic shapes; the model needs static loop bounds}}
  %1 = linalg.matmul ins(%d, %b : tensor<?x8xf32>, tensor<8x4xf32>) outs(%c : tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0, %1 : tensor<16x16xf32>, tensor<?x4xf32>
}
