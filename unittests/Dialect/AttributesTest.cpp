//===- AttributesTest.cpp - accel attribute builders and accessors --------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace accel;

namespace {

class AccelAttributesTest : public ::testing::Test {
protected:
  AccelAttributesTest() { context.loadDialect<AccelDialect>(); }

  LoopSpec loop(StringRef dim, int64_t factor) {
    return LoopSpec{StringAttr::get(&context, dim), factor};
  }
  StringAttr str(StringRef s) { return StringAttr::get(&context, s); }

  std::string print(Attribute attr) {
    std::string text;
    llvm::raw_string_ostream os(text);
    attr.print(os);
    return text;
  }

  MLIRContext context;
};

TEST_F(AccelAttributesTest, LevelMappingBuilderAndAccessors) {
  auto level = LevelMappingAttr::get(
      &context, str("shared_glb"), {loop("Q", 4), loop("P", 14)}, {}, {},
      {str("Inputs"), str("Outputs")}, {str("Weights")});
  EXPECT_EQ(level.getLevel().getValue(), "shared_glb");
  ASSERT_EQ(level.getTemporal().size(), 2u);
  EXPECT_EQ(level.getTemporal()[0].dim.getValue(), "Q");
  EXPECT_EQ(level.getTemporal()[1].factor, 14);
  EXPECT_FALSE(level.hasSpatialLoops());
  EXPECT_EQ(level.getKeep().size(), 2u);
  EXPECT_EQ(level.getBypass()[0].getValue(), "Weights");
  // Uniquing: the same parameters give the same attribute.
  auto same = LevelMappingAttr::get(
      &context, str("shared_glb"), {loop("Q", 4), loop("P", 14)}, {}, {},
      {str("Inputs"), str("Outputs")}, {str("Weights")});
  EXPECT_EQ(level, same);
}

TEST_F(AccelAttributesTest, MappingPrintsAndParsesBack) {
  auto dram = LevelMappingAttr::get(&context, str("DRAM"),
                                    {loop("M", 4), loop("P", 8)}, {}, {}, {},
                                    {});
  auto pe = LevelMappingAttr::get(&context, str("PE"), {}, {loop("Q", 14)},
                                  {loop("C", 3), loop("S", 3)}, {}, {});
  auto mapping = MappingAttr::get(
      &context, FlatSymbolRefAttr::get(&context, "eyeriss"), {dram, pe});
  EXPECT_EQ(mapping.lookupLevel("PE"), pe);
  EXPECT_FALSE(mapping.lookupLevel("nope"));
  EXPECT_TRUE(pe.hasSpatialLoops());

  std::string text = print(mapping);
  EXPECT_EQ(text, "#accel.mapping<@eyeriss, [\"DRAM\": temporal [M 4, P 8], "
                  "\"PE\": spatial x [Q 14] y [C 3, S 3]]>");
  Attribute parsed = parseAttribute(text, &context);
  EXPECT_EQ(parsed, mapping);
}

TEST_F(AccelAttributesTest, GetCheckedReportsVerifierErrors) {
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  auto bad = LevelMappingAttr::getChecked(
      [&]() { return emitError(UnknownLoc::get(&context)); }, &context,
      str("RF"), {loop("K", 2), loop("K", 3)}, {}, {}, {}, {});
  EXPECT_FALSE(bad);
  EXPECT_EQ(message,
            "dimension 'K' appears twice in the temporal loops of level 'RF'");
}

TEST_F(AccelAttributesTest, CostBuildersAndAccessors) {
  LevelCost dram{str("DRAM"), 1.5e6};
  auto cost = CostAttr::get(&context, 2.25e6, 86016, 0.75, 10838016, {dram});
  EXPECT_DOUBLE_EQ(cost.getEnergy(), 2.25e6);
  EXPECT_EQ(cost.getCycles(), 86016);
  EXPECT_DOUBLE_EQ(cost.getUtilizationValue(), 0.75);
  EXPECT_EQ(cost.getMacs(), 10838016);
  EXPECT_TRUE(cost.getValid());
  ASSERT_EQ(cost.getLevels().size(), 1u);
  EXPECT_DOUBLE_EQ(cost.getLevels()[0].energyPj, 1.5e6);

  std::string text = print(cost);
  EXPECT_EQ(text, "#accel.cost<energy_pj = 2.25e+06, cycles = 86016, "
                  "utilization = 0.75, macs = 10838016, levels = [\"DRAM\": "
                  "1.5e+06]>");
  EXPECT_EQ(parseAttribute(text, &context), cost);

  auto invalid = CostAttr::get(&context, "capacity exceeded");
  EXPECT_FALSE(invalid.getValid());
  EXPECT_EQ(invalid.getReason(), "capacity exceeded");
  EXPECT_EQ(parseAttribute(print(invalid), &context), invalid);
}

TEST(PrintRoundTripDoubleTest, ShortestExactLiteral) {
  auto render = [](double value) {
    std::string text;
    llvm::raw_string_ostream os(text);
    printRoundTripDouble(os, value);
    return text;
  };
  EXPECT_EQ(render(0.75), "0.75");
  EXPECT_EQ(render(3.0), "3.0");
  EXPECT_EQ(render(1e20), "1.0e+20");
  EXPECT_EQ(render(360.0), "360.0");
  EXPECT_EQ(render(2.25e6), "2.25e+06");
  EXPECT_EQ(render(-4.5), "-4.5");
  EXPECT_EQ(render(0.1), "0.1");
  // A value needing all 17 digits still reads back exactly.
  double third = 1.0 / 3.0;
  EXPECT_EQ(std::strtod(render(third).c_str(), nullptr), third);
}

} // namespace
