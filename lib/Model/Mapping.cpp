//===- Mapping.cpp - Loop-nest mapping onto an architecture ---------------===//

#include "accel/Model/Mapping.h"
#include "accel/Model/Architecture.h"
#include "accel/Model/CheckedMath.h"
#include "accel/Model/Workload.h"

using namespace accel::model;

Mapping Mapping::empty(int numLevels) {
  Mapping mapping;
  mapping.levels.resize(numLevels);
  return mapping;
}

/// Checks one list of loops of `levelName` and multiplies its factors into
/// `products`.
static std::string checkLoops(const std::vector<MappingLoop> &loops,
                              const Workload &workload,
                              const std::string &levelName, const char *kind,
                              uint32_t &seen, int64_t *products,
                              bool &overflow) {
  for (const MappingLoop &loop : loops) {
    if (loop.dimension < 0 || loop.dimension >= workload.numDimensions())
      return "level '" + levelName + "' has a " + kind +
             " loop over dimension #" + std::to_string(loop.dimension) +
             ", which the workload does not have";
    const std::string &dimName = workload.dimensions[loop.dimension].name;
    if (loop.factor < 1)
      return "level '" + levelName + "' has " + kind + " factor " +
             std::to_string(loop.factor) + " for dimension '" + dimName +
             "'; factors must be positive";
    if (loop.residual < 0 || loop.residual > loop.factor)
      return "level '" + levelName + "' has " + kind + " factor " +
             std::to_string(loop.factor) + " with residual " +
             std::to_string(loop.residual) + " for dimension '" + dimName +
             "'; a residual must be between 1 and its factor";
    if ((seen >> loop.dimension) & 1u)
      return "level '" + levelName + "' has dimension '" + dimName +
             "' twice in its " + kind + " loops";
    seen |= 1u << loop.dimension;
    products[loop.dimension] =
        mulChecked(products[loop.dimension], loop.factor, overflow);
  }
  return {};
}

/// The points the loops of `dim` cover (Timeloop's rule: outermost first,
/// covered = covered * factor + residual - 1, plus one at the end).
static int64_t coveredPoints(const Mapping &mapping, int dim, bool &overflow) {
  int64_t last = 0;
  mapping.forEachLoopOuterToInner(dim, [&](int, const MappingLoop &loop) {
    last = addChecked(mulChecked(last, loop.factor, overflow),
                      loop.lastTrip() - 1, overflow);
  });
  return addChecked(last, 1, overflow);
}

llvm::Error Mapping::validate(const Workload &workload,
                              const Architecture &arch) const {
  if (std::string why = explainInvalid(workload, arch); !why.empty())
    return llvm::createStringError(why);
  return llvm::Error::success();
}

std::string Mapping::explainInvalid(const Workload &workload,
                                    const Architecture &arch) const {
  if (static_cast<int>(levels.size()) != arch.numLevels())
    return "mapping has " + std::to_string(levels.size()) +
           " levels but the architecture has " +
           std::to_string(arch.numLevels());

  int64_t products[kMaxDimensions];
  std::fill(products, products + kMaxDimensions, 1);
  bool overflow = false;
  for (int s = 0, e = arch.numLevels(); s < e; ++s) {
    const LevelMapping &level = levels[s];
    const StorageLevel &storage = arch.storage[s];
    uint32_t temporalSeen = 0, spatialSeen = 0;
    if (std::string error =
            checkLoops(level.temporal, workload, storage.name, "temporal",
                       temporalSeen, products, overflow);
        !error.empty())
      return error;
    if (std::string error = checkLoops(level.spatialX, workload, storage.name,
                                       "spatial", spatialSeen, products,
                                       overflow);
        !error.empty())
      return error;
    if (std::string error = checkLoops(level.spatialY, workload, storage.name,
                                       "spatial", spatialSeen, products,
                                       overflow);
        !error.empty())
      return error;
    if (storage.fanout() == 1) {
      for (const auto *list : {&level.spatialX, &level.spatialY})
        for (const MappingLoop &loop : *list)
          if (loop.factor > 1)
            return "level '" + storage.name +
                   "' has spatial loops but no spatial fanout below it";
    }
  }
  if (overflow)
    return "mapping factors overflow 64-bit integers";
  for (int d = 0, e = workload.numDimensions(); d < e; ++d) {
    int64_t bound = workload.dimensions[d].bound;
    bool imperfect = false;
    forEachLoopOuterToInner(
        d, [&](int, const MappingLoop &loop) { imperfect |= loop.isImperfect(); });
    if (!imperfect) {
      if (products[d] != bound)
        return "factors of dimension '" + workload.dimensions[d].name +
               "' multiply to " + std::to_string(products[d]) +
               ", but its bound is " + std::to_string(bound);
      continue;
    }
    int64_t covered = coveredPoints(*this, d, overflow);
    if (overflow)
      return "mapping factors overflow 64-bit integers";
    if (covered != bound)
      return "factors of dimension '" + workload.dimensions[d].name +
             "' with their residuals cover " + std::to_string(covered) +
             " points, but its bound is " + std::to_string(bound);
  }
  return {};
}

bool Mapping::isImperfect() const {
  for (const LevelMapping &level : levels)
    for (const auto *list : {&level.temporal, &level.spatialX, &level.spatialY})
      for (const MappingLoop &loop : *list)
        if (loop.isImperfect())
          return true;
  return false;
}

bool Mapping::deriveResiduals(const Workload &workload) {
  const int numDims = workload.numDimensions();
  // Loops of each dimension, outermost first.
  std::vector<std::vector<MappingLoop *>> chains(numDims);
  for (int s = static_cast<int>(levels.size()) - 1; s >= 0; --s)
    for (auto *list :
         {&levels[s].temporal, &levels[s].spatialY, &levels[s].spatialX})
      for (MappingLoop &loop : *list)
        if (loop.dimension >= 0 && loop.dimension < numDims)
          chains[loop.dimension].push_back(&loop);
  std::vector<std::vector<int64_t>> residuals(numDims);
  for (int d = 0; d < numDims; ++d) {
    // The last point, bound - 1, written in the mixed radix of the factors
    // (innermost digit fastest); each residual is its digit plus one.
    int64_t last = workload.dimensions[d].bound - 1;
    const auto &chain = chains[d];
    residuals[d].assign(chain.size(), 1);
    for (size_t i = chain.size(); i-- > 0;) {
      int64_t factor = chain[i]->factor;
      if (factor < 1)
        return false;
      residuals[d][i] = last % factor + 1;
      last /= factor;
    }
    if (last != 0)
      return false; // the factors cover less than the bound
  }
  for (int d = 0; d < numDims; ++d)
    for (size_t i = 0; i < chains[d].size(); ++i)
      chains[d][i]->residual =
          residuals[d][i] == chains[d][i]->factor ? 0 : residuals[d][i];
  return true;
}
