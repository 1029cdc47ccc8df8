//===- Mapping.h - Loop-nest mapping onto an architecture --------*- C++ -*-===//
//
// Per storage level (innermost first, like Architecture::storage): temporal
// loops and, for levels with a spatial fanout, spatial loops along x and y,
// each list written outermost first (as loops nest in code); which data
// spaces the level keeps; and Timeloop's per-data-space reuse switches.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_MAPPING_H
#define ACCEL_MODEL_MAPPING_H

#include <cstdint>
#include <string>
#include <vector>

namespace accel::model {

class Architecture;
class Workload;

struct MappingLoop {
  int dimension = 0;
  int64_t factor = 1;
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

  /// Empty when the mapping fits the workload and architecture's shape:
  /// one entry per level, known dimensions with positive factors, no
  /// dimension twice in one level's temporal or spatial loops, spatial loops
  /// only where the architecture fans out, and for every dimension factors
  /// multiplying to its bound. Else why not, naming the level and dimension.
  std::string validate(const Workload &workload,
                       const Architecture &arch) const;
};

} // namespace accel::model

#endif // ACCEL_MODEL_MAPPING_H
