"""Design-space exploration: map every workload onto every architecture.

``sweep(architectures, workloads)`` searches the best mapping of each
(architecture, workload) pair and returns a pandas DataFrame, one row per
pair in input order (architecture-major). It runs in this process, or on
the workers of a ``dask.distributed`` client (local processes or a cluster)::

    import accel, accel.dse, accel.design
    designs = [accel.design.generate(pe_x=x, pe_y=256 // x, glb_kib=kib)
               for x in (8, 16, 32) for kib in (128, 512)]
    layers = accel.dse.layers_from_table("layers.tsv", networks=["resnet18"])
    table = accel.dse.sweep(designs + ["eyeriss_like"], layers,
                            checkpoint="sweep.jsonl")

Every point is an independent, single-threaded, seeded search, so a row does
not depend on where or when it ran: the Dask run equals the serial run row
for row. With ``checkpoint``, finished rows are appended to a JSON-lines file
as they arrive; a rerun with the same file recomputes nothing already there
(so an interrupted sweep resumes). Tasks of a worker that dies are rerun by
Dask on another worker.

From the shell: ``python3 -m accel.dse SPEC.yaml [--workers N]
[--scheduler ADDRESS]`` (see docs/dse.md for the spec format).
"""

import hashlib
import json
import math
import os

from . import _accel
from . import design as _design

__all__ = ["sweep", "layers_from_table", "workload_from_row",
           "network_from_mlir", "SweepError"]


class SweepError(ValueError):
    """A sweep argument is unusable; the message names it."""


# --------------------------------------------------------------------------
# Workloads


_TABLE_COLUMNS = ("network layer N G C M P Q R S Hstride Wstride Hdilation "
                  "Wdilation").split()


def workload_from_row(row):
    """The workload of one layer-table row (a dict of the table's columns,
    numbers as text or int), named ``network/layer``: a convolution, or
    with G > 1 a grouped one (C and M per group, G indexing every tensor).
    Raises ValueError on a non-numeric field."""
    n, g, c, m, p, q, r, s, sh, sw, dh, dw = (int(row[k])
                                              for k in _TABLE_COLUMNS[2:])
    name = f"{row['network']}/{row['layer']}"
    if g == 1:
        from . import conv2d
        return conv2d(N=n, C=c, M=m, P=p, Q=q, R=r, S=s, stride=(sh, sw),
                      dilation=(dh, dw), name=name)
    from . import workload
    return workload(
        {"G": g, "C": c, "M": m, "R": r, "S": s, "N": n, "P": p, "Q": q},
        {"Weights": ["G", "C", "M", "R", "S"],
         "Inputs": ["N", "G", "C", f"{dw}*R + {sw}*P", f"{dh}*S + {sh}*Q"],
         "Outputs": ["N", "G", "M", "P", "Q"]},
        outputs=["Outputs"], name=name)


def layers_from_table(path, networks=None, limit=None):
    """Workloads from a layer table (tab-separated, a header naming
    ``network layer N G C M P Q R S Hstride Wstride Hdilation Wdilation``;
    C and M are per group). ``networks`` keeps only those networks;
    ``limit`` the first layers of each. Names are ``network/layer``. Lines
    starting with ``#`` are comments (examples/networks/layers.tsv)."""
    required = _TABLE_COLUMNS
    with open(path) as table:
        header = table.readline()
        while header.startswith("#"):
            header = table.readline()
        header = header.split()
        missing = [c for c in required if c not in header]
        if missing:
            raise SweepError(f"{path}: the header lacks {missing}")
        rows = [dict(zip(header, line.split())) for line in table
                if line.strip() and not line.startswith("#")]
    if networks is not None:
        known = {row["network"] for row in rows}
        unknown = [n for n in networks if n not in known]
        if unknown:
            raise SweepError(f"{path}: no network {unknown} (has "
                             f"{sorted(known)})")
    result, taken = [], {}
    for line, row in enumerate(rows, start=2):
        if networks is not None and row["network"] not in networks:
            continue
        if limit is not None and taken.get(row["network"], 0) >= limit:
            continue
        taken[row["network"]] = taken.get(row["network"], 0) + 1
        try:
            result.append(workload_from_row(row))
        except ValueError as error:
            raise SweepError(f"{path}:{line}: {error}") from None
    return result


def network_from_mlir(source, name=None):
    """The workloads of every linalg op of an MLIR module that Accel can
    model (contractions and convolutions; element-wise ops are skipped), in
    order. ``source`` is a path or the MLIR text; names are
    ``name/index``."""
    text = source
    if hasattr(source, "__fspath__") or (isinstance(source, str) and
                                         "\n" not in source and
                                         os.path.exists(source)):
        with open(source) as file:
            text = file.read()
        if name is None:
            name = os.path.splitext(os.path.basename(str(source)))[0]
    name = name or "module"
    result, index = [], 0
    while True:
        try:
            layer = _accel.Workload.from_mlir(text, index)
        except _accel.Error as error:
            if "there is no op" in str(error):
                break
            if "cannot parse" in str(error):
                raise
            index += 1
            continue
        result.append(_renamed(layer, f"{name}/{index}"))
        index += 1
    return result


