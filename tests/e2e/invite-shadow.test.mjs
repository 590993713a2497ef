// The 2026 invitation flow: Connect -> "Add a note" -> textarea#custom-message inside the
// open shadow root of div#interop-outlet, on a page with LinkedIn's strict CSP.

import assert from 'node:assert/strict';
import {
  applyButton, browserSuite, findings, firstRemoval, open, openInviteNote, overlaps, panel, panelText, readmeShot, settled, wasmInPage,
} from './harness.mjs';

const JOHN = 'https://www.linkedin.com/in/john-okafor/';
const { env, it } = browserSuite('invite-shadow');

const score = async (page) => Number(await panel(page).getAttribute('data-rapport-score'));

it('scores the note beside the dialog, without covering it', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  // The fixture's CSP really is LinkedIn's kind: no WebAssembly in the page.
  assert.equal(await wasmInPage(page), 'CompileError');
  assert.equal(await panel(page).count(), 0, 'no panel before there is a note box');

  const area = await openInviteNote(page);
  await panel(page).waitFor();
  assert.equal(await panel(page).getAttribute('data-rapport-state'), 'empty');
  assert.match(await panelText(page), /0\/200/);

  const bad = "I'd like to add you to my professional network on LinkedIn.";
  await area.pressSequentially(bad);
  await settled(page, bad.length);
  const badScore = await score(page);
  assert.ok(badScore >= 0 && badScore <= 100);
  assert.match(await panelText(page), new RegExp(`${bad.length}/200`));

  const good = "Hi John, your RustConf talk on WebAssembly tooling at Acme was great. I'm building a similar compiler at Beta; happy to share our benchmarks. Open to a quick chat?";
  await area.fill('');
  await area.pressSequentially(good);
  await settled(page, good.length);
  const goodScore = await score(page);
  assert.ok(goodScore > badScore, `a personal note (${goodScore}) scores above LinkedIn's default text (${badScore})`);

  // Score out of 100 and the category breakdown are on screen.
  const text = await panelText(page);
  assert.match(text, new RegExp(`${goodScore}\\s*/100`));
  assert.match(text, new RegExp(`${good.length}/200`));
  assert.equal(await page.locator('rapport-panel .cat').count(), 5);

  // Beside the dialog: not over it, so never over its buttons.
  const p = await panel(page).locator('.panel').boundingBox();
  const dialog = await page.locator('#interop-outlet [role=dialog]').boundingBox();
  const send = await page.locator('#interop-outlet button[aria-label="Send invitation"]').boundingBox();
  assert.ok(!overlaps(p, dialog), 'panel does not cover the dialog');
  assert.ok(!overlaps(p, send), 'panel does not cover Send');
  assert.ok(p.x >= dialog.x + dialog.width, 'panel sits to the right of the dialog');

  assert.deepEqual(errors, []);
  await page.close();
});

it('flags "Hi Sarah" on John\'s profile; Apply edits like typing, caret after, undo works, Send sends it', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  const note = 'Hi Sarah, I enjoyed your talk on wasm tooling at Acme. Would you share the slides?';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok((await findings(page)).includes('wrong-name'));
  const fix = applyButton(page, 'wrong-name');
  assert.equal(await fix.innerText(), 'Replace with “John”', 'the fix says what it does; its name is that text');
  assert.match(await page.locator('rapport-panel [data-finding="wrong-name"] .quote').innerText(), /Sarah/);

  // The README's picture: the panel beside the invite dialog with a finding.
  await readmeShot(page, 'panel');

  await fix.click();
  const fixed = note.replace('Sarah', 'John');
  await page.waitForFunction(() => !document.querySelector('rapport-panel').shadowRoot.querySelector('[data-finding="wrong-name"]'));
  assert.equal(await area.inputValue(), fixed);
  const caret = await area.evaluate((el) => [el.selectionStart, el.selectionEnd, el.getRootNode().activeElement === el]);
  assert.deepEqual(caret, ['Hi John'.length, 'Hi John'.length, true], 'caret after the edit, focus in the note');
  // The page's own listener saw the edit (its counter is driven by input events).
  assert.equal(await page.locator('#interop-outlet .counter').innerText(), `${fixed.length}/200`);

  // Undo goes back to what was typed, and the panel follows.
  await page.keyboard.press('Control+Z');
  assert.equal(await area.inputValue(), note);
  await page.waitForFunction(() => !!document.querySelector('rapport-panel').shadowRoot.querySelector('[data-finding="wrong-name"]'));
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await area.inputValue(), fixed);

  await page.locator('#interop-outlet button[aria-label="Send invitation"]').click();
  await page.locator('#sent[data-sent]').waitFor();
  assert.equal(await page.locator('#sent').innerText(), fixed);
  // The dialog is gone, and so is the panel.
  await panel(page).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

