//===- MixedRadix.h - Counting loop indices by the point they reach -*- C++ -*-===//
//
// Internal to the model. The loops of one dimension form a mixed radix: a
// loop's index times its stride (the product of the factors of the loops
// inside it on that dimension) sums to the point reached. With imperfect
// factors only the points below the dimension's bound exist, so questions
// such as "how many instances ever hold data" or "how many tiles are cut
// by the bound" become counts of digit tuples whose value lies in a range.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MODEL_MIXEDRADIX_H
#define ACCEL_LIB_MODEL_MIXEDRADIX_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>

namespace accel::model::detail {

/// One loop's contribution: its index, restricted to [low, high], times
/// `weight`.
struct Digit {
  int64_t weight = 1;
  int64_t low = 0;
  int64_t high = 0;
};

/// Number of digit tuples whose value sum(index * weight) lies in
/// [from, to). `digits` are ordered by decreasing weight and form a mixed
/// radix: every weight exceeds the largest value the smaller digits reach.
/// Counts saturate at INT64_MAX.
int64_t countInRange(llvm::ArrayRef<Digit> digits, int64_t from, int64_t to);

/// Number of digit tuples (the product of the ranges), saturating.
int64_t countAll(llvm::ArrayRef<Digit> digits);

} // namespace accel::model::detail

#endif // ACCEL_LIB_MODEL_MIXEDRADIX_H
