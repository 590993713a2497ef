#!/usr/bin/env bash
# Fuzzes the engine and the follow-up parsers with cargo fuzz (libFuzzer, nightly toolchain).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
#   scripts/fuzz.sh          20 s per target: the bounded run of the test command
#   scripts/fuzz.sh 600      the long run (10 minutes per target), before a release
#   scripts/fuzz.sh 60 analyze
#
# Targets (fuzz/fuzz_targets/*.rs): analyze, import_json, load_all, normalize_profile_url,
# parse_relative.
# Each one starts from its committed seeds (fuzz/seeds/<target>) copied into a work
# corpus (gitignored). Runs of a minute or more per target use fuzz/work/<target>,
# which keeps what earlier runs found, so repeated long runs go deeper; shorter runs
# start afresh in fuzz/work/quick/<target> (replaying a large saved corpus alone can
# take longer than a bounded run may). Targets run FUZZ_JOBS at a time (default: the
# number of cores), each on one core for SECONDS_PER_TARGET. Logs: <work corpus>.log.
# Built with debug assertions and overflow checks, without AddressSanitizer by
# default (the crate has no unsafe code, and ASan makes `analyze` 4x slower);
# FUZZ_SANITIZER=address scripts/fuzz.sh 600 turns it on.
#
# Fails if any target crashes (panic, failed assertion, sanitizer error, an input
# slower than 10 s, more than 2 GB), printing the saved input (fuzz/artifacts/<target>/...)
# and the commands to reproduce and minimise it. A crash becomes a regression test in
# the main crate (tests/regressions.rs). Needs cargo-fuzz (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-20}
if [ $# -gt 0 ]; then shift; fi
case $secs in '' | *[!0-9]*)
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
  ;;
esac
all=(analyze import_json load_all normalize_profile_url parse_relative)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
sanitizer=${FUZZ_SANITIZER:-none}

log() { printf '\033[1;34m[fuzz]\033[0m %s\n' "$*" >&2; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is not installed: run scripts/setup.sh (or cargo install cargo-fuzz)" >&2
  exit 1
fi

# Largest input per target, and the dictionary of tokens that reach deeper code.
max_len() {
  case $1 in
  analyze) echo 4096 ;;                  # notes: the limit is 300, a long paste is bounded
  import_json | load_all) echo 65536 ;;  # export files and storage snapshots
  normalize_profile_url) echo 1024 ;;
  parse_relative) echo 256 ;;              # 8 bytes of time, then a page's short date text
  *) echo 4096 ;;
  esac
}
dict() {
  case $1 in
  analyze) echo fuzz/dicts/note.dict ;;
  import_json | load_all) echo fuzz/dicts/json.dict ;;
  normalize_profile_url) echo fuzz/dicts/url.dict ;;
  parse_relative) echo fuzz/dicts/date.dict ;;
  esac
}

start=$SECONDS
log "building the fuzz targets (cargo +nightly fuzz build --sanitizer $sanitizer)"
cargo +nightly fuzz build --sanitizer "$sanitizer"
log "built in $((SECONDS - start)) s; fuzzing ${targets[*]} for $secs s each, $jobs at a time"

if [ "$secs" -ge 60 ]; then work_root=fuzz/work; else work_root=fuzz/work/quick; fi

run_one() {
  local t=$1 work=$work_root/$1 out=$work_root/$1.log
  if [ "$work_root" = fuzz/work/quick ]; then rm -rf "$work"; fi
  mkdir -p "$work"
  cp -n fuzz/seeds/"$t"/* "$work"/ 2>/dev/null || true
  cargo +nightly fuzz run --sanitizer "$sanitizer" "$t" "$work" fuzz/seeds/"$t" -- \
    -max_total_time="$secs" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
    -dict="$(dict "$t")" -print_final_stats=1 >"$out" 2>&1
}

summary() {
  local t=$1 out=$work_root/$1.log runs rate
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$out" | tail -1)
  rate=$(awk '/stat::average_exec_per_sec/ { print $2 }' "$out" | tail -1)
  printf '%s: %s runs, %s/s, corpus %s inputs\n' "$t" "${runs:-?}" "${rate:-?}" \
    "$(find "$work_root/$t" -type f | wc -l)"
}

failed=()
pids=()
names=()
wait_one() {
  local pid=${pids[0]} t=${names[0]}
  pids=("${pids[@]:1}")
  names=("${names[@]:1}")
  if wait "$pid"; then
    log "$(summary "$t")"
  else
    failed+=("$t")
    local out=$work_root/$t.log artifact
    artifact=$(grep -oE 'Test unit written to [^ ]+' "$out" | tail -1 | cut -d' ' -f5 || true)
    printf '\n\033[1;31m[fuzz] %s FAILED\033[0m (log: %s)\n' "$t" "$out" >&2
    # What failed (a panic's message, a sanitizer's or libFuzzer's report), not the noise.
    grep -E -A2 "panicked at|^==[0-9]+==|^ERROR: libFuzzer|^SUMMARY" "$out" | grep -v '^stack backtrace' | head -20 >&2
    if [ -n "$artifact" ]; then
      printf '\n\033[1;31m[fuzz] crashing input: %s\033[0m\n' "$artifact" >&2
      printf '  reproduce: cargo +nightly fuzz run -s %s %s %s\n' "$sanitizer" "$t" "$artifact" >&2
      printf '  minimise:  cargo +nightly fuzz tmin -s %s %s %s\n' "$sanitizer" "$t" "$artifact" >&2
      printf '  then add the minimised input as a test in tests/regressions.rs\n' >&2
    fi
  fi
}

for t in "${targets[@]}"; do
  if [ ! -f fuzz/fuzz_targets/"$t".rs ]; then
    echo "no fuzz target $t (have: ${all[*]})" >&2
    exit 2
  fi
  if [ ${#pids[@]} -ge "$jobs" ]; then wait_one; fi
  run_one "$t" &
  pids+=($!)
  names+=("$t")
done
while [ ${#pids[@]} -gt 0 ]; do wait_one; done

if [ ${#failed[@]} -gt 0 ]; then
  log "crashed: ${failed[*]} (total $((SECONDS - start)) s)"
  exit 1
fi
log "no crashes in ${#targets[@]} targets x $secs s (total $((SECONDS - start)) s)"
