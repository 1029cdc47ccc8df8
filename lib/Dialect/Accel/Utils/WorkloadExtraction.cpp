//===- WorkloadExtraction.cpp - linalg ops as model workloads -------------===//

#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/IR/AffineExpr.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace accel;

/// Writes `expr * scale` as coefficients of the loop dimensions plus a
/// constant; fails (saying why) for anything not an affine sum of
/// dimensions with constant coefficients.
static LogicalResult linearize(AffineExpr expr, int64_t scale,
                               SmallVectorImpl<int64_t> &coefficients,
                               std::string &why) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    coefficients[dim.getPosition()] += scale;
    return success();
  }
  if (isa<AffineConstantExpr>(expr))
    return success(); // offsets (padding) do not change tile sizes
  if (isa<AffineSymbolExpr>(expr)) {
    why = "it uses a symbol";
    return failure();
  }
  auto binary = cast<AffineBinaryOpExpr>(expr);
  switch (expr.getKind()) {
  case AffineExprKind::Add:
    return success(
        succeeded(linearize(binary.getLHS(), scale, coefficients, why)) &&
        succeeded(linearize(binary.getRHS(), scale, coefficients, why)));
  case AffineExprKind::Mul: {
    if (auto constant = dyn_cast<AffineConstantExpr>(binary.getRHS()))
      return linearize(binary.getLHS(), scale * constant.getValue(),
                       coefficients, why);
    if (auto constant = dyn_cast<AffineConstantExpr>(binary.getLHS()))
      return linearize(binary.getRHS(), scale * constant.getValue(),
                       coefficients, why);
    why = "it multiplies two loop dimensions";
    return failure();
  }
  case AffineExprKind::Mod:
    why = "it uses 'mod'";
    return failure();
  case AffineExprKind::FloorDiv:
    why = "it uses 'floordiv'";
    return failure();
  case AffineExprKind::CeilDiv:
    why = "it uses 'ceildiv'";
    return failure();
  default:
    why = "it is not an affine sum of loop dimensions";
    return failure();
  }
}

/// Looks through value-preserving casts (extensions, truncations).
static Value skipCasts(Value value) {
  while (Operation *def = value.getDefiningOp()) {
    if (!isa<arith::ExtFOp, arith::ExtSIOp, arith::ExtUIOp, arith::TruncFOp,
             arith::TruncIOp, arith::SIToFPOp, arith::UIToFPOp,
             arith::BitcastOp>(def))
      break;
    value = def->getOperand(0);
  }
  return value;
}

static bool isMultiplication(Value value) {
  Operation *def = skipCasts(value).getDefiningOp();
  return def && isa<arith::MulFOp, arith::MulIOp, complex::MulOp>(def);
}

/// Whether the op accumulates into output `init` with `acc + a * b`.
static bool accumulatesProduct(linalg::LinalgOp op) {
  if (op.getNumDpsInits() != 1 || op->getNumRegions() != 1 ||
      op->getRegion(0).empty())
    return false;
  Block *body = op.getBlock();
  auto yield = dyn_cast<linalg::YieldOp>(body->getTerminator());
  if (!yield || yield.getNumOperands() != 1)
    return false;
  Value accumulator = op.getMatchingBlockArgument(op.getDpsInitOperand(0));
  Operation *sum = skipCasts(yield.getOperand(0)).getDefiningOp();
  if (!sum || !isa<arith::AddFOp, arith::AddIOp, complex::AddOp>(sum))
    return false;
  Value lhs = skipCasts(sum->getOperand(0)), rhs = skipCasts(sum->getOperand(1));
  return (lhs == accumulator && isMultiplication(rhs)) ||
         (rhs == accumulator && isMultiplication(lhs));
}

/// Conventional dimension names; empty entries get d<i> later.
static void nameConvolutionDims(const linalg::ConvolutionDimensions &dims,
                                SmallVectorImpl<std::string> &names) {
  auto assign = [&](ArrayRef<unsigned> positions,
                    ArrayRef<const char *> fromInnermost,
                    const char *overflow) {
    int count = static_cast<int>(positions.size());
    for (int i = 0; i < count; ++i) {
      int fromEnd = count - 1 - i;
      names[positions[i]] = fromEnd < static_cast<int>(fromInnermost.size())
                                ? fromInnermost[fromEnd]
                                : std::string(overflow) + std::to_string(i);
    }
  };
  assign(dims.batch, {"N"}, "N");
  assign(dims.depth, {"G"}, "G");
  assign(dims.outputChannel, {"M"}, "M");
  assign(dims.inputChannel, {"C"}, "C");
  assign(dims.outputImage, {"P", "Q", "U"}, "P");
  assign(dims.filterLoop, {"R", "S", "T"}, "R");
}

