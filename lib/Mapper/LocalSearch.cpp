//===- LocalSearch.cpp - Improving a mapping by small changes -------------===//

#include "LocalSearch.h"

#include <algorithm>

using namespace accel;
using namespace accel::mapper;
using namespace accel::mapper::detail;

int64_t accel::mapper::detail::smallestPrimeFactor(int64_t n) {
  for (int64_t p = 2; p * p <= n; ++p)
    if (n % p == 0)
      return p;
  return n;
}

int64_t accel::mapper::detail::randomPrimeFactor(int64_t n,
                                                 std::mt19937_64 &rng) {
  llvm::SmallVector<int64_t, 16> primes;
  for (int64_t p = 2; p * p <= n; ++p)
    while (n % p == 0) {
      primes.push_back(p);
      n /= p;
    }
  if (n > 1)
    primes.push_back(n);
  return primes[rng() % primes.size()];
}

LocalSearch::LocalSearch(Worker &worker)
    : worker(worker), space(worker.space) {
  for (int s = 0; s < space.numLevels(); ++s) {
    if (space.hasTemporalLoops(s))
      temporalLevels.push_back(s);
    if (space.arch().storage[s].fanout() > 1)
      fanoutLevels.push_back(s);
  }
  freeKeepBits = space.freeKeeps();
}

bool LocalSearch::fits(const Plan &plan) const {
  if (!space.keepsEverything(plan))
    return false;
  FactorVector extents;
  extents.fill(1);
  for (int s = 0; s < space.numLevels(); ++s) {
    const LevelPlan &level = plan.levels[s];
    for (int d = 0; d < space.numDims(); ++d)
      extents[d] *= level.temporal[d] * level.spatialX[d] * level.spatialY[d];
    if (!space.fits(s, extents, level.keep))
      return false;
  }
  return true;
}

void LocalSearch::setTemporal(LevelPlan &level, int s, int d, int64_t factor,
                              std::mt19937_64 &rng) {
  bool had = level.temporal[d] > 1;
  level.temporal[d] = factor;
  if (had && factor == 1) {
    level.order.erase(std::find(level.order.begin(), level.order.end(),
                                static_cast<int8_t>(d)));
  } else if (!had && factor > 1) {
    size_t position = rng() % (level.order.size() + 1);
    level.order.insert(level.order.begin() + position, static_cast<int8_t>(d));
    space.normalizeOrder(s, level.order);
  }
}

bool LocalSearch::moveOrder(Plan &plan, std::mt19937_64 &rng) {
  llvm::SmallVector<int, 8> candidates;
  for (int s : temporalLevels)
    if (plan.levels[s].order.size() >= 2)
      candidates.push_back(s);
  if (candidates.empty())
    return false;
  int s = candidates[rng() % candidates.size()];
  LoopOrder &order = plan.levels[s].order;
  LoopOrder before = order;
  size_t from = rng() % order.size();
  int8_t loop = order[from];
  order.erase(order.begin() + from);
  order.insert(order.begin() + rng() % (order.size() + 1), loop);
  space.normalizeOrder(s, order);
  return order != before;
}

bool LocalSearch::moveTemporalFactor(Plan &plan, std::mt19937_64 &rng) {
  if (temporalLevels.size() < 2)
    return false;
  int d = static_cast<int>(rng() % space.numDims());
  llvm::SmallVector<int, 8> sources;
  for (int s : temporalLevels)
    if (plan.levels[s].temporal[d] > 1)
      sources.push_back(s);
  if (sources.empty())
    return false;
  int from = sources[rng() % sources.size()];
  int to = temporalLevels[rng() % temporalLevels.size()];
  if (from == to)
    return false;
  const model::MappingConstraints &constraints = space.constraints();
  int64_t p = randomPrimeFactor(plan.levels[from].temporal[d], rng);
  int64_t newFrom = plan.levels[from].temporal[d] / p;
  int64_t newTo = plan.levels[to].temporal[d] * p;
  if (!constraints.levels[from].temporal[d].allows(newFrom) ||
      !constraints.levels[to].temporal[d].allows(newTo))
    return false;
  setTemporal(plan.levels[from], from, d, newFrom, rng);
  setTemporal(plan.levels[to], to, d, newTo, rng);
  return true;
}

