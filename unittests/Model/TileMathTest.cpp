//===- TileMathTest.cpp - Hand-computed counts of small cases -------------===//
//
// Each test states a small problem in Timeloop YAML and checks the model's
// counts against a hand computation written beside it.
//
//===----------------------------------------------------------------------===//

#include "accel/Interop/TimeloopInput.h"
#include "accel/Model/Evaluation.h"

#include "gtest/gtest.h"

using namespace accel;
using namespace accel::model;

namespace {

struct Evaluated {
  interop::TimeloopInput input;
  Result result;

  const DataSpaceStats &at(llvm::StringRef level, llvm::StringRef tensor) const {
    int s = input.architecture.arch.findLevel(level);
    int ds = input.workload.findDataSpace(tensor);
    EXPECT_GE(s, 0) << level.str();
    EXPECT_GE(ds, 0) << tensor.str();
    return result.levels[s].dataSpaces[ds];
  }
};

Evaluated run(const std::string &yaml, bool exact = true) {
  llvm::Expected<interop::YamlNode> document =
      interop::parseYamlString(yaml, "<test>");
  EXPECT_TRUE(static_cast<bool>(document));
  llvm::Expected<interop::TimeloopInput> input =
      interop::loadTimeloopDocument(std::move(*document));
  if (!input) {
    ADD_FAILURE() << llvm::toString(input.takeError());
    return {};
  }
  Evaluated evaluated{std::move(*input), {}};
  EvaluationOptions options;
  options.exactCounts = exact;
  evaluated.result =
      evaluate(evaluated.input.workload, evaluated.input.architecture.arch,
               *evaluated.input.mapping, options);
  EXPECT_TRUE(evaluated.result.valid) << evaluated.result.reason;
  return evaluated;
}

const char *const kConv1d = R"(
problem:
  shape:
    name: conv1d
    dimensions: [R, P]
    coefficients: [{name: Wstride, default: 1}]
    data_spaces:
      - {name: Weights, projection: [[[R]]]}
      - {name: Inputs, projection: [[[R], [P, Wstride]]]}
      - {name: Outputs, projection: [[[P]]], read_write: true}
)";

const char *const kTwoLevels = R"(
architecture:
  version: 0.4
  nodes:
    - !Component {name: MainMemory, class: DRAM, attributes: {width: 64, datawidth: 8}}
    - !Component {name: Buffer, class: regfile, attributes: {depth: 64, width: 8, datawidth: 8}}
    - !Component {name: MACC, class: intmac, attributes: {datawidth: 8}}
)";

TEST(TileMathTest, SlidingWindowHalo) {
  // Buffer tile: P 4 x R 3 -> inputs w = p + r cover 4 + 3 - 1 = 6 words.
  // The outer P loop slides the window by 4, keeping 2 words: the buffer is
  // filled 6 + 3 * 4 = 18 times, each input element once.
  Evaluated e = run(std::string(kConv1d) + R"(
  instance: {R: 3, P: 16}
)" + kTwoLevels + R"(
mapping:
  - {target: MainMemory, type: temporal, factors: P=4 R=1, permutation: PR}
  - {target: Buffer, type: temporal, factors: P=4 R=3, permutation: RP}
)");
  EXPECT_EQ(e.at("Buffer", "Inputs").utilizedCapacity, 6);
  EXPECT_EQ(e.at("Buffer", "Inputs").fills, 18);
  EXPECT_EQ(e.at("MainMemory", "Inputs").reads, 18);
  // Every MAC reads one input.
  EXPECT_EQ(e.at("Buffer", "Inputs").reads, 48);
}

TEST(TileMathTest, StridedHolesAreCounted) {
  // w = 2p + r with P 4, R 1 touches {0, 2, 4, 6}; Timeloop (and we) count
  // the bounding box, 7 words.
  Evaluated e = run(std::string(kConv1d) + R"(
  instance: {R: 1, P: 4, Wstride: 2}
)" + kTwoLevels + R"(
mapping:
  - {target: MainMemory, type: temporal, factors: P=1 R=1}
  - {target: Buffer, type: temporal, factors: P=4 R=1}
)");
  EXPECT_EQ(e.at("Buffer", "Inputs").utilizedCapacity, 7);
  EXPECT_EQ(e.at("MainMemory", "Inputs").utilizedCapacity, 7);
  EXPECT_EQ(e.at("Buffer", "Inputs").fills, 7);
}

TEST(TileMathTest, FirstReadElision) {
  // Output-stationary conv1d (R 3 innermost): each of the 16 outputs is
  // updated 3 times; the first update of each needs no read, so reads are
  // 48 - 16 = 32, and nothing is filled back down (spec 11.1).
  Evaluated e = run(std::string(kConv1d) + R"(
  instance: {R: 3, P: 16}
)" + kTwoLevels + R"(
mapping:
  - {target: MainMemory, type: temporal, factors: P=16 R=1}
  - {target: Buffer, type: temporal, factors: P=1 R=3}
)");
  const DataSpaceStats &outputs = e.at("Buffer", "Outputs");
  EXPECT_EQ(outputs.updates, 48);
  EXPECT_EQ(outputs.reads, 32);
  EXPECT_EQ(outputs.temporalReductions, 32);
  EXPECT_EQ(outputs.fills, 0);
  EXPECT_EQ(e.at("MainMemory", "Outputs").updates, 16);
  EXPECT_EQ(e.at("MainMemory", "Outputs").reads, 0);
}

