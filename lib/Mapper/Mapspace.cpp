//===- Mapspace.cpp - The space of mappings the mapper searches -----------===//

#include "accel/Mapper/Mapspace.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <limits>
#include <set>

using namespace accel;
using namespace accel::mapper;

static constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max();

Mapspace::Mapspace(const model::Workload &workload,
                   const model::Architecture &arch,
                   const model::MappingConstraints &constraints, bool imperfect)
    : workloadRef(&workload), archRef(&arch), constraintsRef(&constraints),
      imperfect(imperfect) {
  assert(!llvm::errorToBool(constraints.checkSatisfiable(workload, arch)) &&
         "a mapspace needs satisfiable constraints");
  const int numLevels = arch.numLevels();
  const int numDataSpaces = workload.numDataSpaces();
  forcedKeep.assign(numLevels, 0);
  for (int s = 0; s < numLevels; ++s) {
    const model::LevelConstraints &level = constraints.levels[s];
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      bool mustKeep = (level.mustKeep >> ds) & 1u;
      bool mustBypass = (level.mustBypass >> ds) & 1u;
      if (s == numLevels - 1) {
        // The outermost level backs every tensor.
        forcedKeep[s] |= 1u << ds;
      } else if (arch.storage[s].isFanoutOnly || mustBypass) {
        continue;
      } else if (mustKeep) {
        forcedKeep[s] |= 1u << ds;
      } else {
        freeKeepBits.push_back({s, ds});
      }
    }
  }
  temporalLevel.assign(numLevels, false);
  for (int s = 0; s < numLevels; ++s)
    for (const model::FactorBound &bound : constraints.levels[s].temporal)
      if (!bound.fixed || *bound.fixed != 1)
        temporalLevel[s] = true;
  for (const model::DataSpace &ds : workload.dataSpaces) {
    uint32_t mask = 0;
    bool sliding = false;
    for (const model::Rank &rank : ds.ranks) {
      for (const model::ProjectionTerm &term : rank)
        mask |= 1u << term.dimension;
      sliding |= rank.size() > 1;
    }
    relevantDims.push_back(mask);
    slidingWindow.push_back(sliding);
  }
}

void Mapspace::keepConfiguration(uint64_t index, Plan &plan) const {
  plan.levels.resize(numLevels());
  for (int s = 0; s < numLevels(); ++s)
    plan.levels[s].keep = forcedKeep[s];
  for (size_t bit = 0; bit < freeKeepBits.size(); ++bit)
    if ((index >> bit) & 1u)
      plan.levels[freeKeepBits[bit].first].keep |=
          1u << freeKeepBits[bit].second;
}

bool Mapspace::keepsEverything(const Plan &plan) const {
  for (int ds = 0; ds < numDataSpaces(); ++ds) {
    bool kept = false;
    for (const LevelPlan &level : plan.levels)
      kept |= (level.keep >> ds) & 1u;
    if (!kept)
      return false;
  }
  return true;
}

const std::vector<int64_t> &Mapspace::divisors(int64_t n) const {
  auto it = divisorCache.find(n);
  if (it != divisorCache.end())
    return it->second;
  std::vector<int64_t> small, large;
  for (int64_t i = 1; i * i <= n; ++i)
    if (n % i == 0) {
      small.push_back(i);
      if (i != n / i)
        large.push_back(n / i);
    }
  small.insert(small.end(), large.rbegin(), large.rend());
  return divisorCache[n] = std::move(small);
}

/// The smallest number at or above n whose prime factors are at most 7.
static int64_t nextSmooth(int64_t n) {
  for (int64_t candidate = std::max<int64_t>(n, 1);; ++candidate) {
    int64_t rest = candidate;
    for (int64_t p : {2, 3, 5, 7})
      while (rest % p == 0)
        rest /= p;
    if (rest == 1)
      return candidate;
  }
}

