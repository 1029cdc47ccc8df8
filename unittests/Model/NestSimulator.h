//===- NestSimulator.h - Brute-force reference for the model ------*- C++ -*-===//
//
// Test oracle. Walks the loop nest recursively with explicit point sets,
// simulates every spatial instance, and applies the reuse filter, multicast
// grouping and link-transfer comparison by comparing sets. It shares no code
// with the model beyond the input data types.
//
// Exact mode (the model's default) visits every iteration of the padded
// nest: loops run their full factors, tiles are cut at the problem bounds
// (a tile past a bound is empty), and a child's new tile costs the words not
// in its previous tile when the loop that advanced is the innermost one
// above it or moves the tile the same way, and the whole tile otherwise.
// Instances that never hold data are not counted in per-instance averages.
//
// Timeloop mode follows Timeloop's reference algorithm literally
// (timeloop-model-spec.md, appendix A and section 3): two iterations per
// loop, extrapolated, and its reuse filter with the previous translation.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_MODEL_NESTSIMULATOR_H
#define ACCEL_UNITTESTS_MODEL_NESTSIMULATOR_H

#include "accel/Model/Architecture.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

#include <cstdint>
#include <vector>

namespace accel::testing {

struct SimulatedDataSpace {
  bool kept = false;
  int64_t partitionSize = 0;
  int64_t utilizedCapacity = 0;
  int64_t reads = 0;
  int64_t fills = 0;
  int64_t updates = 0;
  int64_t temporalReductions = 0;
  double linkTransfers = 0;
};

struct SimulatedLevel {
  std::vector<SimulatedDataSpace> dataSpaces;
  /// Instances of the level that ever hold data.
  int64_t utilizedInstances = 0;
};

struct SimulatedCounts {
  std::vector<SimulatedLevel> levels; ///< innermost first
  int64_t computes = 0;               ///< valid operations performed
  int64_t computeInstances = 0;       ///< compute units ever used
  /// Time steps in which some compute unit works.
  int64_t cycles = 0;

  const SimulatedDataSpace &at(int level, int ds) const {
    return levels[level].dataSpaces[ds];
  }
};

/// `keepStride`: a tile that does not move keeps the stride the reuse
/// filter remembers (Timeloop since January 2025; exact mode's default).
SimulatedCounts simulateNest(const model::Workload &workload,
                             const model::Architecture &arch,
                             const model::Mapping &mapping, bool extrapolate,
                             bool linkTransfers, bool keepStride);

} // namespace accel::testing

#endif // ACCEL_UNITTESTS_MODEL_NESTSIMULATOR_H
