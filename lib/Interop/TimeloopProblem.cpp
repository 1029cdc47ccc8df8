//===- TimeloopProblem.cpp - Timeloop problem shape and instance ----------===//
//
// `problem: {shape: {dimensions, coefficients, data_spaces}, instance}`.
// A projection is either a flat list of dimension names (one rank each) or
// a list of rank expressions, each a list of terms `[dim]` or
// `[dim, coefficient]`. v3.0.3 spellings (`data-spaces`, `read-write`) are
// accepted too, and `shape: cnn-layer` names Timeloop's built-in shape.
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopInput.h"

#include "llvm/ADT/StringMap.h"

using namespace accel;
using namespace accel::interop;

/// Timeloop's built-in 7-D convolution shape.
static const char *const kCnnLayerShape = R"(
name: cnn-layer
dimensions: [R, S, P, Q, C, K, N]
coefficients:
  - {name: Wstride, default: 1}
  - {name: Hstride, default: 1}
  - {name: Wdilation, default: 1}
  - {name: Hdilation, default: 1}
data_spaces:
  - name: Weights
    projection: [[[C]], [[K]], [[R]], [[S]]]
  - name: Inputs
    projection: [[[N]], [[C]], [[R, Wdilation], [P, Wstride]], [[S, Hdilation], [Q, Hstride]]]
  - name: Outputs
    projection: [[[N]], [[K]], [[Q]], [[P]]]
    read_write: true
)";

static llvm::Error parseRank(const YamlNode &expression,
                             const model::Workload &workload,
                             const llvm::StringMap<int64_t> &coefficients,
                             model::Rank &rank) {
  if (expression.isScalar()) {
    int dim = workload.findDimension(expression.scalar);
    if (dim < 0)
      return expression.error("projection names unknown dimension '" +
                              expression.scalar + "'");
    rank.push_back({dim, 1});
    return llvm::Error::success();
  }
  if (!expression.isSequence() || expression.items.empty())
    return expression.error(
        "a projection rank must be a dimension name or a list of terms");
  for (const YamlNode &term : expression.items) {
    const YamlNode *dimNode = &term;
    const YamlNode *coefNode = nullptr;
    if (term.isSequence()) {
      if (term.items.empty() || term.items.size() > 2)
        return term.error("a projection term is [dimension] or "
                          "[dimension, coefficient]");
      dimNode = &term.items[0];
      if (term.items.size() == 2)
        coefNode = &term.items[1];
    }
    if (!dimNode->isScalar())
      return dimNode->error("expected a dimension name");
    int dim = workload.findDimension(dimNode->scalar);
    if (dim < 0)
      return dimNode->error("projection names unknown dimension '" +
                            dimNode->scalar + "'");
    int64_t coefficient = 1;
    if (coefNode) {
      if (std::optional<int64_t> literal = coefNode->asInt()) {
        coefficient = *literal;
      } else if (coefNode->isScalar()) {
        auto it = coefficients.find(coefNode->scalar);
        if (it == coefficients.end())
          return coefNode->error("projection names unknown coefficient '" +
                                 coefNode->scalar + "'");
        coefficient = it->second;
      } else {
        return coefNode->error("expected a coefficient name or integer");
      }
    }
    rank.push_back({dim, coefficient});
  }
  return llvm::Error::success();
}

