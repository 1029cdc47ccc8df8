//===- ResolveKnobsPass.cpp - The accel-resolve-knobs pass ----------------===//
//
// Wraps accel::resolveKnobs (ResolveKnobs.cpp), then strips accel so the
// resolved schedule goes to stock mlir-opt.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"

#include "llvm/Support/FormatVariadic.h"

namespace accel {
#define GEN_PASS_DEF_ACCELRESOLVEKNOBS
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

struct ResolveKnobsPass
    : public accel::impl::AccelResolveKnobsBase<ResolveKnobsPass> {
  using AccelResolveKnobsBase::AccelResolveKnobsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    mapper::SearchSettings settings;
    settings.objective = objective;
    settings.maxEvaluations = maxEvaluations;
    settings.threads = threads;
    settings.seed = seed;
    llvm::Expected<mapper::SearchOptions> search =
        mapper::buildSearchOptions(settings);
    if (!search) {
      module.emitError() << llvm::toString(search.takeError());
      return signalPassFailure();
    }
    ResolveKnobsOptions options;
    options.arch = arch;
    options.search = std::move(*search);
    options.maxCombinations = maxCombinations;
    FailureOr<ResolvedKnobs> resolved = resolveKnobs(module, options);
    if (failed(resolved))
      return signalPassFailure();
    numKnobs += resolved->knobs;
    numSearches += resolved->searches;
    if (summary && resolved->target)
      llvm::errs() << llvm::formatv(
          "resolve-knobs: {0} knobs on @{1}, {2} searches ({3} evaluations): "
          "{4:e} pJ, {5} cycles\n",
          resolved->knobs, resolved->archName, resolved->searches,
          resolved->evaluations, resolved->result.energy,
          resolved->result.cycles);
    stripAccel(module);
  }
};

} // namespace
