#!/usr/bin/env bash
# Runs every check Rapport has: ESLint, formatting, clippy (native and wasm), the native
# unit/property/corpus/conventions tests, the wasm boundary tests, a bounded fuzzing run,
# tsc over the JavaScript's JSDoc types, the Firefox lint, and the end-to-end tests (with
# axe-core accessibility checks) in headless Chromium with the real unpacked extension.
# Installs what it needs first (scripts/setup.sh). CI runs exactly this.
#
#   scripts/test.sh           everything (CI)
#   scripts/test.sh --quick   the engine's inner loop, under a minute once built:
#                             fmt, clippy (native), cargo test --lib
#
# The run leaves the tree clean, and its last step checks that git sees the tree as the
# run found it: the README's screenshots (docs/screenshots/) are rewritten only with
# UPDATE_SCREENSHOTS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# Snapshot tests (tests/snapshots.rs) compare only: a changed message fails the run and
# writes nothing; `INSTA_UPDATE=always cargo test --test snapshots` accepts a change.
export INSTA_UPDATE=no
step() { printf '\n\033[1;34m== %s\033[0m\n' "$1" >&2; shift; "$@"; }

if [ "${1:-}" = --quick ]; then
  step "format" cargo fmt --all -- --check
  step "clippy (native)" cargo clippy --quiet --all-targets -- -D warnings
  step "unit tests (cargo test --lib) and the layering conventions" cargo test --quiet --lib --test conventions
  exit 0
fi

# What git sees before the run: the run must leave the tree as it found it.
tree_before=$(git status --porcelain 2>/dev/null || true)
step "setup" scripts/setup.sh
step "JavaScript lint (ESLint)" npx --no-install eslint --max-warnings 0 .
step "format" cargo fmt --all -- --check
step "clippy (native)" cargo clippy --quiet --all-targets -- -D warnings
step "clippy (wasm)" cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --quiet
step "benchmarks build (cargo bench --bench analyze runs them)" cargo bench --quiet --no-run
step "wasm boundary tests (Node)" cargo test --target wasm32-unknown-unknown --test wasm --test wasm_followup --test wasm_outcomes
step "fuzzing, bounded (20 s per target; scripts/fuzz.sh 600 for the long run)" scripts/fuzz.sh 20
step "build the extension" scripts/build.sh
# The engine's size budget: 300 KB gzipped (the issue's bound; the build prints the figure).
step "wasm size budget (300,000 bytes gzipped)" bash -c \
  'gz=$(gzip -9c build/pkg/rapport_bg.wasm | wc -c); echo "$gz bytes gzipped"; [ "$gz" -le 300000 ]'
step "JavaScript types (tsc --checkJs over JSDoc; needs the build's engine types)" npx --no-install tsc -p tsconfig.json
step "Firefox lint (web-ext)" scripts/lint-firefox.sh
step "end-to-end tests (headless Chromium, and firefox-esr for firefox.test.mjs)" node --test --test-concurrency=1 tests/e2e/
step "the tree as the run found it (git status)" bash -c \
  '[ "$(git status --porcelain 2>/dev/null || true)" = "$1" ] || { echo "the run changed the tree:"; git status --short; exit 1; }' _ "$tree_before"
