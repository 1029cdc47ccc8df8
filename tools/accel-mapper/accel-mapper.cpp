//===- accel-mapper.cpp - Find the best mapping, Timeloop style -----------===//
//
// Takes the files a Timeloop user passes to timeloop-mapper (architecture,
// problem, constraints, mapper settings, ERT/ART, or one processed input),
// searches the mapspace and writes the best mapping as Timeloop does
// (<prefix>.map.yaml, .map.txt, .stats.txt) plus <prefix>.json.
//
//===----------------------------------------------------------------------===//

#include "../VersionPrinter.h"
#include "accel/Interop/ResultJson.h"
#include "accel/Interop/TimeloopConstraints.h"
#include "accel/Interop/TimeloopInput.h"
#include "accel/Interop/TimeloopMapperSettings.h"
#include "accel/Interop/TimeloopMappingWriter.h"
#include "accel/Interop/TimeloopStats.h"
#include "accel/Mapper/Search.h"

#include "llvm/ADT/StringExtras.h"
#include "../ToolSupport.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <thread>

using namespace accel;
namespace cl = llvm::cl;

static cl::OptionCategory category("accel-mapper options");
static cl::list<std::string> inputs(cl::Positional, cl::OneOrMore,
                                    cl::desc("<timeloop yaml files>"),
                                    cl::cat(category));
static cl::opt<std::string>
    outPrefix("o", cl::desc("Output file prefix (default: accel-mapper)"),
              cl::value_desc("prefix"), cl::init("accel-mapper"),
              cl::cat(category));
static cl::opt<std::string> strategyOption(
    "strategy",
    cl::desc("exhaustive, hybrid or random (default: the mapper settings' "
             "algorithm, else hybrid)"),
    cl::cat(category));
static cl::opt<std::string> objectiveOption(
    "objective",
    cl::desc("edp, energy, delay, last_level_accesses, or a comma-separated "
             "list compared in order (default: the mapper settings', else "
             "edp)"),
    cl::cat(category));
static cl::opt<uint64_t>
    maxEvaluations("max-evaluations",
                   cl::desc("Stop after this many model evaluations"),
                   cl::cat(category));
static cl::opt<double> timeLimit("time-limit",
                                 cl::desc("Stop after this many seconds"),
                                 cl::cat(category));
static cl::opt<uint64_t> victory(
    "victory",
    cl::desc("Stop after this many candidates in a row that do not improve "
             "(random: single mappings; hybrid: local searches)"),
    cl::cat(category));
static cl::opt<unsigned>
    threads("num-threads", cl::desc("Worker threads (default: all cores)"),
            cl::cat(category));
static cl::opt<uint64_t> seed("seed", cl::desc("Random seed"), cl::init(1),
                              cl::cat(category));
static cl::opt<bool> progress(
    "progress",
    cl::desc("Report progress on stderr (default when it is a terminal)"),
    cl::cat(category));
static cl::opt<bool> imperfectFactors(
    "imperfect-factors",
    cl::desc("Also search factors that do not divide their dimension (the "
             "last tile is partial); default: as the mapspace template says "
             "(ruby: yes, uber: no)"),
    cl::cat(category));
static tools::ModelFlags modelFlags(category);

static int fail(const llvm::Twine &message) {
  return tools::fail("accel-mapper", message);
}

static bool writeFile(const std::string &path,
                      llvm::function_ref<void(llvm::raw_ostream &)> write) {
  return tools::writeFile("accel-mapper", path, write);
}

