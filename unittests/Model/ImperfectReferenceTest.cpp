//===- ImperfectReferenceTest.cpp - Imperfect factors against Timeloop ----===//
//
// test/Inputs/timeloop-imperfect holds mappings with imperfect factors
// (Timeloop's residual syntax) on the public reference designs, and the
// stats Timeloop master printed for them, as of 2024 and after its January
// 2025 reuse-filter fix (see its README). Where
// Timeloop's counts are self-consistent (its computes equal the operation
// count), Timeloop-compatible counting must print the same numbers; where
// Timeloop miscounts, it must not copy the defect but say so and count
// exactly. Exact counting must always count every operation once and never
// exceed full utilization.
//
//===----------------------------------------------------------------------===//

#include "../Support/ReferenceComparison.h"
#include "accel/Interop/TimeloopInput.h"

#include "gtest/gtest.h"

#include <fstream>
#include <sstream>

using namespace accel;
using namespace accel::testing;

namespace {

struct ImperfectCase {
  std::string version; ///< "2024" or "2025"
  std::string name, base, prefix;
  bool consistent = true;
};

void PrintTo(const ImperfectCase &c, std::ostream *os) {
  *os << c.version << "/" << c.name << " on " << c.base;
}

std::vector<ImperfectCase> imperfectCases() {
  std::vector<ImperfectCase> cases;
  for (const char *version : {"2024", "2025"}) {
    std::ifstream index(std::string(ACCEL_TEST_INPUTS) + "/timeloop-imperfect/" +
                        version + "/cases.txt");
    std::string line;
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == '#')
        continue;
      std::istringstream fields(line);
      ImperfectCase c;
      c.version = version;
      std::string counts;
      fields >> c.name >> c.base >> c.prefix >> counts;
      c.consistent = counts == "consistent";
      cases.push_back(c);
    }
  }
  return cases;
}

std::string caseDirectory(const ImperfectCase &c) {
  return std::string(ACCEL_TEST_INPUTS) + "/timeloop-imperfect/" + c.version +
         "/" + c.name + "/";
}

llvm::Expected<interop::TimeloopInput> loadCase(const ImperfectCase &c) {
  std::string base =
      std::string(ACCEL_TEST_INPUTS) + "/timeloop-reference/" + c.base + "/";
  return interop::loadTimeloopFiles(
      {base + "parsed-processed-input.yaml", base + c.prefix + ".ERT.yaml",
       base + c.prefix + ".ART.yaml", caseDirectory(c) + "case.yaml"});
}

class ImperfectReferenceTest : public ::testing::TestWithParam<ImperfectCase> {};

TEST_P(ImperfectReferenceTest, TimeloopCompatibleCounting) {
  const ImperfectCase &c = GetParam();
  llvm::Expected<interop::TimeloopInput> input = loadCase(c);
  ASSERT_TRUE(static_cast<bool>(input)) << llvm::toString(input.takeError());
  ASSERT_TRUE(input->mapping.has_value());
  ASSERT_TRUE(input->mapping->isImperfect());
  model::Result result = model::evaluate(
      input->workload, input->architecture.arch, *input->mapping,
      model::timeloopOptions(*model::parseTimeloopVersion(c.version)));
  ASSERT_TRUE(result.valid) << result.reason;
  if (c.consistent) {
    std::string error;
    std::optional<TimeloopStats> expected =
        parseTimeloopStats(caseDirectory(c) + "timeloop-model.stats.txt", error);
    ASSERT_TRUE(expected) << error;
    EXPECT_TRUE(result.note.empty()) << result.note;
    expectMatchesTimeloopStats(input->workload, input->architecture.arch,
                               result, *expected);
  } else {
    // Timeloop loses or invents operations here: we say so instead.
    EXPECT_NE(result.note.find("miscounts"), std::string::npos);
    EXPECT_EQ(result.computes, input->workload.numOperations());
    EXPECT_LE(result.utilization, 1.0);
  }
}

TEST_P(ImperfectReferenceTest, ExactCountingIsSelfConsistent) {
  const ImperfectCase &c = GetParam();
  llvm::Expected<interop::TimeloopInput> input = loadCase(c);
  ASSERT_TRUE(static_cast<bool>(input)) << llvm::toString(input.takeError());
  model::Result result = model::evaluate(
      input->workload, input->architecture.arch, *input->mapping, {});
  ASSERT_TRUE(result.valid) << result.reason;
  EXPECT_EQ(result.computes, input->workload.numOperations());
  EXPECT_LE(result.utilization, 1.0);
  EXPECT_LE(result.compute.utilizedInstances,
            input->architecture.arch.compute.instances);
}

std::string caseName(const ::testing::TestParamInfo<ImperfectCase> &info) {
  std::string name = "timeloop" + info.param.version + "_" + info.param.name;
  for (char &ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)))
      ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(TimeloopMaster, ImperfectReferenceTest,
                         ::testing::ValuesIn(imperfectCases()), caseName);

} // namespace
