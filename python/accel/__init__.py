"""Accel: a DNN accelerator cost model and mapper, from Python.

The model (Timeloop's numbers, about a hundred thousand evaluations per
second per core), the mapper and the MLIR bridge of the Accel toolkit::

    import accel
    arch = accel.architecture("eyeriss_like")
    layer = accel.conv2d(M=64, C=64, P=56, Q=56, R=3, S=3)
    best = accel.search(arch, layer, objective="edp")
    print(best.result.energy_pj, best.result.cycles, best.mapping.to_dict())

Errors raise accel.Error (a ValueError) with the model's message.
"""

import re

from . import _accel
from ._accel import (Architecture, Error, Mapping, Result, SearchResult,
                     Workload, evaluate)

__all__ = [
    "Architecture", "Error", "Mapping", "Result", "SearchResult", "Workload",
    "BUNDLED_ARCHITECTURES", "architecture", "workload", "conv2d",
    "depthwise_conv2d", "matmul", "from_mlir", "mapping", "load_timeloop",
    "evaluate", "evaluate_batch", "score_batch", "random_mappings", "search",
    "map_module",
]

BUNDLED_ARCHITECTURES = ("eyeriss_like", "simple_weight_stationary",
                         "simple_output_stationary", "edge_systolic",
                         "cloud_array")


def architecture(spec):
    """A bundled architecture name, an .mlir file holding an accel.arch, or
    Timeloop architecture YAML files (a comma-separated string or a list)."""
    if isinstance(spec, (list, tuple)):
        spec = ",".join(str(s) for s in spec)
    return Architecture.load(str(spec))


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
    dims = {d: i for i, d in enumerate(dimensions)}
    if outputs is None:
        outputs = [list(tensors)[-1]]
    unknown = set(outputs) - set(tensors)
    if unknown:
        raise Error(f"unknown output tensor(s) {sorted(unknown)}")
    return Workload._create(
        name, [(d, int(b)) for d, b in dimensions.items()],
        [(t, [_rank(r, dims) for r in ranks], t in outputs)
         for t, ranks in tensors.items()])


def conv2d(N=1, M=1, C=1, P=1, Q=1, R=1, S=1, stride=1, dilation=1,
           name="conv2d"):
    """Timeloop's CNN layer: Weights[C,M,R,S], Inputs[N,C,R+P,S+Q] (with
    strides and dilations), Outputs[N,M,P,Q]."""
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
    return Workload.from_mlir(text, op_index)


def mapping(arch, workload, levels):
    """A mapping from {"level": {"temporal": [("M", 4), ...], "spatial_x":
    [...], "spatial_y": [...], "keep": [...], "bypass": [...]}} (loops
    outermost first; levels not named have no loops; an imperfect loop is
    ("P", 16, 5): factor 16, 5 iterations on its dimension's last pass), or
    from '#accel.mapping<...>' text."""
    if isinstance(levels, str):
        return Mapping.from_attr(arch, workload, levels)
    return Mapping.from_dict(arch, workload, levels)


def load_timeloop(*paths):
    """(architecture, workload, mapping or None) from the files a Timeloop
    user gives timeloop-model (later files override earlier keys)."""
    return _accel.load_timeloop([str(p) for p in paths])


def _as_mappings(arch, workload, mappings):
    return [m if isinstance(m, Mapping) else mapping(arch, workload, m)
            for m in mappings]


def evaluate_batch(arch, workload, mappings, threads=0, exact=True,
                   link_transfers=True, leakage=True):
    """Evaluates many mappings (Mapping objects or dicts) on all cores with
    the GIL released; results are in order and independent of threads."""
    return _accel.evaluate_batch(arch, workload,
                                 _as_mappings(arch, workload, mappings),
                                 threads, exact, link_transfers, leakage)


def score_batch(arch, workload, mappings, threads=0, exact=True,
                link_transfers=True, leakage=True):
    """The numbers a tuner ranks by, for many mappings at once: a dict of
    numpy arrays valid, energy_pj, cycles, utilization and edp (inf where
    invalid). Faster than evaluate_batch, which keeps every statistic."""
    import numpy
    rows = _accel.score_batch(arch, workload,
                              _as_mappings(arch, workload, mappings),
                              threads, exact, link_transfers, leakage)
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
    return _accel.random_mappings(arch, workload, count, seed, constraints,
                                  imperfect)


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
    return _accel.search(arch, workload, objective, strategy, budget or 0,
                         time_limit or 0.0, victory, seed, threads,
                         constraints, exact, imperfect)


def map_module(text, arch="eyeriss_like", objective="edp", strategy="hybrid",
               budget=None, time_limit=None, seed=1, threads=0,
               imperfect=True):
    """What `accel-opt --map-to-arch` does: every multiply-accumulate linalg
    op of the module gets accel.mapping and accel.cost; returns the text."""
    options = [f"arch={arch}", f"objective={objective}",
               f"strategy={strategy}", f"seed={seed}", f"threads={threads}",
               f"imperfect={'true' if imperfect else 'false'}"]
    if budget:
        options.append(f"max-evaluations={budget}")
    if time_limit:
        options.append(f"time-limit={time_limit}")
    return _accel._map_module(text, " ".join(options))
