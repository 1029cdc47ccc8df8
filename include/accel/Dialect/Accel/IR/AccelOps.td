//===- AccelOps.td - accel operations ----------------------*- tablegen -*-===//
//
// Architecture descriptions: an `accel.arch` symbol holding storage levels,
// fanouts and one compute level, outermost first.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELOPS_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELOPS_TD

include "accel/Dialect/Accel/IR/AccelDialect.td"
include "accel/Dialect/Accel/IR/AccelAttributes.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/SymbolInterfaces.td"

class Accel_Op<string mnemonic, list<Trait> traits = []>
    : Op<Accel_Dialect, mnemonic, traits>;

// A level of an architecture: `accel.<kind> @name {attributes}`, printed with
// plain numbers (`width = 64`, not `width = 64 : i64`).
class Accel_LevelOp<string mnemonic, list<Trait> traits = []>
    : Accel_Op<mnemonic, !listconcat(traits, [Symbol, HasParent<"ArchOp">])> {
  let hasCustomAssemblyFormat = 1;
  let extraClassDefinition = [{
    ::mlir::ParseResult $cppClass::parse(::mlir::OpAsmParser &parser,
                                         ::mlir::OperationState &result) {
      return ::accel::parseLevelOp(parser, result);
    }
    void $cppClass::print(::mlir::OpAsmPrinter &printer) {
      ::accel::printLevelOp(printer, getOperation());
    }
  }];
}

// Integer or floating-point number: users write `read_bandwidth = 16` as
// readily as `read_bandwidth = 16.0`.
def Accel_NumberAttr : AnyAttrOf<[F64Attr, I64Attr]> {
  let summary = "integer or floating-point number";
}

