//===- MapToArchPass.cpp - The map-to-arch pass ---------------------------===//
//
// Parses the pass options into accel::mapToArch's, runs it, prints the
// summary when asked and counts. The work is in MapToArch.cpp.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"

#include <cmath>

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
    MapToArchOptions options;
    std::optional<mapper::Objective> parsedObjective =
        mapper::Objective::parse(objective);
    if (!parsedObjective)
      return module.emitError()
             << "unknown objective '" << objective
             << "'; expected edp, energy, delay, last_level_accesses or a "
                "comma-separated list";
    if (!(timeLimit >= 0) || std::isinf(timeLimit))
      return module.emitError() << "'time-limit' must be a finite, "
                                   "non-negative number of seconds, got "
                                << timeLimit;
    options.arch = arch;
    options.remarks = remarks;
    mapper::SearchOptions &search = options.search;
    search.objective = *parsedObjective;
    search.strategy = strategy;
    search.maxEvaluations = maxEvaluations;
    search.timeLimitSeconds = timeLimit;
    search.victoryCondition = victory;
    search.threads = threads;
    search.seed = seed;
    search.progress = progress;
    search.imperfectFactors = imperfect;
    if (timeloopCompat)
      search.evaluation = model::timeloopOptions();
    return options;
  }
};

} // namespace
