// Real Firefox (Debian's firefox-esr) with the built extension, driven by puppeteer-core
// over WebDriver BiDi; see ../../../shared/docs/firefox.md for the recipe and its traps.
// LinkedIn's pages are the same fixtures as in Chromium, served by BiDi request
// interception with the same strict CSP. Firefox ESR runs the background as an event
// page, not a service worker, and BiDi cannot script extension pages, so the background
// is reached over Firefox's remote debugging protocol (RDP): `background(expr)`.
//
// Not a test file (node --test only picks *.test.mjs).

import puppeteer from 'puppeteer-core';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { EXTENSION, csp, fixtureBody, fixtureFor } from './harness.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const ADDON_ID = 'rapport@rapport.invalid';

/** A free TCP port on loopback for the debugger server. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * A minimal RDP client: messages are `LEN:{json}` both ways; `request` resolves with the
 * first message from the actor asked, `until` with the first message that passes a test.
 */
function rdpClient(port) {
  const sock = net.connect(port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  const listeners = new Set();
  /** The latest messages: an answer can arrive in the same chunk as the reply that names it. */
  const recent = [];
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const colon = buf.indexOf(58);
      if (colon < 0) return;
      const len = Number(buf.subarray(0, colon).toString());
      if (buf.length < colon + 1 + len) return;
      const msg = JSON.parse(buf.subarray(colon + 1, colon + 1 + len).toString());
      buf = buf.subarray(colon + 1 + len);
      recent.push(msg);
      if (recent.length > 200) recent.shift();
      for (const l of [...listeners]) l(msg);
    }
  });
  /** `past`: a message that already arrived counts too (for answers named by an earlier reply). */
  const until = (test, what, ms = 10_000, past = false) => new Promise((resolve, reject) => {
    const seen = past ? recent.find(test) : undefined;
    if (seen) {
      resolve(seen);
      return;
    }
    const timer = setTimeout(() => {
      listeners.delete(l);
      reject(new Error(`RDP: no answer for ${what}`));
    }, ms);
    const l = (m) => {
      if (!test(m)) return;
      clearTimeout(timer);
      listeners.delete(l);
      resolve(m);
    };
    listeners.add(l);
  });
  const send = (msg) => {
    const s = JSON.stringify(msg);
    sock.write(`${Buffer.byteLength(s)}:${s}`);
  };
  const request = (msg) => {
    const answer = until((m) => m.from === msg.to && !m.type, `${msg.to} ${msg.type}`);
    send(msg);
    return answer;
  };
  const ready = new Promise((resolve, reject) => {
    sock.once('error', reject);
    until((m) => m.from === 'root', 'the greeting').then(resolve, reject);
  });
  return { ready, request, send, until, close: () => sock.destroy() };
}

/** Connects to the debugger server, retrying while Firefox opens it. */
async function connectRdp(port) {
  for (let i = 0; ; i++) {
    const c = rdpClient(port);
    try {
      await c.ready;
      return c;
    } catch (e) {
      c.close();
      if (i > 40) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * Launches Firefox with the extension as a temporary add-on. Returns { browser, open,
 * background, external, close }: `open(url)` a page with LinkedIn's fixtures served and
 * its errors recorded; `background(expr)` evaluates an expression in the background page
 * and resolves with its JSON value; `external` lists every other http(s) request (blocked).
 */
export async function launchFirefox({ extension = EXTENSION, colorScheme = 'light' } = {}) {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: run scripts/setup.sh`);
  const port = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    args: ['--start-debugger-server', String(port)],
    extraPrefsFirefox: {
      'extensions.originControls.grantByDefault': true,
      'devtools.debugger.remote-enabled': true,
      'devtools.debugger.prompt-connection': false,
      'devtools.chrome.enabled': true,
      // 0 dark, 1 light (page.emulateMediaFeatures needs CDP).
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
    },
  });
  const external = [];
  let rdp = null;
  let consoleActor = null;
  try {
    await browser.installExtension(extension);
    rdp = await connectRdp(port);
    const { addons } = await rdp.request({ to: 'root', type: 'listAddons' });
    const addon = addons.find((a) => a.id === ADDON_ID);
    if (!addon) throw new Error(`RDP: ${ADDON_ID} is not installed`);
    const watcher = await rdp.request({ to: addon.actor, type: 'getWatcher' });
    const found = rdp.until((m) => m.type === 'target-available-form' && /_generated_background_page\.html$/.test(m.target?.url || ''), 'the background page');
    rdp.send({ to: watcher.actor, type: 'watchTargets', targetType: 'frame' });
    consoleActor = (await found).target.consoleActor;
  } catch (e) {
    rdp?.close();
    await browser.close();
    throw e;
  }

  /** Evaluates `expr` (awaited) in the background page; resolves with its value, as JSON. */
  async function background(expr) {
    const text = `(async () => JSON.stringify(await (${expr})))()`;
    const { resultID } = await rdp.request({ to: consoleActor, type: 'evaluateJSAsync', text, mapped: { await: true } });
    // The result may have come in the same chunk as the reply naming it: look back too.
    const done = await rdp.until((m) => m.type === 'evaluationResult' && m.resultID === resultID, expr, 10_000, true);
    if (done.exceptionMessage) throw new Error(`background: ${done.exceptionMessage}`);
    return done.result === undefined || done.result?.type === 'undefined' ? undefined : JSON.parse(done.result);
  }

  /** A page with the fixtures served and its errors recorded. */
  async function open(url) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') errors.push(`console.${m.type()}: ${m.text()}`);
    });
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const u = req.url();
      if (!/^https?:/.test(u)) return req.continue(); // data: fonts, moz-extension:
      if (u.startsWith('https://www.linkedin.com/')) {
        const nonce = randomBytes(12).toString('base64');
        const name = req.isNavigationRequest() && fixtureFor(u);
        const body = name && fixtureBody(name, nonce);
        if (body) {
          return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': csp(nonce) }, body });
        }
        // The browser's own asks of the page's origin (favicon.ico), as in Chromium's harness.
        return req.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
      }
      external.push(u);
      return req.abort('blockedbyclient');
    });
    if (url) await page.goto(url);
    return { page, errors };
  }

  const close = async () => {
    rdp?.close();
    await browser.close().catch(() => {});
  };
  return { browser, open, background, external, close };
}
