//===- MapperBench.cpp - Mapper time-to-quality on Timeloop's exercise ----===//
//
// Tutorial 06 (VGG02 layer 5 on eyeriss_like with Timeloop's constraints):
// Timeloop's mapper needed 203 CPU-seconds and 38,563 evaluations to reach
// 2.989 pJ/MAC at 5,505,024 cycles. This prints, for growing evaluation
// budgets of the hybrid search (one thread), the CPU time, the best EDP and
// its ratio to Timeloop's; then the exhaustive search's time to prove the
// optimum (both threads), unless --no-exhaustive.
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopConstraints.h"
#include "accel/Interop/TimeloopInput.h"
#include "accel/Mapper/Search.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>

using namespace accel;

int main(int argc, char **argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  bool exhaustive = !(argc > 1 && std::strcmp(argv[1], "--no-exhaustive") == 0);
  const std::string dir = std::string(ACCEL_TEST_INPUTS) +
                          "/timeloop-reference/tutorial/"
                          "06-mapper-convlayer-eyeriss/ref/";
  llvm::Expected<interop::TimeloopInput> input = interop::loadTimeloopFiles(
      {dir + "parsed-processed-input.yaml", dir + "timeloop-mapper.ERT.yaml",
       dir + "timeloop-mapper.ART.yaml"});
  if (!input) {
    std::fprintf(stderr, "%s\n", llvm::toString(input.takeError()).c_str());
    return 1;
  }
  llvm::Expected<model::MappingConstraints> constraints =
      interop::timeloopMappingConstraints(*input);
  if (!constraints) {
    std::fprintf(stderr, "%s\n",
                 llvm::toString(constraints.takeError()).c_str());
    return 1;
  }
  const model::Workload &workload = input->workload;
  const model::Architecture &arch = input->architecture.arch;
  const double macs = static_cast<double>(workload.numOperations());
  // Timeloop's result: 2989.02 fJ/MAC at 5,505,024 cycles.
  const double timeloopEdp = 2989.02e-3 * macs * 5505024.0;

  for (bool imperfect : {false, true}) {
    std::printf("tutorial 06, hybrid search, 1 thread, objective EDP, %s "
                "factors\n",
                imperfect ? "imperfect" : "perfect");
    std::printf("%12s %10s %12s %10s %14s %10s\n", "evaluations", "CPU s",
                "evals/s", "pJ/MAC", "cycles", "EDP ratio");
    for (uint64_t budget : {1000, 2000, 5000, 10000, 20000, 50000, 100000}) {
      mapper::SearchOptions options;
      options.strategy = mapper::Strategy::Hybrid;
      options.objective = *mapper::Objective::parse("edp");
      options.threads = 1;
      options.maxEvaluations = budget;
      options.imperfectFactors = imperfect;
      std::clock_t start = std::clock();
      mapper::SearchResult result = llvm::cantFail(
          mapper::searchMapping(workload, arch, *constraints, options));
      double seconds =
          static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
      if (!result.found)
        return 1;
      std::printf("%12llu %10.3f %12.0f %10.4f %14lld %10.4f\n",
                  static_cast<unsigned long long>(result.evaluations), seconds,
                  static_cast<double>(result.evaluations) / seconds,
                  result.result.energy / macs,
                  static_cast<long long>(result.result.cycles),
                  result.result.edp() / timeloopEdp);
    }
    std::printf("\n");
  }

  if (exhaustive) {
    struct Run {
      const char *objective;
      bool imperfect;
    };
    for (Run run : {Run{"delay,energy", false}, Run{"edp", false},
                    Run{"delay,energy", true}}) {
      mapper::SearchOptions options;
      options.strategy = mapper::Strategy::Exhaustive;
      options.objective = *mapper::Objective::parse(run.objective);
      options.imperfectFactors = run.imperfect;
      options.timeLimitSeconds = 600;
      auto start = std::chrono::steady_clock::now();
      std::clock_t cpuStart = std::clock();
      mapper::SearchResult result = llvm::cantFail(
          mapper::searchMapping(workload, arch, *constraints, options));
      double wall = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - start)
                        .count();
      double cpu =
          static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
      std::printf("exhaustive, objective %s, %s factors, all threads: %s "
                  "after %.1f s (%.1f CPU s), %llu evaluations; best %.4f "
                  "pJ/MAC at %lld cycles, EDP ratio %.4f, gap %.4f\n",
                  run.objective, run.imperfect ? "imperfect" : "perfect",
                  mapper::stringifyStatus(result.status).data(), wall, cpu,
                  static_cast<unsigned long long>(result.evaluations),
                  result.result.energy / macs,
                  static_cast<long long>(result.result.cycles),
                  result.result.edp() / timeloopEdp, result.gap);
    }
  }
  return 0;
}
