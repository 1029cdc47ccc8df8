//===- BranchAndBound.cpp - Exhaustive search with pruning ----------------===//
//
// Tasks are (keep configuration, spatial assignment) pairs, explored in the
// order of their lower bounds. Within a task a depth-first search decides
// the storage levels from the outermost in: at each level every temporal
// choice that leaves a fitting tile below, with every representative loop
// order, is a child; children are bounded (LowerBound.h), pruned when the
// bound cannot beat the incumbent, and visited best bound first. Leaves are
// complete plans, evaluated and offered under a key naming their path, so
// the optimum, ties included, is the same whatever the thread count.
//
//===----------------------------------------------------------------------===//

#include "LowerBound.h"
#include "Strategies.h"

#include <algorithm>
#include <limits>
#include <tuple>

using namespace accel;
using namespace accel::mapper;
using namespace accel::mapper::detail;

namespace {

/// Spatial assignments beyond this many are not enumerated (the search then
/// cannot claim optimality).
constexpr size_t kMaxSpatialAssignments = 1 << 20;

struct Task {
  uint64_t keepIndex;
  size_t spatialIndex;
  uint64_t id;
  ObjectiveValue bound, estimate;
  bool feasible = false;
};

struct Child {
  ObjectiveValue bound, estimate;
  FactorVector choice;
  uint32_t choiceIndex;
  uint32_t orderIndex;
};

/// Most promising first: by estimate, then bound, then position.
template <typename T, typename Index>
bool promisingFirst(const T &a, const T &b, Index indexA, Index indexB) {
  if (isBetter(a.estimate, b.estimate))
    return true;
  if (isBetter(b.estimate, a.estimate))
    return false;
  if (isBetter(a.bound, b.bound))
    return true;
  if (isBetter(b.bound, a.bound))
    return false;
  return indexA < indexB;
}

class TaskExplorer {
public:
  TaskExplorer(SearchContext &context, Worker &worker)
      : context(context), worker(worker), space(worker.space),
        bounder(space, context.options.evaluation, context.options.objective) {}

  /// Explores the subtree below `plan` whose levels above `s` are decided.
  void explore(Plan &plan, int s, const FactorVector &remaining,
               CandidateKey &key, const ObjectiveValue &nodeBound);

private:
  void leaves(Plan &plan, const FactorVector &remaining, CandidateKey &key);
  void abandon(const ObjectiveValue &bound) {
    context.recordUnexplored(bound.front());
  }

  SearchContext &context;
  Worker &worker;
  Mapspace &space;
  LowerBounder bounder;
  uint64_t sinceCheck = 0;

  bool shouldStop() {
    if (++sinceCheck % 64 == 0)
      return context.budgetSpent();
    return context.stop.load(std::memory_order_relaxed);
  }
};

void TaskExplorer::leaves(Plan &plan, const FactorVector &remaining,
                          CandidateKey &key) {
  std::vector<FactorVector> choices;
  space.temporalChoices(0, remaining, plan, choices);
  LevelPlan &level = plan.levels[0];
  for (size_t ci = 0; ci < choices.size(); ++ci) {
    level.temporal = choices[ci];
    const std::vector<LoopOrder> &orders =
        space.orders(0, Mapspace::loopMask(level, space.numDims()));
    for (size_t oi = 0; oi < orders.size(); ++oi) {
      level.order = orders[oi];
      key.push_back(ci);
      key.push_back(oi);
      worker.evaluate(plan, key);
      key.pop_back();
      key.pop_back();
    }
  }
}

void TaskExplorer::explore(Plan &plan, int s, const FactorVector &remaining,
                           CandidateKey &key, const ObjectiveValue &nodeBound) {
  if (shouldStop()) {
    abandon(nodeBound);
    return;
  }
  if (s == 0) {
    leaves(plan, remaining, key);
    return;
  }
  const int numDims = space.numDims();
  std::vector<FactorVector> choices;
  space.temporalChoices(s, remaining, plan, choices);
  LevelPlan &level = plan.levels[s];
  // Levels below without temporal loops (fanouts, fully fixed buffers) are
  // decided along with this one: bound the child with them decided and
  // explore the next level that has loops.
  int t = s;
  while (t - 1 >= 1 && !space.hasTemporalLoops(t - 1)) {
    LevelPlan &skipped = plan.levels[t - 1];
    skipped.temporal.fill(1);
    skipped.order.clear();
    --t;
  }

  std::vector<Child> children;
  FactorVector rest;
  rest.fill(1);
  for (size_t ci = 0; ci < choices.size(); ++ci) {
    level.temporal = choices[ci];
    for (int d = 0; d < numDims; ++d)
      rest[d] = Mapspace::quotient(remaining[d], choices[ci][d]);
    const std::vector<LoopOrder> &orders =
        space.orders(s, Mapspace::loopMask(level, numDims));
    for (size_t oi = 0; oi < orders.size(); ++oi) {
      Child child{{}, {}, choices[ci], static_cast<uint32_t>(ci),
                  static_cast<uint32_t>(oi)};
      level.order = orders[oi];
      context.evaluations.fetch_add(1, std::memory_order_relaxed);
      if (!bounder.bound(plan, t, rest, child.bound, &child.estimate) ||
          !worker.mayImprove(child.bound))
        continue;
      children.push_back(std::move(child));
    }
  }
  std::sort(children.begin(), children.end(),
            [](const Child &a, const Child &b) {
              return promisingFirst(a, b,
                                    std::make_pair(a.choiceIndex, a.orderIndex),
                                    std::make_pair(b.choiceIndex, b.orderIndex));
            });
  for (size_t i = 0; i < children.size(); ++i) {
    const Child &child = children[i];
    if (context.stop.load(std::memory_order_relaxed)) {
      for (size_t j = i; j < children.size(); ++j)
        abandon(children[j].bound);
      return;
    }
    if (!worker.mayImprove(child.bound))
      continue;
    level.temporal = child.choice;
    level.order = space.orders(s, Mapspace::loopMask(level, numDims))
                      [child.orderIndex];
    for (int d = 0; d < numDims; ++d)
      rest[d] = Mapspace::quotient(remaining[d], child.choice[d]);
    key.push_back(child.choiceIndex);
    key.push_back(child.orderIndex);
    FactorVector next = rest;
    explore(plan, t - 1, next, key, child.bound);
    key.pop_back();
    key.pop_back();
  }
}

} // namespace

