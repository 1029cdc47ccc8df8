//===- BruteForceTest.cpp - The model against a brute-force simulation ----===//
//
// Hundreds of seeded random small workloads, architectures and mappings:
// the closed-form model must give exactly the reads, fills, updates and link
// transfers of NestSimulator, which walks the nest with explicit point sets
// (every iteration in exact mode, two per loop in Timeloop mode). Imperfect
// mappings (bounds below the product of their factors) are compared in
// exact mode, with computes, busy cycles and used instances.
//
//===----------------------------------------------------------------------===//

#include "NestSimulator.h"
#include "../Support/RandomCases.h"
#include "accel/Model/Evaluation.h"

#include "gtest/gtest.h"


using namespace accel;
using namespace accel::model;
using accel::testing::RandomCase;
using accel::testing::randomCase;
using accel::testing::randomImperfectCase;

namespace {

/// What the random cases exercised, so the test cannot pass vacuously.
struct Coverage {
  int cases = 0, spatial = 0, multicast = 0, linked = 0, bypassed = 0,
      counts = 0, idleUnits = 0;
};

void compareWithSimulation(const RandomCase &c,
                           const EvaluationOptions &options,
                           Coverage &coverage) {
  const bool exact = options.exactCounts;
  SCOPED_TRACE(c.description + (exact ? " exact" : " timeloop") +
               (options.stationaryKeepsStride ? " (2025 filter)"
                                              : " (2024 filter)"));
  Result result = evaluate(c.workload, c.arch, c.mapping, options);
  ASSERT_TRUE(result.valid) << result.reason;
  accel::testing::SimulatedCounts expected = accel::testing::simulateNest(
      c.workload, c.arch, c.mapping, /*extrapolate=*/!exact,
      /*linkTransfers=*/true, options.stationaryKeepsStride);
  ++coverage.cases;
  bool spatial = false, multicast = false, linked = false, bypassed = false;
  for (int s = 0; s < c.arch.numLevels(); ++s)
    for (int ds = 0; ds < c.workload.numDataSpaces(); ++ds) {
      const DataSpaceStats &stats = result.levels[s].dataSpaces[ds];
      spatial |= stats.fanout > 1;
      for (const AccessEntry &entry : stats.ingress)
        multicast |= entry.multicast > 1 && entry.accesses > 0;
      linked |= stats.linkTransfers > 0;
      bypassed |= !stats.kept && s + 1 < c.arch.numLevels();
      coverage.counts += stats.reads + stats.fills + stats.updates > 0;
    }
  coverage.spatial += spatial;
  coverage.multicast += multicast;
  coverage.linked += linked;
  coverage.bypassed += bypassed;
  int64_t padded = 1;
  for (const LevelMapping &level : c.mapping.levels)
    for (const auto *list : {&level.spatialX, &level.spatialY})
      for (const MappingLoop &loop : *list)
        padded *= loop.factor;
  coverage.idleUnits += result.compute.utilizedInstances < padded;
  if (exact) {
    EXPECT_EQ(result.computes, expected.computes);
    EXPECT_EQ(result.compute.utilizedInstances, expected.computeInstances);
    EXPECT_EQ(result.compute.cycles, expected.cycles);
    EXPECT_LE(result.utilization, 1.0);
  }
  for (int s = 0; s < c.arch.numLevels(); ++s)
    for (int ds = 0; ds < c.workload.numDataSpaces(); ++ds) {
      SCOPED_TRACE("level " + std::to_string(s) + " tensor " +
                   c.workload.dataSpaces[ds].name);
      const DataSpaceStats &got = result.levels[s].dataSpaces[ds];
      const accel::testing::SimulatedDataSpace &want = expected.at(s, ds);
      if (got.kept)
        EXPECT_EQ(got.utilizedInstances,
                  expected.levels[s].utilizedInstances);
      ASSERT_EQ(got.kept, want.kept);
      EXPECT_EQ(got.partitionSize, want.partitionSize);
      EXPECT_EQ(got.utilizedCapacity, want.utilizedCapacity);
      EXPECT_EQ(got.reads, want.reads);
      EXPECT_EQ(got.fills, want.fills);
      EXPECT_EQ(got.updates, want.updates);
      EXPECT_EQ(got.temporalReductions, want.temporalReductions);
      EXPECT_DOUBLE_EQ(got.linkTransfers, want.linkTransfers);
    }
}

void runSeeds(const EvaluationOptions &options) {
  Coverage coverage;
  for (uint64_t seed = 1; seed <= 1000; ++seed) {
    compareWithSimulation(randomCase(seed), options, coverage);
    if (::testing::Test::HasFailure())
      return;
  }
  // The seeds must exercise fanouts, multicast, link transfers and bypass.
  EXPECT_EQ(coverage.cases, 1000);
  EXPECT_GT(coverage.spatial, 250);
  EXPECT_GT(coverage.multicast, 120);
  EXPECT_GT(coverage.linked, 40);
  EXPECT_GT(coverage.bypassed, 250);
}

EvaluationOptions exactWithFilter(bool keepStride) {
  EvaluationOptions options;
  options.stationaryKeepsStride = keepStride;
  return options;
}

TEST(BruteForceTest, ExactCountsMatchFullSimulation) {
  runSeeds(exactWithFilter(true));
}

TEST(BruteForceTest, ExactCountsWith2024FilterMatchFullSimulation) {
  runSeeds(exactWithFilter(false));
}

class ImperfectBruteForceTest : public ::testing::TestWithParam<bool> {};

TEST_P(ImperfectBruteForceTest, ExactCountsMatchFullSimulation) {
  Coverage coverage;
  for (uint64_t seed = 1; seed <= 2000; ++seed) {
    compareWithSimulation(randomImperfectCase(seed), exactWithFilter(GetParam()),
                          coverage);
    if (::testing::Test::HasFailure())
      return;
  }
  EXPECT_EQ(coverage.cases, 2000);
  EXPECT_GT(coverage.spatial, 500);
  EXPECT_GT(coverage.multicast, 200);
  EXPECT_GT(coverage.linked, 40);
  EXPECT_GT(coverage.bypassed, 500);
  // Fanouts whose last children sometimes or always idle.
  EXPECT_GT(coverage.idleUnits, 150);
}

INSTANTIATE_TEST_SUITE_P(
    ReuseFilters, ImperfectBruteForceTest, ::testing::Bool(),
    [](const ::testing::TestParamInfo<bool> &info) {
      return info.param ? "KeepsStride" : "ResetsStride";
    });

TEST(BruteForceTest, TimeloopCountsMatchExtrapolatedSimulation) {
  runSeeds(timeloopOptions(TimeloopVersion::Master2024));
}

TEST(BruteForceTest, Timeloop2025CountsMatchExtrapolatedSimulation) {
  runSeeds(timeloopOptions(TimeloopVersion::Master2025));
}

} // namespace
