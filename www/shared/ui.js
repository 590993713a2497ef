// What the popup and the options page share: talking to the service worker, building
// elements (createElement and textContent only: names and notes are untrusted text), and
// showing the engine's UTC milliseconds as local dates.

import '../../extension/protocol.js'; // no exports: publishes globalThis.RapportProtocol

export const { KIND, TAB_KIND } = globalThis.RapportProtocol;

/**
 * Sends a request to the worker; resolves with its answer, rejects with an Error whose
 * message is written for the person (and `code`, for store refusals: 'read-only',
 * 'storage', 'invalid', 'not-found').
 */
export async function send(msg) {
  let answer;
  try {
    answer = await chrome.runtime.sendMessage(msg);
  } catch (e) {
    throw new Error(`Rapport's background worker did not answer (${e?.message || e}).`);
  }
  if (!answer) throw new Error('Rapport\u2019s background worker did not answer.');
  if (!answer.ok) throw Object.assign(new Error(answer.error || 'Something went wrong.'), { code: answer.code });
  return answer;
}

const ATTRS = new Set(['role', 'id', 'type', 'title', 'for', 'rows', 'placeholder', 'href', 'target', 'rel', 'name', 'value', 'min', 'max', 'step', 'accept', 'autocomplete', 'lang', 'tabindex']);

/** createElement with attributes, `text` (textContent) and children. Never parses HTML. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || ATTRS.has(k)) node.setAttribute(k, v === true ? '' : String(v));
    else node[k] = v;
  }
  for (const c of children) if (c != null && c !== false) node.append(c);
  return node;
}

const pad = (n) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a time, in local time (an <input type=date> value). */
export function dateValue(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local UTC offset in force at the start of `date` (the engine's `tz`). */
export const offsetOn = (date) => new Date(`${date}T00:00`).getTimezoneOffset();

/** A short local date: "Fri, 20 Nov" (with the year when it is not this year). */
export function showDate(ms) {
  const d = new Date(ms);
  const opts = { weekday: 'short', day: 'numeric', month: 'short' };
  if (d.getFullYear() !== new Date().getFullYear()) opts.year = 'numeric';
  return new Intl.DateTimeFormat(undefined, opts).format(d);
}

/** A short local date and time, for "invited on". */
export function showDay(ms) {
  const d = new Date(ms);
  const opts = { day: 'numeric', month: 'short' };
  if (d.getFullYear() !== new Date().getFullYear()) opts.year = 'numeric';
  return new Intl.DateTimeFormat(undefined, opts).format(d);
}

/** The follow-up line for a contact whose status the engine gave. */
export function followUpText(contact, status) {
  switch (status) {
    case 'due': return `Due since ${showDate(contact.follow_up_at)}`;
    case 'upcoming': return `Follow up ${showDate(contact.follow_up_at)}`;
    case 'done': return contact.done_at != null ? `Done ${showDay(contact.done_at)}` : 'Done';
    default: return 'No follow-up planned';
  }
}

/** The name to show: the contact's, else the profile's slug. */
export const displayName = (c) => c.name || c.key.replace(/^linkedin\.com\/in\//, '');

/** A notice box: kind 'error' | 'warn' | 'info'; `body` nodes after the message. */
export function notice(kind, message, ...body) {
  return el('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('p', { text: message }), ...body);
}

/** The notices every page shows: a failed write, read-only mode, unreadable stored items. */
export function storeNotices({ problem, read_only: readOnly, warnings = [] }) {
  const out = [];
  if (problem?.message) out.push(notice('error', problem.message));
  if (readOnly) {
    out.push(notice('warn', 'Read-only: some data was saved by a newer version of Rapport. Update Rapport; until then nothing is changed, and new invitations are not recorded.'));
  }
  const skipped = warnings.filter((w) => w.kind !== 'future_schema');
  if (skipped.length) {
    const list = el('ul', { class: 'warning-list' }, ...skipped.slice(0, 20).map((w) => el('li', { text: w.key ? `${w.key}: ${w.message}` : w.message })));
    out.push(notice('warn', `${skipped.length} stored ${skipped.length === 1 ? 'item' : 'items'} could not be read and ${skipped.length === 1 ? 'was' : 'were'} skipped (nothing else is affected):`, list));
  }
  return out;
}
