//===- accel-translate.cpp - Timeloop YAML <-> accel IR -------------------===//
//
//   accel-translate --import-timeloop arch.yaml prob.yaml map.yaml ERT.yaml
//   accel-translate --export-timeloop model.mlir -o model.yaml
//
//===----------------------------------------------------------------------===//

#include "../VersionPrinter.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Target/Timeloop/TimeloopTranslation.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

#include "../OutputFile.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::OptionCategory category("accel-translate options");
static cl::opt<bool> importTimeloop(
    "import-timeloop",
    cl::desc("Timeloop YAML files (merged in order) to an accel module"),
    cl::cat(category));
static cl::opt<bool> exportTimeloop(
    "export-timeloop",
    cl::desc("An accel module's mapped op to Timeloop YAML"),
    cl::cat(category));
static cl::list<std::string> inputs(cl::Positional, cl::OneOrMore,
                                    cl::desc("<inputs>"), cl::cat(category));
static cl::opt<std::string> output("o", cl::desc("Output file"),
                                   cl::value_desc("file"), cl::init("-"),
                                   cl::cat(category));
static cl::opt<unsigned>
    opIndex("op-index",
            cl::desc("With --export-timeloop, which mapped op (in walk "
                     "order, from 0) to export"),
            cl::init(0), cl::cat(category));

static int fail(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "accel-translate") << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  accel::tools::registerVersionPrinter();
  cl::ParseCommandLineOptions(argc, argv,
                              "accel-translate: Timeloop YAML <-> accel IR\n");
  if (importTimeloop == exportTimeloop)
    return fail("give exactly one of --import-timeloop and --export-timeloop");

  MLIRContext context;
  context.loadDialect<accel::AccelDialect, func::FuncDialect,
                      linalg::LinalgDialect, tensor::TensorDialect,
                      arith::ArithDialect>();
  // The output is checked first, produced in memory and written whole
  // (tools/OutputFile.h).
  if (llvm::Error error = accel::tools::checkWritable(output))
    return fail(llvm::toString(std::move(error)));
  std::string text;
  llvm::raw_string_ostream os(text);
  auto writeOutput = [&]() -> int {
    if (llvm::Error error = accel::tools::writeFileAtomically(
            output, [&](llvm::raw_ostream &out) { out << text; }))
      return fail(llvm::toString(std::move(error)));
    return 0;
  };

  if (importTimeloop) {
    llvm::Expected<accel::interop::TimeloopInput> input =
        accel::interop::loadTimeloopFiles(inputs);
    if (!input)
      return fail(llvm::toString(input.takeError()));
    for (const std::string &warning : input->warnings)
      llvm::WithColor::warning(llvm::errs(), "accel-translate")
          << warning << "\n";
    OwningOpRef<ModuleOp> module = accel::importTimeloop(
        *input, &context, FileLineColLoc::get(&context, inputs.front(), 1, 1));
    if (!module || failed(verify(*module)))
      return 1;
    module->print(os);
    return writeOutput();
  }

  if (inputs.size() != 1)
    return fail("--export-timeloop takes one .mlir input");
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(inputs.front(), sourceMgr, &context);
  if (!module)
    return 1;
  if (failed(accel::exportTimeloop(*module, opIndex, os)))
    return 1;
  return writeOutput();
}
