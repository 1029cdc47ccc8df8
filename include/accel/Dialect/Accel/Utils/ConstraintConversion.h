//===- ConstraintConversion.h - accel.arch constraints for the mapper -*- C++ -*-===//
//
// Collects what an accel.arch says a mapping of one op must respect: the
// levels' keep / bypass lists, temporal and spatial `factors`, loop-order
// prefixes (`inner_loops`, `outer_loops`), the dimensions allowed along a
// fanout's axes (`x_dims`, `y_dims`) and the compute level's
// `min_utilization`. Names the op does not have are skipped: one
// architecture serves convolutions and matmuls alike.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_UTILS_CONSTRAINTCONVERSION_H
#define ACCEL_DIALECT_ACCEL_UTILS_CONSTRAINTCONVERSION_H

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/MappingConstraints.h"
#include "accel/Model/Workload.h"

namespace accel {

/// The constraints of `archOp` (converted to `arch`) for `workload`; emits
/// an error on the level whose constraints conflict.
mlir::FailureOr<model::MappingConstraints>
buildMappingConstraints(ArchOp archOp, const model::Architecture &arch,
                        const model::Workload &workload);

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_UTILS_CONSTRAINTCONVERSION_H
