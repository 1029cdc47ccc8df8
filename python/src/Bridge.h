//===- Bridge.h - MLIR-side helpers of the Python package ---------*- C++ -*-===//
//
// What the Python package needs from the IR side, with errors as messages:
// architectures from a bundled name, an .mlir file or Timeloop YAML;
// workloads from MLIR text; mappings from #accel.mapping text; and the
// map-to-arch pass on a module's text.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_PYTHON_BRIDGE_H
#define ACCEL_PYTHON_BRIDGE_H

#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

#include <string>
#include <vector>

namespace accel::python {

/// An architecture from a bundled name, an .mlir file or comma-separated
/// Timeloop YAML files; the errors carry MLIR's diagnostics.
llvm::Expected<model::Architecture> loadArchitecture(const std::string &spec);

/// The workload of the `index`-th linalg op of a module.
llvm::Expected<model::Workload> workloadFromMlir(const std::string &text,
                                                 unsigned index);

/// A mapping from `#accel.mapping<...>` text.
llvm::Expected<model::Mapping>
mappingFromAttribute(const std::string &text, const model::Workload &workload,
                     const model::Architecture &arch);

/// `#accel.mapping<@archName, ...>` text of a mapping.
std::string mappingToAttribute(const model::Mapping &mapping,
                               const model::Workload &workload,
                               const model::Architecture &arch,
                               const std::string &archName);

/// Runs map-to-arch with `options` on a module; the annotated module's
/// text.
llvm::Expected<std::string> mapModule(const std::string &text,
                                      const AccelMapToArchOptions &options);

} // namespace accel::python

#endif // ACCEL_PYTHON_BRIDGE_H
