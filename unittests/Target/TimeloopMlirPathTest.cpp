//===- TimeloopMlirPathTest.cpp - Reference cases through the IR ----------===//
//
// Every public reference case goes Timeloop YAML -> accel IR (import) ->
// model inputs read back from the IR (architecture op, workload extracted
// from the linalg op, mapping attribute) -> evaluation, and must reproduce
// Timeloop's stats as the direct path does (counted as the Timeloop that
// printed them did).
//
//===----------------------------------------------------------------------===//

#include "../Support/ReferenceComparison.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"
#include "accel/Target/Timeloop/TimeloopTranslation.h"

#include "mlir/IR/Verifier.h"

#include "gtest/gtest.h"

using namespace accel;
using namespace accel::testing;

namespace {

class TimeloopMlirPathTest : public ::testing::TestWithParam<ReferenceCase> {};

TEST_P(TimeloopMlirPathTest, ImportedIrReproducesTimeloop) {
  const ReferenceCase &reference = GetParam();
  llvm::Expected<interop::TimeloopInput> input =
      interop::loadTimeloopFiles(referenceInputs(reference));
  ASSERT_TRUE(static_cast<bool>(input)) << llvm::toString(input.takeError());

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module = importTimeloop(
      *input, &context, mlir::UnknownLoc::get(&context));
  ASSERT_TRUE(module);
  ASSERT_TRUE(mlir::succeeded(mlir::verify(*module)));

  mlir::linalg::LinalgOp op;
  module->walk([&](mlir::linalg::LinalgOp found) { op = found; });
  ASSERT_TRUE(op);
  auto mapping = op->getAttrOfType<MappingAttr>(
      AccelDialect::MappingAttrHelper::getNameStr());
  ASSERT_TRUE(mapping);
  auto archOp = mlir::SymbolTable::lookupNearestSymbolFrom<ArchOp>(
      op, mapping.getArch());
  ASSERT_TRUE(archOp);

  mlir::FailureOr<model::Architecture> arch = convertArchitecture(archOp);
  ASSERT_TRUE(mlir::succeeded(arch));
  mlir::FailureOr<ExtractionResult> extracted = extractWorkload(op);
  ASSERT_TRUE(mlir::succeeded(extracted) && extracted->extracted);
  const model::Workload &workload = extracted->extracted->workload;
  mlir::FailureOr<model::Mapping> modelMapping =
      convertMapping(op, mapping, workload, *arch);
  ASSERT_TRUE(mlir::succeeded(modelMapping));

  std::string error;
  std::optional<TimeloopStats> expected =
      parseTimeloopStats(referenceStatsPath(reference), error);
  ASSERT_TRUE(expected) << error;
  model::Result result = model::evaluate(workload, *arch, *modelMapping,
                                         model::timeloopOptions());
  expectMatchesTimeloopStats(workload, *arch, result, *expected);
}

std::string caseName(const ::testing::TestParamInfo<ReferenceCase> &info) {
  std::string name = info.param.directory;
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Timeloop, TimeloopMlirPathTest,
                         ::testing::ValuesIn(referenceCases()), caseName);

} // namespace
