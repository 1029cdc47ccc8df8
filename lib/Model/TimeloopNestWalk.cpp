//===- TimeloopNestWalk.cpp - Timeloop's nest analysis, walked ------------===//
//
// Follows NVlabs/timeloop master's src/loop-analysis/nest-analysis.cpp
// (ComputeDeltas, ComputeTemporalWorkingSet, FillSpatialDeltas,
// ComputeAccurateMulticastedAccesses, ComputeNetworkLinkTransfers,
// CollectWorkingSets) and its MultiAAHR point sets, rule by rule, in our own
// data structures. Comments name the Timeloop quantity a variable holds
// where that helps to check one against the other.
//
//===----------------------------------------------------------------------===//

#include "TimeloopNestWalk.h"

#include <algorithm>
#include <cmath>
#include <optional>

using namespace accel::model;
using namespace accel::model::detail;

namespace {

/// A half-open box [low, high) per rank (Timeloop's AxisAlignedHyperRectangle).
struct Box {
  int order = 0;
  int64_t low[kMaxRanks] = {};
  int64_t high[kMaxRanks] = {};

  int64_t size() const {
    if (order == 0)
      return 1;
    int64_t n = high[0] - low[0];
    for (int r = 1; r < order; ++r)
      n *= high[r] - low[r];
    return n;
  }
  bool operator==(const Box &other) const {
    for (int r = 0; r < order; ++r)
      if (low[r] != other.low[r] || high[r] != other.high[r])
        return false;
    return true;
  }
  /// The slices of this box outside `cut` (AAHR::MultiSubtract).
  void subtract(const Box &cut, llvm::SmallVectorImpl<Box> &out) const {
    for (int r = 0; r < order; ++r)
      if (high[r] <= cut.low[r] || cut.high[r] <= low[r]) {
        out.push_back(*this);
        return;
      }
    Box middle = *this;
    for (int r = 0; r < order; ++r) {
      if (middle.low[r] < cut.low[r]) {
        Box left = middle;
        left.high[r] = cut.low[r];
        out.push_back(left);
        middle.low[r] = cut.low[r];
      }
      if (cut.high[r] < middle.high[r]) {
        Box right = middle;
        right.low[r] = cut.high[r];
        out.push_back(right);
        middle.high[r] = cut.high[r];
      }
    }
  }
};

using Translation = llvm::SmallVector<int64_t, kMaxRanks>;

} // namespace

/// A point set as a list of boxes (Timeloop's MultiAAHR). Equality compares
/// the lists, not the points, as Timeloop does.
struct TimeloopNestWalk::BoxList {
  int order = 0;
  llvm::SmallVector<Box, 2> boxes;

  int64_t size() const {
    int64_t total = 0;
    for (const Box &box : boxes)
      total += box.size();
    return total;
  }
  bool empty() const {
    return std::all_of(boxes.begin(), boxes.end(),
                       [](const Box &box) { return box.size() == 0; });
  }
  void subtract(const BoxList &other) {
    llvm::SmallVector<Box, 4> pieces;
    for (const Box &cut : other.boxes) {
      pieces.clear();
      for (const Box &box : boxes)
        box.subtract(cut, pieces);
      boxes.assign(pieces.begin(), pieces.end());
    }
  }
  bool operator==(const BoxList &other) const {
    if (boxes.size() != other.boxes.size())
      return false;
    for (const Box &box : boxes)
      if (std::find(other.boxes.begin(), other.boxes.end(), box) ==
          other.boxes.end())
        return false;
    return true;
  }
  /// Rounded move of the size-weighted centroid from this set to `to`
  /// (zero when either is empty).
  Translation translationTo(const BoxList &to) const {
    auto centroid = [&](const BoxList &set, double *out) {
      int64_t total = 0;
      for (int r = 0; r < order; ++r)
        out[r] = 0;
      for (const Box &box : set.boxes) {
        int64_t size = box.size();
        for (int r = 0; r < order; ++r)
          out[r] += (static_cast<double>(box.low[r]) +
                     static_cast<double>(box.high[r] - 1 - box.low[r]) / 2) *
                    static_cast<double>(size);
        total += size;
      }
      if (total != 0)
        for (int r = 0; r < order; ++r)
          out[r] /= static_cast<double>(total);
      return total;
    };
    double from[kMaxRanks], dest[kMaxRanks];
    int64_t sizeFrom = centroid(*this, from), sizeTo = centroid(to, dest);
    Translation result(order, 0);
    if (sizeFrom > 0 && sizeTo > 0)
      for (int r = 0; r < order; ++r)
        result[r] = static_cast<int32_t>(std::round(dest[r] - from[r]));
    return result;
  }
  void translate(const Translation &by) {
    for (Box &box : boxes)
      for (int r = 0; r < order; ++r) {
        box.low[r] += by[r];
        box.high[r] += by[r];
      }
  }
};

