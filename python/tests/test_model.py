"""The model from Python: the same numbers as accel-model and Timeloop,
workload and mapping builders, and errors with the model's message."""

import os

import pytest

import accel
from conftest import model_json, reference

# Timeloop's model runs: the processed input holds the mapping.
MODEL_CASES = [
    ("00-model-conv1d-1level", ""),
    ("01-model-conv1d-2level", "os"),
    ("01-model-conv1d-2level", "ws"),
    ("03-model-conv1d+oc-3level", "bypass"),
    ("04-model-conv1d+oc-3levelspatial", "kp"),
]


def case_files(case, run):
    ref = reference("tutorial", case, "ref", run)
    files = [os.path.join(ref, "parsed-processed-input.yaml")]
    for extra in ("timeloop-model.ERT.yaml", "timeloop-model.ART.yaml"):
        path = os.path.join(ref, extra)
        if os.path.exists(path):
            files.append(path)
    return files


@pytest.mark.parametrize("case,run", MODEL_CASES)
def test_evaluate_equals_accel_model(case, run):
    files = case_files(case, run)
    arch, workload, mapping = accel.load_timeloop(*files)
    assert mapping is not None
    result = accel.evaluate(arch, workload, mapping)
    expected = model_json(*files)
    assert result.valid
    assert result.energy_pj == expected["energy_pj"]
    assert result.cycles == expected["cycles"]
    assert result.utilization == expected["utilization"]
    assert result.to_dict() == expected


def test_eyeriss_reproduces_timeloop(eyeriss_files):
    # The 2024 reference timeloop-mapper.stats.txt: 5469.65 fJ/Compute, 86016
    # cycles; Timeloop master after its January 2025 reuse-filter fix, which
    # exact counting follows: 5465.42 (test/Inputs/timeloop-master-2025).
    arch, workload, mapping = accel.load_timeloop(*eyeriss_files)
    compat = accel.evaluate(arch, workload, mapping, exact=False)
    assert compat.cycles == 86016
    assert round(compat.fj_per_mac, 2) == 5469.65
    result = accel.evaluate(arch, workload, mapping)
    assert result.cycles == 86016
    assert round(result.fj_per_mac, 2) == 5465.42
    levels = result.to_dict()["levels"]
    assert {l["name"] for l in levels} >= {"DRAM", "shared_glb", "psum_spad"}


def test_conv2d_builder_matches_timeloop_problem(eyeriss_files):
    arch, workload, mapping = accel.load_timeloop(*eyeriss_files)
    built = accel.conv2d(N=1, M=32, C=3, P=112, Q=112, R=3, S=3, stride=2)
    assert built.dimensions == workload.dimensions
    assert built.macs == workload.macs == 32 * 3 * 112 * 112 * 9
    # The same mapping evaluates the same on the built workload.
    remapped = accel.mapping(arch, built, mapping.to_dict())
    assert accel.evaluate(arch, built, remapped).energy_pj == \
        accel.evaluate(arch, workload, mapping).energy_pj


def test_mapping_round_trips(eyeriss_files):
    arch, workload, mapping = accel.load_timeloop(*eyeriss_files)
    energy = accel.evaluate(arch, workload, mapping).energy_pj
    from_dict = accel.mapping(arch, workload, mapping.to_dict())
    from_attr = accel.mapping(arch, workload, mapping.to_attr())
    assert accel.evaluate(arch, workload, from_dict).energy_pj == energy
    assert accel.evaluate(arch, workload, from_attr).energy_pj == energy
    assert mapping.to_attr().startswith("#accel.mapping<@")


def test_workload_from_mlir():
    text = """
    func.func @f(%a: tensor<64x128xf32>, %b: tensor<128x32xf32>, %c: tensor<64x32xf32>) -> tensor<64x32xf32> {
      %0 = linalg.matmul ins(%a, %b : tensor<64x128xf32>, tensor<128x32xf32>) outs(%c : tensor<64x32xf32>) -> tensor<64x32xf32>
      return %0 : tensor<64x32xf32>
    }"""
    workload = accel.from_mlir(text)
    assert workload.dimensions == {"M": 64, "N": 32, "K": 128}
    assert workload.tensors == ["A", "B", "C"]
    assert workload.macs == accel.matmul(64, 32, 128).macs


