// Knobs resolved by the model, end to end: accel-resolve-knobs picks the
// knobs' options and strips accel; stock mlir-opt interprets the resolved
// schedule (tiling the matmul by the chosen tile sizes) and drops it; the
// tiled module, lowered and run by mlir-runner, prints what the untiled
// module prints.
// RUN: accel-opt %s --accel-strip | mlir-opt --test-transform-dialect-erase-schedule --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.before
// RUN: accel-opt %s --accel-resolve-knobs="arch=small" > %t.resolved.mlir
// RUN: FileCheck %s --check-prefix=RESOLVED --implicit-check-not=accel < %t.resolved.mlir
// RUN: mlir-opt %t.resolved.mlir --transform-interpreter --test-transform-dialect-erase-schedule > %t.tiled.mlir
// RUN: FileCheck %s --check-prefix=TILED < %t.tiled.mlir
// RUN: mlir-opt %t.tiled.mlir --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.after
// RUN: diff %t.before %t.after
// RUN: FileCheck %s < %t.after

// By hand: of "RF.M"'s options only 8 divides M = 16 (3 and 5 do not), and
// of "PE.x.N"'s only 4 divides N = 12 and fits the 4-wide fanout (8 is
// wider, 5 does not divide), so those are the choices whatever the costs.
// RESOLVED: transform.tune.knob<"RF.M"> = 8 : i64 from options = [3, 5, 8]
// RESOLVED: transform.tune.knob<"PE.x.N"> = 4 : i64 from options = [5, 8, 4]
// RESOLVED: transform.tune.knob<"RF.K"> = {{[0-9]+}} : i64 from options = [1, 2, 4, 8]

// The DRAM loops run over M in tiles of 8 and K in tiles of the chosen
// RF.K; the PE loop over N in 4 tiles of 3.
// TILED: scf.for %{{.*}} = %c0{{.*}} to %c16{{.*}} step %c8
// TILED: scf.forall (%{{.*}}) in (4)
// TILED-NOT: transform.named_sequence

// C[0][0] = sum_k A[0][k] B[k][0] with A[i][k] = (3i + 7k) mod 5 - 2 and
// B[k][j] = (3k + 7j) mod 5 - 2: k = 0..7 give A = -2, 0, 2, -1, 1, -2, 0, 2
// and B = -2, 1, -1, 2, 0, -2, 1, -1: 4 + 0 - 2 - 2 + 0 + 4 + 0 - 2 = 2.
// CHECK: {{^\[\[}}2,

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 256}
    accel.compute @mac {}
  }

  func.func private @printMemrefF32(memref<*xf32>)

  // value(i, j) = (3i + 7j) mod 5 - 2
  func.func @pattern(%t: tensor<?x?xf32>) -> tensor<?x?xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%t : tensor<?x?xf32>) {
    ^bb0(%out: f32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %c3 = arith.constant 3 : index
      %c7 = arith.constant 7 : index
      %c5 = arith.constant 5 : index
      %a = arith.muli %i, %c3 : index
      %b = arith.muli %j, %c7 : index
      %s = arith.addi %a, %b : index
      %m = arith.remui %s, %c5 : index
      %v = arith.index_cast %m : index to i64
      %f = arith.sitofp %v : i64 to f32
      %two = arith.constant 2.0 : f32
      %r = arith.subf %f, %two : f32
      linalg.yield %r : f32
    } -> tensor<?x?xf32>
    return %0 : tensor<?x?xf32>
  }

  func.func @matmul(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }

  func.func @main() {
    %ea = tensor.empty() : tensor<16x8xf32>
    %da = tensor.cast %ea : tensor<16x8xf32> to tensor<?x?xf32>
    %pa = call @pattern(%da) : (tensor<?x?xf32>) -> tensor<?x?xf32>
    %a = tensor.cast %pa : tensor<?x?xf32> to tensor<16x8xf32>
    %eb = tensor.empty() : tensor<8x12xf32>
    %db = tensor.cast %eb : tensor<8x12xf32> to tensor<?x?xf32>
    %pb = call @pattern(%db) : (tensor<?x?xf32>) -> tensor<?x?xf32>
    %b = tensor.cast %pb : tensor<?x?xf32> to tensor<8x12xf32>
    %zero = arith.constant 0.0 : f32
    %ec = tensor.empty() : tensor<16x12xf32>
    %c = linalg.fill ins(%zero : f32) outs(%ec : tensor<16x12xf32>) -> tensor<16x12xf32>
    %r = call @matmul(%a, %b, %c) : (tensor<16x8xf32>, tensor<8x12xf32>, tensor<16x12xf32>) -> tensor<16x12xf32>
    %m = bufferization.to_buffer %r : tensor<16x12xf32> to memref<16x12xf32>
    %u = memref.cast %m : memref<16x12xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    return
  }

  // The schedule: DRAM loops tile M and K to the RF's factors, the PE
  // fanout spreads N, the RF loops run one point at a time.
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %rf_m = transform.tune.knob<"RF.M"> options = [3, 5, 8] -> !transform.param<i64>
    %pe_n = transform.tune.knob<"PE.x.N"> options = [5, 8, 4] -> !transform.param<i64>
    %rf_k = transform.tune.knob<"RF.K"> options = [1, 2, 4, 8] -> !transform.param<i64>
    %t0, %l0:2 = transform.structured.tile_using_for %mm tile_sizes [%rf_m, 0, %rf_k] : (!transform.any_op, !transform.param<i64>, !transform.param<i64>) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t1, %forall = transform.structured.tile_using_forall %t0 num_threads [0, %pe_n, 0] : (!transform.any_op, !transform.param<i64>) -> (!transform.any_op, !transform.any_op)
    %t2, %l2:3 = transform.structured.tile_using_for %t1 tile_sizes [1, 1, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
