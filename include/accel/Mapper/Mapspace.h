//===- Mapspace.h - The space of mappings the mapper searches -----*- C++ -*-===//
//
// A mapping is built from decisions the mapspace enumerates:
//  - which tensors each level keeps (a "keep configuration"),
//  - the spatial factors of every fanout, along x and y,
//  - per storage level, outermost first, its temporal factors and the order
//    of its loops.
// Only loops with factor > 1 have an order, and orders that give every
// tensor the same reuse are one order: a tensor's reuse at a level depends
// on which loops sit inside its innermost relevant loop (and, for sliding
// windows, on the order of the window's loops). Capacity and fanout
// violations are pruned while a mapping is built, and every constraint is
// honoured.
//
// Factors are perfect (divisors of what remains of a dimension) or, with
// imperfect factors on, also factors that leave a partial last pass (Ruby's
// mapspace): what remains after a factor f of R is ceil(R / f), and a plan's
// residuals are derived from its factors (Mapping::deriveResiduals).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MAPPER_MAPSPACE_H
#define ACCEL_MAPPER_MAPSPACE_H

#include "accel/Model/Architecture.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/MappingConstraints.h"
#include "accel/Model/Workload.h"

#include "llvm/ADT/SmallVector.h"

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace accel::mapper {

using FactorVector = std::array<int64_t, model::kMaxDimensions>;
/// Loop order of a level: non-unit dimensions, innermost first.
using LoopOrder = llvm::SmallVector<int8_t, 8>;

/// The decisions for one storage level.
struct LevelPlan {
  FactorVector temporal;
  FactorVector spatialX;
  FactorVector spatialY;
  LoopOrder order;
  model::DataSpaceMask keep = 0;

  bool keeps(int ds) const { return (keep >> ds) & 1u; }
};

/// Decisions for every level, innermost first.
struct Plan {
  std::vector<LevelPlan> levels;
};

/// Spatial factors of every level (innermost first).
struct SpatialAssignment {
  std::vector<FactorVector> x, y;
  int64_t instances = 1; ///< compute instances used
};

class Mapspace {
public:
  /// With `imperfect`, factors need not divide what remains of their
  /// dimension (see factorChoices). Precondition: the constraints are
  /// satisfiable (`constraints.checkSatisfiable` succeeds).
  Mapspace(const model::Workload &workload, const model::Architecture &arch,
           const model::MappingConstraints &constraints,
           bool imperfect = false);

  const model::Workload &workload() const { return *workloadRef; }
  const model::Architecture &arch() const { return *archRef; }
  const model::MappingConstraints &constraints() const { return *constraintsRef; }
  int numLevels() const { return archRef->numLevels(); }
  int numDims() const { return workloadRef->numDimensions(); }
  int numDataSpaces() const { return workloadRef->numDataSpaces(); }

  /// Keep configurations: every combination of the free keep/bypass bits.
  uint64_t numKeepConfigurations() const { return uint64_t(1) << freeKeepBits.size(); }
  void keepConfiguration(uint64_t index, Plan &plan) const;
  /// The (level, data space) keep bits the mapper chooses.
  const std::vector<std::pair<int, int>> &freeKeeps() const {
    return freeKeepBits;
  }
  /// Whether a keep configuration leaves every tensor kept somewhere.
  bool keepsEverything(const Plan &plan) const;

  /// Every spatial assignment (up to `limit`; returns false if there are
  /// more), in a deterministic order, most compute instances first.
  bool spatialAssignments(std::vector<SpatialAssignment> &out,
                          size_t limit) const;
  /// A uniformly drawn valid spatial assignment (prime factors placed at
  /// random, retried until valid), or false.
  bool randomSpatial(std::mt19937_64 &rng, SpatialAssignment &out) const;
  void applySpatial(const SpatialAssignment &spatial, Plan &plan) const;
  /// Packs the axes of fanout level `s` (capacities `capX`, `capY` left)
  /// with dimensions not yet spatial there, in random order: half the time
  /// each axis by packFullest, else each dimension taking the largest
  /// spatial factor that fits what is left (one time in four a random
  /// smaller one). Updates `remaining` and the capacities.
  void packAxes(int s, std::mt19937_64 &rng, FactorVector &remaining,
                int64_t &capX, int64_t &capY, SpatialAssignment &out) const;
  /// Axes up to this size may be packed to their fullest (a search over
  /// the products that fit).
  static constexpr int64_t kMaxPackedCapacity = 4096;
  /// Gives the y (or x) axis of fanout level `s` the combination of
  /// factors of the dimensions `dims` (at most one each, those the axis
  /// allows and not yet spatial at the level) with the largest product
  /// within `capacity`: the first found in the order of `dims` and of
  /// shuffled factors. Updates `remaining` and `capacity`.
  void packFullest(int s, bool yAxis, std::mt19937_64 &rng,
                   llvm::ArrayRef<int> dims, FactorVector &remaining,
                   int64_t &capacity, SpatialAssignment &out) const;
  /// Spatial factors of 1 everywhere.
  static SpatialAssignment unitSpatial(int numLevels);

  /// Temporal factor vectors level `s` may take given the per-dimension
  /// quotient `remaining` still to distribute (levels outside decided,
  /// spatial factors of the level and below excluded). At level 0 the whole
  /// quotient must be taken. Choices whose remaining tile does not fit
  /// level s-1 (under `plan`'s keep masks) are left out.
  void temporalChoices(int s, const FactorVector &remaining, const Plan &plan,
                       std::vector<FactorVector> &out) const;
  /// Per dimension, the temporal factors level `s` may take (before the
  /// capacity check of the level below); false if some dimension has none.
  bool temporalOptions(int s, const FactorVector &remaining,
                       std::vector<std::vector<int64_t>> &options) const;
  /// Whether taking `choice` at level `s` leaves a tile that fits level
  /// s-1 (always true at level 0).
  bool choiceFits(int s, const FactorVector &remaining,
                  const FactorVector &choice, const Plan &plan) const;

  /// Representative loop orders of level `s` for the non-unit dimensions in
  /// `loops` (a bitmask), honouring the order constraints. Levels with more
  /// than kMaxPermutedLoops free loops get a deterministic sample instead
  /// of every order, and ordersTruncated() becomes true.
  const std::vector<LoopOrder> &orders(int s, uint32_t loops) const;
  bool ordersTruncated() const { return truncatedOrders; }
  static constexpr int kMaxPermutedLoops = 7;

  /// Rearranges `order` (any order of the level's non-unit loops) to honour
  /// the level's order constraints, keeping the relative order of the rest.
  void normalizeOrder(int s, LoopOrder &order) const;
  /// Non-unit temporal dimensions of a level, as a bitmask.
  static uint32_t loopMask(const LevelPlan &level, int numDims);
  /// Whether level `s` can have temporal loops at all.
  bool hasTemporalLoops(int s) const { return temporalLevel[s]; }

  /// A random temporal choice for level `s` (as temporalChoices would
  /// offer), or false if none was found.
  bool randomTemporal(int s, const FactorVector &remaining, const Plan &plan,
                      std::mt19937_64 &rng, FactorVector &choice) const;
  /// A random complete plan: keep configuration, spatial factors, temporal
  /// factors from the outermost level in, and orders. False if the attempt
  /// failed (retry with the same generator).
  bool randomPlan(std::mt19937_64 &rng, Plan &plan) const;

  /// Whether tiles with `extents` fit level `s` keeping `keep`.
  bool fits(int s, const FactorVector &extents, model::DataSpaceMask keep) const;

  /// The model mapping of a complete plan, residuals derived.
  void toMapping(const Plan &plan, model::Mapping &mapping) const;

  /// Divisors of n in ascending order (cached).
  const std::vector<int64_t> &divisors(int64_t n) const;

  /// The factors a loop may take from `remaining` (ascending, cached): its
  /// divisors and, with imperfect factors, the smallest factor for each
  /// tile ceil(remaining / f) that divides the next 7-smooth number at or
  /// above `remaining` (197 remaining gives tiles of 200's divisors: 8, 20,
  /// 25, 50, ... from factors 25, 10, 8, 4, ...). A larger factor with the
  /// same tile only pads.
  const std::vector<int64_t> &factorChoices(int64_t remaining) const;
  /// The spatial factors a loop may take from `remaining` with `capacity`
  /// instances left on its axis: factorChoices up to the capacity and, with
  /// imperfect factors, the smallest factors filling the axis or a half,
  /// third or quarter of it (Ruby-S: a partial last row).
  void spatialChoices(int64_t remaining, int64_t capacity,
                      llvm::SmallVectorImpl<int64_t> &out) const;
  /// What remains of a dimension after a factor: ceil(remaining / factor).
  static int64_t quotient(int64_t remaining, int64_t factor) {
    return remaining / factor + (remaining % factor != 0);
  }
  bool allowsImperfect() const { return imperfect; }
  /// Turns imperfect factors on or off (the search explores the perfect
  /// subspace first).
  void setImperfect(bool on) { imperfect = on; }

private:
  void computeOrders(int s, uint32_t loops, std::vector<LoopOrder> &out) const;

  const model::Workload *workloadRef;
  const model::Architecture *archRef;
  const model::MappingConstraints *constraintsRef;
  bool imperfect;
  /// (level, data space) pairs whose keep bit the mapper chooses.
  std::vector<std::pair<int, int>> freeKeepBits;
  std::vector<model::DataSpaceMask> forcedKeep;
  std::vector<bool> temporalLevel;
  mutable bool truncatedOrders = false;
  /// Per data space: dimensions it depends on; whether it has a
  /// sliding-window rank (two or more terms).
  std::vector<uint32_t> relevantDims;
  std::vector<bool> slidingWindow;
  // Node-based maps: references handed out stay valid as they grow.
  mutable std::unordered_map<uint64_t, std::vector<LoopOrder>> orderCache;
  mutable std::unordered_map<int64_t, std::vector<int64_t>> divisorCache;
  mutable std::unordered_map<int64_t, std::vector<int64_t>> choiceCache;
};

} // namespace accel::mapper

#endif // ACCEL_MAPPER_MAPSPACE_H
