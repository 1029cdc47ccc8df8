//===- TimeloopMapping.cpp - Timeloop mapping directives ------------------===//
//
// `mapping:` is a list of directives, each with a `target` level and a
// `type`: temporal / spatial (factors, permutation innermost first, split),
// datatype / bypass / dataspace (keep, bypass), with optional per-tensor
// reuse switches. Spec sections 1.3.1-1.3.4.
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopInput.h"

#include "llvm/ADT/StringExtras.h"

using namespace accel;
using namespace accel::interop;

/// Text of a scalar, or of a list of scalars joined by spaces.
static std::optional<std::string> flattenText(const YamlNode &node) {
  if (node.isScalar())
    return node.scalar;
  if (!node.isSequence())
    return std::nullopt;
  std::string text;
  for (const YamlNode &item : node.items) {
    if (!item.isScalar())
      return std::nullopt;
    text += item.scalar;
    text += ' ';
  }
  return text;
}

llvm::Error accel::interop::parseTimeloopFactors(
    const YamlNode &node, const model::Workload &workload,
    llvm::SmallVectorImpl<int64_t> &factors,
    llvm::SmallVectorImpl<int64_t> *residuals) {
  factors.assign(workload.numDimensions(), 1);
  if (residuals)
    residuals->assign(workload.numDimensions(), 0);
  std::optional<std::string> text = flattenText(node);
  if (!text)
    return node.error("factors must be a string or a list of strings");
  llvm::StringRef rest = llvm::StringRef(*text).split('#').first;
  auto isNameStart = [](char c) { return llvm::isAlpha(c) || c == '_'; };
  while (true) {
    rest = rest.ltrim(" \t,;");
    if (rest.empty())
      break;
    if (!isNameStart(rest.front()))
      return node.error("cannot read factors '" + *text + "' near '" +
                        rest.str() + "'");
    // A name is letters, or an identifier when '=' follows it.
    size_t letters = 0;
    while (letters < rest.size() && llvm::isAlpha(rest[letters]))
      ++letters;
    size_t ident = 0;
    while (ident < rest.size() &&
           (llvm::isAlnum(rest[ident]) || rest[ident] == '_'))
      ++ident;
    size_t afterIdent = ident;
    while (afterIdent < rest.size() && rest[afterIdent] == ' ')
      ++afterIdent;
    size_t nameLength =
        afterIdent < rest.size() && rest[afterIdent] == '=' ? ident : letters;
    llvm::StringRef name = rest.take_front(nameLength);
    rest = rest.drop_front(nameLength).ltrim(" \t");
    while (rest.consume_front("="))
      rest = rest.ltrim(" \t");
    size_t digits = 0;
    while (digits < rest.size() && llvm::isDigit(rest[digits]))
      ++digits;
    if (digits == 0)
      return node.error("factor of '" + name.str() + "' in '" + *text +
                        "' is not a number");
    int64_t factor;
    if (rest.take_front(digits).getAsInteger(10, factor))
      return node.error("factor of '" + name.str() + "' is too large");
    rest = rest.drop_front(digits);
    int64_t residual = 0;
    if (rest.size() > 1 && rest.front() == ',' && llvm::isDigit(rest[1])) {
      rest = rest.drop_front();
      size_t residualDigits = 0;
      while (residualDigits < rest.size() && llvm::isDigit(rest[residualDigits]))
        ++residualDigits;
      if (rest.take_front(residualDigits).getAsInteger(10, residual))
        return node.error("residual of '" + name.str() + "' is too large");
      rest = rest.drop_front(residualDigits);
      if (residual == 0)
        return node.error("factor '" + name.str() + "=" +
                          std::to_string(factor) +
                          ",0' has a zero residual; a residual is the trip "
                          "count of the last pass, at least 1");
    }
    int dim = workload.findDimension(name);
    if (dim < 0)
      return node.error("factors name unknown dimension '" + name.str() + "'");
    factors[dim] = factor == 0 ? workload.dimensions[dim].bound : factor;
    if (residual > factors[dim])
      return node.error("factor '" + name.str() + "=" + std::to_string(factor) +
                        "," + std::to_string(residual) +
                        "' has a residual larger than the factor");
    if (residuals)
      (*residuals)[dim] = residual == factors[dim] ? 0 : residual;
    else if (residual != 0 && residual != factors[dim])
      return node.error("factor '" + name.str() + "=" + std::to_string(factor) +
                        "," + std::to_string(residual) +
                        "' has a residual, which is not allowed here");
  }
  return llvm::Error::success();
}

