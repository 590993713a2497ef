// Invitation outcomes where the person sees them, end to end with the real extension: the
// popup's due list with its reasons (follow-up due, invitation pending N days), the
// withdraw link, the invitation's status and the last contact, the rhythm picker; the
// worker expiring old pending invitations and writing back schema 1 contacts when it
// starts; the options page's new settings; the insights page's chart against a seeded
// store (numbers, Wilson intervals, "too early to tell") and axe in light and dark.
// Tests run in order and build on each other's contacts.

import assert from 'node:assert/strict';
import { axeViolations, browserSuite, open, until } from './harness.mjs';
import {
  DAY, badgeIs, contact, extensionPage, items, message, popupItem, seed, stored, storedContact, worker,
} from './followup-helpers.mjs';

const { env, it } = browserSuite('outcomes-display');

const ANN = 'linkedin.com/in/ann-pending';
const BOB = 'linkedin.com/in/bob-accepted';
const CAT = 'linkedin.com/in/cat-withdrawn';
const DAN = 'linkedin.com/in/dan-old';
const EVE = 'linkedin.com/in/eve-schema-one';

/** Stops the extension's service worker; the next message starts it again (a new worker life). */
async function restartWorker(page) {
  const cdp = await env.ctx.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Wakes it: a message from the page.
  assert.equal((await message(page, { kind: 'ping' })).ok, true);
}

let now;

it('the due list says why each person is due, with the withdraw link, the status and the last contact', async () => {
  now = Date.now();
  await seed(env, items(
    // Invited 16 days ago, followed up on day 8, still pending: due for the invitation.
    { ...contact({ slug: 'ann-pending', name: 'Ann Pending', invited: now - 16 * DAY, done: now - 8 * DAY, note: 'Hi Ann, your talk on tide tables at the harbour museum was lovely; could I ask how you sourced the 1890 charts?' }), note_score: 74 },
    // Accepted, messaged 3 days ago, follow-up due yesterday.
    { ...contact({ slug: 'bob-accepted', name: 'Bob Accepted', invited: now - 10 * DAY, followUp: now - DAY, notes: 'Ask about the Rust meetup.' }), status: 'accepted', status_at: now - 9 * DAY, last_interaction_at: now - 3 * DAY },
    // Withdrawn, a follow-up planned.
    { ...contact({ slug: 'cat-withdrawn', name: 'Cat Withdrawn', invited: now - 20 * DAY, followUp: now + 5 * DAY }), status: 'withdrawn', status_at: now - 2 * DAY },
  ));
  await badgeIs(env, '2');
  const { page, errors } = await extensionPage(env, 'popup');
  const ann = popupItem(page, ANN);
  await ann.waitFor();
  assert.equal(await ann.getAttribute('data-status'), 'due');
  assert.equal(await ann.getAttribute('data-reasons'), 'pending_invitation');
  assert.equal(await ann.getAttribute('data-outcome'), 'pending');
  const annText = await ann.innerText();
  assert.match(annText, /Invitation pending 16 days/);
  // Due since the invitation had waited 14 days (the default pending_days).
  assert.match(annText, /Due since /);
  assert.match(annText, /Invitation pending\b/);
  assert.match(annText, /Last contact: 8 days ago/);
  // Withdraw: LinkedIn's sent invitations, the row named by the marker the content script reads.
  const withdraw = ann.locator('a[data-action="withdraw"]');
  assert.equal(await withdraw.innerText(), 'Withdraw on LinkedIn');
  assert.equal(await withdraw.getAttribute('href'),
    `https://www.linkedin.com/mynetwork/invitation-manager/sent/#rapport-withdraw=${encodeURIComponent('https://www.linkedin.com/in/ann-pending/')}`);
  assert.equal(await withdraw.getAttribute('target'), '_blank');
  // Follow up: the sent note at hand, folded until asked for.
  const box = ann.locator('.follow-up');
  assert.equal(await box.isVisible(), false);
  await ann.locator('button[data-action="follow-up"]').click();
  assert.equal(await box.isVisible(), true);
  assert.match(await box.innerText(), /tide tables at the harbour museum/);
  assert.equal(await ann.locator('button[data-action="follow-up"]').getAttribute('aria-expanded'), 'true');

  const bob = popupItem(page, BOB);
  assert.equal(await bob.getAttribute('data-reasons'), 'follow_up');
  assert.equal(await bob.getAttribute('data-outcome'), 'accepted');
  const bobText = await bob.innerText();
  assert.match(bobText, /Due since [^\n]+\n+Follow-up due\n/);
  assert.match(bobText, /Invitation accepted/);
  assert.match(bobText, /Last contact: 3 days ago/);
  assert.equal(await bob.locator('a[data-action="withdraw"]').count(), 0, 'nothing to withdraw once accepted');

  const cat = popupItem(page, CAT);
  assert.equal(await cat.getAttribute('data-status'), 'upcoming');
  assert.equal(await cat.getAttribute('data-outcome'), 'withdrawn');
  assert.match(await cat.innerText(), /Invitation withdrawn/);

  // The allowance line: one personalised note this month? Ann's was 16 days ago, so it
  // depends on the date; the line names the allowance of a free account either way.
  assert.match(await page.locator('#month').innerText(), /^Personalised notes this month: \d+ of 5$/);
  assert.deepEqual(errors, []);
  await page.close();
});

