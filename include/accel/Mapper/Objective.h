//===- Objective.h - What the mapper minimizes --------------------*- C++ -*-===//
//
// An objective is a list of metrics compared lexicographically: `edp`,
// `delay, energy` (fastest, then cheapest), ... Values compare exactly; a
// candidate is better only when it is strictly better at the first metric
// where the two differ.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MAPPER_OBJECTIVE_H
#define ACCEL_MAPPER_OBJECTIVE_H

#include "accel/Model/Evaluation.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace accel::mapper {

enum class Metric {
  Energy,            ///< pJ
  Delay,             ///< cycles
  EnergyDelay,       ///< pJ x cycles
  LastLevelAccesses, ///< scalar accesses of the outermost level
};

using ObjectiveValue = llvm::SmallVector<double, 3>;

class Objective {
public:
  llvm::SmallVector<Metric, 3> metrics = {Metric::EnergyDelay};

  /// Parses "edp", "energy", "delay", "last_level_accesses" or a
  /// comma-separated list of them; Timeloop's spellings are accepted.
  static std::optional<Objective> parse(llvm::StringRef text);
  std::string str() const;

  /// The value of a valid result.
  ObjectiveValue value(const model::Result &result) const;
};

/// Whether `a` is strictly better (smaller) than `b`, lexicographically.
bool isBetter(const ObjectiveValue &a, const ObjectiveValue &b);

} // namespace accel::mapper

#endif // ACCEL_MAPPER_OBJECTIVE_H
