// LinkedIn is a single-page app: going from one profile to another is a pushState, the
// content script is not reloaded, and the recipient must follow. Here the #interop-outlet
// shadow root is also attached late (only when the first dialog opens). The messaging
// test covers a thread switch under an open composer.

import assert from 'node:assert/strict';
import { browserSuite, findings, open, openInviteNote, panel, settled } from './harness.mjs';

const { env, it } = browserSuite('spa');

it('"Hi Sarah" is wrong on John\'s profile and right on Sarah\'s, after a pushState navigation', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/john-okafor/?lateShadow=1');
  assert.equal(await page.evaluate(() => !!document.querySelector('#interop-outlet').shadowRoot), false);
  const note = 'Hi Sarah, your talk on typography was great. Open to a chat?';

  let area = await openInviteNote(page);
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok((await findings(page)).includes('wrong-name'), 'flagged on John');
  await page.locator('#interop-outlet button[aria-label="Dismiss"]').click();
  await panel(page).waitFor({ state: 'detached' });

  // SPA navigation: same document, new URL, new top card.
  const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
  await page.locator('#also-viewed a', { hasText: 'Sarah Chen' }).click();
  await page.waitForURL('**/in/sarah-chen/');
  await page.locator('h1', { hasText: 'Sarah Chen' }).waitFor();
  assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), loads, 'no reload');

  area = await openInviteNote(page);
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok(!(await findings(page)).includes('wrong-name'), 'not flagged on Sarah');

  // And back: the browser's Back button (popstate) brings John back.
  await page.locator('#interop-outlet button[aria-label="Dismiss"]').click();
  await page.goBack();
  await page.locator('h1', { hasText: 'John Okafor' }).waitFor();
  area = await openInviteNote(page);
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok((await findings(page)).includes('wrong-name'), 'flagged on John again');
  assert.deepEqual(errors, []);
  await page.close();
});
