//===- NestAnalysis.cpp - Tiles and access histograms of a nest -----------===//
//
// Closed form of Timeloop's nest analysis (spec sections 2.1-2.6).
//
// Take a storage level s and its child (the level inside it, or the compute
// units). The child's tile moves when a temporal loop above the child's
// boundary advances; call those loops a_1 (innermost) .. a_k, with trip
// counts n_j and problem-space steps s_j. Between two consecutive tiles the
// translation is
//   D_j = s_j - sum_{i<j} w_i s_i   when loop a_j advanced (inner loops reset)
// with w_i = n_i - 1 when every iteration is counted and w_i = 1 under
// Timeloop's two-iteration extrapolation (the inner loops only ever reached
// their second iteration). Timeloop's reuse filter fetches the part of the
// new tile not in the old one when the translation equals the previous one
// (or the previous one was reset), and the whole tile otherwise. Because a
// type-1 advance (a_1) always sits between two advances of outer loops, the
// delta of an a_1 advance is always "tile minus tile shifted by d_1", and the
// delta of an a_j advance (j > 1) is "tile minus tile shifted by d_j" when
// d_j == d_1 and the whole tile otherwise (d = D projected onto the data
// space). Advances of a_j happen (n_j - 1) * prod_{i>j} n_i times in both
// counting modes, so the words the child receives are
//   full + sum_j (n_j - 1) prod_{i>j} n_i |delta_j|.
//
// Across a spatial fanout every child's delta is the first child's delta
// translated by the child's position, so multicast groups are the positions
// with equal translations; link transfers additionally compare with the
// deltas of the previous visit, which depend on the pair (previous advance,
// current advance): the "visit kinds" below enumerate those pairs with
// their multiplicities.
//
//===----------------------------------------------------------------------===//

#include "NestAnalysis.h"
#include "accel/Model/CheckedMath.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

using namespace accel::model;
using namespace accel::model::detail;

namespace {
enum class DeltaShape : uint8_t { Empty, Slab, Full };
} // namespace

/// One kind of visit of a spatial level: `weight` visits whose child delta
/// has `size` words. When the previous visit's delta had the same shape, a
/// child can take its data from a neighbour that was `transition`'s
/// translation away (link transfer).
struct NestAnalysis::VisitKind {
  int64_t weight;
  int64_t size;
  bool linkEligible;
  int transition; ///< index into temporalAbove, -1 for the first visit
};

static int64_t coefficientIndex(int ds, int rank, int dim) {
  return (static_cast<int64_t>(ds) * kMaxRanks + rank) * kMaxDimensions + dim;
}

