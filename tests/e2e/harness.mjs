// Shared end-to-end machinery: launches Debian Chromium headless with the unpacked
// extension (dist/extension) in a fresh persistent profile, serves the LinkedIn-like
// fixture pages at https://www.linkedin.com/... with a strict CSP like LinkedIn's (script
// and style by nonce, no 'wasm-unsafe-eval'), blocks and records every other http(s)
// request, and screenshots a page when a test fails.
//
// Not a test file (node --test only picks *.test.mjs).

import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const EXTENSION = join(ROOT, 'dist/extension');
export const ARTIFACTS = join(here, 'artifacts');
const FIXTURES = join(here, 'fixtures');

/**
 * LinkedIn's CSP, tightened: no inline code without the nonce, no wasm, no eval. Frames
 * from the page's own origin and from one other site (LinkedIn's own policy lists the
 * third-party frames it embeds).
 */
export function csp(nonce) {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'report-sample' https://static.licdn.com`,
    `style-src 'nonce-${nonce}' https://static.licdn.com`,
    "img-src 'self' data: blob: https://media.licdn.com https://static.licdn.com",
    "connect-src 'self' https://www.linkedin.com wss://*.linkedin.com",
    "font-src data: https://static.licdn.com",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-src 'self' https://www.example.com",
    "frame-ancestors 'self'",
    "worker-src 'self' blob:",
  ].join('; ');
}

/** Which fixture answers a LinkedIn URL: ?fixture=NAME, else by path. */
export function fixtureFor(url) {
  const u = new URL(url);
  const named = u.searchParams.get('fixture');
  if (named) return named;
  if (u.pathname.startsWith('/messaging/')) return 'messaging';
  if (u.pathname.startsWith('/search/')) return 'search';
  if (u.pathname.startsWith('/in/')) return 'profile';
  if (u.pathname.startsWith('/mynetwork/invitation-manager/sent/')) return 'sent-invitations';
  if (u.pathname.startsWith('/mynetwork/invite-connect/connections/')) return 'connections';
  if (u.pathname.startsWith('/notifications/')) return 'notifications';
  return null;
}

export function fixtureBody(name, nonce) {
  const file = join(FIXTURES, `${basename(name)}.html`);
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').replaceAll('{{NONCE}}', nonce);
}

/**
 * Launches Chromium with the extension. Returns { ctx, sw, extensionId, external, close }.
 * `external` collects every http(s) request that was not a LinkedIn fixture (all blocked).
 * @param {{ extension?: string, colorScheme?: 'light'|'dark', viewport?: {width:number,height:number} }} opts
 */