static void nameContractionDims(const linalg::ContractionDimensions &dims,
                                SmallVectorImpl<std::string> &names) {
  auto assign = [&](ArrayRef<unsigned> positions, const char *base) {
    for (size_t i = 0; i < positions.size(); ++i)
      names[positions[i]] =
          positions.size() == 1 ? base : base + std::to_string(i);
  };
  assign(dims.batch, "B");
  assign(dims.m, "M");
  assign(dims.n, "N");
  assign(dims.k, "K");
}

/// Reads a string-array override attribute of the expected length.
static LogicalResult readNameOverride(Operation *op, StringRef attrName,
                                      size_t expected, const char *what,
                                      SmallVectorImpl<std::string> &names,
                                      bool emitDiagnostics) {
  auto attr = op->getAttrOfType<ArrayAttr>(attrName);
  if (!attr)
    return success();
  if (attr.size() != expected) {
    if (emitDiagnostics)
      op->emitError() << "'" << attrName << "' lists " << attr.size() << " "
                      << what << " names, but the op has " << expected;
    return failure();
  }
  for (auto [i, name] : llvm::enumerate(attr)) {
    auto str = dyn_cast<StringAttr>(name);
    if (!str || str.getValue().empty()) {
      if (emitDiagnostics)
        op->emitError() << "'" << attrName
                        << "' must hold non-empty strings";
      return failure();
    }
    names[i] = str.getValue().str();
  }
  return success();
}

