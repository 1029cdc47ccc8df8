//===- Architecture.h - Storage hierarchy of an accelerator ------*- C++ -*-===//
//
// Storage levels are numbered from the innermost (0, next to the compute
// units) outward, as in Timeloop. Each level has a mesh of instances; the
// ratio of an inner level's mesh to an outer level's is that outer level's
// spatial fanout. Energies are per vector access (block_size words) unless
// noted.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_ARCHITECTURE_H
#define ACCEL_MODEL_ARCHITECTURE_H

#include "llvm/Support/Error.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace accel::model {

enum class Technology { SRAM, DRAM, RegFile };

llvm::StringRef stringifyTechnology(Technology technology);

/// Parameters of the network between a storage level and the level inside
/// it (Timeloop's inferred "Legacy" network).
struct NetworkParams {
  std::optional<int64_t> wordBits;
  double energyPerHop = 0.0;    ///< pJ per word per hop, if given
  double routerEnergy = 0.0;    ///< pJ per word per router
  double wireEnergy = 0.0;      ///< pJ per bit per mm
  double tileWidthUm = 0.0;     ///< um; derived from areas when 0
  double ingressEnergy = 0.0;   ///< pJ per word entering the network
};

struct StorageLevel {
  std::string name;
  Technology technology = Technology::SRAM;
  /// A level that only distributes data over a fanout (an `accel.fanout`,
  /// Timeloop's `inter_*_spatial` dummy): it keeps nothing and has no
  /// temporal loops.
  bool isFanoutOnly = false;

  int64_t wordBits = 16;
  int64_t blockSize = 1;   ///< words per vector access
  int64_t clusterSize = 1;
  std::optional<int64_t> size; ///< capacity in words; unset = unbounded
  double multipleBuffering = 1.0;
  double minUtilization = 0.0;

  int64_t instances = 1;
  int64_t meshX = 1;
  int64_t meshY = 1;

  std::optional<double> readBandwidth;   ///< words/cycle/instance
  std::optional<double> writeBandwidth;
  std::optional<double> sharedBandwidth;
  bool reductionSupported = true;

  double readEnergy = 0.0;   ///< pJ per vector read
  double fillEnergy = 0.0;   ///< pJ per vector fill (write from outside)
  double updateEnergy = 0.0; ///< pJ per vector update (write from inside)
  double leakEnergy = 0.0;   ///< pJ per instance per cycle
  std::optional<double> addressGenerationEnergy; ///< pJ per address
  double vectorAccessEnergy = 0.0; ///< largest action energy, for reports
  std::string energySource = "default model";
  double area = 0.0; ///< um^2 per instance

  NetworkParams network;
  double networkFillLatency = 0.0;
  double networkDrainLatency = 0.0;

  /// Architecture-level constraints honoured by the mapper.
  std::vector<std::string> keepConstraint;
  std::vector<std::string> bypassConstraint;

  // Derived by Architecture::finalize().
  int64_t fanoutX = 1; ///< instances of the inner level per instance, in x
  int64_t fanoutY = 1;

  int64_t fanout() const { return fanoutX * fanoutY; }
  /// floor(size / multiple_buffering), if the size is bounded.
  std::optional<int64_t> effectiveSize() const;
};

struct ComputeLevel {
  std::string name = "MAC";
  int64_t wordBits = 16;
  int64_t instances = 1;
  int64_t meshX = 1;
  int64_t meshY = 1;
  double energy = 0.0; ///< pJ per operation
  double area = 0.0;   ///< um^2 per instance
  std::string energySource = "default model";
};

/// Words per vector access and vectors per row of a storage level.
struct BlockAndCluster {
  int64_t block = 1;
  int64_t cluster = 1;
};

/// Timeloop's width rule (spec 1.2.3): from the word bits and whichever of
/// width (bits per row), block size and cluster size are given, derives the
/// block and cluster size, or an error saying why the combination is
/// inconsistent.
llvm::Expected<BlockAndCluster>
deriveBlockAndCluster(int64_t wordBits, std::optional<int64_t> width,
                      std::optional<int64_t> blockSize,
                      std::optional<int64_t> clusterSize);

class Architecture {
public:
  std::string name;
  /// Innermost first.
  std::vector<StorageLevel> storage;
  ComputeLevel compute;

  int numLevels() const { return static_cast<int>(storage.size()); }
  /// Index of the named storage level, or -1.
  int findLevel(llvm::StringRef name) const;

  /// Derives fanouts from the meshes and checks consistency (positive sizes,
  /// meshes that divide, unique names, finite non-negative energies); an
  /// error says why the architecture is malformed.
  llvm::Error finalize();

private:
  std::string finalizeOrExplain();
};

} // namespace accel::model

#endif // ACCEL_MODEL_ARCHITECTURE_H
