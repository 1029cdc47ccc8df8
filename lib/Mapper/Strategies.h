//===- Strategies.h - The mapper's search strategies --------------*- C++ -*-===//
//
// Internal to the mapper: the strategies searchMapping() dispatches to, and
// the deterministic parallel loop they share.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MAPPER_STRATEGIES_H
#define ACCEL_LIB_MAPPER_STRATEGIES_H

#include "SearchContext.h"

#include <functional>
#include <memory>

namespace accel::mapper::detail {

using Workers = std::vector<std::unique_ptr<Worker>>;

/// Runs body(worker, item) for every item in [0, count) on the workers'
/// threads (items are handed out in order; the caller makes the outcome
/// independent of which worker ran which item).
void parallelFor(Workers &workers, uint64_t count,
                 const std::function<void(Worker &, uint64_t)> &body);

struct SamplingOutcome {
  SearchStatus status = SearchStatus::NoMapping;
  bool found = false;
  Plan best;
  ObjectiveValue value;
  uint64_t evaluations = 0;
};

struct SamplingSettings {
  /// Hybrid (improve each start by local search) or random.
  bool improve = true;
  uint64_t maxEvaluations = 0;
  uint64_t victoryCondition = 0;
  /// Prefixes candidate keys.
  uint64_t phase = 0;
  /// Stop once this fraction of the search's time limit has passed.
  double timeFraction = 1.0;
  /// Starts from this incumbent (perturbing it) rather than from nothing.
  const SamplingOutcome *incumbent = nullptr;
};

/// Random or hybrid search: rounds of numbered starts, each a random plan or
/// a perturbed incumbent, improved by local search in hybrid mode; results
/// merge in start order, so the outcome does not depend on the thread
/// count.
SamplingOutcome runSampling(SearchContext &context, Workers &workers,
                            const SamplingSettings &settings);

/// Branch and bound over the whole mapspace. Fills status, lowerBound and
/// gap of `result`.
void runBranchAndBound(SearchContext &context, Workers &workers,
                       SearchResult &result);

} // namespace accel::mapper::detail

#endif // ACCEL_LIB_MAPPER_STRATEGIES_H
