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

bool accel::python::loadArchitecture(const std::string &spec,
                                     model::Architecture &arch,
                                     std::string &error) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&ctx));
  FailureOr<ArchOp> archOp =
      loadArchitectureInto(*module, spec, UnknownLoc::get(&ctx));
  if (failed(archOp)) {
    error = diagnostics.take("cannot load architecture '" + spec + "'");
    return false;
  }
  FailureOr<model::Architecture> converted = convertArchitecture(*archOp);
  if (failed(converted)) {
    error = diagnostics.take("cannot convert architecture '" + spec + "'");
    return false;
  }
  arch = std::move(*converted);
  return true;
}

bool accel::python::workloadFromMlir(const std::string &text, unsigned index,
                                     model::Workload &workload,
                                     std::string &error) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
  if (!module) {
    error = diagnostics.take("cannot parse the MLIR text");
    return false;
  }
  SmallVector<linalg::LinalgOp> ops;
  module->walk([&](linalg::LinalgOp op) { ops.push_back(op); });
  if (index >= ops.size()) {
    error = "the module has " + std::to_string(ops.size()) +
            " linalg ops; there is no op " + std::to_string(index);
    return false;
  }
  FailureOr<ExtractionResult> extracted = extractWorkload(ops[index]);
  if (failed(extracted) || !extracted->extracted) {
    error = diagnostics.take("cannot model linalg op " + std::to_string(index));
    return false;
  }
  workload = std::move(extracted->extracted->workload);
  return true;
}

bool accel::python::mappingFromAttribute(const std::string &text,
                                         const model::Workload &workload,
                                         const model::Architecture &arch,
                                         model::Mapping &mapping,
                                         std::string &error) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  Attribute attr = parseAttribute(text, &ctx);
  auto mappingAttr = dyn_cast_or_null<MappingAttr>(attr);
  if (!mappingAttr) {
    error = diagnostics.take("expected an #accel.mapping attribute");
    return false;
  }
  // convertMapping reports on an op; a scratch module carries them.
  OwningOpRef<ModuleOp> anchor = ModuleOp::create(UnknownLoc::get(&ctx));
  FailureOr<model::Mapping> converted =
      convertMapping(*anchor, mappingAttr, workload, arch);
  if (failed(converted)) {
    error = diagnostics.take("the mapping does not fit the workload");
    return false;
  }
  mapping = std::move(*converted);
  return true;
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

bool accel::python::mapModule(const std::string &text,
                              const AccelMapToArchOptions &options,
                              std::string &result, std::string &error) {
  MLIRContext &ctx = context();
  DiagnosticCollector diagnostics(ctx);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
  if (!module) {
    error = diagnostics.take("cannot parse the MLIR text");
    return false;
  }
  PassManager pm(&ctx);
  pm.addPass(createAccelMapToArch(options));
  if (failed(pm.run(*module))) {
    error = diagnostics.take("map-to-arch failed");
    return false;
  }
  result.clear();
  llvm::raw_string_ostream os(result);
  module->print(os);
  return true;
}
