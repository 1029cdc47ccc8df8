#!/usr/bin/env bash
# Installs the Debian packages Accel needs (skipping those present), then
# configures and builds the given CMake preset (default: release).
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail

preset="${1:-release}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  cmake ninja-build ccache
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools clang-22 lld-22
  libclang-rt-22-dev
  libgtest-dev libbenchmark-dev
  pybind11-dev python3-dev python3-pytest python3-numpy python3-matplotlib
  python3-yaml python3-pandas python3-tqdm python3-distributed python3-optuna
  python3-venv python3-pip python3-setuptools python3-wheel
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
    # A stale package index is the usual cause; refresh it once and retry.
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi

cd "$root"
cmake --preset "$preset"
cmake --build --preset "$preset"
