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
    if ((seen >> loop.dimension) & 1u)
      return "level '" + levelName + "' has dimension '" + dimName +
             "' twice in its " + kind + " loops";
    seen |= 1u << loop.dimension;
    products[loop.dimension] =
        mulChecked(products[loop.dimension], loop.factor, overflow);
  }
  return {};
}

std::string Mapping::validate(const Workload &workload,
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
  for (int d = 0, e = workload.numDimensions(); d < e; ++d)
    if (products[d] != workload.dimensions[d].bound)
      return "factors of dimension '" + workload.dimensions[d].name +
             "' multiply to " + std::to_string(products[d]) +
             ", but its bound is " +
             std::to_string(workload.dimensions[d].bound);
  return {};
}
