#!/usr/bin/env bash
# The main job: installs what is missing, builds the engine, the extension and the
# zips, then serves the playground on localhost until Ctrl-C.
#   PORT=8080 scripts/start.sh    serve on another port
#   NO_SERVE=1 scripts/start.sh   build only
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
port=${PORT:-8000}
cat <<MSG

Built:
  dist/extension/           load this folder unpacked (chrome://extensions > Developer mode > Load unpacked)
  dist/rapport-chrome.zip   for the Chrome Web Store
  dist/rapport-firefox.zip  for addons.mozilla.org (or about:debugging > Load Temporary Add-on)
  target/release/rapport    the CLI: cargo run --release -- check "Hi Sarah, ..."

Playground: http://localhost:$port/
MSG
[ "${NO_SERVE:-}" = 1 ] && exit 0
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist/site
