//===- TimeloopStatsParser.h - Read Timeloop's stats.txt ----------*- C++ -*-===//
//
// Test support: reads the numbers Timeloop printed in a *.stats.txt report,
// so tests compare against Timeloop's own output rather than retyped
// values.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_SUPPORT_TIMELOOPSTATSPARSER_H
#define ACCEL_UNITTESTS_SUPPORT_TIMELOOPSTATSPARSER_H

#include <map>
#include <optional>
#include <string>

namespace accel::testing {

/// label -> value as printed (units stripped).
using StatFields = std::map<std::string, std::string>;

struct TimeloopLevelStats {
  StatFields specs;
  StatFields stats; ///< level-wide STATS (Cycles, Bandwidth throttling)
  std::map<std::string, StatFields> dataSpaces;
};

struct TimeloopStats {
  StatFields compute; ///< the arithmetic level's STATS
  std::string computeName;
  /// Storage levels by name, as printed (hidden levels are absent).
  std::map<std::string, TimeloopLevelStats> levels;
  StatFields summary; ///< "Cycles", "Utilization", "Energy", "Computes", ...
  std::map<std::string, std::string> femtojoulesPerCompute;
};

/// Parses a stats file; nullopt (with `error` set) if it cannot be read.
std::optional<TimeloopStats> parseTimeloopStats(const std::string &path,
                                                std::string &error);

/// The number in a printed value ("0.43 pJ" -> 0.43, "100.00%" -> 100).
double statNumber(const std::string &text);

} // namespace accel::testing

#endif // ACCEL_UNITTESTS_SUPPORT_TIMELOOPSTATSPARSER_H
