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
#include "DataBoxDelta.h"

#include "llvm/ADT/DenseMap.h"
#include "accel/Model/CheckedMath.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace accel::model;
using namespace accel::model::detail;

namespace {

enum Clip : uint8_t { Whole = 0, Cut = 1, Gone = 2, AnyClip = 3 };

constexpr int64_t kNoLimit = std::numeric_limits<int64_t>::max() / 4;

/// Visits of one class combination along one dimension: the class at
/// this visit, the previous one and the one before it (AnyClip: not
/// distinguished).
struct ClassCount {
  Clip now, previous, previousPrevious;
  int64_t count;
};

/// One data space as the children of a level fetch it.
struct SpaceView {
  const DataSpace *space = nullptr;
  int numRanks = 0;
  bool noReuse = false, noMulticast = false, linksOn = false;
  bool keepStride = true;
  /// Dimensions some rank indexes.
  llvm::SmallVector<bool, kMaxDimensions> relevant;
  /// The problem-space step the reuse filter compares moves with.
  llvm::SmallVector<int64_t, kMaxDimensions> innermostStep;
  /// Child positions that always fetch the same words form a unit: they
  /// differ only along dimensions the data space does not index, and there
  /// only in ways that cannot change whether their tile is empty. Per
  /// position its unit; per unit one position and the number of them.
  llvm::SmallVector<int32_t, 64> unitOf;
  llvm::SmallVector<int64_t, 16> unitPosition, unitSize;

  int64_t projectMove(const int64_t *move, int r) const {
    int64_t value = 0;
    for (const ProjectionTerm &term : space->ranks[r])
      value += term.coefficient * move[term.dimension];
    return value;
  }
  bool isStill(const int64_t *move) const {
    for (int r = 0; r < numRanks; ++r)
      if (projectMove(move, r) != 0)
        return false;
    return true;
  }
  /// Whether a tile that moved by `move` keeps what it shares with the
  /// previous tile (Timeloop's reuse filter).
  bool sameMotion(const int64_t *move) const {
    if (keepStride && isStill(move))
      return true;
    for (int r = 0; r < numRanks; ++r)
      if (projectMove(move, r) != projectMove(innermostStep.data(), r))
        return false;
    return true;
  }
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
  kinds.reserve(2 * k + 2);
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
  auto [maxX, maxY] = nest->spatialExtentAbove(s);

  // What each data space needs of the level.
  llvm::SmallVector<SpaceView, 4> views(numDataSpaces);
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
    SpaceView &view = views[ds];
    view.space = &workload->dataSpaces[ds];
    view.numRanks = static_cast<int>(view.space->ranks.size());
    view.noReuse =
        !pointChild && ((mapping->levels[s - 1].noTemporalReuse >> ds) & 1u);
    view.noMulticast = (mapping->levels[s].noMulticast >> ds) & 1u;
    view.linksOn =
        withLinks && !((mapping->levels[s].noLinkTransfer >> ds) & 1u);
    view.keepStride = options->stationaryKeepsStride;
    view.relevant.assign(numDims, false);
    for (const auto &rank : view.space->ranks)
      for (const ProjectionTerm &term : rank)
        if (term.coefficient != 0)
          view.relevant[term.dimension] = true;
    // The motion outer advances are compared with: that of the innermost
    // loop (a_1), or, when stationary tiles keep the remembered stride, of
    // the innermost loop that moves the tile (a_m), a move of zero costing
    // nothing (see NestAnalysis).
    view.unitOf.resize(positions);
    view.unitPosition.clear();
    view.unitSize.clear();
    llvm::DenseMap<int64_t, int32_t> units;
    for (int64_t p = 0; p < positions; ++p) {
      int64_t code = 0;
      for (int d = 0; d < numDims; ++d) {
        const DimensionFrame &frame = frames[d];
        if (frame.blockExtent == 1)
          continue;
        int64_t pi = place[p * numDims + d];
        if (view.relevant[d])
          code = code * frame.blockExtent + pi;
        else if (frame.clipped)
          code = code * 3 + (pi < frame.cutPosition    ? 0
                             : pi == frame.cutPosition ? 1
                                                       : 2);
      }
      auto [it, inserted] =
          units.try_emplace(code, static_cast<int32_t>(view.unitSize.size()));
      if (inserted) {
        view.unitPosition.push_back(p);
        view.unitSize.push_back(0);
      }
      view.unitOf[p] = it->second;
      ++view.unitSize[it->second];
    }
    view.innermostStep.assign(numDims, 0);
    for (int i = 0; i < k; ++i) {
      view.innermostStep[loops[temporal[i]].dimension] = loops[temporal[i]].stride;
      if (!view.keepStride || !view.isStill(view.innermostStep.data()))
        break;
      view.innermostStep[loops[temporal[i]].dimension] = 0;
    }
  }

