//===- TimeloopConstraints.cpp - Timeloop mapspace constraints ------------===//

#include "accel/Interop/TimeloopConstraints.h"

#include "llvm/ADT/StringExtras.h"

using namespace accel;
using namespace accel::interop;

llvm::Error accel::interop::parseFactorConstraints(
    const YamlNode &where, llvm::StringRef text,
    const model::Workload &workload, std::vector<model::FactorBound> &bounds,
    bool ignoreUnknown) {
  llvm::Expected<std::vector<model::FactorConstraintTerm>> terms =
      model::parseFactorConstraintText(text);
  if (!terms)
    return where.error(llvm::toString(terms.takeError()));
  for (const model::FactorConstraintTerm &term : *terms) {
    int dim = workload.findDimension(term.dimension);
    if (dim < 0) {
      if (ignoreUnknown)
        continue;
      return where.error("factor constraint names unknown dimension '" +
                         term.dimension + "'");
    }
    if (!model::applyFactorConstraint(term, workload.dimensions[dim].bound,
                                      bounds[dim]))
      return where.error("conflicting fixed factors for '" + term.dimension +
                         "'");
  }
  return llvm::Error::success();
}

/// Splits a permutation at '_' into the innermost prefix and outermost
/// suffix (suffix returned outermost first).
static llvm::Error parsePermutationConstraint(const YamlNode &node,
                                              const model::Workload &workload,
                                              std::vector<int> &inner,
                                              std::vector<int> &outer,
                                              llvm::SmallVectorImpl<int> &all) {
  YamlNode prefixNode = node, suffixNode = node;
  std::string text;
  if (node.isScalar()) {
    text = node.scalar;
  } else if (node.isSequence()) {
    for (const YamlNode &item : node.items)
      if (item.isScalar())
        text += (text.empty() ? "" : " ") + item.scalar;
  }
  auto [prefix, suffix] = llvm::StringRef(text).split('_');
  bool hasSuffix = llvm::StringRef(text).contains('_');
  llvm::SmallVector<int> prefixDims, suffixDims;
  prefixNode.kind = YamlNode::Kind::Scalar;
  prefixNode.scalar = prefix.str();
  if (llvm::Error error =
          parseTimeloopPermutation(prefixNode, workload, prefixDims))
    return error;
  if (hasSuffix && !suffix.trim().empty()) {
    suffixNode.kind = YamlNode::Kind::Scalar;
    suffixNode.scalar = suffix.str();
    if (llvm::Error error =
            parseTimeloopPermutation(suffixNode, workload, suffixDims))
      return error;
  }
  inner.assign(prefixDims.begin(), prefixDims.end());
  // The suffix is written innermost first; keep it outermost first.
  outer.assign(suffixDims.rbegin(), suffixDims.rend());
  all.assign(prefixDims.begin(), prefixDims.end());
  all.append(suffixDims.begin(), suffixDims.end());
  return llvm::Error::success();
}

llvm::Error accel::interop::applyTimeloopConstraints(
    const std::vector<YamlNode> &directives, const model::Workload &workload,
    const TimeloopArchitecture &arch, model::MappingConstraints &constraints) {
  for (const YamlNode &directive : directives) {
    const YamlNode *typeNode = directive.get("type");
    if (!typeNode || !typeNode->isScalar())
      return directive.error("a constraint needs a 'type'");
    std::string type = typeNode->scalar;
    if (type == "utilization" || type == "parallelism") {
      if (const YamlNode *min = directive.get("min")) {
        std::optional<double> value = min->asDouble();
        if (!value || *value < 0 || *value > 1)
          return min->error("minimum utilization must lie in [0, 1]");
        constraints.minUtilization =
            std::max(constraints.minUtilization, *value);
      }
      continue;
    }
    if (type == "max_overbooked_proportion")
      continue;
    const YamlNode *target = directive.get("target");
    if (!target)
      return directive.error("a constraint needs a 'target'");
    llvm::Expected<int> level =
        resolveTimeloopDirectiveTarget(*target, type, arch);
    if (!level)
      return level.takeError();
    model::LevelConstraints &out = constraints.levels[*level];

    if (type == "temporal" || type == "spatial") {
      bool temporal = type == "temporal";
      if (const YamlNode *factors = directive.get("factors")) {
        std::string text;
        if (factors->isScalar())
          text = factors->scalar;
        else if (factors->isSequence())
          for (const YamlNode &item : factors->items)
            if (item.isScalar())
              text += item.scalar + " ";
        if (llvm::Error error = parseFactorConstraints(
                *factors, text, workload,
                temporal ? out.temporal : out.spatial))
          return error;
      }
      llvm::SmallVector<int> listed;
      if (const YamlNode *permutation = directive.get("permutation")) {
        std::vector<int> inner, outer;
        if (llvm::Error error = parsePermutationConstraint(
                *permutation, workload, inner, outer, listed))
          return error;
        if (temporal) {
          out.innerOrder = std::move(inner);
          out.outerOrder = std::move(outer);
        }
      }
      if (!temporal) {
        if (const YamlNode *split = directive.get("split")) {
          std::optional<int64_t> value = split->asInt();
          if (!value || *value < 0)
            return split->error("'split' must be a non-negative integer");
          // With the permutation naming the dimensions, the first `split`
          // go along x and the rest along y (missing dimensions are
          // appended in order, as Timeloop pads).
          for (int d = 0; d < workload.numDimensions(); ++d)
            if (!llvm::is_contained(listed, d))
              listed.push_back(d);
          out.spatialX = out.spatialY = 0;
          for (size_t i = 0; i < listed.size(); ++i)
            (static_cast<int64_t>(i) < *value ? out.spatialX : out.spatialY) |=
                1u << listed[i];
        }
      }
      continue;
    }
    if (type == "bypass" || type == "datatype" || type == "dataspace" ||
        type == "bypassing") {
      for (auto [key, mask] :
           {std::pair<const char *, model::DataSpaceMask *>{"keep",
                                                             &out.mustKeep},
            {"bypass", &out.mustBypass}}) {
        const YamlNode *names = directive.get(key);
        if (!names || names->isNull())
          continue;
        if (!names->isSequence())
          return names->error(std::string("'") + key + "' must be a list");
        for (const YamlNode &name : names->items) {
          int ds = name.isScalar() ? workload.findDataSpace(name.scalar) : -1;
          if (ds < 0)
            return name.error("unknown tensor '" + name.scalar + "'");
          *mask |= 1u << ds;
        }
      }
      if (out.mustKeep & out.mustBypass)
        return directive.error("a tensor is both kept and bypassed at '" +
                               arch.arch.storage[*level].name + "'");
      continue;
    }
    return typeNode->error("unknown constraint type '" + type + "'");
  }
  return llvm::Error::success();
}

llvm::Expected<model::MappingConstraints>
accel::interop::timeloopMappingConstraints(const TimeloopInput &input) {
  const model::Architecture &arch = input.architecture.arch;
  model::MappingConstraints constraints =
      model::MappingConstraints::unconstrained(input.workload, arch);
  constraints.addArchitectureKeeps(input.workload, arch);
  if (llvm::Error error = applyTimeloopConstraints(
          input.constraints, input.workload, input.architecture, constraints))
    return std::move(error);
  return constraints;
}
