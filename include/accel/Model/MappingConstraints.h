//===- MappingConstraints.h - What a mapping may look like --------*- C++ -*-===//
//
// Constraints narrow the mapspace the mapper searches: fixed or bounded
// factors per level and dimension, loop-order prefixes and suffixes, which
// dimensions may spread along a fanout's x and y axes, tensors a level must
// keep or bypass, and a minimum use of the compute array. They come from
// Timeloop constraint files and from attributes on accel.arch levels, and
// the mapper honours them in every result.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_MAPPINGCONSTRAINTS_H
#define ACCEL_MODEL_MAPPINGCONSTRAINTS_H

#include "llvm/Support/Error.h"
#include "accel/Model/Mapping.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace accel::model {

class Architecture;
class Workload;

/// Bit `d` set = applies to dimension `d`.
using DimensionMask = uint32_t;
inline constexpr DimensionMask kAllDimensions = ~DimensionMask(0);

struct FactorBound {
  int64_t min = 1;
  int64_t max = std::numeric_limits<int64_t>::max();
  std::optional<int64_t> fixed;

  bool allows(int64_t factor) const {
    return factor >= min && factor <= max && (!fixed || factor == *fixed);
  }
};

struct LevelConstraints {
  /// Per dimension: the level's temporal factor.
  std::vector<FactorBound> temporal;
  /// Per dimension: the level's spatial factor (x times y).
  std::vector<FactorBound> spatial;
  /// Dimensions whose loops must be innermost (innermost first) and
  /// outermost (outermost first) among the level's temporal loops; loops of
  /// factor 1 are ignored.
  std::vector<int> innerOrder;
  std::vector<int> outerOrder;
  /// Dimensions allowed to spread along the fanout's x and y axes.
  DimensionMask spatialX = kAllDimensions;
  DimensionMask spatialY = kAllDimensions;
  /// Tensors the level must keep / must bypass.
  DataSpaceMask mustKeep = 0;
  DataSpaceMask mustBypass = 0;
};

class MappingConstraints {
public:
  /// One entry per storage level, innermost first.
  std::vector<LevelConstraints> levels;
  /// Minimum fraction of the compute instances a mapping must use.
  double minUtilization = 0.0;

  /// No constraints beyond the architecture's shape: fanout-only levels
  /// keep nothing and have no temporal loops.
  static MappingConstraints unconstrained(const Workload &workload,
                                          const Architecture &arch);

  /// Adds the keep / bypass lists written on the architecture's levels
  /// (StorageLevel::keepConstraint, bypassConstraint). Names resolve with
  /// resolveTensorRole; names no tensor of this workload answers to are
  /// skipped, since one architecture serves many kinds of op.
  void addArchitectureKeeps(const Workload &workload, const Architecture &arch);

  /// Why `mapping` violates the constraints (naming the level, dimension or
  /// tensor), or an empty string.
  std::string check(const Mapping &mapping, const Workload &workload,
                    const Architecture &arch) const;

  /// An error saying why no mapping can satisfy the constraints (fixed
  /// factors whose product does not divide a bound, a tensor every level
  /// bypasses, the outermost level bypassing one), or success.
  llvm::Error checkSatisfiable(const Workload &workload,
                               const Architecture &arch) const;
};

/// One term of a factor-constraint text: `D=n` fixes the factor of
/// dimension D, `D<=n` bounds it above, `D>=n` below; `Dn` is `D=n`; n = 0
/// means the dimension's whole bound.
struct FactorConstraintTerm {
  std::string dimension;
  enum Kind { Fixed, AtMost, AtLeast } kind = Fixed;
  int64_t value = 0;
};

/// Parses "N=1 C<=4, M>=2" (terms separated by spaces, commas or
/// semicolons; '#' starts a comment), or says what is malformed.
llvm::Expected<std::vector<FactorConstraintTerm>>
parseFactorConstraintText(llvm::StringRef text);

/// Applies `term` (dimension already resolved to `bound`, the dimension's
/// size) to `factor`; false when it conflicts with a fixed value already
/// there.
bool applyFactorConstraint(const FactorConstraintTerm &term, int64_t bound,
                           FactorBound &factor);

/// The data space an architecture's keep / bypass list means by `name`:
/// the workload's tensor of that name, else a role: `Inputs` and `Weights`
/// are the first and second read-only tensors, `Outputs` the first
/// read-write one. -1 if neither.
int resolveTensorRole(const Workload &workload, const std::string &name);

} // namespace accel::model

#endif // ACCEL_MODEL_MAPPINGCONSTRAINTS_H
