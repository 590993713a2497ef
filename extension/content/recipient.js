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

  /** The last Connect button clicked: { name, url, path, at }. Set by watchConnectClicks. */
  let lastInvitee = null;
  /** A click older than this did not open the dialog that appears now. */
  const INVITEE_MAX_AGE_MS = 30_000;
  /** Writing a note can take a while: at Send, the Connect click may be this old. */
  const SEND_MAX_AGE_MS = 60 * 60_000;

  /** The slug of a profile URL or path ("/in/<slug>/..."), lower-cased, or null. */
  function profileSlug(href) {
    try {
      const u = new URL(href, location.href);
      const m = S.PROFILE_HREF.exec(u.pathname);
      return m ? decodeURIComponent(m[1]).toLowerCase() : null;
    } catch {
      return null;
    }
  }

  /**
   * The profile URL in the card around a Connect button (search results, sidebars), when
   * the card links to exactly one person; else null.
   */
  function cardProfileUrl(button) {
    const card = S.closestDeep(button, S.PERSON_CARD);
    if (!card) return null;
    const links = S.all(card, S.PROFILE_LINK).map((a) => a.href).filter((h) => profileSlug(h));
    const slugs = new Set(links.map(profileSlug));
    return slugs.size === 1 ? links[0] : null;
  }

  /** Remembers whose Connect button was clicked (search results, "People you may know"). */
  function watchConnectClicks(signal) {
    const onClick = R.messaging.guarded('connect-click', (e) => {
      for (const el of e.composedPath()) {
        if (!(el instanceof Element)) continue;
        if (!el.matches(S.CONNECT_BUTTON)) continue;
        const name = nameFromConnectLabel(el.getAttribute('aria-label'));
        if (name) {
          lastInvitee = { name, url: cardProfileUrl(el), path: location.pathname, at: Date.now() };
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
  function recentInvitee(maxAge = INVITEE_MAX_AGE_MS) {
    if (!lastInvitee || lastInvitee.path !== location.pathname) return null;
    return Date.now() - lastInvitee.at <= maxAge ? lastInvitee.name : null;
  }

  /**
   * The profile this page is about: the invite deep link's vanityName, else on /in/ pages
   * the canonical link (it has the vanity slug when the address has a member id), else
   * the address. Null elsewhere.
   */
  function pageProfileUrl() {
    if (S.CUSTOM_INVITE_PATH.test(location.pathname)) {
      const vanity = new URLSearchParams(location.search).get(S.VANITY_PARAM);
      return vanity ? `${location.origin}/in/${encodeURIComponent(vanity)}/` : null;
    }
    const here = profileSlug(location.pathname);
    if (!here) return null;
    const canonical = S.first(document, S.CANONICAL)?.href;
    const slug = canonical ? profileSlug(canonical) : null;
    // A single-page app may not have updated the canonical link yet: it must agree with
    // the address, unless the address only has a member id.
    if (slug && (slug === here || /^aco/i.test(here))) return canonical;
    return `${location.origin}${location.pathname}`;
  }

  /**
   * Who an invitation sent from `el` (a button in the invite dialog) goes to:
   * { url, name?, headline?, company? }, or null when the profile cannot be told.
   */
  function inviteeFor(el) {
    const invitee = recentInvitee(SEND_MAX_AGE_MS);
    const who = recipientFor(el, 'invitation', invitee);
    let url = null;
    if (S.CUSTOM_INVITE_PATH.test(location.pathname)) {
      url = pageProfileUrl();
    } else {
      const profile = fromProfile();
      const owner = profile && (!who.name || fold(who.name) === fold(profile.name));
      if (owner) url = pageProfileUrl();
      else if (lastInvitee?.url && invitee && fold(invitee) === fold(who.name || '')) url = lastInvitee.url;
    }
    return url ? { url, ...who } : null;
  }

  /** The person whose profile is open: { url, name, headline?, company? }, or null. */
  function profileOnPage() {
    const url = pageProfileUrl();
    if (!url || S.CUSTOM_INVITE_PATH.test(location.pathname)) return null;
    const p = fromProfile();
    const out = { url, name: cut(p?.name || '') };
    if (p?.headline) out.headline = cut(p.headline);
    if (p?.company) out.company = cut(p.company);
    return out;
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

  R.recipient = {
    nameFromConnectLabel, watchConnectClicks, recentInvitee, recipientFor, forgetInvitee,
    pageProfileUrl, inviteeFor, profileOnPage, profileSlug,
  };
})();
