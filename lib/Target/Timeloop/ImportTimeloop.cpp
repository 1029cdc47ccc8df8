//===- ImportTimeloop.cpp - Timeloop YAML to accel IR ---------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/MappingConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"
#include "accel/Target/Timeloop/TimeloopTranslation.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"

#include <set>

using namespace mlir;
using namespace accel;

/// A symbol-friendly version of `name`: letters, digits and underscores.
static std::string sanitize(llvm::StringRef name, llvm::StringRef fallback) {
  std::string result;
  for (char c : name)
    result += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (result.empty())
    result = fallback.str();
  if (std::isdigit(static_cast<unsigned char>(result.front())))
    result = "_" + result;
  return result;
}

namespace {

/// Dimensions of a rank given as single dimensions with coefficient 1.
std::optional<std::vector<int>> singleDims(const model::DataSpace &ds) {
  std::vector<int> dims;
  for (const model::Rank &rank : ds.ranks) {
    if (rank.size() != 1 || rank[0].coefficient != 1)
      return std::nullopt;
    dims.push_back(rank[0].dimension);
  }
  return dims;
}

int intersectOne(const std::vector<int> &a, const std::vector<int> &b) {
  int found = -1;
  for (int x : a)
    if (llvm::is_contained(b, x)) {
      if (found >= 0)
        return -1;
      found = x;
    }
  return found;
}

/// The roles of a 2-D convolution problem (Timeloop's 7-D CNN layer).
struct Conv2d {
  int weights, inputs, outputs;
  int n, m, c, oh, ow, kh, kw;
  int64_t strideH, strideW, dilationH, dilationW;
};

std::optional<Conv2d> matchConv2d(const model::Workload &w) {
  if (w.numDimensions() != 7 || w.numDataSpaces() != 3)
    return std::nullopt;
  int outputs = -1;
  std::vector<int> readOnly;
  for (int ds = 0; ds < 3; ++ds)
    (w.dataSpaces[ds].readWrite ? outputs : readOnly.emplace_back()) = ds;
  if (outputs < 0 || readOnly.size() != 2)
    return std::nullopt;
  std::optional<std::vector<int>> out = singleDims(w.dataSpaces[outputs]);
  if (!out || out->size() != 4)
    return std::nullopt;
  for (int candidate = 0; candidate < 2; ++candidate) {
    Conv2d conv{};
    conv.outputs = outputs;
    conv.weights = readOnly[candidate];
    conv.inputs = readOnly[1 - candidate];
    std::optional<std::vector<int>> weight = singleDims(w.dataSpaces[conv.weights]);
    const model::DataSpace &input = w.dataSpaces[conv.inputs];
    if (!weight || weight->size() != 4 || input.ranks.size() != 4)
      continue;
    std::vector<int> inputSingles;
    std::vector<const model::Rank *> windows;
    bool ok = true;
    for (const model::Rank &rank : input.ranks) {
      if (rank.size() == 1 && rank[0].coefficient == 1)
        inputSingles.push_back(rank[0].dimension);
      else if (rank.size() == 2 && rank[0].coefficient > 0 &&
               rank[1].coefficient > 0)
        windows.push_back(&rank);
      else
        ok = false;
    }
    if (!ok || inputSingles.size() != 2 || windows.size() != 2)
      continue;
    conv.m = intersectOne(*out, *weight);
    conv.n = intersectOne(*out, inputSingles);
    conv.c = intersectOne(*weight, inputSingles);
    if (conv.m < 0 || conv.n < 0 || conv.c < 0)
      continue;
    // Each window pairs an output position with a filter position.
    auto split = [&](const model::Rank &rank, int &image, int &filter,
                     int64_t &stride, int64_t &dilation) {
      for (const model::ProjectionTerm &term : rank) {
        bool inOutput = llvm::is_contained(*out, term.dimension);
        bool inFilter = llvm::is_contained(*weight, term.dimension);
        if (inOutput && !inFilter) {
          image = term.dimension;
          stride = term.coefficient;
        } else if (inFilter && !inOutput) {
          filter = term.dimension;
          dilation = term.coefficient;
        }
      }
      return image >= 0 && filter >= 0;
    };
    int image0 = -1, filter0 = -1, image1 = -1, filter1 = -1;
    int64_t stride0 = 0, dilation0 = 0, stride1 = 0, dilation1 = 0;
    if (!split(*windows[0], image0, filter0, stride0, dilation0) ||
        !split(*windows[1], image1, filter1, stride1, dilation1))
      continue;
    // The window whose output dimension is named P is the width.
    bool firstIsWidth = w.dimensions[image0].name == "P" ||
                        (w.dimensions[image1].name != "P" &&
                         w.dimensions[image0].name != "Q");
    if (firstIsWidth) {
      std::swap(image0, image1);
      std::swap(filter0, filter1);
      std::swap(stride0, stride1);
      std::swap(dilation0, dilation1);
    }
    conv.oh = image0, conv.kh = filter0, conv.strideH = stride0,
    conv.dilationH = dilation0;
    conv.ow = image1, conv.kw = filter1, conv.strideW = stride1,
    conv.dilationW = dilation1;
    std::set<int> all = {conv.n, conv.m, conv.c, conv.oh,
                         conv.ow, conv.kh, conv.kw};
    if (all.size() != 7)
      continue;
    return conv;
  }
  return std::nullopt;
}

struct Matmul {
  int a, b, c;
  int m, n, k;
};

std::optional<Matmul> matchMatmul(const model::Workload &w) {
  if (w.numDimensions() != 3 || w.numDataSpaces() != 3)
    return std::nullopt;
  Matmul mm{-1, -1, -1, -1, -1, -1};
  for (int ds = 0; ds < 3; ++ds) {
    if (w.dataSpaces[ds].readWrite)
      mm.c = ds;
    else
      (mm.a < 0 ? mm.a : mm.b) = ds;
  }
  if (mm.c < 0 || mm.b < 0)
    return std::nullopt;
  auto a = singleDims(w.dataSpaces[mm.a]), b = singleDims(w.dataSpaces[mm.b]),
       c = singleDims(w.dataSpaces[mm.c]);
  if (!a || !b || !c || a->size() != 2 || b->size() != 2 || c->size() != 2)
    return std::nullopt;
  mm.m = intersectOne(*a, *c);
  mm.n = intersectOne(*b, *c);
  mm.k = intersectOne(*a, *b);
  if (mm.m < 0 || mm.n < 0 || mm.k < 0 ||
      std::set<int>{mm.m, mm.n, mm.k}.size() != 3)
    return std::nullopt;
  return mm;
}

/// Sets `attr` to `names` unless they equal the conventional `defaults`.
void setNamesIfNeeded(Operation *op, StringRef attr,
                      ArrayRef<std::string> names,
                      ArrayRef<StringRef> defaults) {
  if (llvm::equal(names, defaults))
    return;
  SmallVector<StringRef> refs(names.begin(), names.end());
  op->setAttr(attr, Builder(op->getContext()).getStrArrayAttr(refs));
}

RankedTensorType tensorType(MLIRContext *context, ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape, Float32Type::get(context));
}

} // namespace

