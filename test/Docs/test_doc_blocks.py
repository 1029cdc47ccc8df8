"""Every shell, Python and MLIR block of README.md and docs/*.md runs.

Each block runs in a scratch directory that links to the source tree's
top-level folders (and `build` to the build tree), so documented relative
paths work and outputs land in the scratch directory. `python3` on PATH is
the interpreter running this test. MLIR blocks go through
`accel-opt --accel-estimate` (parsed, verified, mapped ops costed). A comment right before a block changes
what happens to it:

    <!-- doc-test: skip (why) -->   not run; the reason is required
    <!-- doc-test: continue -->     runs after the previous block of the
                                    same language and file, as one script

Run: ACCEL_SOURCE_DIR=. ACCEL_BUILD_DIR=build pytest test/Docs
"""

import glob
import os
import re
import subprocess
import sys

import pytest

SOURCE = os.path.abspath(os.environ.get(
    "ACCEL_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD = os.path.abspath(os.environ.get("ACCEL_BUILD_DIR",
                                       os.path.join(SOURCE, "build")))
TIMEOUT = 600

BLOCK = re.compile(r"(?:<!--\s*doc-test:\s*(?P<marker>[^>]*?)\s*-->\s*\n)?"
                   r"```(?P<lang>[A-Za-z0-9]*)\n(?P<body>.*?)```", re.S)


def blocks():
    """(id, language, source, skip reason) for every runnable block; Python
    blocks marked `continue` are joined to their predecessor."""
    result = []
    files = [os.path.join(SOURCE, "README.md")] + sorted(
        glob.glob(os.path.join(SOURCE, "docs", "*.md")))
    for path in files:
        text = open(path).read()
        name = os.path.relpath(path, SOURCE)
        last_of = {}
        for match in BLOCK.finditer(text):
            lang, body = match.group("lang"), match.group("body")
            marker = match.group("marker") or ""
            line = text[:match.start("lang")].count("\n") + 1
            if lang not in ("sh", "python", "mlir"):
                continue
            skip = None
            if marker.startswith("skip"):
                skip = marker[len("skip"):].strip(" ()")
                assert skip, f"{name}:{line}: a skipped block needs a reason"
            elif marker == "continue":
                assert lang in last_of, \
                    f"{name}:{line}: 'continue' needs an earlier {lang} block"
                previous = result[last_of[lang]]
                result[last_of[lang]] = (previous[0], lang,
                                         previous[2] + "\n" + body,
                                         previous[3])
                continue
            elif marker:
                raise AssertionError(f"{name}:{line}: unknown doc-test "
                                     f"marker '{marker}'")
            result.append((f"{name}:{line}", lang, body, skip))
            last_of[lang] = len(result) - 1
    return result


@pytest.fixture
def scratch(tmp_path):
    for entry in os.listdir(SOURCE):
        if entry.startswith(".") or entry.startswith("build"):
            continue
        os.symlink(os.path.join(SOURCE, entry), tmp_path / entry)
    os.symlink(BUILD, tmp_path / "build")
    shims = tmp_path / ".bin"
    shims.mkdir()
    os.symlink(sys.executable, shims / "python3")
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(shims), "/usr/lib/llvm-22/bin",
                                   env.get("PATH", "")])
    env["PYTHONPATH"] = os.path.join(BUILD, "python")
    env["MPLBACKEND"] = "Agg"
    return tmp_path, env


ALL = blocks()


def test_every_block_is_found():
    assert len(ALL) >= 15  # README and docs hold about twenty blocks
    for block_id, _, _, skip in ALL:
        if skip is not None:
            assert len(skip) > 10, f"{block_id}: say why it is skipped"


@pytest.mark.parametrize("block_id, lang, body, skip", ALL,
                         ids=[b[0] for b in ALL])
def test_block_runs(scratch, block_id, lang, body, skip):
    if skip is not None:
        pytest.skip(skip)
    directory, env = scratch
    stdin = None
    if lang == "sh":
        command = ["bash", "-euo", "pipefail", "-c", body]
    elif lang == "python":
        command = [sys.executable, "-c", body]
    else:
        command = [os.path.join(BUILD, "bin", "accel-opt"), "--accel-estimate"]
        stdin = body
    out = subprocess.run(command, cwd=directory, env=env, input=stdin,
                         capture_output=True, text=True, timeout=TIMEOUT)
    assert out.returncode == 0, (
        f"{block_id} failed ({out.returncode}):\n{body}\n--- stdout\n"
        f"{out.stdout[-3000:]}\n--- stderr\n{out.stderr[-3000:]}")
