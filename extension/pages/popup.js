// The toolbar popup: follow-ups due now, then upcoming, a search over every contact and
// note, the personalised-note counter, and "Add a note about <name>" for the profile open
// in the current tab. Everything shown comes from the worker (the engine's agenda); every
// change goes to the worker too. Names and notes are untrusted: text only.
//
// Also opens as a page (chrome-extension://<id>/extension/pages/popup.html); then "the
// current tab" is the tab used last before it.
//
// A due item says why (follow-up due, invitation pending N days), the invitation's status,
// the last contact, and offers Follow up (your sent note and notes at hand), Withdraw on
// LinkedIn (the sent-invitations page, the row marked: the person clicks LinkedIn's own
// button), done and snooze; every item has a rhythm picker (once, every N weeks or months).
//
// Test hooks: the list is <div id="lists" data-state="loading|provisional|empty|ready|error">
// ('provisional': the worker's kept answer drawn while it starts; data-kept="confirmed" or
// "replaced" once its own answer came, performance mark 'rapport-list-kept'); each
// contact is <li class="item" data-key data-status data-outcome data-reasons> with
// controls [data-action] (a[data-action="withdraw"], select[data-action="rhythm"]);
// Done's undo is #undo [data-action="undo"].

import {
  KIND, TAB_KIND, WORDS, afterPaint, canonical, commitDate, dateValue, displayName, el, followUpText, keptFits, markDrawn, notice, offsetOn, plural, send,
  showDate, storeNotices,
} from './page.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const lists = $('lists');
const search = /** @type {HTMLInputElement} */ ($('search'));
const live = $('live');

let view = null;
/** While notes are being edited in the popup, redraws wait (they would discard the text). */
let editing = null;
let pendingRefresh = false;
/** Where focus goes after the next draw: { key, action } (a contact's control; action 'undo': Done's Undo). */
let refocus = null;

/** The worker's kept answer on screen, as `canonical` JSON, until its own answer confirms or replaces it. */
let provisional = null;

// ---- Drawing ----

const DAY_MS = 86_400_000;

/** The due item (reasons, withdraw link, last contact, outcome) for a key, if it is due. */
const dueItemOf = (key) => view.due.find((d) => d.contact.key === key) || null;

