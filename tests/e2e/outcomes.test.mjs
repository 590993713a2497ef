// Invitation outcomes, end to end in real Chromium with the real extension on LinkedIn-like
// pages (fixtures copied from LinkedIn's markup, with its CSP):
//   - a person's fortnight, on a fake clock (the worker's Date.now, which the engine reads
//     too): three invitations (a specific note, a generic one with the panel's allowance and
//     its advice to send none, a blank one); the sent-invitations page with two still pending
//     and one sent before Rapport was installed; a profile now 1st degree; a notification
//     that the third accepted; the recently added connections; a message in the composer
//     that moves a rhythm's follow-up; the popup's "Withdraw on LinkedIn" page highlighting
//     the row, and the person's own Withdraw and confirmation. Statuses, dates, the badge,
//     the contact records and the JSON export;
//   - localised pages (French notifications, the German sent-invitations page);
//   - the markup LinkedIn served in 2026 as read (the observations the content script
//     sends): a sent row's name from its plain <p> or its labels, its note without the
//     "…more" button, the older sent page; a notification's age without its settings menu;
//     the newer connections page's "Connected on <date>"; the server-driven profile top card
//     (Topcard id, h2 name, Pending link, custom-invite link, disagreeing degree badges);
//   - the messaging overlay bubble (a message sent with Enter); a Premium account's panel;
//   - no LinkedIn button is ever clicked nor form submitted by the extension, on every page.

import assert from 'node:assert/strict';
import { applyButton, axeViolations, browserSuite, firstRemoval, open, openInviteNote, panel, settled, sleep } from './harness.mjs';
import {
  DAY, SEND, badgeText, contact, extensionPage, items, message, seed, stored, storedContact, worker,
} from './followup-helpers.mjs';

const JOHN = 'https://www.linkedin.com/in/john-okafor/';
const SARAH = 'https://www.linkedin.com/in/sarah-chen/';
const CHLOE = 'https://www.linkedin.com/in/chloe-martin/';
const SENT_PAGE = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const NORA_SDUI = 'https://www.linkedin.com/in/nora-quinn/?rendering=sdui&state=pending';
const KEY = {
  john: 'linkedin.com/in/john-okafor',
  sarah: 'linkedin.com/in/sarah-chen',
  chloe: 'linkedin.com/in/chloe-martin',
  dan: 'linkedin.com/in/dan-brooks',
  eve: 'linkedin.com/in/eve-novak',
};

const { env, it } = browserSuite('outcomes');

/** Day 0 of the fortnight: three weeks ago, so no date the worker sets lies in the real future. */
const T0 = Date.now() - 21 * DAY;
const day = (n) => T0 + n * DAY;

/** Sets the worker's clock (again: the browser may have restarted the worker). */
async function clock(t) {
  await worker(env.ctx).evaluate((at) => {
    Date.now = () => at;
  }, t);
}

/** A LinkedIn page opened on day `n` of the fortnight. */
async function visit(n, url) {
  await clock(day(n));
  return open(env.ctx, url);
}

/** The contacts in the store, by key. */
async function contacts() {
  const all = await stored(env);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('contact:')).map(([k, v]) => [k.slice(8), v]));
}

/**
 * Records, in the worker, every observation the content scripts send from now on (a listener
 * beside the worker's own, which answers them as always). `observed()` reads them back.
 */
async function recordObservations() {
  await worker(env.ctx).evaluate(() => {
    globalThis.observedForTest = [];
    if (globalThis.observingForTest) return;
    globalThis.observingForTest = true;
    chrome.runtime.onMessage.addListener((msg) => {
      if (msg?.kind === 'observe') globalThis.observedForTest.push(...msg.observations);
    });
  });
}

/** The observations recorded since recordObservations(), waiting until `check` finds one (or returns true). */
async function observed(check = () => true, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const list = await worker(env.ctx).evaluate(() => globalThis.observedForTest);
    if (check(list)) return list;
    if (Date.now() > end) assert.fail(`no such observation in ${JSON.stringify(list)}`);
    await sleep(50);
  }
}

/** Dan's note as the sent page shows it: cut, with its "…more" button. */
const DAN_NOTE_SHOWN = 'Hi Dan, we met at the Lisbon meetup on edge databases; I wou…';

const within = (t, lo, hi, what) => assert.ok(t >= lo && t <= hi, `${what}: ${t} is not within [${lo}, ${hi}] (day ${((t - T0) / DAY).toFixed(2)})`);

