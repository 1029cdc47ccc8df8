// RUN: accel-opt %s --accel-emit-schedule --split-input-file --verify-diagnostics

func.func @unknown_arch(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @+1 {{mapping refers to @nowhere, which is not an accel.arch in scope}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@nowhere, ["DRAM": temporal [M 4]]>}
      ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}
func.func @on_buffers(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %c: memref<4x4xf32>) {
  // expected-error @+1 {{tiling by a mapping works on tensors; this op has buffer operands (run it before bufferization)}}
  linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [M 4, N 4, K 4]]>}
      ins(%a, %b : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4x4xf32>)
  return
}

// -----

// Emitting twice would define @__transform_main twice.
// expected-error @+1 {{the module already has a @__transform_main; emit the schedule into a module without one}}
module attributes {transform.with_named_sequence} {
  // expected-note @+1 {{this one}}
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    transform.yield
  }
}