const std::vector<int64_t> &Mapspace::factorChoices(int64_t remaining) const {
  if (!imperfect)
    return divisors(remaining);
  auto it = choiceCache.find(remaining);
  if (it != choiceCache.end())
    return it->second;
  std::set<int64_t> choices(divisors(remaining).begin(),
                            divisors(remaining).end());
  for (int64_t tile : divisors(nextSmooth(remaining)))
    if (tile < remaining)
      choices.insert(quotient(remaining, tile));
  return choiceCache[remaining] =
             std::vector<int64_t>(choices.begin(), choices.end());
}

void Mapspace::spatialChoices(int64_t remaining, int64_t capacity,
                              llvm::SmallVectorImpl<int64_t> &out) const {
  out.clear();
  for (int64_t factor : factorChoices(remaining)) {
    if (factor > capacity)
      break;
    out.push_back(factor);
  }
  if (!imperfect)
    return;
  for (int64_t share = 1; share <= 4; ++share) {
    int64_t fill = std::min(remaining, capacity / share);
    if (fill < 2)
      break;
    // The smallest factor leaving the same quotient pads the least.
    int64_t factor = quotient(remaining, quotient(remaining, fill));
    if (!llvm::is_contained(out, factor))
      out.push_back(factor);
  }
  std::sort(out.begin(), out.end());
}

bool Mapspace::fits(int s, const FactorVector &extents,
                    model::DataSpaceMask keep) const {
  const model::StorageLevel &level = archRef->storage[s];
  std::optional<int64_t> capacity = level.effectiveSize();
  if (!capacity)
    return true;
  // Imperfect factors pad a dimension; tiles are cut at its bound.
  FactorVector clipped;
  for (int d = 0; d < numDims(); ++d)
    clipped[d] = std::min(extents[d], workloadRef->dimensions[d].bound);
  int64_t required = 0;
  for (int ds = 0; ds < numDataSpaces(); ++ds)
    if ((keep >> ds) & 1u) {
      int64_t size = workloadRef->projectedSize(ds, clipped.data());
      if (size < 0)
        return false;
      required += size;
      if (required > *capacity)
        return false;
    }
  return static_cast<double>(required) >=
         static_cast<double>(*capacity) * level.minUtilization;
}

//===----------------------------------------------------------------------===//
// Spatial assignments
//===----------------------------------------------------------------------===//

namespace {
/// Enumerates spatial factors level by level, dimension by dimension.
struct SpatialEnumerator {
  const Mapspace &space;
  std::vector<SpatialAssignment> &out;
  size_t limit;
  std::vector<int> fanoutLevels;
  SpatialAssignment current;
  FactorVector remaining;
  bool overflow = false;

  void levelAxis(size_t levelIndex, int dim, bool yAxis, int64_t capacity) {
    if (overflow)
      return;
    const int numDims = space.numDims();
    if (dim == numDims) {
      if (!yAxis) {
        int s = fanoutLevels[levelIndex];
        levelAxis(levelIndex, 0, true, space.arch().storage[s].fanoutY);
      } else {
        // The level's spatial factors must satisfy their bounds.
        int s = fanoutLevels[levelIndex];
        for (int d = 0; d < numDims; ++d)
          if (!space.constraints().levels[s].spatial[d].allows(
                  current.x[s][d] * current.y[s][d]))
            return;
        level(levelIndex + 1);
      }
      return;
    }
    int s = fanoutLevels[levelIndex];
    const model::LevelConstraints &constraints = space.constraints().levels[s];
    bool allowed = ((yAxis ? constraints.spatialY : constraints.spatialX) >> dim) & 1u;
    int64_t &slot = yAxis ? current.y[s][dim] : current.x[s][dim];
    llvm::SmallVector<int64_t, 32> choices;
    space.spatialChoices(remaining[dim], capacity, choices);
    const int64_t saved = remaining[dim];
    for (int64_t factor : choices) {
      // A dimension spreads along one axis of a fanout, not both.
      if (factor > 1 && (!allowed || (yAxis && current.x[s][dim] > 1)))
        break;
      int64_t spatial = (yAxis ? current.x[s][dim] : 1) * factor;
      if (spatial > constraints.spatial[dim].max)
        break;
      slot = factor;
      remaining[dim] = Mapspace::quotient(saved, factor);
      levelAxis(levelIndex, dim + 1, yAxis, capacity / factor);
      remaining[dim] = saved;
      slot = 1;
    }
  }