it("a fortnight: three invitations, who accepted, a message, a withdrawal; statuses, dates, badge and export", async () => {
  // ---- Day 0: three invitations. ----
  let { page, errors } = await visit(0, JOHN);
  let area = await openInviteNote(page);
  const good = 'Hi John, your RustConf talk on wasm tooling at Acme was great. I am building a similar compiler at Beta; open to a chat?';
  await area.fill(good);
  await settled(page, good.length);
  // The panel counts this month's notes against the free allowance; a specific note gets no advice.
  assert.equal(await panel(page).getAttribute('data-rapport-month'), '0');
  assert.equal(await panel(page).getAttribute('data-rapport-allowance'), '5');
  assert.match(await page.locator('rapport-panel .guard').innerText(), /Personalised notes this month: 0 \/ 5/);
  assert.equal(await panel(page).getAttribute('data-rapport-advice'), null);
  assert.equal(await page.locator('rapport-panel .advice').isVisible(), false);
  await page.locator(SEND).click();
  const john0 = await storedContact(env, KEY.john);
  assert.equal(john0.invited_at, day(0), 'the fake clock dates the invitation');
  assert.equal(john0.status, 'pending');
  await page.close();

  ({ page, errors } = await visit(0, SARAH));
  area = await openInviteNote(page);
  const generic = 'Hi Sarah, I came across your profile and would love to connect.';
  await area.fill(generic);
  await settled(page, generic.length);
  await page.waitForFunction(() => document.querySelector('rapport-panel')?.getAttribute('data-rapport-month') === '1');
  const guard = await page.locator('rapport-panel .guard').innerText();
  assert.match(guard, /Personalised notes this month: 1 \/ 5/);
  assert.equal(await panel(page).getAttribute('data-rapport-advice'), '', 'a generic note: the engine advises a blank invitation');
  assert.match(await page.locator('rapport-panel .advice').innerText(), /A note this generic does about as well as no note: send the invitation without one \(it saves one of the 4 personalised notes you have left this month\)/);
  assert.deepEqual(await axeViolations(page, 'rapport-panel'), [], 'the panel with the advice');
  // A note held down by a fault it can fix (another person's name) is no generic note.
  const wrongName = 'Hi Priya, your talk on stream processing at PyData Berlin was great; I work on the same problem at Beta.';
  await area.fill(wrongName);
  await settled(page, wrongName.length);
  assert.ok(Number(await panel(page).getAttribute('data-rapport-score')) < 40, 'held down by the wrong name');
  assert.equal(await panel(page).getAttribute('data-rapport-advice'), null, 'fix the name, not send a blank note');
  await area.fill(generic);
  await settled(page, generic.length);
  await page.waitForFunction(() => document.querySelector('rapport-panel')?.getAttribute('data-rapport-advice') === '');
  await page.locator(SEND).click();
  await storedContact(env, KEY.sarah);
  assert.deepEqual(errors, []);
  await page.close();

  ({ page, errors } = await visit(0, CHLOE));
  await page.locator('main button[aria-label="Invite Chloe Martin to connect"]').click();
  await page.locator('#interop-outlet button[aria-label="Send without a note"]').click();
  const chloe0 = await storedContact(env, KEY.chloe);
  assert.deepEqual([chloe0.note_sent, chloe0.note_score, chloe0.status], [null, null, 'pending']);
  await page.close();

  let c = await contacts();
  assert.ok(Number.isInteger(c[KEY.john].note_score) && Number.isInteger(c[KEY.sarah].note_score));
  assert.ok(c[KEY.john].note_score > c[KEY.sarah].note_score, `the specific note scores higher (${c[KEY.john].note_score} > ${c[KEY.sarah].note_score})`);

  // ---- Day 9: the sent-invitations page: John and Sarah pending, Dan from before Rapport. ----
  ({ page, errors } = await visit(9, SENT_PAGE));
  const dan = await storedContact(env, KEY.dan);
  assert.equal(dan.name, 'Dan Brooks');
  assert.equal(dan.status, 'pending');
  within(dan.invited_at, day(9) - 21 * DAY, day(9) - 7 * DAY, '"Sent 2 weeks ago" dates Dan\'s invitation (the latest time it allows)');
  assert.equal(dan.note_score, null);
  assert.equal(dan.note_sent, DAN_NOTE_SHOWN, 'the note as shown, without its "more" button');
  c = await contacts();
  for (const k of [KEY.john, KEY.sarah]) assert.deepEqual([c[k].status, c[k].invited_at], ['pending', day(0)], `${k} is still pending, sent on day 0`);
  assert.equal(c[KEY.chloe].status, 'pending', 'a row missing from the list proves nothing');
  assert.deepEqual(errors, []);
  await page.close();

  // ---- Day 10: John's profile shows 1st degree. ----
  ({ page, errors } = await visit(10, `${JOHN}?state=connected`));
  let john = await storedContact(env, KEY.john, (x) => x.status === 'accepted');
  assert.equal(john.status_at, day(10));
  await page.close();

  // ---- Day 11: a notification says Chloe accepted, a day ago; she is among the new connections. ----
  ({ page, errors } = await visit(11, 'https://www.linkedin.com/notifications/'));
  const chloe = await storedContact(env, KEY.chloe, (x) => x.status === 'accepted');
  within(chloe.status_at, day(10), day(11), '"1d" on day 11 dates the acceptance (the latest time it allows)');
  assert.equal((await contacts())[KEY.sarah].status, 'pending', '"Sarah Chen posted" is no acceptance');
  await page.close();
  ({ page, errors } = await visit(11, 'https://www.linkedin.com/mynetwork/invite-connect/connections/'));
  await page.locator('li.mn-connection-card').nth(1).waitFor();
  await sleep(1200); // two polls of the page: a connection Rapport never invited must still not be stored
  c = await contacts();
  assert.equal(c[KEY.eve], undefined, 'someone who invited the person is not recorded');
  assert.equal(c[KEY.chloe].status_at, chloe.status_at, 'the connection list keeps the earliest acceptance');
  assert.deepEqual(errors, []);
  await page.close();

  // ---- Day 12: John is kept in touch with every 2 weeks; a message moves the follow-up. ----
  await clock(day(12));
  await worker(env.ctx).evaluate(async (k) => {
    const item = `contact:${k}`;
    const got = (await chrome.storage.local.get(item))[item];
    await chrome.storage.local.set({ [item]: { ...got, cadence_days: 14 } });
  }, KEY.john);
  ({ page, errors } = await visit(12, 'https://www.linkedin.com/messaging/thread/2-abc123/'));
  await page.locator('.msg-conversations-container a', { hasText: 'John Okafor' }).click();
  await page.waitForFunction(() => document.querySelector('.msg-thread__link-to-profile')?.getAttribute('href') === '/in/john-okafor/');
  await page.locator('#composer').click();
  await page.keyboard.type('Thanks for connecting, John! Shall we talk compilers next week?');
  await page.locator('.msg-form__send-button').click();
  await page.locator('.msg-s-event-listitem__body.sent').waitFor();
  john = await storedContact(env, KEY.john, (x) => x.last_interaction_at != null);
  assert.equal(john.last_interaction_at, day(12));
  assert.equal(john.follow_up_at, day(12) + 14 * DAY, 'the next follow-up is two weeks after the message');
  assert.equal(john.status, 'accepted', 'a message changes no outcome');
  assert.equal((await contacts())[KEY.sarah].last_interaction_at, null, 'only the conversation\'s person');
  assert.deepEqual(errors, []);
  await page.close();

  // ---- Day 12.5: the page without Sarah's row: nothing is concluded. ----
  ({ page, errors } = await open(env.ctx, null));
  await clock(day(12.5));
  await page.goto(`${SENT_PAGE}?rows=dan-brooks`);
  await page.locator('[role="listitem"]').first().waitFor();
  await sleep(1200);
  assert.equal((await contacts())[KEY.sarah].status, 'pending');
  await page.close();

  // ---- Day 13: "Withdraw on LinkedIn" opens the page with Sarah's row highlighted; she withdraws it. ----
  // The link is the engine's due item's (Sarah counts as pending too long with a one-week limit).
  const opener = await extensionPage(env, 'popup');
  const withdrawUrl = await opener.page.evaluate(async ({ key, now }) => {
    const engine = await import(chrome.runtime.getURL('pkg/rapport.js'));
    await engine.default();
    const all = Object.entries(await chrome.storage.local.get(null)).filter(([k]) => k.startsWith('contact:')).map(([, v]) => v);
    return engine.outcomeView(all, '', { pending_days: 7 }, now, 0).due.find((d) => d.contact.key === key)?.withdraw_url;
  }, { key: KEY.sarah, now: day(13) });
  await opener.page.close();
  assert.equal(withdrawUrl, `${SENT_PAGE}#rapport-withdraw=${encodeURIComponent(SARAH)}`);
  ({ page, errors } = await visit(13, withdrawUrl));
  const mark = page.locator('rapport-highlight[data-rapport-highlight="found"]');
  await mark.waitFor({ state: 'attached' });
  const row = page.locator('[role="listitem"]', { hasText: 'Sarah Chen' });
  const [box, rowBox] = [await mark.locator('.box').boundingBox(), await row.boundingBox()];
  assert.ok(box && rowBox && box.x <= rowBox.x && box.y <= rowBox.y && box.x + box.width >= rowBox.x + rowBox.width
    && box.y + box.height >= rowBox.y + rowBox.height, 'the outline surrounds Sarah\'s row');
  assert.match(await mark.locator('.label').innerText(), /withdraw Sarah Chen with LinkedIn's Withdraw button/);
  assert.deepEqual(await axeViolations(page, 'rapport-highlight'), [], 'the outline\'s label is readable');
  // LinkedIn's own button, untouched and clickable through the outline.
  await row.getByRole('link', { name: 'Withdraw invitation sent to Sarah Chen' }).click();
  await page.locator('dialog[open][data-testid="dialog"]').waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Withdraw invitation sent to Sarah Chen' }).click();
  await row.waitFor({ state: 'detached' });
  const sarah = await storedContact(env, KEY.sarah, (x) => x.status === 'withdrawn');
  assert.equal(sarah.status_at, day(13), 'withdrawn when the person withdrew it (not on day 12.5)');
  assert.equal((await contacts())[KEY.dan].status, 'pending', 'Dan\'s row stayed');
  assert.deepEqual(errors, []);
  await page.close();

  // ---- The badge and the export. ----
  const popup = await extensionPage(env, 'popup');
  const view = await message(popup.page, { kind: 'followup-view' });
  assert.equal(view.ok, true);
  const due = view.due.map((x) => x.contact?.key ?? x.key);
  assert.ok(!due.includes(KEY.john), 'John\'s follow-up moved past the message');
  assert.equal(await badgeText(env), due.length ? String(due.length) : '', 'the badge counts the due list');
  const exported = await message(popup.page, { kind: 'export', format: 'json' });
  assert.equal(exported.ok, true);
  assert.match(exported.text, /^\{\n {2}"format": "rapport-followup",\n/, 'the saved file is indented for people to read');
  const byKey = Object.fromEntries(JSON.parse(exported.text).contacts.map((x) => [x.key, x]));
  const pick = (k) => {
    const x = byKey[k];
    return { status: x.status, status_at: x.status_at, note_score: x.note_score, last_interaction_at: x.last_interaction_at, cadence_days: x.cadence_days };
  };
  assert.deepEqual(pick(KEY.john), { status: 'accepted', status_at: day(10), note_score: c[KEY.john].note_score, last_interaction_at: day(12), cadence_days: 14 });
  assert.deepEqual(pick(KEY.sarah), { status: 'withdrawn', status_at: day(13), note_score: c[KEY.sarah].note_score, last_interaction_at: null, cadence_days: null });
  assert.deepEqual(pick(KEY.chloe), { status: 'accepted', status_at: chloe.status_at, note_score: null, last_interaction_at: null, cadence_days: null });
  assert.deepEqual(pick(KEY.dan), { status: 'pending', status_at: dan.status_at, note_score: null, last_interaction_at: null, cadence_days: null });
  assert.equal(byKey[KEY.eve], undefined);
  assert.deepEqual(popup.errors, []);
  await popup.page.close();
});

it('the French notifications page: "a accepté votre invitation" is an acceptance', async () => {
  await clock(day(14));
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/notifications/?lang=fr');
  const dan = await storedContact(env, KEY.dan, (x) => x.status === 'accepted');
  within(dan.status_at, day(13), day(14), '"1 j" on day 14');
  assert.equal((await contacts())[KEY.sarah].status, 'withdrawn', '"a publié" is no acceptance');
  assert.deepEqual(errors, []);
  await page.close();
});

it('a message sent with Enter in the overlay bubble is an interaction with the person it links to', async () => {
  await clock(day(15));
  const { page, errors } = await open(env.ctx, `${JOHN}?overlay=1`);
  await page.locator('#overlay-composer').click();
  await page.keyboard.type('John, here are the slides I mentioned.');
  await page.keyboard.press('Shift+Enter'); // a new line, not a send
  await page.keyboard.type('Talk soon!');
  await page.keyboard.press('Enter');
  await page.locator('#overlay-messages li.sent').waitFor();
  const john = await storedContact(env, KEY.john, (x) => x.last_interaction_at === day(15));
  assert.equal(john.follow_up_at, day(15) + 14 * DAY, 'the two-week rhythm restarts from this message');
  assert.deepEqual(errors, []);
  await page.close();
});

it('a profile showing Pending records an invitation sent before Rapport; Connect again ends a pending one', async () => {
  await clock(day(14));
  const { page, errors } = await open(env.ctx, `${SARAH.replace('sarah-chen', 'chloe-martin')}?state=connect`);
  await sleep(1200);
  assert.equal((await contacts())[KEY.chloe].status, 'accepted', 'a late "Connect" never undoes an acceptance');
  await page.close();
  // Someone Rapport never saw, with an invitation pending: recorded without a note.
  await worker(env.ctx).evaluate((k) => chrome.storage.local.remove(`contact:${k}`), KEY.sarah);
  const p2 = await open(env.ctx, `${SARAH}?state=pending`);
  const sarah = await storedContact(env, KEY.sarah);
  assert.deepEqual([sarah.status, sarah.note_sent, sarah.name], ['pending', null, 'Sarah Chen']);
  await p2.page.close();
  // The same profile later shows Connect: the invitation no longer stands (withdrawn before the expiry limit).
  await clock(day(16));
  const p3 = await open(env.ctx, `${SARAH}?state=connect`);
  const gone = await storedContact(env, KEY.sarah, (x) => x.status === 'withdrawn');
  assert.equal(gone.status_at, day(16));
  assert.deepEqual([...errors, ...p2.errors, ...p3.errors], []);
  await p3.page.close();
});

it('Premium: the panel counts the month\'s notes with no limit, and gives no advice to save one', async () => {
  await worker(env.ctx).evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings || {}), premium: true } });
  });
  await clock(day(15));
  const { page, errors } = await open(env.ctx, SARAH);
  const area = await openInviteNote(page);
  const generic = 'Hi Sarah, I came across your profile and would love to connect.';
  await area.fill(generic);
  await settled(page, generic.length);
  await page.waitForFunction(() => document.querySelector('rapport-panel')?.hasAttribute('data-rapport-month'));
  assert.match(await page.locator('rapport-panel .guard').innerText(), /Personalised notes this month: \d+ \(no monthly limit on your account\)/);
  assert.equal(await panel(page).getAttribute('data-rapport-allowance'), null);
  assert.equal(await panel(page).getAttribute('data-rapport-advice'), null, 'nothing to save on an unlimited account');
  assert.deepEqual(errors, []);
  await page.close();
  await worker(env.ctx).evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, premium: false } });
  });
});

