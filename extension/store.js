// Follow-up storage, owned by the service worker: the only code that writes
// chrome.storage.local. Layout (decided by the engine, src/followup/storage.rs):
//   contact:<key>     one item per contact (key: linkedin.com/in/<slug>)
//   settings          the Settings { follow_up_days, limit, notifications, disabled_rules,
//                     pending_days, expire_days, premium, monthly_notes }
//   schema_version    the schema of the whole store
// Everything is read through the engine's loadAll: corrupt or foreign values are skipped
// with a warning, a newer schema makes the store read-only (every write is refused).
//
// Reads are cached for the life of the worker (the note panel asks on every keystroke).
// A change to contacts, ours or another context's, is applied to the engine's kept copy
// in place (milliseconds at ten thousand contacts); any other change to the store (the
// settings, the schema, an import) drops the cache and the next read goes to storage.
//
// Writes are serialised per storage item: one promise queue per key, each step reading
// the item fresh, computing the new value with the engine and writing it back. Two tabs
// editing two contacts at once touch two items and both land; two quick edits of one
// contact run one after the other, the second on top of the first. Whole-store operations
// (import, delete everything) wait for every queued write and hold new ones back.
//
// A failed write (a full storage quota, above all) changes nothing that was stored: the
// error goes back to the caller and is kept as the "problem" the popup and the options
// page show until a write succeeds again.

import { engine } from './engine.js';
import { LoadedStore, loadAll, schemaVersion, storageKey } from '../pkg/rapport.js';

const SETTINGS_KEY = 'settings';
const SCHEMA_KEY = 'schema_version';
const CONTACT_PREFIX = 'contact:';
const PROBLEM_KEY = 'problem';

/** An error the person should read (the message is written for them). */
export class StoreError extends Error {
  /** @param {'read-only'|'storage'|'not-found'|'invalid'} code */
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Whether a storage item belongs to the follow-up store. */
export const isStoreKey = (key) => key.startsWith(CONTACT_PREFIX) || key === SETTINGS_KEY || key === SCHEMA_KEY;

// ---- Reading, cached ----

let cache = null;
let loading = null;
let generation = 0;

/**
 * Everything stored, read by the engine: `{ settings, warnings, read_only, write_schema,
 * migrated, total, engine, contacts, byKey: Map<key, Contact>, rawSettings }` (`contacts`
 * and `byKey` are made on first use: only whole-store work needs them)
 * (`migrated`: the keys of contacts stored by an older schema, see migrate(); `engine`: the
 * engine's own copy, a LoadedStore, for the badge, the popup's view, expiry, insights and
 * the repetition guard: use it synchronously after `await state()`, it is freed soon
 * after the store changed).
 */
export function state() {
  if (cache) return Promise.resolve(cache);
  if (!loading) {
    const gen = generation;
    const load = (async () => {
      await engine();
      const items = await chrome.storage.local.get(null);
      // Read on the engine's side and kept there (see LoadedStore): JSON text crosses
      // the boundary far faster than ten thousand objects.
      const kept = new LoadedStore(JSON.stringify(items));
      const st = stateOf(kept, items[SETTINGS_KEY]);
      if (gen === generation) cache = st;
      else retire(st); // read before a change: its callers use it, nobody else
      return st;
    })();
    loading = load;
    load.then(() => {
      if (loading === load) loading = null;
    }, () => {
      if (loading === load) loading = null;
    });
  }
  return loading;
}

/** The state of a LoadedStore (see state()): its summary, with the contacts as JS objects on first use. */
function stateOf(kept, rawSettings) {
  const st = { ...kept.summary(), engine: kept, rawSettings };
  // The contacts as JS objects only for whole-store work (export, import, migration):
  // the badge, the popup, expiry, insights and the guard ask the engine's copy.
  /** @type {import('./types').Contact[]|null} */
  let contacts = null;
  /** @type {Map<string, import('./types').Contact>|null} */
  let byKey = null;
  Object.defineProperties(st, {
    contacts: { enumerable: true, get: () => (contacts ??= JSON.parse(kept.contactsJson())) },
    byKey: { enumerable: true, get: () => (byKey ??= new Map(st.contacts.map((c) => [c.key, c]))) },
  });
  return st;
}

/** More changed items than this at once (an import): read the store again rather than apply them. */
const APPLY_MAX = 500;

/**
 * Applies changed store items (`set`: name -> new value, `removed`: names) to the cached
 * state, in place. False when there is no cache to update or the change is not only
 * contacts (the caller drops the cache then).
 * @param {Record<string, unknown>} set
 * @param {string[]} removed
 */
function applyToCache(set, removed) {
  if (!cache || loading) return false;
  const names = [...Object.keys(set), ...removed];
  if (names.length > APPLY_MAX || !names.every((k) => k.startsWith(CONTACT_PREFIX))) return false;
  try {
    if (!cache.engine.apply(JSON.stringify({ set, removed }))) return false;
  } catch {
    return false;
  }
  // The same engine copy, a new state object: its JS contacts (if any were made) are stale.
  cache = stateOf(cache.engine, cache.rawSettings);
  return true;
}

const listeners = new Set();
let notifyTimer = 0;

/** Calls `fn` (debounced) after the store changed, whoever changed it. */
export function onStoreChange(fn) {
  listeners.add(fn);
}

/**
 * Frees a state's engine copy once its callers are done with it: every use of `st.engine`
 * (and the first of `st.contacts`) is synchronous after `await state()`, so they all ran
 * before the next task; the second's grace is for a caller that broke that rule.
 */
function retire(st) {
  setTimeout(() => st.engine.free(), 1000);
}

/** Drops the cache without telling anyone: the next read goes to storage. */
function drop() {
  generation++;
  if (cache) retire(cache);
  cache = null;
  loading = null;
}

/** Tells the listeners (debounced) that the store changed. */
function notifyChange() {
  clearTimeout(notifyTimer);
  notifyTimer = setTimeout(() => {
    for (const fn of listeners) Promise.resolve().then(fn).catch(() => {});
  }, 25);
}

/**
 * Drops the cache without telling anyone, for a page that saw the schema or the settings
 * change before this worker did (each context gets storage events on its own).
 */
export function reread() {
  drop();
}

/** Drops the cache (the next read goes to storage) and tells the listeners the store changed. */
export function invalidate() {
  drop();
  notifyChange();
}

/**
 * The store changed (`set`: items written, `removed`: items deleted): the cache is
 * updated in place when only contacts changed, else dropped; the listeners are told.
 * @param {Record<string, unknown>} set
 * @param {string[]} [removed]
 */
function changed(set, removed = []) {
  if (!applyToCache(set, removed)) drop();
  notifyChange();
}

try {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const names = Object.keys(changes).filter(isStoreKey);
    if (!names.length) return;
    // Our own writes come back here too: applying them again changes nothing.
    const set = {};
    const removed = [];
    for (const name of names) {
      if (changes[name].newValue === undefined) removed.push(name);
      else set[name] = changes[name].newValue;
    }
    changed(set, removed);
  });
} catch {
  // no storage API (not in an extension): nothing to watch
}

