"""Batches, searches and modules from Python."""

import os

import accel
from conftest import reference


def test_batch_equals_one_by_one_whatever_the_threads():
    arch = accel.architecture("eyeriss_like")
    layer = accel.conv2d(M=32, C=16, P=28, Q=28, R=3, S=3)
    mappings = accel.random_mappings(arch, layer, 400, seed=7)
    assert len(mappings) == 400
    # And one that cannot fit the 16-entry partial-sum scratchpad.
    mappings.append(accel.mapping(arch, layer, {"psum_spad": {"temporal": [
        ("M", 32), ("C", 16), ("P", 28), ("Q", 28), ("R", 3), ("S", 3)]}}))
    one_by_one = [accel.evaluate(arch, layer, m) for m in mappings]
    for threads in (1, 2, 4):
        batch = accel.evaluate_batch(arch, layer, mappings, threads=threads)
        assert [r.valid for r in batch] == [r.valid for r in one_by_one]
        assert [r.energy_pj for r in batch] == [r.energy_pj for r in one_by_one]
        assert [r.cycles for r in batch] == [r.cycles for r in one_by_one]
    assert any(r.valid for r in one_by_one)
    assert any(not r.valid for r in one_by_one)


def test_ten_thousand_candidates_in_one_call():
    arch = accel.architecture("simple_weight_stationary")
    layer = accel.matmul(128, 128, 128)
    mappings = accel.random_mappings(arch, layer, 10000, seed=3)
    results = accel.evaluate_batch(arch, layer, mappings)
    assert len(results) == 10000
    assert sum(r.valid for r in results) > 100


def test_batch_accepts_dicts():
    arch = accel.architecture("eyeriss_like")
    layer = accel.matmul(16, 16, 16)
    best = accel.search(arch, layer, budget=2000)
    results = accel.evaluate_batch(arch, layer, [best.mapping.to_dict()])
    assert results[0].energy_pj == best.result.energy_pj


def test_exhaustive_search_reaches_timeloop_and_proves_it():
    base = reference("tutorial", "05-mapper-conv1d+oc-3level", "ref",
                     "freebypass")
    arch, workload, _ = accel.load_timeloop(
        os.path.join(base, "parsed-processed-input.yaml"),
        os.path.join(base, "timeloop-mapper.ERT.yaml"),
        os.path.join(base, "timeloop-mapper.ART.yaml"))
    # The free-bypass constraints (of the processed input) are not in the
    # workload/architecture pair, so give the factors here as they are there.
    constraints = {"MainMemory": {"factors": "R=1 P=1 K=1"},
                   "GlobalBuffer": {"factors": "R=1 P=16 K=16"},
                   "RegisterFile": {"factors": "R=3 P=1 K=2"}}
    best = accel.search(arch, workload, objective="delay,energy",
                        strategy="exhaustive", constraints=constraints)
    assert best.status == "optimal"
    assert best.gap == 0
    # Timeloop's mapper: 30263.99 fJ/Compute.
    assert round(best.result.fj_per_mac, 2) == 30263.99


def test_search_is_deterministic_and_honours_constraints():
    arch = accel.architecture("eyeriss_like")
    layer = accel.conv2d(M=64, C=32, P=14, Q=14, R=3, S=3)
    constraints = {"shared_glb": {"factors": "M=2"},
                   "PE_column": {"x_dims": ["Q"]}}
    runs = [accel.search(arch, layer, budget=20000, seed=5, threads=t,
                         constraints=constraints) for t in (1, 2)]
    assert runs[0].mapping.to_dict() == runs[1].mapping.to_dict()
    assert runs[0].result.energy_pj == runs[1].result.energy_pj
    levels = runs[0].mapping.to_dict()
    assert ("M", 2) in levels["shared_glb"]["temporal"]
    assert all(dim == "Q" for dim, _ in levels["PE_column"]["spatial_x"])


def test_map_module_annotates_every_mac_op():
    text = """
    func.func @f(%i: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>, %o: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
      %0 = linalg.conv_2d_nchw_fchw ins(%i, %w : tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) outs(%o : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
      return %0 : tensor<1x16x8x8xf32>
    }"""
    mapped = accel.map_module(text, arch="edge_systolic", budget=5000)
    assert "accel.arch @edge_systolic" in mapped
    assert "accel.mapping = #accel.mapping<@edge_systolic" in mapped
    assert "accel.cost = #accel.cost<" in mapped
    # The mapping in the module evaluates to the cost it carries.
    attr = mapped.split("accel.mapping = ")[1].split(">}")[0] + ">"
    arch = accel.architecture("edge_systolic")
    workload = accel.from_mlir(text)
    result = accel.evaluate(arch, workload, accel.mapping(arch, workload, attr))
    assert result.valid
    assert f"cycles = {result.cycles}," in mapped


def test_score_batch_equals_evaluate_batch():
    arch = accel.architecture("eyeriss_like")
    layer = accel.conv2d(M=16, C=16, P=14, Q=14, R=3, S=3)
    mappings = accel.random_mappings(arch, layer, 300, seed=2)
    mappings.append(accel.mapping(arch, layer, {"psum_spad": {"temporal": [
        ("M", 16), ("C", 16), ("P", 14), ("Q", 14), ("R", 3), ("S", 3)]}}))
    full = accel.evaluate_batch(arch, layer, mappings)
    scores = accel.score_batch(arch, layer, mappings, threads=2)
    assert list(scores["valid"]) == [r.valid for r in full]
    for i, r in enumerate(full):
        if r.valid:
            assert scores["energy_pj"][i] == r.energy_pj
            assert scores["cycles"][i] == r.cycles
            assert scores["edp"][i] == r.edp
        else:
            assert scores["edp"][i] == float("inf")
    assert not scores["valid"][-1]
