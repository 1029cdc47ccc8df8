//===- LoopNest.h - The loop nest a mapping describes -------------*- C++ -*-===//
//
// Loops innermost first. Per storage level (innermost first): its spatial
// loops (x then y, innermost first) if it fans out, then its temporal loops;
// unit loops are dropped, and a level without temporal loops gets a
// placeholder loop of bound 1 so that it owns a storage boundary.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_LOOPNEST_H
#define ACCEL_MODEL_LOOPNEST_H

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <string>

namespace accel::model {

class Architecture;
class Mapping;
class Workload;

enum class LoopKind : uint8_t { Temporal, SpatialX, SpatialY };

struct NestLoop {
  int dimension = 0;
  int64_t end = 1;
  int64_t residual = 1; ///< iterations on the dimension's last pass
  LoopKind kind = LoopKind::Temporal;
  int level = 0;      ///< storage level that owns the loop
  int64_t stride = 1; ///< product of the ends of inner loops on the dimension

  bool isSpatial() const { return kind != LoopKind::Temporal; }
  bool isImperfect() const { return residual != end; }
};

class LoopNest {
public:
  llvm::SmallVector<NestLoop, 24> loops; ///< innermost first
  /// Per storage level: index of its outermost temporal loop (its tile).
  llvm::SmallVector<int, 8> boundary;
  /// Per storage level: index of its outermost spatial loop, or -1.
  llvm::SmallVector<int, 8> masterSpatial;
  /// Per storage level: index of its innermost loop.
  llvm::SmallVector<int, 8> firstLoop;
  /// Whether some loop is imperfect (its residual differs from its end).
  bool imperfect = false;

  /// Builds the nest of `mapping` (assumed valid for the workload and
  /// architecture).
  void build(const Workload &workload, const Architecture &arch,
             const Mapping &mapping);

  /// The spatial instances above storage level `s`'s tile along x and y
  /// (the products of the spatial loops outside it).
  std::pair<int64_t, int64_t> spatialExtentAbove(int s) const;
};

} // namespace accel::model

#endif // ACCEL_MODEL_LOOPNEST_H
