//===- TimeloopStatsParser.cpp - Read Timeloop's stats.txt ----------------===//

#include "TimeloopStatsParser.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace accel::testing;

static std::string trim(const std::string &text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos)
    return "";
  size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

static size_t indentOf(const std::string &line) {
  return line.find_first_not_of(' ');
}

double accel::testing::statNumber(const std::string &text) {
  return std::strtod(text.c_str(), nullptr);
}

std::optional<TimeloopStats>
accel::testing::parseTimeloopStats(const std::string &path,
                                   std::string &error) {
  std::ifstream file(path);
  if (!file) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  enum class Section { Levels, Networks, Intensity, Summary } section =
      Section::Levels;
  TimeloopStats result;
  std::string line, levelName, dataSpace;
  bool inSpecs = false, isCompute = false, inPerCompute = false;
  while (std::getline(file, line)) {
    std::string text = trim(line);
    if (text == "Networks") {
      section = Section::Networks;
      continue;
    }
    if (text == "Operational Intensity Stats") {
      section = Section::Intensity;
      continue;
    }
    if (text == "Summary Stats") {
      section = Section::Summary;
      continue;
    }
    if (section == Section::Summary) {
      if (text == "fJ/Compute") {
        inPerCompute = true;
        continue;
      }
      size_t equals = text.find(" = ");
      if (inPerCompute && equals != std::string::npos) {
        result.femtojoulesPerCompute[trim(text.substr(0, equals))] =
            trim(text.substr(equals + 3));
        continue;
      }
      if (equals != std::string::npos) {
        result.summary[trim(text.substr(0, equals))] =
            trim(text.substr(equals + 3));
        continue;
      }
      size_t colon = text.find(": ");
      if (colon != std::string::npos)
        result.summary[trim(text.substr(0, colon))] =
            trim(text.substr(colon + 2));
      continue;
    }
    if (section != Section::Levels)
      continue;
    if (text.rfind("=== ", 0) == 0) {
      levelName = text.substr(4, text.size() - 8);
      isCompute = result.computeName.empty() && result.levels.empty() &&
                  result.compute.empty();
      if (isCompute)
        result.computeName = levelName;
      dataSpace.clear();
      continue;
    }
    if (text == "SPECS") {
      inSpecs = true;
      continue;
    }
    if (text == "STATS") {
      inSpecs = false;
      dataSpace.clear();
      continue;
    }
    if (levelName.empty() || text.empty())
      continue;
    size_t colon = text.find(" : ");
    if (colon == std::string::npos) {
      // "    Weights:" opens a data space block in a level's STATS.
      if (!inSpecs && !isCompute && text.back() == ':' &&
          indentOf(line) == 4)
        dataSpace = text.substr(0, text.size() - 1);
      continue;
    }
    std::string label = trim(text.substr(0, colon));
    std::string value = trim(text.substr(colon + 3));
    if (isCompute) {
      if (!inSpecs)
        result.compute[label] = value;
      continue;
    }
    TimeloopLevelStats &level = result.levels[levelName];
    if (inSpecs)
      level.specs[label] = value;
    else if (dataSpace.empty())
      level.stats[label] = value;
    else
      level.dataSpaces[dataSpace][label] = value;
  }
  if (result.computeName.empty()) {
    error = path + " has no arithmetic level";
    return std::nullopt;
  }
  return result;
}