def Accel_ArchOp : Accel_Op<"arch", [
    Symbol, SymbolTable, IsolatedFromAbove, NoTerminator, NoRegionArguments]> {
  let summary = "An accelerator architecture";
  let description = [{
    Lists the levels of an accelerator, outermost first: `accel.storage`
    buffers and `accel.fanout` spatial distributions, then exactly one
    `accel.compute`. Each fanout multiplies the number of instances of every
    level below it.

    ```mlir
    accel.arch @simple {
      accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8}
      accel.storage @buffer {entries = 1024, word_bits = 8}
      accel.fanout @PE {x = 16}
      accel.storage @reg {entries = 4, word_bits = 8}
      accel.compute @mac {word_bits = 8}
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name);
  let regions = (region AnyRegion:$body);
  let hasCustomAssemblyFormat = 1;
  let hasRegionVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name)>];
  let extraClassDeclaration = [{
    /// The block holding the levels (created by the builder).
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
    /// The compute level, or null if the architecture has none.
    ComputeOp getComputeOp();
    /// Number of instances of the level `op` (product of the fanouts above
    /// it), or failure on overflow.
    ::mlir::FailureOr<int64_t> getInstances(::mlir::Operation *op);
  }];
}

def Accel_StorageOp : Accel_LevelOp<"storage"> {
  let summary = "A storage level (buffer)";
  let description = [{
    A buffer level. Its capacity is `entries` words, or `depth` rows of
    `width` bits; without either the capacity is unbounded (typical DRAM).
    `width` must be a multiple of `word_bits * block_size`; the block size
    (words per vector access) defaults to `width / word_bits`.

    Optional attributes follow Timeloop's buffer attributes: `technology`
    (`"sram"`, `"dram"`, `"regfile"`), `cluster_size`,
    `multiple_buffering`, `min_utilization`, `read_bandwidth`,
    `write_bandwidth`, `shared_bandwidth` (words per cycle per instance),
    `keep` / `bypass` (tensor names every mapping must respect), `energy`
    (pJ per vector access: `read`, `fill`, `update`, and per cycle `leak`;
    pJ per scalar `address_generation`), `area` (um^2 per instance),
    `reduction_supported`, `network_fill_latency`, `network_drain_latency`
    and `network` (`word_bits`, `energy_per_hop`, `router_energy`,
    `wire_energy`, `tile_width`).

    Mapper constraints: `factors` bounds the level's temporal factors
    (`"N=1 C<=4 M>=2"`; `D=0` is the whole bound), `inner_loops` /
    `outer_loops` name dimensions whose loops must come innermost (innermost
    first) / outermost (outermost first). Dimension names that an op does
    not have are ignored, so one architecture serves every kind of op.
  }];
  let arguments = (ins
    SymbolNameAttr:$sym_name,
    OptionalAttr<StrAttr>:$technology,
    OptionalAttr<I64Attr>:$entries,
    OptionalAttr<I64Attr>:$depth,
    OptionalAttr<I64Attr>:$width,
    OptionalAttr<I64Attr>:$word_bits,
    OptionalAttr<I64Attr>:$block_size,
    OptionalAttr<I64Attr>:$cluster_size,
    OptionalAttr<Accel_NumberAttr>:$multiple_buffering,
    OptionalAttr<Accel_NumberAttr>:$min_utilization,
    OptionalAttr<Accel_NumberAttr>:$read_bandwidth,
    OptionalAttr<Accel_NumberAttr>:$write_bandwidth,
    OptionalAttr<Accel_NumberAttr>:$shared_bandwidth,
    OptionalAttr<StrArrayAttr>:$keep,
    OptionalAttr<StrArrayAttr>:$bypass,
    OptionalAttr<DictionaryAttr>:$energy,
    OptionalAttr<Accel_NumberAttr>:$area,
    OptionalAttr<BoolAttr>:$reduction_supported,
    OptionalAttr<Accel_NumberAttr>:$network_fill_latency,
    OptionalAttr<Accel_NumberAttr>:$network_drain_latency,
    OptionalAttr<DictionaryAttr>:$network,
    OptionalAttr<StrAttr>:$factors,
    OptionalAttr<StrArrayAttr>:$inner_loops,
    OptionalAttr<StrArrayAttr>:$outer_loops
  );
  let hasVerifier = 1;
}

def Accel_FanoutOp : Accel_LevelOp<"fanout"> {
  let summary = "A spatial fanout";
  let description = [{
    Distributes the storage level above it over an `x` by `y` mesh of
    instances of everything below it. Mappings give a fanout spatial loops
    along x and y; the product along each axis must not exceed its size.

    ```mlir
    accel.fanout @PE_column {x = 14}
    ```

    Mapper constraints: `factors` bounds the spatial factors (x times y) as
    on `accel.storage`; `x_dims` / `y_dims` list the only dimensions that
    may spread along each axis.
  }];
  let arguments = (ins
    SymbolNameAttr:$sym_name,
    OptionalAttr<I64Attr>:$x,
    OptionalAttr<I64Attr>:$y,
    OptionalAttr<StrAttr>:$factors,
    OptionalAttr<StrArrayAttr>:$x_dims,
    OptionalAttr<StrArrayAttr>:$y_dims
  );
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    int64_t getSizeX() { return getXAttr() ? getXAttr().getInt() : 1; }
    int64_t getSizeY() { return getYAttr() ? getYAttr().getInt() : 1; }
  }];
}

def Accel_ComputeOp : Accel_LevelOp<"compute"> {
  let summary = "The compute level (multiply-accumulate units)";
  let description = [{
    The innermost level of an architecture: one multiply-accumulate unit per
    instance. `energy` gives pJ per `compute` (and per-cycle `leak`); `area`
    is um^2 per instance.

    ```mlir
    accel.compute @mac {word_bits = 8, energy = {compute = 0.56}}
    ```

    `min_utilization` (a mapper constraint) is the smallest fraction of the
    compute instances a mapping may use.
  }];
  let arguments = (ins
    SymbolNameAttr:$sym_name,
    OptionalAttr<I64Attr>:$word_bits,
    OptionalAttr<DictionaryAttr>:$energy,
    OptionalAttr<Accel_NumberAttr>:$area,
    OptionalAttr<Accel_NumberAttr>:$min_utilization
  );
  let hasVerifier = 1;
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELOPS_TD
