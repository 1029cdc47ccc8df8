//===- LowerBound.cpp - Bounds on the cost of partial mappings ------------===//

#include "LowerBound.h"
#include "accel/Model/CheckedMath.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cmath>

using namespace accel;
using namespace accel::mapper;
using namespace accel::mapper::detail;

static model::EvaluationOptions boundOptions(model::EvaluationOptions options) {
  // The completion's tile at level t-1 is as large as the remaining factors
  // make it; capacity is the real mapping's concern, not the bound's.
  options.checkCapacity = false;
  return options;
}

LowerBounder::LowerBounder(const Mapspace &space,
                           const model::EvaluationOptions &options,
                           const Objective &objective)
    : space(space), objective(objective), options(boundOptions(options)),
      evaluator(space.workload(), space.arch(), this->options) {
  const model::Workload &workload = space.workload();
  for (const model::DataSpace &ds : workload.dataSpaces) {
    // A rank of one term takes as many values as its dimension; one of unit
    // coefficients every value of its box; otherwise at least as many as
    // its largest dimension. Ranks over disjoint dimensions multiply.
    double product = 1, largest = 1;
    uint32_t seen = 0;
    bool disjoint = true;
    for (const model::Rank &rank : ds.ranks) {
      double box = 1, widest = 1;
      bool unit = true;
      int terms = 0;
      for (const model::ProjectionTerm &term : rank) {
        if (term.coefficient == 0)
          continue;
        ++terms;
        double extent =
            static_cast<double>(workload.dimensions[term.dimension].bound);
        box += static_cast<double>(std::abs(term.coefficient)) * (extent - 1);
        widest = std::max(widest, extent);
        unit &= std::abs(term.coefficient) == 1;
        disjoint &= !((seen >> term.dimension) & 1u);
        seen |= 1u << term.dimension;
      }
      double values = terms <= 1 ? widest : unit ? box : widest;
      product *= values;
      largest = std::max(largest, values);
    }
    distinctWords.push_back(disjoint ? product : largest);
    bool dense = true;
    for (const model::Rank &rank : ds.ranks)
      for (const model::ProjectionTerm &term : rank)
        dense &= std::abs(term.coefficient) <= 1;
    holeFree.push_back(dense);
  }
}

