// RUN: accel-opt %s --test-accel-workload -split-input-file -verify-diagnostics

// Strided NCHW convolution: the input width index is 2*P + R.
func.func @nchw(%i: tensor<1x3x225x225xf32>, %w: tensor<32x3x3x3xf32>, %o: tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32> {
  // expected-remark @+1 {{convolution mac: N=1 M=32 Q=112 P=112 C=3 S=3 R=3 | I[N][C][2*Q + S][2*P + R] W[M][C][S][R] O[N][M][Q][P] rw}}
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%i, %w : tensor<1x3x225x225xf32>, tensor<32x3x3x3xf32>) outs(%o : tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32>
  return %0 : tensor<1x32x112x112xf32>
}

// -----

// Dilated NHWC convolution: the input row index is Q + 2*S.
func.func @nhwc(%i: tensor<2x12x12x8xf32>, %w: tensor<3x3x8x16xf32>, %o: tensor<2x8x8x16xf32>) -> tensor<2x8x8x16xf32> {
  // expected-remark @+1 {{convolution mac: N=2 Q=8 P=8 M=16 S=3 R=3 C=8 | I[N][Q + 2*S][P + 2*R][C] W[S][R][C][M] O[N][Q][P][M] rw}}
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%i, %w : tensor<2x12x12x8xf32>, tensor<3x3x8x16xf32>) outs(%o : tensor<2x8x8x16xf32>) -> tensor<2x8x8x16xf32>
  return %0 : tensor<2x8x8x16xf32>
}

// -----

func.func @conv1d(%i: tensor<1x18x4xf32>, %w: tensor<3x4x8xf32>, %o: tensor<1x16x8xf32>) -> tensor<1x16x8xf32> {
  // expected-remark @+1 {{convolution mac: N=1 P=16 M=8 R=3 C=4 | I[N][P + R][C] W[R][C][M] O[N][P][M] rw}}
  %0 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
      ins(%i, %w : tensor<1x18x4xf32>, tensor<3x4x8xf32>) outs(%o : tensor<1x16x8xf32>) -> tensor<1x16x8xf32>
  return %0 : tensor<1x16x8xf32>
}

// -----

func.func @conv3d(%i: tensor<1x6x6x6x2xf32>, %w: tensor<3x3x3x2x4xf32>, %o: tensor<1x4x4x4x4xf32>) -> tensor<1x4x4x4x4xf32> {
  // expected-remark @+1 {{convolution mac: N=1 U=4 Q=4 P=4 M=4 T=3 S=3 R=3 C=2 | I[N][U + T][Q + S][P + R][C] W[T][S][R][C][M] O[N][U][Q][P][M] rw}}
  %0 = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>}
      ins(%i, %w : tensor<1x6x6x6x2xf32>, tensor<3x3x3x2x4xf32>) outs(%o : tensor<1x4x4x4x4xf32>) -> tensor<1x4x4x4x4xf32>
  return %0 : tensor<1x4x4x4x4xf32>
}

// -----

// Grouped convolution: the group dimension G indexes all three tensors.
func.func @grouped(%i: tensor<1x2x4x10x10xf32>, %w: tensor<8x2x4x3x3xf32>, %o: tensor<1x2x8x8x8xf32>) -> tensor<1x2x8x8x8xf32> {
  // expected-remark @+1 {{convolution mac: N=1 G=2 M=8 Q=8 P=8 C=4 S=3 R=3 | I[N][G][C][Q + S][P + R] W[M][G][C][S][R] O[N][G][M][Q][P] rw}}
  %0 = linalg.conv_2d_ngchw_fgchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%i, %w : tensor<1x2x4x10x10xf32>, tensor<8x2x4x3x3xf32>) outs(%o : tensor<1x2x8x8x8xf32>) -> tensor<1x2x8x8x8xf32>
  return %0 : tensor<1x2x8x8x8xf32>
}

// -----

// Depthwise: the channel is the group dimension G, as in Timeloop's
// depthwise layers (G > 1, C = M = 1).
func.func @depthwise(%i: tensor<1x10x10x16xf32>, %w: tensor<3x3x16xf32>, %o: tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32> {
  // expected-remark @+1 {{convolution mac: N=1 Q=8 P=8 G=16 S=3 R=3 | I[N][Q + S][P + R][G] W[S][R][G] O[N][Q][P][G] rw}}
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%i, %w : tensor<1x10x10x16xf32>, tensor<3x3x16xf32>) outs(%o : tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}

// -----

// Depthwise with a channel multiplier M.
func.func @depthwise_multiplier(%i: tensor<1x10x10x16xf32>, %w: tensor<3x3x16x2xf32>, %o: tensor<1x8x8x16x2xf32>) -> tensor<1x8x8x16x2xf32> {
  // expected-remark @+1 {{convolution mac: N=1 Q=8 P=8 G=16 M=2 S=3 R=3 | I[N][Q + S][P + R][G] W[S][R][G][M] O[N][Q][P][G][M] rw}}
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%i, %w : tensor<1x10x10x16xf32>, tensor<3x3x16x2xf32>) outs(%o : tensor<1x8x8x16x2xf32>) -> tensor<1x8x8x16x2xf32>
  return %0 : tensor<1x8x8x16x2xf32>
}