bool LocalSearch::moveSpatialFactor(Plan &plan, std::mt19937_64 &rng) {
  if (fanoutLevels.empty() || temporalLevels.empty())
    return false;
  const model::MappingConstraints &constraints = space.constraints();
  const model::Architecture &arch = space.arch();
  int f = fanoutLevels[rng() % fanoutLevels.size()];
  int d = static_cast<int>(rng() % space.numDims());
  LevelPlan &fanout = plan.levels[f];
  const model::LevelConstraints &limits = constraints.levels[f];
  int t = temporalLevels[rng() % temporalLevels.size()];
  LevelPlan &level = plan.levels[t];
  auto axisProduct = [&](const FactorVector &factors) {
    int64_t product = 1;
    for (int dim = 0; dim < space.numDims(); ++dim)
      product *= factors[dim];
    return product;
  };
  int64_t spatial = fanout.spatialX[d] * fanout.spatialY[d];
  if (rng() % 2 && spatial > 1) {
    // Spatial to temporal.
    FactorVector &axis = fanout.spatialX[d] > 1 ? fanout.spatialX : fanout.spatialY;
    int64_t p = randomPrimeFactor(axis[d], rng);
    if (!limits.spatial[d].allows(spatial / p) ||
        !constraints.levels[t].temporal[d].allows(level.temporal[d] * p))
      return false;
    axis[d] /= p;
    setTemporal(level, t, d, level.temporal[d] * p, rng);
  } else {
    // Temporal to spatial, on the axis the dimension already uses (or
    // either when it uses none).
    if (level.temporal[d] == 1)
      return false;
    int64_t p = randomPrimeFactor(level.temporal[d], rng);
    bool useY;
    if (fanout.spatialX[d] > 1)
      useY = false;
    else if (fanout.spatialY[d] > 1)
      useY = true;
    else
      useY = rng() % 2;
    FactorVector &axis = useY ? fanout.spatialY : fanout.spatialX;
    int64_t capacity = useY ? arch.storage[f].fanoutY : arch.storage[f].fanoutX;
    model::DimensionMask allowed = useY ? limits.spatialY : limits.spatialX;
    if (!((allowed >> d) & 1u) || axisProduct(axis) * p > capacity ||
        !limits.spatial[d].allows(spatial * p) ||
        !constraints.levels[t].temporal[d].allows(level.temporal[d] / p))
      return false;
    axis[d] *= p;
    setTemporal(level, t, d, level.temporal[d] / p, rng);
  }
  if (constraints.minUtilization > 0) {
    int64_t instances = 1;
    for (int s : fanoutLevels)
      instances *= axisProduct(plan.levels[s].spatialX) *
                   axisProduct(plan.levels[s].spatialY);
    if (static_cast<double>(instances) + 1e-9 <
        constraints.minUtilization * static_cast<double>(arch.compute.instances))
      return false;
  }
  return true;
}

bool LocalSearch::resplitFactor(Plan &plan, std::mt19937_64 &rng) {
  if (temporalLevels.empty())
    return false;
  const model::MappingConstraints &constraints = space.constraints();
  const int d = static_cast<int>(rng() % space.numDims());
  // The loop given a new factor: a temporal one or, half the time when
  // there are fanouts, a spatial one; a temporal loop of another level
  // covers what it leaves.
  bool spatial = !fanoutLevels.empty() && rng() % 2;
  int s = spatial ? fanoutLevels[rng() % fanoutLevels.size()]
                  : temporalLevels[rng() % temporalLevels.size()];
  int t = temporalLevels[rng() % temporalLevels.size()];
  if (!spatial && s == t)
    return false;
  LevelPlan &chosen = plan.levels[s];
  LevelPlan &absorber = plan.levels[t];
  FactorVector &axis = chosen.spatialY[d] > 1 ? chosen.spatialY : chosen.spatialX;
  int64_t &slot = spatial ? axis[d] : chosen.temporal[d];
  int64_t others = 1;
  for (int l = 0; l < space.numLevels(); ++l) {
    const LevelPlan &level = plan.levels[l];
    others *= level.spatialX[d] * level.spatialY[d];
    if (l != t)
      others *= level.temporal[d];
  }
  others /= slot;
  const int64_t covered =
      Mapspace::quotient(space.workload().dimensions[d].bound, others);
  int64_t factor;
  if (spatial) {
    bool yAxis = &axis == &chosen.spatialY;
    int64_t capacity = yAxis ? space.arch().storage[s].fanoutY
                             : space.arch().storage[s].fanoutX;
    for (int dim = 0; dim < space.numDims(); ++dim)
      if (dim != d)
        capacity /= axis[dim];
    model::DimensionMask allowed = yAxis ? constraints.levels[s].spatialY
                                         : constraints.levels[s].spatialX;
    if (!((allowed >> d) & 1u))
      return false;
    llvm::SmallVector<int64_t, 32> choices;
    space.spatialChoices(covered, capacity, choices);
    if (choices.empty())
      return false;
    factor = choices[rng() % choices.size()];
    if (!constraints.levels[s].spatial[d].allows(factor))
      return false;
  } else {
    const std::vector<int64_t> &choices = space.factorChoices(covered);
    factor = choices[rng() % choices.size()];
    if (!constraints.levels[s].temporal[d].allows(factor))
      return false;
  }
  int64_t rest = Mapspace::quotient(covered, factor);
  if (!constraints.levels[t].temporal[d].allows(rest))
    return false;
  if (spatial)
    slot = factor;
  else
    setTemporal(chosen, s, d, factor, rng);
  setTemporal(absorber, t, d, rest, rng);
  return usesEnoughInstances(plan);
}

