//===- MapToArch.cpp - Map every tensor op onto an architecture -----------===//
//
// accel::mapToArch: for each multiply-accumulate linalg op, search the
// mapspace of its workload on the architecture (lib/Mapper) and attach the
// best mapping and its cost. Ops with identical workloads share one search.
// The map-to-arch pass (MapToArchPass.cpp) is a thin wrapper.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/ArchitectureLibrary.h"
#include "accel/Dialect/Accel/Utils/ConstraintConversion.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"

#include "llvm/Support/FormatVariadic.h"

#include <map>

using namespace mlir;
using namespace accel;

namespace {

/// Everything about a workload that a mapping depends on, names included
/// (mappings name dimensions and tensors).
std::string workloadKey(const model::Workload &workload) {
  std::string key;
  llvm::raw_string_ostream os(key);
  for (const model::Dimension &dim : workload.dimensions)
    os << dim.name << "=" << dim.bound << ",";
  for (const model::DataSpace &ds : workload.dataSpaces) {
    os << ";" << ds.name << (ds.readWrite ? "!" : "") << ":";
    for (const model::Rank &rank : ds.ranks) {
      os << "[";
      for (const model::ProjectionTerm &term : rank)
        os << term.coefficient << "*" << term.dimension << "+";
      os << "]";
    }
  }
  return key;
}

/// "N1 M64 C3 P112 Q112 R3 S3"
std::string shapeText(const model::Workload &workload) {
  std::string text;
  for (const model::Dimension &dim : workload.dimensions)
    text += (text.empty() ? "" : " ") + dim.name + std::to_string(dim.bound);
  return text;
}

} // namespace

FailureOr<MapToArchResult>
accel::mapToArch(ModuleOp module, const MapToArchOptions &options) {
  // Ops to map, in IR order.
  SmallVector<linalg::LinalgOp> ops;
  module.walk([&](linalg::LinalgOp op) { ops.push_back(op); });
  return mapOpsToArch(module, ops, options);
}

FailureOr<MapToArchResult>
accel::mapOpsToArch(ModuleOp module, ArrayRef<linalg::LinalgOp> ops,
                    const MapToArchOptions &options) {
  MLIRContext *context = module.getContext();
  FailureOr<ArchOp> archOp =
      loadArchitectureInto(module, options.arch, module.getLoc());
  if (failed(archOp))
    return failure();
  FailureOr<model::Architecture> architecture = convertArchitecture(*archOp);
  if (failed(architecture))
    return failure();
  MapToArchResult result;
  result.archName = archOp->getSymName().str();
  StringRef archName = archOp->getSymName();

  mapper::SearchOptions search = options.search;
  // One search per distinct workload: its result, or why the architecture's
  // constraints admit no mapping of it.
  struct CachedSearch {
    std::shared_ptr<const mapper::SearchResult> result;
    std::string unsatisfiable;
  };
  std::map<std::string, CachedSearch> searches;
  for (linalg::LinalgOp linalgOp : ops) {
    Operation *op = linalgOp.getOperation();
    ExtractionOptions extraction;
    extraction.requireMultiplyAccumulate = true;
    extraction.errorsAsRemarks = true;
    // Why an op is left alone goes into the result; a remark (with MLIR's
    // dump of the op) only when asked: a network export has hundreds of
    // elementwise ops.
    std::string reason;
    FailureOr<ExtractionResult> extracted = [&] {
      if (options.remarks)
        return extractWorkload(linalgOp, extraction);
      ScopedDiagnosticHandler capture(context, [&](Diagnostic &diag) {
        if (diag.getSeverity() != DiagnosticSeverity::Remark)
          return failure();
        reason = diag.str();
        return success();
      });
      return extractWorkload(linalgOp, extraction);
    }();
    if (failed(extracted) || !extracted->extracted) {
      ++result.skipped;
      StringRef why = reason;
      why.consume_front("not mapped: ");
      result.ops.push_back(
          {op, "", why.empty() ? "not mapped" : "not mapped: " + why.str(),
           nullptr});
      continue;
    }
    const model::Workload &workload = extracted->extracted->workload;
    std::string key = workloadKey(workload);
    auto found = searches.find(key);
    if (found == searches.end()) {
      if (search.progress)
        search.progressLabel =
            llvm::formatv("op {0}/{1} {2} {3}", result.ops.size() + 1,
                          ops.size(), op->getName().getStringRef(),
                          shapeText(workload))
                .str();
      FailureOr<model::MappingConstraints> constraints =
          buildMappingConstraints(*archOp, *architecture, workload);
      if (failed(constraints))
        return failure();
      llvm::Expected<mapper::SearchResult> searched =
          mapper::searchMapping(workload, *architecture, *constraints, search);
      ++result.searches;
      CachedSearch cached;
      if (searched) {
        result.evaluations += searched->evaluations;
        cached.result =
            std::make_shared<const mapper::SearchResult>(std::move(*searched));
      } else {
        cached.unsatisfiable = llvm::toString(searched.takeError());
      }
      found = searches.emplace(key, std::move(cached)).first;
    }
    const CachedSearch &cached = found->second;
    OpMappingOutcome outcome{op, shapeText(workload), "", cached.result};
    if (!cached.result || !cached.result->found) {
      if (!cached.result)
        op->emitRemark() << "not mapped: the constraints of @" << archName
                         << " cannot be satisfied: " << cached.unsatisfiable;
      else
        op->emitRemark() << "not mapped: no valid mapping onto @" << archName
                         << " was found (" << cached.result->evaluations
                         << " evaluated); its buffers may be too small for "
                            "the smallest tiles";
      outcome.status = "no mapping";
      outcome.search = nullptr;
      ++result.unmapped;
      result.ops.push_back(std::move(outcome));
      continue;
    }
    const mapper::SearchResult &searched = *cached.result;
    op->setAttr(AccelDialect::MappingAttrHelper::getNameStr(),
                buildMappingAttr(context, archName, searched.mapping, workload,
                                 *architecture));
    op->setAttr(AccelDialect::CostAttrHelper::getNameStr(),
                buildCostAttr(context, *architecture, searched.result));
    outcome.status = mapper::stringifyStatus(searched.status).str();
    ++result.mapped;
    result.ops.push_back(std::move(outcome));
  }
  return result;
}

