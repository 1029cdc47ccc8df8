//===- ArchitectureConversion.cpp - accel.arch <-> model ------------------===//

#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Model/DefaultEnergy.h"

#include <algorithm>

using namespace mlir;
using namespace accel;

static std::optional<double> number(Attribute attr) {
  if (!attr)
    return std::nullopt;
  if (auto real = dyn_cast<FloatAttr>(attr))
    return real.getValueAsDouble();
  if (auto integer = dyn_cast<IntegerAttr>(attr))
    return static_cast<double>(integer.getInt());
  return std::nullopt;
}

static std::optional<int64_t> integer(IntegerAttr attr) {
  if (!attr)
    return std::nullopt;
  return attr.getInt();
}

static LogicalResult convertStorage(StorageOp op, model::StorageLevel &level) {
  level.name = op.getSymName().str();
  StringRef technology = op.getTechnology().value_or("sram");
  level.technology = technology.equals_insensitive("dram")
                         ? model::Technology::DRAM
                     : technology.equals_insensitive("regfile")
                         ? model::Technology::RegFile
                         : model::Technology::SRAM;
  level.wordBits = integer(op.getWordBitsAttr()).value_or(16);
  llvm::Expected<model::BlockAndCluster> shape = model::deriveBlockAndCluster(
      level.wordBits, integer(op.getWidthAttr()),
      integer(op.getBlockSizeAttr()), integer(op.getClusterSizeAttr()));
  if (!shape)
    return op.emitOpError() << llvm::toString(shape.takeError());
  level.blockSize = shape->block;
  level.clusterSize = shape->cluster;
  if (std::optional<int64_t> entries = integer(op.getEntriesAttr()))
    level.size = *entries;
  else if (std::optional<int64_t> depth = integer(op.getDepthAttr())) {
    int64_t words;
    if (__builtin_mul_overflow(*depth, level.blockSize, &words))
      return op.emitOpError()
             << "holds 'depth' x block size = " << *depth << " x "
             << level.blockSize << " words, which does not fit 64 bits";
    level.size = words;
  }
  level.multipleBuffering =
      number(op.getMultipleBufferingAttr()).value_or(1.0);
  level.minUtilization = number(op.getMinUtilizationAttr()).value_or(0.0);
  level.readBandwidth = number(op.getReadBandwidthAttr());
  level.writeBandwidth = number(op.getWriteBandwidthAttr());
  level.sharedBandwidth = number(op.getSharedBandwidthAttr());
  level.reductionSupported =
      op.getReductionSupported().value_or(level.technology !=
                                          model::Technology::DRAM);
  level.networkFillLatency = number(op.getNetworkFillLatencyAttr()).value_or(0);
  level.networkDrainLatency =
      number(op.getNetworkDrainLatencyAttr()).value_or(0);
  if (NetworkAttr network = op.getNetworkAttr()) {
    level.network.wordBits = network.getWordBits();
    level.network.energyPerHop =
        numberOf(network.getEnergyPerHop()).value_or(0);
    level.network.routerEnergy =
        numberOf(network.getRouterEnergy()).value_or(0);
    level.network.wireEnergy = numberOf(network.getWireEnergy()).value_or(0);
    level.network.tileWidthUm = numberOf(network.getTileWidth()).value_or(0);
  }
  level.area = number(op.getAreaAttr()).value_or(0.0);
  if (ArrayAttr keep = op.getKeepAttr())
    for (Attribute tensor : keep)
      level.keepConstraint.push_back(cast<StringAttr>(tensor).str());
  if (ArrayAttr bypass = op.getBypassAttr())
    for (Attribute tensor : bypass)
      level.bypassConstraint.push_back(cast<StringAttr>(tensor).str());

  EnergyAttr energy = op.getEnergyAttr();
  std::optional<double> read, fill, update;
  if (energy) {
    read = numberOf(energy.getRead());
    fill = numberOf(energy.getFill());
    update = numberOf(energy.getUpdate());
    level.leakEnergy = numberOf(energy.getLeak()).value_or(0);
    level.addressGenerationEnergy = numberOf(energy.getAddressGeneration());
  }
  level.readEnergy = read.value_or(0);
  level.fillEnergy = fill.value_or(0);
  level.updateEnergy = update.value_or(0);
  model::applyDefaultEnergies(level, read.has_value(), fill.has_value(),
                              update.has_value());
  if (energy && (energy.hasStorageActions() || energy.getLeak())) {
    // Like an ERT: the largest action energy per cluster member.
    level.vectorAccessEnergy =
        energy.getLargest() / static_cast<double>(level.clusterSize);
    level.energySource = "ERT";
  }
  return success();
}

