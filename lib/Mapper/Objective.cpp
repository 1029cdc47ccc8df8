//===- Objective.cpp - What the mapper minimizes --------------------------===//

#include "accel/Mapper/Objective.h"

#include "llvm/ADT/StringExtras.h"

using namespace accel;
using namespace accel::mapper;

std::optional<Objective> Objective::parse(llvm::StringRef text) {
  Objective objective;
  objective.metrics.clear();
  llvm::SmallVector<llvm::StringRef> parts;
  text.split(parts, ',', -1, false);
  for (llvm::StringRef part : parts) {
    std::string name = part.trim().lower();
    std::replace(name.begin(), name.end(), '-', '_');
    if (name == "edp" || name == "energy_delay")
      objective.metrics.push_back(Metric::EnergyDelay);
    else if (name == "energy")
      objective.metrics.push_back(Metric::Energy);
    else if (name == "delay" || name == "cycles" || name == "latency")
      objective.metrics.push_back(Metric::Delay);
    else if (name == "last_level_accesses")
      objective.metrics.push_back(Metric::LastLevelAccesses);
    else
      return std::nullopt;
  }
  if (objective.metrics.empty())
    return std::nullopt;
  return objective;
}

std::string Objective::str() const {
  std::string text;
  for (Metric metric : metrics) {
    if (!text.empty())
      text += ",";
    switch (metric) {
    case Metric::Energy:
      text += "energy";
      break;
    case Metric::Delay:
      text += "delay";
      break;
    case Metric::EnergyDelay:
      text += "edp";
      break;
    case Metric::LastLevelAccesses:
      text += "last_level_accesses";
      break;
    }
  }
  return text;
}

ObjectiveValue Objective::value(const model::Result &result) const {
  ObjectiveValue value;
  for (Metric metric : metrics) {
    switch (metric) {
    case Metric::Energy:
      value.push_back(result.energy);
      break;
    case Metric::Delay:
      value.push_back(static_cast<double>(result.cycles));
      break;
    case Metric::EnergyDelay:
      value.push_back(result.edp());
      break;
    case Metric::LastLevelAccesses:
      value.push_back(static_cast<double>(result.levels.back().accesses));
      break;
    }
  }
  return value;
}

bool accel::mapper::isBetter(const ObjectiveValue &a, const ObjectiveValue &b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] < b[i])
      return true;
    if (a[i] > b[i])
      return false;
  }
  return false;
}
