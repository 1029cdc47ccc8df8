#!/usr/bin/env python3
"""Optuna's default sampler (TPE) on Accel's mapspace against accel.search,
at equal model-evaluation counts, on five layers (docs/performance.md).

Each Optuna trial is one model evaluation (pruned trials included), so
n_trials = N is compared with accel.search(budget=N, threads=1). Prints per
layer and budget: best EDP of each, the ratio Optuna / search (> 1: search
better), the wall time of each, and how many Optuna trials were pruned
(invalid mappings). RandomSampler runs too, as the floor a sampler should
beat.

    PYTHONPATH=build/python python3 bench/optuna-vs-search.py \
        [--budgets 200,1000] [--arch eyeriss_like]
"""

import argparse
import time

import accel
import accel.tuning
import optuna

LAYERS = {
    "resnet18.conv2_1": lambda: accel.conv2d(M=64, C=64, P=56, Q=56, R=3, S=3),
    "resnet18.conv5_2": lambda: accel.conv2d(M=512, C=512, P=7, Q=7, R=3, S=3),
    "mobilenetv3.pw": lambda: accel.conv2d(M=72, C=24, P=56, Q=56),
    "vit.mlp1": lambda: accel.matmul(197, 3072, 768),
    "gpt2.attn_proj": lambda: accel.matmul(1024, 768, 768),
}


def run_optuna(arch, layer, n, sampler):
    start = time.perf_counter()
    _, result, study = accel.tuning.tune(arch, layer, n, sampler=sampler)
    seconds = time.perf_counter() - start
    pruned = sum(1 for t in study.trials
                 if t.state == optuna.trial.TrialState.PRUNED)
    edp = result.energy_pj * result.cycles if result else float("inf")
    return edp, seconds, pruned


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budgets", default="200,1000")
    parser.add_argument("--arch", default="eyeriss_like")
    parser.add_argument("--layers", default=",".join(LAYERS))
    parser.add_argument("--no-tpe", action="store_true",
                        help="random sampler only (TPE's cost per trial "
                             "grows with the trial count)")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    arch = accel.architecture(args.arch)
    budgets = [int(b) for b in args.budgets.split(",")]
    print(f"{'layer':18} {'N':>6} {'sampler':7} {'EDP':>11} {'search EDP':>11} "
          f"{'ratio':>7} {'time s':>8} {'search s':>8} {'pruned':>7}")
    for name in args.layers.split(","):
        layer = LAYERS[name]()
        for n in budgets:
            start = time.perf_counter()
            searched = accel.search(arch, layer, budget=n, threads=1, seed=1)
            search_seconds = time.perf_counter() - start
            search_edp = searched.result.energy_pj * searched.result.cycles
            samplers = [("random", optuna.samplers.RandomSampler(seed=1))]
            if not args.no_tpe:
                samplers.insert(0, ("tpe", optuna.samplers.TPESampler(seed=1)))
            for label, sampler in samplers:
                edp, seconds, pruned = run_optuna(arch, layer, n, sampler)
                print(f"{name:18} {n:6} {label:7} {edp:11.4e} "
                      f"{search_edp:11.4e} {edp / search_edp:7.2f} "
                      f"{seconds:8.2f} {search_seconds:8.3f} {pruned:7}",
                      flush=True)


if __name__ == "__main__":
    main()
