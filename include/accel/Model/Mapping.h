//===- Mapping.h - Loop-nest mapping onto an architecture --------*- C++ -*-===//
//
// Per storage level (innermost first, like Architecture::storage): temporal
// loops and, for levels with a spatial fanout, spatial loops along x and y,
// each list written outermost first (as loops nest in code); which data
// spaces the level keeps; and Timeloop's per-data-space reuse switches.
//
// A loop may be imperfect (Timeloop's residual syntax `P=4,3`): it runs
// `factor` iterations, except on the last iteration of every enclosing loop
// of its dimension, where it runs `residual`. Equivalently, the loops of a
// dimension iterate a padded space (the product of their factors) of which
// only the first `bound` points exist; a tile that reaches past the bound
// is cut there, and one that starts past it is empty.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_MAPPING_H
#define ACCEL_MODEL_MAPPING_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace accel::model {

class Architecture;
class Workload;

struct MappingLoop {
  int dimension = 0;
  int64_t factor = 1;
  /// Iterations on the dimension's last pass; 0 when it equals `factor`.
  int64_t residual = 0;

  int64_t lastTrip() const { return residual > 0 ? residual : factor; }
  bool isImperfect() const { return residual > 0 && residual != factor; }
};

/// Bit `ds` set = applies to data space `ds`.
using DataSpaceMask = uint32_t;
inline constexpr DataSpaceMask kAllDataSpaces = ~DataSpaceMask(0);

struct LevelMapping {
  std::vector<MappingLoop> temporal; ///< outermost first
  std::vector<MappingLoop> spatialX; ///< outermost first
  std::vector<MappingLoop> spatialY; ///< outermost first
  DataSpaceMask keep = kAllDataSpaces;
  DataSpaceMask noTemporalReuse = 0;
  DataSpaceMask noMulticast = 0;
  DataSpaceMask noLinkTransfer = 0;

  bool keeps(int ds) const { return (keep >> ds) & 1u; }
};

class Mapping {
public:
  /// One entry per storage level, innermost first.
  std::vector<LevelMapping> levels;

  /// A mapping of `numLevels` levels with no loops that keeps everything.
  static Mapping empty(int numLevels);

  /// Success when the mapping fits the workload and architecture's shape:
  /// one entry per level, known dimensions with positive factors, residuals
  /// between 1 and their factor, no dimension twice in one level's temporal
  /// or spatial loops, spatial loops only where the architecture fans out,
  /// and for every dimension factors (with their residuals) covering exactly
  /// its bound. Else an error saying why, naming the level and dimension.
  llvm::Error validate(const Workload &workload,
                       const Architecture &arch) const;
  /// validate()'s reason as text, empty when valid (for the evaluator's
  /// hot path, which stores reasons in results).
  std::string explainInvalid(const Workload &workload,
                             const Architecture &arch) const;

  /// Whether some loop has a residual that differs from its factor.
  bool isImperfect() const;

  /// Sets the residual of every loop so that the loops of each dimension
  /// cover exactly its bound (the mixed-radix digits of bound - 1): what a
  /// mapping whose factors multiply to at least the bound means. Returns
  /// false, changing nothing, when the factors of some dimension multiply
  /// to less than its bound.
  bool deriveResiduals(const Workload &workload);

  /// Calls `fn(level, loop)` for every loop of dimension `dim` from the
  /// outermost to the innermost (within a level: temporal, then y, then x).
  template <typename Fn> void forEachLoopOuterToInner(int dim, Fn fn) const {
    for (int s = static_cast<int>(levels.size()) - 1; s >= 0; --s)
      for (const auto *list :
           {&levels[s].temporal, &levels[s].spatialY, &levels[s].spatialX})
        for (const MappingLoop &loop : *list)
          if (loop.dimension == dim)
            fn(s, loop);
  }
};

} // namespace accel::model

#endif // ACCEL_MODEL_MAPPING_H
