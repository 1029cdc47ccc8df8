"""Accel: a DNN accelerator cost model and mapper, from Python.

The model (Timeloop's numbers, about a hundred thousand evaluations per
second per core), the mapper and the MLIR bridge of the Accel toolkit::

    import accel
    arch = accel.architecture("eyeriss_like")
    layer = accel.conv2d(M=64, C=64, P=56, Q=56, R=3, S=3)
    best = accel.search(arch, layer, objective="edp")
    print(best.result.energy_pj, best.result.cycles, best.mapping.to_dict())

Errors raise accel.Error (a ValueError) with the model's message; wrongly
typed arguments raise TypeError, out-of-range ones ValueError, naming the
argument. Ctrl-C stops a search or a batch within about a second
(KeyboardInterrupt).
"""

import re

from . import _accel
from . import _validate as _check
from ._accel import (Architecture, Error, Mapping, Result, SearchResult,
                     Workload, dram_energy_per_bit, estimate_mac,
                     estimate_register_file, estimate_sram)

__all__ = [
    "Architecture", "Error", "Mapping", "Result", "SearchResult", "Workload",
    "BUNDLED_ARCHITECTURES", "architecture", "workload", "conv2d",
    "depthwise_conv2d", "matmul", "from_mlir", "mapping", "load_timeloop",
    "evaluate", "evaluate_batch", "score_batch", "random_mappings", "search",
    "map_module", "estimate_sram", "estimate_register_file", "estimate_mac",
    "dram_energy_per_bit",
]

__version__ = _accel.__version__

BUNDLED_ARCHITECTURES = ("eyeriss_like", "simple_weight_stationary",
                         "simple_output_stationary", "edge_systolic",
                         "cloud_array")


def architecture(spec):
    """A bundled architecture name, an .mlir file holding an accel.arch (or
    that MLIR text itself), or Timeloop architecture YAML files (a
    comma-separated string or a list; a path that names a file is taken
    whole, commas and all)."""
    if isinstance(spec, (list, tuple)):
        spec = ",".join(str(_check.text(s, "spec", "architecture")) if
                        not hasattr(s, "__fspath__") else str(s) for s in spec)
    elif hasattr(spec, "__fspath__"):
        spec = str(spec)
    return Architecture.load(_check.text(spec, "spec", "architecture"))


_TERM = re.compile(r"^\s*(?:(-?\d+)\s*\*\s*)?([A-Za-z_][A-Za-z0-9_]*)\s*$")


def _rank(expression, dims):
    """'P + 2*R' -> [(index of P, 1), (index of R, 2)]."""
    terms = []
    for text in str(expression).split("+"):
        match = _TERM.match(text)
        if not match:
            raise Error(f"cannot read rank '{expression}': write terms like "
                        f"'P', '2*P', 'P + R'")
        coefficient = int(match.group(1) or 1)
        name = match.group(2)
        if name not in dims:
            raise Error(f"rank '{expression}' names unknown dimension '{name}'")
        terms.append((dims[name], coefficient))
    return terms


def workload(dimensions, tensors, outputs=None, name="workload"):
    """A workload from its loop bounds and tensor projections.

    dimensions: {"M": 64, "N": 32, "K": 128} (loop order is irrelevant).
    tensors: {"A": ["M", "K"], "B": ["K", "N"], "C": ["M", "N"]}: each rank
      a dimension or a sum like "P + R" or "2*P + R".
    outputs: names of the read-write tensors (default: the last one).
    """
    if not isinstance(dimensions, dict) or not dimensions:
        raise TypeError("workload(): 'dimensions' must be a non-empty dict "
                        "{name: bound}")
    if not isinstance(tensors, dict) or not tensors:
        raise TypeError("workload(): 'tensors' must be a non-empty dict "
                        "{name: [ranks]}")
    bounds = [(_check.text(d, "dimension name", "workload"),
               _check.integer(b, f"dimensions['{d}']", "workload", 1))
              for d, b in dimensions.items()]
    dims = {d: i for i, d in enumerate(dimensions)}
    if outputs is None:
        outputs = [list(tensors)[-1]]
    unknown = set(outputs) - set(tensors)
    if unknown:
        raise Error(f"unknown output tensor(s) {sorted(unknown)}")
    return Workload._create(
        _check.text(name, "name", "workload"), bounds,
        [(t, [_rank(r, dims) for r in ranks], t in outputs)
         for t, ranks in tensors.items()])


