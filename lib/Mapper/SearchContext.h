//===- SearchContext.h - State shared by the search threads -------*- C++ -*-===//
//
// Internal to the mapper: the incumbent, counters, budgets and progress
// reporting that every search strategy shares, and the per-thread worker
// state.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MAPPER_SEARCHCONTEXT_H
#define ACCEL_LIB_MAPPER_SEARCHCONTEXT_H

#include "EvaluationCache.h"
#include "accel/Mapper/Mapspace.h"
#include "accel/Mapper/Search.h"

#include <atomic>
#include <chrono>
#include <mutex>

namespace accel::mapper::detail {

/// Candidates are compared by objective, then by this key (smaller wins),
/// which makes results independent of the order threads find them in.
using CandidateKey = llvm::SmallVector<uint64_t, 16>;

/// Whether (a, keyA) beats (b, keyB).
bool beats(const ObjectiveValue &a, const CandidateKey &keyA,
           const ObjectiveValue &b, const CandidateKey &keyB);

class SearchContext {
public:
  SearchContext(const model::Workload &workload,
                const model::Architecture &arch,
                const model::MappingConstraints &constraints,
                const SearchOptions &options);

  const model::Workload &workload;
  const model::Architecture &arch;
  const model::MappingConstraints &constraints;
  const SearchOptions &options;
  unsigned threads;

  std::atomic<uint64_t> evaluations{0};
  std::atomic<uint64_t> validMappings{0};
  std::atomic<bool> stop{false};
  std::chrono::steady_clock::time_point start;

  /// Offers a valid candidate; keeps it if it beats the incumbent.
  bool offer(const ObjectiveValue &value, const CandidateKey &key,
             const model::Mapping &mapping, const model::Result &result);
  /// The incumbent's value (empty if none), cheap to call often.
  bool incumbentValue(ObjectiveValue &value) const;
  /// The incumbent's version: it changes whenever the incumbent does.
  uint64_t incumbentVersion() const {
    return version.load(std::memory_order_acquire);
  }

  /// Checks the evaluation and time budgets; sets `stop` when spent.
  bool budgetSpent();
  /// Checks the time budget (and cancellation) only; sets `stop` when
  /// spent.
  bool timeUp();
  bool cancelled() const {
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
  }
  double elapsedSeconds() const;
  /// Progress line on stderr, at most a few times a second.
  void reportProgress(const char *phase, double fraction, bool final = false);

  void fillResult(SearchResult &result);

  /// Records the first-metric lower bound of a subtree left unexplored when
  /// the search stopped early.
  void recordUnexplored(double bound);
  /// The smallest bound recorded (infinity if none).
  double unexploredBound() const;

private:
  mutable std::mutex mutex;
  bool found = false;
  ObjectiveValue bestValue;
  CandidateKey bestKey;
  model::Mapping bestMapping;
  model::Result bestResult;
  std::atomic<uint64_t> version{0};
  std::chrono::steady_clock::time_point lastReport;
  std::mutex reportMutex;
  bool terminal = false;
  double smallestUnexplored;
};

/// Per-thread state: its own mapspace caches and evaluator.
struct Worker {
  Worker(SearchContext &context);

  SearchContext &context;
  Mapspace space;
  model::Evaluator evaluator;
  model::Mapping mapping;
  model::Result result;

  /// Evaluates a complete plan; offers it when valid. Returns the
  /// objective value (empty when invalid).
  ObjectiveValue evaluate(const Plan &plan, const CandidateKey &key);
  /// Evaluates a valid plan (not counted as a search evaluation) and offers
  /// it under `key`.
  void offerPlan(const Plan &plan, const CandidateKey &key);
  /// Evaluates a complete plan without offering it; `value` is by
  /// `objective` (the search's own when null). Plans evaluated recently by
  /// this worker are answered from a cache (still counted as evaluations,
  /// so budgets and results do not depend on which thread ran what).
  bool evaluateOnly(const Plan &plan, ObjectiveValue &value,
                    const Objective *objective = nullptr);

  /// Whether a (partial) candidate bounded below by `bound` could still
  /// beat the incumbent (read through a per-worker cache).
  bool mayImprove(const ObjectiveValue &bound);

private:
  EvaluationCache cache;
  uint64_t cachedVersion = ~uint64_t(0);
  bool haveIncumbent = false;
  ObjectiveValue incumbent;
};

} // namespace accel::mapper::detail

#endif // ACCEL_LIB_MAPPER_SEARCHCONTEXT_H
