//===- MapperTestCases.h - Random architectures with costs --------*- C++ -*-===//
//
// The random cases of RandomCases.h with what the mapper needs to choose
// between mappings: random per-access energies, leakage, bandwidths and
// (optionally) small buffer capacities.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_MAPPER_MAPPERTESTCASES_H
#define ACCEL_UNITTESTS_MAPPER_MAPPERTESTCASES_H

#include "../Support/RandomCases.h"

#include "gtest/gtest.h"

namespace accel::testing {

/// randomCase(seed) with random costs; buffers below the outermost level
/// get small capacities when `capacities` is set.
inline RandomCase randomCostedCase(uint64_t seed, bool capacities) {
  RandomCase c = randomCase(seed);
  std::mt19937_64 rng(seed * 7919 + 17);
  const int numLevels = c.arch.numLevels();
  for (int s = 0; s < numLevels; ++s) {
    model::StorageLevel &level = c.arch.storage[s];
    // Outer levels cost more per access, as in real hierarchies.
    double scale = 1.0 + 4.0 * s;
    level.readEnergy = scale * (1 + static_cast<double>(rng() % 100) / 10);
    level.fillEnergy = scale * (1 + static_cast<double>(rng() % 100) / 10);
    level.updateEnergy = scale * (1 + static_cast<double>(rng() % 100) / 10);
    level.leakEnergy = static_cast<double>(rng() % 4) / 100;
    if (rng() % 3 == 0)
      level.readBandwidth = 1 + static_cast<double>(rng() % 4);
    if (rng() % 3 == 0)
      level.writeBandwidth = 1 + static_cast<double>(rng() % 4);
    if (capacities && s + 1 < numLevels)
      level.size = 4 + static_cast<int64_t>(rng() % 60);
  }
  c.arch.compute.energy = 0.5;
  std::string error = c.arch.finalize();
  EXPECT_TRUE(error.empty()) << error;
  return c;
}

} // namespace accel::testing

#endif // ACCEL_UNITTESTS_MAPPER_MAPPERTESTCASES_H