it('the German sent-invitations page: "Gesendet vor 2 Wochen" is recorded, "Zurückziehen" and its confirmation withdraw', async () => {
  await worker(env.ctx).evaluate((k) => chrome.storage.local.remove(`contact:${k}`), KEY.dan);
  await clock(day(17));
  const { page, errors } = await open(env.ctx, `${SENT_PAGE}?lang=de&rows=dan-brooks`);
  const dan = await storedContact(env, KEY.dan);
  assert.equal(dan.status, 'pending');
  assert.equal(dan.name, 'Dan Brooks', 'the first <p>: the German labels name no one the English patterns read');
  within(dan.invited_at, day(17) - 21 * DAY, day(17) - 7 * DAY, '"Gesendet vor 2 Wochen"');
  // The link's label is made up (unverified); its word "Zurückziehen" is what is read.
  await page.getByRole('link', { name: 'Einladung an Dan Brooks zurückziehen' }).click();
  await page.locator('dialog[open]').waitFor();
  await page.locator('dialog button', { hasText: 'Zurückziehen' }).click();
  await page.locator('[role="listitem"]').waitFor({ state: 'detached' });
  const gone = await storedContact(env, KEY.dan, (x) => x.status === 'withdrawn');
  assert.equal(gone.status_at, day(17));
  assert.deepEqual(errors, []);
  await page.close();
});

