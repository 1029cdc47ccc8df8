//===- Transforms.h - Accel's transformations as a C++ API --------*- C++ -*-===//
//
// What the accel passes do, callable without a pass manager (as upstream
// Linalg's Transforms.h): a downstream tool, a transform-dialect op or the
// Python bridge maps, costs and tiles ops through these functions, and the
// passes are thin wrappers that parse options, call them, print and count.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_TRANSFORMS_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_TRANSFORMS_H

#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Mapper/Search.h"
#include "accel/Model/Evaluation.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"

#include <memory>
#include <string>
#include <vector>

namespace accel {

//===----------------------------------------------------------------------===//
// Mapping (--map-to-arch)
//===----------------------------------------------------------------------===//

struct MapToArchOptions {
  /// An accel.arch symbol of the module, a bundled name, an .mlir file or
  /// comma-separated Timeloop YAML files.
  std::string arch = "eyeriss_like";
  mapper::SearchOptions search;
  /// Remark on every op left alone, saying why (else the reason is only in
  /// the result). Ops with no valid mapping always get a remark.
  bool remarks = false;
};

/// What mapToArch did with one linalg op, in IR order.
struct OpMappingOutcome {
  mlir::Operation *op = nullptr;
  /// The workload's bounds ("N1 M64 C3 ..."); empty when the op was skipped.
  std::string shape;
  /// The search status ("converged", "optimal", ...), "no mapping", or
  /// "not mapped: <why>" for ops that are not modelable multiply-accumulates.
  std::string status;
  /// The search behind the attached mapping (shared by ops with the same
  /// workload); null unless the op was mapped.
  std::shared_ptr<const mapper::SearchResult> search;
};

struct MapToArchResult {
  std::string archName;
  std::vector<OpMappingOutcome> ops;
  unsigned searches = 0;
  uint64_t evaluations = 0;
  unsigned mapped = 0, skipped = 0, unmapped = 0;
};

/// Searches the best mapping of every multiply-accumulate linalg op of
/// `module` onto the architecture and attaches `accel.mapping` and
/// `accel.cost`; a bundled or file architecture is inserted into the module.
/// Fails (with an error emitted) on a bad architecture or constraints; ops
/// that cannot be mapped are reported in the result, not failures.
mlir::FailureOr<MapToArchResult> mapToArch(mlir::ModuleOp module,
                                           const MapToArchOptions &options);

/// mapToArch for the given ops of `module` only (the architecture resolves
/// and is inserted in `module`); the result lists them in the given order.
mlir::FailureOr<MapToArchResult>
mapOpsToArch(mlir::ModuleOp module, llvm::ArrayRef<mlir::linalg::LinalgOp> ops,
             const MapToArchOptions &options);

/// The table `--map-to-arch=summary` prints.
void printMappingSummary(llvm::raw_ostream &os, const MapToArchResult &result,
                         const mapper::SearchOptions &search);

//===----------------------------------------------------------------------===//
// Costing (--accel-estimate)
//===----------------------------------------------------------------------===//

struct EstimateOptions {
  model::EvaluationOptions evaluation;
  /// An invalid mapping is an error (else a warning).
  bool strict = false;
};

/// One mapped op and what the model projects for it.
struct OpCost {
  mlir::Operation *op = nullptr;
  std::string archName;
  const model::Architecture *arch = nullptr; ///< owned by the cache
  model::Workload workload;
  model::Mapping mapping;
  model::Result result;
};

/// Evaluates the `accel.mapping` of every op under `root` and attaches
/// `accel.cost`. Fails if any mapping cannot be read or does not fit its op
/// (errors emitted), or, with `strict`, if any is invalid. `archs` caches
/// the converted architectures the results point to.
mlir::FailureOr<std::vector<OpCost>>
estimateCosts(mlir::Operation *root, const EstimateOptions &options,
              ArchitectureCache &archs);

/// Every op's full model result (per level and tensor) as JSON.
void writeCostReportJson(llvm::raw_ostream &os, llvm::ArrayRef<OpCost> costs);
/// Every op's result in Timeloop's stats and map layouts.
void writeCostReportTimeloop(llvm::raw_ostream &os,
                             llvm::ArrayRef<OpCost> costs);

//===----------------------------------------------------------------------===//
// Tiling (--accel-tile)
//===----------------------------------------------------------------------===//

struct TileOptions {
  /// Copy the operands each level keeps into buffers of that level.
  bool staging = true;
  /// Give those buffers the level's memory space (#accel.memory_space).
  bool memorySpaces = true;
};

struct TiledOp {
  /// The generated loops, outermost first; the outermost carries the op's
  /// `accel.mapping`, `accel.cost` and `accel.tiled`.
  llvm::SmallVector<mlir::Operation *> loops;
  /// The tiled op innermost.
  mlir::Operation *tiledOp = nullptr;
  unsigned stagingCopies = 0;
};

/// Tiles `op` into the loop nest of `mapping` (step by step from the
/// outermost level, as planTiling plans it: temporal loops as scf.for, spatial ones as scf.forall,
/// spatial reductions as sequential scf.for), staging operands per level.
/// `op` must be on tensors; its mapping and cost attributes move to the
/// outermost loop.
mlir::FailureOr<TiledOp> tileToMapping(mlir::RewriterBase &rewriter,
                                       mlir::linalg::LinalgOp op,
                                       const model::Workload &workload,
                                       const model::Architecture &arch,
                                       const model::Mapping &mapping,
                                       const TileOptions &options = {});

/// What the model sees of an op carrying `accel.mapping`.
struct MappedOpModel {
  model::Workload workload;
  const model::Architecture *arch = nullptr;
  model::Mapping mapping;
};

/// Reads the workload, the architecture (through `archs`) and the mapping
/// of an op on tensors carrying `accel.mapping`; errors on the op.
mlir::FailureOr<MappedOpModel> readMappedOp(mlir::linalg::LinalgOp op,
                                            ArchitectureCache &archs);

/// tileToMapping for an op carrying `accel.mapping` (readMappedOp first).
mlir::FailureOr<TiledOp> tileMappedOp(mlir::RewriterBase &rewriter,
                                      mlir::linalg::LinalgOp op,
                                      ArchitectureCache &archs,
                                      const TileOptions &options = {});

//===----------------------------------------------------------------------===//
// Portable schedules (--accel-emit-schedule)
//===----------------------------------------------------------------------===//

struct EmittedSchedule {
  /// `@__transform_main`, at the end of the module.
  mlir::Operation *sequence = nullptr;
  /// Mapped ops the schedule tiles.
  unsigned scheduledOps = 0;
};

/// Appends to `module` a `transform.named_sequence @__transform_main` built
/// only of upstream transform ops (structured.match, split_handle,
/// structured.tile_using_for / tile_using_forall) that rebuilds, for every
/// linalg op carrying `accel.mapping`, the loop nest tileToMapping builds
/// without staging; marks the module `transform.with_named_sequence`; and
/// strips every accel architecture and attribute (stripAccel), so that
/// `mlir-opt --transform-interpreter` replays it without Accel.
mlir::FailureOr<EmittedSchedule> emitSchedule(mlir::ModuleOp module,
                                              ArchitectureCache &archs);

//===----------------------------------------------------------------------===//
// Tuning knobs (--accel-resolve-knobs)
//===----------------------------------------------------------------------===//

struct ResolveKnobsOptions {
  /// As MapToArchOptions::arch.
  std::string arch = "eyeriss_like";
  /// The search run for every combination of knob options.
  mapper::SearchOptions search;
  /// Refuse schedules whose knobs and alternatives give more combinations.
  uint64_t maxCombinations = 4096;
};

struct ResolvedKnobs {
  unsigned knobs = 0;
  uint64_t searches = 0, evaluations = 0;
  /// The model's result for the chosen combination.
  model::Result result;
  std::string archName;
  mlir::Operation *target = nullptr;
};

/// Resolves the `transform.tune.knob`s of the module's schedules, whose
/// names say which mapping decision of the payload's multiply-accumulate op
/// they drive ("<level>.<dim>": a temporal factor; "<fanout>.x.<dim>" /
/// ".y.": a spatial one), and its `transform.tune.alternatives` (each
/// region's knobs are its decisions): searches every combination of their
/// options with the mapper choosing the rest, and sets `selected` /
/// `selected_region` to the best by the objective. Knobs that name nothing,
/// bad options, and option sets that admit no valid mapping are located
/// errors. The architecture is inserted into the module (stripAccel
/// removes it).
mlir::FailureOr<ResolvedKnobs> resolveKnobs(mlir::ModuleOp module,
                                            const ResolveKnobsOptions &options);

/// Erases `accel.arch` ops, `accel.*` attributes and `scf.forall` mappings
/// onto fanouts under `root` (the accel-strip pass).
void stripAccel(mlir::Operation *root);

} // namespace accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_TRANSFORMS_H
