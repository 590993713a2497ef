// Follow-ups in the service worker: the answers to the follow-up messages (protocol.js),
// the toolbar badge, the alarm that updates it when a follow-up falls due with no
// LinkedIn tab open, and the optional system notification.
//
// Every decision (due dates, what is due, the badge text, merging, similarity, the month
// counter, CSV and JSON) is the engine's; this file reads the store, calls the engine and
// the browser's APIs.

import { engine } from './engine.js';
import {
  contactStatus, editContact, expirePending, exportCsv, exportJson, importJson, localDateStart, newlyDue, normalizeProfileUrl,
  recordInvitation, rememberContact, rules, setRhythm, storageKey,
} from '../pkg/rapport.js';
import './protocol.js';
import * as store from './store.js';

const { KIND, KEPT, keptFits } = globalThis.RapportProtocol;

const ALARM = 'rapport-follow-up-due';
const NOTIFICATION = 'rapport-follow-up-due';
/** When the last notification looked for newly due follow-ups (chrome.storage.local). */
const NOTIFIED_KEY = 'notified_until';
const BADGE_BG = '#0A66C2';
const BADGE_FG = '#FFFFFF';
const POPUP = 'extension/pages/popup.html';
const WELCOME = 'extension/pages/welcome.html';

const { StoreError } = store;

// ---- Badge, alarm, notification ----

let badgeChain = Promise.resolve();

/**
 * Shows the number of due follow-ups on the toolbar icon and sets the alarm for the next
 * one. Runs after every change, on start-up and when the alarm fires; runs are chained so
 * an older count never overwrites a newer one.
 */
export function refreshBadge() {
  const run = badgeChain.then(drawBadge);
  badgeChain = run.catch(() => {});
  return run;
}

async function drawBadge() {
  const st = await store.state();
  const now = Date.now();
  // Follow-ups due and invitations pending `pending_days`; the alarm is set for the next
  // time the list or an outcome changes by itself (a follow-up falls due, an invitation expires).
  const b = st.engine.badge(now);
  await chrome.action.setBadgeBackgroundColor({ color: BADGE_BG });
  try {
    await chrome.action.setBadgeTextColor?.({ color: BADGE_FG });
  } catch {
    // older browsers pick a readable colour themselves
  }
  // A notification names who fell due: the contacts now, while this state's engine copy is alive.
  const contacts = st.settings.notifications ? st.contacts : null;
  await chrome.action.setBadgeText({ text: b.text });
  await chrome.action.setTitle({
    title: b.count === 0 ? 'Rapport' : `Rapport: ${b.count} follow-up${b.count === 1 ? '' : 's'} due`,
  });
  if (b.next_change_at != null) await chrome.alarms.create(ALARM, { when: b.next_change_at });
  else await chrome.alarms.clear(ALARM);
  if (contacts) await notify(contacts, now).catch(() => {});
  keepView();
  return b;
}

/** A system notification for follow-ups that fell due since the last look (opt-in). */
async function notify(contacts, now) {
  if (!chrome.notifications?.create) return;
  if (!(await chrome.permissions.contains({ permissions: ['notifications'] }))) return;
  const since = Number((await chrome.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY]);
  await chrome.storage.local.set({ [NOTIFIED_KEY]: now });
  if (!Number.isFinite(since)) return; // first look: nothing is "newly" due
  const fresh = newlyDue(contacts, since, now);
  if (!fresh.length) return;
  const names = fresh.map((c) => c.name || c.key).slice(0, 5).join(', ');
  await chrome.notifications.create(NOTIFICATION, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: fresh.length === 1 ? `Time to follow up with ${names}` : `${fresh.length} follow-ups are due`,
    message: fresh.length === 1 ? (fresh[0].note_sent ? `You wrote: ${fresh[0].note_sent}` : 'Open Rapport to see your notes.') : names,
  });
}

let watchingClicks = false;
function watchNotificationClicks() {
  try {
    if (chrome.notifications?.onClicked && !watchingClicks) {
      watchingClicks = true;
      chrome.notifications.onClicked.addListener((id) => {
        if (id !== NOTIFICATION) return;
        chrome.notifications.clear(id);
        chrome.tabs.create({ url: chrome.runtime.getURL(POPUP) });
      });
    }
  } catch {
    // no notifications API
  }
}

