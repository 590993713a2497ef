// A textarea controlled by a framework that ignores `.value` writes (React's value
// tracker) and re-renders its own state into the field. An applied fix must reach the
// framework's state: Send posts the state.

import assert from 'node:assert/strict';
import { applyButton, browserSuite, findings, open, panel, settled } from './harness.mjs';

const { env, it } = browserSuite('framework');

const PAGE = 'https://www.linkedin.com/in/ana-lima/?fixture=framework';

it('the fixture really ignores a bare .value write', async () => {
  const { page } = await open(env.ctx, PAGE);
  await page.locator('#connect').click();
  const area = page.locator('#custom-message');
  await area.pressSequentially('Hi Ana');
  await area.evaluate((el) => {
    el.value = 'Hi Bob';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(250); // a render or two
  assert.equal(await page.evaluate(() => window.frameworkState().note), 'Hi Ana');
  assert.equal(await area.inputValue(), 'Hi Ana', 'the framework wrote its state back');
  await page.close();
});

it("an applied fix reaches the framework's state and is what gets sent", async () => {
  const { page, errors } = await open(env.ctx, PAGE);
  await page.locator('#connect').click();
  const area = page.locator('#custom-message');
  await panel(page).waitFor();
  const note = 'Hi {first_name}, your post on data quality at Initech was sharp. Would you compare notes?';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok((await findings(page)).includes('unfilled-placeholder'));
  await applyButton(page, 'unfilled-placeholder').click();
  const fixed = note.replace('{first_name}', 'Ana');
  await settled(page, fixed.length);
  await page.waitForTimeout(250); // let the framework re-render: the edit must survive it
  assert.equal(await page.evaluate(() => window.frameworkState().note), fixed);
  assert.equal(await area.inputValue(), fixed);
  assert.equal(await page.locator('#state-count').innerText(), `${fixed.length}/300`);
  await page.locator('#send').click();
  assert.equal(await page.locator('#state-sent').innerText(), fixed);
  assert.deepEqual(errors, []);
  await page.close();
});
