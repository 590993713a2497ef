// Follow-ups, end to end in real Chromium with the real extension: an invitation sent on
// the LinkedIn-like page becomes a contact in the popup; the badge counts what is due (also
// when an alarm makes it due); done and snooze from the popup; the profile panel edits;
// concurrent writes from two tabs; the repetition guard and the month counter in the
// note panel. Tests run in order and build on each other's contacts.

import assert from 'node:assert/strict';
import { browserSuite, open, openInviteNote, panel } from './harness.mjs';
import {
  DAY, SEND, badgeIs, badgeText, extensionPage, message, popupItem, storedContact, worker,
} from './followup-helpers.mjs';

const JOHN = 'https://www.linkedin.com/in/john-okafor/';
const JOHN_KEY = 'linkedin.com/in/john-okafor';
const SARAH_KEY = 'linkedin.com/in/sarah-chen';
const MARIA_KEY = 'linkedin.com/in/maria-garcia';
const PROFILE = 'rapport-profile';

const { env, it } = browserSuite('followup');

it('an invitation sent on the profile page is recorded and shows in the popup with its note', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  assert.equal(await page.locator(PROFILE).count(), 0, 'no panel for someone Rapport does not know');
  const area = await openInviteNote(page);
  const note = 'Hi John, your RustConf talk on wasm tooling at Acme was great. I am building a similar compiler at Beta; open to a chat?';
  await area.fill(note);
  await page.locator(SEND).click();
  // LinkedIn's own send went through, untouched.
  await page.locator('#sent[data-sent]').waitFor();
  assert.equal(await page.locator('#sent').innerText(), note);

  const c = await storedContact(env, JOHN_KEY);
  assert.equal(c.name, 'John Okafor');
  assert.equal(c.headline, 'Staff Engineer at Acme | Rust, WebAssembly');
  assert.equal(c.company, 'Acme');
  assert.equal(c.note_sent, note);
  assert.ok(Math.abs(c.invited_at - Date.now()) < 60_000);
  assert.equal(c.follow_up_at - c.invited_at, 7 * DAY, 'follow-up after the default 7 days');

  // Now that Rapport knows John, his profile shows the panel with the note sent.
  const profile = page.locator(`${PROFILE}[data-rapport-contact="${JOHN_KEY}"]`);
  await profile.waitFor();
  assert.equal(await profile.getAttribute('data-rapport-status'), 'upcoming');
  // Collapsed to one line at first (it must not cover the profile); it opens on request.
  assert.equal(await page.locator(`${PROFILE} .body`).isVisible(), false);
  assert.match(await page.locator(`${PROFILE} .card`).innerText(), /John Okafor\s+Follow up on /);
  await page.locator(`${PROFILE} .collapse`).click();
  const text = await page.locator(`${PROFILE} .card`).innerText();
  assert.match(text, /You invited John Okafor on .* with this note/);
  assert.ok(text.includes(note));
  assert.match(text, /Follow up on /);

  const popup = await extensionPage(env, 'popup');
  const item = popupItem(popup.page, JOHN_KEY);
  await item.waitFor();
  assert.equal(await item.getAttribute('data-status'), 'upcoming');
  assert.ok((await item.innerText()).includes(note));
  const link = item.locator('a.name');
  assert.equal(await link.innerText(), 'John Okafor');
  assert.equal(await link.getAttribute('href'), JOHN);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await popup.page.locator('#month').innerText(), /Personalised notes this month: 1\b/);
  assert.equal(await badgeText(env), '', 'nothing due yet');
  assert.deepEqual([...errors, ...popup.errors], []);
  await popup.page.close();
  await page.close();
});

it('"Send without a note" from a sidebar Connect records that person, without a note', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  await page.locator('aside button[aria-label="Invite Sarah Chen to connect"]').click();
  await page.locator('#interop-outlet button[aria-label="Send without a note"]').click();
  await page.locator('#sent[data-sent]').waitFor();
  const c = await storedContact(env, SARAH_KEY);
  assert.equal(c.name, 'Sarah Chen');
  assert.equal(c.note_sent, null);
  assert.equal(c.url, 'https://www.linkedin.com/in/sarah-chen/');
  // John's own record is untouched.
  assert.match((await storedContact(env, JOHN_KEY)).note_sent, /^Hi John/);
  assert.deepEqual(errors, []);
  await page.close();
});

it('the older light-DOM modal (Italian labels) is recorded too', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/maria-garcia/?fixture=legacy');
  await page.locator('#connect').click();
  await page.locator('[aria-label="Aggiungi una nota"]').click();
  const note = 'Ciao Maria, ho letto il tuo articolo sui data contract alla Fabbrica Digitale. Ti va di parlarne?';
  await page.locator('textarea#custom-message').fill(note);
  await page.locator('#send-now').click();
  assert.equal(await page.locator('#sent').innerText(), note);
  const c = await storedContact(env, MARIA_KEY);
  assert.equal(c.name, 'Maria García');
  assert.equal(c.note_sent, note);
  assert.deepEqual(errors, []);
  await page.close();
});

