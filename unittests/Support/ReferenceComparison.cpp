//===- ReferenceComparison.cpp - Compare results with Timeloop's stats ----===//

#include "ReferenceComparison.h"

#include "gtest/gtest.h"

#include <cmath>
#include <filesystem>

using namespace accel;
using namespace accel::testing;

const std::vector<ReferenceCase> &accel::testing::referenceCases() {
  static const std::vector<ReferenceCase> cases = {
      {"tutorial/00-model-conv1d-1level/ref", "timeloop-model"},
      {"tutorial/01-model-conv1d-2level/ref/os", "timeloop-model"},
      {"tutorial/01-model-conv1d-2level/ref/ws", "timeloop-model"},
      {"tutorial/02-model-conv1d+oc-2level/ref/tiling", "timeloop-model"},
      {"tutorial/02-model-conv1d+oc-2level/ref/no-tiling", "timeloop-model"},
      {"tutorial/03-model-conv1d+oc-3level/ref/bypass", "timeloop-model"},
      {"tutorial/03-model-conv1d+oc-3level/ref/no-bypass", "timeloop-model"},
      {"tutorial/04-model-conv1d+oc-3levelspatial/ref/kp", "timeloop-model"},
      {"tutorial/05-mapper-conv1d+oc-3level/ref/null", "timeloop-mapper"},
      {"tutorial/05-mapper-conv1d+oc-3level/ref/baked", "timeloop-mapper"},
      {"tutorial/05-mapper-conv1d+oc-3level/ref/freebypass", "timeloop-mapper"},
      {"tutorial/06-mapper-convlayer-eyeriss/ref", "timeloop-mapper"},
      {"designs/eyeriss_like/ref", "timeloop-mapper"},
      {"designs/simple_weight_stationary/ref", "timeloop-mapper"},
      {"designs/simple_output_stationary/ref", "timeloop-mapper"},
  };
  return cases;
}

void accel::testing::PrintTo(const ReferenceCase &reference, std::ostream *os) {
  *os << reference.directory;
}

static std::string caseDirectory(const ReferenceCase &reference) {
  return std::string(ACCEL_TEST_INPUTS) + "/timeloop-reference/" +
         reference.directory + "/";
}

std::vector<std::string>
accel::testing::referenceInputs(const ReferenceCase &reference) {
  std::string dir = caseDirectory(reference);
  std::string prefix = dir + reference.prefix;
  std::vector<std::string> files = {dir + "parsed-processed-input.yaml",
                                    prefix + ".ERT.yaml", prefix + ".ART.yaml"};
  if (std::filesystem::exists(prefix + ".map.yaml"))
    files.push_back(prefix + ".map.yaml");
  return files;
}

std::string accel::testing::referenceStatsPath(const ReferenceCase &reference) {
  return caseDirectory(reference) + reference.prefix + ".stats.txt";
}

/// Printed values have two decimals; allow that rounding or 1e-4 relative.
static ::testing::AssertionResult closeToPrinted(const std::string &what,
                                                 double actual,
                                                 const std::string &printed) {
  double expected = statNumber(printed);
  double tolerance = std::max(0.005 + 1e-9, 1e-4 * std::fabs(expected));
  if (std::fabs(actual - expected) <= tolerance)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << what << ": ours " << actual << ", Timeloop printed " << printed;
}