def test_bundled_architectures_load():
    for name in accel.BUNDLED_ARCHITECTURES:
        arch = accel.architecture(name)
        assert arch.name == name
        assert arch.compute_instances > 1
        assert not arch.levels[0]["fanout"]


def test_invalid_mapping_is_a_result_with_a_reason():
    arch = accel.architecture("eyeriss_like")
    layer = accel.matmul(64, 64, 64)
    # Everything at the 16-entry partial-sum scratchpad cannot fit.
    mapping = accel.mapping(arch, layer, {
        "psum_spad": {"temporal": [("M", 64), ("N", 64), ("K", 64)]}})
    result = accel.evaluate(arch, layer, mapping)
    assert not result.valid
    assert "psum_spad" in result.reason


def test_imperfect_loops_round_trip_and_count_every_operation(tmp_path):
    # A 7 x 2 x 4 matmul with M split 4 (3) over four PEs under 2 at DRAM:
    # by hand, 56 MACs in 2 * 2 * 4 = 16 steps, utilization 56 / 64.
    path = tmp_path / "quad.mlir"
    path.write_text("""
      accel.arch @quad {
        accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8}
        accel.fanout @PE {x = 4}
        accel.storage @RF {entries = 64, word_bits = 8}
        accel.compute @mac {word_bits = 8}
      }""")
    arch = accel.architecture(path)
    layer = accel.matmul(7, 2, 4)
    levels = {"DRAM": {"temporal": [("M", 2), ("N", 2), ("K", 4)]},
              "PE": {"spatial_x": [("M", 4, 3)]}}
    mapping = accel.mapping(arch, layer, levels)
    assert mapping.to_dict()["PE"]["spatial_x"] == [("M", 4, 3)]
    assert "M 4 (3)" in mapping.to_attr()
    again = accel.mapping(arch, layer, mapping.to_attr())
    assert again.to_dict() == mapping.to_dict()
    result = accel.evaluate(arch, layer, mapping)
    assert result.macs == 56
    assert result.cycles == 16
    assert result.utilization == pytest.approx(0.875)


@pytest.mark.parametrize("build,message", [
    (lambda a, w: accel.mapping(a, w, {"nowhere": {}}), "unknown level 'nowhere'"),
    (lambda a, w: accel.mapping(a, w, {"DRAM": {"temporal": [("X", 2)]}}),
     "unknown dimension 'X'"),
    (lambda a, w: accel.mapping(a, w, {"DRAM": {"temporal": [("M", 3)]}}),
     "multiply to"),
    (lambda a, w: accel.mapping(a, w, {"DRAM": {"keep": ["Q"]}}),
     "unknown tensor 'Q'"),
    (lambda a, w: accel.mapping(a, w, {"DRAM": {"temporal": [("M", 4, 0)]}}),
     "residual of 'M' must be at least 1"),
    (lambda a, w: accel.mapping(a, w, {"DRAM": {"temporal": [("M", 4, 5)]}}),
     "between 1 and its factor"),
    (lambda a, w: accel.mapping(a, w, {"DRAM": {"temporal": [("M", 2.5)]}}),
     "factor of 'M' must be an integer, got float"),
    (lambda a, w: accel.mapping(a, w, {"DRAM": {"temporal": [("M",)]}}),
     r"\(dimension, factor\) or \(dimension, factor, residual\)"),
    (lambda a, w: accel.mapping(a, w, "#accel.mapping<@x, [\"nowhere\": temporal [M 2]]>"),
     "nowhere"),
    (lambda a, w: accel.architecture("no_such_arch"), "no_such_arch"),
    (lambda a, w: accel.workload({"M": 4}, {"A": ["M + Z"]}), "unknown dimension 'Z'"),
    (lambda a, w: accel.workload({"M": 0}, {"A": ["M"]}), "M"),
    (lambda a, w: accel.search(a, w, objective="speed"), "unknown objective 'speed'"),
    (lambda a, w: accel.search(a, w, constraints={"DRAM": {"factors": "M=3"}}),
     "does not divide"),
])
def test_errors_carry_the_message(build, message):
    arch = accel.architecture("eyeriss_like")
    layer = accel.matmul(8, 8, 8)
    with pytest.raises(accel.Error, match=message):
        build(arch, layer)
    assert issubclass(accel.Error, ValueError)
