//===- Module.cpp - The accel Python extension (_accel) -------------------===//
//
// Thin bindings over the model, the mapper and the bridge. Objects are
// shared pointers so mappings and results can refer to the workload and
// architecture they belong to; errors become accel.Error with the model's
// message. The friendlier constructors live in python/accel/__init__.py.
//
//===----------------------------------------------------------------------===//

#include "Bridge.h"

#include "accel/Interop/ResultJson.h"
#include "accel/Interop/TimeloopConstraints.h"
#include "accel/Interop/TimeloopInput.h"
#include "accel/Mapper/Mapspace.h"
#include "accel/Mapper/Search.h"
#include "accel/Model/Evaluation.h"

#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

#include <atomic>
#include <random>
#include <memory>
#include <thread>

namespace py = pybind11;
using namespace accel;

namespace {

using ArchPtr = std::shared_ptr<model::Architecture>;
using WorkloadPtr = std::shared_ptr<model::Workload>;

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct PyMapping {
  model::Mapping mapping;
  ArchPtr arch;
  WorkloadPtr workload;
};

struct PyResult {
  model::Result result;
  ArchPtr arch;
  WorkloadPtr workload;

  std::string json() const {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << interop::resultToJson(*workload, *arch, result);
    return text;
  }
};

struct PySearchResult {
  std::shared_ptr<PyMapping> mapping;
  std::shared_ptr<PyResult> result;
  std::string status;
  uint64_t evaluations = 0, validMappings = 0;
  double seconds = 0, lowerBound = 0, gap = 0;
};

py::object parseJson(const std::string &text) {
  return py::module_::import("json").attr("loads")(text);
}

std::string toJson(const llvm::json::Value &value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << value;
  return text;
}

int findLevel(const model::Architecture &arch, const std::string &name) {
  int s = arch.findLevel(name);
  if (s < 0) {
    std::string names;
    for (const model::StorageLevel &level : arch.storage)
      names += (names.empty() ? "" : ", ") + level.name;
    throw Error("unknown level '" + name + "' (levels: " + names + ")");
  }
  return s;
}

int findDimension(const model::Workload &workload, const std::string &name) {
  int d = workload.findDimension(name);
  if (d < 0)
    throw Error("unknown dimension '" + name + "'");
  return d;
}

std::vector<model::MappingLoop> loopsFrom(const model::Workload &workload,
                                          py::handle list) {
  std::vector<model::MappingLoop> loops;
  for (py::handle item : list) {
    auto pair = item.cast<std::pair<std::string, int64_t>>();
    loops.push_back({findDimension(workload, pair.first), pair.second});
  }
  return loops;
}

model::DataSpaceMask tensorMask(const model::Workload &workload,
                                py::handle list) {
  model::DataSpaceMask mask = 0;
  for (py::handle item : list) {
    std::string name = item.cast<std::string>();
    int ds = workload.findDataSpace(name);
    if (ds < 0)
      throw Error("unknown tensor '" + name + "'");
    mask |= 1u << ds;
  }
  return mask;
}

/// {"level": {"temporal": [(dim, factor), ...] outermost first,
///            "spatial_x": [...], "spatial_y": [...],
///            "keep": [...], "bypass": [...]}}; levels not named have no
/// loops and keep everything (fanouts nothing).
std::shared_ptr<PyMapping> mappingFromDict(ArchPtr arch, WorkloadPtr workload,
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
    int s = findLevel(*arch, key.cast<std::string>());
    model::LevelMapping &level = mapping.levels[s];
    py::dict entry = value.cast<py::dict>();
    for (auto [field, content] : entry) {
      std::string name = field.cast<std::string>();
      if (name == "temporal")
        level.temporal = loopsFrom(*workload, content);
      else if (name == "spatial_x")
        level.spatialX = loopsFrom(*workload, content);
      else if (name == "spatial_y")
        level.spatialY = loopsFrom(*workload, content);
      else if (name == "keep")
        level.keep = tensorMask(*workload, content);
      else if (name == "bypass")
        level.keep &= ~tensorMask(*workload, content);
      else
        throw Error("unknown key '" + name + "' for level '" +
                    key.cast<std::string>() +
                    "' (expected temporal, spatial_x, spatial_y, keep, bypass)");
    }
  }
  if (std::string error = mapping.validate(*workload, *arch); !error.empty())
    throw Error(error);
  return result;
}