def _renamed(layer, name):
    """A copy of layer called name (through its pickled state)."""
    state = layer.__getstate__()
    copy = _accel.Workload.__new__(_accel.Workload)
    copy.__setstate__((name,) + tuple(state[1:]))
    return copy


# --------------------------------------------------------------------------
# Architectures


def _architecture_point(spec, index):
    """(name, parameters, source) of one architecture argument; source is
    what a worker loads: a bundled name or MLIR text."""
    if isinstance(spec, _design.Design):
        return spec.name, spec.describe(), spec.to_mlir()
    if hasattr(spec, "__fspath__"):
        spec = str(spec)
    if isinstance(spec, str):
        from . import BUNDLED_ARCHITECTURES
        if spec in BUNDLED_ARCHITECTURES:
            return spec, {}, spec
        if "accel.arch" in spec:
            text = spec
        elif os.path.exists(spec):
            with open(spec) as file:
                text = file.read()
        else:
            raise SweepError(f"architectures[{index}]: '{spec}' is neither a "
                             f"bundled architecture nor a file")
        return _accel.Architecture.load(text).name, {}, text
    raise SweepError(f"architectures[{index}]: expected an accel.design."
                     f"Design, a bundled name or an .mlir path, got "
                     f"{type(spec).__name__} (an Architecture object cannot "
                     f"be sent to workers)")


# --------------------------------------------------------------------------
# One point


def _point_key(task):
    text = json.dumps([task["source"], repr(task["workload"].__getstate__()),
                       task["objective"], task["search"]], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def evaluate_point(task):
    """Searches one (architecture, workload) point; a plain-data row.
    Module-level so that Dask can send it to workers."""
    import accel
    layer = task["workload"]
    row = {"architecture": task["name"], "workload": layer.name,
           "macs": layer.macs}
    row.update({f"arch.{k}": v for k, v in task["parameters"].items()})
    try:
        arch = accel.architecture(task["source"])
        found = accel.search(arch, layer, objective=task["objective"],
                             threads=1, **task["search"])
    except accel.Error as error:
        row.update(valid=False, reason=str(error))
        return row
    result = found.result
    row.update(valid=bool(result.valid), status=found.status,
               evaluations=found.evaluations)
    if not result.valid:
        row["reason"] = result.reason
        return row
    details = result.to_dict()
    area = details["compute"]["area_um2"] + sum(
        level["area_um2"] for level in details["levels"])
    row.update(energy_pj=result.energy_pj, cycles=result.cycles,
               edp=result.edp, pj_per_mac=result.energy_pj / layer.macs,
               utilization=result.utilization, area_um2=area,
               mapping=found.mapping.to_attr())
    for level in details["levels"]:
        row[f"energy.{level['name']}"] = level["energy_pj"]
    row[f"energy.{details['compute']['name']}"] = \
        details["compute"]["energy_pj"]
    return row


def evaluate_points(tasks):
    """evaluate_point over a chunk of tasks (one Dask task each chunk, so
    scheduling costs little next to the searches)."""
    return [evaluate_point(task) for task in tasks]


# --------------------------------------------------------------------------
# Checkpoints


def _read_checkpoint(path):
    """key -> row of a JSON-lines checkpoint; a torn last line (the sweep
    was killed while writing it) is ignored."""
    rows = {}
    if not path or not os.path.exists(path):
        return rows
    with open(path) as file:
        for line in file:
            try:
                entry = json.loads(line)
                rows[entry["key"]] = entry["row"]
            except (ValueError, KeyError, TypeError):
                continue
    return rows


class _CheckpointWriter:
    def __init__(self, path):
        self.file = open(path, "a") if path else None
        if self.file and self.file.tell():
            # Start on a fresh line if a killed run left half of one.
            with open(path, "rb") as existing:
                existing.seek(-1, os.SEEK_END)
                if existing.read(1) != b"\n":
                    self.file.write("\n")

    def write(self, key, row):
        if not self.file:
            return
        self.file.write(json.dumps({"key": key, "row": row}) + "\n")
        self.file.flush()
        os.fsync(self.file.fileno())

    def close(self):
        if self.file:
            self.file.close()


def _jsonable(row):
    """The row as a checkpoint stores and reads it back, so that fresh and
    resumed rows are alike to the type (non-finite numbers become None)."""
    clean = {k: (None if isinstance(v, float) and not math.isfinite(v)
                 else v) for k, v in row.items()}
    return json.loads(json.dumps(clean))


# --------------------------------------------------------------------------
# The sweep


_SEARCH_KEYS = {"strategy", "budget", "time_limit", "victory", "seed",
                "constraints", "exact", "imperfect"}


def _progress_bar(total, enabled, initial):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, initial=initial, unit="point", smoothing=0.05)


