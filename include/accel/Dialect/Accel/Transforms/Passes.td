//===- Passes.td - accel passes ----------------------------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AccelEstimate : Pass<"accel-estimate", "mlir::ModuleOp"> {
  let summary = "Project the energy and cycles of every mapped op";
  let description = [{
    For every operation carrying an `accel.mapping`, extracts its workload,
    evaluates the mapping on the architecture it names with the analytical
    model, and attaches the result as `accel.cost` (energy in pJ, cycles,
    utilization, MACs, energy per level). Nothing else in the IR changes.

    An invalid mapping (a tile that does not fit, too many spatial
    instances) is reported as a warning carrying the model's reason and gets
    an `accel.cost` with `valid = false`; with `strict` it is an error and
    the pass fails. Mappings that do not fit the op (unknown dimensions or
    tensors, factors that do not multiply to the bounds) are errors.

    Example:

    ```
    accel-opt --accel-estimate="report-json=costs.json" model.mlir
    ```
  }];
  let options = [
    Option<"reportJson", "report-json", "std::string", /*default=*/"\"\"",
           "Write every op's full model result (per level and tensor) as JSON to this file">,
    Option<"reportTimeloop", "report-timeloop", "std::string", /*default=*/"\"\"",
           "Write every op's result in Timeloop's stats layout to this file">,
    Option<"strict", "strict", "bool", /*default=*/"false",
           "Treat an invalid mapping as an error and fail the pass">,
    Option<"timeloopCompat", "timeloop-compat", "bool", /*default=*/"false",
           "Count as Timeloop does (two iterations per loop, extrapolated) instead of exactly">,
  ];
  let statistics = [
    Statistic<"numOpsCosted", "ops-costed", "Mapped ops given a cost">,
    Statistic<"numInvalidMappings", "invalid-mappings",
              "Mappings the model rejects (tiles that do not fit, ...)">,
  ];
  let dependentDialects = ["::accel::AccelDialect"];
}

