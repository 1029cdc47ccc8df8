//===- DefaultEnergy.cpp - Built-in energy model --------------------------===//
//
// Timeloop's public "PAT" fallback: SRAM energy grows linearly with capacity
// between two Eyeriss data points (0.5 KB -> 1 unit, 100 KB -> 6 units per
// 16-bit access) and scales with access width; DRAM costs 200 units per
// 16 bits; a multiplier costs (bits/16)^2. Adders, wires and areas are 0.
//
//===----------------------------------------------------------------------===//

#include "accel/Model/DefaultEnergy.h"
#include "accel/Model/Architecture.h"

#include <algorithm>

using namespace accel::model;

static double sramEnergy(double heightRows, double widthBits) {
  const double x0 = 0.5, y0 = 1.0;  // KB, units
  const double x1 = 100.0, y1 = 6.0;
  double slope = (y1 - y0) / (x1 - x0);
  double kilobytes = widthBits * heightRows / (8 * 1024);
  double units = slope * (kilobytes - x0) + y0;
  return units * widthBits / 16;
}

double accel::model::defaultVectorAccessEnergy(const StorageLevel &level) {
  double vectorBits = static_cast<double>(level.wordBits * level.blockSize);
  if (level.technology == Technology::DRAM)
    return 200.0 * vectorBits / 16;
  // Timeloop gives an SRAM of unspecified size no energy.
  if (!level.size)
    return 0.0;
  double width = vectorBits * static_cast<double>(level.clusterSize);
  int64_t height = (*level.size + level.blockSize - 1) / level.blockSize;
  return sramEnergy(static_cast<double>(height), width) /
         static_cast<double>(level.clusterSize);
}

double accel::model::defaultComputeEnergy(int64_t wordBits) {
  double scale = static_cast<double>(wordBits) / 16.0;
  return scale * scale;
}

void accel::model::applyDefaultEnergies(StorageLevel &level, bool readGiven,
                                        bool fillGiven, bool updateGiven) {
  double fallback = defaultVectorAccessEnergy(level);
  if (!readGiven)
    level.readEnergy = fallback;
  if (!fillGiven)
    level.fillEnergy = fallback;
  if (!updateGiven)
    level.updateEnergy = fallback;
  level.vectorAccessEnergy =
      std::max({level.readEnergy, level.fillEnergy, level.updateEnergy});
}
