//===- accel-opt.cpp - The accel optimizer driver -------------------------===//
//
// mlir-opt with the accel dialect and passes. Every upstream dialect,
// extension and pass is registered too, so IR exported by real frontends
// (torch-mlir, IREE, StableHLO lowerings) parses as is and accel passes can
// run inside ordinary MLIR pipelines.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

namespace accel::test {
void registerTestWorkloadExtractionPass();
} // namespace accel::test

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  accel::registerAccelPasses();
  accel::test::registerTestWorkloadExtractionPass();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::linalg::registerTilingInterfaceExternalModels(registry);
  registry.insert<accel::AccelDialect>();

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Accel: DNN accelerator modelling and mapping\n",
      registry));
}
