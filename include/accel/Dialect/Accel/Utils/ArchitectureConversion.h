//===- ArchitectureConversion.h - accel.arch <-> model ------------*- C++ -*-===//
//
// An `accel.arch` becomes a model::Architecture: storage levels and compute
// as they are, each `accel.fanout` a fanout-only level (Timeloop's
// `inter_*_spatial` dummy) whose mesh multiplies the instances below it.
// The reverse builds the op from a model architecture (used to import
// Timeloop designs).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_UTILS_ARCHITECTURECONVERSION_H
#define ACCEL_DIALECT_ACCEL_UTILS_ARCHITECTURECONVERSION_H

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Model/Architecture.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

#include <optional>

namespace accel {

/// Converts a verified architecture; fails with an error on the op when it
/// cannot be represented (e.g. inconsistent sizes).
mlir::FailureOr<model::Architecture> convertArchitecture(ArchOp arch);

/// Builds `accel.arch @name` from a model architecture. A storage level that
/// fans out by itself (Timeloop v0.3 style) is followed by an `accel.fanout`
/// named `<level>_spatial`; `spatialLevelNames[s]` receives the name of the
/// level holding storage level s's spatial loops.
/// Converts the accel.arch ops that mappings name, once each.
class ArchitectureCache {
public:
  /// The architecture `mapping` (on `op`) names, or null after an error on
  /// `op` (no such accel.arch in scope) or on the arch (it does not convert).
  const model::Architecture *lookup(mlir::Operation *op,
                                    mlir::StringRef archName);

private:
  llvm::DenseMap<mlir::Operation *, std::optional<model::Architecture>> cache;
};

ArchOp buildArchOp(mlir::OpBuilder &builder, mlir::Location loc,
                   const model::Architecture &arch, llvm::StringRef name,
                   llvm::SmallVectorImpl<std::string> *spatialLevelNames =
                       nullptr);

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_UTILS_ARCHITECTURECONVERSION_H
