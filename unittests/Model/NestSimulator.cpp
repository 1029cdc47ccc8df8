//===- NestSimulator.cpp - Brute-force reference for the model ------------===//

#include "NestSimulator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

using namespace accel;
using namespace accel::testing;

namespace {

using PointSet = std::vector<int64_t>; // sorted, unique encoded points
using Histogram = std::map<std::pair<int64_t, int64_t>, double>;

enum class Kind { Temporal, SpatialX, SpatialY };

struct Loop {
  int dim;
  int64_t end;
  Kind kind;
  int level;
};

struct Box {
  std::vector<int64_t> low, high;
};

struct DataSpaceState {
  PointSet previous;
  Box previousBox;
  bool hasPrevious = false;
  std::optional<std::vector<int64_t>> previousTranslation;
};

struct LoopState {
  std::vector<DataSpaceState> dataSpaces;
  std::vector<Histogram> accesses;
  std::vector<double> links;
  /// Master spatial loops: the children's deltas of the previous visit.
  std::optional<std::vector<std::vector<PointSet>>> previousSpatial;
  /// Exact mode, boundary loops: where the previous tile was.
  std::vector<int64_t> previousOrigin, previousIndex;
  /// Largest tile (boundary loops) or union of children's tiles (master
  /// spatial loops) seen, per data space.
  std::vector<int64_t> maxSize;
  /// Whether the instance ever held a non-empty tile.
  bool active = false;
};

class Simulator {
public:
  Simulator(const model::Workload &workload, const model::Architecture &arch,
            const model::Mapping &mapping, bool extrapolate, bool links,
            bool keepStride)
      : workload(workload), arch(arch), mapping(mapping),
        extrapolate(extrapolate), links(links), keepStride(keepStride) {}

  SimulatedCounts run();

private:
  void buildNest();
  Box project(int ds, const std::vector<int64_t> &low,
              const std::vector<int64_t> &high) const;
  PointSet points(const Box &box) const;
  /// The tile of loop `loop` at the current origin, cut at the bounds
  /// (exact mode); false when it is empty.
  bool clippedTile(int loop, std::vector<int64_t> &low,
                   std::vector<int64_t> &high) const;
  bool validPoint() const;
  std::vector<PointSet> visit(int loop);
  void temporalStep(int loop);
  void spatialStep(int loop);
  std::vector<PointSet> filter(int loop);
  std::vector<PointSet> timeloopFilter(int loop);
  std::vector<PointSet> exactFilter(int loop);
  void recordOperation();
  LoopState &state(int loop) {
    auto [it, inserted] = states.try_emplace({loop, path});
    if (inserted) {
      it->second.dataSpaces.resize(workload.numDataSpaces());
      it->second.accesses.resize(workload.numDataSpaces());
      it->second.links.assign(workload.numDataSpaces(), 0.0);
      it->second.maxSize.assign(workload.numDataSpaces(), 0);
    }
    return it->second;
  }
  int64_t boxSize(const Box &box) const {
    int64_t size = 1;
    for (size_t r = 0; r < box.low.size(); ++r)
      size *= box.high[r] - box.low[r] + 1;
    return size;
  }
  int64_t boxSize(int ds, const std::vector<int64_t> &extents) const {
    std::vector<int64_t> low(workload.numDimensions(), 0), high(extents);
    for (int64_t &h : high)
      h -= 1;
    return boxSize(project(ds, low, high));
  }

  const model::Workload &workload;
  const model::Architecture &arch;
  const model::Mapping &mapping;
  bool extrapolate, links, keepStride;

  std::vector<Loop> loops;
  std::vector<int> boundary;      // per level
  std::vector<int> firstLoop;     // per level
  std::vector<int> master;        // per level, -1 if none
  std::vector<bool> isBoundary;   // per loop
  std::vector<int> levelOfBoundary; // per loop, -1 if not a boundary
  std::vector<int> innermostAbove; // per boundary loop: a_1, or -1
  std::vector<int64_t> stride;    // per loop
  std::vector<std::vector<int64_t>> mold; // per loop, per dim (inclusive)
  std::vector<int64_t> bounds;    // per dim

