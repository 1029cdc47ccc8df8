// accel-resolve-knobs on transform.tune.alternatives: each region's knobs
// are its mapping decisions; the region the model finds cheapest is
// selected, and every knob (in the regions not taken too) gets an option.
// RUN: accel-opt %s --accel-resolve-knobs="arch=small objective=delay summary" --split-input-file 2> %t.summary | FileCheck %s --implicit-check-not=accel
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.summary
// The resolved schedule is what stock mlir-opt reads.
// RUN: accel-opt %s --accel-resolve-knobs="arch=small objective=delay" --split-input-file | mlir-opt --split-input-file > /dev/null

// By hand: region 0 keeps all 1536 MACs of the 16x8x12 matmul on one PE
// (every spatial factor 1): 1536 cycles at best. Region 1 spreads only N
// (M and K stay off the fanout): over 2 PEs 768 cycles at best, over 4
// PEs 384. With delay as the objective, region 1 with N over 4 PEs wins.
// CHECK-LABEL: func.func @matmul
// CHECK: transform.tune.alternatives<"spread"> selected_region = 1
// CHECK: transform.tune.knob<"PE.x.M"> = 1 : i64 from options = [1]
// CHECK: transform.tune.knob<"PE.x.N"> = 1 : i64 from options = [1]
// CHECK: transform.tune.knob<"PE.x.K"> = 1 : i64 from options = [1]
// CHECK: transform.tune.knob<"PE.x.M"> = 1 : i64 from options = [1]
// CHECK: transform.tune.knob<"PE.x.K"> = 1 : i64 from options = [1]
// CHECK: transform.tune.knob<"PE.x.N"> = 4 : i64 from options = [2, 4]
// SUMMARY: resolve-knobs: 6 knobs on @small, 3 searches ({{[0-9]+}} evaluations): {{.*}} pJ, 384 cycles
module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 256}
    accel.compute @mac {}
  }
  func.func @matmul(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.tune.alternatives<"spread"> {
      %m = transform.tune.knob<"PE.x.M"> options = [1] -> !transform.param<i64>
      %n = transform.tune.knob<"PE.x.N"> options = [1] -> !transform.param<i64>
      %k = transform.tune.knob<"PE.x.K"> options = [1] -> !transform.param<i64>
      transform.yield
    }, {
      %m = transform.tune.knob<"PE.x.M"> options = [1] -> !transform.param<i64>
      %k = transform.tune.knob<"PE.x.K"> options = [1] -> !transform.param<i64>
      %n = transform.tune.knob<"PE.x.N"> options = [2, 4] -> !transform.param<i64>
      %t, %forall = transform.structured.tile_using_forall %mm num_threads [0, %n, 0] : (!transform.any_op, !transform.param<i64>) -> (!transform.any_op, !transform.any_op)
      transform.yield
    }
    transform.yield
  }
}

// -----

// A region whose knobs admit no mapping (3 does not divide M = 16) loses to
// one whose knobs do, whatever the costs.
// CHECK-LABEL: func.func @invalid_region
// CHECK: transform.tune.alternatives<"tile"> selected_region = 1
// CHECK: transform.tune.knob<"RF.M"> options = [3]
// CHECK: transform.tune.knob<"RF.M"> = 4 : i64 from options = [4]
module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 256}
    accel.compute @mac {}
  }
  func.func @invalid_region(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    transform.tune.alternatives<"tile"> {
      %m = transform.tune.knob<"RF.M"> options = [3] -> !transform.param<i64>
      transform.yield
    }, {
      %m = transform.tune.knob<"RF.M"> options = [4] -> !transform.param<i64>
      transform.yield
    }
    transform.yield
  }
}
