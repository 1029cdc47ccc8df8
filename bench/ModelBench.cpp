//===- ModelBench.cpp - Evaluations per second of the model ---------------===//
//
// evaluate() on the eyeriss_like reference mapping and on tutorial 06's
// VGG02 layer-5 mapping, one thread, reusing one Evaluator as a mapper does.
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopInput.h"
#include "accel/Model/Evaluation.h"

#include "benchmark/benchmark.h"

#include <cstdlib>
#include <iostream>

using namespace accel;

static interop::TimeloopInput loadCase(const std::string &directory) {
  std::string dir =
      std::string(ACCEL_TEST_INPUTS) + "/timeloop-reference/" + directory + "/";
  std::vector<std::string> files = {
      dir + "parsed-processed-input.yaml", dir + "timeloop-mapper.ERT.yaml",
      dir + "timeloop-mapper.ART.yaml", dir + "timeloop-mapper.map.yaml"};
  llvm::Expected<interop::TimeloopInput> input =
      interop::loadTimeloopFiles(files);
  if (!input) {
    std::cerr << llvm::toString(input.takeError()) << "\n";
    std::exit(1);
  }
  return std::move(*input);
}

static void benchmarkCase(benchmark::State &state, const std::string &directory,
                          bool exact) {
  interop::TimeloopInput input = loadCase(directory);
  model::EvaluationOptions options =
      exact ? model::EvaluationOptions() : model::timeloopOptions();
  model::Evaluator evaluator(input.workload, input.architecture.arch, options);
  model::Result result;
  for (auto _ : state) {
    evaluator.evaluate(*input.mapping, result);
    benchmark::DoNotOptimize(result.energy);
  }
  if (!result.valid)
    state.SkipWithError(result.reason.c_str());
  state.counters["evals/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

static void BM_EyerissLike(benchmark::State &state) {
  benchmarkCase(state, "designs/eyeriss_like/ref", true);
}
static void BM_EyerissLikeTimeloopCompat(benchmark::State &state) {
  benchmarkCase(state, "designs/eyeriss_like/ref", false);
}
static void BM_Vgg02Layer5(benchmark::State &state) {
  benchmarkCase(state, "tutorial/06-mapper-convlayer-eyeriss/ref", true);
}

BENCHMARK(BM_EyerissLike);
BENCHMARK(BM_EyerissLikeTimeloopCompat);
BENCHMARK(BM_Vgg02Layer5);

BENCHMARK_MAIN();
