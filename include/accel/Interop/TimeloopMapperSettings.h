//===- TimeloopMapperSettings.h - Timeloop's `mapper:` section ----*- C++ -*-===//
//
// Reads the search settings of a Timeloop mapper configuration (v0.4
// underscores or v3.0.3 hyphens): algorithm, optimization metrics, threads,
// search size, victory condition and timeout. Keys that only affect
// Timeloop's logging are accepted and ignored.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INTEROP_TIMELOOPMAPPERSETTINGS_H
#define ACCEL_INTEROP_TIMELOOPMAPPERSETTINGS_H

#include "accel/Interop/YamlTree.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace accel::interop {

struct TimeloopMapperSettings {
  std::optional<std::string> algorithm;
  std::vector<std::string> metrics;
  std::optional<unsigned> threads;
  std::optional<uint64_t> searchSize;
  std::optional<uint64_t> victoryCondition;
  std::optional<uint64_t> timeout;
};

llvm::Expected<TimeloopMapperSettings>
parseTimeloopMapperSettings(const YamlNode &mapper);

} // namespace accel::interop

#endif // ACCEL_INTEROP_TIMELOOPMAPPERSETTINGS_H
