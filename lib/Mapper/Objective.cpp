//===- Objective.cpp - What the mapper minimizes --------------------------===//

#include "accel/Mapper/Objective.h"

#include "llvm/ADT/STLExtras.h"
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
      text += product ? "*" : ",";
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

MetricValues MetricValues::of(const model::Result &result) {
  MetricValues metrics;
  metrics.valid = result.valid;
  if (!result.valid)
    return metrics;
  metrics.energy = result.energy;
  metrics.cycles = static_cast<double>(result.cycles);
  metrics.lastLevelAccesses =
      static_cast<double>(result.levels.back().accesses);
  return metrics;
}

static double metricValue(Metric metric, const MetricValues &metrics) {
  switch (metric) {
  case Metric::Energy:
    return metrics.energy;
  case Metric::Delay:
    return metrics.cycles;
  case Metric::EnergyDelay:
    // As model::Result::edp().
    return metrics.energy * metrics.cycles;
  case Metric::LastLevelAccesses:
    return metrics.lastLevelAccesses;
  }
  return 0;
}

ObjectiveValue Objective::value(const MetricValues &figures) const {
  ObjectiveValue value;
  if (product) {
    double scalar = 1;
    for (Metric metric : metrics)
      scalar *= metricValue(metric, figures);
    value.push_back(scalar);
    return value;
  }
  for (Metric metric : metrics)
    value.push_back(metricValue(metric, figures));
  return value;
}

std::optional<Objective> Objective::searchGuide() const {
  if (product)
    return std::nullopt;
  Objective guide = *this;
  guide.product = true;
  bool hasEnergy = llvm::any_of(metrics, [](Metric metric) {
    return metric == Metric::Energy || metric == Metric::EnergyDelay;
  });
  if (!hasEnergy)
    guide.metrics.push_back(Metric::Energy);
  if (guide.metrics.size() == 1)
    return std::nullopt;
  return guide;
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
