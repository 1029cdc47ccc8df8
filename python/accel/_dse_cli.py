"""``python3 -m accel.dse SPEC.yaml``: a sweep described in YAML.

The spec (docs/dse.md)::

    objective: edp                 # or energy, delay, "delay,energy", ...
    search: {budget: 3000, seed: 1, imperfect: false}
    architectures:
      bundled: [eyeriss_like, edge_systolic]
      files: [my_design.mlir]      # relative to the spec
      generate:                    # every combination of the lists
        pe: [[16, 16], [32, 8]]    # x, y
        glb_kib: [128, 512]
        dataflow: [weight_stationary, row_stationary]
        node_nm: [45]
        dram: [LPDDR4]
    workloads:
      - table: layers.tsv          # a layer table
        networks: [resnet18]
        limit: 8                   # first layers of each network
      - mlir: resnet18.mlir        # every modelable linalg op of a module
"""

import argparse
import itertools
import os
import sys

_GENERATE_KEYS = {"pe": [[16, 16]], "glb_kib": [256],
                  "dataflow": ["weight_stationary"], "node_nm": [45],
                  "dram": ["LPDDR4"], "word_bits": [8],
                  "glb_width_bits": [128], "glb_banks": [4]}


class SpecError(ValueError):
    pass


def _list(value, where):
    if not isinstance(value, list):
        raise SpecError(f"{where}: expected a list, got {value!r}")
    return value


def _architectures(spec, base):
    from . import design
    section = spec.get("architectures")
    if not isinstance(section, dict) or not section:
        raise SpecError("architectures: expected a mapping with bundled, "
                        "files and/or generate")
    unknown = set(section) - {"bundled", "files", "generate"}
    if unknown:
        raise SpecError(f"architectures: unknown key(s) {sorted(unknown)}")
    result = list(_list(section.get("bundled", []), "architectures.bundled"))
    for path in _list(section.get("files", []), "architectures.files"):
        result.append(os.path.join(base, str(path)))
    generate = section.get("generate")
    if generate is not None:
        if not isinstance(generate, dict):
            raise SpecError("architectures.generate: expected a mapping of "
                            "parameter lists")
        unknown = set(generate) - set(_GENERATE_KEYS)
        if unknown:
            raise SpecError(f"architectures.generate: unknown parameter(s) "
                            f"{sorted(unknown)} (known: "
                            f"{sorted(_GENERATE_KEYS)})")
        lists = {k: _list(generate.get(k, default),
                          f"architectures.generate.{k}")
                 for k, default in _GENERATE_KEYS.items()}
        for values in itertools.product(*lists.values()):
            point = dict(zip(lists, values))
            pe = point.pop("pe")
            if (not isinstance(pe, list) or len(pe) != 2
                    or not all(isinstance(v, int) for v in pe)):
                raise SpecError(f"architectures.generate.pe: each entry must "
                                f"be [x, y], got {pe!r}")
            try:
                result.append(design.generate(pe_x=pe[0], pe_y=pe[1],
                                              **point))
            except design.DesignError as error:
                raise SpecError(f"architectures.generate: {error}") from None
    return result


def _workloads(spec, base):
    from . import dse
    result = []
    for index, entry in enumerate(_list(spec.get("workloads"),
                                        "workloads")):
        where = f"workloads[{index}]"
        if not isinstance(entry, dict):
            raise SpecError(f"{where}: expected a mapping with 'table' or "
                            f"'mlir'")
        if "table" in entry:
            networks = entry.get("networks")
            if networks is not None:
                _list(networks, f"{where}.networks")
            result += dse.layers_from_table(
                os.path.join(base, str(entry["table"])), networks=networks,
                limit=entry.get("limit"))
        elif "mlir" in entry:
            layers = dse.network_from_mlir(
                os.path.join(base, str(entry["mlir"])), name=entry.get("name"))
            result += layers[:entry.get("limit")]
        else:
            raise SpecError(f"{where}: expected 'table' or 'mlir'")
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m accel.dse",
        description="Map every workload of a sweep spec onto every "
                    "architecture; write a CSV (and plots).")
    parser.add_argument("spec", help="the sweep spec (YAML)")
    parser.add_argument("--output", "-o",
                        help="CSV of the rows (default: SPEC's name .csv in "
                             "the current directory)")
    parser.add_argument("--checkpoint",
                        help="JSON-lines checkpoint (default: OUTPUT.jsonl); "
                             "rerunning resumes from it")
    parser.add_argument("--workers", type=int, default=0,
                        help="local Dask worker processes (0: serial, in "
                             "this process)")
    parser.add_argument("--scheduler",
                        help="address of a running Dask scheduler")
    parser.add_argument("--plots", help="directory for PNG plots")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar")
    args = parser.parse_args(argv)
    if args.workers < 0:
        parser.error("--workers must be >= 0")
    if args.workers and args.scheduler:
        parser.error("give --workers or --scheduler, not both")

    import yaml
    from . import dse
    try:
        with open(args.spec) as file:
            spec = yaml.safe_load(file)
        if not isinstance(spec, dict):
            raise SpecError("expected a mapping at the top level")
        unknown = set(spec) - {"objective", "search", "architectures",
                               "workloads"}
        if unknown:
            raise SpecError(f"unknown key(s) {sorted(unknown)}")
        base = os.path.dirname(os.path.abspath(args.spec))
        architectures = _architectures(spec, base)
        workloads = _workloads(spec, base)
    except (OSError, yaml.YAMLError, SpecError, ValueError) as error:
        print(f"{args.spec}: error: {error}", file=sys.stderr)
        return 1

    output = args.output or os.path.splitext(
        os.path.basename(args.spec))[0] + ".csv"
    checkpoint = args.checkpoint or output + ".jsonl"
    client, cluster = None, None
    if args.workers:
        from dask.distributed import Client, LocalCluster
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    elif args.scheduler:
        client = args.scheduler
    print(f"{len(architectures)} architectures x {len(workloads)} workloads "
          f"-> {output}", file=sys.stderr)
    try:
        table = dse.sweep(architectures, workloads,
                          objective=spec.get("objective", "edp"),
                          client=client, checkpoint=checkpoint,
                          progress=not args.no_progress,
                          search=spec.get("search"))
    except (dse.SweepError, ValueError) as error:
        print(f"{args.spec}: error: {error}", file=sys.stderr)
        return 1
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
    table.to_csv(output, index=False)
    if args.plots:
        from . import sweep_plots
        os.makedirs(args.plots, exist_ok=True)
        for path in sweep_plots.all_plots(table, args.plots):
            print(f"wrote {path}", file=sys.stderr)
    invalid = int((~table["valid"].astype(bool)).sum())
    if invalid:
        print(f"note: {invalid} point(s) have no valid mapping (see the "
              f"'reason' column)", file=sys.stderr)
    return 0
