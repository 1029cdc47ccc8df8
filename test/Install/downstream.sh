#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, builds examples/downstream
# (its own CMake project) against the installed tree only, and runs its opt
# tool: Accel's dialect and passes and the model library work from an
# install, and nothing is taken from the source or build trees.
#   test/Install/downstream.sh BUILD_DIR SCRATCH_DIR C_COMPILER CXX_COMPILER
set -euo pipefail
build="$1" scratch="$2" cc="$3" cxx="$4"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
filecheck="${FILECHECK:-/usr/lib/llvm-22/bin/FileCheck}"

rm -rf "$scratch"
mkdir -p "$scratch"
cmake --install "$build" --prefix "$scratch/install" > "$scratch/install.log"
# Nothing test-only, and the pieces a downstream project needs.
test ! -e "$scratch/install/lib/libAccelTestPasses.a"
test -f "$scratch/install/lib/cmake/accel/AccelConfig.cmake"
test -f "$scratch/install/include/accel/Dialect/Accel/IR/AccelOps.h.inc"
test -x "$scratch/install/bin/accel-opt"

# A copy of the example, so its build cannot reach the source tree.
cp -r "$source_dir/examples/downstream" "$scratch/project"
cmake -S "$scratch/project" -B "$scratch/build" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DAccel_DIR="$scratch/install/lib/cmake/accel" > "$scratch/configure.log"
cmake --build "$scratch/build" > "$scratch/build.log"

"$scratch/build/downstream-opt" "$scratch/project/matmul.mlir" \
    --map-to-arch="arch=edge_systolic threads=1 max-evaluations=500" \
    --downstream-count-macs 2> "$scratch/remarks.txt" > "$scratch/mapped.mlir"
# 64 x 128 x 32 = 262144 multiply-accumulates.
"$filecheck" --check-prefix=REMARK "$0" < "$scratch/remarks.txt"
# REMARK: remark: downstream: 262144 MACs
"$filecheck" --check-prefix=MAPPED "$0" < "$scratch/mapped.mlir"
# MAPPED: accel.arch @edge_systolic
# MAPPED: linalg.matmul {accel.cost = #accel.cost<{{.*}}macs = 262144
# MAPPED-SAME: accel.mapping = #accel.mapping<@edge_systolic
# The installed tools run too.
"$scratch/install/bin/accel-opt" --version | grep -q "Accel version"
echo "downstream example: OK"
