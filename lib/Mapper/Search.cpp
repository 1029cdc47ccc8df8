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

/// The victory condition when no budget ends the search.
static uint64_t defaultVictory(const SearchOptions &options) {
  if (options.victoryCondition || options.maxEvaluations ||
      options.timeLimitSeconds > 0)
    return options.victoryCondition;
  return options.strategy == Strategy::Random ? 500 : 64;
}

SearchResult accel::mapper::searchMapping(
    const model::Workload &workload, const model::Architecture &arch,
    const model::MappingConstraints &constraints,
    const SearchOptions &options) {
  SearchResult result;
  SearchContext context(workload, arch, constraints, options);
  Workers workers;
  for (unsigned t = 0; t < context.threads; ++t)
    workers.push_back(std::make_unique<Worker>(context));
  if (!workers.front()->space.error().empty()) {
    result.error = workers.front()->space.error();
    result.status = SearchStatus::NoMapping;
    return result;
  }

  uint64_t victory = defaultVictory(options);
  switch (options.strategy) {
  case Strategy::Random:
  case Strategy::Hybrid: {
    bool improve = options.strategy == Strategy::Hybrid;
    SamplingOutcome outcome = runSampling(context, workers, improve,
                                          options.maxEvaluations, victory, 0);
    result.status = outcome.status;
    if (!outcome.found && outcome.status == SearchStatus::NoMapping) {
      // Valid mappings are too rare to sample: enumerate instead, which
      // either finds one or proves there is none.
      runBranchAndBound(context, workers, result);
      if (result.status == SearchStatus::Optimal)
        result.status = SearchStatus::Exhausted;
    }
    break;
  }
  case Strategy::Exhaustive: {
    // A hybrid search first gives the bounds a good incumbent to beat.
    uint64_t warmStart = 200000;
    if (options.maxEvaluations)
      warmStart = std::min(warmStart, options.maxEvaluations / 4);
    if (warmStart)
      runSampling(context, workers, /*improve=*/true, warmStart,
                  /*victoryCondition=*/16, /*phase=*/1);
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
