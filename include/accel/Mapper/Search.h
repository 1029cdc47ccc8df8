//===- Search.h - Finding the best mapping ------------------------*- C++ -*-===//
//
// searchMapping() explores the mapspace of a workload on an architecture
// under constraints and returns the best mapping it finds for an objective:
//  - Exhaustive: branch and bound over keep configurations, spatial
//    assignments and, level by level from the outermost, temporal factors
//    and loop orders. Lower bounds (exact costs of the decided levels plus
//    bounds for the rest) cut branches; when it finishes the result is the
//    proven optimum of the constrained mapspace, and when stopped early it
//    reports the gap to the best lower bound.
//  - Random: independent random mappings.
//  - Hybrid: random factorizations, each with the best loop orders found by
//    a descent over levels.
// Candidates are numbered and ties broken by number, so the same inputs and
// seed give the same mapping whatever the thread count (for searches that
// end on their evaluation budget, victory condition or exhaustion; a
// wall-clock budget depends on the machine).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MAPPER_SEARCH_H
#define ACCEL_MAPPER_SEARCH_H

#include "accel/Mapper/Objective.h"
#include "accel/Model/Evaluation.h"
#include "accel/Model/MappingConstraints.h"

#include <atomic>
#include <cstdint>
#include "llvm/Support/Error.h"

#include <functional>
#include <optional>
#include <string>

namespace accel::mapper {

enum class Strategy { Exhaustive, Random, Hybrid };

std::optional<Strategy> parseStrategy(llvm::StringRef text);
llvm::StringRef stringifyStrategy(Strategy strategy);

struct SearchOptions {
  Strategy strategy = Strategy::Hybrid;
  Objective objective;
  /// Stop after this many model evaluations (0: no limit).
  uint64_t maxEvaluations = 0;
  /// Stop after this many seconds of wall-clock time (0: no limit).
  double timeLimitSeconds = 0;
  /// Random and hybrid: stop after this many consecutive valid candidates
  /// that do not improve on the best (0: never).
  uint64_t victoryCondition = 0;
  /// Worker threads (0: all hardware threads; more than there are hardware
  /// threads are not started).
  unsigned threads = 0;
  uint64_t seed = 1;
  /// Print progress to stderr (a progress bar when it is a terminal).
  bool progress = false;
  /// What progress lines are about (e.g. "op 3/21 linalg.matmul M64 N32
  /// K128"); empty: just the search phase.
  std::string progressLabel;
  /// Let factors leave a partial last pass (Ruby's mapspace: a prime or
  /// awkward size spreads over a whole fanout, tiles need not divide their
  /// dimension); off, every factor divides what remains (Timeloop's uber
  /// mapspace).
  bool imperfectFactors = true;
  model::EvaluationOptions evaluation;
  /// When set and it becomes true, the search stops as on a spent budget
  /// (checked at least every few hundred evaluations).
  const std::atomic<bool> *cancel = nullptr;
};

/// A search's settings as the user wrote them (pass options, tool flags,
/// Python arguments): buildSearchOptions validates them into SearchOptions
/// with one set of messages for every front end.
struct SearchSettings {
  std::string objective = "edp"; ///< "edp", "energy,delay", ...
  std::string strategy = "hybrid";
  uint64_t maxEvaluations = 0;
  double timeLimitSeconds = 0;
  uint64_t victoryCondition = 0;
  unsigned threads = 0;
  uint64_t seed = 1;
  bool imperfectFactors = true;
  bool progress = false;
};

/// The SearchOptions `settings` describe, or an error naming the setting
/// (unknown objective or strategy, a time limit that is negative, NaN or
/// infinite). Evaluation options and cancellation are left at defaults.
llvm::Expected<SearchOptions> buildSearchOptions(const SearchSettings &settings);

enum class SearchStatus {
  Optimal,   ///< exhaustive search finished: the result is the optimum
  Budget,    ///< stopped on a budget (evaluations or time)
  Converged, ///< random/hybrid search met its victory condition
  Exhausted, ///< every candidate of a random/hybrid search tried
  NoMapping, ///< no valid mapping exists (or none was found)
};

llvm::StringRef stringifyStatus(SearchStatus status);

struct SearchResult {
  SearchStatus status = SearchStatus::NoMapping;
  bool found = false;
  model::Mapping mapping;
  model::Result result;
  ObjectiveValue value;
  /// Exhaustive search: the best lower bound on the first metric over what
  /// was not explored (equal to value[0] when optimal), and the relative gap.
  double lowerBound = 0;
  double gap = 0;
  uint64_t evaluations = 0;
  uint64_t validMappings = 0;
  double seconds = 0;
};

/// Searches the mapspace `constraints` leave for the best mapping by
/// `options.objective`. A search that finds nothing returns a result with
/// `found` false (its status says whether it gave up or proved no mapping
/// exists); constraints that no mapping can satisfy (a fixed factor that
/// does not divide its bound, fixed factors whose product exceeds it) are
/// an error naming them.
llvm::Expected<SearchResult>
searchMapping(const model::Workload &workload, const model::Architecture &arch,
              const model::MappingConstraints &constraints,
              const SearchOptions &options);

} // namespace accel::mapper

#endif // ACCEL_MAPPER_SEARCH_H
