//===- Bridge.cpp - MLIR-side helpers of the Python package ---------------===//

#include "Bridge.h"

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/ArchitectureLibrary.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include <mutex>

using namespace mlir;

namespace {

/// One context for the process; the Python layer calls in under the GIL.
MLIRContext &context() {
  static MLIRContext *instance = [] {
    DialectRegistry registry;
    registerAllDialects(registry);
    registry.insert<accel::AccelDialect>();
    auto *ctx = new MLIRContext(registry);
    ctx->loadAllAvailableDialects();
    ctx->disableMultithreading();
    accel::registerAccelPasses();
    return ctx;
  }();
  return *instance;
}

/// Collects the diagnostics emitted while it lives.
class DiagnosticCollector {
public:
  explicit DiagnosticCollector(MLIRContext &ctx)
      : handler(&ctx, [this](Diagnostic &diagnostic) {
          if (diagnostic.getSeverity() == DiagnosticSeverity::Error ||
              diagnostic.getSeverity() == DiagnosticSeverity::Warning) {
            if (!text.empty())
              text += "\n";
            text += diagnostic.str();
          }
          return success();
        }) {}
  std::string take(const std::string &fallback) {
    return text.empty() ? fallback : text;
  }

private:
  std::string text;
  ScopedDiagnosticHandler handler;
};

} // namespace

llvm::Expected<accel::model::Architecture>
accel::python::loadArchitecture(const std::string &spec) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&ctx));
  FailureOr<ArchOp> archOp =
      loadArchitectureInto(*module, spec, UnknownLoc::get(&ctx));
  if (failed(archOp))
    return llvm::createStringError(
        diagnostics.take("cannot load architecture '" + spec + "'"));
  FailureOr<model::Architecture> converted = convertArchitecture(*archOp);
  if (failed(converted))
    return llvm::createStringError(
        diagnostics.take("cannot convert architecture '" + spec + "'"));
  return std::move(*converted);
}

llvm::Expected<accel::model::Workload>
accel::python::workloadFromMlir(const std::string &text, unsigned index) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
  if (!module)
    return llvm::createStringError(
        diagnostics.take("cannot parse the MLIR text"));
  SmallVector<linalg::LinalgOp> ops;
  module->walk([&](linalg::LinalgOp op) { ops.push_back(op); });
  if (index >= ops.size())
    return llvm::createStringError("the module has " +
                                   std::to_string(ops.size()) +
                                   " linalg ops; there is no op " +
                                   std::to_string(index));
  FailureOr<ExtractionResult> extracted = extractWorkload(ops[index]);
  if (failed(extracted) || !extracted->extracted)
    return llvm::createStringError(
        diagnostics.take("cannot model linalg op " + std::to_string(index)));
  return std::move(extracted->extracted->workload);
}

llvm::Expected<accel::model::Mapping>
accel::python::mappingFromAttribute(const std::string &text,
                                    const model::Workload &workload,
                                    const model::Architecture &arch) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  Attribute attr = parseAttribute(text, &ctx);
  auto mappingAttr = dyn_cast_or_null<MappingAttr>(attr);
  if (!mappingAttr)
    return llvm::createStringError(
        diagnostics.take("expected an #accel.mapping attribute"));
  // convertMapping reports on an op; a scratch module carries them.
  OwningOpRef<ModuleOp> anchor = ModuleOp::create(UnknownLoc::get(&ctx));
  FailureOr<model::Mapping> converted =
      convertMapping(*anchor, mappingAttr, workload, arch);
  if (failed(converted))
    return llvm::createStringError(
        diagnostics.take("the mapping does not fit the workload"));
  return std::move(*converted);
}

std::string accel::python::mappingToAttribute(const model::Mapping &mapping,
                                              const model::Workload &workload,
                                              const model::Architecture &arch,
                                              const std::string &archName) {
  MappingAttr attr =
      buildMappingAttr(&context(), archName, mapping, workload, arch);
  std::string text;
  llvm::raw_string_ostream os(text);
  Attribute(attr).print(os);
  return text;
}

llvm::Expected<std::string>
accel::python::mapModule(const std::string &text,
                         const AccelMapToArchOptions &options) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
  if (!module)
    return llvm::createStringError(
        diagnostics.take("cannot parse the MLIR text"));
  PassManager pm(&ctx);
  pm.addPass(createAccelMapToArch(options));
  if (failed(pm.run(*module)))
    return llvm::createStringError(diagnostics.take("map-to-arch failed"));
  std::string result;
  llvm::raw_string_ostream os(result);
  module->print(os);
  return result;
}
