// Partial tiles lower to code that computes what the ops computed. Each op
// carries an imperfect mapping onto a 16-wide array (the last pass of a
// loop is partial): ViT's 197-token attention scores (M 13 x 16 with 5 in
// the last column pass; N 20 x 10 with 7 in the last), a 1000-class
// classifier (63 x 16, the last pass 8 wide) and a 7x7 convolution with a
// 23x23 output (P 2 x 16, the last pass 7 wide). Staged buffers hold the
// largest tile; a partial tile fills a slice of them. The tiled module must
// print exactly what the untiled one prints; the mapper's own choices
// (imperfect factors on) must too.
// RUN: accel-opt %s --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.before
// RUN: accel-opt %s --accel-tile="memory-spaces=false" > %t.tiled.mlir
// RUN: accel-opt %t.tiled.mlir --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --scf-forall-to-for --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.after
// RUN: diff %t.before %t.after
// RUN: FileCheck %s < %t.after
// RUN: FileCheck %s --check-prefix=TILED < %t.tiled.mlir
// RUN: accel-opt %s --map-to-arch="arch=array16 threads=1 max-evaluations=4000" --accel-tile="memory-spaces=false" \
// RUN:   | accel-opt --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --scf-forall-to-for --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.mapped
// RUN: diff %t.before %t.mapped

// Hand-computed: attention S[0][0] = -50 + sum_k (7k mod 101 - 50)(3k mod 101
// - 50) over k < 16 = 6495, S[0][1] = 6075; classifier y[0][0] = 13911,
// y[0][1] = -15783, y[0][999] = -532.
// CHECK: {{^\[\[}}6495,   6075,
// CHECK: {{^\[\[}}13911,   -15783,
// CHECK-SAME: -532{{\]\]}}

// The buffers are static, sized for the largest tile; partial tiles are
// slices of them.
// TILED: bufferization.alloc_tensor() : tensor<16x16xf32>
// TILED: tensor.extract_slice {{%[0-9]+}}[0, 0] [{{%[0-9]+}}, 16] [1, 1] : tensor<16x16xf32> to tensor<?x16xf32>
// TILED-NOT: bufferization.alloc_tensor(%

accel.arch @array16 {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @buf {entries = 65536}
  accel.fanout @columns {x = 16}
  accel.storage @reg {entries = 256}
  accel.compute @mac {}
}

func.func @attention(%q: tensor<197x16xf32>, %k: tensor<16x197xf32>, %s: tensor<197x197xf32>) -> tensor<197x197xf32> {
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@array16, ["DRAM": temporal [M 13], "buf": temporal [N 20], "columns": spatial x [M 16 (5)], "reg": temporal [N 10 (7), K 16]]>}
      ins(%q, %k : tensor<197x16xf32>, tensor<16x197xf32>) outs(%s : tensor<197x197xf32>) -> tensor<197x197xf32>
  return %0 : tensor<197x197xf32>
}

