// RUN: accel-opt %s --accel-estimate="report-json=%t.json report-timeloop=%t.txt" | FileCheck %s
// RUN: FileCheck %s --input-file=%t.json --check-prefix=JSON
// RUN: FileCheck %s --input-file=%t.txt --check-prefix=TEXT
// RUN: not accel-opt %s --accel-estimate=strict 2>&1 | FileCheck %s --check-prefix=STRICT

// Tutorial 01's output-stationary conv1d (R 3, P 16) on a two-level
// hierarchy, and a second, larger one whose tile (3 + 66 + 64 words) does
// not fit the 64-word buffer. Expected numbers are
// Timeloop's (tutorial/01-model-conv1d-2level/ref/os): 360.00 pJ, 48 cycles;
// Buffer outputs 48 updates, 32 reads.

accel.arch @two_level {
  accel.storage @MainMemory {depth = 32768, width = 64, word_bits = 8,
                             energy = #accel.energy<read = 43.353054, fill = 30.878292,
                                       update = 30.878292, leak = 0.007972>}
  accel.storage @Buffer {technology = "regfile", depth = 64, width = 8, word_bits = 8,
                         energy = #accel.energy<read = 0.42564, fill = 0.42564, update = 0.42564,
                                   leak = 0.000861>}
  accel.compute @MACC {energy = #accel.energy<compute = 0.845>}
}

// CHECK-LABEL: func.func @conv1d
// CHECK: accel.cost = #accel.cost<energy_pj = 360.00{{[0-9]*}}, cycles = 48, utilization = 1.0, macs = 48
// CHECK: accel.cost = #accel.cost<energy_pj = 0.0, cycles = 0, utilization = 0.0, macs = 0, valid = false, reason = "tiles at 'Buffer' need 133 words, but it holds 64">
func.func @conv1d(%i: tensor<18xf32>, %w: tensor<3xf32>, %o: tensor<16xf32>,
                  %i2: tensor<66xf32>, %o2: tensor<64xf32>) -> (tensor<16xf32>, tensor<64xf32>) {
  %0 = linalg.conv_1d {accel.mapping = #accel.mapping<@two_level, [
                         "MainMemory": temporal [P 16], "Buffer": temporal [R 3]]>}
      ins(%i, %w : tensor<18xf32>, tensor<3xf32>) outs(%o : tensor<16xf32>) -> tensor<16xf32>
  %1 = linalg.conv_1d {accel.mapping = #accel.mapping<@two_level, [
                         "Buffer": temporal [P 64, R 3]]>}
      ins(%i2, %w : tensor<66xf32>, tensor<3xf32>) outs(%o2 : tensor<64xf32>) -> tensor<64xf32>
  return %0, %1 : tensor<16xf32>, tensor<64xf32>
}

// JSON:      "ops": [
// JSON:          "arch": "two_level",
// JSON:          "index": 1,
// JSON:          "location": "{{.*}}estimate-reports.mlir:{{[0-9]+}}:{{[0-9]+}}",
// JSON:          "op": "linalg.conv_1d",
// JSON:                  "name": "Buffer",
// JSON:                      "name": "O",
// JSON:                      "reads": 32,
// JSON:                      "updates": 48,
// JSON:          "index": 2,
// JSON:            "failure": "capacity",
// JSON:            "reason": "tiles at 'Buffer' need 133 words, but it holds 64",
// JSON:            "valid": false

// TEXT: === op 1: linalg.conv_1d at {{.*}} on @two_level ===
// TEXT: === Buffer ===
// TEXT:     O:
// TEXT:         Scalar reads (per-instance)              : 32
// TEXT:         Scalar updates (per-instance)            : 48
// TEXT: Energy: 0.00 uJ
// TEXT: Buffer [ I:3 (3) W:3 (3) O:1 (1) ]
// TEXT: === op 2: linalg.conv_1d at {{.*}} on @two_level ===
// TEXT-EMPTY:
// TEXT-NEXT: invalid mapping: tiles at 'Buffer' need 133 words, but it holds 64

// STRICT: error: mapping is invalid: tiles at 'Buffer' need 133 words, but it holds 64