/// A point set per data space (Timeloop's OperationSpace).
struct TimeloopNestWalk::Space {
  llvm::SmallVector<BoxList, 4> dataSpaces;
};

/// Per loop and simulated instance (Timeloop's ElementState).
struct TimeloopNestWalk::ElementState {
  Space lastPointSet;
  llvm::SmallVector<std::optional<Translation>, 4> lastTranslation;
  llvm::SmallVector<int64_t, 4> maxSize;
  llvm::SmallVector<std::map<std::pair<int64_t, int64_t>, double>, 4> accesses;
  std::map<uint64_t, Space> previousSpatialDeltas;
  llvm::SmallVector<uint64_t, 4> linkTransfers;
};

TimeloopNestWalk::TimeloopNestWalk() = default;
TimeloopNestWalk::~TimeloopNestWalk() = default;

static TimeloopNestWalk::Space emptySpace(const Workload &workload) {
  TimeloopNestWalk::Space space;
  for (const DataSpace &ds : workload.dataSpaces) {
    TimeloopNestWalk::BoxList list;
    list.order = static_cast<int>(ds.ranks.size());
    space.dataSpaces.push_back(list);
  }
  return space;
}

/// The projection of the problem-space box [low, high] (inclusive).
static TimeloopNestWalk::Space projectBox(const Workload &workload,
                                          const std::vector<int64_t> &low,
                                          const std::vector<int64_t> &high) {
  TimeloopNestWalk::Space space = emptySpace(workload);
  for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
    Box box;
    const auto &ranks = workload.dataSpaces[ds].ranks;
    box.order = static_cast<int>(ranks.size());
    for (int r = 0; r < box.order; ++r) {
      for (const ProjectionTerm &term : ranks[r]) {
        int64_t a = low[term.dimension], b = high[term.dimension];
        if (term.coefficient < 0)
          std::swap(a, b);
        box.low[r] += a * term.coefficient;
        box.high[r] += b * term.coefficient;
      }
      box.high[r] += 1;
    }
    space.dataSpaces[ds].boxes.push_back(box);
  }
  return space;
}

TimeloopNestWalk::ElementState &TimeloopNestWalk::stateOf(int loop) {
  std::vector<unsigned> key(spaceStamp.begin(), spaceStamp.end() - 1);
  auto [it, inserted] = states[loop].try_emplace(key);
  if (inserted) {
    const int numDataSpaces = workload->numDataSpaces();
    it->second.lastPointSet = emptySpace(*workload);
    it->second.lastTranslation.assign(numDataSpaces, std::nullopt);
    it->second.maxSize.assign(numDataSpaces, 0);
    it->second.accesses.resize(numDataSpaces);
    it->second.linkTransfers.assign(numDataSpaces, 0);
  }
  return it->second;
}

bool TimeloopNestWalk::isLastGlobalIteration(int fromLoop, int dimension) const {
  const auto &loops = nest->loops;
  for (int l = fromLoop; l < static_cast<int>(loops.size()); ++l)
    if (loops[l].dimension == dimension && indices[l] + 1 < loops[l].residual)
      return false;
  return true;
}

