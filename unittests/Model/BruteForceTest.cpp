//===- BruteForceTest.cpp - The model against a brute-force simulation ----===//
//
// Hundreds of seeded random small workloads, architectures and mappings:
// the closed-form model must give exactly the reads, fills, updates and link
// transfers of NestSimulator, which walks the nest with explicit point sets
// (every iteration in exact mode, two per loop in Timeloop mode).
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

namespace {

/// What the random cases exercised, so the test cannot pass vacuously.
struct Coverage {
  int cases = 0, spatial = 0, multicast = 0, linked = 0, bypassed = 0,
      counts = 0;
};

void compareWithSimulation(uint64_t seed, bool exact, Coverage &coverage) {
  RandomCase c = randomCase(seed);
  SCOPED_TRACE(c.description + (exact ? " exact" : " timeloop"));
  EvaluationOptions options;
  options.exactCounts = exact;
  Result result = evaluate(c.workload, c.arch, c.mapping, options);
  ASSERT_TRUE(result.valid) << result.reason;
  accel::testing::SimulatedCounts expected = accel::testing::simulateNest(
      c.workload, c.arch, c.mapping, /*extrapolate=*/!exact,
      /*linkTransfers=*/true);
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
  for (int s = 0; s < c.arch.numLevels(); ++s)
    for (int ds = 0; ds < c.workload.numDataSpaces(); ++ds) {
      SCOPED_TRACE("level " + std::to_string(s) + " tensor " +
                   c.workload.dataSpaces[ds].name);
      const DataSpaceStats &got = result.levels[s].dataSpaces[ds];
      const accel::testing::SimulatedDataSpace &want = expected[s][ds];
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

void runSeeds(bool exact) {
  Coverage coverage;
  for (uint64_t seed = 1; seed <= 1000; ++seed) {
    compareWithSimulation(seed, exact, coverage);
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

TEST(BruteForceTest, ExactCountsMatchFullSimulation) { runSeeds(true); }

TEST(BruteForceTest, TimeloopCountsMatchExtrapolatedSimulation) {
  runSeeds(false);
}

} // namespace
