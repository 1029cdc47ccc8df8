//===- ResolveKnobs.cpp - Tuning knobs resolved by the model --------------===//
//
// accel::resolveKnobs: a schedule's `transform.tune.knob`s name mapping
// decisions of the payload's multiply-accumulate op (docs/transform.md):
//
//   "<level>.<dim>"         the level's temporal factor of <dim>
//   "<fanout>.x.<dim>"      the spatial factor of <dim> along x (or y)
//
// Every combination of their options (and, for `transform.tune.alternatives`,
// of its regions, each region's knobs being its mapping decisions) becomes
// fixed factors in the mapping constraints; the mapper chooses everything
// else; the cheapest combination by the objective is written back as the
// knobs' `selected` and the alternatives' `selected_region`, so the
// upstream interpreter applies it.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Transforms.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Dialect/Accel/Utils/ArchitectureLibrary.h"
#include "accel/Dialect/Accel/Utils/ConstraintConversion.h"
#include "accel/Dialect/Accel/Utils/WorkloadExtraction.h"

#include "mlir/Dialect/Transform/IR/TransformOps.h"
#include "mlir/Dialect/Transform/TuneExtension/TuneExtensionOps.h"
#include "llvm/Support/FormatVariadic.h"

#include <map>

using namespace mlir;
using namespace accel;
namespace tune = mlir::transform::tune;

namespace {

/// A knob and the mapping decision it names.
struct Knob {
  tune::KnobOp op;
  int level = 0;     ///< model level index
  int dimension = 0; ///< workload dimension
  enum Axis { Temporal, X, Y } axis = Temporal;
  /// The options, as written (for `selected`) and as factors.
  SmallVector<Attribute> options;
  SmallVector<int64_t> factors;
};

/// Where a knob sits: outside every alternatives op (-1), or in region
/// `region` of alternatives op `alternative`.
struct KnobScope {
  int alternative = -1;
  unsigned region = 0;
};

} // namespace

/// Reads a knob's name and options against the workload and architecture.
static FailureOr<Knob> readKnob(tune::KnobOp op,
                                const model::Workload &workload,
                                const model::Architecture &arch) {
  Knob knob;
  knob.op = op;
  StringRef name = op.getName();
  SmallVector<StringRef> parts;
  name.split(parts, '.');
  if (parts.size() != 2 &&
      !(parts.size() == 3 && (parts[1] == "x" || parts[1] == "y")))
    return op.emitOpError()
           << "knob '" << name
           << "' names no mapping decision; expected '<level>.<dim>' (a "
              "temporal factor) or '<fanout>.x.<dim>' / '<fanout>.y.<dim>' "
              "(a spatial factor)";
  StringRef levelName = parts.front(), dimName = parts.back();
  knob.level = arch.findLevel(levelName);
  if (knob.level < 0) {
    InFlightDiagnostic diag =
        op.emitOpError() << "knob '" << name << "' names level '" << levelName
                         << "', which the architecture does not have; "
                            "its levels are ";
    llvm::interleaveComma(arch.storage, diag,
                          [&](const model::StorageLevel &level) {
                            diag << "'" << level.name << "'";
                          });
    return diag;
  }
  const model::StorageLevel &level = arch.storage[knob.level];
  if (parts.size() == 3) {
    knob.axis = parts[1] == "x" ? Knob::X : Knob::Y;
    int64_t size = knob.axis == Knob::X ? level.fanoutX : level.fanoutY;
    if (size <= 1)
      return op.emitOpError()
             << "knob '" << name << "' names the " << parts[1] << " axis of '"
             << levelName << "', which has no fanout along it";
  } else if (level.isFanoutOnly) {
    return op.emitOpError() << "knob '" << name << "' names temporal loops of '"
                            << levelName << "', a fanout (spatial knobs are '"
                            << levelName << ".x." << dimName << "')";
  }
  knob.dimension = workload.findDimension(dimName);
  if (knob.dimension < 0) {
    InFlightDiagnostic diag = op.emitOpError()
                              << "knob '" << name << "' names dimension '"
                              << dimName << "', which the op does not have; "
                              << "its dimensions are ";
    llvm::interleaveComma(
        workload.dimensions, diag,
        [&](const model::Dimension &dim) { diag << "'" << dim.name << "'"; });
    return diag;
  }
  auto options = dyn_cast<ArrayAttr>(op.getOptions());
  if (!options || options.empty())
    return op.emitOpError() << "knob '" << name
                            << "' needs a non-empty array of factors as "
                               "options";
  for (Attribute option : options) {
    auto factor = dyn_cast<IntegerAttr>(option);
    if (!factor || factor.getValue().getSignificantBits() > 64 ||
        factor.getInt() < 1)
      return op.emitOpError() << "knob '" << name << "' has option " << option
                              << "; its options must be positive integers";
    knob.options.push_back(option);
    knob.factors.push_back(factor.getInt());
  }
  return knob;
}