def conv2d(N=1, M=1, C=1, P=1, Q=1, R=1, S=1, stride=1, dilation=1,
           name="conv2d"):
    """Timeloop's CNN layer: Weights[C,M,R,S], Inputs[N,C,R+P,S+Q] (with
    strides and dilations), Outputs[N,M,P,Q]."""
    _check.shape("conv2d", N=N, M=M, C=C, P=P, Q=Q, R=R, S=S, stride=stride,
                 dilation=dilation)
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    dh, dw = (dilation, dilation) if isinstance(dilation, int) else dilation
    return workload(
        {"C": C, "M": M, "R": R, "S": S, "N": N, "P": P, "Q": Q},
        {"Weights": ["C", "M", "R", "S"],
         "Inputs": ["N", "C", f"{dw}*R + {sw}*P", f"{dh}*S + {sh}*Q"],
         "Outputs": ["N", "M", "P", "Q"]},
        outputs=["Outputs"], name=name)


def depthwise_conv2d(N=1, C=1, P=1, Q=1, R=1, S=1, stride=1, dilation=1,
                     name="depthwise_conv2d"):
    """One filter per channel: Weights[C,R,S], Inputs[N,C,R+P,S+Q],
    Outputs[N,C,P,Q]."""
    _check.shape("depthwise_conv2d", N=N, C=C, P=P, Q=Q, R=R, S=S,
                 stride=stride, dilation=dilation)
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    dh, dw = (dilation, dilation) if isinstance(dilation, int) else dilation
    return workload(
        {"C": C, "R": R, "S": S, "N": N, "P": P, "Q": Q},
        {"Weights": ["C", "R", "S"],
         "Inputs": ["N", "C", f"{dw}*R + {sw}*P", f"{dh}*S + {sh}*Q"],
         "Outputs": ["N", "C", "P", "Q"]},
        outputs=["Outputs"], name=name)


def matmul(M, N, K, batch=None, name="matmul"):
    """C[M,N] += A[M,K] * B[K,N] (batched with B[batch] first)."""
    _check.shape("matmul", M=M, N=N, K=K, batch=batch)
    if batch is None:
        return workload({"M": M, "N": N, "K": K},
                        {"A": ["M", "K"], "B": ["K", "N"], "C": ["M", "N"]},
                        name=name)
    return workload({"B": batch, "M": M, "N": N, "K": K},
                    {"A": ["B", "M", "K"], "W": ["B", "K", "N"],
                     "C": ["B", "M", "N"]}, name=name)


def from_mlir(text, op_index=0):
    """The workload of the op_index-th linalg op of an MLIR module (named
    convolutions, matmuls, any linalg.generic with affine indexing maps)."""
    return Workload.from_mlir(
        _check.text(text, "text", "from_mlir"),
        _check.integer(op_index, "op_index", "from_mlir", 0, 2**31 - 1))


def mapping(arch, workload, levels):
    """A mapping from {"level": {"temporal": [("M", 4), ...], "spatial_x":
    [...], "spatial_y": [...], "keep": [...], "bypass": [...]}} (loops
    outermost first; levels not named have no loops; an imperfect loop is
    ("P", 16, 5): factor 16, 5 iterations on its dimension's last pass), or
    from '#accel.mapping<...>' text."""
    _check.architecture(arch, "mapping")
    _check.workload(workload, "mapping")
    if isinstance(levels, str):
        return Mapping.from_attr(arch, workload, levels)
    if not isinstance(levels, dict):
        raise TypeError("mapping(): 'levels' must be a dict {level: loops} "
                        "or '#accel.mapping' text, got "
                        f"{type(levels).__name__}")
    return Mapping.from_dict(arch, workload, levels)


def evaluate(arch, workload, mapping, exact=True, link_transfers=True,
             leakage=True):
    """The model's result for one mapping (a Mapping, a dict or
    '#accel.mapping' text)."""
    _check.architecture(arch, "evaluate")
    _check.workload(workload, "evaluate")
    mapping = _check.one_mapping(arch, workload, mapping, "evaluate",
                                 globals()["mapping"])
    return _accel.evaluate(arch, workload, mapping,
                           _check.flag(exact, "exact", "evaluate"),
                           _check.flag(link_transfers, "link_transfers",
                                       "evaluate"),
                           _check.flag(leakage, "leakage", "evaluate"))


def load_timeloop(*paths):
    """(architecture, workload, mapping or None) from the files a Timeloop
    user gives timeloop-model (later files override earlier keys)."""
    if not paths:
        raise TypeError("load_timeloop(): give at least one file")
    return _accel.load_timeloop(
        [str(p) if hasattr(p, "__fspath__") else
         _check.text(p, "paths", "load_timeloop") for p in paths])


def _batch_arguments(function, arch, workload, mappings, threads, exact,
                     link_transfers, leakage):
    _check.architecture(arch, function)
    _check.workload(workload, function)
    return (arch, workload,
            _check.mappings(arch, workload, mappings, function, mapping),
            _check.threads(threads, function),
            _check.flag(exact, "exact", function),
            _check.flag(link_transfers, "link_transfers", function),
            _check.flag(leakage, "leakage", function))