  std::vector<int64_t> origin;    // current transform t
  std::vector<int64_t> index;     // current index of every loop
  double epochs = 1;
  std::vector<int64_t> path;
  std::map<std::pair<int, std::vector<int64_t>>, LoopState> states;

  int64_t computes = 0;
  std::set<std::vector<int64_t>> computeUnits;  // paths that computed
  std::set<std::vector<int64_t>> busySteps;     // temporal indices
};

void Simulator::buildNest() {
  const int numDims = workload.numDimensions();
  for (int s = 0; s < arch.numLevels(); ++s) {
    const model::LevelMapping &level = mapping.levels[s];
    firstLoop.push_back(static_cast<int>(loops.size()));
    if (arch.storage[s].fanout() > 1) {
      for (int i = static_cast<int>(level.spatialX.size()) - 1; i >= 0; --i)
        if (level.spatialX[i].factor > 1)
          loops.push_back({level.spatialX[i].dimension, level.spatialX[i].factor,
                           Kind::SpatialX, s});
      for (int i = static_cast<int>(level.spatialY.size()) - 1; i >= 0; --i)
        if (level.spatialY[i].factor > 1)
          loops.push_back({level.spatialY[i].dimension, level.spatialY[i].factor,
                           Kind::SpatialY, s});
    }
    master.push_back(static_cast<int>(loops.size()) > firstLoop.back()
                         ? static_cast<int>(loops.size()) - 1
                         : -1);
    size_t before = loops.size();
    for (int i = static_cast<int>(level.temporal.size()) - 1; i >= 0; --i)
      if (level.temporal[i].factor > 1)
        loops.push_back({level.temporal[i].dimension, level.temporal[i].factor,
                         Kind::Temporal, s});
    if (loops.size() == before)
      loops.push_back({numDims - 1, 1, Kind::Temporal, s});
    boundary.push_back(static_cast<int>(loops.size()) - 1);
  }
  isBoundary.assign(loops.size(), false);
  levelOfBoundary.assign(loops.size(), -1);
  innermostAbove.assign(loops.size(), -1);
  for (int s = 0; s < arch.numLevels(); ++s) {
    isBoundary[boundary[s]] = true;
    levelOfBoundary[boundary[s]] = s;
    for (size_t l = boundary[s] + 1; l < loops.size(); ++l)
      if (loops[l].kind == Kind::Temporal && loops[l].end > 1) {
        innermostAbove[boundary[s]] = static_cast<int>(l);
        break;
      }
  }
  std::vector<int64_t> product(numDims, 1);
  for (const Loop &loop : loops) {
    stride.push_back(product[loop.dim]);
    product[loop.dim] *= loop.end;
    std::vector<int64_t> corner(numDims);
    for (int d = 0; d < numDims; ++d)
      corner[d] = product[d] - 1;
    mold.push_back(corner);
  }
  for (const model::Dimension &dim : workload.dimensions)
    bounds.push_back(dim.bound);
}

Box Simulator::project(int ds, const std::vector<int64_t> &low,
                       const std::vector<int64_t> &high) const {
  Box box;
  for (const model::Rank &rank : workload.dataSpaces[ds].ranks) {
    int64_t lo = 0, hi = 0;
    for (const model::ProjectionTerm &term : rank) {
      int64_t a = term.coefficient * low[term.dimension];
      int64_t b = term.coefficient * high[term.dimension];
      lo += std::min(a, b);
      hi += std::max(a, b);
    }
    box.low.push_back(lo);
    box.high.push_back(hi);
  }
  return box;
}

PointSet Simulator::points(const Box &box) const {
  PointSet result;
  const size_t ranks = box.low.size();
  std::vector<int64_t> point(box.low);
  while (true) {
    int64_t key = 0;
    for (size_t r = 0; r < ranks; ++r)
      key = key * 4096 + (point[r] + 1024);
    result.push_back(key);
    size_t r = 0;
    for (; r < ranks; ++r) {
      if (++point[r] <= box.high[r])
        break;
      point[r] = box.low[r];
    }
    if (r == ranks)
      break;
  }
  std::sort(result.begin(), result.end());
  return result;
}

static PointSet difference(const PointSet &a, const PointSet &b) {
  PointSet result;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                      std::back_inserter(result));
  return result;
}

bool Simulator::clippedTile(int loop, std::vector<int64_t> &low,
                            std::vector<int64_t> &high) const {
  low = origin;
  high = origin;
  bool empty = false;
  for (size_t d = 0; d < high.size(); ++d) {
    high[d] = std::min(origin[d] + mold[loop][d], bounds[d] - 1);
    empty |= low[d] > high[d];
  }
  return !empty;
}

bool Simulator::validPoint() const {
  for (size_t d = 0; d < origin.size(); ++d)
    if (origin[d] >= bounds[d])
      return false;
  return true;
}

void Simulator::recordOperation() {
  ++computes;
  computeUnits.insert(path);
  std::vector<int64_t> step;
  for (size_t l = 0; l < loops.size(); ++l)
    if (loops[l].kind == Kind::Temporal)
      step.push_back(index[l]);
  busySteps.insert(step);
}

std::vector<PointSet> Simulator::filter(int loop) {
  return extrapolate ? timeloopFilter(loop) : exactFilter(loop);
}

std::vector<PointSet> Simulator::timeloopFilter(int loop) {
  const int numDataSpaces = workload.numDataSpaces();
  std::vector<PointSet> deltas(numDataSpaces);
  std::vector<int64_t> high(origin);
  for (size_t d = 0; d < high.size(); ++d)
    high[d] += mold[loop][d];
  LoopState &s = state(loop);
  s.active = true;
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    Box box = project(ds, origin, high);
    PointSet current = points(box);
    s.maxSize[ds] = std::max<int64_t>(s.maxSize[ds], current.size());
    DataSpaceState &st = s.dataSpaces[ds];
    if ((mapping.levels[loops[loop].level].noTemporalReuse >> ds) & 1u) {
      deltas[ds] = current;
      continue;
    }
    std::optional<std::vector<int64_t>> translation;
    if (st.hasPrevious) {
      std::vector<int64_t> t;
      for (size_t r = 0; r < box.low.size(); ++r) {
        double now = (box.low[r] + box.high[r]) / 2.0;
        double before = (st.previousBox.low[r] + st.previousBox.high[r]) / 2.0;
        t.push_back(static_cast<int64_t>(std::round(now - before)));
      }
      translation = t;
    }
    bool still = keepStride &&
                 (!translation ||
                  std::all_of(translation->begin(), translation->end(),
                              [](int64_t x) { return x == 0; }));
    if (still) {
      // A stationary tile keeps the remembered stride.
      deltas[ds] = difference(current, st.previous);
    } else if (!st.previousTranslation) {
      deltas[ds] = difference(current, st.previous);
      st.previousTranslation = translation;
    } else if (translation == st.previousTranslation) {
      deltas[ds] = difference(current, st.previous);
    } else {
      deltas[ds] = current;
      st.previousTranslation.reset();
    }
    st.previous = std::move(current);
    st.previousBox = box;
    st.hasPrevious = true;
  }
  return deltas;
}

std::vector<PointSet> Simulator::exactFilter(int loop) {
  const int numDataSpaces = workload.numDataSpaces();
  std::vector<PointSet> deltas(numDataSpaces);
  std::vector<int64_t> low, high;
  bool nonEmpty = clippedTile(loop, low, high);
  LoopState &s = state(loop);
  s.active |= nonEmpty;

  // The loop that advanced since the previous tile: the outermost one
  // whose index changed.
  int advanced = -1;
  if (!s.previousIndex.empty())
    for (size_t l = loops.size(); l-- > static_cast<size_t>(loop) + 1;)
      if (loops[l].kind == Kind::Temporal && index[l] != s.previousIndex[l]) {
        advanced = static_cast<int>(l);
        break;
      }
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    PointSet current;
    if (nonEmpty)
      current = points(project(ds, low, high));
    s.maxSize[ds] = std::max<int64_t>(s.maxSize[ds], current.size());
    DataSpaceState &st = s.dataSpaces[ds];
    bool reuse = st.hasPrevious &&
                 !((mapping.levels[loops[loop].level].noTemporalReuse >> ds) & 1u);
    if (reuse) {
      // Reuse when the tile stays where it was or moves as the innermost
      // loop that moves it does.
      auto projected = [&](const std::vector<int64_t> &move) {
        std::vector<int64_t> result;
        for (const model::Rank &rank : workload.dataSpaces[ds].ranks) {
          int64_t value = 0;
          for (const model::ProjectionTerm &term : rank)
            value += term.coefficient * move[term.dimension];
          result.push_back(value);
        }
        return result;
      };
      std::vector<int64_t> move(origin.size());
      for (size_t d = 0; d < origin.size(); ++d)
        move[d] = origin[d] - s.previousOrigin[d];
      std::vector<int64_t> moved = projected(move);
      std::vector<int64_t> zero(moved.size(), 0), step = zero;
      for (size_t l = loop + 1; l < loops.size(); ++l) {
        if (loops[l].kind != Kind::Temporal || loops[l].end < 2)
          continue;
        std::vector<int64_t> unit(origin.size(), 0);
        unit[loops[l].dim] = stride[l];
        step = projected(unit);
        if (!keepStride || step != zero)
          break;
      }
      reuse = moved == step || (keepStride && moved == zero) ||
              (!keepStride && advanced == innermostAbove[loop]);
    }
    deltas[ds] = reuse ? difference(current, st.previous) : current;
    st.previous = std::move(current);
    st.hasPrevious = true;
  }
  s.previousOrigin = origin;
  s.previousIndex = index;
  return deltas;
}

std::vector<PointSet> Simulator::visit(int loop) {
  if (loops[loop].kind != Kind::Temporal)
    spatialStep(loop);
  else
    temporalStep(loop);
  if (isBoundary[loop])
    return filter(loop);
  return {};
}

void Simulator::temporalStep(int loop) {
  const Loop &l = loops[loop];
  const int numDataSpaces = workload.numDataSpaces();
  LoopState *s = &state(loop);
  if (loop == 0) {
    int64_t operations = l.end;
    if (!extrapolate) {
      operations = 0;
      for (int64_t i = 0; i < l.end; ++i) {
        index[loop] = i;
        origin[l.dim] += i * stride[loop];
        if (validPoint()) {
          ++operations;
          recordOperation();
        }
        origin[l.dim] -= i * stride[loop];
      }
      index[loop] = 0;
    }
    for (int ds = 0; ds < numDataSpaces; ++ds)
      s->accesses[ds][{1, 1}] += static_cast<double>(operations) * epochs;
    return;
  }
  std::vector<double> total(numDataSpaces, 0.0);
  auto add = [&](const std::vector<PointSet> &deltas, double weight) {
    if (deltas.empty())
      return;
    for (int ds = 0; ds < numDataSpaces; ++ds)
      total[ds] += weight * static_cast<double>(deltas[ds].size());
  };
  if (extrapolate) {
    add(visit(loop - 1), 1);
    if (l.end >= 2) {
      origin[l.dim] += stride[loop];
      double saved = epochs;
      epochs *= static_cast<double>(l.end - 1);
      add(visit(loop - 1), static_cast<double>(l.end - 1));
      epochs = saved;
      origin[l.dim] -= stride[loop];
    }
  } else {
    for (int64_t i = 0; i < l.end; ++i) {
      index[loop] = i;
      add(visit(loop - 1), 1);
      origin[l.dim] += stride[loop];
    }
    origin[l.dim] -= stride[loop] * l.end;
    index[loop] = 0;
  }
  if (isBoundary[loop - 1]) {
    s = &state(loop);
    for (int ds = 0; ds < numDataSpaces; ++ds)
      s->accesses[ds][{1, 1}] += total[ds] * epochs;
  }
}