  void level(size_t levelIndex) {
    if (overflow)
      return;
    if (levelIndex == fanoutLevels.size()) {
      int64_t instances = 1;
      for (int s : fanoutLevels)
        for (int d = 0; d < space.numDims(); ++d)
          instances *= current.x[s][d] * current.y[s][d];
      if (static_cast<double>(instances) + 1e-9 <
          space.constraints().minUtilization *
              static_cast<double>(space.arch().compute.instances))
        return;
      if (out.size() >= limit) {
        overflow = true;
        return;
      }
      current.instances = instances;
      out.push_back(current);
      return;
    }
    int s = fanoutLevels[levelIndex];
    levelAxis(levelIndex, 0, false, space.arch().storage[s].fanoutX);
  }
};
} // namespace

SpatialAssignment Mapspace::unitSpatial(int numLevels) {
  SpatialAssignment spatial;
  FactorVector ones;
  ones.fill(1);
  spatial.x.assign(numLevels, ones);
  spatial.y.assign(numLevels, ones);
  return spatial;
}

bool Mapspace::spatialAssignments(std::vector<SpatialAssignment> &out,
                                  size_t limit) const {
  SpatialEnumerator enumerator{*this, out, limit, {}, unitSpatial(numLevels()),
                               {}, false};
  for (int s = numLevels() - 1; s >= 0; --s)
    if (archRef->storage[s].fanout() > 1)
      enumerator.fanoutLevels.push_back(s);
  for (int d = 0; d < numDims(); ++d)
    enumerator.remaining[d] = workloadRef->dimensions[d].bound;
  enumerator.level(0);
  // Most instances first, else in enumeration order.
  std::vector<size_t> index(out.size());
  for (size_t i = 0; i < index.size(); ++i)
    index[i] = i;
  std::sort(index.begin(), index.end(), [&](size_t a, size_t b) {
    if (out[a].instances != out[b].instances)
      return out[a].instances > out[b].instances;
    return a < b;
  });
  std::vector<SpatialAssignment> sorted;
  sorted.reserve(out.size());
  for (size_t i : index)
    sorted.push_back(std::move(out[i]));
  out = std::move(sorted);
  return !enumerator.overflow;
}

void Mapspace::applySpatial(const SpatialAssignment &spatial, Plan &plan) const {
  plan.levels.resize(numLevels());
  for (int s = 0; s < numLevels(); ++s) {
    plan.levels[s].spatialX = spatial.x[s];
    plan.levels[s].spatialY = spatial.y[s];
  }
}

//===----------------------------------------------------------------------===//
// Temporal choices
//===----------------------------------------------------------------------===//

bool Mapspace::temporalOptions(int s, const FactorVector &remaining,
                               std::vector<std::vector<int64_t>> &options) const {
  const int numDims = this->numDims();
  const model::LevelConstraints &constraints = constraintsRef->levels[s];
  options.assign(numDims, {});
  for (int d = 0; d < numDims; ++d) {
    // What the levels below can still absorb: the product of their fixed
    // factors must divide it, and it must not exceed their maxima.
    int64_t fixedBelow = 1, maxBelow = 1;
    for (int below = 0; below < s; ++below) {
      const model::FactorBound &bound = constraintsRef->levels[below].temporal[d];
      int64_t levelMax = bound.fixed ? *bound.fixed : bound.max;
      if (bound.fixed)
        fixedBelow *= *bound.fixed;
      if (maxBelow == kUnbounded || levelMax == kUnbounded ||
          maxBelow > kUnbounded / levelMax)
        maxBelow = kUnbounded;
      else
        maxBelow *= levelMax;
    }
    for (int64_t factor : factorChoices(remaining[d])) {
      int64_t rest = quotient(remaining[d], factor);
      if (!constraints.temporal[d].allows(factor))
        continue;
      // Level 0 takes what remains; the levels below must be able to: with
      // perfect factors their fixed factors divide it, with imperfect ones
      // they need only cover it.
      if (s == 0 ? rest != 1
                 : ((!imperfect && rest % fixedBelow != 0) || rest > maxBelow))
        continue;
      options[d].push_back(factor);
    }
    if (options[d].empty())
      return false;
  }
  return true;
}

