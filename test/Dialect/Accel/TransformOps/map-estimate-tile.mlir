// transform.accel.map_to_arch, estimate and tile as steps of a schedule.
// RUN: accel-opt %s --transform-interpreter --split-input-file 2>&1 | FileCheck %s

// One MAC under one DRAM level. By hand: a 2x2x2 matmul is 8 MACs, one per
// cycle (8 cycles, 8 pJ of compute). Every operand comes from DRAM: 8 reads
// of A, 8 of B, 8 updates of C and 8 - 4 reads of C (the first read of each
// output is skipped): 28 accesses x 2 pJ = 56 pJ; 64 pJ in all.
// CHECK: remark: energy 6.400000e+01 : f64
// CHECK: remark: cycles 8 : i64
// CHECK-LABEL: func.func @single_mac
// The three loops of the mapping, the op's mapping and cost on the outermost.
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<1x1xf32>, tensor<1x1xf32>)
// CHECK: accel.cost = #accel.cost<energy_pj = 64.0, cycles = 8,{{.*}}accel.mapping = #accel.mapping<@one_mac,{{.*}}accel.tiled
module attributes {transform.with_named_sequence} {
  accel.arch @one_mac {
    accel.storage @DRAM {technology = "dram", energy = #accel.energy<read = 2.0, fill = 2.0, update = 2.0>}
    accel.compute @mac {energy = #accel.energy<compute = 1.0>}
  }
  func.func @single_mac(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %mapped = transform.accel.map_to_arch %mm {arch = "one_mac", threads = 1} : (!transform.any_op) -> !transform.any_op
    %energy, %cycles = transform.accel.estimate %mapped : (!transform.any_op) -> (!transform.any_param, !transform.param<i64>)
    transform.debug.emit_param_as_remark %energy, "energy" at %mapped : !transform.any_param, !transform.any_op
    transform.debug.emit_param_as_remark %cycles, "cycles" at %mapped : !transform.param<i64>, !transform.any_op
    %tiled, %loops = transform.accel.tile %mapped {staging = false} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Accel's tiling interleaved with upstream transforms: the spatial loop
// accel.tile builds (first of its loops) takes in the producer of the
// output, fused by transform.structured.fuse_into_containing_op, so each
// PE zeroes only its own rows.
// CHECK-LABEL: func.func @fused_fill
// CHECK: scf.forall (%[[PE:.*]]) = (0) to (8) step (2) shared_outs(%[[OUT:.*]] = %{{.*}})
// CHECK: %[[ROWS:.*]] = tensor.extract_slice %[[OUT]][%[[PE]], 0] [2, 6] [1, 1]
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[ROWS]] : tensor<2x6xf32>)
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO]])
module attributes {transform.with_named_sequence} {
  accel.arch @array {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @fused_fill(%a: tensor<8x4xf32>, %b: tensor<4x6xf32>) -> tensor<8x6xf32> {
    %zero = arith.constant 0.0 : f32
    %empty = tensor.empty() : tensor<8x6xf32>
    %c = linalg.fill ins(%zero : f32) outs(%empty : tensor<8x6xf32>) -> tensor<8x6xf32>
    %0 = linalg.matmul {accel.mapping = #accel.mapping<@array, ["PE": spatial x [M 4], "RF": temporal [M 2, N 6, K 4]]>}
        ins(%a, %b : tensor<8x4xf32>, tensor<4x6xf32>) outs(%c : tensor<8x6xf32>) -> tensor<8x6xf32>
    return %0 : tensor<8x6xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops = transform.accel.tile %mm {staging = false} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %forall, %rf:3 = transform.split_handle %loops : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %fused, %in = transform.structured.fuse_into_containing_op %fill into %forall : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
