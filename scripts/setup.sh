#!/usr/bin/env bash
# Installs everything Rapport needs on a fresh Debian machine; idempotent and quick when all is present.
#   rustup target wasm32-unknown-unknown, wasm-bindgen-cli (the exact version in Cargo.lock),
#   Debian chromium + chromium-driver and firefox-esr (end-to-end tests), npm packages from
#   package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
want=${want:-0.2.130}
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (about 5 minutes, once)"
  # Without --locked: a locked dependency may not be reachable from the registry mirror.
  cargo install wasm-bindgen-cli --version "$want" --quiet
fi

if [ "${RAPPORT_SKIP_BROWSER:-}" != 1 ] && ! { command -v chromium && command -v firefox-esr; } >/dev/null; then
  log "installing Debian chromium and firefox-esr (end-to-end tests; about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# cargo-fuzz for scripts/fuzz.sh (libFuzzer on the nightly toolchain, which the machine has).
if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz (about 1 minute, once)"
  # --locked worked here; fall back to a fresh resolution if a locked version is not
  # reachable from the registry mirror (as happens for wasm-bindgen-cli).
  cargo install cargo-fuzz --locked --quiet || cargo install cargo-fuzz --quiet
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (cargo fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
