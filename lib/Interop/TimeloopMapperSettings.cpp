//===- TimeloopMapperSettings.cpp - Timeloop's `mapper:` section ----------===//

#include "accel/Interop/TimeloopMapperSettings.h"

#include "llvm/ADT/STLExtras.h"

using namespace accel;
using namespace accel::interop;

/// A non-negative integer setting; null means unset.
static llvm::Error readCount(const YamlNode &mapper,
                             std::initializer_list<llvm::StringRef> keys,
                             std::optional<uint64_t> &out) {
  const YamlNode *node = mapper.getAny(keys);
  if (!node || node->isNull())
    return llvm::Error::success();
  std::optional<int64_t> value = node->asInt();
  if (!value || *value < 0)
    return node->error("'" + keys.begin()->str() +
                       "' must be a non-negative integer");
  out = static_cast<uint64_t>(*value);
  return llvm::Error::success();
}

llvm::Expected<TimeloopMapperSettings>
accel::interop::parseTimeloopMapperSettings(const YamlNode &mapper) {
  TimeloopMapperSettings settings;
  if (mapper.isNull())
    return settings;
  if (!mapper.isMapping())
    return mapper.error("'mapper' must be a mapping of settings");
  if (const YamlNode *algorithm = mapper.get("algorithm")) {
    if (!algorithm->isScalar())
      return algorithm->error("'algorithm' must be a name");
    static const char *const known[] = {
        "exhaustive", "linear_pruned", "linear-pruned", "hybrid",
        "random",     "random_pruned", "random-pruned"};
    if (!llvm::is_contained(known, llvm::StringRef(algorithm->scalar)))
      return algorithm->error("unknown mapper algorithm '" +
                              algorithm->scalar +
                              "' (expected exhaustive, linear_pruned, hybrid, "
                              "random or random_pruned)");
    settings.algorithm = algorithm->scalar;
  }
  // The plural key takes a list; the singular one a name (a list under it
  // is accepted too, though Timeloop itself ignores one).
  for (llvm::StringRef key :
       {"optimization_metrics", "optimization-metrics", "optimization_metric",
        "optimization-metric"}) {
    const YamlNode *metrics = mapper.get(key);
    if (!metrics || metrics->isNull())
      continue;
    if (metrics->isScalar()) {
      settings.metrics.push_back(metrics->scalar);
    } else if (metrics->isSequence()) {
      for (const YamlNode &item : metrics->items) {
        if (!item.isScalar())
          return item.error("an optimization metric must be a name");
        settings.metrics.push_back(item.scalar);
      }
    } else {
      return metrics->error("'" + key.str() + "' must be a name or a list");
    }
    if (!settings.metrics.empty())
      break;
  }
  std::optional<uint64_t> threads;
  if (llvm::Error error = readCount(mapper, {"num_threads", "num-threads"},
                                    threads))
    return std::move(error);
  if (threads && *threads > 0)
    settings.threads = static_cast<unsigned>(*threads);
  if (llvm::Error error = readCount(mapper, {"search_size", "search-size"},
                                    settings.searchSize))
    return std::move(error);
  if (llvm::Error error =
          readCount(mapper, {"victory_condition", "victory-condition"},
                    settings.victoryCondition))
    return std::move(error);
  if (llvm::Error error =
          readCount(mapper, {"timeout", "heartbeat"}, settings.timeout))
    return std::move(error);
  return settings;
}