bool LocalSearch::usesEnoughInstances(const Plan &plan) const {
  const double minimum = space.constraints().minUtilization;
  if (minimum <= 0)
    return true;
  int64_t instances = 1;
  for (int f : fanoutLevels)
    for (int dim = 0; dim < space.numDims(); ++dim)
      instances *= plan.levels[f].spatialX[dim] * plan.levels[f].spatialY[dim];
  return static_cast<double>(instances) + 1e-9 >=
         minimum * static_cast<double>(space.arch().compute.instances);
}

/// What dimension `d` covers over every loop but level `except`'s temporal
/// one and the spatial factor `skip` points at.
static int64_t coverageWithout(const Plan &plan, int numLevels, int d,
                               int except, const int64_t *skip) {
  int64_t product = 1;
  for (int l = 0; l < numLevels; ++l) {
    const LevelPlan &level = plan.levels[l];
    if (&level.spatialX[d] != skip)
      product *= level.spatialX[d];
    if (&level.spatialY[d] != skip)
      product *= level.spatialY[d];
    if (l != except)
      product *= level.temporal[d];
  }
  return product;
}

bool LocalSearch::fillAxis(Plan &plan, std::mt19937_64 &rng) {
  if (fanoutLevels.empty() || temporalLevels.empty())
    return false;
  const model::MappingConstraints &constraints = space.constraints();
  const int f = fanoutLevels[rng() % fanoutLevels.size()];
  const int t = temporalLevels[rng() % temporalLevels.size()];
  const int d = static_cast<int>(rng() % space.numDims());
  const bool yAxis = rng() % 2;
  const model::LevelConstraints &limits = constraints.levels[f];
  const int64_t capacity = yAxis ? space.arch().storage[f].fanoutY
                                 : space.arch().storage[f].fanoutX;
  if (capacity < 2 || !(((yAxis ? limits.spatialY : limits.spatialX) >> d) & 1u))
    return false;
  LevelPlan &fanout = plan.levels[f];
  LevelPlan &absorber = plan.levels[t];
  FactorVector &axis = yAxis ? fanout.spatialY : fanout.spatialX;
  FactorVector &otherAxis = yAxis ? fanout.spatialX : fanout.spatialY;
  // The other dimensions leave the axis (and `d` the other axis of the
  // fanout) for level t's temporal loops, which keeps what they cover.
  auto evict = [&](FactorVector &from, int dim) {
    int64_t moved = absorber.temporal[dim] * from[dim];
    if (!limits.spatial[dim].allows(1) ||
        !constraints.levels[t].temporal[dim].allows(moved))
      return false;
    setTemporal(absorber, t, dim, moved, rng);
    from[dim] = 1;
    return true;
  };
  for (int dim = 0; dim < space.numDims(); ++dim)
    if (dim != d && axis[dim] > 1 && !evict(axis, dim))
      return false;
  if (otherAxis[d] > 1 && !evict(otherAxis, d))
    return false;
  const int64_t covered = Mapspace::quotient(
      space.workload().dimensions[d].bound,
      coverageWithout(plan, space.numLevels(), d, t, &axis[d]));
  llvm::SmallVector<int64_t, 32> choices;
  space.spatialChoices(covered, capacity, choices);
  if (choices.empty() || choices.back() < 2)
    return false;
  // Half the time the fullest fill, else any.
  int64_t factor = rng() % 2 ? choices.back() : choices[rng() % choices.size()];
  int64_t rest = Mapspace::quotient(covered, factor);
  if (!limits.spatial[d].allows(factor) ||
      !constraints.levels[t].temporal[d].allows(rest))
    return false;
  axis[d] = factor;
  setTemporal(absorber, t, d, rest, rng);
  return usesEnoughInstances(plan);
}

