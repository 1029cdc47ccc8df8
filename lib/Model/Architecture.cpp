//===- Architecture.cpp - Storage hierarchy of an accelerator -------------===//

#include "accel/Model/Architecture.h"

#include "llvm/ADT/StringSet.h"

#include <cmath>

using namespace accel::model;

llvm::StringRef accel::model::stringifyTechnology(Technology technology) {
  switch (technology) {
  case Technology::SRAM:
    return "SRAM";
  case Technology::DRAM:
    return "DRAM";
  case Technology::RegFile:
    return "regfile";
  }
  return "SRAM";
}

std::optional<int64_t> StorageLevel::effectiveSize() const {
  if (!size)
    return std::nullopt;
  if (multipleBuffering == 1.0)
    return *size;
  // Through a double, which may round past INT64_MAX: clamp.
  double words = std::floor(static_cast<double>(*size) / multipleBuffering);
  return words >= 9.2e18 ? *size : static_cast<int64_t>(words);
}

llvm::Expected<BlockAndCluster> accel::model::deriveBlockAndCluster(
    int64_t wordBits, std::optional<int64_t> width,
    std::optional<int64_t> blockSize, std::optional<int64_t> clusterSize) {
  auto inconsistent = [](const std::string &why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), why);
  };
  BlockAndCluster result;
  int64_t &block = result.block;
  int64_t &cluster = result.cluster;
  if (wordBits < 1)
    return inconsistent("word bits must be positive");
  if ((blockSize && *blockSize < 1) || (clusterSize && *clusterSize < 1))
    return inconsistent("block and cluster size must be positive");
  if (!width) {
    block = blockSize.value_or(1);
    cluster = clusterSize.value_or(1);
    return result;
  }
  int64_t vector = wordBits * blockSize.value_or(1);
  if (*width < 1 || *width % vector != 0)
    return inconsistent("width (" + std::to_string(*width) +
                        ") must be a multiple of word bits x block size (" +
                        std::to_string(vector) + ")");
  if (blockSize && clusterSize) {
    if (*blockSize * wordBits * *clusterSize != *width)
      return inconsistent(
          "block size x word bits x cluster size must equal the width");
    block = *blockSize;
    cluster = *clusterSize;
  } else if (clusterSize) {
    if (*width % (*clusterSize * wordBits) != 0)
      return inconsistent(
          "width must be a multiple of cluster size x word bits");
    cluster = *clusterSize;
    block = *width / *clusterSize / wordBits;
  } else if (blockSize) {
    block = *blockSize;
    cluster = *width / (wordBits * *blockSize);
  } else {
    block = *width / wordBits;
    cluster = 1;
  }
  return result;
}

int Architecture::findLevel(llvm::StringRef levelName) const {
  for (int s = 0, e = numLevels(); s < e; ++s)
    if (storage[s].name == levelName)
      return s;
  return -1;
}

/// Checks that `inner`'s mesh is a whole multiple of `outer`'s along an axis.
static std::string meshRatio(int64_t innerMesh, int64_t outerMesh,
                             const std::string &innerName,
                             const std::string &outerName, const char *axis,
                             int64_t &fanout) {
  if (outerMesh < 1 || innerMesh < 1 || innerMesh % outerMesh != 0)
    return "mesh" + std::string(axis) + " of '" + innerName + "' (" +
           std::to_string(innerMesh) + ") is not a multiple of mesh" + axis +
           " of '" + outerName + "' (" + std::to_string(outerMesh) + ")";
  fanout = innerMesh / outerMesh;
  return {};
}

/// Checks a level's mesh: positive sides whose product fits 64 bits and
/// equals the instance count. `what` is "storage level 'x'" or the like.
static std::string checkMesh(const std::string &what, int64_t meshX,
                             int64_t meshY, int64_t instances) {
  int64_t mesh;
  if (meshX < 1 || meshY < 1 || __builtin_mul_overflow(meshX, meshY, &mesh))
    return what + " has a " + std::to_string(meshX) + "x" +
           std::to_string(meshY) +
           " mesh, which is not a positive 64-bit count";
  if (instances != mesh || instances < 1)
    return what + " has " + std::to_string(instances) + " instances but a " +
           std::to_string(meshX) + "x" + std::to_string(meshY) + " mesh";
  return {};
}