const char *const kOuterProduct = R"(
problem:
  shape:
    name: outer
    dimensions: [K, P]
    data_spaces:
      - {name: Weights, projection: [K]}
      - {name: Inputs, projection: [P]}
      - {name: Outputs, projection: [K, P], read_write: true}
  instance: {K: 2, P: 4}
architecture:
  version: 0.4
  nodes:
    - !Component {name: MM, class: DRAM, attributes: {width: 8, datawidth: 8}}
    - !Component {name: L2, class: SRAM, attributes: {depth: 64, width: 8, datawidth: 8}}
    - !Component {name: L1, class: SRAM, attributes: {depth: 64, width: 8, datawidth: 8}}
    - !Component {name: L0, class: regfile, attributes: {depth: 64, width: 8, datawidth: 8}}
    - !Component {name: MACC, class: intmac, attributes: {datawidth: 8}}
)";

TEST(TileMathTest, BypassChainServesFromTheBackingStore) {
  // L0 holds one weight. Above it K 2 (L1) changes the weight, and P 2 (L2)
  // restarts K: 2 * 2 = 4 weight fetches. L1 and L2 bypass weights, so all
  // 4 come from MM.
  Evaluated e = run(std::string(kOuterProduct) + R"(
mapping:
  - {target: L0, type: temporal, factors: P=2 K=1}
  - {target: L1, type: temporal, factors: K=2 P=1}
  - {target: L2, type: temporal, factors: P=2 K=1}
  - {target: L1, type: bypass, bypass: [Weights]}
  - {target: L2, type: bypass, bypass: [Weights]}
)");
  EXPECT_EQ(e.at("L0", "Weights").fills, 4);
  EXPECT_EQ(e.at("L0", "Weights").reads, 8);
  EXPECT_FALSE(e.at("L1", "Weights").kept);
  EXPECT_FALSE(e.at("L2", "Weights").kept);
  EXPECT_EQ(e.at("MM", "Weights").reads, 4);
  // Inputs are kept everywhere: L1 sees one input tile of 2 per P step.
  EXPECT_EQ(e.at("MM", "Inputs").reads, 4);
}

TEST(TileMathTest, MulticastAndSpatialReduction) {
  // Four PEs each take one input channel C: weights and inputs are unicast,
  // while the 2 outputs are each reduced over the 4 PEs (multicast 4).
  Evaluated e = run(R"(
problem:
  shape:
    name: reduction
    dimensions: [C, P]
    data_spaces:
      - {name: Weights, projection: [C]}
      - {name: Inputs, projection: [C, P]}
      - {name: Outputs, projection: [P], read_write: true}
  instance: {C: 4, P: 2}
architecture:
  version: 0.4
  nodes:
    - !Component {name: MM, class: DRAM, attributes: {width: 8, datawidth: 8}}
    - !Container {name: PE, spatial: {meshX: 4}}
    - !Component {name: RF, class: regfile, attributes: {depth: 16, width: 8, datawidth: 8}}
    - !Component {name: MACC, class: intmac, attributes: {datawidth: 8}}
mapping:
  - {target: MM, type: temporal, factors: P=2 C=1}
  - {target: PE, type: spatial, factors: C=4 P=1}
)");
  // Outputs: 2 updates at MM, each the reduction of 4 partial sums.
  EXPECT_EQ(e.at("MM", "Outputs").updates, 2);
  const DataSpaceStats &fanout = e.at("inter_PE_spatial", "Outputs");
  ASSERT_EQ(fanout.ingress.size(), 1u);
  EXPECT_EQ(fanout.ingress[0].multicast, 4);
  EXPECT_EQ(e.at("RF", "Outputs").updates, 2);
  EXPECT_EQ(e.at("RF", "Outputs").reads, 0);
  // Inputs: every element once; each PE receives its channel's 2 inputs.
  EXPECT_EQ(e.at("MM", "Inputs").reads, 8);
  EXPECT_EQ(e.at("RF", "Inputs").fills, 2);
  // Weights stay in the PEs: one fill each.
  EXPECT_EQ(e.at("MM", "Weights").reads, 4);
  EXPECT_EQ(e.at("RF", "Weights").fills, 1);
}

