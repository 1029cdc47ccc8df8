//===- TestWorkloadExtraction.cpp - Print extracted workloads -------------===//
//
// test-accel-workload: a remark on every linalg op with the workload the
// model sees: dimensions with bounds and each tensor's projection.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Pass/Pass.h"

using namespace mlir;

namespace {

std::string describe(const accel::ExtractedWorkload &extracted) {
  const accel::model::Workload &w = extracted.workload;
  std::string text;
  llvm::raw_string_ostream os(text);
  switch (extracted.kind) {
  case accel::WorkloadKind::Convolution:
    os << "convolution";
    break;
  case accel::WorkloadKind::Contraction:
    os << "contraction";
    break;
  case accel::WorkloadKind::Generic:
    os << "generic";
    break;
  }
  os << (extracted.multiplyAccumulate ? " mac" : "") << ":";
  for (const accel::model::Dimension &dim : w.dimensions)
    os << " " << dim.name << "=" << dim.bound;
  os << " |";
  for (const accel::model::DataSpace &ds : w.dataSpaces) {
    os << " " << ds.name;
    for (const accel::model::Rank &rank : ds.ranks) {
      os << "[";
      if (rank.empty())
        os << "0";
      for (auto [i, term] : llvm::enumerate(rank)) {
        if (i)
          os << " + ";
        if (term.coefficient != 1)
          os << term.coefficient << "*";
        os << w.dimensions[term.dimension].name;
      }
      os << "]";
    }
    if (ds.readWrite)
      os << " rw";
  }
  return text;
}

struct TestWorkloadExtractionPass
    : public PassWrapper<TestWorkloadExtractionPass, OperationPass<>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(TestWorkloadExtractionPass)

  TestWorkloadExtractionPass() = default;
  TestWorkloadExtractionPass(const TestWorkloadExtractionPass &pass)
      : PassWrapper(pass) {}

  StringRef getArgument() const final { return "test-accel-workload"; }
  StringRef getDescription() const final {
    return "Report the workload the model extracts from each linalg op";
  }

  Option<bool> requireMac{*this, "require-mac",
                          llvm::cl::desc("Skip ops that are not "
                                         "multiply-accumulates"),
                          llvm::cl::init(false)};

  void runOnOperation() override {
    getOperation()->walk([&](linalg::LinalgOp op) {
      accel::ExtractionOptions options;
      options.requireMultiplyAccumulate = requireMac;
      FailureOr<accel::ExtractionResult> result =
          accel::extractWorkload(op, options);
      if (succeeded(result) && result->extracted)
        op->emitRemark() << describe(*result->extracted);
    });
  }
};

} // namespace

namespace accel::test {
void registerTestWorkloadExtractionPass() {
  PassRegistration<TestWorkloadExtractionPass>();
}
} // namespace accel::test
