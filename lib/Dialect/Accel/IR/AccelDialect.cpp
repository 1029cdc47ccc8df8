//===- AccelDialect.cpp - The accel dialect -------------------------------===//
//
// Dialect registration and verification of the discardable attributes the
// dialect owns (`accel.mapping`, `accel.cost`) on any operation.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace accel;

#include "accel/Dialect/Accel/IR/AccelDialect.cpp.inc"

void AccelDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "accel/Dialect/Accel/IR/AccelOps.cpp.inc"
      >();
  registerAttributes();
}

/// Product of the factors of `loops`, or nullopt on overflow.
static std::optional<int64_t> productOfFactors(ArrayRef<LoopSpec> loops) {
  int64_t product = 1;
  for (const LoopSpec &loop : loops)
    if (llvm::MulOverflow(product, loop.factor, product))
      return std::nullopt;
  return product;
}

/// Checks that each spatial axis of `level` fits the fanout it maps onto.
static LogicalResult verifySpatialAxis(Operation *op, LevelMappingAttr level,
                                       ArrayRef<LoopSpec> loops, StringRef axis,
                                       FanoutOp fanout) {
  int64_t fanoutSize = axis == "x" ? fanout.getSizeX() : fanout.getSizeY();
  std::optional<int64_t> product = productOfFactors(loops);
  if (!product || *product > fanoutSize) {
    InFlightDiagnostic diag =
        op->emitError() << "spatial " << axis << " loops of level '"
                        << level.getLevel().getValue() << "' need "
                        << (product ? std::to_string(*product)
                                    : std::string("more than 2^63"))
                        << " instances, but the fanout has " << fanoutSize
                        << " along " << axis;
    diag.attachNote(fanout.getLoc())
        << "fanout '" << fanout.getSymName() << "' is " << fanout.getSizeX()
        << " x " << fanout.getSizeY();
    return diag;
  }
  return success();
}

/// "DRAM, shared_glb, PE, mac": the levels of `arch`, outermost first.
static std::string levelNames(ArchOp arch) {
  std::string names;
  for (Operation &level : arch.getBodyBlock())
    if (auto symbol = dyn_cast<SymbolOpInterface>(level))
      names += (names.empty() ? "" : ", ") + symbol.getName().str();
  return names;
}

/// Checks a mapping against the architecture it names: the architecture
/// must be reachable through the symbol tables enclosing `op`, and each
/// mapped level must exist and receive the kind of loops it can hold.
static LogicalResult verifyMappingAgainstArch(Operation *op,
                                              MappingAttr mapping) {
  ArchOp arch = lookupArchitecture(op, mapping.getArch().getAttr());
  if (!arch)
    return op->emitError() << "mapping refers to " << mapping.getArch()
                           << ", which is not an accel.arch in scope";

  for (LevelMappingAttr level : mapping.getLevels()) {
    StringRef name = level.getLevel().getValue();
    Operation *levelOp = SymbolTable::lookupSymbolIn(arch, level.getLevel());
    // Each error also points at the architecture or level it is about.
    if (!levelOp) {
      InFlightDiagnostic diag = op->emitError()
                                << "mapping level '" << name
                                << "' is not a level of architecture "
                                << mapping.getArch();
      diag.attachNote(arch.getLoc())
          << "architecture @" << arch.getSymName() << " has levels "
          << levelNames(arch);
      return diag;
    }
    auto atLevel = [&](InFlightDiagnostic diag) -> LogicalResult {
      diag.attachNote(levelOp->getLoc()) << "level '" << name << "' of @"
                                         << arch.getSymName();
      return diag;
    };
    if (isa<ComputeOp>(levelOp))
      return atLevel(op->emitError()
                     << "mapping level '" << name
                     << "' is the compute level, which holds no loops");
    if (auto fanout = dyn_cast<FanoutOp>(levelOp)) {
      if (!level.getTemporal().empty() || !level.getKeep().empty() ||
          !level.getBypass().empty())
        return atLevel(op->emitError()
                       << "fanout '" << name
                       << "' takes only spatial loops (no temporal loops, "
                          "keep or bypass)");
      if (failed(verifySpatialAxis(op, level, level.getSpatialX(), "x",
                                   fanout)) ||
          failed(verifySpatialAxis(op, level, level.getSpatialY(), "y",
                                   fanout)))
        return failure();
      continue;
    }
    if (level.hasSpatialLoops())
      return atLevel(op->emitError()
                     << "storage level '" << name
                     << "' takes no spatial loops; spatial loops belong to "
                        "an accel.fanout");
  }
  return success();
}

LogicalResult AccelDialect::verifyOperationAttribute(Operation *op,
                                                     NamedAttribute attr) {
  if (attr.getName() == MappingAttrHelper::getNameStr()) {
    auto mapping = dyn_cast<MappingAttr>(attr.getValue());
    if (!mapping)
      return op->emitError() << "'" << MappingAttrHelper::getNameStr()
                             << "' must be an #accel.mapping attribute";
    return verifyMappingAgainstArch(op, mapping);
  }
  if (attr.getName() == CostAttrHelper::getNameStr()) {
    if (!isa<CostAttr>(attr.getValue()))
      return op->emitError() << "'" << CostAttrHelper::getNameStr()
                             << "' must be an #accel.cost attribute";
    return success();
  }
  if (attr.getName() == DimNamesAttrHelper::getNameStr() ||
      attr.getName() == TensorNamesAttrHelper::getNameStr()) {
    auto names = dyn_cast<ArrayAttr>(attr.getValue());
    if (!names || !llvm::all_of(names, [](Attribute name) {
          auto str = dyn_cast<StringAttr>(name);
          return str && !str.getValue().empty();
        }))
      return op->emitError() << "'" << attr.getName().getValue()
                             << "' must be an array of non-empty strings";
    llvm::StringSet<> seen;
    for (Attribute name : names)
      if (!seen.insert(cast<StringAttr>(name).getValue()).second)
        return op->emitError() << "'" << attr.getName().getValue()
                               << "' lists '"
                               << cast<StringAttr>(name).getValue()
                               << "' twice";
    return success();
  }
  // Left by accel-tile on the code it generates.
  StringRef name = attr.getName().getValue();
  if (name == LevelAttrHelper::getNameStr() ||
      name == StageAttrHelper::getNameStr()) {
    if (!isa<StringAttr>(attr.getValue()))
      return op->emitError() << "'" << name << "' must name a level";
    return success();
  }
  if (name == SpatialAttrHelper::getNameStr()) {
    if (!isa<SpatialMappingAttr>(attr.getValue()))
      return op->emitError() << "'" << name
                             << "' must be an #accel.spatial attribute";
    return success();
  }
  if (name == TiledAttrHelper::getNameStr()) {
    if (!isa<UnitAttr>(attr.getValue()))
      return op->emitError() << "'" << name << "' must be a unit attribute";
    return success();
  }
  return op->emitError() << "unknown attribute '" << name
                         << "' of the accel dialect";
}
