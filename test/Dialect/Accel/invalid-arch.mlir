// RUN: accel-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{must list its levels, outermost first, ending with one accel.compute}}
accel.arch @empty {
}

// -----

accel.arch @no_compute {
  // expected-error @-1 {{must have exactly one accel.compute, found 0}}
  accel.storage @DRAM {}
}

// -----

accel.arch @two_computes {
  // expected-error @-1 {{must have exactly one accel.compute, found 2}}
  accel.storage @DRAM {}
  accel.compute @a {}
  accel.compute @b {}
}

// -----

accel.arch @compute_not_last {
  accel.storage @DRAM {}
  // expected-error @+1 {{must be the last (innermost) level of its architecture}}
  accel.compute @mac {}
  accel.storage @RF {}
}

// -----

accel.arch @fanout_first {
  // expected-error @+1 {{cannot be the outermost level: an architecture starts with an accel.storage}}
  accel.fanout @PE {x = 4}
  accel.storage @DRAM {}
  accel.compute @mac {}
}

// -----

accel.arch @foreign_op {
  accel.storage @DRAM {}
  // expected-error @+1 {{cannot appear in an architecture; expected accel.storage, accel.fanout or accel.compute}}
  func.func private @f()
  accel.compute @mac {}
}

// -----

accel.arch @duplicate_names {
  // expected-note @+1 {{see existing symbol definition here}}
  accel.storage @buf {}
  // expected-error @+1 {{redefinition of symbol named 'buf'}}
  accel.storage @buf {}
  accel.compute @mac {}
}

// -----

// expected-error @+1 {{expects parent op 'accel.arch'}}
accel.storage @outside {}

// -----

accel.arch @negative_entries {
  // expected-error @+1 {{attribute 'entries' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  accel.storage @buf {entries = -4}
  accel.compute @mac {}
}

// -----

accel.arch @zero_depth {
  // expected-error @+1 {{attribute 'depth' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  accel.storage @buf {depth = 0, width = 64}
  accel.compute @mac {}
}

// -----

accel.arch @entries_and_depth {
  // expected-error @+1 {{takes 'entries' or 'depth', not both}}
  accel.storage @buf {entries = 64, depth = 8, width = 64, word_bits = 8}
  accel.compute @mac {}
}

// -----

accel.arch @bad_width {
  // expected-error @+1 {{'width' (60 bits) must be a multiple of word_bits x block_size (8 x 1)}}
  accel.storage @buf {depth = 16, width = 60, word_bits = 8}
  accel.compute @mac {}
}

// -----

accel.arch @bad_width_block {
  // expected-error @+1 {{'width' (64 bits) must be a multiple of word_bits x block_size (8 x 3)}}
  accel.storage @buf {depth = 16, width = 64, word_bits = 8, block_size = 3}
  accel.compute @mac {}
}

// -----

accel.arch @bad_cluster {
  // expected-error @+1 {{word_bits x block_size x cluster_size (8 x 2 x 2) must equal 'width' (64)}}
  accel.storage @buf {depth = 16, width = 64, word_bits = 8, block_size = 2, cluster_size = 2}
  accel.compute @mac {}
}

// -----

accel.arch @zero_word_bits {
  // expected-error @+1 {{attribute 'word_bits' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  accel.storage @buf {word_bits = 0}
  accel.compute @mac {}
}

// -----

accel.arch @keep_and_bypass {
  // expected-error @+1 {{both keeps and bypasses tensor 'Weights'}}
  accel.storage @buf {keep = ["Inputs", "Weights"], bypass = ["Weights"]}
  accel.compute @mac {}
}

// -----

accel.arch @keep_twice {
  // expected-error @+1 {{lists tensor 'Inputs' twice in 'keep'}}
  accel.storage @buf {keep = ["Inputs", "Inputs"]}
  accel.compute @mac {}
}

// -----

accel.arch @bad_buffering {
  // expected-error @+1 {{'multiple_buffering' must be at least 1, got 0.5}}
  accel.storage @buf {multiple_buffering = 0.5}
  accel.compute @mac {}
}

// -----

accel.arch @bad_min_utilization {
  // expected-error @+1 {{'min_utilization' must lie in [0, 1], got 1.5}}
  accel.storage @buf {min_utilization = 1.5}
  accel.compute @mac {}
}

// -----

accel.arch @bad_bandwidth {
  // expected-error @+1 {{'read_bandwidth' must be greater than 0, got 0}}
  accel.storage @buf {read_bandwidth = 0}
  accel.compute @mac {}
}

// -----

accel.arch @bandwidth_type {
  // expected-error @+1 {{attribute 'write_bandwidth' failed to satisfy constraint: integer or floating-point number}}
  accel.storage @buf {write_bandwidth = "fast"}
  accel.compute @mac {}
}

// -----

