//===- EvaluationCache.h - Recently evaluated plans -------------*- C++ -*-===//
//
// Internal to the mapper. A local search revisits plans often (a move and
// its reverse, a polish pass trying orders a climb already tried): half to
// two thirds of its evaluations, measured on ResNet-18 and MobileNetV3
// layers. The cache answers them without the model. It is direct-mapped
// (a new plan evicts the old one in its slot), keyed by two independent
// 64-bit hashes of the plan's decisions, and holds only the figures
// objectives are made of.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MAPPER_EVALUATIONCACHE_H
#define ACCEL_LIB_MAPPER_EVALUATIONCACHE_H

#include "accel/Mapper/Mapspace.h"
#include "accel/Mapper/Objective.h"

#include <vector>

namespace accel::mapper::detail {

class EvaluationCache {
public:
  struct Key {
    uint64_t first = 0, second = 0;
    bool operator==(const Key &other) const {
      return first == other.first && second == other.second;
    }
  };

  /// `slots` is rounded up to a power of two.
  explicit EvaluationCache(size_t slots = size_t(1) << 15);

  /// The key of a complete plan of a workload with `numDims` dimensions.
  static Key keyOf(const Plan &plan, int numDims);

  /// Whether `key` is cached; if so, its figures are in `figures`.
  bool lookup(const Key &key, MetricValues &figures) const;
  void insert(const Key &key, const MetricValues &figures);

private:
  struct Entry {
    Key key;
    bool used = false;
    MetricValues figures;
  };
  std::vector<Entry> entries;
  size_t mask;
};

} // namespace accel::mapper::detail

#endif // ACCEL_LIB_MAPPER_EVALUATIONCACHE_H
