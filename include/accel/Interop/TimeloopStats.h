//===- TimeloopStats.h - Reports in Timeloop's layout -------------*- C++ -*-===//
//
// Writes an evaluation the way timeloop-model writes *.stats.txt and
// *.map.txt, so people can diff our numbers against Timeloop's.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INTEROP_TIMELOOPSTATS_H
#define ACCEL_INTEROP_TIMELOOPSTATS_H

#include "accel/Model/Evaluation.h"

#include "llvm/Support/raw_ostream.h"

namespace accel::interop {

/// The *.stats.txt report of `result` (a valid evaluation of `mapping`).
void writeTimeloopStats(llvm::raw_ostream &os, const model::Workload &workload,
                        const model::Architecture &arch,
                        const model::Mapping &mapping,
                        const model::Result &result);

/// The *.map.txt loop nest: per level (outermost first) its kept tiles and
/// loops.
void writeTimeloopMap(llvm::raw_ostream &os, const model::Workload &workload,
                      const model::Architecture &arch,
                      const model::Mapping &mapping,
                      const model::Result &result);

/// Timeloop's one-line mapping, outermost level first: per storage level
/// `Name[<initials of kept tensors>]` and its loops as `<dim><factor>`
/// (spatial ones suffixed X or Y), levels separated by " - ".
std::string compactMapping(const model::Workload &workload,
                           const model::Architecture &arch,
                           const model::Mapping &mapping);

} // namespace accel::interop

#endif // ACCEL_INTEROP_TIMELOOPSTATS_H
