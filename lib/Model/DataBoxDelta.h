//===- DataBoxDelta.h - What a tile fetches after its previous one -*- C++ -*-===//
//
// Internal to the model. ClippedNestAnalysis describes every child tile as
// a box of its data space and what the child fetches at a visit as the
// tile minus the previous tile. Children whose fetches are the same set of
// words share one multicast access, so a fetch carries a canonical key:
// equal sets have equal keys. The set (box \ box) is written as its
// bounding box plus the hole the overlap leaves in it.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MODEL_DATABOXDELTA_H
#define ACCEL_LIB_MODEL_DATABOXDELTA_H

#include "accel/Model/Workload.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cstdint>

namespace accel::model::detail {

/// A box in a data space (inclusive bounds per rank), possibly empty.
struct DataBox {
  int64_t low[kMaxRanks];
  int64_t high[kMaxRanks];
  bool empty = true;

  int64_t size(int ranks) const {
    if (empty)
      return 0;
    int64_t n = 1;
    for (int r = 0; r < ranks; ++r)
      n *= high[r] - low[r] + 1;
    return n;
  }
};

/// The words a child fetches: how many, and the canonical key of the set
/// (with a hash so that sorting children by key rarely compares keys).
struct Delta {
  int64_t size = 0;
  uint64_t hash = 0;
  llvm::SmallVector<int64_t, 2 * kMaxRanks + 1> key;

  bool sameWords(const Delta &other) const {
    return hash == other.hash && key == other.key;
  }
  bool before(const Delta &other) const {
    if (hash != other.hash)
      return hash < other.hash;
    return key < other.key;
  }
};

/// The data box of the problem-space box [start, start + extent) under the
/// data space's projection; empty when some extent is not positive.
inline void projectBox(const DataSpace &space, const int64_t *start,
                       const int64_t *extent, int numDims, DataBox &box) {
  box.empty = true;
  for (int d = 0; d < numDims; ++d)
    if (extent[d] <= 0)
      return;
  box.empty = false;
  for (size_t r = 0; r < space.ranks.size(); ++r) {
    int64_t lo = 0, hi = 0;
    for (const ProjectionTerm &term : space.ranks[r]) {
      int64_t a = term.coefficient * start[term.dimension];
      int64_t b = term.coefficient *
                  (start[term.dimension] + extent[term.dimension] - 1);
      lo += std::min(a, b);
      hi += std::max(a, b);
    }
    box.low[r] = lo;
    box.high[r] = hi;
  }
}

/// What a child fetches for tile `now` after tile `before`: the words not
/// in `before` when it reuses, else all of `now`.
inline void computeFetch(const DataBox &now, const DataBox &before, bool reuse,
                         int numRanks, Delta &out) {
  out.size = 0;
  out.hash = 0;
  out.key.clear();
  if (now.empty)
    return;
  int64_t whole = now.size(numRanks);
  DataBox overlap;
  overlap.empty = !reuse || before.empty;
  for (int r = 0; r < numRanks && !overlap.empty; ++r) {
    overlap.low[r] = std::max(now.low[r], before.low[r]);
    overlap.high[r] = std::min(now.high[r], before.high[r]);
    overlap.empty = overlap.low[r] > overlap.high[r];
  }
  out.size = whole - overlap.size(numRanks);
  if (out.size == 0)
    return;
  // Bounding box of now \ overlap: it shrinks along rank r only when the
  // overlap spans `now` along every other rank.
  DataBox bound;
  std::copy(now.low, now.low + numRanks, bound.low);
  std::copy(now.high, now.high + numRanks, bound.high);
  if (!overlap.empty)
    for (int r = 0; r < numRanks; ++r) {
      bool spansOthers = true;
      for (int o = 0; o < numRanks && spansOthers; ++o)
        spansOthers = o == r || (overlap.low[o] == now.low[o] &&
                                 overlap.high[o] == now.high[o]);
      if (!spansOthers)
        continue;
      if (overlap.low[r] == now.low[r])
        bound.low[r] = overlap.high[r] + 1;
      else if (overlap.high[r] == now.high[r])
        bound.high[r] = overlap.low[r] - 1;
    }
  for (int r = 0; r < numRanks; ++r) {
    out.key.push_back(bound.low[r]);
    out.key.push_back(bound.high[r]);
  }
  bool hole = !overlap.empty;
  for (int r = 0; r < numRanks && hole; ++r)
    hole = overlap.low[r] <= bound.high[r] && overlap.high[r] >= bound.low[r];
  out.key.push_back(hole);
  if (hole)
    for (int r = 0; r < numRanks; ++r) {
      out.key.push_back(std::max(overlap.low[r], bound.low[r]));
      out.key.push_back(std::min(overlap.high[r], bound.high[r]));
    }
  uint64_t hash = 1469598103934665603ull;
  for (int64_t value : out.key)
    hash = (hash ^ static_cast<uint64_t>(value)) * 1099511628211ull;
  out.hash = hash;
}

} // namespace accel::model::detail

#endif // ACCEL_LIB_MODEL_DATABOXDELTA_H