llvm::Expected<model::Workload>
accel::interop::parseTimeloopProblem(const YamlNode &problem) {
  if (!problem.isMapping())
    return problem.error("'problem' must be a mapping with 'shape' and "
                         "'instance'");
  const YamlNode *shape = problem.get("shape");
  const YamlNode *instance = problem.get("instance");
  if (!shape)
    return problem.error("problem has no 'shape'");
  if (!instance || !instance->isMapping())
    return problem.error("problem has no 'instance' mapping");

  YamlNode builtin;
  if (shape->isScalar()) {
    if (shape->scalar != "cnn-layer" && shape->scalar != "cnn_layer")
      return shape->error("unknown built-in problem shape '" + shape->scalar +
                          "'; expected 'cnn-layer' or an inline shape");
    llvm::Expected<YamlNode> parsed =
        parseYamlString(kCnnLayerShape, "<builtin cnn-layer>");
    if (!parsed)
      return parsed.takeError();
    builtin = std::move(*parsed);
    shape = &builtin;
  }
  if (!shape->isMapping())
    return shape->error("'shape' must be a mapping");

  model::Workload workload;
  if (const YamlNode *name = shape->get("name"); name && name->isScalar())
    workload.name = name->scalar;

  const YamlNode *dimensions = shape->get("dimensions");
  if (!dimensions || !dimensions->isSequence() || dimensions->items.empty())
    return shape->error("shape needs a non-empty 'dimensions' list");
  for (const YamlNode &dim : dimensions->items) {
    if (!dim.isScalar())
      return dim.error("a dimension must be a name");
    if (workload.findDimension(dim.scalar) >= 0)
      return dim.error("dimension '" + dim.scalar + "' is listed twice");
    workload.dimensions.push_back({dim.scalar, 1});
  }

  // Coefficients: defaults, overridden by the instance.
  llvm::StringMap<int64_t> coefficients;
  if (const YamlNode *list = shape->get("coefficients"); list && !list->isNull()) {
    if (!list->isSequence())
      return list->error("'coefficients' must be a list");
    for (const YamlNode &coef : list->items) {
      const YamlNode *name = coef.get("name");
      if (!name || !name->isScalar())
        return coef.error("a coefficient needs a 'name'");
      int64_t value = 1;
      if (const YamlNode *def = coef.get("default")) {
        std::optional<int64_t> parsed = def->asInt();
        if (!parsed)
          return def->error("coefficient default must be an integer");
        value = *parsed;
      }
      coefficients[name->scalar] = value;
    }
  }
  for (const auto &[key, value] : instance->entries) {
    if (!coefficients.count(key))
      continue;
    std::optional<int64_t> parsed = value.asInt();
    if (!parsed)
      return value.error("coefficient '" + key + "' must be an integer");
    coefficients[key] = *parsed;
  }

  // Bounds: every dimension must be in the instance.
  for (model::Dimension &dim : workload.dimensions) {
    const YamlNode *bound = instance->get(dim.name);
    if (!bound)
      return instance->error("problem instance is missing dimension '" +
                             dim.name + "'");
    std::optional<int64_t> value = bound->asInt();
    if (!value || *value < 1)
      return bound->error("bound of dimension '" + dim.name +
                          "' must be a positive integer");
    dim.bound = *value;
  }

  const YamlNode *dataSpaces = shape->getAny({"data_spaces", "data-spaces"});
  if (!dataSpaces || !dataSpaces->isSequence() || dataSpaces->items.empty())
    return shape->error("shape needs a non-empty 'data_spaces' list");
  for (const YamlNode &node : dataSpaces->items) {
    model::DataSpace ds;
    const YamlNode *name = node.get("name");
    if (!name || !name->isScalar())
      return node.error("a data space needs a 'name'");
    ds.name = name->scalar;
    if (workload.findDataSpace(ds.name) >= 0)
      return name->error("data space '" + ds.name + "' is declared twice");
    if (const YamlNode *rw = node.getAny({"read_write", "read-write"})) {
      std::optional<bool> flag = rw->asBool();
      if (!flag && !rw->isNull())
        return rw->error("'read_write' must be true or false");
      ds.readWrite = flag.value_or(false);
    }
    const YamlNode *projection = node.get("projection");
    if (!projection || !projection->isSequence())
      return node.error("data space '" + ds.name +
                        "' needs a 'projection' list");
    for (const YamlNode &expression : projection->items) {
      model::Rank rank;
      if (llvm::Error error =
              parseRank(expression, workload, coefficients, rank))
        return std::move(error);
      ds.ranks.push_back(std::move(rank));
    }
    workload.dataSpaces.push_back(std::move(ds));
  }

  if (llvm::Error error = workload.validate())
    return problem.error(llvm::toString(std::move(error)));
  return workload;
}