bool NestAnalysis::run(const Workload &theWorkload, const Architecture &theArch,
                       const Mapping &theMapping, const LoopNest &theNest,
                       const EvaluationOptions &theOptions,
                       llvm::SmallVectorImpl<LevelRecord> &records) {
  // The coefficient matrix depends on the workload alone, which an
  // Evaluator (the owner of this analysis) never changes.
  const bool sameWorkload = workload == &theWorkload;
  workload = &theWorkload;
  arch = &theArch;
  mapping = &theMapping;
  nest = &theNest;
  options = &theOptions;
  overflow = false;

  const int numLevels = arch->numLevels();
  const int numDataSpaces = workload->numDataSpaces();
  const auto &loops = nest->loops;
  const int numLoops = static_cast<int>(loops.size());

  // Tile extents (points per dimension) at each boundary and master loop.
  boundaryExtents.assign(static_cast<size_t>(numLevels) * kMaxDimensions, 1);
  unionExtents.assign(static_cast<size_t>(numLevels) * kMaxDimensions, 1);
  int64_t running[kMaxDimensions];
  std::fill(running, running + kMaxDimensions, 1);
  for (int l = 0; l < numLoops; ++l) {
    const NestLoop &loop = loops[l];
    running[loop.dimension] *= loop.end;
    if (l == nest->masterSpatial[loop.level])
      std::copy(running, running + kMaxDimensions,
                unionExtents.begin() + loop.level * kMaxDimensions);
    if (l == nest->boundary[loop.level])
      std::copy(running, running + kMaxDimensions,
                boundaryExtents.begin() + loop.level * kMaxDimensions);
  }

  // Dense coefficient matrix: translations are linear in it.
  if (!sameWorkload) {
    coefficients.assign(
        static_cast<size_t>(numDataSpaces) * kMaxRanks * kMaxDimensions, 0);
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      const auto &ranks = workload->dataSpaces[ds].ranks;
      for (int r = 0, e = static_cast<int>(ranks.size()); r < e; ++r)
        for (const ProjectionTerm &term : ranks[r])
          coefficients[coefficientIndex(ds, r, term.dimension)] +=
              term.coefficient;
    }
  }

  records.resize(static_cast<size_t>(numLevels) * numDataSpaces);
  for (int s = 0; s < numLevels; ++s) {
    int child = s == 0 ? -1 : nest->boundary[s - 1];
    temporalAbove.clear();
    for (int l = child + 1; l < numLoops; ++l)
      if (!loops[l].isSpatial() && loops[l].end > 1)
        temporalAbove.push_back({loops[l].dimension, loops[l].end,
                                 loops[l].stride});

    // Spatial instances of the level in use, and spatial loops below it.
    auto [maxX, maxY] = nest->spatialExtentAbove(s);
    int64_t replication = maxX * maxY;
    int64_t fanout = 1;
    if (nest->masterSpatial[s] >= 0)
      for (int l = nest->firstLoop[s]; l <= nest->masterSpatial[s]; ++l)
        fanout *= loops[l].end;

    for (int ds = 0; ds < numDataSpaces; ++ds) {
      LevelRecord &record = records[static_cast<size_t>(s) * numDataSpaces + ds];
      record.accesses.clear();
      record.linkTransfers = 0;
      record.replication = replication;
      record.maxX = maxX;
      record.maxY = maxY;
      record.fanout = fanout;
      analyzeLevel(s, ds, record);
    }
  }
  return !overflow;
}

/// Adds `accesses` to the histogram entry (multicast, scatter).
static void addAccesses(llvm::SmallVectorImpl<AccessEntry> &histogram,
                        int64_t multicast, int64_t scatter, double accesses) {
  for (AccessEntry &entry : histogram)
    if (entry.multicast == multicast && entry.scatter == scatter) {
      entry.accesses += accesses;
      return;
    }
  histogram.push_back({multicast, scatter, accesses});
}

