//===- MapToArch.cpp - Map every tensor op onto an architecture -----------===//
//
// The map-to-arch pass: for each multiply-accumulate linalg op, search the
// mapspace of its workload on the architecture (lib/Mapper) and attach the
// best mapping and its cost. Ops with identical workloads share one search.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/ArchitectureLibrary.h"
#include "accel/Dialect/Accel/Utils/ConstraintConversion.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"
#include "accel/Mapper/Search.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "llvm/Support/FormatVariadic.h"

#include <map>

#include <cmath>

namespace accel {
#define GEN_PASS_DEF_ACCELMAPTOARCH
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

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

struct OpOutcome {
  Operation *op;
  std::string shape;
  std::string status; ///< search status, or why the op was not mapped
  const mapper::SearchResult *search = nullptr;
};

struct MapToArchPass : public accel::impl::AccelMapToArchBase<MapToArchPass> {
  using AccelMapToArchBase::AccelMapToArchBase;

  void runOnOperation() override;

private:
  void printSummary(llvm::ArrayRef<OpOutcome> outcomes);
};

void MapToArchPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *context = module.getContext();

  mapper::SearchOptions options;
  std::optional<mapper::Objective> parsedObjective =
      mapper::Objective::parse(objective);
  if (!parsedObjective) {
    module.emitError() << "unknown objective '" << objective
                       << "'; expected edp, energy, delay, "
                          "last_level_accesses or a comma-separated list";
    return signalPassFailure();
  }
  if (!(timeLimit >= 0) || std::isinf(timeLimit)) {
    module.emitError() << "'time-limit' must be a finite, non-negative "
                          "number of seconds, got "
                       << timeLimit;
    return signalPassFailure();
  }
  options.objective = *parsedObjective;
  options.strategy = strategy;
  options.maxEvaluations = maxEvaluations;
  options.timeLimitSeconds = timeLimit;
  options.victoryCondition = victory;
  options.threads = threads;
  options.seed = seed;
  options.progress = progress;
  options.imperfectFactors = imperfect;
  if (timeloopCompat)
    options.evaluation = model::timeloopOptions();

  FailureOr<ArchOp> archOp = loadArchitectureInto(module, arch, module.getLoc());
  if (failed(archOp))
    return signalPassFailure();
  FailureOr<model::Architecture> architecture = convertArchitecture(*archOp);
  if (failed(architecture))
    return signalPassFailure();
  StringRef archName = archOp->getSymName();

  // Ops to map, in IR order.
  SmallVector<linalg::LinalgOp> ops;
  module.walk([&](linalg::LinalgOp op) { ops.push_back(op); });

  std::map<std::string, mapper::SearchResult> searches;
  std::vector<OpOutcome> outcomes;
  bool failedPass = false;
  for (linalg::LinalgOp linalgOp : ops) {
    Operation *op = linalgOp.getOperation();
    ExtractionOptions extraction;
    extraction.requireMultiplyAccumulate = true;
    extraction.errorsAsRemarks = true;
    // Why an op is left alone goes into the summary; a remark (with MLIR's
    // dump of the op) only when asked: a network export has hundreds of
    // elementwise ops.
    std::string reason;
    FailureOr<ExtractionResult> extracted = [&] {
      if (remarks)
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
      ++numOpsSkipped;
      StringRef why = reason;
      why.consume_front("not mapped: ");
      outcomes.push_back(
          {op, "", why.empty() ? "not mapped" : "not mapped: " + why.str(),
           nullptr});
      continue;
    }
    const model::Workload &workload = extracted->extracted->workload;
    std::string key = workloadKey(workload);
    auto found = searches.find(key);
    if (found == searches.end()) {
      if (progress)
        options.progressLabel =
            llvm::formatv("op {0}/{1} {2} {3}", outcomes.size() + 1,
                          ops.size(), op->getName().getStringRef(),
                          shapeText(workload))
                .str();
      FailureOr<model::MappingConstraints> constraints =
          buildMappingConstraints(*archOp, *architecture, workload);
      if (failed(constraints)) {
        failedPass = true;
        break;
      }
      found = searches
                  .emplace(key, mapper::searchMapping(workload, *architecture,
                                                      *constraints, options))
                  .first;
      ++numSearches;
      numEvaluations += found->second.evaluations;
    }
    const mapper::SearchResult &search = found->second;
    OpOutcome outcome{op, shapeText(workload), "", &search};
    if (!search.found) {
      if (!search.error.empty())
        op->emitRemark() << "not mapped: the constraints of @" << archName
                         << " cannot be satisfied: " << search.error;
      else
        op->emitRemark() << "not mapped: no valid mapping onto @" << archName
                         << " was found (" << search.evaluations
                         << " evaluated); its buffers may be too small for "
                            "the smallest tiles";
      outcome.status = "no mapping";
      ++numOpsUnmapped;
      outcome.search = nullptr;
      outcomes.push_back(std::move(outcome));
      continue;
    }
    op->setAttr(AccelDialect::getMappingAttrName(),
                buildMappingAttr(context, archName, search.mapping, workload,
                                 *architecture));
    op->setAttr(AccelDialect::getCostAttrName(),
                buildCostAttr(context, *architecture, search.result));
    outcome.status = mapper::stringifyStatus(search.status).str();
    ++numOpsMapped;
    outcomes.push_back(std::move(outcome));
  }
  if (failedPass)
    return signalPassFailure();
  if (summary)
    printSummary(outcomes);
}

void MapToArchPass::printSummary(llvm::ArrayRef<OpOutcome> outcomes) {
  llvm::raw_ostream &os = llvm::errs();
  os << llvm::formatv("map-to-arch: {0} ops on @{1}, objective {2}, {3} "
                      "search\n",
                      outcomes.size(), arch, objective,
                      mapper::stringifyStrategy(strategy));
  os << llvm::formatv("{0,3} {1,-34} {2,-34} {3,13} {4,13} {5,7} {6,8} {7}\n",
                      "#", "op", "shape", "energy (uJ)", "cycles", "util",
                      "pJ/MAC", "search");
  double totalEnergy = 0;
  int64_t totalCycles = 0, totalMacs = 0;
  int index = 0;
  for (const OpOutcome &outcome : outcomes) {
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

} // namespace
