#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test suite (GoogleTest,
# lit, pytest) through ctest. This is the command CI runs.
set -euo pipefail

preset="${1:-release}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$root/scripts/setup.sh" "$preset"
cd "$root"
ctest --preset "$preset" -j "$(nproc)"
