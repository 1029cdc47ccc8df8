//===- TimeloopAttributes.cpp - Buffer and arithmetic attributes ----------===//
//
// Timeloop's attribute spellings (v3.0.3 hyphens and master underscores)
// and the derivations of spec section 1.2.3: block and cluster size from
// the width, size from entries / depth / sizeKB, instances and meshes.
//
//===----------------------------------------------------------------------===//

#include "TimeloopArchitecture.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>

using namespace accel;
using namespace accel::interop;
using namespace accel::interop::detail;

detail::ComponentClass detail::classifyComponent(llvm::StringRef className) {
  for (llvm::StringRef storage :
       {"DRAM", "SRAM", "regfile", "smartbuffer", "storage"})
    if (className.contains(storage))
      return ComponentClass::Storage;
  for (llvm::StringRef compute : {"mac", "intmac", "fpmac", "compute"})
    if (className.contains(compute))
      return ComponentClass::Compute;
  for (llvm::StringRef network :
       {"XY_NoC", "Legacy", "ReductionTree", "SimpleMulticast"})
    if (className.contains(network))
      return ComponentClass::Network;
  return ComponentClass::Other;
}

llvm::Error detail::splitInstanceRange(const YamlNode &node,
                                       llvm::StringRef text,
                                       std::string &name, int64_t &count) {
  count = 1;
  size_t open = text.find('[');
  if (open == llvm::StringRef::npos) {
    name = text.trim().str();
    return llvm::Error::success();
  }
  name = text.substr(0, open).trim().str();
  llvm::StringRef range = text.substr(open + 1);
  if (!range.consume_back("]"))
    return node.error("malformed instance range in '" + text + "'");
  auto [lowText, highText] = range.split("..");
  int64_t low, high;
  if (lowText.trim().getAsInteger(10, low) ||
      highText.trim().getAsInteger(10, high) || high < low)
    return node.error("malformed instance range in '" + text +
                      "'; expected [a..b]");
  count = high - low + 1;
  return llvm::Error::success();
}

namespace {
/// Reads typed attributes, remembering the first error.
class AttributeReader {
public:
  AttributeReader(const YamlNode &owner, const YamlNode *attributes)
      : owner(owner), attributes(attributes) {}

  const YamlNode *find(std::initializer_list<llvm::StringRef> keys) const {
    return attributes ? attributes->getAny(keys) : nullptr;
  }

  std::optional<int64_t> integer(std::initializer_list<llvm::StringRef> keys) {
    const YamlNode *node = find(keys);
    if (!node || node->isNull())
      return std::nullopt;
    std::optional<int64_t> value = node->asInt();
    if (!value) {
      std::optional<double> real = node->asDouble();
      record(*node, "attribute '" + firstKey(keys) +
                        (real && std::trunc(*real) == *real
                             ? "' does not fit a 64-bit integer"
                             : "' must be an integer"));
    }
    return value;
  }

  std::optional<double> number(std::initializer_list<llvm::StringRef> keys) {
    const YamlNode *node = find(keys);
    if (!node || node->isNull())
      return std::nullopt;
    std::optional<double> value = node->asDouble();
    if (!value)
      record(*node, "attribute '" + firstKey(keys) + "' must be a number");
    return value;
  }

  std::optional<bool> flag(std::initializer_list<llvm::StringRef> keys) {
    const YamlNode *node = find(keys);
    if (!node || node->isNull())
      return std::nullopt;
    std::optional<bool> value = node->asBool();
    if (!value)
      record(*node, "attribute '" + firstKey(keys) + "' must be true or false");
    return value;
  }

  void record(const YamlNode &node, const std::string &message) {
    if (errorMessage.empty())
      errorMessage = node.location.str() + ": " + message;
  }
  void record(const std::string &message) { record(owner, message); }

  llvm::Error takeError() {
    if (errorMessage.empty())
      return llvm::Error::success();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   errorMessage);
  }

private:
  static std::string firstKey(std::initializer_list<llvm::StringRef> keys) {
    return keys.begin()->str();
  }