bool LowerBounder::bound(const Plan &plan, int t, const FactorVector &remaining,
                         ObjectiveValue &out, ObjectiveValue *estimate) {
  const int numDims = space.numDims();
  const int numLevels = space.numLevels();
  const int numDataSpaces = space.numDataSpaces();
  const model::Architecture &arch = space.arch();

  completion = plan;
  for (int s = 0; s < t; ++s) {
    LevelPlan &level = completion.levels[s];
    level.temporal.fill(1);
    level.order.clear();
  }
  LevelPlan &receiver = completion.levels[t - 1];
  for (int d = 0; d < numDims; ++d) {
    receiver.temporal[d] = remaining[d];
    if (remaining[d] > 1)
      receiver.order.push_back(static_cast<int8_t>(d));
  }
  space.toMapping(completion, mapping);
  evaluator.evaluate(mapping, result);
  if (!result.valid)
    return false;
  if (estimate)
    *estimate = objective.value(result);

  // Compute-facing counts do not depend on loop order when no level at or
  // below the server fans out: the compute units then take one word per
  // iteration of every temporal loop (NestAnalysis: a point child reuses
  // nothing), a number the spatial factors fix.
  llvm::SmallVector<bool, 8> unfannedUpTo(numLevels);
  {
    bool unfanned = true;
    for (int s = 0; s < numLevels; ++s) {
      for (int d = 0; d < numDims; ++d)
        unfanned &= plan.levels[s].spatialX[d] == 1 &&
                    plan.levels[s].spatialY[d] == 1;
      unfannedUpTo[s] = unfanned;
    }
  }

  // A level's partition (the words one instance ever holds) is at least
  // the partition of the innermost decided level keeping the tensor,
  // divided by the spatial fanouts in between (a fanout's children hold at
  // most that many times one child's tile).
  auto partitionBound = [&](int s, int ds) {
    int decided = t - 1;
    while (decided < numLevels - 1 && !completion.levels[decided].keeps(ds))
      ++decided;
    int64_t words = result.levels[decided].dataSpaces[ds].partitionSize;
    for (int l = decided; l > s; --l) {
      int64_t fanout = 1;
      for (int d = 0; d < numDims; ++d)
        fanout *= plan.levels[l].spatialX[d] * plan.levels[l].spatialY[d];
      words /= fanout; // the model rounds each step down too
    }
    return static_cast<double>(words);
  };

  // Partitions are exact distinct-word counts only when every instance
  // holds a whole share; with tiles cut at the bounds some hold less, so
  // imperfect plans bound compulsory traffic by the tensor's distinct words
  // alone.
  const bool wholeShares = !mapping.isImperfect();

  double energy = result.compute.energy;
  double cycles = static_cast<double>(result.compute.cycles);
  double lastLevelAccesses = 0;
  for (int s = 0; s < numLevels; ++s) {
    const model::StorageLevel &level = arch.storage[s];
    double reads = 0, writes = 0;
    for (int ds = 0; ds < numDataSpaces; ++ds) {
      const model::DataSpaceStats &data = result.levels[s].dataSpaces[ds];
      if (!data.kept)
        continue;
      const bool readWrite = space.workload().dataSpaces[ds].readWrite;
      // The level this one serves (-1: the compute units) and whether a
      // level above backs it.
      int child = s - 1;
      while (child >= 0 && !completion.levels[child].keeps(ds))
        --child;
      int backingLevel = numLevels - 1;
      while (backingLevel > s && !completion.levels[backingLevel].keeps(ds))
        --backingLevel;
      const bool backing = backingLevel == s;
      const bool servesDecided = child >= t - 1;
      const bool servesCompute = child < 0 && unfannedUpTo[s];
      const bool fillsDecided = s >= t - 1;
      double instances = static_cast<double>(
          std::max<int64_t>(1, data.utilizedInstances));
      const double operationsPerInstance =
          static_cast<double>(result.computes) / instances;
      double block = static_cast<double>(level.blockSize);
      // Energy of `count` scalar actions costing `perVector` (vector
      // accesses round up; these do not).
      auto actions = [&](double perVector, double count) {
        return count / block * perVector * data.vectorEnergyScale;
      };
      if (servesDecided) {
        energy += data.readEnergy + data.updateEnergy;
        reads += static_cast<double>(data.reads);
        writes += static_cast<double>(data.updates);
      } else if (servesCompute && !readWrite) {
        // Words neighbours forwarded into this level are read on top; how
        // many depends on the completion, so count only the operations of
        // an instance (the iterations, when no tile is cut at a bound).
        double minReads =
            std::min(static_cast<double>(data.reads), operationsPerInstance);
        energy += actions(level.readEnergy, minReads);
        reads += minReads;
      } else if (servesCompute) {
        // Every iteration updates; all but the first update of each word
        // read first. Partitions only shrink inwards, so this level's is at
        // most that of the innermost decided level keeping the tensor.
        int decided = std::max(s, t - 1);
        while (!completion.levels[decided].keeps(ds))
          ++decided;
        double firstWrites =
            options.firstReadElision
                ? static_cast<double>(
                      result.levels[decided].dataSpaces[ds].partitionSize)
                : 0.0;
        double minReads = std::max(
            0.0, std::min(static_cast<double>(data.updates),
                          operationsPerInstance) -
                     firstWrites);
        energy += data.updateEnergy + actions(level.readEnergy, minReads);
        reads += minReads;
        writes += static_cast<double>(data.updates);
      } else if (backing) {
        // Every word of the partition leaves (or reaches) its backing
        // store at least once.
        double compulsory =
            wholeShares ? std::min(static_cast<double>(data.partitionSize),
                                   distinctWords[ds] / instances)
                        : distinctWords[ds] / instances;
        energy += actions(readWrite ? level.updateEnergy : level.readEnergy,
                          compulsory);
        (readWrite ? writes : reads) += compulsory;
      } else if (holeFree[ds] && wholeShares) {
        // Every word a level ever holds leaves it at least once (read-only)
        // or arrives from inside at least once (read-write).
        double compulsory = partitionBound(s, ds);
        energy += actions(readWrite ? level.updateEnergy : level.readEnergy,
                          compulsory);
        (readWrite ? writes : reads) += compulsory;
      }
      if (fillsDecided) {
        energy += data.fillEnergy;
        writes += static_cast<double>(data.fills);
      } else if (holeFree[ds] && wholeShares && !readWrite) {
        // ... and arrives at least once.
        double compulsory = partitionBound(s, ds);
        energy += actions(level.fillEnergy, compulsory);
        writes += compulsory;
      }
      if (servesDecided && fillsDecided)
        energy += data.addressGenerationEnergy *
                  static_cast<double>(data.utilizedClusters);
      if (s == numLevels - 1 && servesDecided)
        lastLevelAccesses +=
            static_cast<double>(data.reads + data.updates) * instances;
    }
    // Bandwidth can only stretch the compute cycles (Evaluation.cpp).
    if (level.readBandwidth)
      cycles = std::max(cycles, reads / *level.readBandwidth);
    if (level.writeBandwidth)
      cycles = std::max(cycles, writes / *level.writeBandwidth);
    if (level.sharedBandwidth)
      cycles = std::max(cycles, (reads + writes) / *level.sharedBandwidth);
  }
  // The model rounds each level's cycles up; stay a hair below.
  cycles = std::ceil(cycles * (1 - 1e-12)) + std::ceil(result.networkLatency);
  if (options.leakage)
    for (int s = 0; s < numLevels; ++s)
      energy += arch.storage[s].leakEnergy * cycles *
                static_cast<double>(
                    std::max<int64_t>(1, result.levels[s].utilizedInstances));

  out.clear();
  for (Metric metric : objective.metrics) {
    switch (metric) {
    case Metric::Energy:
      out.push_back(energy);
      break;
    case Metric::Delay:
      out.push_back(cycles);
      break;
    case Metric::EnergyDelay:
      out.push_back(energy * cycles);
      break;
    case Metric::LastLevelAccesses:
      out.push_back(lastLevelAccesses);
      break;
    }
  }
  return true;
}

bool accel::mapper::detail::boundExcludes(const Objective &objective,
                                          const ObjectiveValue &bound,
                                          const ObjectiveValue &best) {
  constexpr double kMargin = 1e-9;
  for (size_t i = 0; i < bound.size() && i < best.size(); ++i) {
    Metric metric = objective.metrics[i];
    if (metric == Metric::Delay || metric == Metric::LastLevelAccesses) {
      if (bound[i] > best[i])
        return true;
      if (bound[i] < best[i])
        return false;
      continue; // tied: the next metric decides
    }
    return bound[i] > best[i] + kMargin * std::abs(best[i]);
  }
  return false; // a complete tie may still win on its key
}
