// resnet18: 21 layers from layers.tsv, written by scripts/layers-to-mlir.py.
// Each layer is a function on its input, weights and output.
module {
  func.func @layer_00(%i: tensor<1x3x229x229xf32>, %f: tensor<64x3x7x7xf32>, %o: tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x3x229x229xf32>, tensor<64x3x7x7xf32>) outs(%o : tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32>
    return %0 : tensor<1x64x112x112xf32>
  }
  func.func @layer_01(%i: tensor<1x64x58x58xf32>, %f: tensor<64x64x3x3xf32>, %o: tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x58x58xf32>, tensor<64x64x3x3xf32>) outs(%o : tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>
    return %0 : tensor<1x64x56x56xf32>
  }
  func.func @layer_02(%i: tensor<1x64x58x58xf32>, %f: tensor<64x64x3x3xf32>, %o: tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x58x58xf32>, tensor<64x64x3x3xf32>) outs(%o : tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>
    return %0 : tensor<1x64x56x56xf32>
  }
  func.func @layer_03(%i: tensor<1x64x58x58xf32>, %f: tensor<64x64x3x3xf32>, %o: tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x58x58xf32>, tensor<64x64x3x3xf32>) outs(%o : tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>
    return %0 : tensor<1x64x56x56xf32>
  }
  func.func @layer_04(%i: tensor<1x64x58x58xf32>, %f: tensor<64x64x3x3xf32>, %o: tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x58x58xf32>, tensor<64x64x3x3xf32>) outs(%o : tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>
    return %0 : tensor<1x64x56x56xf32>
  }
  func.func @layer_05(%i: tensor<1x64x57x57xf32>, %f: tensor<128x64x3x3xf32>, %o: tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x57x57xf32>, tensor<128x64x3x3xf32>) outs(%o : tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32>
    return %0 : tensor<1x128x28x28xf32>
  }
  func.func @layer_06(%i: tensor<1x128x30x30xf32>, %f: tensor<128x128x3x3xf32>, %o: tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x128x30x30xf32>, tensor<128x128x3x3xf32>) outs(%o : tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32>
    return %0 : tensor<1x128x28x28xf32>
  }
  func.func @layer_07(%i: tensor<1x64x55x55xf32>, %f: tensor<128x64x1x1xf32>, %o: tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x64x55x55xf32>, tensor<128x64x1x1xf32>) outs(%o : tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32>
    return %0 : tensor<1x128x28x28xf32>
  }
  func.func @layer_08(%i: tensor<1x128x30x30xf32>, %f: tensor<128x128x3x3xf32>, %o: tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x128x30x30xf32>, tensor<128x128x3x3xf32>) outs(%o : tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32>
    return %0 : tensor<1x128x28x28xf32>
  }
  func.func @layer_09(%i: tensor<1x128x30x30xf32>, %f: tensor<128x128x3x3xf32>, %o: tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x128x30x30xf32>, tensor<128x128x3x3xf32>) outs(%o : tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32>
    return %0 : tensor<1x128x28x28xf32>
  }
  func.func @layer_10(%i: tensor<1x128x29x29xf32>, %f: tensor<256x128x3x3xf32>, %o: tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x128x29x29xf32>, tensor<256x128x3x3xf32>) outs(%o : tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32>
    return %0 : tensor<1x256x14x14xf32>
  }
  func.func @layer_11(%i: tensor<1x256x16x16xf32>, %f: tensor<256x256x3x3xf32>, %o: tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x256x16x16xf32>, tensor<256x256x3x3xf32>) outs(%o : tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32>
    return %0 : tensor<1x256x14x14xf32>
  }
  func.func @layer_12(%i: tensor<1x128x27x27xf32>, %f: tensor<256x128x1x1xf32>, %o: tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x128x27x27xf32>, tensor<256x128x1x1xf32>) outs(%o : tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32>
    return %0 : tensor<1x256x14x14xf32>
  }
  func.func @layer_13(%i: tensor<1x256x16x16xf32>, %f: tensor<256x256x3x3xf32>, %o: tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x256x16x16xf32>, tensor<256x256x3x3xf32>) outs(%o : tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32>
    return %0 : tensor<1x256x14x14xf32>
  }
  func.func @layer_14(%i: tensor<1x256x16x16xf32>, %f: tensor<256x256x3x3xf32>, %o: tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x256x16x16xf32>, tensor<256x256x3x3xf32>) outs(%o : tensor<1x256x14x14xf32>) -> tensor<1x256x14x14xf32>
    return %0 : tensor<1x256x14x14xf32>
  }
  func.func @layer_15(%i: tensor<1x256x15x15xf32>, %f: tensor<512x256x3x3xf32>, %o: tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x256x15x15xf32>, tensor<512x256x3x3xf32>) outs(%o : tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32>
    return %0 : tensor<1x512x7x7xf32>
  }
  func.func @layer_16(%i: tensor<1x512x9x9xf32>, %f: tensor<512x512x3x3xf32>, %o: tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x512x9x9xf32>, tensor<512x512x3x3xf32>) outs(%o : tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32>
    return %0 : tensor<1x512x7x7xf32>
  }
  func.func @layer_17(%i: tensor<1x256x13x13xf32>, %f: tensor<512x256x1x1xf32>, %o: tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x256x13x13xf32>, tensor<512x256x1x1xf32>) outs(%o : tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32>
    return %0 : tensor<1x512x7x7xf32>
  }
  func.func @layer_18(%i: tensor<1x512x9x9xf32>, %f: tensor<512x512x3x3xf32>, %o: tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x512x9x9xf32>, tensor<512x512x3x3xf32>) outs(%o : tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32>
    return %0 : tensor<1x512x7x7xf32>
  }
  func.func @layer_19(%i: tensor<1x512x9x9xf32>, %f: tensor<512x512x3x3xf32>, %o: tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%i, %f : tensor<1x512x9x9xf32>, tensor<512x512x3x3xf32>) outs(%o : tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32>
    return %0 : tensor<1x512x7x7xf32>
  }
  func.func @layer_20(%a: tensor<1x512xf32>, %b: tensor<512x1000xf32>, %out: tensor<1x1000xf32>) -> tensor<1x1000xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x512xf32>, tensor<512x1000xf32>) outs(%out : tensor<1x1000xf32>) -> tensor<1x1000xf32>
    return %0 : tensor<1x1000xf32>
  }
}
