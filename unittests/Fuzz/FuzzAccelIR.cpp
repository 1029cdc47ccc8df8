//===- FuzzAccelIR.cpp - libFuzzer target: accel IR text ------------------===//
//
// Any bytes as an MLIR module with the accel dialect: the custom level
// syntax, the #accel.mapping and #accel.cost attribute parsers, the
// verifiers, and (for modules that verify) the estimate pass, which
// converts architectures, workloads and mappings into the model.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <cstddef>
#include <cstdint>

using namespace mlir;

static MLIRContext &context() {
  static MLIRContext *ctx = [] {
    DialectRegistry registry;
    registry.insert<accel::AccelDialect, arith::ArithDialect,
                    func::FuncDialect, linalg::LinalgDialect,
                    tensor::TensorDialect>();
    auto *created =
        new MLIRContext(registry, MLIRContext::Threading::DISABLED);
    created->loadAllAvailableDialects();
    return created;
  }();
  return *ctx;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MLIRContext &ctx = context();
  // Diagnostics are expected; only crashes are findings.
  ScopedDiagnosticHandler quiet(&ctx, [](Diagnostic &) { return success(); });
  // MLIR's lexer reads up to a terminating NUL, which every buffer the
  // tools parse has (files, strings) and libFuzzer's does not: copy.
  std::string text(reinterpret_cast<const char *>(data), size);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
  if (!module)
    return 0;
  PassManager pm(&ctx);
  pm.addPass(accel::createAccelEstimate());
  (void)pm.run(*module);
  return 0;
}
