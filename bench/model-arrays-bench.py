#!/usr/bin/env python3
"""Model evaluations per second (one thread) on random mappings of one
ResNet-18 layer (M128 C64 P28 Q28) onto three bundled architectures whose
arrays differ in size: eyeriss_like (14 x 12 PEs), edge_systolic (16 x 16)
and cloud_array (64 x 64). The cost of grouping a fanout's children grows
with the array; accel-model-bench covers the Timeloop reference mappings.

    PYTHONPATH=build/python python3 bench/model-arrays-bench.py
"""

import os
import time

import accel


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "examples", "networks",
                           "resnet18.mlir")) as file:
        workload = accel.from_mlir(file.read(), 7)
    print(f"{workload!r}, 3,000 random mappings, best of 3 runs")
    for name in ("eyeriss_like", "edge_systolic", "cloud_array"):
        arch = accel.architecture(name)
        mappings = accel.random_mappings(arch, workload, 3000, seed=3)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            accel.evaluate_batch(arch, workload, mappings, threads=1)
            best = min(best, time.perf_counter() - start)
        print(f"{name}: {len(mappings) / best:,.0f} evaluations/s")


if __name__ == "__main__":
    main()
