//===- MappingConstraints.cpp - What a mapping may look like --------------===//

#include "accel/Model/MappingConstraints.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/Workload.h"

#include <algorithm>
#include <cstring>

using namespace accel::model;

MappingConstraints MappingConstraints::unconstrained(const Workload &workload,
                                                     const Architecture &arch) {
  MappingConstraints constraints;
  constraints.levels.resize(arch.numLevels());
  for (int s = 0; s < arch.numLevels(); ++s) {
    LevelConstraints &level = constraints.levels[s];
    level.temporal.resize(workload.numDimensions());
    level.spatial.resize(workload.numDimensions());
    if (arch.storage[s].isFanoutOnly) {
      for (FactorBound &bound : level.temporal)
        bound.fixed = 1;
      level.mustBypass = kAllDataSpaces;
    }
    if (arch.storage[s].fanout() == 1)
      for (FactorBound &bound : level.spatial)
        bound.fixed = 1;
  }
  return constraints;
}

static bool isDigit(char c) { return c >= '0' && c <= '9'; }
static bool isAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

llvm::Expected<std::vector<FactorConstraintTerm>>
accel::model::parseFactorConstraintText(llvm::StringRef textRef) {
  std::string text = textRef.str();
  std::vector<FactorConstraintTerm> terms;
  std::string body = text.substr(0, text.find('#'));
  size_t i = 0;
  auto skip = [&](const char *characters) {
    while (i < body.size() && std::strchr(characters, body[i]))
      ++i;
  };
  while (true) {
    skip(" \t,;");
    if (i >= body.size())
      return terms;
    size_t start = i;
    // A name is letters, digits and underscores when an operator follows;
    // otherwise letters only ("C4").
    size_t end = start;
    while (end < body.size() &&
           (isAlpha(body[end]) || isDigit(body[end]) || body[end] == '_'))
      ++end;
    size_t after = end;
    while (after < body.size() && (body[after] == ' ' || body[after] == '\t'))
      ++after;
    bool hasOperator = after < body.size() &&
                       (body[after] == '=' || body[after] == '<' ||
                        body[after] == '>');
    if (!hasOperator) {
      end = start;
      while (end < body.size() && isAlpha(body[end]))
        ++end;
      after = end;
    }
    if (end == start) {
      return llvm::createStringError("cannot read factor constraints '" +
                                     text + "' near '" + body.substr(start) +
                                     "'");
    }
    FactorConstraintTerm term;
    term.dimension = body.substr(start, end - start);
    i = after;
    if (body.compare(i, 2, "<=") == 0) {
      term.kind = FactorConstraintTerm::AtMost;
      i += 2;
    } else if (body.compare(i, 2, ">=") == 0) {
      term.kind = FactorConstraintTerm::AtLeast;
      i += 2;
    } else {
      while (i < body.size() && body[i] == '=')
        ++i;
    }
    skip(" \t");
    size_t digits = i;
    while (digits < body.size() && isDigit(body[digits]))
      ++digits;
    if (digits == i || digits - i > 18) {
      return llvm::createStringError("factor constraint of '" +
                                     term.dimension + "' needs a number");
    }
    term.value = std::stoll(body.substr(i, digits - i));
    i = digits;
    terms.push_back(std::move(term));
  }
}

bool accel::model::applyFactorConstraint(const FactorConstraintTerm &term,
                                         int64_t bound, FactorBound &factor) {
  int64_t value = term.value == 0 ? bound : term.value;
  switch (term.kind) {
  case FactorConstraintTerm::Fixed:
    if (factor.fixed && *factor.fixed != value)
      return false;
    factor.fixed = value;
    break;
  case FactorConstraintTerm::AtMost:
    factor.max = std::min(factor.max, value);
    break;
  case FactorConstraintTerm::AtLeast:
    factor.min = std::max(factor.min, value);
    break;
  }
  return true;
}

