//===- TransformsApiTest.cpp - Accel's passes as a C++ API ----------------===//
//
// mapToArch, estimateCosts and tileMappedOp called directly, as a
// downstream tool or a transform op would, without a pass manager.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace accel;

namespace {

constexpr const char *kModule = R"mlir(
func.func @f(%a: tensor<16x32xf32>, %b: tensor<32x8xf32>, %c: tensor<16x8xf32>,
             %d: tensor<16x8xf32>) -> (tensor<16x8xf32>, tensor<16x8xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<16x32xf32>, tensor<32x8xf32>)
                     outs(%c : tensor<16x8xf32>) -> tensor<16x8xf32>
  %1 = linalg.add ins(%0, %d : tensor<16x8xf32>, tensor<16x8xf32>)
                  outs(%d : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %0, %1 : tensor<16x8xf32>, tensor<16x8xf32>
}
)mlir";

class TransformsApiTest : public ::testing::Test {
protected:
  TransformsApiTest() {
    DialectRegistry registry;
    linalg::registerTilingInterfaceExternalModels(registry);
    context.appendDialectRegistry(registry);
    context.loadDialect<AccelDialect, arith::ArithDialect,
                        bufferization::BufferizationDialect,
                        func::FuncDialect, linalg::LinalgDialect,
                        scf::SCFDialect, tensor::TensorDialect>();
    module = parseSourceString<ModuleOp>(kModule, &context);
  }

  linalg::LinalgOp matmul() {
    linalg::LinalgOp found;
    module->walk([&](linalg::MatmulOp op) { found = op; });
    return found;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(TransformsApiTest, MapEstimateAndTileWithoutAPassManager) {
  ASSERT_TRUE(module);
  MapToArchOptions options;
  options.arch = "edge_systolic";
  options.search.maxEvaluations = 500;
  options.search.threads = 1;
  FailureOr<MapToArchResult> mapped = mapToArch(*module, options);
  ASSERT_TRUE(succeeded(mapped));
  EXPECT_EQ(mapped->archName, "edge_systolic");
  ASSERT_EQ(mapped->ops.size(), 2u);
  EXPECT_EQ(mapped->mapped, 1u);
  EXPECT_EQ(mapped->skipped, 1u); // the elementwise add
  EXPECT_EQ(mapped->searches, 1u);
  EXPECT_EQ(mapped->evaluations, mapped->ops[0].search->evaluations);
  EXPECT_EQ(mapped->ops[0].shape, "M16 N8 K32");
  EXPECT_TRUE(StringRef(mapped->ops[1].status).starts_with("not mapped: "));
  ASSERT_TRUE(mapped->ops[0].search);
  const model::Result &searched = mapped->ops[0].search->result;
  EXPECT_EQ(searched.computes, 16 * 32 * 8);

  // Costing the attached mapping again gives the search's numbers.
  ArchitectureCache archs;
  FailureOr<std::vector<OpCost>> costs =
      estimateCosts(*module, EstimateOptions{}, archs);
  ASSERT_TRUE(succeeded(costs));
  ASSERT_EQ(costs->size(), 1u);
  EXPECT_EQ((*costs)[0].result.energy, searched.energy);
  EXPECT_EQ((*costs)[0].result.cycles, searched.cycles);

  // Tiling makes one loop per mapping loop with a factor above 1.
  int expectedLoops = 0;
  for (const model::LevelMapping &level : (*costs)[0].mapping.levels)
    for (const auto *loops : {&level.temporal, &level.spatialX,
                              &level.spatialY})
      for (const model::MappingLoop &loop : *loops)
        expectedLoops += loop.factor > 1;
  IRRewriter rewriter(&context);
  FailureOr<TiledOp> tiled = tileMappedOp(rewriter, matmul(), archs);
  ASSERT_TRUE(succeeded(tiled));
  EXPECT_EQ(static_cast<int>(tiled->loops.size()), expectedLoops);
  ASSERT_FALSE(tiled->loops.empty());
  EXPECT_TRUE(tiled->loops.front()->hasAttr(
      AccelDialect::TiledAttrHelper::getNameStr()));
  EXPECT_TRUE(tiled->loops.front()->hasAttr(
      AccelDialect::MappingAttrHelper::getNameStr()));
  EXPECT_GT(tiled->stagingCopies, 0u);
  EXPECT_TRUE(succeeded(verify(*module)));
}

TEST_F(TransformsApiTest, UnknownArchitectureFailsWithAnError) {
  ASSERT_TRUE(module);
  std::string error;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    error = diag.str();
    return success();
  });
  MapToArchOptions options;
  options.arch = "no_such_arch";
  EXPECT_TRUE(failed(mapToArch(*module, options)));
  EXPECT_NE(error.find("unknown architecture 'no_such_arch'"),
            std::string::npos)
      << error;
}

TEST_F(TransformsApiTest, TilingWithoutTheExternalModelsIsAnError) {
  MLIRContext bare;
  bare.loadDialect<AccelDialect, func::FuncDialect, linalg::LinalgDialect,
                   tensor::TensorDialect>();
  OwningOpRef<ModuleOp> parsed = parseSourceString<ModuleOp>(kModule, &bare);
  ASSERT_TRUE(parsed);
  MapToArchOptions options;
  options.arch = "edge_systolic";
  options.search.maxEvaluations = 200;
  options.search.threads = 1;
  ASSERT_TRUE(succeeded(mapToArch(*parsed, options)));
  std::string error;
  ScopedDiagnosticHandler handler(&bare, [&](Diagnostic &diag) {
    error = diag.str();
    return success();
  });
  linalg::LinalgOp op;
  parsed->walk([&](linalg::MatmulOp matmul) { op = matmul; });
  ArchitectureCache archs;
  IRRewriter rewriter(&bare);
  EXPECT_TRUE(failed(tileMappedOp(rewriter, op, archs)));
  EXPECT_NE(error.find("registerTilingInterfaceExternalModels"),
            std::string::npos)
      << error;
}

TEST_F(TransformsApiTest, TilingAnUnmappedOpIsALocatedError) {
  ASSERT_TRUE(module);
  std::string error;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    error = diag.str();
    return success();
  });
  ArchitectureCache archs;
  IRRewriter rewriter(&context);
  EXPECT_TRUE(failed(tileMappedOp(rewriter, matmul(), archs)));
  EXPECT_EQ(error, "has no 'accel.mapping' to tile by");
}

} // namespace