bool Mapspace::choiceFits(int s, const FactorVector &remaining,
                          const FactorVector &choice, const Plan &plan) const {
  if (s == 0)
    return true;
  // The tile of level s-1: what remains times the spatial factors of the
  // levels below s. Levels without temporal loops under it get their tiles
  // from this choice too, so check them now rather than one level later.
  FactorVector extents;
  extents.fill(1);
  for (int d = 0; d < numDims(); ++d) {
    extents[d] = quotient(remaining[d], choice[d]);
    for (int below = 0; below < s; ++below)
      extents[d] *= plan.levels[below].spatialX[d] * plan.levels[below].spatialY[d];
  }
  for (int level = s - 1; level >= 0; --level) {
    if (!fits(level, extents, plan.levels[level].keep))
      return false;
    if (temporalLevel[level])
      break;
    for (int d = 0; d < numDims(); ++d)
      extents[d] /= plan.levels[level].spatialX[d] * plan.levels[level].spatialY[d];
  }
  return true;
}

void Mapspace::temporalChoices(int s, const FactorVector &remaining,
                               const Plan &plan,
                               std::vector<FactorVector> &out) const {
  out.clear();
  const int numDims = this->numDims();
  std::vector<std::vector<int64_t>> options;
  if (!temporalOptions(s, remaining, options))
    return;
  FactorVector choice;
  choice.fill(1);
  std::vector<size_t> index(numDims, 0);
  while (true) {
    for (int d = 0; d < numDims; ++d)
      choice[d] = options[d][index[d]];
    if (choiceFits(s, remaining, choice, plan))
      out.push_back(choice);
    int d = 0;
    for (; d < numDims; ++d) {
      if (++index[d] < options[d].size())
        break;
      index[d] = 0;
    }
    if (d == numDims)
      break;
  }
}

//===----------------------------------------------------------------------===//
// Loop orders
//===----------------------------------------------------------------------===//

const std::vector<LoopOrder> &Mapspace::orders(int s, uint32_t loops) const {
  uint64_t key = (static_cast<uint64_t>(s) << 32) | loops;
  auto it = orderCache.find(key);
  if (it != orderCache.end())
    return it->second;
  std::vector<LoopOrder> result;
  computeOrders(s, loops, result);
  return orderCache[key] = std::move(result);
}

