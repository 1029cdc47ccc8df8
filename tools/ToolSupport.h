//===- ToolSupport.h - What the Timeloop-style tools share --------*- C++ -*-===//
//
// accel-model and accel-mapper take the same model flags and write files
// the same way; each includes this once (the flags register at start-up).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TOOLS_TOOLSUPPORT_H
#define ACCEL_TOOLS_TOOLSUPPORT_H

#include "accel/Interop/TimeloopInput.h"
#include "accel/Model/Evaluation.h"
#include "OutputFile.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace accel::tools {

/// The counting and energy switches of the model.
struct ModelFlags {
  explicit ModelFlags(llvm::cl::OptionCategory &category)
      : timeloopCompat(
            "timeloop-compat", llvm::cl::ValueOptional,
            llvm::cl::value_desc("2024|2025"),
            llvm::cl::desc(
                "Count as Timeloop master does (two iterations per loop, "
                "extrapolated) instead of exactly: as in 2024, which "
                "produced its reference outputs (the default), or after its "
                "January 2025 reuse-filter fix"),
            llvm::cl::cat(category)),
        noLinkTransfers(
            "no-link-transfers",
            llvm::cl::desc("Do not let neighbouring instances forward data"),
            llvm::cl::cat(category)),
        noLeakage("no-leakage",
                  llvm::cl::desc("Ignore leakage (Timeloop v3.0.3)"),
                  llvm::cl::cat(category)),
        quiet("quiet", llvm::cl::desc("Do not print warnings"),
              llvm::cl::cat(category)) {}

  /// The options the flags select, or why the Timeloop version is not one
  /// we know.
  llvm::Expected<model::EvaluationOptions> evaluationOptions() const {
    model::EvaluationOptions options;
    if (timeloopCompat.getNumOccurrences()) {
      std::optional<model::TimeloopVersion> version =
          timeloopCompat.empty()
              ? model::TimeloopVersion::Master2024
              : model::parseTimeloopVersion(timeloopCompat);
      if (!version)
        return llvm::createStringError(
            "--timeloop-compat takes 2024 or 2025, not '" +
            timeloopCompat.getValue() + "'");
      options = model::timeloopOptions(*version);
    }
    options.linkTransfers = !noLinkTransfers;
    options.leakage = !noLeakage;
    return options;
  }

  llvm::cl::opt<std::string> timeloopCompat;
  llvm::cl::opt<bool> noLinkTransfers, noLeakage, quiet;
};

/// Prints "<tool>: error: <message>" and returns the exit code 1.
inline int fail(llvm::StringRef tool, const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), tool) << message << "\n";
  return 1;
}

/// Writes a file with `write`, atomically (OutputFile.h); false (after an
/// error naming the file) when it cannot.
inline bool writeFile(llvm::StringRef tool, const std::string &path,
                      llvm::function_ref<void(llvm::raw_ostream &)> write) {
  if (llvm::Error error = writeFileAtomically(path, write)) {
    fail(tool, llvm::toString(std::move(error)));
    return false;
  }
  return true;
}

/// Reads and merges Timeloop input files, printing their warnings unless
/// `quiet`; nullopt after printing the error.
inline std::optional<interop::TimeloopInput>
loadInputs(llvm::ArrayRef<std::string> paths, llvm::StringRef tool,
           bool quiet) {
  llvm::Expected<interop::TimeloopInput> input =
      interop::loadTimeloopFiles(paths);
  if (!input) {
    fail(tool, llvm::toString(input.takeError()));
    return std::nullopt;
  }
  if (!quiet)
    for (const std::string &warning : input->warnings)
      llvm::WithColor::warning(llvm::errs(), tool) << warning << "\n";
  return std::move(*input);
}

} // namespace accel::tools

#endif // ACCEL_TOOLS_TOOLSUPPORT_H
