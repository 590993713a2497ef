// Hardening, end to end: a privacy proof (every request of a full session recorded, none
// made by the extension), hostile and broken pages (main-world globals redefined, the
// panel's host removed, markup with no known selector), a 1 MB paste that must not freeze
// the page, a quick scale check (2,000 contacts) and the service worker killed in the
// middle of a burst of edits. The 100 dialog cycles are in leaks.test.mjs.

import assert from 'node:assert/strict';
import { PANEL, browserSuite, open, openInviteNote, panel, panelText, settled } from './harness.mjs';
import {
  DAY, SEND, badgeIs, contact, contactsIn, extensionPage, items, message, popupItem, stored, storedContact, worker,
} from './followup-helpers.mjs';

const PROFILE = 'https://www.linkedin.com/in/john-okafor/';

/** Every request the browser context saw (pages, extension pages, the service worker). */
const requests = [];
const { env, it } = browserSuite('hardening', {}, ({ ctx }) => {
  ctx.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType(), sw: !!r.serviceWorker() }));
});

/** Requests that are neither the routed LinkedIn documents nor the extension's own files. */
function foreign(list) {
  return list.filter(({ url, type }) => {
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:chrome-extension://')) return false;
    if (url.startsWith('https://www.linkedin.com/') && type === 'document') return false;
    return true;
  });
}

it('privacy: a full session (type, apply, send, popup, options, export) makes no request', async () => {
  requests.length = 0;
  const { page, errors } = await open(env.ctx, PROFILE);
  const area = await openInviteNote(page);
  const note = 'Hi John, I just wanted to say your compiler talk was really great.';
  await area.pressSequentially(note);
  await settled(page, note.length);
  const rule = await page.locator(`${PANEL} button[data-rapport-rule]`).first().getAttribute('data-rapport-rule');
  assert.ok(rule, 'the note has a fix to apply');
  await page.locator(`${PANEL} button[data-rapport-rule="${rule}"]`).first().click();
  await page.waitForFunction((n) => document.getElementById('interop-outlet').shadowRoot.getElementById('custom-message').value !== n, note);
  const fixed = await area.inputValue();
  assert.notEqual(fixed, note, 'the fix was applied');
  await settled(page, fixed.length);
  await page.locator(SEND).click();
  assert.equal(await page.locator('#sent').innerText(), fixed);
  await storedContact(env, 'linkedin.com/in/john-okafor', (c) => c.note_sent === fixed);

  const popup = await extensionPage(env, 'popup');
  await popupItem(popup.page, 'linkedin.com/in/john-okafor').waitFor();
  await popup.page.locator('#search').fill('john');
  await popup.page.waitForFunction(() => document.getElementById('lists').dataset.state === 'results');

  const options = await extensionPage(env, 'options');
  for (const id of ['export-json', 'export-csv']) {
    const [download] = await Promise.all([options.page.waitForEvent('download'), options.page.locator(`#${id}`).click()]);
    const path = await download.path();
    assert.ok(path, `${id} produced a file`);
  }
  await options.page.waitForFunction(() => /Exported 1 contact/.test(document.getElementById('status').textContent));

  // Positive control: a request the test makes from the service worker is recorded (so
  // the worker's requests are watched too), then set aside.
  const probe = 'https://probe.invalid/rapport-test-control';
  await worker(env.ctx).evaluate((u) => fetch(u).catch(() => null), probe);
  await options.page.waitForTimeout(200);
  assert.ok(requests.some((r) => r.url === probe && r.sw), 'a service worker request is recorded');
  assert.deepEqual(env.external, [probe], 'and the harness blocked it');
  env.external.length = 0;
  const other = foreign(requests.filter((r) => r.url !== probe));
  assert.deepEqual(other, [], `requests the extension must not make:\n${other.map((r) => `${r.type} ${r.url}`).join('\n')}`);
  assert.deepEqual(env.external, [], 'nothing was sent to another host');
  // The only LinkedIn requests are the page loads the test itself made.
  const linkedin = requests.filter((r) => r.url.startsWith('https://www.linkedin.com/')).map((r) => r.url);
  assert.deepEqual(linkedin, [PROFILE]);
  assert.ok(requests.some((r) => r.url.startsWith('chrome-extension://')), 'extension pages were recorded, so recording works');
  console.log(`# privacy: ${requests.length} requests recorded; service worker's: ${requests.filter((r) => r.sw).map((r) => r.url.replace(/^chrome-extension:\/\/[a-z]+/, '')).join(', ') || 'none'}`);
  assert.deepEqual([...errors, ...popup.errors, ...options.errors], []);
  for (const p of [page, popup.page, options.page]) await p.close();
});

