//===- RandomCases.cpp - Seeded random workloads, architectures, mappings -===//

#include "RandomCases.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

using namespace accel;
using namespace accel::model;

static Rank rank(std::initializer_list<std::pair<int, int64_t>> terms) {
  Rank result;
  for (auto [dim, coefficient] : terms)
    result.push_back({dim, coefficient});
  return result;
}

Workload accel::testing::randomWorkload(std::mt19937_64 &rng) {
  auto bound = [&]() {
    static const int64_t choices[] = {1, 2, 2, 3, 4, 4, 6, 8, 12};
    return choices[rng() % 9];
  };
  Workload w;
  switch (rng() % 4) {
  case 0: { // conv1d with stride and dilation
    int64_t stride = 1 + rng() % 2, dilation = 1 + rng() % 2;
    w.dimensions = {{"R", 1 + static_cast<int64_t>(rng() % 3)}, {"P", bound() * 2}};
    w.dataSpaces = {{"Weights", {rank({{0, 1}})}, false},
                    {"Inputs", {rank({{0, dilation}, {1, stride}})}, false},
                    {"Outputs", {rank({{1, 1}})}, true}};
    break;
  }
  case 1: // conv1d with output channels
    w.dimensions = {{"K", bound()}, {"R", 1 + static_cast<int64_t>(rng() % 3)},
                    {"P", bound()}};
    w.dataSpaces = {{"Weights", {rank({{0, 1}}), rank({{1, 1}})}, false},
                    {"Inputs", {rank({{1, 1}, {2, 1}})}, false},
                    {"Outputs", {rank({{0, 1}}), rank({{2, 1}})}, true}};
    break;
  case 2: // small 2-D convolution
    w.dimensions = {{"C", 1 + static_cast<int64_t>(rng() % 2)},
                    {"K", bound()},
                    {"R", 1 + static_cast<int64_t>(rng() % 3)},
                    {"S", 1 + static_cast<int64_t>(rng() % 2)},
                    {"P", bound()},
                    {"Q", 1 + static_cast<int64_t>(rng() % 3)}};
    w.dataSpaces = {
        {"Weights", {rank({{1, 1}}), rank({{0, 1}}), rank({{2, 1}}), rank({{3, 1}})}, false},
        {"Inputs", {rank({{0, 1}}), rank({{2, 1}, {4, 1}}), rank({{3, 1}, {5, 1}})}, false},
        {"Outputs", {rank({{1, 1}}), rank({{4, 1}}), rank({{5, 1}})}, true}};
    break;
  default: // matmul
    w.dimensions = {{"M", bound()}, {"N", bound()}, {"K", bound()}};
    w.dataSpaces = {{"A", {rank({{0, 1}}), rank({{2, 1}})}, false},
                    {"B", {rank({{2, 1}}), rank({{1, 1}})}, false},
                    {"C", {rank({{0, 1}}), rank({{1, 1}})}, true}};
    break;
  }
  return w;
}

