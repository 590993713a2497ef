// Note boxes where discovery has to dig (fixtures/frames.html): an invitation dialog two
// open shadow roots deep in components that are not LinkedIn's #interop-outlet (attached
// before insertion, or after, where no mutation observer sees it); the invitation deep
// link in a same-origin frame, its dialog also two shadow roots deep; a message composer
// in an about:blank frame the page fills itself; and the same markup in another site's
// frame, which Rapport must leave alone.

import assert from 'node:assert/strict';
import {
  PANEL, applyButton, browserSuite, findings, heapCounters, open, overlaps, panel, panelText, settled,
} from './harness.mjs';
import { stored, storedContact } from './followup-helpers.mjs';

const PAGE = 'https://www.linkedin.com/in/ana-lima/?fixture=frames';

const { env, it } = browserSuite('frames');

/** The frame inside the iframe element matching `selector`, once its document has loaded. */
async function frameOf(page, selector) {
  const handle = await page.locator(selector).elementHandle();
  const frame = await handle.contentFrame();
  await frame.waitForLoadState();
  return frame;
}

/** Connect -> the dialog in x-overlay > x-dialog; resolves with its textarea. */
async function openNestedDialog(page) {
  await page.locator('#connect').click();
  const area = page.locator('x-overlay x-dialog #custom-message');
  await area.waitFor();
  return area;
}

it('a note box two shadow roots deep gets the panel; the fix reaches the page\'s editor; Send is recorded', async () => {
  const { page, errors } = await open(env.ctx, PAGE);
  const area = await openNestedDialog(page);
  await panel(page).waitFor();
  // The dialog names Ana Lima: "Hi Sarah" is the wrong name, with "Ana" as the fix.
  const note = 'Hi Sarah, I saw your talk on data contracts at Initech. I build similar pipelines; happy to share what we learned. Open to it? 😊';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.match(await panelText(page), new RegExp(`${note.length}/200`));
  assert.ok((await findings(page)).includes('wrong-name'), 'the wrong name is flagged');
  await applyButton(page, 'wrong-name').click();
  const fixed = note.replace('Sarah', 'Ana');
  await page.waitForFunction((want) => document.getElementById('seen').textContent === want, fixed);
  assert.equal(await area.inputValue(), fixed);
  await settled(page, fixed.length);
  assert.ok(!(await findings(page)).includes('wrong-name'));

  await page.locator('x-overlay x-dialog button[aria-label="Send invitation"]').click();
  assert.equal(await page.locator('#sent').innerText(), fixed);
  const c = await storedContact(env, 'linkedin.com/in/ana-lima', (x) => x.note_sent === fixed);
  assert.equal(c.name, 'Ana Lima');
  await page.waitForFunction((sel) => !document.querySelector(sel), PANEL);
  assert.deepEqual(errors, []);
  await page.close();
});

it('a shadow root attached after its host was inserted is found when the note box gets focus', async () => {
  const { page, errors } = await open(env.ctx, `${PAGE}&late=1`);
  const area = await openNestedDialog(page);
  await area.click();
  await panel(page).waitFor();
  await area.pressSequentially('Hi Ana');
  await settled(page, 6);
  assert.deepEqual(errors, []);
  await page.close();
});

