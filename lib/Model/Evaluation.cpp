//===- Evaluation.cpp - Energy, cycles and access counts of a mapping -----===//
//
// Orchestrates the model: nest analysis, access counts, then the compute
// level (spec section 5), each storage level's capacity, energy and
// bandwidth-limited cycles (section 4), leakage and the summary (section 7).
//
//===----------------------------------------------------------------------===//

#include "accel/Model/Evaluation.h"
#include "AccessCounts.h"
#include "ClippedNestAnalysis.h"
#include "NestAnalysis.h"
#include "TimeloopNestWalk.h"
#include "accel/Model/CheckedMath.h"

#include <algorithm>
#include <cmath>

using namespace accel::model;

struct Evaluator::Impl {
  LoopNest nest;
  detail::NestAnalysis analysis;
  detail::ClippedNestAnalysis clippedAnalysis;
  detail::TimeloopNestWalk walk;
  llvm::SmallVector<detail::LevelRecord, 32> records;
  std::string setupError;
};

Evaluator::Evaluator(const Workload &workload, const Architecture &arch,
                     EvaluationOptions options)
    : workload(workload), arch(arch), options(options),
      impl(std::make_unique<Impl>()) {
  impl->setupError = workload.explainInvalid();
  if (impl->setupError.empty() && arch.numLevels() == 0)
    impl->setupError = "architecture has no storage level";
}

Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator &&) noexcept = default;

const LoopNest &Evaluator::loopNest() const { return impl->nest; }

static std::string formatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%g", value);
  return buffer;
}

static void fail(Result &result, FailureKind kind, std::string reason,
                 int level = -1) {
  result.valid = false;
  result.failure = kind;
  result.reason = std::move(reason);
  result.failedLevel = level;
}

/// Checks that the level's tiles fit and that the mapping does not use more
/// spatial instances than the level has.
static bool checkLevelFits(const StorageLevel &level, int s,
                           const LevelStats &stats, int64_t maxX, int64_t maxY,
                           bool checkCapacity, Result &result) {
  int64_t required = 0;
  for (const DataSpaceStats &ds : stats.dataSpaces)
    if (ds.kept)
      required += ds.utilizedCapacity;
  std::optional<int64_t> capacity = level.effectiveSize();
  if (checkCapacity && capacity) {
    if (required > *capacity) {
      fail(result, FailureKind::Capacity,
           "tiles at '" + level.name + "' need " + std::to_string(required) +
               " words, but it holds " + std::to_string(*capacity),
           s);
      return false;
    }
    if (static_cast<double>(required) <
        static_cast<double>(*capacity) * level.minUtilization) {
      fail(result, FailureKind::Capacity,
           "tiles at '" + level.name + "' use " + std::to_string(required) +
               " of " + std::to_string(*capacity) +
               " words, below its minimum utilization of " +
               formatNumber(level.minUtilization),
           s);
      return false;
    }
  }
  if (maxX * maxY > level.instances || maxX > level.meshX ||
      maxY > level.meshY) {
    fail(result, FailureKind::Fanout,
         "the mapping uses " + std::to_string(maxX) + "x" +
             std::to_string(maxY) + " instances of '" + level.name +
             "', which has " + std::to_string(level.meshX) + "x" +
             std::to_string(level.meshY),
         s);
    return false;
  }
  return true;
}

