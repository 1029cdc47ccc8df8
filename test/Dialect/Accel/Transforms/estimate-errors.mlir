// RUN: accel-opt %s --accel-estimate -split-input-file -verify-diagnostics -allow-unregistered-dialect

// What the bridge cannot model, or mappings that do not fit their op: each
// is an error (or, for an invalid mapping, a warning) on the op that says
// why.

accel.arch @arch {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8}
  accel.storage @GLB {entries = 256, word_bits = 8}
  accel.fanout @PE {x = 4}
  accel.storage @RF {entries = 16, word_bits = 8}
  accel.compute @mac {word_bits = 8}
}

func.func @dynamic(%a: tensor<?x8xf32>, %b: tensor<8x4xf32>, %c: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @+1 {{cannot model an op with dynamic shapes; the model needs static loop bounds}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [M 4]]>}
      ins(%a, %b : tensor<?x8xf32>, tensor<8x4xf32>) outs(%c : tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

func.func @mod(%a: tensor<4x4xf32>, %c: tensor<8x4xf32>) -> tensor<8x4xf32> {
  // expected-error @+1 {{cannot model operand #0 ('0'): its index expression 'd0 mod 4' (result #0 of its indexing map) is not an affine sum of loop dimensions: it uses 'mod'}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 mod 4, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"],
                       accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [d0 8, d1 4]]>}
      ins(%a : tensor<4x4xf32>) outs(%c : tensor<8x4xf32>) {
  ^bb0(%x: f32, %acc: f32):
    linalg.yield %x : f32
  } -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

func.func @floordiv(%a: tensor<4xf32>, %c: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{its index expression 'd0 floordiv 2' (result #0 of its indexing map) is not an affine sum of loop dimensions: it uses 'floordiv'}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0 floordiv 2)>, affine_map<(d0) -> (d0)>],
                       iterator_types = ["parallel"],
                       accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [d0 8]]>}
      ins(%a : tensor<4xf32>) outs(%c : tensor<8xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @RF {entries = 64}
  accel.compute @mac {}
}

func.func @product_mismatch(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{factors of dimension 'M' multiply to 4 across the mapping, but the op's bound is 8}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [M 2], "RF": temporal [M 2, N 2, K 4]]>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @RF {entries = 64}
  accel.compute @mac {}
}

// Factors covering more than a bound split it imperfectly: the note says
// which residual makes that explicit.
func.func @ceiling_factors(%a: tensor<7x4xf32>, %b: tensor<4x2xf32>, %c: tensor<7x2xf32>) -> tensor<7x2xf32> {
  // expected-error @+2 {{factors of dimension 'M' multiply to 8 across the mapping, but the op's bound is 7}}
  // expected-note @+1 {{an imperfect split gives the last pass of a loop fewer iterations: write 'M 4 (3)'}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [M 2], "RF": temporal [M 4, N 2, K 4]]>}
      ins(%a, %b : tensor<7x4xf32>, tensor<4x2xf32>) outs(%c : tensor<7x2xf32>) -> tensor<7x2xf32>
  return %0 : tensor<7x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @RF {entries = 64}
  accel.compute @mac {}
}

func.func @residuals_miss_bound(%a: tensor<7x4xf32>, %b: tensor<4x2xf32>, %c: tensor<7x2xf32>) -> tensor<7x2xf32> {
  // expected-error @+1 {{invalid mapping: factors of dimension 'M' with their residuals cover 6 points, but its bound is 7}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [M 2], "RF": temporal [M 4 (2), N 2, K 4]]>}
      ins(%a, %b : tensor<7x4xf32>, tensor<4x2xf32>) outs(%c : tensor<7x2xf32>) -> tensor<7x2xf32>
  return %0 : tensor<7x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

func.func @unknown_dimension(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{mapping level 'DRAM' has a loop over 'P', which is not a dimension of this op (its dimensions: M, N, K)}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [P 8, N 2, K 4]]>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @RF {entries = 64}
  accel.compute @mac {}
}

func.func @unknown_tensor(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{mapping level 'RF' keeps 'Filters', which is not a tensor of this op (its tensors: A, B, C; or the roles Inputs, Weights, Outputs)}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["RF": temporal [M 8, N 2, K 4] keep [Filters]]>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @RF {entries = 64}
  accel.compute @mac {}
}

func.func @unknown_bypassed_tensor(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{mapping level 'RF' bypasses 'I', which is not a tensor of this op (its tensors: A, B, C; or the roles Inputs, Weights, Outputs)}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["RF": temporal [M 8, N 2, K 4] bypass [I]]>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

accel.arch @arch {  // expected-note {{architecture @arch has levels DRAM, mac}}
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

func.func @unknown_level(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{mapping level 'GLB' is not a level of architecture @arch}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["GLB": temporal [M 8, N 2, K 4]]>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

func.func @missing_arch(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{mapping refers to @nowhere, which is not an accel.arch in scope}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@nowhere, []>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.fanout @PE {x = 4}  // expected-note {{fanout 'PE' is 4 x 1}}
  accel.compute @mac {}
}

func.func @spatial_over_fanout(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{spatial x loops of level 'PE' need 8 instances, but the fanout has 4 along x}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [N 2, K 4], "PE": spatial x [M 8]]>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

func.func @not_linalg() -> () {
  // expected-error @+1 {{'accel.mapping' is on an op that is not a linalg structured op; only those can be modelled}}
  "test.op"() {accel.mapping = #accel.mapping<@arch, []>} : () -> ()
  return
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

func.func @names_length(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{'accel.dim_names' lists 2 dimension names, but the op has 3}}
  %0 = linalg.matmul {accel.dim_names = ["X", "Y"], accel.mapping = #accel.mapping<@arch, []>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

func.func @names_type(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{'accel.tensor_names' must be an array of non-empty strings}}
  %0 = linalg.matmul {accel.tensor_names = ["A", 3, "C"]}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

func.func @names_twice(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{'accel.dim_names' lists 'X' twice}}
  %0 = linalg.matmul {accel.dim_names = ["X", "X", "Y"]}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.compute @mac {}
}

func.func @zero_size(%a: tensor<0x4xf32>, %b: tensor<4x2xf32>, %c: tensor<0x2xf32>) -> tensor<0x2xf32> {
  // expected-error @+1 {{loop dimension 'M' has size 0; the model needs positive sizes}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, []>}
      ins(%a, %b : tensor<0x4xf32>, tensor<4x2xf32>) outs(%c : tensor<0x2xf32>) -> tensor<0x2xf32>
  return %0 : tensor<0x2xf32>
}

// -----

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @RF {entries = 16}
  accel.compute @mac {}
}

// An invalid mapping is a warning and an invalid cost, not a failure.
func.func @too_big(%a: tensor<8x4xf32>, %b: tensor<4x2xf32>, %c: tensor<8x2xf32>) -> tensor<8x2xf32> {
  // expected-warning @+1 {{mapping is invalid: tiles at 'RF' need 56 words, but it holds 16}}
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["RF": temporal [M 8, N 2, K 4]]>}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x2xf32>) outs(%c : tensor<8x2xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}
