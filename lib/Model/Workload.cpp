//===- Workload.cpp - Tensor operation as a loop nest ---------------------===//

#include "accel/Model/Workload.h"
#include "accel/Model/CheckedMath.h"

#include "llvm/ADT/StringSet.h"

#include <cstdlib>

using namespace accel::model;

int Workload::findDimension(llvm::StringRef name) const {
  for (int d = 0, e = numDimensions(); d < e; ++d)
    if (dimensions[d].name == name)
      return d;
  return -1;
}

int Workload::findDataSpace(llvm::StringRef name) const {
  for (int ds = 0, e = numDataSpaces(); ds < e; ++ds)
    if (dataSpaces[ds].name == name)
      return ds;
  return -1;
}

llvm::Error Workload::validate() const {
  if (std::string why = explainInvalid(); !why.empty())
    return llvm::createStringError(why);
  return llvm::Error::success();
}

std::string Workload::explainInvalid() const {
  if (dimensions.empty())
    return "workload has no dimensions";
  if (numDimensions() > kMaxDimensions)
    return "workload has " + std::to_string(numDimensions()) +
           " dimensions; at most " + std::to_string(kMaxDimensions) +
           " are supported";
  if (dataSpaces.empty())
    return "workload has no tensors";
  if (numDataSpaces() > kMaxDataSpaces)
    return "workload has " + std::to_string(numDataSpaces()) +
           " tensors; at most " + std::to_string(kMaxDataSpaces) +
           " are supported";

  llvm::StringSet<> names;
  bool overflow = false;
  int64_t operations = 1;
  for (const Dimension &dim : dimensions) {
    if (dim.name.empty())
      return "workload has a dimension without a name";
    if (!names.insert(dim.name).second)
      return "dimension '" + dim.name + "' is declared twice";
    if (dim.bound < 1)
      return "dimension '" + dim.name + "' has bound " +
             std::to_string(dim.bound) + "; bounds must be positive";
    operations = mulChecked(operations, dim.bound, overflow);
  }
  if (overflow || operations > (int64_t(1) << 62))
    return "the workload has more than 2^62 operations";

  llvm::StringSet<> tensors;
  for (const DataSpace &ds : dataSpaces) {
    if (ds.name.empty())
      return "workload has a tensor without a name";
    if (!tensors.insert(ds.name).second)
      return "tensor '" + ds.name + "' is declared twice";
    if (static_cast<int>(ds.ranks.size()) > kMaxRanks)
      return "tensor '" + ds.name + "' has " + std::to_string(ds.ranks.size()) +
             " ranks; at most " + std::to_string(kMaxRanks) +
             " are supported";
    for (const Rank &rank : ds.ranks)
      for (const ProjectionTerm &term : rank) {
        if (term.dimension < 0 || term.dimension >= numDimensions())
          return "tensor '" + ds.name + "' refers to dimension #" +
                 std::to_string(term.dimension) + ", which does not exist";
        if (term.coefficient == 0)
          return "tensor '" + ds.name + "' has a zero coefficient on '" +
                 dimensions[term.dimension].name + "'";
        if (std::llabs(term.coefficient) > (int64_t(1) << 20))
          return "tensor '" + ds.name + "' has coefficient " +
                 std::to_string(term.coefficient) + " on '" +
                 dimensions[term.dimension].name + "'; at most 2^20 in "
                 "magnitude is supported";
      }
  }
  return {};
}

int64_t Workload::numOperations() const {
  int64_t operations = 1;
  for (const Dimension &dim : dimensions)
    operations *= dim.bound;
  return operations;
}

int64_t Workload::projectedSize(int ds, const int64_t *extents) const {
  bool overflow = false;
  int64_t size = 1;
  for (const Rank &rank : dataSpaces[ds].ranks) {
    int64_t span = 1;
    for (const ProjectionTerm &term : rank)
      span = addChecked(
          span,
          mulChecked(std::llabs(term.coefficient), extents[term.dimension] - 1,
                     overflow),
          overflow);
    size = mulChecked(size, span, overflow);
  }
  return overflow ? -1 : size;
}
