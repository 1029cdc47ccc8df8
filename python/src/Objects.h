//===- Objects.h - What the Python package hands out --------------*- C++
//-*-===//
//
// The objects behind accel.Mapping, accel.Result and accel.SearchResult:
// each keeps the architecture and workload it belongs to, so it can name
// levels, dimensions and tensors. Errors the bindings raise are Error.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_PYTHON_OBJECTS_H
#define ACCEL_PYTHON_OBJECTS_H

#include "accel/Interop/ResultJson.h"
#include "accel/Model/Evaluation.h"
#include "accel/Model/MappingConstraints.h"

#include "pybind11/pybind11.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace accel::python {

namespace py = pybind11;

using ArchPtr = std::shared_ptr<model::Architecture>;
using WorkloadPtr = std::shared_ptr<model::Workload>;

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Defines accel.estimate_* (Estimator.cpp).
void defineEstimator(py::module_ &m);

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

/// JSON text to Python objects, and an llvm::json value to text.
py::object parseJson(const std::string &text);
std::string toJson(const llvm::json::Value &value);

int findLevel(const model::Architecture &arch, const std::string &name);
int findDimension(const model::Workload &workload, const std::string &name);

/// {"level": {"temporal": [(dim, factor), ...] outermost first,
///            "spatial_x": [...], "spatial_y": [...],
///            "keep": [...], "bypass": [...]}}; levels not named have no
/// loops and keep everything (fanouts nothing).
std::shared_ptr<PyMapping> mappingFromDict(ArchPtr arch, WorkloadPtr workload,
                                           const py::dict &levels);
py::dict mappingToDict(const PyMapping &mapping);
/// One line: each level's loops and bypassed tensors, outermost first.
std::string mappingRepr(const PyMapping &mapping);

/// Constraints: {"level": {"factors": "M=8", "spatial_factors": "...",
/// "inner_loops": [...], "outer_loops": [...], "x_dims": [...],
/// "y_dims": [...], "keep": [...], "bypass": [...]}},
/// "min_utilization": 0.5}, on top of the architecture's own.
model::MappingConstraints constraintsFrom(const model::Architecture &arch,
                                          const model::Workload &workload,
                                          const py::object &spec);

model::EvaluationOptions evaluationOptions(bool exact, bool linkTransfers,
                                           bool leakage);
/// Evaluates many mappings in parallel without the GIL, keeping every
/// result, or only (valid, energy pJ, cycles, utilization).
std::vector<std::shared_ptr<PyResult>>
evaluateBatch(ArchPtr arch, WorkloadPtr workload,
              const std::vector<std::shared_ptr<PyMapping>> &mappings,
              unsigned threads, bool exact, bool linkTransfers, bool leakage);
std::vector<std::tuple<bool, double, int64_t, double>>
scoreBatch(ArchPtr arch, WorkloadPtr workload,
           const std::vector<std::shared_ptr<PyMapping>> &mappings,
           unsigned threads, bool exact, bool linkTransfers, bool leakage);
/// Raises unless `mapping` belongs to `arch` and `workload`.
void checkSame(const PyMapping &mapping, const ArchPtr &arch,
               const WorkloadPtr &workload);

} // namespace accel::python

#endif // ACCEL_PYTHON_OBJECTS_H
