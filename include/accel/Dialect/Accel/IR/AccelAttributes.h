//===- AccelAttributes.h - accel attributes ---------------------*- C++ -*-===//
#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_H
#define ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_H

#include "accel/Model/MappingConstraints.h"
#include "mlir/Dialect/SCF/IR/DeviceMappingInterface.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/Hashing.h"

namespace accel {

/// One loop of a mapping level: a problem dimension and its trip count,
/// and for an imperfect loop the trip count of its dimension's last pass
/// (written `P 16 (5)`; 0 when it equals the factor).
struct LoopSpec {
  mlir::StringAttr dim;
  int64_t factor = 1;
  int64_t residual = 0;

  bool operator==(const LoopSpec &other) const {
    return dim == other.dim && factor == other.factor &&
           residual == other.residual;
  }
};
llvm::hash_code hash_value(const LoopSpec &loop);

/// The energy the model attributes to one level of an architecture.
struct LevelCost {
  mlir::StringAttr level;
  double energyPj = 0.0;

  bool operator==(const LevelCost &other) const {
    return level == other.level && energyPj == other.energyPj;
  }
};
llvm::hash_code hash_value(const LevelCost &cost);

/// One term of a `#accel.factors` constraint: the dimension it names and
/// its bound (`value` 0 with `Fixed` is the dimension's whole bound).
struct FactorTerm {
  mlir::StringAttr dimension;
  model::FactorConstraintTerm::Kind kind = model::FactorConstraintTerm::Fixed;
  int64_t value = 0;

  bool operator==(const FactorTerm &other) const {
    return dimension == other.dimension && kind == other.kind &&
           value == other.value;
  }
};
llvm::hash_code hash_value(const FactorTerm &term);

/// Parses an integer or float literal as an f64 attribute (the parameters
/// of `#accel.energy` and `#accel.network`).
mlir::FailureOr<mlir::FloatAttr> parseNumberAttr(mlir::AsmParser &parser);

/// The value of an optional number parameter.
inline std::optional<double> numberOf(mlir::FloatAttr attr) {
  if (!attr)
    return std::nullopt;
  return attr.getValueAsDouble();
}

/// An f64 attribute holding `value`, or null.
mlir::FloatAttr numberAttr(mlir::MLIRContext *context,
                           std::optional<double> value);

/// Prints `value` in the shortest form that parses back to the same double,
/// always as an MLIR float literal (with a '.').
void printRoundTripDouble(llvm::raw_ostream &os, double value);

} // namespace accel

#define GET_ATTRDEF_CLASSES
#include "accel/Dialect/Accel/IR/AccelAttributes.h.inc"

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_H
