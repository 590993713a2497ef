// Talking to the service worker, through the kit's one client (ui/kit.js `send`). Requests
// are built with protocol.js; answers are `{ ok, ... }`. A missing or dead extension context
// (the extension was reloaded or updated while the tab stayed open) becomes a rejected
// promise (Invalidated), never a page error.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const {
    analyzeRequest, pingRequest, errorRequest, recordInvitationRequest, contactGetRequest, contactAddRequest,
    contactEditRequest, observeRequest,
  } = globalThis.RapportProtocol;

  const { send, alive, Invalidated } = globalThis.RapportUI;

  /** Analyses text; resolves with the Report. */
  async function analyze(text, context) {
    return (await send(analyzeRequest(text, context))).report;
  }

  /**
   * Analyses an invitation note and asks for the repetition guard and month counter too;
   * resolves with { report, guard? } (guard: { repetition, month_count }).
   * @param {{ url?: string|null }} guard the recipient's profile (excluded from the guard)
   */
  async function analyzeWithGuard(text, context, guard) {
    const answer = await send(analyzeRequest(text, context, guard));
    return { report: answer.report, guard: answer.guard || null };
  }

  /** Follow-ups (the worker stores): each resolves with the worker's answer. */
  const recordInvitation = (invite) => send(recordInvitationRequest(invite));
  const getContact = (url) => send(contactGetRequest(url));
  const addContact = (person) => send(contactAddRequest(person));
  const editContact = (key, edit) => send(contactEditRequest(key, edit));
  /** What became of invitations (content/outcomes.js): resolves with `{ ok, changed }`. */
  const observe = (observations) => send(observeRequest(observations));

  /**
   * Wakes the worker and loads the engine ahead of the first keystroke. Browsers stop an
   * idle extension worker after 30 s, and starting it again with the engine takes about
   * 0.15 s; a ping to a running worker costs a millisecond or two.
   */
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

  R.messaging = {
    alive, warmUp, Invalidated, analyze, analyzeWithGuard, reportError, guarded,
    recordInvitation, getContact, addContact, editContact, observe,
  };
})();
