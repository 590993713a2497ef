// The core scenarios in real Firefox (firefox-esr, see firefox.mjs): the score in the
// shadow-root dialog under LinkedIn's strict CSP, a fix the page's own state sees, the
// invitation recorded on Send (with its confirmation), the toolbar badge, outcomes read from
// the sent-invitations page and a profile's top card, no network requests, no page errors,
// nothing the content script caught.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox } from './firefox.mjs';
import { wasmInPage } from './harness.mjs';

const JOHN = 'https://www.linkedin.com/in/john-okafor/';
const KEY = 'linkedin.com/in/john-okafor';
const NOTE = 'Hi Sarah, I enjoyed your talk on wasm tooling at Acme. Would you share the slides?';
/** The fixture's own check that its CSP forbids WebAssembly; Firefox reports it as a page error. */
const CSP_PROBE = /WebAssembly|wasm-unsafe-eval|Content-Security-Policy|Content Security Policy/i;

let ff;
before(async () => {
  ff = await launchFirefox();
});
after(() => ff?.close());

const host = (page, length) => page.waitForSelector(`rapport-panel[data-rapport-drawn="${length}"][data-rapport-state="ready"]`, { timeout: 10_000 });
const findings = (page) => page.$$eval('rapport-panel', (hosts) => [...hosts[0].shadowRoot.querySelectorAll('[data-finding]')].map((f) => f.getAttribute('data-finding')));

