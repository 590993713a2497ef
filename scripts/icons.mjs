// Renders assets/icon.svg, the one source drawing, to the PNG sizes the extension needs.
// Usage: node scripts/icons.mjs OUT_DIR
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'build/icons';
const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url));
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(join(out, `icon-${size}.png`), png);
}
console.error(`[icons] wrote 16/32/48/128 px icons to ${out}`);