def _chunk_size(points, client):
    """Points per Dask task: enough to amortize scheduling (a few ms per
    task), few enough that every worker gets about eight tasks (load
    balance, and little to redo if a worker dies)."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    return max(1, min(16, points // (8 * workers)))


def _connect(client):
    if client is None or not isinstance(client, str):
        return client, False
    from dask.distributed import Client
    return Client(client), True


def sweep(architectures, workloads, objective="edp", client=None,
          checkpoint=None, progress=True, search=None, chunk=None):
    """One row per (architecture, workload): see the module documentation.

    architectures: accel.design.Design objects, bundled names, .mlir paths
      or accel.arch MLIR text. workloads: accel.Workload objects (e.g. from
      layers_from_table or network_from_mlir).
    objective: as accel.search. client: None (serial), a
      dask.distributed.Client, or a scheduler address. checkpoint: a
      JSON-lines path to resume from and append to. progress: a tqdm bar.
    search: options for accel.search (budget, seed, strategy, imperfect,
      ...); time_limit makes rows depend on machine speed, so prefer budget.
    chunk: points per Dask task (default: up to 16, about eight tasks per
      worker); rows do not depend on it.
    """
    import pandas

    if isinstance(architectures, (str, _design.Design)):
        architectures = [architectures]
    if isinstance(workloads, _accel.Workload):
        workloads = [workloads]
    architectures, workloads = list(architectures), list(workloads)
    if not architectures:
        raise SweepError("sweep(): 'architectures' is empty")
    if not workloads:
        raise SweepError("sweep(): 'workloads' is empty")
    for index, layer in enumerate(workloads):
        if not isinstance(layer, _accel.Workload):
            raise SweepError(f"sweep(): workloads[{index}] is a "
                             f"{type(layer).__name__}, not an "
                             f"accel.Workload")
    search = dict(search or {})
    unknown = set(search) - _SEARCH_KEYS
    if unknown:
        raise SweepError(f"sweep(): unknown search option(s) "
                         f"{sorted(unknown)} (known: "
                         f"{sorted(_SEARCH_KEYS)})")
    if chunk is not None and (isinstance(chunk, bool) or
                              not isinstance(chunk, int) or chunk < 1):
        raise SweepError(f"sweep(): 'chunk' must be a positive integer, got "
                         f"{chunk!r}")
    if not isinstance(objective, str):
        raise SweepError("sweep(): 'objective' must be a string such as "
                         "'edp' or 'delay,energy'")

    points = [_architecture_point(spec, i)
              for i, spec in enumerate(architectures)]
    names = [p[0] for p in points]
    if len(set(names)) != len(names):
        duplicate = sorted({n for n in names if names.count(n) > 1})
        raise SweepError(f"sweep(): architecture names must differ; "
                         f"{duplicate} repeat")
    tasks = [{"name": name, "parameters": parameters, "source": source,
              "workload": layer, "objective": objective, "search": search}
             for name, parameters, source in points for layer in workloads]
    keys = [_point_key(task) for task in tasks]
    done = _read_checkpoint(checkpoint)
    rows = {key: done[key] for key in keys if key in done}
    pending = [(key, task) for key, task in zip(keys, tasks)
               if key not in rows]

    bar = _progress_bar(len(tasks), progress, len(tasks) - len(pending))
    writer = _CheckpointWriter(checkpoint)
    client, owned = _connect(client)
    try:
        if client is None:
            for key, task in pending:
                rows[key] = _jsonable(evaluate_point(task))
                writer.write(key, rows[key])
                if bar:
                    bar.update()
        elif pending:
            from dask.distributed import as_completed
            size = chunk or _chunk_size(len(pending), client)
            chunks = [pending[i:i + size]
                      for i in range(0, len(pending), size)]
            futures = client.map(
                evaluate_points, [[t for _, t in c] for c in chunks],
                key=[f"accel-dse-{c[0][0]}-{len(c)}" for c in chunks],
                pure=False, retries=2)
            chunk_of = {future.key: c for future, c in zip(futures, chunks)}
            for future in as_completed(futures):
                for (key, _), row in zip(chunk_of[future.key],
                                         future.result()):
                    rows[key] = _jsonable(row)
                    writer.write(key, rows[key])
                if bar:
                    bar.update(len(chunk_of[future.key]))
                future.release()
    finally:
        writer.close()
        if bar:
            bar.close()
        if owned:
            client.close()
    return pandas.DataFrame([rows[key] for key in keys])


# --------------------------------------------------------------------------
# Command line: python3 -m accel.dse SPEC.yaml


if __name__ == "__main__":
    from ._dse_cli import main
    raise SystemExit(main())
