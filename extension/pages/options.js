// The options page: follow-up delay, notifications (an optional permission, asked for
// when switched on), pending invitations (when to remind, when they expire), note limit,
// Premium and the monthly allowance of personalised notes, rules on or off, and the data: export (JSON, CSV) as a
// download made here from a Blob (no network), import JSON (a preview of what it will do
// first; a malformed file is refused with the engine's message and nothing changes), and
// delete everything (after a confirmation). Every write goes through the worker.
//
// Test hooks: <main data-state="loading|ready|error">, #import-result[data-state="preview|done|error"].

import { KIND, el, notice, plural, ruleName, send, storeNotices } from './page.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const main = $('main');
const days = /** @type {HTMLInputElement} */ ($('follow-up-days'));
const premium = /** @type {HTMLInputElement} */ ($('premium'));
const notifications = /** @type {HTMLInputElement} */ ($('notifications'));
const importFile = /** @type {HTMLInputElement} */ ($('import-file'));
const importResult = $('import-result');
const deleteBtn = /** @type {HTMLButtonElement} */ ($('delete-all'));
const confirmBox = $('delete-confirm');
/** The 200/300 note limit radios. */
const limits = /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="limit"]'));

let data = null;

// ---- Status ----

function status(text, error = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
  s.setAttribute('role', error ? 'alert' : 'status');
}


// ---- Drawing ----

function drawRules() {
  const disabled = new Set(data.settings.disabled_rules);
  const groups = new Map();
  for (const r of data.rules) {
    if (!groups.has(r.category)) groups.set(r.category, []);
    groups.get(r.category).push(r);
  }
  const boxes = [...groups].map(([category, rules]) => el('fieldset', { class: 'rule-group' },
    el('legend', { text: ruleName(category) }),
    ...rules.map((r) => {
      const id = `rule-${r.id}`;
      const box = el('input', { type: 'checkbox', id, 'data-rule': r.id, disabled: data.read_only });
      box.checked = !disabled.has(r.id);
      box.addEventListener('change', () => {
        // The boxes as they stand, not the last saved list: a second click before the
        // first is saved keeps both.
        const off = [...document.querySelectorAll('input[data-rule]')]
          .filter((b) => !(/** @type {HTMLInputElement} */ (b)).checked)
          .map((b) => /** @type {HTMLInputElement} */ (b).dataset.rule);
        save({ disabled_rules: off }, `${ruleName(r.id)} ${box.checked ? 'on' : 'off'}`);
      });
      return el('label', { class: 'rule', for: id }, box, el('span', { text: ruleName(r.id) }));
    })));
  $('rules').replaceChildren(...boxes);
}

function draw() {
  const s = data.settings;
  $('notices').replaceChildren(...storeNotices(data));
  // A redraw (another setting saved, another tab's change) never overwrites what the
  // person is typing in the delay, or an invalid value they are about to correct.
  for (const f of NUMBER_FIELDS) {
    if (document.activeElement !== f.input && f.input.getAttribute('aria-invalid') !== 'true') f.input.value = String(s[f.key]);
  }
  if (!saving.has('notifications')) notifications.checked = s.notifications;
  if (!saving.has('premium')) premium.checked = s.premium;
  if (!saving.has('limit')) for (const radio of limits) radio.checked = Number(radio.value) === s.limit;
  if (!saving.has('disabled_rules')) drawRules();
  $('data-count').textContent = data.total === 0
    ? 'Rapport keeps no contacts yet.'
    : `Rapport keeps ${data.total} ${data.total === 1 ? 'contact' : 'contacts'} in this browser.`;
  const ro = data.read_only;
  for (const c of [...NUMBER_FIELDS.map((f) => f.input), notifications, premium, importFile, deleteBtn, ...limits]) c.disabled = ro;
  // The allowance is a free account's: with Premium there is none to set.
  /** @type {HTMLInputElement} */ ($('monthly-notes')).disabled = ro || s.premium;
  main.dataset.state = 'ready';
  main.removeAttribute('aria-busy');
}

async function load() {
  try {
    data = await send({ kind: KIND.SETTINGS_GET });
    draw();
  } catch (e) {
    main.dataset.state = 'error';
    main.removeAttribute('aria-busy');
    $('notices').replaceChildren(notice('error', `Rapport could not read its settings: ${e.message}`));
  }
}

// ---- Settings ----

/** Settings being saved: a redraw in the meantime (another change landed) leaves their controls as the person set them. */
const saving = new Map();

async function save(partial, what) {
  for (const k of Object.keys(partial)) saving.set(k, (saving.get(k) || 0) + 1);
  try {
    const answer = await send({ kind: KIND.SETTINGS_SET, settings: partial });
    data.settings = answer.settings;
    status(`${what}: saved.`);
  } catch (e) {
    status(e.message, true);
  }
  for (const k of Object.keys(partial)) {
    const n = saving.get(k) - 1;
    if (n > 0) saving.set(k, n);
    else saving.delete(k);
  }
  draw();
}

