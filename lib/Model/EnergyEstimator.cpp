//===- EnergyEstimator.cpp - Energy and area of generated designs --------===//
//
// Every constant below is an anchor from a published source, at 45 nm and
// 0.9 V unless said otherwise (docs/energy-estimator.md lists them):
//
//  - SRAM, 64-bit access: 8 KB 10 pJ, 32 KB 20 pJ, 1 MB 100 pJ (Horowitz,
//    "Computing's energy problem", ISSCC 2014). Between them energy per bit
//    grows as capacity^0.475 (the exponent that joins 8 KB and 1 MB); the
//    floor for tiny arrays (sense amplifiers and decoders, which do not
//    shrink with capacity) is fitted to the CACTI estimate of the 384-byte
//    pe_spad of Timeloop's simple_weight_stationary design at 45 nm.
//  - SRAM area 0.41 um^2 per bit plus 160 um^2 of periphery per bank: the
//    CACTI estimates of the 128 KB global buffers of Timeloop's eyeriss_like
//    (32 nm) and simple_weight_stationary (45 nm) designs agree on the
//    per-bit figure once scaled to one node.
//  - Register files (flip-flops and a read multiplexer): energy per bit
//    accessed grows linearly with the bits stored (the multiplexer tree),
//    fitted to the Accelergy library tables of eyeriss_like's three
//    scratchpads; area 4.5 um^2 per flip-flop (a 45 nm standard-cell D
//    flip-flop) plus 20 um^2 of control.
//  - Integer arithmetic (Horowitz 2014): 8-bit multiply 0.2 pJ / 282 um^2,
//    32-bit multiply 3.1 pJ / 3495 um^2 (power laws through both), 8-bit add
//    0.03 pJ / 36 um^2, 32-bit add 0.1 pJ / 137 um^2 (linear). A MAC of
//    b-bit operands accumulates in 2b bits.
//  - DRAM per bit moved, interface included: HBM2 3.9 pJ (O'Connor et al.,
//    MICRO 2017), LPDDR4 8 pJ (Accelergy's CactiDRAM table used by all
//    bundled Timeloop designs: 512 pJ per 64 bits), GDDR6 7.5 pJ and DDR4
//    15 pJ (vendor power calculators; the least certain of the four).
//  - Technology scaling: dynamic energy ~ C V^2 with C ~ feature size and V
//    the node's nominal supply; area ~ feature size^2.
//
//===----------------------------------------------------------------------===//

#include "accel/Model/EnergyEstimator.h"

#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace accel::model;

std::optional<DramType> accel::model::parseDramType(llvm::StringRef name) {
  std::string lower = name.lower();
  return llvm::StringSwitch<std::optional<DramType>>(lower)
      .Case("lpddr4", DramType::LPDDR4)
      .Case("ddr4", DramType::DDR4)
      .Case("gddr6", DramType::GDDR6)
      .Case("hbm2", DramType::HBM2)
      .Default(std::nullopt);
}

llvm::StringRef accel::model::stringifyDramType(DramType type) {
  switch (type) {
  case DramType::LPDDR4:
    return "LPDDR4";
  case DramType::DDR4:
    return "DDR4";
  case DramType::GDDR6:
    return "GDDR6";
  case DramType::HBM2:
    return "HBM2";
  }
  return "LPDDR4";
}

double accel::model::dramEnergyPerBit(DramType type) {
  switch (type) {
  case DramType::LPDDR4:
    return 8.0;
  case DramType::DDR4:
    return 15.0;
  case DramType::GDDR6:
    return 7.5;
  case DramType::HBM2:
    return 3.9;
  }
  return 8.0;
}

/// Nominal supply voltage of a node (interpolated between listed nodes).
static double nominalVoltage(double nodeNm) {
  struct Point {
    double node, volts;
  };
  static const Point points[] = {{5, 0.70},  {7, 0.75},  {16, 0.80},
                                 {22, 0.85}, {32, 0.90}, {45, 0.90},
                                 {65, 1.10}, {90, 1.20}, {130, 1.20}};
  if (nodeNm <= points[0].node)
    return points[0].volts;
  for (size_t i = 1; i < std::size(points); ++i) {
    if (nodeNm <= points[i].node) {
      double t = (nodeNm - points[i - 1].node) /
                 (points[i].node - points[i - 1].node);
      return points[i - 1].volts + t * (points[i].volts - points[i - 1].volts);
    }
  }
  return points[std::size(points) - 1].volts;
}

double accel::model::technologyEnergyScale(double nodeNm) {
  assert(nodeNm > 0 && "technology node must be positive");
  double volts = nominalVoltage(nodeNm) / nominalVoltage(45.0);
  return (nodeNm / 45.0) * volts * volts;
}

double accel::model::technologyAreaScale(double nodeNm) {
  assert(nodeNm > 0 && "technology node must be positive");
  return (nodeNm / 45.0) * (nodeNm / 45.0);
}