// ---- The popup's list, kept a moment ----

/** How long the popup's list (no search) is reused while nothing changes: its dates are days. */
const VIEW_KEEP_MS = 60_000;
/** The last list view: `{ st, tz, at, view }`; `st` is the store state it was computed from. */
let lastView = null;

/**
 * The engine's view of the follow-ups. The list without a search is reused for a minute
 * while the store state is the same (any change makes a new state) and nothing falls due
 * or expires in between (the badge's next change): the popup opened again shows it at once.
 */
function listView(st, query, tz) {
  const now = Date.now();
  const kept = lastView;
  if (!query && kept && kept.st === st && kept.tz === tz && now >= kept.at && now - kept.at < VIEW_KEEP_MS
    && (kept.view.badge.next_change_at == null || now < kept.view.badge.next_change_at)) {
    return kept.view;
  }
  const view = st.engine.view(query, now, tz);
  if (!query) lastView = { st, tz, at: now, view };
  return view;
}

/** The popup's answer to a view request: the engine's view and where the store stands. */
async function viewAnswer(st, query, tz) {
  return {
    ok: true,
    ...listView(st, query, tz),
    total: st.total,
    warnings: st.warnings,
    read_only: st.read_only,
    problem: await store.currentProblem(),
    settings: st.settings,
  };
}

// ---- First paints, kept between worker lives ----

// The last answers to the popup's view without a search and to the insights page, kept
// in chrome.storage.session (memory only, gone when the browser quits) under
// protocol.js's KEPT. The browser stops this worker after 30 s idle, and a stopped one
// answers only after it starts, loads the engine and reads the store (about 0.9 s at
// 10,000 contacts): the page draws the kept answer meanwhile (protocol.js, `keptFits`),
// and the worker's own answer confirms or replaces it. Both are removed the moment the
// store changes; the popup's is written again with the badge.

/** The time zone of the last popup that asked (a browser has one): the kept view's. */
let popupTz = new Date().getTimezoneOffset();

/** Store changes seen: an answer begun before one is not kept (it may show the store before it). */
let storeChanges = 0;

/**
 * Keeps `answer` (made for the time zone `tz`, begun when `storeChanges` was `since`)
 * under `key` for the next page that asks.
 */
function keepAnswer(key, answer, tz, since) {
  if (!Number.isInteger(tz) || since !== storeChanges) return;
  chrome.storage.session?.set({ [key]: { v: 1, at: Date.now(), tz, answer } }).catch(() => {});
}

/**
 * Keeps the store's view for the next popup (after a change, on start-up, when the alarm
 * fires). A worker that starts again with nothing changed finds the one it kept in
 * place: while that still fits, nothing is computed.
 */
async function keepView() {
  const tz = popupTz;
  const since = storeChanges;
  try {
    if (since === 0 && keptFits((await chrome.storage.session?.get(KEPT.VIEW))?.[KEPT.VIEW], tz)) return;
    keepAnswer(KEPT.VIEW, await viewAnswer(await store.state(), '', tz), tz, since);
  } catch {
    // no session storage, or the store unreadable: the popup asks the worker
  }
}

try {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some(store.isStoreKey)) {
      storeChanges++;
      chrome.storage.session?.remove([KEPT.VIEW, KEPT.INSIGHTS]).catch(() => {});
    }
  });
} catch {
  // no storage API: nothing kept
}

// ---- Expiry: pending invitations past `expire_days` become `expired` ----

/**
 * Marks the invitations pending longer than `expire_days` as expired (the engine's
 * `expirePending`), writing only the contacts that changed, one storage item each, each
 * decided again on a fresh read of its item (a tab's write in between is not lost).
 * Resolves with the number written.
 */
export async function expireNow(now = Date.now()) {
  const st = await store.state();
  if (st.read_only) return 0;
  const changed = st.engine.expirePending(now);
  let written = 0;
  for (const c of changed) {
    await store.updateContact(c.key, (existing, fresh) => {
      if (!existing) return null;
      const [next] = expirePending([existing], fresh.settings, now);
      if (next) written++;
      return next ?? null;
    }).catch(() => {});
  }
  return written;
}

/** Each worker life and browser start: migrate, expire, then the badge. */
function startUp() {
  return store.migrate().catch(() => {}).then(() => expireNow()).catch(() => {}).then(refreshBadge).catch(() => {});
}

