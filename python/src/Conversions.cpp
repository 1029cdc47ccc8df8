//===- Conversions.cpp - Python values to and from the model --------------===//

#include "Objects.h"

#include "pybind11/stl.h"

using namespace accel;
using namespace accel::python;

py::object accel::python::parseJson(const std::string &text) {
  return py::module_::import("json").attr("loads")(text);
}

std::string accel::python::toJson(const llvm::json::Value &value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << value;
  return text;
}

int accel::python::findLevel(const model::Architecture &arch,
                             const std::string &name) {
  int s = arch.findLevel(name);
  if (s < 0) {
    std::string names;
    for (const model::StorageLevel &level : arch.storage)
      names += (names.empty() ? "" : ", ") + level.name;
    throw Error("unknown level '" + name + "' (levels: " + names + ")");
  }
  return s;
}

int accel::python::findDimension(const model::Workload &workload,
                                 const std::string &name) {
  int d = workload.findDimension(name);
  if (d < 0)
    throw Error("unknown dimension '" + name + "'");
  return d;
}

static std::string typeName(py::handle value) {
  return py::str(py::type::of(value).attr("__name__"));
}

/// Typed views of Python values, with a message naming `what` (no raw
/// pybind11 cast errors reach the user).
static std::string asString(py::handle value, const std::string &what) {
  if (!py::isinstance<py::str>(value))
    throw Error(what + " must be a string, got " + typeName(value));
  return value.cast<std::string>();
}

static py::dict asDict(py::handle value, const std::string &what) {
  if (!py::isinstance<py::dict>(value))
    throw Error(what + " must be a dict, got " + typeName(value));
  return py::reinterpret_borrow<py::dict>(value);
}

/// A list or tuple (a string is not a list of names).
static py::sequence asList(py::handle value, const std::string &what) {
  if (!py::isinstance<py::list>(value) && !py::isinstance<py::tuple>(value))
    throw Error(what + " must be a list, got " + typeName(value));
  return py::reinterpret_borrow<py::sequence>(value);
}

/// An exact Python int (not a bool or a float) that fits 64 bits.
static int64_t exactInteger(py::handle value, const std::string &what) {
  if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value))
    throw Error(what + " must be an integer, got " + typeName(value));
  try {
    return value.cast<int64_t>();
  } catch (const py::cast_error &) {
    throw Error(what + " does not fit a 64-bit integer");
  }
}

/// Loops as (dimension, factor) or (dimension, factor, residual) pairs.
static std::vector<model::MappingLoop>
loopsFrom(const model::Workload &workload, py::handle list,
          const std::string &what) {
  std::vector<model::MappingLoop> loops;
  for (py::handle item : asList(list, what)) {
    if (!py::isinstance<py::tuple>(item) && !py::isinstance<py::list>(item))
      throw Error("a loop is a (dimension, factor) or (dimension, factor, "
                  "residual) tuple");
    py::sequence fields = py::reinterpret_borrow<py::sequence>(item);
    if (fields.size() != 2 && fields.size() != 3)
      throw Error("a loop is a (dimension, factor) or (dimension, factor, "
                  "residual) tuple, got " +
                  std::to_string(fields.size()) + " items");
    if (!py::isinstance<py::str>(fields[0]))
      throw Error("a loop's dimension must be a name");
    std::string name = fields[0].cast<std::string>();
    model::MappingLoop loop;
    loop.dimension = findDimension(workload, name);
    loop.factor = exactInteger(fields[1], "factor of '" + name + "'");
    if (fields.size() == 3) {
      loop.residual = exactInteger(fields[2], "residual of '" + name + "'");
      if (loop.residual < 1)
        throw Error("residual of '" + name +
                    "' must be at least 1 (the iterations of its last pass)");
      if (loop.residual == loop.factor)
        loop.residual = 0;
    }
    loops.push_back(loop);
  }
  return loops;
}

