//===- Evaluation.h - Energy, cycles and access counts of a mapping -*- C++ -*-===//
//
// evaluate(workload, arch, mapping) projects, per storage level and data
// space, how many words are read, filled and updated, and from those the
// energy, cycles and utilization of the mapping. The rules are Timeloop's
// dense model (see docs/model.md); every count is per instance of a level
// unless called total.
//
// An invalid mapping is a result with `valid == false` and a readable
// `reason`; nothing here throws or aborts.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_EVALUATION_H
#define ACCEL_MODEL_EVALUATION_H

#include "accel/Model/Architecture.h"
#include "accel/Model/LoopNest.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace accel::model {

struct EvaluationOptions {
  /// Count every iteration of every loop (the default). When false, follow
  /// Timeloop's shortcut of visiting two iterations per loop and
  /// extrapolating, which miscounts a few sliding-window mappings but
  /// reproduces Timeloop bit for bit.
  bool exactCounts = true;
  /// Whether a tile that does not move keeps the stride Timeloop's reuse
  /// filter remembers, so that the next move still fetches only the new
  /// words (Timeloop since January 2025). Timeloop before that, which
  /// produced its 2024 reference outputs, counted a tile that stays put as
  /// a change of stride and refetched the whole tile on the next move.
  bool stationaryKeepsStride = true;
  /// Let neighbouring spatial instances forward data to each other.
  bool linkTransfers = true;
  /// The first update of each output element needs no read.
  bool firstReadElision = true;
  /// Charge per-cycle leakage (Timeloop master; v3.0.3 had none).
  bool leakage = true;
  /// Check buffer capacities and minimum utilizations. The mapper turns this
  /// off to read the counts of partial mappings.
  bool checkCapacity = true;
};

/// The Timeloop whose numbers Timeloop-compatible counting reproduces:
/// master as of its 2024 tutorial reference outputs, or master after its
/// January 2025 reuse-filter fix (PR #297, see `stationaryKeepsStride`).
enum class TimeloopVersion { Master2024, Master2025 };

/// "2024" or "2025".
std::optional<TimeloopVersion> parseTimeloopVersion(llvm::StringRef text);

/// Timeloop-compatible options.
inline EvaluationOptions
timeloopOptions(TimeloopVersion version = TimeloopVersion::Master2024) {
  EvaluationOptions options;
  options.exactCounts = false;
  options.stationaryKeepsStride = version == TimeloopVersion::Master2025;
  return options;
}

enum class FailureKind {
  None,
  Malformed, ///< mapping does not fit the workload / architecture shape
  Fanout,    ///< more spatial instances than the hardware has
  Capacity,  ///< a tile does not fit its buffer (or under-fills it)
  Overflow,  ///< a count does not fit 64 bits
};

/// One entry of the histogram of parent accesses at a level: `accesses`
/// words each delivered to `multicast` children, in groups of `scatter`.
struct AccessEntry {
  int64_t multicast = 1;
  int64_t scatter = 1;
  double accesses = 0;
};

struct DataSpaceStats {
  bool kept = false;
  int64_t partitionSize = 0;
  int64_t utilizedCapacity = 0; ///< tile size
  int64_t utilizedInstances = 0;
  int64_t utilizedClusters = 0;
  int64_t reads = 0;   ///< per instance
  int64_t fills = 0;   ///< per instance
  int64_t updates = 0; ///< per instance
  int64_t temporalReductions = 0;
  int64_t addressGenerations = 0; ///< per cluster
  double linkTransfers = 0; ///< words neighbours forward (network below)
  double peerAccesses = 0;
  double energyPerScalarAccess = 0;
  double energyPerInstance = 0; ///< pJ
  double energy = 0;            ///< pJ, all instances
  /// The reads', fills' and updates' shares of `energy` (pJ, all
  /// instances); the rest is address generation and reduction.
  double readEnergy = 0, fillEnergy = 0, updateEnergy = 0;
  /// What one vector access of each instance costs in `energy`, relative
  /// to the level's per-vector energy (instances over cluster use).
  double vectorEnergyScale = 0;
  double temporalReductionEnergy = 0; ///< pJ per instance
  double addressGenerationEnergy = 0; ///< pJ per cluster
  double readBandwidth = 0;   ///< words/cycle/instance after throttling
  double writeBandwidth = 0;
  /// Parent accesses arriving at this level's inner network.
  llvm::SmallVector<AccessEntry, 2> ingress;
  int64_t fanout = 1; ///< logical spatial fanout below the level
};

struct LevelStats {
  std::vector<DataSpaceStats> dataSpaces;
  int64_t cycles = 0;
  double bandwidthThrottling = 1.0;
  double leakageEnergy = 0; ///< pJ, all instances
  double energy = 0;        ///< pJ, dynamic + leakage, all instances
  int64_t accesses = 0;     ///< scalar accesses, all instances
  int64_t utilizedInstances = 0;
  double area = 0; ///< um^2, all instances
};

struct ComputeStats {
  int64_t utilizedInstances = 0;
  int64_t computes = 0;
  int64_t cycles = 0;
  double energy = 0;
  double area = 0;
};

struct Result {
  bool valid = false;
  FailureKind failure = FailureKind::None;
  std::string reason;
  int failedLevel = -1; ///< storage level index, or -1
  /// Why a valid result differs from what Timeloop would print, when it
  /// does in Timeloop-compatible counting (empty otherwise).
  std::string note;

  ComputeStats compute;
  std::vector<LevelStats> levels; ///< innermost first
  double energy = 0; ///< pJ
  int64_t cycles = 0;
  double utilization = 0;
  int64_t computes = 0;
  double networkLatency = 0;

  double edp() const { return energy * static_cast<double>(cycles); }
  double femtojoulesPerCompute() const {
    return computes ? energy * 1000.0 / static_cast<double>(computes) : 0.0;
  }
};

/// Evaluates many mappings of one workload on one architecture, reusing
/// its working storage. Not thread-safe; use one per thread.
class Evaluator {
public:
  Evaluator(const Workload &workload, const Architecture &arch,
            EvaluationOptions options = {});
  ~Evaluator();
  Evaluator(Evaluator &&) noexcept;

  /// Fills `result` (reusing its storage) with the evaluation of `mapping`.
  void evaluate(const Mapping &mapping, Result &result);
  Result evaluate(const Mapping &mapping) {
    Result result;
    evaluate(mapping, result);
    return result;
  }

  /// The loop nest of the last evaluated mapping.
  const LoopNest &loopNest() const;

  const Workload &getWorkload() const { return workload; }
  const Architecture &getArchitecture() const { return arch; }
  const EvaluationOptions &getOptions() const { return options; }

private:
  struct Impl;
  const Workload &workload;
  const Architecture &arch;
  EvaluationOptions options;
  std::unique_ptr<Impl> impl;
};

/// One-shot evaluation.
Result evaluate(const Workload &workload, const Architecture &arch,
                const Mapping &mapping, const EvaluationOptions &options = {});

} // namespace accel::model

#endif // ACCEL_MODEL_EVALUATION_H
