// RUN: accel-opt %s --accel-estimate | FileCheck %s
// RUN: accel-opt %s --accel-estimate=timeloop-compat | FileCheck %s --check-prefix=COMPAT

// A 7 x 2 x 4 matmul on four PEs: M is split 4 (3) across the PEs under 2
// at DRAM, so the second pass over M uses three PEs. By hand: 56 MACs in
// 2 * 2 * 4 = 16 time steps on four PEs, utilization 56 / 64 = 0.875.
// Timeloop counts cycles as the product of the temporal factors (also 16
// here) and the same 56 operations.

accel.arch @quad {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8}
  accel.fanout @PE {x = 4}
  accel.storage @RF {entries = 64, word_bits = 8}
  accel.compute @mac {word_bits = 8}
}

// CHECK-LABEL: func.func @matmul
// CHECK: accel.cost = #accel.cost<energy_pj = {{[0-9.e+]+}}, cycles = 16, utilization = 0.875, macs = 56
// COMPAT: accel.cost = #accel.cost<energy_pj = {{[0-9.e+]+}}, cycles = 16, utilization = 0.875, macs = 56
func.func @matmul(%a: tensor<7x4xf32>, %b: tensor<4x2xf32>, %c: tensor<7x2xf32>) -> tensor<7x2xf32> {
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@quad, [
                        "DRAM": temporal [M 2, N 2, K 4], "PE": spatial x [M 4 (3)]]>}
      ins(%a, %b : tensor<7x4xf32>, tensor<4x2xf32>) outs(%c : tensor<7x2xf32>) -> tensor<7x2xf32>
  return %0 : tensor<7x2xf32>
}
