//===- SamplingSearch.cpp - Random and hybrid search ----------------------===//
//
// The search runs in rounds of numbered starts. Start i draws from its own
// generator (seeded from the seed and i) either a random plan or, in hybrid
// mode and for odd i once there is an incumbent, a random perturbation of
// the incumbent as it stood when the round began; hybrid mode then
// improves it by local search (for i mod 4 in {2, 3}, first by the
// objective's search guide). Threads take starts in any order, but
// outcomes merge in start order and budgets are checked between rounds, so
// the result does not depend on the thread count.
//
//===----------------------------------------------------------------------===//

#include "LocalSearch.h"
#include "Strategies.h"

#include <algorithm>
#include <thread>

using namespace accel;
using namespace accel::mapper;
using namespace accel::mapper::detail;

void accel::mapper::detail::parallelFor(
    Workers &workers, uint64_t count,
    const std::function<void(Worker &, uint64_t)> &body) {
  std::atomic<uint64_t> next{0};
  auto run = [&](Worker &worker) {
    for (uint64_t item = next.fetch_add(1); item < count;
         item = next.fetch_add(1))
      body(worker, item);
  };
  size_t threads = std::min<uint64_t>(workers.size(), count);
  if (threads <= 1) {
    run(*workers.front());
    return;
  }
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t)
    pool.emplace_back(run, std::ref(*workers[t]));
  run(*workers.front());
  for (std::thread &thread : pool)
    thread.join();
}

namespace {

/// SplitMix64: decorrelates the generators of neighbouring starts.
uint64_t mixSeed(uint64_t seed, uint64_t phase, uint64_t index) {
  uint64_t z = seed * 0x9E3779B97F4A7C15ull + phase * 0xD1B54A32D192ED03ull +
               index + 0x632BE59BD9B4E019ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

struct StartResult {
  bool found = false;
  Plan plan;
  ObjectiveValue value;
  uint64_t evaluations = 0;
};

/// Draws random plans until one evaluates valid (at most `attempts`).
bool randomValidPlan(Worker &worker, LocalSearch &local, std::mt19937_64 &rng,
                     StartResult &start) {
  constexpr int kAttempts = 64;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    if (!worker.space.randomPlan(rng, start.plan) || !local.fits(start.plan))
      continue;
    ++start.evaluations;
    if (worker.evaluateOnly(start.plan, start.value))
      return true;
  }
  return false;
}

} // namespace

