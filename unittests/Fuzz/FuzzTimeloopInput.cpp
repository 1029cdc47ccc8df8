//===- FuzzTimeloopInput.cpp - libFuzzer target: Timeloop YAML inputs -----===//
//
// Any bytes as a Timeloop input document: the YAML reader, the problem,
// architecture, constraint and mapping readers, and (when all of that
// succeeds) the model in both counting modes. Errors are fine; crashes,
// sanitizer reports and hangs are findings.
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopConstraints.h"
#include "accel/Interop/TimeloopInput.h"
#include "accel/Interop/YamlTree.h"
#include "accel/Model/Evaluation.h"

#include <cstddef>
#include <cstdint>

using namespace accel;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  llvm::Expected<interop::YamlNode> document =
      interop::parseYamlString(text, "fuzz.yaml");
  if (!document) {
    llvm::consumeError(document.takeError());
    return 0;
  }
  llvm::Expected<interop::TimeloopInput> input =
      interop::loadTimeloopDocument(std::move(*document));
  if (!input) {
    llvm::consumeError(input.takeError());
    return 0;
  }
  llvm::Expected<model::MappingConstraints> constraints =
      interop::timeloopMappingConstraints(*input);
  if (!constraints)
    llvm::consumeError(constraints.takeError());
  if (!input->mapping)
    return 0;
  for (const model::EvaluationOptions &options :
       {model::EvaluationOptions(), model::timeloopOptions()}) {
    model::Result result = model::evaluate(
        input->workload, input->architecture.arch, *input->mapping, options);
    // Counting exactly, a valid result computes every operation once.
    if (result.valid && options.exactCounts &&
        result.computes != input->workload.numOperations())
      __builtin_trap();
  }
  return 0;
}
