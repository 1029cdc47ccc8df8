//===- AccelDialect.td - The accel dialect -----------------*- tablegen -*-===//
//
// The `accel` dialect describes DNN accelerator architectures (storage
// hierarchies, spatial fanouts, compute units and their energy tables) and
// loop-nest mappings of tensor operations onto them.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_TD

include "mlir/IR/DialectBase.td"

def Accel_Dialect : Dialect {
  let name = "accel";
  let cppNamespace = "::accel";
  let summary = "DNN accelerator architectures and loop-nest mappings";
  let description = [{
    An `accel.arch` symbol lists the levels of an accelerator, outermost
    first: `accel.storage` buffers, `accel.fanout` spatial distributions and
    one innermost `accel.compute`. A fanout multiplies the instances of
    everything inside it.

    A `#accel.mapping` attribute, attached to a tensor operation as
    `accel.mapping`, describes how the operation's loop nest is tiled over
    the levels of an architecture: per storage level its temporal loops
    (outermost first) and which tensors it keeps; per fanout its spatial
    loops along x and y. `#accel.cost`, attached as `accel.cost`, records
    the energy and cycles the analytical model projects for a mapping.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  // The attributes the dialect gives meaning to on other dialects' ops.
  // `verifyOperationAttribute` checks each; the generated helpers
  // (`AccelDialect::MappingAttrHelper::getNameStr()`, `getAttr(op)`) are the
  // only spelling of their names in C++.
  let discardableAttrs = (ins
    // A tensor operation's loop-nest mapping and its projected cost.
    "::accel::MappingAttr":$mapping,
    "::accel::CostAttr":$cost,
    // Names for an op's loop dimensions and operands (tensors), overriding
    // the conventional ones the model uses.
    "::mlir::ArrayAttr":$dim_names,
    "::mlir::ArrayAttr":$tensor_names,
    // Left by accel-tile on the code it generates: the level a loop belongs
    // to, the level a staging copy fills, a spatial loop's place in its
    // fanout, and the op a loop nest was tiled from.
    "::mlir::StringAttr":$level,
    "::mlir::StringAttr":$stage,
    "::accel::SpatialMappingAttr":$spatial,
    "::mlir::UnitAttr":$tiled
  );
  let extraClassDeclaration = [{
  private:
    void registerAttributes();

  public:
  }];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_TD
