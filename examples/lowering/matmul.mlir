// A runnable matmul for docs/lowering.md: map it, tile it, lower it to LLVM
// and run it with mlir-runner; it prints the 16 x 8 product of a matrix of
// ones (16 x 32) and a matrix of twos (32 x 8), so every element is 64.
func.func @matmul(%a: tensor<16x32xf32>, %b: tensor<32x8xf32>,
                  %c: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x32xf32>, tensor<32x8xf32>)
                     outs(%c : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %zero = arith.constant 0.0 : f32
  %a0 = tensor.empty() : tensor<16x32xf32>
  %a = linalg.fill ins(%one : f32) outs(%a0 : tensor<16x32xf32>) -> tensor<16x32xf32>
  %b0 = tensor.empty() : tensor<32x8xf32>
  %b = linalg.fill ins(%two : f32) outs(%b0 : tensor<32x8xf32>) -> tensor<32x8xf32>
  %c0 = tensor.empty() : tensor<16x8xf32>
  %c = linalg.fill ins(%zero : f32) outs(%c0 : tensor<16x8xf32>) -> tensor<16x8xf32>
  %r = func.call @matmul(%a, %b, %c) : (tensor<16x32xf32>, tensor<32x8xf32>, tensor<16x8xf32>) -> tensor<16x8xf32>
  %p = tensor.cast %r : tensor<16x8xf32> to tensor<*xf32>
  func.call @printMemrefF32(%p) : (tensor<*xf32>) -> ()
  return
}
