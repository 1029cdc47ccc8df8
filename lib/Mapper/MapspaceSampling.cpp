//===- MapspaceSampling.cpp - Random points of the mapspace ---------------===//
//
// The random draws the sampling searches start from: spatial factors with
// prime factors placed at random, temporal factors from the outermost level
// in, and whole plans. Every draw honours the constraints, and temporal
// draws leave tiles that fit.
//
//===----------------------------------------------------------------------===//

#include "accel/Mapper/Mapspace.h"

#include <algorithm>

using namespace accel;
using namespace accel::mapper;

void Mapspace::packAxes(int s, std::mt19937_64 &rng, FactorVector &remaining,
                        int64_t &capX, int64_t &capY,
                        SpatialAssignment &out) const {
  const model::LevelConstraints &constraints = constraintsRef->levels[s];
  llvm::SmallVector<int, model::kMaxDimensions> dims;
  for (int d = 0; d < numDims(); ++d)
    if (!constraints.spatial[d].fixed)
      dims.push_back(d);
  bool yFirst = rng() % 2;
  // Half the time an axis gets the fullest combination of factors (ties
  // broken by the random order of dimensions and factors), else each
  // dimension in turn takes the largest factor that fits.
  const bool fullest = rng() % 2;
  llvm::SmallVector<int64_t, 32> choices;
  for (int axis = 0; axis < 2; ++axis) {
    const bool yAxis = (axis == 0) == yFirst;
    int64_t &capacity = yAxis ? capY : capX;
    const model::DimensionMask allowed =
        yAxis ? constraints.spatialY : constraints.spatialX;
    std::shuffle(dims.begin(), dims.end(), rng);
    if (fullest && capacity <= kMaxPackedCapacity) {
      packFullest(s, yAxis, rng, dims, remaining, capacity, out);
      continue;
    }
    for (int d : dims) {
      if (capacity < 2 || !((allowed >> d) & 1u) ||
          out.x[s][d] * out.y[s][d] != 1)
        continue;
      spatialChoices(remaining[d],
                     std::min(capacity, constraints.spatial[d].max), choices);
      if (choices.empty())
        continue;
      int64_t factor =
          rng() % 4 ? choices.back() : choices[rng() % choices.size()];
      if (factor < 2)
        continue;
      (yAxis ? out.y : out.x)[s][d] = factor;
      capacity /= factor;
      remaining[d] = quotient(remaining[d], factor);
    }
  }
}

void Mapspace::packFullest(int s, bool yAxis, std::mt19937_64 &rng,
                           llvm::ArrayRef<int> dims, FactorVector &remaining,
                           int64_t &capacity, SpatialAssignment &out) const {
  const model::LevelConstraints &constraints = constraintsRef->levels[s];
  const model::DimensionMask allowed =
      yAxis ? constraints.spatialY : constraints.spatialX;
  // reached[p]: how product p was first reached (dimension position and
  // factor, and the product before), over the dimensions in `dims` order.
  struct Step {
    int position = -1;
    int64_t factor = 1, previous = 0;
  };
  std::vector<Step> reached(static_cast<size_t>(capacity) + 1);
  std::vector<bool> seen(static_cast<size_t>(capacity) + 1, false);
  seen[1] = true;
  llvm::SmallVector<int64_t, 32> choices;
  std::vector<int64_t> frontier;
  for (size_t position = 0; position < dims.size(); ++position) {
    const int d = dims[position];
    if (!((allowed >> d) & 1u) || out.x[s][d] * out.y[s][d] != 1)
      continue;
    spatialChoices(remaining[d], std::min(capacity, constraints.spatial[d].max),
                   choices);
    std::shuffle(choices.begin(), choices.end(), rng);
    frontier.clear();
    for (int64_t p = 1; p <= capacity; ++p)
      if (seen[p])
        frontier.push_back(p);
    for (int64_t p : frontier)
      for (int64_t factor : choices) {
        if (factor < 2 || p * factor > capacity || seen[p * factor])
          continue;
        seen[p * factor] = true;
        reached[p * factor] = {static_cast<int>(position), factor, p};
      }
  }
  int64_t best = capacity;
  while (best > 1 && !seen[best])
    --best;
  for (int64_t p = best; p > 1; p = reached[p].previous) {
    const int d = dims[reached[p].position];
    (yAxis ? out.y : out.x)[s][d] = reached[p].factor;
    remaining[d] = quotient(remaining[d], reached[p].factor);
  }
  capacity /= best;
}

