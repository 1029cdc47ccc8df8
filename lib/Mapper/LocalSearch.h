//===- LocalSearch.h - Improving a mapping by small changes -------*- C++ -*-===//
//
// Internal to the mapper. A local search walks from a valid plan to better
// neighbours: a loop moved within a level's order, a prime factor of a
// dimension moved between two levels' temporal loops or between a level's
// temporal loops and a fanout's spatial loops, a keep bit flipped, and with
// imperfect factors a dimension split anew between two loops. Every
// move keeps the plan inside the constrained mapspace (factor bounds, order
// prefixes and suffixes, spatial axes, fanout sizes); capacity is checked
// before the model runs.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MAPPER_LOCALSEARCH_H
#define ACCEL_LIB_MAPPER_LOCALSEARCH_H

#include "SearchContext.h"

#include <random>

namespace accel::mapper::detail {

class LocalSearch {
public:
  explicit LocalSearch(Worker &worker);

  /// Applies one random move to `plan`; false if the drawn move was not
  /// possible (the plan is then unchanged).
  bool randomMove(Plan &plan, std::mt19937_64 &rng);

  /// Hill climbing from `plan` (valid, of objective `value`): random moves,
  /// kept when they improve, until `patience` consecutive moves fail to or
  /// `maxEvaluations` model evaluations are spent. Returns the evaluations.
  uint64_t climb(Plan &plan, ObjectiveValue &value, std::mt19937_64 &rng,
                 uint64_t patience, uint64_t maxEvaluations);

  /// Tries every representative order of each level in turn (outermost
  /// first) and every free keep bit, keeping improvements. Returns the
  /// evaluations.
  uint64_t polish(Plan &plan, ObjectiveValue &value, uint64_t maxEvaluations);

  /// What climb() and polish() compare plans by from now on (the search's
  /// objective when null). Values passed to them must be by it.
  void compareBy(const Objective *objective) { guide = objective; }

  /// Whether every level's tiles fit (cheaper than the model).
  bool fits(const Plan &plan) const;

private:
  /// A random move applied to `plan` itself; false when it was impossible
  /// or leaves a tile that does not fit (`plan` may then be half-changed).
  bool moveInPlace(Plan &plan, std::mt19937_64 &rng);
  /// Evaluates `candidate`; if it beats `value`, it becomes `plan` (the old
  /// plan is left in `candidate`).
  bool acceptIfBetter(Plan &candidate, Plan &plan, ObjectiveValue &value);
  bool moveOrder(Plan &plan, std::mt19937_64 &rng);
  bool moveTemporalFactor(Plan &plan, std::mt19937_64 &rng);
  bool moveSpatialFactor(Plan &plan, std::mt19937_64 &rng);
  /// With imperfect factors: gives one loop of a dimension a new factor
  /// (possibly not dividing) and lets a temporal loop of another level
  /// cover the rest.
  bool resplitFactor(Plan &plan, std::mt19937_64 &rng);
  /// With imperfect factors: spreads one dimension over a whole axis of a
  /// fanout (or a share of it), moving what the axis held into a temporal
  /// loop (Ruby-S: 197 tokens on 14 columns, the last column partly idle).
  bool fillAxis(Plan &plan, std::mt19937_64 &rng);
  /// Swaps the x and y factors of a fanout when each side fits the other
  /// axis (and the constraints allow its dimensions there).
  bool swapAxes(Plan &plan, std::mt19937_64 &rng);
  /// Whether the plan meets the minimum utilization constraint.
  bool usesEnoughInstances(const Plan &plan) const;
  bool flipKeep(Plan &plan, std::mt19937_64 &rng);
  /// Sets level `s`'s temporal factor of `d`, keeping its order in step.
  void setTemporal(LevelPlan &level, int s, int d, int64_t factor,
                   std::mt19937_64 &rng);

  Worker &worker;
  const Mapspace &space;
  const Objective *guide = nullptr;
  std::vector<int> temporalLevels, fanoutLevels;
  std::vector<std::pair<int, int>> freeKeepBits;
  Plan scratch;
  ObjectiveValue scratchValue;
};

/// The smallest prime factor of n > 1.
int64_t smallestPrimeFactor(int64_t n);
/// A uniformly drawn prime factor (with multiplicity) of n > 1.
int64_t randomPrimeFactor(int64_t n, std::mt19937_64 &rng);

} // namespace accel::mapper::detail

#endif // ACCEL_LIB_MAPPER_LOCALSEARCH_H
