//===- ReferenceCasesTest.cpp - Parity with Timeloop's reference outputs --===//
//
// Every public reference case: evaluate Timeloop's own input with our model
// and compare with the numbers Timeloop printed in its stats file. The
// reference outputs come from Timeloop master as of 2024; three of them
// change under its January 2025 reuse-filter fix, and those 2025 outputs
// are in test/Inputs/timeloop-master-2025. Timeloop-compatible counting is
// compared with each version; exact counting (which keeps the 2025 filter)
// with the 2025 outputs, the two modes agreeing on these cases.
//
//===----------------------------------------------------------------------===//

#include "../Support/ReferenceComparison.h"
#include "accel/Interop/TimeloopInput.h"

#include "gtest/gtest.h"

#include <filesystem>

using namespace accel;
using namespace accel::testing;

namespace {

enum class Counting { Timeloop2024, Timeloop2025, Exact };

struct ReferenceParam {
  ReferenceCase reference;
  Counting counting;
};

void PrintTo(const ReferenceParam &param, std::ostream *os) {
  *os << param.reference.directory << " ("
      << (param.counting == Counting::Exact          ? "exact"
          : param.counting == Counting::Timeloop2024 ? "timeloop 2024"
                                                     : "timeloop 2025")
      << ")";
}

/// The stats Timeloop printed for the case under the given filter.
std::string expectedStats(const ReferenceParam &param) {
  std::string reference = referenceStatsPath(param.reference);
  if (param.counting == Counting::Timeloop2024)
    return reference;
  std::string updated = std::string(ACCEL_TEST_INPUTS) +
                        "/timeloop-master-2025/" +
                        param.reference.directory + "/" +
                        param.reference.prefix + ".stats.txt";
  return std::filesystem::exists(updated) ? updated : reference;
}

class ReferenceCaseTest : public ::testing::TestWithParam<ReferenceParam> {};

TEST_P(ReferenceCaseTest, MatchesTimeloopStats) {
  const ReferenceParam &param = GetParam();
  llvm::Expected<interop::TimeloopInput> input =
      interop::loadTimeloopFiles(referenceInputs(param.reference));
  ASSERT_TRUE(static_cast<bool>(input)) << llvm::toString(input.takeError());
  ASSERT_TRUE(input->mapping.has_value());
  std::string error;
  std::optional<TimeloopStats> expected =
      parseTimeloopStats(expectedStats(param), error);
  ASSERT_TRUE(expected) << error;

  model::EvaluationOptions options =
      param.counting == Counting::Exact ? model::EvaluationOptions()
      : param.counting == Counting::Timeloop2024
          ? model::timeloopOptions(model::TimeloopVersion::Master2024)
          : model::timeloopOptions(model::TimeloopVersion::Master2025);
  model::Result result =
      model::evaluate(input->workload, input->architecture.arch,
                      *input->mapping, options);
  expectMatchesTimeloopStats(input->workload, input->architecture.arch, result,
                             *expected);
}

std::vector<ReferenceParam> params() {
  std::vector<ReferenceParam> result;
  for (const ReferenceCase &reference : referenceCases())
    for (Counting counting :
         {Counting::Timeloop2024, Counting::Timeloop2025, Counting::Exact})
      result.push_back({reference, counting});
  return result;
}

std::string caseName(const ::testing::TestParamInfo<ReferenceParam> &info) {
  std::string name = info.param.reference.directory;
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  switch (info.param.counting) {
  case Counting::Timeloop2024:
    return name + "_timeloop2024";
  case Counting::Timeloop2025:
    return name + "_timeloop2025";
  case Counting::Exact:
    return name + "_exact";
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Timeloop, ReferenceCaseTest,
                         ::testing::ValuesIn(params()), caseName);

} // namespace
