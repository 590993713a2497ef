// Where the panel goes at the window sizes people use (1280x800, 1024x768, 800x700,
// 390x800, and the narrowest, 360x640): the note box and LinkedIn's Send and Cancel stay
// clickable with the panel open, the first suggestion is visible without a click, and Send
// records the invitation with a confirmation. And in a dialog that fills the window: a
// strip above the note.

import assert from 'node:assert/strict';
import { browserSuite, open, openInviteNote, overlaps, panel, settled } from './harness.mjs';

const JOHN = 'https://www.linkedin.com/in/john-okafor/';
const SEND = '#interop-outlet button[aria-label="Send invitation"]';
const CANCEL = '#interop-outlet button[aria-label="Cancel adding a note"]';
const NOTE = "Hi Sarah, I'd like to add you to my professional network on LinkedIn.";
const { env, it } = browserSuite('panel-layout');

/** Clickable: Playwright's actionability checks (visible, stable, receives the click), without clicking. */
const clickable = (loc) => loc.click({ trial: true, timeout: 2000 }).then(() => true, () => false);

/** The first suggestion is on screen and not hidden by the panel's own scrolling. */
const firstFindingVisible = (page) => page.evaluate(() => {
  const root = document.querySelector('rapport-panel').shadowRoot;
  const li = root.querySelector('[data-finding]');
  if (!li) return 'no finding';
  const r = li.getBoundingClientRect();
  const x = r.left + Math.min(20, r.width / 2);
  const y = r.top + Math.min(10, r.height / 2);
  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return `off screen at ${x},${y}`;
  const hit = root.elementFromPoint(x, y);
  return hit && li.contains(hit) ? 'visible' : `covered by ${hit?.className || hit?.tagName}`;
});

for (const [width, height, where] of [[1280, 800, 'beside'], [1024, 768, 'below'], [800, 700, 'below'], [390, 800, 'below'], [360, 640, 'below']]) {
  it(`${width}x${height}: the panel sits ${where} the dialog, note and Send stay clickable, the first suggestion shows, Send records`, async () => {
    const { page, errors } = await open(env.ctx);
    await page.setViewportSize({ width, height });
    await page.goto(JOHN);
    const area = await openInviteNote(page);
    await area.pressSequentially(NOTE);
    await settled(page, NOTE.length);
    await page.waitForTimeout(150); // let the placement settle

    assert.equal(await panel(page).getAttribute('data-rapport-place'), where);
    const p = await panel(page).locator('.panel').boundingBox();
    for (const [name, sel] of [['note box', '#custom-message'], ['Send', SEND], ['Cancel', CANCEL]]) {
      const box = await page.locator(sel).boundingBox();
      assert.ok(!overlaps(p, box), `the panel does not cover the ${name}`);
      assert.ok(await clickable(page.locator(sel)), `the ${name} is clickable`);
    }
    assert.ok(p.x >= 0 && p.y >= 0 && p.x + p.width <= width && p.y + p.height <= height, 'the panel is inside the window');
    assert.equal(await firstFindingVisible(page), 'visible', 'the first suggestion shows without a click');

    // Typing still goes to the note with the panel open.
    await area.click();
    await page.keyboard.type(' Thanks');
    assert.equal(await area.inputValue(), `${NOTE} Thanks`);

    // Send sends, and Rapport confirms it recorded the invitation and when to follow up.
    await page.locator(SEND).click();
    await page.locator('#sent[data-sent]').waitFor();
    const toast = page.locator('rapport-toast[data-rapport-toast="recorded"] [role="status"]');
    await toast.waitFor();
    assert.match(await toast.innerText(), /Invitation recorded — follow up on \w+/);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

it('a dialog that fills the window: a strip above the note, which opens upwards, away from Send', async () => {
  const { page, errors } = await open(env.ctx);
  await page.setViewportSize({ width: 600, height: 420 });
  await page.goto(JOHN);
  const area = await openInviteNote(page);
  await area.pressSequentially(NOTE);
  await settled(page, NOTE.length);
  await page.waitForTimeout(150);
  assert.equal(await panel(page).getAttribute('data-rapport-place'), 'strip');
  const toggle = page.locator('rapport-panel .toggle');
  for (const open of [false, true]) {
    if (open) {
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.waitForTimeout(100);
    }
    const p = await panel(page).locator('.panel').boundingBox();
    for (const sel of ['#custom-message', SEND, CANCEL]) {
      assert.ok(!overlaps(p, await page.locator(sel).boundingBox()), `${open ? 'open' : 'closed'}: clear of ${sel}`);
      assert.ok(await clickable(page.locator(sel)), `${open ? 'open' : 'closed'}: ${sel} is clickable`);
    }
    assert.ok(p.y >= 0, 'inside the window');
  }
  assert.deepEqual(errors, []);
  await page.close();
});