accel::testing::RandomCase accel::testing::randomCase(uint64_t seed) {
  std::mt19937_64 rng(seed);
  RandomCase c;
  c.workload = randomWorkload(rng);
  const Workload &w = c.workload;
  const int numDims = w.numDimensions();
  const int numLevels = 2 + static_cast<int>(rng() % 3);

  // Architecture: fanouts below some levels, meshes from the outside in.
  std::vector<int64_t> fanX(numLevels, 1), fanY(numLevels, 1);
  for (int s = 0; s < numLevels; ++s)
    if (rng() % 2) {
      fanX[s] = 1 + rng() % 4;
      fanY[s] = rng() % 3 == 0 ? 2 : 1;
    }
  c.arch.storage.resize(numLevels);
  int64_t meshX = 1, meshY = 1;
  for (int s = numLevels - 1; s >= 0; --s) {
    StorageLevel &level = c.arch.storage[s];
    level.name = "L" + std::to_string(s);
    level.technology = s == numLevels - 1 ? Technology::DRAM : Technology::SRAM;
    level.meshX = meshX;
    level.meshY = meshY;
    level.instances = meshX * meshY;
    meshX *= fanX[s];
    meshY *= fanY[s];
  }
  c.arch.compute.meshX = meshX;
  c.arch.compute.meshY = meshY;
  c.arch.compute.instances = meshX * meshY;
  // The generator only builds consistent architectures (also used by the
  // model fuzzer, outside any test).
  if (llvm::Error error = c.arch.finalize())
    llvm::report_fatal_error(llvm::Twine("random architecture: ") +
                             llvm::toString(std::move(error)));

  // Mapping: spread each dimension's prime factors over the slots.
  c.mapping = Mapping::empty(numLevels);
  std::vector<int64_t> capX(fanX), capY(fanY);
  std::vector<std::vector<int64_t>> temporal(numLevels, std::vector<int64_t>(numDims, 1));
  auto spatialX = temporal, spatialY = temporal;
  // A dimension takes one spatial axis per level.
  std::vector<std::vector<int>> axis(numLevels, std::vector<int>(numDims));
  for (auto &levelAxes : axis)
    for (int &a : levelAxes)
      a = 1 + static_cast<int>(rng() % 2);
  for (int d = 0; d < numDims; ++d) {
    int64_t rest = w.dimensions[d].bound;
    for (int64_t prime : {2, 3})
      while (rest % prime == 0) {
        rest /= prime;
        for (int attempt = 0;; ++attempt) {
          int s = static_cast<int>(rng() % numLevels);
          int slot = rng() % 2 ? 0 : axis[s][d];
          if (slot == 1 && capX[s] % prime == 0 && attempt < 8) {
            capX[s] /= prime;
            spatialX[s][d] *= prime;
          } else if (slot == 2 && capY[s] % prime == 0 && attempt < 8) {
            capY[s] /= prime;
            spatialY[s][d] *= prime;
          } else if (slot == 0 || attempt >= 8) {
            temporal[s][d] *= prime;
          } else {
            continue;
          }
          break;
        }
      }
  }
  for (int s = 0; s < numLevels; ++s) {
    LevelMapping &level = c.mapping.levels[s];
    std::vector<int> order(numDims);
    for (int d = 0; d < numDims; ++d)
      order[d] = d;
    std::shuffle(order.begin(), order.end(), rng);
    for (int d : order) {
      if (temporal[s][d] > 1)
        level.temporal.push_back({d, temporal[s][d]});
      if (spatialX[s][d] > 1)
        level.spatialX.push_back({d, spatialX[s][d]});
      if (spatialY[s][d] > 1)
        level.spatialY.push_back({d, spatialY[s][d]});
    }
    if (s < numLevels - 1) {
      level.keep = static_cast<DataSpaceMask>(rng() % (1u << w.numDataSpaces()));
      if (rng() % 8 == 0)
        level.noTemporalReuse = static_cast<DataSpaceMask>(rng() % 8);
      if (rng() % 8 == 0)
        level.noMulticast = static_cast<DataSpaceMask>(rng() % 8);
    }
  }
  c.description = "seed " + std::to_string(seed);
  return c;
}


accel::testing::RandomCase accel::testing::randomImperfectCase(uint64_t seed) {
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ull);
  for (uint64_t attempt = 0;; ++attempt) {
    RandomCase c = randomCase(seed * 7919 + attempt);
    Workload &w = c.workload;
    // Grow some temporal factors (or add loops) so that several loops of a
    // dimension, inside and outside fanouts, can end up imperfect.
    for (int s = 0; s < c.arch.numLevels(); ++s) {
      LevelMapping &level = c.mapping.levels[s];
      for (MappingLoop &loop : level.temporal)
        if (rng() % 3 == 0) {
          int64_t grow = 2 + static_cast<int64_t>(rng() % 3);
          loop.factor *= grow;
          w.dimensions[loop.dimension].bound *= grow;
        }
      int d = static_cast<int>(rng() % w.numDimensions());
      bool present = false;
      for (const MappingLoop &loop : level.temporal)
        present |= loop.dimension == d;
      if (!present && rng() % 3 == 0) {
        int64_t factor = 2 + static_cast<int64_t>(rng() % 3);
        level.temporal.insert(level.temporal.begin() +
                                  static_cast<long>(rng() % (level.temporal.size() + 1)),
                              {d, factor});
        w.dimensions[d].bound *= factor;
      }
    }
    int64_t points = 1;
    for (const Dimension &dim : w.dimensions)
      points *= dim.bound;
    if (points > 20000)
      continue;
    bool lowered = false;
    for (int d = 0; d < w.numDimensions(); ++d) {
      int64_t bound = w.dimensions[d].bound;
      if (bound < 2 || rng() % 3 == 0)
        continue;
      // Any bound the factors still cover (their product is `bound`).
      w.dimensions[d].bound = 1 + static_cast<int64_t>(rng() % (bound - 1));
      lowered = true;
    }
    if (!lowered)
      continue;
    if (!c.mapping.deriveResiduals(w))
      llvm::report_fatal_error("random imperfect case: residuals not derived");
    if (!c.mapping.isImperfect())
      continue;
    c.description = "imperfect seed " + std::to_string(seed) + " (case " +
                    std::to_string(seed * 7919 + attempt) + ")";
    return c;
  }
}
