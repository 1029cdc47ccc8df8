"""Autotuner adapters and pictures."""

import math

import accel
import accel.adapters
import accel.plot


def candidates():
    arch = accel.architecture("eyeriss_like")
    layer = accel.matmul(64, 64, 64)
    return arch, layer, accel.random_mappings(arch, layer, 300, seed=11)


def test_tvm_predict_ranks_by_the_objective():
    arch, layer, mappings = candidates()
    model = accel.adapters.TVMCostModel(arch, layer, to_mapping=lambda m: m)
    scores = list(model.predict(mappings))
    costs = model.costs(mappings)
    assert len(scores) == len(mappings)
    assert max(scores) == 1.0
    valid = [i for i, c in enumerate(costs) if math.isfinite(c)]
    assert valid
    # Larger score, smaller cost; invalid candidates score zero.
    for i in valid:
        for j in valid:
            if costs[i] < costs[j]:
                assert scores[i] > scores[j]
    assert all(scores[i] == 0 for i, c in enumerate(costs)
               if not math.isfinite(c))
    model.update([], [])


def test_triton_perf_model_predicts_milliseconds():
    arch = accel.architecture("edge_systolic")
    best = accel.search(arch, accel.matmul(32, 32, 32), budget=3000)
    mapping = best.mapping.to_dict()
    perf = accel.adapters.triton_perf_model(
        arch, workload_fn=lambda BLOCK, **_: accel.matmul(32, 32, 32),
        mapping_fn=lambda **_: mapping, clock_ghz=2.0)
    ms = perf(BLOCK=32, num_warps=4)
    assert math.isclose(ms, best.result.cycles / 2e9 * 1e3)
    innermost = arch.levels[-1]["name"]
    bad = accel.adapters.triton_perf_model(
        arch, workload_fn=lambda **_: accel.matmul(32, 32, 32),
        mapping_fn=lambda **_: {innermost: {"temporal": [("M", 32), ("N", 32), ("K", 32)]}})
    assert bad() == math.inf


def test_plots_are_written(tmp_path):
    arch, layer, mappings = candidates()
    results = accel.evaluate_batch(arch, layer, mappings)
    best = accel.search(arch, layer, budget=5000)
    breakdown = tmp_path / "breakdown.png"
    space = tmp_path / "space.png"
    accel.plot.energy_breakdown(best.result, breakdown)
    accel.plot.mapspace(results, space, highlight=best.result)
    assert breakdown.stat().st_size > 5000
    assert space.stat().st_size > 5000


def test_pareto_front():
    points = [(5, 1), (4, 2), (6, 2), (3, 5), (3.5, 4), (1, 10)]
    assert accel.plot.pareto_front(points) == [(5, 1), (4, 2), (3.5, 4),
                                               (3, 5), (1, 10)]
