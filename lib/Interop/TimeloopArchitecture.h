//===- TimeloopArchitecture.h - Internal architecture readers -----*- C++ -*-===//
//
// Internal to Interop: the pieces of reading a Timeloop architecture, shared
// by the tree, v0.4 and ISPASS readers.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_INTEROP_TIMELOOPARCHITECTURE_H
#define ACCEL_LIB_INTEROP_TIMELOOPARCHITECTURE_H

#include "accel/Interop/TimeloopInput.h"

namespace accel::interop::detail {

enum class ComponentClass { Storage, Compute, Network, Other };

/// Timeloop matches component classes by substring.
ComponentClass classifyComponent(llvm::StringRef className);

/// Splits "Name[a..b]" into "Name" and b - a + 1 (1 without a range).
llvm::Error splitInstanceRange(const YamlNode &node, llvm::StringRef text,
                               std::string &name, int64_t &count);

/// Reads a buffer from its attributes (spec section 1.2.3 derivations).
/// `instances` is the count from the name's range times the multiplicity.
llvm::Error readStorageLevel(const YamlNode &component,
                             const YamlNode *attributes,
                             llvm::StringRef name, llvm::StringRef className,
                             int64_t instances, model::StorageLevel &level);

/// Reads the arithmetic level from its attributes.
llvm::Error readComputeLevel(const YamlNode &component,
                             const YamlNode *attributes, llvm::StringRef name,
                             int64_t instances, model::ComputeLevel &compute);

/// Applies ERT / ART tables (either may be null) and, for levels without
/// any, the default energy model.
llvm::Error applyEnergyTables(const YamlNode *ert, const YamlNode *art,
                              model::Architecture &arch,
                              std::vector<std::string> &warnings);

/// Reads the v0.4 `nodes:` list, flattening containers as timeloopfe does.
llvm::Error readNodesArchitecture(const YamlNode &nodes,
                                  TimeloopArchitecture &result);

} // namespace accel::interop::detail

#endif // ACCEL_LIB_INTEROP_TIMELOOPARCHITECTURE_H