static model::DataSpaceMask tensorMask(const model::Workload &workload,
                                       py::handle list,
                                       const std::string &what) {
  model::DataSpaceMask mask = 0;
  for (py::handle item : asList(list, what)) {
    std::string name = asString(item, "a tensor name in " + what);
    int ds = model::resolveTensorRole(workload, name);
    if (ds < 0) {
      std::string names;
      for (const model::DataSpace &d : workload.dataSpaces)
        names += (names.empty() ? "" : ", ") + d.name;
      throw Error("unknown tensor '" + name + "' (this workload's tensors: " +
                  names + "; or the roles Inputs, Weights, Outputs)");
    }
    mask |= 1u << ds;
  }
  return mask;
}

std::shared_ptr<PyMapping>
accel::python::mappingFromDict(ArchPtr arch, WorkloadPtr workload,
                               const py::dict &levels) {
  auto result = std::make_shared<PyMapping>();
  result->arch = arch;
  result->workload = workload;
  model::Mapping &mapping = result->mapping;
  mapping = model::Mapping::empty(arch->numLevels());
  for (int s = 0; s < arch->numLevels(); ++s)
    if (arch->storage[s].isFanoutOnly)
      mapping.levels[s].keep = 0;
  for (auto [key, value] : levels) {
    std::string levelName = asString(key, "a level name");
    int s = findLevel(*arch, levelName);
    model::LevelMapping &level = mapping.levels[s];
    py::dict entry = asDict(value, "level '" + levelName + "'");
    for (auto [field, content] : entry) {
      std::string name = asString(field, "a key of level '" + levelName + "'");
      std::string what = "'" + name + "' of level '" + levelName + "'";
      if (name == "temporal")
        level.temporal = loopsFrom(*workload, content, what);
      else if (name == "spatial_x")
        level.spatialX = loopsFrom(*workload, content, what);
      else if (name == "spatial_y")
        level.spatialY = loopsFrom(*workload, content, what);
      else if (name == "keep")
        level.keep = tensorMask(*workload, content, what);
      else if (name == "bypass")
        level.keep &= ~tensorMask(*workload, content, what);
      else
        throw Error(
            "unknown key '" + name + "' for level '" + levelName +
            "' (expected temporal, spatial_x, spatial_y, keep, bypass)");
    }
  }
  if (llvm::Error error = mapping.validate(*workload, *arch))
    throw Error(llvm::toString(std::move(error)));
  return result;
}

py::dict accel::python::mappingToDict(const PyMapping &mapping) {
  py::dict levels;
  const model::Workload &workload = *mapping.workload;
  for (int s = mapping.arch->numLevels() - 1; s >= 0; --s) {
    const model::LevelMapping &level = mapping.mapping.levels[s];
    const model::StorageLevel &storage = mapping.arch->storage[s];
    py::dict entry;
    auto loops = [&](const std::vector<model::MappingLoop> &list) {
      py::list out;
      for (const model::MappingLoop &loop : list) {
        const std::string &name = workload.dimensions[loop.dimension].name;
        if (loop.isImperfect())
          out.append(py::make_tuple(name, loop.factor, loop.residual));
        else
          out.append(py::make_tuple(name, loop.factor));
      }
      return out;
    };
    entry["temporal"] = loops(level.temporal);
    if (storage.fanout() > 1) {
      entry["spatial_x"] = loops(level.spatialX);
      entry["spatial_y"] = loops(level.spatialY);
    }
    if (!storage.isFanoutOnly) {
      py::list keep, bypass;
      for (int ds = 0; ds < workload.numDataSpaces(); ++ds)
        (level.keeps(ds) ? keep : bypass).append(workload.dataSpaces[ds].name);
      entry["keep"] = keep;
      entry["bypass"] = bypass;
    }
    levels[py::str(storage.name)] = entry;
  }
  return levels;
}