it('a due follow-up shows as "1" on the badge; done clears it, snooze moves it to upcoming', async () => {
  const popup = await extensionPage(env, 'popup');
  const p = popup.page;
  // As if a week had passed: the follow-up's time is in the past.
  const edit = (e) => message(p, { kind: 'contact-edit', key: JOHN_KEY, edit: e });
  assert.equal((await edit({ follow_up_at: Date.now() - 60_000 })).ok, true);
  await badgeIs(env, '1');
  const item = popupItem(p, JOHN_KEY);
  await p.locator(`.group-due li.item[data-key="${JOHN_KEY}"]`).waitFor();
  assert.equal(await item.getAttribute('data-status'), 'due');
  assert.match(await item.locator('.when').innerText(), /^Due since/);

  await item.locator('[data-action="done"]').click();
  await badgeIs(env, '');
  const done = await storedContact(env, JOHN_KEY, (c) => c.follow_up_at === null);
  assert.ok(done.done_at > 0);
  await p.locator(`li.item[data-key="${JOHN_KEY}"]`).waitFor({ state: 'detached' });
  // Keyboard focus stayed in the popup: on Done's Undo, since the item left the list.
  await p.waitForFunction(() => document.activeElement?.dataset.action === 'undo');
  // Done says so, with an Undo that brings the follow-up back.
  assert.match(await p.locator('#undo').innerText(), /Follow-up with John Okafor marked done/);
  await p.locator('#undo [data-action="undo"]').click();
  await p.locator(`.group-due li.item[data-key="${JOHN_KEY}"]`).waitFor();
  await badgeIs(env, '1');

  // Due again; "+1 day" from the popup moves it to Upcoming and the badge clears.
  await edit({ follow_up_at: Date.now() - 1000 });
  await badgeIs(env, '1');
  await p.locator(`.group-due li.item[data-key="${JOHN_KEY}"] [data-action="snooze-day"]`).click();
  await p.locator(`.group-upcoming li.item[data-key="${JOHN_KEY}"]`).waitFor();
  await badgeIs(env, '');
  const snoozed = await storedContact(env, JOHN_KEY, (c) => c.follow_up_at > Date.now());
  assert.ok(Math.abs(snoozed.follow_up_at - (Date.now() + DAY)) < 60_000, 'one day from now');

  // A chosen date: local midnight of that day.
  const date = popupItem(p, JOHN_KEY).locator('input[type="date"]');
  await date.fill('2031-05-04');
  const midnight = await p.evaluate(() => new Date(2031, 4, 4).getTime());
  await storedContact(env, JOHN_KEY, (c) => c.follow_up_at === midnight);
  assert.deepEqual(popup.errors, []);
  await p.close();
});

