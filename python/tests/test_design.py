"""accel.design: parametric architectures priced by the estimator."""

import os
import pickle
import re
import subprocess

import pytest

import accel
from accel import _accel
from accel.design import (Buffer, Design, DesignError, Dram, Fanout, Mac,
                          RegisterFile, generate, DATAFLOWS)
from conftest import TOOLS


def small_design(**dram):
    return Design("tiny", node_nm=45, levels=[
        Dram(**dram),
        Buffer("buffer", kib=8, width_bits=64, keep=["Inputs", "Outputs",
                                                     "Weights"]),
        Fanout("pes", x=4),
        RegisterFile("acc", entries=2, word_bits=16, keep=["Outputs"],
                     bypass=["Inputs", "Weights"]),
        Mac(bits=8)])


def attribute(text, level, key):
    line = next(l for l in text.splitlines() if f"@{level} " in l)
    return float(re.search(rf"\b{key} = ([0-9.e+-]+)", line).group(1))


def test_estimates_land_in_the_architecture():
    text = small_design().to_mlir()
    # Horowitz (ISSCC 2014): a 64-bit access to an 8 KB SRAM costs 10 pJ at
    # 45 nm; LPDDR4 8 pJ/bit x 64 bits.
    assert attribute(text, "buffer", "read") == pytest.approx(10.0, rel=0.05)
    assert attribute(text, "DRAM", "read") == pytest.approx(512.0)
    # 8 KiB of 8-bit words, 8 words per 64-bit row, one row per cycle.
    assert attribute(text, "buffer", "entries") == 8192
    assert attribute(text, "buffer", "block_size") == 8
    assert attribute(text, "buffer", "read_bandwidth") == 8
    # LPDDR4 at 17 GB/s and 1 GHz: 17 bytes (words) per cycle.
    assert attribute(text, "DRAM", "shared_bandwidth") == pytest.approx(17.0)
    arch = accel.architecture(text)
    assert arch.name == "tiny" and arch.compute_instances == 4


def test_dram_type_sets_energy_per_bit_in_evaluations():
    arch = small_design(type="HBM2").architecture()
    layer = accel.matmul(M=16, N=16, K=16)
    found = accel.search(arch, layer, budget=300)
    dram = found.result.to_dict()["levels"][0]
    assert dram["name"] == "DRAM"
    for tensor in dram["tensors"]:
        # HBM2: 3.9 pJ per bit (O'Connor et al., MICRO 2017), 8-bit words.
        assert tensor["energy_per_scalar_access_pj"] == pytest.approx(3.9 * 8)


def test_user_energies_override_estimates():
    design = Design("d", levels=[
        Dram(energy={"read": 100.0}),
        Buffer("b", entries=64, energy={"read": 1.5, "fill": 2.5}, area=7.0),
        Mac(bits=8, energy=0.5, area=3.0)])
    text = design.to_mlir()
    assert attribute(text, "DRAM", "read") == 100.0
    assert attribute(text, "DRAM", "fill") == pytest.approx(512.0)
    assert attribute(text, "b", "read") == 1.5
    assert attribute(text, "b", "fill") == 2.5
    assert attribute(text, "b", "area") == 7.0
    assert "compute = 0.5" in text and "area = 3.0" in text


def test_node_scaling():
    old = generate(node_nm=65).to_mlir()
    new = generate(node_nm=7).to_mlir()
    for level in ("global_buffer", "weight_rf", "accumulator", "mac"):
        key = "compute" if level == "mac" else "read"
        assert attribute(new, level, key) < attribute(old, level, key) / 5
        assert attribute(new, level, "area") < attribute(old, level,
                                                         "area") / 50
    # DRAM energy is the part's, not the accelerator's node.
    assert attribute(new, "DRAM", "read") == attribute(old, "DRAM", "read")


@pytest.mark.parametrize("dataflow", DATAFLOWS)
def test_generated_families_map(dataflow):
    design = generate(pe_x=8, pe_y=4, glb_kib=64, dataflow=dataflow)
    layer = accel.conv2d(M=32, C=16, P=14, Q=14, R=3, S=3)
    found = accel.search(design.architecture(), layer, budget=2000)
    assert found.result.valid
    assert found.result.utilization > 0
    params = design.describe()
    assert params["dataflow"] == dataflow and params["pe_x"] == 8
    assert params["global_buffer.kib"] == 64


