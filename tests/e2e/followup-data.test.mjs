// Follow-up data, end to end: realistic contacts in the popup and the options page (the
// README's screenshots), export then import into a fresh browser profile, a malformed
// import that changes nothing, a hostile profile name shown as text, corrupt stored
// values, data from a newer version (read-only), a full storage quota, delete everything.

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { browserSuite, launch, open, openInviteNote, readmeShot, until } from './harness.mjs';
import {
  DAY, SEND, badgeIs, contact, contactsIn, extensionPage, items, message, popupItem, remove, seed, stored, storedContact,
} from './followup-helpers.mjs';

const HOSTILE = '<img src=x onerror=alert(1)>';

const { env, it } = browserSuite('followup-data');
let fresh;
after(async () => {
  await fresh?.close();
});

/** A few people someone might have invited over the last weeks. */
function realistic(now) {
  return [
    contact({
      slug: 'priya-raman', name: 'Priya Raman', headline: 'Engineering Manager at Northwind', company: 'Northwind',
      invited: now - 9 * DAY, followUp: now - 2 * DAY,
      note: 'Hi Priya, your post on running blameless incident reviews at Northwind changed how my team writes postmortems. Would you share how you keep them short?',
      notes: 'Accepted. Ask about their on-call rotation before the March offsite.',
    }),
    contact({
      slug: 'tomas-novak', name: 'Tomáš Novák', headline: 'Data Engineer at Fabrikam', company: 'Fabrikam',
      invited: now - 8 * DAY, followUp: now - DAY,
      note: 'Hi Tomáš, we met at the Prague dbt meetup; I enjoyed your lightning talk on data contracts. Happy to send you our schema-linting script.',
    }),
    contact({
      slug: 'amara-diallo', name: 'Amara Diallo', headline: 'Product Designer at Contoso', company: 'Contoso',
      invited: now - 3 * DAY, followUp: now + 4 * DAY,
      note: 'Hi Amara, your accessibility audit checklist is now pinned in our design channel. Would you be open to a short call about colour contrast in charts?',
    }),
    contact({
      slug: 'lena-fischer', name: 'Lena Fischer', headline: 'Founder at Kleinwerk', company: 'Kleinwerk',
      invited: now - 2 * DAY, followUp: now + 5 * DAY, note: null, notes: 'Sent without a note from the conference app; mention the Berlin panel.',
    }),
    contact({
      slug: 'kenji-watanabe', name: 'Kenji Watanabe', headline: 'Staff SRE at Tailspin', company: 'Tailspin',
      invited: now - 20 * DAY, done: now - 6 * DAY,
      note: 'Hi Kenji, thanks for the detailed answer on the SLO thread. I would love to compare notes on error budgets.',
    }),
  ];
}

