//===- Search.cpp - Finding the best mapping ------------------------------===//

#include "accel/Mapper/Search.h"
#include "Strategies.h"

#include "llvm/ADT/StringSwitch.h"

using namespace accel;
using namespace accel::mapper;
using namespace accel::mapper::detail;

std::optional<Strategy> accel::mapper::parseStrategy(llvm::StringRef text) {
  std::string name = text.trim().lower();
  std::replace(name.begin(), name.end(), '-', '_');
  return llvm::StringSwitch<std::optional<Strategy>>(name)
      .Cases({"exhaustive", "linear_pruned", "branch_and_bound"},
             Strategy::Exhaustive)
      .Case("random", Strategy::Random)
      .Cases({"hybrid", "random_pruned"}, Strategy::Hybrid)
      .Default(std::nullopt);
}

llvm::StringRef accel::mapper::stringifyStrategy(Strategy strategy) {
  switch (strategy) {
  case Strategy::Exhaustive:
    return "exhaustive";
  case Strategy::Random:
    return "random";
  case Strategy::Hybrid:
    return "hybrid";
  }
  return "";
}

llvm::StringRef accel::mapper::stringifyStatus(SearchStatus status) {
  switch (status) {
  case SearchStatus::Optimal:
    return "optimal";
  case SearchStatus::Budget:
    return "budget";
  case SearchStatus::Converged:
    return "converged";
  case SearchStatus::Exhausted:
    return "exhausted";
  case SearchStatus::NoMapping:
    return "no-mapping";
  }
  return "";
}

/// The victory condition when no budget ends the search. The hybrid's is
/// set by bench/search-quality-bench.py: with 64 non-improving starts the
/// default search stopped 10-300% short of a long run on some layers of
/// the bundled networks (large arrays, lexicographic objectives); 256 (and
/// 64 in the imperfect refinement) bring most within 1% for about four
/// times the starts, which the evaluation cache makes cheaper.
static uint64_t defaultVictory(const SearchOptions &options) {
  if (options.victoryCondition || options.maxEvaluations ||
      options.timeLimitSeconds > 0)
    return options.victoryCondition;
  return options.strategy == Strategy::Random ? 500 : 256;
}

/// Valid mappings are too rare to sample: enumerate instead, which either
/// finds one or proves there is none.
static void enumerateForAMapping(SearchContext &context, Workers &workers,
                                 SearchResult &result) {
  runBranchAndBound(context, workers, result);
  if (result.status == SearchStatus::Optimal)
    result.status = SearchStatus::Exhausted;
}

/// The hybrid search. With imperfect factors it first explores the perfect
/// subspace, where evaluations are cheap and a good incumbent is found
/// fast, then refines that incumbent (and some fresh starts) in the whole
/// space: the result is never worse than the perfect search's, and the
/// costlier evaluations of imperfect mappings go where they can improve.
static SamplingOutcome runHybrid(SearchContext &context, Workers &workers,
                                 uint64_t victory) {
  const SearchOptions &options = context.options;
  SamplingSettings perfect;
  perfect.maxEvaluations = options.maxEvaluations;
  perfect.victoryCondition = victory;
  if (!options.imperfectFactors)
    return runSampling(context, workers, perfect);

  for (auto &worker : workers)
    worker->space.setImperfect(false);
  if (options.maxEvaluations)
    perfect.maxEvaluations = std::max<uint64_t>(1, options.maxEvaluations / 2);
  perfect.timeFraction = 0.5;
  SamplingOutcome first = runSampling(context, workers, perfect);
  for (auto &worker : workers)
    worker->space.setImperfect(true);
  if (context.budgetSpent())
    return first;

  SamplingSettings refine;
  refine.phase = 2;
  refine.incumbent = &first;
  if (options.maxEvaluations)
    refine.maxEvaluations =
        options.maxEvaluations - std::min(options.maxEvaluations,
                                          first.evaluations);
  refine.victoryCondition = victory ? std::max<uint64_t>(16, victory / 4) : 0;
  if (options.maxEvaluations && refine.maxEvaluations == 0)
    return first;
  SamplingOutcome second = runSampling(context, workers, refine);
  second.evaluations += first.evaluations;
  return second;
}

llvm::Expected<SearchResult>
accel::mapper::searchMapping(const model::Workload &workload,
                             const model::Architecture &arch,
                             const model::MappingConstraints &constraints,
                             const SearchOptions &options) {
  if (llvm::Error unsatisfiable = constraints.checkSatisfiable(workload, arch))
    return std::move(unsatisfiable);
  SearchResult result;
  SearchContext context(workload, arch, constraints, options);
  Workers workers;
  for (unsigned t = 0; t < context.threads; ++t)
    workers.push_back(std::make_unique<Worker>(context));

  uint64_t victory = defaultVictory(options);
  switch (options.strategy) {
  case Strategy::Random: {
    SamplingSettings settings;
    settings.improve = false;
    settings.maxEvaluations = options.maxEvaluations;
    settings.victoryCondition = victory;
    SamplingOutcome outcome = runSampling(context, workers, settings);
    result.status = outcome.status;
    if (!outcome.found && outcome.status == SearchStatus::NoMapping)
      enumerateForAMapping(context, workers, result);
    break;
  }
  case Strategy::Hybrid: {
    SamplingOutcome outcome = runHybrid(context, workers, victory);
    result.status = outcome.status;
    if (!outcome.found && outcome.status == SearchStatus::NoMapping)
      enumerateForAMapping(context, workers, result);
    break;
  }
  case Strategy::Exhaustive: {
    // A hybrid search first gives the bounds a good incumbent to beat.
    uint64_t warmStart = 200000;
    if (options.maxEvaluations)
      warmStart = std::min(warmStart, options.maxEvaluations / 4);
    if (warmStart) {
      SamplingSettings settings;
      settings.maxEvaluations = warmStart;
      settings.victoryCondition = 16;
      settings.phase = 1;
      runSampling(context, workers, settings);
    }
    runBranchAndBound(context, workers, result);
    break;
  }
  }
  context.reportProgress(stringifyStrategy(options.strategy).data(), 1.0,
                         /*final=*/true);
  context.fillResult(result);
  if (!result.found && result.status != SearchStatus::NoMapping)
    result.status = SearchStatus::NoMapping;
  return result;
}
