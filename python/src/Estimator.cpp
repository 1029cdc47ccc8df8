//===- Estimator.cpp - The energy and area estimator, from Python ---------===//
//
// accel.estimate_sram / estimate_register_file / estimate_mac /
// dram_energy_per_bit: thin wrappers that check their arguments (the
// estimator asserts its preconditions) and return plain dicts.
//
//===----------------------------------------------------------------------===//

#include "Objects.h"

#include "accel/Model/EnergyEstimator.h"

#include <cmath>

using namespace accel;
using namespace accel::python;

static void requirePositive(int64_t value, const char *name,
                            const char *function) {
  if (value <= 0)
    throw Error(std::string(function) + "(): '" + name +
                "' must be a positive integer, got " + std::to_string(value));
}

static void requireNode(double nodeNm, const char *function) {
  if (!std::isfinite(nodeNm) || nodeNm < 3 || nodeNm > 250)
    throw Error(std::string(function) +
                "(): 'node_nm' must be a technology node between 3 and 250 "
                "nm, got " +
                std::to_string(nodeNm));
}

static py::dict storageDict(const model::StorageEstimate &estimate) {
  py::dict result;
  result["read"] = estimate.readEnergy;
  result["write"] = estimate.writeEnergy;
  result["leak"] = estimate.leakEnergy;
  result["area"] = estimate.area;
  return result;
}

void accel::python::defineEstimator(py::module_ &m) {
  m.def(
      "estimate_sram",
      [](int64_t capacityBits, int64_t widthBits, int64_t banks,
         double nodeNm) {
        requirePositive(capacityBits, "capacity_bits", "estimate_sram");
        requirePositive(widthBits, "width_bits", "estimate_sram");
        requirePositive(banks, "banks", "estimate_sram");
        requireNode(nodeNm, "estimate_sram");
        if (widthBits * banks > capacityBits)
          throw Error("estimate_sram(): each of the " + std::to_string(banks) +
                      " banks must hold at least one " +
                      std::to_string(widthBits) + "-bit row");
        return storageDict(
            model::estimateSram(capacityBits, widthBits, banks, nodeNm));
      },
      py::arg("capacity_bits"), py::arg("width_bits"), py::arg("banks") = 1,
      py::arg("node_nm") = 45.0,
      "Energy (pJ per access of width_bits: read, write; pJ per cycle: "
      "leak) and area (um^2) of an SRAM.");
  m.def(
      "estimate_register_file",
      [](int64_t entries, int64_t widthBits, double nodeNm) {
        requirePositive(entries, "entries", "estimate_register_file");
        requirePositive(widthBits, "width_bits", "estimate_register_file");
        requireNode(nodeNm, "estimate_register_file");
        return storageDict(
            model::estimateRegisterFile(entries, widthBits, nodeNm));
      },
      py::arg("entries"), py::arg("width_bits"), py::arg("node_nm") = 45.0,
      "Energy and area of a flip-flop register file of entries x width_bits.");
  m.def(
      "estimate_mac",
      [](int64_t bits, double nodeNm) {
        requirePositive(bits, "bits", "estimate_mac");
        requireNode(nodeNm, "estimate_mac");
        model::ComputeEstimate estimate = model::estimateMac(bits, nodeNm);
        py::dict result;
        result["compute"] = estimate.energy;
        result["area"] = estimate.area;
        return result;
      },
      py::arg("bits"), py::arg("node_nm") = 45.0,
      "Energy (pJ per multiply-accumulate) and area (um^2) of an integer "
      "MAC of bits-bit operands.");
  m.def(
      "dram_energy_per_bit",
      [](const std::string &type) {
        std::optional<model::DramType> parsed = model::parseDramType(type);
        if (!parsed)
          throw Error("dram_energy_per_bit(): unknown DRAM type '" + type +
                      "' (expected LPDDR4, DDR4, GDDR6 or HBM2)");
        return model::dramEnergyPerBit(*parsed);
      },
      py::arg("type"), "pJ per bit moved to or from a DRAM of this type.");
}
