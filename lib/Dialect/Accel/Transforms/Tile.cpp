//===- Tile.cpp - Tile mapped linalg ops per the hierarchy ----------------===//
//
// The accel-tile pass: turns an op's accel.mapping into code. The mapping's
// loops are generated band by band from the outermost level in, each band
// one tileUsingSCF call on the op the previous band left innermost:
//   level s temporal loops   -> scf.for, in the mapped order
//   level s spatial y, x     -> scf.forall with #accel.spatial mappings
//                               (reduction dimensions: sequential scf.for)
// then, inside level s's loops, the operands level s-1 keeps are staged into
// buffers of level s-1.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

namespace accel {
#define GEN_PASS_DEF_ACCELTILE
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

enum class BandKind { Temporal, SpatialParallel, SpatialReduction };

/// Loops tiled in one tileUsingSCF call: same level, same kind.
struct Band {
  int level;
  BandKind kind;
  bool yAxis = false;
  /// (dimension, factor), outermost first; for spatial bands also each
  /// loop's position among its axis' loops.
  SmallVector<std::pair<int, int64_t>> loops;
  SmallVector<unsigned> axisIndex;
};

/// The bands of a mapping, outermost first.
SmallVector<Band> buildBands(const model::Mapping &mapping,
                             ArrayRef<bool> reductionDims) {
  SmallVector<Band> bands;
  const int numLevels = static_cast<int>(mapping.levels.size());
  for (int s = numLevels - 1; s >= 0; --s) {
    const model::LevelMapping &level = mapping.levels[s];
    Band temporal{s, BandKind::Temporal, false, {}, {}};
    for (const model::MappingLoop &loop : level.temporal)
      if (loop.factor > 1)
        temporal.loops.push_back({loop.dimension, loop.factor});
    if (!temporal.loops.empty())
      bands.push_back(std::move(temporal));
    // Within a fanout, y loops sit outside x loops.
    for (bool yAxis : {true, false}) {
      const std::vector<model::MappingLoop> &loops =
          yAxis ? level.spatialY : level.spatialX;
      Band parallel{s, BandKind::SpatialParallel, yAxis, {}, {}};
      Band reduction{s, BandKind::SpatialReduction, yAxis, {}, {}};
      unsigned index = 0;
      for (const model::MappingLoop &loop : loops) {
        if (loop.factor <= 1)
          continue;
        Band &band = reductionDims[loop.dimension] ? reduction : parallel;
        band.loops.push_back({loop.dimension, loop.factor});
        band.axisIndex.push_back(index++);
      }
      for (Band *band : {&parallel, &reduction})
        if (!band->loops.empty())
          bands.push_back(std::move(*band));
    }
  }
  return bands;
}

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

struct TilePass : public accel::impl::AccelTileBase<TilePass> {
  using AccelTileBase::AccelTileBase;

  void runOnOperation() override;

private:
  LogicalResult tileOp(linalg::LinalgOp op, const model::Workload &workload,
                       const model::Architecture &arch,
                       const model::Mapping &mapping);
  /// Copies the operands of `op` that level `s` keeps into buffers of it,
  /// sized for the largest tile (`tileExtents`: per loop dimension, the
  /// largest extent of `op`'s iteration space).
  void stage(RewriterBase &rewriter, linalg::LinalgOp op, int s,
             const model::Architecture &arch, const model::Mapping &mapping,
             ArrayRef<int64_t> tileExtents);
};

void TilePass::runOnOperation() {
  ModuleOp module = getOperation();
  SmallVector<linalg::LinalgOp> ops;
  module.walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(AccelDialect::getMappingAttrName()))
      ops.push_back(op);
  });
  ArchitectureCache archs;
  bool failedAny = false;
  for (linalg::LinalgOp op : ops) {
    auto mapping =
        op->getAttrOfType<MappingAttr>(AccelDialect::getMappingAttrName());
    if (!op.hasPureTensorSemantics()) {
      op->emitError() << "accel-tile works on tensors; this op has buffer "
                         "operands (run it before bufferization)";
      failedAny = true;
      continue;
    }
    const model::Architecture *arch =
        archs.lookup(op, mapping.getArch().getValue());
    if (!arch) {
      failedAny = true;
      continue;
    }
    FailureOr<ExtractionResult> extracted = extractWorkload(op);
    if (failed(extracted) || !extracted->extracted) {
      failedAny = true;
      continue;
    }
    const model::Workload &workload = extracted->extracted->workload;
    FailureOr<model::Mapping> modelMapping =
        convertMapping(op, mapping, workload, *arch);
    if (failed(modelMapping) ||
        failed(tileOp(op, workload, *arch, *modelMapping))) {
      failedAny = true;
      continue;
    }
    ++numOpsTiled;
  }
  if (failedAny)
    signalPassFailure();
}

