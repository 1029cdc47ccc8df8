// A ResNet-18 basic block (3x3 convolution, ReLU, 3x3 convolution, the
// skip connection, ReLU) on small sizes, through the whole pipeline:
// map every convolution onto the bundled Eyeriss-like accelerator, tile
// per the hierarchy, bufferize, lower and run. The result must equal the
// unmapped block's.
// RUN: accel-opt %s --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.before
// RUN: accel-opt %s --map-to-arch="threads=1 max-evaluations=4000" --accel-tile="memory-spaces=false" -o %t.tiled.mlir
// RUN: accel-opt %t.tiled.mlir --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --scf-forall-to-for --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.after
// RUN: diff %t.before %t.after
// RUN: FileCheck %s < %t.after
// Both convolutions were mapped and tiled.
// RUN: grep -c "accel.tiled" %t.tiled.mlir | FileCheck %s --check-prefix=TILED
// TILED: {{^2$}}
// CHECK: {{\[\[\[\[}}

#map4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @fill(%t: tensor<?x?x?x?xf32>, %scale: f32) -> tensor<?x?x?x?xf32> {
  %0 = linalg.generic {indexing_maps = [#map4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %c11 = arith.constant 11 : index
    %a = arith.muli %i0, %c3 : index
    %b = arith.muli %i1, %c5 : index
    %c = arith.muli %i2, %c7 : index
    %d = arith.muli %i3, %c11 : index
    %s0 = arith.addi %a, %b : index
    %s1 = arith.addi %s0, %c : index
    %s2 = arith.addi %s1, %d : index
    %m = arith.remui %s2, %c7 : index
    %v = arith.index_cast %m : index to i64
    %f = arith.sitofp %v : i64 to f32
    %three = arith.constant 3.0 : f32
    %g = arith.subf %f, %three : f32
    %r = arith.mulf %g, %scale : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

func.func @relu(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
  %0 = linalg.generic {indexing_maps = [#map4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%x : tensor<1x8x8x8xf32>) {
  ^bb0(%v: f32):
    %zero = arith.constant 0.0 : f32
    %m = arith.maximumf %v, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

func.func @block(%x: tensor<1x8x8x8xf32>, %w1: tensor<8x8x3x3xf32>, %w2: tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x8x8x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %p1 = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x8xf32> to tensor<1x8x10x10xf32>
  %y1 = linalg.conv_2d_nchw_fchw ins(%p1, %w1 : tensor<1x8x10x10xf32>, tensor<8x8x3x3xf32>) outs(%init : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %a1 = func.call @relu(%y1) : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %p2 = tensor.pad %a1 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x8xf32> to tensor<1x8x10x10xf32>
  %y2 = linalg.conv_2d_nchw_fchw ins(%p2, %w2 : tensor<1x8x10x10xf32>, tensor<8x8x3x3xf32>) outs(%init : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %sum = linalg.add ins(%y2, %x : tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) outs(%empty : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %out = func.call @relu(%sum) : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %out : tensor<1x8x8x8xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %one = arith.constant 1.0 : f32
  %tenth = arith.constant 0.125 : f32
  %x0 = tensor.empty() : tensor<1x8x8x8xf32>
  %x1 = tensor.cast %x0 : tensor<1x8x8x8xf32> to tensor<?x?x?x?xf32>
  %x2 = func.call @fill(%x1, %one) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %x = tensor.cast %x2 : tensor<?x?x?x?xf32> to tensor<1x8x8x8xf32>
  %w0 = tensor.empty() : tensor<8x8x3x3xf32>
  %w1d = tensor.cast %w0 : tensor<8x8x3x3xf32> to tensor<?x?x?x?xf32>
  %w1f = func.call @fill(%w1d, %tenth) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %w1 = tensor.cast %w1f : tensor<?x?x?x?xf32> to tensor<8x8x3x3xf32>
  %half = arith.constant -0.25 : f32
  %w2f = func.call @fill(%w1d, %half) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %w2 = tensor.cast %w2f : tensor<?x?x?x?xf32> to tensor<8x8x3x3xf32>
  %y = func.call @block(%x, %w1, %w2) : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %p = tensor.cast %y : tensor<1x8x8x8xf32> to tensor<*xf32>
  func.call @printMemrefF32(%p) : (tensor<*xf32>) -> ()
  return
}
