//===- ReferenceComparison.h - Compare results with Timeloop's stats -*- C++ -*-===//
//
// Test support: asserts that an evaluation equals what Timeloop printed,
// field by field, matching levels and tensors by name. Counts must be equal;
// energies and bandwidths equal to the printed precision (or 1e-4
// relative); cycles and utilization exact.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_SUPPORT_REFERENCECOMPARISON_H
#define ACCEL_UNITTESTS_SUPPORT_REFERENCECOMPARISON_H

#include "TimeloopStatsParser.h"
#include "accel/Model/Evaluation.h"

#include <ostream>
#include <string>

namespace accel::testing {

/// The public reference cases, relative to test/Inputs/timeloop-reference.
struct ReferenceCase {
  std::string directory;
  std::string prefix; ///< "timeloop-model" or "timeloop-mapper"
};
const std::vector<ReferenceCase> &referenceCases();
/// gtest prints a case by its directory.
void PrintTo(const ReferenceCase &reference, std::ostream *os);

/// The files timeloop-model was given for a case (processed input, ERT,
/// ART, and the mapper's map.yaml when there is one).
std::vector<std::string> referenceInputs(const ReferenceCase &reference);
std::string referenceStatsPath(const ReferenceCase &reference);

/// Adds a gtest failure for every field of `expected` that `result` does
/// not reproduce.
void expectMatchesTimeloopStats(const model::Workload &workload,
                                const model::Architecture &arch,
                                const model::Result &result,
                                const TimeloopStats &expected);

} // namespace accel::testing

#endif // ACCEL_UNITTESTS_SUPPORT_REFERENCECOMPARISON_H