bool LocalSearch::swapAxes(Plan &plan, std::mt19937_64 &rng) {
  if (fanoutLevels.empty())
    return false;
  const int f = fanoutLevels[rng() % fanoutLevels.size()];
  const model::LevelConstraints &limits = space.constraints().levels[f];
  const model::StorageLevel &level = space.arch().storage[f];
  LevelPlan &fanout = plan.levels[f];
  int64_t productX = 1, productY = 1;
  for (int d = 0; d < space.numDims(); ++d) {
    productX *= fanout.spatialX[d];
    productY *= fanout.spatialY[d];
    if ((fanout.spatialX[d] > 1 && !((limits.spatialY >> d) & 1u)) ||
        (fanout.spatialY[d] > 1 && !((limits.spatialX >> d) & 1u)))
      return false;
  }
  if (productX == productY || productX > level.fanoutY ||
      productY > level.fanoutX)
    return false;
  std::swap(fanout.spatialX, fanout.spatialY);
  return true;
}

bool LocalSearch::flipKeep(Plan &plan, std::mt19937_64 &rng) {
  if (freeKeepBits.empty())
    return false;
  auto [s, ds] = freeKeepBits[rng() % freeKeepBits.size()];
  plan.levels[s].keep ^= 1u << ds;
  return true;
}

bool LocalSearch::moveInPlace(Plan &plan, std::mt19937_64 &rng) {
  bool moved;
  if (space.allowsImperfect()) {
    uint64_t draw = rng() % 10;
    if (draw < 2)
      return resplitFactor(plan, rng) && fits(plan);
    if (draw == 2)
      return fillAxis(plan, rng) && fits(plan);
  }
  // Rarely: the two axes of a fanout trade places, after which a dimension
  // can fill the axis the other one left (a multi-move detour otherwise).
  if (rng() % 16 == 0)
    return swapAxes(plan, rng) && fits(plan);
  switch (rng() % 8) {
  case 0:
  case 1:
    moved = moveOrder(plan, rng);
    break;
  case 2:
  case 3:
  case 4:
    moved = moveTemporalFactor(plan, rng);
    break;
  case 5:
  case 6:
    moved = moveSpatialFactor(plan, rng);
    break;
  default:
    moved = flipKeep(plan, rng);
    break;
  }
  return moved && fits(plan);
}

bool LocalSearch::randomMove(Plan &plan, std::mt19937_64 &rng) {
  scratch = plan;
  if (!moveInPlace(scratch, rng))
    return false;
  std::swap(plan, scratch);
  return true;
}

bool LocalSearch::acceptIfBetter(Plan &candidate, Plan &plan,
                                 ObjectiveValue &value) {
  if (!worker.evaluateOnly(candidate, scratchValue, guide) ||
      !isBetter(scratchValue, value))
    return false;
  std::swap(plan, candidate);
  value = scratchValue;
  return true;
}

uint64_t LocalSearch::climb(Plan &plan, ObjectiveValue &value,
                            std::mt19937_64 &rng, uint64_t patience,
                            uint64_t maxEvaluations) {
  uint64_t evaluations = 0, failures = 0;
  Plan candidate;
  while (failures < patience && evaluations < maxEvaluations) {
    if (evaluations % 256 == 255 && worker.context.timeUp())
      break;
    // The candidate starts from the plan each time, so it may be changed
    // in place even by a move that fails.
    candidate = plan;
    if (!moveInPlace(candidate, rng)) {
      // Impossible moves cost nothing but must not loop forever.
      if (++failures >= patience * 4)
        break;
      continue;
    }
    ++evaluations;
    if (acceptIfBetter(candidate, plan, value))
      failures = 0;
    else
      ++failures;
  }
  return evaluations;
}

uint64_t LocalSearch::polish(Plan &plan, ObjectiveValue &value,
                             uint64_t maxEvaluations) {
  uint64_t evaluations = 0;
  Plan candidate;
  for (auto it = temporalLevels.rbegin(); it != temporalLevels.rend(); ++it) {
    int s = *it;
    uint32_t loops = Mapspace::loopMask(plan.levels[s], space.numDims());
    const std::vector<LoopOrder> &orders = space.orders(s, loops);
    if (orders.size() < 2)
      continue;
    for (const LoopOrder &order : orders) {
      if (evaluations >= maxEvaluations)
        return evaluations;
      if (order == plan.levels[s].order)
        continue;
      candidate = plan;
      candidate.levels[s].order = order;
      ++evaluations;
      acceptIfBetter(candidate, plan, value);
    }
  }
  for (auto [s, ds] : freeKeepBits) {
    if (evaluations >= maxEvaluations)
      break;
    candidate = plan;
    candidate.levels[s].keep ^= 1u << ds;
    if (!fits(candidate))
      continue;
    ++evaluations;
    acceptIfBetter(candidate, plan, value);
  }
  return evaluations;
}
