// RUN: accel-opt %s --test-accel-workload -split-input-file -verify-diagnostics

func.func @matmul(%a: tensor<64x32xf32>, %b: tensor<32x16xf32>, %c: tensor<64x16xf32>) -> tensor<64x16xf32> {
  // expected-remark @+1 {{contraction mac: M=64 N=16 K=32 | A[M][K] B[K][N] C[M][N] rw}}
  %0 = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x16xf32>) outs(%c : tensor<64x16xf32>) -> tensor<64x16xf32>
  return %0 : tensor<64x16xf32>
}

// -----

func.func @batch_matmul(%a: tensor<4x64x32xf32>, %b: tensor<4x32x16xf32>, %c: tensor<4x64x16xf32>) -> tensor<4x64x16xf32> {
  // expected-remark @+1 {{contraction mac: B=4 M=64 N=16 K=32 | A[B][M][K] B[B][K][N] C[B][M][N] rw}}
  %0 = linalg.batch_matmul ins(%a, %b : tensor<4x64x32xf32>, tensor<4x32x16xf32>) outs(%c : tensor<4x64x16xf32>) -> tensor<4x64x16xf32>
  return %0 : tensor<4x64x16xf32>
}

// -----

// Integer operands widened before the multiply-accumulate.
func.func @matmul_i8(%a: tensor<8x4xi8>, %b: tensor<4x2xi8>, %c: tensor<8x2xi32>) -> tensor<8x2xi32> {
  // expected-remark @+1 {{contraction mac: M=8 N=2 K=4 | A[M][K] B[K][N] C[M][N] rw}}
  %0 = linalg.matmul ins(%a, %b : tensor<8x4xi8>, tensor<4x2xi8>) outs(%c : tensor<8x2xi32>) -> tensor<8x2xi32>
  return %0 : tensor<8x2xi32>
}

// -----

func.func @matvec(%a: tensor<64x32xf32>, %x: tensor<32xf32>, %y: tensor<64xf32>) -> tensor<64xf32> {
  // expected-remark @+1 {{contraction mac: M=64 K=32 | A[M][K] B[K] C[M] rw}}
  %0 = linalg.matvec ins(%a, %x : tensor<64x32xf32>, tensor<32xf32>) outs(%y : tensor<64xf32>) -> tensor<64xf32>
  return %0 : tensor<64xf32>
}

// -----

// On memrefs too.
func.func @matmul_memref(%a: memref<4x8xf32>, %b: memref<8x2xf32>, %c: memref<4x2xf32>) {
  // expected-remark @+1 {{contraction mac: M=4 N=2 K=8 | A[M][K] B[K][N] C[M][N] rw}}
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x2xf32>) outs(%c : memref<4x2xf32>)
  return
}