OwningOpRef<ModuleOp> accel::importTimeloop(const interop::TimeloopInput &input,
                                           MLIRContext *context, Location loc) {
  context->loadDialect<AccelDialect, func::FuncDialect, linalg::LinalgDialect,
                       tensor::TensorDialect, arith::ArithDialect>();
  const model::Workload &w = input.workload;
  const model::Architecture &arch = input.architecture.arch;
  if (arch.storage.back().instances != 1) {
    emitError(loc) << "the outermost level '" << arch.storage.back().name
                   << "' has " << arch.storage.back().instances
                   << " instances; an accel.arch has one outermost instance";
    return nullptr;
  }
  if (input.mapping)
    for (int s = 0; s < arch.numLevels(); ++s) {
      const model::LevelMapping &level = input.mapping->levels[s];
      if (!arch.storage[s].isFanoutOnly)
        continue;
      bool loops = llvm::any_of(level.temporal, [](const model::MappingLoop &l) {
        return l.factor > 1;
      });
      if (loops || level.keep != 0) {
        emitError(loc) << "the mapping gives temporal loops or tensors to '"
                       << arch.storage[s].name
                       << "', a fanout level, which holds neither";
        return nullptr;
      }
    }

  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  OpBuilder builder(context);
  builder.setInsertionPointToEnd(module->getBody());
  std::string archName = sanitize(arch.name, "arch");
  SmallVector<std::string> spatialNames;
  buildArchOp(builder, loc, arch, archName, &spatialNames);

  // Operands: read-only tensors in Timeloop's order, then read-write ones.
  SmallVector<int> inputs, outputs;
  for (int ds = 0; ds < w.numDataSpaces(); ++ds)
    (w.dataSpaces[ds].readWrite ? outputs : inputs).push_back(ds);
  if (outputs.empty()) {
    emitError(loc) << "the problem has no read-write data space to compute";
    return nullptr;
  }
  auto bound = [&](int d) { return w.dimensions[d].bound; };
  auto shapeOf = [&](int ds) {
    SmallVector<int64_t> shape;
    for (const model::Rank &rank : w.dataSpaces[ds].ranks) {
      int64_t extent = 1;
      for (const model::ProjectionTerm &term : rank)
        extent += std::llabs(term.coefficient) * (bound(term.dimension) - 1);
      shape.push_back(extent);
    }
    return shape;
  };
  for (const model::DataSpace &ds : w.dataSpaces)
    for (const model::Rank &rank : ds.ranks)
      for (const model::ProjectionTerm &term : rank)
        if (term.coefficient < 0) {
          emitError(loc) << "data space '" << ds.name
                         << "' has a negative coefficient; tensors cannot be "
                            "indexed backwards";
          return nullptr;
        }

  std::optional<Conv2d> conv = matchConv2d(w);
  std::optional<Matmul> matmul = conv ? std::nullopt : matchMatmul(w);
  SmallVector<int> operandOrder;
  SmallVector<SmallVector<int64_t>> shapes;
  if (conv) {
    const Conv2d &c = *conv;
    operandOrder = {c.inputs, c.weights, c.outputs};
    shapes = {{bound(c.n), bound(c.c),
               c.strideH * (bound(c.oh) - 1) + c.dilationH * (bound(c.kh) - 1) + 1,
               c.strideW * (bound(c.ow) - 1) + c.dilationW * (bound(c.kw) - 1) + 1},
              {bound(c.m), bound(c.c), bound(c.kh), bound(c.kw)},
              {bound(c.n), bound(c.m), bound(c.oh), bound(c.ow)}};
  } else if (matmul) {
    operandOrder = {matmul->a, matmul->b, matmul->c};
    shapes = {{bound(matmul->m), bound(matmul->k)},
              {bound(matmul->k), bound(matmul->n)},
              {bound(matmul->m), bound(matmul->n)}};
  } else {
    operandOrder.append(inputs.begin(), inputs.end());
    operandOrder.append(outputs.begin(), outputs.end());
    for (int ds : operandOrder)
      shapes.push_back(shapeOf(ds));
  }
  const size_t numInputs = conv || matmul ? 2 : inputs.size();

  SmallVector<Type> argTypes, resultTypes;
  for (auto [i, ds] : llvm::enumerate(operandOrder)) {
    argTypes.push_back(tensorType(context, shapes[i]));
    if (i >= numInputs)
      resultTypes.push_back(argTypes.back());
  }
  std::string funcName = sanitize(w.name, "problem");
  if (funcName == archName)
    funcName += "_problem";
  auto func = func::FuncOp::create(builder, loc, funcName,
                                   builder.getFunctionType(argTypes, resultTypes));
  Block *entry = func.addEntryBlock();
  builder.setInsertionPointToEnd(entry);
  ValueRange args = entry->getArguments();
  ValueRange ins = args.take_front(numInputs);
  ValueRange outs = args.drop_front(numInputs);

  Operation *op = nullptr;
  SmallVector<std::string> dimNames, tensorNames;
  for (int ds : operandOrder)
    tensorNames.push_back(w.dataSpaces[ds].name);
  if (conv) {
    const Conv2d &c = *conv;
    auto attr = [&](int64_t a, int64_t b) {
      return DenseIntElementsAttr::get(
          RankedTensorType::get({2}, builder.getI64Type()), ArrayRef<int64_t>{a, b});
    };
    op = linalg::Conv2DNchwFchwOp::create(
        builder, loc, resultTypes, ins, outs, attr(c.strideH, c.strideW),
        attr(c.dilationH, c.dilationW));
    for (int d : {c.n, c.m, c.oh, c.ow, c.c, c.kh, c.kw})
      dimNames.push_back(w.dimensions[d].name);
    setNamesIfNeeded(op, AccelDialect::DimNamesAttrHelper::getNameStr(),
                     dimNames, {"N", "M", "Q", "P", "C", "S", "R"});
    setNamesIfNeeded(op, AccelDialect::TensorNamesAttrHelper::getNameStr(),
                     tensorNames, {"I", "W", "O"});
  } else if (matmul) {
    op = linalg::MatmulOp::create(builder, loc, resultTypes, ins, outs);
    for (int d : {matmul->m, matmul->n, matmul->k})
      dimNames.push_back(w.dimensions[d].name);
    setNamesIfNeeded(op, AccelDialect::DimNamesAttrHelper::getNameStr(),
                     dimNames, {"M", "N", "K"});
    setNamesIfNeeded(op, AccelDialect::TensorNamesAttrHelper::getNameStr(),
                     tensorNames, {"A", "B", "C"});
  } else {
    SmallVector<AffineMap> maps;
    for (int ds : operandOrder) {
      SmallVector<AffineExpr> results;
      for (const model::Rank &rank : w.dataSpaces[ds].ranks) {
        AffineExpr expr = builder.getAffineConstantExpr(0);
        for (const model::ProjectionTerm &term : rank)
          expr = expr + builder.getAffineDimExpr(term.dimension) *
                            term.coefficient;
        results.push_back(expr);
      }
      maps.push_back(AffineMap::get(w.numDimensions(), 0, results, context));
    }
    SmallVector<utils::IteratorType> iterators;
    for (int d = 0; d < w.numDimensions(); ++d) {
      bool inOutput = llvm::any_of(outputs, [&](int ds) {
        return llvm::any_of(w.dataSpaces[ds].ranks, [&](const model::Rank &r) {
          return llvm::any_of(r, [&](const model::ProjectionTerm &t) {
            return t.dimension == d;
          });
        });
      });
      iterators.push_back(inOutput ? utils::IteratorType::parallel
                                   : utils::IteratorType::reduction);
    }
    auto generic = linalg::GenericOp::create(
        builder, loc, resultTypes, ins, outs, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange blockArgs) {
          Value product;
          for (Value value : blockArgs.take_front(ins.size()))
            product = product ? arith::MulFOp::create(b, l, product, value)
                                    .getResult()
                              : value;
          SmallVector<Value> results;
          for (Value accumulator : blockArgs.drop_front(ins.size()))
            results.push_back(
                product ? arith::AddFOp::create(b, l, accumulator, product)
                              .getResult()
                        : accumulator);
          linalg::YieldOp::create(b, l, results);
        });
    op = generic;
    for (const model::Dimension &dim : w.dimensions)
      dimNames.push_back(dim.name);
    SmallVector<std::string> genericDims, genericTensors;
    for (int d = 0; d < w.numDimensions(); ++d)
      genericDims.push_back("d" + std::to_string(d));
    for (size_t i = 0; i < operandOrder.size(); ++i)
      genericTensors.push_back(std::to_string(i));
    SmallVector<StringRef> dimDefaults(genericDims.begin(), genericDims.end()),
        tensorDefaults(genericTensors.begin(), genericTensors.end());
    setNamesIfNeeded(op, AccelDialect::DimNamesAttrHelper::getNameStr(),
                     dimNames, dimDefaults);
    setNamesIfNeeded(op, AccelDialect::TensorNamesAttrHelper::getNameStr(),
                     tensorNames, tensorDefaults);
  }

  if (input.mapping) {
    // Express the mapping over the workload the op presents (its operand and
    // loop order), so that printing it back lists tensors in that order.
    FailureOr<ExtractionResult> extracted =
        extractWorkload(cast<linalg::LinalgOp>(op));
    if (failed(extracted) || !extracted->extracted)
      return nullptr;
    const model::Workload &opWorkload = extracted->extracted->workload;
    model::Mapping mapping = *input.mapping;
    for (model::LevelMapping &level : mapping.levels) {
      for (auto *loops : {&level.temporal, &level.spatialX, &level.spatialY})
        for (model::MappingLoop &loop : *loops)
          loop.dimension =
              opWorkload.findDimension(w.dimensions[loop.dimension].name);
      model::DataSpaceMask keep = 0;
      for (int ds = 0; ds < w.numDataSpaces(); ++ds)
        if (level.keeps(ds))
          keep |= 1u << opWorkload.findDataSpace(w.dataSpaces[ds].name);
      level.keep = keep;
    }
    op->setAttr(AccelDialect::MappingAttrHelper::getNameStr(),
                buildMappingAttr(context, archName, mapping, opWorkload, arch,
                                 spatialNames));
  }
  func::ReturnOp::create(builder, loc, op->getResults());
  return module;
}
