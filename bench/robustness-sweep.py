#!/usr/bin/env python3
"""Robustness sweep: every layer of the shared layer table mapped onto every
bundled architecture, each search in a watched worker process, so that a
crash or a hang is counted (and named) instead of ending the sweep.

    PYTHONPATH=build/python python3 bench/robustness-sweep.py \
        [--layers ../shared/workloads/layers.tsv] [--budget 2000] \
        [--workers 2] [--timeout 120]

Prints, per architecture: layers, mapped, no valid mapping (a legitimate
answer: a layer too big for a buffer), errors, crashes and hangs, and the
time; then every failure. Exits non-zero on any crash, hang or error.
"""

import argparse
import collections
import concurrent.futures
import multiprocessing
import os
import sys
import time

ARCHS = ["eyeriss_like", "simple_weight_stationary", "simple_output_stationary",
         "edge_systolic", "cloud_array"]


def read_layers(path):
    with open(path) as table:
        header = table.readline().split()
        return [dict(zip(header, line.split())) for line in table
                if line.strip()]


def search_one(task):
    """Runs in a worker: (arch, index, row, budget) -> (kind, detail)."""
    import accel
    import accel.dse
    arch_name, index, row, budget = task
    try:
        arch = accel.architecture(arch_name)
        layer = accel.dse.workload_from_row(row)
        found = accel.search(arch, layer, budget=budget, threads=1)
        result = found.result
        if not result.valid or result.cycles < 1:
            return "error", f"invalid result {result!r}"
        return "mapped", f"{result.utilization:.3f}"
    except accel.Error as error:
        text = str(error)
        if text.startswith("no valid mapping"):
            return "no-mapping", text
        return "error", text
    except Exception as error:  # noqa: BLE001 (reported, not hidden)
        return "error", f"{type(error).__name__}: {error}"


def run_watched(tasks, workers, timeout):
    """(task, (kind, detail)) for every task. Tasks run in worker processes;
    when one dies (a crash) or overruns `timeout` (a hang), the tasks in
    flight are rerun one per process to name the culprit."""
    context = multiprocessing.get_context("spawn")
    pending = list(tasks)
    while pending:
        batch, pending = pending[:64], pending[64:]
        suspects = []
        executor = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context)
        futures = [(task, executor.submit(search_one, task)) for task in batch]
        for task, future in futures:
            try:
                yield task, future.result(timeout=timeout)
            except concurrent.futures.TimeoutError:
                suspects.append(task)
            except concurrent.futures.process.BrokenProcessPool:
                suspects.append(task)
        for process in list(executor._processes.values()):
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)
        for task in suspects:
            single = concurrent.futures.ProcessPoolExecutor(
                1, mp_context=context)
            try:
                yield task, single.submit(search_one, task).result(
                    timeout=timeout)
            except concurrent.futures.TimeoutError:
                yield task, ("hang", f"no answer in {timeout} s")
            except concurrent.futures.process.BrokenProcessPool:
                yield task, ("crash", "the worker process died")
            finally:
                for process in list(single._processes.values()):
                    process.kill()
                single.shutdown(wait=False, cancel_futures=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layers", default=os.path.join(
        here, "..", "..", "shared", "workloads", "layers.tsv"))
    parser.add_argument("--budget", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--archs", default=",".join(ARCHS))
    args = parser.parse_args()

    rows = read_layers(args.layers)
    failures = []
    totals = collections.Counter()
    print("| architecture | layers | mapped | no valid mapping | errors | "
          "crashes | hangs | wall s |")
    print("|---|---|---|---|---|---|---|---|")
    for arch_name in args.archs.split(","):
        counts = collections.Counter()
        start = time.monotonic()
        tasks = [(arch_name, i, row, args.budget) for i, row in enumerate(rows)]
        for task, (kind, detail) in run_watched(tasks, args.workers,
                                                args.timeout):
            counts[kind] += 1
            if kind in ("error", "crash", "hang"):
                row = task[2]
                failures.append((arch_name, row["network"], row["layer"],
                                 kind, detail))
        seconds = time.monotonic() - start
        totals.update(counts)
        print(f"| {arch_name} | {len(rows)} | {counts['mapped']} | "
              f"{counts['no-mapping']} | {counts['error']} | "
              f"{counts['crash']} | {counts['hang']} | {seconds:.0f} |",
              flush=True)
    for failure in failures:
        print("FAILED:", *failure, sep=" ")
    bad = totals["error"] + totals["crash"] + totals["hang"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