std::string accel::python::mappingRepr(const PyMapping &mapping) {
  // Mapping(edge_systolic: DRAM[C4] global_buffer[Q4 P2; bypass Weights]
  //         rows[y: M2 S3] ...), outermost level first; loops outermost
  // first, an imperfect factor as "P4r2" (last tile 2).
  const model::Workload &workload = *mapping.workload;
  std::string text = "Mapping(" + mapping.arch->name + ":";
  auto loops = [&](const std::vector<model::MappingLoop> &list) {
    std::string out;
    for (const model::MappingLoop &loop : list) {
      if (loop.factor == 1)
        continue;
      out += (out.empty() ? "" : " ") +
             workload.dimensions[loop.dimension].name +
             std::to_string(loop.factor);
      if (loop.isImperfect())
        out += "r" + std::to_string(loop.residual);
    }
    return out;
  };
  for (int s = mapping.arch->numLevels() - 1; s >= 0; --s) {
    const model::LevelMapping &level = mapping.mapping.levels[s];
    const model::StorageLevel &storage = mapping.arch->storage[s];
    std::vector<std::string> parts;
    if (std::string t = loops(level.temporal); !t.empty())
      parts.push_back(t);
    if (std::string x = loops(level.spatialX); !x.empty())
      parts.push_back("x: " + x);
    if (std::string y = loops(level.spatialY); !y.empty())
      parts.push_back("y: " + y);
    if (!storage.isFanoutOnly) {
      std::string bypass;
      for (int ds = 0; ds < workload.numDataSpaces(); ++ds)
        if (!level.keeps(ds))
          bypass += " " + workload.dataSpaces[ds].name;
      if (!bypass.empty())
        parts.push_back("bypass" + bypass);
    }
    text += " " + storage.name + "[";
    for (size_t i = 0; i < parts.size(); ++i)
      text += (i ? "; " : "") + parts[i];
    text += "]";
  }
  return text + ")";
}

model::MappingConstraints
accel::python::constraintsFrom(const model::Architecture &arch,
                               const model::Workload &workload,
                               const py::object &spec) {
  model::MappingConstraints constraints =
      model::MappingConstraints::unconstrained(workload, arch);
  constraints.addArchitectureKeeps(workload, arch);
  if (spec.is_none())
    return constraints;
  auto applyFactors = [&](const std::string &text,
                          std::vector<model::FactorBound> &bounds) {
    llvm::Expected<std::vector<model::FactorConstraintTerm>> terms =
        model::parseFactorConstraintText(text);
    if (!terms)
      throw Error(llvm::toString(terms.takeError()));
    for (const model::FactorConstraintTerm &term : *terms) {
      int d = findDimension(workload, term.dimension);
      if (!model::applyFactorConstraint(term, workload.dimensions[d].bound,
                                        bounds[d]))
        throw Error("conflicting fixed factors for '" + term.dimension + "'");
    }
  };
  auto dims = [&](py::handle list, const std::string &what) {
    std::vector<int> out;
    for (py::handle item : asList(list, what))
      out.push_back(
          findDimension(workload, asString(item, "a dimension in " + what)));
    return out;
  };
  for (auto [key, value] : asDict(spec, "constraints")) {
    std::string name = asString(key, "a constraint key");
    if (name == "min_utilization") {
      if (!py::isinstance<py::float_>(value) &&
          !(py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)))
        throw Error("'min_utilization' must be a number, got " +
                    typeName(value));
      double minimum = value.cast<double>();
      if (!(minimum >= 0 && minimum <= 1))
        throw Error("'min_utilization' must be between 0 and 1");
      constraints.minUtilization = minimum;
      continue;
    }
    model::LevelConstraints &level = constraints.levels[findLevel(arch, name)];
    for (auto [field, content] :
         asDict(value, "the constraints of level '" + name + "'")) {
      std::string f = asString(field, "a constraint of level '" + name + "'");
      std::string what = "'" + f + "' of level '" + name + "'";
      if (f == "factors")
        applyFactors(asString(content, what), level.temporal);
      else if (f == "spatial_factors")
        applyFactors(asString(content, what), level.spatial);
      else if (f == "inner_loops")
        level.innerOrder = dims(content, what);
      else if (f == "outer_loops")
        level.outerOrder = dims(content, what);
      else if (f == "x_dims" || f == "y_dims") {
        model::DimensionMask mask = 0;
        for (int d : dims(content, what))
          mask |= 1u << d;
        (f == "x_dims" ? level.spatialX : level.spatialY) = mask;
      } else if (f == "keep")
        level.mustKeep |= tensorMask(workload, content, what);
      else if (f == "bypass")
        level.mustBypass |= tensorMask(workload, content, what);
      else
        throw Error("unknown constraint '" + f + "' for level '" + name + "'");
    }
  }
  return constraints;
}
