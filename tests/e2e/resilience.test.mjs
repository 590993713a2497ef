// Nothing breaks LinkedIn: when the engine cannot load the panel says so quietly and the
// note box keeps working; the extension makes no network requests.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EXTENSION, launch, open, openInviteNote, panel, panelText, settled, withShots,
} from './harness.mjs';

let env;
let broken;
after(async () => {
  await env?.close();
  if (broken) rmSync(broken, { recursive: true, force: true });
});
const it = (name, fn) => test(name, withShots(() => env?.ctx, `resilience ${name}`, fn));

it('a broken engine: the panel says so quietly, the note still sends, the console stays clean', async () => {
  broken = mkdtempSync(join(tmpdir(), 'rapport-broken-'));
  cpSync(EXTENSION, broken, { recursive: true });
  writeFileSync(join(broken, 'pkg/rapport_bg.wasm'), 'not webassembly');
  env = await launch({ extension: broken });

  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/john-okafor/');
  const area = await openInviteNote(page);
  const note = 'Hi John, great talk on compilers.';
  await area.pressSequentially(note);
  await page.waitForFunction(() => document.querySelector('rapport-panel')?.getAttribute('data-rapport-state') === 'error');
  assert.equal(await panel(page).getAttribute('data-rapport-score'), null);
  assert.match(await panelText(page), /could not load/i);
  // The counter still works without the engine.
  assert.match(await panelText(page), new RegExp(`${note.length}/200`));
  assert.equal(await area.inputValue(), note);

  await page.locator('#interop-outlet button[aria-label="Send invitation"]').click();
  assert.equal(await page.locator('#sent').innerText(), note);
  assert.deepEqual(errors, []);
  await page.close();
  await env.close();
  env = null;
});

it('no network requests: everything but the LinkedIn pages themselves stays local', async () => {
  env = await launch();
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/john-okafor/');
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi Sarah, nice talk.');
  await settled(page, 20);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await area.pressSequentially(' More text.');
  await settled(page, 31);
  assert.deepEqual(requests, [], 'typing and scoring make no requests');
  assert.deepEqual(env.external, [], 'nothing left for another host');
  assert.deepEqual(errors, []);
  await page.close();
});

it('after an extension update the old panel says to reload, and the page keeps working', async () => {
  const { page, errors } = await open(env.ctx, 'https://www.linkedin.com/in/john-okafor/');
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi John');
  await settled(page, 7);
  // Reloading the extension is what an update does to open tabs: their content script
  // loses its extension (chrome.runtime is gone) and is not replaced until a reload.
  const sw = env.ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  await sw.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await page.waitForTimeout(300);
  await area.pressSequentially(', great talk.');
  await page.waitForFunction(() => /reload the page/i.test(document.querySelector('rapport-panel')?.shadowRoot.textContent || ''));
  assert.equal(await area.inputValue(), 'Hi John, great talk.');
  await page.locator('#interop-outlet button[aria-label="Send invitation"]').click();
  assert.equal(await page.locator('#sent').innerText(), 'Hi John, great talk.');
  assert.deepEqual(errors, []);
  await page.close();
});
