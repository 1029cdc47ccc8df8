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

//===----------------------------------------------------------------------===//
// Architecture parameters
//===----------------------------------------------------------------------===//

// An optional number written as an integer or a float literal (`16` or
// `0.5`) and printed in the shortest form that reads back the same; an f64
// FloatAttr, null when absent (`accel::numberOf` reads it).
class Accel_OptionalNumber<string desc>
    : OptionalParameter<"::mlir::FloatAttr", desc> {
  let parser = "::accel::parseNumberAttr($_parser)";
  let printer =
      "::accel::printRoundTripDouble($_printer.getStream(), $_self.getValueAsDouble())";
}

// An optional integer.
class Accel_OptionalInteger<string desc>
    : OptionalParameter<"std::optional<int64_t>", desc> {
  let printer = "$_printer << *$_self";
}

def Accel_EnergyAttr : Accel_Attr<"Energy", "energy"> {
  let summary = "Energy per action of a level";
  let description = [{
    The energy table of an `accel.storage` or `accel.compute`, in pJ. A
    storage level gives `read`, `fill` and `update` per vector access,
    `leak` per cycle and `address_generation` per scalar access; the compute
    level gives `compute` per multiply-accumulate and `leak`. Actions a
    table omits take the model's defaults (docs/model.md).

    ```mlir
    energy = #accel.energy<read = 2.2, fill = 2.2, update = 2.2, leak = 0.0>
    energy = #accel.energy<compute = 0.56>
    ```
  }];
  let parameters = (ins
    Accel_OptionalNumber<"pJ per vector read">:$read,
    Accel_OptionalNumber<"pJ per vector fill (write from the parent)">:$fill,
    Accel_OptionalNumber<"pJ per vector update (partial-sum write)">:$update,
    Accel_OptionalNumber<"pJ per cycle">:$leak,
    Accel_OptionalNumber<"pJ per scalar address computation">:$address_generation,
    Accel_OptionalNumber<"pJ per multiply-accumulate">:$compute
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Whether the table gives any storage action (read, fill, update,
    /// address generation).
    bool hasStorageActions() const {
      return getRead() || getFill() || getUpdate() || getAddressGeneration();
    }
    /// The largest energy the table gives, 0 for an empty table.
    double getLargest() const;
  }];
}

def Accel_NetworkAttr : Accel_Attr<"Network", "network"> {
  let summary = "The network a storage level feeds its children through";
  let description = [{
    Timeloop's network parameters of a storage level: the bits per word it
    carries and its energies (pJ per hop, per router access, per wire
    millimetre) and the tile width in um.

    ```mlir
    network = #accel.network<word_bits = 16, energy_per_hop = 0.5>
    ```
  }];
  let parameters = (ins
    Accel_OptionalInteger<"bits per word">:$word_bits,
    Accel_OptionalNumber<"pJ per hop">:$energy_per_hop,
    Accel_OptionalNumber<"pJ per router access">:$router_energy,
    Accel_OptionalNumber<"pJ per wire traversal">:$wire_energy,
    Accel_OptionalNumber<"tile width in um">:$tile_width
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Accel_FactorsAttr : Accel_Attr<"Factors", "factors"> {
  let summary = "Bounds on a level's loop factors";
  let description = [{
    Mapper constraints on the factors of a level's loops, one term per
    dimension: `D = n` fixes the factor, `D = all` gives the level the
    dimension's whole bound, `D max n` and `D min n` bound it above and
    below. Dimensions an op does not have are ignored, so one architecture
    serves every kind of op.

    ```mlir
    factors = #accel.factors<N = 1, C max 4, M min 2, R = all>
    ```
  }];
  let parameters = (ins
    ArrayRefParameter<"::accel::FactorTerm", "constraint terms">:$terms
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The terms as the model takes them (`value` 0 for `all`).
    std::vector<::accel::model::FactorConstraintTerm> toModelTerms() const;
  }];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_TD