it('the alarm updates the badge when a follow-up falls due, with no page open', async () => {
  const popup = await extensionPage(env, 'popup');
  const at = Date.now() + 1500;
  await message(popup.page, { kind: 'contact-edit', key: SARAH_KEY, edit: { follow_up_at: at } });
  await popup.page.close();
  // The alarm is set for the next follow-up (the badge is redrawn just after the write).
  await worker(env.ctx).evaluate(async (t) => {
    for (let i = 0; i < 100 && (await chrome.alarms.get('rapport-follow-up-due'))?.scheduledTime !== t; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }, at);
  const alarm = await worker(env.ctx).evaluate(() => chrome.alarms.get('rapport-follow-up-due'));
  assert.equal(alarm?.scheduledTime, at, 'the alarm is set for the next follow-up');
  assert.equal(await badgeText(env), '');
  await badgeIs(env, '1', 8000);
  // Back to where it was, for the tests that follow.
  const again = await extensionPage(env, 'popup');
  await message(again.page, { kind: 'contact-edit', key: SARAH_KEY, edit: { snooze: { days: 7 } } });
  await badgeIs(env, '');
  await again.page.close();
});

it('the profile panel edits notes (blur, Ctrl+Enter), the follow-up date, done and snooze', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  const host = page.locator(`${PROFILE}[data-rapport-contact="${JOHN_KEY}"]`);
  await host.waitFor();
  await page.locator(`${PROFILE} .collapse`).click();
  const notes = page.locator(`${PROFILE} textarea`);
  await notes.fill('Met at RustConf; ask about the Beta compiler.');
  await page.locator('#about').click(); // blur saves
  await storedContact(env, JOHN_KEY, (c) => c.notes === 'Met at RustConf; ask about the Beta compiler.');
  await notes.fill('Met at RustConf; send the benchmark.');
  await notes.press('Control+Enter');
  await storedContact(env, JOHN_KEY, (c) => c.notes === 'Met at RustConf; send the benchmark.');
  await page.waitForFunction(() => /Notes saved/.test(document.querySelector('rapport-profile').shadowRoot.textContent));

  const planned = (await storedContact(env, JOHN_KEY)).follow_up_at;
  await page.locator(`${PROFILE} [data-action="done"]`).click();
  await page.waitForFunction(() => document.querySelector('rapport-profile').dataset.rapportStatus === 'done');
  assert.equal((await storedContact(env, JOHN_KEY)).follow_up_at, null);
  // Done can be undone: the follow-up comes back as it was.
  assert.match(await page.locator(`${PROFILE} .state`).innerText(), /Follow-up with John Okafor marked done/);
  await page.locator(`${PROFILE} [data-action="undo"]`).click();
  await storedContact(env, JOHN_KEY, (c) => c.follow_up_at === planned);
  await page.waitForFunction(() => document.querySelector('rapport-profile').dataset.rapportStatus !== 'done');
  await page.locator(`${PROFILE} [data-action="done"]`).click();
  await page.waitForFunction(() => document.querySelector('rapport-profile').dataset.rapportStatus === 'done');
  await page.locator(`${PROFILE} [data-action="snooze-week"]`).click();
  await page.waitForFunction(() => document.querySelector('rapport-profile').dataset.rapportStatus === 'upcoming');
  const week = await storedContact(env, JOHN_KEY);
  assert.ok(Math.abs(week.follow_up_at - (Date.now() + 7 * DAY)) < 60_000);
  await page.locator(`${PROFILE} input[type="date"]`).fill('2030-01-15');
  const midnight = await page.evaluate(() => new Date(2030, 0, 15).getTime());
  await storedContact(env, JOHN_KEY, (c) => c.follow_up_at === midnight);
  await page.locator(`${PROFILE} [data-action="clear"]`).click();
  await storedContact(env, JOHN_KEY, (c) => c.follow_up_at === null);
  await page.waitForFunction(() => document.querySelector('rapport-profile').dataset.rapportStatus === 'done');

  // The panel collapses to one line and steps aside while an invitation dialog is open.
  await page.locator(`${PROFILE} .collapse`).click();
  assert.equal(await page.locator(`${PROFILE} .body`).isVisible(), false);
  await openInviteNote(page);
  await panel(page).waitFor();
  await host.waitFor({ state: 'hidden' });
  await page.locator('#interop-outlet button[aria-label="Dismiss"]').click();
  await host.waitFor({ state: 'visible' });
  assert.deepEqual(errors, []);
  await page.close();
});

it('two tabs writing notes at the same moment keep both; quick writes to one contact land in order', async () => {
  const a = await open(env.ctx, JOHN);
  const b = await open(env.ctx, 'https://www.linkedin.com/in/sarah-chen/');
  await a.page.locator(`${PROFILE}[data-rapport-contact="${JOHN_KEY}"]`).waitFor();
  await b.page.locator(`${PROFILE}[data-rapport-contact="${SARAH_KEY}"]`).waitFor();
  for (const t of [a, b]) await t.page.locator(`${PROFILE} .collapse`).click();
  await a.page.locator(`${PROFILE} textarea`).fill('John: tab A');
  await b.page.locator(`${PROFILE} textarea`).fill('Sarah: tab B');
  await Promise.all([
    a.page.locator(`${PROFILE} textarea`).press('Control+Enter'),
    b.page.locator(`${PROFILE} textarea`).press('Control+Enter'),
  ]);
  await storedContact(env, JOHN_KEY, (c) => c.notes === 'John: tab A');
  await storedContact(env, SARAH_KEY, (c) => c.notes === 'Sarah: tab B');

  // Two extension pages fire edits at once, several to the same contact, none awaited:
  // each lands on top of the one before (no lost update), in the order sent.
  const p1 = await extensionPage(env, 'popup');
  const p2 = await extensionPage(env, 'popup');
  const burst = (page, key, tag) => page.evaluate(([k, t]) => {
    const edit = (e) => chrome.runtime.sendMessage({ kind: 'contact-edit', key: k, edit: e });
    return Promise.all([
      edit({ notes: `${t} 1` }),
      edit({ follow_up_at: 1_900_000_000_000 }),
      edit({ notes: `${t} 2` }),
      edit({ snooze: { until: 1_950_000_000_000 } }),
      edit({ notes: `${t} 3` }),
    ]);
  }, [key, tag]);
  const [r1, r2] = await Promise.all([burst(p1.page, JOHN_KEY, 'john'), burst(p2.page, SARAH_KEY, 'sarah')]);
  assert.ok([...r1, ...r2].every((r) => r.ok), JSON.stringify([...r1, ...r2].filter((r) => !r.ok)));
  const updates = r1.map((r) => r.contact.updated);
  assert.deepEqual(updates, [...updates].sort((x, y) => x - y), 'applied in the order sent');
  assert.equal(new Set(updates).size, updates.length);
  assert.equal(r1[1].contact.notes, 'john 1', 'the second edit saw the first');
  const john = await storedContact(env, JOHN_KEY);
  const sarah = await storedContact(env, SARAH_KEY);
  assert.deepEqual([john.notes, john.follow_up_at], ['john 3', 1_950_000_000_000]);
  assert.deepEqual([sarah.notes, sarah.follow_up_at], ['sarah 3', 1_950_000_000_000]);
  assert.match(john.note_sent, /^Hi John/, 'the invitation survived every edit');
  // The panels in the LinkedIn tabs follow the stored contacts.
  await a.page.waitForFunction(() => document.querySelector('rapport-profile').shadowRoot.querySelector('textarea').value === 'john 3');
  assert.deepEqual([...a.errors, ...b.errors, ...p1.errors, ...p2.errors], []);
  for (const p of [a.page, b.page, p1.page, p2.page]) await p.close();
});

