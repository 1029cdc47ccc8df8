//===- AccessCounts.cpp - Per-level reads, fills and updates --------------===//

#include "AccessCounts.h"

#include <cmath>

using namespace accel::model;
using namespace accel::model::detail;

/// Rounds half away from zero to a non-negative integer count.
static int64_t roundCount(double value) {
  return value <= 0 ? 0 : static_cast<int64_t>(std::llround(value));
}

/// Truncates to a non-negative integer count.
static int64_t truncateCount(double value) {
  return value <= 0 ? 0 : static_cast<int64_t>(value);
}

static double totalAccesses(llvm::ArrayRef<AccessEntry> histogram) {
  double total = 0;
  for (const AccessEntry &entry : histogram)
    total += entry.accesses;
  return total;
}

void accel::model::detail::computeAccessCounts(
    const Workload &workload, const Architecture &arch, const Mapping &mapping,
    const LoopNest &nest, const EvaluationOptions &options, bool totals, int ds,
    llvm::MutableArrayRef<LevelRecord> records, Result &result) {
  const int numLevels = arch.numLevels();
  const int numDataSpaces = workload.numDataSpaces();
  auto record = [&](int s) -> LevelRecord & {
    return records[static_cast<size_t>(s) * numDataSpaces + ds];
  };

  // Totals are over the instances that ever hold data (with imperfect
  // factors a parent's children need not all hold data); per-instance
  // figures divide by those counts once.
  auto instances = [&](int s) {
    return static_cast<double>(std::max<int64_t>(1, record(s).replication));
  };

  llvm::SmallVector<int64_t, 8> size(numLevels), partition(numLevels);
  llvm::SmallVector<double, 8> content(numLevels), share(numLevels, 0.0),
      peer(numLevels, 0.0);
  for (int s = 0; s < numLevels; ++s) {
    size[s] = record(s).tileSize;
    content[s] = totalAccesses(record(s).accesses);
  }

  // Partition: the distinct words one instance ever holds. Temporal tiling
  // keeps it; a spatial fanout splits it by child tile / union of tiles.
  partition[numLevels - 1] = size[numLevels - 1];
  for (int s = numLevels - 2; s >= 0; --s) {
    int64_t denominator =
        nest.masterSpatial[s + 1] >= 0 ? record(s + 1).unionSize : size[s];
    __int128 product = static_cast<__int128>(partition[s + 1]) * size[s];
    partition[s] = denominator > 0 ? static_cast<int64_t>(product / denominator)
                                   : 0;
  }

  // What each child instance receives from its parent, before masking.
  for (int s = 0; s + 1 < numLevels; ++s) {
    double delivered = 0;
    for (const AccessEntry &entry : record(s + 1).accesses)
      delivered += entry.accesses * static_cast<double>(entry.multicast);
    share[s] = delivered / (totals ? instances(s)
                                   : static_cast<double>(record(s + 1).fanout));
  }

  // Bypass masking, innermost first: a level that does not keep the data
  // space passes its children's demand to its parent.
  for (int s = 0; s < numLevels; ++s) {
    if (mapping.levels[s].keeps(ds) || size[s] == 0)
      continue;
    if (s + 1 < numLevels) {
      LevelRecord &parent = record(s + 1);
      double delivered = 0;
      for (const AccessEntry &entry : parent.accesses)
        delivered += entry.accesses * static_cast<double>(entry.multicast);
      double demand = totals ? content[s]
                             : content[s] * static_cast<double>(parent.fanout);
      double factor = delivered > 0 ? demand / delivered : 0.0;
      for (AccessEntry &entry : parent.accesses)
        entry.accesses *= factor;
      parent.linkTransfers = 0;
      content[s + 1] = totalAccesses(parent.accesses);
    }
    size[s] = 0;
    partition[s] = 0;
    content[s] = 0;
    share[s] = 0;
  }

  // Levels above every level that keeps the data space hold nothing; the
  // outermost keeping level is its backing store and receives no fills.
  for (int s = numLevels - 1; s >= 0; --s) {
    if (mapping.levels[s].keeps(ds)) {
      share[s] = 0;
      break;
    }
    size[s] = 0;
    partition[s] = 0;
    content[s] = 0;
    share[s] = 0;
    record(s).accesses.clear();
    record(s).linkTransfers = 0;
  }

  // Words a neighbour forwarded are read from (and filled into) the child.
  for (int s = 1; s < numLevels; ++s)
    if (record(s).linkTransfers != 0)
      peer[s - 1] += (totals ? record(s).linkTransfers / instances(s)
                             : record(s).linkTransfers) /
                     static_cast<double>(record(s - 1).replication);

  // From here on, per instance.
  if (totals)
    for (int s = 0; s < numLevels; ++s) {
      content[s] /= instances(s);
      for (AccessEntry &entry : record(s).accesses)
        entry.accesses /= instances(s);
      record(s).linkTransfers /= instances(s);
    }

  const bool readWrite = workload.dataSpaces[ds].readWrite;
  bool keptAbove = false;
  for (int s = numLevels - 1; s >= 0; --s) {
    DataSpaceStats &stats = result.levels[s].dataSpaces[ds];
    const LevelRecord &rec = record(s);
    stats = DataSpaceStats();
    stats.utilizedInstances = rec.replication;
    stats.fanout = rec.fanout;
    stats.ingress.assign(rec.accesses.begin(), rec.accesses.end());
    stats.linkTransfers = rec.linkTransfers;
    stats.kept = mapping.levels[s].keeps(ds) && size[s] > 0;
    if (!stats.kept)
      continue;
    stats.partitionSize = partition[s];
    stats.utilizedCapacity = size[s];
    stats.peerAccesses = peer[s];
    if (!readWrite) {
      stats.reads = roundCount(content[s] + peer[s]);
      stats.fills = truncateCount(share[s] + peer[s]);
    } else if (options.firstReadElision) {
      double firstWrites = static_cast<double>(partition[s]);
      stats.updates = roundCount(content[s]);
      stats.reads = roundCount(content[s] + peer[s] - firstWrites);
      stats.temporalReductions = stats.reads;
      stats.fills = roundCount(share[s] + peer[s] - (keptAbove ? firstWrites : 0));
    } else {
      stats.updates = roundCount(content[s]);
      stats.reads = roundCount(content[s] + peer[s]);
      stats.temporalReductions = stats.reads;
      stats.fills = roundCount(share[s] + peer[s]);
    }
    keptAbove = true;
  }
}
