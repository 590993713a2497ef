#!/usr/bin/env bash
# Lints the built extension for Firefox with Mozilla's web-ext; fails on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(npx --no-install web-ext lint --source-dir dist/extension --output json --boring 2>/dev/null || true)
node -e '
const r = JSON.parse(process.argv[1]);
const s = r.summary;
for (const m of [...r.errors, ...r.warnings]) console.log(`${m._type}: ${m.code} ${m.file ?? ""} ${m.message}`);
console.log(`web-ext lint: ${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices`);
process.exit(s.errors === 0 ? 0 : 1);
' "$out"
