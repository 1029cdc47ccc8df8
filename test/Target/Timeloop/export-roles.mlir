// Keep/bypass constraints written by role (Inputs, Weights, Outputs) are
// exported under the problem's tensor names, which are all Timeloop knows;
// a role the op lacks is dropped. The exported file maps in accel-mapper.
// RUN: accel-opt %s --map-to-arch="arch=roles threads=1 max-evaluations=300" -o %t.mapped.mlir
// RUN: accel-translate --export-timeloop %t.mapped.mlir -o %t.yaml
// RUN: FileCheck %s < %t.yaml
// RUN: accel-mapper %t.yaml --max-evaluations=500 --num-threads=1 -o %t.run --quiet
// RUN: FileCheck %s --check-prefix=MAPPED < %t.run.stats.txt

accel.arch @roles {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8}
  accel.storage @buffer {entries = 4096, word_bits = 8,
                         keep = ["Inputs", "Outputs"], bypass = ["Weights"]}
  accel.fanout @pes {x = 4}
  accel.storage @reg {entries = 8, word_bits = 8, keep = ["Weights", "Bias"]}
  accel.compute @mac {word_bits = 8}
}

func.func @mm(%a: tensor<16x32xi8>, %b: tensor<32x8xi8>, %c: tensor<16x8xi32>) -> tensor<16x8xi32> {
  %r = linalg.matmul ins(%a, %b : tensor<16x32xi8>, tensor<32x8xi8>) outs(%c : tensor<16x8xi32>) -> tensor<16x8xi32>
  return %r : tensor<16x8xi32>
}

// CHECK-LABEL: architecture_constraints:
// CHECK:       - target: buffer
// CHECK-NEXT:    type: bypass
// CHECK-NEXT:    keep: [A, C]
// CHECK-NEXT:    bypass: [B]
// CHECK:       - target: reg
// CHECK-NEXT:    type: bypass
// CHECK-NEXT:    keep: [B]
// CHECK-NEXT:  problem:

// MAPPED: Utilization
