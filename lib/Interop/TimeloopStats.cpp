//===- TimeloopStats.cpp - Reports in Timeloop's layout -------------------===//
//
// Mirrors timeloop-model's stats and map printers (master branch layout:
// levels and networks that consumed no energy and saw no accesses are
// hidden, utilization is a percentage, leakage lines are printed).
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopStats.h"

#include "llvm/Support/Format.h"

#include <algorithm>
#include <string>

using namespace accel;
using namespace accel::interop;
using namespace accel::model;

namespace {
/// "label<padding>: " with the label left-justified in `width` columns.
std::string field(llvm::StringRef label, size_t width) {
  std::string text = label.str();
  if (text.size() < width)
    text.append(width - text.size(), ' ');
  return text + ": ";
}

std::string fixed2(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  return buffer;
}

/// A level's printable loops, outermost first: its temporal loops, then its
/// spatial loops (y outside x); unit loops are not shown.
struct PrintedLoop {
  int dimension;
  int64_t end;
  int64_t residual;
  LoopKind kind;
};

llvm::SmallVector<PrintedLoop, 8> levelLoops(const Mapping &mapping,
                                             const Architecture &arch, int s) {
  llvm::SmallVector<PrintedLoop, 8> loops;
  const LevelMapping &level = mapping.levels[s];
  for (const MappingLoop &loop : level.temporal)
    if (loop.factor > 1)
      loops.push_back(
          {loop.dimension, loop.factor, loop.lastTrip(), LoopKind::Temporal});
  if (arch.storage[s].fanout() > 1) {
    for (const MappingLoop &loop : level.spatialY)
      if (loop.factor > 1)
        loops.push_back(
            {loop.dimension, loop.factor, loop.lastTrip(), LoopKind::SpatialY});
    for (const MappingLoop &loop : level.spatialX)
      if (loop.factor > 1)
        loops.push_back(
            {loop.dimension, loop.factor, loop.lastTrip(), LoopKind::SpatialX});
  }
  return loops;
}

std::string loopText(const Workload &workload, const PrintedLoop &loop) {
  // Timeloop's long form: `for P in [0:4,3)` for a residual of 3.
  std::string text = "for " + workload.dimensions[loop.dimension].name +
                     " in [0:" + std::to_string(loop.end);
  if (loop.residual != loop.end)
    text += "," + std::to_string(loop.residual);
  text += ")";
  if (loop.kind == LoopKind::SpatialX)
    text += " (Spatial-X)";
  else if (loop.kind == LoopKind::SpatialY)
    text += " (Spatial-Y)";
  return text;
}

bool isHidden(const LevelStats &stats) {
  return stats.energy == 0 && stats.accesses == 0;
}

std::string networkName(const Architecture &arch, int s) {
  return arch.storage[s].name + " <==> " +
         (s == 0 ? arch.compute.name : arch.storage[s - 1].name);
}

void writeComputeLevel(llvm::raw_ostream &os, const Architecture &arch,
                       const Result &result) {
  const ComputeLevel &compute = arch.compute;
  os << "Level 0\n-------\n=== " << compute.name << " ===\n\n";
  os << "    SPECS\n    -----\n";
  os << "    " << field("Word bits", 22) << compute.wordBits << "\n";
  os << "    " << field("Instances", 22) << compute.instances << " ("
     << compute.meshX << "*" << compute.meshY << ")\n";
  os << "    " << field("Compute energy", 22) << fixed2(compute.energy)
     << " pJ\n\n";
  os << "    STATS\n    -----\n";
  os << "    " << field("Utilized instances", 24)
     << result.compute.utilizedInstances << "\n";
  os << "    " << field("Computes (total)", 24) << result.compute.computes
     << "\n";
  os << "    " << field("Cycles", 24) << result.compute.cycles << "\n";
  os << "    " << field("Energy (total)", 24) << fixed2(result.compute.energy)
     << " pJ\n";
  os << "    " << field("Area (total)", 24) << fixed2(result.compute.area)
     << " um^2\n\n";
}

void writeStorageLevel(llvm::raw_ostream &os, const Workload &workload,
                       const Architecture &arch, const Mapping &mapping,
                       const Result &result, int s) {
  const StorageLevel &level = arch.storage[s];
  const LevelStats &stats = result.levels[s];
  auto spec = [&](llvm::StringRef label) {
    os << "        " << field(label, 32);
  };
  auto optionalNumber = [&](const std::optional<double> &value) {
    return value ? fixed2(*value) : std::string("-");
  };
  os << "Level " << s + 1 << "\n-------\n=== " << level.name << " ===\n\n";
  os << "    SPECS\n    -----\n";
  spec("Technology");
  os << (level.technology == Technology::DRAM ? "DRAM" : "SRAM") << "\n";
  spec("Size");
  os << (level.size ? std::to_string(*level.size) : "-") << "\n";
  spec("Word bits");
  os << level.wordBits << "\n";
  spec("Block size");
  os << level.blockSize << "\n";
  spec("Cluster size");
  os << level.clusterSize << "\n";
  spec("Instances");
  os << level.instances << " (" << level.meshX << "*" << level.meshY << ")\n";
  spec("Shared bandwidth");
  os << optionalNumber(level.sharedBandwidth) << "\n";
  spec("Read bandwidth");
  os << optionalNumber(level.readBandwidth) << "\n";
  spec("Write bandwidth");
  os << optionalNumber(level.writeBandwidth) << "\n";
  spec("Multiple buffering");
  os << fixed2(level.multipleBuffering) << "\n";
  spec("Effective size");
  std::optional<int64_t> effective = level.effectiveSize();
  os << (effective ? std::to_string(*effective) : "-") << "\n";
  spec("Min utilization");
  os << fixed2(level.minUtilization) << "\n";
  spec("Vector access energy");
  os << fixed2(level.vectorAccessEnergy) << " pJ\n";
  spec("Vector access energy source");
  os << level.energySource << "\n";
  spec("Per-instance-cycle leakage");
  os << fixed2(level.leakEnergy) << " pJ\n";
  spec("Instances sharing power gating");
  os << "1.00\n";
  spec("Non-power-gated utilization");
  os << "100.00%\n";
  spec("Leakage energy (total)");
  os << fixed2(stats.leakageEnergy) << " pJ\n";
  spec("Area");
  // Timeloop holds areas in single precision: 1419.815 prints as 1419.81.
  os << fixed2(static_cast<float>(level.area)) << " um^2\n\n";

  os << "    MAPPING\n    -------\n    Loop nest:\n";
  std::string indent = "      ";
  for (const PrintedLoop &loop : levelLoops(mapping, arch, s)) {
    os << indent << loopText(workload, loop) << "\n";
    indent += "  ";
  }
  os << "\n    STATS\n    -----\n";
  os << "    " << field("Cycles", 21) << stats.cycles << "\n";
  os << "    " << field("Bandwidth throttling", 21)
     << fixed2(stats.bandwidthThrottling) << "\n";
  for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
    const DataSpaceStats &data = stats.dataSpaces[ds];
    if (!data.kept)
      continue;
    auto stat = [&](llvm::StringRef label) {
      os << "        " << field(label, 41);
    };
    double instances = static_cast<double>(data.utilizedInstances);
    os << "    " << workload.dataSpaces[ds].name << ":\n";
    stat("Partition size");
    os << data.partitionSize << "\n";
    stat("Utilized capacity");
    os << data.utilizedCapacity << "\n";
    stat("Utilized instances (max)");
    os << data.utilizedInstances << "\n";
    stat("Utilized clusters (max)");
    os << data.utilizedClusters << "\n";
    stat("Scalar reads (per-instance)");
    os << data.reads << "\n";
    stat("Scalar fills (per-instance)");
    os << data.fills << "\n";
    stat("Scalar updates (per-instance)");
    os << data.updates << "\n";
    stat("Temporal reductions (per-instance)");
    os << data.temporalReductions << "\n";
    stat("Address generations (per-cluster)");
    os << data.addressGenerations << "\n";
    stat("Energy (per-scalar-access)");
    os << fixed2(data.energyPerScalarAccess) << " pJ\n";
    stat("Energy (per-instance)");
    os << fixed2(data.energyPerInstance) << " pJ\n";
    stat("Energy (total)");
    os << fixed2(data.energyPerInstance * instances) << " pJ\n";
    stat("Temporal Reduction Energy (per-instance)");
    os << fixed2(data.temporalReductionEnergy) << " pJ\n";
    stat("Temporal Reduction Energy (total)");
    os << fixed2(data.temporalReductionEnergy * instances) << " pJ\n";
    stat("Address Generation Energy (per-cluster)");
    os << fixed2(data.addressGenerationEnergy) << " pJ\n";
    stat("Address Generation Energy (total)");
    os << fixed2(data.addressGenerationEnergy *
                 static_cast<double>(data.utilizedClusters))
       << " pJ\n";
    stat("Bandwidth Consumption Scale");
    os << "1.00\n";
    double shared = data.readBandwidth + data.writeBandwidth;
    stat("Shared Bandwidth (per-instance)");
    os << fixed2(shared) << " words/cycle\n";
    stat("Shared Bandwidth (total)");
    os << fixed2(shared * instances) << " words/cycle\n";
    stat("Read Bandwidth (per-instance)");
    os << fixed2(data.readBandwidth) << " words/cycle\n";
    stat("Read Bandwidth (total)");
    os << fixed2(data.readBandwidth * instances) << " words/cycle\n";
    stat("Write Bandwidth (per-instance)");
    os << fixed2(data.writeBandwidth) << " words/cycle\n";
    stat("Write Bandwidth (total)");
    os << fixed2(data.writeBandwidth * instances) << " words/cycle\n";
  }
  os << "\n";
}