it('the popup lists due then upcoming with realistic contacts (screenshots of the popup and options)', async () => {
  const now = Date.now();
  await seed(env, { ...items(...realistic(now)), settings: { follow_up_days: 7, limit: 200, notifications: false, disabled_rules: ['too-short'] } });
  await badgeIs(env, '2');
  const { page, errors } = await extensionPage(env, 'popup', { width: 420, height: 640 });
  await popupItem(page, 'linkedin.com/in/priya-raman').waitFor();
  const order = await page.locator('li.item').evaluateAll((els) => els.map((e) => `${e.closest('section').className}:${e.dataset.key.slice(16)}`));
  assert.deepEqual(order, [
    'group group-due:priya-raman', 'group group-due:tomas-novak',
    'group group-upcoming:amara-diallo', 'group group-upcoming:lena-fischer',
  ]);
  assert.match(await page.locator('.more').innerText(), /1 more contact has nothing planned/);
  assert.match(await page.locator('#month').innerText(), /Personalised notes this month: \d+/);
  await readmeShot(page, 'popup');
  // Light and dark, following the system.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(29, 34, 38)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Search covers names, headlines, notes and sent notes (accents ignored).
  await page.locator('#search').fill('tomas');
  await page.waitForFunction(() => document.getElementById('lists').dataset.state === 'results' && document.querySelectorAll('li.item').length === 1);
  assert.equal(await page.locator('li.item').getAttribute('data-key'), 'linkedin.com/in/tomas-novak');
  await page.locator('#search').fill('error budgets');
  await page.waitForFunction(() => document.querySelector('li.item')?.dataset.key === 'linkedin.com/in/kenji-watanabe');
  assert.equal(await page.locator('li.item').getAttribute('data-status'), 'done');
  await page.locator('#search').fill('zzz nobody');
  await page.waitForFunction(() => /No contact or note matches/.test(document.getElementById('lists').textContent));

  // Notes can be edited from the popup, from the keyboard.
  await page.locator('#search').fill('');
  await page.locator('#search').press('Escape');
  const priya = popupItem(page, 'linkedin.com/in/priya-raman');
  await priya.waitFor();
  await priya.locator('[data-action="edit-notes"]').focus();
  await page.keyboard.press('Enter');
  const area = priya.locator('textarea');
  await area.fill('Accepted. Ask about on-call.');
  await area.press('Control+Enter');
  await storedContact(env, 'linkedin.com/in/priya-raman', (c) => c.notes === 'Accepted. Ask about on-call.');
  await page.waitForFunction(() => !document.querySelector('li.item textarea'));

  const options = await extensionPage(env, 'options');
  const o = options.page;
  assert.equal(await o.locator('#follow-up-days').inputValue(), '7');
  assert.equal(await o.locator('input[name="limit"][value="200"]').isChecked(), true);
  assert.equal(await o.locator('input[data-rule="too-short"]').isChecked(), false);
  assert.equal(await o.locator('input[data-rule="wrong-name"]').isChecked(), true);
  assert.match(await o.locator('#data-count').innerText(), /keeps 5 contacts/);
  await o.setViewportSize({ width: 900, height: 700 });
  await readmeShot(o, 'options', { fullPage: true });

  // Settings changes go through the worker and are stored in the engine's shape.
  await o.locator('#follow-up-days').fill('3');
  await o.locator('#follow-up-days').press('Tab');
  await o.locator('input[name="limit"][value="300"]').check();
  await o.locator('input[data-rule="too-short"]').check();
  await o.waitForFunction(() => /saved/.test(document.getElementById('status').textContent));
  const end = Date.now() + 3000;
  let s;
  while (Date.now() < end) {
    s = (await stored(env)).settings;
    if (s.follow_up_days === 3 && s.limit === 300 && s.disabled_rules.length === 0) break;
    await o.waitForTimeout(50);
  }
  assert.deepEqual(s, {
    follow_up_days: 3, limit: 300, notifications: false, disabled_rules: [],
    pending_days: 14, expire_days: 21, premium: false, monthly_notes: 5,
  });
  // The saved message stays in view at the bottom of a long page.
  const shown = await o.locator('#status').boundingBox();
  assert.ok(shown.y >= 0 && shown.y + shown.height <= 700, `the status is on screen (y ${shown.y})`);

  // An invalid delay is not silently reverted: the field keeps it and says why beside it.
  await o.locator('#follow-up-days').fill('-3');
  await o.locator('#follow-up-days').press('Tab');
  await o.locator('#follow-up-days-error').waitFor();
  assert.match(await o.locator('#follow-up-days-error').innerText(), /Not saved: the delay is a whole number of days from 0 to 3650 \(still 3\)/);
  assert.equal(await o.locator('#follow-up-days').inputValue(), '-3');
  assert.equal(await o.locator('#follow-up-days').getAttribute('aria-invalid'), 'true');
  assert.equal((await stored(env)).settings.follow_up_days, 3);
  assert.deepEqual([...errors, ...options.errors], []);
  await page.close();
  await o.close();
});

