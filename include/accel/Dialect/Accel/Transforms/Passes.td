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
  let dependentDialects = ["::accel::AccelDialect"];
}

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD
