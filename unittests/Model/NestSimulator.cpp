//===- NestSimulator.cpp - Brute-force reference for the model ------------===//

#include "NestSimulator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

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
};

class Simulator {
public:
  Simulator(const model::Workload &workload, const model::Architecture &arch,
            const model::Mapping &mapping, bool extrapolate, bool links)
      : workload(workload), arch(arch), mapping(mapping),
        extrapolate(extrapolate), links(links) {}

  SimulatedCounts run();

private:
  void buildNest();
  Box project(int ds, const std::vector<int64_t> &low,
              const std::vector<int64_t> &high) const;
  PointSet points(const Box &box) const;
  std::vector<PointSet> visit(int loop);
  void temporalStep(int loop);
  void spatialStep(int loop);
  std::vector<PointSet> filter(int loop);
  LoopState &state(int loop) {
    auto [it, inserted] = states.try_emplace({loop, path});
    if (inserted) {
      it->second.dataSpaces.resize(workload.numDataSpaces());
      it->second.accesses.resize(workload.numDataSpaces());
      it->second.links.assign(workload.numDataSpaces(), 0.0);
    }
    return it->second;
  }
  int64_t boxSize(int ds, const std::vector<int64_t> &extents) const {
    std::vector<int64_t> low(workload.numDimensions(), 0), high(extents);
    for (int64_t &h : high)
      h -= 1;
    Box box = project(ds, low, high);
    int64_t size = 1;
    for (size_t r = 0; r < box.low.size(); ++r)
      size *= box.high[r] - box.low[r] + 1;
    return size;
  }

  const model::Workload &workload;
  const model::Architecture &arch;
  const model::Mapping &mapping;
  bool extrapolate, links;

  std::vector<Loop> loops;
  std::vector<int> boundary;      // per level
  std::vector<int> firstLoop;     // per level
  std::vector<int> master;        // per level, -1 if none
  std::vector<bool> isBoundary;   // per loop
  std::vector<int64_t> stride;    // per loop
  std::vector<std::vector<int64_t>> mold; // per loop, per dim (inclusive)