/**
 * The settings typed as whole numbers: each says what is wrong beside it (and keeps what
 * was typed, to correct) or saves on change.
 * @type {{ input: HTMLInputElement, key: string, max: number, rule: string, said: (n: number) => string }[]}
 */
const NUMBER_FIELDS = [
  {
    input: days, key: 'follow_up_days', max: 3650, rule: 'the delay is a whole number of days from 0 to 3650',
    said: (n) => (n === 0 ? 'Automatic follow-ups off' : `Follow up after ${plural(n, 'day', 'days')}`),
  },
  {
    input: /** @type {HTMLInputElement} */ ($('pending-days')), key: 'pending_days', max: 3650,
    rule: 'the reminder is a whole number of days from 0 to 3650',
    said: (n) => (n === 0 ? 'Pending invitation reminders off' : `Pending invitations: reminded after ${plural(n, 'day', 'days')}`),
  },
  {
    input: /** @type {HTMLInputElement} */ ($('expire-days')), key: 'expire_days', max: 3650,
    rule: 'the expiry is a whole number of days from 0 to 3650',
    said: (n) => (n === 0 ? 'Pending invitations never expire' : `Pending invitations expire after ${plural(n, 'day', 'days')}`),
  },
  {
    input: /** @type {HTMLInputElement} */ ($('monthly-notes')), key: 'monthly_notes', max: 1000,
    rule: 'the allowance is a whole number of notes from 0 to 1000',
    said: (n) => `Personalised notes a month: ${n}`,
  },
];

for (const f of NUMBER_FIELDS) {
  const box = $(`${f.input.id}-error`);
  const error = (/** @type {string} */ text) => {
    box.textContent = text;
    box.hidden = !text;
    f.input.setAttribute('aria-invalid', String(!!text));
  };
  f.input.addEventListener('change', () => {
    const raw = f.input.value.trim();
    const n = Number(raw);
    if (raw === '' || !Number.isInteger(n) || n < 0 || n > f.max) {
      error(`Not saved: ${f.rule} (still ${data.settings[f.key]}).`);
      return;
    }
    error('');
    save({ [f.key]: n }, f.said(n));
  });
}

premium.addEventListener('change', () => {
  save({ premium: premium.checked }, premium.checked ? 'Premium: personalised notes not limited' : 'Free account: personalised notes limited per month');
});

notifications.addEventListener('change', async () => {
  if (notifications.checked) {
    // Asked within the click (the browser requires a user gesture).
    let granted = false;
    try {
      granted = await chrome.permissions.request({ permissions: ['notifications'] });
    } catch {
      granted = false;
    }
    if (!granted) {
      notifications.checked = false;
      status('Notifications were not allowed, so they stay off. The toolbar badge still shows what is due.', true);
      return;
    }
    save({ notifications: true }, 'Notifications on');
  } else {
    await save({ notifications: false }, 'Notifications off');
    chrome.permissions.remove({ permissions: ['notifications'] }).catch(() => {});
  }
});

for (const radio of limits) {
  radio.addEventListener('change', () => {
    if (radio.checked) save({ limit: Number(radio.value) }, `Note limit ${radio.value} characters`);
  });
}

// ---- Export ----

async function exportAs(format) {
  try {
    const answer = await send({ kind: KIND.EXPORT, format });
    const url = URL.createObjectURL(new Blob([answer.text], { type: answer.mime }));
    const a = el('a', { href: url, download: answer.filename });
    a.download = answer.filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status(`Exported ${answer.count} ${answer.count === 1 ? 'contact' : 'contacts'} to ${answer.filename}.`);
  } catch (e) {
    status(`Export failed: ${e.message}`, true);
  }
}
$('export-json').addEventListener('click', () => exportAs('json'));
$('export-csv').addEventListener('click', () => exportAs('csv'));

// ---- Import ----

function importSummary(r) {
  const parts = [];
  if (r.added) parts.push(`add ${plural(r.added, 'new contact', 'new contacts')}`);
  if (r.updated) parts.push(`update ${plural(r.updated, 'contact', 'contacts')} (newer in the file)`);
  if (r.skipped_older) parts.push(`skip ${plural(r.skipped_older, 'contact', 'contacts')} (yours are newer)`);
  if (r.unchanged) parts.push(`leave ${plural(r.unchanged, 'contact', 'contacts')} as they are (identical)`);
  return parts;
}

function importWarnings(r) {
  if (!r.warnings?.length) return null;
  return el('ul', { class: 'warning-list' }, ...r.warnings.slice(0, 20).map((w) => el('li', { text: `${w.key}: ${w.message}` })));
}