// ---- Problems (failed writes) ----

let problem = null;

function describeWriteError(e) {
  const raw = String(e?.message || e);
  if (/quota/i.test(raw)) {
    return 'Rapport could not save: the browser\u2019s storage for Rapport is full. Export your data from the options page and delete what you no longer need. Nothing saved before was lost.';
  }
  return `Rapport could not save (${raw}). Nothing saved before was lost.`;
}

async function setProblem(message) {
  problem = message ? { message, at: Date.now() } : null;
  try {
    if (message) await chrome.storage.session?.set({ [PROBLEM_KEY]: problem });
    else await chrome.storage.session?.remove(PROBLEM_KEY);
  } catch {
    // session storage unavailable: memory only
  }
}

/** The last failed write, `{ message, at }`, or null once a write succeeded again. */
export async function currentProblem() {
  if (problem) return problem;
  try {
    const got = await chrome.storage.session?.get(PROBLEM_KEY);
    return got?.[PROBLEM_KEY] || null;
  } catch {
    return null;
  }
}

/**
 * Writes items in one call; a failure is recorded for the person and rethrown. The cache
 * sees the write at once (a read right after it must not find the old value).
 */
async function write(items) {
  try {
    await chrome.storage.local.set(items);
  } catch (e) {
    invalidate(); // part of it may have landed
    const message = describeWriteError(e);
    await setProblem(message);
    throw new StoreError(message, 'storage');
  }
  changed(items);
  // It worked: a problem reported earlier is over.
  if (problem || (await currentProblem())) await setProblem(null);
}

// ---- Serialising writes ----

/** Storage key -> the promise of the last write queued for it (never rejects). */
const tails = new Map();
/** Resolves when the last whole-store operation is over. */
let barrier = Promise.resolve();

const settle = (p) => p.then(() => {}, () => {});

/** Runs fn after every earlier write to `key` (and any whole-store operation) finished. */
/**
 * @template T
 * @param {string} key
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
function queued(key, fn) {
  const before = Promise.all([barrier, tails.get(key)]);
  const run = before.then(() => fn());
  const tail = settle(run);
  tails.set(key, tail);
  tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}

/**
 * Runs fn alone: after every queued write, and before any write queued later.
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
function exclusive(fn) {
  const before = Promise.all([barrier, ...tails.values()]);
  const run = before.then(() => fn());
  barrier = settle(run);
  return run;
}

function readOnlyError(st) {
  const why = st.warnings.find((w) => w.kind === 'future_schema');
  return new StoreError(
    `Rapport is read-only: ${why ? why.message : 'data from a newer version of Rapport is stored'}.`,
    'read-only',
  );
}

/**
 * Reads the store fresh (not from the cache) for an operation that must see everything,
 * with its contacts as JS objects. A read already under way is fresh: every write drops it.
 */
async function fresh() {
  await engine();
  if (cache) drop();
  const st = await state();
  void st.contacts; // made now, while its engine copy is alive
  return st;
}

/** The items to write besides a change: the schema version when it is missing. */
const schemaItem = (st) => (st.write_schema ? { [SCHEMA_KEY]: schemaVersion() } : {});

