// Who the note is for: name, headline and company, read from what the page shows.
// Invitations: the Connect button that opened the dialog names the invitee (its aria-label,
// "Invite <Name> to connect"), else the dialog's own text; the profile's top card (on
// /in/<slug>/) adds headline and company when it is the same person, and names the
// invitee when nothing else does. A Connect button in a sidebar ("People also viewed")
// invites someone else than the profile's owner, hence this order.
// Messages: the conversation's header.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const S = R.selectors;

  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const MAX = 200;
  const cut = (s) => (s.length > MAX ? s.slice(0, MAX) : s);

  /** Name from a Connect button's label, or null. */
  function nameFromConnectLabel(label) {
    const text = clean(label);
    for (const re of S.CONNECT_LABEL) {
      const m = re.exec(text);
      if (m && m[1]) return clean(m[1]);
    }
    return null;
  }

  /** The last Connect button clicked: { name, path, at }. Set by watchConnectClicks. */
  let lastInvitee = null;
  /** A click older than this did not open the dialog that appears now. */
  const INVITEE_MAX_AGE_MS = 30_000;

  /** Remembers whose Connect button was clicked (search results, "People you may know"). */
  function watchConnectClicks(signal) {
    const onClick = R.messaging.guarded('connect-click', (e) => {
      for (const el of e.composedPath()) {
        if (!(el instanceof Element)) continue;
        if (!el.matches(S.CONNECT_BUTTON)) continue;
        const name = nameFromConnectLabel(el.getAttribute('aria-label'));
        if (name) {
          lastInvitee = { name, path: location.pathname, at: Date.now() };
          return;
        }
      }
    });
    document.addEventListener('click', onClick, { capture: true, passive: true, signal });
  }

  function companyFromHeadline(headline) {
    const m = S.HEADLINE_AT.exec(headline || '');
    if (!m) return null;
    // "Staff Engineer at Acme | Rust, wasm" -> "Acme"
    return clean(m[1].split(/\s[|·•,–—-]\s|[|·•]/)[0]) || null;
  }

  /** The profile top card, when this is a profile page. */
  function fromProfile() {
    if (!S.PROFILE_PATH.test(location.pathname)) return null;
    const h1 = S.first(document, S.PROFILE_NAME);
    const name = clean(h1?.textContent);
    if (!name) return null;
    // The headline and company live in the same card as the name.
    const card = S.PROFILE_CARD.map((sel) => h1.closest(sel)).find(Boolean) || document;
    let headline = clean(S.first(card, S.PROFILE_HEADLINE)?.textContent);
    if (!headline) {
      // Structure: the first non-empty text block after the name's block.
      let block = h1.parentElement;
      while (block && block !== card && !block.nextElementSibling) block = block.parentElement;
      headline = clean(block?.nextElementSibling?.textContent);
    }
    let company = null;
    const link = S.first(card, S.PROFILE_COMPANY);
    if (link) company = clean(link.textContent) || null;
    company ||= companyFromHeadline(headline);
    return { name, headline: headline || null, company };
  }

  function fromThread(field) {
    const scope = S.closestDeep(field, S.COMPOSER_CONTAINER) || document;
    // Prefer the header of the conversation the composer belongs to.
    let el = null;
    for (let node = scope; node && !el; node = node.parentElement) el = S.first(node, S.THREAD_NAME);
    const name = clean(el?.textContent);
    return name ? { name } : null;
  }

  function fromDialog(field) {
    const dialog = S.closestDeep(field, S.INVITE_CONTAINER);
    if (!dialog) return null;
    const strong = S.first(dialog, S.DIALOG_NAME);
    const name = clean(strong?.textContent);
    // A name, not a sentence in bold.
    return name && name.length < 80 && name.split(' ').length <= 5 ? name : null;
  }

  const fold = (s) => clean(s).normalize('NFKC').toLocaleLowerCase();

  /**
   * Whom the Connect click that just happened invites (null if none was recent). A field
   * session calls this once, when its note box appears, and keeps the answer.
   */
  function recentInvitee() {
    if (!lastInvitee || lastInvitee.path !== location.pathname) return null;
    return Date.now() - lastInvitee.at <= INVITEE_MAX_AGE_MS ? lastInvitee.name : null;
  }

  /**
   * The recipient for a field of the given kind ('invitation' | 'message'); `invitee` is
   * the name recentInvitee() gave when the field appeared. Returns { name?, headline?,
   * company? } with only the known fields.
   */
  function recipientFor(field, kind, invitee = null) {
    let r = null;
    if (kind === 'message') {
      r = fromThread(field);
    } else {
      const profile = fromProfile();
      const name = invitee || fromDialog(field);
      r = name && !(profile && fold(profile.name) === fold(name)) ? { name } : profile;
    }
    const out = {};
    if (r?.name) out.name = cut(r.name);
    if (r?.headline) out.headline = cut(r.headline);
    if (r?.company) out.company = cut(r.company);
    return out;
  }

  /** Forgets the last Connect click (on navigation to another page). */
  function forgetInvitee() {
    lastInvitee = null;
  }

  R.recipient = { nameFromConnectLabel, watchConnectClicks, recentInvitee, recipientFor, forgetInvitee };
})();