function statusOf(contact) {
  if (dueItemOf(contact.key)) return 'due';
  if (view.upcoming.some((c) => c.key === contact.key)) return 'upcoming';
  return contact.done_at != null ? 'done' : 'idle';
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "today", "yesterday", "3 days ago" (local calendar days). */
function daysAgo(ms) {
  const start = (t) => {
    const d = new Date(t);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((start(Date.now()) - start(ms)) / DAY_MS);
  return relative.format(-Math.max(0, days), 'day');
}

/** What the item says about why it is due: one line per reason the engine gave. */
function reasonLines(due) {
  return due.reasons.map((r) => el('p', {
    class: `reason reason-${r.kind}`, 'data-reason': r.kind,
    text: r.kind === 'pending_invitation' ? `Invitation pending ${plural(r.days, 'day', 'days')}` : 'Follow-up due',
  }));
}

/** The rhythm picker's choices: `value` is how the rhythm is written in the select. */
const RHYTHMS = [
  ['once', 'Once'], ['weeks:1', 'Every week'], ['weeks:2', 'Every 2 weeks'], ['months:1', 'Every month'],
  ['months:2', 'Every 2 months'], ['months:3', 'Every 3 months'], ['months:6', 'Every 6 months'],
];
const rhythmValue = (r) => (r == null || r === 'once' ? 'once' : Object.entries(r).map(([unit, n]) => `${unit}:${n}`)[0]);
const rhythmLabel = (value) => {
  const [unit, n] = value.split(':');
  return unit === 'once' ? 'Once' : `Every ${plural(Number(n), unit.replace(/s$/, ''), unit)}`;
};
const rhythmOfValue = (value) => {
  if (value === 'once') return 'once';
  const [unit, n] = value.split(':');
  return { [unit]: Number(n) };
};

function rhythmPicker(contact, name) {
  const id = `rhythm-${contact.key.replace(/[^a-z0-9]/gi, '-')}`;
  const current = rhythmValue(view.standing?.[contact.key]?.rhythm);
  const choices = RHYTHMS.some(([v]) => v === current) ? RHYTHMS : [...RHYTHMS, [current, rhythmLabel(current)]];
  const select = el('select', { id, 'data-action': 'rhythm', disabled: view.read_only },
    ...choices.map(([value, label]) => el('option', { value, text: label, selected: value === current })));
  select.addEventListener('change', () => {
    const label = rhythmLabel(select.value);
    apply(contact.key, { rhythm: rhythmOfValue(select.value) }, 'rhythm', `${name}: follow up ${label.toLowerCase()}`);
  });
  return [el('label', { class: 'date', for: id }, el('span', { text: 'Follow up' }), el('span', { class: 'sr', text: ` (${name})` })), select];
}

function item(contact) {
  const status = statusOf(contact);
  const due = dueItemOf(contact.key);
  const name = displayName(contact);
  const readOnly = view.read_only;
  const outcome = due ? due.outcome : view.standing?.[contact.key]?.status ?? null;
  const li = el('li', {
    class: 'item', 'data-key': contact.key, 'data-status': status, 'data-outcome': outcome || null,
    'data-reasons': due ? due.reasons.map((r) => r.kind).join(' ') : null,
  });
  const link = el('a', {
    class: 'name', href: contact.url, target: '_blank', rel: 'noopener noreferrer', text: name,
    title: `Open ${name}'s LinkedIn profile in a new tab`,
  });
  const when = due ? `Due since ${showDate(due.since)}` : followUpText(contact, status);
  li.append(el('div', { class: 'line1' }, link, el('span', { class: `when when-${status}`, text: when })));
  if (due) li.append(...reasonLines(due));
  const about = [contact.headline, contact.company && !(contact.headline || '').includes(contact.company) ? contact.company : null].filter(Boolean).join(' · ');
  if (about) li.append(el('p', { class: 'about muted', text: about }));
  const facts = [];
  if (outcome) facts.push(el('span', { class: `outcome outcome-${outcome}`, 'data-outcome': outcome, text: `Invitation ${outcome}` }));
  const last = due ? due.last_contact : null;
  if (last != null) facts.push(el('span', { class: 'last muted', 'data-last-contact': String(last), text: `Last contact: ${daysAgo(last)}` }));
  if (facts.length) li.append(el('p', { class: 'facts' }, ...facts));

  // Their notes and your sent note: at hand for the follow-up (folded in a due item).
  const context = [];
  if (contact.invited_at != null) {
    if (contact.note_sent) {
      context.push(el('p', { class: 'meta muted', text: `Invited on ${showDate(contact.invited_at, false)} with this note:` }));
      // Scrolls when long: focusable, so the keyboard can scroll it too.
      context.push(el('blockquote', { class: 'sent', tabindex: 0, 'aria-label': `The note you sent ${name}`, text: contact.note_sent }));
    } else {
      context.push(el('p', { class: 'meta muted', text: `Invited on ${showDate(contact.invited_at, false)} without a note` }));
    }
  }
  if (contact.notes) context.push(el('p', { class: 'notes', text: contact.notes }));

  const act = (action, text, edit, said, extra = {}) => {
    const b = el('button', { type: 'button', 'data-action': action, text, disabled: readOnly, ...extra });
    b.addEventListener('click', () => apply(contact.key, edit, action, said));
    return b;
  };
  const pending = contact.follow_up_at != null;
  const actions = el('div', { class: 'actions' });
  if (due) {
    const boxId = `follow-${contact.key.replace(/[^a-z0-9]/gi, '-')}`;
    const box = el('div', { class: 'follow-up', id: boxId, hidden: true }, ...context,
      el('a', { href: contact.url, target: '_blank', rel: 'noopener noreferrer', 'data-action': 'open-profile', text: `Write to ${name} on LinkedIn` }));
    const follow = el('button', { type: 'button', class: 'primary', 'data-action': 'follow-up', 'aria-expanded': 'false', 'aria-controls': boxId, text: 'Follow up' });
    follow.addEventListener('click', () => {
      box.hidden = !box.hidden;
      follow.setAttribute('aria-expanded', String(!box.hidden));
    });
    li.append(box);
    actions.append(follow);
    if (due.withdraw_url) {
      actions.append(el('a', {
        class: 'button', href: due.withdraw_url, target: '_blank', rel: 'noopener noreferrer', 'data-action': 'withdraw', text: 'Withdraw on LinkedIn',
        title: `Opens LinkedIn's sent invitations with ${name}'s row highlighted: you click LinkedIn's own Withdraw`,
      }));
    }
  } else {
    li.append(...context);
  }
  if (pending || due) {
    const done = act('done', WORDS.done, { done: true }, WORDS.markedDone(name));
    if (pending) done.addEventListener('click', () => offerUndo(contact.key, name, contact.follow_up_at));
    actions.append(
      done,
      act('snooze-day', WORDS.snoozeDay, { snooze: { days: 1 } }, `${name}: snoozed 1 day`),
      act('snooze-week', WORDS.snoozeWeek, { snooze: { days: 7 } }, `${name}: snoozed 1 week`),
    );
  }
  const dateId = `date-${contact.key.replace(/[^a-z0-9]/gi, '-')}`;
  const date = el('input', {
    type: 'date', id: dateId, 'data-action': 'date', disabled: readOnly,
    value: pending ? dateValue(contact.follow_up_at) : '',
  });
  commitDate(date, (value) => apply(contact.key, { follow_up_date: value, tz: offsetOn(value) }, 'date', `Follow-up with ${name} set`), () => date.defaultValue);
  actions.append(el('label', { class: 'date', for: dateId }, el('span', { text: pending ? 'Snooze until' : 'Follow up on' }), el('span', { class: 'sr', text: ` (${name})` })), date);
  actions.append(...rhythmPicker(contact, name));
  const editBtn = el('button', { type: 'button', 'data-action': 'edit-notes', text: contact.notes ? 'Edit notes' : 'Add notes', disabled: readOnly });
  editBtn.addEventListener('click', () => openEditor(li, contact));
  actions.append(editBtn);
  li.append(actions);
  return li;
}

/**
 * A titled list of contacts. With `later`, only the first `FIRST_ITEMS` are made now and
 * the rest are handed to `later(fill)`, which calls `fill()` when they are wanted.
 * @param {(fill: () => void) => void} [later]
 */
function section(id, title, contacts, emptyText, total = contacts.length, later = undefined) {
  const heading = el('h2', { id: `${id}-title`, text: `${title} (${total})` });
  const s = el('section', { class: `group group-${id}`, 'aria-labelledby': `${id}-title` }, heading);
  if (contacts.length) {
    const now = later ? contacts.slice(0, FIRST_ITEMS) : contacts;
    const ul = el('ul', { class: 'items' }, ...now.map(item));
    s.append(ul);
    if (now.length < contacts.length) later?.(() => ul.append(...contacts.slice(now.length).map(item)));
  } else if (emptyText) s.append(el('p', { class: 'none muted', text: emptyText }));
  // The engine sends at most the first 100 of a list; say how many more there are.
  const hidden = total - contacts.length;
  if (hidden > 0) s.append(el('p', { class: 'more muted', text: `${hidden} more: search to narrow the list.` }));
  return s;
}

/** Items drawn at once before the rest of a long list: more than a popup shows (600 px, 3–4 items). */
const FIRST_ITEMS = 6;

function emptyState() {
  const days = view.settings?.follow_up_days ?? 7;
  return el('div', { class: 'empty' },
    el('h2', { text: 'No follow-ups yet' }),
    el('p', { text: 'When you send a connection invitation on LinkedIn, Rapport keeps who it went to and the note you wrote, here in your browser only.' }),
    el('p', { text: days > 0
      ? `${days} ${days === 1 ? 'day' : 'days'} later it reminds you to follow up: the follow-up shows here under “Due now”, and the toolbar icon shows how many are due.`
      : 'Automatic follow-ups are off; you can set a follow-up date for anyone yourself.' }),
    el('p', { text: 'You can also keep notes about anyone from their LinkedIn profile.' }));
}

/** Counts draws: the second part of a draw gives way to a newer draw. */
let drawCount = 0;

function draw() {
  const count = ++drawCount;
  document.getElementById('notices').replaceChildren(...storeNotices(view));
  const a = view.allowance;
  $('month').textContent = a.allowance == null
    ? `Personalised notes this month: ${a.used} (no monthly limit)`
    : `Personalised notes this month: ${a.used} of ${a.allowance}`;
  const query = search.value.trim();
  if (query) {
    lists.replaceChildren(section('results', 'Results', view.results, `No contact or note matches “${query}”.`, view.results_total));
    return drawn('results');
  }
  if (view.total === 0) {
    lists.replaceChildren(emptyState());
    return drawn('empty');
  }
  // The top of the due list first, on screen at once; the rest of it and the upcoming list
  // (up to 100 each) a moment later.
  /** @type {() => void} */
  let restOfDue = () => {};
  lists.replaceChildren(section('due', WORDS.due, view.due.map((d) => d.contact), 'Nothing is due. Well done.', view.due_total, (fill) => {
    restOfDue = fill;
  }));
  lists.setAttribute('aria-busy', 'true');
  markDrawn('rapport-list');
  afterPaint(() => {
    if (count !== drawCount) return; // a newer draw replaced this one
    restOfDue();
    lists.append(section('upcoming', WORDS.upcoming, view.upcoming, 'No follow-ups planned.', view.upcoming_total));
    const others = view.total - view.due_total - view.upcoming_total;
    if (others > 0) lists.append(el('p', { class: 'more muted', text: `${others} more ${others === 1 ? 'contact has' : 'contacts have'} nothing planned: search to find ${others === 1 ? 'it' : 'them'}.` }));
    drawn('ready');
  });
}

/** The state the last draw ended in ('ready', 'empty', 'results'). */
let lastState = '';

/** The list is whole: its state for tests and assistive technology, and the focus where it belongs. */
function drawn(/** @type {string} */ state) {
  lastState = state;
  if (provisional !== null) {
    // The worker's kept answer: on screen, still busy until the worker confirms it.
    lists.dataset.state = 'provisional';
    markDrawn('rapport-list');
    return;
  }
  lists.dataset.state = state;
  lists.removeAttribute('aria-busy');
  markDrawn('rapport-list');
  if (refocus) {
    const { key, action } = refocus;
    refocus = null;
    if (action === 'undo') return $('undo').querySelector('button')?.focus();
    const li = [.../** @type {NodeListOf<HTMLElement>} */ (lists.querySelectorAll('li.item'))].find((n) => n.dataset.key === key);
    const target = /** @type {HTMLElement|null} */ (li?.querySelector(`[data-action="${action}"]`) || li?.querySelector('a.name')) || search;
    target.focus();
  }
}

/** A date being typed in the list: a redraw now would take it away. */
const typingDate = () => /** @type {HTMLInputElement|null} */ (document.activeElement)?.type === 'date' && lists.contains(document.activeElement);

/** Counts refreshes: only the latest draws its answer (an older one may come back later). */
let refreshes = 0;

/** Redraws from the worker; waits while notes are being edited (and, unless forced, a date typed). */
async function refresh({ force = false } = {}) {
  if (editing || (!force && typingDate())) {
    pendingRefresh = true;
    return;
  }
  pendingRefresh = false;
  const reread = storeShapeChanged;
  storeShapeChanged = false;
  const mine = ++refreshes;
  try {
    // The first view was asked for before this module loaded (popup-early.js), if nothing
    // has been typed since.
    const first = globalThis.RapportFirstView;
    globalThis.RapportFirstView = null;
    if (first?.msg.kind === KIND.VIEW && !search.value) {
      const kept = await first.kept;
      if (!first.answer && !search.value && keptFits(kept, first.msg.tz)) {
        view = kept.answer;
        provisional = canonical(kept.answer);
        performance.mark('rapport-list-kept');
        draw();
        // The worker is asked once this is on screen (see popup-early.js).
        await new Promise((resolve) => afterPaint(() => resolve(undefined)));
      }
      const answer = await send(first.msg, first.answer);
      if (mine !== refreshes) return; // a newer refresh draws (and ends the kept list's turn)
      const same = provisional !== null && canonical(answer) === provisional;
      if (provisional !== null) lists.dataset.kept = same ? 'confirmed' : 'replaced';
      provisional = null;
      if (same) {
        if (lastState) drawn(lastState); // else the kept draw's second part ends it
      } else {
        view = answer;
        draw();
      }
    } else {
      const answer = await send({ kind: KIND.VIEW, query: search.value, tz: new Date().getTimezoneOffset(), reread });
      if (mine !== refreshes) return; // a newer refresh draws
      provisional = null;
      view = answer;
      draw();
    }
  } catch (e) {
    if (mine !== refreshes) return;
    provisional = null;
    lists.dataset.state = 'error';
    lists.removeAttribute('aria-busy');
    lists.replaceChildren(notice('error', `Rapport could not read your follow-ups: ${e.message}`));
  }
}

// ---- Changing ----

function say(text) {
  live.textContent = text;
}

function showError(e) {
  document.getElementById('notices').prepend(notice('error', e.message));
}

/** After Done: says so, with an Undo that puts the follow-up date back. */
function offerUndo(key, name, followUpAt) {
  const undo = el('button', { type: 'button', 'data-action': 'undo', text: WORDS.undo });
  const box = notice('info', WORDS.markedDone(name), el('div', { class: 'row' }, undo));
  $('undo').replaceChildren(box);
  refocus = { key, action: 'undo' }; // the item leaves the list: the keyboard goes to Undo
  undo.addEventListener('click', async () => {
    $('undo').replaceChildren();
    refocus = { key, action: 'done' };
    try {
      await send({ kind: KIND.CONTACT_EDIT, key, edit: { follow_up_at: followUpAt } });
      say(`Follow-up with ${name} is back`);
    } catch (e) {
      showError(e);
    }
    await refresh({ force: true });
  });
}

async function apply(key, edit, action, done) {
  refocus = { key, action };
  try {
    await send({ kind: KIND.CONTACT_EDIT, key, edit });
    say(done);
  } catch (e) {
    showError(e);
  }
  await refresh({ force: true });
}

function openEditor(li, contact) {
  if (editing) return;
  const name = displayName(contact);
  const id = `notes-${contact.key.replace(/[^a-z0-9]/gi, '-')}`;
  const area = el('textarea', { id, rows: 4, placeholder: 'What you talked about, what to follow up on…' });
  area.value = contact.notes;
  const save = el('button', { type: 'button', class: 'primary', 'data-action': 'save-notes', text: 'Save' });
  const cancel = el('button', { type: 'button', 'data-action': 'cancel-notes', text: 'Cancel' });
  const form = el('div', { class: 'editor' },
    el('label', { for: id, text: `Your notes about ${name}` }), area,
    el('div', { class: 'actions' }, save, cancel, el('span', { class: 'muted hint', text: 'Ctrl+Enter saves, Escape cancels' })));
  li.querySelector('.actions').hidden = true;
  li.append(form);
  editing = contact.key;
  area.focus();
  const close = async (action) => {
    editing = null;
    refocus = { key: contact.key, action };
    await refresh();
  };
  const submit = async () => {
    save.disabled = true;
    try {
      await send({ kind: KIND.CONTACT_EDIT, key: contact.key, edit: { notes: area.value } });
      say(`Notes about ${name} saved`);
      await close('edit-notes');
    } catch (e) {
      save.disabled = false;
      form.append(el('p', { class: 'notice notice-error', role: 'alert', text: e.message }));
    }
  };
  save.addEventListener('click', submit);
  cancel.addEventListener('click', () => close('edit-notes'));
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape') {
      e.preventDefault(); // a popup would close on Escape
      close('edit-notes');
    }
  });
}

