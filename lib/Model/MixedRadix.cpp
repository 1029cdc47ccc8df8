//===- MixedRadix.cpp - Counting loop indices by the point they reach -----===//

#include "MixedRadix.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <limits>

using namespace accel::model::detail;

using Wide = __int128;

static constexpr int64_t kSaturated = std::numeric_limits<int64_t>::max();

static int64_t saturate(Wide value) {
  return value > static_cast<Wide>(kSaturated) ? kSaturated
                                               : static_cast<int64_t>(value);
}

static Wide floorDiv(Wide a, Wide b) {
  Wide q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int64_t accel::model::detail::countAll(llvm::ArrayRef<Digit> digits) {
  Wide product = 1;
  for (const Digit &digit : digits) {
    product *= digit.high - digit.low + 1;
    if (product > static_cast<Wide>(kSaturated))
      return kSaturated;
  }
  return saturate(product);
}

/// Tuples whose value is below `limit`.
static Wide countBelow(llvm::ArrayRef<Digit> digits, Wide limit) {
  const size_t n = digits.size();
  // Smallest and largest value, and number of tuples, of each suffix.
  llvm::SmallVector<Wide, 16> minRest(n + 1, 0), maxRest(n + 1, 0),
      combosRest(n + 1, 1);
  for (size_t i = n; i-- > 0;) {
    const Digit &d = digits[i];
    minRest[i] = minRest[i + 1] + static_cast<Wide>(d.low) * d.weight;
    maxRest[i] = maxRest[i + 1] + static_cast<Wide>(d.high) * d.weight;
    combosRest[i] = combosRest[i + 1] * (d.high - d.low + 1);
  }
  Wide total = 0, base = 0;
  for (size_t i = 0; i < n; ++i) {
    const Digit &d = digits[i];
    Wide budget = limit - base;
    // Values v whose whole subtree lies below the limit.
    Wide lastFull = floorDiv(budget - maxRest[i + 1] - 1, d.weight);
    Wide full = std::clamp<Wide>(lastFull - d.low + 1, 0, d.high - d.low + 1);
    total += full * combosRest[i + 1];
    Wide v = d.low + full;
    // At most one value straddles the limit; descend into it.
    if (v > d.high || v * d.weight + minRest[i + 1] >= budget)
      return total;
    base += v * d.weight;
  }
  return total + (base < limit ? 1 : 0);
}

int64_t accel::model::detail::countInRange(llvm::ArrayRef<Digit> digits,
                                           int64_t from, int64_t to) {
  if (from >= to)
    return 0;
  return saturate(countBelow(digits, to) - countBelow(digits, from));
}
