//===- ExportTimeloop.cpp - accel IR to Timeloop YAML ---------------------===//
//
// One YAML document in the processed form timeloop-model consumes: the
// architecture tree (fanouts as `dummy_storage` levels, as Timeloop's front
// end makes them), problem, mapping (permutations innermost first, factors
// for every dimension), architecture keep/bypass constraints, ERT and ART.
//
//===----------------------------------------------------------------------===//

#include "accel/Model/MappingConstraints.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"
#include "accel/Interop/TimeloopMappingWriter.h"
#include "accel/Interop/YamlTree.h"
#include "accel/Target/Timeloop/TimeloopTranslation.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <map>

using namespace mlir;
using namespace accel;
using namespace accel::interop;

namespace {

std::string instanceName(const std::string &name, int64_t instances) {
  return name + "[1.." + std::to_string(instances) + "]";
}

YamlNode stringList(const std::vector<std::string> &names) {
  std::vector<YamlNode> items;
  for (const std::string &name : names)
    items.push_back(yamlScalar(name));
  return yamlSequence(std::move(items));
}

YamlNode architectureNode(const model::Architecture &arch,
                          const std::string &top) {
  std::vector<YamlNode> local;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const model::StorageLevel &level = arch.storage[s];
    std::vector<std::pair<std::string, YamlNode>> attrs;
    std::string className;
    if (level.isFanoutOnly) {
      className = "dummy_storage";
      attrs = {{"width", yamlInteger(1)},
               {"depth", yamlInteger(1)},
               {"datawidth", yamlInteger(1)}};
    } else {
      className = level.technology == model::Technology::DRAM      ? "DRAM"
                  : level.technology == model::Technology::RegFile ? "regfile"
                                                                   : "SRAM";
      if (level.size)
        attrs.push_back({"entries", yamlInteger(*level.size)});
      attrs.push_back({"datawidth", yamlInteger(level.wordBits)});
      attrs.push_back({"block_size", yamlInteger(level.blockSize)});
      attrs.push_back({"cluster_size", yamlInteger(level.clusterSize)});
      attrs.push_back(
          {"multiple_buffering", yamlNumber(level.multipleBuffering)});
      attrs.push_back({"min_utilization", yamlNumber(level.minUtilization)});
      if (level.readBandwidth)
        attrs.push_back({"read_bandwidth", yamlNumber(*level.readBandwidth)});
      if (level.writeBandwidth)
        attrs.push_back({"write_bandwidth", yamlNumber(*level.writeBandwidth)});
      if (level.sharedBandwidth)
        attrs.push_back(
            {"shared_bandwidth", yamlNumber(*level.sharedBandwidth)});
      attrs.push_back({"reduction_supported", yamlBool(level.reductionSupported)});
      if (level.networkFillLatency != 0)
        attrs.push_back(
            {"network_fill_latency", yamlNumber(level.networkFillLatency)});
      if (level.networkDrainLatency != 0)
        attrs.push_back(
            {"network_drain_latency", yamlNumber(level.networkDrainLatency)});
      if (level.addressGenerationEnergy)
        attrs.push_back(
            {"addr_gen_energy", yamlNumber(*level.addressGenerationEnergy)});
      if (level.network.wordBits)
        attrs.push_back(
            {"network_word_bits", yamlInteger(*level.network.wordBits)});
      if (level.network.energyPerHop != 0)
        attrs.push_back({"energy_per_hop", yamlNumber(level.network.energyPerHop)});
      if (level.network.routerEnergy != 0)
        attrs.push_back({"router_energy", yamlNumber(level.network.routerEnergy)});
      if (level.network.wireEnergy != 0)
        attrs.push_back({"wire_energy", yamlNumber(level.network.wireEnergy)});
      if (level.network.tileWidthUm != 0)
        attrs.push_back({"tile_width", yamlNumber(level.network.tileWidthUm)});
    }
    attrs.push_back({"meshX", yamlInteger(level.meshX)});
    attrs.push_back({"meshY", yamlInteger(level.meshY)});
    local.push_back(yamlMapping({{"name", yamlScalar(instanceName(
                                              level.name, level.instances))},
                                 {"class", yamlScalar(className)},
                                 {"attributes", yamlMapping(std::move(attrs))}}));
  }
  const model::ComputeLevel &compute = arch.compute;
  local.push_back(yamlMapping(
      {{"name", yamlScalar(instanceName(compute.name, compute.instances))},
       {"class", yamlScalar("intmac")},
       {"attributes",
        yamlMapping({{"datawidth", yamlInteger(compute.wordBits)},
                     {"meshX", yamlInteger(compute.meshX)},
                     {"meshY", yamlInteger(compute.meshY)}})}}));
  return yamlMapping(
      {{"version", yamlScalar("0.4", true)},
       {"subtree",
        yamlSequence({yamlMapping({{"name", yamlScalar(top + "_top_level")},
                                   {"local", yamlSequence(std::move(local))}})})}});
}

