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

/// What objectives are computed from: the few figures of a result a search
/// keeps (and caches) instead of the whole result.
struct MetricValues {
  bool valid = false;
  double energy = 0; ///< pJ
  double cycles = 0;
  double lastLevelAccesses = 0; ///< scalar accesses of the outermost level

  static MetricValues of(const model::Result &result);
};

class Objective {
public:
  llvm::SmallVector<Metric, 3> metrics = {Metric::EnergyDelay};
  /// When set, the value is one number, the product of the metrics, rather
  /// than the list. Searches use it as a guide: the later metrics of a
  /// lexicographic list vary where the first is flat, so a climb that
  /// follows their product can cross the first metric's plateaus.
  bool product = false;

  /// Parses "edp", "energy", "delay", "last_level_accesses" or a
  /// comma-separated list of them; Timeloop's spellings are accepted.
  static std::optional<Objective> parse(llvm::StringRef text);
  std::string str() const;

  /// The value of a valid result.
  ObjectiveValue value(const model::Result &result) const {
    return value(MetricValues::of(result));
  }
  ObjectiveValue value(const MetricValues &figures) const;

  /// What a local search may climb by besides this objective: the product
  /// of its metrics, with energy added to an objective that has none.
  /// Cycles and last-level accesses are flat over wide regions of the
  /// mapspace (many mappings share the fewest cycles), and so is the first
  /// metric of a lexicographic list; a climb by the objective itself cannot
  /// tell better from worse neighbours there, the guide can. None when the
  /// guide would be the objective itself (`energy`, `edp`).
  std::optional<Objective> searchGuide() const;
};

/// Whether `a` is strictly better (smaller) than `b`, lexicographically.
bool isBetter(const ObjectiveValue &a, const ObjectiveValue &b);

} // namespace accel::mapper

#endif // ACCEL_MAPPER_OBJECTIVE_H