int accel::model::resolveTensorRole(const Workload &workload,
                                    const std::string &name) {
  int ds = workload.findDataSpace(name);
  if (ds >= 0)
    return ds;
  int wantedReadOnly = name == "Inputs" ? 0 : name == "Weights" ? 1 : -1;
  bool wantOutput = name == "Outputs";
  int readOnlySeen = 0;
  for (int i = 0; i < workload.numDataSpaces(); ++i) {
    if (workload.dataSpaces[i].readWrite) {
      if (wantOutput)
        return i;
      continue;
    }
    if (readOnlySeen++ == wantedReadOnly)
      return i;
  }
  return -1;
}

void MappingConstraints::addArchitectureKeeps(const Workload &workload,
                                              const Architecture &arch) {
  for (int s = 0; s < arch.numLevels() && s < static_cast<int>(levels.size());
       ++s) {
    for (const std::string &name : arch.storage[s].keepConstraint)
      if (int ds = resolveTensorRole(workload, name); ds >= 0)
        levels[s].mustKeep |= 1u << ds;
    for (const std::string &name : arch.storage[s].bypassConstraint)
      if (int ds = resolveTensorRole(workload, name); ds >= 0)
        levels[s].mustBypass |= 1u << ds;
  }
}

static int64_t factorOf(const std::vector<MappingLoop> &loops, int dim) {
  int64_t product = 1;
  for (const MappingLoop &loop : loops)
    if (loop.dimension == dim)
      product *= loop.factor;
  return product;
}

static std::string boundText(const FactorBound &bound) {
  if (bound.fixed)
    return "= " + std::to_string(*bound.fixed);
  std::string text;
  if (bound.min > 1)
    text += ">= " + std::to_string(bound.min);
  if (bound.max != std::numeric_limits<int64_t>::max())
    text += (text.empty() ? "<= " : " and <= ") + std::to_string(bound.max);
  return text;
}

/// Non-unit temporal loops innermost first.
static std::vector<int> innermostFirst(const LevelMapping &level) {
  std::vector<int> order;
  for (auto it = level.temporal.rbegin(); it != level.temporal.rend(); ++it)
    if (it->factor > 1)
      order.push_back(it->dimension);
  return order;
}

/// Whether the non-unit loops of `required` appear at the start of
/// `order`, in that order (loops of factor 1 are ignored).
static bool startsWith(const std::vector<int> &order,
                       const std::vector<int> &required,
                       const LevelMapping &level) {
  size_t position = 0;
  for (int dim : required) {
    if (factorOf(level.temporal, dim) <= 1)
      continue;
    if (position >= order.size() || order[position] != dim)
      return false;
    ++position;
  }
  return true;
}

std::string MappingConstraints::check(const Mapping &mapping,
                                      const Workload &workload,
                                      const Architecture &arch) const {
  int64_t used = 1;
  for (int s = 0; s < arch.numLevels(); ++s) {
    const LevelConstraints &constraints = levels[s];
    const LevelMapping &level = mapping.levels[s];
    const std::string &name = arch.storage[s].name;
    for (int d = 0; d < workload.numDimensions(); ++d) {
      const std::string &dim = workload.dimensions[d].name;
      int64_t temporal = factorOf(level.temporal, d);
      if (!constraints.temporal[d].allows(temporal))
        return "level '" + name + "' has temporal factor " +
               std::to_string(temporal) + " for '" + dim +
               "', but the constraints require " +
               boundText(constraints.temporal[d]);
      int64_t x = factorOf(level.spatialX, d), y = factorOf(level.spatialY, d);
      if (!constraints.spatial[d].allows(x * y))
        return "level '" + name + "' has spatial factor " +
               std::to_string(x * y) + " for '" + dim +
               "', but the constraints require " +
               boundText(constraints.spatial[d]);
      if (x > 1 && !((constraints.spatialX >> d) & 1u))
        return "level '" + name + "' spreads '" + dim +
               "' along x, which the constraints do not allow";
      if (y > 1 && !((constraints.spatialY >> d) & 1u))
        return "level '" + name + "' spreads '" + dim +
               "' along y, which the constraints do not allow";
      used *= x * y;
    }
    std::vector<int> order = innermostFirst(level);
    if (!startsWith(order, constraints.innerOrder, level))
      return "the innermost loops of level '" + name +
             "' do not follow the required order";
    std::vector<int> outermost(order.rbegin(), order.rend());
    if (!startsWith(outermost, constraints.outerOrder, level))
      return "the outermost loops of level '" + name +
             "' do not follow the required order";
    for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
      bool keeps = level.keeps(ds);
      if (keeps && ((constraints.mustBypass >> ds) & 1u))
        return "level '" + name + "' keeps '" + workload.dataSpaces[ds].name +
               "', which the constraints bypass";
      if (!keeps && ((constraints.mustKeep >> ds) & 1u))
        return "level '" + name + "' bypasses '" +
               workload.dataSpaces[ds].name +
               "', which the constraints keep";
    }
  }
  double utilization = static_cast<double>(used) /
                       static_cast<double>(arch.compute.instances);
  if (utilization + 1e-12 < minUtilization)
    return "the mapping uses " + std::to_string(used) + " of " +
           std::to_string(arch.compute.instances) +
           " compute units, below the required utilization";
  return {};
}

