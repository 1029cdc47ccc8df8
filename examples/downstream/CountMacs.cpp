//===- CountMacs.cpp - A downstream pass over Accel's public API ----------===//
//
// For every linalg op Accel can model: the workload Accel extracts from it
// (accel/Dialect/Accel/Utils), its multiply-accumulates, and what they cost
// on a MAC at 7 nm by Accel's estimator (accel/Model), as a remark.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"
#include "accel/Model/EnergyEstimator.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"

namespace {

struct CountMacsPass
    : public mlir::PassWrapper<CountMacsPass,
                               mlir::OperationPass<mlir::ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(CountMacsPass)

  llvm::StringRef getArgument() const final { return "downstream-count-macs"; }
  llvm::StringRef getDescription() const final {
    return "Remark each modelable op's MACs and their energy at 7 nm";
  }

  void runOnOperation() override {
    getOperation().walk([&](mlir::linalg::LinalgOp op) {
      accel::ExtractionOptions options;
      options.requireMultiplyAccumulate = true;
      options.emitDiagnostics = false;
      mlir::FailureOr<accel::ExtractionResult> extracted =
          accel::extractWorkload(op, options);
      if (mlir::failed(extracted) || !extracted->extracted)
        return;
      int64_t macs = extracted->extracted->workload.numOperations();
      double picojoules =
          static_cast<double>(macs) * accel::model::estimateMac(8, 7).energy;
      op->emitRemark() << "downstream: " << macs << " MACs, "
                       << static_cast<int64_t>(picojoules)
                       << " pJ of 8-bit MACs at 7 nm";
    });
  }
};

} // namespace

void registerCountMacsPass() { mlir::PassRegistration<CountMacsPass>(); }
