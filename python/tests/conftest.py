"""Shared fixtures: the reference inputs and the command-line tools."""

import json
import os
import subprocess

import pytest

INPUTS = os.environ.get("ACCEL_TEST_INPUTS",
                        os.path.join(os.path.dirname(__file__), "..", "..",
                                     "test", "Inputs"))
TOOLS = os.environ.get("ACCEL_TOOLS_DIR", "")
REFERENCE = os.path.join(INPUTS, "timeloop-reference")


def reference(*parts):
    return os.path.join(REFERENCE, *parts)


def model_json(*paths):
    """What accel-model --json prints for the same files."""
    tool = os.path.join(TOOLS, "accel-model") if TOOLS else "accel-model"
    out = subprocess.run([tool, *paths, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


@pytest.fixture(scope="session")
def eyeriss_files():
    d = reference("designs", "eyeriss_like", "ref")
    return [os.path.join(d, f) for f in
            ("parsed-processed-input.yaml", "timeloop-mapper.ERT.yaml",
             "timeloop-mapper.ART.yaml", "timeloop-mapper.map.yaml")]
