"""Packages accel with the native extension CMake builds.

pyproject.toml holds the metadata; this file only finds the extension
(_accel*.so) in the CMake build tree and ships it in the package, so the
wheel is platform-specific. ACCEL_BUILD_DIR names the build tree (default:
<source>/build); if the extension is missing there, the AccelPythonModule
target is built first (configuring the release preset if needed).
"""

import glob
import os
import re
import shutil
import subprocess
import sysconfig

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)


def version():
    with open(os.path.join(SOURCE, "CMakeLists.txt")) as cmake:
        match = re.search(r"project\(accel VERSION ([0-9.]+)", cmake.read())
    if not match:
        raise RuntimeError("cannot read Accel's version from CMakeLists.txt")
    return match.group(1)


def extension_path():
    build = os.path.abspath(os.environ.get("ACCEL_BUILD_DIR",
                                           os.path.join(SOURCE, "build")))
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    pattern = os.path.join(build, "python", "accel", "_accel*" + suffix)
    found = glob.glob(pattern)
    if not found:
        if not os.path.exists(os.path.join(build, "build.ninja")):
            subprocess.check_call(["cmake", "--preset", "release"],
                                  cwd=SOURCE)
        subprocess.check_call(["cmake", "--build", build, "--target",
                               "AccelPythonModule"])
        found = glob.glob(pattern)
    if not found:
        raise RuntimeError(
            f"no {pattern}: the extension was built for another Python "
            f"(this one wants '{suffix}'); configure the build with "
            f"-DPython3_EXECUTABLE pointing at this interpreter")
    return found[0]


class BuildWithExtension(build_py):
    def run(self):
        super().run()
        target = os.path.join(self.build_lib, "accel")
        os.makedirs(target, exist_ok=True)
        shutil.copy2(extension_path(), target)


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


setup(version=version(), cmdclass={"build_py": BuildWithExtension},
      distclass=BinaryDistribution)