llvm::Error Architecture::finalize() {
  if (std::string why = finalizeOrExplain(); !why.empty())
    return llvm::createStringError(why);
  return llvm::Error::success();
}

std::string Architecture::finalizeOrExplain() {
  if (storage.empty())
    return "architecture has no storage level";
  llvm::StringSet<> names;
  for (const StorageLevel &level : storage) {
    if (level.name.empty())
      return "architecture has a storage level without a name";
    if (!names.insert(level.name).second)
      return "storage level '" + level.name + "' is declared twice";
    if (level.wordBits < 1 || level.blockSize < 1 || level.clusterSize < 1)
      return "storage level '" + level.name +
             "' needs positive word bits, block size and cluster size";
    if (level.size && *level.size < 1)
      return "storage level '" + level.name + "' has a non-positive size";
    if (!(level.multipleBuffering >= 1.0))
      return "storage level '" + level.name +
             "' has multiple buffering below 1";
    // One rule for every source (IR, Timeloop YAML, Python): energies,
    // areas, bandwidths and latencies are finite and non-negative.
    for (auto [what, value] :
         {std::pair<const char *, double>{"read energy", level.readEnergy},
          {"fill energy", level.fillEnergy},
          {"update energy", level.updateEnergy},
          {"leak energy", level.leakEnergy},
          {"address generation energy",
           level.addressGenerationEnergy.value_or(0.0)},
          {"area", level.area},
          {"network fill latency", level.networkFillLatency},
          {"network drain latency", level.networkDrainLatency},
          {"network energy per hop", level.network.energyPerHop},
          {"router energy", level.network.routerEnergy},
          {"wire energy", level.network.wireEnergy}})
      if (!(std::isfinite(value) && value >= 0))
        return "storage level '" + level.name + "' has a " + what +
               " that is not a finite, non-negative number";
    // A bandwidth of zero could never move a word (Timeloop divides by it).
    for (auto [what, value] :
         {std::pair<const char *, std::optional<double>>{"read bandwidth",
                                                         level.readBandwidth},
          {"write bandwidth", level.writeBandwidth},
          {"shared bandwidth", level.sharedBandwidth}})
      if (value && !(std::isfinite(*value) && *value > 0))
        return "storage level '" + level.name + "' has a " + what +
               " that is not a finite, positive number of words per cycle";
    if (!(level.minUtilization >= 0 && level.minUtilization <= 1))
      return "storage level '" + level.name +
             "' has a minimum utilization outside [0, 1]";
    if (std::string why = checkMesh("storage level '" + level.name + "'",
                                    level.meshX, level.meshY, level.instances);
        !why.empty())
      return why;
  }
  if (!(std::isfinite(compute.energy) && compute.energy >= 0) ||
      !(std::isfinite(compute.area) && compute.area >= 0))
    return "compute level '" + compute.name +
           "' has an energy or area that is not a finite, non-negative number";
  if (std::string why = checkMesh("compute level '" + compute.name + "'",
                                  compute.meshX, compute.meshY,
                                  compute.instances);
      !why.empty())
    return why;

  for (int s = 0, e = numLevels(); s < e; ++s) {
    StorageLevel &level = storage[s];
    int64_t innerX = s == 0 ? compute.meshX : storage[s - 1].meshX;
    int64_t innerY = s == 0 ? compute.meshY : storage[s - 1].meshY;
    const std::string &innerName = s == 0 ? compute.name : storage[s - 1].name;
    if (std::string error = meshRatio(innerX, level.meshX, innerName,
                                      level.name, "X", level.fanoutX);
        !error.empty())
      return error;
    if (std::string error = meshRatio(innerY, level.meshY, innerName,
                                      level.name, "Y", level.fanoutY);
        !error.empty())
      return error;
  }
  return {};
}
