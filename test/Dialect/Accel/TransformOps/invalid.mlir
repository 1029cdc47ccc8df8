// Misuse of transform.accel.* is a silenceable failure at the transform op,
// with a note at the payload op concerned.
// RUN: accel-opt %s --transform-interpreter --split-input-file --verify-diagnostics

module attributes {transform.with_named_sequence} {
  // expected-note @+1 {{payload op}}
  func.func @not_linalg() {
    return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{expects linalg ops, got 'func.func'}}
    %tiled, %loops = transform.accel.tile %f : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  func.func @unmapped(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    // expected-note @+1 {{unmapped payload op}}
    %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{expects ops carrying 'accel.mapping' (map them first)}}
    %tiled, %loops = transform.accel.tile %mm : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  func.func @unmapped_estimate(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    // expected-note @+1 {{unmapped payload op}}
    %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{expects ops carrying 'accel.mapping' (map them first)}}
    %e, %c = transform.accel.estimate %mm : (!transform.any_op) -> (!transform.any_param, !transform.param<i64>)
    transform.yield
  }
}

// -----

// expected-note @+1 {{unknown architecture 'nowhere': not an accel.arch in the module}}
module attributes {transform.with_named_sequence} {
  func.func @unknown_arch(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{cannot map onto 'nowhere'}}
    %mapped = transform.accel.map_to_arch %mm {arch = "nowhere"} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  func.func @bad_objective(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{unknown objective 'speed'; expected edp, energy, delay, last_level_accesses or a comma-separated list}}
    %mapped = transform.accel.map_to_arch %mm {objective = "speed"} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// A silenceable failure can be recovered from: transform.alternatives (whose
// scope is the function) falls back to its next region when map_to_arch
// fails in the first.
module attributes {transform.with_named_sequence} {
  func.func @fallback(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    // expected-remark @+1 {{mapped by the fallback}}
    %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %mapped = transform.alternatives %f : !transform.any_op -> !transform.any_op {
    ^bb0(%scope: !transform.any_op):
      %ops = transform.structured.match ops{["linalg.matmul"]} in %scope : (!transform.any_op) -> !transform.any_op
      %m = transform.accel.map_to_arch %ops {arch = "nowhere"} : (!transform.any_op) -> !transform.any_op
      transform.yield %m : !transform.any_op
    }, {
    ^bb0(%scope: !transform.any_op):
      %ops = transform.structured.match ops{["linalg.matmul"]} in %scope : (!transform.any_op) -> !transform.any_op
      %m = transform.accel.map_to_arch %ops {arch = "simple_weight_stationary", threads = 1, max_evaluations = 200} : (!transform.any_op) -> !transform.any_op
      transform.yield %m : !transform.any_op
    }
    transform.debug.emit_remark_at %mapped, "mapped by the fallback" : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  func.func @negative_budget(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // A negative budget would read as 2^64 - 5 evaluations.
    // expected-error @+1 {{attribute 'max_evaluations' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
    %mapped = transform.accel.map_to_arch %mm {max_evaluations = -5} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