it('done on a pending invitation puts it away; the rhythm picker sets and keeps a rhythm', async () => {
  const { page, errors } = await extensionPage(env, 'popup');
  const ann = popupItem(page, ANN);
  await ann.locator('button[data-action="done"]').click();
  await storedContact(env, ANN, (c) => c.done_at > now);
  await page.waitForFunction((key) => document.querySelector(`li.item[data-key="${key}"]`)?.dataset.status !== 'due', ANN);
  await badgeIs(env, '1');

  const bob = popupItem(page, BOB);
  const picker = bob.locator('select[data-action="rhythm"]');
  assert.equal(await picker.inputValue(), 'once');
  assert.equal(await page.locator(`label[for="${await picker.getAttribute('id')}"]`).textContent(), 'Follow up (Bob Accepted)');
  await picker.selectOption('weeks:2');
  // The engine's setRhythm: every 14 days, the next one 14 days after the last contact.
  const c = await storedContact(env, BOB, (x) => x.cadence_days === 14);
  assert.equal(c.follow_up_at, c.last_interaction_at + 14 * DAY);
  await page.waitForFunction((key) => document.querySelector(`li.item[data-key="${key}"]`)?.dataset.status === 'upcoming', BOB);
  assert.equal(await popupItem(page, BOB).locator('select[data-action="rhythm"]').inputValue(), 'weeks:2');
  // It stays across a reopened popup.
  await page.close();
  const again = await extensionPage(env, 'popup');
  assert.equal(await popupItem(again.page, BOB).locator('select[data-action="rhythm"]').inputValue(), 'weeks:2');
  await popupItem(again.page, BOB).locator('select[data-action="rhythm"]').selectOption('months:3');
  await storedContact(env, BOB, (x) => x.cadence_days === 90);
  await popupItem(again.page, BOB).locator('select[data-action="rhythm"]').selectOption('once');
  const once = await storedContact(env, BOB, (x) => x.cadence_days === null);
  assert.equal(once.follow_up_at, c.last_interaction_at + 90 * DAY, 'once keeps the date as it is');
  assert.deepEqual([...errors, ...again.errors], []);
  await again.page.close();
});

it('a contact-edit with a bad rhythm is refused with a message', async () => {
  const { page } = await extensionPage(env, 'popup');
  for (const rhythm of ['weekly', { weeks: -1 }, { weeks: 1.5 }, { fortnights: 1 }, { weeks: 1, days: 2 }]) {
    const answer = await message(page, { kind: 'contact-edit', key: BOB, edit: { rhythm } });
    assert.equal(answer.ok, false, JSON.stringify(rhythm));
    assert.match(answer.error, /rhythm must be/);
  }
  await page.close();
});