def test_designs_pickle():
    design = generate(pe_x=32, pe_y=8, dataflow="row_stationary")
    copy = pickle.loads(pickle.dumps(design))
    assert copy.to_mlir() == design.to_mlir()


def test_workloads_pickle():
    layer = accel.conv2d(M=8, C=4, P=7, Q=5, R=3, S=3, stride=2, name="c")
    copy = pickle.loads(pickle.dumps(layer))
    assert (copy.name, copy.dimensions, copy.tensors, copy.macs) == \
        (layer.name, layer.dimensions, layer.tensors, layer.macs)
    arch = accel.architecture("edge_systolic")
    a = accel.search(arch, layer, budget=500, seed=3)
    b = accel.search(arch, copy, budget=500, seed=3)
    assert a.result.energy_pj == b.result.energy_pj


@pytest.mark.parametrize("make, message", [
    (lambda: Buffer("b", kib=0), "Buffer 'b': 'kib' must be a positive"),
    (lambda: Buffer("b"), "Buffer 'b': give exactly one of 'kib'"),
    (lambda: Buffer("b", kib=1, width_bits=12), "'width_bits' (12) must be"),
    (lambda: Buffer("b", entries=4, width_bits=64), "too small"),
    (lambda: Buffer("b", kib=1, banks=0), "'banks' must be a positive"),
    (lambda: Buffer("b", kib=1, keep=["Inputs"], bypass=["Inputs"]),
     "both kept and bypassed"),
    (lambda: Buffer("b", kib=1, energy={"red": 1.0}), "'energy' must be"),
    (lambda: RegisterFile("r", entries=-2), "'entries' must be a positive"),
    (lambda: Dram("DDR3"), "'type' must be one of"),
    (lambda: Dram(bandwidth=float("nan")), "'bandwidth' must be a positive"),
    (lambda: Fanout("f", x=0), "Fanout 'f': 'x' must be a positive"),
    (lambda: Mac(bits=0), "'bits' must be a positive"),
    (lambda: Design("d", [Dram()]), "must end with a Mac"),
    (lambda: Design("d", [Fanout("f", x=2), Buffer("b", kib=1), Mac()]),
     "outermost level"),
    (lambda: Design("d", [Dram(), Dram(name="D2"), Mac()]),
     "the Dram must be the first"),
    (lambda: Design("d", [Dram(), Buffer("DRAM", kib=1), Mac()]),
     "two levels named 'DRAM'"),
    (lambda: Design("d", [Dram(), Mac()], node_nm=0), "'node_nm'"),
    (lambda: Design("bad name", [Dram(), Mac()]), "'name' must be"),
    (lambda: generate(dataflow="diagonal"), "'dataflow' must be one of"),
])
def test_errors_name_the_parameter(make, message):
    with pytest.raises(DesignError) as error:
        make()
    assert message in str(error.value)


def test_estimator_functions_check_arguments():
    with pytest.raises(accel.Error, match="'banks' must be a positive"):
        _accel.estimate_sram(1024, 64, 0)
    with pytest.raises(accel.Error, match="'node_nm'"):
        _accel.estimate_mac(8, 0.5)
    with pytest.raises(accel.Error, match="unknown DRAM type 'SDR'"):
        _accel.dram_energy_per_bit("SDR")
    with pytest.raises(accel.Error, match="at least one 64-bit row"):
        _accel.estimate_sram(64, 64, 2)


def test_generated_design_maps_in_accel_opt(tmp_path):
    arch_file = tmp_path / "design.mlir"
    arch_file.write_text(generate(pe_x=4, pe_y=4, glb_kib=32).to_mlir())
    module = tmp_path / "matmul.mlir"
    module.write_text("""
func.func @mm(%a: tensor<32x64xi8>, %b: tensor<64x16xi8>,
              %c: tensor<32x16xi32>) -> tensor<32x16xi32> {
  %r = linalg.matmul ins(%a, %b : tensor<32x64xi8>, tensor<64x16xi8>)
                     outs(%c : tensor<32x16xi32>) -> tensor<32x16xi32>
  return %r : tensor<32x16xi32>
}
""")
    tool = os.path.join(TOOLS, "accel-opt") if TOOLS else "accel-opt"
    out = subprocess.run(
        [tool, str(module), f"--map-to-arch=arch={arch_file} max-evaluations=500"],
        check=True, capture_output=True, text=True).stdout
    assert "accel.mapping" in out and "ws_4x4_glb32k_lpddr4" in out
