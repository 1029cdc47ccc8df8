#!/usr/bin/env python3
"""How far the default search lands from a long run: every distinct layer of
the bundled ResNet-18 and MobileNetV3 on every bundled architecture, for
every objective. Prints a markdown table per (architecture, objective) and
the worst gap over everything.

    PYTHONPATH=build/python python3 bench/search-quality-bench.py \\
        [--reference search-quality-reference.json] [--threads 2]

The gap of a lexicographic objective is the relative difference at the
first metric where the default's answer and the long run's differ (positive:
the default is worse). The long run is the hybrid search with a victory
condition of --long-victory over --long-seeds seeds other than the
default's (2, 3, ...: a run from the default's seed would repeat the
default's starts), and the reference is the best answer seen for the case: long
runs, this default run and any earlier run recorded in --reference (a
default that beats the long run makes the reference better, so gaps are
never negative). Long runs are costly (hours on 2 cores for everything):
the file, keyed by architecture, objective and layer shape, records which
long runs were done, and later runs skip them (delete the file after
changing the model; use --every for a sample).
"""

import argparse
import json
import os
import time

import accel

OBJECTIVES = ["edp", "energy", "delay", "delay,energy", "energy,delay"]
NETWORKS = ["resnet18", "mobilenet_v3"]


def metric(result, name):
    if name == "edp":
        return result.edp
    if name == "energy":
        return result.energy_pj
    if name == "delay":
        return float(result.cycles)
    raise ValueError(f"no metric '{name}' in this bench")


def value(result, objective):
    return [metric(result, name) for name in objective.split(",")]


def gap(value_, reference):
    """Relative gap at the first metric that differs (0 when equal)."""
    for mine, best in zip(value_, reference):
        if abs(mine - best) > 1e-9 * max(abs(best), 1e-300):
            return (mine - best) / best
    return 0.0


def layers(path):
    """(shape key, workload) of every distinct layer of an MLIR network."""
    with open(path) as file:
        text = file.read()
    distinct, index = {}, 0
    while True:
        try:
            workload = accel.from_mlir(text, index)
        except Exception:  # past the last op
            break
        state = workload.__getstate__()
        key = json.dumps([state[1], state[2]])
        distinct.setdefault(key, workload)
        index += 1
    return list(distinct.items()), index


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--networks", default=",".join(NETWORKS))
    parser.add_argument("--archs", default=",".join(accel.BUNDLED_ARCHITECTURES))
    parser.add_argument("--objectives", default=";".join(OBJECTIVES),
                        help="semicolon-separated (objectives hold commas)")
    parser.add_argument("--reference", default="search-quality-reference.json")
    parser.add_argument("--long-victory", type=int, default=512)
    parser.add_argument("--long-seeds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--every", type=int, default=1,
                        help="take every n-th distinct layer (quick runs)")
    args = parser.parse_args()

    reference = {}
    if os.path.exists(args.reference):
        with open(args.reference) as file:
            reference = json.load(file)
    long_tag = f"victory={args.long_victory} seeds=2-{args.long_seeds + 1}"

    networks = []
    for name in args.networks.split(","):
        found, ops = layers(os.path.join(here, "..", "examples", "networks",
                                         name + ".mlir"))
        networks.append((name, found[::args.every], ops))
        print(f"{name}: {ops} ops, {len(found)} distinct layers, "
              f"{len(found[::args.every])} benched")

    print("\n| architecture | objective | layers | worst gap | mean gap | "
          "over 1% | statuses | default s | long s |")
    print("|---|---|---|---|---|---|---|---|---|")
    worst = (0.0, "")
    for arch_name in args.archs.split(","):
        arch = accel.architecture(arch_name)
        for objective in args.objectives.split(";"):
            gaps, statuses = [], {}
            default_seconds = long_seconds = 0.0
            for network, found, _ in networks:
                for key, workload in found:
                    start = time.perf_counter()
                    default = accel.search(arch, workload, objective=objective,
                                           threads=args.threads)
                    default_seconds += time.perf_counter() - start
                    statuses[default.status] = statuses.get(default.status,
                                                            0) + 1
                    mine = value(default.result, objective)
                    case = f"{arch_name}|{objective}|{key}"
                    entry = reference.setdefault(case, {"best": mine,
                                                        "long": []})
                    if long_tag not in entry["long"]:
                        start = time.perf_counter()
                        for seed in range(2, args.long_seeds + 2):
                            long = accel.search(
                                arch, workload, objective=objective,
                                victory=args.long_victory, seed=seed,
                                threads=args.threads)
                            entry["best"] = min(entry["best"],
                                                value(long.result, objective))
                        long_seconds += time.perf_counter() - start
                        entry["long"].append(long_tag)
                    entry["best"] = min(entry["best"], mine)
                    layer_gap = gap(mine, entry["best"])
                    gaps.append(layer_gap)
                    if layer_gap > worst[0]:
                        worst = (layer_gap, f"{arch_name}, {objective}, "
                                 f"{network} {workload!r}")
            with open(args.reference, "w") as file:
                json.dump(reference, file, indent=0, sort_keys=True)
            over = sum(1 for g in gaps if g > 0.01)
            status_text = ", ".join(f"{n} {s}" for s, n in
                                    sorted(statuses.items()))
            print(f"| {arch_name} | {objective} | {len(gaps)} | "
                  f"{max(gaps):.2%} | {sum(gaps) / len(gaps):.3%} | {over} | "
                  f"{status_text} | {default_seconds:.1f} | "
                  f"{long_seconds:.1f} |", flush=True)
    print(f"\nworst gap: {worst[0]:.2%}" +
          (f" ({worst[1]})" if worst[1] else ""))


if __name__ == "__main__":
    main()