def AccelMapToArch : Pass<"map-to-arch", "mlir::ModuleOp"> {
  let summary = "Find the best mapping of every tensor op onto an architecture";
  let description = [{
    For every linalg op that multiplies and accumulates (convolutions,
    matmuls, any `linalg.generic` of that shape) in the module, searches the
    mapspace of its workload on the architecture and attaches the best
    mapping found as `accel.mapping` and its projected cost as `accel.cost`.
    Ops with the same workload are searched once. Ops that are not mapped
    (elementwise ops, pooling, dynamic shapes) are left alone and listed, with
    the reason, in the `summary`; `remarks` also puts a remark on each. An op
    for which no valid mapping exists always gets a remark. The pass goes on
    past all of these.

    The architecture is an `accel.arch` symbol of the module, a bundled
    architecture name (inserted into the module), an `.mlir` file holding an
    `accel.arch`, or Timeloop architecture YAML files (comma-separated).
    Constraints written on its levels (`keep`, `bypass`, `factors`,
    `inner_loops`, `outer_loops`, `x_dims`, `y_dims`, `min_utilization`)
    are honoured. Factors need not divide their dimension: a 197-token
    sequence may be split 13 x 16 with a last tile of 5 (`imperfect=false`
    restricts the search to divisors, as Timeloop's Uber mapspace does). The
    same module, options and seed give the same mappings
    whatever the thread count (unless a time limit cuts a search short).

    Example:

    ```
    accel-opt --map-to-arch="arch=eyeriss_like objective=edp summary" net.mlir
    ```
  }];
  let options = [
    Option<"arch", "arch", "std::string", /*default=*/"\"eyeriss_like\"",
           "Architecture (default eyeriss_like): an accel.arch symbol of the module, a bundled name (eyeriss_like, simple_weight_stationary, simple_output_stationary, edge_systolic, cloud_array), an .mlir file or comma-separated Timeloop YAML files">,
    Option<"objective", "objective", "std::string", /*default=*/"\"edp\"",
           "edp (default), energy, delay, last_level_accesses, or a comma-separated list compared in order">,
    Option<"strategy", "strategy", "::accel::mapper::Strategy",
           /*default=*/"::accel::mapper::Strategy::Hybrid",
           "Search strategy (default hybrid)",
           [{::llvm::cl::values(
             clEnumValN(::accel::mapper::Strategy::Hybrid, "hybrid",
                        "local search from random starts"),
             clEnumValN(::accel::mapper::Strategy::Random, "random",
                        "random sampling, as Timeloop's mapper"),
             clEnumValN(::accel::mapper::Strategy::Exhaustive, "exhaustive",
                        "branch and bound: proves the optimum"))}]>,
    Option<"maxEvaluations", "max-evaluations", "uint64_t", /*default=*/"0",
           "Model evaluations per op (default 0: no limit)">,
    Option<"timeLimit", "time-limit", "double", /*default=*/"0",
           "Seconds per op (default 0: no limit)">,
    Option<"victory", "victory", "uint64_t", /*default=*/"0",
           "Stop after this many candidates in a row that do not improve (default 0: the strategy's own)">,
    Option<"threads", "threads", "unsigned", /*default=*/"0",
           "Worker threads (default 0: all cores)">,
    Option<"seed", "seed", "uint64_t", /*default=*/"1", "Random seed (default 1)">,
    Option<"summary", "summary", "bool", /*default=*/"false",
           "Print a table of every op's mapping cost and search status to stderr">,
    Option<"progress", "progress", "bool", /*default=*/"false",
           "Report search progress on stderr">,
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Emit a remark on every op left unmapped (elementwise, pooling, dynamic shapes) saying why">,
    Option<"timeloopCompat", "timeloop-compat", "bool", /*default=*/"false",
           "Count as Timeloop does (two iterations per loop, extrapolated) instead of exactly">,
    Option<"imperfect", "imperfect", "bool", /*default=*/"true",
           "Also search factors that do not divide a dimension, the last tile partial (default true; false: divisors only)">,
  ];
  let statistics = [
    Statistic<"numOpsMapped", "ops-mapped", "Ops given a mapping">,
    Statistic<"numOpsSkipped", "ops-skipped",
              "Ops left alone (not multiply-accumulates, or not modelable)">,
    Statistic<"numOpsUnmapped", "ops-unmapped",
              "Multiply-accumulate ops with no valid mapping">,
    Statistic<"numSearches", "searches",
              "Mapper searches (ops with the same workload share one)">,
    Statistic<"numEvaluations", "evaluations", "Model evaluations">,
  ];
  let dependentDialects = ["::accel::AccelDialect"];
}

def AccelTile : Pass<"accel-tile", "mlir::ModuleOp"> {
  let summary = "Tile mapped linalg ops into loop nests that follow their mapping";
  let description = [{
    For every linalg op on tensors carrying an `accel.mapping`, generates the
    mapping's loop nest through the TilingInterface, level by level from the
    outermost: a level's temporal loops become `scf.for` in the mapped order;
    its spatial loops become `scf.forall` whose `mapping` lists
    `#accel.spatial<"level", x|y, i>` (spatial loops over reduction
    dimensions, which parallel tiles cannot write, become sequential
    `scf.for` carrying `accel.spatial`). Every loop carries `accel.level`.

    With `staging` (the default), inside a level's loops each tensor the
    level below keeps is copied into a buffer of that level
    (`bufferization.alloc_tensor` with memory space `#accel.memory<"level">`
    unless `memory-spaces=false`) and the inner computation reads and
    accumulates there; bypassed tensors are read from the next level out that
    keeps them, and results are written back through the enclosing loops.
    The innermost computation is the original op on the innermost tiles.

    The outermost loop keeps the op's `accel.mapping` and `accel.cost` and is
    marked `accel.tiled`. Imperfect factors (a partial last pass) give
    partial tiles (`affine.min` bounds); staging buffers hold the largest
    tile. An `scf.forall` lists its dimensions in index order (its
    iterations are independent), as `accel-emit-schedule`'s does.
  }];
  let options = [
    Option<"staging", "staging", "bool", /*default=*/"true",
           "Copy every kept tile into a buffer of its level">,
    Option<"memorySpaces", "memory-spaces", "bool", /*default=*/"true",
           "Give staging buffers the #accel.memory space of their level (turn off to lower to LLVM)">,
  ];
  let statistics = [
    Statistic<"numOpsTiled", "ops-tiled", "Mapped ops tiled into loop nests">,
    Statistic<"numStagingCopies", "staging-copies",
              "Operands staged into a level's buffers">,
  ];
  let dependentDialects = ["::accel::AccelDialect", "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::linalg::LinalgDialect"];
}

def AccelEmitSchedule : Pass<"accel-emit-schedule", "mlir::ModuleOp"> {
  let summary = "Write mappings as a transform schedule stock mlir-opt replays";
  let description = [{
    Appends a `transform.named_sequence @__transform_main` that rebuilds,
    with upstream transform ops only (`transform.structured.match`,
    `transform.split_handle`, `transform.structured.tile_using_for` and
    `tile_using_forall`), the loop nest `accel-tile` builds for every linalg
    op carrying an `accel.mapping`: per level its temporal loops in the
    mapped order, its spatial loops as `scf.forall` (reductions as `scf.for`),
    with the same tile sizes and trip counts. The module is marked
    `transform.with_named_sequence` and stripped of accel (architectures and
    attributes, as `accel-strip`), so

      accel-opt in.mlir --accel-emit-schedule > scheduled.mlir
      mlir-opt scheduled.mlir --transform-interpreter

    tiles it without Accel in the process. The schedule does not carry what
    only Accel's ops know: staging copies into each level's buffers and
    their memory spaces, the `accel.level` / `#accel.spatial` loop
    annotations, and the mapping and cost attributes.
  }];
  let statistics = [
    Statistic<"numOpsScheduled", "ops-scheduled", "Mapped ops the schedule tiles">,
  ];
  let dependentDialects = ["::mlir::transform::TransformDialect"];
}

def AccelResolveKnobs : Pass<"accel-resolve-knobs", "mlir::ModuleOp"> {
  let summary = "Resolve a schedule's tuning knobs with the cost model";
  let description = [{
    Resolves the `transform.tune.knob`s of the module's transform schedules
    with Accel's model: a knob's name says which mapping decision of the
    payload's multiply-accumulate op it drives (`"<level>.<dim>"`: the
    level's temporal factor of the dimension; `"<fanout>.x.<dim>"` /
    `".y."`: its spatial factor along that axis), its options are factors.
    Every combination of options (and of the regions of each
    `transform.tune.alternatives`, whose knobs are that region's
    decisions) is searched with the mapper choosing every decision no knob
    controls; the cheapest by `objective` is written back as the knobs'
    `selected` and the alternatives' `selected_region`. The module is then
    stripped of accel, so stock `mlir-opt --transform-interpreter` applies
    the choice. docs/transform.md has the convention and an example.
  }];
  let options = [
    Option<"arch", "arch", "std::string", /*default=*/"\"eyeriss_like\"",
           "Architecture: an accel.arch symbol, a bundled name, an .mlir file or Timeloop YAML">,
    Option<"objective", "objective", "std::string", /*default=*/"\"edp\"",
           "edp, energy, delay or a comma-separated lexicographic list">,
    Option<"maxEvaluations", "max-evaluations", "uint64_t", /*default=*/"2000",
           "Model evaluations per combination of knob options (0: no limit)">,
    Option<"maxCombinations", "max-combinations", "uint64_t", /*default=*/"4096",
           "Refuse schedules with more combinations of knob options">,
    Option<"threads", "threads", "unsigned", /*default=*/"1",
           "Search threads per combination (results do not depend on it)">,
    Option<"seed", "seed", "uint64_t", /*default=*/"1", "Random seed">,
    Option<"summary", "summary", "bool", /*default=*/"false",
           "Print the chosen options and their cost to stderr">,
  ];
  let statistics = [
    Statistic<"numKnobs", "knobs", "Knobs resolved">,
    Statistic<"numSearches", "searches", "Mapper searches (one per combination)">,
  ];
  let dependentDialects = ["::accel::AccelDialect"];
}

def AccelStrip : Pass<"accel-strip", "mlir::ModuleOp"> {
  let summary = "Remove accel architectures and annotations";
  let description = [{
    Erases `accel.arch` operations, every `accel.*` attribute (mappings,
    costs, loop annotations) and `scf.forall` mappings onto fanouts, so that
    lowered code can go to tools that do not know the accel dialect (`mlir-runner`, `mlir-translate`). Buffers
    in `#accel.memory` spaces keep them; lower with `memory-spaces=false`
    on `accel-tile` to avoid those.
  }];
}

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD
