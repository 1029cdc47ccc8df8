// mobilenet_v3: 64 layers from layers.tsv, written by scripts/layers-to-mlir.py.
// Each layer is a function on its input, weights and output.
module {
  func.func @layer_00(%i: tensor<1x3x225x225xf32>, %f: tensor<16x3x3x3xf32>, %o: tensor<1x16x112x112xf32>) -> tensor<1x16x112x112xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x3x225x225xf32>, tensor<16x3x3x3xf32>) outs(%o : tensor<1x16x112x112xf32>) -> tensor<1x16x112x112xf32>
    return %0 : tensor<1x16x112x112xf32>
  }
  func.func @layer_01(%i: tensor<1x16x114x114xf32>, %f: tensor<16x3x3xf32>, %o: tensor<1x16x112x112xf32>) -> tensor<1x16x112x112xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x16x114x114xf32>, tensor<16x3x3xf32>) outs(%o : tensor<1x16x112x112xf32>) -> tensor<1x16x112x112xf32>
    return %0 : tensor<1x16x112x112xf32>
  }
  func.func @layer_02(%i: tensor<1x16x112x112xf32>, %f: tensor<16x16x1x1xf32>, %o: tensor<1x16x112x112xf32>) -> tensor<1x16x112x112xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x16x112x112xf32>, tensor<16x16x1x1xf32>) outs(%o : tensor<1x16x112x112xf32>) -> tensor<1x16x112x112xf32>
    return %0 : tensor<1x16x112x112xf32>
  }
  func.func @layer_03(%i: tensor<1x16x112x112xf32>, %f: tensor<64x16x1x1xf32>, %o: tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x16x112x112xf32>, tensor<64x16x1x1xf32>) outs(%o : tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32>
    return %0 : tensor<1x64x112x112xf32>
  }
  func.func @layer_04(%i: tensor<1x64x113x113xf32>, %f: tensor<64x3x3xf32>, %o: tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x113x113xf32>, tensor<64x3x3xf32>) outs(%o : tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>
    return %0 : tensor<1x64x56x56xf32>
  }
  func.func @layer_05(%i: tensor<1x64x56x56xf32>, %f: tensor<24x64x1x1xf32>, %o: tensor<1x24x56x56xf32>) -> tensor<1x24x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x56x56xf32>, tensor<24x64x1x1xf32>) outs(%o : tensor<1x24x56x56xf32>) -> tensor<1x24x56x56xf32>
    return %0 : tensor<1x24x56x56xf32>
  }
  func.func @layer_06(%i: tensor<1x24x56x56xf32>, %f: tensor<72x24x1x1xf32>, %o: tensor<1x72x56x56xf32>) -> tensor<1x72x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x24x56x56xf32>, tensor<72x24x1x1xf32>) outs(%o : tensor<1x72x56x56xf32>) -> tensor<1x72x56x56xf32>
    return %0 : tensor<1x72x56x56xf32>
  }
  func.func @layer_07(%i: tensor<1x72x58x58xf32>, %f: tensor<72x3x3xf32>, %o: tensor<1x72x56x56xf32>) -> tensor<1x72x56x56xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x72x58x58xf32>, tensor<72x3x3xf32>) outs(%o : tensor<1x72x56x56xf32>) -> tensor<1x72x56x56xf32>
    return %0 : tensor<1x72x56x56xf32>
  }
  func.func @layer_08(%i: tensor<1x72x56x56xf32>, %f: tensor<24x72x1x1xf32>, %o: tensor<1x24x56x56xf32>) -> tensor<1x24x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x72x56x56xf32>, tensor<24x72x1x1xf32>) outs(%o : tensor<1x24x56x56xf32>) -> tensor<1x24x56x56xf32>
    return %0 : tensor<1x24x56x56xf32>
  }
  func.func @layer_09(%i: tensor<1x24x56x56xf32>, %f: tensor<72x24x1x1xf32>, %o: tensor<1x72x56x56xf32>) -> tensor<1x72x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x24x56x56xf32>, tensor<72x24x1x1xf32>) outs(%o : tensor<1x72x56x56xf32>) -> tensor<1x72x56x56xf32>
    return %0 : tensor<1x72x56x56xf32>
  }
  func.func @layer_10(%i: tensor<1x72x59x59xf32>, %f: tensor<72x5x5xf32>, %o: tensor<1x72x28x28xf32>) -> tensor<1x72x28x28xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x72x59x59xf32>, tensor<72x5x5xf32>) outs(%o : tensor<1x72x28x28xf32>) -> tensor<1x72x28x28xf32>
    return %0 : tensor<1x72x28x28xf32>
  }
  func.func @layer_11(%a: tensor<1x72xf32>, %b: tensor<72x24xf32>, %out: tensor<1x24xf32>) -> tensor<1x24xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x72xf32>, tensor<72x24xf32>) outs(%out : tensor<1x24xf32>) -> tensor<1x24xf32>
    return %0 : tensor<1x24xf32>
  }
  func.func @layer_12(%a: tensor<1x24xf32>, %b: tensor<24x72xf32>, %out: tensor<1x72xf32>) -> tensor<1x72xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x24xf32>, tensor<24x72xf32>) outs(%out : tensor<1x72xf32>) -> tensor<1x72xf32>
    return %0 : tensor<1x72xf32>
  }
  func.func @layer_13(%i: tensor<1x72x28x28xf32>, %f: tensor<40x72x1x1xf32>, %o: tensor<1x40x28x28xf32>) -> tensor<1x40x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x72x28x28xf32>, tensor<40x72x1x1xf32>) outs(%o : tensor<1x40x28x28xf32>) -> tensor<1x40x28x28xf32>
    return %0 : tensor<1x40x28x28xf32>
  }
  func.func @layer_14(%i: tensor<1x40x28x28xf32>, %f: tensor<120x40x1x1xf32>, %o: tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x40x28x28xf32>, tensor<120x40x1x1xf32>) outs(%o : tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32>
    return %0 : tensor<1x120x28x28xf32>
  }
  func.func @layer_15(%i: tensor<1x120x32x32xf32>, %f: tensor<120x5x5xf32>, %o: tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x120x32x32xf32>, tensor<120x5x5xf32>) outs(%o : tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32>
    return %0 : tensor<1x120x28x28xf32>
  }
  func.func @layer_16(%a: tensor<1x120xf32>, %b: tensor<120x32xf32>, %out: tensor<1x32xf32>) -> tensor<1x32xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x120xf32>, tensor<120x32xf32>) outs(%out : tensor<1x32xf32>) -> tensor<1x32xf32>
    return %0 : tensor<1x32xf32>
  }
  func.func @layer_17(%a: tensor<1x32xf32>, %b: tensor<32x120xf32>, %out: tensor<1x120xf32>) -> tensor<1x120xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x32xf32>, tensor<32x120xf32>) outs(%out : tensor<1x120xf32>) -> tensor<1x120xf32>
    return %0 : tensor<1x120xf32>
  }
  func.func @layer_18(%i: tensor<1x120x28x28xf32>, %f: tensor<40x120x1x1xf32>, %o: tensor<1x40x28x28xf32>) -> tensor<1x40x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x120x28x28xf32>, tensor<40x120x1x1xf32>) outs(%o : tensor<1x40x28x28xf32>) -> tensor<1x40x28x28xf32>
    return %0 : tensor<1x40x28x28xf32>
  }
  func.func @layer_19(%i: tensor<1x40x28x28xf32>, %f: tensor<120x40x1x1xf32>, %o: tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x40x28x28xf32>, tensor<120x40x1x1xf32>) outs(%o : tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32>
    return %0 : tensor<1x120x28x28xf32>
  }
  func.func @layer_20(%i: tensor<1x120x32x32xf32>, %f: tensor<120x5x5xf32>, %o: tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x120x32x32xf32>, tensor<120x5x5xf32>) outs(%o : tensor<1x120x28x28xf32>) -> tensor<1x120x28x28xf32>
    return %0 : tensor<1x120x28x28xf32>
  }
  func.func @layer_21(%a: tensor<1x120xf32>, %b: tensor<120x32xf32>, %out: tensor<1x32xf32>) -> tensor<1x32xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x120xf32>, tensor<120x32xf32>) outs(%out : tensor<1x32xf32>) -> tensor<1x32xf32>
    return %0 : tensor<1x32xf32>
  }
  func.func @layer_22(%a: tensor<1x32xf32>, %b: tensor<32x120xf32>, %out: tensor<1x120xf32>) -> tensor<1x120xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x32xf32>, tensor<32x120xf32>) outs(%out : tensor<1x120xf32>) -> tensor<1x120xf32>
    return %0 : tensor<1x120xf32>
  }
  func.func @layer_23(%i: tensor<1x120x28x28xf32>, %f: tensor<40x120x1x1xf32>, %o: tensor<1x40x28x28xf32>) -> tensor<1x40x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x120x28x28xf32>, tensor<40x120x1x1xf32>) outs(%o : tensor<1x40x28x28xf32>) -> tensor<1x40x28x28xf32>
    return %0 : tensor<1x40x28x28xf32>
  }
  func.func @layer_24(%i: tensor<1x40x28x28xf32>, %f: tensor<240x40x1x1xf32>, %o: tensor<1x240x28x28xf32>) -> tensor<1x240x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x40x28x28xf32>, tensor<240x40x1x1xf32>) outs(%o : tensor<1x240x28x28xf32>) -> tensor<1x240x28x28xf32>
    return %0 : tensor<1x240x28x28xf32>
  }
  func.func @layer_25(%i: tensor<1x240x29x29xf32>, %f: tensor<240x3x3xf32>, %o: tensor<1x240x14x14xf32>) -> tensor<1x240x14x14xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x240x29x29xf32>, tensor<240x3x3xf32>) outs(%o : tensor<1x240x14x14xf32>) -> tensor<1x240x14x14xf32>
    return %0 : tensor<1x240x14x14xf32>
  }
  func.func @layer_26(%i: tensor<1x240x14x14xf32>, %f: tensor<80x240x1x1xf32>, %o: tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x240x14x14xf32>, tensor<80x240x1x1xf32>) outs(%o : tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32>
    return %0 : tensor<1x80x14x14xf32>
  }
  func.func @layer_27(%i: tensor<1x80x14x14xf32>, %f: tensor<200x80x1x1xf32>, %o: tensor<1x200x14x14xf32>) -> tensor<1x200x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x80x14x14xf32>, tensor<200x80x1x1xf32>) outs(%o : tensor<1x200x14x14xf32>) -> tensor<1x200x14x14xf32>
    return %0 : tensor<1x200x14x14xf32>
  }
  func.func @layer_28(%i: tensor<1x200x16x16xf32>, %f: tensor<200x3x3xf32>, %o: tensor<1x200x14x14xf32>) -> tensor<1x200x14x14xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x200x16x16xf32>, tensor<200x3x3xf32>) outs(%o : tensor<1x200x14x14xf32>) -> tensor<1x200x14x14xf32>
    return %0 : tensor<1x200x14x14xf32>
  }
  func.func @layer_29(%i: tensor<1x200x14x14xf32>, %f: tensor<80x200x1x1xf32>, %o: tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x200x14x14xf32>, tensor<80x200x1x1xf32>) outs(%o : tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32>
    return %0 : tensor<1x80x14x14xf32>
  }
  func.func @layer_30(%i: tensor<1x80x14x14xf32>, %f: tensor<184x80x1x1xf32>, %o: tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x80x14x14xf32>, tensor<184x80x1x1xf32>) outs(%o : tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32>
    return %0 : tensor<1x184x14x14xf32>
  }
  func.func @layer_31(%i: tensor<1x184x16x16xf32>, %f: tensor<184x3x3xf32>, %o: tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x184x16x16xf32>, tensor<184x3x3xf32>) outs(%o : tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32>
    return %0 : tensor<1x184x14x14xf32>
  }
  func.func @layer_32(%i: tensor<1x184x14x14xf32>, %f: tensor<80x184x1x1xf32>, %o: tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x184x14x14xf32>, tensor<80x184x1x1xf32>) outs(%o : tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32>
    return %0 : tensor<1x80x14x14xf32>
  }
  func.func @layer_33(%i: tensor<1x80x14x14xf32>, %f: tensor<184x80x1x1xf32>, %o: tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x80x14x14xf32>, tensor<184x80x1x1xf32>) outs(%o : tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32>
    return %0 : tensor<1x184x14x14xf32>
  }
  func.func @layer_34(%i: tensor<1x184x16x16xf32>, %f: tensor<184x3x3xf32>, %o: tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x184x16x16xf32>, tensor<184x3x3xf32>) outs(%o : tensor<1x184x14x14xf32>) -> tensor<1x184x14x14xf32>
    return %0 : tensor<1x184x14x14xf32>
  }
  func.func @layer_35(%i: tensor<1x184x14x14xf32>, %f: tensor<80x184x1x1xf32>, %o: tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x184x14x14xf32>, tensor<80x184x1x1xf32>) outs(%o : tensor<1x80x14x14xf32>) -> tensor<1x80x14x14xf32>
    return %0 : tensor<1x80x14x14xf32>
  }
  func.func @layer_36(%i: tensor<1x80x14x14xf32>, %f: tensor<480x80x1x1xf32>, %o: tensor<1x480x14x14xf32>) -> tensor<1x480x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x80x14x14xf32>, tensor<480x80x1x1xf32>) outs(%o : tensor<1x480x14x14xf32>) -> tensor<1x480x14x14xf32>
    return %0 : tensor<1x480x14x14xf32>
  }
  func.func @layer_37(%i: tensor<1x480x16x16xf32>, %f: tensor<480x3x3xf32>, %o: tensor<1x480x14x14xf32>) -> tensor<1x480x14x14xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x480x16x16xf32>, tensor<480x3x3xf32>) outs(%o : tensor<1x480x14x14xf32>) -> tensor<1x480x14x14xf32>
    return %0 : tensor<1x480x14x14xf32>
  }
  func.func @layer_38(%a: tensor<1x480xf32>, %b: tensor<480x120xf32>, %out: tensor<1x120xf32>) -> tensor<1x120xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x480xf32>, tensor<480x120xf32>) outs(%out : tensor<1x120xf32>) -> tensor<1x120xf32>
    return %0 : tensor<1x120xf32>
  }
  func.func @layer_39(%a: tensor<1x120xf32>, %b: tensor<120x480xf32>, %out: tensor<1x480xf32>) -> tensor<1x480xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x120xf32>, tensor<120x480xf32>) outs(%out : tensor<1x480xf32>) -> tensor<1x480xf32>
    return %0 : tensor<1x480xf32>
  }
  func.func @layer_40(%i: tensor<1x480x14x14xf32>, %f: tensor<112x480x1x1xf32>, %o: tensor<1x112x14x14xf32>) -> tensor<1x112x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x480x14x14xf32>, tensor<112x480x1x1xf32>) outs(%o : tensor<1x112x14x14xf32>) -> tensor<1x112x14x14xf32>
    return %0 : tensor<1x112x14x14xf32>
  }
  func.func @layer_41(%i: tensor<1x112x14x14xf32>, %f: tensor<672x112x1x1xf32>, %o: tensor<1x672x14x14xf32>) -> tensor<1x672x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x112x14x14xf32>, tensor<672x112x1x1xf32>) outs(%o : tensor<1x672x14x14xf32>) -> tensor<1x672x14x14xf32>
    return %0 : tensor<1x672x14x14xf32>
  }
  func.func @layer_42(%i: tensor<1x672x16x16xf32>, %f: tensor<672x3x3xf32>, %o: tensor<1x672x14x14xf32>) -> tensor<1x672x14x14xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x672x16x16xf32>, tensor<672x3x3xf32>) outs(%o : tensor<1x672x14x14xf32>) -> tensor<1x672x14x14xf32>
    return %0 : tensor<1x672x14x14xf32>
  }
  func.func @layer_43(%a: tensor<1x672xf32>, %b: tensor<672x168xf32>, %out: tensor<1x168xf32>) -> tensor<1x168xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x672xf32>, tensor<672x168xf32>) outs(%out : tensor<1x168xf32>) -> tensor<1x168xf32>
    return %0 : tensor<1x168xf32>
  }
  func.func @layer_44(%a: tensor<1x168xf32>, %b: tensor<168x672xf32>, %out: tensor<1x672xf32>) -> tensor<1x672xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x168xf32>, tensor<168x672xf32>) outs(%out : tensor<1x672xf32>) -> tensor<1x672xf32>
    return %0 : tensor<1x672xf32>
  }
  func.func @layer_45(%i: tensor<1x672x14x14xf32>, %f: tensor<112x672x1x1xf32>, %o: tensor<1x112x14x14xf32>) -> tensor<1x112x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x672x14x14xf32>, tensor<112x672x1x1xf32>) outs(%o : tensor<1x112x14x14xf32>) -> tensor<1x112x14x14xf32>
    return %0 : tensor<1x112x14x14xf32>
  }
  func.func @layer_46(%i: tensor<1x112x14x14xf32>, %f: tensor<672x112x1x1xf32>, %o: tensor<1x672x14x14xf32>) -> tensor<1x672x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x112x14x14xf32>, tensor<672x112x1x1xf32>) outs(%o : tensor<1x672x14x14xf32>) -> tensor<1x672x14x14xf32>
    return %0 : tensor<1x672x14x14xf32>
  }
  func.func @layer_47(%i: tensor<1x672x17x17xf32>, %f: tensor<672x5x5xf32>, %o: tensor<1x672x7x7xf32>) -> tensor<1x672x7x7xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x672x17x17xf32>, tensor<672x5x5xf32>) outs(%o : tensor<1x672x7x7xf32>) -> tensor<1x672x7x7xf32>
    return %0 : tensor<1x672x7x7xf32>
  }
  func.func @layer_48(%a: tensor<1x672xf32>, %b: tensor<672x168xf32>, %out: tensor<1x168xf32>) -> tensor<1x168xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x672xf32>, tensor<672x168xf32>) outs(%out : tensor<1x168xf32>) -> tensor<1x168xf32>
    return %0 : tensor<1x168xf32>
  }
  func.func @layer_49(%a: tensor<1x168xf32>, %b: tensor<168x672xf32>, %out: tensor<1x672xf32>) -> tensor<1x672xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x168xf32>, tensor<168x672xf32>) outs(%out : tensor<1x672xf32>) -> tensor<1x672xf32>
    return %0 : tensor<1x672xf32>
  }
  func.func @layer_50(%i: tensor<1x672x7x7xf32>, %f: tensor<160x672x1x1xf32>, %o: tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x672x7x7xf32>, tensor<160x672x1x1xf32>) outs(%o : tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32>
    return %0 : tensor<1x160x7x7xf32>
  }
  func.func @layer_51(%i: tensor<1x160x7x7xf32>, %f: tensor<960x160x1x1xf32>, %o: tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x160x7x7xf32>, tensor<960x160x1x1xf32>) outs(%o : tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32>
    return %0 : tensor<1x960x7x7xf32>
  }
  func.func @layer_52(%i: tensor<1x960x11x11xf32>, %f: tensor<960x5x5xf32>, %o: tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x960x11x11xf32>, tensor<960x5x5xf32>) outs(%o : tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32>
    return %0 : tensor<1x960x7x7xf32>
  }
  func.func @layer_53(%a: tensor<1x960xf32>, %b: tensor<960x240xf32>, %out: tensor<1x240xf32>) -> tensor<1x240xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x960xf32>, tensor<960x240xf32>) outs(%out : tensor<1x240xf32>) -> tensor<1x240xf32>
    return %0 : tensor<1x240xf32>
  }
  func.func @layer_54(%a: tensor<1x240xf32>, %b: tensor<240x960xf32>, %out: tensor<1x960xf32>) -> tensor<1x960xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x240xf32>, tensor<240x960xf32>) outs(%out : tensor<1x960xf32>) -> tensor<1x960xf32>
    return %0 : tensor<1x960xf32>
  }
  func.func @layer_55(%i: tensor<1x960x7x7xf32>, %f: tensor<160x960x1x1xf32>, %o: tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x960x7x7xf32>, tensor<160x960x1x1xf32>) outs(%o : tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32>
    return %0 : tensor<1x160x7x7xf32>
  }
  func.func @layer_56(%i: tensor<1x160x7x7xf32>, %f: tensor<960x160x1x1xf32>, %o: tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x160x7x7xf32>, tensor<960x160x1x1xf32>) outs(%o : tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32>
    return %0 : tensor<1x960x7x7xf32>
  }
  func.func @layer_57(%i: tensor<1x960x11x11xf32>, %f: tensor<960x5x5xf32>, %o: tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x960x11x11xf32>, tensor<960x5x5xf32>) outs(%o : tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32>
    return %0 : tensor<1x960x7x7xf32>
  }
  func.func @layer_58(%a: tensor<1x960xf32>, %b: tensor<960x240xf32>, %out: tensor<1x240xf32>) -> tensor<1x240xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x960xf32>, tensor<960x240xf32>) outs(%out : tensor<1x240xf32>) -> tensor<1x240xf32>
    return %0 : tensor<1x240xf32>
  }
  func.func @layer_59(%a: tensor<1x240xf32>, %b: tensor<240x960xf32>, %out: tensor<1x960xf32>) -> tensor<1x960xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x240xf32>, tensor<240x960xf32>) outs(%out : tensor<1x960xf32>) -> tensor<1x960xf32>
    return %0 : tensor<1x960xf32>
  }
  func.func @layer_60(%i: tensor<1x960x7x7xf32>, %f: tensor<160x960x1x1xf32>, %o: tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x960x7x7xf32>, tensor<160x960x1x1xf32>) outs(%o : tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32>
    return %0 : tensor<1x160x7x7xf32>
  }
  func.func @layer_61(%i: tensor<1x160x7x7xf32>, %f: tensor<960x160x1x1xf32>, %o: tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x160x7x7xf32>, tensor<960x160x1x1xf32>) outs(%o : tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32>
    return %0 : tensor<1x960x7x7xf32>
  }
  func.func @layer_62(%a: tensor<1x960xf32>, %b: tensor<960x1280xf32>, %out: tensor<1x1280xf32>) -> tensor<1x1280xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x960xf32>, tensor<960x1280xf32>) outs(%out : tensor<1x1280xf32>) -> tensor<1x1280xf32>
    return %0 : tensor<1x1280xf32>
  }
  func.func @layer_63(%a: tensor<1x1280xf32>, %b: tensor<1280x1000xf32>, %out: tensor<1x1000xf32>) -> tensor<1x1000xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x1280xf32>, tensor<1280x1000xf32>) outs(%out : tensor<1x1000xf32>) -> tensor<1x1000xf32>
    return %0 : tensor<1x1000xf32>
  }
}