it('when the worker starts it expires invitations pending past expire_days, writing only those', async () => {
  const { page } = await extensionPage(env, 'popup');
  const t = Date.now();
  await seed(env, items(contact({ slug: 'dan-old', name: 'Dan Old', invited: t - 30 * DAY, followUp: t - 23 * DAY, note: 'Hi Dan' })));
  const before = await stored(env);
  assert.equal(before[`contact:${DAN}`].status, 'pending');
  await restartWorker(page);
  const dan = await storedContact(env, DAN, (c) => c.status === 'expired', 10_000);
  // It expired 21 days (the default) after it was sent.
  assert.equal(dan.status_at, dan.invited_at + 21 * DAY);
  const after = await stored(env);
  for (const key of [ANN, BOB, CAT]) assert.deepEqual(after[`contact:${key}`], before[`contact:${key}`], `${key} untouched`);
  const view = await message(page, { kind: 'followup-view' });
  assert.equal(view.standing[DAN].status, 'expired');
  await page.close();
});

it('schema 1 contacts are written back migrated when the worker starts', async () => {
  const { page } = await extensionPage(env, 'popup');
  const t = Date.now();
  const old = {
    key: EVE, url: 'https://www.linkedin.com/in/eve-schema-one/', name: 'Eve Schema-One', headline: null, company: null,
    invited_at: t - 2 * DAY, note_sent: 'Hi Eve, your map of the old tram lines is wonderful.', notes: 'kept', follow_up_at: t + 5 * DAY,
    done_at: null, updated: t - 2 * DAY, schema: 1,
  };
  await seed(env, { schema_version: 1, [`contact:${EVE}`]: old });
  await restartWorker(page);
  const eve = await storedContact(env, EVE, (c) => c.schema === 2, 10_000);
  // Nothing lost; pending since it was sent; its note unscored.
  for (const k of Object.keys(old)) if (k !== 'schema') assert.deepEqual(eve[k], old[k], k);
  assert.equal(eve.status, 'pending');
  assert.equal(eve.status_at, old.invited_at);
  assert.equal(eve.note_score, null);
  assert.equal((await stored(env)).schema_version, 2);
  await page.close();
});

it('the options page sets the pending, expiry, Premium and allowance settings, refusing bad values with a message', async () => {
  const { page, errors } = await extensionPage(env, 'options');
  assert.equal(await page.locator('#pending-days').inputValue(), '14');
  assert.equal(await page.locator('#expire-days').inputValue(), '21');
  assert.equal(await page.locator('#monthly-notes').inputValue(), '5');
  assert.equal(await page.locator('#premium').isChecked(), false);
  for (const [id, bad, said] of [
    ['#pending-days', '-3', /Not saved: the reminder is a whole number of days from 0 to 3650 \(still 14\)/],
    ['#expire-days', '4000', /Not saved: the expiry is a whole number of days from 0 to 3650 \(still 21\)/],
    ['#monthly-notes', '2.5', /Not saved: the allowance is a whole number of notes from 0 to 1000 \(still 5\)/],
  ]) {
    await page.locator(id).fill(bad);
    await page.locator(id).dispatchEvent('change');
    const error = page.locator(`${id}-error`);
    await error.waitFor();
    assert.match(await error.innerText(), said);
    assert.equal(await page.locator(id).getAttribute('aria-invalid'), 'true');
  }
  let s = (await stored(env)).settings ?? {};
  assert.equal(s.pending_days ?? 14, 14);
  assert.equal(s.expire_days ?? 21, 21);
  await page.locator('#pending-days').fill('10');
  await page.locator('#pending-days').dispatchEvent('change');
  await page.locator('#status', { hasText: 'reminded after 10 days: saved' }).waitFor();
  assert.equal(await page.locator('#pending-days-error').isVisible(), false);
  await page.locator('#expire-days').fill('30');
  await page.locator('#expire-days').dispatchEvent('change');
  await page.locator('#status', { hasText: 'expire after 30 days: saved' }).waitFor();
  await page.locator('#monthly-notes').fill('3');
  await page.locator('#monthly-notes').dispatchEvent('change');
  await page.locator('#status', { hasText: 'Personalised notes a month: 3: saved' }).waitFor();
  await page.locator('#premium').check();
  await page.locator('#status', { hasText: 'Premium' }).waitFor();
  assert.equal(await page.locator('#monthly-notes').isDisabled(), true, 'no allowance to set with Premium');
  s = (await stored(env)).settings;
  assert.deepEqual([s.pending_days, s.expire_days, s.monthly_notes, s.premium], [10, 30, 3, true]);
  // The popup counts without a limit now.
  const popup = await extensionPage(env, 'popup');
  assert.match(await popup.page.locator('#month').innerText(), /no monthly limit/);
  await popup.page.close();
  await page.locator('#premium').uncheck();
  await page.locator('#status', { hasText: 'Free account' }).waitFor();
  for (const [id, v] of [['#pending-days', '14'], ['#expire-days', '21'], ['#monthly-notes', '5']]) {
    await page.locator(id).fill(v);
    await page.locator(id).dispatchEvent('change');
  }
  await until(page, async () => {
    const { settings: x } = await chrome.storage.local.get('settings');
    return x.pending_days === 14 && x.expire_days === 21 && x.monthly_notes === 5;
  });
  assert.deepEqual(errors, []);
  await page.close();
});

