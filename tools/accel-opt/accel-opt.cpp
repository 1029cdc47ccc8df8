//===- accel-opt.cpp - The accel optimizer driver -------------------------===//
//
// mlir-opt with the accel dialect and passes. Every upstream dialect,
// extension and pass is registered too, so IR exported by real frontends
// (torch-mlir, IREE, StableHLO lowerings) parses as is and accel passes can
// run inside ordinary MLIR pipelines.
//
//===----------------------------------------------------------------------===//

#include "../VersionPrinter.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/TransformOps/AccelTransformOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"

#include "../OutputFile.h"

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
  accel::registerTransformDialectExtension(registry);

  accel::tools::registerVersionPrinter();
  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "Accel: DNN accelerator modelling and mapping\n", registry);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(mlir::MlirOptMain(
        argc, argv, inputFilename, outputFilename, registry));

  if (llvm::Error error = accel::tools::checkWritable(outputFilename)) {
    llvm::WithColor::error(llvm::errs(), "accel-opt")
        << llvm::toString(std::move(error)) << "\n";
    return 1;
  }
  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &errorMessage);
  if (!input) {
    llvm::errs() << errorMessage << "\n";
    return 1;
  }
  // The output is produced in memory and written whole only on success:
  // a failing pass leaves an existing output (even the input itself, with
  // `-o` naming it) as it was, and a full disk leaves no partial file.
  std::string output;
  llvm::raw_string_ostream os(output);
  if (mlir::failed(
          mlir::MlirOptMain(os, std::move(input), registry, config)))
    return 1;
  if (llvm::Error error = accel::tools::writeFileAtomically(
          outputFilename, [&](llvm::raw_ostream &out) { out << output; })) {
    llvm::WithColor::error(llvm::errs(), "accel-opt")
        << llvm::toString(std::move(error)) << "\n";
    return 1;
  }
  return 0;
}
