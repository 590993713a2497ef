// Invitation outcomes in the service worker: the answer to OBSERVE (protocol.js), and the
// note allowance the invitation panel shows beside the score.
//
// The content scripts (content/outcomes.js) report what the person's own LinkedIn pages
// show: a profile's top card, the sent-invitations rows, "accepted your invitation", a new
// connection, a withdrawal the person confirmed, a message sent. Every decision is the
// engine's (`observe` folds one observation into one contact; `allowance` and
// `blankInvitationAdvice` for the panel); this file reads each named contact's own storage
// key, calls the engine and writes that key back, never the whole store.
//
// Time is `Date.now()` read once per message and handed to the engine, so a test that
// replaces the worker's clock (`Date.now = () => t` through the service worker) moves the
// outcomes, the follow-ups and the badge together.

import { engine } from './engine.js';
import { blankInvitationAdvice, normalizeProfileUrl, observe } from '../pkg/rapport.js';
import './protocol.js';
import { refreshBadge } from './followup.js';
import * as store from './store.js';

const { KIND } = globalThis.RapportProtocol;

/** The engine's Observation from what the content script sent (blank optional fields left out). */
function observation(o) {
  const out = { url: o.url, kind: o.kind, name: typeof o.name === 'string' ? o.name.trim() : '' };
  for (const f of ['headline', 'state', 'sent', 'note', 'when']) {
    if (typeof o[f] === 'string' && o[f].trim()) out[f] = o[f].trim();
  }
  return out;
}

/**
 * Folds the observations into their contacts, in order (two for the same person apply one
 * after the other), writing each changed contact under its own key. One observation (a
 * profile, a message) goes through that contact's write queue; a page of them (the
 * sent-invitations list) is folded on one fresh read of those contacts' items and written
 * in one call, so a hundred rows neither read a large store nor write a hundred times. An observation the engine refuses
 * (not a profile URL) is skipped and named in `skipped`; the others still count.
 * @param {any[]} list observations that passed protocol.invalid()
 * @returns {Promise<{ ok: true, changed: number, skipped: string[] }>}
 */
async function observeAll(list) {
  await engine();
  const skipped = [];
  /** @type {[string, any][]} */
  const keyed = [];
  for (const raw of list) {
    const obs = observation(raw);
    try {
      keyed.push([normalizeProfileUrl(obs.url), obs]);
    } catch (e) {
      skipped.push(`${obs.url}: ${e?.message || e}`);
    }
  }
  let changed = 0;
  if (keyed.length === 1) {
    const [key, obs] = keyed[0];
    await store.updateContact(key, (existing, st) => {
      const next = observe(existing, obs, st.settings, Date.now());
      if (next) changed++;
      return next;
    });
  } else if (keyed.length > 1) {
    // One fresh read of just these contacts' items, one write (not the whole store).
    const written = await store.updateContacts(keyed.map(([key]) => key), (stored, st) => {
      const now = Date.now();
      /** @type {Map<string, any>} */
      const next = new Map();
      for (const [key, obs] of keyed) {
        const existing = next.get(key) ?? stored.get(key) ?? null;
        const made = observe(existing, obs, st.settings, now);
        if (made) next.set(key, made);
      }
      return next;
    });
    changed = written.size;
  }
  if (changed) await refreshBadge().catch(() => {});
  return { ok: true, changed, skipped };
}

/**
 * Answers an outcome message, or returns undefined when `msg.kind` is not one.
 * @param {import('./types').Request} msg a request that passed protocol.invalid()
 */
export async function handleOutcomes(msg) {
  if (msg.kind === KIND.OBSERVE) return observeAll(msg.observations);
  return undefined;
}

// ---- The note allowance, for the invitation panel (per keystroke: cached) ----

const ALLOWANCE_CACHE_MS = 60_000;
/** The last allowance computed, for the store state it was read from. */
let cached = null;

/**
 * The month's personalised notes against the allowance (`{ used, allowance, remaining,
 * exhausted, resets_at }`, the engine's) and, for the draft `report`, the engine's advice
 * to send no note instead (a sentence, or null). The engine judges the draft by its
 * points before any cap (its categories' sum, as `Report::points_before_cap`): a note
 * held down by a fault it can fix is not generic.
 * @param {{ score: number|null, categories: { score: number }[] }} report the draft's report (score null: the language is not checked)
 */
export async function noteAllowance(report) {
  const [st] = await Promise.all([store.state(), engine()]);
  const now = Date.now();
  if (!cached || cached.st !== st || now - cached.at > ALLOWANCE_CACHE_MS || now < cached.at) {
    cached = { st, at: now, allowance: st.engine.allowance(now) };
  }
  const points = report.score == null ? null : report.categories.reduce((sum, c) => sum + c.score, 0);
  const advice = Number.isInteger(points) ? blankInvitationAdvice(points, cached.allowance) : null;
  return { allowance: cached.allowance, advice: advice ?? null };
}