/// Advances `digits` (digit i counting up to radix(i)) to the next
/// combination, the first digit fastest; false after the last one.
static bool nextCombination(MutableArrayRef<unsigned> digits,
                            function_ref<unsigned(size_t)> radix) {
  for (size_t i = 0; i < digits.size(); ++i) {
    if (++digits[i] < radix(i))
      return true;
    digits[i] = 0;
  }
  return false;
}

/// The one multiply-accumulate op knobs can refer to.
static FailureOr<std::pair<linalg::LinalgOp, model::Workload>>
findKnobTarget(ModuleOp module, Operation *errorAt) {
  SmallVector<std::pair<linalg::LinalgOp, model::Workload>> targets;
  ExtractionOptions extraction;
  extraction.errorsAsRemarks = true;
  module.walk([&](linalg::LinalgOp op) {
    if (op->getParentOfType<transform::TransformOpInterface>())
      return;
    // Ops that are not modellable multiply-accumulates (fills, copies,
    // elementwise ops) are no targets; say nothing about them.
    ScopedDiagnosticHandler quiet(module.getContext(),
                                  [](Diagnostic &) { return success(); });
    FailureOr<ExtractionResult> extracted = extractWorkload(op, extraction);
    if (failed(extracted) || !extracted->extracted)
      return;
    // A multiply-accumulate reads two tensors (a fill models as a copy).
    const model::Workload &workload = extracted->extracted->workload;
    if (llvm::count_if(workload.dataSpaces, [](const model::DataSpace &ds) {
          return !ds.readWrite;
        }) >= 2)
      targets.push_back({op, workload});
  });
  if (targets.size() == 1)
    return targets.front();
  InFlightDiagnostic diag =
      errorAt->emitError()
      << "knobs name the mapping decisions of one multiply-accumulate op, "
         "but the payload has "
      << targets.size();
  for (auto &[op, workload] : targets)
    diag.attachNote(op.getLoc()) << "this one";
  return diag;
}