void Simulator::spatialStep(int loop) {
  const int numDataSpaces = workload.numDataSpaces();
  const int level = loops[loop].level;
  const int first = firstLoop[level];
  const int child = first - 1;
  int64_t positions = 1, fanX = 1, fanY = 1;
  for (int l = first; l <= loop; ++l) {
    positions *= loops[l].end;
    (loops[l].kind == Kind::SpatialX ? fanX : fanY) *= loops[l].end;
  }
  {
    // The working set of the whole block, for partition sizes.
    LoopState &s = state(loop);
    std::vector<int64_t> low, high(origin);
    bool nonEmpty = true;
    if (extrapolate) {
      low = origin;
      for (size_t d = 0; d < high.size(); ++d)
        high[d] += mold[loop][d];
    } else {
      nonEmpty = clippedTile(loop, low, high);
    }
    if (nonEmpty)
      for (int ds = 0; ds < numDataSpaces; ++ds)
        s.maxSize[ds] = std::max(s.maxSize[ds], boxSize(project(ds, low, high)));
  }
  std::vector<std::vector<PointSet>> deltas(positions);
  for (int64_t p = 0; p < positions; ++p) {
    std::vector<int64_t> saved(origin);
    int64_t rest = p;
    for (int l = first; l <= loop; ++l) {
      index[l] = rest % loops[l].end;
      origin[loops[l].dim] += index[l] * stride[l];
      rest /= loops[l].end;
    }
    if (child >= 0) {
      path.push_back(p);
      deltas[p] = visit(child);
      path.pop_back();
    } else {
      deltas[p].resize(numDataSpaces);
      if (extrapolate || validPoint()) {
        path.push_back(p);
        if (!extrapolate)
          recordOperation();
        path.pop_back();
        for (int ds = 0; ds < numDataSpaces; ++ds)
          deltas[p][ds] = points(project(ds, origin, origin));
      }
    }
    origin = saved;
  }
  for (int l = first; l <= loop; ++l)
    index[l] = 0;

  LoopState &s = state(loop);
  const int64_t width = std::max(arch.storage[level].fanoutX, fanX);
  const int64_t height = std::max(arch.storage[level].fanoutY, fanY);
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    bool noMulticast = (mapping.levels[level].noMulticast >> ds) & 1u;
    auto group = [&](const std::vector<bool> &skip, Histogram &hist) {
      std::vector<bool> used(skip);
      double total = 0;
      std::map<int64_t, int64_t> groupsBySize;
      std::map<int64_t, double> accessesBySize;
      for (int64_t p = 0; p < positions; ++p) {
        if (used[p] || deltas[p][ds].empty())
          continue;
        used[p] = true;
        int64_t members = 1;
        if (!noMulticast)
          for (int64_t q = p + 1; q < positions; ++q)
            if (!used[q] && deltas[q][ds] == deltas[p][ds]) {
              used[q] = true;
              ++members;
            }
        groupsBySize[members] += 1;
        accessesBySize[members] +=
            static_cast<double>(deltas[p][ds].size()) * epochs;
        total += static_cast<double>(deltas[p][ds].size()) * epochs;
      }
      for (auto &[members, groups] : groupsBySize)
        hist[{members, groups}] += accessesBySize[members];
      return total;
    };
    Histogram without, with;
    double totalWithout = group(std::vector<bool>(positions, false), without);
    Histogram *chosen = &without;
    if (links && !((mapping.levels[level].noLinkTransfer >> ds) & 1u) &&
        s.previousSpatial) {
      const auto &previous = *s.previousSpatial;
      std::vector<bool> served(positions, false);
      double linked = 0;
      for (int64_t p = 0; p < positions; ++p) {
        if (deltas[p][ds].empty())
          continue;
        int64_t h = p % width, v = p / width;
        auto matches = [&](int64_t q) {
          return q >= 0 && q < positions && previous[q][ds] == deltas[p][ds];
        };
        if ((v > 0 && matches(p - width)) ||
            (v + 1 < height && matches(p + width)) ||
            (h > 0 && matches(p - 1)) || (h + 1 < width && matches(p + 1))) {
          served[p] = true;
          linked += static_cast<double>(deltas[p][ds].size()) * epochs;
        }
      }
      double totalWith = group(served, with);
      if (totalWith < totalWithout) {
        chosen = &with;
        s.links[ds] += linked;
      }
    }
    for (auto &[key, accesses] : *chosen)
      s.accesses[ds][key] += accesses;
  }
  s.previousSpatial = deltas;
}

