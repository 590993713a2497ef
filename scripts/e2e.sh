#!/usr/bin/env bash
# Browser end-to-end tests: the real unpacked extension (dist/extension) in headless Debian
# Chromium, on LinkedIn-like pages served at https://www.linkedin.com/... (tests/e2e/).
#   scripts/e2e.sh                 build, then run every tests/e2e/*.test.mjs
#   scripts/e2e.sh --no-build      use the dist/ already built
#   scripts/e2e.sh --bench         also print the keystroke-to-score benchmark
#   scripts/e2e.sh [opts] FILE...  only these test files
# Failure screenshots land in tests/e2e/artifacts/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 bench=0 files=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --bench) bench=1 ;;
    *) files+=("$arg") ;;
  esac
done
[ "$build" = 1 ] && scripts/build.sh
[ ${#files[@]} -eq 0 ] && files=(tests/e2e/)
node --test --test-concurrency=1 "${files[@]}"
[ "$bench" = 1 ] && node tests/e2e/bench-keystroke.mjs
exit 0
