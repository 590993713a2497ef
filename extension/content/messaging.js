// Talking to the service worker. Requests are built with protocol.js; answers are
// `{ ok, ... }`. A missing or dead extension context (the extension was reloaded or
// updated while the tab stayed open) becomes a rejected promise, never a page error.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const { analyzeRequest, pingRequest, errorRequest } = globalThis.RapportProtocol;

  const TIMEOUT_MS = 5000;

  class Invalidated extends Error {}

  /** True while this content script can still reach its extension. */
  function alive() {
    try {
      return !!chrome.runtime?.id;
    } catch {
      return false;
    }
  }

  function send(msg) {
    return new Promise((resolve, reject) => {
      if (!alive()) {
        reject(new Invalidated('extension context invalidated'));
        return;
      }
      const timer = setTimeout(() => reject(new Error('the engine did not answer')), TIMEOUT_MS);
      try {
        chrome.runtime.sendMessage(msg, (answer) => {
          clearTimeout(timer);
          const err = chrome.runtime.lastError;
          if (err) reject(alive() ? new Error(err.message) : new Invalidated(err.message));
          else if (!answer) reject(new Error('no answer'));
          else if (!answer.ok) reject(new Error(answer.error || 'engine error'));
          else resolve(answer);
        });
      } catch (e) {
        clearTimeout(timer);
        reject(alive() ? e : new Invalidated(String(e)));
      }
    });
  }

  /** Analyses text; resolves with the Report. */
  async function analyze(text, context) {
    return (await send(analyzeRequest(text, context))).report;
  }

  /** Wakes the worker and loads the engine ahead of the first keystroke. */
  function warmUp() {
    return send(pingRequest());
  }

  let reported = 0;
  /** Hands a caught exception to the worker (never to the page's console). */
  function reportError(where, e) {
    if (++reported > 20) return; // a broken page must not flood the worker
    send(errorRequest(where, e?.stack || e)).catch(() => {});
  }

  /** Wraps a handler so that nothing it throws reaches the page. */
  function guarded(where, fn) {
    return (...args) => {
      try {
        const r = fn(...args);
        if (r && typeof r.catch === 'function') r.catch((e) => reportError(where, e));
        return r;
      } catch (e) {
        reportError(where, e);
        return undefined;
      }
    };
  }

  R.messaging = { alive, warmUp, Invalidated, analyze, reportError, guarded };
})();
