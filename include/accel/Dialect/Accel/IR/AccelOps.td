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

// A positive 64-bit integer (capacities, widths, fanout sizes).
def Accel_PositiveI64Attr : ConfinedAttr<I64Attr, [IntPositive]>;

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
  // `custom<LevelList>` gives `{}` its (empty) block, so the verifier can say
  // what is missing rather than the symbol table complaining of no block.
  let assemblyFormat = "$sym_name attr-dict-with-keyword custom<LevelList>($body)";
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
    (a `#accel.energy` table: pJ per vector `read`, `fill`, `update`, per
    cycle `leak`, per scalar `address_generation`), `area` (um^2 per
    instance), `reduction_supported`, `network_fill_latency`,
    `network_drain_latency` and `network` (a `#accel.network`).

    ```mlir
    accel.storage @glb {entries = 16384, word_bits = 16, block_size = 4,
                        energy = #accel.energy<read = 9.4, fill = 9.4, update = 9.4>,
                        factors = #accel.factors<N = 1, C max 4, M min 2>}
    ```

    Mapper constraints: `factors` bounds the level's temporal factors
    (a `#accel.factors`), `inner_loops` /
    `outer_loops` name dimensions whose loops must come innermost (innermost
    first) / outermost (outermost first). Dimension names that an op does
    not have are ignored, so one architecture serves every kind of op.
  }];
  let arguments = (ins
    SymbolNameAttr:$sym_name,
    OptionalAttr<StrAttr>:$technology,
    OptionalAttr<Accel_PositiveI64Attr>:$entries,
    OptionalAttr<Accel_PositiveI64Attr>:$depth,
    OptionalAttr<Accel_PositiveI64Attr>:$width,
    OptionalAttr<Accel_PositiveI64Attr>:$word_bits,
    OptionalAttr<Accel_PositiveI64Attr>:$block_size,
    OptionalAttr<Accel_PositiveI64Attr>:$cluster_size,
    OptionalAttr<Accel_NumberAttr>:$multiple_buffering,
    OptionalAttr<Accel_NumberAttr>:$min_utilization,
    OptionalAttr<Accel_NumberAttr>:$read_bandwidth,
    OptionalAttr<Accel_NumberAttr>:$write_bandwidth,
    OptionalAttr<Accel_NumberAttr>:$shared_bandwidth,
    OptionalAttr<StrArrayAttr>:$keep,
    OptionalAttr<StrArrayAttr>:$bypass,
    OptionalAttr<Accel_EnergyAttr>:$energy,
    OptionalAttr<Accel_NumberAttr>:$area,
    OptionalAttr<BoolAttr>:$reduction_supported,
    OptionalAttr<Accel_NumberAttr>:$network_fill_latency,
    OptionalAttr<Accel_NumberAttr>:$network_drain_latency,
    OptionalAttr<Accel_NetworkAttr>:$network,
    OptionalAttr<Accel_FactorsAttr>:$factors,
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

    Mapper constraints: `factors` (a `#accel.factors`) bounds the spatial
    factors (x times y) as on `accel.storage`; `x_dims` / `y_dims` list the only dimensions that
    may spread along each axis.
  }];
  let arguments = (ins
    SymbolNameAttr:$sym_name,
    DefaultValuedOptionalAttr<Accel_PositiveI64Attr, "1">:$x,
    DefaultValuedOptionalAttr<Accel_PositiveI64Attr, "1">:$y,
    OptionalAttr<Accel_FactorsAttr>:$factors,
    OptionalAttr<StrArrayAttr>:$x_dims,
    OptionalAttr<StrArrayAttr>:$y_dims
  );
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    int64_t getSizeX() { return static_cast<int64_t>(getX()); }
    int64_t getSizeY() { return static_cast<int64_t>(getY()); }
  }];
}

def Accel_ComputeOp : Accel_LevelOp<"compute"> {
  let summary = "The compute level (multiply-accumulate units)";
  let description = [{
    The innermost level of an architecture: one multiply-accumulate unit per
    instance. `energy` (a `#accel.energy`) gives pJ per `compute` (and
    per-cycle `leak`); `area` is um^2 per instance.

    ```mlir
    accel.compute @mac {word_bits = 8, energy = #accel.energy<compute = 0.56>}
    ```

    `min_utilization` (a mapper constraint) is the smallest fraction of the
    compute instances a mapping may use.
  }];
  let arguments = (ins
    SymbolNameAttr:$sym_name,
    OptionalAttr<Accel_PositiveI64Attr>:$word_bits,
    OptionalAttr<Accel_EnergyAttr>:$energy,
    OptionalAttr<Accel_NumberAttr>:$area,
    OptionalAttr<Accel_NumberAttr>:$min_utilization
  );
  let hasVerifier = 1;
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELOPS_TD