it('the sent page as LinkedIn drew it in 2026: the name from the plain <p>, the note without "more", the age', async () => {
  await recordObservations();
  const { page, errors } = await open(env.ctx, SENT_PAGE);
  await page.locator('[data-testid="lazy-column"] [role="listitem"]').nth(2).waitFor();
  // The only /in/ link of a row holds just the avatar.
  assert.equal(await page.locator('[role="listitem"]').first().locator('a[href*="/in/"]').innerText(), '');
  const rows = await observed((l) => l.filter((o) => o.kind === 'sent_row').length === 3);
  const byUrl = Object.fromEntries(rows.map((o) => [o.url, o]));
  assert.deepEqual(byUrl['https://www.linkedin.com/in/dan-brooks/'],
    { url: 'https://www.linkedin.com/in/dan-brooks/', name: 'Dan Brooks', kind: 'sent_row', sent: 'Sent 2 weeks ago', note: DAN_NOTE_SHOWN });
  assert.deepEqual(byUrl['https://www.linkedin.com/in/sarah-chen/'],
    { url: 'https://www.linkedin.com/in/sarah-chen/', name: 'Sarah Chen', kind: 'sent_row', sent: 'Sent 1 week ago', note: 'Hi Sarah, I came across your profile and would love to conne…' });
  assert.deepEqual(byUrl['https://www.linkedin.com/in/john-okafor/'],
    { url: 'https://www.linkedin.com/in/john-okafor/', name: 'John Okafor', kind: 'sent_row', sent: 'Sent 1 week ago' }, 'no note: none reported');
  // "more" shows the whole note; the row is read again with it.
  await page.locator('[role="listitem"]', { hasText: 'Dan Brooks' }).getByRole('button', { name: 'more' }).click();
  const full = await observed((l) => l.some((o) => o.note?.endsWith('keep in touch.')));
  assert.equal(full.find((o) => o.note?.endsWith('keep in touch.')).note, 'Hi Dan, we met at the Lisbon meetup on edge databases; I would like to keep in touch.');
  assert.deepEqual(errors, []);
  await page.close();
});

