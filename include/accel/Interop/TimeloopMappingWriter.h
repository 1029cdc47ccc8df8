//===- TimeloopMappingWriter.h - Mappings as Timeloop directives --*- C++ -*-===//
//
// Writes a mapping as the `mapping:` list timeloop-model reads (and
// timeloop-mapper writes as *.map.yaml): per level, outermost first, a
// temporal directive, a spatial one (with its split) where the level fans
// out, and a keep / bypass directive. Factors are given for every
// dimension; permutations list the non-unit loops innermost first, then the
// unit dimensions in order.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INTEROP_TIMELOOPMAPPINGWRITER_H
#define ACCEL_INTEROP_TIMELOOPMAPPINGWRITER_H

#include "accel/Interop/YamlTree.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/Mapping.h"
#include "accel/Model/Workload.h"

namespace accel::interop {

YamlNode timeloopMappingDirectives(const model::Workload &workload,
                                   const model::Architecture &arch,
                                   const model::Mapping &mapping);

} // namespace accel::interop

#endif // ACCEL_INTEROP_TIMELOOPMAPPINGWRITER_H
