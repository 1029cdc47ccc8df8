//===- AccelTransformOps.cpp - Accel's transform-dialect ops --------------===//
//
// transform.accel.map_to_arch / tile / estimate apply the public entry
// points of Transforms.h (mapOpsToArch, tileMappedOp, estimateCosts) to
// the payload ops of a handle. Misuse is a silenceable failure at the
// transform op, with a note at each payload op concerned.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/TransformOps/AccelTransformOps.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Model/Evaluation.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace accel;

/// The payload ops of `target` as linalg ops (carrying `accel.mapping`
/// when `mapped`), or a silenceable failure naming the first that is not.
static DiagnosedSilenceableFailure
getLinalgTargets(transform::TransformOpInterface transformOp,
                 transform::TransformState &state, Value target,
                 SmallVectorImpl<linalg::LinalgOp> &ops, bool mapped = false) {
  for (Operation *op : state.getPayloadOps(target)) {
    auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
    if (!linalgOp) {
      DiagnosedSilenceableFailure diag = transformOp.emitSilenceableError()
                                         << "expects linalg ops, got '"
                                         << op->getName() << "'";
      diag.attachNote(op->getLoc()) << "payload op";
      return diag;
    }
    if (mapped && !op->hasAttr(AccelDialect::MappingAttrHelper::getNameStr())) {
      DiagnosedSilenceableFailure diag =
          transformOp.emitSilenceableError()
          << "expects ops carrying 'accel.mapping' (map them first)";
      diag.attachNote(op->getLoc()) << "unmapped payload op";
      return diag;
    }
    ops.push_back(linalgOp);
  }
  return DiagnosedSilenceableFailure::success();
}

/// Runs `body`, turning the errors it emits into one silenceable failure of
/// `transformOp` (the messages become notes at their locations) when it
/// fails, so a schedule can recover from what the model rejects.
static DiagnosedSilenceableFailure
captureErrors(transform::TransformOpInterface transformOp, StringRef what,
              function_ref<LogicalResult()> body) {
  SmallVector<std::pair<Location, std::string>> errors;
  LogicalResult result = [&] {
    ScopedDiagnosticHandler handler(
        transformOp->getContext(), [&](Diagnostic &diag) {
          if (diag.getSeverity() != DiagnosticSeverity::Error)
            return failure();
          errors.push_back({diag.getLocation(), diag.str()});
          return success();
        });
    return body();
  }();
  if (succeeded(result) && errors.empty())
    return DiagnosedSilenceableFailure::success();
  DiagnosedSilenceableFailure diag = transformOp.emitSilenceableError() << what;
  for (auto &[loc, message] : errors)
    diag.attachNote(loc) << message;
  return diag;
}

//===----------------------------------------------------------------------===//
// MapToArchTransformOp
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
MapToArchTransformOp::apply(transform::TransformRewriter &rewriter,
                            transform::TransformResults &results,
                            transform::TransformState &state) {
  results.set(cast<OpResult>(getMapped()), ArrayRef<Operation *>());
  SmallVector<linalg::LinalgOp> ops;
  if (DiagnosedSilenceableFailure diag =
          getLinalgTargets(*this, state, getTarget(), ops);
      !diag.succeeded())
    return diag;
  if (ops.empty())
    return DiagnosedSilenceableFailure::success();
  // The module the architecture resolves in (and is inserted into): the
  // ops' own, or for ops transform.alternatives has detached to try them,
  // the payload root's.
  auto module = ops.front()->getParentOfType<ModuleOp>();
  if (!module)
    module = dyn_cast<ModuleOp>(state.getTopLevel());
  if (!module)
    return emitDefiniteFailure()
           << "expects payload ops inside a module, or a module as the "
              "payload root";

  mapper::SearchSettings settings;
  settings.objective = getObjective().str();
  settings.strategy = getStrategy().str();
  settings.maxEvaluations = static_cast<uint64_t>(getMaxEvaluations());
  settings.timeLimitSeconds = getTimeLimit().convertToDouble();
  settings.victoryCondition = static_cast<uint64_t>(getVictory());
  settings.threads = static_cast<unsigned>(getThreads());
  settings.seed = static_cast<uint64_t>(getSeed());
  settings.imperfectFactors = getImperfect();
  llvm::Expected<mapper::SearchOptions> search =
      mapper::buildSearchOptions(settings);
  if (!search)
    return emitSilenceableError() << llvm::toString(search.takeError());
  MapToArchOptions options;
  options.arch = getArch().str();
  options.search = std::move(*search);

  FailureOr<MapToArchResult> mapped;
  DiagnosedSilenceableFailure diag =
      captureErrors(*this, "cannot map onto '" + getArch().str() + "'", [&] {
        mapped = mapOpsToArch(module, ops, options);
        return mapped;
      });
  if (!diag.succeeded())
    return diag;

  SmallVector<Operation *> mappedOps;
  SmallVector<const OpMappingOutcome *> unmapped;
  for (const OpMappingOutcome &outcome : mapped->ops) {
    if (outcome.search)
      mappedOps.push_back(outcome.op);
    else
      unmapped.push_back(&outcome);
  }
  results.set(cast<OpResult>(getMapped()), mappedOps);
  if (unmapped.empty())
    return DiagnosedSilenceableFailure::success();
  DiagnosedSilenceableFailure partial = emitSilenceableError()
                                        << unmapped.size() << " of "
                                        << ops.size() << " ops were not mapped";
  for (const OpMappingOutcome *outcome : unmapped)
    partial.attachNote(outcome->op->getLoc()) << outcome->status;
  return partial;
}

void MapToArchTransformOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  transform::onlyReadsHandle(getTargetMutable(), effects);
  transform::producesHandle(getOperation()->getOpResults(), effects);
  transform::modifiesPayload(effects);
}

//===----------------------------------------------------------------------===//
// TileTransformOp
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
TileTransformOp::apply(transform::TransformRewriter &rewriter,
                       transform::TransformResults &results,
                       transform::TransformState &state) {
  results.set(cast<OpResult>(getTiled()), ArrayRef<Operation *>());
  results.set(cast<OpResult>(getLoops()), ArrayRef<Operation *>());
  SmallVector<linalg::LinalgOp> ops;
  if (DiagnosedSilenceableFailure diag =
          getLinalgTargets(*this, state, getTarget(), ops, /*mapped=*/true);
      !diag.succeeded())
    return diag;

  TileOptions options;
  options.staging = getStaging();
  options.memorySpaces = getMemorySpaces();
  ArchitectureCache archs;
  SmallVector<Operation *> tiledOps, loops;
  DiagnosedSilenceableFailure diag =
      captureErrors(*this, "cannot tile by the mapping", [&] {
        for (linalg::LinalgOp op : ops) {
          FailureOr<TiledOp> tiled = tileMappedOp(rewriter, op, archs, options);
          if (failed(tiled))
            return failure();
          tiledOps.push_back(tiled->tiledOp);
          loops.append(tiled->loops.begin(), tiled->loops.end());
        }
        return success();
      });
  results.set(cast<OpResult>(getTiled()), tiledOps);
  results.set(cast<OpResult>(getLoops()), loops);
  return diag;
}

void TileTransformOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  transform::consumesHandle(getTargetMutable(), effects);
  transform::producesHandle(getOperation()->getOpResults(), effects);
  transform::modifiesPayload(effects);
}

//===----------------------------------------------------------------------===//
// EstimateTransformOp
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
EstimateTransformOp::apply(transform::TransformRewriter &rewriter,
                           transform::TransformResults &results,
                           transform::TransformState &state) {
  results.setParams(cast<OpResult>(getEnergy()), ArrayRef<Attribute>());
  results.setParams(cast<OpResult>(getCycles()), ArrayRef<Attribute>());
  SmallVector<linalg::LinalgOp> ops;
  if (DiagnosedSilenceableFailure diag =
          getLinalgTargets(*this, state, getTarget(), ops, /*mapped=*/true);
      !diag.succeeded())
    return diag;
  Builder builder(getContext());
  SmallVector<Attribute> energies, cycles;
  ArchitectureCache archs;
  for (linalg::LinalgOp op : ops) {
    FailureOr<std::vector<OpCost>> costs;
    DiagnosedSilenceableFailure diag =
        captureErrors(*this, "cannot estimate the mapping", [&] {
          EstimateOptions options;
          options.strict = true;
          costs = estimateCosts(op, options, archs);
          return costs;
        });
    if (!diag.succeeded())
      return diag;
    const model::Result &result = costs->front().result;
    energies.push_back(builder.getF64FloatAttr(result.energy));
    cycles.push_back(builder.getI64IntegerAttr(result.cycles));
  }
  results.setParams(cast<OpResult>(getEnergy()), energies);
  results.setParams(cast<OpResult>(getCycles()), cycles);
  return DiagnosedSilenceableFailure::success();
}

void EstimateTransformOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  transform::onlyReadsHandle(getTargetMutable(), effects);
  transform::producesHandle(getOperation()->getOpResults(), effects);
  // Attaches accel.cost.
  transform::modifiesPayload(effects);
}

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

namespace {

class AccelTransformDialectExtension
    : public transform::TransformDialectExtension<
          AccelTransformDialectExtension> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(AccelTransformDialectExtension)

  AccelTransformDialectExtension() {
    declareDependentDialect<linalg::LinalgDialect>();
    declareGeneratedDialect<AccelDialect>();
    registerTransformOps<
#define GET_OP_LIST
#include "accel/Dialect/Accel/TransformOps/AccelTransformOps.cpp.inc"
        >();
  }
};

} // namespace

#define GET_OP_CLASSES
#include "accel/Dialect/Accel/TransformOps/AccelTransformOps.cpp.inc"

void accel::registerTransformDialectExtension(DialectRegistry &registry) {
  registry.addExtensions<AccelTransformDialectExtension>();
}