  llvm::SmallVector<llvm::SmallVector<ClassCount, 8>, kMaxDimensions> counts(
      numDims),
      tables(numDims);
  llvm::SmallVector<int64_t, kMaxDimensions> moved(numDims), movedBefore(numDims);
  llvm::SmallVector<Digit, 8> digits;
  llvm::SmallVector<Delta, 64> now(positions), before(positions);
  llvm::SmallVector<int64_t, 64> order, groupWords, groupMembers;
  llvm::SmallVector<int32_t, 64> groupOf;
  llvm::SmallVector<int64_t, kMaxDimensions> start(numDims), extent(numDims);

  for (const VisitKind &kind : kinds) {
    // Problem-space moves from the visit before to this one, and from the
    // one before that to the visit before.
    std::fill(moved.begin(), moved.end(), 0);
    std::fill(movedBefore.begin(), movedBefore.end(), 0);
    for (int i = 0; i < k; ++i) {
      const NestLoop &loop = loops[temporal[i]];
      moved[loop.dimension] -= kind.previousChange[i] * loop.stride;
      movedBefore[loop.dimension] +=
          (kind.previousChange[i] - kind.previousPreviousChange[i]) *
          loop.stride;
    }

    // Per dimension, the visits of each class combination at this visit
    // and the two before it (the one before that only matters for link
    // transfers). Shared by the data spaces.
    const bool trackBeforeThat = withLinks && kind.hasPreviousPrevious;
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
      auto &table = counts[d];
      table.clear();
      if (!frame.clipped) {
        table.push_back({Whole, AnyClip, AnyClip, countAll(digits)});
        continue;
      }
      for (Clip clip : {Whole, Cut, Gone})
        for (Clip previous : {Whole, Cut, Gone}) {
          if (!kind.hasPrevious && previous != Whole)
            continue;
          for (Clip previousPrevious : {Whole, Cut, Gone}) {
            if (!trackBeforeThat && previousPrevious != Whole)
              continue;
            auto [from, to] = frame.range(clip);
            if (kind.hasPrevious) {
              auto [pf, pt] = frame.range(previous);
              from = std::max(from, pf - change);
              to = std::min(to, pt - change);
            }
            if (trackBeforeThat) {
              auto [bf, bt] = frame.range(previousPrevious);
              from = std::max(from, bf - changeBefore);
              to = std::min(to, bt - changeBefore);
            }
            int64_t count = countInRange(digits, from, to);
            if (count > 0)
              table.push_back({clip, kind.hasPrevious ? previous : AnyClip,
                               trackBeforeThat ? previousPrevious : AnyClip,
                               count});
          }
        }
      possible = !table.empty();
    }
    if (!possible)
      continue;

