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

  const S = R.selectors;
  const { getContact, editContact, guarded, reportError, Invalidated } = R.messaging;
  const { profileOnPage } = R.recipient;
  const { TAB_KIND } = globalThis.RapportProtocol;

  const STYLE = `
  :host { all: initial; position: fixed; z-index: 2147482000; left: 16px; bottom: 16px;
    --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0a66c2;
    --accent-fg: #ffffff; --err: #b42318; --due: #b42318; --soft: #f1f4f8; --shadow: 0 4px 16px rgba(0,0,0,.18);
    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
  :host([data-theme="dark"]) { --bg: #1d2226; --fg: #e6edf3; --muted: #9aa7b4; --line: #38434f;
    --accent: #70b5f9; --accent-fg: #0b1117; --err: #ff8a80; --due: #ff8a80; --soft: #262d33; --shadow: 0 4px 16px rgba(0,0,0,.6); }
  @media (prefers-color-scheme: dark) {
    :host(:not([data-theme="light"])) { --bg: #1d2226; --fg: #e6edf3; --muted: #9aa7b4; --line: #38434f;
      --accent: #70b5f9; --accent-fg: #0b1117; --err: #ff8a80; --due: #ff8a80; --soft: #262d33; --shadow: 0 4px 16px rgba(0,0,0,.6); }
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }
  .card[data-collapsed] { width: auto; max-width: min(300px, calc(100vw - 32px)); }
  .card { width: 300px; max-width: calc(100vw - 32px); max-height: calc(100vh - 96px); overflow: auto;
    background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }
  .head { display: flex; align-items: center; gap: 6px; padding: 6px 6px 6px 10px; }
  .logo { flex: none; width: 20px; height: 20px; border-radius: 5px; background: var(--accent); color: var(--accent-fg);
    font-weight: 700; font-size: 12px; display: inline-flex; align-items: center; justify-content: center; }
  .who { flex: 1; min-width: 0; display: grid; cursor: pointer; }
  .title { margin: 0; font-size: 13px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .summary { color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .summary[data-status="due"] { color: var(--due); font-weight: 600; }
  button, input, textarea { font: inherit; color: inherit; }
  button { cursor: pointer; border: 1px solid var(--line); background: var(--bg); border-radius: 14px; padding: 2px 10px; }
  button:hover { background: var(--soft); }
  button:disabled, input:disabled, textarea:disabled { opacity: .55; cursor: default; }
  :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  .collapse { border: 0; background: none; width: 28px; height: 28px; padding: 0; border-radius: 6px; color: var(--muted); }
  .chev { display: inline-block; transition: transform .15s; }
  .card[data-collapsed] .chev { transform: rotate(180deg); }
  .body { border-top: 1px solid var(--line); padding: 8px 10px 10px; display: grid; gap: 6px; }
  .body label { margin-top: 2px; }
  .body[hidden] { display: none; }
  p { margin: 0; }
  .muted { color: var(--muted); }
  .sent { margin: 0; padding: 4px 8px; border-left: 3px solid var(--line); background: var(--soft); border-radius: 0 6px 6px 0;
    white-space: pre-wrap; overflow-wrap: anywhere; max-height: 6.5em; overflow: auto; }
  .sent[hidden] { display: none; }
  .row.nowrap { flex-wrap: nowrap; }
  .row.nowrap input[type="date"] { min-width: 0; flex: 1; }
  label { font-weight: 600; }
  textarea { width: 100%; min-height: 56px; resize: vertical; padding: 6px; border: 1px solid var(--line); border-radius: 6px;
    background: var(--bg); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
  .row label { font-weight: 400; display: inline-flex; align-items: center; gap: 6px; }
  input[type="date"] { border: 1px solid var(--line); border-radius: 6px; padding: 1px 4px; background: var(--bg); color-scheme: light dark; }
  .primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); font-weight: 600; }
  .primary:hover { background: var(--accent); filter: brightness(1.1); }
  .state { font-size: 12px; color: var(--muted); }
  .state:empty { display: none; }
  .state[data-error] { color: var(--err); }
  .hint { font-size: 11px; color: var(--muted); margin-top: -2px; }
  `;

  const STOP = ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click', 'focusin', 'focusout', 'input', 'paste', 'copy', 'cut'];

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('data-') || k.startsWith('aria-') || ['role', 'id', 'type', 'title', 'for', 'rows', 'placeholder'].includes(k)) node.setAttribute(k, v === true ? '' : String(v));
      else node[k] = v;
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  // ---- Dates (shown in local time; the engine keeps UTC milliseconds) ----

  const pad = (n) => String(n).padStart(2, '0');
  /** `YYYY-MM-DD` of a time in local time, for <input type=date>. */
  const dateValue = (ms) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  /** The local UTC offset in force at the start of a date (what the engine needs). */
  const offsetOn = (date) => new Date(`${date}T00:00`).getTimezoneOffset();
  function showDate(ms) {
    const d = new Date(ms);
    const opts = { weekday: 'short', day: 'numeric', month: 'short' };
    if (d.getFullYear() !== new Date().getFullYear()) opts.year = 'numeric';
    return new Intl.DateTimeFormat(undefined, opts).format(d);
  }

  function followUpText(contact, status) {
    switch (status) {
      case 'due': return `Follow-up due since ${showDate(contact.follow_up_at)}`;
      case 'upcoming': return `Next follow-up: ${showDate(contact.follow_up_at)}`;
      case 'done': return `Followed up on ${showDate(contact.done_at)}; nothing planned`;
      default: return 'No follow-up planned';
    }
  }

  class ProfilePanel {
    constructor() {
      this.host = document.createElement('rapport-profile');
      this.host.hidden = true;
      this.root = this.host.attachShadow({ mode: 'open' });
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        this.root.adoptedStyleSheets = [sheet];
      } catch {
        this.root.append(el('style', { text: STYLE }));
      }
      this.contact = null;
      this.savedNotes = '';
      this.readOnly = false;

      this.title = el('p', { class: 'title' });
      this.summary = el('span', { class: 'summary' });
      this.collapse = el('button', { type: 'button', class: 'collapse', 'aria-expanded': 'true', 'aria-controls': 'rapport-profile-body', 'aria-label': 'Show or hide your notes about this person', title: 'Show or hide your notes' }, el('span', { class: 'chev', text: '▾', 'aria-hidden': 'true' }));
      this.invited = el('p', { class: 'invited muted' });
      this.sent = el('blockquote', { class: 'sent' });
      this.notes = el('textarea', { id: 'rapport-notes', rows: 3, placeholder: 'What you talked about, what to follow up on…', 'aria-describedby': 'rapport-notes-hint' });
      this.state = el('p', { class: 'state', role: 'status', 'aria-live': 'polite' });
      this.date = el('input', { type: 'date', id: 'rapport-date' });
      this.clear = el('button', { type: 'button', text: 'Clear', 'aria-label': 'Clear the follow-up date' });
      this.done = el('button', { type: 'button', class: 'primary', text: 'Done', 'data-action': 'done', 'aria-label': 'Mark the follow-up done' });
      this.day = el('button', { type: 'button', text: '+1 day', 'data-action': 'snooze-day', 'aria-label': 'Snooze the follow-up by one day' });
      this.week = el('button', { type: 'button', text: '+1 week', 'data-action': 'snooze-week', 'aria-label': 'Snooze the follow-up by one week' });
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
      for (const type of STOP) this.card.addEventListener(type, (e) => e.stopPropagation());
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
      // A date is committed on Enter, on blur, or shortly after the last change (typing a
      // year goes through 0002, 0020, 0203: years before 2000 are never meant).
      let dateTimer = 0;
      const commitDate = () => {
        clearTimeout(dateTimer);
        const v = this.date.value;
        const current = this.contact?.follow_up_at != null ? dateValue(this.contact.follow_up_at) : '';
        if (!v || v === current || Number(v.slice(0, 4)) < 2000) return;
        this.edit({ follow_up_date: v, tz: offsetOn(v) }, 'Follow-up date set');
      };
      on(this.date, 'change', () => {
        clearTimeout(dateTimer);
        dateTimer = setTimeout(guarded('profile-date', commitDate), 700);
      });
      on(this.date, 'blur', commitDate);
      on(this.date, 'keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commitDate();
        }
      });
      on(this.clear, 'click', () => this.edit({ follow_up_at: null }, 'Follow-up cleared'));
      on(this.done, 'click', () => this.edit({ done: true }, 'Marked done'));
      on(this.day, 'click', () => this.edit({ snooze: { days: 1 } }, 'Snoozed for a day'));
      on(this.week, 'click', () => this.edit({ snooze: { days: 7 } }, 'Snoozed for a week'));
      this.collapsed = false;
    }

    mount() {
      if (!this.host.isConnected) (document.body || document.documentElement).append(this.host);
    }

    setCollapsed(collapsed) {
      this.collapsed = collapsed;
      collapsedInTab = collapsed;
      this.body.hidden = collapsed;
      this.card.toggleAttribute('data-collapsed', collapsed);
      this.collapse.setAttribute('aria-expanded', String(!collapsed));
    }

    setTheme() {
      if (S.first(document, S.DARK_THEME)) this.host.setAttribute('data-theme', 'dark');
      else this.host.removeAttribute('data-theme');
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

    say(text, error = false) {
      this.state.textContent = text;
      this.state.toggleAttribute('data-error', error);
    }

    show() {
      this.mount();
      this.host.hidden = false;
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
    edit(edit, done) {
      if (!this.contact || this.readOnly) return;
      const key = this.contact.key;
      this.say('Saving…');
      editContact(key, edit).then((answer) => {
        if (this.contact?.key !== key) return;
        this.render(answer.contact, answer.status, false);
        this.say(done);
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
