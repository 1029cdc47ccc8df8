//===- RandomCases.h - Seeded random workloads, architectures, mappings ---===//
//
// Small random cases for brute-force cross-checks: conv1d (with stride and
// dilation), conv1d with output channels, a small 2-D convolution and
// matmul; two to four storage levels with random fanouts; mappings spreading
// each dimension's prime factors over temporal and spatial slots, with
// random bypass and reuse switches. The same seed gives the same case.
// Imperfect cases lower bounds below the product of their factors.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_SUPPORT_RANDOMCASES_H
#define ACCEL_UNITTESTS_SUPPORT_RANDOMCASES_H

#include "accel/Model/Architecture.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

#include <cstdint>
#include <random>
#include <string>

namespace accel::testing {

struct RandomCase {
  model::Workload workload;
  model::Architecture arch;
  model::Mapping mapping;
  std::string description;
};

model::Workload randomWorkload(std::mt19937_64 &rng);
RandomCase randomCase(uint64_t seed);

/// A random case whose mapping has imperfect factors: the case of the same
/// seed with some bounds lowered below the product of their factors, and
/// residuals derived. Every case has at least one imperfect loop.
RandomCase randomImperfectCase(uint64_t seed);

} // namespace accel::testing

#endif // ACCEL_UNITTESTS_SUPPORT_RANDOMCASES_H
