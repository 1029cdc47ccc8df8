//===- DefaultEnergy.h - Built-in energy model --------------------*- C++ -*-===//
//
// Energies for an architecture that gives no energy table, so a bare
// architecture still gets numbers. The formulas are Timeloop's public "PAT"
// fallback model (see docs/energy-model.md).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_DEFAULTENERGY_H
#define ACCEL_MODEL_DEFAULTENERGY_H

#include <cstdint>

namespace accel::model {

struct StorageLevel;

/// pJ per vector access of a storage level from its technology, word bits,
/// block and cluster size and capacity.
double defaultVectorAccessEnergy(const StorageLevel &level);

/// pJ per multiply-accumulate of `wordBits`-bit operands.
double defaultComputeEnergy(int64_t wordBits);

/// Fills read/fill/update energies of `level` that are not given (< 0) with
/// the default model, and records the vector access energy.
void applyDefaultEnergies(StorageLevel &level, bool readGiven, bool fillGiven,
                          bool updateGiven);

} // namespace accel::model

#endif // ACCEL_MODEL_DEFAULTENERGY_H