it('opening and closing the nested dialog 30 times leaves no panels, observers or retained shadow trees', async () => {
  const { page, errors } = await open(env.ctx, PAGE);
  const heap = await heapCounters(env.ctx, page, ['MutationObserver']);
  const cycles = (n) => page.evaluate(async ([count, sel]) => {
    const until = async (cond, what) => {
      const end = performance.now() + 3000;
      while (!cond()) {
        if (performance.now() > end) throw new Error(`timed out: ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const dialog = () => document.querySelector('x-overlay')?.shadowRoot.querySelector('x-dialog')?.shadowRoot?.querySelector('[role=dialog]');
    for (let i = 0; i < count; i++) {
      document.getElementById('connect').click();
      await until(() => dialog() && document.querySelector(sel), 'panel');
      dialog().querySelector('button[aria-label="Dismiss"]').click();
      await until(() => !document.querySelector(sel), 'panel removed');
    }
  }, [n, PANEL]);
  const measure = async () => {
    await page.waitForTimeout(600); // a discovery poll prunes the observers of removed roots
    return heap.measure();
  };
  await cycles(5);
  const warm = await measure();
  // Positive control: with the dialog open, its two nested shadow roots are observed.
  await page.evaluate(() => document.getElementById('connect').click());
  await panel(page).waitFor();
  const opened = await measure();
  assert.ok(opened.MutationObserver >= warm.MutationObserver + 2, `the nested roots are observed (${warm.MutationObserver} -> ${opened.MutationObserver})`);
  await page.evaluate(() => document.querySelector('x-overlay').shadowRoot.querySelector('x-dialog').shadowRoot.querySelector('button[aria-label="Dismiss"]').click());
  await page.waitForFunction((sel) => !document.querySelector(sel), PANEL);
  await cycles(29);
  const end = await measure();
  console.log(`# nested dialog: after 5 cycles ${JSON.stringify(warm)}, open ${JSON.stringify(opened)}, after 35 ${JSON.stringify(end)}`);
  assert.equal(end.MutationObserver, warm.MutationObserver, 'observers of removed shadow roots are let go');
  // Each dialog is ~20 nodes plus the panel's ~60: an observer kept on a removed shadow
  // root would keep its tree alive, 30 times over.
  assert.ok(end.nodes - warm.nodes < 60, `DOM nodes grew by ${end.nodes - warm.nodes} over 30 cycles`);
  assert.equal(await page.locator(PANEL).count(), 0);
  assert.deepEqual(errors, []);
  await heap.detach();
  await page.close();
});

it('the invitation deep link in a LinkedIn frame: panel in the frame, fix applied, invitation recorded for its vanityName', async () => {
  const { page, errors } = await open(env.ctx, PAGE);
  const frame = await frameOf(page, '#invite-frame');
  const area = frame.locator('#custom-message');
  await area.click();
  await panel(frame).waitFor();
  assert.equal(await area.getAttribute('aria-keyshortcuts'), 'Alt+Shift+R', 'the field session is attached in the frame');
  const note = 'Hi Sarah, your post on café-scale data teams was great. I run one at Beta; glad to swap notes. Coffee? ☕';
  await area.pressSequentially(note);
  await settled(frame, note.length);
  assert.match(await panelText(frame), new RegExp(`${note.length}/300`));
  assert.equal(await panel(page).count(), 0, 'no panel in the top page for a field in a frame');
  // The dialog fills the frame: the panel shows its header above the note box, clear of
  // Send, and opens on demand.
  const head = await frame.locator(`${PANEL} .head`).boundingBox();
  const send = await frame.locator('button[aria-label="Send invitation"]').boundingBox();
  const box = await area.boundingBox();
  assert.ok(head.y + head.height <= box.y, 'the panel sits above the note box');
  assert.ok(!overlaps(head, send), 'the panel does not cover Send');
  await frame.locator(`${PANEL} .toggle`).click();
  await applyButton(frame, 'wrong-name').click();
  const fixed = note.replace('Sarah', 'Priya');
  await frame.waitForFunction((want) => document.getElementById('seen').textContent === want, fixed);
  await settled(frame, fixed.length);
  await frame.locator('button[aria-label="Send invitation"]').click();
  assert.equal(await frame.locator('#sent').innerText(), fixed);
  const c = await storedContact(env, 'linkedin.com/in/priya-raman', (x) => x.note_sent === fixed);
  assert.equal(c.name, 'Priya Raman');
  assert.deepEqual(errors, []);
  await page.close();
});

it('a message composer in an about:blank frame is coached, with the name from the frame\'s thread header', async () => {
  const { page, errors } = await open(env.ctx, PAGE);
  const frame = await frameOf(page, '#blank-frame');
  const composer = frame.locator('#composer');
  await composer.click();
  const text = 'Hi Priya, thanks for connecting! Basically I just wanted to say hello.';
  await composer.pressSequentially(text);
  await panel(frame).waitFor();
  await settled(frame, text.length);
  assert.ok((await findings(frame)).includes('wrong-name'), 'the thread is with Sarah Chen');
  await frame.locator(`${PANEL} .toggle`).click(); // no room beside the composer: opens on demand
  await applyButton(frame, 'wrong-name').click();
  const fixed = text.replace('Priya', 'Sarah');
  await page.waitForFunction((want) => window.composerModel() === want, fixed);
  assert.deepEqual(errors, []);
  await page.close();
});

it('the same markup in another site\'s frame is left alone', async () => {
  const { page, errors } = await open(env.ctx, PAGE);
  const mine = await frameOf(page, '#invite-frame');
  const foreign = await frameOf(page, '#foreign-frame');
  assert.match(foreign.url(), /^https:\/\/www\.example\.com\//);
  const area = foreign.locator('#custom-message');
  await area.click();
  await area.pressSequentially('Hi Eve, I would like to add you to my professional network.');
  await foreign.locator('button[aria-label="Send invitation"]').click();
  assert.match(await foreign.locator('#sent').innerText(), /^Hi Eve/);
  // Positive control: the LinkedIn frame beside it, loaded at the same time, is attached.
  await mine.locator('#custom-message').click();
  await panel(mine).waitFor();
  assert.equal(await panel(foreign).count(), 0, 'no panel in the foreign frame');
  assert.equal(await area.getAttribute('aria-keyshortcuts'), null, 'no field session in the foreign frame');
  const keys = Object.keys(await stored(env)).filter((k) => k.startsWith('contact:') && k.includes('eve'));
  assert.deepEqual(keys, [], 'nothing recorded from the foreign frame');
  assert.deepEqual(errors, []);
  await page.close();
});
