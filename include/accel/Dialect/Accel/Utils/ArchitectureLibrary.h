//===- ArchitectureLibrary.h - Bundled and loaded architectures ---*- C++ -*-===//
//
// The architectures shipped with Accel (examples/archs/*.mlir, compiled into
// the library), and loading an architecture named by a bundled name, an
// .mlir file, or Timeloop YAML files into a module.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_UTILS_ARCHITECTURELIBRARY_H
#define ACCEL_DIALECT_ACCEL_UTILS_ARCHITECTURELIBRARY_H

#include "accel/Dialect/Accel/IR/AccelOps.h"

namespace accel {

struct BundledArchitecture {
  llvm::StringRef name;
  llvm::StringRef source; ///< MLIR text holding one accel.arch
};

/// Every bundled architecture, sorted by name.
llvm::ArrayRef<BundledArchitecture> bundledArchitectures();

/// Finds `spec` in `module` (an accel.arch symbol), else loads it — a
/// bundled name, an `.mlir` file, or comma-separated Timeloop YAML files —
/// and inserts the architecture at the start of `module`. Errors are emitted
/// at `loc`.
mlir::FailureOr<ArchOp> loadArchitectureInto(mlir::ModuleOp module,
                                             llvm::StringRef spec,
                                             mlir::Location loc);

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_UTILS_ARCHITECTURELIBRARY_H
