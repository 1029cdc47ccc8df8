//===- NestSimulator.h - Brute-force reference for the model ------*- C++ -*-===//
//
// Test oracle. Follows the reference algorithm of Timeloop's dense model
// (timeloop-model-spec.md, appendix A and section 3) literally: it walks
// the loop nest recursively with explicit point sets, simulates every
// spatial instance, and applies the reuse filter, multicast grouping and
// link-transfer comparison by comparing sets. With `extrapolate` it visits
// two iterations per loop as Timeloop does; without, every iteration. It
// shares no code with the model beyond the input data types.
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

/// result[level][ds], levels innermost first.
using SimulatedCounts = std::vector<std::vector<SimulatedDataSpace>>;

SimulatedCounts simulateNest(const model::Workload &workload,
                             const model::Architecture &arch,
                             const model::Mapping &mapping, bool extrapolate,
                             bool linkTransfers);

} // namespace accel::testing

#endif // ACCEL_UNITTESTS_MODEL_NESTSIMULATOR_H
