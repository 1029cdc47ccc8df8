//===- TilingPlanTest.cpp - A mapping as tiling steps ---------------------===//
//
// planTiling is shared by accel-tile and accel-emit-schedule; the tile sizes,
// loop orders and step kinds here are computed by hand from the mapping.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Utils/TilingPlan.h"

#include "gtest/gtest.h"

using namespace accel;

namespace {

/// Dimensions of a matmul: M, N, K (K the reduction).
enum { M = 0, N = 1, K = 2 };

model::MappingLoop loop(int dim, int64_t factor) {
  model::MappingLoop l;
  l.dimension = dim;
  l.factor = factor;
  return l;
}

/// Levels innermost first: RF (0), PE fanout (1), GLB (2), DRAM (3).
/// DRAM: N 3, M 2; GLB: K 2; PE: x [N 2, M 4] y [K 2]; RF: K 2, N 2, M 2.
/// Bounds: M 16, N 12, K 8.
model::Mapping matmulMapping() {
  model::Mapping mapping = model::Mapping::empty(4);
  mapping.levels[3].temporal = {loop(N, 3), loop(M, 2)};
  mapping.levels[2].temporal = {loop(K, 2)};
  mapping.levels[1].spatialX = {loop(N, 2), loop(M, 4)};
  mapping.levels[1].spatialY = {loop(K, 2)};
  mapping.levels[0].temporal = {loop(K, 2), loop(N, 2), loop(M, 2)};
  return mapping;
}

TEST(TilingPlanTest, StepsTileSizesAndOrderByHand) {
  TilingPlan plan = planTiling(matmulMapping(), {false, false, true});
  ASSERT_EQ(plan.steps.size(), 5u);

  // DRAM: N then M. Inside DRAM: M covers 16 / 2 = 8, N 12 / 3 = 4.
  const TilingStep &dram = plan.steps[0];
  EXPECT_EQ(dram.level, 3);
  EXPECT_EQ(dram.kind, TilingStepKind::Temporal);
  EXPECT_EQ(dram.tileSizes, (llvm::SmallVector<int64_t>{8, 4, 0}));
  EXPECT_EQ(dram.interchange, (llvm::SmallVector<int64_t>{N, M, K}));

  // GLB: K 2 leaves K tiles of 4.
  const TilingStep &glb = plan.steps[1];
  EXPECT_EQ(glb.level, 2);
  EXPECT_EQ(glb.tileSizes, (llvm::SmallVector<int64_t>{0, 0, 4}));
  EXPECT_EQ(glb.interchange, (llvm::SmallVector<int64_t>{K, M, N}));

  // PE y carries the K reduction: a sequential step, tiles of 2.
  const TilingStep &peY = plan.steps[2];
  EXPECT_EQ(peY.kind, TilingStepKind::SpatialReduction);
  EXPECT_TRUE(peY.yAxis);
  EXPECT_EQ(peY.tileSizes, (llvm::SmallVector<int64_t>{0, 0, 2}));

  // PE x: N 2 and M 4 in parallel, listed by dimension (M before N) with
  // their positions on the axis (M was second, N first); M tiles of 2,
  // N tiles of 2.
  const TilingStep &peX = plan.steps[3];
  EXPECT_EQ(peX.kind, TilingStepKind::SpatialParallel);
  EXPECT_FALSE(peX.yAxis);
  ASSERT_EQ(peX.loops.size(), 2u);
  EXPECT_EQ(peX.loops[0], (std::pair<int, int64_t>{M, 4}));
  EXPECT_EQ(peX.loops[1], (std::pair<int, int64_t>{N, 2}));
  EXPECT_EQ(peX.axisIndex, (llvm::SmallVector<unsigned>{1, 0}));
  EXPECT_EQ(peX.tileSizes, (llvm::SmallVector<int64_t>{2, 2, 0}));

  // RF: K, N, M one point at a time.
  const TilingStep &rf = plan.steps[4];
  EXPECT_EQ(rf.level, 0);
  EXPECT_EQ(rf.tileSizes, (llvm::SmallVector<int64_t>{1, 1, 1}));
  EXPECT_EQ(rf.interchange, (llvm::SmallVector<int64_t>{K, N, M}));

  // What each step's loops and those inside cover: the whole bound outside.
  EXPECT_EQ(plan.extentInside[0], (llvm::SmallVector<int64_t>{16, 12, 8}));
  EXPECT_EQ(plan.extentInside[5], (llvm::SmallVector<int64_t>{1, 1, 1}));
}

TEST(TilingPlanTest, FactorsOfOneMakeNoStep) {
  model::Mapping mapping = model::Mapping::empty(2);
  mapping.levels[1].temporal = {loop(M, 1), loop(N, 4)};
  TilingPlan plan = planTiling(mapping, {false, false, true});
  ASSERT_EQ(plan.steps.size(), 1u);
  EXPECT_EQ(plan.steps[0].loops.size(), 1u);
  EXPECT_EQ(plan.steps[0].tileSizes, (llvm::SmallVector<int64_t>{0, 1, 0}));
}

} // namespace
