// The service worker owns the engine (LinkedIn's CSP forbids WebAssembly in content
// scripts), the settings and every storage write (store.js). It answers the typed
// messages in protocol.js; the follow-up ones are in followup.js.
//
// The browser stops idle workers; this file is re-evaluated on the next message, so all
// state is lazy: the engine loads on first use (engine.js), the listeners are registered
// synchronously at the top level (here and in followup.js).

import { analyze, rules } from '../pkg/rapport.js';
import './protocol.js'; // no exports: publishes globalThis.RapportProtocol
import { engine } from './engine.js';
import { handleFollowup, noteGuard } from './followup.js';
import { handleOutcomes, noteAllowance } from './outcomes.js';
import { getSettings } from './settings.js';
import { StoreError } from './store.js';

const { KIND, PAGE_ONLY, invalid } = globalThis.RapportProtocol;

/** Exceptions the content scripts caught, newest last (memory only; see KIND.ERROR). */
const caught = (globalThis.rapportErrors = []);

/** Fills the context with the person's settings; the page's own values win for `limit`. */
async function fullContext(context) {
  const settings = await getSettings();
  const ctx = context && typeof context === 'object' ? { ...context } : {};
  if (!(Number.isInteger(ctx.limit) && ctx.limit > 0)) ctx.limit = settings.limit;
  const disabled = Array.isArray(ctx.disabled) ? ctx.disabled : [];
  ctx.disabled = [...new Set([...disabled, ...settings.disabled_rules])];
  if (ctx.kind !== 'invitation' && ctx.kind !== 'message') delete ctx.kind;
  return ctx;
}

async function handle(msg) {
  const bad = invalid(msg);
  if (bad) return { ok: false, error: `bad request: ${bad}` };
  switch (msg.kind) {
    case KIND.ANALYZE: {
      const [, ctx] = await Promise.all([engine(), fullContext(msg.context)]);
      const report = analyze(msg.text, ctx);
      if (!msg.guard) return { ok: true, report };
      // The repetition guard must never cost the score: a failure leaves it out.
      const [guard, notes] = await Promise.all([
        noteGuard(msg.text, ctx.recipient?.name, msg.guard.url).catch(() => null),
        noteAllowance(report).catch(() => null),
      ]);
      return guard ? { ok: true, report, guard: { ...guard, ...notes } } : { ok: true, report };
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
  const answer = (await handleOutcomes(msg)) ?? (await handleFollowup(msg));
  return answer ?? { ok: false, error: 'unhandled' };
}

/** Whether the message comes from one of the extension's own pages (popup, options). */
function fromExtensionPage(sender) {
  return typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
}

chrome.runtime.onMessage.addListener((msg, sender, respond) => {
  // Only our own content scripts and pages talk to us.
  if (sender.id !== chrome.runtime.id) return false;
  if (msg && PAGE_ONLY.includes(msg.kind) && !fromExtensionPage(sender)) {
    respond({ ok: false, error: 'not allowed from a web page' });
    return false;
  }
  handle(msg).then(respond, (e) => respond(e instanceof StoreError
    ? { ok: false, error: e.message, code: e.code }
    : { ok: false, error: String(e?.message || e) }));
  return true; // answer asynchronously
});
