func.func @conv(%in: tensor<1x3x225x225xf32>, %w: tensor<32x3x3x3xf32>,
                %out: tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32> {
  %0 = linalg.conv_2d_nchw_fchw {
      accel.mapping = #accel.mapping<@eyeriss_like, [
        "DRAM": temporal [P 8, Q 2, M 4],
        "shared_glb": temporal [P 14, Q 4] keep [I, O],
        "PE_column": spatial x [Q 14],
        "PE": spatial y [C 3, S 3],
        "ifmap_spad": keep [I],
        "weights_spad": temporal [R 3] keep [W],
        "psum_spad": temporal [M 8] keep [O]]>,
      dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%in, %w : tensor<1x3x225x225xf32>, tensor<32x3x3x3xf32>)
      outs(%out : tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32>
  return %0 : tensor<1x32x112x112xf32>
}