test('Firefox: scores, fixes, records on Send with a confirmation, shows the badge; no requests, no errors', async () => {
  const { page, errors } = await ff.open(JOHN);
  // The page really has LinkedIn's kind of CSP: no WebAssembly in the page itself.
  assert.equal(await wasmInPage(page), 'CompileError');

  await page.click('main button[aria-label^="Invite"]');
  await (await page.waitForSelector('#interop-outlet >>> button[aria-label="Add a note"]')).click();
  const area = await page.waitForSelector('#interop-outlet >>> #custom-message');
  await area.focus();
  await page.keyboard.type(NOTE);
  const panel = await host(page, NOTE.length);
  assert.ok(await panel.evaluate((h) => !!h.shadowRoot), 'the panel is in its own shadow root');
  const score = Number(await panel.evaluate((h) => h.getAttribute('data-rapport-score')));
  assert.ok(score >= 0 && score <= 100, `a score (${score})`);
  assert.ok((await findings(page)).includes('wrong-name'), 'the wrong name is caught');

  // The fix goes through the page's editor: its own counter follows.
  await (await page.waitForSelector('rapport-panel >>> [data-rapport-rule="wrong-name"]')).click();
  const fixed = NOTE.replace('Sarah', 'John');
  await host(page, fixed.length);
  assert.equal(await area.evaluate((a) => a.value), fixed);
  assert.equal(await page.$eval('#interop-outlet >>> .counter', (c) => c.textContent), `${fixed.length}/200`);
  assert.ok(!(await findings(page)).includes('wrong-name'));
  assert.ok(Number(await panel.evaluate((h) => h.getAttribute('data-rapport-score'))) >= score, 'the fix does not lower the score');

  // Send sends; Rapport records the invitation and says when to follow up.
  await (await page.waitForSelector('#interop-outlet >>> button[aria-label="Send invitation"]')).click();
  await page.waitForSelector('#sent[data-sent]');
  assert.equal(await page.$eval('#sent', (s) => s.textContent), fixed);
  const toast = await page.waitForSelector('rapport-toast >>> [role="status"]');
  assert.match(await toast.evaluate((t) => t.textContent), /Invitation recorded — follow up on/);
  let stored;
  for (let i = 0; i < 50 && !stored; i++) {
    stored = (await ff.background(`browser.storage.local.get('contact:${KEY}')`))[`contact:${KEY}`];
    if (!stored) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(stored?.note_sent, fixed, 'the invitation is stored with its note');
  assert.ok(stored.follow_up_at > Date.now(), 'a follow-up is scheduled');

  // As if a week had passed: the badge counts the follow-up due.
  await ff.background(`browser.storage.local.set({ 'contact:${KEY}': { ...(await browser.storage.local.get('contact:${KEY}'))['contact:${KEY}'], follow_up_at: Date.now() - 60000 } })`);
  let badge = '';
  for (let i = 0; i < 50 && badge !== '1'; i++) {
    badge = await ff.background('browser.action.getBadgeText({})');
    if (badge !== '1') await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(badge, '1');
  // The background keeps that view for the next popup (session storage, in Firefox too).
  let kept = null;
  for (let i = 0; i < 50 && kept?.answer?.due?.[0]?.contact.key !== KEY; i++) {
    kept = (await ff.background("browser.storage.session.get('popup_view')")).popup_view;
    if (kept?.answer?.due?.[0]?.contact.key !== KEY) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(kept?.answer?.due?.[0]?.contact.key, KEY, 'the view kept for the popup has the follow-up due');

  assert.deepEqual(ff.external, [], 'no network requests');
  assert.deepEqual(errors.filter((e) => !CSP_PROBE.test(e)), [], 'no page errors');
  assert.deepEqual(await ff.background('globalThis.rapportErrors'), [], 'nothing caught by the content script');
  await page.close();
});

test('Firefox: the sent-invitations page records who is pending; a 1st-degree profile marks the acceptance', async () => {
  const { page, errors } = await ff.open('https://www.linkedin.com/mynetwork/invitation-manager/sent/');
  const get = (key) => ff.background(`(await browser.storage.local.get('contact:${key}'))['contact:${key}']`);
  const until = async (key, check) => {
    let c = null;
    for (let i = 0; i < 100 && !(c && check(c)); i++) {
      c = await get(key);
      if (!(c && check(c))) await new Promise((r) => setTimeout(r, 100));
    }
    return c;
  };
  // Dan Brooks was invited before Rapport was installed: recorded as pending, named from the
  // row's plain <p>, with the note as the row shows it (cut, without its "more" button).
  const dan = await until('linkedin.com/in/dan-brooks', () => true);
  assert.deepEqual([dan?.name, dan?.status, dan?.note_sent], ['Dan Brooks', 'pending', 'Hi Dan, we met at the Lisbon meetup on edge databases; I wou…']);
  assert.ok(dan.invited_at < Date.now() - 7 * 86_400_000, '"Sent 2 weeks ago" dates it');
  await page.goto(`${JOHN}?state=connected`);
  const john = await until(KEY, (c) => c.status === 'accepted');
  assert.equal(john?.status, 'accepted', 'the invitation sent above was accepted');
  assert.match(john.note_sent, /^Hi John/, 'the note sent stays');
  assert.deepEqual(ff.external, [], 'no network requests');
  assert.deepEqual(errors.filter((e) => !CSP_PROBE.test(e)), [], 'no page errors');
  assert.deepEqual(await ff.background('globalThis.rapportErrors'), [], 'nothing caught by the content script');
  await page.close();
});

test('Firefox at 800x700: the panel sits below the dialog, the note and Send stay clickable, the first suggestion shows', async () => {
  const { page, errors } = await ff.open();
  await page.setViewport({ width: 800, height: 700 });
  await page.goto(JOHN);
  await page.click('main button[aria-label^="Invite"]');
  await (await page.waitForSelector('#interop-outlet >>> button[aria-label="Add a note"]')).click();
  const area = await page.waitForSelector('#interop-outlet >>> #custom-message');
  await area.focus();
  await page.keyboard.type(NOTE);
  await host(page, NOTE.length);
  await new Promise((r) => setTimeout(r, 200)); // let the placement settle
  const seen = await page.evaluate(() => {
    const dialog = document.querySelector('#interop-outlet').shadowRoot;
    const panel = document.querySelector('rapport-panel');
    const hitAt = (el) => {
      const r = el.getBoundingClientRect();
      const top = dialog.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top === el || el.contains(top);
    };
    const first = panel.shadowRoot.querySelector('[data-finding]');
    const f = first.getBoundingClientRect();
    const hit = panel.shadowRoot.elementFromPoint(f.left + 10, f.top + 8);
    return {
      place: panel.getAttribute('data-rapport-place'),
      note: hitAt(dialog.querySelector('#custom-message')),
      send: hitAt(dialog.querySelector('button[aria-label="Send invitation"]')),
      cancel: hitAt(dialog.querySelector('button[aria-label="Cancel adding a note"]')),
      first: f.bottom <= innerHeight && first.contains(hit),
    };
  });
  assert.deepEqual(seen, { place: 'below', note: true, send: true, cancel: true, first: true });
  assert.deepEqual(errors.filter((e) => !CSP_PROBE.test(e)), []);
  await page.close();
});