void accel::printMappingSummary(llvm::raw_ostream &os,
                                const MapToArchResult &result,
                                const mapper::SearchOptions &search) {
  llvm::ArrayRef<OpMappingOutcome> outcomes = result.ops;
  os << llvm::formatv("map-to-arch: {0} ops on @{1}, objective {2}, {3} "
                      "search\n",
                      outcomes.size(), result.archName,
                      search.objective.str(),
                      mapper::stringifyStrategy(search.strategy));
  os << llvm::formatv("{0,3} {1,-34} {2,-34} {3,13} {4,13} {5,7} {6,8} {7}\n",
                      "#", "op", "shape", "energy (uJ)", "cycles", "util",
                      "pJ/MAC", "search");
  double totalEnergy = 0;
  int64_t totalCycles = 0, totalMacs = 0;
  int index = 0;
  for (const OpMappingOutcome &outcome : outcomes) {
    ++index;
    std::string name = outcome.op->getName().getStringRef().str();
    if (!outcome.search) {
      os << llvm::formatv("{0,3} {1,-34} {2,-34} {3,13} {4,13} {5,7} {6,8} "
                          "{7}\n",
                          index, name, outcome.shape, "-", "-", "-", "-",
                          outcome.status);
      continue;
    }
    const model::Result &result = outcome.search->result;
    totalEnergy += result.energy;
    totalCycles += result.cycles;
    totalMacs += result.computes;
    os << llvm::formatv("{0,3} {1,-34} {2,-34} {3,13:F3} {4,13} {5,6:F1}% "
                        "{6,8:F3} {7}\n",
                        index, name, outcome.shape, result.energy * 1e-6,
                        result.cycles, result.utilization * 100,
                        result.femtojoulesPerCompute() * 1e-3, outcome.status);
  }
  os << llvm::formatv("total: {0:F3} uJ, {1} cycles, {2} MACs", totalEnergy * 1e-6,
                      totalCycles, totalMacs);
  if (totalMacs)
    os << llvm::formatv(", {0:F3} pJ/MAC",
                        totalEnergy / static_cast<double>(totalMacs));
  os << "\n";
}

