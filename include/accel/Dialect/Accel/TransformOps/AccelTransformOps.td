//===- AccelTransformOps.td - Accel's transform-dialect ops -*- tablegen -*-===//
//
// `transform.accel.*`: Accel's mapping, tiling and cost model as steps of a
// transform schedule, to interleave with upstream transform ops.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMOPS_ACCELTRANSFORMOPS_TD
#define ACCEL_DIALECT_ACCEL_TRANSFORMOPS_ACCELTRANSFORMOPS_TD

include "mlir/Dialect/Transform/IR/TransformDialect.td"
include "mlir/Dialect/Transform/IR/TransformTypes.td"
include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

// Budgets, thread counts and seeds: the getters return them unsigned, so a
// negative one must be refused where it is written.
def Accel_NonNegativeI64Attr : ConfinedAttr<I64Attr, [IntNonNegative]>;

class Accel_TransformOp<string mnemonic, list<Trait> traits = []>
    : Op<Transform_Dialect, "accel." # mnemonic,
         !listconcat([DeclareOpInterfaceMethods<TransformOpInterface>,
                      DeclareOpInterfaceMethods<MemoryEffectsOpInterface>],
                     traits)> {
  let cppNamespace = "::accel";
}

def Accel_MapToArchTransformOp : Accel_TransformOp<"map_to_arch"> {
  let summary = "Map the payload ops of a handle onto an architecture";
  let description = [{
    Searches the best mapping of every linalg op the `target` handle holds
    onto `arch` (an `accel.arch` in scope, a bundled name, an .mlir file or
    Timeloop YAML, as `--map-to-arch`) and attaches `accel.mapping` and
    `accel.cost`. The other attributes are `--map-to-arch`'s options. The
    result holds the ops that were mapped.

    A payload op that is not a linalg op, an architecture that cannot be
    loaded, or an op no mapping fits is a silenceable failure (the others
    are still mapped).

    ```mlir
    %mapped = transform.accel.map_to_arch %matmuls
        {arch = "simple_weight_stationary", objective = "delay,energy"}
        : (!transform.any_op) -> !transform.any_op
    ```
  }];
  let arguments = (ins
    TransformHandleTypeInterface:$target,
    DefaultValuedAttr<StrAttr, "\"eyeriss_like\"">:$arch,
    DefaultValuedAttr<StrAttr, "\"edp\"">:$objective,
    DefaultValuedAttr<StrAttr, "\"hybrid\"">:$strategy,
    DefaultValuedAttr<Accel_NonNegativeI64Attr, "0">:$max_evaluations,
    DefaultValuedAttr<F64Attr, "0.0">:$time_limit,
    DefaultValuedAttr<Accel_NonNegativeI64Attr, "0">:$victory,
    DefaultValuedAttr<Accel_NonNegativeI64Attr, "0">:$threads,
    DefaultValuedAttr<Accel_NonNegativeI64Attr, "1">:$seed,
    DefaultValuedAttr<BoolAttr, "true">:$imperfect
  );
  let results = (outs TransformHandleTypeInterface:$mapped);
  let assemblyFormat = "$target attr-dict `:` functional-type(operands, results)";
}

def Accel_TileTransformOp : Accel_TransformOp<"tile",
    [ReportTrackingListenerFailuresOpTrait]> {
  let summary = "Tile mapped ops into their mapping's loop nest";
  let description = [{
    Tiles every op of `target` as `--accel-tile` does (each must be a
    linalg op on tensors carrying `accel.mapping`): `tiled` holds the
    innermost tiled ops, `loops` every generated loop, outermost first, op
    after op. `staging` and `memory_spaces` are the pass's options. The
    target handle is consumed.

    ```mlir
    %tiled, %loops = transform.accel.tile %mapped {staging = false}
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    ```
  }];
  let arguments = (ins
    TransformHandleTypeInterface:$target,
    DefaultValuedAttr<BoolAttr, "true">:$staging,
    DefaultValuedAttr<BoolAttr, "true">:$memory_spaces
  );
  let results = (outs TransformHandleTypeInterface:$tiled,
                      TransformHandleTypeInterface:$loops);
  let assemblyFormat = "$target attr-dict `:` functional-type(operands, results)";
}

def Accel_EstimateTransformOp : Accel_TransformOp<"estimate"> {
  let summary = "The model's cost of mapped ops as transform parameters";
  let description = [{
    Evaluates the `accel.mapping` of every op of `target` (and attaches
    `accel.cost`, as `--accel-estimate`): `energy` holds each op's energy in
    pJ (an f64 attribute: `!transform.param` takes integers only, so it is
    an `!transform.any_param`), `cycles` its cycles (i64), so a schedule can
    compare or report them (`transform.debug.emit_param_as_remark`). An op without a
    mapping is a silenceable failure.

    ```mlir
    %energy, %cycles = transform.accel.estimate %mapped
        : (!transform.any_op) -> (!transform.any_param, !transform.param<i64>)
    ```
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let results = (outs TransformParamTypeInterface:$energy,
                      TransformParamTypeInterface:$cycles);
  let assemblyFormat = "$target attr-dict `:` functional-type(operands, results)";
}

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMOPS_ACCELTRANSFORMOPS_TD