void Mapspace::computeOrders(int s, uint32_t loops,
                             std::vector<LoopOrder> &out) const {
  const model::LevelConstraints &constraints = constraintsRef->levels[s];
  auto inLoops = [&](int d) { return (loops >> d) & 1u; };
  LoopOrder prefix, suffix, middle;
  uint32_t placed = 0;
  for (int d : constraints.innerOrder)
    if (inLoops(d) && !((placed >> d) & 1u)) {
      prefix.push_back(static_cast<int8_t>(d));
      placed |= 1u << d;
    }
  for (int d : constraints.outerOrder)
    if (inLoops(d) && !((placed >> d) & 1u)) {
      suffix.push_back(static_cast<int8_t>(d));
      placed |= 1u << d;
    }
  for (int d = 0; d < numDims(); ++d)
    if (inLoops(d) && !((placed >> d) & 1u))
      middle.push_back(static_cast<int8_t>(d));

  // The reuse signature of an order: per tensor, the loops inside its
  // innermost relevant loop (they give temporal reuse; the order of the
  // loops outside it only multiplies). Sliding-window tensors overlap
  // consecutive tiles by amounts that depend on the order of every loop
  // outside that block, so for them the rest of the order counts too.
  // Beyond kMaxPermutedLoops free loops, only the first permutations (in
  // lexicographic order of dimension ids) are offered.
  constexpr uint64_t kMaxPermutations = 5040;
  uint64_t permutations = 0;
  std::set<std::vector<uint64_t>> seen;
  do {
    LoopOrder order = prefix;
    order.append(middle.begin(), middle.end());
    order.append(suffix.rbegin(), suffix.rend());
    std::vector<uint64_t> signature;
    for (int ds = 0; ds < numDataSpaces(); ++ds) {
      uint32_t inner = 0;
      size_t position = 0;
      for (; position < order.size(); ++position) {
        int d = order[position];
        if ((relevantDims[ds] >> d) & 1u)
          break;
        inner |= 1u << d;
      }
      signature.push_back(inner);
      if (slidingWindow[ds]) {
        uint64_t packed = 0;
        for (size_t rest = position; rest < order.size(); ++rest)
          packed = packed * 32 + static_cast<uint64_t>(order[rest] + 1);
        signature.push_back(packed);
      }
    }
    if (seen.insert(signature).second)
      out.push_back(order);
    if (++permutations >= kMaxPermutations) {
      truncatedOrders = true;
      break;
    }
  } while (std::next_permutation(middle.begin(), middle.end()));
}

void Mapspace::normalizeOrder(int s, LoopOrder &order) const {
  const model::LevelConstraints &constraints = constraintsRef->levels[s];
  if (constraints.innerOrder.empty() && constraints.outerOrder.empty())
    return;
  uint32_t loops = 0;
  for (int8_t d : order)
    loops |= 1u << d;
  LoopOrder result;
  uint32_t placed = 0;
  for (int d : constraints.innerOrder)
    if (((loops >> d) & 1u) && !((placed >> d) & 1u)) {
      result.push_back(static_cast<int8_t>(d));
      placed |= 1u << d;
    }
  LoopOrder suffix;
  for (int d : constraints.outerOrder)
    if (((loops >> d) & 1u) && !((placed >> d) & 1u)) {
      suffix.push_back(static_cast<int8_t>(d));
      placed |= 1u << d;
    }
  for (int8_t d : order)
    if (!((placed >> d) & 1u))
      result.push_back(d);
  result.append(suffix.rbegin(), suffix.rend());
  order = std::move(result);
}

uint32_t Mapspace::loopMask(const LevelPlan &level, int numDims) {
  uint32_t loops = 0;
  for (int d = 0; d < numDims; ++d)
    if (level.temporal[d] > 1)
      loops |= 1u << d;
  return loops;
}

void Mapspace::toMapping(const Plan &plan, model::Mapping &mapping) const {
  mapping.levels.resize(numLevels());
  for (int s = 0; s < numLevels(); ++s) {
    const LevelPlan &level = plan.levels[s];
    model::LevelMapping &out = mapping.levels[s];
    out.temporal.clear();
    out.spatialX.clear();
    out.spatialY.clear();
    for (auto it = level.order.rbegin(); it != level.order.rend(); ++it)
      out.temporal.push_back({*it, level.temporal[*it]});
    for (int d = 0; d < numDims(); ++d) {
      if (level.spatialX[d] > 1)
        out.spatialX.push_back({d, level.spatialX[d]});
      if (level.spatialY[d] > 1)
        out.spatialY.push_back({d, level.spatialY[d]});
    }
    out.keep = level.keep;
    out.noTemporalReuse = out.noMulticast = out.noLinkTransfer = 0;
  }
  // Factors that cover more than a bound split it imperfectly.
  if (imperfect)
    mapping.deriveResiduals(*workloadRef);
}
