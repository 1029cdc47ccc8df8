//===- FuzzFactorText.cpp - libFuzzer target: factor and order strings ----===//
//
// The small languages of mappings and constraints: constraint factor text
// ("N=1 C<=4"), Timeloop factor strings ("K32 R3", "P=4,3") and
// permutations, read against a fixed convolution.
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopInput.h"
#include "accel/Interop/YamlTree.h"
#include "accel/Model/MappingConstraints.h"

#include <cstddef>
#include <cstdint>

using namespace accel;

static const model::Workload &convolution() {
  static const model::Workload workload = [] {
    model::Workload w;
    w.name = "conv";
    for (auto [name, bound] :
         {std::pair<const char *, int64_t>{"R", 3}, {"S", 3}, {"P", 14},
          {"Q", 14}, {"C", 64}, {"M", 128}, {"N", 1}})
      w.dimensions.push_back({name, bound});
    auto dim = [&](const char *name) { return w.findDimension(name); };
    w.dataSpaces.push_back(
        {"Weights", {{{dim("C"), 1}}, {{dim("M"), 1}}, {{dim("R"), 1}},
                     {{dim("S"), 1}}}, false});
    w.dataSpaces.push_back(
        {"Inputs", {{{dim("N"), 1}}, {{dim("C"), 1}},
                    {{dim("R"), 1}, {dim("P"), 1}},
                    {{dim("S"), 1}, {dim("Q"), 1}}}, false});
    w.dataSpaces.push_back(
        {"Outputs", {{{dim("N"), 1}}, {{dim("M"), 1}}, {{dim("P"), 1}},
                     {{dim("Q"), 1}}}, true});
    return w;
  }();
  return workload;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  const model::Workload &workload = convolution();

  llvm::Expected<std::vector<model::FactorConstraintTerm>> terms =
      model::parseFactorConstraintText(text);
  if (!terms)
    llvm::consumeError(terms.takeError());
  else
    for (const model::FactorConstraintTerm &term : *terms) {
      int d = workload.findDimension(term.dimension);
      if (d < 0)
        continue;
      model::FactorBound bound;
      (void)model::applyFactorConstraint(term, workload.dimensions[d].bound,
                                         bound);
    }

  interop::YamlNode node = interop::yamlScalar(text);
  llvm::SmallVector<int64_t, 8> factors, residuals;
  if (llvm::Error e =
          interop::parseTimeloopFactors(node, workload, factors, &residuals))
    llvm::consumeError(std::move(e));
  llvm::SmallVector<int, 8> order;
  if (llvm::Error e = interop::parseTimeloopPermutation(node, workload, order))
    llvm::consumeError(std::move(e));
  return 0;
}
