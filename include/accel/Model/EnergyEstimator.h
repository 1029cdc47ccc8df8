//===- EnergyEstimator.h - Energy and area of generated designs ----*- C++ -*-===//
//
// Accelergy's role for designs built from parameters: energy per access and
// area of SRAMs, register files and DRAM, and energy and area of MACs, as
// functions of capacity, access width, banks, operand bits and technology
// node, from published anchor points (docs/energy-estimator.md cites them and
// compares the estimates with the Accelergy tables of the bundled Timeloop
// designs). Estimates, not sign-off numbers: within a factor of about two
// of CACTI-derived tables for the sizes accelerators use.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_ENERGYESTIMATOR_H
#define ACCEL_MODEL_ENERGYESTIMATOR_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace accel::model {

enum class DramType { LPDDR4, DDR4, GDDR6, HBM2 };

std::optional<DramType> parseDramType(llvm::StringRef name);
llvm::StringRef stringifyDramType(DramType type);

/// Energy per bit moved to or from a DRAM of `type` (pJ/bit).
double dramEnergyPerBit(DramType type);

struct StorageEstimate {
  double readEnergy = 0;  ///< pJ per access of the full width
  double writeEnergy = 0; ///< pJ per access of the full width
  double leakEnergy = 0;  ///< pJ per cycle (at 1 GHz)
  double area = 0;        ///< um^2
};

/// An on-chip SRAM of `capacityBits` bits accessed `widthBits` at a time,
/// split into `banks` banks, at `nodeNm` nanometres.
StorageEstimate estimateSram(int64_t capacityBits, int64_t widthBits,
                             int64_t banks, double nodeNm);

/// A register file (flip-flops and a read multiplexer) of `entries` entries
/// of `widthBits` bits.
StorageEstimate estimateRegisterFile(int64_t entries, int64_t widthBits,
                                     double nodeNm);

struct ComputeEstimate {
  double energy = 0; ///< pJ per multiply-accumulate
  double area = 0;   ///< um^2
};

/// An integer multiply-accumulate of `bits`-bit operands (accumulating in
/// about twice as many bits).
ComputeEstimate estimateMac(int64_t bits, double nodeNm);

/// Multipliers from 45 nm to `nodeNm` for dynamic energy (C V^2, with the
/// supply voltage of the node) and for area (feature size squared).
double technologyEnergyScale(double nodeNm);
double technologyAreaScale(double nodeNm);

} // namespace accel::model

#endif // ACCEL_MODEL_ENERGYESTIMATOR_H
