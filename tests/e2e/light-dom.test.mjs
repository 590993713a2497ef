// The older invitation modal in the light DOM (with Italian labels: nothing may depend on
// English), and the modal opened from search results, where only the Connect button's
// aria-label names the person.

import assert from 'node:assert/strict';
import { applyButton, browserSuite, findings, open, panel, panelText, settled } from './harness.mjs';

const { env, it } = browserSuite('light-dom');

it('attaches to the legacy .send-invite modal that appears late, with the limit from maxlength', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/maria-garcia/?fixture=legacy');
  await page.locator('#connect').click();
  await page.locator('[aria-label="Aggiungi una nota"]').click();
  const area = page.locator('textarea#custom-message');
  await panel(page).waitFor();
  assert.match(await panelText(page), /0\/300/);

  // The recipient comes from the profile's h1 ("Maria García"): "Hi Maria" is right, with
  // or without the accent; "Hi Sofia" is not.
  const note = 'Hi Sofia, I read your post on data contracts at Fabbrica Digitale.';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok((await findings(page)).includes('wrong-name'));
  await applyButton(page, 'wrong-name').click();
  const fixed = 'Hi Maria, I read your post on data contracts at Fabbrica Digitale.';
  await page.waitForFunction(() => !document.querySelector('rapport-panel').shadowRoot.querySelector('[data-finding="wrong-name"]'));
  assert.equal(await area.inputValue(), fixed);

  // Beside the modal, not over its send button.
  const p = await panel(page).locator('.panel').boundingBox();
  const modal = await page.locator('.artdeco-modal.send-invite').boundingBox();
  assert.ok(p.x >= modal.x + modal.width || p.x + p.width <= modal.x, 'panel beside the modal');

  await page.locator('#send-now').click();
  assert.equal(await page.locator('#sent').innerText(), fixed);
  await panel(page).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

it('names the invitee from the Connect button on search results', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/search/results/people/?keywords=design');
  await page.locator('button[aria-label="Invite Sarah Chen to connect"]').click();
  const area = page.locator('[role=dialog] textarea[name=message]');
  await area.waitFor();
  await panel(page).waitFor();
  const note = 'Hi John, loved your talk on design systems.';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok((await findings(page)).includes('wrong-name'), 'John is wrong for Sarah');
  await applyButton(page, 'wrong-name').click();
  await page.waitForFunction(() => !document.querySelector('rapport-panel').shadowRoot.querySelector('[data-finding="wrong-name"]'));
  assert.equal(await area.inputValue(), 'Hi Sarah, loved your talk on design systems.');
  assert.deepEqual(errors, []);
  await page.close();
});

it('stays visible and clickable over a modal <dialog> (top layer, rest of the page inert)', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/john-okafor/?fixture=modal-dialog');
  await page.locator('#connect').click();
  const area = page.locator('dialog textarea');
  const note = 'Hi Sarah, your compiler talk at Acme was great.';
  await area.pressSequentially(note);
  await settled(page, note.length);
  // What is on screen at the fix button is the panel, not the dialog's backdrop.
  const fix = applyButton(page, 'wrong-name');
  const box = await fix.boundingBox();
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [box.x + box.width / 2, box.y + box.height / 2]);
  assert.equal(hit, 'RAPPORT-PANEL');
  const p = await panel(page).locator('.panel').boundingBox();
  const d = await page.locator('dialog').boundingBox();
  assert.ok(p.x >= d.x + d.width, 'beside the dialog, not over it');
  await fix.click();
  assert.equal(await area.inputValue(), note.replace('Sarah', 'John'));
  await page.locator('#send').click();
  assert.equal(await page.locator('#sent').innerText(), note.replace('Sarah', 'John'));
  await panel(page).waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await page.close();
});

it('stays off pages that are not LinkedIn', async () => {
  const { page } = await open(env.ctx, 'https://www.example.com/in/john-okafor/');
  await page.locator('main button[aria-label^="Invite"]').click();
  await page.locator('#interop-outlet button[aria-label="Add a note"]').click();
  await page.locator('#custom-message').pressSequentially('Hi Sarah');
  await page.waitForTimeout(600);
  assert.equal(await panel(page).count(), 0);
  await page.close();
});
