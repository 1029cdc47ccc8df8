//===- AccelOps.cpp - accel operations ------------------------------------===//
//
// Builders and verifiers of the architecture operations.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Model/MappingConstraints.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace accel;

/// Value of an integer-or-float attribute.
static double numberValue(Attribute attr) {
  if (auto floatAttr = dyn_cast<FloatAttr>(attr))
    return floatAttr.getValueAsDouble();
  return static_cast<double>(cast<IntegerAttr>(attr).getInt());
}

/// A number as people write it in a message ("0.5", "16").
static std::string formatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%g", value);
  return buffer;
}

/// Word bits a level uses when it does not say (Timeloop's default).
static constexpr int64_t kDefaultWordBits = 16;

/// Signed value of an optional I64 attribute (ODS getters return unsigned).
static std::optional<int64_t> signedValue(IntegerAttr attr) {
  if (!attr)
    return std::nullopt;
  return attr.getInt();
}

static LogicalResult checkNumberAtLeast(Operation *op, Attribute attr,
                                        StringRef name, double minimum,
                                        bool strict) {
  if (!attr)
    return success();
  double value = numberValue(attr);
  bool ok = std::isfinite(value) && (strict ? value > minimum : value >= minimum);
  if (!ok)
    return op->emitOpError()
           << "'" << name << "' must be "
           << (strict ? "greater than " : "at least ") << formatNumber(minimum)
           << ", got " << formatNumber(value);
  return success();
}

//===----------------------------------------------------------------------===//
// Level syntax
//===----------------------------------------------------------------------===//

ArchOp accel::lookupArchitecture(Operation *from, StringAttr name) {
  for (Operation *table = mlir::SymbolTable::getNearestSymbolTable(from);
       table; table = table->getParentOp()
                          ? mlir::SymbolTable::getNearestSymbolTable(
                                table->getParentOp())
                          : nullptr)
    if (auto arch = dyn_cast_or_null<ArchOp>(
            mlir::SymbolTable::lookupSymbolIn(table, name)))
      return arch;
  return {};
}

ParseResult accel::parseLevelOp(OpAsmParser &parser, OperationState &result) {
  StringAttr name;
  if (parser.parseSymbolName(name, mlir::SymbolTable::getSymbolAttrName(),
                             result.attributes))
    return failure();
  SMLoc attributesLoc = parser.getCurrentLocation();
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  // Inherent attributes become properties when the op is built, and one of
  // the wrong type would be dropped there without a word (`entries = "2"`
  // leaving a buffer unbounded): check their types here.
  return result.name.verifyInherentAttrs(result.attributes, [&] {
    return parser.emitError(attributesLoc);
  });
}

/// Prints an attribute value, numbers without their (default) type.
static void printPlainValue(OpAsmPrinter &printer, Attribute value) {
  if (auto integer = dyn_cast<IntegerAttr>(value);
      integer && integer.getType().isSignlessInteger(64)) {
    printer << integer.getInt();
    return;
  }
  if (auto real = dyn_cast<FloatAttr>(value); real && real.getType().isF64()) {
    printRoundTripDouble(printer.getStream(), real.getValueAsDouble());
    return;
  }
  if (auto dict = dyn_cast<DictionaryAttr>(value)) {
    printer << '{';
    llvm::interleaveComma(dict, printer, [&](NamedAttribute entry) {
      printer.printKeywordOrString(entry.getName().getValue());
      printer << " = ";
      printPlainValue(printer, entry.getValue());
    });
    printer << '}';
    return;
  }
  printer.printAttribute(value);
}

void accel::printLevelOp(OpAsmPrinter &printer, Operation *op) {
  printer << ' ';
  printer.printSymbolName(
      op->getAttrOfType<StringAttr>(mlir::SymbolTable::getSymbolAttrName())
          .getValue());
  SmallVector<NamedAttribute> rest;
  for (NamedAttribute attr : op->getAttrs())
    if (attr.getName() != mlir::SymbolTable::getSymbolAttrName())
      rest.push_back(attr);
  if (rest.empty())
    return;
  printer << " {";
  llvm::interleaveComma(rest, printer, [&](NamedAttribute attr) {
    printer.printKeywordOrString(attr.getName().getValue());
    printer << " = ";
    printPlainValue(printer, attr.getValue());
  });
  printer << '}';
}

//===----------------------------------------------------------------------===//
// ArchOp
//===----------------------------------------------------------------------===//

