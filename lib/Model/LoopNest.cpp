//===- LoopNest.cpp - The loop nest a mapping describes -------------------===//

#include "accel/Model/LoopNest.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

using namespace accel::model;

void LoopNest::build(const Workload &workload, const Architecture &arch,
                     const Mapping &mapping) {
  loops.clear();
  boundary.clear();
  masterSpatial.clear();
  firstLoop.clear();
  imperfect = false;

  // Product of the ends of the loops added so far, per dimension.
  int64_t strides[kMaxDimensions];
  std::fill(strides, strides + kMaxDimensions, 1);
  auto addLoop = [&](const MappingLoop &loop, LoopKind kind, int level) {
    loops.push_back({loop.dimension, loop.factor, loop.lastTrip(), kind, level,
                     strides[loop.dimension]});
    strides[loop.dimension] *= loop.factor;
    imperfect |= loop.isImperfect();
  };

  for (int s = 0, e = arch.numLevels(); s < e; ++s) {
    const LevelMapping &level = mapping.levels[s];
    firstLoop.push_back(static_cast<int>(loops.size()));
    if (arch.storage[s].fanout() > 1) {
      // Mapping lists are outermost first; the nest is innermost first, and
      // x loops sit inside y loops.
      for (auto it = level.spatialX.rbegin(); it != level.spatialX.rend(); ++it)
        if (it->factor > 1)
          addLoop(*it, LoopKind::SpatialX, s);
      for (auto it = level.spatialY.rbegin(); it != level.spatialY.rend(); ++it)
        if (it->factor > 1)
          addLoop(*it, LoopKind::SpatialY, s);
    }
    int numSpatial = static_cast<int>(loops.size()) - firstLoop.back();
    masterSpatial.push_back(numSpatial ? static_cast<int>(loops.size()) - 1
                                       : -1);
    size_t before = loops.size();
    for (auto it = level.temporal.rbegin(); it != level.temporal.rend(); ++it)
      if (it->factor > 1)
        addLoop(*it, LoopKind::Temporal, s);
    // Every level owns a boundary; Timeloop puts a unit loop on the last
    // dimension where a level has no temporal loop.
    if (loops.size() == before)
      addLoop({workload.numDimensions() - 1, 1, 0}, LoopKind::Temporal, s);
    boundary.push_back(static_cast<int>(loops.size()) - 1);
  }
}

std::pair<int64_t, int64_t> LoopNest::spatialExtentAbove(int s) const {
  int64_t x = 1, y = 1;
  for (size_t l = static_cast<size_t>(boundary[s] + 1); l < loops.size(); ++l) {
    if (loops[l].kind == LoopKind::SpatialX)
      x *= loops[l].end;
    else if (loops[l].kind == LoopKind::SpatialY)
      y *= loops[l].end;
  }
  return {x, y};
}
