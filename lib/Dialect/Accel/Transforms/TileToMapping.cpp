//===- TileToMapping.cpp - Tile a mapped linalg op per the hierarchy ------===//
//
// accel::tileToMapping turns an op's mapping into code. The mapping's loops
// are generated step by step (TilingPlan.h) from the outermost level in,
// each step one tileUsingSCF call on the op the previous step left
// innermost:
//   level s temporal loops   -> scf.for, in the mapped order
//   level s spatial y, x     -> scf.forall with #accel.spatial mappings
//                               (reduction dimensions: sequential scf.for)
// then, inside level s's loops, the operands level s-1 keeps are staged into
// buffers of level s-1. The accel-tile pass (TilePass.cpp) wraps it.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/TilingPlan.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace accel;

namespace {

/// The largest extent of an operand dimension indexed by `expr` when the
/// loop dimensions range over [0, extents[d]), or kDynamic when the
/// expression is not a sum of scaled dimensions and constants.
int64_t largestExtent(AffineExpr expr, ArrayRef<int64_t> extents) {
  // The interval [low, high] the expression ranges over.
  std::function<std::optional<std::pair<int64_t, int64_t>>(AffineExpr)>
      range = [&](AffineExpr e) -> std::optional<std::pair<int64_t, int64_t>> {
    if (auto dim = dyn_cast<AffineDimExpr>(e)) {
      if (dim.getPosition() >= extents.size())
        return std::nullopt;
      return std::make_pair(int64_t(0), extents[dim.getPosition()] - 1);
    }
    if (auto constant = dyn_cast<AffineConstantExpr>(e))
      return std::make_pair(constant.getValue(), constant.getValue());
    auto binary = dyn_cast<AffineBinaryOpExpr>(e);
    if (!binary)
      return std::nullopt;
    auto lhs = range(binary.getLHS()), rhs = range(binary.getRHS());
    if (!lhs || !rhs)
      return std::nullopt;
    if (e.getKind() == AffineExprKind::Add)
      return std::make_pair(lhs->first + rhs->first, lhs->second + rhs->second);
    if (e.getKind() == AffineExprKind::Mul && rhs->first == rhs->second) {
      int64_t a = lhs->first * rhs->first, b = lhs->second * rhs->first;
      return std::make_pair(std::min(a, b), std::max(a, b));
    }
    return std::nullopt;
  };
  std::optional<std::pair<int64_t, int64_t>> interval = range(expr);
  return interval ? interval->second - interval->first + 1
                  : ShapedType::kDynamic;
}

} // namespace

