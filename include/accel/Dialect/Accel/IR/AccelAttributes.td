//===- AccelAttributes.td - accel attributes ---------------*- tablegen -*-===//
//
// Mappings of an operation's loop nest onto an architecture, and the cost
// the analytical model projects for them.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_TD

include "accel/Dialect/Accel/IR/AccelDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Dialect/SCF/IR/DeviceMappingInterface.td"

class Accel_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Accel_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Accel_LevelMappingAttr : Accel_Attr<"LevelMapping", "level"> {
  let summary = "The loops and tensor placement of one architecture level";
  let description = [{
    One level of a `#accel.mapping`: the level's name, its temporal loops
    (storage levels) or spatial loops along x and y (fanouts), outermost
    first, and the tensors a storage level keeps or bypasses.

    ```mlir
    "shared_glb": temporal [Q 4, P 14] keep [Inputs, Outputs] bypass [Weights]
    "PE": spatial x [Q 14] y [C 3, S 3]
    ```
  }];
  let parameters = (ins
    "::mlir::StringAttr":$level,
    ArrayRefParameter<"::accel::LoopSpec", "temporal loops, outermost first">:$temporal,
    ArrayRefParameter<"::accel::LoopSpec", "spatial loops along x, outermost first">:$spatialX,
    ArrayRefParameter<"::accel::LoopSpec", "spatial loops along y, outermost first">:$spatialY,
    ArrayRefParameter<"::mlir::StringAttr", "tensors kept at this level">:$keep,
    ArrayRefParameter<"::mlir::StringAttr", "tensors bypassing this level">:$bypass
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Whether the level has spatial loops (it maps onto a fanout).
    bool hasSpatialLoops() const {
      return !getSpatialX().empty() || !getSpatialY().empty();
    }
    /// Prints the level without the `#accel.level` prefix, as it appears
    /// inside a mapping.
    void printBody(::mlir::AsmPrinter &printer) const;
    static ::mlir::Attribute parseBody(::mlir::AsmParser &parser);
  }];
}

def Accel_MappingAttr : Accel_Attr<"Mapping", "mapping"> {
  let summary = "A loop-nest mapping of an operation onto an architecture";
  let description = [{
    Names the `accel.arch` it targets and lists, per level, the loops and
    tensor placement. Levels of the architecture that the mapping omits get
    no loops, and every tensor is kept at every storage level unless a level
    says otherwise.

    ```mlir
    #accel.mapping<@eyeriss_like, [
      "DRAM": temporal [M 4, Q 2, P 8],
      "shared_glb": temporal [Q 4, P 14] keep [Inputs, Outputs] bypass [Weights],
      "PE_column": spatial x [Q 14],
      "weights_spad": temporal [R 3] keep [Weights] bypass [Inputs, Outputs]]>
    ```
  }];
  let parameters = (ins
    "::mlir::FlatSymbolRefAttr":$arch,
    ArrayRefParameter<"::accel::LevelMappingAttr", "per-level mappings">:$levels
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The mapping of the level named `name`, or null.
    LevelMappingAttr lookupLevel(::llvm::StringRef name) const;
  }];
}

def Accel_CostAttr : Accel_Attr<"Cost", "cost"> {
  let summary = "The projected cost of a mapping";
  let description = [{
    What the analytical model projects for the mapping on the same op:
    energy in pJ, cycles, utilization of the compute units (0 to 1), the
    number of multiply-accumulates, and optionally the energy of each level.
    An invalid mapping carries `valid = false` and the model's reason.

    ```mlir
    #accel.cost<energy_pj = 5.928e7, cycles = 86016, utilization = 0.75,
                macs = 10838016, levels = ["DRAM": 3.66e7, "mac": 2.25e6]>
    ```
  }];
  let parameters = (ins
    APFloatParameter<"energy in pJ">:$energyPj,
    "int64_t":$cycles,
    APFloatParameter<"fraction of compute-unit cycles doing work">:$utilization,
    "int64_t":$macs,
    "bool":$valid,
    StringRefParameter<"why the mapping is invalid">:$reason,
    ArrayRefParameter<"::accel::LevelCost", "energy per level">:$levels
  );
  let builders = [
    AttrBuilder<(ins "double":$energyPj, "int64_t":$cycles,
                     "double":$utilization, "int64_t":$macs,
                     CArg<"::llvm::ArrayRef<::accel::LevelCost>", "{}">:$levels), [{
      return $_get($_ctxt, ::llvm::APFloat(energyPj), cycles,
                   ::llvm::APFloat(utilization), macs, /*valid=*/true,
                   ::llvm::StringRef(), levels);
    }]>,
    AttrBuilder<(ins "::llvm::StringRef":$reason), [{
      return $_get($_ctxt, ::llvm::APFloat(0.0), 0, ::llvm::APFloat(0.0), 0,
                   /*valid=*/false, reason, ::llvm::ArrayRef<::accel::LevelCost>());
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    double getEnergy() const { return getEnergyPj().convertToDouble(); }
    double getUtilizationValue() const {
      return getUtilization().convertToDouble();
    }
  }];
}

def Accel_SpatialMappingAttr : Accel_Attr<"SpatialMapping", "spatial",
    [DeclareAttrInterfaceMethods<DeviceMappingAttrInterface>]> {
  let summary = "A spatial loop of an architecture's fanout";
  let description = [{
    Marks a loop produced by `accel-tile` as one of the spatial loops of a
    fanout: the level it belongs to, the axis (`x` or `y`) and its position
    among that axis' loops (outermost first). On `scf.forall` it is the
    `mapping` of one induction variable; a sequential `scf.for` carrying a
    spatial reduction has it as `accel.spatial`.

    ```mlir
    scf.forall (%q, %c) in (7, 2) ... {mapping = [#accel.spatial<"PE_column", x, 0>, #accel.spatial<"PE_column", x, 1>]}
    ```
  }];
  let parameters = (ins "::mlir::StringAttr":$level, "bool":$yAxis,
                        "unsigned":$index);
  let hasCustomAssemblyFormat = 1;
}

def Accel_MemorySpaceAttr : Accel_Attr<"MemorySpace", "memory"> {
  let summary = "The storage level a buffer lives in";
  let description = [{
    The memory space of buffers `accel-tile` stages tiles into: the name of
    the architecture level holding them, so that after bufferization every
    memref says where its data lives.

    ```mlir
    memref<4x16xf32, #accel.memory<"shared_glb">>
    ```
  }];
  let parameters = (ins "::mlir::StringAttr":$level);
  let assemblyFormat = "`<` $level `>`";
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_TD
