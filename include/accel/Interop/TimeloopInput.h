//===- TimeloopInput.h - Reading Timeloop's YAML inputs ------------*- C++ -*-===//
//
// Reads what Timeloop users have: the processed form Timeloop's C++ consumes
// (parsed-processed-input.yaml: architecture subtree, problem shape and
// instance, mapping directives), the v0.4 `nodes:` form with !Container and
// !Component (flattened as Timeloop's front end does), the older ISPASS
// `arch:` form, separate architecture / problem / mapping files, and ERT /
// ART energy and area tables. Several files merge their top-level keys, a
// later file overriding an earlier one.
//
// Errors are llvm::Errors whose message starts with "file:line:column:".
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INTEROP_TIMELOOPINPUT_H
#define ACCEL_INTEROP_TIMELOOPINPUT_H

#include "accel/Interop/YamlTree.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>
#include <vector>

namespace accel::interop {

/// An architecture read from Timeloop YAML, with what the mapping and
/// constraint readers need to resolve level names.
struct TimeloopArchitecture {
  model::Architecture arch;
  /// Names that refer to a level under another name: a v0.4 container with
  /// a spatial fanout is represented by its `inter_<name>_spatial` level.
  llvm::StringMap<std::string> aliases;
  /// Components with their own spatial fanout: spatial directives that
  /// name them apply to their `inter_<name>_spatial` level.
  llvm::StringMap<std::string> spatialAliases;
  /// Constraint directives written inside v0.4 nodes, already retargeted.
  std::vector<YamlNode> nodeConstraints;
};

struct TimeloopInput {
  model::Workload workload;
  TimeloopArchitecture architecture;
  /// The mapping, when the inputs give a non-empty one.
  std::optional<model::Mapping> mapping;
  /// Constraint directives (architecture_constraints, mapspace_constraints
  /// and those inside v0.4 nodes), for the mapper.
  std::vector<YamlNode> constraints;
  /// The `mapper:` section, if any.
  std::optional<YamlNode> mapperSettings;
  /// Whether `mapspace: {template: ruby}` asks for imperfect factors
  /// (Timeloop's Ruby mapspace; `uber`, the default, has perfect ones).
  bool rubyMapspace = false;
  /// The merged document, for sections other readers need.
  YamlNode document;
  std::vector<std::string> warnings;
};

/// Reads and merges `paths`, then interprets the merged document.
llvm::Expected<TimeloopInput> loadTimeloopFiles(llvm::ArrayRef<std::string> paths);

/// Interprets a merged document.
llvm::Expected<TimeloopInput> loadTimeloopDocument(YamlNode document);

/// The pieces, usable on their own.
llvm::Expected<model::Workload> parseTimeloopProblem(const YamlNode &problem);
llvm::Expected<TimeloopArchitecture>
parseTimeloopArchitecture(const YamlNode &document,
                          std::vector<std::string> &warnings);
/// Resolves a directive `target` (level name, alias or storage index).
llvm::Expected<int> resolveTimeloopTarget(const YamlNode &target,
                                          const TimeloopArchitecture &arch);
/// Resolves the target of a directive of `type`: a spatial directive that
/// names a component with its own fanout applies to that fanout's level.
llvm::Expected<int> resolveTimeloopDirectiveTarget(
    const YamlNode &target, llvm::StringRef type,
    const TimeloopArchitecture &arch);
llvm::Expected<model::Mapping>
parseTimeloopMapping(const YamlNode &mapping, const model::Workload &workload,
                     const TimeloopArchitecture &arch,
                     std::vector<std::string> &warnings);

/// Parses a Timeloop factor string ("C1 M8", "R=3,P=1", "K = 16") into
/// per-dimension factors (0 = the whole bound), checking names against the
/// workload. `residuals` receives `D=4,3` residual ends.
llvm::Error parseTimeloopFactors(const YamlNode &node,
                                 const model::Workload &workload,
                                 llvm::SmallVectorImpl<int64_t> &factors,
                                 llvm::SmallVectorImpl<int64_t> *residuals =
                                     nullptr);
/// Parses a permutation (string of dimension letters or list of names,
/// innermost first) into dimension indices.
llvm::Error parseTimeloopPermutation(const YamlNode &node,
                                     const model::Workload &workload,
                                     llvm::SmallVectorImpl<int> &order);

} // namespace accel::interop

#endif // ACCEL_INTEROP_TIMELOOPINPUT_H
