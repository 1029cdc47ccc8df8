// RUN: accel-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{cost utilization must lie in [0, 1], got 1.5}}
func.func @utilization() attributes {accel.cost = #accel.cost<energy_pj = 1.0, cycles = 1, utilization = 1.5, macs = 1>} {
  return
}

// -----

// expected-error @+1 {{cost energy_pj must be a finite non-negative number}}
func.func @energy() attributes {accel.cost = #accel.cost<energy_pj = -1.0, cycles = 1, utilization = 0.5, macs = 1>} {
  return
}

// -----

// expected-error @+1 {{cost cycles and macs must be non-negative}}
func.func @cycles() attributes {accel.cost = #accel.cost<energy_pj = 1.0, cycles = -1, utilization = 0.5, macs = 1>} {
  return
}

// -----

// expected-error @+1 {{an invalid cost must say why (reason = "...")}}
func.func @no_reason() attributes {accel.cost = #accel.cost<valid = false>} {
  return
}

// -----

// expected-error @+1 {{unknown cost field 'energy'; expected energy_pj, cycles, utilization, macs, valid, reason or levels}}
func.func @unknown_field() attributes {accel.cost = #accel.cost<energy = 1.0>} {
  return
}

// -----

// expected-error @+1 {{duplicate cost field 'cycles'}}
func.func @duplicate_field() attributes {accel.cost = #accel.cost<cycles = 1, cycles = 2>} {
  return
}

// -----

// expected-error @+1 {{cost lists level 'DRAM' twice}}
func.func @duplicate_level() attributes {accel.cost = #accel.cost<levels = ["DRAM": 1.0, "DRAM": 2.0]>} {
  return
}

// -----

// expected-error @+1 {{'accel.cost' must be an #accel.cost attribute}}
func.func @wrong_kind() attributes {accel.cost = "cheap"} {
  return
}