it('a sent row without the name\'s <p>: the name comes from "Withdraw invitation sent to <Name>", not the headline', async () => {
  await recordObservations();
  const { page, errors } = await open(env.ctx, `${SENT_PAGE}?rows=dan-brooks,john-okafor&names=none`);
  const rows = await observed((l) => l.filter((o) => o.kind === 'sent_row').length === 2);
  assert.deepEqual(rows.map((o) => o.name).sort(), ['Dan Brooks', 'John Okafor']);
  assert.deepEqual(errors, []);
  await page.close();
});

it('the older sent page (a name link, a Withdraw button, "Withdrawn invitation sent to"): read, and its withdrawal recorded', async () => {
  await worker(env.ctx).evaluate((k) => chrome.storage.local.remove(`contact:${k}`), KEY.dan);
  await clock(day(18));
  await recordObservations();
  const { page, errors } = await open(env.ctx, `${SENT_PAGE}?markup=legacy&rows=dan-brooks`);
  const dan = await storedContact(env, KEY.dan);
  assert.deepEqual([dan.status, dan.name], ['pending', 'Dan Brooks']);
  within(dan.invited_at, day(18) - 21 * DAY, day(18) - 7 * DAY, '"Sent 2 weeks ago"');
  const [row] = await observed((l) => l.some((o) => o.kind === 'sent_row'));
  assert.deepEqual(row, { url: 'https://www.linkedin.com/in/dan-brooks/', name: 'Dan Brooks', kind: 'sent_row', sent: 'Sent 2 weeks ago' });
  await page.locator('button[data-view-name="sent-invitations-withdraw-single"]').click();
  await page.locator('dialog[open]').waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Withdrawn invitation sent to Dan Brooks' }).click();
  await page.locator('[role="listitem"]').waitFor({ state: 'detached' });
  const gone = await storedContact(env, KEY.dan, (x) => x.status === 'withdrawn');
  assert.equal(gone.status_at, day(18));
  assert.deepEqual(errors, []);
  await page.close();
});