llvm::Error accel::interop::parseTimeloopPermutation(
    const YamlNode &node, const model::Workload &workload,
    llvm::SmallVectorImpl<int> &order) {
  order.clear();
  auto add = [&](const YamlNode &where, llvm::StringRef name) -> llvm::Error {
    int dim = workload.findDimension(name);
    if (dim < 0)
      return where.error("permutation names unknown dimension '" + name.str() +
                         "'");
    if (llvm::is_contained(order, dim))
      return where.error("permutation lists dimension '" + name.str() +
                         "' twice");
    order.push_back(dim);
    return llvm::Error::success();
  };
  if (node.isSequence()) {
    for (const YamlNode &item : node.items) {
      if (!item.isScalar())
        return item.error("a permutation entry must be a dimension name");
      if (llvm::Error error = add(item, llvm::StringRef(item.scalar).trim()))
        return error;
    }
    return llvm::Error::success();
  }
  if (!node.isScalar())
    return node.error("a permutation is a string of dimension letters or a "
                      "list of names");
  llvm::StringRef text = node.scalar;
  // Names separated by spaces or commas, else one letter per dimension.
  if (text.find_first_of(" ,") != llvm::StringRef::npos) {
    for (llvm::StringRef part : llvm::split(text, ' '))
      for (llvm::StringRef name : llvm::split(part, ','))
        if (!name.trim().empty())
          if (llvm::Error error = add(node, name.trim()))
            return error;
    return llvm::Error::success();
  }
  for (char c : text)
    if (llvm::Error error = add(node, llvm::StringRef(&c, 1)))
      return error;
  return llvm::Error::success();
}

llvm::Expected<int>
accel::interop::resolveTimeloopTarget(const YamlNode &target,
                                      const TimeloopArchitecture &arch) {
  if (std::optional<int64_t> index = target.asInt()) {
    if (*index < 0 || *index >= arch.arch.numLevels())
      return target.error("storage level index " + std::to_string(*index) +
                          " is out of range");
    return static_cast<int>(*index);
  }
  if (!target.isScalar())
    return target.error("a target must be a level name or index");
  int level = arch.arch.findLevel(target.scalar);
  if (level >= 0)
    return level;
  auto alias = arch.aliases.find(target.scalar);
  if (alias != arch.aliases.end())
    return arch.arch.findLevel(alias->second);
  return target.error("unknown level '" + target.scalar + "'");
}

/// Reads a list of data-space names into a mask.
static llvm::Error readDataSpaceMask(const YamlNode &list,
                                     const model::Workload &workload,
                                     model::DataSpaceMask &mask) {
  mask = 0;
  if (list.isNull())
    return llvm::Error::success();
  if (list.isScalar()) {
    int ds = workload.findDataSpace(list.scalar);
    if (ds < 0)
      return list.error("unknown tensor '" + list.scalar + "'");
    mask |= 1u << ds;
    return llvm::Error::success();
  }
  if (!list.isSequence())
    return list.error("expected a list of tensor names");
  for (const YamlNode &item : list.items) {
    if (!item.isScalar())
      return item.error("expected a tensor name");
    int ds = workload.findDataSpace(item.scalar);
    if (ds < 0)
      return item.error("unknown tensor '" + item.scalar + "'");
    mask |= 1u << ds;
  }
  return llvm::Error::success();
}

