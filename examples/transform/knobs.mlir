// A tuning spec whose knobs Accel's model resolves (docs/transform.md):
//   accel-opt examples/transform/knobs.mlir \
//     --accel-resolve-knobs="arch=simple_weight_stationary" > resolved.mlir
//   mlir-opt resolved.mlir --transform-interpreter
module attributes {transform.with_named_sequence} {
  func.func @layer(%a: tensor<64x96xf32>, %b: tensor<96x128xf32>,
                   %c: tensor<64x128xf32>) -> tensor<64x128xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<64x96xf32>, tensor<96x128xf32>)
                       outs(%c : tensor<64x128xf32>) -> tensor<64x128xf32>
    return %0 : tensor<64x128xf32>
  }

  transform.named_sequence @__transform_main(
      %root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root
        : (!transform.any_op) -> !transform.any_op
    // The global buffer's factor of M and how N spreads over the 16 PE
    // columns: the model picks each option. Single-option knobs pin M to
    // the global buffer (no M loops in the PEs), so the buffer's factor of
    // M is the tile size of the DRAM loop below.
    %glb_m = transform.tune.knob<"shared_glb.M"> options = [1, 2, 4, 8, 16]
        -> !transform.param<i64>
    %pe_n = transform.tune.knob<"PE.x.N"> options = [4, 8, 16]
        -> !transform.param<i64>
    %pin_x = transform.tune.knob<"PE.x.M"> options = [1] -> !transform.param<i64>
    %pin_y = transform.tune.knob<"PE.y.M"> options = [1] -> !transform.param<i64>
    %pin_spad = transform.tune.knob<"pe_spad.M"> options = [1]
        -> !transform.param<i64>
    %tiled, %loop = transform.structured.tile_using_for %mm
        tile_sizes [%glb_m, 0, 0]
        : (!transform.any_op, !transform.param<i64>)
        -> (!transform.any_op, !transform.any_op)
    %inner, %forall = transform.structured.tile_using_forall %tiled
        num_threads [0, %pe_n, 0]
        : (!transform.any_op, !transform.param<i64>)
        -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