/// Copies the operands of `op` that level `s` keeps into buffers of it,
/// sized for the largest tile (`tileExtents`: per loop dimension, the
/// largest extent of `op`'s iteration space). Returns the copies made.
static unsigned stage(RewriterBase &rewriter, linalg::LinalgOp op, int s,
                      const model::Architecture &arch,
                      const model::Mapping &mapping,
                      ArrayRef<int64_t> tileExtents, bool memorySpaces) {
  unsigned copies = 0;
  const model::StorageLevel &level = arch.storage[s];
  if (level.isFanoutOnly)
    return 0;
  MLIRContext *context = op->getContext();
  StringAttr levelName = StringAttr::get(context, level.name);
  rewriter.setInsertionPoint(op);
  for (OpOperand &operand : op->getOpOperands()) {
    int ds = static_cast<int>(operand.getOperandNumber());
    if (!mapping.levels[s].keeps(ds))
      continue;
    auto type = dyn_cast<RankedTensorType>(operand.get().getType());
    if (!type)
      continue;
    Location loc = op.getLoc();
    // Partial tiles (factors that do not divide their dimension) have
    // dynamic sizes: the buffer holds the largest tile, and this tile is
    // copied into a slice of it.
    AffineMap map = op.getMatchingIndexingMap(&operand);
    SmallVector<int64_t> bufferShape(type.getShape());
    for (int64_t r = 0; r < type.getRank(); ++r)
      if (type.isDynamicDim(r))
        bufferShape[r] = largestExtent(map.getResult(r), tileExtents);
    if (llvm::is_contained(bufferShape, ShapedType::kDynamic))
      continue;
    auto buffer = bufferization::AllocTensorOp::create(
        rewriter, loc, type.clone(bufferShape), ValueRange());
    if (memorySpaces)
      buffer.setMemorySpaceAttr(MemorySpaceAttr::get(context, levelName));
    Value destination = buffer.getResult();
    if (!type.hasStaticShape()) {
      SmallVector<OpFoldResult> offsets(type.getRank(),
                                        rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> strides(type.getRank(),
                                        rewriter.getIndexAttr(1));
      SmallVector<OpFoldResult> sizes =
          tensor::getMixedSizes(rewriter, loc, operand.get());
      destination = tensor::ExtractSliceOp::create(rewriter, loc, type,
                                                   destination, offsets, sizes,
                                                   strides);
    }
    auto copy = linalg::CopyOp::create(rewriter, loc, operand.get(),
                                       destination);
    copy->setAttr(AccelDialect::StageAttrHelper::getNameStr(), levelName);
    operand.set(copy.getResult(0));
    ++copies;
  }
  return copies;
}

FailureOr<TiledOp> accel::tileToMapping(RewriterBase &rewriter,
                                        linalg::LinalgOp op,
                                        const model::Workload &workload,
                                        const model::Architecture &arch,
                                        const model::Mapping &mapping,
                                        const TileOptions &tileOptions) {
  TiledOp tiledResult;
  MLIRContext *context = op->getContext();
  const int numDims = workload.numDimensions();
  SmallVector<bool> reductionDims(numDims, false);
  for (auto [d, type] : llvm::enumerate(op.getIteratorTypesArray()))
    reductionDims[d] = type == utils::IteratorType::reduction;
  TilingPlan plan = planTiling(mapping, reductionDims);

  OpBuilder::InsertionGuard guard(rewriter);
  Attribute mappingAttr =
      op->getAttr(AccelDialect::MappingAttrHelper::getNameStr());
  Attribute costAttr = op->getAttr(AccelDialect::CostAttrHelper::getNameStr());
  op->removeAttr(AccelDialect::MappingAttrHelper::getNameStr());
  op->removeAttr(AccelDialect::CostAttrHelper::getNameStr());

  Operation *current = op;
  Operation *outermost = nullptr;
  size_t next = 0;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    for (; next < plan.steps.size() && plan.steps[next].level == s; ++next) {
      const TilingStep &step = plan.steps[next];
      const std::string &levelName = arch.storage[step.level].name;
      StringAttr level = StringAttr::get(context, levelName);
      scf::SCFTilingOptions options;
      options.setTileSizes(
          getAsIndexOpFoldResult(context, ArrayRef<int64_t>(step.tileSizes)));
      options.setInterchange(step.interchange);
      SmallVector<Attribute> spatial;
      if (step.kind != TilingStepKind::Temporal)
        for (unsigned index : step.axisIndex)
          spatial.push_back(
              SpatialMappingAttr::get(context, level, step.yAxis, index));
      if (step.kind == TilingStepKind::SpatialParallel) {
        options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
        options.setMapping(spatial);
      } else {
        options.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);
      }
      rewriter.setInsertionPoint(current);
      // Linalg ops implement TilingInterface through external models that
      // the tool must have registered.
      auto tileable = dyn_cast<TilingInterface>(current);
      if (!tileable)
        return op->emitError()
               << "cannot tile: the op does not implement TilingInterface "
                  "(register linalg's external models with "
                  "linalg::registerTilingInterfaceExternalModels)";
      FailureOr<scf::SCFTilingResult> tiled =
          scf::tileUsingSCF(rewriter, tileable, options);
      if (failed(tiled))
        return op->emitError() << "cannot tile the " << levelName
                               << " loops of this op";
      rewriter.replaceOp(current, tiled->replacements);
      for (auto [l, loop] : llvm::enumerate(tiled->loops)) {
        loop->setAttr(AccelDialect::LevelAttrHelper::getNameStr(), level);
        if (step.kind == TilingStepKind::SpatialReduction && l < spatial.size())
          loop->setAttr(AccelDialect::SpatialAttrHelper::getNameStr(),
                        spatial[l]);
      }
      if (!outermost && !tiled->loops.empty())
        outermost = tiled->loops.front();
      tiledResult.loops.append(tiled->loops.begin(), tiled->loops.end());
      current = tiled->tiledOps.back();
    }
    // Inside level s's loops: the tiles of the level below, at most
    // extentInside[next] wide (and no wider than the dimension).
    if (tileOptions.staging && s >= 1) {
      SmallVector<int64_t> tileExtents(numDims);
      for (int d = 0; d < numDims; ++d)
        tileExtents[d] =
            std::min(plan.extentInside[next][d], workload.dimensions[d].bound);
      tiledResult.stagingCopies +=
          stage(rewriter, cast<linalg::LinalgOp>(current), s - 1, arch,
                mapping, tileExtents, tileOptions.memorySpaces);
    }
  }
  Operation *anchor = outermost ? outermost : current;
  anchor->setAttr(AccelDialect::MappingAttrHelper::getNameStr(), mappingAttr);
  if (costAttr)
    anchor->setAttr(AccelDialect::CostAttrHelper::getNameStr(), costAttr);
  anchor->setAttr(AccelDialect::TiledAttrHelper::getNameStr(),
                  UnitAttr::get(context));
  tiledResult.tiledOp = current;
  return tiledResult;
}

FailureOr<MappedOpModel> accel::readMappedOp(linalg::LinalgOp op,
                                             ArchitectureCache &archs) {
  auto mapping = op->getAttrOfType<MappingAttr>(
      AccelDialect::MappingAttrHelper::getNameStr());
  if (!mapping)
    return op->emitError() << "has no 'accel.mapping' to tile by";
  if (!op.hasPureTensorSemantics())
    return op->emitError()
           << "tiling by a mapping works on tensors; this op has "
              "buffer operands (run it before "
              "bufferization)";
  const model::Architecture *arch =
      archs.lookup(op, mapping.getArch().getValue());
  if (!arch)
    return failure();
  FailureOr<ExtractionResult> extracted = extractWorkload(op);
  if (failed(extracted) || !extracted->extracted)
    return failure();
  MappedOpModel result{extracted->extracted->workload, arch, {}};
  FailureOr<model::Mapping> modelMapping =
      convertMapping(op, mapping, result.workload, *arch);
  if (failed(modelMapping))
    return failure();
  result.mapping = std::move(*modelMapping);
  return result;
}

FailureOr<TiledOp> accel::tileMappedOp(RewriterBase &rewriter,
                                       linalg::LinalgOp op,
                                       ArchitectureCache &archs,
                                       const TileOptions &options) {
  FailureOr<MappedOpModel> mapped = readMappedOp(op, archs);
  if (failed(mapped))
    return failure();
  return tileToMapping(rewriter, op, mapped->workload, *mapped->arch,
                       mapped->mapping, options);
}
