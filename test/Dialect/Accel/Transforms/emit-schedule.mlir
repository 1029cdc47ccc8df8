// The schedule accel-emit-schedule writes is plain upstream IR: stock
// mlir-opt (no Accel in the process) replays it, and the loops it builds
// have the trip counts, steps and order of accel-tile's (without staging).
// RUN: accel-opt %s --accel-emit-schedule | FileCheck %s --check-prefix=SCHED --implicit-check-not=accel
// RUN: accel-opt %s --accel-emit-schedule | mlir-opt --transform-interpreter | FileCheck %s --check-prefixes=LOOPS,REPLAY
// RUN: accel-opt %s --accel-tile="staging=false" --accel-strip | FileCheck %s --check-prefixes=LOOPS,TILE

accel.arch @arch {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @GLB {entries = 4096}
  accel.fanout @PE {x = 4, y = 2}
  accel.storage @RF {entries = 64}
  accel.compute @mac {}
}

// SCHED: module attributes {transform.with_named_sequence}
// SCHED: func.func @two_matmuls
// SCHED: linalg.matmul ins
// SCHED: linalg.matmul ins
// SCHED: linalg.matmul ins
// SCHED: transform.named_sequence @__transform_main(%[[ROOT:.*]]: !transform.any_op {transform.readonly})
// Three matmuls, found by position; the middle one has no mapping.
// SCHED: %[[ALL:.*]] = transform.structured.match ops{["linalg.matmul"]} in %[[ROOT]]
// SCHED: %[[FIRST:.*]]:3 = transform.split_handle %[[ALL]] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
// First: DRAM N 3, M 2 (tiles of 4 and 8, N outside M); GLB K 2; the PE
// fanout's K reduction along y (sequential), M along x (forall); RF K, N, M.
// SCHED: %[[T0:.*]], %{{.*}}:2 = transform.structured.tile_using_for %[[FIRST]]#0 tile_sizes [8, 4, 0] interchange = [1, 0, 2]
// SCHED: %[[T1:.*]], %{{.*}} = transform.structured.tile_using_for %[[T0]] tile_sizes [0, 0, 4] interchange = [2, 0, 1]
// SCHED: %[[T2:.*]], %{{.*}} = transform.structured.tile_using_for %[[T1]] tile_sizes [0, 0, 2] interchange = [2, 0, 1]
// SCHED: %[[T3:.*]], %{{.*}} = transform.structured.tile_using_forall %[[T2]] tile_sizes [2, 0, 0]
// SCHED: transform.structured.tile_using_for %[[T3]] tile_sizes [1, 1, 1] interchange = [2, 1, 0]
// Second mapped op (the third matmul): two parallel loops along x, listed
// by dimension (M, N) whatever their order in the mapping.
// SCHED: %[[U0:.*]], %{{.*}}:3 = transform.structured.tile_using_for %[[FIRST]]#2 tile_sizes [4, 4, 1] interchange = [1, 0, 2]
// SCHED: %[[U1:.*]], %{{.*}} = transform.structured.tile_using_forall %[[U0]] tile_sizes [2, 2, 0]
// SCHED: transform.structured.tile_using_for %[[U1]] tile_sizes [1, 1, 0] interchange = [0, 1, 2]
// SCHED: transform.yield
func.func @two_matmuls(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
  %0 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [N 3, M 2], "GLB": temporal [K 2] keep [A, C] bypass [B], "PE": spatial x [M 4] y [K 2], "RF": temporal [K 2, N 4, M 2]]>}
      ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%0 : tensor<16x12xf32>) -> tensor<16x12xf32>
  %2 = linalg.matmul {accel.mapping = #accel.mapping<@arch, ["DRAM": temporal [N 3, M 4, K 8], "PE": spatial x [N 2, M 2], "RF": temporal [M 2, N 2]]>}
      ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%1 : tensor<16x12xf32>) -> tensor<16x12xf32>
  return %2 : tensor<16x12xf32>
}

// Both pipelines build the same loops. Constants are named by value
// (%c12, %c12_3), so bounds and steps are checked by name.
// LOOPS-LABEL: func.func @two_matmuls
// LOOPS:       scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c12{{(_[0-9]+)?}} step %c4{{(_[0-9]+)?}} iter_args
// LOOPS-NEXT:  scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c16{{(_[0-9]+)?}} step %c8{{(_[0-9]+)?}} iter_args
// LOOPS:       scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c8{{(_[0-9]+)?}} step %c4{{(_[0-9]+)?}} iter_args
// LOOPS:       scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c4{{(_[0-9]+)?}} step %c2{{(_[0-9]+)?}} iter_args
// The spatial loop: 4 iterations over M in tiles of 2. tile_using_forall
// writes it normalized, tileUsingSCF with bounds and step.
// REPLAY:      scf.forall (%{{.*}}) in (4) shared_outs
// TILE:        scf.forall (%{{.*}}) = (0) to (8) step (2) shared_outs
// LOOPS:       scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c2{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args
// LOOPS-NEXT:  scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c4{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args
// LOOPS-NEXT:  scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c2{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args
// LOOPS:       linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<1x1xf32>, tensor<1x1xf32>)
// The unmapped matmul is left whole.
// LOOPS:       linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<16x8xf32>, tensor<8x12xf32>)
// LOOPS:       scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c12{{(_[0-9]+)?}} step %c4{{(_[0-9]+)?}} iter_args
// LOOPS-NEXT:  scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c16{{(_[0-9]+)?}} step %c4{{(_[0-9]+)?}} iter_args
// LOOPS-NEXT:  scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c8{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args
// REPLAY:      scf.forall (%{{.*}}, %{{.*}}) in (2, 2) shared_outs
// TILE:        scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (4, 4) step (2, 2) shared_outs
// LOOPS:       scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c2{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args
// LOOPS-NEXT:  scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c2{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args
// LOOPS:       linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<1x1xf32>, tensor<1x1xf32>)
