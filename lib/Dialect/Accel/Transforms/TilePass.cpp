//===- TilePass.cpp - The accel-tile pass ---------------------------------===//
//
// Tiles every op carrying an accel.mapping (accel::tileMappedOp) and
// counts. The work is in TileToMapping.cpp.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace accel {
#define GEN_PASS_DEF_ACCELTILE
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

struct TilePass : public accel::impl::AccelTileBase<TilePass> {
  using AccelTileBase::AccelTileBase;

  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op->hasAttr(AccelDialect::MappingAttrHelper::getNameStr()))
        ops.push_back(op);
    });
    TileOptions options;
    options.staging = staging;
    options.memorySpaces = memorySpaces;
    ArchitectureCache archs;
    IRRewriter rewriter(&getContext());
    bool failedAny = false;
    for (linalg::LinalgOp op : ops) {
      FailureOr<TiledOp> tiled = tileMappedOp(rewriter, op, archs, options);
      if (failed(tiled)) {
        failedAny = true;
        continue;
      }
      ++numOpsTiled;
      numStagingCopies += tiled->stagingCopies;
    }
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