/// Dynamic energy, address generation and bandwidth of one storage level.
static void evaluateLevelEnergy(const Workload &workload,
                                const StorageLevel &level, int64_t maxX,
                                int64_t maxY, int64_t computeCycles,
                                bool spreadDemand, LevelStats &stats) {
  double readDemand = 0, writeDemand = 0;
  const int numDataSpaces = static_cast<int>(stats.dataSpaces.size());
  llvm::SmallVector<double, 8> readBandwidth(numDataSpaces, 0.0),
      writeBandwidth(numDataSpaces, 0.0);
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    DataSpaceStats &data = stats.dataSpaces[ds];
    if (!data.kept)
      continue;
    int64_t spatial = maxX * maxY;
    int64_t clusters =
        std::min<int64_t>(spatial, level.instances / level.clusterSize);
    data.utilizedClusters = std::max<int64_t>(clusters, 1);
    double vectorReads = static_cast<double>(ceilDiv(data.reads, level.blockSize));
    double vectorFills = static_cast<double>(ceilDiv(data.fills, level.blockSize));
    double vectorUpdates =
        static_cast<double>(ceilDiv(data.updates, level.blockSize));
    double clusterEnergy = vectorReads * level.readEnergy +
                           vectorFills * level.fillEnergy +
                           vectorUpdates * level.updateEnergy;
    double clusterUtilization = static_cast<double>(spatial) /
                                static_cast<double>(data.utilizedClusters);
    data.energyPerInstance =
        data.utilizedInstances > 0 ? clusterEnergy / clusterUtilization : 0.0;
    double scale = data.utilizedInstances > 0
                       ? static_cast<double>(data.utilizedInstances) /
                             clusterUtilization
                       : 0.0;
    data.vectorEnergyScale = scale;
    data.readEnergy = vectorReads * level.readEnergy * scale;
    data.fillEnergy = vectorFills * level.fillEnergy * scale;
    data.updateEnergy = vectorUpdates * level.updateEnergy * scale;
    int64_t scalarAccesses = data.reads + data.fills + data.updates;
    data.energyPerScalarAccess =
        scalarAccesses > 0
            ? data.energyPerInstance / static_cast<double>(scalarAccesses)
            : 0.0;
    data.addressGenerations =
        workload.dataSpaces[ds].readWrite ? data.updates + data.fills
                                          : data.reads + data.fills;
    data.addressGenerationEnergy =
        level.addressGenerationEnergy
            ? static_cast<double>(data.addressGenerations) *
                  *level.addressGenerationEnergy
            : 0.0;
    data.temporalReductionEnergy = 0.0; // adders are free in this model
    data.energy = data.energyPerInstance *
                      static_cast<double>(data.utilizedInstances) +
                  data.temporalReductionEnergy *
                      static_cast<double>(data.utilizedInstances) +
                  data.addressGenerationEnergy *
                      static_cast<double>(data.utilizedClusters);
    stats.energy += data.energy;
    stats.accesses += data.utilizedInstances * scalarAccesses;

    // Timeloop spreads the demand of the utilized instances over every
    // instance of their spatial extent (the same unless an imperfect
    // spatial loop leaves some idle part of the time).
    double reads = static_cast<double>(data.reads);
    double writes = static_cast<double>(data.fills + data.updates);
    if (spreadDemand && data.utilizedInstances > 0 &&
        spatial != data.utilizedInstances) {
      double spread = static_cast<double>(spatial) /
                      static_cast<double>(data.utilizedInstances);
      reads = std::ceil(reads / spread);
      writes = std::ceil(writes / spread);
    }
    readBandwidth[ds] = reads / static_cast<double>(computeCycles);
    writeBandwidth[ds] = writes / static_cast<double>(computeCycles);
  }
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    readDemand += readBandwidth[ds];
    writeDemand += writeBandwidth[ds];
  }

  double slowdown = 1.0;
  if (level.readBandwidth && *level.readBandwidth < readDemand)
    slowdown = std::min(slowdown, *level.readBandwidth / readDemand);
  if (level.writeBandwidth && *level.writeBandwidth < writeDemand)
    slowdown = std::min(slowdown, *level.writeBandwidth / writeDemand);
  if (level.sharedBandwidth &&
      *level.sharedBandwidth < readDemand + writeDemand)
    slowdown = std::min(slowdown,
                        *level.sharedBandwidth / (readDemand + writeDemand));
  stats.bandwidthThrottling = slowdown;
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    stats.dataSpaces[ds].readBandwidth = slowdown * readBandwidth[ds];
    stats.dataSpaces[ds].writeBandwidth = slowdown * writeBandwidth[ds];
  }
  stats.cycles = static_cast<int64_t>(
      std::ceil(static_cast<double>(computeCycles) / slowdown));
}

