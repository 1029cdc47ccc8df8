// RUN: accel-opt %s --accel-tile --split-input-file --verify-diagnostics

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @buf {entries = 64}
  accel.compute @mac {}
}

// Buffers have no tiles to stage: tile before bufferization.
func.func @memref(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %c: memref<4x4xf32>) {
  // expected-error @+1 {{tiling by a mapping works on tensors; this op has buffer operands (run it before bufferization)}}
  linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [M 4]]>}
      ins(%a, %b : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4x4xf32>)
  return
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @buf {entries = 64}
  accel.compute @mac {}
}

// Factors must multiply to the bounds: no partial tiles.
func.func @partial(%a: tensor<6x4xf32>, %b: tensor<4x4xf32>, %c: tensor<6x4xf32>) -> tensor<6x4xf32> {
  // expected-error @+1 {{factors of dimension 'M' multiply to 4 across the mapping, but the op's bound is 6}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [M 4]]>}
      ins(%a, %b : tensor<6x4xf32>, tensor<4x4xf32>) outs(%c : tensor<6x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}