it('a notification\'s age is read as exactly the age, without the settings menu inside its element', async () => {
  await recordObservations();
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/notifications/');
  await page.locator('p.nt-card__time-ago .artdeco-dropdown button[aria-label="Settings menu"]').first().waitFor();
  const list = await observed((l) => l.some((o) => o.kind === 'accepted'));
  assert.deepEqual(list.filter((o) => o.kind === 'accepted'), [{ url: 'https://www.linkedin.com/in/chloe-martin/', kind: 'accepted', when: '1d' }]);
  // The element's whole text would have carried the menu.
  assert.match(await page.locator('p.nt-card__time-ago').nth(1).textContent(), /^1d.*Delete notification/s);
  assert.deepEqual(errors, []);
  await page.close();
});

it('the newer connections page: "Connected on <date>" dates the acceptance; the name from the link or the picture', async () => {
  const CONNECTED = day(12);
  const on = new Date(CONNECTED).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const d = new Date(CONNECTED);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  await seed(env, items(contact({ slug: 'chloe-martin', name: 'Chloe Martin', invited: day(5) })));
  await clock(day(16));
  await recordObservations();
  let { page, errors } = await open(env.ctx, `https://www.linkedin.com/mynetwork/invite-connect/connections/?rendering=sdui&on=${encodeURIComponent(on)}`);
  const chloe = await storedContact(env, KEY.chloe, (x) => x.status === 'accepted');
  // The day in any time zone (UTC+14 to UTC-12): accepted at the latest time it allows.
  assert.equal(chloe.status_at, midnight + DAY + 12 * 3_600_000 - 1, `"Connected on ${on}" dates it`);
  const seen = await observed((l) => l.filter((o) => o.kind === 'connection').length === 2);
  assert.deepEqual(seen.find((o) => o.url.endsWith('/chloe-martin/')), { url: 'https://www.linkedin.com/in/chloe-martin/', kind: 'connection', name: 'Chloe Martin', when: `Connected on ${on}` });
  assert.equal((await contacts())[KEY.eve], undefined, 'someone who invited the person is not recorded');
  assert.deepEqual(errors, []);
  await page.close();
  // Only the picture names the person.
  await recordObservations();
  ({ page, errors } = await open(env.ctx, `https://www.linkedin.com/mynetwork/invite-connect/connections/?rendering=sdui&names=picture&on=${encodeURIComponent(on)}`));
  const bare = await observed((l) => l.filter((o) => o.kind === 'connection').length === 2);
  assert.deepEqual(bare.map((o) => o.name).sort(), ['Chloe Martin', 'Eve Novak']);
  assert.deepEqual(errors, []);
  await page.close();
});

