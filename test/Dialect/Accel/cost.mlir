// RUN: accel-opt %s | FileCheck %s
// RUN: accel-opt %s --verify-roundtrip | FileCheck %s

// CHECK-LABEL: func.func @valid
// CHECK-SAME: accel.cost = #accel.cost<energy_pj = 5.928e+07, cycles = 86016, utilization = 0.75, macs = 10838016, levels = ["DRAM": 3.66e+07, "mac": 2.25e+06]>
func.func @valid() attributes {accel.cost = #accel.cost<
    energy_pj = 5.928e7, cycles = 86016, utilization = 0.75, macs = 10838016,
    levels = ["DRAM": 3.66e7, mac: 2.25e6]>} {
  return
}

// Fields may come in any order; integers are accepted where a float goes.
// CHECK-LABEL: func.func @reordered
// CHECK-SAME: accel.cost = #accel.cost<energy_pj = 360.0, cycles = 48, utilization = 1.0, macs = 48>
func.func @reordered() attributes {accel.cost = #accel.cost<
    macs = 48, utilization = 1, cycles = 48, energy_pj = 360>} {
  return
}

// CHECK-LABEL: func.func @invalid_mapping
// CHECK-SAME: accel.cost = #accel.cost<energy_pj = 0.0, cycles = 0, utilization = 0.0, macs = 0, valid = false, reason = "buffer 'RF' needs 96 words, has 64">
func.func @invalid_mapping() attributes {accel.cost = #accel.cost<
    valid = false, reason = "buffer 'RF' needs 96 words, has 64">} {
  return
}
