//===- WorkloadExtraction.h - linalg ops as model workloads -------*- C++ -*-===//
//
// Reads the loop nest of a linalg structured op: loop bounds from its static
// loop ranges, data-space projections from its indexing maps (`oh * 2 + kh`
// becomes the rank 2*Q + S), outputs read-write. Dimensions and tensors get
// conventional names: N G C M P Q R S and I W O for convolutions, B M N K and
// A B C for contractions, d0.. and operand indices otherwise; the op's
// `accel.dim_names` / `accel.tensor_names` attributes override them.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_UTILS_WORKLOADEXTRACTION_H
#define ACCEL_DIALECT_ACCEL_UTILS_WORKLOADEXTRACTION_H

#include "accel/Model/Workload.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"

#include <optional>

namespace accel {

enum class WorkloadKind { Convolution, Contraction, Generic };

struct ExtractedWorkload {
  model::Workload workload;
  WorkloadKind kind = WorkloadKind::Generic;
  /// Whether the body multiplies and accumulates into the output.
  bool multiplyAccumulate = false;
};

struct ExtractionOptions {
  /// Ops that are not multiply-accumulates (elementwise, pooling, plain
  /// reductions) are skipped with a remark instead of being extracted.
  bool requireMultiplyAccumulate = false;
  /// Emit diagnostics on the op (errors for what cannot be modelled,
  /// remarks for skipped ops).
  bool emitDiagnostics = true;
  /// Report what cannot be modelled as remarks ("not mapped: ...") rather
  /// than errors, for passes that go on past such ops.
  bool errorsAsRemarks = false;
};

/// The extracted workload; std::nullopt with `skipped` set when the op was
/// skipped on purpose (a remark says why), or mlir::failure() when the op
/// cannot be modelled (an error says why: dynamic shapes, non-additive
/// indexing maps, too many dimensions...).
struct ExtractionResult {
  std::optional<ExtractedWorkload> extracted;
  bool skipped = false;
};
mlir::FailureOr<ExtractionResult>
extractWorkload(mlir::linalg::LinalgOp op, const ExtractionOptions &options = {});


} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_UTILS_WORKLOADEXTRACTION_H
