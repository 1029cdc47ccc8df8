//===- EmitSchedule.cpp - Mappings as upstream transform schedules --------===//
//
// accel::emitSchedule writes the loop nests accel-tile would build as a
// transform-dialect schedule anyone can replay with stock mlir-opt:
//
//   module attributes {transform.with_named_sequence} {
//     <payload, stripped of accel>
//     transform.named_sequence @__transform_main(%root: !transform.any_op
//                                                {transform.readonly}) {
//       %all = transform.structured.match ops{["linalg.matmul"]} in %root
//       %op0, %op1 = transform.split_handle %all      // one per matched op
//       %t0, %loops:2 = transform.structured.tile_using_for %op0
//           tile_sizes [8, 4, 0] interchange = [1, 0, 2]  // DRAM: N, M
//       %t1, %forall = transform.structured.tile_using_forall %t0
//           tile_sizes [2, 0, 0]                          // PE x: M
//       ...
//     }
//   }
//
// Ops are found by name and position (structured.match walks the payload
// in the same order as this file does), so the payload needs no marker
// attribute. Each tiling step of the plan (TilingPlan.h) is one tiling op,
// with accel-tile's tile sizes and loop order.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Dialect/Accel/Utils/TilingPlan.h"

#include "mlir/Dialect/Linalg/TransformOps/LinalgTransformOps.h"
#include "mlir/Dialect/Transform/IR/TransformOps.h"
#include "mlir/Dialect/Transform/IR/TransformTypes.h"
#include "llvm/ADT/MapVector.h"

using namespace mlir;
using namespace accel;

namespace {

/// A mapped op and how to tile it.
struct ScheduledOp {
  Operation *op;
  TilingPlan plan;
};

/// The linalg ops of one name, in walk order; `plans` holds the mapped ones.
struct OpGroup {
  SmallVector<Operation *> ops;
  DenseMap<Operation *, TilingPlan> plans;
};

} // namespace

/// Emits the tiling ops of `plan` on `handle`.
static void emitTilingSteps(OpBuilder &builder, Location loc, Value handle,
                            const TilingPlan &plan) {
  Type anyOp = transform::AnyOpType::get(builder.getContext());
  for (const TilingStep &step : plan.steps) {
    if (step.kind == TilingStepKind::SpatialParallel) {
      // scf.forall lists its dimensions in index order: tile_using_forall
      // takes no interchange (accel-tile orders its forall loops alike).
      auto forall = transform::TileUsingForallOp::create(
          builder, loc, handle, step.tileSizes, transform::TileSizesSpec(),
          ArrayAttr());
      handle = forall.getTiledOp();
      continue;
    }
    SmallVector<Type> loopTypes(step.loops.size(), anyOp);
    auto tiled = transform::TileUsingForOp::create(
        builder, loc, loopTypes, handle, step.tileSizes, step.interchange);
    handle = tiled.getTiledLinalgOp();
  }
}

FailureOr<EmittedSchedule> accel::emitSchedule(ModuleOp module,
                                               ArchitectureCache &archs) {
  MLIRContext *context = module.getContext();
  if (Operation *existing = SymbolTable::lookupSymbolIn(
          module, StringAttr::get(context, "__transform_main"))) {
    InFlightDiagnostic diag =
        module.emitError()
        << "the module already has a @__transform_main; emit the schedule "
           "into a module without one";
    diag.attachNote(existing->getLoc()) << "this one";
    return diag;
  }
  llvm::MapVector<StringAttr, OpGroup> groups;
  bool failedAny = false;
  unsigned scheduled = 0;
  // The same (post-order) walk transform.structured.match makes, so the
  // i-th op of a name here is the i-th payload op of its handle.
  module.walk([&](linalg::LinalgOp linalgOp) {
    Operation *op = linalgOp.getOperation();
    OpGroup &group = groups[op->getName().getIdentifier()];
    group.ops.push_back(op);
    if (!op->hasAttr(AccelDialect::MappingAttrHelper::getNameStr()))
      return;
    FailureOr<MappedOpModel> mapped = readMappedOp(linalgOp, archs);
    if (failed(mapped)) {
      failedAny = true;
      return;
    }
    SmallVector<bool> reductionDims;
    for (utils::IteratorType type : linalgOp.getIteratorTypesArray())
      reductionDims.push_back(type == utils::IteratorType::reduction);
    group.plans[op] = planTiling(mapped->mapping, reductionDims);
    ++scheduled;
  });
  if (failedAny)
    return failure();

  stripAccel(module);
  module->setAttr(transform::TransformDialect::kWithNamedSequenceAttrName,
                  UnitAttr::get(context));

  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  Location loc = module.getLoc();
  Type anyOp = transform::AnyOpType::get(context);
  auto sequence = transform::NamedSequenceOp::create(
      builder, loc, "__transform_main", anyOp, TypeRange(),
      [&](OpBuilder &body, Location bodyLoc, BlockArgument root) {
        for (auto &[name, group] : groups) {
          if (group.plans.empty())
            continue;
          Value all =
              transform::MatchOp::create(body, bodyLoc, root,
                                         ArrayRef<StringRef>{name.getValue()})
                  .getResult();
          SmallVector<Value> handles = {all};
          if (group.ops.size() > 1) {
            auto split = transform::SplitHandleOp::create(body, bodyLoc, all,
                                                          group.ops.size());
            handles.assign(split.getResults().begin(),
                           split.getResults().end());
          }
          for (auto [op, handle] : llvm::zip(group.ops, handles))
            if (auto plan = group.plans.find(op); plan != group.plans.end())
              emitTilingSteps(body, bodyLoc, handle, plan->second);
        }
        transform::YieldOp::create(body, bodyLoc);
      });
  // The schedule only reads the root handle (the interpreter checks it).
  sequence.setArgAttr(0, transform::TransformDialect::kArgReadOnlyAttrName,
                      UnitAttr::get(context));
  return EmittedSchedule{sequence, scheduled};
}
