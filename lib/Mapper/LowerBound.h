//===- LowerBound.h - Bounds on the cost of partial mappings ------*- C++ -*-===//
//
// Internal to the mapper. A partial plan decides keep masks, every spatial
// factor, and the temporal factors and loop orders of the levels from the
// outermost down to some level t. Some of its counts no longer depend on
// how the levels below t are completed: a level's reads and updates serving
// a child at level t-1 or above (the child's tile and every loop above it
// are decided), the fills of levels t-1 and above, and what the compute
// units take from a level when nothing at or below it fans out (one word
// per temporal iteration, whatever the order). One completion, every
// remaining factor at level t-1, gives those exactly. The rest is bounded
// by what every mapping must do: the compute energy, each tensor read (or
// written) once from its backing store, compute cycles set by the spatial
// factors, and leakage over those cycles.
//
// Tighter-looking bounds (evaluating a completion with every remaining loop
// innermost) are not bounds: spatial multicast, link transfers between
// neighbours and strided tiles with holes can make smaller inner tiles
// cheaper. unittests/Mapper checks this bound against complete plans.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MAPPER_LOWERBOUND_H
#define ACCEL_LIB_MAPPER_LOWERBOUND_H

#include "accel/Mapper/Mapspace.h"
#include "accel/Mapper/Objective.h"
#include "accel/Model/Evaluation.h"

namespace accel::mapper::detail {

class LowerBounder {
public:
  LowerBounder(const Mapspace &space, const model::EvaluationOptions &options,
               const Objective &objective);

  /// A lower bound on the objective of every completion of `plan`, whose
  /// levels >= t are decided (1 <= t <= levels); `remaining` is what the
  /// levels below t still take. `estimate`, if given, receives the
  /// objective of the completion itself (capacity unchecked), a guess of
  /// the subtree's best for ordering the search. Returns false when no
  /// completion can be valid.
  bool bound(const Plan &plan, int t, const FactorVector &remaining,
             ObjectiveValue &out, ObjectiveValue *estimate = nullptr);

private:
  const Mapspace &space;
  const Objective &objective;
  model::EvaluationOptions options;
  model::Evaluator evaluator;
  Plan completion;
  model::Mapping mapping;
  model::Result result;
  /// Per tensor: a lower bound on its distinct words (tiles are boxes,
  /// which count the holes of strided projections; words are not).
  std::vector<double> distinctWords;
  /// Per tensor: whether every coefficient is 0 or +-1, so tiles have no
  /// holes and hold only words the compute units need.
  std::vector<bool> holeFree;
};

/// Whether a subtree whose objective is bounded below by `bound` cannot
/// beat `best`. Bounds on floating-point metrics may exceed the true value
/// by rounding, so they must clear `best` by a relative margin; delay is an
/// integer and compares exactly, so a tie on delay lets the next metric
/// decide.
bool boundExcludes(const Objective &objective, const ObjectiveValue &bound,
                   const ObjectiveValue &best);

} // namespace accel::mapper::detail

#endif // ACCEL_LIB_MAPPER_LOWERBOUND_H
