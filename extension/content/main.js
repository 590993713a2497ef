// The content script's entry: finds the fields a person writes to someone in (the
// invitation note, in the light DOM or in LinkedIn's #interop-outlet shadow root, and the
// messaging composer; in open shadow roots however nested, and in each LinkedIn frame,
// where the scripts run too) and attaches a FieldSession to each. LinkedIn is a single-page app
// whose dialogs appear late, so discovery watches:
//   - mutations of the document and of every open shadow root found (a document observer
//     does not see inside shadow roots);
//   - focus (composedPath reaches into open shadow roots), which catches anything missed;
//   - URL changes (Navigation API, popstate, and a poll, since pushState is invisible from
//     the content script's world);
//   - a slow poll for shadow roots attached after their host (attachShadow is not a mutation).
//
// It also starts the invitation recorder (invite.js), the profile panel (profile.js) and
// the outcome reader (outcomes.js), and tells them about URL changes and open invitation
// dialogs.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const S = R.selectors;
  const { FieldSession } = R.field;
  const { alive, guarded, reportError } = R.messaging;
  const { forgetInvitee, watchConnectClicks } = R.recipient;

  const POLL_MS = 500;
  /**
   * The top frame. The scripts also run in LinkedIn's own frames (and the about:blank and
   * srcdoc frames its scripts make), so a note box in a frame gets its panel there; the
   * profile panel, which the toolbar popup talks to, lives in the top frame only.
   */
  const TOP = (() => {
    try {
      return window.top === window;
    } catch {
      return false;
    }
  })();

  function start() {
    // Injected once per page; a second injection (extension reloaded) must not double up.
    if (R.started) return;
    R.started = true;
    try {
      run();
    } catch (e) {
      reportError('start', e); // never disturb the page
    }
  }

  function run() {
    const ctl = new AbortController();
    const { signal } = ctl;
    /** @type {Map<HTMLElement, InstanceType<typeof FieldSession>>} */
    const sessions = new Map();
    /** Observed roots: the document and open shadow roots, with their observers. */
    const roots = new Map();
    let pending = new Set();
    let flushTimer = 0;
    let url = location.href;

    const guard = (fn) => guarded(fn.name || 'discovery', fn);

    function classify(el) {
      if (!(el instanceof HTMLElement)) return null;
      if (el instanceof HTMLTextAreaElement) return S.matches(el, S.INVITE_NOTE) ? 'invitation' : null;
      if (el.isContentEditable && el.getAttribute('contenteditable') !== null) {
        if (S.matches(el, S.MESSAGE_COMPOSER)) return 'message';
        if (S.MESSAGING_PATH.test(location.pathname) && S.matches(el, S.MESSAGE_COMPOSER_LOOSE)) return 'message';
      }
      return null;
    }

    function consider(el) {
      if (sessions.has(el) || !el.isConnected) return;
      const kind = classify(el);
      if (!kind) return;
      // One panel per field: a composer nested in another is the same field.
      for (const other of sessions.keys()) if (other.contains(el) || el.contains(other)) return;
      const session = new FieldSession(el, kind, { onGone: () => teardown() });
      sessions.set(el, session);
      if (kind === 'invitation') checkProfile(); // the profile panel steps aside
    }

    function scan(root) {
      for (const el of S.all(root, S.INVITE_NOTE)) consider(el);
      for (const el of S.all(root, S.MESSAGE_COMPOSER)) consider(el);
      if (S.MESSAGING_PATH.test(location.pathname)) for (const el of S.all(root, S.MESSAGE_COMPOSER_LOOSE)) consider(el);
      for (const host of S.all(root, S.SHADOW_HOSTS)) if (host.shadowRoot) observe(host.shadowRoot);
    }

    /**
     * Observes the open shadow roots in a subtree (an element, or a shadow root), attached
     * before the subtree was inserted; observe() comes back here for roots nested in them.
     */
    function shadowsIn(node) {
      if (node instanceof Element) {
        if (node.shadowRoot) observe(node.shadowRoot);
      } else if (!(node instanceof ShadowRoot)) {
        return;
      }
      if (!node.firstElementChild) return;
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
      for (let el = /** @type {Element|null} */ (walker.nextNode()); el; el = /** @type {Element|null} */ (walker.nextNode())) if (el.shadowRoot) observe(el.shadowRoot);
    }

    function observe(root) {
      if (roots.has(root)) return;
      const mo = new MutationObserver(guard((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) pending.add(n);
        if (records.some((r) => r.removedNodes.length)) pending.add(null); // check for removed fields
        if (!flushTimer) flushTimer = setTimeout(flush, 16);
      }));
      mo.observe(root, { childList: true, subtree: true });
      roots.set(root, mo);
      scan(root);
      if (root !== document) shadowsIn(root);
    }

    const flush = guard(() => {
      flushTimer = 0;
      const nodes = pending;
      pending = new Set();
      for (const n of nodes) {
        if (!n || !n.isConnected) continue;
        consider(n);
        if (n.firstElementChild) {
          for (const el of S.all(n, S.INVITE_NOTE)) consider(el);
          for (const el of S.all(n, S.MESSAGE_COMPOSER)) consider(el);
          if (S.MESSAGING_PATH.test(location.pathname)) for (const el of S.all(n, S.MESSAGE_COMPOSER_LOOSE)) consider(el);
        }
        shadowsIn(n);
      }
      prune();
    });

    function prune() {
      let gone = false;
      for (const [el, s] of sessions) {
        if (!el.isConnected) {
          s.destroy();
          sessions.delete(el);
          gone = true;
        }
      }
      if (gone) checkProfile();
      for (const [root, mo] of roots) {
        if (root !== document && !root.host.isConnected) {
          mo.disconnect();
          roots.delete(root);
        }
      }
    }

    function urlChanged() {
      if (location.href === url) return;
      url = location.href;
      forgetInvitee();
      prune();
      for (const root of roots.keys()) scan(root);
      // The recipient may have changed under an open field.
      for (const s of sessions.values()) s.request();
      checkProfile();
      checkOutcomes();
    }

    /** Reads invitation outcomes from the page (top frame only; content/outcomes.js). */
    function checkOutcomes() {
      if (TOP) R.outcomes.check();
    }

    /**
     * Tells the profile panel (top frame only) about the page: whether an invitation dialog
     * is open, so the panel steps aside.
     */
    function checkProfile() {
      if (!TOP) return;
      let dialogOpen = false;
      for (const [el, s] of sessions) if (s.kind === 'invitation' && el.isConnected) dialogOpen = true;
      R.profile.check({ dialogOpen });
    }

    function teardown() {
      ctl.abort();
      clearInterval(poll);
      clearTimeout(flushTimer);
      for (const mo of roots.values()) mo.disconnect();
      roots.clear();
      // Leave the panels in place so their "reload the page" note stays readable.
    }

    const poll = setInterval(guard(() => {
      if (!alive()) {
        teardown();
        return;
      }
      if (document.hidden) return; // a background tab costs nothing
      urlChanged();
      prune();
      for (const root of roots.keys()) scan(root);
      for (const s of sessions.values()) s.tick();
      checkProfile();
      checkOutcomes();
    }), POLL_MS);

    document.addEventListener('focusin', guard((e) => {
      const target = e.composedPath()[0];
      if (!(target instanceof HTMLElement)) return;
      const root = target.getRootNode();
      if (root instanceof ShadowRoot) observe(root);
      let el = target;
      // Focus lands on the editing host of a contenteditable; a child may report it too.
      while (el && el.isContentEditable && el.parentElement?.isContentEditable) el = el.parentElement;
      consider(el);
    }), { capture: true, signal });

    addEventListener('popstate', guard(urlChanged), { signal });
    try {
      globalThis.navigation?.addEventListener('currententrychange', guard(urlChanged), { signal });
    } catch {
      // no Navigation API (Firefox): the poll covers it
    }
    watchConnectClicks(signal);
    R.invite.watchSends(signal);
    if (TOP) R.profile.start(signal);
    if (TOP) R.outcomes.start(signal);

    observe(document);
    shadowsIn(document.documentElement);
  }

  R.main = { start };
  start();
})();