void ArchOp::build(OpBuilder &builder, OperationState &state, StringRef name) {
  state.addAttribute(mlir::SymbolTable::getSymbolAttrName(),
                     builder.getStringAttr(name));
  Region *body = state.addRegion();
  body->push_back(new Block());
}

static ParseResult parseLevelList(OpAsmParser &parser, Region &body) {
  if (parser.parseRegion(body))
    return failure();
  if (body.empty())
    body.push_back(new Block());
  return success();
}

static void printLevelList(OpAsmPrinter &printer, Operation *, Region &body) {
  printer.printRegion(body, /*printEntryBlockArgs=*/false,
                      /*printBlockTerminators=*/false);
}

ComputeOp ArchOp::getComputeOp() {
  if (getBody().empty())
    return {};
  for (Operation &op : getBodyBlock())
    if (auto compute = dyn_cast<ComputeOp>(op))
      return compute;
  return {};
}

FailureOr<int64_t> ArchOp::getInstances(Operation *level) {
  int64_t instances = 1;
  for (Operation &op : getBodyBlock()) {
    if (&op == level)
      return instances;
    if (auto fanout = dyn_cast<FanoutOp>(op)) {
      if (llvm::MulOverflow(instances, fanout.getSizeX(), instances) ||
          llvm::MulOverflow(instances, fanout.getSizeY(), instances))
        return failure();
    }
  }
  return instances;
}

LogicalResult ArchOp::verifyRegions() {
  if (!getBody().hasOneBlock() || getBodyBlock().empty())
    return emitOpError() << "must list its levels, outermost first, ending "
                            "with one accel.compute";
  Block &block = getBodyBlock();
  for (Operation &op : block)
    if (!isa<StorageOp, FanoutOp, ComputeOp>(op))
      return op.emitOpError()
             << "cannot appear in an architecture; expected accel.storage, "
                "accel.fanout or accel.compute";

  Operation &first = block.front();
  if (!isa<StorageOp>(first))
    return first.emitOpError()
           << "cannot be the outermost level: an architecture starts with "
              "an accel.storage that backs every tensor";

  int numCompute = llvm::count_if(
      block, [](Operation &op) { return isa<ComputeOp>(op); });
  if (numCompute != 1)
    return emitOpError() << "must have exactly one accel.compute, found "
                         << numCompute;
  if (!isa<ComputeOp>(block.back()))
    return getComputeOp().emitOpError()
           << "must be the last (innermost) level of its architecture";

  if (failed(getInstances(&block.back())))
    return emitOpError() << "has more than 2^63 compute instances";
  return success();
}

