// The profile panel: on someone's LinkedIn profile (/in/<slug>), what you keep about them.
// It shows the note you sent and when, the next follow-up, and your own notes; you can
// edit the notes (saved on blur or Ctrl+Enter), set or clear the follow-up date, mark it
// done or snooze it. Every change goes to the worker, which owns storage.
//
// Least intrusive: the panel appears only for people Rapport already knows (an invitation
// was recorded, or you chose "Add a note about <name>" in the toolbar popup, which creates
// the contact and asks this script to open the panel). Unknown profiles look untouched. It
// sits in the bottom-left corner, in its own open shadow root, collapses to one line, and
// steps aside while an invitation dialog is open. All text is set with textContent.
//
// It follows the contact live: any change to its storage item (from the popup, another tab)
// redraws it, except the notes while you are editing them.
//
// Test hooks: <rapport-profile data-rapport-contact="<key>" data-rapport-status="due|upcoming|done|idle">.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const { getContact, editContact, guarded, reportError, Invalidated } = R.messaging;
  const S = R.selectors;
  const { profileOnPage } = R.recipient;
  /** The card's place: this far from the window's left and bottom edges. */
  const EDGE = 16;
  const WIDTH = 300;
  const { TAB_KIND } = globalThis.RapportProtocol;

  const { el, style, isolate, WORDS, dateValue, offsetOn, showDate, commitDate, followUpText } = globalThis.RapportUI;

  const CSS = `
  :host { all: initial; position: fixed; z-index: 2147482000; left: 16px; bottom: 16px;
    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
  :host([hidden]) { display: none; }
  .card[data-collapsed] { width: auto; max-width: min(300px, calc(100vw - 32px)); }
  .card { width: 300px; max-width: calc(100vw - 32px); max-height: calc(100vh - 96px); overflow: auto;
    background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }
  .head { display: flex; align-items: center; gap: 6px; padding: 6px 6px 6px 10px; }
  .logo { flex: none; width: 20px; height: 20px; border-radius: 5px; background: var(--accent); color: var(--accent-fg);
    font-weight: 700; font-size: 12px; display: inline-flex; align-items: center; justify-content: center; }
  .who { flex: 1; min-width: 0; display: grid; cursor: pointer; }
  .title { font-size: 13px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .summary { color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .summary[data-status="due"] { color: var(--err); font-weight: 600; }
  .collapse { border: 0; background: none; width: 28px; height: 28px; padding: 0; border-radius: 6px; color: var(--muted); }
  .chev { display: inline-block; transition: transform .15s; }
  .card[data-collapsed] .chev { transform: rotate(180deg); }
  .body { border-top: 1px solid var(--line); padding: 8px 10px 10px; display: grid; gap: 6px; }
  .sent { margin: 0; padding: 4px 8px; border-left: 3px solid var(--line); background: var(--soft); border-radius: 0 6px 6px 0;
    white-space: pre-wrap; overflow-wrap: anywhere; max-height: 6.5em; overflow: auto; }
  .row.nowrap { flex-wrap: nowrap; }
  .row.nowrap input[type="date"] { min-width: 0; flex: 1; }
  label { font-weight: 600; }
  textarea { width: 100%; min-height: 56px; resize: vertical; padding: 6px; border: 1px solid var(--line); border-radius: 6px;
    background: var(--bg); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
  .row label { font-weight: 400; display: inline-flex; align-items: center; gap: 6px; }
  input[type="date"] { border: 1px solid var(--line); border-radius: 6px; padding: 1px 4px; background: var(--bg); }
  .state { font-size: 12px; color: var(--muted); display: flex; align-items: center; gap: 6px; }
  .state:empty { display: none; }
  .state[data-error] { color: var(--err); }
  .hint { font-size: 11px; color: var(--muted); margin-top: -2px; }
  `;

  class ProfilePanel {
    constructor() {
      this.host = document.createElement('rapport-profile');
      this.host.hidden = true;
      this.root = this.host.attachShadow({ mode: 'open' });
      style(this.root, CSS);
      this.contact = null;
      this.savedNotes = '';
      this.readOnly = false;

      this.title = el('p', { class: 'title' });
      this.summary = el('span', { class: 'summary' });
      this.collapse = el('button', { type: 'button', class: 'collapse', 'aria-expanded': 'true', 'aria-controls': 'rapport-profile-body', 'aria-label': 'Your notes', title: 'Show or hide your notes' }, el('span', { class: 'chev', text: '▾', 'aria-hidden': 'true' }));
      this.invited = el('p', { class: 'invited muted' });
      // Scrolls when long: focusable, so the keyboard can scroll it too.
      this.sent = el('blockquote', { class: 'sent', tabindex: 0, 'aria-label': 'The note you sent' });
      this.notes = el('textarea', { id: 'rapport-notes', rows: 3, placeholder: 'What you talked about, what to follow up on…', 'aria-describedby': 'rapport-notes-hint' });
      this.state = el('p', { class: 'state', role: 'status', 'aria-live': 'polite' });
      this.date = el('input', { type: 'date', id: 'rapport-date' });
      this.clear = el('button', { type: 'button', text: 'Clear date', 'data-action': 'clear' });
      this.done = el('button', { type: 'button', class: 'primary', text: WORDS.done, 'data-action': 'done' });
      this.day = el('button', { type: 'button', text: WORDS.snoozeDay, 'data-action': 'snooze-day' });
      this.week = el('button', { type: 'button', text: WORDS.snoozeWeek, 'data-action': 'snooze-week' });
      // Compact: the follow-up's state is in the header's summary line, not repeated here.
      this.body = el('div', { class: 'body', id: 'rapport-profile-body' },
        this.invited, this.sent,
        el('div', { class: 'row' }, this.done, this.day, this.week),
        el('div', { class: 'row nowrap' }, el('label', { for: 'rapport-date', text: 'Follow up on' }), this.date, this.clear),
        el('label', { for: 'rapport-notes', text: 'Your notes' }),
        this.notes,
        el('p', { class: 'hint', id: 'rapport-notes-hint', text: 'Saved when you leave the box, or with Ctrl+Enter.' }),
        this.state);
      this.card = el('section', { class: 'card', role: 'region', 'aria-label': 'Rapport: your notes about this person' },
        el('div', { class: 'head' }, el('span', { class: 'logo', text: 'R', 'aria-hidden': 'true' }),
          this.who = el('div', { class: 'who' }, this.title, this.summary), this.collapse),
        this.body);
      this.root.append(this.card);

      // The page's own handlers (keyboard shortcuts, outside-click dismissers) stay out of it.
      isolate(this.card);
      const on = (node, type, fn) => node.addEventListener(type, guarded(`profile-${type}`, fn));
      on(this.collapse, 'click', () => this.setCollapsed(!this.collapsed));
      on(this.who, 'click', () => this.setCollapsed(!this.collapsed));
      on(this.notes, 'blur', () => this.saveNotes());
      on(this.notes, 'keydown', (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          this.saveNotes();
        }
      });
      commitDate(this.date, guarded('profile-date', (v) => this.edit({ follow_up_date: v, tz: offsetOn(v) }, 'Follow-up date set')),
        () => (this.contact?.follow_up_at != null ? dateValue(this.contact.follow_up_at) : ''));
      on(this.clear, 'click', () => this.edit({ follow_up_at: null }, 'Follow-up cleared'));
      on(this.done, 'click', () => {
        const before = this.contact?.follow_up_at ?? null;
        this.edit({ done: true }, WORDS.markedDone(this.contact?.name || 'this person'), () => this.edit({ follow_up_at: before }, 'Done undone'));
      });
      on(this.day, 'click', () => this.edit({ snooze: { days: 1 } }, 'Snoozed for a day'));
      on(this.week, 'click', () => this.edit({ snooze: { days: 7 } }, 'Snoozed for a week'));
      this.collapsed = false;
    }

    mount() {
      if (!this.host.isConnected) (document.body || document.documentElement).append(this.host);
    }

    /**
     * Keeps the card below the profile's top card (its Connect and Message buttons) when
     * both would share the window's left side: the card grows up only to there, and scrolls.
     */
    fit() {
      let max = innerHeight - 6 * EDGE;
      const name = S.first(document, S.PROFILE_NAME);
      const top = name && S.closestDeep(name, S.PROFILE_TOP_CARD);
      if (top) {
        const r = top.getBoundingClientRect();
        if (r.bottom > 0 && r.left < EDGE + WIDTH && r.right > EDGE) max = Math.min(max, innerHeight - EDGE - (r.bottom + EDGE / 2));
      }
      const px = `${Math.round(Math.max(120, max))}px`;
      if (this.card.style.maxHeight !== px) this.card.style.maxHeight = px;
    }

    setCollapsed(collapsed) {
      this.collapsed = collapsed;
      collapsedInTab = collapsed;
      this.body.hidden = collapsed;
      this.card.toggleAttribute('data-collapsed', collapsed);
      this.collapse.setAttribute('aria-expanded', String(!collapsed));
      this.fit();
    }

    setTheme() {
      R.panel.followTheme(this.host);
    }

    /** Draws a contact (from the worker: `contact`, `status`). */
    render(contact, status, readOnly) {
      const sameContact = this.contact?.key === contact.key;
      this.contact = contact;
      this.readOnly = !!readOnly;
      this.host.setAttribute('data-rapport-contact', contact.key);
      this.host.setAttribute('data-rapport-status', status || 'idle');
      const name = contact.name || 'this person';
      this.title.textContent = contact.name || 'Rapport';
      this.card.setAttribute('aria-label', `Rapport: your notes about ${name}`);
      const next = followUpText(contact, status);
      this.summary.textContent = next;
      this.summary.setAttribute('data-status', status || 'idle');
      if (contact.invited_at != null) {
        this.invited.textContent = contact.note_sent
          ? `You invited ${name} on ${showDate(contact.invited_at)} with this note:`
          : `You invited ${name} on ${showDate(contact.invited_at)} without a note.`;
      } else {
        this.invited.textContent = 'No invitation recorded.';
      }
      this.sent.textContent = contact.note_sent || '';
      this.sent.hidden = !contact.note_sent;
      // Never overwrite notes being written.
      const editing = this.root.activeElement === this.notes && this.notes.value !== this.savedNotes;
      if (!editing || !sameContact) {
        this.notes.value = contact.notes;
        this.savedNotes = contact.notes;
      }
      if (this.root.activeElement !== this.date) this.date.value = contact.follow_up_at != null ? dateValue(contact.follow_up_at) : '';
      const pending = contact.follow_up_at != null;
      for (const c of [this.notes, this.date, this.done, this.day, this.week, this.clear]) c.disabled = this.readOnly;
      if (!this.readOnly) {
        this.clear.disabled = !pending;
        this.done.disabled = !pending;
      }
      if (this.readOnly) this.say('Read-only: this data is from a newer version of Rapport.', true);
      this.setTheme();
    }

    /** A line under the notes; `undo` adds an Undo button that runs it. */
    say(text, error = false, undo = null) {
      this.state.replaceChildren(el('span', { text }));
      this.state.toggleAttribute('data-error', error);
      if (undo) {
        const b = el('button', { type: 'button', 'data-action': 'undo', text: WORDS.undo });
        b.addEventListener('click', guarded('profile-undo', undo));
        this.state.append(b);
      }
    }

    show() {
      this.mount();
      this.host.hidden = false;
      this.fit();
    }

    hide() {
      this.host.hidden = true;
    }

    saveNotes() {
      if (!this.contact || this.readOnly) return;
      const notes = this.notes.value;
      if (notes === this.savedNotes) return;
      this.savedNotes = notes; // a second blur does not save again
      this.edit({ notes }, 'Notes saved');
    }

    /** Sends an edit; the answer redraws the panel (so does the storage change it causes). */
    edit(edit, done, undo = null) {
      if (!this.contact || this.readOnly) return;
      const key = this.contact.key;
      this.say('Saving…');
      editContact(key, edit).then((answer) => {
        if (this.contact?.key !== key) return;
        this.render(answer.contact, answer.status, false);
        this.say(done, false, undo);
      }, (e) => {
        if (e instanceof Invalidated) {
          this.say('Rapport was updated or turned off. Reload the page to use it again.', true);
          return;
        }
        if ('notes' in edit) this.savedNotes = null; // not saved: the next blur tries again
        this.say(e.message || 'Could not save.', true);
        if (!e.code) reportError('profile-edit', e);
      });
    }

    focusNotes() {
      this.setCollapsed(false);
      this.notes.focus();
    }

    destroy() {
      this.host.remove();
    }
  }

  /**
   * Whether the panel is collapsed to its one-line summary: at first it is (it must not cover
   * the profile); once the person opens or closes it, that holds for the tab's life.
   */
  let collapsedInTab = true;
  let panel = null;
  /** The profile path the panel was last looked up for; a change means another person. */
  let path = null;
  /** The contact key of the open profile (from the worker), and the request counter. */
  let key = null;
  let lookup = 0;
  let stepAside = false;

  function ensurePanel() {
    if (!panel) {
      panel = new ProfilePanel();
      panel.setCollapsed(collapsedInTab);
    }
    return panel;
  }

  /** Asks the worker about the profile on the page and shows or hides the panel. */
  async function refresh() {
    const person = profileOnPage();
    const n = ++lookup;
    if (!person) {
      key = null;
      panel?.hide();
      return null;
    }
    const answer = await getContact(person.url);
    if (n !== lookup) return null; // another person's page by now
    key = answer.key;
    if (!answer.contact) {
      panel?.hide();
      return null;
    }
    const p = ensurePanel();
    p.render(answer.contact, answer.status, answer.read_only);
    if (!stepAside) p.show();
    return p;
  }

  const refreshGuarded = () => refresh().catch((e) => {
    if (!(e instanceof Invalidated) && !e.code) reportError('profile-refresh', e);
  });

  /**
   * Called on every URL change and by the discovery poll: looks the profile up when the
   * page is another person's. `dialogOpen`: an invitation dialog is open, so the panel
   * steps aside (it must never cover LinkedIn's dialog).
   */
  function check({ dialogOpen = false } = {}) {
    if (dialogOpen !== stepAside) {
      stepAside = dialogOpen;
      if (panel?.contact && key && panel.contact.key === key) {
        if (stepAside) panel.hide();
        else panel.show();
      }
    }
    if (location.pathname === path) {
      panel?.setTheme();
      panel?.fit();
      return;
    }
    path = location.pathname;
    panel?.hide();
    if (panel) panel.contact = null;
    refreshGuarded();
  }

  function start(signal) {
    // The contact changed in storage (popup, another tab, a recorded invitation): redraw.
    const onChanged = guarded('profile-storage', (changes, area) => {
      if (area !== 'local' || !key) return;
      if (Object.keys(changes).some((k) => k === `contact:${key}` || k === 'schema_version')) refreshGuarded();
    });
    chrome.storage.onChanged.addListener(onChanged);
    // The toolbar popup asks whose profile this is, and opens the panel after "Add a note".
    const onMessage = (msg, sender, respond) => {
      if (sender.id !== chrome.runtime.id || !msg) return false;
      if (msg.kind === TAB_KIND.PROFILE) {
        try {
          respond({ ok: true, profile: profileOnPage() });
        } catch (e) {
          respond({ ok: false, error: String(e?.message || e) });
        }
        return false;
      }
      if (msg.kind === TAB_KIND.OPEN_PANEL) {
        refresh().then((p) => {
          if (p) {
            p.show();
            p.focusNotes();
          }
          respond({ ok: !!p });
        }, (e) => respond({ ok: false, error: String(e?.message || e) }));
        return true;
      }
      return false;
    };
    chrome.runtime.onMessage.addListener(onMessage);
    addEventListener('scroll', guarded('profile-scroll', () => panel?.fit()), { passive: true, signal });
    addEventListener('resize', guarded('profile-resize', () => panel?.fit()), { passive: true, signal });
    signal.addEventListener('abort', () => {
      try {
        chrome.storage.onChanged.removeListener(onChanged);
        chrome.runtime.onMessage.removeListener(onMessage);
      } catch {
        // the extension is gone
      }
      panel?.destroy();
      panel = null;
    });
    check();
  }

  R.profile = { start, check };
})();
