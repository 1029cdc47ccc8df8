//===- SearchSettings.cpp - Validate a search's settings ------------------===//
//
// One parser for what map-to-arch, accel-mapper and Python's accel.search
// take from their users, so all three accept the same values and reject
// the rest with the same messages.
//
//===----------------------------------------------------------------------===//

#include "accel/Mapper/Search.h"

#include <cmath>

using namespace accel::mapper;

llvm::Expected<SearchOptions>
accel::mapper::buildSearchOptions(const SearchSettings &settings) {
  SearchOptions options;
  std::optional<Objective> objective = Objective::parse(settings.objective);
  if (!objective)
    return llvm::createStringError(
        "unknown objective '" + settings.objective +
        "'; expected edp, energy, delay, last_level_accesses or a "
        "comma-separated list");
  std::optional<Strategy> strategy = parseStrategy(settings.strategy);
  if (!strategy)
    return llvm::createStringError("unknown search strategy '" +
                                   settings.strategy +
                                   "'; expected hybrid, random or exhaustive");
  if (!(settings.timeLimitSeconds >= 0) ||
      std::isinf(settings.timeLimitSeconds))
    return llvm::createStringError(
        "'time-limit' must be a finite, non-negative number of seconds, got " +
        std::to_string(settings.timeLimitSeconds));
  options.objective = *objective;
  options.strategy = *strategy;
  options.maxEvaluations = settings.maxEvaluations;
  options.timeLimitSeconds = settings.timeLimitSeconds;
  options.victoryCondition = settings.victoryCondition;
  options.threads = settings.threads;
  options.seed = settings.seed;
  options.imperfectFactors = settings.imperfectFactors;
  options.progress = settings.progress;
  return options;
}