void Evaluator::evaluate(const Mapping &mapping, Result &result) {
  const int numLevels = arch.numLevels();
  const int numDataSpaces = workload.numDataSpaces();
  result.valid = false;
  result.failure = FailureKind::None;
  result.reason.clear();
  result.note.clear();
  result.failedLevel = -1;
  result.compute = ComputeStats();
  result.energy = 0;
  result.cycles = 0;
  result.utilization = 0;
  result.computes = 0;
  result.networkLatency = 0;
  result.levels.resize(numLevels);
  for (LevelStats &level : result.levels) {
    level.dataSpaces.resize(numDataSpaces);
    level.cycles = 0;
    level.bandwidthThrottling = 1.0;
    level.leakageEnergy = 0;
    level.energy = 0;
    level.accesses = 0;
    level.utilizedInstances = 0;
    level.area = 0;
  }

  if (!impl->setupError.empty())
    return fail(result, FailureKind::Malformed, impl->setupError);
  if (std::string error = mapping.explainInvalid(workload, arch);
      !error.empty())
    return fail(result, FailureKind::Malformed, std::move(error));
  for (int ds = 0; ds < numDataSpaces; ++ds) {
    bool kept = false;
    for (const LevelMapping &level : mapping.levels)
      kept |= level.keeps(ds);
    if (!kept)
      return fail(result, FailureKind::Malformed,
                  "tensor '" + workload.dataSpaces[ds].name +
                      "' is bypassed at every storage level");
  }

  LoopNest &nest = impl->nest;
  nest.build(workload, arch, mapping);

  // Perfect nests have a closed form in both counting modes. Imperfect ones
  // are counted exactly by ClippedNestAnalysis, or walked as Timeloop walks
  // them; where Timeloop's walk loses operations (its extrapolation is not
  // exact for every placement of residuals) its numbers are not reproduced.
  enum class Counting { ClosedForm, Clipped, TimeloopWalk };
  Counting counting = !nest.imperfect        ? Counting::ClosedForm
                      : options.exactCounts ? Counting::Clipped
                                            : Counting::TimeloopWalk;
  detail::ClippedComputeFigures clipped;
  detail::WalkComputeFigures walked;
  int64_t walkedComputes = 0;
  if (counting == Counting::TimeloopWalk) {
    std::string error;
    if (!impl->walk.run(workload, arch, mapping, nest, options, impl->records,
                        walked, error))
      return fail(result, FailureKind::Malformed, std::move(error));
    // Timeloop multiplies the operations of the unit it simulated by the
    // units it counts as used (both truncated).
    walkedComputes = static_cast<int64_t>(static_cast<uint64_t>(
        walked.averageOperations * static_cast<double>(walked.replication)));
    if (walkedComputes != workload.numOperations()) {
      result.note = "Timeloop's extrapolation miscounts this imperfect "
                    "mapping (it would report " +
                    std::to_string(walkedComputes) + " computes for " +
                    std::to_string(workload.numOperations()) +
                    " operations); counted exactly instead";
      counting = Counting::Clipped;
    }
  }
  bool counted = true;
  if (counting == Counting::ClosedForm)
    counted = impl->analysis.run(workload, arch, mapping, nest, options,
                                 impl->records);
  else if (counting == Counting::Clipped)
    counted = impl->clippedAnalysis.run(workload, arch, mapping, nest, options,
                                        impl->records, clipped);
  if (!counted)
    return fail(result, FailureKind::Overflow,
                "an access count does not fit in 64 bits");
  for (int ds = 0; ds < numDataSpaces; ++ds)
    detail::computeAccessCounts(workload, arch, mapping, nest, options,
                                /*totals=*/counting == Counting::Clipped, ds,
                                impl->records, result);

  // Compute level.
  int64_t spatialX = 1, spatialY = 1, computeCycles = 1;
  for (const NestLoop &loop : nest.loops) {
    if (loop.kind == LoopKind::SpatialX)
      spatialX *= loop.end;
    else if (loop.kind == LoopKind::SpatialY)
      spatialY *= loop.end;
    else
      computeCycles *= loop.end;
  }
  const ComputeLevel &compute = arch.compute;
  if (spatialX * spatialY > compute.instances || spatialX > compute.meshX ||
      spatialY > compute.meshY)
    return fail(result, FailureKind::Fanout,
                "the mapping uses " + std::to_string(spatialX) + "x" +
                    std::to_string(spatialY) + " compute units, but '" +
                    compute.name + "' has " + std::to_string(compute.meshX) +
                    "x" + std::to_string(compute.meshY));
  result.computes = workload.numOperations();
  result.compute.utilizedInstances = spatialX * spatialY;
  if (counting == Counting::Clipped) {
    // Padded iterations past a bound do no work and take no time.
    result.compute.utilizedInstances = clipped.utilizedInstances;
    computeCycles = clipped.cycles;
  }
  result.compute.computes = result.computes;
  result.compute.cycles = computeCycles;
  result.compute.energy = static_cast<double>(result.computes) * compute.energy;
  result.compute.area = compute.area * static_cast<double>(compute.instances);

  // Storage levels.
  int64_t totalCycles = computeCycles;
  for (int s = 0; s < numLevels; ++s) {
    const StorageLevel &level = arch.storage[s];
    LevelStats &stats = result.levels[s];
    const detail::LevelRecord &any =
        impl->records[static_cast<size_t>(s) * numDataSpaces];
    if (!checkLevelFits(level, s, stats, any.maxX, any.maxY,
                        options.checkCapacity, result))
      return;
    stats.utilizedInstances = any.replication;
    stats.area = level.area * static_cast<double>(level.instances);
    evaluateLevelEnergy(workload, level, any.maxX, any.maxY, computeCycles,
                        counting == Counting::TimeloopWalk,
                        stats);
    totalCycles = std::max(totalCycles, stats.cycles);
  }

  // Leakage: every utilized instance leaks every cycle.
  for (int s = 0; s < numLevels; ++s) {
    LevelStats &stats = result.levels[s];
    if (options.leakage)
      stats.leakageEnergy = arch.storage[s].leakEnergy *
                            static_cast<double>(totalCycles) *
                            static_cast<double>(
                                std::max<int64_t>(1, stats.utilizedInstances));
    stats.energy += stats.leakageEnergy;
    result.networkLatency += arch.storage[s].networkFillLatency +
                             arch.storage[s].networkDrainLatency;
  }

  result.energy = result.compute.energy;
  for (const LevelStats &stats : result.levels)
    result.energy += stats.energy;
  // Finite per-action energies can still sum past the range of a double.
  if (!std::isfinite(result.energy))
    return fail(result, FailureKind::Overflow,
                "the energy does not fit a double (an energy table holds "
                "values near its limit)");
  result.cycles =
      totalCycles + static_cast<int64_t>(std::ceil(result.networkLatency));
  result.utilization =
      static_cast<double>(result.computes) /
      static_cast<double>(compute.instances) / static_cast<double>(result.cycles);
  result.valid = true;
}

std::optional<TimeloopVersion>
accel::model::parseTimeloopVersion(llvm::StringRef text) {
  if (text == "2024")
    return TimeloopVersion::Master2024;
  if (text == "2025")
    return TimeloopVersion::Master2025;
  return std::nullopt;
}

Result accel::model::evaluate(const Workload &workload,
                              const Architecture &arch, const Mapping &mapping,
                              const EvaluationOptions &options) {
  Evaluator evaluator(workload, arch, options);
  return evaluator.evaluate(mapping);
}
