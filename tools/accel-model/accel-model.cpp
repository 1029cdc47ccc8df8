//===- accel-model.cpp - Evaluate a mapping, Timeloop style ---------------===//
//
// Takes the files a Timeloop user passes to timeloop-model (architecture,
// problem, mapping, ERT/ART, or one processed input) and prints the
// evaluation in Timeloop's stats layout, or as JSON.
//
//===----------------------------------------------------------------------===//

#include "../VersionPrinter.h"
#include "accel/Interop/ResultJson.h"
#include "accel/Interop/TimeloopConstraints.h"
#include "accel/Interop/TimeloopInput.h"
#include "accel/Interop/TimeloopStats.h"
#include "accel/Model/Evaluation.h"

#include "../ToolSupport.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace accel;
namespace cl = llvm::cl;

static cl::OptionCategory category("accel-model options");
static cl::list<std::string> inputs(cl::Positional, cl::OneOrMore,
                                    cl::desc("<timeloop yaml files>"),
                                    cl::cat(category));
static cl::opt<bool> json("json", cl::desc("Print the result as JSON"),
                          cl::cat(category));
static cl::opt<bool> printMap("map",
                              cl::desc("Also print the loop nest (map.txt)"),
                              cl::cat(category));
static cl::opt<std::string>
    outPrefix("o",
              cl::desc("Write <prefix>.stats.txt, <prefix>.map.txt and "
                       "<prefix>.json instead of printing"),
              cl::value_desc("prefix"), cl::cat(category));
static tools::ModelFlags modelFlags(category);

static int fail(const llvm::Twine &message) {
  return tools::fail("accel-model", message);
}

static bool writeFile(const std::string &path,
                      llvm::function_ref<void(llvm::raw_ostream &)> write) {
  return tools::writeFile("accel-model", path, write);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  accel::tools::registerVersionPrinter();
  cl::ParseCommandLineOptions(
      argc, argv,
      "accel-model: project the energy and cycles of a mapping\n\n"
      "Takes the same files as timeloop-model; later files override the\n"
      "top-level keys of earlier ones.\n");

  std::optional<interop::TimeloopInput> input =
      tools::loadInputs(inputs, "accel-model", modelFlags.quiet);
  if (!input)
    return 1;
  if (!input->mapping)
    return fail("the inputs give no mapping (a 'mapping' list of directives)");

  llvm::Expected<model::EvaluationOptions> options =
      modelFlags.evaluationOptions();
  if (!options)
    return fail(llvm::toString(options.takeError()));
  const model::Workload &workload = input->workload;
  const model::Architecture &arch = input->architecture.arch;
  // Outputs that cannot be written fail before the work.
  if (!outPrefix.empty())
    for (const char *suffix : {".json", ".stats.txt", ".map.txt"})
      if (llvm::Error error =
              tools::checkWritable(outPrefix.getValue() + suffix))
        return fail(llvm::toString(std::move(error)));
  // timeloop-model refuses a mapping its constraints forbid; evaluating it
  // anyway is useful, but say so.
  if (!modelFlags.quiet) {
    llvm::Expected<model::MappingConstraints> constraints =
        interop::timeloopMappingConstraints(*input);
    std::string violation =
        constraints ? constraints->check(*input->mapping, workload, arch)
                    : llvm::toString(constraints.takeError());
    if (!violation.empty())
      llvm::WithColor::warning(llvm::errs(), "accel-model")
          << "the mapping does not meet the input's constraints ("
          << violation << "); timeloop-model would refuse it\n";
  }
  model::Result result =
      model::evaluate(workload, arch, *input->mapping, *options);
  if (!result.note.empty() && !modelFlags.quiet)
    llvm::WithColor::warning(llvm::errs(), "accel-model") << result.note << "\n";

  auto writeJson = [&](llvm::raw_ostream &os) {
    os << llvm::formatv("{0:2}", interop::resultToJson(workload, arch, result))
       << "\n";
  };
  auto writeStats = [&](llvm::raw_ostream &os) {
    interop::writeTimeloopStats(os, workload, arch, *input->mapping, result);
  };
  auto writeMap = [&](llvm::raw_ostream &os) {
    interop::writeTimeloopMap(os, workload, arch, *input->mapping, result);
  };

  if (!outPrefix.empty()) {
    if (!writeFile(outPrefix + ".json", writeJson))
      return 1;
    if (result.valid && (!writeFile(outPrefix + ".stats.txt", writeStats) ||
                         !writeFile(outPrefix + ".map.txt", writeMap)))
      return 1;
  } else if (json) {
    writeJson(llvm::outs());
  } else if (result.valid) {
    writeStats(llvm::outs());
    if (printMap) {
      llvm::outs() << "\n";
      writeMap(llvm::outs());
    }
  }
  if (!result.valid)
    return fail((result.failure == model::FailureKind::Overflow
                     ? "cannot evaluate the mapping: "
                     : "the mapping is invalid: ") +
                result.reason);
  return 0;
}
