// Accessibility: axe-core (serious and critical violations fail, and every control's name
// must contain its visible text) on the popup, options, insights and welcome pages, the note panel
// open with findings, the profile card and the "Invitation recorded" confirmation, each in
// light and dark. The playground is checked in playground.test.mjs.

import assert from 'node:assert/strict';
import { axeViolations, browserSuite, open, openInviteNote, panel, settled } from './harness.mjs';
import { DAY, SEND, contact, extensionPage, items, seed } from './followup-helpers.mjs';

const JOHN = 'https://www.linkedin.com/in/john-okafor/';
const { env, it } = browserSuite('a11y');

it('seeds people to show: due, upcoming and done, with notes and a long sent note', async () => {
  const now = Date.now();
  await seed(env, items(
    contact({ slug: 'john-okafor', name: 'John Okafor', headline: 'Staff Engineer at Acme', company: 'Acme', invited: now - 9 * DAY, followUp: now - DAY,
      note: `Hi John, ${'your talk on incremental compilation was great and I would love to hear more. '.repeat(4)}`, notes: 'Ask about the Beta compiler.' }),
    contact({ slug: 'amara-diallo', name: 'Amara Diallo', headline: 'Product Designer at Contoso', invited: now - 3 * DAY, followUp: now + 4 * DAY, note: null }),
    contact({ slug: 'kenji-watanabe', name: 'Kenji Watanabe', invited: now - 20 * DAY, done: now - 6 * DAY, note: 'Hi Kenji, thanks for the SLO thread.' }),
    // Outcomes: pending for 16 days (due, with the withdraw link), accepted, and a chart's worth of decided ones.
    contact({ slug: 'lena-pending', name: 'Lena Pending', invited: now - 16 * DAY, note: 'Hi Lena, your harbour survey was great.' }),
    ...Array.from({ length: 24 }, (_, i) => ({
      ...contact({ slug: `decided-${i}`, name: `Decided ${i}`, invited: now - (30 + i) * DAY, note: i % 3 ? `Hi D${i}, about your ${i} talk` : null }),
      status: i % 2 ? 'accepted' : 'expired', status_at: now - 25 * DAY, note_score: i % 3 ? 30 + 3 * i : null,
    })),
  ));
});

for (const scheme of ['light', 'dark']) {
  for (const which of ['popup', 'options', 'insights', 'welcome']) {
    it(`${which} page, ${scheme}: no serious or critical axe violations`, async () => {
      const { page: p, errors } = which === 'welcome'
        ? await open(env.ctx, `chrome-extension://${env.extensionId}/extension/pages/welcome.html`)
        : await extensionPage(env, which);
      await p.emulateMedia({ colorScheme: scheme });
      if (which === 'popup') await p.locator('li.item').first().waitFor();
      if (which === 'insights') {
        await p.locator('svg[data-chart]').first().waitFor();
        for (const d of await p.locator('details').all()) await d.locator('summary').click(); // the tables too
      }
      assert.deepEqual(await axeViolations(p), []);
      assert.deepEqual(errors, []);
      await p.close();
    });
  }

  it(`the note panel with findings, the profile card and the confirmation, LinkedIn ${scheme}: no serious or critical axe violations`, async () => {
    const { page, errors } = await open(env.ctx, JOHN);
    if (scheme === 'dark') await page.evaluate(() => document.documentElement.classList.replace('theme--light', 'theme--dark'));
    await page.emulateMedia({ colorScheme: scheme });
    // The profile card, open.
    await page.locator('rapport-profile .collapse').click();
    assert.deepEqual(await axeViolations(page, 'rapport-profile'), [], 'profile card');
    // Open and holding notes, it leaves the profile's own Connect and Message buttons clickable.
    for (const name of ['Connect', 'Message']) {
      const button = page.locator('main .pv-top-card-v2-ctas button', { hasText: name });
      assert.ok(await button.click({ trial: true, timeout: 2000 }).then(() => true, () => false), `${name} is clickable`);
    }
    const area = await openInviteNote(page);
    const note = "Hi Sarah, {company} rocks! I'd like to add you to my professional network on LinkedIn.";
    await area.pressSequentially(note);
    await settled(page, note.length);
    await page.locator('rapport-panel [data-finding]').first().waitFor();
    assert.equal(await panel(page).getAttribute('data-theme'), scheme);
    assert.deepEqual(await axeViolations(page, 'rapport-panel'), [], 'note panel');
    await page.locator(SEND).click();
    await page.locator('rapport-toast').waitFor();
    assert.deepEqual(await axeViolations(page, 'rapport-toast'), [], 'confirmation');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

it('the check itself fails on what the issue found: a name that hides the visible text, low contrast', async () => {
  const { page } = await open(env.ctx, `chrome-extension://${env.extensionId}/extension/pages/welcome.html`);
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.textContent = '+1 day';
    b.setAttribute('aria-label', 'Snooze the follow-up by one day');
    const p = document.createElement('p');
    p.textContent = 'faint';
    p.style.color = '#eeeeee';
    document.querySelector('main').append(b, p);
  });
  const found = (await axeViolations(page)).join('\n');
  assert.match(found, /label-content-name-mismatch/);
  assert.match(found, /color-contrast/);
  await page.close();
});
