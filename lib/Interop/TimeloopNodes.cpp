//===- TimeloopNodes.cpp - The v0.4 node-list architecture ----------------===//
//
// timeloopfe's flattening of `architecture: {nodes: [...]}` (spec 1.2.1):
// walk the nodes in order with a running mesh; container attributes become
// defaults of later components; a node with a spatial fanout creates a
// dummy level `inter_<name>_spatial` at the current mesh and multiplies the
// mesh; components are placed at the current mesh. `!Parallel` groups are
// inlined. Constraints written in nodes become directives targeting the
// level they constrain.
//
//===----------------------------------------------------------------------===//

#include "TimeloopArchitecture.h"

using namespace accel;
using namespace accel::interop;
using namespace accel::interop::detail;

static void flattenNodes(const YamlNode &list,
                         std::vector<const YamlNode *> &out) {
  for (const YamlNode &node : list.items) {
    if (node.tag == "!Parallel" || node.tag == "!Hierarchical" ||
        (node.tag.empty() && node.get("nodes") && !node.get("class"))) {
      if (const YamlNode *children = node.get("nodes");
          children && children->isSequence())
        flattenNodes(*children, out);
      continue;
    }
    out.push_back(&node);
  }
}

static YamlNode scalarNode(const std::string &text, const YamlLocation &loc) {
  YamlNode node;
  node.kind = YamlNode::Kind::Scalar;
  node.scalar = text;
  node.location = loc;
  return node;
}

/// Turns `constraints: {dataspace|bypass: ..., temporal: ..., spatial: ...}`
/// into directives.
static void collectConstraints(const YamlNode &node, const std::string &target,
                               const std::string &spatialTarget,
                               std::vector<YamlNode> &out) {
  const YamlNode *constraints = node.get("constraints");
  if (!constraints || !constraints->isMapping())
    return;
  for (const auto &[kind, body] : constraints->entries) {
    if (!body.isMapping())
      continue;
    YamlNode directive = body;
    std::string type = kind == "dataspace" ? "bypass" : kind;
    std::string directiveTarget = kind == "spatial" ? spatialTarget : target;
    directive.entries.emplace_back("target",
                                   scalarNode(directiveTarget, body.location));
    directive.entries.emplace_back("type", scalarNode(type, body.location));
    out.push_back(std::move(directive));
  }
}

llvm::Error detail::readNodesArchitecture(const YamlNode &nodes,
                                          TimeloopArchitecture &result) {
  if (!nodes.isSequence())
    return nodes.error("'nodes' must be a list");
  std::vector<const YamlNode *> flat;
  flattenNodes(nodes, flat);

  int64_t meshX = 1, meshY = 1;
  YamlNode inherited;
  inherited.kind = YamlNode::Kind::Mapping;
  std::vector<model::StorageLevel> outermostFirst;
  std::optional<model::ComputeLevel> compute;

  auto meshAttributes = [&](YamlNode attributes, const YamlLocation &loc) {
    YamlNode overlay;
    overlay.kind = YamlNode::Kind::Mapping;
    overlay.entries.emplace_back("meshX", scalarNode(std::to_string(meshX), loc));
    overlay.entries.emplace_back("meshY", scalarNode(std::to_string(meshY), loc));
    overlay.entries.emplace_back("instances",
                                 scalarNode(std::to_string(meshX * meshY), loc));
    mergeTopLevel(attributes, std::move(overlay));
    return attributes;
  };

  for (const YamlNode *node : flat) {
    const YamlNode *nameNode = node->get("name");
    if (!nameNode || !nameNode->isScalar())
      return node->error("architecture node needs a 'name'");
    const std::string &name = nameNode->scalar;
    bool isContainer = node->tag == "!Container" ||
                       (node->tag.empty() && !node->get("class"));
    if (!isContainer && node->tag != "!Component" && !node->tag.empty())
      return node->error("unknown architecture node tag '" + node->tag +
                         "'; expected !Container, !Component or !Parallel");

    int64_t fanX = 1, fanY = 1;
    if (const YamlNode *spatial = node->get("spatial");
        spatial && spatial->isMapping()) {
      if (const YamlNode *x = spatial->get("meshX")) {
        std::optional<int64_t> value = x->asInt();
        if (!value || *value < 1)
          return x->error("meshX must be a positive integer");
        fanX = *value;
      }
      if (const YamlNode *y = spatial->get("meshY")) {
        std::optional<int64_t> value = y->asInt();
        if (!value || *value < 1)
          return y->error("meshY must be a positive integer");
        fanY = *value;
      }
    }

    std::string spatialTarget = name;
    if (fanX * fanY != 1) {
      std::string dummyName = "inter_" + name + "_spatial";
      YamlNode dummy;
      dummy.kind = YamlNode::Kind::Mapping;
      dummy.location = node->location;
      for (auto [key, value] : {std::pair<const char *, const char *>{"width", "1"},
                                {"depth", "1"},
                                {"datawidth", "1"}})
        dummy.entries.emplace_back(key, scalarNode(value, node->location));
      YamlNode attributes = meshAttributes(dummy, node->location);
      model::StorageLevel level;
      if (llvm::Error error =
              readStorageLevel(*node, &attributes, dummyName, "dummy_storage",
                               meshX * meshY, level))
        return error;
      outermostFirst.push_back(std::move(level));
      if (isContainer)
        result.aliases[name] = dummyName;
      else
        result.spatialAliases[name] = dummyName;
      spatialTarget = dummyName;
      meshX *= fanX;
      meshY *= fanY;
    }

    if (isContainer && result.arch.name.empty())
      result.arch.name = name;
    if (isContainer) {
      if (const YamlNode *attributes = node->get("attributes");
          attributes && attributes->isMapping())
        mergeTopLevel(inherited, *attributes);
      collectConstraints(*node, spatialTarget, spatialTarget,
                         result.nodeConstraints);
      continue;
    }

    YamlNode attributes = inherited;
    if (const YamlNode *own = node->get("attributes"); own && own->isMapping())
      mergeTopLevel(attributes, *own);
    attributes = meshAttributes(std::move(attributes), node->location);
    const YamlNode *classNode = node->get("class");
    std::string className =
        classNode && classNode->isScalar() ? classNode->scalar : "";
    switch (classifyComponent(className)) {
    case ComponentClass::Storage: {
      model::StorageLevel level;
      if (llvm::Error error = readStorageLevel(*node, &attributes, name,
                                               className, meshX * meshY, level))
        return error;
      outermostFirst.push_back(std::move(level));
      break;
    }
    case ComponentClass::Compute: {
      if (compute)
        return node->error("architecture has a second compute component '" +
                           name + "'; exactly one is supported");
      model::ComputeLevel level;
      if (llvm::Error error = readComputeLevel(*node, &attributes, name,
                                               meshX * meshY, level))
        return error;
      compute = std::move(level);
      break;
    }
    case ComponentClass::Network:
    case ComponentClass::Other:
      break;
    }
    collectConstraints(*node, name, spatialTarget, result.nodeConstraints);
  }

  if (!compute)
    return nodes.error("architecture has no compute component");
  if (outermostFirst.empty())
    return nodes.error("architecture has no storage component");
  result.arch.compute = std::move(*compute);
  result.arch.storage.assign(std::make_move_iterator(outermostFirst.rbegin()),
                             std::make_move_iterator(outermostFirst.rend()));
  return llvm::Error::success();
}