SamplingOutcome
accel::mapper::detail::runSampling(SearchContext &context, Workers &workers,
                                   const SamplingSettings &settings) {
  // A local search ends after this many consecutive moves that do not
  // improve, or this many evaluations.
  constexpr uint64_t kPatience = 192;
  constexpr uint64_t kStartEvaluations = 20000;
  const bool improve = settings.improve;
  const uint64_t maxEvaluations = settings.maxEvaluations;
  const uint64_t victoryCondition = settings.victoryCondition;
  const uint64_t phase = settings.phase;
  const uint64_t startsPerRound = improve ? 16 : 256;
  const char *name = improve ? "hybrid" : "random";
  // Half the starts, fresh and perturbed alike, first climb by the
  // objective's guide (the product of its metrics, see
  // Objective::searchGuide), which crosses the plateaus of cycles and of
  // lexicographic lists, then by the objective itself.
  const std::optional<Objective> guide =
      context.options.objective.searchGuide();
  auto phaseTimeUp = [&] {
    double limit = context.options.timeLimitSeconds;
    return limit > 0 && settings.timeFraction < 1.0 &&
           context.elapsedSeconds() >= settings.timeFraction * limit;
  };

  SamplingOutcome outcome;
  ObjectiveValue bestValue;
  if (settings.incumbent && settings.incumbent->found) {
    outcome.found = true;
    outcome.best = settings.incumbent->best;
    bestValue = settings.incumbent->value;
  }
  uint64_t used = 0, sinceImprovement = 0, fruitless = 0;

  std::vector<StartResult> results(startsPerRound);
  for (uint64_t round = 0;; ++round) {
    if ((maxEvaluations && used >= maxEvaluations) || context.budgetSpent() ||
        phaseTimeUp()) {
      outcome.status = SearchStatus::Budget;
      break;
    }
    uint64_t cap = kStartEvaluations;
    if (maxEvaluations)
      cap = std::min(cap, std::max<uint64_t>(1, (maxEvaluations - used) /
                                                    startsPerRound));
    const bool perturb = improve && outcome.found;
    parallelFor(workers, startsPerRound, [&](Worker &worker, uint64_t i) {
      uint64_t index = round * startsPerRound + i;
      std::mt19937_64 rng(mixSeed(context.options.seed, phase, index));
      LocalSearch local(worker);
      StartResult &start = results[i];
      start = StartResult();
      bool valid = false;
      if (perturb && index % 2 == 1) {
        start.plan = outcome.best;
        int moves = 1 + static_cast<int>(rng() % 4);
        for (int move = 0; move < moves; ++move)
          for (int attempt = 0; attempt < 32; ++attempt)
            if (local.randomMove(start.plan, rng))
              break;
        ++start.evaluations;
        valid = worker.evaluateOnly(start.plan, start.value);
      }
      if (!valid)
        valid = randomValidPlan(worker, local, rng, start);
      if (!valid)
        return;
      start.found = true;
      if (!improve)
        return;
      auto left = [&] {
        return cap - std::min(cap, start.evaluations);
      };
      auto improveBy = [&](const Objective *objective, uint64_t patience) {
        local.compareBy(objective);
        start.evaluations +=
            local.climb(start.plan, start.value, rng, patience, left());
        start.evaluations += local.polish(start.plan, start.value, left());
        start.evaluations +=
            local.climb(start.plan, start.value, rng, patience / 2, left());
      };
      if (guide && index % 4 >= 2) {
        ++start.evaluations;
        worker.evaluateOnly(start.plan, start.value, &*guide);
        improveBy(&*guide, kPatience);
        ++start.evaluations;
        worker.evaluateOnly(start.plan, start.value);
        improveBy(nullptr, kPatience / 2);
      } else {
        improveBy(nullptr, kPatience);
      }
    });

    // Merge in start order.
    for (uint64_t i = 0; i < startsPerRound; ++i) {
      StartResult &start = results[i];
      used += start.evaluations;
      if (!start.found) {
        ++fruitless;
        continue;
      }
      fruitless = 0;
      if (!outcome.found || isBetter(start.value, bestValue)) {
        outcome.found = true;
        outcome.best = start.plan;
        bestValue = start.value;
        sinceImprovement = 0;
        workers.front()->offerPlan(start.plan,
                                   {phase, round * startsPerRound + i});
      } else {
        ++sinceImprovement;
      }
    }
    double fraction = -1;
    if (maxEvaluations)
      fraction = static_cast<double>(used) / static_cast<double>(maxEvaluations);
    if (context.options.timeLimitSeconds > 0)
      fraction = std::max(fraction, context.elapsedSeconds() /
                                        context.options.timeLimitSeconds);
    if (victoryCondition)
      fraction = std::max(fraction, static_cast<double>(sinceImprovement) /
                                        static_cast<double>(victoryCondition));
    context.reportProgress(name, std::min(1.0, fraction));
    if (victoryCondition && outcome.found &&
        sinceImprovement >= victoryCondition) {
      outcome.status = SearchStatus::Converged;
      break;
    }
    // Four rounds of starts without a single valid mapping: the valid
    // mappings are too rare to sample.
    if (fruitless >= 4 * startsPerRound) {
      outcome.status =
          outcome.found ? SearchStatus::Converged : SearchStatus::NoMapping;
      break;
    }
  }
  outcome.value = bestValue;
  outcome.evaluations = used;
  return outcome;
}
