//===- ConstraintConversion.cpp - accel.arch constraints for the mapper ---===//

#include "accel/Dialect/Accel/Utils/ConstraintConversion.h"

using namespace mlir;
using namespace accel;

/// Applies a level's `factors` to per-dimension bounds.
static LogicalResult applyFactors(Operation *op, FactorsAttr factors,
                                  const model::Workload &workload,
                                  std::vector<model::FactorBound> &bounds) {
  if (!factors)
    return success();
  for (const model::FactorConstraintTerm &term : factors.toModelTerms()) {
    int dim = workload.findDimension(term.dimension);
    if (dim < 0)
      continue;
    if (!model::applyFactorConstraint(term, workload.dimensions[dim].bound,
                                      bounds[dim]))
      return op->emitOpError()
             << "fixes the factor of '" << term.dimension << "' twice";
  }
  return success();
}

/// The dimensions a list names, in order (unknown names skipped).
static std::vector<int> dimensionList(ArrayAttr names,
                                      const model::Workload &workload) {
  std::vector<int> dims;
  if (names)
    for (Attribute name : names)
      if (int dim = workload.findDimension(cast<StringAttr>(name).getValue());
          dim >= 0)
        dims.push_back(dim);
  return dims;
}

static model::DimensionMask dimensionMask(ArrayAttr names,
                                          const model::Workload &workload) {
  model::DimensionMask mask = 0;
  for (int dim : dimensionList(names, workload))
    mask |= 1u << dim;
  return mask;
}

FailureOr<model::MappingConstraints>
accel::buildMappingConstraints(ArchOp archOp, const model::Architecture &arch,
                               const model::Workload &workload) {
  model::MappingConstraints constraints =
      model::MappingConstraints::unconstrained(workload, arch);
  constraints.addArchitectureKeeps(workload, arch);
  for (Operation &op : archOp.getBodyBlock()) {
    if (auto storage = dyn_cast<StorageOp>(op)) {
      int s = arch.findLevel(storage.getSymName());
      if (s < 0)
        continue;
      model::LevelConstraints &level = constraints.levels[s];
      if (failed(applyFactors(&op, storage.getFactorsAttr(), workload,
                              level.temporal)))
        return failure();
      level.innerOrder = dimensionList(storage.getInnerLoopsAttr(), workload);
      level.outerOrder = dimensionList(storage.getOuterLoopsAttr(), workload);
    } else if (auto fanout = dyn_cast<FanoutOp>(op)) {
      int s = arch.findLevel(fanout.getSymName());
      if (s < 0)
        continue;
      model::LevelConstraints &level = constraints.levels[s];
      if (failed(applyFactors(&op, fanout.getFactorsAttr(), workload,
                              level.spatial)))
        return failure();
      if (ArrayAttr xDims = fanout.getXDimsAttr())
        level.spatialX = dimensionMask(xDims, workload);
      if (ArrayAttr yDims = fanout.getYDimsAttr())
        level.spatialY = dimensionMask(yDims, workload);
    } else if (auto compute = dyn_cast<ComputeOp>(op)) {
      if (Attribute minimum = compute.getMinUtilizationAttr())
        constraints.minUtilization =
            isa<FloatAttr>(minimum)
                ? cast<FloatAttr>(minimum).getValueAsDouble()
                : static_cast<double>(cast<IntegerAttr>(minimum).getInt());
    }
  }
  return constraints;
}
