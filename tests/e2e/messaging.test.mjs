// The messaging composer: a contenteditable of <p> paragraphs whose editor keeps its own
// model from input events. Fixes must land at the right place across paragraphs and reach
// that model (Send posts the model, not the DOM).

import assert from 'node:assert/strict';
import {
  applyButton, browserSuite, findings, firstRemoval, open, panel, panelText, settled,
} from './harness.mjs';

const { env, it } = browserSuite('messaging');

const THREAD = 'https://www.linkedin.com/messaging/thread/2-abc123/';
const composer = (page) => page.locator('div.msg-form__contenteditable');
const paragraphs = (page) => composer(page).evaluate((el) => [...el.children].map((p) => `${p.tagName}:${p.textContent}`));

/** Types lines into the composer, Enter between them (new <p> each). */
async function typeLines(page, lines) {
  await composer(page).click();
  for (let i = 0; i < lines.length; i++) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.type(lines[i]);
  }
}

it('scores a message and fixes a placeholder in the second paragraph', async () => {
  const { page, errors } = await open(env.ctx, THREAD);
  // LinkedIn keeps chat bubbles open: an idle, empty composer gets no panel on screen.
  await panel(page).waitFor({ state: 'attached' });
  assert.equal(await panel(page).isVisible(), false);
  await composer(page).click();
  await panel(page).waitFor();
  const lines = ['Hi Sarah 👋', 'Thanks for the chat, {first_name}!', 'Talk soon'];
  await typeLines(page, lines);
  const text = lines.join('\n');
  await settled(page, text.length);
  assert.deepEqual(await paragraphs(page), ['P:Hi Sarah 👋', 'P:Thanks for the chat, {first_name}!', 'P:Talk soon']);
  // A message has LinkedIn's message limit, not the invitation's.
  assert.match(await panelText(page), new RegExp(`${text.length}/8000`));
  assert.ok((await findings(page)).includes('unfilled-placeholder'));

  await applyButton(page, 'unfilled-placeholder').click();
  const fixed = 'Hi Sarah 👋\nThanks for the chat, Sarah!\nTalk soon';
  await settled(page, fixed.length);
  assert.deepEqual(await paragraphs(page), ['P:Hi Sarah 👋', 'P:Thanks for the chat, Sarah!', 'P:Talk soon']);
  assert.equal(await page.evaluate(() => window.composerModel()), fixed, "the editor's model saw the edit");

  // The caret sits right after the inserted name: typing continues there.
  await page.keyboard.type(' Chen');
  assert.deepEqual(await paragraphs(page), ['P:Hi Sarah 👋', 'P:Thanks for the chat, Sarah Chen!', 'P:Talk soon']);

  await page.locator('button.msg-form__send-button').click();
  await page.locator('.msg-s-event-listitem__body.sent').waitFor();
  assert.equal(await page.locator('.msg-s-event-listitem__body.sent').innerText(), 'Hi Sarah 👋\nThanks for the chat, Sarah Chen!\nTalk soon');
  assert.deepEqual(errors, []);
  await page.close();
});

it('flags the wrong name for the person in the thread and removes nothing else', async () => {
  const { page, errors } = await open(env.ctx, THREAD);
  await typeLines(page, ['Hi John,', 'Great meeting you at the design meetup.']);
  const text = 'Hi John,\nGreat meeting you at the design meetup.';
  await settled(page, text.length);
  assert.ok((await findings(page)).includes('wrong-name'));
  await applyButton(page, 'wrong-name').click();
  await settled(page, text.length + 1);
  assert.equal(await page.evaluate(() => window.composerModel()), 'Hi Sarah,\nGreat meeting you at the design meetup.');
  assert.ok(!(await findings(page)).includes('wrong-name'));
  // Undo restores what was typed.
  await page.keyboard.press('Control+Z');
  assert.equal(await page.evaluate(() => window.composerModel()), text);
  assert.deepEqual(errors, []);
  await page.close();
});

it('follows a switch to another conversation under the same composer', async () => {
  const { page, errors } = await open(env.ctx, THREAD);
  await typeLines(page, ['Hi Sarah, thanks for the intro!']);
  const text = 'Hi Sarah, thanks for the intro!';
  await settled(page, text.length);
  assert.ok(!(await findings(page)).includes('wrong-name'));
  // Another thread, same composer and draft, no typing: the panel re-checks on its own.
  await page.locator('.msg-conversations-container a', { hasText: 'John Okafor' }).click();
  await page.waitForURL('**/thread/2-def456/');
  await page.waitForFunction(() => !!document.querySelector('rapport-panel').shadowRoot.querySelector('[data-finding="wrong-name"]'));
  assert.deepEqual(errors, []);
  await page.close();
});

it('removes a phrase inside a paragraph', async () => {
  const { page, errors } = await open(env.ctx, THREAD);
  const lines = ['Hi Sarah,', "Your talk at Globex was great, and the reason I'm reaching out is that I build design tools.", 'Would you share the slides?'];
  await typeLines(page, lines);
  const text = lines.join('\n');
  await settled(page, text.length);
  const cut = await firstRemoval(page);
  assert.ok(cut, `a removal is offered (findings: ${await findings(page)})`);
  await applyButton(page, cut.rule).first().click();
  const fixed = text.slice(0, cut.start) + text.slice(cut.end);
  await settled(page, fixed.length);
  assert.equal(await page.evaluate(() => window.composerModel()), fixed);
  assert.equal((await paragraphs(page)).length, 3, 'still three paragraphs');
  assert.deepEqual(errors, []);
  await page.close();
});
