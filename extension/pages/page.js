// What the extension's own pages (popup, options, welcome) share, on top of the UI kit:
// the palette on the page, the protocol's kinds, and the store's notices.

import '../protocol.js'; // no exports: publishes globalThis.RapportProtocol
import '../ui/kit.js'; // no exports: publishes globalThis.RapportUI

export const { KIND, KEPT, TAB_KIND, keptFits } = globalThis.RapportProtocol;
export const {
  el, svg, send, WORDS, plural, ruleName, dateValue, offsetOn, showDate, commitDate, followUpText, displayName,
} = globalThis.RapportUI;

globalThis.RapportUI.style(document);

/**
 * A notice box: kind 'error' | 'warn' | 'info'; `body` nodes after the message.
 * @param {'error'|'warn'|'info'} kind
 * @param {string} message
 * @param {...Node|null} body
 */
export function notice(kind, message, ...body) {
  return el('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('p', { text: message }), ...body);
}

/**
 * The notices every page shows: a failed write, read-only mode, unreadable stored items.
 * @param {{ problem?: { message?: string }|null, read_only?: boolean, warnings?: { kind?: string, key?: string, message: string }[] }} state
 */
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

/**
 * Marks `<name>-drawn` now and `<name>-painted` once the frame showing it is out (the
 * performance timeline: the scale benchmark reads them), the first time only.
 * @param {string} name
 */
export function markDrawn(name) {
  if (performance.getEntriesByName(`${name}-drawn`).length) return;
  performance.mark(`${name}-drawn`);
  afterPaint(() => performance.mark(`${name}-painted`));
}

// ---- The worker's kept answers (followup.js, keepAnswer): a first paint while it starts ----

/**
 * The worker's last answer kept under `key` in session storage (`{ v, at, tz, answer }`),
 * or null.
 * @param {string} key
 * @returns {Promise<any>}
 */
export function readKept(key) {
  try {
    return chrome.storage.session.get(key).then((got) => got?.[key] ?? null, () => null);
  } catch {
    return Promise.resolve(null); // no session storage
  }
}

/** JSON with every object's keys sorted: storage gives objects back with their keys in another order. */
export const canonical = (/** @type {unknown} */ value) => JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v)
  ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  : v));

/**
 * Runs `fn` once the next frame is painted (what is on the page now is on screen then), or
 * after 100 ms in a page that gets no frames (a tab in the background).
 */
export function afterPaint(/** @type {() => void} */ fn) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}