TimeloopNestWalk::Space TimeloopNestWalk::workingSet(int loop) {
  const int numDims = workload->numDimensions();
  std::vector<int64_t> low(numDims), high(numDims);
  for (int d = 0; d < numDims; ++d) {
    low[d] = transform[d];
    high[d] = transform[d] + (isLastGlobalIteration(loop + 1, d)
                                  ? moldHighResidual[loop][d]
                                  : moldHigh[loop][d]);
  }
  return projectBox(*workload, low, high);
}

std::vector<int64_t> TimeloopNestWalk::operationPoint() const {
  std::vector<int64_t> point(workload->numDimensions(), 0);
  const auto &loops = nest->loops;
  for (size_t l = 0; l < loops.size(); ++l)
    point[loops[l].dimension] += loops[l].stride * indices[l];
  return point;
}

TimeloopNestWalk::Space TimeloopNestWalk::visit(int loop) {
  const NestLoop &current = nest->loops[loop];
  if (boundaryLoop[loop])
    spaceStamp.push_back(0);
  ElementState *state = &stateOf(loop);
  if (current.isSpatial())
    spatialStep(loop);
  else
    temporalStep(loop, *state);

  Space delta = emptySpace(*workload);
  if (boundaryLoop[loop] || masterLoop[loop]) {
    state = &stateOf(loop);
    Space points = workingSet(loop);
    for (int ds = 0; ds < workload->numDataSpaces(); ++ds)
      state->maxSize[ds] =
          std::max(state->maxSize[ds], points.dataSpaces[ds].size());
    if (boundaryLoop[loop]) {
      // Reuse filter (OperationSpace::SaveAndSubtractIfSameStride).
      const LevelMapping &level = mapping->levels[levelOfLoop[loop]];
      for (int ds = 0; ds < workload->numDataSpaces(); ++ds) {
        BoxList &now = points.dataSpaces[ds];
        BoxList &previous = state->lastPointSet.dataSpaces[ds];
        if ((level.noTemporalReuse >> ds) & 1u)
          continue;
        std::optional<Translation> translation;
        if (!previous.empty())
          translation = previous.translationTo(now);
        auto subtractAndKeep = [&]() {
          BoxList saved = now;
          now.subtract(previous);
          previous = std::move(saved);
        };
        auto isZero = [](const std::optional<Translation> &t) {
          return std::all_of(t->begin(), t->end(),
                             [](int64_t x) { return x == 0; });
        };
        std::optional<Translation> &lastTranslation = state->lastTranslation[ds];
        if (!options->stationaryKeepsStride) {
          // Timeloop before PR #297: any change of translation resets.
          if (!lastTranslation) {
            subtractAndKeep();
            lastTranslation = translation;
          } else if (translation && *translation == *lastTranslation) {
            subtractAndKeep();
          } else {
            previous = now;
            lastTranslation.reset();
          }
        } else if (!translation || isZero(translation)) {
          subtractAndKeep();
        } else if (!lastTranslation) {
          subtractAndKeep();
          lastTranslation = translation;
        } else if (*translation == *lastTranslation) {
          subtractAndKeep();
        } else {
          previous = now;
          lastTranslation.reset();
        }
      }
      delta = std::move(points);
    }
  }
  if (boundaryLoop[loop])
    spaceStamp.pop_back();
  return delta;
}

