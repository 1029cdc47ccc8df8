//===- SearchContext.cpp - State shared by the search threads -------------===//

#include "SearchContext.h"
#include "LowerBound.h"

#include "llvm/Support/Format.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>
#include <thread>

using namespace accel;
using namespace accel::mapper;
using namespace accel::mapper::detail;

bool accel::mapper::detail::beats(const ObjectiveValue &a,
                                  const CandidateKey &keyA,
                                  const ObjectiveValue &b,
                                  const CandidateKey &keyB) {
  if (isBetter(a, b))
    return true;
  if (isBetter(b, a))
    return false;
  return std::lexicographical_compare(keyA.begin(), keyA.end(), keyB.begin(),
                                      keyB.end());
}

SearchContext::SearchContext(const model::Workload &workload,
                             const model::Architecture &arch,
                             const model::MappingConstraints &constraints,
                             const SearchOptions &options)
    : workload(workload), arch(arch), constraints(constraints),
      options(options) {
  // More workers than hardware threads only cost memory (each holds a
  // mapspace and an evaluator): the result does not depend on the count.
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  threads = options.threads ? std::min(options.threads, hardware) : hardware;
  start = std::chrono::steady_clock::now();
  lastReport = start;
  terminal = llvm::sys::Process::StandardErrIsDisplayed();
  smallestUnexplored = std::numeric_limits<double>::infinity();
}

void SearchContext::recordUnexplored(double bound) {
  std::lock_guard<std::mutex> lock(mutex);
  smallestUnexplored = std::min(smallestUnexplored, bound);
}

double SearchContext::unexploredBound() const {
  std::lock_guard<std::mutex> lock(mutex);
  return smallestUnexplored;
}

bool SearchContext::offer(const ObjectiveValue &value, const CandidateKey &key,
                          const model::Mapping &mapping,
                          const model::Result &result) {
  std::lock_guard<std::mutex> lock(mutex);
  if (found && !beats(value, key, bestValue, bestKey))
    return false;
  found = true;
  bestValue = value;
  bestKey = key;
  bestMapping = mapping;
  bestResult = result;
  version.fetch_add(1, std::memory_order_release);
  return true;
}

bool SearchContext::incumbentValue(ObjectiveValue &value) const {
  std::lock_guard<std::mutex> lock(mutex);
  if (!found)
    return false;
  value = bestValue;
  return true;
}


double SearchContext::elapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start)
      .count();
}

bool SearchContext::budgetSpent() {
  if (stop.load(std::memory_order_relaxed))
    return true;
  bool spent =
      cancelled() ||
      (options.maxEvaluations &&
       evaluations.load(std::memory_order_relaxed) >= options.maxEvaluations) ||
      (options.timeLimitSeconds > 0 &&
       elapsedSeconds() >= options.timeLimitSeconds);
  if (spent)
    stop.store(true, std::memory_order_relaxed);
  return spent;
}

bool SearchContext::timeUp() {
  if (stop.load(std::memory_order_relaxed))
    return true;
  if (cancelled() || (options.timeLimitSeconds > 0 &&
                      elapsedSeconds() >= options.timeLimitSeconds)) {
    stop.store(true, std::memory_order_relaxed);
    return true;
  }
  return false;
}

void SearchContext::reportProgress(const char *phase, double fraction,
                                   bool final) {
  if (!options.progress)
    return;
  auto now = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> lock(reportMutex, std::try_to_lock);
  if (!lock.owns_lock())
    return;
  if (!final && now - lastReport < std::chrono::milliseconds(250))
    return;
  lastReport = now;
  std::string best = "none yet";
  ObjectiveValue value;
  if (incumbentValue(value)) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.4g", value.front());
    best = buffer;
  }
  llvm::raw_ostream &os = llvm::errs();
  if (terminal)
    os << "\r";
  if (!options.progressLabel.empty())
    os << options.progressLabel << ": ";
  if (terminal) {
    int width = 30;
    int filled = fraction >= 0 ? static_cast<int>(fraction * width) : 0;
    os << phase << " [" << std::string(filled, '#')
       << std::string(width - filled, '.') << "] ";
  } else {
    os << phase << ": ";
  }
  os << evaluations.load() << " evaluated, " << validMappings.load()
     << " valid, best " << options.objective.str() << " " << best << ", "
     << llvm::format("%.1f", elapsedSeconds()) << " s";
  os << (terminal && !final ? "   " : "\n");
  os.flush();
}

void SearchContext::fillResult(SearchResult &result) {
  std::lock_guard<std::mutex> lock(mutex);
  result.found = found;
  if (found) {
    result.mapping = bestMapping;
    result.result = bestResult;
    result.value = bestValue;
  }
  result.evaluations = evaluations.load();
  result.validMappings = validMappings.load();
  result.seconds = elapsedSeconds();
}

Worker::Worker(SearchContext &context)
    : context(context),
      space(context.workload, context.arch, context.constraints,
            context.options.imperfectFactors),
      evaluator(context.workload, context.arch, context.options.evaluation) {}

ObjectiveValue Worker::evaluate(const Plan &plan, const CandidateKey &key) {
  space.toMapping(plan, mapping);
  evaluator.evaluate(mapping, result);
  context.evaluations.fetch_add(1, std::memory_order_relaxed);
  if (!result.valid)
    return {};
  context.validMappings.fetch_add(1, std::memory_order_relaxed);
  ObjectiveValue value = context.options.objective.value(result);
  context.offer(value, key, mapping, result);
  return value;
}

bool Worker::evaluateOnly(const Plan &plan, ObjectiveValue &value,
                          const Objective *objective) {
  context.evaluations.fetch_add(1, std::memory_order_relaxed);
  const EvaluationCache::Key key =
      EvaluationCache::keyOf(plan, space.numDims());
  MetricValues metrics;
  if (!cache.lookup(key, metrics)) {
    space.toMapping(plan, mapping);
    evaluator.evaluate(mapping, result);
    metrics = MetricValues::of(result);
    cache.insert(key, metrics);
  }
  if (!metrics.valid)
    return false;
  context.validMappings.fetch_add(1, std::memory_order_relaxed);
  value = (objective ? *objective : context.options.objective).value(metrics);
  return true;
}

bool Worker::mayImprove(const ObjectiveValue &bound) {
  uint64_t current = context.incumbentVersion();
  if (current != cachedVersion) {
    haveIncumbent = context.incumbentValue(incumbent);
    cachedVersion = current;
  }
  return !haveIncumbent ||
         !boundExcludes(context.options.objective, bound, incumbent);
}

void Worker::offerPlan(const Plan &plan, const CandidateKey &key) {
  space.toMapping(plan, mapping);
  evaluator.evaluate(mapping, result);
  if (result.valid)
    context.offer(context.options.objective.value(result), key, mapping,
                  result);
}