/** The Wilson 95% interval, written here again from its formula (not the engine's code). */
function wilson(k, n) {
  const z = 1.959964;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

it('the insights page draws the rates of a seeded store with their intervals, and too early to tell under 20', async () => {
  await chrome_clear();
  const t = Date.now();
  const people = [];
  // 25 notes scoring 70 or more: 15 accepted, 10 expired. 6 notes scoring under 40: 1 accepted, 5 withdrawn.
  // 8 blank invitations: 2 accepted, 6 expired. Different notes each, so no template.
  const words = ['harbour', 'tram', 'glacier', 'violin', 'orchard', 'lighthouse', 'comet', 'quarry', 'bakery', 'ferry'];
  const note = (i) => `Hi P${i}, your ${words[i % 10]} study number ${i} and the ${words[(i * 7 + 3) % 10]} survey ${i * 13} caught my eye`;
  const add = (i, status, score, withNote) => people.push({
    ...contact({ slug: `p-${i}`, name: `Person ${i}`, invited: t - 40 * DAY, note: withNote ? note(i) : null }),
    status, status_at: t - 30 * DAY, note_score: withNote ? score : null,
  });
  let i = 0;
  for (let k = 0; k < 15; k++) add(i++, 'accepted', 80, true);
  for (let k = 0; k < 10; k++) add(i++, 'expired', 75, true);
  add(i++, 'accepted', 20, true);
  for (let k = 0; k < 5; k++) add(i++, 'withdrawn', 30, true);
  for (let k = 0; k < 2; k++) add(i++, 'accepted', null, false);
  for (let k = 0; k < 6; k++) add(i++, 'expired', null, false);
  await seed(env, items(...people));
  const { page, errors } = await extensionPage(env, 'popup');
  // The popup opens the page.
  const [insights] = await Promise.all([env.ctx.waitForEvent('page'), page.locator('#open-insights').click()]);
  await insights.waitForFunction(() => ['ready', 'empty', 'error'].includes(document.getElementById('main')?.dataset.state));
  const pageErrors = [];
  insights.on('pageerror', (e) => pageErrors.push(e.message));
  assert.equal(await insights.locator('#main').getAttribute('data-state'), 'ready');
  assert.equal(new URL(insights.url()).pathname, '/extension/pages/insights.html');
  // Overall: 18 of 39 accepted.
  assert.match(await insights.locator('#overall-text').innerText(), /^39 invitations: 46% accepted \(95% interval \d+%–\d+%\), 18 of 39 decided invitations/);

  const group = (table, key) => insights.locator(`section[data-table="${table}"] svg[data-chart] g[data-group="${key}"]`);
  const expect = async (table, key, k, n, early) => {
    const g = group(table, key);
    assert.equal(Number(await g.getAttribute('data-rate')), k / n, `${table}/${key} rate`);
    const [lo, hi] = wilson(k, n);
    assert.ok(Math.abs(Number(await g.getAttribute('data-low')) - lo) < 1e-6, `${table}/${key} low`);
    assert.ok(Math.abs(Number(await g.getAttribute('data-high')) - hi) < 1e-6, `${table}/${key} high`);
    assert.equal(await g.getAttribute('data-too-early'), early ? '' : null, `${table}/${key} too early`);
    assert.equal(await g.locator('text.early-text').count(), early ? 1 : 0);
    // The bar is as long as the rate, and the whisker spans the interval, on the same scale.
    const bar = await g.locator('rect.bar').boundingBox();
    const ends = await g.locator('line.whisker').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect()));
    const full = await insights.locator(`section[data-table="${table}"] line.grid`).evaluateAll((ls) => {
      const xs = ls.map((l) => l.getBoundingClientRect().x);
      return [Math.min(...xs), Math.max(...xs)];
    });
    const scale = full[1] - full[0];
    assert.ok(Math.abs(bar.width - (k / n) * scale) < 2, `${table}/${key} bar width`);
    assert.ok(Math.abs(ends[0].x - (full[0] + lo * scale)) < 2 && Math.abs(ends[0].right - (full[0] + hi * scale)) < 2, `${table}/${key} whisker`);
  };
  await expect('score_band', '70-100', 15, 25, false);
  await expect('score_band', '0-39', 1, 6, true);
  await expect('note', 'note', 16, 31, false);
  await expect('note', 'no_note', 2, 8, true);
  // The 40-69 band has no invitations: no bar, no whisker.
  assert.equal(await group('score_band', '40-69').locator('rect').count(), 0);
  // The chart's accessible name and description; the table has the same numbers.
  const chart = insights.locator('section[data-table="score_band"] svg[data-chart]');
  assert.equal(await chart.getAttribute('role'), 'img');
  const desc = await chart.locator('desc').textContent();
  assert.match(desc, /≥ 70: 60% accepted \(95% interval 41%–77%\), 15 of 25 decided invitations\./);
  assert.match(desc, /< 40: 17% accepted .*too early to tell\./);
  await insights.locator('section[data-table="score_band"] summary').click();
  const row = insights.locator('section[data-table="score_band"] table tr[data-group="70-100"]');
  assert.equal((await row.innerText()).replace(/\s+/g, ' ').trim(), '≥ 70 25 15 10 0 60% 41%–77%');
  assert.match(await insights.locator('section[data-table="score_band"] table tr[data-group="0-39"]').innerText(), /too early to tell/);

  for (const scheme of ['light', 'dark']) {
    await insights.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(insights), [], scheme);
    // The bars take the palette's colour of the scheme.
    const fill = await group('score_band', '70-100').locator('rect.bar').evaluate((r) => getComputedStyle(r).fill);
    assert.equal(fill, scheme === 'light' ? 'rgb(10, 102, 194)' : 'rgb(112, 181, 249)');
  }
  assert.deepEqual([...errors, ...pageErrors], []);
  await insights.close();
  await page.close();
});

it('an empty store says so on the insights page', async () => {
  await chrome_clear();
  const { page } = await open(env.ctx, `chrome-extension://${env.extensionId}/extension/pages/insights.html`);
  await page.waitForFunction(() => document.getElementById('main')?.dataset.state === 'empty');
  assert.match(await page.locator('#overall-text').innerText(), /No invitation with a known outcome yet/);
  await page.close();
});

/** Empties the store (through the worker's delete-all, as the options page does). */
async function chrome_clear() {
  await worker(env.ctx).evaluate(() => chrome.storage.local.clear());
}
