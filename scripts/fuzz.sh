#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (libFuzzer, nightly): every target in fuzz/fuzz_targets runs for a
# bounded time, starting from its seeds in fuzz/seeds/<target> (the worked cases, typed
# references) and the corpus kept from earlier runs. Any panic, overflow or broken property
# stops it with a non-zero exit; the input that did it is saved under fuzz/artifacts/<target>.
#
#   scripts/fuzz.sh        5 minutes a target (the long run; results in docs/RELIABILITY.md)
#   scripts/fuzz.sh 30     30 seconds a target (what scripts/test.sh runs)
#
# Building the targets takes about 30 s the first time (the domain crate alone, in release
# with debug assertions, so arithmetic overflow panics).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
SECONDS_EACH="${1:-300}"

ensure_fuzzing
cargo fetch --locked --manifest-path fuzz/Cargo.toml
FUZZ_OUT="$(realpath -m "$CARGO_OUT")/fuzz"
fuzz() { (cd fuzz && cargo +nightly fuzz "$1" -s none -O --target-dir "$FUZZ_OUT" "${@:2}"); }

say "Building the fuzz targets"
fuzz build
for target in $(cd fuzz && cargo +nightly fuzz list); do
  say "Fuzzing $target for $SECONDS_EACH s"
  corpus="$FUZZ_OUT/corpus/$target"
  mkdir -p "$corpus"
  seeds=()
  [ -d "fuzz/seeds/$target" ] && seeds=("seeds/$target")
  log="$FUZZ_OUT/$target.log"
  if ! fuzz run "$target" "$corpus" "${seeds[@]}" -- -max_total_time="$SECONDS_EACH" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzzing $target found a problem: the input is under fuzz/artifacts/$target" >&2
    exit 1
  fi
  grep -E '^(Done|stat::new_units_added)' "$log" || true
done
say "Fuzzing found nothing in $SECONDS_EACH s a target"
