#!/usr/bin/env python3
"""Throughput of accel.score_batch and accel.evaluate_batch from Python
(evaluations per second), against one accel.evaluate call per mapping.

    PYTHONPATH=build/python python3 bench/python-batch-bench.py
"""

import time

import numpy  # noqa: F401  (imported up front: score_batch needs it)

import accel


def rate(count, seconds):
    return f"{count / seconds:>10,.0f} evals/s"


def main():
    arch = accel.architecture("eyeriss_like")
    layer = accel.conv2d(M=128, C=128, P=28, Q=28, R=3, S=3)
    mappings = accel.random_mappings(arch, layer, 100000, seed=1)
    print(f"{len(mappings)} random mappings of {layer} on {arch}")

    subset = mappings[:10000]
    start = time.perf_counter()
    for m in subset:
        accel.evaluate(arch, layer, m)
    loop = time.perf_counter() - start
    print(f"one evaluate() call each, 10,000 mappings: {loop:6.2f} s "
          f"{rate(len(subset), loop)}")

    for function in (accel.score_batch, accel.evaluate_batch):
        for threads in (1, 0):
            for batch in (subset, mappings):
                start = time.perf_counter()
                function(arch, layer, batch, threads=threads)
                seconds = time.perf_counter() - start
                label = "all cores" if threads == 0 else f"{threads} thread"
                print(f"{function.__name__:>14}, {label:>9}, "
                      f"{len(batch):>7,} mappings: {seconds:6.2f} s "
                      f"{rate(len(batch), seconds)}")


if __name__ == "__main__":
    main()
