//===- Passes.h - accel passes ----------------------------------*- C++ -*-===//
#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_H

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Mapper/Search.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace accel {

#define GEN_PASS_DECL
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_H