/// Utilized capacity of each data space at the outermost level keeping it.
int64_t minimumTraffic(const Workload &workload, const Architecture &arch,
                       const Result &result, bool readWriteOnly) {
  int64_t total = 0;
  for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
    if (readWriteOnly && !workload.dataSpaces[ds].readWrite)
      continue;
    for (int s = arch.numLevels() - 1; s >= 0; --s) {
      int64_t capacity = result.levels[s].dataSpaces[ds].utilizedCapacity;
      if (capacity > 0) {
        total += capacity;
        break;
      }
    }
  }
  return total;
}
} // namespace

void accel::interop::writeTimeloopStats(llvm::raw_ostream &os,
                                        const Workload &workload,
                                        const Architecture &arch,
                                        const Mapping &mapping,
                                        const Result &result) {
  os << "Buffer and Arithmetic Levels\n----------------------------\n";
  writeComputeLevel(os, arch, result);
  for (int s = 0; s < arch.numLevels(); ++s)
    if (!isHidden(result.levels[s]))
      writeStorageLevel(os, workload, arch, mapping, result, s);
  os << "Networks\n--------\n\n";

  int64_t traffic = minimumTraffic(workload, arch, result, false);
  int64_t outputs = minimumTraffic(workload, arch, result, true);
  int64_t elementwise = result.computes;
  int64_t reductions = result.computes - outputs;
  double totalOps = static_cast<double>(elementwise + reductions);
  auto opsPerByte = [&](int64_t wordBits, int64_t words) {
    int64_t bytes = wordBits * words / 8;
    return bytes > 0 ? totalOps / static_cast<double>(bytes) : 0.0;
  };
  os << "Operational Intensity Stats\n---------------------------\n";
  os << "    " << field("Total elementwise ops", 40) << elementwise << "\n";
  os << "    " << field("Total reduction ops", 40) << reductions << "\n";
  os << "    " << field("Total ops", 40) << elementwise + reductions << "\n";
  os << "    " << field("Total memory accesses required", 40) << traffic
     << "\n";
  os << "    " << field("Optimal Op per Byte", 40)
     << fixed2(opsPerByte(arch.storage.back().wordBits, traffic)) << "\n\n";
  for (int s = 0; s < arch.numLevels(); ++s) {
    os << "=== " << arch.storage[s].name << " ===\n";
    int64_t accesses = result.levels[s].accesses;
    if (accesses > 0) {
      os << "    " << field("Total scalar accesses", 40) << accesses << "\n";
      os << "    " << field("Op per Byte", 40)
         << fixed2(opsPerByte(arch.storage[s].wordBits, accesses)) << "\n";
    }
  }
  os << "\n\n";

  double cycles = static_cast<double>(result.cycles);
  char edp[32];
  std::snprintf(edp, sizeof(edp), "%.2e", result.energy * cycles / 1e12);
  os << "Summary Stats\n-------------\n";
  os << "GFLOPs (@1GHz): " << fixed2(totalOps / cycles) << "\n";
  os << "Utilization: " << fixed2(result.utilization * 100) << "%\n";
  os << "Cycles: " << result.cycles << "\n";
  os << "Energy: " << fixed2(result.energy / 1e6) << " uJ\n";
  os << "EDP(J*cycle): " << edp << "\n";
  os << "Area: 0.00 mm^2\n\n";
  os << "Computes = " << result.computes << "\n";
  os << "fJ/Compute\n";
  size_t width = std::max<size_t>(5, arch.compute.name.size());
  for (int s = 0; s < arch.numLevels(); ++s)
    width = std::max(width, networkName(arch, s).size());
  auto perCompute = [&](llvm::StringRef name, double energy) {
    os << "    " << name;
    os.indent(width + 1 - name.size());
    os << "= " << fixed2(energy * 1000 / static_cast<double>(result.computes))
       << "\n";
  };
  perCompute(arch.compute.name, result.compute.energy);
  for (int s = 0; s < arch.numLevels(); ++s)
    if (!isHidden(result.levels[s]))
      perCompute(arch.storage[s].name, result.levels[s].energy);
  perCompute("Total", result.energy);
  os << "\n";
}

