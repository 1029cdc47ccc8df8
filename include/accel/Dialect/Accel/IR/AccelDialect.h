//===- AccelDialect.h - The accel dialect -----------------------*- C++ -*-===//
#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_H
#define ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/Operation.h"

#include "accel/Dialect/Accel/IR/AccelDialect.h.inc"

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_H