llvm::Expected<model::Mapping> accel::interop::parseTimeloopMapping(
    const YamlNode &node, const model::Workload &workload,
    const TimeloopArchitecture &arch, std::vector<std::string> &warnings) {
  const YamlNode *list = &node;
  if (node.isMapping()) {
    list = node.getAny({"mapping", "targets"});
    if (!list)
      return node.error("'mapping' must be a list of directives");
  }
  if (!list->isSequence())
    return list->error("'mapping' must be a list of directives");

  const int numLevels = arch.arch.numLevels();
  const int numDims = workload.numDimensions();
  model::Mapping mapping = model::Mapping::empty(numLevels);
  for (int s = 0; s < numLevels; ++s)
    if (arch.arch.storage[s].isFanoutOnly)
      mapping.levels[s].keep = 0;

  std::vector<uint8_t> seen(static_cast<size_t>(numLevels) * 3, 0);
  for (const YamlNode &directive : list->items) {
    const YamlNode *target = directive.get("target");
    const YamlNode *typeNode = directive.get("type");
    if (!target || !typeNode || !typeNode->isScalar())
      return directive.error("a mapping directive needs 'target' and 'type'");
    std::string type = typeNode->scalar;
    llvm::Expected<int> level =
        resolveTimeloopDirectiveTarget(*target, type, arch);
    if (!level)
      return level.takeError();
    model::LevelMapping &levelMapping = mapping.levels[*level];
    const model::StorageLevel &storage = arch.arch.storage[*level];

    int slot = type == "temporal" ? 0 : type == "spatial" ? 1 : 2;
    if (type == "temporal" || type == "spatial") {
      if (seen[*level * 3 + slot]++)
        return directive.error("level '" + storage.name + "' has two " + type +
                               " directives");
      llvm::SmallVector<int64_t> factors(numDims, 1), residuals(numDims, 0);
      if (const YamlNode *factorNode = directive.get("factors"))
        if (llvm::Error error = parseTimeloopFactors(*factorNode, workload,
                                                     factors, &residuals))
          return std::move(error);
      llvm::SmallVector<int> order;
      if (const YamlNode *permutation = directive.get("permutation"))
        if (llvm::Error error =
                parseTimeloopPermutation(*permutation, workload, order))
          return std::move(error);
      // Missing dimensions are appended (outermost) in dimension order.
      for (int d = 0; d < numDims; ++d)
        if (!llvm::is_contained(order, d))
          order.push_back(d);

      if (type == "temporal") {
        levelMapping.temporal.clear();
        for (auto it = order.rbegin(); it != order.rend(); ++it)
          if (factors[*it] > 1)
            levelMapping.temporal.push_back({*it, factors[*it], residuals[*it]});
        if (const YamlNode *noReuse = directive.get("no_temporal_reuse")) {
          model::DataSpaceMask mask;
          if (llvm::Error error = readDataSpaceMask(*noReuse, workload, mask))
            return std::move(error);
          levelMapping.noTemporalReuse = mask;
        }
        continue;
      }

      int64_t split = numDims;
      if (const YamlNode *splitNode = directive.get("split")) {
        std::optional<int64_t> value = splitNode->asInt();
        if (!value || *value < 0)
          return splitNode->error("'split' must be a non-negative integer");
        split = std::min<int64_t>(*value, numDims);
      }
      bool anySpatial = llvm::any_of(factors, [](int64_t f) { return f > 1; });
      if (anySpatial && storage.fanout() == 1)
        return directive.error("level '" + storage.name +
                               "' has spatial factors but no spatial fanout");
      levelMapping.spatialX.clear();
      levelMapping.spatialY.clear();
      for (int i = static_cast<int>(order.size()) - 1; i >= 0; --i) {
        int d = order[i];
        if (factors[d] <= 1)
          continue;
        (i < split ? levelMapping.spatialX : levelMapping.spatialY)
            .push_back({d, factors[d], residuals[d]});
      }
      if (const YamlNode *noLink = directive.get("no_link_transfer")) {
        model::DataSpaceMask mask;
        if (llvm::Error error = readDataSpaceMask(*noLink, workload, mask))
          return std::move(error);
        levelMapping.noLinkTransfer = mask;
      }
      if (const YamlNode *noMulticast =
              directive.get("no_multicast_no_reduction")) {
        model::DataSpaceMask mask;
        if (llvm::Error error = readDataSpaceMask(*noMulticast, workload, mask))
          return std::move(error);
        levelMapping.noMulticast = mask;
      }
      continue;
    }

    if (type == "datatype" || type == "bypass" || type == "dataspace") {
      if (seen[*level * 3 + 2]++)
        return directive.error("level '" + storage.name +
                               "' has two keep/bypass directives");
      model::DataSpaceMask keep = 0, bypass = 0;
      if (const YamlNode *keepNode = directive.get("keep"))
        if (llvm::Error error = readDataSpaceMask(*keepNode, workload, keep))
          return std::move(error);
      if (const YamlNode *bypassNode = directive.get("bypass"))
        if (llvm::Error error = readDataSpaceMask(*bypassNode, workload, bypass))
          return std::move(error);
      if (keep & bypass)
        return directive.error("a tensor is both kept and bypassed at '" +
                               storage.name + "'");
      levelMapping.keep = (levelMapping.keep | keep) & ~bypass;
      continue;
    }
    if (type == "skew") {
      warnings.push_back(directive.location.str() +
                         ": skew directives are not modelled; ignored");
      continue;
    }
    return typeNode->error("unknown mapping directive type '" + type +
                           "'; expected temporal, spatial, datatype or bypass");
  }
  // Factors (with their residuals) must cover every bound exactly, as
  // Timeloop's parser requires.
  if (llvm::Error error = mapping.validate(workload, arch.arch))
    return list->error(llvm::toString(std::move(error)));
  return mapping;
}

llvm::Expected<int> accel::interop::resolveTimeloopDirectiveTarget(
    const YamlNode &target, llvm::StringRef type,
    const TimeloopArchitecture &arch) {
  if (type == "spatial" && target.isScalar()) {
    auto alias = arch.spatialAliases.find(target.scalar);
    if (alias != arch.spatialAliases.end())
      return arch.arch.findLevel(alias->second);
  }
  return resolveTimeloopTarget(target, arch);
}