export async function launch(opts = {}) {
  const extension = opts.extension || EXTENSION;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`${extension} has no manifest.json: run scripts/build.sh first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: opts.viewport || { width: 1280, height: 800 },
    colorScheme: opts.colorScheme || 'light',
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  ctx.setDefaultTimeout(10_000);
  const external = [];
  await ctx.route('**/*', async (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.continue();
    if (url.startsWith('https://www.linkedin.com/')) {
      const name = fixtureFor(url);
      const nonce = randomBytes(12).toString('base64');
      const body = name && route.request().resourceType() === 'document' ? fixtureBody(name, nonce) : null;
      if (body) {
        return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(nonce) }, body });
      }
      return route.fulfill({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' });
    }
    if (url.startsWith('https://www.example.com/')) {
      // A non-LinkedIn page (or a frame in one) with the same markup: the extension must stay away.
      const nonce = randomBytes(12).toString('base64');
      const name = new URL(url).searchParams.get('fixture') || 'profile';
      const policy = csp(nonce).replace("frame-ancestors 'self'", "frame-ancestors 'self' https://www.linkedin.com");
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy }, body: fixtureBody(name, nonce) });
    }
    external.push(url);
    return route.abort('blockedbyclient');
  });
  const sw = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? (await ctx.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(sw.url()).host;
  // A first install opens the welcome page; tests start from a clean window.
  const welcomed = await welcomePage(ctx);
  await welcomed?.close();
  const close = async () => {
    await ctx.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { ctx, sw, extensionId, external, close, welcomed: welcomed?.url() ?? null };
}

/** The welcome page the extension opens on install (waits up to 5 s), or null. */
async function welcomePage(/** @type {import('playwright-core').BrowserContext} */ ctx) {
  for (const end = Date.now() + 5000; Date.now() < end; await sleep(50)) {
    const page = ctx.pages().find((p) => p.url().endsWith('/extension/pages/welcome.html'));
    if (page) return page;
  }
  return null;
}

/**
 * One browser for a test file: launched before its first test, closed after its last.
 * Returns { env, it }: `env` is filled in with what launch() returns once the browser is
 * up; `it(name, fn)` is a test that screenshots the pages when it fails.
 * @param {string} file names the screenshots
 * @param {Parameters<typeof launch>[0]} opts
 * @param {(env: Awaited<ReturnType<typeof launch>>) => void} [setup] runs once the browser is up
 */
export function browserSuite(file, opts, setup) {
  const env = {};
  before(async () => {
    Object.assign(env, await launch(opts));
    setup?.(env);
  });
  after(async () => {
    await env.close?.();
  });
  const it = (name, fn) => test(name, withShots(() => env.ctx, `${file} ${name}`, fn));
  return { env, it };
}

/** Bounding boxes overlap? */
export const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Opens a page and records page errors and console errors (the content script must not
 * add any). Returns { page, errors }.
 */
export async function open(ctx, url) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
  });
  if (url) await page.goto(url);
  return { page, errors };
}

/**
 * Runs a test body, then checks the content script caught no exception along the way.
 * On failure saves a screenshot of every open page into artifacts/ and closes them.
 */
export function withShots(ctxGetter, name, fn) {
  return async (t) => {
    try {
      await fn(t);
      const caught = await internalErrors(ctxGetter());
      if (caught.length) throw new Error(`the content script caught exceptions:\n${caught.join('\n')}`);
    } catch (e) {
      try {
        mkdirSync(ARTIFACTS, { recursive: true });
        const pages = ctxGetter()?.pages() || [];
        let i = 0;
        for (const p of pages) {
          const file = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-')}-${i++}.png`);
          await p.screenshot({ path: file, timeout: 5000 }).catch(() => {});
          if (p.url() !== 'about:blank') await p.close().catch(() => {});
        }
      } catch {
        // the failure itself matters more
      }
      throw e;
    }
  };
}

/**
 * Exceptions the content script caught and handed to the service worker (it keeps them
 * out of the page's console). Tests assert there are none.
 */
export async function internalErrors(ctx) {
  if (!ctx) return [];
  const sw = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) return [];
  return sw.evaluate(() => (globalThis.rapportErrors || []).map((e) => `${e.where}: ${e.message}`)).catch(() => []);
}

/** The panel and its parts (Playwright's CSS engine pierces open shadow roots). */
export const PANEL = 'rapport-panel';
export const panel = (page) => page.locator(PANEL);
/** What the panel shows (the host's own innerText is empty: it is all in the shadow root). */
export const panelText = (page) => page.locator(`${PANEL} .panel`).innerText();
export const applyButton = (page, rule) => page.locator(`${PANEL} [data-rapport-rule="${rule}"]`);

/** Waits until the panel has drawn a report for exactly `length` UTF-16 units. */
export async function settled(page, length) {
  await page.waitForFunction(
    ([sel, n]) => {
      const els = [...document.querySelectorAll(sel)].filter((e) => !e.hidden);
      return els.some((e) => e.getAttribute('data-rapport-length') === String(n)
        && (e.getAttribute('data-rapport-state') === 'ready' || e.getAttribute('data-rapport-state') === 'empty')
        && e.getAttribute('data-rapport-drawn') === String(n));
    },
    [PANEL, length],
    { timeout: 5000 },
  );
}

/** The finding rules the visible panel shows, in order. */
export function findings(page) {
  return page.evaluate((sel) => {
    const host = [...document.querySelectorAll(sel)].find((e) => !e.hidden);
    return host ? [...host.shadowRoot.querySelectorAll('[data-finding]')].map((e) => e.getAttribute('data-finding')) : [];
  }, PANEL);
}

/**
 * The first finding whose fix removes text: { rule, start, end } (UTF-16, from the
 * panel's data attributes), or null.
 */
