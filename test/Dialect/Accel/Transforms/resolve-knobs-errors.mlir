// RUN: accel-opt %s --accel-resolve-knobs="arch=small" --split-input-file --verify-diagnostics

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @+1 {{knob 'GLB.M' names level 'GLB', which the architecture does not have; its levels are 'RF', 'PE', 'DRAM'}}
    %k = transform.tune.knob<"GLB.M"> options = [1, 2] -> !transform.param<i64>
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @+1 {{knob 'RF.P' names dimension 'P', which the op does not have; its dimensions are 'M', 'N', 'K'}}
    %k = transform.tune.knob<"RF.P"> options = [1, 2] -> !transform.param<i64>
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @+1 {{knob 'tile_m' names no mapping decision; expected '<level>.<dim>' (a temporal factor) or '<fanout>.x.<dim>' / '<fanout>.y.<dim>' (a spatial factor)}}
    %k = transform.tune.knob<"tile_m"> options = [1, 2] -> !transform.param<i64>
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @+1 {{knob 'PE.y.M' names the y axis of 'PE', which has no fanout along it}}
    %k = transform.tune.knob<"PE.y.M"> options = [1, 2] -> !transform.param<i64>
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @+1 {{knob 'RF.M' has option "big"; its options must be positive integers}}
    %k = transform.tune.knob<"RF.M"> options = [1, "big"] -> !transform.any_param
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // None of 3, 5, 7 divides M = 16.
    // expected-error @+1 {{no combination of the knobs' options admits a valid mapping onto @small (last: the fixed factors of 'M' multiply to 7, which does not divide its bound 16)}}
    %k = transform.tune.knob<"RF.M"> options = [3, 5, 7] -> !transform.param<i64>
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %0 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // 16 x 16 x 16 = 4096 combinations fit the default cap; 17 more do not.
    // expected-error @+1 {{the knobs' options and alternatives give 69632 combinations to search, more than max-combinations (4096)}}
    %a = transform.tune.knob<"RF.M"> options = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] -> !transform.param<i64>
    %b = transform.tune.knob<"RF.N"> options = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] -> !transform.param<i64>
    %c = transform.tune.knob<"RF.K"> options = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] -> !transform.param<i64>
    %d = transform.tune.knob<"DRAM.K"> options = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] -> !transform.param<i64>
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  accel.arch @small {
    accel.storage @DRAM {technology = "dram"}
    accel.fanout @PE {x = 4}
    accel.storage @RF {entries = 64}
    accel.compute @mac {}
  }
  func.func @f(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
    // expected-note @+1 {{this one}}
    %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
    // expected-note @+1 {{this one}}
    %1 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%0 : tensor<16x12xf32>) -> tensor<16x12xf32>
    return %1 : tensor<16x12xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @+1 {{knobs name the mapping decisions of one multiply-accumulate op, but the payload has 2}}
    %k = transform.tune.knob<"RF.M"> options = [1, 2] -> !transform.param<i64>
    transform.yield
  }
}
