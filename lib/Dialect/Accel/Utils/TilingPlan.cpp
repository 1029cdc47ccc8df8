//===- TilingPlan.cpp - A mapping as a sequence of tiling steps -----------===//

#include "accel/Dialect/Accel/Utils/TilingPlan.h"

#include "llvm/ADT/STLExtras.h"

#include <numeric>

using namespace accel;

TilingPlan accel::planTiling(const model::Mapping &mapping,
                             llvm::ArrayRef<bool> reductionDims) {
  TilingPlan plan;
  const int numDims = static_cast<int>(reductionDims.size());
  const int numLevels = static_cast<int>(mapping.levels.size());
  for (int s = numLevels - 1; s >= 0; --s) {
    const model::LevelMapping &level = mapping.levels[s];
    TilingStep temporal;
    temporal.level = s;
    for (const model::MappingLoop &loop : level.temporal)
      if (loop.factor > 1)
        temporal.loops.push_back({loop.dimension, loop.factor});
    if (!temporal.loops.empty())
      plan.steps.push_back(std::move(temporal));
    for (bool yAxis : {true, false}) {
      const std::vector<model::MappingLoop> &loops =
          yAxis ? level.spatialY : level.spatialX;
      TilingStep parallel, reduction;
      parallel.level = reduction.level = s;
      parallel.yAxis = reduction.yAxis = yAxis;
      parallel.kind = TilingStepKind::SpatialParallel;
      reduction.kind = TilingStepKind::SpatialReduction;
      unsigned index = 0;
      for (const model::MappingLoop &loop : loops) {
        if (loop.factor <= 1)
          continue;
        TilingStep &step = reductionDims[loop.dimension] ? reduction : parallel;
        step.loops.push_back({loop.dimension, loop.factor});
        step.axisIndex.push_back(index++);
      }
      // An scf.forall's loops run in parallel, so their order is free: list
      // them by dimension, the order transform.structured.tile_using_forall
      // (which takes no interchange) gives them, so that a portable
      // schedule rebuilds the very same loop.
      llvm::SmallVector<unsigned> order(parallel.loops.size());
      std::iota(order.begin(), order.end(), 0u);
      llvm::sort(order, [&](unsigned a, unsigned b) {
        return parallel.loops[a].first < parallel.loops[b].first;
      });
      TilingStep sorted = parallel;
      for (auto [i, from] : llvm::enumerate(order)) {
        sorted.loops[i] = parallel.loops[from];
        sorted.axisIndex[i] = parallel.axisIndex[from];
      }
      parallel = std::move(sorted);
      for (TilingStep *step : {&parallel, &reduction})
        if (!step->loops.empty())
          plan.steps.push_back(std::move(*step));
    }
  }

  const size_t numSteps = plan.steps.size();
  plan.extentInside.assign(numSteps + 1,
                           llvm::SmallVector<int64_t>(numDims, 1));
  for (int i = static_cast<int>(numSteps) - 1; i >= 0; --i) {
    plan.extentInside[i] = plan.extentInside[i + 1];
    for (auto [d, factor] : plan.steps[i].loops)
      plan.extentInside[i][d] *= factor;
  }
  for (size_t i = 0; i < numSteps; ++i) {
    TilingStep &step = plan.steps[i];
    step.tileSizes.assign(numDims, 0);
    for (auto [d, factor] : step.loops) {
      step.tileSizes[d] = plan.extentInside[i + 1][d];
      step.interchange.push_back(d);
    }
    for (int d = 0; d < numDims; ++d)
      if (!llvm::is_contained(step.interchange, d))
        step.interchange.push_back(d);
  }
  return plan;
}