  std::vector<int64_t> origin;    // current transform t
  double epochs = 1;
  std::vector<int64_t> path;
  std::map<std::pair<int, std::vector<int64_t>>, LoopState> states;
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
  for (int b : boundary)
    isBoundary[b] = true;
  std::vector<int64_t> product(numDims, 1);
  for (const Loop &loop : loops) {
    stride.push_back(product[loop.dim]);
    product[loop.dim] *= loop.end;
    std::vector<int64_t> corner(numDims);
    for (int d = 0; d < numDims; ++d)
      corner[d] = product[d] - 1;
    mold.push_back(corner);
  }
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

std::vector<PointSet> Simulator::filter(int loop) {
  const int numDataSpaces = workload.numDataSpaces();
  std::vector<PointSet> deltas(numDataSpaces);
  std::vector<int64_t> high(origin);
  for (size_t d = 0; d < high.size(); ++d)
    high[d] += mold[loop][d];
  LoopState &s = state(loop);
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    Box box = project(ds, origin, high);
    PointSet current = points(box);
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
    if (!st.previousTranslation) {
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
    for (int ds = 0; ds < numDataSpaces; ++ds)
      s->accesses[ds][{1, 1}] += static_cast<double>(l.end) * epochs;
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
      add(visit(loop - 1), 1);
      origin[l.dim] += stride[loop];
    }
    origin[l.dim] -= stride[loop] * l.end;
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
  std::vector<std::vector<PointSet>> deltas(positions);
  for (int64_t p = 0; p < positions; ++p) {
    std::vector<int64_t> saved(origin);
    int64_t rest = p;
    for (int l = first; l <= loop; ++l) {
      origin[loops[l].dim] += (rest % loops[l].end) * stride[l];
      rest /= loops[l].end;
    }
    if (child >= 0) {
      path.push_back(p);
      deltas[p] = visit(child);
      path.pop_back();
    } else {
      deltas[p].resize(numDataSpaces);
      for (int ds = 0; ds < numDataSpaces; ++ds)
        deltas[p][ds] = points(project(ds, origin, origin));
    }
    origin = saved;
  }

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
  visit(static_cast<int>(loops.size()) - 1);

  // Per level and data space: the averaged records of the level's innermost
  // recorded loop.
  std::vector<std::vector<Histogram>> acc(numLevels,
                                          std::vector<Histogram>(numDataSpaces));
  std::vector<std::vector<double>> link(numLevels,
                                        std::vector<double>(numDataSpaces, 0));
  std::vector<int64_t> fanout(numLevels, 1), replication(numLevels, 1);
  std::vector<std::vector<int64_t>> size(numLevels,
                                         std::vector<int64_t>(numDataSpaces));
  std::vector<std::vector<int64_t>> unionSize = size;
  for (int s = 0; s < numLevels; ++s) {
    int inner = master[s] >= 0 ? master[s] : firstLoop[s];
    int numStates = 0;
    for (auto &[key, st] : states) {
      if (key.first != inner)
        continue;
      ++numStates;
      for (int ds = 0; ds < numDataSpaces; ++ds) {
        for (auto &[k, v] : st.accesses[ds])
          acc[s][ds][k] += v;
        link[s][ds] += st.links[ds];
      }
    }
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      for (auto &[k, v] : acc[s][ds])
        v /= numStates;
      link[s][ds] /= numStates;
    }
    if (master[s] >= 0)
      for (int l = firstLoop[s]; l <= master[s]; ++l)
        fanout[s] *= loops[l].end;
    for (size_t l = boundary[s] + 1; l < loops.size(); ++l)
      if (loops[l].kind != Kind::Temporal)
        replication[s] *= loops[l].end;
    std::vector<int64_t> extents(numDims, 1), unionExtents(numDims, 1);
    for (int l = 0; l <= boundary[s]; ++l)
      extents[loops[l].dim] *= loops[l].end;
    if (master[s] >= 0)
      for (int l = 0; l <= master[s]; ++l)
        unionExtents[loops[l].dim] *= loops[l].end;
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      size[s][ds] = boxSize(ds, extents);
      unionSize[s][ds] = master[s] >= 0 ? boxSize(ds, unionExtents) : size[s][ds];
    }
  }

  // Section 3: partitions, shares, bypass masking, reads/fills/updates.
  SimulatedCounts result(numLevels, std::vector<SimulatedDataSpace>(numDataSpaces));
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
    for (int s = numLevels - 2; s >= 0; --s)
      partition[s] = partition[s + 1] * sz[s] /
                     (master[s + 1] >= 0 ? unionSize[s + 1][ds] : sz[s]);
    for (int s = 0; s + 1 < numLevels; ++s)
      share[s] = delivered(s + 1) / static_cast<double>(fanout[s + 1]);
    for (int s = 0; s < numLevels; ++s) {
      if (keeps(s) || sz[s] == 0)
        continue;
      if (s + 1 < numLevels) {
        double factor = cont[s] * static_cast<double>(fanout[s + 1]) /
                        delivered(s + 1);
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
      peer[s - 1] += link[s][ds] / static_cast<double>(replication[s - 1]);
    bool keptAbove = false;
    for (int s = numLevels - 1; s >= 0; --s) {
      SimulatedDataSpace &out = result[s][ds];
      out.kept = keeps(s) && sz[s] > 0;
      out.linkTransfers = link[s][ds];
      if (!out.kept)
        continue;
      out.partitionSize = partition[s];
      out.utilizedCapacity = sz[s];
      auto round = [](double v) { return v <= 0 ? 0 : std::llround(v); };
      if (!workload.dataSpaces[ds].readWrite) {
        out.reads = round(cont[s] + peer[s]);
        double f = share[s] + peer[s];
        out.fills = f <= 0 ? 0 : static_cast<int64_t>(f);
      } else {
        out.updates = round(cont[s]);
        out.reads = round(cont[s] + peer[s] - partition[s]);
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
                                             bool linkTransfers) {
  Simulator simulator(workload, arch, mapping, extrapolate, linkTransfers);
  return simulator.run();
}
