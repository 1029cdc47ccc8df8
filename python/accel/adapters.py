"""Accel as the cost model of an autotuner, without importing one.

Autotuners ask a cost model to rank candidates. Two conventions are common:

- TVM (AutoTVM / Ansor / MetaSchedule) cost models have
  ``predict(candidates) -> scores`` where a larger score is better, and
  ``update(inputs, results)`` to learn from measurements.
- Triton's autotuner prunes configurations with a ``perf_model`` callable
  taking the kernel's meta-parameters as keyword arguments and returning a
  predicted time (``prune_configs_by={"perf_model": ..., "top_k": ...}``).

Both adapters take a ``to_mapping`` function that turns a candidate into an
Accel mapping (a dict as accepted by ``accel.mapping``, or a Mapping), since
only the tuner knows what its candidates mean. Scoring uses
``accel.score_batch`` (all cores, GIL released), so scoring 10,000
candidates is one call.

TVM-style::

    model = accel.adapters.TVMCostModel(arch, layer, to_mapping)
    scores = model.predict(candidates)      # numpy array, larger is better

Plug it in where TVM expects a cost model object (it only needs predict and
update), e.g. wrap it in a class deriving from
tvm.meta_schedule.cost_model.PyCostModel whose predict(context, candidates)
calls model.predict(candidates).

Triton-style::

    perf_model = accel.adapters.triton_perf_model(arch, workload_fn,
                                                  mapping_fn, clock_ghz=1.0)
    @triton.autotune(configs=..., key=[...],
                     prune_configs_by={"perf_model": perf_model, "top_k": 8})
"""

import math

from . import _accel
from . import mapping as _mapping
from . import score_batch

__all__ = ["TVMCostModel", "triton_perf_model"]


class TVMCostModel:
    """TVM's cost-model convention: predict(candidates) returns one score
    per candidate, larger is better (the reciprocal of the objective, scaled
    so the best candidate scores 1; invalid candidates score 0)."""

    def __init__(self, arch, workload, to_mapping, objective="edp",
                 threads=0):
        self.arch = arch
        self.workload = workload
        self.to_mapping = to_mapping
        self.objective = objective
        self.threads = threads

    def costs(self, candidates):
        """The objective of every candidate (inf when invalid)."""
        mappings = []
        for candidate in candidates:
            m = self.to_mapping(candidate)
            if not isinstance(m, _accel.Mapping):
                m = _mapping(self.arch, self.workload, m)
            mappings.append(m)
        scores = score_batch(self.arch, self.workload, mappings,
                             threads=self.threads)
        if self.objective == "energy":
            costs = scores["energy_pj"]
        elif self.objective == "delay":
            costs = [float(c) if v else math.inf
                     for c, v in zip(scores["cycles"], scores["valid"])]
        elif self.objective == "edp":
            costs = scores["edp"]
        else:
            raise _accel.Error(f"unknown objective '{self.objective}' "
                               f"(expected edp, energy or delay)")
        return [float(c) for c in costs]

    def predict(self, candidates):
        costs = self.costs(candidates)
        finite = [c for c in costs if math.isfinite(c) and c > 0]
        best = min(finite) if finite else 1.0
        scores = [best / c if math.isfinite(c) and c > 0 else 0.0
                  for c in costs]
        try:
            import numpy
            return numpy.asarray(scores, dtype="float64")
        except ImportError:
            return scores

    def update(self, inputs, results):
        """An analytical model learns nothing from measurements."""

    def save(self, path):
        """Nothing to save."""

    def load(self, path):
        """Nothing to load."""


def triton_perf_model(arch, workload_fn, mapping_fn, clock_ghz=1.0):
    """Triton's perf_model convention: a callable taking the kernel's
    meta-parameters (and launch arguments) as keyword arguments and
    returning the predicted time in milliseconds (inf when the mapping is
    invalid). workload_fn(**kwargs) gives the workload, mapping_fn(**kwargs)
    the mapping (dict or Mapping)."""

    def perf_model(*args, **kwargs):
        workload = workload_fn(**kwargs)
        m = mapping_fn(**kwargs)
        if not isinstance(m, _accel.Mapping):
            m = _mapping(arch, workload, m)
        result = _accel.evaluate(arch, workload, m)
        if not result.valid:
            return math.inf
        return result.cycles / (clock_ghz * 1e9) * 1e3

    return perf_model