void NestAnalysis::analyzeLevel(int s, int ds, LevelRecord &record) {
  const auto &ranks = workload->dataSpaces[ds].ranks;
  const int numRanks = static_cast<int>(ranks.size());
  const int k = static_cast<int>(temporalAbove.size());

  record.tileSize = workload->projectedSize(
      ds, &boundaryExtents[static_cast<size_t>(s) * kMaxDimensions]);
  record.unionSize =
      nest->masterSpatial[s] >= 0
          ? workload->projectedSize(
                ds, &unionExtents[static_cast<size_t>(s) * kMaxDimensions])
          : record.tileSize;
  if (record.tileSize < 0 || record.unionSize < 0) {
    overflow = true;
    return;
  }

  // The child's tile, rank by rank. The compute units consume one point
  // per operation and filter nothing.
  const bool childIsPoint = s == 0;
  int64_t childExtent[kMaxRanks];
  int64_t full = 1;
  if (!childIsPoint) {
    const int64_t *extents =
        &boundaryExtents[static_cast<size_t>(s - 1) * kMaxDimensions];
    for (int r = 0; r < numRanks; ++r) {
      int64_t span = 1;
      for (const ProjectionTerm &term : ranks[r])
        span += std::llabs(term.coefficient) * (extents[term.dimension] - 1);
      childExtent[r] = span;
      full = mulChecked(full, span, overflow);
    }
  }
  const bool noReuse =
      !childIsPoint && ((mapping->levels[s - 1].noTemporalReuse >> ds) & 1u);

  // Data-space translation d_j of each advance, rank by rank.
  llvm::SmallVector<int64_t, 64> translation(static_cast<size_t>(k) * numRanks);
  int64_t prefix[kMaxRanks] = {};
  for (int j = 0; j < k; ++j) {
    const TemporalLoop &loop = temporalAbove[j];
    int64_t weight = options->exactCounts ? loop.end - 1 : 1;
    for (int r = 0; r < numRanks; ++r) {
      int64_t step =
          coefficients[coefficientIndex(ds, r, loop.dimension)] * loop.stride;
      translation[static_cast<size_t>(j) * numRanks + r] = step - prefix[r];
      prefix[r] = addChecked(prefix[r], mulChecked(weight, step, overflow),
                             overflow);
    }
  }
  auto translationOf = [&](int j) {
    return &translation[static_cast<size_t>(j) * numRanks];
  };
  auto sameTranslation = [&](int a, int b) {
    return std::equal(translationOf(a), translationOf(a) + numRanks,
                      translationOf(b));
  };

  // Shape and size of the child's delta when loop j advances.
  auto shiftedDelta = [&](const int64_t *d, int64_t &size) {
    if (std::all_of(d, d + numRanks, [](int64_t x) { return x == 0; })) {
      size = 0;
      return DeltaShape::Empty;
    }
    int64_t overlap = 1;
    for (int r = 0; r < numRanks; ++r)
      overlap *= std::max<int64_t>(0, childExtent[r] - std::llabs(d[r]));
    size = full - overlap;
    return overlap == 0 ? DeltaShape::Full : DeltaShape::Slab;
  };
  // The stride the filter remembers when an outer loop advances is that of
  // a_1, which advanced just before. Since January 2025 Timeloop ignores
  // moves of zero (a stationary tile keeps the remembered stride): then it
  // is that of the innermost loop that moves the tile, a_m (the loops
  // inside a_m do not move it at all), and an advance that leaves the tile
  // in place costs nothing.
  auto stationary = [&](int j) {
    const int64_t *d = translationOf(j);
    return std::all_of(d, d + numRanks, [](int64_t x) { return x == 0; });
  };
  int moving = 0;
  if (options->stationaryKeepsStride)
    while (moving < k && stationary(moving))
      ++moving;
  llvm::SmallVector<DeltaShape, 16> shape(k);
  llvm::SmallVector<int64_t, 16> size(k);
  for (int j = 0; j < k; ++j) {
    bool reuse = j == moving || (moving < k && sameTranslation(j, moving)) ||
                 (options->stationaryKeepsStride && stationary(j));
    if (childIsPoint || noReuse || !reuse) {
      shape[j] = DeltaShape::Full;
      size[j] = full;
    } else {
      shape[j] = shiftedDelta(translationOf(j), size[j]);
    }
  }

  // Advances of loop j happen (n_j - 1) * prod_{i>j} n_i times.
  llvm::SmallVector<int64_t, 16> advances(k);
  int64_t outer = 1;
  for (int j = k - 1; j >= 0; --j) {
    advances[j] = mulChecked(temporalAbove[j].end - 1, outer, overflow);
    outer = mulChecked(outer, temporalAbove[j].end, overflow);
  }

  int64_t content = full;
  for (int j = 0; j < k; ++j)
    content = addChecked(content, mulChecked(advances[j], size[j], overflow),
                         overflow);

  if (nest->masterSpatial[s] < 0) {
    addAccesses(record.accesses, 1, 1, static_cast<double>(content));
    return;
  }

  // Visits of the spatial fanout, by (previous advance, current advance).
  llvm::SmallVector<VisitKind, 16> kinds;
  kinds.push_back({1, full, false, -1});
  if (k > 0) {
    if (childIsPoint) {
      for (int j = 0; j < k; ++j)
        kinds.push_back({advances[j], full, true, j});
    } else {
      auto sameShape = [&](int cur, DeltaShape prev) {
        return size[cur] > 0 && shape[cur] == prev;
      };
      const int64_t firstInner = temporalAbove[0].end - 1;
      if (options->exactCounts) {
        kinds.push_back({1, size[0], sameShape(0, DeltaShape::Full), 0});
        int64_t repeats =
            mulChecked(temporalAbove[0].end - 2, advances[0] / firstInner,
                       overflow);
        kinds.push_back({repeats, size[0], sameShape(0, shape[0]), 0});
        for (int j = 1; j < k; ++j)
          kinds.push_back({advances[j], size[0], sameShape(0, shape[j]), 0});
      } else {
        kinds.push_back({firstInner, size[0], sameShape(0, DeltaShape::Full), 0});
        for (int j = 1; j < k; ++j)
          kinds.push_back({mulChecked(firstInner, advances[j], overflow),
                           size[0], sameShape(0, shape[j]), 0});
      }
      for (int j = 1; j < k; ++j)
        kinds.push_back({advances[j], size[j], sameShape(j, shape[0]), j});
    }
  }
  analyzeSpatial(s, ds, kinds, record);
  (void)content;
}

