// RUN: accel-opt %s -split-input-file -verify-diagnostics

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @GLB {entries = 1024}
  accel.fanout @PE {x = 4, y = 2}
  accel.storage @RF {entries = 16}
  accel.compute @mac {}
}

// expected-error @+1 {{mapping refers to @missing, which is not an accel.arch in scope}}
func.func @unknown_arch() attributes {accel.mapping = #accel.mapping<@missing, []>} {
  return
}

// -----

func.func @not_an_arch() {
  return
}
// expected-error @+1 {{mapping refers to @not_an_arch, which is not an accel.arch in scope}}
func.func @g() attributes {accel.mapping = #accel.mapping<@not_an_arch, []>} {
  return
}

// -----

accel.arch @arch {  // expected-note {{architecture @arch has levels DRAM, mac}}
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

// expected-error @+1 {{mapping level 'SRAM' is not a level of architecture @arch}}
func.func @unknown_level() attributes {accel.mapping = #accel.mapping<@arch, ["SRAM": temporal [K 4]]>} {
  return
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}  // expected-note {{level 'mac' of @arch}}
}

// expected-error @+1 {{mapping level 'mac' is the compute level, which holds no loops}}
func.func @compute_level() attributes {accel.mapping = #accel.mapping<@arch, ["mac": temporal [K 4]]>} {
  return
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.fanout @PE {x = 4, y = 2}  // expected-note {{fanout 'PE' is 4 x 2}}
  accel.compute @mac {}
}

// expected-error @+1 {{spatial x loops of level 'PE' need 6 instances, but the fanout has 4 along x}}
func.func @spatial_overflow() attributes {accel.mapping = #accel.mapping<@arch, ["PE": spatial x [K 2, C 3]]>} {
  return
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.fanout @PE {x = 4, y = 2}  // expected-note {{fanout 'PE' is 4 x 2}}
  accel.compute @mac {}
}

// expected-error @+1 {{spatial y loops of level 'PE' need 4 instances, but the fanout has 2 along y}}
func.func @spatial_overflow_y() attributes {accel.mapping = #accel.mapping<@arch, ["PE": spatial y [K 4]]>} {
  return
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.fanout @PE {x = 4}  // expected-note {{level 'PE' of @arch}}
  accel.compute @mac {}
}

// expected-error @+1 {{fanout 'PE' takes only spatial loops (no temporal loops, keep or bypass)}}
func.func @temporal_on_fanout() attributes {accel.mapping = #accel.mapping<@arch, ["PE": temporal [K 4]]>} {
  return
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}  // expected-note {{level 'DRAM' of @arch}}
  accel.fanout @PE {x = 4}
  accel.compute @mac {}
}

// expected-error @+1 {{storage level 'DRAM' takes no spatial loops; spatial loops belong to an accel.fanout}}
func.func @spatial_on_storage() attributes {accel.mapping = #accel.mapping<@arch, ["DRAM": spatial x [K 4]]>} {
  return
}

// -----

// expected-error @+1 {{dimension 'K' appears twice in the temporal loops of level 'DRAM'}}
func.func @duplicate_dim() attributes {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [K 4, C 2, K 2]]>} {
  return
}

// -----

// expected-error @+1 {{dimension 'C' appears twice in the spatial loops of level 'PE'}}
func.func @duplicate_spatial_dim() attributes {accel.mapping = #accel.mapping<@arch, ["PE": spatial x [C 2] y [C 2]]>} {
  return
}

// -----

// expected-error @+1 {{loop factor of dimension 'K' at level 'DRAM' must be positive, got 0}}
func.func @zero_factor() attributes {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [K 0]]>} {
  return
}

// -----

// expected-error @+1 {{tensor 'W' is both kept and bypassed at level 'GLB'}}
func.func @keep_bypass_overlap() attributes {accel.mapping = #accel.mapping<@arch, ["GLB": keep [W, I] bypass [W]]>} {
  return
}

// -----

// expected-error @+1 {{tensor 'I' is listed twice in 'keep' of level 'GLB'}}
func.func @keep_twice() attributes {accel.mapping = #accel.mapping<@arch, ["GLB": keep [I, I]]>} {
  return
}

// -----

// expected-error @+1 {{level 'GLB' is mapped twice}}
func.func @level_twice() attributes {accel.mapping = #accel.mapping<@arch, ["GLB": temporal [K 2], "GLB": keep [I]]>} {
  return
}

// -----

// expected-error @+1 {{level 'GLB' has more than one 'temporal' clause}}
func.func @clause_twice() attributes {accel.mapping = #accel.mapping<@arch, ["GLB": temporal [K 2] temporal [C 2]]>} {
  return
}

// -----

// expected-error @+1 {{expected 'x' or 'y' after 'spatial'}}
func.func @spatial_no_axis() attributes {accel.mapping = #accel.mapping<@arch, ["PE": spatial [K 2]]>} {
  return
}

// -----

// expected-error @+1 {{'accel.mapping' must be an #accel.mapping attribute}}
func.func @wrong_kind() attributes {accel.mapping = 3 : i64} {
  return
}

// -----

// expected-error @+1 {{unknown attribute 'accel.mapings' of the accel dialect}}
func.func @misspelled() attributes {accel.mapings = 3 : i64} {
  return
}

// -----

// expected-error @+1 {{residual of dimension 'P' must be at least 1 (the iterations of its last pass), got 0}}
func.func @zero_residual() attributes {some.level = #accel.level<"RF": temporal [P 4 (0)]>} {
  return
}

// -----

// expected-error @+1 {{residual 5 of dimension 'P' at level 'RF' must be between 1 and its factor 4}}
func.func @large_residual() attributes {some.level = #accel.level<"RF": temporal [P 4 (5)]>} {
  return
}
