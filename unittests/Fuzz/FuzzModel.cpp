//===- FuzzModel.cpp - libFuzzer target: the model on decoded cases -------===//
//
// The input's first bytes pick a random case (workload, architecture,
// mapping: unittests/Support/RandomCases); the rest edit it byte by byte
// (factors, residuals, loop order, keep bits, bounds, buffer sizes), so
// the fuzzer reaches malformed and extreme mappings as well as valid ones.
// Every counting mode must return without a crash, and a valid result
// must hold the invariants below.
//
//===----------------------------------------------------------------------===//

#include "../Support/RandomCases.h"
#include "accel/Model/Evaluation.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace accel;

namespace {

/// Bytes consumed from the front; zeros once exhausted.
struct Bytes {
  const uint8_t *data;
  size_t size;

  uint64_t take(int count) {
    uint64_t value = 0;
    for (int i = 0; i < count; ++i) {
      value = value << 8 | (size ? *data : 0);
      if (size)
        ++data, --size;
    }
    return value;
  }
  int64_t pick(int64_t low, int64_t high) {
    return low + static_cast<int64_t>(take(2) % static_cast<uint64_t>(
                                                    high - low + 1));
  }
};

std::vector<model::MappingLoop> &loopList(model::LevelMapping &level,
                                          int which) {
  return which == 0 ? level.temporal
                    : which == 1 ? level.spatialX : level.spatialY;
}

void edit(testing::RandomCase &c, Bytes &bytes) {
  model::Mapping &mapping = c.mapping;
  const int numLevels = static_cast<int>(mapping.levels.size());
  model::LevelMapping &level =
      mapping.levels[bytes.pick(0, numLevels - 1)];
  std::vector<model::MappingLoop> &loops =
      loopList(level, static_cast<int>(bytes.pick(0, 2)));
  model::MappingLoop *loop =
      loops.empty() ? nullptr
                    : &loops[bytes.pick(0, static_cast<int64_t>(loops.size()) - 1)];
  switch (bytes.take(1) % 8) {
  case 0:
    if (loop)
      loop->factor = bytes.pick(0, 70);
    break;
  case 1:
    if (loop)
      loop->residual = bytes.pick(0, loop->factor + 2);
    break;
  case 2:
    if (loops.size() >= 2)
      std::swap(loops.front(), loops.back());
    break;
  case 3:
    level.keep ^= 1u << bytes.pick(0, 3);
    break;
  case 4:
    loops.push_back({static_cast<int>(bytes.pick(
                         0, c.workload.numDimensions() - 1)),
                     bytes.pick(1, 9), 0});
    break;
  case 5: {
    model::Dimension &dim =
        c.workload.dimensions[bytes.pick(0, c.workload.numDimensions() - 1)];
    // Sometimes huge, to reach the overflow checks.
    dim.bound = bytes.take(1) % 16 == 0 ? int64_t(1) << bytes.pick(20, 62)
                                        : bytes.pick(1, 64);
    break;
  }
  case 6: {
    model::StorageLevel &storage =
        c.arch.storage[bytes.pick(0, c.arch.numLevels() - 1)];
    if (bytes.take(1) % 4 == 0)
      storage.size.reset();
    else
      storage.size = bytes.pick(1, 512);
    break;
  }
  default:
    level.noTemporalReuse ^= 1u << bytes.pick(0, 3);
    level.noMulticast ^= 1u << bytes.pick(0, 3);
    break;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Bytes bytes{data, size};
  uint64_t seed = bytes.take(4);
  bool imperfect = bytes.take(1) & 1;
  testing::RandomCase c = imperfect ? testing::randomImperfectCase(seed)
                                    : testing::randomCase(seed);
  for (int edits = 0; bytes.size && edits < 64; ++edits)
    edit(c, bytes);

  for (const model::EvaluationOptions &options :
       {model::EvaluationOptions(),
        model::timeloopOptions(model::TimeloopVersion::Master2024),
        model::timeloopOptions(model::TimeloopVersion::Master2025)}) {
    model::Result result =
        model::evaluate(c.workload, c.arch, c.mapping, options);
    if (!result.valid)
      continue;
    if (!std::isfinite(result.energy) || result.energy < 0 ||
        result.cycles < 1)
      __builtin_trap();
    // Counting exactly: every operation once, never above 100%.
    if (options.exactCounts &&
        (result.computes != c.workload.numOperations() ||
         result.utilization > 1.0 + 1e-9))
      __builtin_trap();
  }
  return 0;
}
