// Leaks, end to end: LinkedIn's invitation dialog opened and closed 100 times. In a
// browser of its own, because the renderer's DOM counters also count what earlier tests'
// closed pages still hold in the same process, which would hide a small leak.

import assert from 'node:assert/strict';
import { PANEL, browserSuite, heapCounters, open, openInviteNote, settled } from './harness.mjs';

const PROFILE = 'https://www.linkedin.com/in/john-okafor/';
const { env, it } = browserSuite('leaks', {});

/** Connect -> Add a note -> panel shown -> Cancel -> panel gone, `n` times, in the page. */
const cycles = (page, n) => page.evaluate(async ([count, sel]) => {
  const outlet = document.getElementById('interop-outlet');
  const until = async (cond, what) => {
    const end = performance.now() + 3000;
    while (!cond()) {
      if (performance.now() > end) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  for (let i = 0; i < count; i++) {
    document.getElementById('ember42').click();
    await until(() => outlet.shadowRoot.querySelector('button[aria-label="Add a note"]'), 'gate');
    outlet.shadowRoot.querySelector('button[aria-label="Add a note"]').click();
    await until(() => [...document.querySelectorAll(sel)].some((p) => !p.hidden && p.isConnected), 'panel');
    outlet.shadowRoot.querySelector('button[aria-label="Cancel adding a note"]').click();
    await until(() => document.querySelectorAll(sel).length === 0, 'panel removed');
  }
}, [n, PANEL]);

it('a dialog opened and closed 100 times leaves no panels, listeners, observers or nodes behind', async () => {
  const { page, errors } = await open(env.ctx, PROFILE);
  const heap = await heapCounters(env.ctx, page, ['MutationObserver', 'AbortController']);
  const measure = async () => {
    await page.waitForTimeout(600); // a discovery poll and the panel's last frames
    return { ...(await heap.measure()), panels: await page.locator(PANEL).count() };
  };
  await cycles(page, 5);
  const closed = await measure();
  // Positive controls: the counters see the extension's own objects. Discovery observes
  // the document and the #interop-outlet shadow root; an open note box adds a session
  // (its AbortController), its listeners and the panel's nodes.
  assert.ok(closed.MutationObserver >= 2, `discovery's observers are counted (${closed.MutationObserver})`);
  const area = await openInviteNote(page);
  await area.pressSequentially('Hi');
  await settled(page, 2);
  const opened = await measure();
  assert.ok(opened.listeners > closed.listeners + 10, `an open session adds listeners (${closed.listeners} -> ${opened.listeners})`);
  assert.ok(opened.AbortController > closed.AbortController, 'an open session holds an AbortController');
  assert.ok(opened.nodes > closed.nodes + 30, `an open panel adds nodes (${closed.nodes} -> ${opened.nodes})`);
  await page.locator('#interop-outlet button[aria-label="Cancel adding a note"]').click();
  await page.waitForFunction((sel) => !document.querySelector(sel), PANEL);

  // The baseline comes after the controls: Playwright's first click and first keystroke
  // add its own listeners to the page (13 each, measured on a page Rapport never touched).
  const warm = await measure();
  const t0 = Date.now();
  await cycles(page, 100);
  const ms = Date.now() - t0;
  const end = await measure();
  console.log(`# 100 dialog cycles: open ${JSON.stringify(opened)}, before ${JSON.stringify(warm)}, after ${JSON.stringify(end)}; ${ms} ms`);
  assert.equal(end.panels, 0, 'no panel host left in the DOM');
  assert.equal(end.MutationObserver, warm.MutationObserver, 'no observer left behind');
  assert.equal(end.AbortController, warm.AbortController, 'no session left behind');
  // A session adds dozens of listeners and nodes (the controls above): one leaked session
  // in 100 would show. The slack allows for the garbage collector, not for a leak.
  assert.ok(end.listeners - warm.listeners <= 3, `event listeners grew by ${end.listeners - warm.listeners} over 100 cycles`);
  assert.ok(end.nodes - warm.nodes <= 20, `DOM nodes grew by ${end.nodes - warm.nodes} over 100 cycles`);
  // Still works after all that.
  const again = await openInviteNote(page);
  await again.pressSequentially('Hi John');
  await settled(page, 7);
  assert.equal(await page.locator(PANEL).count(), 1);
  assert.deepEqual(errors, []);
  await heap.detach();
  await page.close();
});
