//===- TimeloopNestWalkTest.cpp - The walk against the closed form --------===//
//
// White-box check of the Timeloop-compatible walk of imperfect nests: on
// perfect nests Timeloop's algorithm is what the closed form computes in
// Timeloop mode (which BruteForceTest and the reference cases pin down), so
// the walk must give the same records on every random perfect case, with
// fanouts, multicast, link transfers and bypass.
//
//===----------------------------------------------------------------------===//

#include "../Support/RandomCases.h"
#include "NestAnalysis.h"
#include "TimeloopNestWalk.h"

#include "gtest/gtest.h"

using namespace accel;
using namespace accel::model;

class TimeloopNestWalkTest
    : public ::testing::TestWithParam<TimeloopVersion> {};

TEST_P(TimeloopNestWalkTest, WalkEqualsClosedFormOnPerfectNests) {
  int withLinks = 0;
  for (uint64_t seed = 1; seed <= 1000; ++seed) {
    accel::testing::RandomCase c = accel::testing::randomCase(seed);
    SCOPED_TRACE(c.description);
    LoopNest nest;
    nest.build(c.workload, c.arch, c.mapping);
    EvaluationOptions options = timeloopOptions(GetParam());
    llvm::SmallVector<detail::LevelRecord, 16> closed, walked;
    detail::NestAnalysis analysis;
    ASSERT_TRUE(analysis.run(c.workload, c.arch, c.mapping, nest, options,
                             closed));
    detail::TimeloopNestWalk walk;
    detail::WalkComputeFigures compute;
    std::string error;
    ASSERT_TRUE(walk.run(c.workload, c.arch, c.mapping, nest, options, walked,
                         compute, error))
        << error;
    EXPECT_EQ(static_cast<int64_t>(compute.averageOperations *
                                   static_cast<double>(compute.replication)),
              c.workload.numOperations());
    ASSERT_EQ(closed.size(), walked.size());
    for (size_t i = 0; i < closed.size(); ++i) {
      SCOPED_TRACE("record " + std::to_string(i));
      const detail::LevelRecord &a = closed[i], &b = walked[i];
      EXPECT_EQ(a.tileSize, b.tileSize);
      EXPECT_EQ(a.unionSize, b.unionSize);
      EXPECT_EQ(a.fanout, b.fanout);
      EXPECT_EQ(a.replication, b.replication);
      EXPECT_EQ(a.maxX, b.maxX);
      EXPECT_EQ(a.maxY, b.maxY);
      EXPECT_DOUBLE_EQ(a.linkTransfers, b.linkTransfers);
      withLinks += a.linkTransfers > 0;
      // Same histogram, in any order.
      double totalA = 0, totalB = 0;
      for (const AccessEntry &entry : a.accesses) {
        totalA += entry.accesses;
        if (entry.accesses == 0)
          continue;
        bool found = false;
        for (const AccessEntry &other : b.accesses)
          found |= other.multicast == entry.multicast &&
                   other.scatter == entry.scatter &&
                   other.accesses == entry.accesses;
        EXPECT_TRUE(found) << "entry (" << entry.multicast << ", "
                           << entry.scatter << ") " << entry.accesses;
      }
      for (const AccessEntry &entry : b.accesses)
        totalB += entry.accesses;
      EXPECT_DOUBLE_EQ(totalA, totalB);
    }
    if (::testing::Test::HasFailure())
      return;
  }
  EXPECT_GT(withLinks, 20);
}

INSTANTIATE_TEST_SUITE_P(
    Versions, TimeloopNestWalkTest,
    ::testing::Values(TimeloopVersion::Master2024, TimeloopVersion::Master2025),
    [](const ::testing::TestParamInfo<TimeloopVersion> &info) {
      return info.param == TimeloopVersion::Master2024 ? "Master2024"
                                                       : "Master2025";
    });