YamlNode energyTables(const model::Architecture &arch, const std::string &top) {
  auto action = [](const char *name, double energy) {
    return yamlMapping({{"name", yamlScalar(name)},
                        {"arguments", yamlMapping()},
                        {"energy", yamlNumber(energy)}});
  };
  std::vector<YamlNode> tables;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const model::StorageLevel &level = arch.storage[s];
    if (level.isFanoutOnly)
      continue;
    tables.push_back(yamlMapping(
        {{"name", yamlScalar(top + "_top_level." +
                             instanceName(level.name, level.instances))},
         {"actions", yamlSequence({action("read", level.readEnergy),
                                   action("write", level.fillEnergy),
                                   action("update", level.updateEnergy),
                                   action("leak", level.leakEnergy)})}}));
  }
  tables.push_back(yamlMapping(
      {{"name", yamlScalar(top + "_top_level." +
                           instanceName(arch.compute.name,
                                        arch.compute.instances))},
       {"actions", yamlSequence({action("compute", arch.compute.energy)})}}));
  return yamlMapping({{"version", yamlScalar("0.4", true)},
                      {"tables", yamlSequence(std::move(tables))}});
}

YamlNode areaTables(const model::Architecture &arch, const std::string &top) {
  std::vector<YamlNode> tables;
  auto entry = [&](const std::string &name, int64_t instances, double area) {
    tables.push_back(yamlMapping(
        {{"name",
          yamlScalar(top + "_top_level." + instanceName(name, instances))},
         {"area", yamlNumber(area)}}));
  };
  for (int s = arch.numLevels() - 1; s >= 0; --s)
    if (!arch.storage[s].isFanoutOnly)
      entry(arch.storage[s].name, arch.storage[s].instances,
            arch.storage[s].area);
  entry(arch.compute.name, arch.compute.instances, arch.compute.area);
  return yamlMapping({{"version", yamlScalar("0.4", true)},
                      {"tables", yamlSequence(std::move(tables))}});
}

/// Problem shape with named coefficients for every non-unit coefficient.
YamlNode problemNode(const model::Workload &w, const std::string &name) {
  std::map<int64_t, std::string> coefficientNames;
  std::vector<YamlNode> dataSpaces;
  for (const model::DataSpace &ds : w.dataSpaces) {
    std::vector<YamlNode> ranks;
    for (const model::Rank &rank : ds.ranks) {
      std::vector<YamlNode> terms;
      for (const model::ProjectionTerm &term : rank) {
        std::vector<YamlNode> parts = {
            yamlScalar(w.dimensions[term.dimension].name)};
        if (term.coefficient != 1) {
          std::string &coefficient = coefficientNames[term.coefficient];
          if (coefficient.empty())
            coefficient = "coef" + std::to_string(term.coefficient);
          parts.push_back(yamlScalar(coefficient));
        }
        terms.push_back(yamlSequence(std::move(parts)));
      }
      ranks.push_back(yamlSequence(std::move(terms)));
    }
    std::vector<std::pair<std::string, YamlNode>> entries = {
        {"name", yamlScalar(ds.name)},
        {"projection", yamlSequence(std::move(ranks))}};
    if (ds.readWrite)
      entries.push_back({"read_write", yamlBool(true)});
    dataSpaces.push_back(yamlMapping(std::move(entries)));
  }
  std::vector<YamlNode> dimensions, coefficients;
  std::vector<std::pair<std::string, YamlNode>> instance;
  for (const model::Dimension &dim : w.dimensions) {
    dimensions.push_back(yamlScalar(dim.name));
    instance.push_back({dim.name, yamlInteger(dim.bound)});
  }
  for (const auto &[value, coefficient] : coefficientNames)
    coefficients.push_back(yamlMapping(
        {{"name", yamlScalar(coefficient)}, {"default", yamlInteger(value)}}));
  return yamlMapping(
      {{"version", yamlScalar("0.4", true)},
       {"shape", yamlMapping({{"name", yamlScalar(name)},
                              {"dimensions", yamlSequence(std::move(dimensions))},
                              {"coefficients", yamlSequence(std::move(coefficients))},
                              {"data_spaces", yamlSequence(std::move(dataSpaces))}})},
       {"instance", yamlMapping(std::move(instance))}});
}

