//===- ExhaustiveSearchTest.cpp - Branch and bound against brute force ----===//
//
// On small random cases with tight buffers, an independent enumeration of
// every mapping the model accepts (every factorization of every dimension
// over the temporal and spatial slots, every permutation of every level's
// loops, every keep/bypass choice) gives the optimum; the exhaustive search
// must report "optimal" with exactly that value, with one thread or two.
// This checks the order deduplication, the capacity pruning and the lower
// bounds together.
//
//===----------------------------------------------------------------------===//

#include "MapperTestCases.h"
#include "accel/Mapper/Search.h"
#include "accel/Model/Evaluation.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <functional>

using namespace accel;
using namespace accel::mapper;

namespace {

std::string mappingText(const model::Mapping &mapping) {
  std::string text;
  for (const model::LevelMapping &level : mapping.levels) {
    for (const auto *loops : {&level.temporal, &level.spatialX, &level.spatialY}) {
      for (const model::MappingLoop &loop : *loops)
        text += std::to_string(loop.dimension) + ":" +
                std::to_string(loop.factor) + " ";
      text += "| ";
    }
    text += "keep " + std::to_string(level.keep) + "\n";
  }
  return text;
}

/// Every ordered way to write n as a product of `slots` factors.
void factorizations(int64_t n, int slots, std::vector<int64_t> &current,
                    std::vector<std::vector<int64_t>> &out) {
  if (static_cast<int>(current.size()) == slots - 1) {
    current.push_back(n);
    out.push_back(current);
    current.pop_back();
    return;
  }
  for (int64_t f = 1; f <= n; ++f)
    if (n % f == 0) {
      current.push_back(f);
      factorizations(n / f, slots, current, out);
      current.pop_back();
    }
}

struct BruteForce {
  const model::Workload &workload;
  const model::Architecture &arch;
  const Objective &objective;
  model::Evaluator evaluator;
  uint64_t limit;
  uint64_t evaluations = 0;
  bool found = false;
  ObjectiveValue best;

  BruteForce(const model::Workload &w, const model::Architecture &a,
             const Objective &o, uint64_t limit)
      : workload(w), arch(a), objective(o), evaluator(w, a), limit(limit) {}

  /// False when the space is larger than the limit.
  bool run() {
    const int numLevels = arch.numLevels();
    const int numDims = workload.numDimensions();
    // Slots: per level temporal, x and y.
    const int slots = 3 * numLevels;
    std::vector<std::vector<std::vector<int64_t>>> perDim(numDims);
    for (int d = 0; d < numDims; ++d) {
      std::vector<int64_t> current;
      factorizations(workload.dimensions[d].bound, slots, current, perDim[d]);
    }
    model::Mapping mapping = model::Mapping::empty(numLevels);
    std::vector<size_t> index(numDims, 0);
    while (true) {
      if (!tryFactors(perDim, index, mapping))
        return false;
      int d = 0;
      for (; d < numDims; ++d) {
        if (++index[d] < perDim[d].size())
          break;
        index[d] = 0;
      }
      if (d == numDims)
        return true;
    }
  }

  bool tryFactors(const std::vector<std::vector<std::vector<int64_t>>> &perDim,
                  const std::vector<size_t> &index, model::Mapping &mapping) {
    const int numLevels = arch.numLevels();
    const int numDims = workload.numDimensions();
    auto factor = [&](int d, int s, int axis) {
      return perDim[d][index[d]][3 * s + axis];
    };
    // Spatial factors must fit the fanouts, one axis per dimension.
    for (int s = 0; s < numLevels; ++s) {
      int64_t x = 1, y = 1;
      for (int d = 0; d < numDims; ++d) {
        if (factor(d, s, 1) > 1 && factor(d, s, 2) > 1)
          return true;
        x *= factor(d, s, 1);
        y *= factor(d, s, 2);
      }
      if (x > arch.storage[s].fanoutX || y > arch.storage[s].fanoutY)
        return true;
    }
    // Per level: the non-unit temporal dimensions, to permute.
    std::vector<std::vector<int>> loops(numLevels);
    for (int s = 0; s < numLevels; ++s) {
      model::LevelMapping &level = mapping.levels[s];
      level.spatialX.clear();
      level.spatialY.clear();
      for (int d = 0; d < numDims; ++d) {
        if (factor(d, s, 0) > 1)
          loops[s].push_back(d);
        if (factor(d, s, 1) > 1)
          level.spatialX.push_back({d, factor(d, s, 1)});
        if (factor(d, s, 2) > 1)
          level.spatialY.push_back({d, factor(d, s, 2)});
      }
    }
    return permute(0, loops, mapping, [&](int d, int s) {
      return factor(d, s, 0);
    });
  }