FailureOr<model::Architecture> accel::convertArchitecture(ArchOp arch) {
  model::Architecture result;
  result.name = arch.getSymName().str();
  std::vector<model::StorageLevel> outermostFirst;
  int64_t meshX = 1, meshY = 1;
  for (Operation &op : arch.getBodyBlock()) {
    if (auto storage = dyn_cast<StorageOp>(op)) {
      model::StorageLevel level;
      if (failed(convertStorage(storage, level)))
        return failure();
      level.meshX = meshX;
      level.meshY = meshY;
      level.instances = meshX * meshY;
      outermostFirst.push_back(std::move(level));
    } else if (auto fanout = dyn_cast<FanoutOp>(op)) {
      model::StorageLevel level;
      level.name = fanout.getSymName().str();
      level.isFanoutOnly = true;
      level.wordBits = 1;
      level.size = 1;
      level.energySource = "none";
      level.meshX = meshX;
      level.meshY = meshY;
      level.instances = meshX * meshY;
      outermostFirst.push_back(std::move(level));
      meshX *= fanout.getSizeX();
      meshY *= fanout.getSizeY();
    } else if (auto compute = dyn_cast<ComputeOp>(op)) {
      model::ComputeLevel &level = result.compute;
      level.name = compute.getSymName().str();
      level.wordBits = integer(compute.getWordBitsAttr()).value_or(16);
      std::optional<double> energy;
      if (EnergyAttr table = compute.getEnergyAttr())
        energy = numberOf(table.getCompute());
      level.energy = energy.value_or(model::defaultComputeEnergy(level.wordBits));
      level.energySource = energy ? "ERT" : "default model";
      level.area = number(compute.getAreaAttr()).value_or(0.0);
      level.meshX = meshX;
      level.meshY = meshY;
      level.instances = meshX * meshY;
    }
  }
  result.storage.assign(std::make_move_iterator(outermostFirst.rbegin()),
                        std::make_move_iterator(outermostFirst.rend()));
  if (llvm::Error error = result.finalize())
    return arch.emitOpError() << llvm::toString(std::move(error));
  return result;
}

/// A float attribute, printed plainly by the level printer.
static FloatAttr f64(OpBuilder &builder, double value) {
  return builder.getF64FloatAttr(value);
}

