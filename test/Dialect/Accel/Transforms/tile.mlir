// RUN: accel-opt %s --accel-tile --split-input-file | FileCheck %s
// The tiled IR verifies, round-trips, and the estimate pass leaves the
// loop nests (which keep their op's mapping and cost) alone.
// RUN: accel-opt %s --accel-tile --split-input-file --verify-roundtrip | accel-opt --accel-estimate=strict --split-input-file > /dev/null
// Stripped of accel, it is plain upstream IR.
// RUN: accel-opt %s --accel-tile="memory-spaces=false" --accel-strip --split-input-file | mlir-opt --split-input-file > /dev/null

// A matmul: every level's loops in the mapped order with its trip counts,
// spatial loops as scf.forall (parallel M) or annotated scf.for (the K
// reduction), and tiles staged into the levels that keep them.
accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @GLB {entries = 4096}
  accel.fanout @PE {x = 4, y = 2}
  accel.storage @RF {entries = 64}
  accel.compute @mac {}
}
func.func @matmul(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [N 3, M 2], "GLB": temporal [K 2] keep [A, C] bypass [B], "PE": spatial x [M 4] y [K 2], "RF": temporal [K 2, N 4, M 2]]>}
      ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
  return %0 : tensor<16x12xf32>
}
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: tensor<16x8xf32>, %[[B:.*]]: tensor<8x12xf32>, %[[C:.*]]: tensor<16x12xf32>)
// DRAM: N 3 (tiles of 4), then M 2 (tiles of 8).
// CHECK: %[[R:.*]] = scf.for %[[N:.*]] = %{{.*}} to %c12 step %c4 iter_args
// CHECK: scf.for %[[M:.*]] = %{{.*}} to %c16 step %c8 iter_args
// The global buffer keeps A and C (their tiles are copied into it), not B.
// CHECK: %[[ATILE:.*]] = tensor.extract_slice %[[A]][%[[M]], 0] [8, 8] [1, 1]
// CHECK: %[[BTILE:.*]] = tensor.extract_slice %[[B]][0, %[[N]]] [8, 4] [1, 1]
// CHECK: %[[CTILE:.*]] = tensor.extract_slice %{{.*}}[%[[M]], %[[N]]] [8, 4] [1, 1]
// CHECK: %[[ABUF:.*]] = bufferization.alloc_tensor() {memory_space = #accel.memory<"GLB">} : tensor<8x8xf32>
// CHECK: %[[AGLB:.*]] = linalg.copy {accel.stage = "GLB"} ins(%[[ATILE]] : tensor<8x8xf32>) outs(%[[ABUF]]
// CHECK: %[[CBUF:.*]] = bufferization.alloc_tensor() {memory_space = #accel.memory<"GLB">} : tensor<8x4xf32>
// CHECK: %[[CGLB:.*]] = linalg.copy {accel.stage = "GLB"} ins(%[[CTILE]] : tensor<8x4xf32>) outs(%[[CBUF]]
// CHECK-NOT: accel.stage = "GLB"
// GLB: K 2 (tiles of 4); B is read from DRAM.
// CHECK: scf.for %[[K1:.*]] = %{{.*}} to %c8{{.*}} step %c4{{.*}} iter_args(%{{.*}} = %[[CGLB]])
// CHECK: tensor.extract_slice %[[AGLB]][0, %[[K1]]] [8, 4]
// CHECK: tensor.extract_slice %[[BTILE]][%[[K1]], 0] [4, 4]
// PE: the K reduction along y runs sequentially, M along x in parallel.
// CHECK: scf.for %{{.*}} = %{{.*}} to %c4{{.*}} step %c2
// CHECK: scf.forall (%{{.*}}) = (0) to (8) step (2)
// The register file keeps all three tiles.
// CHECK-COUNT-3: linalg.copy {accel.stage = "RF"}
// RF: K 2, N 4, M 2, one point at a time.
// CHECK: scf.for %[[K2:.*]] = %{{.*}} to %c2{{.*}} step %c1
// CHECK: scf.for %[[N2:.*]] = %{{.*}} to %c4{{.*}} step %c1
// CHECK: scf.for %[[M2:.*]] = %{{.*}} to %c2{{.*}} step %c1
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<1x1xf32>, tensor<1x1xf32>) outs(%{{.*}} : tensor<1x1xf32>)
// CHECK: } {accel.level = "RF"}
// CHECK: } {accel.level = "RF"}
// CHECK: } {accel.level = "RF"}
// CHECK: } {accel.level = "PE", mapping = [#accel.spatial<"PE", x, 0>]}
// CHECK: } {accel.level = "PE", accel.spatial = #accel.spatial<"PE", y, 0>}
// CHECK: } {accel.level = "GLB"}
// CHECK: } {accel.level = "DRAM"}
// The outermost loop keeps the mapping.
// CHECK: } {accel.level = "DRAM", accel.mapping = #accel.mapping<@arch, {{.*}}>, accel.tiled}
// CHECK: return %[[R]]