  bool permute(int s, std::vector<std::vector<int>> &loops,
               model::Mapping &mapping,
               const std::function<int64_t(int, int)> &factor) {
    if (s == arch.numLevels())
      return keeps(0, mapping);
    std::vector<int> order = loops[s];
    std::sort(order.begin(), order.end());
    do {
      mapping.levels[s].temporal.clear();
      for (int d : order)
        mapping.levels[s].temporal.push_back({d, factor(d, s)});
      if (!permute(s + 1, loops, mapping, factor))
        return false;
    } while (std::next_permutation(order.begin(), order.end()));
    return true;
  }

  bool keeps(int s, model::Mapping &mapping) {
    const int numLevels = arch.numLevels();
    if (s == numLevels - 1) {
      mapping.levels[s].keep = model::kAllDataSpaces;
      if (++evaluations > limit)
        return false;
      model::Result result = evaluator.evaluate(mapping);
      if (result.valid) {
        ObjectiveValue value = objective.value(result);
        if (!found || isBetter(value, best))
          best = value;
        found = true;
      }
      return true;
    }
    for (uint32_t mask = 0; mask < (1u << workload.numDataSpaces()); ++mask) {
      mapping.levels[s].keep = mask;
      if (!keeps(s + 1, mapping))
        return false;
    }
    return true;
  }
};

TEST(ExhaustiveSearchTest, ProvesTheBruteForceOptimum) {
  const char *objectives[] = {"energy", "delay,energy", "edp"};
  int compared = 0, withHits = 0;
  for (uint64_t seed = 1; seed <= 400 && compared < 30; ++seed) {
    accel::testing::RandomCase c =
        accel::testing::randomCostedCase(seed, /*capacities=*/true);
    Objective objective = *Objective::parse(objectives[seed % 3]);
    BruteForce brute(c.workload, c.arch, objective, 60000);
    if (!brute.run())
      continue; // too large to enumerate
    SCOPED_TRACE("seed " + std::to_string(seed) + " objective " +
                 objective.str());
    ++compared;
    model::MappingConstraints constraints =
        model::MappingConstraints::unconstrained(c.workload, c.arch);
    SearchOptions options;
    options.strategy = Strategy::Exhaustive;
    options.imperfectFactors = false; // the enumeration's space
    options.objective = objective;
    options.threads = 1;
    SearchResult one =
        llvm::cantFail(searchMapping(c.workload, c.arch, constraints, options));
    options.threads = 2;
    SearchResult two =
        llvm::cantFail(searchMapping(c.workload, c.arch, constraints, options));
    ASSERT_EQ(one.found, brute.found);
    if (!brute.found) {
      EXPECT_EQ(one.status, SearchStatus::NoMapping);
      continue;
    }
    ++withHits;
    EXPECT_EQ(one.status, SearchStatus::Optimal);
    ASSERT_EQ(one.value.size(), brute.best.size());
    for (size_t i = 0; i < brute.best.size(); ++i)
      EXPECT_NEAR(one.value[i], brute.best[i], 1e-9 * std::abs(brute.best[i]));
    // The same mapping whatever the thread count.
    EXPECT_EQ(one.value, two.value);
    EXPECT_EQ(mappingText(one.mapping), mappingText(two.mapping));
    EXPECT_TRUE(constraints.check(one.mapping, c.workload, c.arch).empty());
  }
  EXPECT_GE(compared, 30);
  EXPECT_GE(withHits, 20);
}

} // namespace
