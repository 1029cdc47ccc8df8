//===- MappingConversion.h - #accel.mapping <-> model -------------*- C++ -*-===//
//
// Translates a mapping attribute into a model::Mapping for a given workload
// and architecture, checking it against the op: every level and tensor
// exists, every dimension's factors multiply to its bound, spatial factors
// fit the fanouts. Failures are errors on the op naming the level and
// dimension. And back, for import and for the mapper's annotations.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_UTILS_MAPPINGCONVERSION_H
#define ACCEL_DIALECT_ACCEL_UTILS_MAPPINGCONVERSION_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/Evaluation.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

namespace accel {

/// Converts `mapping` for `workload` on `arch`; emits errors on `op`.
mlir::FailureOr<model::Mapping>
convertMapping(mlir::Operation *op, MappingAttr mapping,
               const model::Workload &workload,
               const model::Architecture &arch);

/// Builds the attribute of `mapping` naming `archName`. Storage levels that
/// fan out by themselves put their spatial loops on `spatialLevelNames[s]`
/// (see buildArchOp); empty names mean the level's own name.
MappingAttr buildMappingAttr(mlir::MLIRContext *context,
                             llvm::StringRef archName,
                             const model::Mapping &mapping,
                             const model::Workload &workload,
                             const model::Architecture &arch,
                             llvm::ArrayRef<std::string> spatialLevelNames = {});

/// The cost attribute of an evaluation: totals and energy per level
/// (outermost first, then the compute level).
CostAttr buildCostAttr(mlir::MLIRContext *context,
                       const model::Architecture &arch,
                       const model::Result &result);

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_UTILS_MAPPINGCONVERSION_H
