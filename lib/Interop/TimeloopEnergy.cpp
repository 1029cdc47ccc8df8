//===- TimeloopEnergy.cpp - ERT and ART tables ----------------------------===//
//
// Energy reference tables (ERT) and area reference tables (ART) as
// Accelergy writes them (spec section 1.2.7). A table entry applies to the
// level named by the last dotted component of its name, without an
// instance range. The energy of an action is its largest over argument
// variants; each internal operation takes the first action found in its
// priority list. Levels no table covers get the default energy model.
//
//===----------------------------------------------------------------------===//

#include "TimeloopArchitecture.h"
#include "accel/Model/DefaultEnergy.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cmath>

using namespace accel;
using namespace accel::interop;
using namespace accel::interop::detail;

namespace {
using ActionTable = llvm::StringMap<double>;
} // namespace

/// "System_top_level.GlobalBuffer[1..16]" -> "GlobalBuffer".
static std::string componentName(llvm::StringRef qualified) {
  // Drop instance ranges first: "[1..16]" contains dots.
  std::string withoutRanges;
  int depth = 0;
  for (char c : qualified) {
    if (c == '[')
      ++depth;
    else if (c == ']')
      depth = std::max(0, depth - 1);
    else if (depth == 0)
      withoutRanges += c;
  }
  llvm::StringRef text(withoutRanges);
  return text.rsplit('.').second.empty() ? text.trim().str()
                                         : text.rsplit('.').second.trim().str();
}

/// Energies and areas are finite and non-negative (the rule accel.storage
/// and accel.compute verify too).
static llvm::Error checkQuantity(const YamlNode &node, double value,
                                 const llvm::Twine &what) {
  if (std::isfinite(value) && value >= 0)
    return llvm::Error::success();
  return node.error(what + " must be a finite, non-negative number, got " +
                    node.scalar);
}

static llvm::Error readActionEnergy(const YamlNode &variants,
                                    llvm::StringRef action,
                                    ActionTable &table) {
  auto note = [&](double energy) {
    auto [it, inserted] = table.try_emplace(action, energy);
    if (!inserted)
      it->second = std::max(it->second, energy);
  };
  if (std::optional<double> energy = variants.asDouble()) {
    if (llvm::Error error = checkQuantity(
            variants, *energy, "the energy of action '" + action + "'"))
      return error;
    note(*energy);
    return llvm::Error::success();
  }
  auto readVariant = [&](const YamlNode &variant) -> llvm::Error {
    const YamlNode *energy = variant.get("energy");
    std::optional<double> value = energy ? energy->asDouble() : std::nullopt;
    if (!value)
      return variant.error("action '" + action.str() +
                           "' needs a numeric 'energy'");
    if (llvm::Error error = checkQuantity(
            *energy, *value, "the energy of action '" + action + "'"))
      return error;
    note(*value);
    return llvm::Error::success();
  };
  if (variants.isSequence()) {
    for (const YamlNode &variant : variants.items)
      if (llvm::Error error = readVariant(variant))
        return error;
    return llvm::Error::success();
  }
  if (variants.isMapping())
    return readVariant(variants);
  return variants.error("cannot read the energy of action '" + action.str() +
                        "'");
}

/// Reads ERT `tables` in the v0.4 list form or the v0.3 mapping form.
static llvm::Error readEnergyTables(const YamlNode &ert,
                                    llvm::StringMap<ActionTable> &tables) {
  const YamlNode *list = ert.get("tables");
  if (!list)
    return ert.error("ERT has no 'tables'");
  if (list->isSequence()) {
    for (const YamlNode &entry : list->items) {
      const YamlNode *name = entry.get("name");
      const YamlNode *actions = entry.get("actions");
      if (!name || !name->isScalar() || !actions || !actions->isSequence())
        return entry.error("an ERT table needs a 'name' and an 'actions' list");
      ActionTable &table = tables[componentName(name->scalar)];
      for (const YamlNode &action : actions->items) {
        const YamlNode *actionName = action.get("name");
        if (!actionName || !actionName->isScalar())
          return action.error("an ERT action needs a 'name'");
        if (llvm::Error error =
                readActionEnergy(action, actionName->scalar, table))
          return error;
      }
    }
    return llvm::Error::success();
  }
  if (list->isMapping()) {
    for (const auto &[qualified, actions] : list->entries) {
      ActionTable &table = tables[componentName(qualified)];
      if (!actions.isMapping())
        return actions.error("ERT entry '" + qualified +
                             "' must map actions to energies");
      for (const auto &[action, variants] : actions.entries)
        if (llvm::Error error = readActionEnergy(variants, action, table))
          return error;
    }
    return llvm::Error::success();
  }
  return list->error("ERT 'tables' must be a list or a mapping");
}

