//===- ReferenceCasesTest.cpp - Parity with Timeloop's reference outputs --===//
//
// Every public reference case: evaluate Timeloop's own input with our model
// and compare with the numbers Timeloop printed in its stats file, in both
// counting modes.
//
//===----------------------------------------------------------------------===//

#include "../Support/ReferenceComparison.h"
#include "accel/Interop/TimeloopInput.h"

#include "gtest/gtest.h"

using namespace accel;
using namespace accel::testing;

namespace {

class ReferenceCaseTest
    : public ::testing::TestWithParam<std::tuple<ReferenceCase, bool>> {};

TEST_P(ReferenceCaseTest, MatchesTimeloopStats) {
  const auto &[reference, exact] = GetParam();
  llvm::Expected<interop::TimeloopInput> input =
      interop::loadTimeloopFiles(referenceInputs(reference));
  ASSERT_TRUE(static_cast<bool>(input)) << llvm::toString(input.takeError());
  ASSERT_TRUE(input->mapping.has_value());
  std::string error;
  std::optional<TimeloopStats> expected =
      parseTimeloopStats(referenceStatsPath(reference), error);
  ASSERT_TRUE(expected) << error;

  model::EvaluationOptions options;
  options.exactCounts = exact;
  model::Result result =
      model::evaluate(input->workload, input->architecture.arch,
                      *input->mapping, options);
  expectMatchesTimeloopStats(input->workload, input->architecture.arch, result,
                             *expected);
}

std::string caseName(
    const ::testing::TestParamInfo<std::tuple<ReferenceCase, bool>> &info) {
  std::string name = std::get<0>(info.param).directory;
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return name + (std::get<1>(info.param) ? "_exact" : "_timeloop");
}

INSTANTIATE_TEST_SUITE_P(Timeloop, ReferenceCaseTest,
                         ::testing::Combine(::testing::ValuesIn(referenceCases()),
                                            ::testing::Bool()),
                         caseName);

} // namespace