void TimeloopNestWalk::temporalStep(int loop, ElementState &state) {
  const NestLoop &current = nest->loops[loop];
  const int numDataSpaces = workload->numDataSpaces();
  const int dim = current.dimension;
  const int64_t end =
      isLastGlobalIteration(loop + 1, dim) ? current.residual : current.end;
  const uint64_t iterations = static_cast<uint64_t>(end);

  if (loop == 0) {
    uint64_t body = iterations * epochs;
    std::vector<unsigned> key(spaceStamp.begin(), spaceStamp.end() - 1);
    computeCounts[key] += static_cast<double>(body);
    for (int ds = 0; ds < numDataSpaces; ++ds)
      state.accesses[ds][{1, 1}] += static_cast<double>(body);
    return;
  }

  // Which iterations Timeloop runs (NeedsToRunImperfectIteration).
  auto imperfectAt = innermostImperfectLoop.find(dim);
  bool imperfectBelow =
      imperfectAt != innermostImperfectLoop.end() && imperfectAt->second < loop;
  bool runLast = imperfectBelow && isLastGlobalIteration(loop + 1, dim);
  bool runSecondLast = current.isImperfect() && runLast;

  llvm::SmallVector<llvm::SmallVector<int64_t, 4>, 4> sizes;
  llvm::SmallVector<uint64_t, 4> scales;
  auto record = [&](const Space &delta, uint64_t scale) {
    llvm::SmallVector<int64_t, 4> size(numDataSpaces);
    for (int ds = 0; ds < numDataSpaces; ++ds)
      size[ds] = delta.dataSpaces[ds].size();
    sizes.push_back(size);
    scales.push_back(scale);
  };
  const int64_t step = current.stride;
  const int64_t savedTransform = transform[dim];

  // Iteration 0.
  indices[loop] = 0;
  if (iterations >= 1) {
    record(visit(loop - 1), 1);
    transform[dim] += step;
    indices[loop] += 1;
  }
  // Iterations 1 .. the last (or second-last) run once and extrapolated.
  if ((runSecondLast && iterations >= 4) ||
      (runLast && !runSecondLast && iterations >= 3) ||
      (!runLast && iterations >= 2)) {
    uint64_t virtualIterations = runLast ? iterations - 2 : iterations - 1;
    if (runSecondLast)
      virtualIterations -= 1;
    uint64_t savedEpochs = epochs;
    epochs *= virtualIterations;
    Space delta = visit(loop - 1);
    epochs = savedEpochs;
    record(delta, virtualIterations);
    transform[dim] += step * static_cast<int64_t>(virtualIterations);
    indices[loop] += static_cast<int64_t>(virtualIterations);
  }
  // The second-last iteration, for a loop that is itself imperfect.
  if (runSecondLast && iterations >= 3) {
    Space delta = visit(loop - 1);
    if (iterations >= 4)
      ++scales.back();
    else
      record(delta, 1);
    transform[dim] += step;
    indices[loop] += 1;
  }
  // The last iteration.
  if (runLast && iterations >= 2) {
    Space delta = visit(loop - 1);
    if (!runSecondLast && iterations >= 3) {
      ++scales.back();
    } else {
      record(delta, 1);
      transform[dim] += step;
    }
    indices[loop] += 1;
  }
  transform[dim] = savedTransform;

  if (boundaryLoop[loop - 1])
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      uint64_t total = 0;
      for (size_t i = 0; i < sizes.size(); ++i)
        total += static_cast<uint64_t>(sizes[i][ds]) * scales[i];
      state.accesses[ds][{1, 1}] += static_cast<double>(total * epochs);
    }
}