llvm::Error
MappingConstraints::checkSatisfiable(const Workload &workload,
                                     const Architecture &arch) const {
  auto unsatisfiable = [](const std::string &why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), why);
  };
  if (static_cast<int>(levels.size()) != arch.numLevels())
    return unsatisfiable("constraints name " + std::to_string(levels.size()) +
                         " levels but the architecture has " +
                         std::to_string(arch.numLevels()));
  for (int d = 0; d < workload.numDimensions(); ++d) {
    int64_t fixedProduct = 1;
    bool allFixed = true;
    for (int s = 0; s < arch.numLevels(); ++s) {
      for (const FactorBound *bound :
           {&levels[s].temporal[d], &levels[s].spatial[d]}) {
        if (bound->fixed) {
          if (*bound->fixed < 1)
            return unsatisfiable("a fixed factor of '" +
                                 workload.dimensions[d].name + "' at level '" +
                                 arch.storage[s].name + "' is not positive");
          fixedProduct *= *bound->fixed;
        } else {
          allFixed = false;
        }
        if (bound->min > bound->max)
          return unsatisfiable("the factor bounds of '" +
                               workload.dimensions[d].name + "' at level '" +
                               arch.storage[s].name + "' are empty");
      }
    }
    int64_t bound = workload.dimensions[d].bound;
    if (bound % fixedProduct != 0)
      return unsatisfiable(
          "the fixed factors of '" + workload.dimensions[d].name +
          "' multiply to " + std::to_string(fixedProduct) +
          ", which does not divide its bound " + std::to_string(bound));
    if (allFixed && fixedProduct != bound)
      return unsatisfiable("every factor of '" + workload.dimensions[d].name +
                           "' is fixed, but they multiply to " +
                           std::to_string(fixedProduct) + ", not its bound " +
                           std::to_string(bound));
  }
  for (int s = 0; s < arch.numLevels(); ++s)
    if (levels[s].mustKeep & levels[s].mustBypass)
      return unsatisfiable("level '" + arch.storage[s].name +
                           "' must both keep and bypass a tensor");
  for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
    bool possible = false;
    for (int s = 0; s < arch.numLevels(); ++s)
      possible |= !((levels[s].mustBypass >> ds) & 1u);
    if (!possible)
      return unsatisfiable("every level must bypass '" +
                           workload.dataSpaces[ds].name + "'");
  }
  const int outermost = arch.numLevels() - 1;
  for (int ds = 0; ds < workload.numDataSpaces(); ++ds)
    if ((levels[outermost].mustBypass >> ds) & 1u)
      return unsatisfiable("the outermost level '" +
                           arch.storage[outermost].name +
                           "' holds every tensor and cannot bypass '" +
                           workload.dataSpaces[ds].name + "'");
  return llvm::Error::success();
}