FailureOr<ResolvedKnobs>
accel::resolveKnobs(ModuleOp module, const ResolveKnobsOptions &options) {
  // The knobs and alternatives of every schedule in the module.
  SmallVector<tune::KnobOp> knobOps;
  SmallVector<tune::AlternativesOp> alternatives;
  module.walk([&](Operation *op) {
    if (auto knob = dyn_cast<tune::KnobOp>(op))
      knobOps.push_back(knob);
    else if (auto alternative = dyn_cast<tune::AlternativesOp>(op))
      alternatives.push_back(alternative);
  });
  ResolvedKnobs resolved;
  if (knobOps.empty() && alternatives.empty())
    return resolved;
  Operation *first =
      knobOps.empty() ? alternatives.front().getOperation() : knobOps.front();

  FailureOr<std::pair<linalg::LinalgOp, model::Workload>> target =
      findKnobTarget(module, first);
  if (failed(target))
    return failure();
  const model::Workload &workload = target->second;
  FailureOr<ArchOp> archOp =
      loadArchitectureInto(module, options.arch, first->getLoc());
  if (failed(archOp))
    return failure();
  FailureOr<model::Architecture> arch = convertArchitecture(*archOp);
  if (failed(arch))
    return failure();
  FailureOr<model::MappingConstraints> baseConstraints =
      buildMappingConstraints(*archOp, *arch, workload);
  if (failed(baseConstraints))
    return failure();

  SmallVector<Knob> knobs;
  SmallVector<KnobScope> scopes;
  for (tune::KnobOp op : knobOps) {
    FailureOr<Knob> knob = readKnob(op, workload, *arch);
    if (failed(knob))
      return failure();
    KnobScope scope;
    if (auto parent = op->getParentOfType<tune::AlternativesOp>()) {
      scope.alternative = static_cast<int>(llvm::find(alternatives, parent) -
                                           alternatives.begin());
      // The region of `parent` the knob is in, however deep.
      Region *region = op->getParentRegion();
      while (region->getParentOp() != parent.getOperation())
        region = region->getParentOp()->getParentRegion();
      scope.region = region->getRegionNumber();
    }
    knobs.push_back(std::move(*knob));
    scopes.push_back(scope);
  }

  // Combinations: a region per alternatives op, then an option per knob in
  // scope. Counted first, to refuse an intractable product.
  auto active = [&](ArrayRef<unsigned> regions, unsigned k) {
    return scopes[k].alternative < 0 ||
           regions[scopes[k].alternative] == scopes[k].region;
  };
  int64_t combinations = 0;
  SmallVector<unsigned> regionChoice(alternatives.size(), 0);
  auto forEachRegionChoice = [&](function_ref<void(ArrayRef<unsigned>)> fn) {
    std::fill(regionChoice.begin(), regionChoice.end(), 0);
    do
      fn(regionChoice);
    while (nextCombination(regionChoice, [&](size_t a) {
      return alternatives[a]->getNumRegions();
    }));
  };
  bool overflow = false;
  forEachRegionChoice([&](ArrayRef<unsigned> regions) {
    // In int64_t (what LLVM's overflow helpers take); the cap is far below.
    int64_t product = 1;
    for (unsigned k = 0; k < knobs.size(); ++k)
      if (active(regions, k) &&
          llvm::MulOverflow(product, int64_t(knobs[k].factors.size()), product))
        overflow = true;
    if (llvm::AddOverflow(combinations, product, combinations))
      overflow = true;
  });
  if (overflow || static_cast<uint64_t>(combinations) > options.maxCombinations)
    return first->emitError()
           << "the knobs' options and alternatives give "
           << (overflow ? std::string("more than 2^63")
                        : std::to_string(combinations))
           << " combinations to search, more than max-combinations ("
           << options.maxCombinations << ")";

  // The best combination per region choice, and overall.
  struct Best {
    bool found = false;
    mapper::ObjectiveValue value;
    model::Result result;
    SmallVector<unsigned> regions;
    SmallVector<unsigned> choice; ///< option index per knob (active ones)
  };
  Best best;
  // Per (alternatives op, region): the best combination choosing it, so the
  // knobs of regions not taken are set to their own best too.
  DenseMap<std::pair<int, unsigned>, Best> bestPerRegion;
  uint64_t searches = 0, evaluations = 0;
  std::string lastReason;
  forEachRegionChoice([&](ArrayRef<unsigned> regions) {
    SmallVector<unsigned> activeKnobs;
    for (unsigned k = 0; k < knobs.size(); ++k)
      if (active(regions, k))
        activeKnobs.push_back(k);
    // Option index per knob (inactive knobs stay at 0).
    SmallVector<unsigned> choice(knobs.size(), 0);
    SmallVector<unsigned> activeChoice(activeKnobs.size(), 0);
    do {
      for (auto [i, k] : llvm::enumerate(activeKnobs))
        choice[k] = activeChoice[i];
      model::MappingConstraints constraints = *baseConstraints;
      bool conflicting = false;
      // x and y knobs of one dimension multiply into its spatial factor.
      std::map<std::pair<int, int>, int64_t> spatialFactors;
      auto fix = [&](model::FactorBound &bound, int dimension, int64_t factor) {
        model::FactorConstraintTerm term{workload.dimensions[dimension].name,
                                         model::FactorConstraintTerm::Fixed,
                                         factor};
        conflicting |= !model::applyFactorConstraint(
            term, workload.dimensions[dimension].bound, bound);
      };
      for (unsigned k : activeKnobs) {
        const Knob &knob = knobs[k];
        model::LevelConstraints &level = constraints.levels[knob.level];
        int64_t factor = knob.factors[choice[k]];
        if (knob.axis == Knob::Temporal) {
          fix(level.temporal[knob.dimension], knob.dimension, factor);
          continue;
        }
        auto [it, inserted] =
            spatialFactors.try_emplace({knob.level, knob.dimension}, 1);
        conflicting |= llvm::MulOverflow(it->second, factor, it->second);
        // A dimension a knob spreads along one axis stays off the other.
        model::DimensionMask bit = model::DimensionMask(1) << knob.dimension;
        if (factor > 1)
          (knob.axis == Knob::X ? level.spatialY : level.spatialX) &= ~bit;
      }
      for (auto [key, factor] : spatialFactors)
        fix(constraints.levels[key.first].spatial[key.second], key.second,
            factor);
      if (!conflicting) {
        llvm::Expected<mapper::SearchResult> searched =
            mapper::searchMapping(workload, *arch, constraints, options.search);
        ++searches;
        if (!searched) {
          lastReason = llvm::toString(searched.takeError());
        } else {
          evaluations += searched->evaluations;
          if (searched->found) {
            auto consider = [&](Best &candidate) {
              if (candidate.found &&
                  !mapper::isBetter(searched->value, candidate.value))
                return;
              candidate.found = true;
              candidate.value = searched->value;
              candidate.result = searched->result;
              candidate.regions.assign(regions.begin(), regions.end());
              candidate.choice = choice;
            };
            consider(best);
            for (auto [a, region] : llvm::enumerate(regions))
              consider(bestPerRegion[{static_cast<int>(a), region}]);
          } else {
            lastReason = "no valid mapping was found";
          }
        }
      }
    } while (nextCombination(activeChoice, [&](size_t i) {
      return static_cast<unsigned>(knobs[activeKnobs[i]].factors.size());
    }));
  });
  resolved.searches = searches;
  resolved.evaluations = evaluations;
  if (!best.found) {
    InFlightDiagnostic diag =
        first->emitError()
        << "no combination of the knobs' options admits a valid mapping "
           "onto @"
        << arch->name;
    if (!lastReason.empty())
      diag << " (last: " << lastReason << ")";
    return diag;
  }

  // Write the choice back: the knobs of the best combination, and in each
  // region not taken, that region's own best.
  MLIRContext *context = module.getContext();
  auto select = [&](const Best &from, ArrayRef<unsigned> knobIndices) {
    for (unsigned k : knobIndices)
      knobs[k].op.setSelectedAttr(knobs[k].options[from.choice[k]]);
  };
  SmallVector<unsigned> chosen;
  for (unsigned k = 0; k < knobs.size(); ++k)
    if (active(best.regions, k))
      chosen.push_back(k);
  select(best, chosen);
  for (auto [a, alternative] : llvm::enumerate(alternatives)) {
    alternative.setSelectedRegionAttrAttr(
        IntegerAttr::get(IntegerType::get(context, 64), best.regions[a]));
    for (unsigned region = 0; region < alternative->getNumRegions(); ++region) {
      if (region == best.regions[a])
        continue;
      auto it = bestPerRegion.find({static_cast<int>(a), region});
      if (it == bestPerRegion.end())
        continue;
      SmallVector<unsigned> inRegion;
      for (unsigned k = 0; k < knobs.size(); ++k)
        if (scopes[k].alternative == static_cast<int>(a) &&
            scopes[k].region == region)
          inRegion.push_back(k);
      select(it->second, inRegion);
    }
  }
  resolved.knobs = knobs.size();
  resolved.result = best.result;
  resolved.archName = arch->name;
  resolved.target = target->first;
  return resolved;
}
