// RUN: accel-opt %s | FileCheck %s
// RUN: accel-opt %s --verify-roundtrip | FileCheck %s

accel.arch @eyeriss_like {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8}
  accel.storage @shared_glb {depth = 16384, width = 64, word_bits = 8}
  accel.fanout @PE_column {x = 14}
  accel.fanout @PE {y = 12}
  accel.storage @weights_spad {depth = 192, width = 16, word_bits = 8}
  accel.storage @psum_spad {depth = 16, width = 16, word_bits = 16}
  accel.compute @mac {word_bits = 8}
}

// Loops read outermost first; names are bare identifiers or strings.
// CHECK-LABEL: func.func @conv
// CHECK: accel.mapping = #accel.mapping<@eyeriss_like, ["DRAM": temporal [M 4, Q 2, P 8], "shared_glb": temporal [Q 4, P 14] keep [Inputs, Outputs] bypass [Weights], "PE_column": spatial x [Q 14], "PE": spatial y [C 3, S 3], "weights_spad": temporal [R 3] keep [Weights] bypass [Inputs, Outputs], "psum_spad": temporal [M 8] keep [Outputs] bypass [Weights, Inputs]]>
func.func @conv(%in: tensor<1x3x225x225xf32>, %w: tensor<32x3x3x3xf32>,
                %out: tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32> {
  %0 = linalg.conv_2d_nchw_fchw {
      accel.mapping = #accel.mapping<@eyeriss_like, [
        "DRAM": temporal [M 4, Q 2, P 8],
        "shared_glb": temporal [Q 4, P 14] keep [Inputs, Outputs] bypass [Weights],
        "PE_column": spatial x [Q 14],
        "PE": spatial y [C 3, S 3],
        "weights_spad": temporal [R 3] keep [Weights] bypass [Inputs, Outputs],
        "psum_spad": temporal [M 8] keep [Outputs] bypass [Weights, Inputs]]>,
      dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%in, %w : tensor<1x3x225x225xf32>, tensor<32x3x3x3xf32>)
      outs(%out : tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32>
  return %0 : tensor<1x32x112x112xf32>
}

// A level may be listed with no clause; non-identifier names are quoted; a
// fanout may take loops along both axes.
accel.arch @grid {
  accel.storage @DRAM {technology = "dram"}
  accel.fanout @PE {x = 4, y = 4}
  accel.compute @mac {}
}

// CHECK-LABEL: func.func @generic_names
// CHECK-SAME: accel.mapping = #accel.mapping<@grid, ["DRAM": keep ["0", out_1], "PE": spatial x [d0 2] y ["1d" 3]]>
func.func @generic_names() attributes {
    accel.mapping = #accel.mapping<@grid, ["DRAM": keep ["0", "out_1"],
                                           "PE": spatial x [d0 2] y ["1d" 3]]>} {
  return
}

// A standalone level attribute.
// CHECK-LABEL: func.func @level
// CHECK-SAME: some.level = #accel.level<"RF": temporal [K 2, R 3] bypass [I]>
func.func @level() attributes {some.level = #accel.level<"RF": temporal [K 2, R 3] bypass [I]>} {
  return
}

// Imperfect loops give the trip count of their dimension's last pass in
// parentheses; a residual equal to the factor is the factor itself.
// CHECK-LABEL: func.func @imperfect
// CHECK-SAME: some.level = #accel.level<"PE": spatial x [P 16 (5)] y [K 2]>
// CHECK-LABEL: func.func @perfect_residual
// CHECK-SAME: some.level = #accel.level<"RF": temporal [P 4]>
func.func @imperfect() attributes {some.level = #accel.level<"PE": spatial x [P 16 (5)] y [K 2 (2)]>} {
  return
}
func.func @perfect_residual() attributes {some.level = #accel.level<"RF": temporal [P 4 (4)]>} {
  return
}
