//===- HybridQualityTest.cpp - The default search against proven optima ---===//
//
// The default hybrid search must find the optimum the branch and bound
// proves (itself checked against brute-force enumeration in
// ExhaustiveSearchTest) on small random cases, for every kind of objective:
// plain metrics and lexicographic lists, whose plateaus a climb by the
// objective alone cannot cross. Also: its result does not depend on the
// thread count, and the pieces it is built from (search guides, the
// evaluation cache) behave as documented.
//
//===----------------------------------------------------------------------===//

#include "EvaluationCache.h"
#include "MapperTestCases.h"
#include "accel/Mapper/Search.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace accel;
using namespace accel::mapper;

namespace {

/// The relative gap of `value` to `optimum` at the first metric where they
/// differ by more than a relative 1e-9 (0 when they agree everywhere).
double relativeGap(const ObjectiveValue &value, const ObjectiveValue &optimum) {
  for (size_t i = 0; i < value.size() && i < optimum.size(); ++i) {
    double scale = std::max(std::fabs(optimum[i]), 1e-300);
    if (std::fabs(value[i] - optimum[i]) > 1e-9 * scale)
      return (value[i] - optimum[i]) / scale;
  }
  return 0;
}

SearchOptions optionsFor(Strategy strategy, const Objective &objective,
                         unsigned threads) {
  SearchOptions options;
  options.strategy = strategy;
  options.objective = objective;
  options.threads = threads;
  options.imperfectFactors = false;
  return options;
}

TEST(HybridQualityTest, DefaultSettingsFindTheProvenOptimum) {
  const char *objectives[] = {"edp", "energy", "delay", "delay,energy",
                              "energy,delay"};
  int compared = 0, exact = 0;
  for (uint64_t seed = 1; seed <= 36; ++seed) {
    accel::testing::RandomCase c =
        accel::testing::randomCostedCase(seed, /*capacities=*/true);
    Objective objective = *Objective::parse(objectives[seed % 5]);
    SCOPED_TRACE("seed " + std::to_string(seed) + " objective " +
                 objective.str() + ": " + c.description);
    model::MappingConstraints constraints =
        model::MappingConstraints::unconstrained(c.workload, c.arch);
    SearchOptions exhaustive = optionsFor(Strategy::Exhaustive, objective, 2);
    exhaustive.maxEvaluations = 300000; // skip cases too large to prove
    SearchResult optimum = llvm::cantFail(
        searchMapping(c.workload, c.arch, constraints, exhaustive));
    if (optimum.status != SearchStatus::Optimal)
      continue;
    ++compared;
    SearchResult hybrid = llvm::cantFail(
        searchMapping(c.workload, c.arch, constraints,
                      optionsFor(Strategy::Hybrid, objective, 1)));
    ASSERT_TRUE(hybrid.found);
    // Nothing beats a proven optimum; the default lands within 1% of it
    // (the quality target), and on the optimum itself almost always.
    double gap = relativeGap(hybrid.value, optimum.value);
    EXPECT_GE(gap, 0.0);
    EXPECT_LE(gap, 0.01) << "hybrid " << hybrid.value[0] << " vs optimum "
                         << optimum.value[0];
    exact += gap == 0;
  }
  EXPECT_GE(compared, 25);
  EXPECT_GE(exact, compared - compared / 10) << exact << " of " << compared;
}

TEST(HybridQualityTest, GuidedSearchDoesNotDependOnThreads) {
  accel::testing::RandomCase c = accel::testing::randomCostedCase(11, true);
  model::MappingConstraints constraints =
      model::MappingConstraints::unconstrained(c.workload, c.arch);
  for (const char *text : {"delay", "delay,energy"}) {
    SCOPED_TRACE(text);
    SearchOptions options =
        optionsFor(Strategy::Hybrid, *Objective::parse(text), 1);
    options.imperfectFactors = true;
    options.seed = 5;
    SearchResult one =
        llvm::cantFail(searchMapping(c.workload, c.arch, constraints, options));
    options.threads = 2;
    SearchResult two =
        llvm::cantFail(searchMapping(c.workload, c.arch, constraints, options));
    ASSERT_TRUE(one.found);
    EXPECT_EQ(one.value, two.value);
    EXPECT_EQ(one.evaluations, two.evaluations);
    EXPECT_EQ(one.status, two.status);
  }
}

TEST(HybridQualityTest, SearchGuidesMultiplyMetricsAndAddEnergy) {
  model::Result result;
  result.valid = true;
  result.energy = 3.0;
  result.cycles = 7;
  result.levels.resize(1);
  result.levels[0].accesses = 11;
  auto guideValue = [&](const char *text) -> std::optional<double> {
    std::optional<Objective> guide = Objective::parse(text)->searchGuide();
    if (!guide)
      return std::nullopt;
    ObjectiveValue value = guide->value(result);
    EXPECT_EQ(value.size(), 1u);
    return value.front();
  };
  // Energy and EDP have no plateaus to cross: no guide.
  EXPECT_FALSE(guideValue("energy"));
  EXPECT_FALSE(guideValue("edp"));
  // Cycles alone are flat where a level's bandwidth or the array bounds
  // them: energy breaks the ties.
  EXPECT_EQ(guideValue("delay"), 21.0);
  EXPECT_EQ(guideValue("last_level_accesses"), 33.0);
  EXPECT_EQ(guideValue("delay,energy"), 21.0);
  EXPECT_EQ(guideValue("energy,delay"), 21.0);
  EXPECT_EQ(guideValue("edp,delay"), 147.0);
  // The list itself is unchanged and still compares lexicographically.
  EXPECT_EQ(Objective::parse("delay,energy")->value(result),
            (ObjectiveValue{7.0, 3.0}));
}

TEST(HybridQualityTest, EvaluationCacheTellsPlansApart) {
  Plan plan;
  plan.levels.resize(2);
  for (LevelPlan &level : plan.levels) {
    level.temporal.fill(1);
    level.spatialX.fill(1);
    level.spatialY.fill(1);
  }
  plan.levels[1].temporal[0] = 4;
  plan.levels[1].temporal[1] = 2;
  plan.levels[1].order = {0, 1};
  plan.levels[1].keep = 3;
  using detail::EvaluationCache;
  const EvaluationCache::Key key = EvaluationCache::keyOf(plan, 2);

  Plan reordered = plan;
  reordered.levels[1].order = {1, 0};
  Plan rekept = plan;
  rekept.levels[1].keep = 1;
  Plan spatial = plan;
  spatial.levels[1].temporal[0] = 2;
  spatial.levels[0].spatialX[0] = 2;
  Plan moved = plan;
  std::swap(moved.levels[0].temporal, moved.levels[1].temporal);
  moved.levels[0].order = moved.levels[1].order;
  moved.levels[1].order.clear();
  for (const Plan *other : {&reordered, &rekept, &spatial, &moved})
    EXPECT_FALSE(EvaluationCache::keyOf(*other, 2) == key);
  // Dimensions past the workload's are not part of the plan.
  Plan padded = plan;
  padded.levels[0].temporal[5] = 9;
  EXPECT_TRUE(EvaluationCache::keyOf(padded, 2) == key);

  EvaluationCache cache(4);
  MetricValues figures;
  EXPECT_FALSE(cache.lookup(key, figures));
  MetricValues stored;
  stored.valid = true;
  stored.energy = 5;
  stored.cycles = 6;
  cache.insert(key, stored);
  ASSERT_TRUE(cache.lookup(key, figures));
  EXPECT_EQ(figures.energy, 5.0);
  EXPECT_EQ(figures.cycles, 6.0);
  EXPECT_FALSE(cache.lookup(EvaluationCache::keyOf(reordered, 2), figures));
}

} // namespace