void TimeloopNestWalk::fillSpatialDeltas(int loop,
                                         std::map<uint64_t, Space> &deltas,
                                         uint64_t baseIndex,
                                         int64_t extrapolationStride,
                                         int extrapolationLoop) {
  const auto &loops = nest->loops;
  const NestLoop &current = loops[loop];
  const int dim = current.dimension;
  const int64_t end =
      isLastGlobalIteration(loop + 1, dim) ? current.residual : current.end;
  baseIndex *= static_cast<uint64_t>(end);

  if (loop == 0) {
    for (indices[0] = 0; indices[0] < end; ++indices[0]) {
      uint64_t key = baseIndex + static_cast<uint64_t>(indices[0]);
      Space point = projectBox(*workload, operationPoint(), operationPoint());
      deltas.emplace(key, std::move(point));
      spaceStamp.back() = static_cast<unsigned>(key);
      computeCounts[spaceStamp] += static_cast<double>(epochs);
    }
    return;
  }

  const int next = loop - 1;
  const int64_t step = current.stride;
  const int64_t savedTransform = transform[dim];
  int64_t iterationsRun = 0;
  const int64_t iterationsToRun = 1;
  indices[loop] = 0;

  if (loops[next].isSpatial()) {
    for (indices[loop] = 0; indices[loop] < end;
         ++indices[loop], ++iterationsRun) {
      int64_t nextStride = extrapolationStride * end;
      int nextLoop = extrapolationLoop;
      if (iterationsRun >= iterationsToRun) {
        nextStride = 1;
        nextLoop = loop;
      }
      fillSpatialDeltas(next, deltas,
                        baseIndex + static_cast<uint64_t>(indices[loop]),
                        nextStride, nextLoop);
      transform[dim] += step;
    }
  } else {
    if (extrapolationStride == 0) {
      // Simulate the first child; extrapolate the others from it.
      for (indices[loop] = 0;
           indices[loop] < end && iterationsRun < iterationsToRun;
           ++indices[loop], ++iterationsRun) {
        uint64_t key = baseIndex + static_cast<uint64_t>(indices[loop]);
        spaceStamp.back() = static_cast<unsigned>(key);
        Space delta = visit(next);
        deltas.emplace(key, std::move(delta));
        transform[dim] += step;
      }
      extrapolationStride = 1;
      extrapolationLoop = loop;
    } else {
      extrapolationStride *= end;
      indices[loop] = 0;
    }

    llvm::SmallVector<Translation, 4> translation;
    if (indices[loop] < end) {
      // Motion of the extrapolation loop's working set over one step
      // (GetCurrentTranslationVectors).
      const int moved = loops[extrapolationLoop].dimension;
      Space first = workingSet(extrapolationLoop);
      transform[moved] += loops[extrapolationLoop].stride;
      Space second = workingSet(extrapolationLoop);
      transform[moved] -= loops[extrapolationLoop].stride;
      for (int ds = 0; ds < workload->numDataSpaces(); ++ds)
        translation.push_back(
            first.dataSpaces[ds].translationTo(second.dataSpaces[ds]));
    }
    for (; indices[loop] < end; ++indices[loop], ++iterationsRun) {
      uint64_t target = baseIndex + static_cast<uint64_t>(indices[loop]);
      uint64_t source = target - static_cast<uint64_t>(extrapolationStride);
      auto it = deltas.find(source);
      if (it == deltas.end()) {
        abortReason = "Timeloop's spatial extrapolation finds no delta to "
                      "extrapolate from (its imperfect spatial loops reach "
                      "positions it did not simulate)";
        return;
      }
      Space copy = it->second;
      for (int ds = 0; ds < workload->numDataSpaces(); ++ds)
        copy.dataSpaces[ds].translate(translation[ds]);
      deltas.emplace(target, std::move(copy));
    }
  }
  transform[dim] = savedTransform;
}

