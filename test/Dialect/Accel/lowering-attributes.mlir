// RUN: accel-opt %s --verify-roundtrip | FileCheck %s

// The attributes accel-tile leaves on generated code print and parse back.
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (2, 4)
// CHECK: } {mapping = [#accel.spatial<"PE", y, 0>, #accel.spatial<"PE", x, 0>]}
// CHECK: bufferization.alloc_tensor() {memory_space = #accel.memory<"GLB">} : tensor<4xf32>
// CHECK: accel.level = "GLB", accel.spatial = #accel.spatial<"PE", x, 1>
func.func @annotated(%t: tensor<8xf32>) -> tensor<8xf32> {
  %0 = scf.forall (%i, %j) in (2, 4) shared_outs(%o = %t) -> (tensor<8xf32>) {
    scf.forall.in_parallel {
    }
  } {mapping = [#accel.spatial<"PE", y, 0>, #accel.spatial<"PE", x, 0>]}
  %b = bufferization.alloc_tensor() {memory_space = #accel.memory<"GLB">} : tensor<4xf32>
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c1 = arith.constant 1 : index
  scf.for %k = %c0 to %c2 step %c1 {
  } {accel.level = "GLB", accel.spatial = #accel.spatial<"PE", x, 1>}
  return %0 : tensor<8xf32>
}