// Listeners are registered at the top level, so the events wake a stopped worker.
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) expireNow().catch(() => {}).then(refreshBadge).catch(() => {});
});
chrome.runtime.onInstalled.addListener(({ reason }) => {
  startedUp();
  // A first install shows how Rapport works and its privacy promise.
  if (reason === 'install') chrome.tabs.create({ url: chrome.runtime.getURL(WELCOME) }).catch(() => {});
});
chrome.runtime.onStartup.addListener(() => startedUp());
chrome.permissions?.onAdded?.addListener(watchNotificationClicks);
watchNotificationClicks();
// Before the badge (and the view kept with it): the worker's own writes tell it here first.
store.onStoreChange(() => {
  storeChanges++;
});
store.onStoreChange(refreshBadge);
// A worker the browser stopped and starts again (no onStartup then) expires too.
let started = null;
/** Runs the start-up work once per worker life (the first message waits for nothing). */
export const startedUp = () => (started ??= startUp());
setTimeout(startedUp, 0);

// ---- The repetition guard and the month counter (per keystroke: cached state only) ----

const MONTH_CACHE_MS = 60_000;

/** `{ repetition: { count, examples } | null, month_count }` for the note being written. */
export async function noteGuard(text, recipientName, url) {
  await engine();
  const st = await store.state(); // its engine copy is used before any other await
  let key = null;
  try {
    key = url ? normalizeProfileUrl(url) : null;
  } catch {
    key = null;
  }
  const now = Date.now();
  if (!st.month || now - st.month.at > MONTH_CACHE_MS) st.month = { at: now, count: st.engine.monthCount(now) };
  return {
    // The engine's copy of the store indexes the sent notes once per state of the store.
    repetition: st.engine.similar(text, recipientName || null, key),
    month_count: st.month.count,
  };
}

// ---- Messages ----

/** The engine's Invitation from what the content script sent (blank fields left out). */
function person(p) {
  const text = (v) => (typeof v === 'string' && v.trim() ? v : null);
  return { url: p.url, name: typeof p.name === 'string' ? p.name : '', headline: text(p.headline), company: text(p.company), note: text(p.note) };
}

function contactKey(urlOrKey) {
  try {
    return normalizeProfileUrl(urlOrKey);
  } catch (e) {
    throw new StoreError(`Not a LinkedIn profile: ${e.message || e}`, 'invalid');
  }
}

/** Turns an edit from a page into the engine's edit (a chosen date becomes local midnight). */
function engineEdit(edit) {
  if ('follow_up_date' in edit) {
    const tz = Number.isInteger(edit.tz) ? edit.tz : undefined;
    try {
      return { follow_up_at: localDateStart(edit.follow_up_date, tz) };
    } catch (e) {
      throw new StoreError(String(e.message || e), 'invalid');
    }
  }
  return edit;
}

const pad = (n) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** A contact answer: the contact and where it stands now (`due`, `upcoming`, `done`, `idle`). */
const contactAnswer = (contact, extra = {}) => ({ ok: true, contact, status: contact ? contactStatus(contact) : null, ...extra });

const SETTINGS_FIELDS = ['follow_up_days', 'limit', 'notifications', 'disabled_rules', 'pending_days', 'expire_days', 'premium', 'monthly_notes'];

/**
 * Answers a follow-up message, or returns undefined when `msg.kind` is not one.
 * @param {import('./types').Request} msg a request that passed protocol.invalid()
 */
