//===- AccelOps.h - accel operations ----------------------------*- C++ -*-===//
#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELOPS_H
#define ACCEL_DIALECT_ACCEL_IR_ACCELOPS_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"

namespace accel {
/// Syntax shared by the level operations: `@name attr-dict`.
mlir::ParseResult parseLevelOp(mlir::OpAsmParser &parser,
                               mlir::OperationState &result);
void printLevelOp(mlir::OpAsmPrinter &printer, mlir::Operation *op);
} // namespace accel

#define GET_OP_CLASSES
#include "accel/Dialect/Accel/IR/AccelOps.h.inc"

namespace accel {
/// The accel.arch named `name` in the nearest symbol table around `from`
/// that has one: an op in a nested module sees the architectures of the
/// modules around it. Null when there is none.
ArchOp lookupArchitecture(mlir::Operation *from, mlir::StringAttr name);
} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELOPS_H