    for (int ds = 0; ds < numDataSpaces && !overflow; ++ds) {
      const SpaceView &view = views[ds];
      LevelRecord &record =
          (*records)[static_cast<size_t>(s) * numDataSpaces + ds];
      const int numRanks = view.numRanks;
      const bool reuseNow =
          kind.hasPrevious && !pointChild && !view.noReuse &&
          ((!view.keepStride && kind.advanced == 0) ||
           view.sameMotion(moved.data()));
      const bool reuseBefore =
          kind.hasPreviousPrevious && !pointChild && !view.noReuse &&
          ((!view.keepStride && kind.previousAdvanced == 0) ||
           view.sameMotion(movedBefore.data()));
      const bool needBefore = view.linksOn && kind.hasPrevious;

      // Merge the classes this data space cannot tell apart: a visit whose
      // tile is past the bound fetches nothing; the previous tile only
      // matters when it is reused or linked, the one before it only when
      // the previous tile is linked and reuses it; along a dimension the
      // data space does not index and the fanout does not split, a cut
      // tile is as good as a whole one (only emptiness matters).
      const bool keepPrevious = kind.hasPrevious && (reuseNow || needBefore);
      const bool keepBeforeThat =
          needBefore && kind.hasPreviousPrevious && reuseBefore;
      bool any = true;
      for (int d = 0; d < numDims && any; ++d) {
        const bool onlyEmptiness =
            !view.relevant[d] && frames[d].blockExtent == 1;
        auto merge = [&](Clip clip) {
          return onlyEmptiness && clip == Cut ? Whole : clip;
        };
        auto &table = tables[d];
        table.clear();
        for (const ClassCount &entry : counts[d]) {
          if (entry.now == Gone)
            continue;
          ClassCount merged{merge(entry.now),
                            keepPrevious ? merge(entry.previous) : AnyClip,
                            keepBeforeThat ? merge(entry.previousPrevious)
                                           : AnyClip,
                            entry.count};
          auto same = std::find_if(table.begin(), table.end(),
                                   [&](const ClassCount &other) {
                                     return other.now == merged.now &&
                                            other.previous == merged.previous &&
                                            other.previousPrevious ==
                                                merged.previousPrevious;
                                   });
          if (same == table.end())
            table.push_back(merged);
          else
            same->count = addChecked(same->count, merged.count, overflow);
        }
        any = !table.empty();
      }
      if (!any || overflow)
        continue;

      // Every combination of the dimensions' classes.
      llvm::SmallVector<size_t, kMaxDimensions> choice(numDims, 0);
      while (true) {
        int64_t visits = 1;
        for (int d = 0; d < numDims; ++d)
          visits = mulChecked(visits, tables[d][choice[d]].count, overflow);
        if (overflow)
          return;

        // Fetches of every unit of child positions at this visit (and, for
        // link transfers, at the visit before).
        auto extentOf = [&](int d, Clip clip, int64_t pi) {
          return frames[d].extent(clip == AnyClip ? Whole : clip, pi);
        };
        const size_t numUnits = view.unitSize.size();
        for (size_t u = 0; u < numUnits; ++u) {
          const int64_t p = view.unitPosition[u];
          const int64_t *pi = &place[p * numDims];
          const int64_t *origin = &offset[p * numDims];
          DataBox boxNow, boxBefore, boxBeforeThat;
          for (int d = 0; d < numDims; ++d) {
            start[d] = origin[d];
            extent[d] = extentOf(d, tables[d][choice[d]].now, pi[d]);
          }
          projectBox(*view.space, start.data(), extent.data(), numDims, boxNow);
          if (kind.hasPrevious && (reuseNow || needBefore)) {
            for (int d = 0; d < numDims; ++d) {
              start[d] = origin[d] - moved[d];
              extent[d] = extentOf(d, tables[d][choice[d]].previous, pi[d]);
            }
            projectBox(*view.space, start.data(), extent.data(), numDims,
                       boxBefore);
          }
          computeFetch(boxNow, boxBefore, reuseNow, numRanks, now[u]);
          if (needBefore) {
            if (kind.hasPreviousPrevious && reuseBefore) {
              for (int d = 0; d < numDims; ++d) {
                start[d] = origin[d] - moved[d] - movedBefore[d];
                extent[d] =
                    extentOf(d, tables[d][choice[d]].previousPrevious, pi[d]);
              }
              projectBox(*view.space, start.data(), extent.data(), numDims,
                         boxBeforeThat);
            }
            computeFetch(boxBefore, boxBeforeThat, reuseBefore, numRanks,
                         before[u]);
          }
        }

        // Multicast groups: children with equal fetches share one access.
        // Units with equal fetches form a group; its members are their
        // positions (those not served by a neighbour, with links).
        order.clear();
        for (size_t u = 0; u < numUnits; ++u)
          if (now[u].size > 0)
            order.push_back(static_cast<int64_t>(u));
        std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
          return now[a].before(now[b]);
        });
        groupOf.assign(numUnits, -1);
        groupWords.clear();
        for (size_t i = 0; i < order.size();) {
          size_t j = i + 1;
          while (j < order.size() && now[order[j]].sameWords(now[order[i]]))
            ++j;
          for (size_t m = i; m < j; ++m)
            groupOf[order[m]] = static_cast<int32_t>(groupWords.size());
          groupWords.push_back(now[order[i]].size);
          i = j;
        }
        auto tally = [&](llvm::ArrayRef<int64_t> members, double &total) {
          llvm::SmallVector<std::pair<int64_t, int64_t>, 4> groupsBySize;
          llvm::SmallVector<std::pair<int64_t, int64_t>, 4> wordsBySize;
          auto add = [&](int64_t size, int64_t count, int64_t words) {
            for (size_t i = 0; i < groupsBySize.size(); ++i)
              if (groupsBySize[i].first == size) {
                groupsBySize[i].second += count;
                wordsBySize[i].second += words;
                return;
              }
            groupsBySize.push_back({size, count});
            wordsBySize.push_back({size, words});
          };
          total = 0;
          for (size_t g = 0; g < members.size(); ++g) {
            if (members[g] == 0)
              continue;
            if (view.noMulticast)
              add(1, members[g], members[g] * groupWords[g]);
            else
              add(members[g], 1, groupWords[g]);
            total += static_cast<double>(view.noMulticast
                                             ? members[g] * groupWords[g]
                                             : groupWords[g]);
          }
          return std::make_pair(groupsBySize, wordsBySize);
        };
        groupMembers.assign(groupWords.size(), 0);
        for (size_t u = 0; u < numUnits; ++u)
          if (groupOf[u] >= 0)
            groupMembers[groupOf[u]] += view.unitSize[u];
        double totalWithout = 0, totalWith = 0;
        auto [groups, words] = tally(groupMembers, totalWithout);
        bool useLinks = false;
        int64_t linkedWords = 0;
        if (needBefore) {
          // A child is served by a neighbour that fetched the same words
          // at the visit before.
          std::fill(groupMembers.begin(), groupMembers.end(), 0);
          for (int64_t p = 0; p < positions; ++p) {
            const Delta &fetch = now[view.unitOf[p]];
            if (fetch.size == 0)
              continue;
            int64_t h = p % width, v = p / width;
            auto matches = [&](int64_t q) {
              if (q < 0 || q >= positions)
                return false;
              const Delta &earlier = before[view.unitOf[q]];
              return earlier.size > 0 && earlier.sameWords(fetch);
            };
            bool served = (v > 0 && matches(p - width)) ||
                          (v + 1 < height && matches(p + width)) ||
                          (h > 0 && matches(p - 1)) ||
                          (h + 1 < width && matches(p + 1));
            if (served)
              linkedWords += fetch.size;
            else
              ++groupMembers[groupOf[view.unitOf[p]]];
          }
          if (linkedWords > 0) {
            auto [linkedGroups, linkedWordsBySize] =
                tally(groupMembers, totalWith);
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
