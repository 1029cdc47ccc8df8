//===- VersionPrinter.h - --version names Accel, not only LLVM ---*- C++ -*-===//

#ifndef ACCEL_TOOLS_VERSIONPRINTER_H
#define ACCEL_TOOLS_VERSIONPRINTER_H

#include "accel/Version.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace accel::tools {

/// Makes `--version` print Accel's version before LLVM's. Call before the
/// command line is parsed.
inline void registerVersionPrinter() {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "Accel version " << ACCEL_VERSION_STRING << "\n";
  });
}

} // namespace accel::tools

#endif // ACCEL_TOOLS_VERSIONPRINTER_H