it("a sidebar Connect invites someone else than the profile's owner", async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  await page.locator('aside button[aria-label="Invite Sarah Chen to connect"]').click();
  await page.locator('#interop-outlet button[aria-label="Add a note"]').click();
  const area = page.locator('#custom-message');
  const note = 'Hi John, your design systems talk was great.';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.ok((await findings(page)).includes('wrong-name'), 'the note goes to Sarah, not to John');
  await applyButton(page, 'wrong-name').click();
  await page.waitForFunction(() => !document.querySelector('rapport-panel').shadowRoot.querySelector('[data-finding="wrong-name"]'));
  assert.equal(await area.inputValue(), 'Hi Sarah, your design systems talk was great.');
  assert.deepEqual(errors, []);
  await page.close();
});

it('keeps the counter and the edits right with emoji (UTF-16)', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  const note = 'Hi 👋 {first_name}, loved your talk on Rust at Acme 🚀. Open to a chat?';
  await area.pressSequentially(note);
  await settled(page, note.length);
  assert.equal(note.length, [...note].length + 2, 'two astral emoji count two units each');
  assert.match(await panelText(page), new RegExp(`${note.length}/200`));

  await applyButton(page, 'unfilled-placeholder').click();
  const fixed = 'Hi 👋 John, loved your talk on Rust at Acme 🚀. Open to a chat?';
  await settled(page, fixed.length);
  assert.equal(await area.inputValue(), fixed);
  assert.deepEqual(await area.evaluate((el) => [el.selectionStart, el.selectionEnd]), [10, 10]);
  assert.match(await panelText(page), new RegExp(`${fixed.length}/200`));
  assert.equal(await page.locator('#interop-outlet .counter').innerText(), `${fixed.length}/200`);
  assert.ok(!(await findings(page)).includes('unfilled-placeholder'));
  assert.deepEqual(errors, []);
  await page.close();
});

it('removes text with one click (an empty replacement)', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  const note = "Hi John, the reason I'm reaching out is that your talk on wasm at Acme was great. Open to a chat?";
  await area.pressSequentially(note);
  await settled(page, note.length);
  const cut = await firstRemoval(page);
  assert.ok(cut, `a removal is offered (findings: ${await findings(page)})`);
  await applyButton(page, cut.rule).first().click();
  const fixed = note.slice(0, cut.start) + note.slice(cut.end);
  await settled(page, fixed.length);
  assert.equal(await area.inputValue(), fixed);
  assert.deepEqual(await area.evaluate((el) => [el.selectionStart, el.selectionEnd]), [cut.start, cut.start]);
  assert.equal(await page.locator('#interop-outlet .counter').innerText(), `${fixed.length}/200`);
  await page.keyboard.press('Control+Z');
  assert.equal(await area.inputValue(), note, 'undo brings the text back');
  assert.deepEqual(errors, []);
  await page.close();
});

