// RUN: accel-opt %s --map-to-arch="arch=constrained threads=1" | FileCheck %s
// RUN: accel-opt %s --map-to-arch="arch=constrained threads=1" | FileCheck %s --check-prefix=SAME
// RUN: accel-opt %s --map-to-arch="arch=constrained threads=1" | accel-opt --accel-estimate=strict | FileCheck %s --check-prefix=VALID

// Constraints on the architecture's levels hold in every mapping found:
// the buffer must take M 8 temporally with its C loop innermost, the
// fanout may spread only K along x (M, C... are names a matmul lacks and
// are skipped), the register file keeps only the outputs, and the compute
// array must be at least half used. Ops of the same workload are searched
// once and get the same mapping.
accel.arch @constrained {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8}
  accel.storage @buf {entries = 4096, word_bits = 8, factors = #accel.factors<M = 8, C max 4, Q = 1>,
                      inner_loops = ["K"], outer_loops = ["N"]}
  accel.fanout @PE {x = 8, y = 2, x_dims = ["N", "P"], factors = #accel.factors<N min 2>}
  accel.storage @rf {entries = 16, word_bits = 8, keep = ["Outputs"]}
  accel.compute @mac {word_bits = 8, min_utilization = 0.5}
}

// CHECK-LABEL: func.func @matmul
// CHECK: linalg.matmul
// CHECK-SAME: "buf": temporal [{{([^]]*, )?}}M 8, {{([^]]*, )?}}K {{[0-9]+}}]
// CHECK-SAME: "PE": spatial x [N {{[0-9]+}}]
// CHECK-SAME: "rf": {{.*}}keep [C] bypass [A, B]
// SAME: linalg.matmul {{.*}}accel.mapping = #accel.mapping<@constrained, [[MAPPING:.*]]>}
// SAME: linalg.matmul {{.*}}accel.mapping = #accel.mapping<@constrained, [[MAPPING]]>}
// VALID-COUNT-2: linalg.matmul {accel.cost = #accel.cost<energy_pj
func.func @matmul(%a: tensor<64x32xf32>, %b: tensor<32x64xf32>, %c: tensor<64x64xf32>) -> (tensor<64x64xf32>, tensor<64x64xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %0, %1 : tensor<64x64xf32>, tensor<64x64xf32>
}