bool Mapspace::randomSpatial(std::mt19937_64 &rng,
                             SpatialAssignment &out) const {
  std::vector<int> fanoutLevels;
  for (int s = numLevels() - 1; s >= 0; --s)
    if (archRef->storage[s].fanout() > 1)
      fanoutLevels.push_back(s);
  for (int attempt = 0; attempt < 64; ++attempt) {
    out = unitSpatial(numLevels());
    FactorVector remaining;
    for (int d = 0; d < numDims(); ++d)
      remaining[d] = workloadRef->dimensions[d].bound;
    bool ok = true;
    for (int s : fanoutLevels) {
      const model::LevelConstraints &constraints = constraintsRef->levels[s];
      int64_t capX = archRef->storage[s].fanoutX;
      int64_t capY = archRef->storage[s].fanoutY;
      // Fixed spatial factors first, on whichever axis allows them.
      for (int d = 0; d < numDims() && ok; ++d) {
        if (!constraints.spatial[d].fixed)
          continue;
        int64_t factor = *constraints.spatial[d].fixed;
        if (!imperfect && remaining[d] % factor != 0) {
          ok = false;
          break;
        }
        bool xOk = ((constraints.spatialX >> d) & 1u) && factor <= capX;
        bool yOk = ((constraints.spatialY >> d) & 1u) && factor <= capY;
        if (factor == 1)
          continue;
        if (xOk && (!yOk || rng() % 2)) {
          out.x[s][d] = factor;
          capX /= factor;
        } else if (yOk) {
          out.y[s][d] = factor;
          capY /= factor;
        } else {
          ok = false;
        }
        remaining[d] = quotient(remaining[d], factor);
      }
      if (!ok)
        break;
      // Other dimensions: place prime factors at random.
      std::vector<std::pair<int, int64_t>> primes;
      for (int d = 0; d < numDims(); ++d) {
        if (constraints.spatial[d].fixed)
          continue;
        int64_t n = remaining[d];
        for (int64_t p = 2; p * p <= n; ++p)
          while (n % p == 0) {
            primes.push_back({d, p});
            n /= p;
          }
        if (n > 1)
          primes.push_back({d, n});
      }
      std::shuffle(primes.begin(), primes.end(), rng);
      // Half the draws pack the axes instead: dimensions in random order,
      // each taking (mostly) the largest factor the axis still holds. Prime
      // factors placed one by one rarely fill a large array, and a local
      // search rarely repacks one (several dimensions leaving and entering
      // an axis at once).
      if (rng() % 2) {
        packAxes(s, rng, remaining, capX, capY, out);
        primes.clear();
      }
      // With imperfect factors, one in four draws fills an axis with a
      // dimension instead (Ruby-S), leaving a partial last row.
      else if (imperfect && rng() % 4 == 0) {
        int d = static_cast<int>(rng() % numDims());
        bool yAxis = rng() % 2;
        int64_t &capacity = yAxis ? capY : capX;
        bool allowed = ((yAxis ? constraints.spatialY : constraints.spatialX) >> d) & 1u;
        llvm::SmallVector<int64_t, 32> choices;
        if (!constraints.spatial[d].fixed && allowed &&
            out.x[s][d] * out.y[s][d] == 1) {
          spatialChoices(remaining[d], capacity, choices);
          if (!choices.empty()) {
            int64_t factor = choices[rng() % choices.size()];
            if (factor > 1 && factor <= constraints.spatial[d].max) {
              (yAxis ? out.y : out.x)[s][d] = factor;
              capacity /= factor;
              remaining[d] = quotient(remaining[d], factor);
              primes.erase(std::remove_if(primes.begin(), primes.end(),
                                          [&](auto &prime) {
                                            return prime.first == d;
                                          }),
                           primes.end());
            }
          }
        }
      }
      for (auto [d, p] : primes) {
        int choice = static_cast<int>(rng() % 3); // 0: temporal, 1: x, 2: y
        int64_t current = out.x[s][d] * out.y[s][d];
        if (current * p > constraints.spatial[d].max)
          continue;
        if (choice == 1 && ((constraints.spatialX >> d) & 1u) && p <= capX &&
            out.y[s][d] == 1) {
          out.x[s][d] *= p;
          capX /= p;
          remaining[d] = quotient(remaining[d], p);
        } else if (choice == 2 && ((constraints.spatialY >> d) & 1u) &&
                   p <= capY && out.x[s][d] == 1) {
          out.y[s][d] *= p;
          capY /= p;
          remaining[d] = quotient(remaining[d], p);
        }
      }
      for (int d = 0; d < numDims(); ++d)
        if (!constraints.spatial[d].allows(out.x[s][d] * out.y[s][d]))
          ok = false;
      if (!ok)
        break;
    }
    if (!ok)
      continue;
    out.instances = 1;
    for (int s : fanoutLevels)
      for (int d = 0; d < numDims(); ++d)
        out.instances *= out.x[s][d] * out.y[s][d];
    if (static_cast<double>(out.instances) + 1e-9 <
        constraintsRef->minUtilization *
            static_cast<double>(archRef->compute.instances))
      continue;
    return true;
  }
  return false;
}