// ---- The profile in the current tab ----

/** The tab the popup is about: the active tab, or (opened as a page) the one used before. */
async function currentTab() {
  const own = await chrome.tabs.getCurrent().catch(() => null);
  if (!own) {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab || null;
  }
  const tabs = await chrome.tabs.query({});
  return tabs.filter((t) => t.id !== own.id).sort((a, b) => (b.lastAccessed || 0) - (a.lastAccessed || 0))[0] || null;
}

async function offerHere() {
  const box = $('here');
  try {
    const tab = await currentTab();
    if (!tab?.id) return;
    // Only a LinkedIn tab has the content script; any other answers with an error.
    const answer = await chrome.tabs.sendMessage(tab.id, { kind: TAB_KIND.PROFILE }, { frameId: 0 }).catch(() => null);
    const profile = answer?.ok ? answer.profile : null;
    if (!profile?.url) return;
    const known = await send({ kind: KIND.CONTACT_GET, url: profile.url });
    if (known.contact || known.read_only) return;
    const name = profile.name || 'this person';
    const add = el('button', { type: 'button', class: 'primary', 'data-action': 'add-here', text: `Add a note about ${name}` });
    add.addEventListener('click', async () => {
      add.disabled = true;
      try {
        await send({ kind: KIND.CONTACT_ADD, person: profile });
        await chrome.tabs.sendMessage(tab.id, { kind: TAB_KIND.OPEN_PANEL }, { frameId: 0 }).catch(() => null);
        box.hidden = true;
        say(`${name} added: write your note in the panel on their profile`);
        if (!(await chrome.tabs.getCurrent().catch(() => null))) window.close(); // a real popup: the page's panel has the caret
      } catch (e) {
        add.disabled = false;
        showError(e);
      }
    });
    box.replaceChildren(el('p', { class: 'muted', text: 'On this page:' }), add);
    box.hidden = false;
  } catch {
    // no tab to talk to: nothing to offer
  }
}

// ---- Start ----

/** Whether the next view must read storage again (see the storage listener below). */
let storeShapeChanged = false;
let searchTimer = 0;
search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(refresh, 80);
});
search.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && search.value) {
    e.preventDefault();
    search.value = '';
    refresh();
  }
});
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('open-insights').addEventListener('click', () => chrome.tabs.create({ url: chrome.runtime.getURL('extension/pages/insights.html') }));
// A redraw held back while a date was typed happens when focus moves on.
lists.addEventListener('focusout', () => setTimeout(() => {
  if (pendingRefresh && !editing && !typingDate()) refresh();
}, 0));

let changeTimer = 0;
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  // The schema or the settings changed (another version, the options page): the
  // background's copy may not know yet, so the next view reads storage again.
  if ('schema_version' in changes || 'settings' in changes) storeShapeChanged = true;
  clearTimeout(changeTimer);
  changeTimer = setTimeout(refresh, 50);
});
chrome.storage.session?.onChanged?.addListener?.((changes) => {
  // A failed write (or its end); not the view the worker keeps for the next popup.
  if (!('problem' in changes)) return;
  clearTimeout(changeTimer);
  changeTimer = setTimeout(refresh, 50);
});

refresh();
offerHere();
