//===- Workload.h - Tensor operation as a loop nest --------------*- C++ -*-===//
//
// A workload is a perfectly nested loop over named dimensions whose body
// touches one element of every data space (tensor). Each data-space rank is
// an affine sum of dimensions with integer coefficients, e.g. the input
// width of a convolution `Wstride*P + Wdilation*R`.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_WORKLOAD_H
#define ACCEL_MODEL_WORKLOAD_H

#include "llvm/Support/Error.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace accel::model {

/// Limits that keep the evaluator's working arrays fixed-size.
inline constexpr int kMaxDimensions = 16;
inline constexpr int kMaxDataSpaces = 16;
inline constexpr int kMaxRanks = 12;

struct Dimension {
  std::string name;
  int64_t bound = 1;
};

/// One term `coefficient * dimension` of a data-space rank.
struct ProjectionTerm {
  int dimension = 0;
  int64_t coefficient = 1;
};

/// A rank's index is the sum of its terms.
using Rank = llvm::SmallVector<ProjectionTerm, 2>;

struct DataSpace {
  std::string name;
  std::vector<Rank> ranks;
  /// Read-write data spaces (outputs) accumulate partial results.
  bool readWrite = false;
};

class Workload {
public:
  std::string name;
  std::vector<Dimension> dimensions;
  std::vector<DataSpace> dataSpaces;

  int numDimensions() const { return static_cast<int>(dimensions.size()); }
  int numDataSpaces() const { return static_cast<int>(dataSpaces.size()); }

  /// Index of the named dimension / data space, or -1.
  int findDimension(llvm::StringRef name) const;
  int findDataSpace(llvm::StringRef name) const;

  /// Success when the workload is well formed, else an error saying why:
  /// bounds must be positive, names unique, terms must name existing
  /// dimensions, and the operation count must fit in 63 bits.
  llvm::Error validate() const;
  /// validate()'s reason as text, empty when well formed.
  std::string explainInvalid() const;

  /// Number of operations (product of all bounds). Call after validate().
  int64_t numOperations() const;

  /// Number of points of data space `ds` in the bounding box of the
  /// projection of a box with `extents[d]` points along each dimension
  /// (Timeloop counts strided holes, so this is a box size).
  int64_t projectedSize(int ds, const int64_t *extents) const;
};

} // namespace accel::model

#endif // ACCEL_MODEL_WORKLOAD_H
