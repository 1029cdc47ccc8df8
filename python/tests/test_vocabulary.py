"""One vocabulary from Python to IR: roles in keep lists, readable reprs."""

import os
import re
import subprocess

import pytest

import accel
from conftest import TOOLS

CONV = """
func.func @conv(%in: tensor<1x8x16x16xf32>, %w: tensor<16x8x3x3xf32>,
                %out: tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32> {{
  %0 = linalg.conv_2d_nchw_fchw {{accel.mapping = {mapping},
      dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}}
      ins(%in, %w : tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>)
      outs(%out : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}}
"""


def test_python_mapping_attaches_to_the_linalg_convolution(tmp_path):
    # Python's conv2d names its tensors Inputs, Weights, Outputs; the linalg
    # convolution's are I, W, O. The attribute from to_attr() must cost the
    # same on the IR op as in Python.
    arch = accel.architecture("eyeriss_like")
    layer = accel.conv2d(M=16, C=8, P=14, Q=14, R=3, S=3)
    found = accel.search(arch, layer, budget=500)
    attr = found.mapping.to_attr()
    assert "keep [Inputs" in attr
    module = tmp_path / "conv.mlir"
    source = os.environ.get("ACCEL_SOURCE_DIR", os.path.join(
        os.path.dirname(__file__), "..", ".."))
    with open(os.path.join(source, "examples", "archs",
                           "eyeriss_like.mlir")) as file:
        arch_text = file.read()
    module.write_text(arch_text + CONV.format(mapping=attr))
    tool = os.path.join(TOOLS, "accel-opt") if TOOLS else "accel-opt"
    out = subprocess.run([tool, str(module), "--accel-estimate"], check=True,
                         capture_output=True, text=True).stdout
    energy = float(re.search(r"energy_pj = ([0-9.e+]+)", out).group(1))
    cycles = int(re.search(r"cycles = ([0-9]+)", out).group(1))
    assert energy == pytest.approx(found.result.energy_pj, rel=1e-9)
    assert cycles == found.result.cycles


def test_mapping_from_dict_accepts_roles():
    arch = accel.architecture("edge_systolic")
    layer = accel.matmul(M=16, N=16, K=16)   # tensors A, B, C
    by_name = accel.mapping(arch, layer, {
        "DRAM": {"temporal": [("M", 16), ("N", 16), ("K", 16)]},
        "global_buffer": {"keep": ["A", "C"]}})
    by_role = accel.mapping(arch, layer, {
        "DRAM": {"temporal": [("M", 16), ("N", 16), ("K", 16)]},
        "global_buffer": {"keep": ["Inputs", "Outputs"]}})
    assert by_name.to_dict() == by_role.to_dict()
    with pytest.raises(accel.Error, match="unknown tensor 'Filters' .*A, B, C"):
        accel.mapping(arch, layer, {"global_buffer": {"keep": ["Filters"]}})


def test_mapping_repr_is_one_readable_line():
    arch = accel.architecture("edge_systolic")
    layer = accel.matmul(M=16, N=16, K=16)
    mapping = accel.mapping(arch, layer, {
        "DRAM": {"temporal": [("M", 4), ("N", 16)]},
        "global_buffer": {"temporal": [("K", 16)], "keep": ["A", "C"]},
        "rows": {"spatial_y": [("M", 4)]}})
    text = repr(mapping)
    assert "\n" not in text
    assert text.startswith("Mapping(edge_systolic: DRAM[M4 N16] "
                           "global_buffer[K16; bypass B] rows[y: M4]")


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", accel.__version__)
    tool = os.path.join(TOOLS, "accel-opt") if TOOLS else "accel-opt"
    out = subprocess.run([tool, "--version"], capture_output=True,
                         text=True).stdout
    assert f"Accel version {accel.__version__}" in out