export async function handleFollowup(msg) {
  switch (msg.kind) {
    case KIND.RECORD_INVITATION: {
      await engine();
      const invite = person(msg.invite);
      const contact = await store.updateContact(contactKey(invite.url), (existing, st) =>
        recordInvitation(existing, invite, st.settings));
      return contactAnswer(contact);
    }
    case KIND.CONTACT_ADD: {
      await engine();
      const p = { ...person(msg.person), note: null };
      const contact = await store.updateContact(contactKey(p.url), (existing) => rememberContact(existing, p));
      return contactAnswer(contact);
    }
    case KIND.CONTACT_GET: {
      const st = await store.state();
      let key = null;
      try {
        key = normalizeProfileUrl(msg.url);
      } catch {
        return contactAnswer(null, { key: null, read_only: st.read_only });
      }
      return contactAnswer(st.engine.contact(key), { key, read_only: st.read_only });
    }
    case KIND.CONTACT_EDIT: {
      await engine();
      const edit = engineEdit(msg.edit);
      const contact = await store.updateContact(contactKey(msg.key), (existing) => {
        if (!existing) throw new StoreError('This contact is no longer stored (it may have been deleted).', 'not-found');
        return 'rhythm' in edit ? setRhythm(existing, edit.rhythm) : editContact(existing, edit);
      });
      return contactAnswer(contact);
    }
    case KIND.VIEW: {
      if (msg.reread) store.reread();
      const since = storeChanges;
      const st = await store.state();
      // Due items with their reasons, upcoming, search results, the allowance, and where
      // each listed contact stands (`standing`: the invitation's status, the rhythm).
      const tz = Number.isInteger(msg.tz) ? msg.tz : undefined;
      const answer = await viewAnswer(st, msg.query || '', tz);
      if (!msg.query && tz !== undefined) {
        popupTz = tz;
        keepAnswer(KEPT.VIEW, answer, tz, since);
      }
      return answer;
    }
    case KIND.INSIGHTS: {
      const since = storeChanges;
      const st = await store.state();
      const tz = Number.isInteger(msg.tz) ? msg.tz : undefined;
      const answer = {
        ok: true,
        insights: st.engine.insights(Date.now(), tz),
        total: st.total,
        warnings: st.warnings,
        read_only: st.read_only,
        problem: await store.currentProblem(),
      };
      keepAnswer(KEPT.INSIGHTS, answer, tz, since);
      return answer;
    }
    case KIND.SETTINGS_GET: {
      const st = await store.state();
      return {
        ok: true,
        settings: st.settings,
        rules: rules(),
        total: st.total,
        warnings: st.warnings,
        read_only: st.read_only,
        problem: await store.currentProblem(),
      };
    }
    case KIND.SETTINGS_SET: {
      const partial = {};
      for (const f of SETTINGS_FIELDS) if (f in msg.settings) partial[f] = msg.settings[f];
      const before = (await store.state()).settings;
      const settings = await store.updateSettings(partial);
      if (settings.notifications && !before.notifications) {
        // Only what falls due from now on is announced.
        await chrome.storage.local.set({ [NOTIFIED_KEY]: Date.now() }).catch(() => {});
      }
      return { ok: true, settings };
    }
    case KIND.EXPORT: {
      await engine();
      return store.wholeStore(async (st) => {
        const json = msg.format === 'json';
        // The engine writes compact JSON (the pretty printer cost 0.65 KB of wasm); the
        // file people open is indented.
        const text = json ? JSON.stringify(JSON.parse(exportJson(st.contacts, st.settings)), null, 2) : exportCsv(st.contacts);
        return {
          items: null,
          result: {
            ok: true,
            text,
            count: st.contacts.length,
            filename: `rapport-contacts-${today()}.${json ? 'json' : 'csv'}`,
            mime: json ? 'application/json' : 'text/csv;charset=utf-8',
          },
        };
      }, { write: false });
    }
    case KIND.IMPORT: {
      await engine();
      return store.wholeStore(async (st) => {
        const out = importJson(msg.text, st.contacts);
        if (!out.ok) throw new StoreError(out.message, 'invalid');
        const r = out.result;
        const summary = {
          ok: true,
          added: r.added,
          updated: r.updated,
          unchanged: r.unchanged,
          skipped_older: r.skipped_older,
          warnings: r.warnings,
          has_settings: !!r.settings,
          total: r.merged.length,
          applied: !!msg.apply,
        };
        if (!msg.apply) return { items: null, result: summary };
        const byKey = new Map(r.merged.map((c) => [c.key, c]));
        const items = {};
        for (const k of r.changed) items[storageKey(k)] = byKey.get(k);
        if (msg.apply_settings && r.settings) items.settings = r.settings;
        return { items, result: summary };
      }, { write: !!msg.apply }).then(async (result) => {
        // Invitations imported still pending past expire_days expire now, not at the next start.
        if (msg.apply) await expireNow().catch(() => {});
        return result;
      });
    }
    case KIND.DELETE_ALL: {
      const removed = await store.deleteAll();
      return { ok: true, removed };
    }
    default:
      return undefined;
  }
}
