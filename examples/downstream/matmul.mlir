func.func @mm(%a: tensor<64x128xi8>, %b: tensor<128x32xi8>,
              %c: tensor<64x32xi32>) -> tensor<64x32xi32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x128xi8>, tensor<128x32xi8>)
                     outs(%c : tensor<64x32xi32>) -> tensor<64x32xi32>
  return %r : tensor<64x32xi32>
}