it('the server-driven profile top card: an h2 name in the Topcard, Pending as a link, disagreeing degrees, Connect by its invite link', async () => {
  const NORA = 'https://www.linkedin.com/in/nora-quinn/';
  const OMAR = 'https://www.linkedin.com/in/omar-haddad/';
  await worker(env.ctx).evaluate(() => chrome.storage.local.remove(['contact:linkedin.com/in/nora-quinn', 'contact:linkedin.com/in/omar-haddad']));
  await clock(day(16));
  // Pending, never seen by Rapport: recorded, named from the h2.
  let { page, errors } = await open(env.ctx, `${NORA}?rendering=sdui&state=pending`);
  assert.equal(await page.locator('div[id$="Topcard"] h2').innerText(), 'Nora Quinn');
  assert.equal(await page.locator('h1').count(), 0);
  const nora = await storedContact(env, 'linkedin.com/in/nora-quinn');
  assert.deepEqual([nora.status, nora.name, nora.note_sent], ['pending', 'Nora Quinn', null]);
  assert.deepEqual(errors, []);
  await page.close();
  // Two visible degree badges that disagree: nothing is concluded.
  await clock(day(17));
  ({ page, errors } = await open(env.ctx, `${NORA}?rendering=sdui&state=disagree`));
  await page.locator('#degree-copy').waitFor();
  await sleep(1200);
  assert.equal((await storedContact(env, 'linkedin.com/in/nora-quinn')).status, 'pending', '"· 2nd" beside "· 1st" is no acceptance');
  await page.close();
  // A visible "· 1st" (the hidden copy says "· 2nd"), the name in an h1 this time: accepted.
  ({ page, errors } = await open(env.ctx, `${NORA}?rendering=sdui&state=connected&heading=h1`));
  const accepted = await storedContact(env, 'linkedin.com/in/nora-quinn', (x) => x.status === 'accepted');
  assert.equal(accepted.status_at, day(17));
  assert.deepEqual(errors, []);
  await page.close();
  // Connect as an unlabelled link to /preload/custom-invite/?vanityName=<this slug>: a pending invitation ended.
  await seed(env, items(contact({ slug: 'omar-haddad', name: 'Omar Haddad', invited: day(14) })));
  ({ page, errors } = await open(env.ctx, `${OMAR}?rendering=sdui&state=connect&invite=unlabelled`));
  assert.equal(await page.locator('#ember42').getAttribute('aria-label'), null);
  const omar = await storedContact(env, 'linkedin.com/in/omar-haddad', (x) => x.status === 'withdrawn');
  assert.equal(omar.status_at, day(17));
  assert.deepEqual(errors, []);
  await page.close();
});

