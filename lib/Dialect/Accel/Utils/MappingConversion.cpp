//===- MappingConversion.cpp - #accel.mapping <-> model -------------------===//

#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Model/MappingConstraints.h"

#include "mlir/IR/Operation.h"

#include <limits>
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace accel;

/// "N, C, H" style list of names for messages.
template <typename Range, typename Fn>
static std::string listNames(const Range &range, Fn name) {
  std::string text;
  for (const auto &item : range) {
    if (!text.empty())
      text += ", ";
    text += name(item);
  }
  return text;
}

static LogicalResult convertLoops(Operation *op, StringRef levelName,
                                  ArrayRef<LoopSpec> loops,
                                  const model::Workload &workload,
                                  std::vector<model::MappingLoop> &out,
                                  SmallVectorImpl<int64_t> &products) {
  for (const LoopSpec &loop : loops) {
    int dim = workload.findDimension(loop.dim.getValue());
    if (dim < 0)
      return op->emitError()
             << "mapping level '" << levelName << "' has a loop over '"
             << loop.dim.getValue()
             << "', which is not a dimension of this op (its dimensions: "
             << listNames(workload.dimensions,
                          [](const model::Dimension &d) { return d.name; })
             << ")";
    if (llvm::MulOverflow(products[dim], loop.factor, products[dim]))
      return op->emitError() << "factors of dimension '" << loop.dim.getValue()
                             << "' overflow 64-bit integers";
    out.push_back({dim, loop.factor, loop.residual});
  }
  return success();
}

static FailureOr<model::DataSpaceMask>
tensorMask(Operation *op, StringRef levelName, ArrayRef<StringAttr> names,
           const model::Workload &workload, StringRef clause) {
  model::DataSpaceMask mask = 0;
  for (StringAttr name : names) {
    // A tensor's name or its role (Inputs, Weights, Outputs), as in
    // architecture keep lists: a mapping written for a conv2d in Python
    // (Inputs, Weights, Outputs) fits a linalg convolution (I, W, O).
    int ds = model::resolveTensorRole(workload, name.getValue().str());
    if (ds < 0)
      return op->emitError()
             << "mapping level '" << levelName << "' " << clause << "s '"
             << name.getValue()
             << "', which is not a tensor of this op (its tensors: "
             << listNames(workload.dataSpaces,
                          [](const model::DataSpace &d) { return d.name; })
             << "; or the roles Inputs, Weights, Outputs)";
    mask |= 1u << ds;
  }
  return mask;
}

FailureOr<model::Mapping>
accel::convertMapping(Operation *op, MappingAttr mapping,
                      const model::Workload &workload,
                      const model::Architecture &arch) {
  model::Mapping result = model::Mapping::empty(arch.numLevels());
  for (int s = 0; s < arch.numLevels(); ++s)
    if (arch.storage[s].isFanoutOnly)
      result.levels[s].keep = 0;

  SmallVector<int64_t> products(workload.numDimensions(), 1);
  for (LevelMappingAttr level : mapping.getLevels()) {
    StringRef name = level.getLevel().getValue();
    int s = arch.findLevel(name);
    if (s < 0)
      return op->emitError() << "mapping level '" << name
                             << "' is not a level of the architecture";
    model::LevelMapping &out = result.levels[s];
    const model::StorageLevel &storage = arch.storage[s];
    if (failed(convertLoops(op, name, level.getTemporal(), workload,
                            out.temporal, products)) ||
        failed(convertLoops(op, name, level.getSpatialX(), workload,
                            out.spatialX, products)) ||
        failed(convertLoops(op, name, level.getSpatialY(), workload,
                            out.spatialY, products)))
      return failure();
    auto axisProduct = [](const std::vector<model::MappingLoop> &loops) {
      int64_t product = 1;
      for (const model::MappingLoop &loop : loops)
        if (llvm::MulOverflow(product, loop.factor, product))
          return std::numeric_limits<int64_t>::max();
      return product;
    };
    if (axisProduct(out.spatialX) > storage.fanoutX ||
        axisProduct(out.spatialY) > storage.fanoutY)
      return op->emitError()
             << "spatial loops of level '" << name << "' need "
             << axisProduct(out.spatialX) << " x " << axisProduct(out.spatialY)
             << " instances, but it fans out to " << storage.fanoutX << " x "
             << storage.fanoutY;

    FailureOr<model::DataSpaceMask> keep =
        tensorMask(op, name, level.getKeep(), workload, "keep");
    FailureOr<model::DataSpaceMask> bypass =
        tensorMask(op, name, level.getBypass(), workload, "bypasse");
    if (failed(keep) || failed(bypass))
      return failure();
    // `keep [..]` alone keeps exactly those; `bypass [..]` removes from the
    // default (everything at a storage level, nothing at a fanout).
    if (!level.getKeep().empty())
      out.keep = *keep;
    out.keep &= ~*bypass;
  }

  // Perfect factors multiply to the bound; with residuals, they must cover
  // it exactly (Mapping::validate says how).
  if (!result.isImperfect()) {
    for (int d = 0; d < workload.numDimensions(); ++d) {
      int64_t bound = workload.dimensions[d].bound;
      if (products[d] == bound)
        continue;
      InFlightDiagnostic diag = op->emitError()
                                << "factors of dimension '"
                                << workload.dimensions[d].name
                                << "' multiply to " << products[d]
                                << " across the mapping, but the op's bound is "
                                << bound;
      // Factors that cover more than the bound split it imperfectly: say
      // which residuals would make that explicit.
      model::Mapping completed = result;
      if (products[d] > bound && completed.deriveResiduals(workload))
        completed.forEachLoopOuterToInner(
            d, [&](int, const model::MappingLoop &loop) {
              if (loop.isImperfect())
                diag.attachNote()
                    << "an imperfect split gives the last pass of a loop "
                       "fewer iterations: write '"
                    << workload.dimensions[d].name << " " << loop.factor
                    << " (" << loop.residual << ")'";
            });
      return diag;
    }
  } else if (llvm::Error error = result.validate(workload, arch)) {
    return op->emitError() << "invalid mapping: "
                           << llvm::toString(std::move(error));
  }
  return result;
}