def evaluate_batch(arch, workload, mappings, threads=0, exact=True,
                   link_transfers=True, leakage=True):
    """Evaluates many mappings (Mapping objects or dicts) on all cores with
    the GIL released; results are in order and independent of threads."""
    return _accel.evaluate_batch(*_batch_arguments(
        "evaluate_batch", arch, workload, mappings, threads, exact,
        link_transfers, leakage))


def score_batch(arch, workload, mappings, threads=0, exact=True,
                link_transfers=True, leakage=True):
    """The numbers a tuner ranks by, for many mappings at once: a dict of
    numpy arrays valid, energy_pj, cycles, utilization and edp (inf where
    invalid). Faster than evaluate_batch, which keeps every statistic."""
    import numpy
    rows = _accel.score_batch(*_batch_arguments(
        "score_batch", arch, workload, mappings, threads, exact,
        link_transfers, leakage))
    valid = numpy.fromiter((r[0] for r in rows), dtype=bool, count=len(rows))
    energy = numpy.fromiter((r[1] for r in rows), dtype=float, count=len(rows))
    cycles = numpy.fromiter((r[2] for r in rows), dtype=numpy.int64,
                            count=len(rows))
    utilization = numpy.fromiter((r[3] for r in rows), dtype=float,
                                 count=len(rows))
    edp = numpy.where(valid, energy * cycles, numpy.inf)
    return {"valid": valid, "energy_pj": numpy.where(valid, energy, numpy.inf),
            "cycles": cycles, "utilization": utilization, "edp": edp}


def random_mappings(arch, workload, count, seed=1, constraints=None,
                    imperfect=False):
    """count random mappings of the (constrained) mapspace; imperfect: draw
    from the larger space whose factors need not divide their dimension."""
    _check.architecture(arch, "random_mappings")
    _check.workload(workload, "random_mappings")
    return _accel.random_mappings(
        arch, workload,
        _check.integer(count, "count", "random_mappings", 0, _check.MAX_COUNT),
        _check.seed(seed, "random_mappings"), _constraints(constraints,
                                                           "random_mappings"),
        _check.flag(imperfect, "imperfect", "random_mappings"))


def search(arch, workload, objective="edp", strategy="hybrid", budget=None,
           time_limit=None, victory=0, seed=1, threads=0, constraints=None,
           exact=True, imperfect=True):
    """The best mapping found for objective ("edp", "energy", "delay",
    "last_level_accesses" or a comma-separated list compared in order).

    strategy: "hybrid" (default), "random" or "exhaustive" (proves the
    optimum when it finishes; status "optimal"). budget: model evaluations;
    time_limit: seconds. constraints: {"level": {"factors": "M=8",
    "spatial_factors": ..., "inner_loops": [...], "outer_loops": [...],
    "x_dims": [...], "y_dims": [...], "keep": [...], "bypass": [...]},
    "min_utilization": 0.5}. imperfect: also try factors that do not divide
    their dimension (a partial last tile); False searches divisors only.
    Same inputs and seed, same mapping, whatever the thread count.
    """
    function = "search"
    _check.architecture(arch, function)
    _check.workload(workload, function)
    return _accel.search(
        arch, workload, _check.text(objective, "objective", function),
        _check.text(strategy, "strategy", function),
        _check.optional_integer(budget, "budget", function),
        _check.seconds(time_limit, "time_limit", function),
        _check.integer(victory, "victory", function, 0),
        _check.seed(seed, function), _check.threads(threads, function),
        _constraints(constraints, function),
        _check.flag(exact, "exact", function),
        _check.flag(imperfect, "imperfect", function))


def map_module(text, arch="eyeriss_like", objective="edp", strategy="hybrid",
               budget=None, time_limit=None, seed=1, threads=0,
               imperfect=True):
    """What `accel-opt --map-to-arch` does: every multiply-accumulate linalg
    op of the module gets accel.mapping and accel.cost; returns the text."""
    function = "map_module"
    arch = str(arch) if hasattr(arch, "__fspath__") else arch
    return _accel._map_module(
        _check.text(text, "text", function),
        arch=_check.text(arch, "arch", function),
        objective=_check.text(objective, "objective", function),
        strategy=_check.text(strategy, "strategy", function),
        max_evaluations=_check.optional_integer(budget, "budget", function),
        time_limit=_check.seconds(time_limit, "time_limit", function),
        seed=_check.seed(seed, function),
        threads=_check.threads(threads, function),
        imperfect=_check.flag(imperfect, "imperfect", function))


def _constraints(value, function):
    if value is not None and not isinstance(value, dict):
        raise TypeError(f"{function}(): 'constraints' must be a dict or "
                        f"None, got {type(value).__name__}")
    return value
