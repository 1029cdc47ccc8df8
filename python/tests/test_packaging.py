"""pip install of the package into a fresh virtual environment works, and
`import accel` then needs neither the build tree nor PYTHONPATH."""

import os
import subprocess
import sys

import pytest

import accel

SOURCE = os.path.abspath(os.environ.get("ACCEL_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", "..")))
PACKAGE_BUILD = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(accel.__file__))))   # <build>/python/accel/.. /..


def clean_env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["ACCEL_BUILD_DIR"] = PACKAGE_BUILD
    env["PIP_NO_INDEX"] = "1"            # PyPI is not reachable, nor needed
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    root = tmp_path_factory.mktemp("venv")
    env = clean_env()
    created = subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(root)],
        capture_output=True, text=True, env=env)
    if created.returncode != 0:
        pytest.skip(f"no venv module: {created.stderr.strip()}")
    python = str(root / "bin" / "python")
    # Build in a copy: pip and setuptools write build/ and *.egg-info next
    # to the sources.
    work = tmp_path_factory.mktemp("src")
    subprocess.run(["cp", "-r", os.path.join(SOURCE, "python"),
                    str(work / "python")], check=True)
    subprocess.run(["cp", os.path.join(SOURCE, "CMakeLists.txt"),
                    str(work)], check=True)
    out = subprocess.run(
        [python, "-m", "pip", "install", "--no-build-isolation", "--no-deps",
         "-q", str(work / "python")],
        capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    return python, env


def test_import_outside_the_build_tree(venv, tmp_path):
    python, env = venv
    script = (
        "import accel, accel.design, accel.dse, os\n"
        "assert 'site-packages' in accel.__file__, accel.__file__\n"
        "arch = accel.architecture('edge_systolic')\n"
        "layer = accel.matmul(M=16, N=16, K=16)\n"
        "best = accel.search(arch, layer, budget=200)\n"
        "assert best.result.valid\n"
        "print(accel.__version__, best.result.macs)\n")
    out = subprocess.run([python, "-c", script], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [accel.__version__, str(16 * 16 * 16)]


def test_typing_files_are_installed(venv):
    python, env = venv
    out = subprocess.run(
        [python, "-c", "import accel, os; d = os.path.dirname(accel.__file__);"
                       "print(sorted(f for f in os.listdir(d) "
                       "if f.endswith(('.pyi', '.typed'))))"],
        env=env, capture_output=True, text=True, cwd="/")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['_accel.pyi', 'py.typed']"


def other_python():
    """`python3` on PATH if it is another 3.11 interpreter (pyenv, conda),
    else this one: the wheel must work in either."""
    import shutil
    candidate = shutil.which("python3")
    if candidate:
        out = subprocess.run(
            [candidate, "-c", "import sys; print(sys.version_info[:2] == "
                              "(3, 11), sys.executable)"],
            capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.startswith("True"):
            return candidate
    return sys.executable


def test_wheel_installs_in_another_environment(tmp_path):
    # Built once with this (Debian's) setuptools; installing a wheel needs
    # nothing but pip, so an environment without setuptools or wheel (a
    # bare pyenv venv) takes it.
    env = clean_env()
    subprocess.run(["cp", "-r", os.path.join(SOURCE, "python"),
                    str(tmp_path / "python")], check=True)
    subprocess.run(["cp", os.path.join(SOURCE, "CMakeLists.txt"),
                    str(tmp_path)], check=True)
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-build-isolation",
         "--no-deps", "-q", "-w", str(tmp_path / "wheels"),
         str(tmp_path / "python")], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    wheels = os.listdir(tmp_path / "wheels")
    assert len(wheels) == 1 and wheels[0].startswith(
        f"accel-{accel.__version__}-cp311-cp311-linux"), wheels
    python = other_python()
    root = tmp_path / "venv"
    created = subprocess.run([python, "-m", "venv", str(root)],
                             capture_output=True, text=True, env=env)
    if created.returncode != 0:
        pytest.skip(f"{python} has no venv module")
    out = subprocess.run(
        [str(root / "bin" / "python"), "-m", "pip", "install", "-q",
         "--no-deps", str(tmp_path / "wheels" / wheels[0])],
        capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    out = subprocess.run(
        [str(root / "bin" / "python"), "-c",
         "import accel; a = accel.architecture('eyeriss_like');"
         "w = accel.conv2d(M=16, C=16, P=8, Q=8, R=3, S=3);"
         "print(accel.search(a, w, budget=200).result.macs)"],
        cwd=tmp_path, capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(16 * 16 * 8 * 8 * 3 * 3)