MappingAttr accel::buildMappingAttr(MLIRContext *context, StringRef archName,
                                    const model::Mapping &mapping,
                                    const model::Workload &workload,
                                    const model::Architecture &arch,
                                    ArrayRef<std::string> spatialLevelNames) {
  auto str = [&](StringRef text) { return StringAttr::get(context, text); };
  auto loops = [&](const std::vector<model::MappingLoop> &list) {
    SmallVector<LoopSpec> result;
    for (const model::MappingLoop &loop : list)
      if (loop.factor > 1)
        result.push_back({str(workload.dimensions[loop.dimension].name),
                          loop.factor,
                          loop.isImperfect() ? loop.residual : 0});
    return result;
  };
  const model::DataSpaceMask all =
      workload.numDataSpaces() >= 32
          ? ~model::DataSpaceMask(0)
          : (model::DataSpaceMask(1) << workload.numDataSpaces()) - 1;

  // Spatial loops may live on a separate fanout entry.
  llvm::StringMap<std::pair<SmallVector<LoopSpec>, SmallVector<LoopSpec>>>
      spatialByName;
  for (int s = 0; s < arch.numLevels(); ++s) {
    std::string target = s < static_cast<int>(spatialLevelNames.size()) &&
                                 !spatialLevelNames[s].empty()
                             ? spatialLevelNames[s]
                             : arch.storage[s].name;
    auto &entry = spatialByName[target];
    llvm::append_range(entry.first, loops(mapping.levels[s].spatialX));
    llvm::append_range(entry.second, loops(mapping.levels[s].spatialY));
  }

  SmallVector<LevelMappingAttr> levels;
  auto addLevel = [&](StringRef name, ArrayRef<LoopSpec> temporal,
                      ArrayRef<StringAttr> keep, ArrayRef<StringAttr> bypass) {
    auto spatial = spatialByName.lookup(name);
    if (temporal.empty() && spatial.first.empty() && spatial.second.empty() &&
        keep.empty() && bypass.empty())
      return;
    levels.push_back(LevelMappingAttr::get(context, str(name), temporal,
                                           spatial.first, spatial.second, keep,
                                           bypass));
  };
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const model::StorageLevel &storage = arch.storage[s];
    const model::LevelMapping &level = mapping.levels[s];
    SmallVector<StringAttr> keep, bypass;
    if (!storage.isFanoutOnly && (level.keep & all) != all)
      for (int ds = 0; ds < workload.numDataSpaces(); ++ds)
        (level.keeps(ds) ? keep : bypass)
            .push_back(str(workload.dataSpaces[ds].name));
    addLevel(storage.name, loops(level.temporal), keep, bypass);
    if (s < static_cast<int>(spatialLevelNames.size()) &&
        !spatialLevelNames[s].empty() &&
        spatialLevelNames[s] != storage.name)
      addLevel(spatialLevelNames[s], {}, {}, {});
  }
  return MappingAttr::get(context, FlatSymbolRefAttr::get(context, archName),
                          levels);
}

CostAttr accel::buildCostAttr(MLIRContext *context,
                              const model::Architecture &arch,
                              const model::Result &result) {
  if (!result.valid)
    return CostAttr::get(context, result.reason);
  SmallVector<LevelCost> levels;
  for (int s = arch.numLevels() - 1; s >= 0; --s)
    if (!arch.storage[s].isFanoutOnly)
      levels.push_back({StringAttr::get(context, arch.storage[s].name),
                        result.levels[s].energy});
  levels.push_back(
      {StringAttr::get(context, arch.compute.name), result.compute.energy});
  return CostAttr::get(context, result.energy, result.cycles,
                       std::min(1.0, result.utilization), result.computes,
                       levels);
}