it('export JSON and CSV, then import into a fresh profile reproduces the data', async () => {
  const { page: o, errors } = await extensionPage(env, 'options');
  const download = async (button) => {
    const [d] = await Promise.all([o.waitForEvent('download'), o.locator(button).click()]);
    return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
  };
  const json = await download('#export-json');
  assert.match(json.name, /^rapport-contacts-\d{4}-\d\d-\d\d\.json$/);
  const file = JSON.parse(json.text);
  assert.equal(file.format, 'rapport-followup');
  assert.equal(file.contacts.length, 5);
  const csv = await download('#export-csv');
  assert.match(csv.name, /\.csv$/);
  assert.ok(csv.text.startsWith('\uFEFFname,profile_url,headline,company,invited_at,note_sent,notes,follow_up_at,done_at,'
    + 'status,status_at,note_score,last_interaction_at,cadence_days,updated\r\n'));
  assert.ok(csv.text.includes('Tomáš Novák,https://www.linkedin.com/in/tomas-novak/'));
  await o.close();
  const before = await stored(env);

  fresh = await launch();
  const { page: f, errors: freshErrors } = await extensionPage(fresh, 'options');
  assert.match(await f.locator('#data-count').innerText(), /no contacts yet/);
  await f.locator('#import-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await f.locator('#import-result[data-state="preview"]').waitFor();
  assert.match(await f.locator('#import-result').innerText(), /will add 5 new contacts/);
  await f.locator('#import-settings').check();
  await f.locator('#import-apply').click();
  await f.locator('#import-result[data-state="done"]').waitFor();
  assert.match(await f.locator('#import-result').innerText(), /added 5 new contacts/);
  const after = await stored(fresh);
  assert.deepEqual(contactsIn(after), contactsIn(before));
  assert.deepEqual(after.settings, before.settings);
  await badgeIs(fresh, '2');

  // Importing the same file again changes nothing.
  await f.locator('#import-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await f.locator('#import-result[data-state="preview"]').waitFor();
  assert.match(await f.locator('#import-result').innerText(), /Nothing to import.*leave 5 contacts as they are/);
  assert.deepEqual([...errors, ...freshErrors], []);
  await fresh.close();
  fresh = null;
});

it('a malformed import is refused with a message naming the problem, and changes nothing', async () => {
  const { page: o, errors } = await extensionPage(env, 'options');
  const before = await stored(env);
  const tryImport = async (text) => {
    await o.locator('#import-file').setInputFiles({ name: 'contacts.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await o.locator('#import-result[data-state="error"]').waitFor();
    const shown = await o.locator('#import-result').innerText();
    await o.evaluate(() => delete document.getElementById('import-result').dataset.state);
    return shown;
  };
  const broken = await tryImport('{"format": "rapport-followup", "schema": 1, "contacts": [');
  assert.match(broken, /not imported, and nothing was changed/);
  assert.match(broken, /line 1, column \d+/);
  const badField = JSON.stringify({ format: 'rapport-followup', schema: 1, contacts: [
    contact({ slug: 'new-person', name: 'New', invited: Date.now() }),
    { ...contact({ slug: 'x', name: 'X' }), follow_up_at: 'next tuesday' },
  ] });
  assert.match(await tryImport(badField), /contacts\[1\]\.follow_up_at: expected a time/);
  assert.match(await tryImport('[1, 2, 3]'), /expected a Rapport export/);
  // A CSV export chosen by mistake: said in words, not as a parser's complaint.
  await o.locator('#import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('name,profile_url\r\nA,https://www.linkedin.com/in/a/\r\n') });
  await o.locator('#import-result[data-state="error"]').waitFor();
  const csvShown = await o.locator('#import-result').innerText();
  assert.match(csvShown, /This is a CSV file\. Rapport imports the JSON file that “Export JSON” makes/);
  assert.doesNotMatch(csvShown, /expected ident|column/);
  assert.deepEqual(await stored(env), before, 'nothing changed');
  assert.deepEqual(errors, []);
  await o.close();
});

it('a hostile profile name is shown literally in the popup and the profile panel', async () => {
  const dialogs = [];
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/mallory/');
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.evaluate((name) => {
    document.querySelector('#profile-name').textContent = name;
    document.querySelector('#ember42').setAttribute('aria-label', `Invite ${name} to connect`);
  }, HOSTILE);
  const area = await openInviteNote(page);
  await area.fill(`Hi there, "quotes" & <b>tags</b> stay text too.`);
  await page.locator(SEND).click();
  const c = await storedContact(env, 'linkedin.com/in/mallory');
  assert.equal(c.name, HOSTILE);

  const panelHost = page.locator('rapport-profile[data-rapport-contact="linkedin.com/in/mallory"]');
  await panelHost.waitFor();
  await page.locator('rapport-profile .collapse').click();
  assert.equal(await page.locator('rapport-profile .title').innerText(), HOSTILE);
  assert.ok((await page.locator('rapport-profile .card').innerText()).includes('<b>tags</b>'));
  assert.equal(await page.evaluate(() => document.querySelector('rapport-profile').shadowRoot.querySelectorAll('img, b').length), 0);

  const popup = await extensionPage(env, 'popup');
  await popup.page.locator('#search').fill('mallory');
  const item = popupItem(popup.page, 'linkedin.com/in/mallory');
  await item.waitFor();
  assert.equal(await item.locator('a.name').innerText(), HOSTILE);
  assert.equal(await popup.page.locator('#lists img, #lists b').count(), 0);
  assert.ok((await item.innerText()).includes('<b>tags</b>'));
  await popup.page.waitForTimeout(100);
  assert.deepEqual(dialogs, [], 'no script ran');
  assert.deepEqual([...errors, ...popup.errors], []);
  await popup.page.close();
  await page.close();
});

it('corrupt values are skipped with a warning and never break the popup', async () => {
  await seed(env, {
    'contact:linkedin.com/in/broken': 'not a contact',
    'contact:linkedin.com/in/wrong-type': { ...contact({ slug: 'wrong-type', name: 'W' }), follow_up_at: 'tomorrow' },
  });
  const { page, errors } = await extensionPage(env, 'popup');
  const notice = page.locator('.notice-warn');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /2 stored items could not be read and were skipped/);
  assert.match(text, /contact:linkedin\.com\/in\/broken: expected a contact object/);
  assert.match(text, /wrong-type: follow_up_at: expected a time/);
  await popupItem(page, 'linkedin.com/in/priya-raman').waitFor();
  // Recording over a corrupt item replaces it.
  const answer = await message(page, { kind: 'record-invitation', invite: { url: 'https://www.linkedin.com/in/broken/', name: 'Now Fine', note: null } });
  assert.equal(answer.ok, true);
  await page.waitForFunction(() => /1 stored item could not be read/.test(document.getElementById('notices').textContent));
  await remove(env, ['contact:linkedin.com/in/wrong-type', 'contact:linkedin.com/in/broken']);
  assert.deepEqual(errors, []);
  await page.close();
});

it('data from a newer version makes everything read-only, with a notice', async () => {
  await seed(env, { schema_version: 3 });
  const before = await stored(env);
  const { page, errors } = await extensionPage(env, 'popup');
  await page.locator('.notice-warn').waitFor();
  assert.match(await page.locator('#notices').innerText(), /Read-only: some data was saved by a newer version of Rapport/);
  assert.equal(await popupItem(page, 'linkedin.com/in/priya-raman').locator('[data-action="done"]').isDisabled(), true);
  const refused = await message(page, { kind: 'contact-edit', key: 'linkedin.com/in/priya-raman', edit: { done: true } });
  assert.deepEqual([refused.ok, refused.code], [false, 'read-only']);
  assert.match(refused.error, /newer version/);
  const record = await message(page, { kind: 'record-invitation', invite: { url: 'https://www.linkedin.com/in/someone/', name: 'S' } });
  assert.equal(record.ok, false);
  assert.deepEqual(await stored(env), before);
  await seed(env, { schema_version: 2 });
  await page.waitForFunction(() => !/Read-only/.test(document.getElementById('notices').textContent));
  assert.deepEqual(errors, []);
  await page.close();
});

it('a full storage quota is reported and loses nothing', async () => {
  const { page, errors } = await extensionPage(env, 'popup');
  const key = 'linkedin.com/in/amara-diallo';
  const before = await storedContact(env, key);
  // Fill chrome.storage.local (10 MB) almost to the brim.
  const used = await page.evaluate(() => chrome.storage.local.getBytesInUse(null));
  await seed(env, { filler: 'x'.repeat(10 * 1024 * 1024 - used - 2000) });
  const answer = await message(page, { kind: 'contact-edit', key, edit: { notes: 'n'.repeat(8000) } });
  assert.deepEqual([answer.ok, answer.code], [false, 'storage']);
  assert.match(answer.error, /storage for Rapport is full/);
  assert.deepEqual(await storedContact(env, key), before, 'nothing lost');
  await page.reload();
  await page.locator('.notice-error').waitFor();
  assert.match(await page.locator('.notice-error').innerText(), /storage for Rapport is full.*Nothing saved before was lost/);
  // Space again: the next write works and the notice goes.
  await remove(env, ['filler']);
  assert.equal((await message(page, { kind: 'contact-edit', key, edit: { notes: 'ok now' } })).ok, true);
  await page.waitForFunction(() => !document.querySelector('.notice-error'));
  assert.deepEqual(errors, []);
  await page.close();
});

it('an export of schema 1 (before outcomes) imports: nothing lost, pending invitations old enough expire, and the export carries the outcome fields', async () => {
  const text = readFileSync(new URL('../fixtures/schema1/export.json', import.meta.url), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.schema, 1);
  await message((await extensionPage(env, 'popup')).page, { kind: 'delete-all' });
  const { page: o, errors } = await extensionPage(env, 'options');
  await o.locator('#import-file').setInputFiles({ name: 'rapport-contacts-2026-01-11.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await o.locator('#import-result[data-state="preview"]').waitFor();
  assert.match(await o.locator('#import-result').innerText(), /will add 4 new contacts/);
  await o.locator('#import-apply').click();
  await o.locator('#import-result[data-state="done"]').waitFor();
  for (const old of file.contacts) {
    // Sent in January 2026 and never seen accepted: pending, then expired 21 days after.
    const c = await storedContact(env, old.key, (x) => x.status === 'expired');
    for (const k of ['key', 'url', 'name', 'headline', 'company', 'invited_at', 'note_sent', 'notes', 'done_at']) assert.deepEqual(c[k], old[k], `${old.key} ${k}`);
    assert.equal(c.schema, 2);
    assert.equal(c.status_at, old.invited_at + 21 * DAY);
    assert.equal(c.note_score, null, 'a note sent before outcomes is unscored');
  }
  const [d] = await Promise.all([o.waitForEvent('download'), o.locator('#export-json').click()]);
  const exported = JSON.parse(readFileSync(await d.path(), 'utf8'));
  assert.equal(exported.schema, 2);
  for (const c of exported.contacts) {
    for (const k of ['status', 'status_at', 'note_score', 'last_interaction_at', 'cadence_days']) assert.ok(k in c, `${c.key} has ${k}`);
    assert.equal(c.status, 'expired');
  }
  assert.deepEqual(errors, []);
  await o.close();
});

it('delete everything asks first, then removes every contact and the settings', async () => {
  const { page: o, errors } = await extensionPage(env, 'options');
  await o.locator('#delete-all').click();
  assert.match(await o.locator('#delete-confirm').innerText(), /Delete all \d+ contacts/);
  await o.locator('#delete-confirm-no').click();
  assert.ok(Object.keys(contactsIn(await stored(env))).length > 0, 'Cancel deletes nothing');
  const names = Object.values(contactsIn(await stored(env))).map((c) => c.name).filter(Boolean);
  // The popup opened: the worker keeps its view, names and all, in session storage.
  const before = await extensionPage(env, 'popup');
  // No popup stays open to ask again once the store is empty: the worker must drop it.
  for (const page of env.ctx.pages()) if (page.url().endsWith('/popup.html')) await page.close();
  assert.equal(before.page.isClosed(), true);
  const kept = JSON.stringify(await o.evaluate(() => chrome.storage.session.get(null)));
  assert.ok(names.some((name) => kept.includes(JSON.stringify(name))), 'the kept view names them');
  await o.locator('#delete-all').click();
  await o.locator('#delete-confirm-yes').click();
  await o.waitForFunction(() => /Deleted \d+ contacts/.test(document.getElementById('status').textContent));
  assert.deepEqual(contactsIn(await stored(env)), {});
  // Nor does anything of them stay in session storage (the views kept for the pages).
  await until(o, async (gone) => {
    const session = JSON.stringify(await chrome.storage.session.get(null));
    return gone.every((name) => !session.includes(JSON.stringify(name)));
  }, names);
  assert.equal((await stored(env)).settings, undefined);
  await badgeIs(env, '');
  const popup = await extensionPage(env, 'popup');
  assert.equal(await popup.page.locator('#lists').getAttribute('data-state'), 'empty');
  assert.match(await popup.page.locator('.empty').innerText(), /When you send a connection invitation on LinkedIn/);
  assert.deepEqual([...errors, ...popup.errors], []);
  await popup.page.close();
  await o.close();
});

it('settings stored by the first build ({ limit, disabled }) are read and rewritten in the new shape', async () => {
  await seed(env, { settings: { limit: 200, disabled: ['filler', 'too-short'] } });
  const { page: o, errors } = await extensionPage(env, 'options');
  assert.equal(await o.locator('input[name="limit"][value="200"]').isChecked(), true);
  assert.equal(await o.locator('input[data-rule="filler"]').isChecked(), false);
  assert.equal(await o.locator('input[data-rule="too-short"]').isChecked(), false);
  await o.locator('#follow-up-days').fill('10');
  await o.locator('#follow-up-days').press('Tab');
  await o.waitForFunction(() => /saved/.test(document.getElementById('status').textContent));
  assert.deepEqual((await stored(env)).settings, {
    follow_up_days: 10, limit: 200, notifications: false, disabled_rules: ['filler', 'too-short'],
    pending_days: 14, expire_days: 21, premium: false, monthly_notes: 5,
  });
  assert.deepEqual(errors, []);
  await o.close();
});

it('settings changed before the last one is saved: each control stays as set, and every change is stored', async () => {
  await seed(env, { settings: { follow_up_days: 7, limit: 200 } });
  const { page: o, errors } = await extensionPage(env, 'options');
  await o.waitForFunction(() => document.getElementById('main').dataset.state === 'ready');
  // All in one task, so each save is still on its way when the next control changes: the
  // answer to the first redraws the page while the others are in flight.
  const seen = await o.evaluate(() => new Promise((resolve) => {
    const radio = (v) => /** @type {HTMLInputElement} */ (document.querySelector(`input[name="limit"][value="${v}"]`));
    const box = (id) => /** @type {HTMLInputElement} */ (document.querySelector(`input[data-rule="${id}"]`));
    const days = /** @type {HTMLInputElement} */ (document.getElementById('follow-up-days'));
    const states = [];
    new MutationObserver(() => {
      states.push({ status: document.getElementById('status').textContent, limit300: radio('300').checked, filler: box('filler')?.checked, tooShort: box('too-short')?.checked });
      if (states.length === 4) resolve(states);
    }).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
    days.value = '3';
    days.dispatchEvent(new Event('change', { bubbles: true }));
    radio('300').click();
    box('filler').click();
    box('too-short').click();
  }));
  // After each save's redraw, what the person set is still on screen.
  for (const s of seen) assert.deepEqual({ limit300: s.limit300, filler: s.filler, tooShort: s.tooShort }, { limit300: true, filler: false, tooShort: false }, s.status);
  const { settings } = await stored(env);
  assert.deepEqual({ ...settings, disabled_rules: settings.disabled_rules.sort() }, {
    follow_up_days: 3, limit: 300, notifications: false, disabled_rules: ['filler', 'too-short'],
    pending_days: 14, expire_days: 21, premium: false, monthly_notes: 5,
  });
  assert.deepEqual(errors, []);
  await o.close();
});
