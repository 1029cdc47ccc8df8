//===- EstimatePass.cpp - The accel-estimate pass -------------------------===//
//
// Costs every mapped op (accel::estimateCosts), writes the reports asked
// for, and counts. The work is in EstimateCosts.cpp and CostReports.cpp.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"

namespace accel {
#define GEN_PASS_DEF_ACCELESTIMATE
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

struct EstimatePass : public accel::impl::AccelEstimateBase<EstimatePass> {
  using AccelEstimateBase::AccelEstimateBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    EstimateOptions options;
    if (timeloopCompat)
      options.evaluation = model::timeloopOptions();
    options.strict = strict;
    ArchitectureCache archs;
    FailureOr<std::vector<OpCost>> costs =
        estimateCosts(module, options, archs);
    if (failed(costs))
      return signalPassFailure();
    numOpsCosted += costs->size();
    for (const OpCost &cost : *costs)
      if (!cost.result.valid)
        ++numInvalidMappings;

    bool failedWrite = false;
    auto write = [&](const std::string &path,
                     llvm::function_ref<void(llvm::raw_ostream &)> body) {
      std::string error;
      std::unique_ptr<llvm::ToolOutputFile> file =
          openOutputFile(path, &error);
      if (!file) {
        module.emitError() << "cannot write '" << path << "': " << error;
        failedWrite = true;
        return;
      }
      body(file->os());
      file->keep();
    };
    if (!reportJson.empty())
      write(reportJson, [&](llvm::raw_ostream &os) {
        writeCostReportJson(os, *costs);
      });
    if (!reportTimeloop.empty())
      write(reportTimeloop, [&](llvm::raw_ostream &os) {
        writeCostReportTimeloop(os, *costs);
      });
    if (failedWrite)
      signalPassFailure();
  }
};

} // namespace