/// Search options: Timeloop's mapper settings, overridden by flags.
static llvm::Expected<mapper::SearchOptions>
searchOptions(const interop::TimeloopInput &input) {
  mapper::SearchOptions options;
  interop::TimeloopMapperSettings settings;
  if (input.mapperSettings) {
    llvm::Expected<interop::TimeloopMapperSettings> parsed =
        interop::parseTimeloopMapperSettings(*input.mapperSettings);
    if (!parsed)
      return parsed.takeError();
    settings = std::move(*parsed);
  }
  // Timeloop's exhaustive algorithms map to ours; its sampling algorithms
  // (random, random_pruned, hybrid) all become our hybrid search, which
  // finds better mappings with fewer evaluations. Their victory conditions
  // count single mappings, so they are not carried over either.
  std::string strategy = strategyOption.getValue();
  bool timeloopSampling = false;
  if (strategy.empty()) {
    strategy = settings.algorithm.value_or("hybrid");
    std::optional<mapper::Strategy> timeloop = mapper::parseStrategy(strategy);
    if (timeloop && *timeloop != mapper::Strategy::Exhaustive) {
      strategy = "hybrid";
      timeloopSampling = true;
    }
  }
  std::string objective = objectiveOption.empty()
                              ? llvm::join(settings.metrics, ",")
                              : objectiveOption.getValue();
  unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  // The flags win over the Timeloop mapper settings; the shared parser
  // validates the result as map-to-arch and Python do.
  mapper::SearchSettings resolved;
  resolved.objective = objective.empty() ? "edp" : objective;
  resolved.strategy = strategy;
  resolved.threads =
      threads.getNumOccurrences()
          ? threads.getValue()
          : std::min(settings.threads.value_or(hardware), hardware);
  resolved.maxEvaluations = maxEvaluations.getNumOccurrences()
                                ? maxEvaluations.getValue()
                                : settings.searchSize.value_or(0);
  resolved.victoryCondition =
      victory.getNumOccurrences()
          ? victory.getValue()
          : (timeloopSampling ? 0 : settings.victoryCondition.value_or(0));
  resolved.timeLimitSeconds = timeLimit;
  resolved.imperfectFactors = imperfectFactors.getNumOccurrences()
                                  ? imperfectFactors.getValue()
                                  : input.rubyMapspace;
  resolved.seed = seed;
  resolved.progress = progress || llvm::sys::Process::StandardErrIsDisplayed();
  llvm::Expected<mapper::SearchOptions> built =
      mapper::buildSearchOptions(resolved);
  if (!built)
    return built.takeError();
  options = std::move(*built);
  llvm::Expected<model::EvaluationOptions> evaluation =
      modelFlags.evaluationOptions();
  if (!evaluation)
    return evaluation.takeError();
  options.evaluation = *evaluation;
  return options;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  accel::tools::registerVersionPrinter();
  cl::ParseCommandLineOptions(
      argc, argv,
      "accel-mapper: find the best mapping of a workload on an architecture\n\n"
      "Takes the same files as timeloop-mapper; later files override the\n"
      "top-level keys of earlier ones. Flags override the 'mapper' section.\n");

  std::optional<interop::TimeloopInput> input =
      tools::loadInputs(inputs, "accel-mapper", modelFlags.quiet);
  if (!input)
    return 1;
  llvm::Expected<model::MappingConstraints> constraints =
      interop::timeloopMappingConstraints(*input);
  if (!constraints)
    return fail(llvm::toString(constraints.takeError()));
  llvm::Expected<mapper::SearchOptions> options = searchOptions(*input);
  if (!options)
    return fail(llvm::toString(options.takeError()));

  // Outputs that cannot be written fail now, not after the search.
  for (const char *suffix : {".map.yaml", ".map.txt", ".stats.txt", ".json"})
    if (llvm::Error error =
            tools::checkWritable(outPrefix.getValue() + suffix))
      return fail(llvm::toString(std::move(error)));

  const model::Workload &workload = input->workload;
  const model::Architecture &arch = input->architecture.arch;
  llvm::Expected<mapper::SearchResult> searched =
      mapper::searchMapping(workload, arch, *constraints, *options);
  if (!searched)
    return fail("the constraints cannot be satisfied: " +
                llvm::toString(searched.takeError()));
  const mapper::SearchResult &search = *searched;
  if (!search.found)
    return fail("no valid mapping found (" +
                std::to_string(search.evaluations) +
                " evaluated); check buffer sizes and constraints");

  const model::Mapping &mapping = search.mapping;
  const model::Result &result = search.result;
  auto writeJson = [&](llvm::raw_ostream &os) {
    llvm::json::Object json{
        {"status", stringifyStatus(search.status)},
        {"strategy", stringifyStrategy(options->strategy)},
        {"objective", options->objective.str()},
        {"evaluations", static_cast<int64_t>(search.evaluations)},
        {"valid_mappings", static_cast<int64_t>(search.validMappings)},
        {"seconds", search.seconds},
        {"mapping", interop::compactMapping(workload, arch, mapping)},
        {"result", interop::resultToJson(workload, arch, result)}};
    if (options->strategy == mapper::Strategy::Exhaustive) {
      json["lower_bound"] = search.lowerBound;
      json["gap"] = search.gap;
    }
    os << llvm::formatv("{0:2}", llvm::json::Value(std::move(json))) << "\n";
  };
  const std::string &prefix = outPrefix;
  if (!writeFile(prefix + ".map.yaml",
                 [&](llvm::raw_ostream &os) {
                   interop::writeYaml(
                       os, interop::yamlMapping(
                               {{"mapping", interop::timeloopMappingDirectives(
                                                workload, arch, mapping)}}));
                 }) ||
      !writeFile(prefix + ".map.txt",
                 [&](llvm::raw_ostream &os) {
                   interop::writeTimeloopMap(os, workload, arch, mapping,
                                             result);
                 }) ||
      !writeFile(prefix + ".stats.txt",
                 [&](llvm::raw_ostream &os) {
                   interop::writeTimeloopStats(os, workload, arch, mapping,
                                               result);
                 }) ||
      !writeFile(prefix + ".json", writeJson))
    return 1;

  llvm::raw_ostream &os = llvm::outs();
  os << "Search: " << stringifyStrategy(options->strategy) << ", "
     << stringifyStatus(search.status);
  if (options->strategy == mapper::Strategy::Exhaustive &&
      search.status != mapper::SearchStatus::Optimal)
    os << llvm::formatv(" (gap to lower bound {0:P2})", search.gap);
  os << ", " << search.evaluations << " evaluations (" << search.validMappings
     << " valid) in " << llvm::formatv("{0:F2}", search.seconds) << " s\n";
  os << "Best mapping: " << interop::compactMapping(workload, arch, mapping)
     << "\n";
  os << llvm::formatv("Energy: {0} pJ ({1:F3} fJ/Compute)\n", result.energy,
                      result.femtojoulesPerCompute());
  os << "Cycles: " << result.cycles << "\n";
  os << llvm::formatv("Utilization: {0:P2}\n", result.utilization);
  os << llvm::formatv("EDP: {0:e} pJ*cycles\n", result.edp());
  os << "Wrote " << prefix << ".map.yaml, .map.txt, .stats.txt, .json\n";
  return 0;
}
