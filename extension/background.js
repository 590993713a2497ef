// The service worker owns the engine (LinkedIn's CSP forbids WebAssembly in content
// scripts) and the settings. It answers the typed messages in protocol.js.
//
// The browser stops idle workers; this file is re-evaluated on the next message, so all
// state is lazy: the engine loads on first use (`ready ??= init()`), the listener is
// registered synchronously at the top level.

import init, { analyze, rules } from '../pkg/rapport.js';
import './protocol.js'; // no exports: publishes globalThis.RapportProtocol
import { getSettings } from './settings.js';

const { KIND, invalid } = globalThis.RapportProtocol;

let ready = null;
/** Exceptions the content scripts caught, newest last (memory only; see KIND.ERROR). */
const caught = (globalThis.rapportErrors = []);

/** Loads the engine once; a failed load is retried on the next message. */
function engine() {
  ready ??= init({ module_or_path: new URL('../pkg/rapport_bg.wasm', import.meta.url) }).catch((e) => {
    ready = null;
    throw e;
  });
  return ready;
}

/** Fills the context with the person's settings; the page's own values win for `limit`. */
async function fullContext(context) {
  const settings = await getSettings();
  const ctx = context && typeof context === 'object' ? { ...context } : {};
  if (!(Number.isInteger(ctx.limit) && ctx.limit > 0)) ctx.limit = settings.limit;
  const disabled = Array.isArray(ctx.disabled) ? ctx.disabled : [];
  ctx.disabled = [...new Set([...disabled, ...settings.disabled])];
  if (ctx.kind !== 'invitation' && ctx.kind !== 'message') delete ctx.kind;
  return ctx;
}

async function handle(msg) {
  const bad = invalid(msg);
  if (bad) return { ok: false, error: `bad request: ${bad}` };
  switch (msg.kind) {
    case KIND.ANALYZE: {
      const [, ctx] = await Promise.all([engine(), fullContext(msg.context)]);
      return { ok: true, report: analyze(msg.text, ctx) };
    }
    case KIND.PING:
      await engine();
      return { ok: true, version: chrome.runtime.getManifest().version };
    case KIND.RULES:
      await engine();
      return { ok: true, rules: rules() };
    case KIND.ERROR:
      caught.push({ where: msg.where, message: msg.message, at: Date.now() });
      if (caught.length > 50) caught.shift();
      return { ok: true };
  }
  return { ok: false, error: 'unhandled' };
}

chrome.runtime.onMessage.addListener((msg, sender, respond) => {
  // Only our own content scripts and pages talk to us.
  if (sender.id !== chrome.runtime.id) return false;
  handle(msg).then(respond, (e) => respond({ ok: false, error: String(e?.message || e) }));
  return true; // answer asynchronously
});