void accel::mapper::detail::runBranchAndBound(SearchContext &context,
                                              Workers &workers,
                                              SearchResult &result) {
  Mapspace &space = workers.front()->space;
  const int numDims = space.numDims();
  const int numLevels = space.numLevels();

  std::vector<SpatialAssignment> spatials;
  bool complete = space.spatialAssignments(spatials, kMaxSpatialAssignments);
  std::vector<uint64_t> keeps;
  {
    Plan plan;
    for (uint64_t k = 0; k < space.numKeepConfigurations(); ++k) {
      space.keepConfiguration(k, plan);
      if (space.keepsEverything(plan))
        keeps.push_back(k);
    }
  }
  std::vector<Task> tasks;
  tasks.reserve(keeps.size() * spatials.size());
  for (uint64_t k : keeps)
    for (size_t sp = 0; sp < spatials.size(); ++sp)
      tasks.push_back({k, sp, tasks.size(), {}, {}, false});

  // The remaining quotient under a spatial assignment.
  auto temporalQuotient = [&](const SpatialAssignment &spatial) {
    FactorVector remaining;
    remaining.fill(1);
    for (int d = 0; d < numDims; ++d) {
      remaining[d] = space.workload().dimensions[d].bound;
      for (int s = 0; s < numLevels; ++s)
        remaining[d] = Mapspace::quotient(remaining[d],
                                          spatial.x[s][d] * spatial.y[s][d]);
    }
    return remaining;
  };

  // Root bounds, in parallel.
  parallelFor(workers, tasks.size(), [&](Worker &worker, uint64_t i) {
    Task &task = tasks[i];
    LowerBounder bounder(worker.space, context.options.evaluation,
                         context.options.objective);
    Plan plan;
    worker.space.keepConfiguration(task.keepIndex, plan);
    worker.space.applySpatial(spatials[task.spatialIndex], plan);
    for (LevelPlan &level : plan.levels) {
      level.temporal.fill(1);
      level.order.clear();
    }
    task.feasible = bounder.bound(plan, numLevels,
                                  temporalQuotient(spatials[task.spatialIndex]),
                                  task.bound, &task.estimate);
  });
  tasks.erase(std::remove_if(tasks.begin(), tasks.end(),
                             [](const Task &task) { return !task.feasible; }),
              tasks.end());
  std::sort(tasks.begin(), tasks.end(), [](const Task &a, const Task &b) {
    return promisingFirst(a, b, a.id, b.id);
  });

  std::atomic<uint64_t> finished{0};
  parallelFor(workers, tasks.size(), [&](Worker &worker, uint64_t i) {
    const Task &task = tasks[i];
    if (context.stop.load(std::memory_order_relaxed) || context.budgetSpent()) {
      context.recordUnexplored(task.bound.front());
      return;
    }
    if (worker.mayImprove(task.bound)) {
      TaskExplorer explorer(context, worker);
      Plan plan;
      worker.space.keepConfiguration(task.keepIndex, plan);
      worker.space.applySpatial(spatials[task.spatialIndex], plan);
      CandidateKey key = {2, task.id};
      explorer.explore(plan, numLevels - 1,
                       temporalQuotient(spatials[task.spatialIndex]), key,
                       task.bound);
    }
    uint64_t done = finished.fetch_add(1) + 1;
    context.reportProgress("exhaustive", static_cast<double>(done) /
                                             static_cast<double>(tasks.size()));
  });

  bool stopped = context.stop.load();
  // Timeloop's walk of imperfect nests makes a level's counts depend on the
  // loops below it, which the bounds assume they do not: no proof then.
  bool truncated = !complete || space.ordersTruncated() ||
                   (!context.options.evaluation.exactCounts &&
                    context.options.imperfectFactors);
  for (const std::unique_ptr<Worker> &worker : workers)
    truncated |= worker->space.ordersTruncated();
  ObjectiveValue best;
  bool found = context.incumbentValue(best);
  if (!stopped && !truncated) {
    result.status = found ? SearchStatus::Optimal : SearchStatus::NoMapping;
    result.lowerBound = found ? best.front() : 0;
    result.gap = 0;
    return;
  }
  result.status = SearchStatus::Budget;
  if (found && !truncated) {
    double bound = std::min(context.unexploredBound(), best.front());
    result.lowerBound = bound;
    result.gap = best.front() > 0 ? (best.front() - bound) / best.front() : 0;
  }
}