/** Main-world code that a hostile (or just badly written) page might run before anything else. */
function hostileGlobals() {
  const realAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    window.__attachCalls = (window.__attachCalls || 0) + 1;
    return realAttach.call(this, init);
  };
  window.MutationObserver = class MutationObserver {
    observe() {} // a page's "no-op" observer: sees nothing
    disconnect() {}
    takeRecords() { return []; }
  };
  const realAdd = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function addEventListener(type, fn, opts) {
    window.__listenerCalls = (window.__listenerCalls || 0) + 1;
    return realAdd.call(this, type, fn, opts);
  };
  window.chrome = {
    runtime: {
      id: 'hostile',
      sendMessage() { throw new Error('hostile page: fake chrome.runtime'); },
      getURL() { throw new Error('hostile page: fake chrome.runtime'); },
    },
    storage: { local: { get() { throw new Error('hostile'); }, set() { throw new Error('hostile'); } } },
  };
}

it('hostile page: redefined attachShadow, MutationObserver, addEventListener and chrome; the panel works and the page sends', async () => {
  const page = await env.ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`); });
  await page.addInitScript(hostileGlobals);
  await page.goto(PROFILE);
  assert.equal(await page.evaluate(() => typeof window.chrome.runtime.sendMessage), 'function');
  const area = await openInviteNote(page);
  const note = 'Hi John, I enjoyed your talk on WebAssembly tooling at the meetup.';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.match(await panel(page).getAttribute('data-rapport-score'), /^\d+$/);
  assert.ok(await page.evaluate(() => window.__attachCalls >= 1), 'the page\'s attachShadow wrapper ran (the fixture used it)');

  // The page removes the panel's host; the next input brings it back.
  const removed = await page.evaluate((sel) => {
    const hosts = [...document.querySelectorAll(sel)];
    hosts.forEach((e) => e.remove());
    return hosts.length - document.querySelectorAll(sel).length;
  }, PANEL);
  assert.equal(removed, 1, 'the page removed the panel host');
  await area.press('End');
  await area.pressSequentially(' Thanks');
  await settled(page, note.length + 7);
  assert.equal(await page.locator(PANEL).count(), 1, 'one panel again, not two');
  // ... and again, brought back by focus alone (no input).
  await page.evaluate((sel) => document.querySelectorAll(sel).forEach((e) => e.remove()), PANEL);
  await page.locator('#interop-outlet button[aria-label="Cancel adding a note"]').focus();
  await area.focus();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1 && document.querySelector(sel).isConnected, PANEL, { timeout: 3000 });
  assert.match(await panelText(page), /\d+\/200/);

  await page.locator(SEND).click();
  assert.equal(await page.locator('#sent').innerText(), `${note} Thanks`);
  assert.deepEqual(errors, [], 'the extension put nothing in the page console');
  await page.close();
});

it('markup with none of the expected selectors: no panel, no errors, the page still posts', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/feed/?fixture=no-selectors');
  await page.locator('#comment').pressSequentially('Great post, thanks for sharing.');
  await page.locator('#post').pressSequentially('Hello network');
  await page.waitForTimeout(1200); // two discovery polls
  assert.equal(await page.locator(PANEL).count(), 0);
  assert.equal(await page.locator('rapport-profile').count(), 0);
  await page.locator('#send').click();
  assert.equal(await page.locator('#sent').innerText(), 'Great post, thanks for sharing.|Hello network');
  assert.deepEqual(errors, []);
  await page.close();
});

it('a 1 MB paste does not freeze the page; the panel shows the over-limit state', async () => {
  const { page, errors } = await open(env.ctx, PROFILE);
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi John');
  await settled(page, 7);
  const SIZE = 1024 * 1024;
  // A requestAnimationFrame heartbeat records the longest gap between frames.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    const beat = (t) => {
      window.__gap = Math.max(window.__gap, t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(beat);
    };
    requestAnimationFrame(beat);
  });
  const shown = await page.evaluate((size) => {
    const field = document.getElementById('interop-outlet').shadowRoot.getElementById('custom-message');
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil(size / 57)).slice(0, size);
    const t0 = performance.now();
    field.focus();
    // What a paste does to a textarea (maxlength only limits the user's own typing/paste
    // in some browsers; a page script or an extension can set any length).
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    return { inField: field.value.length, ms: performance.now() - t0 };
  }, SIZE);
  assert.equal(shown.inField, SIZE);
  const t0 = Date.now();
  await page.waitForFunction(([sel, n]) => {
    const p = document.querySelector(sel);
    return p && p.getAttribute('data-rapport-length') === String(n) && p.getAttribute('data-rapport-state') !== 'loading'
      && p.shadowRoot.querySelector('.counter[data-over]');
  }, [PANEL, SIZE], { timeout: 10_000 });
  const panelMs = Date.now() - t0;
  await page.waitForTimeout(500);
  const gap = await page.evaluate(() => { window.__stop = true; return window.__gap; });
  const state = await panel(page).getAttribute('data-rapport-state');
  const text = await panelText(page);
  console.log(`# 1 MB paste: in the field after ${shown.ms.toFixed(0)} ms, panel updated ${panelMs} ms later, longest frame gap ${gap.toFixed(0)} ms, panel state ${state}: ${JSON.stringify(text.slice(0, 160))}`);
  assert.ok(gap < 1000, `the page froze for ${gap.toFixed(0)} ms`);
  assert.match(text, new RegExp(`${SIZE}/200`), 'the counter shows the over-limit length');
  assert.equal(state, 'ready', 'a score for the start of the text, not an engine error');
  assert.match(text, /Only the start of this long text was analysed/);
  assert.doesNotMatch(text, /could not load/);
  // Typing still works and still answers.
  await area.press('Control+a');
  await area.press('Delete');
  await area.pressSequentially('Hi John, short again.');
  await settled(page, 21);
  assert.equal(await panel(page).getAttribute('data-rapport-state'), 'ready');
  assert.deepEqual(errors, []);
  await page.close();
});

