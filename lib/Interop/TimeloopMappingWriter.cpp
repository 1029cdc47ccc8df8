//===- TimeloopMappingWriter.cpp - Mappings as Timeloop directives --------===//

#include "accel/Interop/TimeloopMappingWriter.h"

#include "llvm/ADT/STLExtras.h"

using namespace accel;
using namespace accel::interop;

static YamlNode stringList(const std::vector<std::string> &names) {
  std::vector<YamlNode> items;
  for (const std::string &name : names)
    items.push_back(yamlScalar(name));
  return yamlSequence(std::move(items));
}

YamlNode accel::interop::timeloopMappingDirectives(
    const model::Workload &w, const model::Architecture &arch,
    const model::Mapping &mapping) {
  const int numDims = w.numDimensions();
  bool letters = llvm::all_of(w.dimensions, [](const model::Dimension &d) {
    return d.name.size() == 1;
  });
  // Non-unit loops innermost first, then the unit dimensions in order.
  auto directive = [&](const std::string &target, const char *type,
                       const std::vector<const model::MappingLoop *> &innermostFirst,
                       std::optional<int64_t> split) {
    std::vector<int64_t> factors(numDims, 1), residuals(numDims, 0);
    std::vector<int> order;
    for (const model::MappingLoop *loop : innermostFirst) {
      factors[loop->dimension] = loop->factor;
      if (loop->isImperfect())
        residuals[loop->dimension] = loop->residual;
      order.push_back(loop->dimension);
    }
    for (int d = 0; d < numDims; ++d)
      if (!llvm::is_contained(order, d))
        order.push_back(d);
    std::string factorText;
    // Timeloop's residual syntax: `P=4,3`.
    for (int d = 0; d < numDims; ++d) {
      factorText += (d ? " " : "") + w.dimensions[d].name + "=" +
                    std::to_string(factors[d]);
      if (residuals[d])
        factorText += "," + std::to_string(residuals[d]);
    }
    YamlNode permutation;
    if (letters) {
      std::string text;
      for (int d : order)
        text += w.dimensions[d].name;
      permutation = yamlScalar(text);
    } else {
      std::vector<std::string> names;
      for (int d : order)
        names.push_back(w.dimensions[d].name);
      permutation = stringList(names);
    }
    std::vector<std::pair<std::string, YamlNode>> entries = {
        {"target", yamlScalar(target)},
        {"type", yamlScalar(type)},
        {"factors", yamlScalar(factorText)},
        {"permutation", permutation}};
    if (split)
      entries.push_back({"split", yamlInteger(*split)});
    return yamlMapping(std::move(entries));
  };
  std::vector<YamlNode> directives;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const model::StorageLevel &storage = arch.storage[s];
    const model::LevelMapping &level = mapping.levels[s];
    std::vector<const model::MappingLoop *> temporal, spatial;
    for (auto it = level.temporal.rbegin(); it != level.temporal.rend(); ++it)
      if (it->factor > 1)
        temporal.push_back(&*it);
    directives.push_back(directive(storage.name, "temporal", temporal, {}));
    if (storage.fanout() > 1) {
      for (auto it = level.spatialX.rbegin(); it != level.spatialX.rend(); ++it)
        if (it->factor > 1)
          spatial.push_back(&*it);
      int64_t split = static_cast<int64_t>(spatial.size());
      for (auto it = level.spatialY.rbegin(); it != level.spatialY.rend(); ++it)
        if (it->factor > 1)
          spatial.push_back(&*it);
      directives.push_back(directive(storage.name, "spatial", spatial, split));
    }
    std::vector<std::string> keep, bypass;
    for (int ds = 0; ds < w.numDataSpaces(); ++ds)
      (level.keeps(ds) ? keep : bypass).push_back(w.dataSpaces[ds].name);
    directives.push_back(yamlMapping({{"target", yamlScalar(storage.name)},
                                      {"type", yamlScalar("bypass")},
                                      {"keep", stringList(keep)},
                                      {"bypass", stringList(bypass)}}));
  }
  return yamlSequence(std::move(directives));
}

