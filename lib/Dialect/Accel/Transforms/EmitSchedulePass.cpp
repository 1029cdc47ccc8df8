//===- EmitSchedulePass.cpp - The accel-emit-schedule pass ----------------===//
//
// Wraps accel::emitSchedule (EmitSchedule.cpp).
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"

#include "mlir/Dialect/Linalg/TransformOps/DialectExtension.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"

namespace accel {
#define GEN_PASS_DEF_ACCELEMITSCHEDULE
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

struct EmitSchedulePass
    : public accel::impl::AccelEmitScheduleBase<EmitSchedulePass> {
  void getDependentDialects(DialectRegistry &registry) const override {
    AccelEmitScheduleBase::getDependentDialects(registry);
    // The structured.* transform ops the schedule is made of.
    linalg::registerTransformDialectExtension(registry);
  }

  void runOnOperation() override {
    ArchitectureCache archs;
    FailureOr<EmittedSchedule> emitted = emitSchedule(getOperation(), archs);
    if (failed(emitted))
      return signalPassFailure();
    numOpsScheduled += emitted->scheduledOps;
  }
};

} // namespace