void accel::interop::writeTimeloopMap(llvm::raw_ostream &os,
                                      const Workload &workload,
                                      const Architecture &arch,
                                      const Mapping &mapping,
                                      const Result &result) {
  int depth = 0;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    std::string header = arch.storage[s].name + " [ ";
    for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
      const DataSpaceStats &data = result.levels[s].dataSpaces[ds];
      if (!data.kept)
        continue;
      header += workload.dataSpaces[ds].name + ":" +
                std::to_string(data.utilizedCapacity) + " (" +
                std::to_string(data.utilizedCapacity) + ") ";
    }
    header += "] ";
    os << header << "\n";
    auto loops = levelLoops(mapping, arch, s);
    // The innermost level always closes its block: the compute follows.
    if (loops.empty() && s > 0)
      continue;
    os << std::string(header.size() - 1, '-') << "\n";
    for (const PrintedLoop &loop : loops) {
      os << "|" << std::string(2 * depth + 1, ' ') << loopText(workload, loop)
         << "\n";
      ++depth;
    }
    if (s > 0)
      os << "\n";
  }
  os << "|" << std::string(2 * depth + 1, ' ') << "<< Compute >>\n";
}

std::string accel::interop::compactMapping(const model::Workload &workload,
                                           const model::Architecture &arch,
                                           const model::Mapping &mapping) {
  std::string text;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const model::LevelMapping &level = mapping.levels[s];
    const model::StorageLevel &storage = arch.storage[s];
    std::string loops;
    auto append = [&](const std::vector<model::MappingLoop> &list,
                      const char *suffix) {
      // Timeloop's compact form: `P4;3X` for a residual of 3.
      for (const model::MappingLoop &loop : list)
        if (loop.factor > 1)
          loops += " " + workload.dimensions[loop.dimension].name +
                   std::to_string(loop.factor) +
                   (loop.isImperfect() ? ";" + std::to_string(loop.residual)
                                       : std::string()) +
                   suffix;
    };
    append(level.temporal, "");
    append(level.spatialY, "Y");
    append(level.spatialX, "X");
    if (storage.isFanoutOnly && loops.empty())
      continue;
    if (!text.empty())
      text += " - ";
    text += storage.name;
    if (!storage.isFanoutOnly) {
      text += "[";
      for (int ds = 0; ds < workload.numDataSpaces(); ++ds)
        if (level.keeps(ds))
          text += workload.dataSpaces[ds].name.substr(0, 1);
      text += "]";
    }
    text += loops;
  }
  return text;
}