func.func @classifier(%x: tensor<1x512xf32>, %w: tensor<512x1000xf32>, %y: tensor<1x1000xf32>) -> tensor<1x1000xf32> {
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@array16, ["DRAM": temporal [N 63], "buf": temporal [K 8], "columns": spatial x [N 16 (8)], "reg": temporal [K 64]]>}
      ins(%x, %w : tensor<1x512xf32>, tensor<512x1000xf32>) outs(%y : tensor<1x1000xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

func.func @conv7x7(%i: tensor<1x3x29x29xf32>, %w: tensor<4x3x7x7xf32>, %o: tensor<1x4x23x23xf32>) -> tensor<1x4x23x23xf32> {
  %0 = linalg.conv_2d_nchw_fchw {accel.mapping = #accel.mapping<@array16, ["DRAM": temporal [P 2, M 4], "buf": temporal [Q 3, C 3], "columns": spatial x [P 16 (7)], "reg": temporal [Q 8 (7), R 7, S 7]]>}
      ins(%i, %w : tensor<1x3x29x29xf32>, tensor<4x3x7x7xf32>) outs(%o : tensor<1x4x23x23xf32>) -> tensor<1x4x23x23xf32>
  return %0 : tensor<1x4x23x23xf32>
}

// Inputs: value(index) = (3*i0 + 7*i1 + 11*i2 + 13*i3) mod 101 - 50, as f32:
// not periodic over any tile, and every sum stays exact in f32 (|sum| <
// 512 * 50 * 50 < 2^24), so any order of accumulation gives the same bits.
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
    %c101 = arith.constant 101 : index
    %m = arith.remui %s1, %c101 : index
    %v = arith.index_cast %m : index to i64
    %f = arith.sitofp %v : i64 to f32
    %fifty = arith.constant 50.0 : f32
    %r = arith.subf %f, %fifty : f32
    linalg.yield %r : f32
  } -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
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
    %c101 = arith.constant 101 : index
    %m = arith.remui %s3, %c101 : index
    %v = arith.index_cast %m : index to i64
    %f = arith.sitofp %v : i64 to f32
    %fifty = arith.constant 50.0 : f32
    %r = arith.subf %f, %fifty : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %q0 = tensor.empty() : tensor<197x16xf32>
  %q1 = tensor.cast %q0 : tensor<197x16xf32> to tensor<?x?xf32>
  %q2 = func.call @fill2(%q1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %q = tensor.cast %q2 : tensor<?x?xf32> to tensor<197x16xf32>
  %k0 = tensor.empty() : tensor<16x197xf32>
  %k1 = tensor.cast %k0 : tensor<16x197xf32> to tensor<?x?xf32>
  %k2 = func.call @fill2(%k1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %k = tensor.cast %k2 : tensor<?x?xf32> to tensor<16x197xf32>
  %s0 = tensor.empty() : tensor<197x197xf32>
  %s1 = tensor.cast %s0 : tensor<197x197xf32> to tensor<?x?xf32>
  %s2 = func.call @fill2(%s1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %s = tensor.cast %s2 : tensor<?x?xf32> to tensor<197x197xf32>
  %att = func.call @attention(%q, %k, %s) : (tensor<197x16xf32>, tensor<16x197xf32>, tensor<197x197xf32>) -> tensor<197x197xf32>
  %att_print = tensor.cast %att : tensor<197x197xf32> to tensor<*xf32>
  func.call @printMemrefF32(%att_print) : (tensor<*xf32>) -> ()
  %x0 = tensor.empty() : tensor<1x512xf32>
  %x1 = tensor.cast %x0 : tensor<1x512xf32> to tensor<?x?xf32>
  %x2 = func.call @fill2(%x1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %x = tensor.cast %x2 : tensor<?x?xf32> to tensor<1x512xf32>
  %w0 = tensor.empty() : tensor<512x1000xf32>
  %w1 = tensor.cast %w0 : tensor<512x1000xf32> to tensor<?x?xf32>
  %w2 = func.call @fill2(%w1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %w = tensor.cast %w2 : tensor<?x?xf32> to tensor<512x1000xf32>
  %y0 = tensor.empty() : tensor<1x1000xf32>
  %y1 = tensor.cast %y0 : tensor<1x1000xf32> to tensor<?x?xf32>
  %y2 = func.call @fill2(%y1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %y = tensor.cast %y2 : tensor<?x?xf32> to tensor<1x1000xf32>
  %cls = func.call @classifier(%x, %w, %y) : (tensor<1x512xf32>, tensor<512x1000xf32>, tensor<1x1000xf32>) -> tensor<1x1000xf32>
  %cls_print = tensor.cast %cls : tensor<1x1000xf32> to tensor<*xf32>
  func.call @printMemrefF32(%cls_print) : (tensor<*xf32>) -> ()
  %ci0 = tensor.empty() : tensor<1x3x29x29xf32>
  %ci1 = tensor.cast %ci0 : tensor<1x3x29x29xf32> to tensor<?x?x?x?xf32>
  %ci2 = func.call @fill4(%ci1) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %ci = tensor.cast %ci2 : tensor<?x?x?x?xf32> to tensor<1x3x29x29xf32>
  %cw0 = tensor.empty() : tensor<4x3x7x7xf32>
  %cw1 = tensor.cast %cw0 : tensor<4x3x7x7xf32> to tensor<?x?x?x?xf32>
  %cw2 = func.call @fill4(%cw1) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %cw = tensor.cast %cw2 : tensor<?x?x?x?xf32> to tensor<4x3x7x7xf32>
  %co0 = tensor.empty() : tensor<1x4x23x23xf32>
  %co1 = tensor.cast %co0 : tensor<1x4x23x23xf32> to tensor<?x?x?x?xf32>
  %co2 = func.call @fill4(%co1) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %co = tensor.cast %co2 : tensor<?x?x?x?xf32> to tensor<1x4x23x23xf32>
  %cv = func.call @conv7x7(%ci, %cw, %co) : (tensor<1x3x29x29xf32>, tensor<4x3x7x7xf32>, tensor<1x4x23x23xf32>) -> tensor<1x4x23x23xf32>
  %cv_print = tensor.cast %cv : tensor<1x4x23x23xf32> to tensor<*xf32>
  func.call @printMemrefF32(%cv_print) : (tensor<*xf32>) -> ()
  return
}
