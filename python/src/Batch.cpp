//===- Batch.cpp - Many evaluations at once, off the GIL ------------------===//

#include "Interrupt.h"
#include "Objects.h"

#include <algorithm>
#include <atomic>
#include <thread>

using namespace accel;
using namespace accel::python;

model::EvaluationOptions
accel::python::evaluationOptions(bool exact, bool linkTransfers, bool leakage) {
  model::EvaluationOptions options =
      exact ? model::EvaluationOptions() : model::timeloopOptions();
  options.linkTransfers = linkTransfers;
  options.leakage = leakage;
  return options;
}

void accel::python::checkSame(const PyMapping &mapping, const ArchPtr &arch,
                              const WorkloadPtr &workload) {
  if (mapping.arch != arch || mapping.workload != workload)
    throw Error("the mapping was built for another architecture or workload");
}

/// Runs `visit(i, result)` for every mapping, in parallel with one
/// evaluator per thread and without the GIL; `visit` must only touch slot i.
template <typename Visit>
static void evaluateAll(const ArchPtr &arch, const WorkloadPtr &workload,
                        const std::vector<std::shared_ptr<PyMapping>> &mappings,
                        unsigned threads,
                        const model::EvaluationOptions &options, Visit visit) {
  for (const auto &mapping : mappings)
    checkSame(*mapping, arch, workload);
  unsigned workers =
      threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<size_t>(
      {workers, std::max<size_t>(1, mappings.size() / 64),
       std::max(1u, 4 * std::thread::hardware_concurrency())}));
  runInterruptibly([&](const std::atomic<bool> &cancel) {
    std::atomic<size_t> next{0};
    auto run = [&] {
      model::Evaluator evaluator(*workload, *arch, options);
      model::Result result;
      for (size_t i = next.fetch_add(1);
           i < mappings.size() && !cancel.load(std::memory_order_relaxed);
           i = next.fetch_add(1)) {
        evaluator.evaluate(mappings[i]->mapping, result);
        visit(i, result);
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < workers; ++t)
      pool.emplace_back(run);
    run();
    for (std::thread &thread : pool)
      thread.join();
  });
}

std::vector<std::shared_ptr<PyResult>> accel::python::evaluateBatch(
    ArchPtr arch, WorkloadPtr workload,
    const std::vector<std::shared_ptr<PyMapping>> &mappings, unsigned threads,
    bool exact, bool linkTransfers, bool leakage) {
  std::vector<std::shared_ptr<PyResult>> out(mappings.size());
  for (auto &slot : out)
    slot = std::make_shared<PyResult>(PyResult{{}, arch, workload});
  evaluateAll(
      arch, workload, mappings, threads,
      evaluationOptions(exact, linkTransfers, leakage),
      [&](size_t i, const model::Result &result) { out[i]->result = result; });
  return out;
}

/// Per mapping (valid, energy pJ, cycles, utilization): the few numbers a
/// tuner ranks by, without keeping every level's statistics.
std::vector<std::tuple<bool, double, int64_t, double>>
accel::python::scoreBatch(
    ArchPtr arch, WorkloadPtr workload,
    const std::vector<std::shared_ptr<PyMapping>> &mappings, unsigned threads,
    bool exact, bool linkTransfers, bool leakage) {
  std::vector<std::tuple<bool, double, int64_t, double>> out(mappings.size());
  evaluateAll(arch, workload, mappings, threads,
              evaluationOptions(exact, linkTransfers, leakage),
              [&](size_t i, const model::Result &result) {
                out[i] = {result.valid, result.energy, result.cycles,
                          result.utilization};
              });
  return out;
}