accel.arch @unknown_energy_key {
  // expected-error @+1 {{duplicate or unknown struct parameter name: reed}}
  accel.storage @buf {energy = #accel.energy<reed = 1.0>}
  accel.compute @mac {}
}

// -----

accel.arch @negative_energy {
  // expected-error @+1 {{'energy.read' must be a non-negative number, got -1}}
  accel.storage @buf {energy = #accel.energy<read = -1.0>}
  accel.compute @mac {}
}

// -----

accel.arch @storage_compute_energy {
  // expected-error @+1 {{'energy' of a storage level gives no 'compute' energy (that belongs to accel.compute)}}
  accel.storage @buf {energy = #accel.energy<read = 1.0, compute = 2.0>}
  accel.compute @mac {}
}

// -----

accel.arch @energy_not_a_table {
  // expected-error @+1 {{attribute 'energy' failed to satisfy constraint}}
  accel.storage @buf {energy = {read = 1.0}}
  accel.compute @mac {}
}

// -----

accel.arch @negative_network {
  // expected-error @+1 {{'network.word_bits' must be positive, got 0}}
  accel.storage @buf {network = #accel.network<word_bits = 0, energy_per_hop = 1>}
  accel.compute @mac {}
}

// -----

accel.arch @unknown_technology {
  // expected-error @+1 {{unknown technology 'flash'; expected 'sram', 'dram' or 'regfile'}}
  accel.storage @buf {technology = "flash"}
  accel.compute @mac {}
}

// -----

accel.arch @unit_fanout {
  accel.storage @DRAM {}
  // expected-error @+1 {{of 1 x 1 distributes nothing; give 'x' or 'y' greater than 1}}
  accel.fanout @PE {x = 1}
  accel.compute @mac {}
}

// -----

accel.arch @zero_fanout {
  accel.storage @DRAM {}
  // expected-error @+1 {{attribute 'y' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  accel.fanout @PE {x = 4, y = 0}
  accel.compute @mac {}
}

// -----

accel.arch @huge_fanout {
  // expected-error @-1 {{has more than 2^63 compute instances}}
  accel.storage @DRAM {}
  accel.fanout @A {x = 4294967296}
  accel.fanout @B {x = 4294967296}
  accel.compute @mac {}
}

// -----

accel.arch @compute_energy {
  accel.storage @DRAM {}
  // expected-error @+1 {{'energy' of the compute level gives only 'compute' and 'leak'}}
  accel.compute @mac {energy = #accel.energy<read = 1.0>}
}

// -----

accel.arch @compute_word_bits {
  accel.storage @DRAM {}
  // expected-error @+1 {{attribute 'word_bits' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  accel.compute @mac {word_bits = -8}
}

// -----

accel.arch @bad_factors {
  // expected-error @+1 {{expected integer value}}
  accel.storage @DRAM {factors = #accel.factors<N = 1, M max>}
  accel.compute @mac {}
}

// -----

accel.arch @factor_relation {
  // expected-error @+1 {{expected '=', 'max' or 'min' after dimension 'M', got 'under'}}
  accel.storage @DRAM {factors = #accel.factors<M under 4>}
  accel.compute @mac {}
}

// -----

accel.arch @zero_factor {
  // expected-error @+1 {{a fixed factor must be positive (write `all` for the whole bound), got 0}}
  accel.storage @DRAM {factors = #accel.factors<M = 0>}
  accel.compute @mac {}
}

// -----

accel.arch @zero_bound {
  // expected-error @+1 {{'M min' needs a positive factor, got 0}}
  accel.storage @DRAM {factors = #accel.factors<M min 0>}
  accel.compute @mac {}
}

// -----

accel.arch @factor_twice {
  // expected-error @+1 {{constrains the factor of 'M' twice}}
  accel.storage @DRAM {factors = #accel.factors<M = 2, M max 4>}
  accel.compute @mac {}
}

// -----

accel.arch @factors_as_text {
  // expected-error @+1 {{attribute 'factors' failed to satisfy constraint}}
  accel.storage @DRAM {factors = "N=1"}
  accel.compute @mac {}
}

// -----

accel.arch @bad_factor_text {
  accel.storage @DRAM {}
  // expected-error @+1 {{expected valid keyword or string}}
  accel.fanout @PE {x = 4, factors = #accel.factors<= 4>}
  accel.compute @mac {}
}

// -----

accel.arch @duplicate_loop {
  // expected-error @+1 {{lists dimension 'C' twice in 'inner_loops'}}
  accel.storage @DRAM {inner_loops = ["C", "R", "C"]}
  accel.compute @mac {}
}

// -----

accel.arch @inner_and_outer {
  // expected-error @+1 {{puts dimension 'N' both innermost and outermost}}
  accel.storage @DRAM {inner_loops = ["N"], outer_loops = ["M", "N"]}
  accel.compute @mac {}
}

// -----

accel.arch @duplicate_axis_dim {
  accel.storage @DRAM {}
  // expected-error @+1 {{lists dimension 'Q' twice in 'x_dims'}}
  accel.fanout @PE {x = 4, x_dims = ["Q", "Q"]}
  accel.compute @mac {}
}

// -----

accel.arch @compute_min_utilization {
  accel.storage @DRAM {}
  // expected-error @+1 {{'min_utilization' must lie in [0, 1], got 1.5}}
  accel.compute @mac {min_utilization = 1.5}
}

// -----

// Attributes of the wrong type are errors, not dropped (a string `entries`
// used to leave the buffer unbounded).
accel.arch @string_entries {
  accel.storage @DRAM {}
  // expected-error @+1 {{attribute 'entries' failed to satisfy constraint: 64-bit signless integer attribute}}
  accel.storage @buf {entries = "2"}
  accel.compute @mac {}
}

// -----

accel.arch @float_entries {
  accel.storage @DRAM {}
  // expected-error @+1 {{attribute 'entries' failed to satisfy constraint: 64-bit signless integer attribute}}
  accel.storage @buf {entries = 1.5}
  accel.compute @mac {}
}

// -----

accel.arch @float_fanout {
  accel.storage @DRAM {}
  // expected-error @+1 {{attribute 'x' failed to satisfy constraint: 64-bit signless integer attribute}}
  accel.fanout @PE {x = 4.0}
  accel.compute @mac {}
}
