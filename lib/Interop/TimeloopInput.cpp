//===- TimeloopInput.cpp - Reading Timeloop's YAML inputs -----------------===//

#include "accel/Interop/TimeloopInput.h"

using namespace accel;
using namespace accel::interop;

llvm::Expected<TimeloopInput>
accel::interop::loadTimeloopFiles(llvm::ArrayRef<std::string> paths) {
  if (paths.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "no input files");
  YamlNode merged;
  merged.kind = YamlNode::Kind::Mapping;
  merged.location.file = paths.front();
  for (const std::string &path : paths) {
    llvm::Expected<YamlNode> document = parseYamlFile(path);
    if (!document)
      return document.takeError();
    if (!document->isMapping())
      return document->error("a Timeloop input file must be a mapping of "
                             "sections");
    mergeTopLevel(merged, std::move(*document));
  }
  return loadTimeloopDocument(std::move(merged));
}

/// Appends the directives of a constraints section: a list, or a mapping
/// with a `targets` or `constraints` list.
static llvm::Error collectDirectives(const YamlNode &section,
                                     std::vector<YamlNode> &out) {
  if (section.isNull())
    return llvm::Error::success();
  const YamlNode *list = &section;
  if (section.isMapping()) {
    list = section.getAny({"targets", "constraints"});
    if (!list)
      return llvm::Error::success(); // e.g. `mapspace: {template: uber}`
  }
  if (list->isNull())
    return llvm::Error::success();
  if (!list->isSequence())
    return list->error("constraints must be a list of directives");
  for (const YamlNode &directive : list->items)
    out.push_back(directive);
  return llvm::Error::success();
}

llvm::Expected<TimeloopInput>
accel::interop::loadTimeloopDocument(YamlNode document) {
  TimeloopInput input;
  const YamlNode *problem = document.get("problem");
  if (!problem)
    return document.error("no 'problem' section");
  llvm::Expected<model::Workload> workload = parseTimeloopProblem(*problem);
  if (!workload)
    return workload.takeError();
  input.workload = std::move(*workload);

  llvm::Expected<TimeloopArchitecture> arch =
      parseTimeloopArchitecture(document, input.warnings);
  if (!arch)
    return arch.takeError();
  input.architecture = std::move(*arch);

  if (const YamlNode *mapping = document.get("mapping");
      mapping && !mapping->isNull() &&
      !(mapping->isSequence() && mapping->items.empty())) {
    llvm::Expected<model::Mapping> parsed = parseTimeloopMapping(
        *mapping, input.workload, input.architecture, input.warnings);
    if (!parsed)
      return parsed.takeError();
    input.mapping = std::move(*parsed);
  }

  // Architecture constraints describe the hardware: their keep/bypass lists
  // become the levels' own constraints (accel.storage keep / bypass).
  std::vector<YamlNode> architectureConstraints =
      input.architecture.nodeConstraints;
  for (llvm::StringRef key : {"architecture_constraints", "arch_constraints"})
    if (const YamlNode *section = document.get(key))
      if (llvm::Error error =
              collectDirectives(*section, architectureConstraints))
        return std::move(error);
  if (const YamlNode *architecture = document.get("architecture"))
    if (const YamlNode *constraints = architecture->get("constraints"))
      if (llvm::Error error =
              collectDirectives(*constraints, architectureConstraints))
        return std::move(error);
  for (const YamlNode &directive : architectureConstraints) {
    const YamlNode *type = directive.get("type");
    const YamlNode *target = directive.get("target");
    if (!type || !target || !type->isScalar() ||
        (type->scalar != "bypass" && type->scalar != "datatype" &&
         type->scalar != "dataspace"))
      continue;
    llvm::Expected<int> level =
        resolveTimeloopTarget(*target, input.architecture);
    if (!level)
      return level.takeError();
    model::StorageLevel &storage = input.architecture.arch.storage[*level];
    for (auto [key, list] :
         {std::pair<const char *, std::vector<std::string> *>{
              "keep", &storage.keepConstraint},
          {"bypass", &storage.bypassConstraint}}) {
      const YamlNode *names = directive.get(key);
      if (!names || names->isNull())
        continue;
      if (!names->isSequence())
        return names->error(std::string("'") + key +
                            "' must be a list of tensor names");
      for (const YamlNode &name : names->items) {
        if (!name.isScalar() || input.workload.findDataSpace(name.scalar) < 0)
          return name.error("unknown tensor '" + name.scalar + "'");
        if (!llvm::is_contained(*list, name.scalar))
          list->push_back(name.scalar);
      }
    }
  }
  input.constraints = std::move(architectureConstraints);
  if (const YamlNode *mapspace = document.get("mapspace"))
    if (mapspace->isMapping())
      if (const YamlNode *templateName = mapspace->get("template")) {
        if (!templateName->isScalar() ||
            (templateName->scalar != "uber" && templateName->scalar != "ruby"))
          return templateName->error(
              "unknown mapspace template '" + templateName->scalar +
              "'; expected uber (perfect factors) or ruby (imperfect ones)");
        input.rubyMapspace = templateName->scalar == "ruby";
      }
  for (llvm::StringRef key : {"mapspace", "mapspace_constraints"})
    if (const YamlNode *section = document.get(key))
      if (llvm::Error error = collectDirectives(*section, input.constraints))
        return std::move(error);
  if (const YamlNode *mapper = document.get("mapper"))
    input.mapperSettings = *mapper;
  input.document = std::move(document);
  return input;
}
