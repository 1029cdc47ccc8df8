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
  if (llvm::Error error = c.arch.finalize())
    ADD_FAILURE() << llvm::toString(std::move(error));
  return c;
}

/// randomCostedCase with bounds that are not products of small primes
/// (random 2..40, some prime), for the imperfect mapspace; no capacities.
inline RandomCase randomCostedImperfectCase(uint64_t seed) {
  RandomCase c = randomCostedCase(seed, false);
  std::mt19937_64 rng(seed * 104729 + 5);
  for (model::Dimension &dim : c.workload.dimensions)
    if (dim.bound > 1 && rng() % 2)
      dim.bound = 2 + static_cast<int64_t>(rng() % 39);
  c.mapping = model::Mapping::empty(c.arch.numLevels());
  c.mapping.levels.back().temporal.clear();
  for (int d = 0; d < c.workload.numDimensions(); ++d)
    c.mapping.levels.back().temporal.push_back({d, c.workload.dimensions[d].bound});
  return c;
}

} // namespace accel::testing

#endif // ACCEL_UNITTESTS_MAPPER_MAPPERTESTCASES_H
