# -*- Python -*-
# lit configuration of the accel regression tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "ACCEL"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.accel_obj_root, "test")
config.excludes = ["CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py", "Inputs"]

llvm_config.use_default_substitutions()
llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])

config.substitutions.append(("%accel_src_root", config.accel_src_root))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%mlir_lib_dir", config.llvm_lib_dir))
config.substitutions.append(("%python", config.python_executable))

tool_dirs = [config.accel_tools_dir, config.llvm_tools_dir]
tools = [
    "accel-opt",
    ToolSubst("accel-translate", unresolved="ignore"),
    ToolSubst("accel-model", unresolved="ignore"),
    ToolSubst("accel-mapper", unresolved="ignore"),
    "split-file",
    "not",
    "count",
    ToolSubst("mlir-opt", unresolved="ignore"),
    ToolSubst("mlir-runner", unresolved="ignore"),
]
llvm_config.add_tool_substitutions(tools, tool_dirs)

if config.enable_python:
    config.available_features.add("python")