it('works from the keyboard: two fixes in a row, focus stays in the panel; announces the score politely', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  const note = 'Hi Sarah, {company} looks like a great place to build compilers. Would you share the slides?';
  await area.pressSequentially(note);
  await settled(page, note.length);

  const focused = () => page.evaluate(() => {
    const host = document.querySelector('rapport-panel');
    const el = host.shadowRoot.activeElement;
    return el ? (el.getAttribute('data-rapport-rule') || el.className) : `outside:${document.activeElement?.id}`;
  });
  // The shortcut is shown in the panel, and the note box announces it.
  assert.match(await panelText(page), /Alt\+Shift\+R jumps here from your note/);
  assert.equal(await area.getAttribute('aria-keyshortcuts'), 'Alt+Shift+R');
  // Alt+Shift+R jumps from the note to the panel; Tab reaches the first fix.
  await page.keyboard.press('Alt+Shift+R');
  assert.equal(await focused(), 'toggle');
  await page.keyboard.press('Tab');
  const first = await focused();
  assert.ok(['wrong-name', 'unfilled-placeholder'].includes(first), `the first fix has focus (${first})`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((rule) => !document.querySelector('rapport-panel').shadowRoot.querySelector(`[data-finding="${rule}"]`), first);
  const afterOne = await area.inputValue();
  assert.notEqual(afterOne, note);
  const second = await focused();
  assert.ok(second !== first && !['toggle', 'outside:'].some((x) => second.startsWith(x)), `focus moved on to the next fix (${second})`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((rule) => !document.querySelector('rapport-panel').shadowRoot.querySelector(`[data-finding="${rule}"]`), second);
  const afterTwo = await area.inputValue();
  assert.notEqual(afterTwo, afterOne, 'the second Enter applied the second fix');
  assert.ok(!afterTwo.includes('\n'), 'no newline typed into the note');
  assert.ok(!afterTwo.includes('Sarah') || !afterTwo.includes('{company}'), afterTwo);
  assert.ok(!(await focused()).startsWith('outside:'), 'focus is still in the panel');

  // Collapse and expand with the keyboard.
  await page.keyboard.press('Alt+Shift+R');
  await area.focus();
  await page.keyboard.press('Alt+Shift+R');
  const toggle = page.locator('rapport-panel .toggle');
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('rapport-panel .body').isVisible(), false);
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('rapport-panel .body').isVisible(), true);

  // Escape in the panel returns to the note and does not close LinkedIn's dialog.
  await page.keyboard.press('Escape');
  assert.equal(await area.evaluate((el) => el.getRootNode().activeElement === el), true);
  assert.equal(await page.locator('#interop-outlet [role=dialog]').count(), 1);

  // The polite live region says the score once typing pauses.
  const live = page.locator('rapport-panel [aria-live="polite"]');
  await page.waitForFunction(() => /Rapport score \d+ out of 100/.test(document.querySelector('rapport-panel').shadowRoot.querySelector('[aria-live=polite]').textContent));
  assert.match(await live.textContent(), new RegExp(`score ${await score(page)} out of 100`));
  assert.deepEqual(errors, []);
  await page.close();
});

it('waits for a first sentence or a pause before suggesting (no flood on the first letters)', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi Sa');
  await settled(page, 5);
  assert.deepEqual(await findings(page), [], 'the first letters bring no suggestions');
  assert.match(await panelText(page), /after your first sentence or a short pause/);
  assert.ok(await panel(page).getAttribute('data-rapport-score'), 'the score shows at once');
  const small = (await panel(page).locator('.panel').boundingBox()).height;
  // A pause brings them.
  await page.waitForFunction(() => document.querySelector('rapport-panel').shadowRoot.querySelectorAll('[data-finding]').length > 0, null, { timeout: 3000 });
  assert.ok((await panel(page).locator('.panel').boundingBox()).height > small, 'the panel grows once, after the pause');
  // So does a first sentence, at once.
  await area.fill('');
  await area.pressSequentially('Hi Sarah.');
  await settled(page, 9);
  assert.ok((await findings(page)).includes('wrong-name'));
  assert.deepEqual(errors, []);
  await page.close();
});