// -----

// A convolution (eyeriss-like row stationary): output channels and rows
// spread along x, the filter row along y.
accel.arch @rs {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @GLB {entries = 65536, bypass = ["W"]}
  accel.fanout @PE {x = 4, y = 3}
  accel.storage @spad {entries = 64}
  accel.compute @mac {}
}
func.func @conv(%i: tensor<1x8x10x10xf32>, %w: tensor<4x8x3x3xf32>, %o: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %0 = linalg.conv_2d_nchw_fchw {accel.mapping = #accel.mapping<@rs, ["DRAM": temporal [C 2], "GLB": temporal [P 8] keep [I, O] bypass [W], "PE": spatial x [M 4] y [S 3], "spad": temporal [Q 8, C 4, R 3]]>}
      ins(%i, %w : tensor<1x8x10x10xf32>, tensor<4x8x3x3xf32>) outs(%o : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}
// CHECK-LABEL: func.func @conv
// DRAM: C 2.
// CHECK: scf.for {{.*}} to %c8 step %c4
// CHECK: linalg.copy {accel.stage = "GLB"} ins({{.*}} : tensor<1x4x10x10xf32>)
// CHECK: linalg.copy {accel.stage = "GLB"} ins({{.*}} : tensor<1x4x8x8xf32>)
// GLB: P 8 (the output width).
// CHECK: scf.for {{.*}} to %c8{{.*}} step %c1
// PE: the filter row S along y (a reduction: sequential), M along x.
// CHECK: scf.for {{.*}} to %c3{{.*}} step %c1
// CHECK: scf.forall (%{{.*}}) in (4)
// CHECK-COUNT-3: linalg.copy {accel.stage = "spad"}
// spad: Q 8, C 4, R 3.
// CHECK: scf.for {{.*}} to %c8{{.*}} step %c1
// CHECK: scf.for {{.*}} to %c4{{.*}} step %c1
// CHECK: scf.for {{.*}} to %c3{{.*}} step %c1
// CHECK: linalg.conv_2d_nchw_fchw ins({{.*}} : tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>)
// CHECK-COUNT-3: } {accel.level = "spad"}
// CHECK: } {accel.level = "PE", mapping = [#accel.spatial<"PE", x, 0>]}
// CHECK: } {accel.level = "PE", accel.spatial = #accel.spatial<"PE", y, 0>}

// -----

// A strided depthwise convolution and a linalg.generic tile the same way;
// a tensor a level bypasses is not staged there.
accel.arch @small {
  accel.storage @DRAM {technology = "dram"}
  accel.fanout @PE {x = 2}
  accel.storage @reg {entries = 16}
  accel.compute @mac {}
}
func.func @depthwise(%i: tensor<1x4x9x9xf32>, %w: tensor<4x3x3xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>,
        accel.mapping = #accel.mapping<@small, ["DRAM": temporal [Q 4, P 4], "PE": spatial x [G 2], "reg": temporal [G 2, S 3, R 3]]>}
      ins(%i, %w : tensor<1x4x9x9xf32>, tensor<4x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}
// CHECK-LABEL: func.func @depthwise
// CHECK: scf.for {{.*}} to %c4 step %c1
// CHECK: scf.for {{.*}} to %c4{{.*}} step %c1
// CHECK: scf.forall ({{.*}}) = (0) to (4) step (2)
// The register tile of the input: 2 channels, a 3x3 window.
// CHECK: memory_space = #accel.memory<"reg">} : tensor<1x2x3x3xf32>
// CHECK: linalg.depthwise_conv_2d_nchw_chw
// CHECK-SAME: tensor<1x1x1x1xf32>, tensor<1x1x1xf32>

#ik = affine_map<(i, j, k) -> (i, k)>
#jk = affine_map<(i, j, k) -> (j, k)>
#ij = affine_map<(i, j, k) -> (i, j)>
func.func @generic(%a: tensor<6x8xf32>, %b: tensor<4x8xf32>, %c: tensor<6x4xf32>) -> tensor<6x4xf32> {
  %0 = linalg.generic {indexing_maps = [#ik, #jk, #ij], iterator_types = ["parallel", "parallel", "reduction"],
        accel.mapping = #accel.mapping<@small, ["DRAM": temporal [d2 4, d0 3], "PE": spatial x [d1 2], "reg": temporal [d1 2, d0 2, d2 2] keep ["0", "2"] bypass ["1"]]>}
      ins(%a, %b : tensor<6x8xf32>, tensor<4x8xf32>) outs(%c : tensor<6x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}
// CHECK-LABEL: func.func @generic
// CHECK: scf.for {{.*}} to %c8 step %c2
// CHECK: scf.for {{.*}} to %c6 step %c2
// CHECK: scf.forall ({{.*}}) = (0) to (4) step (2)
// Operand 1 bypasses the registers: two copies, not three.
// CHECK-COUNT-2: linalg.copy {accel.stage = "reg"}
// CHECK-NOT: linalg.copy
// CHECK: linalg.generic
