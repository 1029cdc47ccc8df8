//===- Module.cpp - The accel Python extension (_accel) -------------------===//
//
// Thin bindings over the model, the mapper and the bridge. Objects are
// shared pointers so mappings and results can refer to the workload and
// architecture they belong to; errors become accel.Error with the model's
// message. The friendlier constructors live in python/accel/__init__.py.
//
//===----------------------------------------------------------------------===//

#include "Bridge.h"
#include "Interrupt.h"
#include "Objects.h"

#include "accel/Interop/ResultJson.h"
#include "accel/Version.h"
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
using namespace accel::python;


PYBIND11_MODULE(_accel, m) {
  m.doc() = "Accel: DNN accelerator cost model and mapper (native part)";
  defineEstimator(m);
  m.attr("__version__") = ACCEL_VERSION_STRING;
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
            if (llvm::Error error = w->validate())
              throw Error(llvm::toString(std::move(error)));
            return w;
          })
      .def_static(
          "from_mlir",
          [](const std::string &text, unsigned opIndex) {
            llvm::Expected<model::Workload> workload =
                python::workloadFromMlir(text, opIndex);
            if (!workload)
              throw Error(llvm::toString(workload.takeError()));
            return std::make_shared<model::Workload>(std::move(*workload));
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
      // Pickling (for Dask and multiprocessing) saves what _create takes.
      .def(py::pickle(
          [](const model::Workload &w) {
            py::list dims, tensors;
            for (const model::Dimension &d : w.dimensions)
              dims.append(py::make_tuple(d.name, d.bound));
            for (const model::DataSpace &ds : w.dataSpaces) {
              py::list ranks;
              for (const model::Rank &rank : ds.ranks) {
                py::list terms;
                for (const model::ProjectionTerm &term : rank)
                  terms.append(py::make_tuple(term.dimension, term.coefficient));
                ranks.append(terms);
              }
              tensors.append(py::make_tuple(ds.name, ranks, ds.readWrite));
            }
            return py::make_tuple(w.name, dims, tensors);
          },
          [](const py::tuple &state) {
            if (state.size() != 3)
              throw Error("cannot unpickle a Workload: bad state");
            auto w = std::make_shared<model::Workload>();
            w->name = state[0].cast<std::string>();
            for (auto item : state[1].cast<py::list>()) {
              auto dim = item.cast<std::pair<std::string, int64_t>>();
              w->dimensions.push_back({dim.first, dim.second});
            }
            for (auto item : state[2].cast<py::list>()) {
              auto tensor = item.cast<py::tuple>();
              model::DataSpace ds;
              ds.name = tensor[0].cast<std::string>();
              ds.readWrite = tensor[2].cast<bool>();
              for (auto rank : tensor[1].cast<py::list>()) {
                model::Rank r;
                for (auto term : rank.cast<py::list>()) {
                  auto t = term.cast<std::pair<int, int64_t>>();
                  r.push_back({t.first, t.second});
                }
                ds.ranks.push_back(std::move(r));
              }
              w->dataSpaces.push_back(std::move(ds));
            }
            if (llvm::Error error = w->validate())
              throw Error("cannot unpickle a Workload: " +
                          llvm::toString(std::move(error)));
            return w;
          }))
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
            llvm::Expected<model::Architecture> arch =
                python::loadArchitecture(spec);
            if (!arch)
              throw Error(llvm::toString(arch.takeError()));
            return std::make_shared<model::Architecture>(std::move(*arch));
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
              // Tensors (or roles: Inputs, Weights, Outputs) every mapping
              // must keep / bypass here.
              level["keep"] = it->keepConstraint;
              level["bypass"] = it->bypassConstraint;
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
      .def_static("from_dict", &mappingFromDict, py::arg("arch").none(false),
                  py::arg("workload").none(false), py::arg("levels"))
      .def_static(
          "from_attr",
          [](ArchPtr arch, WorkloadPtr workload, const std::string &text) {
            auto mapping = std::make_shared<PyMapping>();
            mapping->arch = arch;
            mapping->workload = workload;
            llvm::Expected<model::Mapping> parsed =
                python::mappingFromAttribute(text, *workload, *arch);
            if (!parsed)
              throw Error(llvm::toString(parsed.takeError()));
            mapping->mapping = std::move(*parsed);
            return mapping;
          },
          py::arg("arch").none(false), py::arg("workload").none(false), py::arg("text"))
      .def("to_dict", &mappingToDict)
      .def("__repr__", &mappingRepr)
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
      py::arg("arch").none(false), py::arg("workload").none(false), py::arg("mapping").none(false),
      py::arg("exact") = true, py::arg("link_transfers") = true,
      py::arg("leakage") = true);

  m.def("evaluate_batch", &evaluateBatch, py::arg("arch").none(false), py::arg("workload").none(false),
        py::arg("mappings").none(false), py::arg("threads") = 0, py::arg("exact") = true,
        py::arg("link_transfers") = true, py::arg("leakage") = true,
        "Evaluates many mappings in parallel (the GIL is released); "
        "results come back in order and do not depend on the thread count.");

  m.def("score_batch", &scoreBatch, py::arg("arch").none(false), py::arg("workload").none(false),
        py::arg("mappings").none(false), py::arg("threads") = 0, py::arg("exact") = true,
        py::arg("link_transfers") = true, py::arg("leakage") = true,
        "Like evaluate_batch, but only (valid, energy_pj, cycles, "
        "utilization) per mapping.");

  m.def(
      "search",
      [](ArchPtr arch, WorkloadPtr workload, const std::string &objective,
         const std::string &strategy, uint64_t budget, double timeLimit,
         uint64_t victory, uint64_t seed, unsigned threads,
         const py::object &constraintSpec, bool exact, bool imperfect) {
        mapper::SearchSettings settings;
        settings.objective = objective;
        settings.strategy = strategy;
        settings.maxEvaluations = budget;
        settings.timeLimitSeconds = timeLimit;
        settings.victoryCondition = victory;
        settings.seed = seed;
        settings.threads = threads;
        settings.imperfectFactors = imperfect;
        llvm::Expected<mapper::SearchOptions> built =
            mapper::buildSearchOptions(settings);
        if (!built)
          throw Error(llvm::toString(built.takeError()));
        mapper::SearchOptions options = std::move(*built);
        if (!exact)
          options.evaluation = model::timeloopOptions();
        model::MappingConstraints constraints =
            constraintsFrom(*arch, *workload, constraintSpec);
        mapper::SearchResult search;
        std::string unsatisfiable;
        runInterruptibly([&](const std::atomic<bool> &cancel) {
          options.cancel = &cancel;
          llvm::Expected<mapper::SearchResult> searched =
              mapper::searchMapping(*workload, *arch, constraints, options);
          if (searched)
            search = std::move(*searched);
          else
            unsatisfiable = llvm::toString(searched.takeError());
        });
        if (!unsatisfiable.empty())
          throw Error("the constraints cannot be satisfied: " + unsatisfiable);
        if (!search.found)
          throw Error("no valid mapping found (" +
                      std::to_string(search.evaluations) + " evaluated)");
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
      py::arg("arch").none(false), py::arg("workload").none(false), py::arg("objective") = "edp",
      py::arg("strategy") = "hybrid", py::arg("budget") = 0,
      py::arg("time_limit") = 0.0, py::arg("victory") = 0,
      py::arg("seed") = 1, py::arg("threads") = 0,
      py::arg("constraints") = py::none(), py::arg("exact") = true,
      py::arg("imperfect") = true);

  m.def(
      "random_mappings",
      [](ArchPtr arch, WorkloadPtr workload, size_t count, uint64_t seed,
         const py::object &constraintSpec, bool imperfect) {
        model::MappingConstraints constraints =
            constraintsFrom(*arch, *workload, constraintSpec);
        if (llvm::Error error = constraints.checkSatisfiable(*workload, *arch))
          throw Error("the constraints cannot be satisfied: " +
                      llvm::toString(std::move(error)));
        mapper::Mapspace space(*workload, *arch, constraints, imperfect);
        std::mt19937_64 rng(seed);
        std::vector<std::shared_ptr<PyMapping>> out;
        mapper::Plan plan;
        // Valid plans can be rare: give up after 20 failed draws per
        // mapping asked for (saturating, for huge counts).
        const size_t attempts =
            count > (SIZE_MAX - 100) / 20 ? SIZE_MAX : 20 * count + 100;
        for (size_t attempt = 0; out.size() < count && attempt < attempts;
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
      py::arg("arch").none(false), py::arg("workload").none(false), py::arg("count"),
      py::arg("seed") = 1, py::arg("constraints") = py::none(),
      py::arg("imperfect") = false,
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
      [](const std::string &text, const std::string &arch,
         const std::string &objective, const std::string &strategy,
         uint64_t maxEvaluations, double timeLimit, uint64_t seed,
         unsigned threads, bool imperfect) {
        // The MLIR context is shared: keep the GIL (the search inside still
        // runs on all threads). Options go in as values, never spliced
        // into a pipeline string.
        AccelMapToArchOptions options;
        options.arch = arch;
        options.objective = objective;
        // The pass validates the rest; the strategy is typed here.
        mapper::SearchSettings settings;
        settings.strategy = strategy;
        llvm::Expected<mapper::SearchOptions> built =
            mapper::buildSearchOptions(settings);
        if (!built)
          throw Error(llvm::toString(built.takeError()));
        options.strategy = built->strategy;
        options.maxEvaluations = maxEvaluations;
        options.timeLimit = timeLimit;
        options.seed = seed;
        options.threads = threads;
        options.imperfect = imperfect;
        llvm::Expected<std::string> result = python::mapModule(text, options);
        if (!result)
          throw Error(llvm::toString(result.takeError()));
        return *result;
      },
      py::arg("text"), py::kw_only(), py::arg("arch"), py::arg("objective"),
      py::arg("strategy"), py::arg("max_evaluations"), py::arg("time_limit"),
      py::arg("seed"), py::arg("threads"), py::arg("imperfect"));
}
