#!/usr/bin/env python3
"""Sweep throughput: N generated designs x every ResNet-18 layer, serial and
on a LocalCluster of W worker processes. Prints design-layer evaluations
(one mapper search each) per second, per core, the model evaluations per
second inside them, peak memory, and whether the two runs agree row for row.

    PYTHONPATH=build/python python3 bench/dse-sweep-bench.py \
        [--designs 1000] [--workers 2] [--budget 1000] [--skip-serial]

Designs: PE arrays of 10 shapes x 5 global-buffer sizes x 3 dataflows x 4
technology nodes x 2 DRAM types (the first N of these 1,200).
"""

import argparse
import itertools
import os
import resource
import time

import accel
import accel.dse as dse
from accel.design import DATAFLOWS, generate

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "examples", "networks", "layers.tsv")

SHAPES = [(8, 8), (16, 8), (8, 16), (16, 16), (32, 8), (8, 32), (32, 16),
          (16, 32), (32, 32), (64, 16)]


def designs(count):
    grid = itertools.product(SHAPES, (32, 64, 128, 256, 512), DATAFLOWS,
                             (45, 28, 16, 7), ("LPDDR4", "HBM2"))
    result = []
    for (x, y), kib, dataflow, node, dram in itertools.islice(grid, count):
        name = f"d{len(result):04d}"
        result.append(generate(pe_x=x, pe_y=y, glb_kib=kib,
                               dataflow=dataflow, node_nm=node, dram=dram,
                               name=name))
    return result


def peak_rss_mib():
    """This process's peak resident memory (VmHWM: per address space, so a
    spawned worker does not inherit its parent's figure as ru_maxrss
    does)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def worker_peak_mib(client):
    return max(client.run(peak_rss_mib).values())


def report(label, table, seconds, cores, memory):
    points = len(table)
    evaluations = table["evaluations"].sum()
    print(f"| {label} | {points} | {seconds:.1f} | {points / seconds:.1f} | "
          f"{points / seconds / cores:.1f} | "
          f"{evaluations / seconds / cores / 1e3:.0f}k | {memory:.0f} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--designs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--budget", type=int, default=1000)
    parser.add_argument("--skip-serial", action="store_true")
    args = parser.parse_args()

    archs = designs(args.designs)
    layers = dse.layers_from_table(TABLE, networks=["resnet18"])
    search = {"budget": args.budget, "seed": 1, "imperfect": False}
    print(f"{len(archs)} designs x {len(layers)} ResNet-18 layers, "
          f"budget {args.budget} evaluations per search, divisors only\n")
    print("| run | points | seconds | points/s | points/s/core | "
          "model evals/s/core | peak MiB/process |")
    print("|---|---|---|---|---|---|---|")
    serial = None
    if not args.skip_serial:
        start = time.perf_counter()
        serial = dse.sweep(archs, layers, search=search, progress=False)
        report("serial", serial, time.perf_counter() - start, 1,
               peak_rss_mib())
    from dask.distributed import Client, LocalCluster
    with LocalCluster(n_workers=args.workers, threads_per_worker=1,
                      processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter()
        parallel = dse.sweep(archs, layers, search=search, client=client,
                             progress=False)
        seconds = time.perf_counter() - start
        report(f"Dask, {args.workers} workers", parallel, seconds,
               args.workers, worker_peak_mib(client))
    if serial is not None:
        same = serial.drop(columns=[]).equals(parallel)
        print(f"\nserial and Dask tables identical: {same}")


if __name__ == "__main__":
    main()