void TimeloopNestWalk::spatialStep(int loop) {
  const int numDataSpaces = workload->numDataSpaces();
  const int level = levelOfLoop[loop];
  const LevelMapping &levelMapping = mapping->levels[level];
  std::map<uint64_t, Space> deltas;
  fillSpatialDeltas(loop, deltas, 0, 0, loop);
  if (!abortReason.empty())
    return;
  ElementState &state = stateOf(loop);

  // Children with equal deltas share one parent access
  // (ComputeAccurateMulticastedAccesses).
  using Histogram = std::map<std::pair<int64_t, int64_t>, double>;
  auto multicast = [&](std::vector<std::vector<uint64_t>> &unaccounted,
                       std::vector<Histogram> &out) {
    out.assign(numDataSpaces, {});
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      bool noMulticast = (levelMapping.noMulticast >> ds) & 1u;
      std::map<int64_t, std::pair<double, int64_t>> bySize;
      auto &open = unaccounted[ds];
      for (auto it = deltas.begin(); it != deltas.end(); ++it) {
        auto self = std::find(open.begin(), open.end(), it->first);
        if (self == open.end())
          continue;
        open.erase(self);
        int64_t matches = 1;
        if (!noMulticast)
          for (auto other = std::next(it); other != deltas.end(); ++other) {
            auto found = std::find(open.begin(), open.end(), other->first);
            if (found != open.end() &&
                it->second.dataSpaces[ds] == other->second.dataSpaces[ds]) {
              open.erase(found);
              ++matches;
            }
          }
        int64_t size = it->second.dataSpaces[ds].size();
        if (size > 0) {
          auto &entry = bySize[matches];
          entry.first += static_cast<double>(static_cast<uint64_t>(size) * epochs);
          entry.second += 1;
        }
      }
      for (auto &[matches, entry] : bySize)
        out[ds][{matches, entry.second}] = entry.first;
    }
  };
  auto allKeys = [&]() {
    std::vector<std::vector<uint64_t>> keys(numDataSpaces);
    for (auto &entry : deltas)
      for (auto &list : keys)
        list.push_back(entry.first);
    return keys;
  };
  auto total = [](const Histogram &histogram) {
    double sum = 0;
    for (auto &entry : histogram)
      sum += entry.second;
    return sum;
  };

  std::vector<Histogram> without, with;
  auto unaccounted = allKeys();
  multicast(unaccounted, without);
  std::vector<Histogram> *chosen = &without;
  std::vector<bool> useLinks(numDataSpaces, false);
  std::vector<uint64_t> linked(numDataSpaces, 0);

  bool anyLinks = false;
  for (int ds = 0; ds < numDataSpaces; ++ds)
    anyLinks |= !((levelMapping.noLinkTransfer >> ds) & 1u);
  if (options->linkTransfers && masterLoop[loop] && anyLinks) {
    // ComputeNetworkLinkTransfers: a child whose delta equals a neighbour's
    // delta of the previous visit gets it over the link.
    const uint64_t width = std::max<uint64_t>(
        static_cast<uint64_t>(arch->storage[level].fanoutX), fanoutX[loop]);
    const uint64_t height = std::max<uint64_t>(
        static_cast<uint64_t>(arch->storage[level].fanoutY), fanoutY[loop]);
    unaccounted = allKeys();
    std::vector<std::vector<bool>> reuse(
        width * height, std::vector<bool>(numDataSpaces, false));
    auto compare = [&](uint64_t now, uint64_t before) {
      auto cur = deltas.find(now);
      auto prev = state.previousSpatialDeltas.find(before);
      if (cur == deltas.end() || prev == state.previousSpatialDeltas.end())
        return;
      for (int ds = 0; ds < numDataSpaces; ++ds)
        if (!((levelMapping.noLinkTransfer >> ds) & 1u) &&
            !cur->second.dataSpaces[ds].empty() &&
            cur->second.dataSpaces[ds] == prev->second.dataSpaces[ds])
          reuse[now][ds] = true;
    };
    auto index = [&](uint64_t h, uint64_t v) { return v * width + h; };
    if (height > 1)
      for (uint64_t h = 0; h < width; ++h)
        for (uint64_t v = 0; v < height; ++v) {
          if (v > 0)
            compare(index(h, v), index(h, v - 1));
          if (v + 1 < height)
            compare(index(h, v), index(h, v + 1));
        }
    if (width > 1)
      for (uint64_t v = 0; v < height; ++v)
        for (uint64_t h = 0; h < width; ++h) {
          if (h > 0)
            compare(index(h, v), index(h - 1, v));
          if (h + 1 < width)
            compare(index(h, v), index(h + 1, v));
        }
    for (auto &[key, delta] : deltas)
      for (int ds = 0; ds < numDataSpaces; ++ds)
        if (key < reuse.size() && reuse[key][ds]) {
          linked[ds] +=
              static_cast<uint64_t>(delta.dataSpaces[ds].size()) * epochs;
          auto &open = unaccounted[ds];
          open.erase(std::find(open.begin(), open.end(), key));
        }
    state.previousSpatialDeltas = deltas;
    multicast(unaccounted, with);
    for (int ds = 0; ds < numDataSpaces; ++ds)
      useLinks[ds] = static_cast<uint64_t>(total(with[ds])) <
                     static_cast<uint64_t>(total(without[ds]));
  }
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    const Histogram &histogram = useLinks[ds] ? with[ds] : (*chosen)[ds];
    if (useLinks[ds])
      state.linkTransfers[ds] += linked[ds];
    for (auto &[key, accesses] : histogram)
      state.accesses[ds][key] += accesses;
  }
}