export function firstRemoval(page) {
  return page.evaluate((sel) => {
    const host = [...document.querySelectorAll(sel)].find((e) => !e.hidden);
    for (const li of host?.shadowRoot.querySelectorAll('[data-finding]') || []) {
      const btn = li.querySelector('button[data-rapport-rule]');
      if (btn && btn.textContent === 'Remove') {
        return { rule: btn.getAttribute('data-rapport-rule'), start: Number(li.dataset.start), end: Number(li.dataset.end) };
      }
    }
    return null;
  }, PANEL);
}

/** Connect -> "Add a note" on the profile fixture; resolves with the note textarea. */
export async function openInviteNote(page) {
  await page.locator('main button[aria-label^="Invite"]').click();
  await page.locator('#interop-outlet button[aria-label="Add a note"]').click();
  const area = page.locator('#custom-message');
  await area.waitFor();
  return area;
}

/**
 * Waits until `fn(arg)`, run in `page`, resolves truthy; resolves with that value. For
 * async page functions: Playwright's waitForFunction takes the promise they return for a
 * truthy value and never waits.
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {(arg: any) => Promise<T>|T} fn
 * @param {any} [arg]
 * @param {number} [timeout]
 * @returns {Promise<T>}
 */
export async function until(page, fn, arg = undefined, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The README's pictures (docs/screenshots/NAME.png) are tracked files: a normal test run
 * leaves them alone, and only `UPDATE_SCREENSHOTS=1` rewrites them.
 * @param {{ screenshot: (o: object) => Promise<unknown> }} page a page or a locator
 * @param {string} name
 * @param {object} [opts] screenshot options
 */
export async function readmeShot(page, name, opts = {}) {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
  await page.screenshot({ ...opts, path: join(ROOT, 'docs/screenshots', `${name}.png`) });
}

/**
 * axe-core on a page (or only inside `include`, e.g. 'rapport-panel'), with the check that
 * a control's name contains its visible text switched on (axe marks it experimental).
 * Returns the serious and critical violations, one line each (empty: none).
 * @param {import('playwright-core').Page} page
 * @param {string} [include]
 */
export async function axeViolations(page, include) {
  let builder = new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`));
}

/**
 * Whether the page itself may compile WebAssembly: 'CompileError' under a CSP like
 * LinkedIn's (no 'wasm-unsafe-eval'), 'compiled' without one. Playwright or Puppeteer page.
 * @param {{ evaluate: (fn: () => Promise<string>) => Promise<string> }} page
 */
export function wasmInPage(page) {
  return page.evaluate(async () => {
    try {
      await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return 'compiled';
    } catch (e) {
      return e.name;
    }
  });
}

export async function sleep(ms) {
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * Leak counters for a page, after two forced garbage collections: the renderer's DOM
 * counters (nodes, event listeners; the isolated world's listeners count too) and the
 * live objects the content script's isolated world holds of each class in `classes`
 * (CDP Runtime.queryObjects on that world's own prototypes, so the page's objects never
 * count). Returns `measure()`; call `detach()` when done.
 * @param {import('playwright-core').BrowserContext} ctx
 * @param {import('playwright-core').Page} page
 * @param {string[]} classes e.g. ['MutationObserver', 'AbortController']
 */
export async function heapCounters(ctx, page, classes) {
  const cdp = await ctx.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable'); // replays the contexts that exist
  const mainFrame = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const world = () => {
    const w = worlds.findLast((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === mainFrame && c.name.startsWith('Rapport'));
    if (!w) throw new Error("the content script's isolated world was not found");
    return w.id;
  };
  // Every remote object goes in one group, released after each count: CDP keeps the
  // objects it hands out alive, which would otherwise look like a leak.
  const objectGroup = 'rapport-heap-counters';
  async function live(name) {
    try {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `${name}.prototype`, contextId: world(), objectGroup });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup });
      const { result: n } = await cdp.send('Runtime.callFunctionOn', {
        functionDeclaration: 'function () { return this.length; }', objectId: objects.objectId, returnByValue: true,
      });
      return n.value;
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
    }
  }
  async function measure() {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const c = await cdp.send('Memory.getDOMCounters');
    const out = { nodes: c.nodes, listeners: c.jsEventListeners };
    for (const name of classes) out[name] = await live(name);
    return out;
  }
  return { measure, detach: () => cdp.detach() };
}