  const YamlNode &owner;
  const YamlNode *attributes;
  std::string errorMessage;
};
} // namespace

/// Instances and mesh (spec 1.2.3): explicit `instances` or the range
/// count, reconciled with meshX / meshY.
static void readMesh(AttributeReader &reader, llvm::StringRef name,
                     int64_t rangeInstances, int64_t &instances,
                     int64_t &meshX, int64_t &meshY) {
  instances = reader.integer({"instances"}).value_or(rangeInstances);
  std::optional<int64_t> x = reader.integer({"meshX"});
  std::optional<int64_t> y = reader.integer({"meshY"});
  if (instances < 1) {
    reader.record("'" + name.str() + "' must have at least one instance");
    return;
  }
  if (x && y) {
    meshX = *x;
    meshY = *y;
    if (meshX * meshY != instances)
      reader.record("'" + name.str() + "' has " + std::to_string(instances) +
                    " instances but meshX x meshY = " +
                    std::to_string(meshX) + " x " + std::to_string(meshY));
  } else if (x) {
    meshX = *x;
    if (meshX < 1 || instances % meshX != 0)
      reader.record("meshX of '" + name.str() + "' (" + std::to_string(meshX) +
                    ") does not divide its " + std::to_string(instances) +
                    " instances");
    else
      meshY = instances / meshX;
  } else if (y) {
    meshY = *y;
    if (meshY < 1 || instances % meshY != 0)
      reader.record("meshY of '" + name.str() + "' (" + std::to_string(meshY) +
                    ") does not divide its " + std::to_string(instances) +
                    " instances");
    else
      meshX = instances / meshY;
  } else {
    meshX = instances;
    meshY = 1;
  }
}

