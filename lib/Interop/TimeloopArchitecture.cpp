//===- TimeloopArchitecture.cpp - Reading Timeloop architectures ----------===//
//
// Three layouts (spec sections 1.2.1-1.2.2): the processed tree
// (`architecture: {subtree: [{name, local: [...], subtree: [...]}]}`), the
// v0.4 node list (`architecture: {nodes: [...]}`), and the ISPASS form
// (`arch: {arithmetic: {...}, storage: [...]}`, innermost storage first).
//
//===----------------------------------------------------------------------===//

#include "TimeloopArchitecture.h"

using namespace accel;
using namespace accel::interop;
using namespace accel::interop::detail;

namespace {
/// Levels in order of appearance (outermost first) and the compute level.
struct ArchitectureBuilder {
  std::vector<model::StorageLevel> outermostFirst;
  std::optional<model::ComputeLevel> compute;
  const YamlNode *computeNode = nullptr;

  llvm::Error addComponent(const YamlNode &component,
                           const YamlNode *attributes, int64_t multiplicity,
                           std::vector<std::string> &warnings) {
    const YamlNode *nameNode = component.get("name");
    if (!nameNode || !nameNode->isScalar())
      return component.error("architecture component needs a 'name'");
    std::string name;
    int64_t count = 1;
    if (llvm::Error error =
            splitInstanceRange(*nameNode, nameNode->scalar, name, count))
      return error;
    const YamlNode *classNode = component.get("class");
    std::string className =
        classNode && classNode->isScalar() ? classNode->scalar : "";
    switch (classifyComponent(className)) {
    case ComponentClass::Storage: {
      model::StorageLevel level;
      if (llvm::Error error = readStorageLevel(component, attributes, name,
                                               className, multiplicity * count,
                                               level))
        return error;
      outermostFirst.push_back(std::move(level));
      return llvm::Error::success();
    }
    case ComponentClass::Compute: {
      if (compute)
        return component.error("architecture has a second compute component '" +
                               name + "'; exactly one is supported");
      model::ComputeLevel level;
      if (llvm::Error error = readComputeLevel(component, attributes, name,
                                               multiplicity * count, level))
        return error;
      compute = std::move(level);
      computeNode = &component;
      return llvm::Error::success();
    }
    case ComponentClass::Network:
      warnings.push_back(component.location.str() + ": network component '" +
                         name + "' is ignored; inferred networks are used");
      return llvm::Error::success();
    case ComponentClass::Other:
      warnings.push_back(component.location.str() + ": component '" + name +
                         "' of class '" + className +
                         "' is neither storage nor compute; ignored");
      return llvm::Error::success();
    }
    return llvm::Error::success();
  }

  llvm::Error walkSubtree(const YamlNode &subtree, int64_t multiplicity,
                          std::vector<std::string> &warnings) {
    if (const YamlNode *nameNode = subtree.get("name");
        nameNode && nameNode->isScalar()) {
      std::string name;
      int64_t count = 1;
      if (llvm::Error error =
              splitInstanceRange(*nameNode, nameNode->scalar, name, count))
        return error;
      multiplicity *= count;
    }
    if (const YamlNode *local = subtree.get("local"); local && !local->isNull()) {
      if (!local->isSequence())
        return local->error("'local' must be a list of components");
      for (const YamlNode &component : local->items)
        if (llvm::Error error = addComponent(
                component, component.get("attributes"), multiplicity, warnings))
          return error;
    }
    if (const YamlNode *children = subtree.get("subtree");
        children && !children->isNull()) {
      if (!children->isSequence())
        return children->error("'subtree' must be a list");
      if (children->items.size() > 1)
        return children->error("only one subtree per level is supported");
      for (const YamlNode &child : children->items)
        if (llvm::Error error = walkSubtree(child, multiplicity, warnings))
          return error;
    }
    return llvm::Error::success();
  }
};
} // namespace

static llvm::Error finish(const YamlNode &where, ArchitectureBuilder &builder,
                          TimeloopArchitecture &result) {
  if (!builder.compute)
    return where.error("architecture has no compute component (a class "
                       "containing 'mac', 'intmac', 'fpmac' or 'compute')");
  if (builder.outermostFirst.empty())
    return where.error("architecture has no storage component");
  result.arch.compute = std::move(*builder.compute);
  result.arch.storage.assign(
      std::make_move_iterator(builder.outermostFirst.rbegin()),
      std::make_move_iterator(builder.outermostFirst.rend()));
  return llvm::Error::success();
}

llvm::Expected<TimeloopArchitecture>
accel::interop::parseTimeloopArchitecture(const YamlNode &document,
                                          std::vector<std::string> &warnings) {
  TimeloopArchitecture result;
  ArchitectureBuilder builder;
  const YamlNode *architecture = document.get("architecture");
  if (architecture && architecture->isMapping() && architecture->get("nodes")) {
    if (llvm::Error error =
            readNodesArchitecture(*architecture->get("nodes"), result))
      return std::move(error);
  } else if (architecture) {
    const YamlNode *subtree = architecture->get("subtree");
    if (!subtree)
      return architecture->error(
          "architecture needs a 'subtree' (processed form) or 'nodes' "
          "(v0.4 form)");
    const YamlNode *root = subtree;
    if (subtree->isSequence()) {
      if (subtree->items.size() != 1)
        return subtree->error("the architecture needs exactly one top subtree");
      root = &subtree->items.front();
    }
    if (const YamlNode *name = root->get("name"); name && name->isScalar()) {
      llvm::StringRef text = llvm::StringRef(name->scalar).split('[').first;
      text.consume_back("_top_level");
      result.arch.name = text.str();
    }
    if (llvm::Error error = builder.walkSubtree(*root, 1, warnings))
      return std::move(error);
    if (llvm::Error error = finish(*architecture, builder, result))
      return std::move(error);
  } else if (const YamlNode *ispass = document.get("arch")) {
    const YamlNode *arithmetic = ispass->get("arithmetic");
    const YamlNode *storage = ispass->get("storage");
    if (!arithmetic || !storage || !storage->isSequence())
      return ispass->error("'arch' needs 'arithmetic' and a 'storage' list");
    auto scalar = [](std::string text) {
      YamlNode node;
      node.kind = YamlNode::Kind::Scalar;
      node.scalar = std::move(text);
      return node;
    };
    YamlNode computeComponent = *arithmetic;
    if (!computeComponent.get("class"))
      computeComponent.entries.emplace_back("class", scalar("compute"));
    if (llvm::Error error =
            builder.addComponent(computeComponent, arithmetic, 1, warnings))
      return std::move(error);
    // ISPASS lists storage innermost first.
    for (auto it = storage->items.rbegin(); it != storage->items.rend(); ++it) {
      YamlNode component = *it;
      if (!component.get("class"))
        component.entries.emplace_back(
            "class", scalar(component.get("technology") &&
                                    component.get("technology")->scalar ==
                                        "DRAM"
                                ? "DRAM"
                                : "SRAM"));
      if (llvm::Error error = builder.addComponent(component, &*it, 1, warnings))
        return std::move(error);
    }
    if (llvm::Error error = finish(*ispass, builder, result))
      return std::move(error);
    result.arch.name = "arch";
  } else {
    return document.error("no 'architecture' (or ISPASS 'arch') section");
  }

  if (llvm::Error error = applyEnergyTables(document.get("ERT"),
                                            document.get("ART"), result.arch,
                                            warnings))
    return std::move(error);
  if (llvm::Error error = result.arch.finalize())
    return (architecture ? architecture : &document)
        ->error(llvm::toString(std::move(error)));
  return result;
}
