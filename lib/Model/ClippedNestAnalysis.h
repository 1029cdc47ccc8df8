//===- ClippedNestAnalysis.h - Exact counts of imperfect nests ----*- C++ -*-===//
//
// Internal to the model: the exact-mode nest analysis of mappings with
// imperfect factors. The loops run their full factors over a padded space;
// every tile is cut at the problem bounds (past a bound it is empty). A
// child's new tile costs the words not in its previous tile when the
// innermost loop above it advanced, or an outer loop moved the tile the way
// the innermost one does, and the whole tile otherwise (for perfect nests
// this is Timeloop's reuse filter exactly; see docs/model.md).
//
// The tile a child holds at a visit depends, per dimension, only on
// whether the part of its position above the level's fanout is before,
// at or past the bound; the loops change those parts by fixed amounts. So
// visits fall into few classes ("which loop advanced" times, per cut
// dimension, those three states at this and the previous visits), counted
// in closed form with MixedRadix, and each class is evaluated once for
// every child position of the fanout.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MODEL_CLIPPEDNESTANALYSIS_H
#define ACCEL_LIB_MODEL_CLIPPEDNESTANALYSIS_H

#include "MixedRadix.h"
#include "NestAnalysis.h"

namespace accel::model::detail {

/// What an imperfect nest does at the compute level.
struct ClippedComputeFigures {
  int64_t utilizedInstances = 0; ///< compute units that ever work
  int64_t cycles = 0;            ///< time steps in which some unit works
};

class ClippedNestAnalysis {
public:
  /// Fills records[level * numDataSpaces + ds] with totals over the
  /// level's instances (replication = instances that ever hold data; tile
  /// sizes cut at the bounds) and the compute figures. Returns false when a
  /// count overflows.
  bool run(const Workload &workload, const Architecture &arch,
           const Mapping &mapping, const LoopNest &nest,
           const EvaluationOptions &options,
           llvm::SmallVectorImpl<LevelRecord> &records,
           ClippedComputeFigures &compute);

  struct VisitKind;
  struct DimensionFrame;

private:
  void analyzeLevel(int level);
  int64_t instancesEverUsed(int firstLoop);

  const Workload *workload = nullptr;
  const Architecture *arch = nullptr;
  const Mapping *mapping = nullptr;
  const LoopNest *nest = nullptr;
  const EvaluationOptions *options = nullptr;
  llvm::SmallVectorImpl<LevelRecord> *records = nullptr;
  bool overflow = false;
};

} // namespace accel::model::detail

#endif // ACCEL_LIB_MODEL_CLIPPEDNESTANALYSIS_H
