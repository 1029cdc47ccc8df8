// The lowered loop nests compute what the ops computed. Each function is
// mapped onto a small accelerator (the mapper picks spatial loops over
// reductions and parallel dimensions, staging at every level), tiled, then
// bufferized and run; the output must equal the untiled run's.
// RUN: accel-opt %s --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so > %t.before
// RUN: accel-opt %s --map-to-arch="arch=tiny threads=1 max-evaluations=3000" --accel-tile="memory-spaces=false" > %t.tiled.mlir
// RUN: accel-opt %t.tiled.mlir --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --scf-forall-to-for --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so > %t.after
// Buffers live at different addresses; their contents must not differ.
// RUN: grep -v "base@" %t.before > %t.before.data
// RUN: grep -v "base@" %t.after > %t.after.data
// RUN: diff %t.before.data %t.after.data
// RUN: FileCheck %s < %t.after
// The tiled module really was tiled and staged.
// RUN: grep -c "accel.tiled" %t.tiled.mlir | FileCheck %s --check-prefix=TILED
// RUN: grep -c "accel.stage" %t.tiled.mlir | FileCheck %s --check-prefix=STAGED
// TILED: {{^4$}}
// STAGED: {{^[1-9][0-9]*$}}

accel.arch @tiny {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @buf {entries = 256}
  accel.fanout @PE {x = 4, y = 2}
  accel.storage @reg {entries = 8}
  accel.compute @mac {}
}

// Inputs: value(index) = (3*i0 + 7*i1 + 11*i2 + 13*i3) mod 5 - 2, as f32.
func.func @fill2(%t: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%t : tensor<?x?xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %k0 = arith.constant 3 : index
    %t0 = arith.muli %i0, %k0 : index
    %i1 = linalg.index 1 : index
    %k1 = arith.constant 7 : index
    %t1 = arith.muli %i1, %k1 : index
    %s1 = arith.addi %t0, %t1 : index
    %c5 = arith.constant 5 : index
    %m = arith.remui %s1, %c5 : index
    %v = arith.index_cast %m : index to i64
    %f = arith.sitofp %v : i64 to f32
    %two = arith.constant 2.0 : f32
    %r = arith.subf %f, %two : f32
    linalg.yield %r : f32
  } -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

func.func @fill3(%t: tensor<?x?x?xf32>) -> tensor<?x?x?xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%t : tensor<?x?x?xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %k0 = arith.constant 3 : index
    %t0 = arith.muli %i0, %k0 : index
    %i1 = linalg.index 1 : index
    %k1 = arith.constant 7 : index
    %t1 = arith.muli %i1, %k1 : index
    %i2 = linalg.index 2 : index
    %k2 = arith.constant 11 : index
    %t2 = arith.muli %i2, %k2 : index
    %s1 = arith.addi %t0, %t1 : index
    %s2 = arith.addi %s1, %t2 : index
    %c5 = arith.constant 5 : index
    %m = arith.remui %s2, %c5 : index
    %v = arith.index_cast %m : index to i64
    %f = arith.sitofp %v : i64 to f32
    %two = arith.constant 2.0 : f32
    %r = arith.subf %f, %two : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

func.func @fill4(%t: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %k0 = arith.constant 3 : index
    %t0 = arith.muli %i0, %k0 : index
    %i1 = linalg.index 1 : index
    %k1 = arith.constant 7 : index
    %t1 = arith.muli %i1, %k1 : index
    %i2 = linalg.index 2 : index
    %k2 = arith.constant 11 : index
    %t2 = arith.muli %i2, %k2 : index
    %i3 = linalg.index 3 : index
    %k3 = arith.constant 13 : index
    %t3 = arith.muli %i3, %k3 : index
    %s1 = arith.addi %t0, %t1 : index
    %s2 = arith.addi %s1, %t2 : index
    %s3 = arith.addi %s2, %t3 : index
    %c5 = arith.constant 5 : index
    %m = arith.remui %s3, %c5 : index
    %v = arith.index_cast %m : index to i64
    %f = arith.sitofp %v : i64 to f32
    %two = arith.constant 2.0 : f32
    %r = arith.subf %f, %two : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

func.func @matmul(%a: tensor<8x12xf32>, %b: tensor<12x6xf32>, %c: tensor<8x6xf32>) -> tensor<8x6xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<8x12xf32>, tensor<12x6xf32>) outs(%c : tensor<8x6xf32>) -> tensor<8x6xf32>
  return %0 : tensor<8x6xf32>
}

