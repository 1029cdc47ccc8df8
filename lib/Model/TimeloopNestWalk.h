//===- TimeloopNestWalk.h - Timeloop's nest analysis, walked -------*- C++ -*-===//
//
// Internal to the model: Timeloop's own recursive nest analysis (spec
// sections 2.1-2.6, and master's handling of imperfect factors), for the
// Timeloop-compatible counting of imperfect mappings, where the closed form
// does not apply. It walks the nest as Timeloop does: the first iterations
// of every loop plus its last one or two on a dimension's last pass,
// extrapolating the rest; the first child of every fanout, translated to
// the others; working sets as lists of boxes with Timeloop's set
// difference, equality and centroid translations; tiles of the last pass
// shortened to the residuals. Its cost grows with the number of loops, so
// the model uses it only for imperfect mappings in Timeloop mode.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_MODEL_TIMELOOPNESTWALK_H
#define ACCEL_LIB_MODEL_TIMELOOPNESTWALK_H

#include "NestAnalysis.h"

#include <map>
#include <string>
#include <vector>

namespace accel::model::detail {

/// What Timeloop derives for the compute level.
struct WalkComputeFigures {
  double averageOperations = 0; ///< per simulated unit
  int64_t replication = 0;      ///< units it multiplies by (truncated)
  int64_t temporalIterations = 0; ///< product of the temporal loops' factors
};

class TimeloopNestWalk {
public:
  TimeloopNestWalk();
  ~TimeloopNestWalk();

  /// Fills records[level * numDataSpaces + ds] as Timeloop's tile
  /// collapsing sees them. Returns false when Timeloop would abort on the
  /// mapping (`error` says why).
  bool run(const Workload &workload, const Architecture &arch,
           const Mapping &mapping, const LoopNest &nest,
           const EvaluationOptions &options,
           llvm::SmallVectorImpl<LevelRecord> &records,
           WalkComputeFigures &compute, std::string &error);

  struct BoxList;
  struct Space;
  struct ElementState;

private:
  Space workingSet(int loop);
  Space visit(int loop);
  void temporalStep(int loop, ElementState &state);
  void spatialStep(int loop);
  void fillSpatialDeltas(int loop, std::map<uint64_t, Space> &deltas,
                         uint64_t baseIndex, int64_t extrapolationStride,
                         int extrapolationLoop);
  bool isLastGlobalIteration(int fromLoop, int dimension) const;
  std::vector<int64_t> operationPoint() const;
  ElementState &stateOf(int loop);

  const Workload *workload = nullptr;
  const Architecture *arch = nullptr;
  const Mapping *mapping = nullptr;
  const LoopNest *nest = nullptr;
  const EvaluationOptions *options = nullptr;
  std::string abortReason;

  // Static properties of the nest (Timeloop's names in comments).
  std::vector<bool> boundaryLoop;   ///< storage_boundary_level_
  std::vector<bool> masterLoop;     ///< master_spatial_level_
  std::vector<int> levelOfLoop;     ///< arch_storage_level_
  std::vector<uint64_t> spatialAbove; ///< num_spatial_elems_
  std::vector<double> usedAbove;    ///< utilized_spatial_elems_
  std::vector<uint64_t> fanout, fanoutX, fanoutY; ///< logical_fanouts_
  std::vector<std::vector<int64_t>> moldHigh, moldHighResidual;
  std::map<int, int> innermostImperfectLoop; ///< per dimension

  // Walk state.
  std::vector<int64_t> transform;   ///< cur_transform_
  std::vector<int64_t> indices;     ///< indices_
  uint64_t epochs = 1;              ///< num_epochs_
  std::vector<unsigned> spaceStamp; ///< space_stamp_
  std::vector<std::map<std::vector<unsigned>, ElementState>> states;
  std::map<std::vector<unsigned>, double> computeCounts; ///< compute_info_
};

} // namespace accel::model::detail

#endif // ACCEL_LIB_MODEL_TIMELOOPNESTWALK_H
