//===- Strip.cpp - Remove accel architectures and annotations -------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace accel {
#define GEN_PASS_DEF_ACCELSTRIP
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

struct StripPass : public accel::impl::AccelStripBase<StripPass> {
  void runOnOperation() override { stripAccel(getOperation()); }
};

} // namespace

void accel::stripAccel(Operation *root) {
  SmallVector<ArchOp> archs;
  root->walk([&](Operation *op) {
    if (auto arch = dyn_cast<ArchOp>(op)) {
      archs.push_back(arch);
      return WalkResult::skip();
    }
    SmallVector<StringAttr> names;
    for (NamedAttribute attr : op->getDiscardableAttrs())
      if (attr.getName().getValue().starts_with("accel."))
        names.push_back(attr.getName());
    for (StringAttr name : names)
      op->removeAttr(name);
    // scf.forall loops mapped onto fanouts become unmapped.
    if (auto forall = dyn_cast<scf::ForallOp>(op))
      if (std::optional<ArrayAttr> mapping = forall.getMapping();
          mapping && llvm::any_of(*mapping, [](Attribute attr) {
            return isa<SpatialMappingAttr>(attr);
          }))
        forall.setMappingAttr(ArrayAttr());
    return WalkResult::advance();
  });
  for (ArchOp arch : archs)
    arch->erase();
}
