// What became of invitations, read from LinkedIn pages the person visits anyway. Never
// crawls, scrolls on its own, clicks, submits or changes LinkedIn's state: it reads what
// is on screen and reports Observations (protocol.js OBSERVE; shapes in
// src/wasm/outcomes.rs) to the worker, where the engine decides what they mean.
//
//   - a profile's top card: Pending / 1st degree / Connect (`top_card`), once per profile
//     visit and again only when the state changes; "Connect" is not reported after the
//     person sent an invitation from this page (LinkedIn redraws Pending a moment later);
//   - the sent-invitations manager: every row (`sent_row`, one message for the page); a row
//     that disappears right after the person clicked that row's Withdraw and then the
//     confirming button (`withdrawn`); a row missing for no seen reason proves nothing;
//   - "<Name> accepted your invitation" on notifications and My Network (`accepted`);
//   - the recently added connections list (`connection`), Ember's "Connected 2 days ago" or
//     the newer rendering's "Connected on December 2, 2026" (the engine reads both);
//   - a message the person sent in the composer (messaging page, overlay bubble):
//     `message_sent` to the profile the conversation header links to, once the composer
//     emptied after their Send click or Enter.
//
// The sent-invitations page opened with `#rapport-withdraw=<profile URL>` (the popup's
// "Withdraw on LinkedIn": the engine's due item's withdraw_url) scrolls that row into view and
// outlines it with Rapport's own overlay (a shadow root that lets clicks through); the
// person clicks LinkedIn's own Withdraw.
//
// Test hooks: <rapport-highlight data-rapport-highlight="found|missing">.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const S = R.selectors;
  const { guarded, observe, reportError } = R.messaging;
  const { profileOnPage, profileSlug } = R.recipient;
  const { el, style, Invalidated } = globalThis.RapportUI;
  const { MAX_OBSERVATIONS } = globalThis.RapportProtocol;

  /** A withdrawal counts when its row is gone this soon after the confirming click. */
  const WITHDRAW_MS = 15_000;
  /** A Withdraw click waits this long for its confirmation. */
  const CONFIRM_MS = 60_000;
  /** A message counts when the composer empties this soon after Send. */
  const SENT_MS = 3_000;

  const clean = (/** @type {string|null|undefined} */ s) => (s || '').replace(/\s+/g, ' ').trim();

  /**
   * Whether an element is drawn (LinkedIn pre-renders hidden duplicates), up to `within`:
   * computed styles only, never a layout (a page may hold a megabyte in a text box).
   */
  function visible(/** @type {Element} */ node, /** @type {Element} */ within) {
    for (let el = /** @type {Element|null} */ (node); el; el = el.parentElement) {
      if (el.hasAttribute('hidden')) return false;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || (el === node && cs.visibility === 'hidden')) return false;
      if (el === within) break;
    }
    return true;
  }

  /** An absolute profile URL from a link, or null when it is not one. */
  function profileUrl(/** @type {Element|null} */ a) {
    const href = a?.getAttribute('href');
    if (!href || !profileSlug(href)) return null;
    try {
      const u = new URL(href, location.href);
      return `${u.origin}${u.pathname}`;
    } catch {
      return null;
    }
  }

  /** An element's own text (its child text nodes, not its descendants'), or ''. */
  function ownText(/** @type {Element|null|undefined} */ node) {
    if (!node) return '';
    let out = '';
    for (const n of node.childNodes) if (n.nodeType === Node.TEXT_NODE) out += /** @type {Text} */ (n).data;
    return clean(out);
  }

  /** An element's text without the text of the `skip` elements inside it (a "…more" button). */
  function textWithout(/** @type {Element} */ node, /** @type {string[]} */ skip) {
    let out = '';
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const inside = t.parentElement && S.closestDeep(t.parentElement, skip);
      if (inside && inside !== node && node.contains(inside)) continue;
      out += /** @type {Text} */ (t).data;
    }
    return clean(out);
  }

  /** The name an avatar's label gives ("<Name>’s profile picture", English), or ''. */
  function pictureName(/** @type {Element} */ root) {
    for (const pic of S.all(root, S.PICTURE)) {
      const m = S.PICTURE_NAME.exec(clean(pic.getAttribute('aria-label') || pic.getAttribute('alt')));
      if (m) return clean(m[1]);
    }
    return '';
  }

  const fold = (/** @type {string} */ s) => s.toLocaleLowerCase();

  /** The elements of the first selector in `chain` that matches any (first match wins, as everywhere). */
  function listed(/** @type {ParentNode} */ root, /** @type {string[]} */ chain) {
    for (const sel of chain) {
      const hits = S.all(root, [sel]);
      if (hits.length) return hits;
    }
    return [];
  }

  /** What `read` made of an element, again while its text is the same (a list is read once, not every poll). */
  const reads = new WeakMap();
  function readOf(/** @type {Element} */ node, /** @type {(node: Element) => any} */ read) {
    const sig = node.textContent;
    const hit = reads.get(node);
    if (hit && hit.sig === sig) return hit.value;
    const value = read(node);
    reads.set(node, { sig, value });
    return value;
  }

  /** Whether the page changed since the lists were last read (a MutationObserver sets it). */
  let dirty = true;

  // ---- Reporting: each distinct observation once per page ----

  /** Observations already sent from this page (JSON), so the poll does not repeat them. */
  let reported = new Set();

  /** Reports what was not reported from this page yet. */
  function report(/** @type {Record<string, string>[]} */ list) {
    const fresh = [];
    for (const o of list) {
      const sig = JSON.stringify(o);
      if (reported.has(sig)) continue;
      reported.add(sig);
      fresh.push(o);
    }
    send(fresh, true);
  }

  /** Sends observations in batches; `forget`: one that fails may be reported again. */
  function send(/** @type {Record<string, string>[]} */ list, forget = false) {
    for (let i = 0; i < list.length; i += MAX_OBSERVATIONS) {
      const batch = list.slice(i, i + MAX_OBSERVATIONS);
      observe(batch).catch((e) => {
        if (forget) for (const o of batch) reported.delete(JSON.stringify(o)); // seen again, sent again
        if (!(e instanceof Invalidated) && !e.code) reportError('observe', e);
      });
    }
  }

  // ---- The profile's top card ----

  /** The person sent an invitation from this profile visit: "Connect" means nothing yet. */
  let invitedHere = false;

  /** 'pending' | 'connected' | 'connect' | null (not drawn yet, or not readable). */
  function topCardState() {
    const name = S.first(document, S.PROFILE_NAME);
    const card = name && S.closestDeep(name, S.PROFILE_TOP_CARD);
    if (!card) return null;
    const actions = S.all(card, S.TOP_CARD_ACTION).filter((a) => visible(a, card));
    if (actions.some((a) => S.PENDING_LABEL.test(clean(a.getAttribute('aria-label'))))) return 'pending';
    // The visible degree badges (a hidden "· 1st" or "· 2nd" is pre-rendered beside the
    // shown one); two visible ones that disagree make the card unreadable.
    const degrees = S.all(card, S.DEGREE_BADGE).filter((n) => n.childElementCount === 0 && S.ANY_DEGREE.test(n.textContent || '') && visible(n, card));
    if (new Set(degrees.map((n) => /[123]/.exec(n.textContent || '')?.[0])).size > 1) return null;
    if (degrees.some((n) => S.FIRST_DEGREE.test(n.textContent || ''))) return 'connected';
    // "Connect" means no invitation stands only on a readable top card: one with its degree.
    if (!degrees.length) return null;
    const own = clean(name.textContent).toLowerCase();
    const connect = actions.some((a) => {
      const who = R.recipient.nameFromConnectLabel(a.getAttribute('aria-label'));
      return who && clean(who).toLowerCase() === own;
    });
    return connect || inviteLinkHere(card) ? 'connect' : null;
  }

  /** A visible invite link in the card to this profile (/preload/custom-invite/?vanityName=<its slug>), in any language. */
  function inviteLinkHere(/** @type {Element} */ card) {
    const here = R.recipient.pageProfileUrl();
    const slug = here && profileSlug(here);
    if (!slug) return false;
    return S.all(card, S.TOP_CARD_INVITE).some((a) => {
      if (!visible(a, card)) return false;
      try {
        const u = new URL(a.getAttribute('href') || '', location.href);
        const vanity = u.searchParams.get(S.VANITY_PARAM);
        return S.CUSTOM_INVITE_PATH.test(u.pathname) && !!vanity && vanity.toLowerCase() === slug;
      } catch {
        return false;
      }
    });
  }

  let topCardPath = null;
  let topCardLast = null;

  function checkProfile() {
    if (!S.PROFILE_PATH.test(location.pathname)) return;
    if (location.pathname !== topCardPath) {
      topCardPath = location.pathname;
      topCardLast = null;
      invitedHere = false;
    } else if (!dirty) {
      return; // the top card is read again when the page changed
    }
    const state = topCardState();
    if (!state || state === topCardLast) return;
    if (state === 'connect' && invitedHere) return;
    const person = profileOnPage();
    if (!person) return;
    topCardLast = state;
    const o = { url: person.url, name: person.name || '', kind: 'top_card', state };
    if (person.headline) o.headline = person.headline;
    report([o]);
  }

  // ---- The sent-invitations manager ----

  /** Rows seen on the page, by profile URL (the element, to tell when it is gone). */
  const rows = new Map();
  /** The Withdraw the person clicked: { url, at }; then confirmed: { url, at, confirmed }. */
  let withdrawing = null;

  /** The rows on the page: { url, name, row, sent, note? }. */
  function sentRows() {
    const out = [];
    const seen = new Set();
    const main = S.first(document, S.PAGE_MAIN) || document.body;
    if (!main) return out;
    for (const row of listed(main, S.SENT_ROW)) {
      const r = readOf(row, readRow);
      if (!r || seen.has(r.url)) continue;
      seen.add(r.url);
      out.push({ ...r, row });
    }
    return out;
  }

  /** One row: `{ url, name, sent, note }`, or null when it is not one person's sent invitation. */
  function readRow(/** @type {Element} */ row) {
    // One person per row (an outer list item holding them all is no row).
    const links = S.all(row, S.PROFILE_LINK);
    const urls = links.map(profileUrl).filter(Boolean);
    if (new Set(urls.map((u) => profileSlug(u))).size !== 1) return null;
    const sent = sentText(row);
    if (!sent) return null;
    const noteEl = S.first(row, S.SENT_NOTE);
    const name = rowName(row, noteEl) || links.map((a) => clean(a.textContent)).find(Boolean) || '';
    return { url: urls[0], name, sent, note: noteEl ? textWithout(noteEl, S.BUTTON) : '' };
  }

  /**
   * A row's name. The texts of its name candidates (SENT_NAME: the first <p> in the new
   * rendering; neither the "Sent …" line nor the note) are checked against the name the
   * row's labels give ("Withdraw invitation sent to <Name>", "<Name>’s profile picture";
   * English only): the candidate that is that name, else the label's name. Without a
   * label (other languages), the first candidate. '' when there is none.
   */
  function rowName(/** @type {Element} */ row, /** @type {Element|null} */ noteEl) {
    const texts = listed(row, S.SENT_NAME)
      .filter((p) => !noteEl || !(noteEl.contains(p) || p.contains(noteEl)))
      .map((p) => clean(p.textContent))
      .filter((t) => t && !S.SENT_AGO.test(t));
    const control = S.first(row, S.WITHDRAW_CONTROL);
    const labelled = clean(S.WITHDRAW_NAME.exec(clean(control?.getAttribute('aria-label')))?.[1]) || pictureName(row);
    if (labelled) return texts.find((t) => fold(t) === fold(labelled)) || labelled;
    return texts[0] || '';
  }

  /** "Sent 3 weeks ago" in a row: a <time>, else the element whose own text says so. */
  function sentText(/** @type {Element} */ row) {
    const time = S.first(row, S.SENT_TIME);
    if (time && clean(time.textContent)) return clean(time.textContent);
    // The last such text: the date follows the note, which might start with the same word.
    let found = '';
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = clean(t.textContent);
      if (S.SENT_AGO.test(text)) found = text;
    }
    return found;
  }

  function checkSent() {
    if (!S.SENT_PATH.test(location.pathname)) return;
    const now = Date.now();
    if (withdrawing && !withdrawing.confirmed && now - withdrawing.at > CONFIRM_MS) withdrawing = null;
    if (withdrawing?.confirmed && now - withdrawing.at > WITHDRAW_MS) withdrawing = null;
    if (!dirty && !mark) return;
    const list = sentRows();
    const obs = [];
    for (const r of list) {
      rows.set(r.url, r.row);
      const o = { url: r.url, name: r.name, kind: 'sent_row', sent: r.sent };
      if (r.note) o.note = r.note;
      obs.push(o);
    }
    if (obs.length) report(obs);
    // The row the person withdrew is gone: report it, once.
    if (withdrawing?.confirmed) {
      const url = withdrawing.url;
      const row = rows.get(url);
      if (!list.some((r) => r.url === url) && (!row || !row.isConnected)) {
        report([{ url, kind: 'withdrawn' }]);
        rows.delete(url);
        withdrawing = null;
      }
    }
    highlight(list);
  }

  /** The person's clicks on the sent-invitations page: a row's Withdraw, then the confirmation. */
  function onSentClick(/** @type {MouseEvent} */ e) {
    if (!e.isTrusted || !S.SENT_PATH.test(location.pathname)) return;
    const path = e.composedPath().filter((n) => n instanceof Element);
    const control = /** @type {Element|undefined} */ (path.find((n) => S.matches(n, S.WITHDRAW_CONTROL) || (S.matches(n, S.CONTROL) && S.WITHDRAW_WORD.test(clean(n.textContent)))));
    const dialog = path.find((n) => S.matches(n, S.CONFIRM_DIALOG));
    if (dialog) {
      // A button in the confirmation: the primary one, or the one that says Withdraw.
      const button = path.find((n) => S.matches(n, S.BUTTON));
      if (button && withdrawing && !withdrawing.confirmed
        && (S.matches(button, S.CONFIRM_PRIMARY) || S.WITHDRAW_WORD.test(clean(button.textContent)) || S.matches(button, S.WITHDRAW_CONTROL))) {
        withdrawing = { url: withdrawing.url, at: Date.now(), confirmed: true };
      }
      return;
    }
    if (!control) return;
    for (const r of sentRows()) {
      if (r.row.contains(control)) {
        withdrawing = { url: r.url, at: Date.now(), confirmed: false };
        return;
      }
    }
  }

  // ---- The withdraw highlight ----

  /** @type {{ host: HTMLElement, box: HTMLElement, label: HTMLElement, url: string, scrolled: boolean }|null} */
  let mark = null;
  /** When the page asked for the current highlight (performance.now()). */
  let markSince = 0;
  const MISSING_AFTER_MS = 3000;

  /** The profile URL the page was asked to highlight (`#rapport-withdraw=<url>`), or null. */
  function markedUrl() {
    const hash = location.hash.slice(1);
    const prefix = `${S.WITHDRAW_MARK}=`;
    if (!hash.startsWith(prefix)) return null;
    try {
      return decodeURIComponent(hash.slice(prefix.length));
    } catch {
      return null;
    }
  }

  const CSS = `
  :host { all: initial; position: absolute; z-index: 2147481000; pointer-events: none; left: 0; top: 0; }
  .box { position: absolute; box-sizing: border-box; border: 3px solid var(--accent); border-radius: 10px;
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--accent) 25%, transparent); }
  .label { position: absolute; left: 0; bottom: calc(100% + 4px); white-space: nowrap; max-width: 90vw; overflow: hidden;
    text-overflow: ellipsis; padding: 3px 8px; border-radius: 6px; background: var(--accent); color: var(--accent-fg);
    font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  :host(:not([data-rapport-highlight])) { display: none; }
  :host([data-rapport-highlight="missing"]) .box { position: fixed; left: 50%; top: 72px; transform: translateX(-50%);
    border: 0; box-shadow: none; }
  :host([data-rapport-highlight="missing"]) .label { position: static; background: var(--bg); color: var(--fg);
    border: 1px solid var(--line); box-shadow: var(--shadow); }`;

  /** Outlines the row the page was asked to highlight; `list`: the rows just read, if any. */
  function highlight(/** @type {ReturnType<typeof sentRows>|null} */ list = null) {
    const url = S.SENT_PATH.test(location.pathname) ? markedUrl() : null;
    const slug = url && profileSlug(url);
    if (!slug) {
      mark?.host.remove();
      mark = null;
      return;
    }
    if (!mark || mark.url !== url) {
      mark?.host.remove();
      const host = el('rapport-highlight', {});
      const root = host.attachShadow({ mode: 'open' });
      style(root, CSS);
      const label = el('p', { class: 'label' });
      const box = el('div', { class: 'box' }, label);
      root.append(box);
      R.panel.followTheme(host);
      (document.body || document.documentElement).append(host);
      mark = { host, box, label, url, scrolled: false };
      markSince = performance.now();
    }
    const hit = (list || sentRows()).find((r) => profileSlug(r.url) === slug);
    if (!hit) {
      // The list loads after the page: say the row is missing only once it had time to come.
      if (performance.now() - markSince < MISSING_AFTER_MS) return;
      mark.host.setAttribute('data-rapport-highlight', 'missing');
      mark.label.textContent = 'Rapport: this invitation is not on the page (it may be further down, or no longer pending).';
      return;
    }
    mark.host.setAttribute('data-rapport-highlight', 'found');
    mark.label.textContent = `Rapport: withdraw ${hit.name || 'this invitation'} with LinkedIn's Withdraw button`;
    if (!mark.scrolled) {
      mark.scrolled = true;
      hit.row.scrollIntoView({ block: 'center' });
    }
    const r = hit.row.getBoundingClientRect();
    const s = mark.box.style;
    const px = (n) => `${Math.round(n)}px`;
    const [left, top, width, height] = [px(r.left + scrollX - 4), px(r.top + scrollY - 4), px(r.width + 8), px(r.height + 8)];
    if (s.left !== left || s.top !== top || s.width !== width || s.height !== height) Object.assign(s, { left, top, width, height });
  }

  // ---- Accepted invitations, new connections ----

  function checkAccepted() {
    if (!dirty || !S.ACCEPTED_PATH.test(location.pathname)) return;
    const main = S.first(document, S.PAGE_MAIN) || document.body;
    if (!main) return;
    const obs = [];
    const seen = new Set();
    for (const card of listed(main, S.ACCEPTED_CARD)) {
      const o = readOf(card, readAccepted);
      if (!o || seen.has(o.url)) continue;
      seen.add(o.url);
      obs.push(o);
    }
    if (obs.length) report(obs);
  }

  /** An "accepted your invitation" card: the observation, or null. */
  function readAccepted(/** @type {Element} */ card) {
    const text = clean(card.textContent);
    if (!S.ACCEPTED_TEXT.some((re) => re.test(text))) return null;
    const people = new Set(S.all(card, S.PROFILE_LINK).map(profileUrl).filter(Boolean).map((u) => profileSlug(u)));
    if (people.size !== 1) return null; // a list holding several people, or none
    const url = profileUrl(S.first(card, S.ACCEPTED_ACTOR));
    if (!url) return null;
    const o = { url, kind: 'accepted' };
    // Its own text: the live element also holds the card's settings menu.
    const when = ownText(S.first(card, S.CARD_AGE));
    if (when) o.when = when;
    return o;
  }

  function checkConnections() {
    if (!dirty || !S.CONNECTIONS_PATH.test(location.pathname)) return;
    const main = S.first(document, S.PAGE_MAIN) || document.body;
    if (!main) return;
    const obs = [];
    const seen = new Set();
    for (const card of listed(main, S.CONNECTION_CARD)) {
      const o = readOf(card, readConnection);
      if (!o || seen.has(o.url)) continue; // nested cards of one person: the outer one
      seen.add(o.url);
      obs.push(o);
    }
    if (obs.length) report(obs);
  }

  /** A recently added connection: the observation, or null (no person, or several). */
  function readConnection(/** @type {Element} */ card) {
    const slugs = new Set(S.all(card, S.PROFILE_LINK).map(profileUrl).filter(Boolean).map((u) => profileSlug(u)));
    if (slugs.size > 1) return null;
    const url = profileUrl(S.first(card, S.CONNECTION_LINK));
    if (!url) return null;
    const name = clean(S.first(card, S.CONNECTION_NAME)?.textContent) || pictureName(card);
    const o = { url, kind: 'connection', name };
    // "Connected 2 days ago" in a <time> (Ember), else the last "Connected on December 2, 2026".
    const when = clean(S.first(card, S.CONNECTION_AGE)?.textContent)
      || S.all(card, S.CONNECTION_AGE_TEXT).map(ownText).filter((t) => S.CONNECTED_TEXT.test(t)).pop();
    if (when) o.when = when;
    return o;
  }

  // ---- Messages sent ----

  /** A send the person started: the composer, who it goes to, when; confirmed when it empties. */
  let sending = null;

  /** The profile the composer's conversation header links to, or null (none, or a group). */
  function threadProfile(/** @type {Element} */ composer) {
    const convo = S.closestDeep(composer, S.CONVERSATION);
    if (!convo) return null;
    const urls = new Set(S.all(convo, S.THREAD_PROFILE_LINK).map(profileUrl).filter(Boolean));
    return urls.size === 1 ? [...urls][0] : null;
  }

  const composerText = (/** @type {Element} */ c) => clean(c.textContent);

  function startSend(/** @type {Element} */ composer) {
    if (!composerText(composer)) return;
    const url = threadProfile(composer);
    if (url) sending = { composer, url, at: Date.now() };
  }

  function checkSending() {
    if (!sending) return;
    if (Date.now() - sending.at > SENT_MS) {
      sending = null;
      return;
    }
    if (!sending.composer.isConnected || !composerText(sending.composer)) {
      const url = sending.url;
      sending = null;
      send([{ url, kind: 'message_sent' }]); // every message counts, not once a page
    }
  }

  /** The composer a Send button or a keypress belongs to. */
  function composerNear(/** @type {Element} */ node) {
    if (S.matches(node, S.MESSAGE_COMPOSER)) return node;
    const form = S.closestDeep(node, S.COMPOSER_CONTAINER);
    return form ? S.first(form, S.MESSAGE_COMPOSER) : null;
  }

  function onMessageClick(/** @type {MouseEvent} */ e) {
    if (!e.isTrusted) return;
    const button = e.composedPath().find((n) => n instanceof Element && S.matches(n, S.MESSAGE_SEND));
    if (!(button instanceof Element) || /** @type {HTMLButtonElement} */ (button).disabled) return;
    const composer = composerNear(button);
    if (composer) startSend(composer);
  }

  function onMessageKey(/** @type {KeyboardEvent} */ e) {
    if (!e.isTrusted || e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    const target = e.composedPath()[0];
    if (!(target instanceof Element)) return;
    // Enter sends only when LinkedIn's "Press Enter to send" is on: it counts if the composer empties.
    const composer = S.closestDeep(target, S.EDITING_HOST);
    if (composer && S.matches(composer, S.MESSAGE_COMPOSER)) startSend(composer);
  }

  // ---- The loop ----

  let path = null;

  /** Called by the discovery poll and on URL changes (content/main.js). */
  function check() {
    if (location.pathname !== path) {
      path = location.pathname;
      reported = new Set();
      rows.clear();
      withdrawing = null;
      dirty = true;
    }
    const changed = dirty;
    checkProfile();
    checkSent();
    checkAccepted();
    checkConnections();
    // Changes during the reads are seen on the next poll.
    if (changed) dirty = false;
    checkSending();
  }

  /** The person sent an invitation from this page (invite.js): the top card's "Connect" is stale. */
  function invitationSent() {
    invitedHere = true;
  }

  function start(/** @type {AbortSignal} */ signal) {
    // Lists are read again only after the page changed (rows added, removed, or their text).
    const mo = new MutationObserver(() => {
      dirty = true;
    });
    mo.observe(document, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => mo.disconnect());
    document.addEventListener('click', guarded('outcomes-withdraw', onSentClick), { capture: true, passive: true, signal });
    document.addEventListener('click', guarded('outcomes-message', onMessageClick), { capture: true, passive: true, signal });
    document.addEventListener('keydown', guarded('outcomes-message-key', onMessageKey), { capture: true, passive: true, signal });
    addEventListener('hashchange', guarded('outcomes-hash', () => highlight()), { signal });
    signal.addEventListener('abort', () => {
      mark?.host.remove();
      mark = null;
    });
    try {
      check();
    } catch (e) {
      reportError('outcomes-start', e);
    }
  }

  R.outcomes = { start, check, invitationSent };
})();