ArchOp accel::buildArchOp(OpBuilder &builder, Location loc,
                          const model::Architecture &arch, StringRef name,
                          SmallVectorImpl<std::string> *spatialLevelNames) {
  auto archOp = ArchOp::create(builder, loc, name);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(&archOp.getBodyBlock());
  if (spatialLevelNames)
    spatialLevelNames->assign(arch.numLevels(), std::string());

  auto addFanout = [&](StringRef fanoutName, const model::StorageLevel &level) {
    NamedAttrList attrs;
    attrs.append(mlir::SymbolTable::getSymbolAttrName(),
                 builder.getStringAttr(fanoutName));
    if (level.fanoutX > 1)
      attrs.append("x", builder.getI64IntegerAttr(level.fanoutX));
    if (level.fanoutY > 1)
      attrs.append("y", builder.getI64IntegerAttr(level.fanoutY));
    FanoutOp::create(builder, loc, TypeRange(), ValueRange(),
                     attrs.getAttrs());
  };

  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const model::StorageLevel &level = arch.storage[s];
    if (level.isFanoutOnly) {
      if (level.fanout() > 1)
        addFanout(level.name, level);
      if (spatialLevelNames)
        (*spatialLevelNames)[s] = level.name;
      continue;
    }
    NamedAttrList attrs;
    attrs.append(mlir::SymbolTable::getSymbolAttrName(),
                 builder.getStringAttr(level.name));
    attrs.append("technology",
                 builder.getStringAttr(level.technology == model::Technology::DRAM
                                           ? "dram"
                                       : level.technology ==
                                               model::Technology::RegFile
                                           ? "regfile"
                                           : "sram"));
    if (level.size)
      attrs.append("entries", builder.getI64IntegerAttr(*level.size));
    attrs.append("word_bits", builder.getI64IntegerAttr(level.wordBits));
    if (level.blockSize != 1)
      attrs.append("block_size", builder.getI64IntegerAttr(level.blockSize));
    if (level.clusterSize != 1)
      attrs.append("cluster_size",
                   builder.getI64IntegerAttr(level.clusterSize));
    if (level.multipleBuffering != 1.0)
      attrs.append("multiple_buffering", f64(builder, level.multipleBuffering));
    if (level.minUtilization != 0.0)
      attrs.append("min_utilization", f64(builder, level.minUtilization));
    if (level.readBandwidth)
      attrs.append("read_bandwidth", f64(builder, *level.readBandwidth));
    if (level.writeBandwidth)
      attrs.append("write_bandwidth", f64(builder, *level.writeBandwidth));
    if (level.sharedBandwidth)
      attrs.append("shared_bandwidth", f64(builder, *level.sharedBandwidth));
    if (level.reductionSupported !=
        (level.technology != model::Technology::DRAM))
      attrs.append("reduction_supported",
                   builder.getBoolAttr(level.reductionSupported));
    if (level.networkFillLatency != 0)
      attrs.append("network_fill_latency", f64(builder, level.networkFillLatency));
    if (level.networkDrainLatency != 0)
      attrs.append("network_drain_latency",
                   f64(builder, level.networkDrainLatency));
    auto names = [&](const std::vector<std::string> &list) {
      SmallVector<StringRef> refs(list.begin(), list.end());
      return builder.getStrArrayAttr(refs);
    };
    if (!level.keepConstraint.empty())
      attrs.append("keep", names(level.keepConstraint));
    if (!level.bypassConstraint.empty())
      attrs.append("bypass", names(level.bypassConstraint));
    MLIRContext *context = builder.getContext();
    attrs.append(
        "energy",
        EnergyAttr::get(context, f64(builder, level.readEnergy),
                        f64(builder, level.fillEnergy),
                        f64(builder, level.updateEnergy),
                        f64(builder, level.leakEnergy),
                        numberAttr(context, level.addressGenerationEnergy),
                        /*compute=*/FloatAttr()));
    if (level.area != 0)
      attrs.append("area", f64(builder, level.area));
    if (const model::NetworkParams &network = level.network;
        network.wordBits || network.energyPerHop != 0 ||
        network.routerEnergy != 0 || network.wireEnergy != 0 ||
        network.tileWidthUm != 0) {
      auto optional = [&](double value) {
        return value != 0 ? f64(builder, value) : FloatAttr();
      };
      attrs.append("network",
                   NetworkAttr::get(builder.getContext(), network.wordBits,
                                    optional(network.energyPerHop),
                                    optional(network.routerEnergy),
                                    optional(network.wireEnergy),
                                    optional(network.tileWidthUm)));
    }
    StorageOp::create(builder, loc, TypeRange(), ValueRange(), attrs.getAttrs());
    if (level.fanout() > 1) {
      std::string fanoutName = level.name + "_spatial";
      addFanout(fanoutName, level);
      if (spatialLevelNames)
        (*spatialLevelNames)[s] = fanoutName;
    }
  }

  const model::ComputeLevel &compute = arch.compute;
  NamedAttrList attrs;
  attrs.append(mlir::SymbolTable::getSymbolAttrName(),
               builder.getStringAttr(compute.name));
  attrs.append("word_bits", builder.getI64IntegerAttr(compute.wordBits));
  attrs.append("energy",
               EnergyAttr::get(builder.getContext(), FloatAttr(), FloatAttr(),
                               FloatAttr(), FloatAttr(), FloatAttr(),
                               f64(builder, compute.energy)));
  if (compute.area != 0)
    attrs.append("area", f64(builder, compute.area));
  ComputeOp::create(builder, loc, TypeRange(), ValueRange(), attrs.getAttrs());
  return archOp;
}

const model::Architecture *
accel::ArchitectureCache::lookup(Operation *op, StringRef archName) {
  ArchOp archOp =
      lookupArchitecture(op, StringAttr::get(op->getContext(), archName));
  if (!archOp) {
    op->emitError() << "mapping refers to @" << archName
                    << ", which is not an accel.arch in scope";
    return nullptr;
  }
  auto [it, inserted] = cache.try_emplace(archOp.getOperation());
  if (inserted) {
    FailureOr<model::Architecture> converted = convertArchitecture(archOp);
    if (succeeded(converted))
      it->second = std::move(*converted);
  }
  return it->second ? &*it->second : nullptr;
}
