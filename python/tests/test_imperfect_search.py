"""Imperfect factors in the search: awkward sizes fill the array."""

import math

import accel


def _utilization(arch, layer, **options):
    return accel.search(arch, layer, threads=2, **options).result.utilization


def test_attention_with_197_tokens_fills_the_arrays_as_256_do():
    # ViT-B/16's attention scores against the same layer at 256 tokens: with
    # divisors only, the prime 197 cannot spread (3.1% on cloud_array,
    # 12.5% on edge_systolic); with imperfect factors it gets at least 70%
    # of the 256-token layer's utilization.
    for name in ("cloud_array", "edge_systolic"):
        arch = accel.architecture(name)
        awkward = accel.matmul(197, 197, 64, batch=12)
        regular = accel.matmul(256, 256, 64, batch=12)
        perfect = _utilization(arch, awkward, imperfect=False)
        imperfect = _utilization(arch, awkward)
        assert imperfect >= 0.7 * _utilization(arch, regular), name
        assert imperfect > 2 * perfect, name


def test_imperfect_search_is_never_worse_than_the_perfect_one():
    # The imperfect search explores the perfect subspace first, exactly as
    # the perfect search does, then refines: same seed, never a worse EDP.
    layers = [accel.conv2d(M=128, C=64, P=28, Q=28),
              accel.conv2d(M=64, C=64, P=56, Q=56, R=3, S=3),
              accel.matmul(1, 1000, 512),
              accel.depthwise_conv2d(C=72, P=28, Q=28, R=5, S=5)]
    for name in ("eyeriss_like", "simple_weight_stationary"):
        arch = accel.architecture(name)
        for layer in layers:
            perfect = accel.search(arch, layer, threads=2, imperfect=False)
            imperfect = accel.search(arch, layer, threads=2)
            assert imperfect.result.edp <= perfect.result.edp * (1 + 1e-12)


def test_imperfect_mapping_counts_every_operation_once():
    # The classifier (1000 classes) on eyeriss_like's 14 x 12 PEs: the
    # mapping found has a partial tile, and evaluating it again gives the
    # same result with exactly M * N * K computes.
    arch = accel.architecture("eyeriss_like")
    layer = accel.matmul(1, 1000, 512)
    found = accel.search(arch, layer, threads=2)
    loops = [loop for level in found.mapping.to_dict().values()
             for key in ("temporal", "spatial_x", "spatial_y")
             for loop in level.get(key, [])]
    assert any(len(loop) == 3 for loop in loops), loops
    again = accel.evaluate(arch, layer, found.mapping)
    assert again.energy_pj == found.result.energy_pj
    assert again.cycles == found.result.cycles
    assert again.macs == 1000 * 512
    # Never more than the whole array, and at least the 1000 outputs of a
    # 168-PE pass: ceil(1000 / 168) = 6 passes of 512 MACs each bound the
    # cycles below.
    assert 0 < again.utilization <= 1
    assert again.cycles >= math.ceil(1000 / 168) * 512


def test_random_mappings_from_the_imperfect_space_are_valid_input():
    arch = accel.architecture("edge_systolic")
    layer = accel.matmul(197, 197, 64)
    mappings = accel.random_mappings(arch, layer, 200, seed=5, imperfect=True)
    results = accel.evaluate_batch(arch, layer, mappings)
    assert any(r.valid for r in results)
    assert all(r.macs == 197 * 197 * 64 for r in results if r.valid)