SimulatedCounts Simulator::run() {
  buildNest();
  const int numLevels = arch.numLevels();
  const int numDataSpaces = workload.numDataSpaces();
  const int numDims = workload.numDimensions();
  origin.assign(numDims, 0);
  index.assign(loops.size(), 0);
  visit(static_cast<int>(loops.size()) - 1);

  // Per level and data space: the records of the level's innermost recorded
  // loop, summed over instances; instances counted.
  std::vector<std::vector<Histogram>> acc(numLevels,
                                          std::vector<Histogram>(numDataSpaces));
  std::vector<std::vector<double>> link(numLevels,
                                        std::vector<double>(numDataSpaces, 0));
  std::vector<int64_t> instances(numLevels, 0), activeInstances(numLevels, 0);
  std::vector<std::vector<int64_t>> size(numLevels,
                                         std::vector<int64_t>(numDataSpaces, 0));
  std::vector<std::vector<int64_t>> unionSize = size;
  for (int s = 0; s < numLevels; ++s) {
    int inner = master[s] >= 0 ? master[s] : firstLoop[s];
    for (auto &[key, st] : states) {
      if (key.first == boundary[s]) {
        ++instances[s];
        activeInstances[s] += st.active;
        for (int ds = 0; ds < numDataSpaces; ++ds)
          size[s][ds] = std::max(size[s][ds], st.maxSize[ds]);
      }
      if (master[s] >= 0 && key.first == master[s])
        for (int ds = 0; ds < numDataSpaces; ++ds)
          unionSize[s][ds] = std::max(unionSize[s][ds], st.maxSize[ds]);
      if (key.first != inner)
        continue;
      for (int ds = 0; ds < numDataSpaces; ++ds) {
        for (auto &[k, v] : st.accesses[ds])
          acc[s][ds][k] += v;
        link[s][ds] += st.links[ds];
      }
    }
    if (master[s] < 0)
      unionSize[s] = size[s];
  }
  // Timeloop averages over the simulated instances; exact mode over the
  // instances that ever hold data.
  std::vector<double> divisor(numLevels);
  for (int s = 0; s < numLevels; ++s)
    divisor[s] = static_cast<double>(extrapolate ? instances[s]
                                                 : std::max<int64_t>(1, activeInstances[s]));

  SimulatedCounts result;
  result.levels.resize(numLevels);
  for (int s = 0; s < numLevels; ++s) {
    result.levels[s].dataSpaces.resize(numDataSpaces);
    result.levels[s].utilizedInstances =
        extrapolate ? instances[s] : activeInstances[s];
  }
  result.computes = computes;
  result.computeInstances = static_cast<int64_t>(computeUnits.size());
  result.cycles = static_cast<int64_t>(busySteps.size());

  // Section 3: partitions, shares, bypass masking, reads/fills/updates,
  // on totals over instances.
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    auto keeps = [&](int s) { return (mapping.levels[s].keep >> ds) & 1u; };
    auto content = [&](int s) {
      double sum = 0;
      for (auto &[k, v] : acc[s][ds])
        sum += v;
      return sum;
    };
    auto delivered = [&](int s) {
      double sum = 0;
      for (auto &[k, v] : acc[s][ds])
        sum += v * static_cast<double>(k.first);
      return sum;
    };
    std::vector<int64_t> sz(numLevels), partition(numLevels);
    std::vector<double> share(numLevels, 0), peer(numLevels, 0),
        cont(numLevels);
    for (int s = 0; s < numLevels; ++s) {
      sz[s] = size[s][ds];
      cont[s] = content(s);
    }
    partition[numLevels - 1] = sz[numLevels - 1];
    for (int s = numLevels - 2; s >= 0; --s) {
      int64_t denominator = master[s + 1] >= 0 ? unionSize[s + 1][ds] : sz[s];
      partition[s] = denominator > 0 ? partition[s + 1] * sz[s] / denominator : 0;
    }
    for (int s = 0; s + 1 < numLevels; ++s)
      share[s] = delivered(s + 1) / divisor[s];
    for (int s = 0; s < numLevels; ++s) {
      if (keeps(s) || sz[s] == 0)
        continue;
      if (s + 1 < numLevels) {
        double demand = delivered(s + 1);
        double factor = demand > 0 ? cont[s] / demand : 0;
        for (auto &[k, v] : acc[s + 1][ds])
          v *= factor;
        link[s + 1][ds] = 0;
        cont[s + 1] = content(s + 1);
      }
      sz[s] = partition[s] = 0;
      cont[s] = share[s] = 0;
    }
    for (int s = numLevels - 1; s >= 0; --s) {
      if (keeps(s)) {
        share[s] = 0;
        break;
      }
      sz[s] = partition[s] = 0;
      cont[s] = share[s] = 0;
      link[s][ds] = 0;
    }
    for (int s = 1; s < numLevels; ++s)
      peer[s - 1] += link[s][ds] / divisor[s] / divisor[s - 1];
    bool keptAbove = false;
    for (int s = numLevels - 1; s >= 0; --s) {
      SimulatedDataSpace &out = result.levels[s].dataSpaces[ds];
      out.kept = keeps(s) && sz[s] > 0;
      out.linkTransfers = link[s][ds] / divisor[s];
      if (!out.kept)
        continue;
      out.partitionSize = partition[s];
      out.utilizedCapacity = sz[s];
      double perInstance = cont[s] / divisor[s];
      auto round = [](double v) { return v <= 0 ? 0 : std::llround(v); };
      if (!workload.dataSpaces[ds].readWrite) {
        out.reads = round(perInstance + peer[s]);
        double f = share[s] + peer[s];
        out.fills = f <= 0 ? 0 : static_cast<int64_t>(f);
      } else {
        out.updates = round(perInstance);
        out.reads = round(perInstance + peer[s] - partition[s]);
        out.temporalReductions = out.reads;
        out.fills = round(share[s] + peer[s] - (keptAbove ? partition[s] : 0));
      }
      keptAbove = true;
    }
  }
  return result;
}

} // namespace

SimulatedCounts accel::testing::simulateNest(const model::Workload &workload,
                                             const model::Architecture &arch,
                                             const model::Mapping &mapping,
                                             bool extrapolate,
                                             bool linkTransfers,
                                             bool keepStride) {
  Simulator simulator(workload, arch, mapping, extrapolate, linkTransfers,
                      keepStride);
  return simulator.run();
}