TEST(TileMathTest, TwoIterationExtrapolationMiscount) {
  // Spec 2.4: R 3 in the RF, P 3 in the GB, P 4 in main memory. The RF's
  // input window slides by one word every step: 3 + 11 = 14 fills. Timeloop
  // extrapolates from two iterations, sees the outer P step as a change of
  // stride, and refetches: 20.
  std::string yaml = std::string(kConv1d) + R"(
  instance: {R: 3, P: 12}
architecture:
  version: 0.4
  nodes:
    - !Component {name: MainMemory, class: DRAM, attributes: {width: 64, datawidth: 8}}
    - !Component {name: GlobalBuffer, class: SRAM, attributes: {depth: 256, width: 64, datawidth: 8}}
    - !Component {name: RegisterFile, class: regfile, attributes: {depth: 64, width: 8, datawidth: 8}}
    - !Component {name: MACC, class: intmac, attributes: {datawidth: 8}}
mapping:
  - {target: MainMemory, type: temporal, factors: P=4 R=1}
  - {target: GlobalBuffer, type: temporal, factors: P=3 R=1}
  - {target: RegisterFile, type: temporal, factors: R=3 P=1}
)";
  EXPECT_EQ(run(yaml, /*exact=*/true).at("RegisterFile", "Inputs").fills, 14);
  EXPECT_EQ(run(yaml, /*exact=*/true).at("GlobalBuffer", "Inputs").reads, 14);
  EXPECT_EQ(run(yaml, /*exact=*/false).at("RegisterFile", "Inputs").fills, 20);
  EXPECT_EQ(run(yaml, /*exact=*/false).at("GlobalBuffer", "Inputs").reads, 20);
}

TEST(TileMathTest, LinkTransfersBetweenNeighbours) {
  // Spec 11.6: 16 PEs along P under R 3 at main memory. At each new r, PE p
  // needs input p + r, which PE p + 1 held at r - 1: 15 of 16 PEs take it
  // from a neighbour, twice: 30 link transfers; main memory sends 16 words
  // the first time and 1 (to the last PE) at each of the 2 later steps.
  Evaluated e = run(std::string(kConv1d) + R"(
  instance: {R: 3, P: 16}
architecture:
  version: 0.4
  nodes:
    - !Component {name: MainMemory, class: DRAM, attributes: {width: 64, datawidth: 8}}
    - !Component {name: GlobalBuffer, class: SRAM, attributes: {depth: 256, width: 64, datawidth: 8},
                  spatial: {meshX: 16}}
    - !Component {name: MACC, class: intmac, attributes: {datawidth: 8}}
mapping:
  - {target: MainMemory, type: temporal, factors: R=3 P=1}
  - {target: GlobalBuffer, type: spatial, factors: P=16 R=1}
  - {target: inter_GlobalBuffer_spatial, type: bypass, bypass: [Weights, Inputs, Outputs]}
)", /*exact=*/false);
  const DataSpaceStats &spatial = e.at("inter_GlobalBuffer_spatial", "Inputs");
  EXPECT_EQ(spatial.linkTransfers, 30);
  ASSERT_EQ(spatial.ingress.size(), 2u);
  double first = 0, later = 0;
  for (const AccessEntry &entry : spatial.ingress) {
    EXPECT_EQ(entry.multicast, 1);
    (entry.scatter == 16 ? first : later) += entry.accesses;
  }
  EXPECT_EQ(first, 16);
  EXPECT_EQ(later, 2);
  // Each GB instance: 3 reads + 30 / 16 peer reads, rounded: 5; fills
  // 18 / 16 + 30 / 16, truncated: 3.
  EXPECT_EQ(e.at("GlobalBuffer", "Inputs").reads, 5);
  EXPECT_EQ(e.at("GlobalBuffer", "Inputs").fills, 3);
}

TEST(TileMathTest, OutputSpillsReadModifyWrite) {
  // Spec 11.6: main memory K 2 (inner) R 3, global buffer P 16 K 8, register
  // file K 2. The buffer's 256-word output tile alternates between two K
  // blocks under R, so every visit spills and refetches: main memory sees
  // 3 * 2 * 256 = 1536 updates and 1536 - 512 = 1024 reads.
  Evaluated e = run(R"(
problem:
  shape:
    name: conv1d_oc
    dimensions: [K, R, P]
    data_spaces:
      - {name: Weights, projection: [[[K]], [[R]]]}
      - {name: Inputs, projection: [[[R], [P]]]}
      - {name: Outputs, projection: [[[K]], [[P]]], read_write: true}
  instance: {K: 32, R: 3, P: 16}
architecture:
  version: 0.4
  nodes:
    - !Component {name: MainMemory, class: DRAM, attributes: {width: 256, datawidth: 8}}
    - !Component {name: GlobalBuffer, class: SRAM, attributes: {depth: 32768, width: 64, datawidth: 8}}
    - !Component {name: RegisterFile, class: regfile, attributes: {depth: 64, width: 8, datawidth: 8}}
    - !Component {name: MACC, class: intmac, attributes: {datawidth: 8}}
mapping:
  - {target: MainMemory, type: temporal, factors: K=2 R=3 P=1, permutation: KRP}
  - {target: GlobalBuffer, type: temporal, factors: P=16 K=8 R=1, permutation: PKR}
  - {target: RegisterFile, type: temporal, factors: K=2 R=1 P=1}
)");
  EXPECT_EQ(e.at("MainMemory", "Outputs").updates, 1536);
  EXPECT_EQ(e.at("MainMemory", "Outputs").reads, 1024);
}

} // namespace
