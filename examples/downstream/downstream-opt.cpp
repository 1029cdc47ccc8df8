//===- downstream-opt.cpp - An opt tool built on an installed Accel -------===//
//
// The dialects a linalg-on-tensors input needs, Accel's dialect and passes
// (--map-to-arch, --accel-estimate, --accel-tile, ...), and this project's
// own pass.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

void registerCountMacsPass();

int main(int argc, char **argv) {
  accel::registerAccelPasses();
  registerCountMacsPass();

  mlir::DialectRegistry registry;
  registry.insert<accel::AccelDialect, mlir::arith::ArithDialect,
                  mlir::func::FuncDialect, mlir::linalg::LinalgDialect,
                  mlir::memref::MemRefDialect, mlir::scf::SCFDialect,
                  mlir::tensor::TensorDialect>();
  // --accel-tile tiles linalg ops through their TilingInterface models.
  mlir::linalg::registerTilingInterfaceExternalModels(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "downstream-opt: an opt tool built on Accel\n", registry));
}