it('scale: 2,000 contacts; the badge counts the due ones and search finds the right one', async () => {
  const N = 2000;
  const DUE = 42;
  await worker(env.ctx).evaluate(async ([n, due, day]) => {
    await chrome.storage.local.clear();
    const now = Date.now();
    const all = { schema_version: 1 };
    for (let i = 0; i < n; i++) {
      const slug = `person-${String(i).padStart(5, '0')}`;
      const isDue = i < due;
      all[`contact:linkedin.com/in/${slug}`] = {
        key: `linkedin.com/in/${slug}`, url: `https://www.linkedin.com/in/${slug}/`, name: `Person ${i}`,
        headline: `Engineer ${i % 50} at Company ${i % 97}`, company: `Company ${i % 97}`,
        invited_at: now - 10 * day, note_sent: `Hi Person ${i}, I liked your post about topic ${i % 300}.`,
        notes: `Met at conference ${i % 40}; follow up about project ${i}.`,
        follow_up_at: isDue ? now - day : now + (1 + (i % 20)) * day, done_at: null, updated: now - 10 * day, schema: 1,
      };
    }
    all['contact:linkedin.com/in/zelda-quasimodo'] = {
      key: 'linkedin.com/in/zelda-quasimodo', url: 'https://www.linkedin.com/in/zelda-quasimodo/', name: 'Zelda Quasimodo',
      headline: 'Bell ringer', company: 'Notre Dame', invited_at: now - day, note_sent: 'Hi Zelda', notes: 'xylophone recital',
      follow_up_at: now + 3 * day, done_at: null, updated: now - day, schema: 1,
    };
    await chrome.storage.local.set(all);
  }, [N, DUE, DAY]);
  await badgeIs(env, String(DUE), 10_000);
  const t0 = Date.now();
  const { page, errors } = await extensionPage(env, 'popup');
  await page.locator('li.item').first().waitFor();
  const openMs = Date.now() - t0;
  assert.equal(await page.locator('section.group-due li.item').count(), DUE);
  const t1 = Date.now();
  await page.locator('#search').fill('xylophone');
  await page.waitForFunction(() => document.getElementById('lists').dataset.state === 'results' && document.querySelectorAll('li.item').length === 1);
  const searchMs = Date.now() - t1;
  assert.equal(await page.locator('li.item').getAttribute('data-key'), 'linkedin.com/in/zelda-quasimodo');
  console.log(`# ${N + 1} contacts: popup list in ${openMs} ms, search in ${searchMs} ms`);
  // A gross-regression guard only: at 10,000 contacts the popup takes ~20 s (see bench-scale.mjs).
  assert.ok(openMs < 10_000 && searchMs < 5000, `popup ${openMs} ms, search ${searchMs} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

it('the service worker stopped during a burst of edits: storage stays consistent and the popup works', async () => {
  const now = Date.now();
  await worker(env.ctx).evaluate(() => chrome.storage.local.clear());
  const people = Array.from({ length: 5 }, (_, i) => contact({ slug: `kill-${i}`, name: `Kill ${i}`, invited: now - 5 * DAY, followUp: now + 5 * DAY, note: `Hi ${i}` }));
  await worker(env.ctx).evaluate((i) => chrome.storage.local.set(i), items(...people));
  const { page } = await extensionPage(env, 'popup');
  // A burst of edits from the extension page; the worker is stopped while they are in flight.
  const burst = page.evaluate(async (keys) => {
    const answers = [];
    const sends = [];
    for (let round = 0; round < 20; round++) {
      for (const key of keys) {
        sends.push(chrome.runtime.sendMessage({ kind: 'contact-edit', key, edit: { notes: `round ${round}` } })
          .then((a) => answers.push(a?.ok ? { key, round } : `refused: ${a?.error}`), (e) => answers.push(`lost: ${e.message}`)));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(sends);
    return answers;
  }, people.map((p) => p.key));
  await page.waitForTimeout(30);
  const cdp = await env.ctx.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const answers = await burst;
  await cdp.detach();
  const lost = answers.filter((a) => typeof a === 'string');
  console.log(`# worker stopped mid-burst: ${answers.length - lost.length} edits answered ok, ${lost.length} not (${[...new Set(lost)].slice(0, 3).join('; ')})`);
  await page.close();

  // The worker comes back on the next message; every contact is whole and valid.
  const again = await extensionPage(env, 'popup');
  const view = await message(again.page, { kind: 'followup-view' });
  assert.equal(view.ok, true);
  assert.deepEqual(view.warnings, [], 'no contact was left corrupt');
  assert.equal(view.total, people.length);
  const snapshot = contactsIn(await stored(env));
  assert.equal(Object.keys(snapshot).length, people.length);
  for (const p of people) {
    const c = snapshot[`contact:${p.key}`];
    assert.equal(c.name, p.name);
    assert.equal(c.note_sent, p.note_sent);
    assert.match(c.notes, /^(|round \d+)$/);
    // An edit the worker confirmed is never undone: edits of one contact run in order, so
    // what is stored is the last confirmed round or a later one.
    const confirmed = Math.max(-1, ...answers.filter((a) => a.key === p.key).map((a) => a.round));
    const storedRound = c.notes ? Number(c.notes.slice(6)) : -1;
    assert.ok(storedRound >= confirmed, `${p.key}: stored round ${storedRound}, confirmed ${confirmed}`);
  }
  await popupItem(again.page, people[0].key).waitFor();
  const edit = await message(again.page, { kind: 'contact-edit', key: people[0].key, edit: { notes: 'after the restart' } });
  assert.equal(edit.ok, true);
  await storedContact(env, people[0].key, (c) => c.notes === 'after the restart');
  assert.deepEqual(again.errors, []);
  await again.page.close();
});