FailureOr<ExtractionResult>
accel::extractWorkload(linalg::LinalgOp op, const ExtractionOptions &options) {
  Operation *operation = op.getOperation();
  auto error = [&]() -> InFlightDiagnostic {
    if (options.errorsAsRemarks)
      return std::move(operation->emitRemark() << "not mapped: ");
    return operation->emitError();
  };
  auto skip = [&](const Twine &why) -> FailureOr<ExtractionResult> {
    if (options.emitDiagnostics)
      operation->emitRemark() << "not mapped: " << why;
    ExtractionResult result;
    result.skipped = true;
    return result;
  };

  if (op.hasDynamicShape()) {
    if (options.emitDiagnostics)
      error() << "cannot model an op with dynamic shapes; the model needs "
                 "static loop bounds";
    return failure();
  }
  if (!op.hasPureTensorSemantics() && !op.hasPureBufferSemantics()) {
    if (options.emitDiagnostics)
      error() << "cannot model an op that mixes tensors and memrefs";
    return failure();
  }

  const unsigned numLoops = op.getNumLoops();
  bool hasReduction = op.getNumReductionLoops() > 0;
  bool mac = accumulatesProduct(op);
  if (options.requireMultiplyAccumulate) {
    if (!hasReduction)
      return skip("it has no reduction loop (elementwise, fill or copy), so "
                  "there is nothing to accumulate on a MAC array");
    if (isa<linalg::PoolingNhwcSumOp, linalg::PoolingNhwcMaxOp,
            linalg::PoolingNhwcMinOp, linalg::PoolingNchwSumOp,
            linalg::PoolingNchwMaxOp, linalg::PoolingNwcSumOp,
            linalg::PoolingNcwSumOp, linalg::PoolingNwcMaxOp,
            linalg::PoolingNcwMaxOp>(operation))
      return skip("pooling is not a multiply-accumulate");
    if (!mac)
      return skip("its body does not accumulate a product into its output "
                  "(e.g. pooling or a plain reduction), so it is not a "
                  "multiply-accumulate workload");
  }

  ExtractedWorkload extracted;
  extracted.multiplyAccumulate = mac;
  model::Workload &workload = extracted.workload;
  workload.name = operation->getName().getStringRef().str();

  if (numLoops == 0) {
    if (options.emitDiagnostics)
      error() << "cannot model an op without loops";
    return failure();
  }
  if (numLoops > static_cast<unsigned>(model::kMaxDimensions)) {
    if (options.emitDiagnostics)
      error() << "cannot model an op with " << numLoops
              << " loops; at most " << model::kMaxDimensions
              << " are supported";
    return failure();
  }

  // Names: conventional by op kind, overridable.
  SmallVector<std::string> dimNames(numLoops);
  SmallVector<std::string> tensorNames(op->getNumOperands());
  const unsigned numInputs = op.getNumDpsInputs();
  // Named ops get their conventional names; a linalg.generic keeps d0.. and
  // operand indices unless it says otherwise.
  bool named = !isa<linalg::GenericOp>(operation);
  FailureOr<linalg::ConvolutionDimensions> conv = failure();
  FailureOr<linalg::ContractionDimensions> contraction = failure();
  if (named && mac && linalg::isaConvolutionOpInterface(op))
    conv = linalg::inferConvolutionDims(op);
  if (succeeded(conv)) {
    extracted.kind = WorkloadKind::Convolution;
    nameConvolutionDims(*conv, dimNames);
    const char *roles[] = {"I", "W"};
    for (unsigned i = 0; i < numInputs; ++i)
      tensorNames[i] = i < 2 ? roles[i] : "Z" + std::to_string(i - 2);
  } else if (named && mac && linalg::isaContractionOpInterface(op) &&
             succeeded(contraction = linalg::inferContractionDims(op))) {
    extracted.kind = WorkloadKind::Contraction;
    nameContractionDims(*contraction, dimNames);
    const char *roles[] = {"A", "B"};
    for (unsigned i = 0; i < numInputs; ++i)
      tensorNames[i] = i < 2 ? roles[i] : "Z" + std::to_string(i - 2);
  } else {
    extracted.kind = WorkloadKind::Generic;
    for (unsigned i = 0; i < op->getNumOperands(); ++i)
      tensorNames[i] = std::to_string(i);
  }
  if (extracted.kind != WorkloadKind::Generic) {
    const char *output = extracted.kind == WorkloadKind::Convolution ? "O" : "C";
    for (unsigned i = numInputs; i < op->getNumOperands(); ++i)
      tensorNames[i] = i == numInputs ? output
                                      : std::string(output) +
                                            std::to_string(i - numInputs);
  }
  for (unsigned d = 0; d < numLoops; ++d)
    if (dimNames[d].empty())
      dimNames[d] = "d" + std::to_string(d);
  if (failed(readNameOverride(
          operation, AccelDialect::DimNamesAttrHelper::getNameStr(), numLoops,
          "dimension", dimNames, options.emitDiagnostics)) ||
      failed(readNameOverride(operation,
                              AccelDialect::TensorNamesAttrHelper::getNameStr(),
                              op->getNumOperands(), "tensor", tensorNames,
                              options.emitDiagnostics)))
    return failure();

  // Dimensions with their bounds.
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  for (unsigned d = 0; d < numLoops; ++d) {
    if (bounds[d] < 1) {
      if (options.emitDiagnostics)
        error() << "loop dimension '" << dimNames[d] << "' has size "
                << bounds[d] << "; the model needs positive sizes";
      return failure();
    }
    workload.dimensions.push_back({dimNames[d], bounds[d]});
  }

  // Data spaces from the indexing maps.
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  for (OpOperand &operand : op->getOpOperands()) {
    unsigned index = operand.getOperandNumber();
    AffineMap map = maps[index];
    model::DataSpace ds;
    ds.name = tensorNames[index];
    ds.readWrite = index >= numInputs;
    for (auto [resultIndex, expr] : llvm::enumerate(map.getResults())) {
      SmallVector<int64_t> coefficients(numLoops, 0);
      std::string why;
      if (failed(linearize(expr, 1, coefficients, why))) {
        if (options.emitDiagnostics) {
          std::string text;
          llvm::raw_string_ostream os(text);
          expr.print(os);
          error() << "cannot model operand #" << index << " ('" << ds.name
                  << "'): its index expression '" << text << "' (result #"
                  << resultIndex << " of its indexing map) is not an affine "
                  << "sum of loop dimensions: " << why;
        }
        return failure();
      }
      model::Rank rank;
      for (unsigned d = 0; d < numLoops; ++d)
        if (coefficients[d] != 0)
          rank.push_back({static_cast<int>(d), coefficients[d]});
      ds.ranks.push_back(std::move(rank));
    }
    workload.dataSpaces.push_back(std::move(ds));
  }

  if (std::string why = workload.explainInvalid(); !why.empty()) {
    if (options.emitDiagnostics)
      error() << "cannot model this op: " << why;
    return failure();
  }
  ExtractionResult result;
  result.extracted = std::move(extracted);
  return result;
}