it('stays calm while typing: suggestions that go away do not make the panel jump until a pause', async () => {
  const { page, errors } = await open(env.ctx);
  await page.setViewportSize({ width: 1280, height: 1400 }); // room: the panel is never at its full height
  await page.goto(JOHN);
  const area = await openInviteNote(page);
  const start = 'Hi John, I saw your talk on wasm tooling at Acme.';
  await area.fill(start);
  await settled(page, start.length);
  const before = await findings(page);
  await page.evaluate(() => {
    const box = document.querySelector('rapport-panel').shadowRoot.querySelector('.panel');
    const seen = (window.__heights = []);
    const tick = () => {
      seen.push(box.offsetHeight);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    tick();
  });
  await area.pressSequentially(" I'm building a similar compiler and would value your view; happy to share our benchmarks. What got you into compilers?");
  const heights = await page.evaluate(() => {
    window.__stop = true;
    return window.__heights;
  });
  const after = await findings(page);
  assert.ok(after.length < before.length, `typing answered some suggestions (${before} -> ${after})`);
  const drops = heights.slice(1).map((h, i) => heights[i] - h).filter((d) => d > 1);
  assert.deepEqual(drops, [], `the panel shrank while typing (${heights.length} frames)`);
  // After the pause it settles to fit what is left.
  const tall = heights.at(-1);
  await page.waitForFunction((h) => document.querySelector('rapport-panel').shadowRoot.querySelector('.panel').offsetHeight < h, tall, { timeout: 4000 });
  assert.deepEqual(errors, []);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.close();
});

it('follows the dialog when it moves or the window resizes', async () => {
  const { page } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi John, great talk.');
  await settled(page, 20);
  const dialog = page.locator('#interop-outlet [role=dialog]');
  const besideDialog = async () => {
    const p = await panel(page).locator('.panel').boundingBox();
    const d = await dialog.boundingBox();
    return Math.abs(p.x - (d.x + d.width + 8)) <= 1 && !overlaps(p, d);
  };
  assert.ok(await besideDialog());
  const before = await panel(page).locator('.panel').boundingBox();
  await page.evaluate(() => window.moveDialog(-180, 40));
  await page.waitForFunction((x) => document.querySelector('rapport-panel').shadowRoot.querySelector('.panel').getBoundingClientRect().x < x - 100, before.x);
  assert.ok(await besideDialog(), 'panel moved with the dialog');

  await page.evaluate(() => window.moveDialog(0, 0));
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.waitForTimeout(200);
  assert.ok(await besideDialog(), 'panel follows a window resize');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.close();
});

it('answers again after the browser stops the service worker', async () => {
  const { page, errors } = await open(env.ctx, JOHN);
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi Sarah, nice talk.');
  await settled(page, 20);
  assert.ok((await findings(page)).includes('wrong-name'));

  const cdp = await env.ctx.newCDPSession(page);
  const states = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith('chrome-extension://')) states.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && states.at(-1) !== 'stopped'; i++) await page.waitForTimeout(50);
  assert.equal(states.at(-1), 'stopped', 'worker stopped');

  await area.fill('');
  await area.pressSequentially('Hi John, nice talk on compilers at Acme.');
  await settled(page, 40);
  assert.ok(!(await findings(page)).includes('wrong-name'));
  assert.ok(states.includes('running') && states.lastIndexOf('running') > states.indexOf('stopped'), `worker restarted (${states.join(' > ')})`);
  assert.deepEqual(errors, []);
  await page.close();
});

it("follows LinkedIn's theme first, then the system's", async () => {
  const { page } = await open(env.ctx, JOHN);
  await page.emulateMedia({ colorScheme: 'dark' });
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi John');
  await settled(page, 7);
  const bg = () => page.locator('rapport-panel .panel').evaluate((el) => getComputedStyle(el).backgroundColor);
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  // LinkedIn light on a dark system: the panel is light, like the page around it.
  assert.ok(luminance(await bg()) > 0.8, `light background on LinkedIn's light theme (${await bg()})`);
  // LinkedIn's dark theme on a light system: dark.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => document.documentElement.classList.replace('theme--light', 'theme--dark'));
  await page.waitForFunction(() => document.querySelector('rapport-panel').getAttribute('data-theme') === 'dark');
  assert.ok(luminance(await bg()) < 0.3, `dark background (${await bg()})`);
  // A page that says nothing (no theme class, transparent background): the system decides.
  await page.evaluate(() => {
    document.documentElement.classList.remove('theme--dark');
    document.body.style.background = 'transparent';
  });
  await page.waitForFunction(() => !document.querySelector('rapport-panel').hasAttribute('data-theme'));
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok(luminance(await bg()) < 0.3, `dark system: dark (${await bg()})`);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(luminance(await bg()) > 0.8, `light system: light (${await bg()})`);
  await page.close();
});