void accel::testing::expectMatchesTimeloopStats(
    const model::Workload &workload, const model::Architecture &arch,
    const model::Result &result, const TimeloopStats &expected) {
  ASSERT_TRUE(result.valid) << result.reason;
  const TimeloopStats *reference = &expected;
  // Compute level.
  EXPECT_EQ(arch.compute.name, reference->computeName);
  EXPECT_EQ(result.compute.utilizedInstances,
            std::stoll(reference->compute.at("Utilized instances")));
  EXPECT_EQ(result.compute.computes,
            std::stoll(reference->compute.at("Computes (total)")));
  EXPECT_EQ(result.compute.cycles,
            std::stoll(reference->compute.at("Cycles")));
  EXPECT_TRUE(closeToPrinted("compute energy", result.compute.energy,
                             reference->compute.at("Energy (total)")));

  // Every printed level and data space, field by field.
  for (const auto &[name, level] : reference->levels) {
    SCOPED_TRACE("level " + name);
    int s = arch.findLevel(name);
    ASSERT_GE(s, 0);
    const model::LevelStats &stats = result.levels[s];
    EXPECT_EQ(stats.cycles, std::stoll(level.stats.at("Cycles")));
    EXPECT_TRUE(closeToPrinted("throttling", stats.bandwidthThrottling,
                               level.stats.at("Bandwidth throttling")));
    EXPECT_TRUE(closeToPrinted("leakage", stats.leakageEnergy,
                               level.specs.at("Leakage energy (total)")));
    int printedDataSpaces = 0;
    for (int ds = 0; ds < workload.numDataSpaces(); ++ds) {
      const std::string &dsName = workload.dataSpaces[ds].name;
      SCOPED_TRACE("tensor " + dsName);
      const model::DataSpaceStats &data = stats.dataSpaces[ds];
      auto it = level.dataSpaces.find(dsName);
      EXPECT_EQ(data.kept, it != level.dataSpaces.end());
      if (it == level.dataSpaces.end())
        continue;
      ++printedDataSpaces;
      const auto &fields = it->second;
      auto count = [&](const char *label) {
        return std::stoll(fields.at(label));
      };
      EXPECT_EQ(data.partitionSize, count("Partition size"));
      EXPECT_EQ(data.utilizedCapacity, count("Utilized capacity"));
      EXPECT_EQ(data.utilizedInstances, count("Utilized instances (max)"));
      EXPECT_EQ(data.utilizedClusters, count("Utilized clusters (max)"));
      EXPECT_EQ(data.reads, count("Scalar reads (per-instance)"));
      EXPECT_EQ(data.fills, count("Scalar fills (per-instance)"));
      EXPECT_EQ(data.updates, count("Scalar updates (per-instance)"));
      EXPECT_EQ(data.temporalReductions,
                count("Temporal reductions (per-instance)"));
      EXPECT_EQ(data.addressGenerations,
                count("Address generations (per-cluster)"));
      double instances = static_cast<double>(data.utilizedInstances);
      EXPECT_TRUE(closeToPrinted("energy per instance", data.energyPerInstance,
                                 fields.at("Energy (per-instance)")));
      EXPECT_TRUE(closeToPrinted("energy total",
                                 data.energyPerInstance * instances,
                                 fields.at("Energy (total)")));
      EXPECT_TRUE(closeToPrinted("energy per scalar access",
                                 data.energyPerScalarAccess,
                                 fields.at("Energy (per-scalar-access)")));
      EXPECT_TRUE(closeToPrinted("read bandwidth", data.readBandwidth,
                                 fields.at("Read Bandwidth (per-instance)")));
      EXPECT_TRUE(closeToPrinted("write bandwidth", data.writeBandwidth,
                                 fields.at("Write Bandwidth (per-instance)")));
    }
    EXPECT_EQ(printedDataSpaces, static_cast<int>(level.dataSpaces.size()));
  }
  // Levels Timeloop hides consumed nothing.
  for (int s = 0; s < arch.numLevels(); ++s)
    if (!reference->levels.count(arch.storage[s].name)) {
      EXPECT_EQ(result.levels[s].energy, 0.0) << arch.storage[s].name;
      EXPECT_EQ(result.levels[s].accesses, 0) << arch.storage[s].name;
    }

  // Summary.
  EXPECT_EQ(result.cycles, std::stoll(reference->summary.at("Cycles")));
  EXPECT_EQ(result.computes, std::stoll(reference->summary.at("Computes")));
  EXPECT_TRUE(closeToPrinted("utilization %", result.utilization * 100,
                             reference->summary.at("Utilization")));
  auto perCompute = [&](double energy) {
    return energy * 1000.0 / static_cast<double>(result.computes);
  };
  for (const auto &[name, printed] : reference->femtojoulesPerCompute) {
    double energy = 0;
    if (name == "Total")
      energy = result.energy;
    else if (name == arch.compute.name)
      energy = result.compute.energy;
    else if (int s = arch.findLevel(name); s >= 0)
      energy = result.levels[s].energy;
    else
      ADD_FAILURE() << "unknown fJ/Compute entry " << name;
    EXPECT_TRUE(closeToPrinted("fJ/Compute " + name, perCompute(energy),
                               printed));
  }
}