static std::optional<double>
firstAction(const ActionTable &table,
            std::initializer_list<llvm::StringRef> priority) {
  for (llvm::StringRef action : priority) {
    auto it = table.find(action);
    if (it != table.end())
      return it->second;
  }
  return std::nullopt;
}

llvm::Error detail::applyEnergyTables(const YamlNode *ert, const YamlNode *art,
                                      model::Architecture &arch,
                                      std::vector<std::string> &warnings) {
  llvm::StringMap<ActionTable> tables;
  if (ert)
    if (llvm::Error error = readEnergyTables(*ert, tables))
      return error;

  for (model::StorageLevel &level : arch.storage) {
    bool readGiven = level.readEnergy >= 0;
    bool fillGiven = level.fillEnergy >= 0;
    bool updateGiven = level.updateEnergy >= 0;
    auto it = tables.find(level.name);
    if (level.energySource != "user" && it != tables.end()) {
      const ActionTable &table = it->second;
      double largest = 0;
      for (const auto &entry : table)
        largest = std::max(largest, entry.second);
      if (std::optional<double> read =
              firstAction(table, {"random_read", "read"}))
        level.readEnergy = *read, readGiven = true;
      if (std::optional<double> fill = firstAction(
              table, {"random_fill", "random_write", "fill", "write"}))
        level.fillEnergy = *fill, fillGiven = true;
      if (std::optional<double> update = firstAction(
              table, {"random_update", "random_write", "update", "write"}))
        level.updateEnergy = *update, updateGiven = true;
      level.leakEnergy = firstAction(table, {"leak"}).value_or(0.0);
      model::applyDefaultEnergies(level, readGiven, fillGiven, updateGiven);
      level.vectorAccessEnergy =
          largest / static_cast<double>(level.clusterSize);
      level.energySource = "ERT";
    } else if (level.energySource != "user") {
      model::applyDefaultEnergies(level, readGiven, fillGiven, updateGiven);
      level.energySource = "default model";
    }
  }

  model::ComputeLevel &compute = arch.compute;
  if (compute.energy < 0) {
    auto it = tables.find(compute.name);
    std::optional<double> energy;
    if (it != tables.end())
      energy = firstAction(it->second,
                           {"mac_random", "mult_random", "mac", "mult",
                            "compute"});
    if (energy) {
      compute.energy = *energy;
      compute.energySource = "ERT";
    } else {
      compute.energy = model::defaultComputeEnergy(compute.wordBits);
      compute.energySource = "default model";
    }
  }

  for (llvm::StringRef wire : {"wire", "Wire"}) {
    auto it = tables.find(wire);
    if (it == tables.end())
      continue;
    if (std::optional<double> energy =
            firstAction(it->second, {"transfer_random", "transfer"}))
      for (model::StorageLevel &level : arch.storage)
        level.network.wireEnergy = *energy;
  }

  if (art) {
    const YamlNode *list = art->get("tables");
    if (!list)
      return art->error("ART has no 'tables'");
    auto applyArea = [&](const std::string &qualified, const YamlNode &value)
        -> llvm::Error {
      std::optional<double> area = value.asDouble();
      if (!area)
        return value.error("ART area of '" + qualified + "' must be a number");
      if (llvm::Error error =
              checkQuantity(value, *area, "ART area of '" + qualified + "'"))
        return error;
      std::string name = componentName(qualified);
      int level = arch.findLevel(name);
      if (level >= 0)
        arch.storage[level].area = *area;
      else if (arch.compute.name == name)
        arch.compute.area = *area;
      return llvm::Error::success();
    };
    if (list->isSequence()) {
      for (const YamlNode &entry : list->items) {
        const YamlNode *name = entry.get("name");
        const YamlNode *area = entry.get("area");
        if (!name || !name->isScalar() || !area)
          return entry.error("an ART table needs a 'name' and an 'area'");
        if (llvm::Error error = applyArea(name->scalar, *area))
          return error;
      }
    } else if (list->isMapping()) {
      for (const auto &[name, area] : list->entries)
        if (llvm::Error error = applyArea(name, area))
          return error;
    } else {
      return list->error("ART 'tables' must be a list or a mapping");
    }
  }
  // Say when the numbers are not the user's: without a table a level's
  // energies come from the built-in model, far from any Accelergy table.
  std::string fallback;
  for (const model::StorageLevel &level : arch.storage)
    if (!level.isFanoutOnly && level.energySource == "default model")
      fallback += (fallback.empty() ? "'" : ", '") + level.name + "'";
  if (compute.energySource == "default model")
    fallback += (fallback.empty() ? "'" : ", '") + compute.name + "'";
  if (!fallback.empty())
    warnings.push_back("no energy table (ERT) covers " + fallback +
                       ": their energies come from the built-in model "
                       "(docs/energy-model.md), not from Accelergy");
  return llvm::Error::success();
}
