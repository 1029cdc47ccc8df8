// Imperfect factors are on by default: ViT-B/16's attention scores (197
// tokens, a prime) spread over edge_systolic's 16 columns with a partial
// last pass (13 x 16 covers 197, the last pass holds 5), the way a 256-token
// layer fills the array. Divisors only, 197 stays temporal and the array
// runs at 12.5% (only K=64 spreads, over 16 x 4 of the 16 x 16 PEs).
// RUN: accel-opt %s --map-to-arch="arch=edge_systolic threads=1" | FileCheck %s
// RUN: accel-opt %s --map-to-arch="arch=edge_systolic threads=1" | accel-opt --accel-estimate=strict | FileCheck %s --check-prefix=VALID
// RUN: accel-opt %s --map-to-arch="arch=edge_systolic threads=1 imperfect=false" | FileCheck %s --check-prefix=PERFECT

// CHECK-LABEL: func.func @scores
// CHECK: linalg.batch_matmul {accel.cost = #accel.cost<{{.*}}utilization = {{0\.[7-9][0-9]*|1\.0}}, macs = 29805312
// CHECK-SAME: accel.mapping = #accel.mapping<@edge_systolic, [{{.*}}{{[BMNK]}} {{[0-9]+}} ({{[0-9]+}}){{.*}}]>
// VALID: linalg.batch_matmul {accel.cost = #accel.cost<{{.*}}macs = 29805312
// VALID-NOT: valid = false
// PERFECT: linalg.batch_matmul {accel.cost = #accel.cost<{{.*}}utilization = 0.125, macs = 29805312
// PERFECT-SAME: accel.mapping = #accel.mapping<@edge_systolic, [{{[^()]*}}]>
func.func @scores(%q: tensor<12x197x64xf32>, %k: tensor<12x64x197xf32>,
                  %acc: tensor<12x197x197xf32>) -> tensor<12x197x197xf32> {
  %s = linalg.batch_matmul ins(%q, %k : tensor<12x197x64xf32>, tensor<12x64x197xf32>)
                           outs(%acc : tensor<12x197x197xf32>) -> tensor<12x197x197xf32>
  return %s : tensor<12x197x197xf32>
}
