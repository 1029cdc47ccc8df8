// Names Timeloop cannot read as they are (spaces, '.', '[0]', quotes, '#')
// are exported as identifiers, consistently in the architecture, the
// mapping and the energy tables, so the file imports back and costs the
// same.
// RUN: rm -rf %t && mkdir -p %t
// RUN: accel-opt %s --map-to-arch='arch="odd arch" threads=1' -o %t/mapped.mlir
// RUN: accel-translate --export-timeloop %t/mapped.mlir -o %t/exported.yaml
// RUN: FileCheck %s --check-prefix=YAML < %t/exported.yaml
// YAML: name: odd_arch_top_level
// YAML: name: "Main_Memory[1..1]"
// YAML: name: "buf_v2_0_[1..1]"
// YAML: name: "reg_1[1..4]"
// RUN: accel-translate --import-timeloop %t/exported.yaml -o %t/imported.mlir
// RUN: accel-opt %t/mapped.mlir --accel-estimate | FileCheck %s --check-prefix=COST
// RUN: accel-opt %t/imported.mlir --accel-estimate | FileCheck %s --check-prefix=COST
// COST: accel.cost = #accel.cost<energy_pj = 40306.65326633166, cycles = 128,

accel.arch @"odd arch" {
  accel.storage @"Main Memory" {technology = "dram"}
  accel.storage @"buf.v2[0]" {entries = 4096}
  accel.fanout @"PE: grid" {x = 4}
  accel.storage @"reg'1" {entries = 64}
  accel.compute @"mac#" {}
}
func.func @mm(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>, %c: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<8x8xf32>, tensor<8x8xf32>) outs(%c : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
