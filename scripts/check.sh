#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test suite (GoogleTest,
# lit, pytest) through ctest. This is the command CI runs:
#   scripts/check.sh           release suite, then the whole suite again
#                              under ASan + UBSan, then each fuzzer briefly
#   scripts/check.sh PRESET    one preset's suite (release, gcc or asan)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

suite() {
  "$root/scripts/setup.sh" "$1"
  ctest --preset "$1" -j "$(nproc)"
}

if [ -n "${1:-}" ]; then
  suite "$1"
  exit
fi
suite release
suite asan
# Each libFuzzer target for a short while from the test-input seeds
# (scripts/fuzz.sh runs them longer; docs/reliability.md).
"$root/scripts/fuzz.sh" --all "${ACCEL_FUZZ_SECONDS:-20}"
