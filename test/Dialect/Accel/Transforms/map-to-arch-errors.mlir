// RUN: accel-opt %s --split-input-file --map-to-arch="arch=tiny threads=1" -verify-diagnostics
// RUN: not accel-opt %s --split-input-file --map-to-arch="arch=no_such_arch" 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not accel-opt %s --split-input-file --map-to-arch="arch=tiny objective=speed" 2>&1 | FileCheck %s --check-prefix=OBJECTIVE
// RUN: not accel-opt %s --split-input-file --map-to-arch="arch=tiny strategy=genetic" 2>&1 | FileCheck %s --check-prefix=STRATEGY

// RUN: not accel-opt %s --split-input-file --map-to-arch="arch=tiny time-limit=nan" 2>&1 | FileCheck %s --check-prefix=TIME
// TIME: error: 'time-limit' must be a finite, non-negative number of seconds, got nan
// UNKNOWN: error: unknown architecture 'no_such_arch'
// OBJECTIVE: error: unknown objective 'speed'; expected edp, energy, delay, last_level_accesses or a comma-separated list
// The strategy is an enum option: the help lists its values.
// STRATEGY: for the --strategy option: Cannot find option named 'genetic'!

// A buffer too small for any tile: no valid mapping, said on the op.
accel.arch @tiny {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @rf {entries = 2, keep = ["Inputs", "Weights", "Outputs"]}
  accel.compute @mac {}
}

func.func @too_big(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-remark @+1 {{not mapped: no valid mapping onto @tiny was found}}
  %0 = linalg.matmul ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// Constraints that no mapping can meet are named.
accel.arch @tiny {
  accel.storage @DRAM {technology = "dram", factors = #accel.factors<K = 3>}
  accel.compute @mac {}
}

func.func @unsatisfiable(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-remark @+1 {{not mapped: the constraints of @tiny cannot be satisfied: the fixed factors of 'K' multiply to 3, which does not divide its bound 4}}
  %0 = linalg.matmul ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// Sizes that overflow 64 bits are errors, not nonsense capacities.
accel.arch @tiny {
  accel.storage @DRAM {technology = "dram"}
  // expected-error @+1 {{holds 'depth' x block size = 4611686018427387904 x 8 words, which does not fit 64 bits}}
  accel.storage @rf {depth = 4611686018427387904, width = 64, word_bits = 8}
  accel.compute @mac {}
}

func.func @overflow(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
