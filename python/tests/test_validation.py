"""Bad arguments get a TypeError or ValueError naming them; nothing crashes,
truncates or clamps silently; Ctrl-C stops long calls."""

import os
import signal
import threading
import time

import pytest

import accel


@pytest.fixture(scope="module")
def arch():
    return accel.architecture("eyeriss_like")


@pytest.fixture(scope="module")
def layer():
    return accel.matmul(8, 8, 8)


@pytest.mark.parametrize("call, kind, words", [
    (lambda a, l: accel.evaluate(a, l, None), TypeError, "'mapping'"),
    (lambda a, l: accel.evaluate(None, l, {}), TypeError, "'arch'"),
    (lambda a, l: accel.search(None, l), TypeError, "'arch'"),
    (lambda a, l: accel.search(a, "layer"), TypeError, "'workload'"),
    (lambda a, l: accel.random_mappings(a, None, 3), TypeError, "'workload'"),
    (lambda a, l: accel.random_mappings(a, l, 2**63), ValueError, "'count'"),
    (lambda a, l: accel.random_mappings(a, l, -1), ValueError, "'count'"),
    (lambda a, l: accel.random_mappings(a, l, 3.0), TypeError, "'count'"),
    (lambda a, l: accel.search(a, l, budget=1.5), TypeError, "'budget'"),
    (lambda a, l: accel.search(a, l, time_limit=float("nan")), ValueError,
     "'time_limit'"),
    (lambda a, l: accel.search(a, l, time_limit=-1), ValueError,
     "'time_limit'"),
    (lambda a, l: accel.search(a, l, threads=-1), ValueError, "'threads'"),
    (lambda a, l: accel.search(a, l, threads=10**6), ValueError, "'threads'"),
    (lambda a, l: accel.search(a, l, seed=-1), ValueError, "'seed'"),
    (lambda a, l: accel.search(a, l, exact="yes"), TypeError, "'exact'"),
    (lambda a, l: accel.search(a, l, constraints=[1]), TypeError,
     "'constraints'"),
    (lambda a, l: accel.conv2d(M=2.7), TypeError, "'M'"),
    (lambda a, l: accel.conv2d(M=True), TypeError, "'M'"),
    (lambda a, l: accel.matmul(0, 4, 4), ValueError, "'M'"),
    (lambda a, l: accel.conv2d(stride=(1, 2, 3)), ValueError, "'stride'"),
    (lambda a, l: accel.architecture(None), TypeError, "'spec'"),
    (lambda a, l: accel.from_mlir(3), TypeError, "'text'"),
    (lambda a, l: accel.map_module("module {}", time_limit="1"), TypeError,
     "'time_limit'"),
])
def test_bad_arguments_are_named(arch, layer, call, kind, words):
    with pytest.raises(kind, match=words):
        call(arch, layer)


@pytest.mark.parametrize("levels, words", [
    ({"DRAM": {"temporal": [("M", "x")]}}, "factor of 'M' must be an integer"),
    ({"DRAM": {"temporal": [("M", 4.0)]}}, "factor of 'M' must be an integer"),
    ({"DRAM": {"temporal": "M4"}}, "'temporal' of level 'DRAM' must be a list"),
    ({"DRAM": 5}, "level 'DRAM' must be a dict"),
    ({3: {}}, "a level name must be a string"),
    ({"DRAM": {"keep": "A"}}, "'keep' of level 'DRAM' must be a list"),
    ({"DRAM": {"temporal": [("M", 2**70)]}}, "does not fit a 64-bit integer"),
])
def test_malformed_mapping_dicts(arch, layer, levels, words):
    with pytest.raises(accel.Error, match=words):
        accel.mapping(arch, layer, levels)


@pytest.mark.parametrize("constraints, words", [
    ({"DRAM": 3}, "the constraints of level 'DRAM' must be a dict"),
    ({"DRAM": {"factors": 5}}, "'factors' of level 'DRAM' must be a string"),
    ({"min_utilization": "x"}, "'min_utilization' must be a number"),
    ({"min_utilization": 2}, "between 0 and 1"),
    ({"DRAM": {"keep": [3]}}, "a tensor name in 'keep' of level 'DRAM'"),
])
def test_malformed_constraints(arch, layer, constraints, words):
    with pytest.raises(accel.Error, match=words):
        accel.search(arch, layer, constraints=constraints, budget=100)


def test_a_bad_mapping_in_a_batch_is_named_by_its_index(arch, layer):
    good = accel.random_mappings(arch, layer, 2, seed=1)
    with pytest.raises(accel.Error, match=r"mappings\[2\]: unknown dimension"):
        accel.evaluate_batch(arch, layer,
                             good + [{"DRAM": {"temporal": [("Z", 3)]}}])
    with pytest.raises(TypeError, match=r"mappings\[1\]"):
        accel.score_batch(arch, layer, [good[0], None])


def test_options_are_values_not_pipeline_text():
    # An architecture argument that looks like more options is one name.
    with pytest.raises(accel.Error, match="unknown architecture "
                                          "'x strategy=genetic'"):
        accel.map_module("module {}", arch="x strategy=genetic")


def _interrupt_after(seconds):
    timer = threading.Timer(seconds,
                            lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def test_ctrl_c_stops_a_search():
    arch = accel.architecture("cloud_array")
    layer = accel.matmul(197, 197, 64, batch=12)
    timer = _interrupt_after(0.5)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        # Far longer than the test without the interrupt.
        accel.search(arch, layer, threads=1, victory=10**9,
                     strategy="hybrid")
    timer.join()
    assert time.monotonic() - start < 30


def test_ctrl_c_stops_a_batch():
    # One call that takes seconds (imperfect mappings on a 64x64 array, one
    # thread); the interrupt lands inside it.
    arch = accel.architecture("cloud_array")
    layer = accel.matmul(197, 197, 64, batch=12)
    mappings = accel.random_mappings(arch, layer, 60000, seed=1,
                                     imperfect=True)
    timer = _interrupt_after(0.3)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        accel.evaluate_batch(arch, layer, mappings, threads=1)
    timer.join()
    assert time.monotonic() - start < 5


def test_architecture_from_text_and_from_a_path_with_a_comma(tmp_path):
    source = os.path.join(os.environ.get("ACCEL_SOURCE_DIR", os.path.join(
        os.path.dirname(__file__), "..", "..")), "examples", "archs",
        "edge_systolic.mlir")
    with open(source) as f:
        text = f.read()
    from_text = accel.architecture(text)
    assert from_text.compute_instances == 256
    odd = tmp_path / "my,arch.mlir"
    odd.write_text(text)
    assert accel.architecture(str(odd)).compute_instances == 256
    assert accel.architecture(odd).compute_instances == 256