void TilePass::stage(RewriterBase &rewriter, linalg::LinalgOp op, int s,
                     const model::Architecture &arch,
                     const model::Mapping &mapping,
                     ArrayRef<int64_t> tileExtents) {
  const model::StorageLevel &level = arch.storage[s];
  if (level.isFanoutOnly)
    return;
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
    copy->setAttr("accel.stage", levelName);
    operand.set(copy.getResult(0));
    ++numStagingCopies;
  }
}

LogicalResult TilePass::tileOp(linalg::LinalgOp op,
                               const model::Workload &workload,
                               const model::Architecture &arch,
                               const model::Mapping &mapping) {
  MLIRContext *context = op->getContext();
  const int numDims = workload.numDimensions();
  SmallVector<bool> reductionDims(numDims, false);
  for (auto [d, type] : llvm::enumerate(op.getIteratorTypesArray()))
    reductionDims[d] = type == utils::IteratorType::reduction;
  SmallVector<Band> bands = buildBands(mapping, reductionDims);

  // Extent of each dimension inside every band: the product of the factors
  // of the bands inside it.
  SmallVector<SmallVector<int64_t>> inside(bands.size() + 1,
                                           SmallVector<int64_t>(numDims, 1));
  for (int i = static_cast<int>(bands.size()) - 1; i >= 0; --i) {
    inside[i] = inside[i + 1];
    for (auto [d, factor] : bands[i].loops)
      inside[i][d] *= factor;
  }

  IRRewriter rewriter(context);
  Attribute mappingAttr = op->getAttr(AccelDialect::getMappingAttrName());
  Attribute costAttr = op->getAttr(AccelDialect::getCostAttrName());
  op->removeAttr(AccelDialect::getMappingAttrName());
  op->removeAttr(AccelDialect::getCostAttrName());

  Operation *current = op;
  Operation *outermost = nullptr;
  size_t next = 0;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    for (; next < bands.size() && bands[next].level == s; ++next) {
      const Band &band = bands[next];
      const std::string &levelName = arch.storage[band.level].name;
      StringAttr level = StringAttr::get(context, levelName);
      // Tile sizes: the band's dimensions shrink to what is inside it.
      SmallVector<OpFoldResult> tileSizes(numDims, rewriter.getIndexAttr(0));
      SmallVector<int64_t> interchange;
      for (auto [d, factor] : band.loops) {
        tileSizes[d] = rewriter.getIndexAttr(inside[next + 1][d]);
        interchange.push_back(d);
      }
      for (int d = 0; d < numDims; ++d)
        if (!llvm::is_contained(interchange, d))
          interchange.push_back(d);
      scf::SCFTilingOptions options;
      options.setTileSizes(tileSizes);
      options.setInterchange(interchange);
      SmallVector<Attribute> spatial;
      if (band.kind != BandKind::Temporal)
        for (unsigned index : band.axisIndex)
          spatial.push_back(
              SpatialMappingAttr::get(context, level, band.yAxis, index));
      if (band.kind == BandKind::SpatialParallel) {
        options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
        options.setMapping(spatial);
      } else {
        options.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);
      }
      rewriter.setInsertionPoint(current);
      FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
          rewriter, cast<TilingInterface>(current), options);
      if (failed(tiled))
        return op->emitError() << "cannot tile the " << levelName
                               << " loops of this op";
      rewriter.replaceOp(current, tiled->replacements);
      for (auto [l, loop] : llvm::enumerate(tiled->loops)) {
        loop->setAttr("accel.level", level);
        if (band.kind == BandKind::SpatialReduction && l < spatial.size())
          loop->setAttr("accel.spatial", spatial[l]);
      }
      if (!outermost && !tiled->loops.empty())
        outermost = tiled->loops.front();
      current = tiled->tiledOps.back();
    }
    // Inside level s's loops: the tiles of the level below, at most
    // inside[next] wide (and no wider than the dimension).
    if (staging && s >= 1) {
      SmallVector<int64_t> tileExtents(numDims);
      for (int d = 0; d < numDims; ++d)
        tileExtents[d] =
            std::min(inside[next][d], workload.dimensions[d].bound);
      stage(rewriter, cast<linalg::LinalgOp>(current), s - 1, arch, mapping,
            tileExtents);
    }
  }
  Operation *anchor = outermost ? outermost : current;
  anchor->setAttr(AccelDialect::getMappingAttrName(), mappingAttr);
  if (costAttr)
    anchor->setAttr(AccelDialect::getCostAttrName(), costAttr);
  anchor->setAttr("accel.tiled", UnitAttr::get(context));
  return success();
}

} // namespace
