//===- MapToArchPass.cpp - The map-to-arch pass ---------------------------===//
//
// Parses the pass options into accel::mapToArch's, runs it, prints the
// summary when asked and counts. The work is in MapToArch.cpp.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"

namespace accel {
#define GEN_PASS_DEF_ACCELMAPTOARCH
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

struct MapToArchPass : public accel::impl::AccelMapToArchBase<MapToArchPass> {
  using AccelMapToArchBase::AccelMapToArchBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<MapToArchOptions> options = parseOptions(module);
    if (failed(options))
      return signalPassFailure();
    FailureOr<MapToArchResult> result = mapToArch(module, *options);
    if (failed(result))
      return signalPassFailure();
    numOpsMapped += result->mapped;
    numOpsSkipped += result->skipped;
    numOpsUnmapped += result->unmapped;
    numSearches += result->searches;
    numEvaluations += result->evaluations;
    if (summary)
      printMappingSummary(llvm::errs(), *result, options->search);
  }

private:
  FailureOr<MapToArchOptions> parseOptions(ModuleOp module) {
    mapper::SearchSettings settings;
    settings.objective = objective;
    settings.strategy = mapper::stringifyStrategy(strategy).str();
    settings.maxEvaluations = maxEvaluations;
    settings.timeLimitSeconds = timeLimit;
    settings.victoryCondition = victory;
    settings.threads = threads;
    settings.seed = seed;
    settings.progress = progress;
    settings.imperfectFactors = imperfect;
    llvm::Expected<mapper::SearchOptions> search =
        mapper::buildSearchOptions(settings);
    if (!search)
      return module.emitError() << llvm::toString(search.takeError());
    MapToArchOptions options;
    options.arch = arch;
    options.remarks = remarks;
    options.search = std::move(*search);
    if (timeloopCompat)
      options.search.evaluation = model::timeloopOptions();
    return options;
  }
};

} // namespace
