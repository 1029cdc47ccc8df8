//===- ResultJson.cpp - Evaluation results as JSON ------------------------===//

#include "accel/Interop/ResultJson.h"

#include <cmath>

using namespace accel;
using namespace accel::interop;
using namespace accel::model;

static llvm::StringRef failureName(FailureKind kind) {
  switch (kind) {
  case FailureKind::None:
    return "none";
  case FailureKind::Malformed:
    return "malformed";
  case FailureKind::Fanout:
    return "fanout";
  case FailureKind::Capacity:
    return "capacity";
  case FailureKind::Overflow:
    return "overflow";
  }
  return "none";
}

/// JSON has no infinity or NaN: such a number (a bandwidth over zero
/// cycles, say) becomes null, so the output always parses.
static void nullNonFinite(llvm::json::Value &value) {
  if (std::optional<double> number = value.getAsNumber()) {
    if (!std::isfinite(*number))
      value = nullptr;
  } else if (llvm::json::Object *object = value.getAsObject()) {
    for (auto &entry : *object)
      nullNonFinite(entry.second);
  } else if (llvm::json::Array *array = value.getAsArray()) {
    for (llvm::json::Value &item : *array)
      nullNonFinite(item);
  }
}

llvm::json::Value accel::interop::resultToJson(const Workload &workload,
                                               const Architecture &arch,
                                               const Result &result) {
  llvm::json::Object root;
  root["valid"] = result.valid;
  if (!result.valid) {
    root["failure"] = failureName(result.failure);
    root["reason"] = result.reason;
    if (result.failedLevel >= 0)
      root["failed_level"] = arch.storage[result.failedLevel].name;
    return llvm::json::Value(std::move(root));
  }
  if (!result.note.empty())
    root["note"] = result.note;
  root["energy_pj"] = result.energy;
  root["cycles"] = result.cycles;
  root["utilization"] = result.utilization;
  root["computes"] = result.computes;
  root["edp_pj_cycles"] = result.edp();
  root["fj_per_compute"] = result.femtojoulesPerCompute();
  root["network_latency"] = result.networkLatency;

  root["compute"] = llvm::json::Object{
      {"name", arch.compute.name},
      {"instances", arch.compute.instances},
      {"utilized_instances", result.compute.utilizedInstances},
      {"computes", result.compute.computes},
      {"cycles", result.compute.cycles},
      {"energy_pj", result.compute.energy},
      {"area_um2", result.compute.area},
  };

  llvm::json::Array levels;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const LevelStats &stats = result.levels[s];
    llvm::json::Array tensors;
    for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
      const DataSpaceStats &data = stats.dataSpaces[ds];
      llvm::json::Array ingress;
      for (const AccessEntry &entry : data.ingress)
        ingress.push_back(llvm::json::Object{{"multicast", entry.multicast},
                                             {"scatter", entry.scatter},
                                             {"accesses", entry.accesses}});
      tensors.push_back(llvm::json::Object{
          {"name", workload.dataSpaces[ds].name},
          {"kept", data.kept},
          {"partition_size", data.partitionSize},
          {"utilized_capacity", data.utilizedCapacity},
          {"utilized_instances", data.utilizedInstances},
          {"utilized_clusters", data.utilizedClusters},
          {"reads", data.reads},
          {"fills", data.fills},
          {"updates", data.updates},
          {"temporal_reductions", data.temporalReductions},
          {"address_generations", data.addressGenerations},
          {"link_transfers", data.linkTransfers},
          {"peer_accesses", data.peerAccesses},
          {"energy_pj", data.energy},
          {"energy_per_instance_pj", data.energyPerInstance},
          {"energy_per_scalar_access_pj", data.energyPerScalarAccess},
          {"read_bandwidth", data.readBandwidth},
          {"write_bandwidth", data.writeBandwidth},
          {"fanout", data.fanout},
          {"parent_accesses", std::move(ingress)},
      });
    }
    const StorageLevel &level = arch.storage[s];
    llvm::json::Object entry{
        {"name", level.name},
        {"instances", level.instances},
        {"utilized_instances", stats.utilizedInstances},
        {"cycles", stats.cycles},
        {"bandwidth_throttling", stats.bandwidthThrottling},
        {"energy_pj", stats.energy},
        {"leakage_pj", stats.leakageEnergy},
        {"accesses", stats.accesses},
        {"area_um2", stats.area},
        {"tensors", std::move(tensors)},
    };
    if (level.size)
      entry["size"] = *level.size;
    levels.push_back(std::move(entry));
  }
  root["levels"] = std::move(levels);
  llvm::json::Value json(std::move(root));
  nullNonFinite(json);
  return json;
}

llvm::json::Value accel::interop::mappingToJson(const Workload &workload,
                                                const Architecture &arch,
                                                const Mapping &mapping) {
  auto loops = [&](const std::vector<MappingLoop> &list) {
    llvm::json::Array array;
    // [name, factor] or, for an imperfect loop, [name, factor, residual].
    for (const MappingLoop &loop : list) {
      llvm::json::Array entry{workload.dimensions[loop.dimension].name,
                              loop.factor};
      if (loop.isImperfect())
        entry.push_back(loop.residual);
      array.push_back(std::move(entry));
    }
    return array;
  };
  llvm::json::Array levels;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const LevelMapping &level = mapping.levels[s];
    llvm::json::Array keep;
    for (int ds = 0; ds < workload.numDataSpaces(); ++ds)
      if (level.keeps(ds))
        keep.push_back(workload.dataSpaces[ds].name);
    levels.push_back(llvm::json::Object{
        {"level", arch.storage[s].name},
        {"temporal", loops(level.temporal)},
        {"spatial_x", loops(level.spatialX)},
        {"spatial_y", loops(level.spatialY)},
        {"keep", std::move(keep)},
    });
  }
  return llvm::json::Value(std::move(levels));
}