it('the withdraw link for a row that is not on the page says so instead of outlining another', async () => {
  const { page, errors } = await open(env.ctx, `${SENT_PAGE}?rows=dan-brooks#rapport-withdraw=${encodeURIComponent(JOHN)}`);
  const mark = page.locator('rapport-highlight[data-rapport-highlight="missing"]');
  await mark.waitFor({ state: 'attached' });
  assert.match(await mark.locator('.label').innerText(), /this invitation is not on the page/);
  assert.equal(await page.locator('rapport-highlight[data-rapport-highlight="found"]').count(), 0);
  assert.deepEqual(await axeViolations(page, 'rapport-highlight'), []);
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * Runs in the page's main world before its scripts: records every click the page did not
 * get from the person (`isTrusted` false; the content script's isolated world has its own
 * prototypes, so its `.click()` shows here only as such an event), every submit that was not
 * trusted or had no submitter (what requestSubmit() gives), and every click/submit/
 * requestSubmit call in the main world. (A form.submit() from the isolated world fires no
 * event; it would navigate the page away, which the page's own checks would see.)
 */
function watchSyntheticActions() {
  const seen = [];
  Object.defineProperty(window, '__synthetic', { value: seen });
  const where = (t) => {
    const el = t instanceof Element ? t : null;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent || '').trim().slice(0, 30)}"` : String(t);
  };
  for (const type of ['click', 'submit', 'mousedown', 'pointerdown']) {
    window.addEventListener(type, (e) => {
      if (!e.isTrusted) seen.push(`untrusted ${type} on ${where(e.composedPath()[0])}`);
      // requestSubmit() from any world fires a trusted submit, but with no submitter: a
      // person's submit always has one (the button pressed, or the default one for Enter).
      else if (type === 'submit' && !(/** @type {SubmitEvent} */ (e)).submitter) seen.push(`submit without a submitter on ${where(e.target)}`);
    }, { capture: true });
  }
  const wrap = (proto, name) => {
    const orig = proto[name];
    proto[name] = function wrapped(...args) {
      seen.push(`${name}() on ${where(this)}`);
      return orig.apply(this, args);
    };
  };
  wrap(HTMLElement.prototype, 'click');
  wrap(HTMLFormElement.prototype, 'submit');
  wrap(HTMLFormElement.prototype, 'requestSubmit');
}

it('no LinkedIn button is clicked and no form submitted by the extension, on any page', async () => {
  await clock(day(15));
  const synthetic = async (page) => page.evaluate(() => window.__synthetic);
  const watched = async (url) => {
    const page = await env.ctx.newPage();
    await page.addInitScript(watchSyntheticActions);
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(url);
    return { page, errors };
  };

  // The watch itself sees what it must: a click from a script, and a script's requestSubmit.
  let { page, errors } = await watched('https://www.linkedin.com/messaging/thread/2-abc123/');
  await page.evaluate(() => {
    document.querySelector('.msg-conversations-container a').click();
    document.querySelector('#msg-form').requestSubmit();
  });
  const caught = await synthetic(page);
  assert.equal(caught.length, 4, `click(), its untrusted click, requestSubmit(), its submit without a submitter: ${caught.join('; ')}`);
  await page.close();

  // The invite dialog: type, open the panel, apply a fix.
  ({ page, errors } = await watched(JOHN));
  const area = await openInviteNote(page);
  const note = 'Hi John, I hope this message finds you well. I came across your profile and would love to connect.';
  await area.fill(note);
  await settled(page, note.length);
  const fix = await firstRemoval(page);
  assert.ok(fix, 'the note has a fix to apply');
  await applyButton(page, fix.rule).first().click();
  await page.waitForFunction((n) => document.querySelector('#interop-outlet').shadowRoot.querySelector('#custom-message').value.length !== n, note.length);
  assert.deepEqual(await synthetic(page), [], 'invite dialog');
  assert.deepEqual(errors, []);
  await page.close();

  const pages = [
    [`${JOHN}?state=pending`, async () => {}],
    [`${SENT_PAGE}#rapport-withdraw=${encodeURIComponent('https://www.linkedin.com/in/dan-brooks/')}`, async (p) => {
      await p.locator('rapport-highlight[data-rapport-highlight="found"]').waitFor({ state: 'attached' });
    }],
    ['https://www.linkedin.com/notifications/', async (p) => p.locator('article.nt-card').first().waitFor()],
    ['https://www.linkedin.com/mynetwork/invite-connect/connections/', async (p) => p.locator('li.mn-connection-card').first().waitFor()],
    ['https://www.linkedin.com/mynetwork/invite-connect/connections/?rendering=sdui', async (p) => p.locator('[data-view-name="connections-list"] [componentkey^="auto-component"]').first().waitFor()],
    [`${SENT_PAGE}?markup=legacy`, async (p) => p.locator('[role="listitem"]').first().waitFor()],
    [`${NORA_SDUI}`, async (p) => p.locator('div[id$="Topcard"] #pending').waitFor()],
    ['https://www.linkedin.com/messaging/thread/2-abc123/', async (p) => {
      await p.locator('#composer').click();
      const text = 'Hi Sarah, I hope this message finds you well. Just checking in.';
      await p.keyboard.type(text);
      await settled(p, text.length);
      const f = await firstRemoval(p);
      if (f) await applyButton(p, f.rule).first().click();
    }],
  ];
  for (const [url, act] of pages) {
    ({ page, errors } = await watched(url));
    await act(page);
    await sleep(1100); // two polls of the content script on the page
    assert.deepEqual(await synthetic(page), [], url);
    assert.deepEqual(errors, [], url);
    await page.close();
  }
});
