//===- TimeloopConstraints.h - Timeloop mapspace constraints ------*- C++ -*-===//
//
// Applies Timeloop constraint directives (architecture_constraints,
// mapspace_constraints, constraints written in v0.4 nodes) to
// MappingConstraints: `temporal` / `spatial` factors (`D=n` fixed, `D<=n`,
// `D>=n`, `0` the whole bound), permutations (innermost first, `_` between a
// fixed innermost prefix and a fixed outermost suffix), spatial `split`,
// `bypass` keep/bypass lists and `utilization` minimums.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INTEROP_TIMELOOPCONSTRAINTS_H
#define ACCEL_INTEROP_TIMELOOPCONSTRAINTS_H

#include "accel/Interop/TimeloopInput.h"
#include "accel/Model/MappingConstraints.h"

namespace accel::interop {

llvm::Error applyTimeloopConstraints(const std::vector<YamlNode> &directives,
                                     const model::Workload &workload,
                                     const TimeloopArchitecture &arch,
                                     model::MappingConstraints &constraints);

/// Every constraint of a Timeloop input: the architecture's shape, its
/// levels' keep / bypass lists and the constraint directives.
llvm::Expected<model::MappingConstraints>
timeloopMappingConstraints(const TimeloopInput &input);

/// Parses a factor-constraint string ("N=1 C<=4 M>=2") into per-dimension
/// bounds, intersecting them with `bounds`. Unknown dimensions are an error
/// unless `ignoreUnknown`.
llvm::Error parseFactorConstraints(const YamlNode &where, llvm::StringRef text,
                                   const model::Workload &workload,
                                   std::vector<model::FactorBound> &bounds,
                                   bool ignoreUnknown = false);

} // namespace accel::interop

#endif // ACCEL_INTEROP_TIMELOOPCONSTRAINTS_H
