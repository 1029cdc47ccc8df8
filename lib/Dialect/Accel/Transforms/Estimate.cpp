//===- Estimate.cpp - Cost every mapped op --------------------------------===//
//
// The accel-estimate analysis pass: evaluate each op's `accel.mapping` with
// the model and attach `accel.cost`; optionally write JSON and
// Timeloop-layout reports.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"
#include "accel/Interop/ResultJson.h"
#include "accel/Interop/TimeloopStats.h"
#include "accel/Model/Evaluation.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/ToolOutputFile.h"

namespace accel {
#define GEN_PASS_DEF_ACCELESTIMATE
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace accel

using namespace mlir;
using namespace accel;

namespace {

std::string locationText(Location loc) {
  if (auto fileLoc = loc->findInstanceOf<FileLineColLoc>())
    return (fileLoc.getFilename().getValue() + ":" +
            Twine(fileLoc.getLine()) + ":" + Twine(fileLoc.getColumn()))
        .str();
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

struct EstimatePass : public accel::impl::AccelEstimateBase<EstimatePass> {
  using AccelEstimateBase::AccelEstimateBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    ArchitectureCache archs;
    llvm::json::Array jsonOps;
    std::string text;
    llvm::raw_string_ostream textStream(text);
    bool failed = false;
    int index = 0;

    model::EvaluationOptions options =
        timeloopCompat ? model::timeloopOptions() : model::EvaluationOptions();

    module.walk([&](Operation *op) {
      auto mapping = op->getAttrOfType<MappingAttr>(
          AccelDialect::getMappingAttrName());
      if (!mapping)
        return;
      // Loop nests accel-tile produced keep their op's mapping and cost.
      if (op->hasAttr("accel.tiled") && !isa<linalg::LinalgOp>(op))
        return;
      auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
      if (!linalgOp) {
        op->emitError() << "'accel.mapping' is on an op that is not a linalg "
                           "structured op; only those can be modelled";
        failed = true;
        return;
      }
      const model::Architecture *found =
          archs.lookup(op, mapping.getArch().getValue());
      if (!found) {
        failed = true;
        return;
      }
      const model::Architecture &arch = *found;

      FailureOr<ExtractionResult> extraction = extractWorkload(linalgOp);
      if (::mlir::failed(extraction) || !extraction->extracted) {
        failed = true;
        return;
      }
      const model::Workload &workload = extraction->extracted->workload;
      FailureOr<model::Mapping> modelMapping =
          convertMapping(op, mapping, workload, arch);
      if (::mlir::failed(modelMapping)) {
        failed = true;
        return;
      }
      model::Result result =
          model::evaluate(workload, arch, *modelMapping, options);
      op->setAttr(AccelDialect::getCostAttrName(),
                  buildCostAttr(op->getContext(), arch, result));
      ++numOpsCosted;
      if (!result.valid) {
        ++numInvalidMappings;
        if (strict) {
          op->emitError() << "mapping is invalid: " << result.reason;
          failed = true;
        } else {
          op->emitWarning() << "mapping is invalid: " << result.reason;
        }
      }

      ++index;
      if (!reportJson.empty())
        jsonOps.push_back(llvm::json::Object{
            {"index", index},
            {"op", op->getName().getStringRef()},
            {"location", locationText(op->getLoc())},
            {"arch", mapping.getArch().getValue()},
            {"mapping", interop::mappingToJson(workload, arch, *modelMapping)},
            {"result", interop::resultToJson(workload, arch, result)},
        });
      if (!reportTimeloop.empty()) {
        textStream << "=== op " << index << ": " << op->getName() << " at "
                   << locationText(op->getLoc()) << " on @"
                   << mapping.getArch().getValue() << " ===\n\n";
        if (result.valid) {
          interop::writeTimeloopStats(textStream, workload, arch,
                                      *modelMapping, result);
          interop::writeTimeloopMap(textStream, workload, arch, *modelMapping,
                                    result);
        } else {
          textStream << "invalid mapping: " << result.reason << "\n";
        }
        textStream << "\n";
      }
    });

    auto write = [&](const std::string &path,
                     llvm::function_ref<void(llvm::raw_ostream &)> body) {
      std::string error;
      std::unique_ptr<llvm::ToolOutputFile> file =
          openOutputFile(path, &error);
      if (!file) {
        module.emitError() << "cannot write '" << path << "': " << error;
        failed = true;
        return;
      }
      body(file->os());
      file->keep();
    };
    if (!reportJson.empty())
      write(reportJson, [&](llvm::raw_ostream &os) {
        os << llvm::formatv(
                  "{0:2}",
                  llvm::json::Value(llvm::json::Object{{"ops", std::move(jsonOps)}}))
           << "\n";
      });
    if (!reportTimeloop.empty())
      write(reportTimeloop, [&](llvm::raw_ostream &os) { os << text; });
    if (failed)
      signalPassFailure();
  }
};

} // namespace
