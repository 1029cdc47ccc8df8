// RUN: accel-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

func.func @bad_axis() {
  // expected-error @+1 {{expected axis 'x' or 'y', got 'z'}}
  "test.op"() {accel.spatial = #accel.spatial<"PE", z, 0>} : () -> ()
  return
}

// -----

func.func @level_not_a_name() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'accel.level' must name a level}}
  scf.for %k = %c0 to %c1 step %c1 {
  } {accel.level = 3 : i64}
  return
}

// -----

func.func @spatial_not_spatial() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'accel.spatial' must be an #accel.spatial attribute}}
  scf.for %k = %c0 to %c1 step %c1 {
  } {accel.spatial = "PE"}
  return
}