func.func @conv(%i: tensor<1x4x6x6xf32>, %w: tensor<4x4x3x3xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = linalg.conv_2d_nchw_fchw ins(%i, %w : tensor<1x4x6x6xf32>, tensor<4x4x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

func.func @depthwise(%i: tensor<1x4x9x9xf32>, %w: tensor<4x3x3xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>} ins(%i, %w : tensor<1x4x9x9xf32>, tensor<4x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// A generic contraction: C[i, j] += A[i, k] * B[j, k] (B transposed).
#ik = affine_map<(i, j, k) -> (i, k)>
#jk = affine_map<(i, j, k) -> (j, k)>
#ij = affine_map<(i, j, k) -> (i, j)>
func.func @generic(%a: tensor<6x8xf32>, %b: tensor<4x8xf32>, %c: tensor<6x4xf32>) -> tensor<6x4xf32> {
  %0 = linalg.generic {indexing_maps = [#ik, #jk, #ij], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<6x8xf32>, tensor<4x8xf32>) outs(%c : tensor<6x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %a0 = tensor.empty() : tensor<8x12xf32>
  %a1 = tensor.cast %a0 : tensor<8x12xf32> to tensor<?x?xf32>
  %a2 = func.call @fill2(%a1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %a = tensor.cast %a2 : tensor<?x?xf32> to tensor<8x12xf32>
  %b0 = tensor.empty() : tensor<12x6xf32>
  %b1 = tensor.cast %b0 : tensor<12x6xf32> to tensor<?x?xf32>
  %b2 = func.call @fill2(%b1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %b = tensor.cast %b2 : tensor<?x?xf32> to tensor<12x6xf32>
  %c0 = tensor.empty() : tensor<8x6xf32>
  %c1 = tensor.cast %c0 : tensor<8x6xf32> to tensor<?x?xf32>
  %c2 = func.call @fill2(%c1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %c = tensor.cast %c2 : tensor<?x?xf32> to tensor<8x6xf32>
  %mm = func.call @matmul(%a, %b, %c) : (tensor<8x12xf32>, tensor<12x6xf32>, tensor<8x6xf32>) -> tensor<8x6xf32>
  %mm_print = tensor.cast %mm : tensor<8x6xf32> to tensor<*xf32>
  func.call @printMemrefF32(%mm_print) : (tensor<*xf32>) -> ()

  %i0 = tensor.empty() : tensor<1x4x6x6xf32>
  %i1 = tensor.cast %i0 : tensor<1x4x6x6xf32> to tensor<?x?x?x?xf32>
  %i2 = func.call @fill4(%i1) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %i = tensor.cast %i2 : tensor<?x?x?x?xf32> to tensor<1x4x6x6xf32>
  %w0 = tensor.empty() : tensor<4x4x3x3xf32>
  %w1 = tensor.cast %w0 : tensor<4x4x3x3xf32> to tensor<?x?x?x?xf32>
  %w2 = func.call @fill4(%w1) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %w = tensor.cast %w2 : tensor<?x?x?x?xf32> to tensor<4x4x3x3xf32>
  %o0 = tensor.empty() : tensor<1x4x4x4xf32>
  %o1 = tensor.cast %o0 : tensor<1x4x4x4xf32> to tensor<?x?x?x?xf32>
  %o2 = func.call @fill4(%o1) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %o = tensor.cast %o2 : tensor<?x?x?x?xf32> to tensor<1x4x4x4xf32>
  %cv = func.call @conv(%i, %w, %o) : (tensor<1x4x6x6xf32>, tensor<4x4x3x3xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %cv_print = tensor.cast %cv : tensor<1x4x4x4xf32> to tensor<*xf32>
  func.call @printMemrefF32(%cv_print) : (tensor<*xf32>) -> ()

  %di0 = tensor.empty() : tensor<1x4x9x9xf32>
  %di1 = tensor.cast %di0 : tensor<1x4x9x9xf32> to tensor<?x?x?x?xf32>
  %di2 = func.call @fill4(%di1) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %di = tensor.cast %di2 : tensor<?x?x?x?xf32> to tensor<1x4x9x9xf32>
  %dw0 = tensor.empty() : tensor<4x3x3xf32>
  %dw1 = tensor.cast %dw0 : tensor<4x3x3xf32> to tensor<?x?x?xf32>
  %dw2 = func.call @fill3(%dw1) : (tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %dw = tensor.cast %dw2 : tensor<?x?x?xf32> to tensor<4x3x3xf32>
  %dv = func.call @depthwise(%di, %dw, %o) : (tensor<1x4x9x9xf32>, tensor<4x3x3xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %dv_print = tensor.cast %dv : tensor<1x4x4x4xf32> to tensor<*xf32>
  func.call @printMemrefF32(%dv_print) : (tensor<*xf32>) -> ()

  %ga0 = tensor.empty() : tensor<6x8xf32>
  %ga1 = tensor.cast %ga0 : tensor<6x8xf32> to tensor<?x?xf32>
  %ga2 = func.call @fill2(%ga1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %ga = tensor.cast %ga2 : tensor<?x?xf32> to tensor<6x8xf32>
  %gb0 = tensor.empty() : tensor<4x8xf32>
  %gb1 = tensor.cast %gb0 : tensor<4x8xf32> to tensor<?x?xf32>
  %gb2 = func.call @fill2(%gb1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %gb = tensor.cast %gb2 : tensor<?x?xf32> to tensor<4x8xf32>
  %gc0 = tensor.empty() : tensor<6x4xf32>
  %gc1 = tensor.cast %gc0 : tensor<6x4xf32> to tensor<?x?xf32>
  %gc2 = func.call @fill2(%gc1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %gc = tensor.cast %gc2 : tensor<?x?xf32> to tensor<6x4xf32>
  %g = func.call @generic(%ga, %gb, %gc) : (tensor<6x8xf32>, tensor<4x8xf32>, tensor<6x4xf32>) -> tensor<6x4xf32>
  %g_print = tensor.cast %g : tensor<6x4xf32> to tensor<*xf32>
  func.call @printMemrefF32(%g_print) : (tensor<*xf32>) -> ()
  return
}

// Hand-computed first row of the matmul (value(i, j) = (3i + 7j) mod 5 - 2):
// matmul C[0][0] = value(0,0) + sum_k A[0][k] * B[k][0]
//   A[0][k] = (7k mod 5) - 2 = 0,0,2,-1,1,0,...; B[k][0] = (3k mod 5) - 2.
// CHECK: Unranked Memref {{.*}} rank = 2 {{.*}} sizes = [8, 6]
// C[0][0] = -2 + 4 = 2, C[0][1] = 0 + 10 = 10.
// CHECK-NEXT: {{\[\[}}2, 10,
// CHECK: rank = 4 {{.*}} sizes = [1, 4, 4, 4]
// CHECK: rank = 4 {{.*}} sizes = [1, 4, 4, 4]
// CHECK: rank = 2 {{.*}} sizes = [6, 4]
