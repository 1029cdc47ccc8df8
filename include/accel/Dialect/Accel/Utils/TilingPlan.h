//===- TilingPlan.h - A mapping as a sequence of tiling steps ---*- C++ -*-===//
//
// The loops of a mapping, grouped into the tiling steps that build them from
// the outermost level in. One step is one tiling call (scf::tileUsingSCF, or
// a transform.structured.tile_using_for / tile_using_forall): same level,
// same kind of loop. accel-tile executes the plan; accel-emit-schedule writes
// it as a transform schedule, so both build the same loop nest.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_UTILS_TILINGPLAN_H
#define ACCEL_DIALECT_ACCEL_UTILS_TILINGPLAN_H

#include "accel/Model/Mapping.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <vector>

namespace accel {

enum class TilingStepKind {
  Temporal,         ///< a storage level's temporal loops: scf.for
  SpatialParallel,  ///< a fanout axis' parallel loops: scf.forall
  SpatialReduction, ///< a fanout axis' reduction loops: sequential scf.for
};

struct TilingStep {
  /// The model level (index into Architecture::storage) the loops belong to.
  int level = 0;
  TilingStepKind kind = TilingStepKind::Temporal;
  /// For spatial steps: the fanout axis.
  bool yAxis = false;
  /// The step's loops, outermost first: (loop dimension, trip count).
  llvm::SmallVector<std::pair<int, int64_t>> loops;
  /// For spatial steps: each loop's position among its axis' loops.
  llvm::SmallVector<unsigned> axisIndex;
  /// Per loop dimension, the tile size the step tiles to (0: not tiled).
  llvm::SmallVector<int64_t> tileSizes;
  /// The step's dimensions in loop order, then every other dimension.
  llvm::SmallVector<int64_t> interchange;
};

struct TilingPlan {
  /// Outermost first.
  std::vector<TilingStep> steps;
  /// extentInside[i][d]: how much of dimension d the loops of steps i and
  /// later cover (the product of their factors); extentInside[steps.size()]
  /// is all ones. Level s's tiles inside step i are this wide.
  llvm::SmallVector<llvm::SmallVector<int64_t>> extentInside;
};

/// The tiling steps of `mapping` for an op with `reductionDims[d]` true
/// for its reduction dimensions. Loops of factor 1 make no loop; within a
/// fanout, y loops sit outside x loops.
TilingPlan planTiling(const model::Mapping &mapping,
                      llvm::ArrayRef<bool> reductionDims);

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_UTILS_TILINGPLAN_H
