//===- TimeloopTranslation.h - Timeloop YAML <-> accel IR ---------*- C++ -*-===//
//
// Import: a Timeloop architecture, problem and mapping become a module with
// an `accel.arch`, and a function computing the problem with one linalg op
// (a named convolution or matmul when the problem has that shape, else a
// linalg.generic) carrying the mapping as `accel.mapping`. Timeloop's
// dimension and tensor names are kept (`accel.dim_names`,
// `accel.tensor_names`) so the mapping reads as in Timeloop.
//
// Export: the reverse for one mapped op, as one YAML document in the form
// timeloop-model reads (processed architecture tree, problem, mapping, ERT,
// ART), so our mappings can be fed to Timeloop.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_TIMELOOP_TIMELOOPTRANSLATION_H
#define ACCEL_TARGET_TIMELOOP_TIMELOOPTRANSLATION_H

#include "accel/Interop/TimeloopInput.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace accel {

/// Builds the module; emits errors at `loc` for what has no IR form.
mlir::OwningOpRef<mlir::ModuleOp>
importTimeloop(const interop::TimeloopInput &input, mlir::MLIRContext *context,
               mlir::Location loc);

/// Writes the `opIndex`-th op (in walk order) carrying `accel.mapping`.
mlir::LogicalResult exportTimeloop(mlir::ModuleOp module, unsigned opIndex,
                                   llvm::raw_ostream &os);

} // namespace accel

#endif // ACCEL_TARGET_TIMELOOP_TIMELOOPTRANSLATION_H
