//===- ClippedNestAnalysis.cpp - Exact counts of imperfect nests ----------===//
//
// Notation (per storage level s, its child tiles and one dimension d):
//   E  the child tile's padded extent, P the product of the fanout's
//      factors on d, B the bound;
//   a child's position q along d counts its padded tiles: q = H * P + pi,
//      with pi the child's place in the fanout and H what the loops above
//      the fanout contribute;
//   the child's tile is whole while q < B / E, cut to B mod E at
//      q == B / E, and empty beyond.
// So per dimension only the class of H matters: before the block holding
// the bound (every child whole), that block (children before, at or past
// the cut), or past it. A visit is reached by one loop advancing; the
// indices at the visit and at the one or two visits before it differ by
// fixed amounts, so the H of those visits differ by fixed amounts too, and
// the visits of each class combination are counted with MixedRadix.
//
//===----------------------------------------------------------------------===//

#include "ClippedNestAnalysis.h"
#include "accel/Model/CheckedMath.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace accel::model;
using namespace accel::model::detail;

namespace {

enum Clip : uint8_t { Whole = 0, Cut = 1, Gone = 2, AnyClip = 3 };

constexpr int64_t kNoLimit = std::numeric_limits<int64_t>::max() / 4;

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

/// A set of data-space points of the form box \ hole, in canonical form
/// (the box is the set's bounding box), so equal sets have equal keys.
struct DeltaKey {
  llvm::SmallVector<int64_t, 4 * kMaxRanks + 1> values;

  bool operator<(const DeltaKey &other) const { return values < other.values; }
  bool operator==(const DeltaKey &other) const {
    return values == other.values;
  }
};

struct Delta {
  int64_t size = 0;
  DeltaKey key;
};

} // namespace

/// A visit of the child tiles: which temporal loop advanced to reach it
/// (-1 for the first visit) and, when link transfers need the previous
/// visit's deltas, which advanced to reach that one (-1 when it is the
/// first visit). Per temporal loop above the child: the index range at
/// this visit, and how its index differs at the previous visit and at the
/// one before.
struct ClippedNestAnalysis::VisitKind {
  int advanced = -1;
  int previousAdvanced = -1;
  bool hasPrevious = false;
  bool hasPreviousPrevious = false;
  llvm::SmallVector<int64_t, 16> low, high, previousChange,
      previousPreviousChange;
};

/// One dimension as the children of a level see it.
struct ClippedNestAnalysis::DimensionFrame {
  int64_t childExtent = 1;  ///< E
  int64_t blockExtent = 1;  ///< P
  int64_t wholeBlocks = 0;  ///< H below this: every child whole
  int64_t cutPosition = 0;  ///< in the cut block, the first child not whole
  int64_t cutExtent = 0;    ///< that child's extent (B mod E)
  bool hasCutBlock = false; ///< some H has children whole and not
  bool clipped = false;     ///< some tile of the level is cut
  /// Loops above the fanout on this dimension, outermost first, and their
  /// weight in H.
  llvm::SmallVector<int, 8> loops;
  llvm::SmallVector<int64_t, 8> weights;

  /// H values of a class: [from, to).
  std::pair<int64_t, int64_t> range(Clip clip) const {
    switch (clip) {
    case Whole:
      return {0, wholeBlocks};
    case Cut:
      return hasCutBlock ? std::make_pair(wholeBlocks, wholeBlocks + 1)
                         : std::make_pair(int64_t(0), int64_t(0));
    case Gone:
      return {wholeBlocks + (hasCutBlock ? 1 : 0), kNoLimit};
    default:
      return {std::numeric_limits<int64_t>::min() / 4, kNoLimit};
    }
  }

  /// Extent along the dimension of the child at fanout position `pi` in a
  /// visit of class `clip`.
  int64_t extent(Clip clip, int64_t pi) const {
    if (!clipped || clip == Whole)
      return childExtent;
    if (clip == Gone)
      return 0;
    return pi < cutPosition ? childExtent : (pi == cutPosition ? cutExtent : 0);
  }
};

int64_t ClippedNestAnalysis::instancesEverUsed(int firstLoop) {
  // An instance holds data when its first point (every other index 0)
  // exists: per dimension, count the spatial index tuples below the bound.
  const auto &loops = nest->loops;
  int64_t total = 1;
  for (int d = 0; d < workload->numDimensions(); ++d) {
    llvm::SmallVector<Digit, 8> digits;
    for (int l = static_cast<int>(loops.size()) - 1; l >= firstLoop; --l)
      if (loops[l].isSpatial() && loops[l].dimension == d)
        digits.push_back({loops[l].stride, 0, loops[l].end - 1});
    total = mulChecked(
        total, countInRange(digits, 0, workload->dimensions[d].bound), overflow);
  }
  return total;
}

