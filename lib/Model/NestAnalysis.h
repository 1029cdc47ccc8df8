//===- NestAnalysis.h - Tiles and access histograms of a nest -----*- C++ -*-===//
//
// Internal to the model. For every storage level and data space: the tile
// size, and the histogram of accesses the level serves to the level inside
// it (with multicast and link transfers across a spatial fanout).
//
// Timeloop walks the nest recursively, simulating two iterations of every
// loop and extrapolating; that costs 2^loops visits. Every tile of a level
// has the same shape, so the sequence of tiles a level sees is a sequence of
// translations, and the deltas Timeloop's reuse filter produces depend only
// on which loop advanced last and which advanced before it. NestAnalysis
// computes the same counts in closed form from those "visit kinds" (see
// docs/model.md, "Nest analysis in closed form").
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MODEL_NESTANALYSIS_H
#define ACCEL_LIB_MODEL_NESTANALYSIS_H

#include "accel/Model/Evaluation.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace accel::model::detail {

/// What the nest says about one data space at one storage level.
struct LevelRecord {
  int64_t tileSize = 0;  ///< words of the level's tile
  int64_t unionSize = 0; ///< words of the union over its spatial children
  llvm::SmallVector<AccessEntry, 2> accesses; ///< served to children
  int64_t fanout = 1;      ///< logical fanout of the spatial loops below
  int64_t replication = 1; ///< spatial instances of the level in use
  int64_t maxX = 1;        ///< spatial x instances above the level
  int64_t maxY = 1;
  double linkTransfers = 0;
};

class NestAnalysis {
public:
  /// Fills records[level * numDataSpaces + ds]. Returns false when a count
  /// overflows 64 bits.
  bool run(const Workload &workload, const Architecture &arch,
           const Mapping &mapping, const LoopNest &nest,
           const EvaluationOptions &options,
           llvm::SmallVectorImpl<LevelRecord> &records);

private:
  struct TemporalLoop {
    int dimension;
    int64_t end;
    int64_t stride;
  };
  struct VisitKind;

  void analyzeLevel(int level, int ds, LevelRecord &record);
  void analyzeSpatial(int level, int ds, llvm::ArrayRef<VisitKind> kinds,
                      LevelRecord &record);

  const Workload *workload = nullptr;
  const Architecture *arch = nullptr;
  const Mapping *mapping = nullptr;
  const LoopNest *nest = nullptr;
  const EvaluationOptions *options = nullptr;
  bool overflow = false;

  /// Per level: tile extents per dimension at its boundary and at its
  /// master spatial loop (flattened level * kMaxDimensions + d).
  llvm::SmallVector<int64_t, 128> boundaryExtents;
  llvm::SmallVector<int64_t, 128> unionExtents;
  /// Coefficient of dimension d in rank k of data space ds.
  llvm::SmallVector<int64_t, 256> coefficients;
  llvm::SmallVector<TemporalLoop, 24> temporalAbove;
  /// Scratch for spatial grouping.
  llvm::SmallVector<int64_t, 256> positionKeys;
  llvm::SmallVector<int64_t, 256> positionTranslations;
  llvm::SmallVector<int64_t, 256> sortedKeys;
  /// Per position, its translation encoded as one integer (when it fits).
  llvm::SmallVector<int64_t, 256> positionScalars;
};

} // namespace accel::model::detail

#endif // ACCEL_LIB_MODEL_NESTANALYSIS_H