void NestAnalysis::analyzeSpatial(int s, int ds,
                                  llvm::ArrayRef<VisitKind> kinds,
                                  LevelRecord &record) {
  const auto &loops = nest->loops;
  const int numRanks = static_cast<int>(workload->dataSpaces[ds].ranks.size());
  const int first = nest->firstLoop[s], master = nest->masterSpatial[s];
  const int numBlock = master - first + 1;

  int64_t fanX = 1, fanY = 1;
  for (int l = first; l <= master; ++l)
    (loops[l].kind == LoopKind::SpatialX ? fanX : fanY) *= loops[l].end;
  const int64_t positions = fanX * fanY;
  const int64_t width = std::max(arch->storage[s].fanoutX, fanX);
  const int64_t height = std::max(arch->storage[s].fanoutY, fanY);

  int64_t step[16][kMaxRanks];
  // Loops that do not move the data space (every step zero) only multicast;
  // when the others move disjoint sets of ranks, every combination of their
  // indices is a distinct translation.
  int64_t multicastExtent = 1;
  bool distinctTranslations = true;
  uint32_t movedRanks = 0;
  int64_t rankSpread[kMaxRanks] = {};
  for (int b = 0; b < numBlock; ++b) {
    const NestLoop &loop = loops[first + b];
    uint32_t ranksMoved = 0;
    for (int r = 0; r < numRanks; ++r) {
      step[b][r] =
          coefficients[coefficientIndex(ds, r, loop.dimension)] * loop.stride;
      if (step[b][r] != 0)
        ranksMoved |= 1u << r;
      rankSpread[r] += std::llabs(step[b][r]) * (loop.end - 1);
    }
    if (ranksMoved == 0)
      multicastExtent *= loop.end;
    else if (ranksMoved & movedRanks)
      distinctTranslations = false;
    movedRanks |= ranksMoved;
  }

  // Translation of every child position (mixed radix, innermost loop
  // fastest), computed when grouping or link transfers need it.
  bool haveTranslations = false, scalarTranslations = false;
  auto computeTranslations = [&] {
    if (haveTranslations)
      return;
    haveTranslations = true;
    positionTranslations.assign(static_cast<size_t>(positions) * numRanks, 0);
    int64_t digits[16] = {};
    int64_t current[kMaxRanks] = {};
    for (int64_t p = 0; p < positions; ++p) {
      std::copy(current, current + numRanks,
                &positionTranslations[static_cast<size_t>(p) * numRanks]);
      for (int b = 0; b < numBlock; ++b) {
        const int64_t end = loops[first + b].end;
        if (++digits[b] < end) {
          for (int r = 0; r < numRanks; ++r)
            current[r] += step[b][r];
          break;
        }
        digits[b] = 0;
        for (int r = 0; r < numRanks; ++r)
          current[r] -= step[b][r] * (end - 1);
      }
    }
    // Equal translations are found by sorting; one integer per position
    // sorts faster than rank vectors. Encode each rank's offset from its
    // smallest value in mixed radix, rank 0 most significant (the same
    // order as comparing the vectors), when the radices' product fits.
    scalarTranslations = true;
    int64_t lowest[kMaxRanks], weight[kMaxRanks];
    int64_t capacity = 1;
    for (int r = numRanks - 1; r >= 0; --r) {
      int64_t low = 0, high = 0;
      for (int b = 0; b < numBlock; ++b) {
        int64_t reach = step[b][r] * (loops[first + b].end - 1);
        (reach < 0 ? low : high) += reach;
      }
      lowest[r] = low;
      weight[r] = capacity;
      bool overflowed = false;
      capacity = mulChecked(capacity, high - low + 1, overflowed);
      if (overflowed || capacity > (int64_t(1) << 62)) {
        scalarTranslations = false;
        break;
      }
    }
    if (!scalarTranslations)
      return;
    positionScalars.resize(positions);
    for (int64_t p = 0; p < positions; ++p) {
      const int64_t *t =
          &positionTranslations[static_cast<size_t>(p) * numRanks];
      int64_t key = 0;
      for (int r = 0; r < numRanks; ++r)
        key += (t[r] - lowest[r]) * weight[r];
      positionScalars[p] = key;
    }
  };
  auto translationAt = [&](int64_t p) {
    return &positionTranslations[static_cast<size_t>(p) * numRanks];
  };

  // Group sizes of equal translations among the positions `members`:
  // multiplicities[m] = number of groups of m children.
  const bool noMulticast = (mapping->levels[s].noMulticast >> ds) & 1u;
  auto groupSizes = [&](llvm::ArrayRef<int64_t> members,
                        llvm::SmallVectorImpl<std::pair<int64_t, int64_t>> &out) {
    out.clear();
    auto add = [&](int64_t m) {
      for (auto &entry : out)
        if (entry.first == m) {
          ++entry.second;
          return;
        }
      out.push_back({m, 1});
    };
    if (noMulticast) {
      if (!members.empty())
        out.push_back({1, static_cast<int64_t>(members.size())});
      return;
    }
    computeTranslations();
    if (scalarTranslations) {
      sortedKeys.clear();
      for (int64_t member : members)
        sortedKeys.push_back(positionScalars[member]);
      std::sort(sortedKeys.begin(), sortedKeys.end());
      int64_t run = 1;
      for (size_t i = 1; i <= sortedKeys.size(); ++i) {
        if (i < sortedKeys.size() && sortedKeys[i - 1] == sortedKeys[i]) {
          ++run;
          continue;
        }
        add(run);
        run = 1;
      }
      return;
    }
    sortedKeys.assign(members.begin(), members.end());
    auto less = [&](int64_t a, int64_t b) {
      return std::lexicographical_compare(translationAt(a),
                                          translationAt(a) + numRanks,
                                          translationAt(b),
                                          translationAt(b) + numRanks);
    };
    std::sort(sortedKeys.begin(), sortedKeys.end(), less);
    int64_t run = 1;
    for (size_t i = 1; i <= sortedKeys.size(); ++i) {
      if (i < sortedKeys.size() &&
          std::equal(translationAt(sortedKeys[i - 1]),
                     translationAt(sortedKeys[i - 1]) + numRanks,
                     translationAt(sortedKeys[i]))) {
        ++run;
        continue;
      }
      add(run);
      run = 1;
    }
  };

  llvm::SmallVector<std::pair<int64_t, int64_t>, 4> allGroups;
  if (distinctTranslations && !noMulticast) {
    allGroups.push_back({multicastExtent, positions / multicastExtent});
  } else {
    positionKeys.resize(positions);
    std::iota(positionKeys.begin(), positionKeys.end(), 0);
    groupSizes(positionKeys, allGroups);
  }
  int64_t numAllGroups = 0;
  for (auto &group : allGroups)
    numAllGroups += group.second;

  const bool linkOn = options->linkTransfers &&
                      !((mapping->levels[s].noLinkTransfer >> ds) & 1u);
  // Link analysis depends only on the translation between visits; cache it.
  struct LinkCase {
    int transition;
    bool adopt;
    int64_t served;
    llvm::SmallVector<std::pair<int64_t, int64_t>, 4> groups;
  };
  llvm::SmallVector<LinkCase, 4> linkCases;
  llvm::SmallVector<int64_t, 64> unserved;

  // Translation v of a transition, projected (same recurrence as in
  // analyzeLevel).
  auto transitionTranslation = [&](int j, int64_t *v) {
    int64_t prefix[kMaxRanks] = {};
    for (int i = 0; i <= j; ++i) {
      const TemporalLoop &loop = temporalAbove[i];
      int64_t weight = options->exactCounts ? loop.end - 1 : 1;
      for (int r = 0; r < numRanks; ++r) {
        int64_t stepValue =
            coefficients[coefficientIndex(ds, r, loop.dimension)] * loop.stride;
        if (i == j)
          v[r] = stepValue - prefix[r];
        prefix[r] += weight * stepValue;
      }
    }
  };

  auto linkCaseFor = [&](int transition) -> const LinkCase & {
    for (const LinkCase &c : linkCases)
      if (c.transition == transition)
        return c;
    LinkCase result{transition, false, 0, {}};
    int64_t v[kMaxRanks];
    transitionTranslation(transition, v);
    // Two children's translations differ along a rank by at most the
    // rank's spread over the block: a larger move (any move along a rank
    // no spatial loop touches) cannot be served by a neighbour.
    for (int r = 0; r < numRanks; ++r)
      if (std::llabs(v[r]) > rankSpread[r]) {
        linkCases.push_back(std::move(result));
        return linkCases.back();
      }
    computeTranslations();
    unserved.clear();
    for (int64_t p = 0, h = 0, row = 0; p < positions; ++p) {
      if (h == width) {
        h = 0;
        ++row;
      }
      const int64_t *tp = translationAt(p);
      auto matches = [&](int64_t q) {
        const int64_t *tq = translationAt(q);
        for (int r = 0; r < numRanks; ++r)
          if (tq[r] != tp[r] + v[r])
            return false;
        return true;
      };
      bool served = (row > 0 && matches(p - width)) ||
                    (row + 1 < height && p + width < positions &&
                     matches(p + width)) ||
                    (h > 0 && matches(p - 1)) ||
                    (h + 1 < width && p + 1 < positions && matches(p + 1));
      if (served)
        ++result.served;
      else
        unserved.push_back(p);
      ++h;
    }
    if (result.served > 0) {
      groupSizes(unserved, result.groups);
      int64_t numGroups = 0;
      for (auto &group : result.groups)
        numGroups += group.second;
      result.adopt = numGroups < numAllGroups;
    }
    linkCases.push_back(std::move(result));
    return linkCases.back();
  };

  for (const VisitKind &kind : kinds) {
    if (kind.size == 0 || kind.weight == 0)
      continue;
    int64_t volume = mulChecked(kind.size, kind.weight, overflow);
    const llvm::SmallVectorImpl<std::pair<int64_t, int64_t>> *groups =
        &allGroups;
    if (linkOn && kind.linkEligible) {
      const LinkCase &link = linkCaseFor(kind.transition);
      if (link.adopt) {
        groups = &link.groups;
        record.linkTransfers += static_cast<double>(
            mulChecked(link.served, volume, overflow));
      }
    }
    for (const auto &[multicast, count] : *groups)
      addAccesses(record.accesses, multicast, count,
                  static_cast<double>(mulChecked(count, volume, overflow)));
  }
  (void)height;
}