// SRAM anchors at 45 nm.
static constexpr double kSramAnchorBits = 8.0 * 1024 * 8; // 8 KB
static constexpr double kSramAnchorEnergyPerBit = 10.0 / 64; // pJ at 8 KB
static constexpr double kSramCapacityExponent = 0.4746;      // ln 10 / ln 128
static constexpr double kSramFloorEnergyPerBit = 0.006;
static constexpr double kSramWriteToRead = 0.8;
static constexpr double kSramAreaPerBit = 0.41;
static constexpr double kSramAreaPerBank = 160.0;
static constexpr double kSramLeakAtPeSpad = 0.001; // pJ/cycle, 3072 bits
static constexpr double kSramLeakExponent = 0.25;
// Extra energy per access to steer a request to one of several banks.
static constexpr double kBankSelectOverhead = 0.05;

StorageEstimate accel::model::estimateSram(int64_t capacityBits,
                                           int64_t widthBits, int64_t banks,
                                           double nodeNm) {
  assert(capacityBits > 0 && widthBits > 0 && banks > 0 && nodeNm > 0 &&
         "SRAM parameters must be positive");
  double bankBits = static_cast<double>(capacityBits) /
                    static_cast<double>(banks);
  double perBit =
      kSramFloorEnergyPerBit +
      kSramAnchorEnergyPerBit *
          std::pow(bankBits / kSramAnchorBits, kSramCapacityExponent);
  double bankSelect = 1.0 + kBankSelectOverhead * std::log2(double(banks));
  double energyScale = technologyEnergyScale(nodeNm);
  StorageEstimate estimate;
  estimate.readEnergy =
      perBit * static_cast<double>(widthBits) * bankSelect * energyScale;
  estimate.writeEnergy = kSramWriteToRead * estimate.readEnergy;
  estimate.leakEnergy =
      static_cast<double>(banks) * kSramLeakAtPeSpad *
      std::pow(bankBits / 3072.0, kSramLeakExponent) * energyScale;
  estimate.area = (kSramAreaPerBit * static_cast<double>(capacityBits) +
                   kSramAreaPerBank * static_cast<double>(banks)) *
                  technologyAreaScale(nodeNm);
  return estimate;
}

// Register-file anchors at 45 nm (the eyeriss fit was made at 32 nm and
// scaled by technologyEnergyScale(32)).
static constexpr double kRegisterEnergyPerBit = 0.00745;
static constexpr double kRegisterEnergyPerBitPerStoredBit = 5.43e-5;
static constexpr double kRegisterWriteToRead = 0.87;
static constexpr double kRegisterLeakPerBit = 7.3e-7;
static constexpr double kFlipFlopArea = 4.5;
static constexpr double kRegisterControlArea = 20.0;

StorageEstimate accel::model::estimateRegisterFile(int64_t entries,
                                                   int64_t widthBits,
                                                   double nodeNm) {
  assert(entries > 0 && widthBits > 0 && nodeNm > 0 &&
         "register-file parameters must be positive");
  double storedBits =
      static_cast<double>(entries) * static_cast<double>(widthBits);
  double energyScale = technologyEnergyScale(nodeNm);
  StorageEstimate estimate;
  estimate.readEnergy =
      static_cast<double>(widthBits) *
      (kRegisterEnergyPerBit + kRegisterEnergyPerBitPerStoredBit * storedBits) *
      energyScale;
  estimate.writeEnergy = kRegisterWriteToRead * estimate.readEnergy;
  estimate.leakEnergy = kRegisterLeakPerBit * storedBits * energyScale;
  estimate.area = (kFlipFlopArea * storedBits + kRegisterControlArea) *
                  technologyAreaScale(nodeNm);
  return estimate;
}

static const double kMultiplyEnergyExponent = std::log(3.1 / 0.2) / std::log(4.0);
static const double kMultiplyAreaExponent = std::log(3495.0 / 282.0) / std::log(4.0);

ComputeEstimate accel::model::estimateMac(int64_t bits, double nodeNm) {
  assert(bits > 0 && nodeNm > 0 && "MAC parameters must be positive");
  double operand = static_cast<double>(bits) / 8.0;
  double accumulator = 2.0 * static_cast<double>(bits);
  // Horowitz: 8b x 8b multiply 0.2 pJ / 282 um^2, 32b 3.1 pJ / 3495 um^2:
  // power laws through both points (nearly quadratic in energy).
  double multiplyEnergy = 0.2 * std::pow(operand, kMultiplyEnergyExponent);
  // 8b add 0.03 pJ, 32b add 0.1 pJ: about 0.0033 pJ per bit plus 0.004.
  double addEnergy = 0.004 + 0.0033 * accumulator;
  double multiplyArea = 282.0 * std::pow(operand, kMultiplyAreaExponent);
  double addArea = 4.4 * accumulator;
  double accumulatorArea = kFlipFlopArea * accumulator;
  ComputeEstimate estimate;
  estimate.energy =
      (multiplyEnergy + addEnergy) * technologyEnergyScale(nodeNm);
  estimate.area = (multiplyArea + addArea + accumulatorArea) *
                  technologyAreaScale(nodeNm);
  return estimate;
}
