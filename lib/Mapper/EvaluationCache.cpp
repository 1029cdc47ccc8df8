//===- EvaluationCache.cpp - Recently evaluated plans ---------------------===//

#include "EvaluationCache.h"

#include "llvm/Support/MathExtras.h"

using namespace accel;
using namespace accel::mapper;
using namespace accel::mapper::detail;

EvaluationCache::EvaluationCache(size_t slots)
    : entries(llvm::PowerOf2Ceil(std::max<size_t>(slots, 1))),
      mask(entries.size() - 1) {}

namespace {
/// Two multiply-xorshift streams with different constants: a collision
/// needs both 64-bit hashes to agree.
struct PlanHasher {
  uint64_t first = 0x243F6A8885A308D3ull, second = 0x13198A2E03707344ull;
  void add(uint64_t word) {
    first = (first ^ word) * 0x9E3779B97F4A7C15ull;
    first ^= first >> 29;
    second = (second + word) * 0xC2B2AE3D27D4EB4Full;
    second ^= second >> 31;
  }
};
} // namespace

EvaluationCache::Key EvaluationCache::keyOf(const Plan &plan, int numDims) {
  PlanHasher hasher;
  for (const LevelPlan &level : plan.levels) {
    for (int d = 0; d < numDims; ++d) {
      hasher.add(static_cast<uint64_t>(level.temporal[d]));
      hasher.add(static_cast<uint64_t>(level.spatialX[d]));
      hasher.add(static_cast<uint64_t>(level.spatialY[d]));
    }
    // The order's length separates it from the next level's factors.
    hasher.add(level.order.size());
    for (int8_t loop : level.order)
      hasher.add(static_cast<uint64_t>(loop));
    hasher.add(level.keep);
  }
  return {hasher.first, hasher.second};
}

bool EvaluationCache::lookup(const Key &key, MetricValues &figures) const {
  const Entry &entry = entries[key.first & mask];
  if (!entry.used || !(entry.key == key))
    return false;
  figures = entry.figures;
  return true;
}

void EvaluationCache::insert(const Key &key, const MetricValues &figures) {
  Entry &entry = entries[key.first & mask];
  entry.key = key;
  entry.used = true;
  entry.figures = figures;
}
