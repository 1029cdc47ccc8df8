// Ops inside nested modules map onto the architecture the pass inserts at
// the top (symbol lookups search every enclosing symbol table), and the
// other passes find it the same way.
// RUN: accel-opt %s --map-to-arch="threads=1" | FileCheck %s
// RUN: accel-opt %s --map-to-arch="threads=1" | accel-opt --accel-estimate=strict | FileCheck %s --check-prefix=VALID
// RUN: accel-opt %s --map-to-arch="threads=1" | accel-opt --accel-tile | FileCheck %s --check-prefix=TILED

// CHECK: accel.arch @eyeriss_like
// CHECK: module @inner
// CHECK: linalg.matmul {accel.cost = #accel.cost<{{.*}}accel.mapping = #accel.mapping<@eyeriss_like
// VALID: linalg.matmul {accel.cost = #accel.cost<{{.*}}macs = 512
// TILED: } {accel.cost = {{.*}}accel.mapping = #accel.mapping<@eyeriss_like{{.*}}accel.tiled
module {
  module @inner {
    func.func @mm(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>, %c: tensor<8x8xf32>) -> tensor<8x8xf32> {
      %0 = linalg.matmul ins(%a, %b : tensor<8x8xf32>, tensor<8x8xf32>) outs(%c : tensor<8x8xf32>) -> tensor<8x8xf32>
      return %0 : tensor<8x8xf32>
    }
  }
}
