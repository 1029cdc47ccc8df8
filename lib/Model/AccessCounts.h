//===- AccessCounts.h - Per-level reads, fills and updates ---------*- C++ -*-===//
//
// Internal to the model: turns the nest analysis records into per-instance
// scalar reads, fills and updates of every storage level (Timeloop's tile
// collapsing, partition sizes, bypass masking, link-transfer peer accesses
// and the read-modify-write rules; spec section 3).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MODEL_ACCESSCOUNTS_H
#define ACCEL_LIB_MODEL_ACCESSCOUNTS_H

#include "NestAnalysis.h"

#include "llvm/ADT/ArrayRef.h"

namespace accel::model::detail {

/// Fills the access fields of result.levels[s].dataSpaces[ds] (kept,
/// partition size, utilized capacity and instances, reads, fills, updates,
/// temporal reductions, link transfers, peer accesses, ingress histogram,
/// fanout) for data space `ds`. `records` is modified (bypass masking).
/// With `totals`, the records hold totals over each level's instances
/// (ClippedNestAnalysis), else per-instance figures.
void computeAccessCounts(const Workload &workload, const Architecture &arch,
                         const Mapping &mapping, const LoopNest &nest,
                         const EvaluationOptions &options, bool totals, int ds,
                         llvm::MutableArrayRef<LevelRecord> records,
                         Result &result);

} // namespace accel::model::detail

#endif // ACCEL_LIB_MODEL_ACCESSCOUNTS_H