bool TimeloopNestWalk::run(const Workload &theWorkload,
                           const Architecture &theArch,
                           const Mapping &theMapping, const LoopNest &theNest,
                           const EvaluationOptions &theOptions,
                           llvm::SmallVectorImpl<LevelRecord> &records,
                           WalkComputeFigures &compute, std::string &error) {
  workload = &theWorkload;
  arch = &theArch;
  mapping = &theMapping;
  nest = &theNest;
  options = &theOptions;
  abortReason.clear();
  const auto &loops = nest->loops;
  const int numLoops = static_cast<int>(loops.size());
  const int numDims = workload->numDimensions();
  const int numLevels = arch->numLevels();
  const int numDataSpaces = workload->numDataSpaces();

  // Storage boundaries and the level owning each loop.
  boundaryLoop.assign(numLoops, false);
  levelOfLoop.assign(numLoops, 0);
  for (int s = 0, first = 0; s < numLevels; ++s) {
    boundaryLoop[nest->boundary[s]] = true;
    for (; first <= nest->boundary[s]; ++first)
      levelOfLoop[first] = s;
  }

  // Spatial instances above every loop; used instances with imperfect
  // spatial loops averaged over their dimension's outer iterations
  // (InitNumSpatialElems).
  spatialAbove.assign(numLoops, 1);
  usedAbove.assign(numLoops, 1.0);
  masterLoop.assign(numLoops, false);
  {
    uint64_t product = 1;
    double used = 1;
    bool previousSpatial = false;
    for (int l = numLoops - 1; l >= 0; --l) {
      spatialAbove[l] = product;
      usedAbove[l] = used;
      if (!loops[l].isSpatial()) {
        previousSpatial = false;
        continue;
      }
      masterLoop[l] = !previousSpatial;
      product *= static_cast<uint64_t>(loops[l].end);
      if (loops[l].isImperfect()) {
        double outer = 1;
        bool found = false;
        for (int o = numLoops - 1; o > l; --o)
          if (loops[o].dimension == loops[l].dimension) {
            outer = static_cast<double>(loops[o].residual) +
                    static_cast<double>(loops[o].end) * (outer - 1);
            found = true;
          }
        if (!found) {
          error = "Timeloop aborts on this mapping: the outermost loop of "
                  "dimension '" +
                  workload->dimensions[loops[l].dimension].name +
                  "' is an imperfect spatial loop";
          return false;
        }
        used = used *
               (static_cast<double>(loops[l].residual) +
                static_cast<double>(loops[l].end) * (outer - 1)) /
               outer;
      } else {
        used *= static_cast<double>(loops[l].end);
      }
      previousSpatial = true;
    }
  }

  // Logical fanouts of master spatial loops (InitSpatialFanouts).
  fanout.assign(numLoops, 1);
  fanoutX.assign(numLoops, 1);
  fanoutY.assign(numLoops, 1);
  for (int l = numLoops - 1; l >= 0; --l) {
    if (!loops[l].isSpatial())
      continue;
    if (!masterLoop[l]) {
      fanout[l] = 0;
      continue;
    }
    uint64_t product = 1;
    for (int b = l; b >= 0 && loops[b].isSpatial(); --b) {
      (loops[b].kind == LoopKind::SpatialX ? fanoutX[l] : fanoutY[l]) *=
          static_cast<uint64_t>(loops[b].end);
      product *= static_cast<uint64_t>(loops[b].end);
    }
    fanout[l] = product;
  }

  // Molds of every loop, full and on the last pass (InitPerLevelDimScales).
  moldHigh.assign(numLoops, std::vector<int64_t>(numDims));
  moldHighResidual.assign(numLoops, std::vector<int64_t>(numDims));
  {
    std::vector<int64_t> scale(numDims, 1), scaleResidual(numDims, 1);
    for (int l = 0; l < numLoops; ++l) {
      int d = loops[l].dimension;
      scaleResidual[d] += scale[d] * (loops[l].residual - 1);
      scale[d] *= loops[l].end;
      for (int e = 0; e < numDims; ++e) {
        moldHigh[l][e] = scale[e] - 1;
        moldHighResidual[l][e] = scaleResidual[e] - 1;
      }
    }
  }
  innermostImperfectLoop.clear();
  for (int l = numLoops - 1; l >= 0; --l)
    if (loops[l].isImperfect())
      innermostImperfectLoop[loops[l].dimension] = l;

  // Walk.
  transform.assign(numDims, 0);
  indices.assign(numLoops, 0);
  epochs = 1;
  spaceStamp.clear();
  states.assign(numLoops, {});
  computeCounts.clear();
  visit(numLoops - 1);
  if (!abortReason.empty()) {
    error = abortReason;
    return false;
  }

  // Averages over the simulated instances (CollectWorkingSets).
  auto averaged = [&](int loop, int ds, LevelRecord &record) {
    const auto &instances = states[loop];
    std::map<std::pair<int64_t, int64_t>, double> sum;
    uint64_t link = 0;
    for (auto &[key, state] : instances) {
      for (auto &[entry, accesses] : state.accesses[ds])
        sum[entry] += accesses;
      link += state.linkTransfers[ds];
    }
    uint64_t count = std::max<uint64_t>(1, instances.size());
    record.accesses.clear();
    for (auto &[entry, accesses] : sum)
      record.accesses.push_back({entry.first, entry.second,
                                 accesses / static_cast<double>(count)});
    record.linkTransfers = static_cast<double>(link / count);
  };
  auto averageSize = [&](int loop, int ds) {
    const auto &instances = states[loop];
    uint64_t sum = 0;
    for (auto &[key, state] : instances)
      sum += static_cast<uint64_t>(state.maxSize[ds]);
    return static_cast<int64_t>(sum / std::max<uint64_t>(1, instances.size()));
  };

  records.resize(static_cast<size_t>(numLevels) * numDataSpaces);
  for (int s = 0; s < numLevels; ++s) {
    int inner = nest->masterSpatial[s] >= 0 ? nest->masterSpatial[s]
                                            : nest->firstLoop[s];
    auto [maxX, maxY] = nest->spatialExtentAbove(s);
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      LevelRecord &record = records[static_cast<size_t>(s) * numDataSpaces + ds];
      record = LevelRecord();
      averaged(inner, ds, record);
      record.tileSize = averageSize(nest->boundary[s], ds);
      record.unionSize = nest->masterSpatial[s] >= 0
                             ? averageSize(nest->masterSpatial[s], ds)
                             : record.tileSize;
      record.fanout = static_cast<int64_t>(fanout[inner]);
      record.replication =
          static_cast<int64_t>(static_cast<uint64_t>(usedAbove[nest->boundary[s]]));
      record.maxX = maxX;
      record.maxY = maxY;
    }
  }

  // Compute level: the innermost recorded loop.
  int innermost = 0;
  while (innermost < numLoops && loops[innermost].isSpatial() &&
         !masterLoop[innermost])
    ++innermost;
  double sum = 0;
  for (auto &[key, count] : computeCounts)
    sum += count;
  compute.averageOperations =
      computeCounts.empty() ? 0 : sum / static_cast<double>(computeCounts.size());
  compute.replication = static_cast<int64_t>(static_cast<uint64_t>(
      usedAbove[innermost] * static_cast<double>(fanout[innermost])));
  compute.temporalIterations = 1;
  for (const NestLoop &loop : loops)
    if (!loop.isSpatial())
      compute.temporalIterations *= loop.end;
  return true;
}
