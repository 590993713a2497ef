#!/usr/bin/env bash
# Builds the wasm engine and assembles the extension and the playground.
#   build/pkg/                 wasm-bindgen output (rapport.js + rapport_bg.wasm), optimised by wasm-opt
#   dist/extension/            the unpacked extension (load this folder in the browser)
#   dist/site/                 the playground, servable by any static server
#   dist/rapport-chrome.zip, dist/rapport-firefox.zip
# Re-running is fast: cargo and wasm-opt only redo what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1;34m[build]\033[0m %s\n' "$*" >&2; }

scripts/setup.sh

log "compiling the engine to wasm"
cargo build --quiet --profile wasm --lib --target wasm32-unknown-unknown
raw=target/wasm32-unknown-unknown/wasm/rapport.wasm

mkdir -p build/pkg
if [ ! -f build/pkg/rapport_bg.wasm ] || [ "$raw" -nt build/pkg/rapport_bg.wasm ]; then
  log "wasm-bindgen + wasm-opt"
  wasm-bindgen --target web --out-dir build/pkg \
    --remove-name-section --remove-producers-section "$raw"
  # Debian's wasm-opt (binaryen 108) produces modules that fail at run time; use npm's binaryen.
  # --low-memory-unused: Rust's wasm32 target puts its stack and data from 1 MiB up, so
  # the first KiB is never read and binaryen may fold constant offsets into loads;
  # --converge repeats the passes until the module stops shrinking (about 2 KB gzipped);
  # --strip-target-features drops the features section, which only tools read (147 bytes).
  # -Os rather than -Oz: after rustc's own opt-level "z" it came out 247 bytes smaller
  # and the benchmark note 3% faster in Node (-O3: 0.8 KB larger, about 5% faster).
  node_modules/binaryen/bin/wasm-opt -Os --low-memory-unused --converge \
    --enable-bulk-memory --enable-reference-types \
    --enable-multivalue --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --strip-target-features \
    build/pkg/rapport_bg.wasm -o build/pkg/rapport_bg.opt.wasm
  mv build/pkg/rapport_bg.opt.wasm build/pkg/rapport_bg.wasm
fi

if [ ! -f build/icons/icon-128.png ] || [ assets/icon.svg -nt build/icons/icon-128.png ]; then
  node scripts/icons.mjs build/icons
fi

log "building the CLI (target/release/rapport)"
cargo build --quiet --release --bin rapport

log "assembling dist/"
rm -rf dist/extension dist/site
mkdir -p dist/extension dist/site
# The extension: manifest, its scripts and pages (extension/pages/), the engine, icons.
cp manifest.json dist/extension/
cp -r extension dist/extension/extension
find dist/extension/extension \( -name '*.md' -o -name '*.d.ts' \) -delete   # docs and types stay in the repo
cp -r build/pkg dist/extension/pkg
find dist/extension/pkg -name '*.d.ts' -delete
[ -d build/icons ] && cp -r build/icons dist/extension/icons
# The site: the playground (www/), the UI kit it shares with the extension, the engine.
cp -r www/. dist/site/
mkdir -p dist/site/ui
cp extension/ui/*.js dist/site/ui/
cp -r build/pkg dist/site/pkg
rm -f dist/site/pkg/*.d.ts
cp build/icons/icon-32.png dist/site/favicon.png

log "packing zips"
python3 - <<'PY'
import json, os, zipfile
def pack(src, dest, manifest=None):
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(src):
            for f in sorted(files):
                path = os.path.join(root, f)
                arc = os.path.relpath(path, src)
                if arc == "manifest.json" and manifest is not None:
                    z.writestr(arc, json.dumps(manifest, indent=2))
                else:
                    z.write(path, arc)
m = json.load(open("dist/extension/manifest.json"))
pack("dist/extension", "dist/rapport-chrome.zip")
pack("dist/extension", "dist/rapport-firefox.zip")
PY
wasm=$(stat -c %s build/pkg/rapport_bg.wasm); gz=$(gzip -9c build/pkg/rapport_bg.wasm | wc -c)
log "wasm: $wasm bytes raw, $gz bytes gzipped"