py::dict mappingToDict(const PyMapping &mapping) {
  py::dict levels;
  const model::Workload &workload = *mapping.workload;
  for (int s = mapping.arch->numLevels() - 1; s >= 0; --s) {
    const model::LevelMapping &level = mapping.mapping.levels[s];
    const model::StorageLevel &storage = mapping.arch->storage[s];
    py::dict entry;
    auto loops = [&](const std::vector<model::MappingLoop> &list) {
      py::list out;
      for (const model::MappingLoop &loop : list)
        out.append(py::make_tuple(workload.dimensions[loop.dimension].name,
                                  loop.factor));
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

model::EvaluationOptions evaluationOptions(bool exact, bool linkTransfers,
                                           bool leakage) {
  model::EvaluationOptions options;
  options.exactCounts = exact;
  options.linkTransfers = linkTransfers;
  options.leakage = leakage;
  return options;
}

void checkSame(const PyMapping &mapping, const ArchPtr &arch,
               const WorkloadPtr &workload) {
  if (mapping.arch != arch || mapping.workload != workload)
    throw Error("the mapping was built for another architecture or workload");
}

/// Runs `visit(i, result)` for every mapping, in parallel with one
/// evaluator per thread and without the GIL; `visit` must only touch slot i.
template <typename Visit>
void evaluateAll(const ArchPtr &arch, const WorkloadPtr &workload,
                 const std::vector<std::shared_ptr<PyMapping>> &mappings,
                 unsigned threads, const model::EvaluationOptions &options,
                 Visit visit) {
  for (const auto &mapping : mappings)
    checkSame(*mapping, arch, workload);
  py::gil_scoped_release release;
  unsigned workers =
      threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(
      std::min<size_t>(workers, std::max<size_t>(1, mappings.size() / 64)));
  std::atomic<size_t> next{0};
  auto run = [&] {
    model::Evaluator evaluator(*workload, *arch, options);
    model::Result result;
    for (size_t i = next.fetch_add(1); i < mappings.size();
         i = next.fetch_add(1)) {
      evaluator.evaluate(mappings[i]->mapping, result);
      visit(i, result);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < workers; ++t)
    pool.emplace_back(run);
  run();
  for (std::thread &thread : pool)
    thread.join();
}

std::vector<std::shared_ptr<PyResult>>
evaluateBatch(ArchPtr arch, WorkloadPtr workload,
              const std::vector<std::shared_ptr<PyMapping>> &mappings,
              unsigned threads, bool exact, bool linkTransfers, bool leakage) {
  std::vector<std::shared_ptr<PyResult>> out(mappings.size());
  for (auto &slot : out)
    slot = std::make_shared<PyResult>(PyResult{{}, arch, workload});
  evaluateAll(arch, workload, mappings, threads,
              evaluationOptions(exact, linkTransfers, leakage),
              [&](size_t i, const model::Result &result) {
                out[i]->result = result;
              });
  return out;
}

/// Per mapping (valid, energy pJ, cycles, utilization): the few numbers a
/// tuner ranks by, without keeping every level's statistics.
std::vector<std::tuple<bool, double, int64_t, double>>
scoreBatch(ArchPtr arch, WorkloadPtr workload,
           const std::vector<std::shared_ptr<PyMapping>> &mappings,
           unsigned threads, bool exact, bool linkTransfers, bool leakage) {
  std::vector<std::tuple<bool, double, int64_t, double>> out(mappings.size());
  evaluateAll(arch, workload, mappings, threads,
              evaluationOptions(exact, linkTransfers, leakage),
              [&](size_t i, const model::Result &result) {
                out[i] = {result.valid, result.energy, result.cycles,
                          result.utilization};
              });
  return out;
}

/// Constraints: {"level": {"factors": "M=8", "spatial_factors": "...",
/// "inner_loops": [...], "outer_loops": [...], "x_dims": [...],
/// "y_dims": [...], "keep": [...], "bypass": [...]},
/// "min_utilization": 0.5}, on top of the architecture's own.
model::MappingConstraints constraintsFrom(const model::Architecture &arch,
                                          const model::Workload &workload,
                                          const py::object &spec) {
  model::MappingConstraints constraints =
      model::MappingConstraints::unconstrained(workload, arch);
  constraints.addArchitectureKeeps(workload, arch);
  if (spec.is_none())
    return constraints;
  auto applyFactors = [&](const std::string &text,
                          std::vector<model::FactorBound> &bounds) {
    std::vector<model::FactorConstraintTerm> terms;
    std::string error;
    if (!model::parseFactorConstraintText(text, terms, error))
      throw Error(error);
    for (const model::FactorConstraintTerm &term : terms) {
      int d = findDimension(workload, term.dimension);
      if (!model::applyFactorConstraint(term, workload.dimensions[d].bound,
                                        bounds[d]))
        throw Error("conflicting fixed factors for '" + term.dimension + "'");
    }
  };
  auto dims = [&](py::handle list) {
    std::vector<int> out;
    for (py::handle item : list)
      out.push_back(findDimension(workload, item.cast<std::string>()));
    return out;
  };
  for (auto [key, value] : spec.cast<py::dict>()) {
    std::string name = key.cast<std::string>();
    if (name == "min_utilization") {
      constraints.minUtilization = value.cast<double>();
      continue;
    }
    model::LevelConstraints &level = constraints.levels[findLevel(arch, name)];
    for (auto [field, content] : value.cast<py::dict>()) {
      std::string f = field.cast<std::string>();
      if (f == "factors")
        applyFactors(content.cast<std::string>(), level.temporal);
      else if (f == "spatial_factors")
        applyFactors(content.cast<std::string>(), level.spatial);
      else if (f == "inner_loops")
        level.innerOrder = dims(content);
      else if (f == "outer_loops")
        level.outerOrder = dims(content);
      else if (f == "x_dims" || f == "y_dims") {
        model::DimensionMask mask = 0;
        for (int d : dims(content))
          mask |= 1u << d;
        (f == "x_dims" ? level.spatialX : level.spatialY) = mask;
      } else if (f == "keep")
        level.mustKeep |= tensorMask(workload, content);
      else if (f == "bypass")
        level.mustBypass |= tensorMask(workload, content);
      else
        throw Error("unknown constraint '" + f + "' for level '" + name + "'");
    }
  }
  return constraints;
}

} // namespace

PYBIND11_MODULE(_accel, m) {
  m.doc() = "Accel: DNN accelerator cost model and mapper (native part)";
  static py::exception<Error> error(m, "Error", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p)
        std::rethrow_exception(p);
    } catch (const Error &e) {
      PyErr_SetString(error.ptr(), e.what());
    }
  });

  py::class_<model::Workload, std::shared_ptr<model::Workload>>(m, "Workload")
      .def_static(
          "_create",
          [](const std::string &name,
             const std::vector<std::pair<std::string, int64_t>> &dims,
             const std::vector<std::tuple<
                 std::string, std::vector<std::vector<std::pair<int, int64_t>>>,
                 bool>> &tensors) {
            auto w = std::make_shared<model::Workload>();
            w->name = name;
            for (auto &[dimName, bound] : dims)
              w->dimensions.push_back({dimName, bound});
            for (auto &[tensorName, ranks, readWrite] : tensors) {
              model::DataSpace ds;
              ds.name = tensorName;
              ds.readWrite = readWrite;
              for (auto &rank : ranks) {
                model::Rank r;
                for (auto &[dim, coefficient] : rank)
                  r.push_back({dim, coefficient});
                ds.ranks.push_back(std::move(r));
              }
              w->dataSpaces.push_back(std::move(ds));
            }
            if (std::string why = w->validate(); !why.empty())
              throw Error(why);
            return w;
          })
      .def_static(
          "from_mlir",
          [](const std::string &text, unsigned opIndex) {
            auto w = std::make_shared<model::Workload>();
            std::string error;
            if (!python::workloadFromMlir(text, opIndex, *w, error))
              throw Error(error);
            return w;
          },
          py::arg("text"), py::arg("op_index") = 0,
          "The workload of the op_index-th linalg op of an MLIR module.")
      .def_property_readonly("name",
                             [](const model::Workload &w) { return w.name; })
      .def_property_readonly("dimensions",
                             [](const model::Workload &w) {
                               py::dict dims;
                               for (const model::Dimension &d : w.dimensions)
                                 dims[py::str(d.name)] = d.bound;
                               return dims;
                             })
      .def_property_readonly("tensors",
                             [](const model::Workload &w) {
                               std::vector<std::string> names;
                               for (const model::DataSpace &ds : w.dataSpaces)
                                 names.push_back(ds.name);
                               return names;
                             })
      .def_property_readonly("macs", &model::Workload::numOperations)
      .def("__repr__", [](const model::Workload &w) {
        std::string text = "Workload(";
        for (size_t i = 0; i < w.dimensions.size(); ++i)
          text += (i ? " " : "") + w.dimensions[i].name +
                  std::to_string(w.dimensions[i].bound);
        return text + ")";
      });

  py::class_<model::Architecture, std::shared_ptr<model::Architecture>>(
      m, "Architecture")
      .def_static(
          "load",
          [](const std::string &spec) {
            auto arch = std::make_shared<model::Architecture>();
            std::string error;
            if (!python::loadArchitecture(spec, *arch, error))
              throw Error(error);
            return arch;
          },
          py::arg("spec"),
          "A bundled architecture name, an .mlir file with an accel.arch, or "
          "comma-separated Timeloop YAML files.")
      .def_property_readonly("name",
                             [](const model::Architecture &a) { return a.name; })
      .def_property_readonly(
          "levels",
          [](const model::Architecture &a) {
            py::list levels;
            for (auto it = a.storage.rbegin(); it != a.storage.rend(); ++it) {
              py::dict level;
              level["name"] = it->name;
              level["fanout"] = it->isFanoutOnly;
              level["fanout_x"] = it->fanoutX;
              level["fanout_y"] = it->fanoutY;
              level["instances"] = it->instances;
              level["size"] = it->size ? py::cast(*it->size) : py::none();
              levels.append(level);
            }
            return levels;
          },
          "Levels outermost first.")
      .def_property_readonly("compute_instances",
                             [](const model::Architecture &a) {
                               return a.compute.instances;
                             })
      .def("__repr__", [](const model::Architecture &a) {
        return "Architecture(" + a.name + ", " +
               std::to_string(a.compute.instances) + " compute units)";
      });

  py::class_<PyMapping, std::shared_ptr<PyMapping>>(m, "Mapping")
      .def_static("from_dict", &mappingFromDict, py::arg("arch"),
                  py::arg("workload"), py::arg("levels"))
      .def_static(
          "from_attr",
          [](ArchPtr arch, WorkloadPtr workload, const std::string &text) {
            auto mapping = std::make_shared<PyMapping>();
            mapping->arch = arch;
            mapping->workload = workload;
            std::string error;
            if (!python::mappingFromAttribute(text, *workload, *arch,
                                              mapping->mapping, error))
              throw Error(error);
            return mapping;
          },
          py::arg("arch"), py::arg("workload"), py::arg("text"))
      .def("to_dict", &mappingToDict)
      .def("to_attr",
           [](const PyMapping &mapping) {
             return python::mappingToAttribute(
                 mapping.mapping, *mapping.workload, *mapping.arch,
                 mapping.arch->name.empty() ? "arch" : mapping.arch->name);
           })
      .def("to_json", [](const PyMapping &mapping) {
        return toJson(interop::mappingToJson(*mapping.workload, *mapping.arch,
                                             mapping.mapping));
      });

  py::class_<PyResult, std::shared_ptr<PyResult>>(m, "Result")
      .def_property_readonly("valid",
                             [](const PyResult &r) { return r.result.valid; })
      .def_property_readonly("reason",
                             [](const PyResult &r) { return r.result.reason; })
      .def_property_readonly("energy_pj",
                             [](const PyResult &r) { return r.result.energy; })
      .def_property_readonly("cycles",
                             [](const PyResult &r) { return r.result.cycles; })
      .def_property_readonly(
          "utilization", [](const PyResult &r) { return r.result.utilization; })
      .def_property_readonly("macs",
                             [](const PyResult &r) { return r.result.computes; })
      .def_property_readonly("edp", [](const PyResult &r) {
        return r.result.edp();
      })
      .def_property_readonly("fj_per_mac", [](const PyResult &r) {
        return r.result.femtojoulesPerCompute();
      })
      .def("to_json", &PyResult::json)
      .def("to_dict",
           [](const PyResult &r) { return parseJson(r.json()); })
      .def("__repr__", [](const PyResult &r) {
        if (!r.result.valid)
          return "Result(invalid: " + r.result.reason + ")";
        return "Result(energy_pj=" + std::to_string(r.result.energy) +
               ", cycles=" + std::to_string(r.result.cycles) + ")";
      });

  py::class_<PySearchResult, std::shared_ptr<PySearchResult>>(m, "SearchResult")
      .def_readonly("mapping", &PySearchResult::mapping)
      .def_readonly("result", &PySearchResult::result)
      .def_readonly("status", &PySearchResult::status)
      .def_readonly("evaluations", &PySearchResult::evaluations)
      .def_readonly("valid_mappings", &PySearchResult::validMappings)
      .def_readonly("seconds", &PySearchResult::seconds)
      .def_readonly("lower_bound", &PySearchResult::lowerBound)
      .def_readonly("gap", &PySearchResult::gap)
      .def("__repr__", [](const PySearchResult &s) {
        return "SearchResult(" + s.status + ", " +
               std::to_string(s.evaluations) + " evaluations)";
      });

  m.def(
      "evaluate",
      [](ArchPtr arch, WorkloadPtr workload,
         std::shared_ptr<PyMapping> mapping, bool exact, bool linkTransfers,
         bool leakage) {
        checkSame(*mapping, arch, workload);
        auto result = std::make_shared<PyResult>();
        result->arch = arch;
        result->workload = workload;
        result->result =
            model::evaluate(*workload, *arch, mapping->mapping,
                            evaluationOptions(exact, linkTransfers, leakage));
        return result;
      },
      py::arg("arch"), py::arg("workload"), py::arg("mapping"),
      py::arg("exact") = true, py::arg("link_transfers") = true,
      py::arg("leakage") = true);

  m.def("evaluate_batch", &evaluateBatch, py::arg("arch"), py::arg("workload"),
        py::arg("mappings"), py::arg("threads") = 0, py::arg("exact") = true,
        py::arg("link_transfers") = true, py::arg("leakage") = true,
        "Evaluates many mappings in parallel (the GIL is released); "
        "results come back in order and do not depend on the thread count.");

  m.def("score_batch", &scoreBatch, py::arg("arch"), py::arg("workload"),
        py::arg("mappings"), py::arg("threads") = 0, py::arg("exact") = true,
        py::arg("link_transfers") = true, py::arg("leakage") = true,
        "Like evaluate_batch, but only (valid, energy_pj, cycles, "
        "utilization) per mapping.");

  m.def(
      "search",
      [](ArchPtr arch, WorkloadPtr workload, const std::string &objective,
         const std::string &strategy, uint64_t budget, double timeLimit,
         uint64_t victory, uint64_t seed, unsigned threads,
         const py::object &constraintSpec, bool exact) {
        mapper::SearchOptions options;
        std::optional<mapper::Objective> parsedObjective =
            mapper::Objective::parse(objective);
        if (!parsedObjective)
          throw Error("unknown objective '" + objective + "'");
        std::optional<mapper::Strategy> parsedStrategy =
            mapper::parseStrategy(strategy);
        if (!parsedStrategy)
          throw Error("unknown search strategy '" + strategy + "'");
        options.objective = *parsedObjective;
        options.strategy = *parsedStrategy;
        options.maxEvaluations = budget;
        options.timeLimitSeconds = timeLimit;
        options.victoryCondition = victory;
        options.seed = seed;
        options.threads = threads;
        options.evaluation.exactCounts = exact;
        model::MappingConstraints constraints =
            constraintsFrom(*arch, *workload, constraintSpec);
        mapper::SearchResult search;
        {
          py::gil_scoped_release release;
          search = mapper::searchMapping(*workload, *arch, constraints, options);
        }
        if (!search.found)
          throw Error(search.error.empty()
                          ? "no valid mapping found (" +
                                std::to_string(search.evaluations) +
                                " evaluated)"
                          : "the constraints cannot be satisfied: " +
                                search.error);
        auto out = std::make_shared<PySearchResult>();
        out->mapping = std::make_shared<PyMapping>(
            PyMapping{search.mapping, arch, workload});
        out->result = std::make_shared<PyResult>(
            PyResult{search.result, arch, workload});
        out->status = mapper::stringifyStatus(search.status).str();
        out->evaluations = search.evaluations;
        out->validMappings = search.validMappings;
        out->seconds = search.seconds;
        out->lowerBound = search.lowerBound;
        out->gap = search.gap;
        return out;
      },
      py::arg("arch"), py::arg("workload"), py::arg("objective") = "edp",
      py::arg("strategy") = "hybrid", py::arg("budget") = 0,
      py::arg("time_limit") = 0.0, py::arg("victory") = 0,
      py::arg("seed") = 1, py::arg("threads") = 0,
      py::arg("constraints") = py::none(), py::arg("exact") = true);

  m.def(
      "random_mappings",
      [](ArchPtr arch, WorkloadPtr workload, size_t count, uint64_t seed,
         const py::object &constraintSpec) {
        model::MappingConstraints constraints =
            constraintsFrom(*arch, *workload, constraintSpec);
        mapper::Mapspace space(*workload, *arch, constraints);
        if (!space.error().empty())
          throw Error("the constraints cannot be satisfied: " + space.error());
        std::mt19937_64 rng(seed);
        std::vector<std::shared_ptr<PyMapping>> out;
        mapper::Plan plan;
        for (size_t attempt = 0; out.size() < count && attempt < 20 * count + 100;
             ++attempt) {
          if (!space.randomPlan(rng, plan))
            continue;
          auto mapping = std::make_shared<PyMapping>();
          mapping->arch = arch;
          mapping->workload = workload;
          space.toMapping(plan, mapping->mapping);
          out.push_back(std::move(mapping));
        }
        return out;
      },
      py::arg("arch"), py::arg("workload"), py::arg("count"),
      py::arg("seed") = 1, py::arg("constraints") = py::none(),
      "Random mappings inside the constrained mapspace (tiles may still "
      "overflow buffers: evaluate them to find out).");

  m.def(
      "load_timeloop",
      [](const std::vector<std::string> &paths) {
        llvm::Expected<interop::TimeloopInput> input =
            interop::loadTimeloopFiles(paths);
        if (!input)
          throw Error(llvm::toString(input.takeError()));
        auto arch =
            std::make_shared<model::Architecture>(input->architecture.arch);
        auto workload = std::make_shared<model::Workload>(input->workload);
        py::object mapping = py::none();
        if (input->mapping)
          mapping = py::cast(std::make_shared<PyMapping>(
              PyMapping{*input->mapping, arch, workload}));
        return py::make_tuple(ArchPtr(arch), WorkloadPtr(workload), mapping);
      },
      py::arg("paths"));

  m.def(
      "_map_module",
      [](const std::string &text, const std::string &options) {
        // The MLIR context is shared: keep the GIL (the search inside still
        // runs on all threads).
        std::string result, error;
        if (!python::mapModule(text, options, result, error))
          throw Error(error);
        return result;
      },
      py::arg("text"), py::arg("options"));
}
