//===- CostReports.cpp - Write what estimateCosts projects ----------------===//
//
// The JSON report (the model's full result per op) and the Timeloop-layout
// report (stats and map text per op) of `--accel-estimate`.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Interop/ResultJson.h"
#include "accel/Interop/TimeloopStats.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace accel;

static std::string locationText(Location loc) {
  if (auto fileLoc = loc->findInstanceOf<FileLineColLoc>())
    return (fileLoc.getFilename().getValue() + ":" +
            Twine(fileLoc.getLine()) + ":" + Twine(fileLoc.getColumn()))
        .str();
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

void accel::writeCostReportJson(llvm::raw_ostream &os,
                                llvm::ArrayRef<OpCost> costs) {
  llvm::json::Array ops;
  int index = 0;
  for (const OpCost &cost : costs)
    ops.push_back(llvm::json::Object{
        {"index", ++index},
        {"op", cost.op->getName().getStringRef()},
        {"location", locationText(cost.op->getLoc())},
        {"arch", cost.archName},
        {"mapping",
         interop::mappingToJson(cost.workload, *cost.arch, cost.mapping)},
        {"result",
         interop::resultToJson(cost.workload, *cost.arch, cost.result)},
    });
  os << llvm::formatv(
            "{0:2}",
            llvm::json::Value(llvm::json::Object{{"ops", std::move(ops)}}))
     << "\n";
}

void accel::writeCostReportTimeloop(llvm::raw_ostream &os,
                                    llvm::ArrayRef<OpCost> costs) {
  int index = 0;
  for (const OpCost &cost : costs) {
    os << "=== op " << ++index << ": " << cost.op->getName() << " at "
       << locationText(cost.op->getLoc()) << " on @" << cost.archName
       << " ===\n\n";
    if (cost.result.valid) {
      interop::writeTimeloopStats(os, cost.workload, *cost.arch, cost.mapping,
                                  cost.result);
      interop::writeTimeloopMap(os, cost.workload, *cost.arch, cost.mapping,
                                cost.result);
    } else {
      os << "invalid mapping: " << cost.result.reason << "\n";
    }
    os << "\n";
  }
}
