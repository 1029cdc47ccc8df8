"""accel.tuning: Accel's mapspace as an Optuna search space."""

import math

import pytest

import accel
import accel.tuning

optuna = pytest.importorskip("optuna")
optuna.logging.set_verbosity(optuna.logging.WARNING)


@pytest.fixture
def arch():
    return accel.architecture("simple_weight_stationary")


@pytest.fixture
def roomy(tmp_path):
    """Buffers large enough that most suggestions are valid."""
    path = tmp_path / "roomy.mlir"
    path.write_text("""
accel.arch @roomy {
  accel.storage @DRAM {technology = "dram"}
  accel.storage @buf {entries = 4096}
  accel.fanout @PE {x = 4, y = 4}
  accel.storage @reg {entries = 256}
  accel.compute @mac {}
}
""")
    return accel.architecture(str(path))


def factor_products(levels, dims):
    """Per dimension, the product of its factors over every loop."""
    product = {dim: 1 for dim in dims}
    for entry in levels.values():
        for kind in ("temporal", "spatial_x", "spatial_y"):
            for dim, factor in entry.get(kind, []):
                product[dim] *= factor
    return product


def test_every_suggestion_factorises_each_dimension(arch):
    layer = accel.conv2d(M=24, C=12, P=14, Q=14, R=3, S=3)
    space = accel.tuning.OptunaMapspace(arch, layer)
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=3))
    for _ in range(50):
        trial = study.ask()
        levels = space.mapping_dict(space.decisions(trial))
        assert factor_products(levels, layer.dimensions) == layer.dimensions
        study.tell(trial, 0.0)


def test_fixed_trial_gives_the_mapping_written_by_hand(arch):
    # M = 4 = 2 x 2, N = 6 = 2 x 3, K = 2.
    layer = accel.matmul(4, 6, 2)
    space = accel.tuning.OptunaMapspace(arch, layer)
    params = {"M.0": "DRAM", "M.1": "PE.x", "N.0": "shared_glb",
              "N.1": "PE.y", "K.0": "pe_spad"}
    for level in space.storage:
        for i, dim in enumerate(["K", "M", "N"]):
            params[f"{level}.order.{dim}"] = i / 10  # K outside M outside N
    # The architecture fixes keep / bypass below the global buffer; the
    # global buffer's are free: keep A and C, bypass B.
    assert sorted(space.free_keeps) == [("shared_glb", "A"),
                                        ("shared_glb", "B"),
                                        ("shared_glb", "C")]
    params.update({"shared_glb.keep.A": True, "shared_glb.keep.B": False,
                   "shared_glb.keep.C": True})
    levels = space.mapping_dict(space.decisions(
        optuna.trial.FixedTrial(params)))
    assert levels["DRAM"]["temporal"] == [("M", 2)]
    assert levels["shared_glb"]["temporal"] == [("N", 2)]
    assert levels["shared_glb"]["keep"] == ["A", "C"]
    assert levels["shared_glb"]["bypass"] == ["B"]
    assert levels["PE"]["spatial_x"] == [("M", 2)]
    assert levels["PE"]["spatial_y"] == [("N", 3)]
    assert levels["pe_spad"]["temporal"] == [("K", 2)]
    # Roles resolved: the spad keeps the weights (B) only.
    assert levels["pe_spad"]["keep"] == ["B"]
    # It is a valid mapping, and the adapter scores it as evaluate does.
    mapping = accel.mapping(arch, layer, levels)
    result = accel.evaluate(arch, layer, mapping)
    assert result.valid, result.reason
    value = space.objective(optuna.trial.FixedTrial(params))
    assert value == pytest.approx(result.energy_pj * result.cycles)


def test_invalid_mappings_are_pruned_not_scored(arch):
    # 17 and 19 are prime: any slot but a buffer that fits overflows it,
    # and a prime over 16 on a 16-wide fanout axis is invalid.
    layer = accel.matmul(17, 19, 64)
    space = accel.tuning.OptunaMapspace(arch, layer)
    params = {"M.0": "PE.x", "N.0": "DRAM"}
    for i in range(6):
        params[f"K.{i}"] = "DRAM"
    for level in space.storage:
        for dim in ("M", "N", "K"):
            params[f"{level}.order.{dim}"] = 0.5
    for level, tensor in space.free_keeps:
        params[f"{level}.keep.{tensor}"] = True
    with pytest.raises(optuna.TrialPruned):
        space.objective(optuna.trial.FixedTrial(params))
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=1))
    study.optimize(space.objective, n_trials=40)
    pruned = [t for t in study.trials
              if t.state == optuna.trial.TrialState.PRUNED]
    assert pruned and all(t.value is None for t in pruned)


def test_tune_returns_the_best_completed_trial(roomy):
    arch = roomy
    layer = accel.matmul(8, 12, 16)
    mapping, result, study = accel.tuning.tune(arch, layer, 60, seed=2)
    complete = [t for t in study.trials
                if t.state == optuna.trial.TrialState.COMPLETE]
    assert complete
    space = accel.tuning.OptunaMapspace(arch, layer)
    # Recomputed independently of the study's bookkeeping.
    costs = []
    for trial in complete:
        _, r = space.evaluate(optuna.trial.FixedTrial(trial.params))
        costs.append(r.energy_pj * r.cycles)
    assert result.energy_pj * result.cycles == pytest.approx(min(costs))
    assert accel.evaluate(arch, layer, mapping).cycles == result.cycles


def test_same_seed_same_study(roomy):
    layer = accel.matmul(8, 12, 16)
    _, first, _ = accel.tuning.tune(roomy, layer, 30, seed=5)
    _, second, _ = accel.tuning.tune(roomy, layer, 30, seed=5)
    assert first.energy_pj == second.energy_pj
    assert first.cycles == second.cycles


def test_unknown_objective_is_an_error(arch):
    with pytest.raises(accel.Error, match="unknown objective 'speed'"):
        accel.tuning.OptunaMapspace(arch, accel.matmul(2, 2, 2), "speed")