/**
 * The contacts stored under these items now, read from storage (not the cache), by key;
 * an unreadable item is left out. A value from a newer schema is refused (read-only).
 * @param {string[]} names storage items (contact:<key>)
 * @returns {Promise<Map<string, import('./types').Contact>>}
 */
async function readFresh(names) {
  const got = await chrome.storage.local.get(names);
  const read = loadAll({ [SCHEMA_KEY]: schemaVersion(), ...got });
  if (read.read_only) throw readOnlyError(read);
  return new Map(read.contacts.map((c) => [c.key, c]));
}

/**
 * Changes one contact: `make(existing|null, state)` returns the new contact (computed by
 * the engine) or null for no change. Resolves with what was written.
 * @param {string} key a normalised contact key (linkedin.com/in/<slug>)
 */
export async function updateContact(key, make) {
  await engine();
  const item = storageKey(key);
  return queued(item, async () => {
    const st = await state();
    if (st.read_only) throw readOnlyError(st);
    // A corrupt value under this key is unreadable anyway: a new recording replaces it.
    const existing = (await readFresh([item])).get(key) ?? null;
    const next = make(existing, st);
    if (!next) return existing;
    await write({ ...schemaItem(st), [item]: next });
    return next;
  });
}

/**
 * Changes several contacts in one write (a page of observations): `make(existing, state)`
 * gets a Map of the named contacts as stored now (read fresh, only their items; an
 * unreadable one is absent) and returns a Map of the contacts to write (key -> contact).
 * Runs alone, after every queued write. Resolves with what was written.
 * @param {string[]} keys normalised contact keys
 * @param {(existing: Map<string, import('./types').Contact>, st: any) => Map<string, import('./types').Contact>} make
 */
export async function updateContacts(keys, make) {
  await engine();
  const names = [...new Set(keys)].map(storageKey);
  return exclusive(async () => {
    const st = await state();
    if (st.read_only) throw readOnlyError(st);
    const next = make(await readFresh(names), st);
    if (next.size) {
      const items = {};
      for (const [key, c] of next) items[storageKey(key)] = c;
      await write({ ...schemaItem(st), ...items });
    }
    return next;
  });
}

/**
 * Changes the settings: `partial` is merged over the current ones and checked by the
 * engine; a bad value is refused with its message. Resolves with the new settings.
 */
export async function updateSettings(partial) {
  await engine();
  return queued(SETTINGS_KEY, async () => {
    const st = await state();
    if (st.read_only) throw readOnlyError(st);
    const next = { ...st.settings, ...partial };
    const checked = loadAll({ [SCHEMA_KEY]: schemaVersion(), [SETTINGS_KEY]: next });
    const bad = checked.warnings.find((w) => w.key === SETTINGS_KEY);
    if (bad) throw new StoreError(bad.message.replace(/; using the defaults$/, ''), 'invalid');
    await write({ ...schemaItem(st), [SETTINGS_KEY]: checked.settings });
    return checked.settings;
  });
}

/**
 * Runs `fn(state)` alone on a fresh read of the store; `fn` returns `{ items, result }`:
 * the items to write in one call (nothing when null), and what to resolve with.
 */
export function wholeStore(fn, { write: writes = true } = {}) {
  return exclusive(async () => {
    const st = await fresh();
    if (writes && st.read_only) throw readOnlyError(st);
    const { items, result } = await fn(st);
    if (items && Object.keys(items).length) await write({ ...schemaItem(st), ...items });
    return result;
  });
}

/** Deletes every item of the store (contacts, settings, schema). Resolves with how many contacts went. */
export function deleteAll() {
  return exclusive(async () => {
    const st = await fresh();
    if (st.read_only) throw readOnlyError(st);
    const all = await chrome.storage.local.get(null);
    const keys = Object.keys(all);
    await chrome.storage.local.remove(keys);
    invalidate();
    await setProblem(null);
    return keys.filter((k) => k.startsWith(CONTACT_PREFIX)).length;
  });
}

/**
 * Brings an older store up to date (once each worker life: install, update, browser
 * start, a stopped worker started again): writes the schema version when it is missing
 * or older, the settings in today's shape when they were stored by the first build
 * ({ limit, disabled }), and the contacts the engine migrated on reading (`migrated`:
 * schema 1 contacts, now pending since they were sent), each under its own key, as read.
 */
export function migrate() {
  return exclusive(async () => {
    const st = await fresh();
    if (st.read_only) return false;
    const raw = st.rawSettings;
    const unreadable = st.warnings.some((w) => w.key === SETTINGS_KEY); // keep it, with its warning
    const oldShape = !unreadable && raw && typeof raw === 'object' && !Array.isArray(raw)
      && ('disabled' in raw || !('disabled_rules' in raw) || !('follow_up_days' in raw));
    const items = { ...schemaItem(st) };
    if (oldShape) items[SETTINGS_KEY] = st.settings;
    for (const key of st.migrated ?? []) {
      const c = st.byKey.get(key);
      if (c) items[storageKey(key)] = c;
    }
    if (Object.keys(items).length) {
      await write(items);
      return true;
    }
    return false;
  });
}
