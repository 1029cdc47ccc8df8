//===- AccelTransformOps.h - Accel's transform-dialect ops ------*- C++ -*-===//
#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMOPS_ACCELTRANSFORMOPS_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMOPS_ACCELTRANSFORMOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/IR/TransformTypes.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/IR/OpImplementation.h"

#define GET_OP_CLASSES
#include "accel/Dialect/Accel/TransformOps/AccelTransformOps.h.inc"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace accel {

/// Registers `transform.accel.*` (map_to_arch, tile, estimate) as an
/// extension of the transform dialect.
void registerTransformDialectExtension(mlir::DialectRegistry &registry);

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMOPS_ACCELTRANSFORMOPS_H
