//===- EstimateCosts.cpp - Cost every mapped op ---------------------------===//
//
// accel::estimateCosts: evaluate each op's `accel.mapping` with the model
// and attach `accel.cost`. The accel-estimate pass (EstimatePass.cpp) wraps
// it; CostReports.cpp writes what it returns.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"

using namespace mlir;
using namespace accel;

FailureOr<std::vector<OpCost>>
accel::estimateCosts(Operation *root, const EstimateOptions &options,
                     ArchitectureCache &archs) {
  std::vector<OpCost> costs;
  bool failed = false;
  root->walk([&](Operation *op) {
    auto mapping = op->getAttrOfType<MappingAttr>(
        AccelDialect::MappingAttrHelper::getNameStr());
    if (!mapping)
      return;
    // Loop nests accel-tile produced keep their op's mapping and cost.
    if (op->hasAttr(AccelDialect::TiledAttrHelper::getNameStr()) &&
        !isa<linalg::LinalgOp>(op))
      return;
    auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
    if (!linalgOp) {
      op->emitError() << "'accel.mapping' is on an op that is not a linalg "
                         "structured op; only those can be modelled";
      failed = true;
      return;
    }
    const model::Architecture *arch =
        archs.lookup(op, mapping.getArch().getValue());
    if (!arch) {
      failed = true;
      return;
    }
    FailureOr<ExtractionResult> extraction = extractWorkload(linalgOp);
    if (mlir::failed(extraction) || !extraction->extracted) {
      failed = true;
      return;
    }
    const model::Workload &workload = extraction->extracted->workload;
    FailureOr<model::Mapping> modelMapping =
        convertMapping(op, mapping, workload, *arch);
    if (mlir::failed(modelMapping)) {
      failed = true;
      return;
    }
    model::Result result =
        model::evaluate(workload, *arch, *modelMapping, options.evaluation);
    op->setAttr(AccelDialect::CostAttrHelper::getNameStr(),
                buildCostAttr(op->getContext(), *arch, result));
    if (!result.valid) {
      if (options.strict) {
        op->emitError() << "mapping is invalid: " << result.reason;
        failed = true;
      } else {
        op->emitWarning() << "mapping is invalid: " << result.reason;
      }
    }
    costs.push_back({op, mapping.getArch().getValue().str(), arch, workload,
                     std::move(*modelMapping), std::move(result)});
  });
  if (failed)
    return failure();
  return costs;
}