/// The workload's names for the tensors a keep/bypass list names by name
/// or role (Inputs, Weights, Outputs); Timeloop knows only the problem's
/// names, and tensors the workload lacks are dropped (as the mapper ignores
/// them).
std::vector<std::string> problemTensorNames(const model::Workload &workload,
                                            llvm::ArrayRef<std::string> names) {
  std::vector<std::string> resolved;
  for (const std::string &name : names) {
    int ds = model::resolveTensorRole(workload, name);
    if (ds < 0)
      continue;
    const std::string &problemName = workload.dataSpaces[ds].name;
    if (!llvm::is_contained(resolved, problemName))
      resolved.push_back(problemName);
  }
  return resolved;
}

YamlNode constraintsNode(const model::Architecture &arch,
                         const model::Workload &workload) {
  std::vector<YamlNode> targets;
  for (int s = arch.numLevels() - 1; s >= 0; --s) {
    const model::StorageLevel &level = arch.storage[s];
    std::vector<std::string> keep =
        problemTensorNames(workload, level.keepConstraint);
    std::vector<std::string> bypass =
        problemTensorNames(workload, level.bypassConstraint);
    if (keep.empty() && bypass.empty())
      continue;
    std::vector<std::pair<std::string, YamlNode>> entries = {
        {"target", yamlScalar(level.name)}, {"type", yamlScalar("bypass")}};
    if (!keep.empty())
      entries.push_back({"keep", stringList(keep)});
    if (!bypass.empty())
      entries.push_back({"bypass", stringList(bypass)});
    targets.push_back(yamlMapping(std::move(entries)));
  }
  return yamlMapping({{"targets", yamlSequence(std::move(targets))}});
}

} // namespace

/// `name` with every character but letters, digits and '_' replaced by
/// '_' (and a leading '_' before a digit).
static std::string timeloopIdentifier(llvm::StringRef name) {
  std::string out;
  for (char c : name)
    out += llvm::isAlnum(c) || c == '_' ? c : '_';
  if (out.empty() || llvm::isDigit(out.front()))
    out.insert(out.begin(), '_');
  return out;
}

LogicalResult accel::exportTimeloop(ModuleOp module, unsigned opIndex,
                                    llvm::raw_ostream &os) {
  Operation *target = nullptr;
  unsigned seen = 0;
  module.walk([&](Operation *op) {
    if (!target && op->hasAttr(AccelDialect::MappingAttrHelper::getNameStr()) &&
        seen++ == opIndex)
      target = op;
  });
  if (!target)
    return module.emitError() << "no op with an 'accel.mapping' at index "
                              << opIndex << " (found " << seen << ")";
  auto linalgOp = dyn_cast<linalg::LinalgOp>(target);
  if (!linalgOp)
    return target->emitError() << "only linalg structured ops can be exported";
  auto mapping = target->getAttrOfType<MappingAttr>(
      AccelDialect::MappingAttrHelper::getNameStr());
  ArchOp archOp = lookupArchitecture(target, mapping.getArch().getAttr());
  if (!archOp)
    return target->emitError() << "mapping refers to " << mapping.getArch()
                               << ", which is not an accel.arch in scope";
  FailureOr<model::Architecture> arch = convertArchitecture(archOp);
  if (failed(arch))
    return failure();
  FailureOr<ExtractionResult> extracted = extractWorkload(linalgOp);
  if (failed(extracted) || !extracted->extracted)
    return failure();
  const model::Workload &workload = extracted->extracted->workload;
  FailureOr<model::Mapping> modelMapping =
      convertMapping(target, mapping, workload, *arch);
  if (failed(modelMapping))
    return failure();

  std::string name = "problem";
  if (auto func = target->getParentOfType<func::FuncOp>())
    name = timeloopIdentifier(func.getSymName());
  // Timeloop reads '.' as a hierarchy separator and '[a..b]' as an instance
  // range in component names: names are written as identifiers (mappings
  // refer to levels by position, so they follow), and the file imports back.
  llvm::StringSet<> used;
  auto rename = [&](std::string &levelName) {
    std::string base = timeloopIdentifier(levelName), unique = base;
    for (int n = 2; !used.insert(unique).second; ++n)
      unique = base + "_" + std::to_string(n);
    levelName = unique;
  };
  for (model::StorageLevel &level : arch->storage)
    rename(level.name);
  rename(arch->compute.name);
  arch->name = timeloopIdentifier(arch->name);
  std::string top = arch->name;
  YamlNode document = yamlMapping(
      {{"architecture", architectureNode(*arch, top)},
       {"architecture_constraints", constraintsNode(*arch, workload)},
       {"problem", problemNode(workload, name)},
       {"mapping", timeloopMappingDirectives(workload, *arch, *modelMapping)},
       {"ERT", energyTables(*arch, top)},
       {"ART", areaTables(*arch, top)}});
  writeYaml(os, document);
  return success();
}
