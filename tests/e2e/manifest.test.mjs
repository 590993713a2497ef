// Conventions of the extension shell, checked without a browser: the manifest's promises
// (version, permissions, hosts, CSP, no web-accessible files) and "every LinkedIn selector
// lives in extension/content/selectors.js".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const LINKEDIN = 'https://www.linkedin.com/*';

test('the manifest version is the crate version', () => {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo)[1];
  assert.equal(manifest.version, version);
});

test('permissions: storage, alarms and LinkedIn only (notifications optional); wasm allowed in extension pages only', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, ['storage', 'alarms']);
  assert.deepEqual(manifest.optional_permissions, ['notifications']);
  assert.equal(manifest.action.default_popup, 'extension/pages/popup.html');
  assert.deepEqual(manifest.options_ui, { page: 'extension/pages/options.html', open_in_tab: true });
  for (const page of [manifest.action.default_popup, manifest.options_ui.page]) assert.ok(existsSync(join(ROOT, page)), page);
  assert.deepEqual(manifest.host_permissions, [LINKEDIN]);
  for (const cs of manifest.content_scripts) assert.deepEqual(cs.matches, [LINKEDIN]);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.equal(manifest.web_accessible_resources, undefined, 'nothing a page could probe for');
  assert.equal(manifest.background.type, 'module');
  assert.deepEqual(manifest.background.scripts, [manifest.background.service_worker], 'Firefox runs the same file');
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
});

test('every content script exists, and every file in extension/content/ and extension/ui/ is injected', () => {
  const injected = manifest.content_scripts.flatMap((cs) => cs.js);
  for (const file of injected) assert.ok(existsSync(join(ROOT, file)), file);
  const onDisk = ['content', 'ui'].flatMap((d) => readdirSync(join(ROOT, 'extension', d)).filter((f) => f.endsWith('.js')).map((f) => `extension/${d}/${f}`));
  assert.deepEqual(onDisk.filter((f) => !injected.includes(f)), []);
  assert.deepEqual(injected.slice(0, 4), ['extension/protocol.js', 'extension/ui/kit.js', 'extension/ui/report.js', 'extension/content/selectors.js'],
    'the protocol, then the UI kit, then the selectors, before their users');
  assert.equal(injected.at(-1), 'extension/content/main.js', 'main starts last');
});

test('LinkedIn selectors live in selectors.js only', () => {
  // A string literal handed to a DOM query in any other content file is a stray selector.
  // (The panel queries its own shadow root by its own class names; pseudo-classes are
  // feature checks.)
  const query = /\b(?:querySelector(?:All)?|closest|closestDeep|first|all|matches)\(\s*(?:[\w.]+\s*,\s*)?\[?\s*['"`](?!:)/;
  const dir = join(ROOT, 'extension/content');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'selectors.js')) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (file === 'panel.js' && /this\.(findings|root)\.querySelector/.test(line)) return;
      assert.ok(!query.test(line), `${file}:${i + 1}: ${line.trim()}`);
    });
  }
});

test('no innerHTML and no network APIs in the extension', () => {
  const js = (dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`);
  const files = ['extension', 'extension/content', 'extension/ui', 'extension/pages', 'www'].flatMap(js);
  assert.ok(files.includes('extension/store.js') && files.includes('extension/pages/popup.js') && files.includes('www/playground.js'));
  for (const file of files) {
    const code = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
    assert.ok(!/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML/.test(code), `${file} writes HTML`);
    assert.ok(!/\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b|\bfetch\(/.test(code), `${file} talks to the network`);
  }
});

test('no other manifest key widens access, and the loaded build carries the same manifest', () => {
  // Exactly these top-level keys: anything new (externally_connectable,
  // optional_host_permissions, web_accessible_resources, sandbox, declarative_net_request,
  // chrome_url_overrides, ...) must be a deliberate change to this list.
  assert.deepEqual(Object.keys(manifest).sort(), [
    'action', 'background', 'browser_specific_settings', 'content_scripts', 'content_security_policy', 'description',
    'icons', 'manifest_version', 'minimum_chrome_version', 'name', 'optional_permissions', 'options_ui', 'permissions',
    'short_name', 'version', 'host_permissions',
  ].sort());
  assert.equal(manifest.content_scripts.length, 1);
  // Frames widen nothing: the scripts run in LinkedIn's own frames (and the about:blank or
  // srcdoc frames a LinkedIn page makes), never in another site's frame (frames.test.mjs).
  assert.deepEqual(manifest.content_scripts[0].matches, ['https://www.linkedin.com/*']);
  assert.equal(manifest.content_scripts[0].all_frames, true);
  assert.equal(manifest.content_scripts[0].match_about_blank, true);
  assert.equal(manifest.content_scripts[0].match_origin_as_fallback, undefined, 'no blob:/data: frames of any origin');
  assert.equal(manifest.content_scripts[0].world, undefined, 'content scripts stay in the isolated world');
  const built = join(ROOT, 'dist/extension/manifest.json');
  if (existsSync(built)) assert.deepEqual(JSON.parse(readFileSync(built, 'utf8')), manifest, 'dist/extension/manifest.json is the manifest');
});
