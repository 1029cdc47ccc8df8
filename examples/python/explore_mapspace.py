#!/usr/bin/env python3
"""Explore the mapspace of one ResNet-18 layer on the bundled Eyeriss-like
accelerator: 20,000 random mappings scored in one call, the mapper's choice,
and two pictures (the energy breakdown of the chosen mapping, and every
mapping's energy against cycles with the Pareto front).

    PYTHONPATH=build/python python3 examples/python/explore_mapspace.py [outdir]
"""

import os
import sys
import time

import accel
import accel.plot

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)

arch = accel.architecture("eyeriss_like")
layer = accel.conv2d(M=128, C=128, P=28, Q=28, R=3, S=3)  # ResNet-18 layer 7

start = time.perf_counter()
mappings = accel.random_mappings(arch, layer, 20000, seed=1)
results = accel.evaluate_batch(arch, layer, mappings)
elapsed = time.perf_counter() - start
valid = [r for r in results if r.valid]
print(f"{len(results)} random mappings scored in {elapsed:.2f} s, "
      f"{len(valid)} valid")

best = accel.search(arch, layer, objective="edp")
print(f"mapper ({best.status}, {best.evaluations} evaluations): "
      f"{best.result.energy_pj * 1e-6:.1f} uJ, {best.result.cycles} cycles, "
      f"{best.result.fj_per_mac / 1000:.3f} pJ/MAC")
random_best = min(valid, key=lambda r: r.edp)
print(f"best random mapping: EDP {random_best.edp / best.result.edp:.2f}x "
      f"the mapper's")

accel.plot.energy_breakdown(best.result,
                            os.path.join(out, "energy-breakdown.png"))
accel.plot.mapspace(valid, os.path.join(out, "mapspace.png"),
                    title="ResNet-18 layer 7 on eyeriss_like",
                    highlight=best.result)
print(f"wrote {out}/energy-breakdown.png and {out}/mapspace.png")
