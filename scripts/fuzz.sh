#!/usr/bin/env bash
# Runs a libFuzzer target of the asan build for a while:
#   scripts/fuzz.sh TARGET [SECONDS]     one target (default 60 s)
#   scripts/fuzz.sh --all [SECONDS]      every target, one after another
# Targets: timeloop-input, factor-text, model, accel-ir (unittests/Fuzz).
# The seed corpus comes from the test inputs; the working corpus grows in
# build-asan/fuzz/<target>/corpus, and a crash is saved in
# build-asan/fuzz/<target>/ (reproduce: build-asan/unittests/Fuzz/accel-fuzz-<target>
# <file>). Build first: scripts/setup.sh asan.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-asan"
targets=(timeloop-input factor-text model accel-ir)

seed_corpus() {
  local target="$1" dir="$2"
  mkdir -p "$dir"
  case "$target" in
    timeloop-input)
      find "$root/test" -name 'parsed-processed-input.yaml' -o -name 'case.yaml' |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | md5sum | cut -c1-16)"; done ;;
    accel-ir)
      find "$root/test" "$root/examples/archs" -name '*.mlir' |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | md5sum | cut -c1-16)"; done ;;
    factor-text)
      local i=0
      for text in "K32 R3 P16" "R=1,P=16,K=16" "P=4,3 Q=2" "N=1 C<=4, M>=2" \
                  "KRP" "C1 M8 # comment" "D=0" "K = 16"; do
        printf '%s' "$text" > "$dir/seed$((i++))"
      done ;;
    model)
      head -c 64 /dev/zero > "$dir/zero" ;;
  esac
}

run() {
  local target="$1" seconds="$2"
  local binary="$build/unittests/Fuzz/accel-fuzz-$target"
  if [ ! -x "$binary" ]; then
    echo "fuzz: $target is not built (scripts/setup.sh asan)" >&2
    return 1
  fi
  local work="$build/fuzz/$target"
  mkdir -p "$work/corpus"
  seed_corpus "$target" "$work/seeds"
  echo "fuzz: $target for ${seconds}s"
  # allow_user_poisoning=0: the LLVM libraries are not instrumented, and
  # their allocators share slabs with our instrumented copies of the same
  # inline code, whose poisoning they never undo (false use-after-poison).
  ASAN_OPTIONS="detect_leaks=0:allow_user_poisoning=0:${ASAN_OPTIONS:-}" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$binary" "$work/corpus" "$work/seeds" -max_total_time="$seconds" \
      -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
      -artifact_prefix="$work/" -print_final_stats=1 2> "$work/log" || {
    tail -40 "$work/log" >&2
    echo "fuzz: $target found a problem (see $work/)" >&2
    return 1
  }
  grep -E "stat::number_of_executed_units|Done" "$work/log" | tail -2
}

if [ "${1:-}" = "--all" ]; then
  for target in "${targets[@]}"; do run "$target" "${2:-60}"; done
elif [ -n "${1:-}" ]; then
  run "$1" "${2:-60}"
else
  sed -n '2,10p' "${BASH_SOURCE[0]}"
  exit 2
fi