bool ClippedNestAnalysis::run(const Workload &theWorkload,
                              const Architecture &theArch,
                              const Mapping &theMapping,
                              const LoopNest &theNest,
                              const EvaluationOptions &theOptions,
                              llvm::SmallVectorImpl<LevelRecord> &theRecords,
                              ClippedComputeFigures &compute) {
  workload = &theWorkload;
  arch = &theArch;
  mapping = &theMapping;
  nest = &theNest;
  options = &theOptions;
  records = &theRecords;
  overflow = false;

  const int numLevels = arch->numLevels();
  records->resize(static_cast<size_t>(numLevels) * workload->numDataSpaces());
  for (int s = 0; s < numLevels && !overflow; ++s)
    analyzeLevel(s);

  compute.utilizedInstances = instancesEverUsed(0);
  // A time step is busy when some unit has a point: per dimension, the
  // temporal index tuples whose point (spatial indices 0) exists.
  compute.cycles = 1;
  const auto &loops = nest->loops;
  for (int d = 0; d < workload->numDimensions(); ++d) {
    llvm::SmallVector<Digit, 8> digits;
    for (int l = static_cast<int>(loops.size()) - 1; l >= 0; --l)
      if (!loops[l].isSpatial() && loops[l].dimension == d)
        digits.push_back({loops[l].stride, 0, loops[l].end - 1});
    compute.cycles = mulChecked(
        compute.cycles,
        countInRange(digits, 0, workload->dimensions[d].bound), overflow);
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

void ClippedNestAnalysis::analyzeLevel(int s) {
  const auto &loops = nest->loops;
  const int numLoops = static_cast<int>(loops.size());
  const int numDims = workload->numDimensions();
  const int numDataSpaces = workload->numDataSpaces();
  const int child = s == 0 ? -1 : nest->boundary[s - 1];
  const int blockLast = nest->masterSpatial[s];
  const int aboveBlock = blockLast >= 0 ? blockLast : child;
  const bool pointChild = s == 0;

  // Temporal loops above the child that advance, innermost first.
  llvm::SmallVector<int, 16> temporal;
  for (int l = child + 1; l < numLoops; ++l)
    if (!loops[l].isSpatial() && loops[l].end > 1)
      temporal.push_back(l);
  const int k = static_cast<int>(temporal.size());
  llvm::SmallVector<int, 32> temporalIndex(numLoops, -1);
  for (int i = 0; i < k; ++i)
    temporalIndex[temporal[i]] = i;

  // Dimensions as the children see them.
  llvm::SmallVector<DimensionFrame, kMaxDimensions> frames(numDims);
  llvm::SmallVector<int64_t, kMaxDimensions> padded(numDims, 1),
      tileExtent(numDims, 1), unionExtent(numDims, 1);
  for (int l = 0; l < numLoops; ++l) {
    const NestLoop &loop = loops[l];
    DimensionFrame &frame = frames[loop.dimension];
    padded[loop.dimension] = mulChecked(padded[loop.dimension], loop.end, overflow);
    if (l <= child)
      frame.childExtent *= loop.end;
    else if (l <= aboveBlock)
      frame.blockExtent *= loop.end;
    if (l <= nest->boundary[s])
      tileExtent[loop.dimension] *= loop.end;
    if (l <= blockLast)
      unionExtent[loop.dimension] *= loop.end;
  }
  if (overflow)
    return;
  for (int d = 0; d < numDims; ++d) {
    DimensionFrame &frame = frames[d];
    int64_t bound = workload->dimensions[d].bound;
    int64_t fullTiles = bound / frame.childExtent;
    frame.cutExtent = bound % frame.childExtent;
    frame.wholeBlocks = fullTiles / frame.blockExtent;
    frame.cutPosition = fullTiles % frame.blockExtent;
    frame.hasCutBlock = frame.cutPosition != 0 || frame.cutExtent != 0;
    frame.clipped = padded[d] > bound;
    tileExtent[d] = std::min(tileExtent[d], bound);
    unionExtent[d] = std::min(unionExtent[d], bound);
  }
  for (int l = numLoops - 1; l > aboveBlock; --l) {
    DimensionFrame &frame = frames[loops[l].dimension];
    frame.loops.push_back(l);
    frame.weights.push_back(loops[l].stride /
                            (frame.childExtent * frame.blockExtent));
  }

  // Child positions in the fanout: place along each dimension and offset
  // of the padded origin (innermost fanout loop fastest).
  int64_t positions = 1, fanX = 1, fanY = 1;
  for (int l = child + 1; l <= blockLast; ++l) {
    positions *= loops[l].end;
    (loops[l].kind == LoopKind::SpatialX ? fanX : fanY) *= loops[l].end;
  }
  llvm::SmallVector<int64_t, 64> place(positions * numDims, 0),
      offset(positions * numDims, 0);
  for (int64_t p = 0; p < positions; ++p) {
    int64_t rest = p;
    for (int l = child + 1; l <= blockLast; ++l) {
      int64_t digit = rest % loops[l].end;
      rest /= loops[l].end;
      const DimensionFrame &frame = frames[loops[l].dimension];
      place[p * numDims + loops[l].dimension] +=
          digit * (loops[l].stride / frame.childExtent);
      offset[p * numDims + loops[l].dimension] += digit * loops[l].stride;
    }
  }
  const int64_t width = std::max(arch->storage[s].fanoutX, fanX);
  const int64_t height = std::max(arch->storage[s].fanoutY, fanY);

  // Visit kinds.
  const bool withLinks = blockLast >= 0 && options->linkTransfers && k > 0;
  llvm::SmallVector<VisitKind, 32> kinds;
  auto newKind = [&](int advanced, int previousAdvanced, bool previous,
                     bool previousPrevious) -> VisitKind & {
    VisitKind &kind = kinds.emplace_back();
    kind.advanced = advanced;
    kind.previousAdvanced = previousAdvanced;
    kind.hasPrevious = previous;
    kind.hasPreviousPrevious = previousPrevious;
    kind.low.assign(k, 0);
    kind.high.assign(k, 0);
    kind.previousChange.assign(k, 0);
    kind.previousPreviousChange.assign(k, 0);
    for (int i = 0; i < k; ++i)
      kind.high[i] = loops[temporal[i]].end - 1;
    return kind;
  };
  auto endOf = [&](int i) { return loops[temporal[i]].end; };
  {
    VisitKind &first = newKind(-1, -1, false, false);
    std::fill(first.high.begin(), first.high.end(), 0);
  }
  for (int j = 1; j < k; ++j) {
    // a_j advanced; the loops inside it restart.
    VisitKind &kind = newKind(j, 0, true, withLinks);
    kind.low[j] = 1;
    kind.previousChange[j] = kind.previousPreviousChange[j] = -1;
    for (int i = 0; i < j; ++i) {
      kind.high[i] = 0;
      kind.previousChange[i] = kind.previousPreviousChange[i] = endOf(i) - 1;
    }
    kind.previousPreviousChange[0] = endOf(0) - 2;
  }
  if (k > 0 && !withLinks) {
    VisitKind &kind = newKind(0, -1, true, false);
    kind.low[0] = 1;
    kind.previousChange[0] = -1;
  } else if (k > 0) {
    if (endOf(0) >= 3) {
      VisitKind &kind = newKind(0, 0, true, true);
      kind.low[0] = 2;
      kind.previousChange[0] = -1;
      kind.previousPreviousChange[0] = -2;
    }
    for (int i = 1; i < k; ++i) {
      VisitKind &kind = newKind(0, i, true, true);
      kind.low[0] = kind.high[0] = 1;
      kind.previousChange[0] = -1;
      kind.previousPreviousChange[0] = endOf(0) - 2;
      for (int m = 1; m < i; ++m) {
        kind.high[m] = 0;
        kind.previousPreviousChange[m] = endOf(m) - 1;
      }
      kind.low[i] = 1;
      kind.previousPreviousChange[i] = -1;
    }
    VisitKind &kind = newKind(0, -1, true, false);
    std::fill(kind.high.begin(), kind.high.end(), 0);
    kind.low[0] = kind.high[0] = 1;
    kind.previousChange[0] = -1;
  }

  // Instances of the level that ever hold data, and spatial extents.
  const int64_t replication = instancesEverUsed(nest->boundary[s] + 1);
  int64_t maxX = 1, maxY = 1;
  for (int l = nest->boundary[s] + 1; l < numLoops; ++l) {
    if (loops[l].kind == LoopKind::SpatialX)
      maxX *= loops[l].end;
    else if (loops[l].kind == LoopKind::SpatialY)
      maxY *= loops[l].end;
  }

  // Per kind and dimension: the class counts.
  struct ClassCount {
    Clip now, previous, previousPrevious;
    int64_t count;
  };
  llvm::SmallVector<llvm::SmallVector<ClassCount, 8>, kMaxDimensions> tables(numDims);
  llvm::SmallVector<int64_t, kMaxDimensions> moved(numDims), movedBefore(numDims);
  llvm::SmallVector<Digit, 8> digits;

  for (int ds = 0; ds < numDataSpaces; ++ds) {
    LevelRecord &record = (*records)[static_cast<size_t>(s) * numDataSpaces + ds];
    record = LevelRecord();
    record.replication = replication;
    record.maxX = maxX;
    record.maxY = maxY;
    record.fanout = positions;
    record.tileSize = workload->projectedSize(ds, tileExtent.data());
    record.unionSize = blockLast >= 0
                           ? workload->projectedSize(ds, unionExtent.data())
                           : record.tileSize;
    if (record.tileSize < 0 || record.unionSize < 0) {
      overflow = true;
      return;
    }
    const auto &ranks = workload->dataSpaces[ds].ranks;
    const int numRanks = static_cast<int>(ranks.size());
    const bool noReuse =
        !pointChild && ((mapping->levels[s - 1].noTemporalReuse >> ds) & 1u);
    const bool noMulticast = (mapping->levels[s].noMulticast >> ds) & 1u;
    const bool linksOn =
        withLinks && !((mapping->levels[s].noLinkTransfer >> ds) & 1u);

    // The data-space step of the innermost temporal loop.
    auto projectMove = [&](const int64_t *move, int r) {
      int64_t value = 0;
      for (const ProjectionTerm &term : ranks[r])
        value += term.coefficient * move[term.dimension];
      return value;
    };
    // The motion outer advances are compared with: that of the innermost
    // loop (a_1), or, when stationary tiles keep the remembered stride, of
    // the innermost loop that moves the tile (a_m), a move of zero costing
    // nothing (see NestAnalysis).
    const bool keepStride = options->stationaryKeepsStride;
    llvm::SmallVector<int64_t, kMaxDimensions> innermostStep(numDims, 0);
    auto isStill = [&](const int64_t *move) {
      for (int r = 0; r < numRanks; ++r)
        if (projectMove(move, r) != 0)
          return false;
      return true;
    };
    for (int i = 0; i < k; ++i) {
      innermostStep[loops[temporal[i]].dimension] = loops[temporal[i]].stride;
      if (!keepStride || !isStill(innermostStep.data()))
        break;
      innermostStep[loops[temporal[i]].dimension] = 0;
    }
    auto sameMotion = [&](const int64_t *move) {
      if (keepStride && isStill(move))
        return true;
      for (int r = 0; r < numRanks; ++r)
        if (projectMove(move, r) != projectMove(innermostStep.data(), r))
          return false;
      return true;
    };

    // The data box of a problem-space box.
    auto project = [&](const int64_t *start, const int64_t *extent) {
      DataBox box;
      for (int d = 0; d < numDims; ++d)
        if (extent[d] <= 0)
          return box;
      box.empty = false;
      for (int r = 0; r < numRanks; ++r) {
        int64_t lo = 0, hi = 0;
        for (const ProjectionTerm &term : ranks[r]) {
          int64_t a = term.coefficient * start[term.dimension];
          int64_t b = term.coefficient *
                      (start[term.dimension] + extent[term.dimension] - 1);
          lo += std::min(a, b);
          hi += std::max(a, b);
        }
        box.low[r] = lo;
        box.high[r] = hi;
      }
      return box;
    };
    // What a child fetches for tile `now` after `before`: the words not in
    // `before` when it reuses, else all of `now`.
    auto deltaOf = [&](const DataBox &now, const DataBox &before, bool reuse,
                       Delta &out) {
      out.size = 0;
      out.key.values.clear();
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
      int64_t common = overlap.size(numRanks);
      out.size = whole - common;
      if (out.size == 0)
        return;
      // Bounding box of now \ overlap: it shrinks along rank r only when
      // the overlap spans `now` along every other rank.
      DataBox bound = now;
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
        out.key.values.push_back(bound.low[r]);
        out.key.values.push_back(bound.high[r]);
      }
      bool hole = !overlap.empty;
      for (int r = 0; r < numRanks && hole; ++r)
        hole = overlap.low[r] <= bound.high[r] && overlap.high[r] >= bound.low[r];
      out.key.values.push_back(hole);
      if (hole)
        for (int r = 0; r < numRanks; ++r) {
          out.key.values.push_back(std::max(overlap.low[r], bound.low[r]));
          out.key.values.push_back(std::min(overlap.high[r], bound.high[r]));
        }
    };

    llvm::SmallVector<Delta, 64> now(positions), before(positions);
    llvm::SmallVector<int64_t, 64> order(positions);
    llvm::SmallVector<bool, 64> served(positions);
    llvm::SmallVector<int64_t, kMaxDimensions> start(numDims), extent(numDims);

    for (const VisitKind &kind : kinds) {
      // Problem-space moves from the visit before to this one, and from
      // the one before that to the visit before.
      std::fill(moved.begin(), moved.end(), 0);
      std::fill(movedBefore.begin(), movedBefore.end(), 0);
      for (int i = 0; i < k; ++i) {
        const NestLoop &loop = loops[temporal[i]];
        moved[loop.dimension] -= kind.previousChange[i] * loop.stride;
        movedBefore[loop.dimension] +=
            (kind.previousChange[i] - kind.previousPreviousChange[i]) *
            loop.stride;
      }
      const bool reuseNow =
          kind.hasPrevious && !pointChild && !noReuse &&
          ((!keepStride && kind.advanced == 0) || sameMotion(moved.data()));
      const bool reuseBefore =
          kind.hasPreviousPrevious && !pointChild && !noReuse &&
          ((!keepStride && kind.previousAdvanced == 0) ||
           sameMotion(movedBefore.data()));
      const bool needBefore = linksOn && kind.hasPrevious;

      // Class counts per dimension.
      bool possible = true;
      for (int d = 0; d < numDims && possible; ++d) {
        const DimensionFrame &frame = frames[d];
        digits.clear();
        int64_t change = 0, changeBefore = 0;
        for (size_t i = 0; i < frame.loops.size(); ++i) {
          int l = frame.loops[i];
          int t = temporalIndex[l];
          if (t >= 0) {
            digits.push_back({frame.weights[i], kind.low[t], kind.high[t]});
            change += kind.previousChange[t] * frame.weights[i];
            changeBefore += kind.previousPreviousChange[t] * frame.weights[i];
          } else {
            digits.push_back({frame.weights[i], 0, loops[l].end - 1});
          }
        }
        auto &table = tables[d];
        table.clear();
        if (!frame.clipped) {
          table.push_back({Whole, Whole, Whole, countAll(digits)});
          continue;
        }
        const Clip previousChoices[] = {Whole, Cut, Gone};
        for (Clip clip : {Whole, Cut, Gone})
          for (Clip previous : previousChoices) {
            if (!kind.hasPrevious && previous != Whole)
              continue;
            for (Clip previousPrevious : previousChoices) {
              if (!needBefore || !kind.hasPreviousPrevious) {
                if (previousPrevious != Whole)
                  continue;
              }
              auto [from, to] = frame.range(clip);
              if (kind.hasPrevious) {
                auto [pf, pt] = frame.range(previous);
                from = std::max(from, pf - change);
                to = std::min(to, pt - change);
              }
              if (needBefore && kind.hasPreviousPrevious) {
                auto [bf, bt] = frame.range(previousPrevious);
                from = std::max(from, bf - changeBefore);
                to = std::min(to, bt - changeBefore);
              }
              int64_t count = countInRange(digits, from, to);
              if (count > 0)
                table.push_back(
                    {clip, kind.hasPrevious ? previous : AnyClip,
                     needBefore && kind.hasPreviousPrevious ? previousPrevious
                                                             : AnyClip,
                     count});
            }
          }
        possible = !table.empty();
      }
      if (!possible)
        continue;

      // Every combination of the dimensions' classes.
      llvm::SmallVector<size_t, kMaxDimensions> choice(numDims, 0);
      while (true) {
        int64_t visits = 1;
        for (int d = 0; d < numDims; ++d)
          visits = mulChecked(visits, tables[d][choice[d]].count, overflow);
        if (overflow)
          return;

        // Deltas of every child position at this visit (and, for link
        // transfers, at the visit before).
        for (int64_t p = 0; p < positions; ++p) {
          const int64_t *pi = &place[p * numDims];
          const int64_t *origin = &offset[p * numDims];
          DataBox boxNow, boxBefore, boxBeforeThat;
          for (int d = 0; d < numDims; ++d) {
            start[d] = origin[d];
            extent[d] = frames[d].extent(tables[d][choice[d]].now, pi[d]);
          }
          boxNow = project(start.data(), extent.data());
          if (kind.hasPrevious) {
            for (int d = 0; d < numDims; ++d) {
              start[d] = origin[d] - moved[d];
              Clip clip = tables[d][choice[d]].previous;
              extent[d] = frames[d].extent(clip == AnyClip ? Whole : clip, pi[d]);
            }
            boxBefore = project(start.data(), extent.data());
          }
          deltaOf(boxNow, boxBefore, reuseNow, now[p]);
          if (needBefore) {
            if (kind.hasPreviousPrevious) {
              for (int d = 0; d < numDims; ++d) {
                start[d] = origin[d] - moved[d] - movedBefore[d];
                Clip clip = tables[d][choice[d]].previousPrevious;
                extent[d] =
                    frames[d].extent(clip == AnyClip ? Whole : clip, pi[d]);
              }
              boxBeforeThat = project(start.data(), extent.data());
            }
            deltaOf(boxBefore, boxBeforeThat, reuseBefore, before[p]);
          }
        }

        // Multicast groups: children with equal deltas share one access.
        auto group = [&](bool skipServed, double &total) {
          llvm::SmallVector<std::pair<int64_t, int64_t>, 4> groupsBySize;
          llvm::SmallVector<std::pair<int64_t, int64_t>, 4> wordsBySize;
          auto add = [&](int64_t members, int64_t words) {
            for (size_t i = 0; i < groupsBySize.size(); ++i)
              if (groupsBySize[i].first == members) {
                ++groupsBySize[i].second;
                wordsBySize[i].second += words;
                return;
              }
            groupsBySize.push_back({members, 1});
            wordsBySize.push_back({members, words});
          };
          order.clear();
          for (int64_t p = 0; p < positions; ++p)
            if (now[p].size > 0 && !(skipServed && served[p]))
              order.push_back(p);
          if (noMulticast) {
            for (int64_t p : order)
              add(1, now[p].size);
          } else {
            std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
              return now[a].key < now[b].key;
            });
            for (size_t i = 0; i < order.size();) {
              size_t j = i + 1;
              while (j < order.size() && now[order[j]].key == now[order[i]].key)
                ++j;
              add(static_cast<int64_t>(j - i), now[order[i]].size);
              i = j;
            }
          }
          total = 0;
          for (auto &entry : wordsBySize)
            total += static_cast<double>(entry.second);
          return std::make_pair(groupsBySize, wordsBySize);
        };
        double totalWithout = 0, totalWith = 0;
        auto [groups, words] = group(false, totalWithout);
        bool useLinks = false;
        int64_t linkedWords = 0;
        if (needBefore) {
          for (int64_t p = 0; p < positions; ++p) {
            served[p] = false;
            if (now[p].size == 0)
              continue;
            int64_t h = p % width, v = p / width;
            auto matches = [&](int64_t q) {
              return q >= 0 && q < positions && before[q].size > 0 &&
                     before[q].key == now[p].key;
            };
            served[p] = (v > 0 && matches(p - width)) ||
                        (v + 1 < height && matches(p + width)) ||
                        (h > 0 && matches(p - 1)) ||
                        (h + 1 < width && matches(p + 1));
            if (served[p])
              linkedWords += now[p].size;
          }
          if (linkedWords > 0) {
            auto [linkedGroups, linkedWordsBySize] = group(true, totalWith);
            if (totalWith < totalWithout) {
              useLinks = true;
              groups = linkedGroups;
              words = linkedWordsBySize;
            }
          }
        }
        const double weight = static_cast<double>(visits);
        for (size_t i = 0; i < groups.size(); ++i)
          addAccesses(record.accesses, groups[i].first, groups[i].second,
                      weight * static_cast<double>(words[i].second));
        if (useLinks)
          record.linkTransfers += weight * static_cast<double>(linkedWords);

        int d = 0;
        for (; d < numDims; ++d) {
          if (++choice[d] < tables[d].size())
            break;
          choice[d] = 0;
        }
        if (d == numDims)
          break;
      }
    }
  }
}
