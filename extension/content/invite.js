// Records every invitation sent: when LinkedIn's send button in the invite dialog is
// clicked (with a note, or "Send without a note"; the dialog in #interop-outlet's shadow
// root or the older light-DOM modal), the recipient and the note as written go to the
// worker, which stores the contact and schedules the follow-up.
//
// The listener is passive and in the capture phase: it reads the dialog before LinkedIn's
// own handler closes it, never cancels, stops or delays the click, and anything it throws
// stays out of the page (guarded). Recording is best effort: a failure is reported to the
// worker's error log, and the invitation goes out exactly as without Rapport.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const S = R.selectors;
  const { getText } = R.editor;
  const { guarded, recordInvitation, reportError } = R.messaging;
  const { inviteeFor } = R.recipient;
  const { el, style, isolate, WORDS, Invalidated } = globalThis.RapportUI;

  /** How long the "Invitation recorded" confirmation stays. */
  const TOAST_MS = 8000;
  /** @type {HTMLElement|null} the confirmation on screen */
  let toast = null;
  const TOAST_CSS = `
  :host { all: initial; position: fixed; z-index: 2147483000; left: 50%; bottom: 16px; transform: translateX(-50%);
    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
  .toast { display: flex; align-items: center; gap: 10px; max-width: calc(100vw - 32px); padding: 8px 8px 8px 12px;
    background: var(--bg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }`;

  /**
   * A small confirmation that the invitation was recorded, and when to follow up.
   * Test hook: <rapport-toast data-rapport-toast="recorded">.
   * @param {number|null} followUpAt
   */
  function confirmRecorded(followUpAt) {
    toast?.remove();
    const host = el('rapport-toast', { 'data-rapport-toast': 'recorded' });
    toast = host;
    const root = host.attachShadow({ mode: 'open' });
    style(root, TOAST_CSS);
    R.panel.followTheme(host);
    const close = el('button', { type: 'button', text: 'Close' });
    const box = el('div', { class: 'toast', role: 'status' }, el('p', { text: WORDS.recorded(followUpAt) }), close);
    isolate(box);
    root.append(box);
    const timer = setTimeout(() => host.remove(), TOAST_MS);
    close.addEventListener('click', () => {
      clearTimeout(timer);
      host.remove();
    });
    (document.body || document.documentElement).append(host);
  }

  /** A second click on Send within this time is the same invitation. */
  const REPEAT_MS = 2000;
  let last = { url: null, at: 0 };

  /** The invite dialog's sending button the click went to, or null. */
  function sendButton(path) {
    for (const node of path) {
      if (!(node instanceof Element)) continue;
      if (!S.matches(node, S.BUTTON)) continue;
      // The first button on the path is the one pressed.
      if (/** @type {HTMLButtonElement} */ (node).disabled || node.getAttribute('aria-disabled') === 'true') return null;
      if (S.matches(node, S.INVITE_NOT_SEND)) return null;
      const dialog = S.closestDeep(node, S.INVITE_CONTAINER);
      if (!dialog) return null;
      if (S.matches(node, S.INVITE_SEND)) return { button: node, dialog };
      // The older modal: its primary button sends, once the dialog is an invitation's.
      const invite = S.matches(dialog, S.INVITE_DIALOG) || S.first(dialog, S.INVITE_DIALOG) || S.first(dialog, S.INVITE_NOTE);
      if (invite && S.matches(node, S.INVITE_PRIMARY)) return { button: node, dialog };
      return null;
    }
    return null;
  }

  function onClick(e) {
    if (!e.isTrusted) return; // the page's own scripts clicking do not send on the person's behalf
    const hit = sendButton(e.composedPath());
    if (!hit) return;
    const area = S.firstDeep(hit.dialog, S.INVITE_NOTE);
    const text = area ? getText(area) : '';
    const who = inviteeFor(hit.button);
    if (!who) return; // no profile to key the contact on (e.g. Sales Navigator)
    const now = Date.now();
    if (who.url === last.url && now - last.at < REPEAT_MS) return;
    last = { url: who.url, at: now };
    R.outcomes?.invitationSent();
    const invite = {
      url: who.url,
      name: who.name || '',
      headline: who.headline || null,
      company: who.company || null,
      note: text.trim() ? text : null,
    };
    recordInvitation(invite).then((answer) => confirmRecorded(answer.contact?.follow_up_at ?? null), (err) => {
      // Refusals the popup explains (read-only store, full storage) are not bugs.
      if (err.code || err instanceof Invalidated) return;
      reportError('record-invitation', err);
    });
  }

  /** Starts listening; stops when `signal` aborts. */
  function watchSends(signal) {
    document.addEventListener('click', guarded('invite-send', onClick), { capture: true, passive: true, signal });
  }

  R.invite = { watchSends };
})();
