//===- CheckedMath.h - Overflow-checked integer arithmetic -------*- C++ -*-===//
//
// Access counts of large layers reach 10^13 and beyond; every product and
// sum that can grow with the problem goes through these helpers so an
// overflow becomes a reported failure instead of a wrapped count.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_CHECKEDMATH_H
#define ACCEL_MODEL_CHECKEDMATH_H

#include <cstdint>

namespace accel::model {

/// Accumulates products and sums, remembering whether any step overflowed.
class CheckedInt {
public:
  explicit CheckedInt(int64_t value = 0) : value(value) {}

  CheckedInt &operator*=(int64_t factor) {
    overflowed |= __builtin_mul_overflow(value, factor, &value);
    return *this;
  }
  CheckedInt &operator+=(int64_t term) {
    overflowed |= __builtin_add_overflow(value, term, &value);
    return *this;
  }
  CheckedInt &operator+=(CheckedInt other) {
    overflowed |= other.overflowed;
    return *this += other.value;
  }
  CheckedInt &operator*=(CheckedInt other) {
    overflowed |= other.overflowed;
    return *this *= other.value;
  }

  int64_t get() const { return value; }
  bool overflow() const { return overflowed; }

private:
  int64_t value;
  bool overflowed = false;
};

/// a * b, setting `overflow` when it does not fit.
inline int64_t mulChecked(int64_t a, int64_t b, bool &overflow) {
  int64_t result;
  overflow |= __builtin_mul_overflow(a, b, &result);
  return result;
}

/// a + b, setting `overflow` when it does not fit.
inline int64_t addChecked(int64_t a, int64_t b, bool &overflow) {
  int64_t result;
  overflow |= __builtin_add_overflow(a, b, &result);
  return result;
}

/// ceil(a / b) for a >= 0, b > 0.
inline int64_t ceilDiv(int64_t a, int64_t b) { return a / b + (a % b != 0); }

} // namespace accel::model

#endif // ACCEL_MODEL_CHECKEDMATH_H
