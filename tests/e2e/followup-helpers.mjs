// Helpers for the follow-up end-to-end tests (not a test file: node --test only picks
// *.test.mjs). The extension's own pages (popup, options) open as tabs at
// chrome-extension://<id>/extension/pages/...; the service worker is reached with sw.evaluate.

import assert from 'node:assert/strict';

export const DAY = 86_400_000;
export const SEND = '#interop-outlet button[aria-label="Send invitation"]';

/** The extension's service worker (looked up again: the browser may have restarted it). */
export function worker(ctx) {
  const sw = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  assert.ok(sw, 'the service worker runs');
  return sw;
}

/** Opens an extension page ('popup' | 'options' | 'insights') in a tab; records its errors. */
export async function extensionPage(env, which, { width = 420, height = 640 } = {}) {
  const page = await env.ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  if (which === 'popup') await page.setViewportSize({ width, height });
  await page.goto(`chrome-extension://${env.extensionId}/extension/pages/${which}.html`);
  // Not while the worker's kept answer is on screen ('provisional'): its own answer decides.
  if (which === 'popup') await page.waitForFunction(() => !['loading', 'provisional', undefined].includes(document.getElementById('lists')?.dataset.state));
  else await page.waitForFunction(() => ['ready', 'empty'].includes(document.getElementById('main')?.dataset.state ?? ''));
  return { page, errors };
}

/** Sends a protocol message from an extension page, as the popup does; resolves with the answer. */
export function message(page, msg) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

/** Everything in chrome.storage.local. */
export function stored(env) {
  return worker(env.ctx).evaluate(() => chrome.storage.local.get(null));
}

/** Writes items straight into chrome.storage.local (as another version, or a test, would). */
export function seed(env, items) {
  return worker(env.ctx).evaluate((i) => chrome.storage.local.set(i), items);
}

export function remove(env, keys) {
  return worker(env.ctx).evaluate((k) => chrome.storage.local.remove(k), keys);
}

/** The stored contact for a key, waiting until it is there (and `check` holds, if given). */
export async function storedContact(env, key, check = () => true, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const c = (await stored(env))[`contact:${key}`];
    if (c && check(c)) return c;
    if (Date.now() > end) assert.fail(`contact:${key} ${c ? `is ${JSON.stringify(c)}` : 'is not stored'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function badgeText(env) {
  return worker(env.ctx).evaluate(() => chrome.action.getBadgeText({}));
}

/** Waits until the toolbar badge reads `text`. */
export async function badgeIs(env, text, timeout = 5000) {
  const end = Date.now() + timeout;
  let now;
  while ((now = await badgeText(env)) !== text) {
    if (Date.now() > end) assert.fail(`badge is ${JSON.stringify(now)}, expected ${JSON.stringify(text)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A stored contact as the engine writes it (schema 2); `slug` makes the key and URL. */
export function contact({ slug, name, headline = null, company = null, invited = null, note = null, notes = '', followUp = null, done = null, updated }) {
  return {
    key: `linkedin.com/in/${slug}`,
    url: `https://www.linkedin.com/in/${slug}/`,
    name,
    headline,
    company,
    invited_at: invited,
    note_sent: note,
    notes,
    follow_up_at: followUp,
    done_at: done,
    status: invited == null ? null : 'pending',
    status_at: invited,
    note_score: null,
    last_interaction_at: null,
    cadence_days: null,
    updated: updated ?? invited ?? Date.now(),
    schema: 2,
  };
}

/** Items for chrome.storage.local holding these contacts (and the schema version). */
export function items(...contacts) {
  const out = { schema_version: 2 };
  for (const c of contacts) out[`contact:${c.key}`] = c;
  return out;
}

/** The contacts in a storage snapshot, by key. */
export function contactsIn(snapshot) {
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => k.startsWith('contact:')).map(([k, v]) => [k, v]));
}

/** The popup's item for a contact key. */
export const popupItem = (page, key) => page.locator(`li.item[data-key="${key}"]`);