bool Mapspace::randomTemporal(int s, const FactorVector &remaining,
                              const Plan &plan, std::mt19937_64 &rng,
                              FactorVector &choice) const {
  std::vector<std::vector<int64_t>> options;
  if (!temporalOptions(s, remaining, options))
    return false;
  choice.fill(1);
  for (int attempt = 0; attempt < 16; ++attempt) {
    for (int d = 0; d < numDims(); ++d)
      choice[d] = options[d][rng() % options[d].size()];
    if (choiceFits(s, remaining, choice, plan))
      return true;
  }
  // The largest factors leave the smallest tile below.
  for (int d = 0; d < numDims(); ++d)
    choice[d] = options[d].back();
  return choiceFits(s, remaining, choice, plan);
}

bool Mapspace::randomPlan(std::mt19937_64 &rng, Plan &plan) const {
  // A keep configuration that keeps every tensor somewhere.
  uint64_t configurations = numKeepConfigurations();
  bool keepFound = false;
  for (int attempt = 0; attempt < 16 && !keepFound; ++attempt) {
    keepConfiguration(configurations > 1 ? rng() % configurations : 0, plan);
    keepFound = keepsEverything(plan);
  }
  if (!keepFound)
    return false;
  SpatialAssignment spatial;
  if (!randomSpatial(rng, spatial))
    return false;
  applySpatial(spatial, plan);
  FactorVector remaining;
  remaining.fill(1);
  for (int d = 0; d < numDims(); ++d) {
    remaining[d] = workloadRef->dimensions[d].bound;
    for (int s = 0; s < numLevels(); ++s)
      remaining[d] = quotient(remaining[d], spatial.x[s][d] * spatial.y[s][d]);
  }
  for (int s = numLevels() - 1; s >= 0; --s) {
    LevelPlan &level = plan.levels[s];
    if (!randomTemporal(s, remaining, plan, rng, level.temporal))
      return false;
    level.order.clear();
    for (int d = 0; d < numDims(); ++d) {
      remaining[d] = quotient(remaining[d], level.temporal[d]);
      if (level.temporal[d] > 1)
        level.order.push_back(static_cast<int8_t>(d));
    }
    std::shuffle(level.order.begin(), level.order.end(), rng);
    normalizeOrder(s, level.order);
  }
  return true;
}