/// Checks that no dimension is listed twice in the loop-name lists.
static LogicalResult
checkMapperConstraints(Operation *op,
                       ArrayRef<std::pair<StringRef, ArrayAttr>> lists) {
  for (auto [name, list] : lists) {
    if (!list)
      continue;
    llvm::StringSet<> seen;
    for (Attribute dim : list)
      if (!seen.insert(cast<StringAttr>(dim).getValue()).second)
        return op->emitOpError() << "lists dimension '"
                                 << cast<StringAttr>(dim).getValue()
                                 << "' twice in '" << name << "'";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// StorageOp
//===----------------------------------------------------------------------===//

LogicalResult StorageOp::verify() {
  Operation *op = getOperation();
  if (getEntriesAttr() && getDepthAttr())
    return emitOpError() << "takes 'entries' or 'depth', not both";

  if (std::optional<int64_t> width = signedValue(getWidthAttr())) {
    int64_t wordBits =
        signedValue(getWordBitsAttr()).value_or(kDefaultWordBits);
    int64_t blockSize = signedValue(getBlockSizeAttr()).value_or(1);
    int64_t vectorBits = 0;
    if (llvm::MulOverflow(wordBits, blockSize, vectorBits) ||
        *width % vectorBits != 0)
      return emitOpError() << "'width' (" << *width
                           << " bits) must be a multiple of word_bits x "
                              "block_size ("
                           << wordBits << " x " << blockSize << ")";
    std::optional<int64_t> clusterSize = signedValue(getClusterSizeAttr());
    int64_t clusterBits = 0;
    if (getBlockSizeAttr() && clusterSize &&
        (llvm::MulOverflow(vectorBits, *clusterSize, clusterBits) ||
         clusterBits != *width))
      return emitOpError() << "word_bits x block_size x cluster_size ("
                           << wordBits << " x " << blockSize << " x "
                           << *clusterSize << ") must equal 'width' ("
                           << *width << ")";
  }

  if (failed(checkNumberAtLeast(op, getMultipleBufferingAttr(),
                                "multiple_buffering", 1.0, false)) ||
      failed(checkNumberAtLeast(op, getMinUtilizationAttr(), "min_utilization",
                                0.0, false)) ||
      failed(checkNumberAtLeast(op, getReadBandwidthAttr(), "read_bandwidth",
                                0.0, true)) ||
      failed(checkNumberAtLeast(op, getWriteBandwidthAttr(), "write_bandwidth",
                                0.0, true)) ||
      failed(checkNumberAtLeast(op, getSharedBandwidthAttr(),
                                "shared_bandwidth", 0.0, true)) ||
      failed(checkNumberAtLeast(op, getAreaAttr(), "area", 0.0, false)) ||
      failed(checkNumberAtLeast(op, getNetworkFillLatencyAttr(),
                                "network_fill_latency", 0.0, false)) ||
      failed(checkNumberAtLeast(op, getNetworkDrainLatencyAttr(),
                                "network_drain_latency", 0.0, false)))
    return failure();
  if (Attribute minUtil = getMinUtilizationAttr(); minUtil && numberValue(minUtil) > 1.0)
    return emitOpError() << "'min_utilization' must lie in [0, 1], got "
                         << formatNumber(numberValue(minUtil));

  if (std::optional<StringRef> technology = getTechnology()) {
    std::string lower = technology->lower();
    if (lower != "sram" && lower != "dram" && lower != "regfile")
      return emitOpError() << "unknown technology '" << *technology
                           << "'; expected 'sram', 'dram' or 'regfile'";
  }

  llvm::StringSet<> kept;
  if (ArrayAttr keep = getKeepAttr())
    for (Attribute tensor : keep)
      if (!kept.insert(cast<StringAttr>(tensor).getValue()).second)
        return emitOpError() << "lists tensor '"
                             << cast<StringAttr>(tensor).getValue()
                             << "' twice in 'keep'";
  if (ArrayAttr bypass = getBypassAttr()) {
    llvm::StringSet<> bypassed;
    for (Attribute tensor : bypass) {
      StringRef name = cast<StringAttr>(tensor).getValue();
      if (kept.contains(name))
        return emitOpError() << "both keeps and bypasses tensor '" << name
                             << "'";
      if (!bypassed.insert(name).second)
        return emitOpError() << "lists tensor '" << name
                             << "' twice in 'bypass'";
    }
  }

  if (EnergyAttr energy = getEnergyAttr(); energy && energy.getCompute())
    return emitOpError() << "'energy' of a storage level gives no 'compute' "
                            "energy (that belongs to accel.compute)";
  if (failed(
          checkMapperConstraints(op, {{"inner_loops", getInnerLoopsAttr()},
                                      {"outer_loops", getOuterLoopsAttr()}})))
    return failure();
  if (ArrayAttr inner = getInnerLoopsAttr(), outer = getOuterLoopsAttr();
      inner && outer)
    for (Attribute dim : inner)
      if (llvm::is_contained(outer.getValue(), dim))
        return emitOpError() << "puts dimension '"
                             << cast<StringAttr>(dim).getValue()
                             << "' both innermost and outermost";
  return success();
}

//===----------------------------------------------------------------------===//
// FanoutOp
//===----------------------------------------------------------------------===//

LogicalResult FanoutOp::verify() {
  if (getSizeX() == 1 && getSizeY() == 1)
    return emitOpError() << "of 1 x 1 distributes nothing; give 'x' or 'y' "
                            "greater than 1";
  return checkMapperConstraints(
      getOperation(), {{"x_dims", getXDimsAttr()}, {"y_dims", getYDimsAttr()}});
}

//===----------------------------------------------------------------------===//
// ComputeOp
//===----------------------------------------------------------------------===//

LogicalResult ComputeOp::verify() {
  if (EnergyAttr energy = getEnergyAttr(); energy && energy.hasStorageActions())
    return emitOpError() << "'energy' of the compute level gives only "
                            "'compute' and 'leak'";
  if (failed(checkNumberAtLeast(getOperation(), getAreaAttr(), "area", 0.0,
                                false)) ||
      failed(checkNumberAtLeast(getOperation(), getMinUtilizationAttr(),
                                "min_utilization", 0.0, false)))
    return failure();
  if (Attribute minUtil = getMinUtilizationAttr();
      minUtil && numberValue(minUtil) > 1.0)
    return emitOpError() << "'min_utilization' must lie in [0, 1], got "
                         << formatNumber(numberValue(minUtil));
  return success();
}

#define GET_OP_CLASSES
#include "accel/Dialect/Accel/IR/AccelOps.cpp.inc"