llvm::Error detail::readStorageLevel(const YamlNode &component,
                                     const YamlNode *attributes,
                                     llvm::StringRef name,
                                     llvm::StringRef className,
                                     int64_t rangeInstances,
                                     model::StorageLevel &level) {
  AttributeReader reader(component, attributes);
  level.name = name.str();
  level.isFanoutOnly = className == "dummy_storage";

  const YamlNode *technology = reader.find({"technology"});
  bool dram = className.contains("DRAM") ||
              (technology && technology->isScalar() &&
               llvm::StringRef(technology->scalar).equals_insensitive("DRAM"));
  level.technology = dram ? model::Technology::DRAM
                          : (className.contains("regfile") ||
                                     className.contains("RF")
                                 ? model::Technology::RegFile
                                 : model::Technology::SRAM);

  level.wordBits =
      reader.integer({"word-bits", "word_bits", "word_width", "datawidth"})
          .value_or(16);
  std::optional<int64_t> blockSize =
      reader.integer({"block-size", "block_size", "n_words"});
  std::optional<int64_t> clusterSize =
      reader.integer({"cluster-size", "cluster_size"});
  std::optional<int64_t> width =
      reader.integer({"width", "memory_width", "data_storage_width"});
  if (llvm::Expected<model::BlockAndCluster> shape =
          model::deriveBlockAndCluster(level.wordBits, width, blockSize,
                                       clusterSize)) {
    level.blockSize = shape->block;
    level.clusterSize = shape->cluster;
  } else {
    reader.record(llvm::toString(shape.takeError()) + " in '" + level.name +
                  "'");
  }

  if (std::optional<int64_t> entries = reader.integer({"entries"}))
    level.size = *entries;
  else if (std::optional<int64_t> depth =
               reader.integer({"depth", "memory_depth", "data_storage_depth"})) {
    int64_t words;
    if (*depth < 1)
      reader.record("depth of '" + level.name + "' must be positive, got " +
                    std::to_string(*depth));
    else if (__builtin_mul_overflow(*depth, level.blockSize, &words))
      reader.record("size of '" + level.name + "' (depth " +
                    std::to_string(*depth) + " x block size " +
                    std::to_string(level.blockSize) +
                    ") does not fit a 64-bit integer");
    else
      level.size = words;
  } else if (std::optional<double> kilobytes = reader.number({"sizeKB"})) {
    double words = *kilobytes * 1024 * 8 / static_cast<double>(level.wordBits);
    if (!(words >= 1 && words < 9.2e18))
      reader.record("sizeKB of '" + level.name +
                    "' must give between 1 and 2^63 words");
    else
      level.size = static_cast<int64_t>(words);
  }
  if (level.size && *level.size < 1)
    reader.record("size of '" + level.name + "' must be positive, got " +
                  std::to_string(*level.size));

  level.multipleBuffering =
      reader.number({"multiple-buffering", "multiple_buffering"}).value_or(1.0);
  if (level.multipleBuffering < 1.0)
    reader.record("multiple buffering of '" + level.name +
                  "' must be at least 1");
  level.minUtilization =
      reader.number({"min-utilization", "min_utilization"}).value_or(0.0);

  readMesh(reader, level.name, rangeInstances, level.instances, level.meshX,
           level.meshY);

  if (std::optional<double> legacy = reader.number({"bandwidth"})) {
    level.readBandwidth = *legacy / 2;
    level.writeBandwidth = *legacy / 2;
  }
  if (std::optional<double> bw = reader.number({"read_bandwidth", "read-bandwidth"}))
    level.readBandwidth = *bw;
  if (std::optional<double> bw = reader.number({"write_bandwidth", "write-bandwidth"}))
    level.writeBandwidth = *bw;
  if (std::optional<double> bw = reader.number({"shared_bandwidth", "shared-bandwidth"}))
    level.sharedBandwidth = *bw;
  level.reductionSupported =
      reader.flag({"reduction_supported"}).value_or(!dram);

  level.network.wordBits = reader.integer({"network-word-bits", "network_word_bits"});
  level.network.routerEnergy =
      reader.number({"router-energy", "router_energy"}).value_or(0.0);
  level.network.wireEnergy =
      reader.number({"wire-energy", "wire_energy"}).value_or(0.0);
  level.network.tileWidthUm =
      reader.number({"tile-width", "tile_width"}).value_or(0.0);
  level.network.energyPerHop =
      reader.number({"energy-per-hop", "energy_per_hop"}).value_or(0.0);
  level.network.ingressEnergy =
      reader.number({"energy-per-ingress", "energy_per_ingress"}).value_or(0.0);
  level.networkFillLatency =
      reader.number({"network_fill_latency", "network-fill-latency"})
          .value_or(0.0);
  level.networkDrainLatency =
      reader.number({"network_drain_latency", "network-drain-latency"})
          .value_or(0.0);

  if (std::optional<double> energy =
          reader.number({"vector-access-energy", "vector_access_energy"})) {
    level.readEnergy = level.fillEnergy = level.updateEnergy = *energy;
    level.vectorAccessEnergy = *energy;
    level.energySource = "user";
  } else {
    // Marked for the default model until an ERT says otherwise.
    level.readEnergy = level.fillEnergy = level.updateEnergy = -1;
  }
  level.addressGenerationEnergy =
      reader.number({"addr-gen-energy", "addr_gen_energy"});
  if (std::optional<double> clusterArea =
          reader.number({"cluster-area", "cluster_area"}))
    level.area = *clusterArea / static_cast<double>(level.clusterSize);
  return reader.takeError();
}

llvm::Error detail::readComputeLevel(const YamlNode &component,
                                     const YamlNode *attributes,
                                     llvm::StringRef name,
                                     int64_t rangeInstances,
                                     model::ComputeLevel &compute) {
  AttributeReader reader(component, attributes);
  compute.name = name.str();
  compute.wordBits =
      reader.integer({"word-bits", "word_bits", "datawidth"}).value_or(16);
  readMesh(reader, compute.name, rangeInstances, compute.instances,
           compute.meshX, compute.meshY);
  if (std::optional<double> energy = reader.number({"energy"})) {
    compute.energy = *energy;
    compute.energySource = "user";
  } else {
    compute.energy = -1; // default model unless an ERT says otherwise
  }
  if (std::optional<double> area = reader.number({"area"}))
    compute.area = *area;
  return reader.takeError();
}