/** Why a file was refused, in words; the reader's own message only as a detail. */
function importProblem(file, message) {
  if (/\.csv$/i.test(file?.name || '')) return 'This is a CSV file. Rapport imports the JSON file that “Export JSON” makes; CSV is for spreadsheets.';
  if (/line \d+, column \d+/.test(message)) return `This is not a Rapport JSON export (it stops making sense at ${message.match(/line \d+, column \d+/)[0]}).`;
  return message;
}

function showImportError(message) {
  importResult.dataset.state = 'error';
  importResult.replaceChildren(notice('error', 'This file was not imported, and nothing was changed.',
    el('p', { class: 'import-message', text: message })));
}

importFile.addEventListener('change', async () => {
  const file = importFile.files?.[0];
  if (!file) return;
  importResult.replaceChildren(el('p', { class: 'muted', text: `Reading ${file.name}…` }));
  let text;
  try {
    text = await file.text();
  } catch (e) {
    showImportError(`The file could not be read: ${e.message}`);
    return;
  }
  let preview;
  try {
    preview = await send({ kind: KIND.IMPORT, text, apply: false });
  } catch (e) {
    showImportError(importProblem(file, e.message));
    importFile.value = '';
    return;
  }
  const parts = importSummary(preview);
  const changes = preview.added + preview.updated;
  const box = el('div', { class: 'notice notice-info import-preview' },
    el('p', { text: changes === 0
      ? `Nothing to import from ${file.name}: ${parts.join(', ') || 'it holds no contacts'}.`
      : `Importing ${file.name} will ${parts.join(', ')}.` }),
    importWarnings(preview));
  let useSettings = null;
  if (preview.has_settings) {
    useSettings = el('input', { type: 'checkbox', id: 'import-settings' });
    box.append(el('label', { class: 'check', for: 'import-settings' }, useSettings, el('span', { text: ' Also use the settings saved in the file (follow-up delay, note limit, rules)' })));
  }
  const go = el('button', { type: 'button', class: 'primary', id: 'import-apply', text: 'Import' });
  const cancel = el('button', { type: 'button', id: 'import-cancel', text: 'Cancel' });
  if (changes > 0 || preview.has_settings) box.append(el('div', { class: 'row' }, go, cancel));
  else box.append(el('div', { class: 'row' }, cancel));
  importResult.dataset.state = 'preview';
  importResult.replaceChildren(box);
  cancel.addEventListener('click', () => {
    importResult.replaceChildren();
    delete importResult.dataset.state;
    importFile.value = '';
    importFile.focus();
  });
  go.addEventListener('click', async () => {
    go.disabled = true;
    try {
      const done = await send({ kind: KIND.IMPORT, text, apply: true, apply_settings: !!useSettings?.checked });
      importResult.dataset.state = 'done';
      const said = importSummary(done).map((p) => p.replace(/^add/, 'added').replace(/^update/, 'updated').replace(/^skip/, 'skipped').replace(/^leave/, 'left'));
      importResult.replaceChildren(el('div', { class: 'notice notice-info', role: 'status' },
        el('p', { text: `Imported ${file.name}: ${said.join(', ') || 'nothing changed'}.` })));
      importFile.value = '';
      await load();
    } catch (e) {
      showImportError(e.message);
    }
  });
  go.focus();
});

// ---- Delete everything ----

deleteBtn.addEventListener('click', () => {
  const n = data?.total ?? 0;
  const yes = el('button', { type: 'button', class: 'danger primary', id: 'delete-confirm-yes', text: 'Delete everything' });
  const no = el('button', { type: 'button', id: 'delete-confirm-no', text: 'Cancel' });
  confirmBox.replaceChildren(el('div', { class: 'notice notice-error', role: 'alertdialog', 'aria-labelledby': 'delete-question' },
    el('p', { id: 'delete-question', text: `Delete all ${plural(n, 'contact', 'contacts')}, your notes about them and your settings from this browser? This cannot be undone; export first if you may want them back.` }),
    el('div', { class: 'row' }, yes, no)));
  confirmBox.hidden = false;
  deleteBtn.disabled = true;
  no.focus(); // the safe choice first
  const close = () => {
    confirmBox.hidden = true;
    confirmBox.replaceChildren();
    deleteBtn.disabled = !!data?.read_only;
    deleteBtn.focus();
  };
  no.addEventListener('click', close);
  confirmBox.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      const answer = await send({ kind: KIND.DELETE_ALL });
      close();
      status(`Deleted ${plural(answer.removed, 'contact', 'contacts')} and the settings.`);
      await load();
    } catch (e) {
      close();
      status(e.message, true);
    }
  });
});

// Another tab (or the popup) changed something: show it.
let changeTimer = 0;
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  clearTimeout(changeTimer);
  changeTimer = setTimeout(load, 80);
});

load();
