//===- ResultJson.h - Evaluation results as JSON ------------------*- C++ -*-===//
//
// The full result of an evaluation for programs: totals, the compute level,
// and per storage level (outermost first) and tensor every count, energy
// and bandwidth the model reports.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INTEROP_RESULTJSON_H
#define ACCEL_INTEROP_RESULTJSON_H

#include "accel/Model/Evaluation.h"

#include "llvm/Support/JSON.h"

namespace accel::interop {

llvm::json::Value resultToJson(const model::Workload &workload,
                               const model::Architecture &arch,
                               const model::Result &result);

/// A mapping as JSON: per level (outermost first) its loops and tensors.
llvm::json::Value mappingToJson(const model::Workload &workload,
                                const model::Architecture &arch,
                                const model::Mapping &mapping);

} // namespace accel::interop

#endif // ACCEL_INTEROP_RESULTJSON_H