it('the note panel warns when nearly the same note went to 3 others, and counts this month\'s notes', async () => {
  const popup = await extensionPage(env, 'popup');
  const template = (name) => `Hi ${name}, I came across your profile and would love to connect and learn more about your work.`;
  const send = (slug, name) => message(popup.page, {
    kind: 'record-invitation',
    invite: { url: `https://www.linkedin.com/in/${slug}/`, name, note: template(name.split(' ')[0]) },
  });
  for (const [slug, name] of [['ann-lee', 'Ann Lee'], ['ben-ross', 'Ben Ross']]) assert.equal((await send(slug, name)).ok, true);

  const { page, errors } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  const host = panel(page);
  await area.fill(template('John'));
  await page.waitForFunction(() => document.querySelector('rapport-panel')?.hasAttribute('data-rapport-month'));
  assert.equal(await host.getAttribute('data-rapport-repeat'), null, 'two others is not yet a template');
  // John (with a note), Maria, Ann, Ben: four personalised notes this month (Sarah had none).
  assert.equal(await host.getAttribute('data-rapport-month'), '4');
  assert.match(await page.locator('rapport-panel .guard').innerText(), /Personalised notes this month: 4/);

  assert.equal((await send('cy-young', 'Cy Young')).ok, true);
  await area.fill('');
  await area.fill(template('John'));
  await page.waitForFunction(() => document.querySelector('rapport-panel')?.getAttribute('data-rapport-repeat') === '3');
  const guard = await page.locator('rapport-panel .guard').innerText();
  assert.match(guard, /Nearly the same note went to 3 people — identical notes look automated/);
  assert.match(guard, /Ann Lee|Ben Ross|Cy Young/);
  assert.match(guard, /Personalised notes this month: 5/);
  // A personal note is not flagged.
  await area.fill('Hi John, your RustConf talk on wasm tooling at Acme was great; the part on linking saved me a week.');
  await page.waitForFunction(() => !document.querySelector('rapport-panel')?.hasAttribute('data-rapport-repeat'));
  assert.deepEqual([...errors, ...popup.errors], []);
  await page.close();
  await popup.page.close();
});

it('"Add a note about <name>" in the popup for a profile Rapport does not know opens the panel there', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/dana-scully/');
  await page.evaluate(() => {
    document.querySelector('#profile-name').textContent = 'Dana Scully';
  });
  await page.bringToFront();
  await page.waitForTimeout(100);
  assert.equal(await page.locator(PROFILE).isVisible().catch(() => false), false);
  const popup = await extensionPage(env, 'popup');
  const add = popup.page.locator('[data-action="add-here"]');
  await add.waitFor();
  assert.equal(await add.innerText(), 'Add a note about Dana Scully');
  await add.click();
  const c = await storedContact(env, 'linkedin.com/in/dana-scully');
  assert.deepEqual([c.name, c.invited_at, c.follow_up_at], ['Dana Scully', null, null]);
  await page.locator(`${PROFILE}[data-rapport-contact="linkedin.com/in/dana-scully"]`).waitFor();
  // The storage change can draw the panel before the popup's "open" message focuses it.
  await page.waitForFunction(() => document.querySelector('rapport-profile')?.shadowRoot.activeElement?.tagName === 'TEXTAREA', null, { timeout: 5000 });
  assert.match(await page.locator(`${PROFILE} .card`).innerText(), /No invitation recorded/);
  assert.deepEqual([...errors, ...popup.errors], []);
  await popup.page.close();
  await page.close();
});
