// Outcome-reader benchmark (not a test: prints figures). On the sent-invitations page and
// the notifications page grown to N items (copies of the fixture's, each with its own
// profile link), times the content script's outcome pass (Rapport.outcomes.check(), run in
// its isolated world through CDP) when the page did not change since the last pass, and
// right after one item was added (what the 500 ms discovery poll costs on such a page).
// Then, in the worker with CONTACTS contacts stored: one OBSERVE carrying a sent-invitations
// page of 100 rows (folded on one read of the store) against the same rows sent one message
// each (each a read of the whole store after the previous write).
//
//   node tests/e2e/bench-outcomes.mjs [items] [contacts]

import { launch } from './harness.mjs';
import { DAY, extensionPage, message, worker } from './followup-helpers.mjs';

const N = Number(process.argv[2]) || 300;
const CONTACTS = Number(process.argv[3]) || 10_000;
const ROWS = 100;
const MARK = `#rapport-withdraw=${encodeURIComponent('https://www.linkedin.com/in/dan-brooks/')}`;
const PAGES = [
  ['sent invitations', 'https://www.linkedin.com/mynetwork/invitation-manager/sent/', '[role=listitem]'],
  ['sent invitations, a row highlighted', `https://www.linkedin.com/mynetwork/invitation-manager/sent/${MARK}`, '[role=listitem]'],
  ['notifications', 'https://www.linkedin.com/notifications/', '[data-finite-scroll-hotkey-item="1"] article.nt-card'],
];
const stats = (t) => {
  const s = [...t].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
};

const env = await launch();
try {
  for (const [name, url, item] of PAGES) {
    const page = await env.ctx.newPage();
    await page.goto(url);
    await page.locator(item).first().waitFor();
    await page.evaluate(([sel, n]) => {
      const proto = document.querySelector(sel);
      let i = 0;
      window.addOne = () => {
        const c = proto.cloneNode(true);
        i += 1;
        for (const a of c.querySelectorAll('a[href*="/in/"]')) a.setAttribute('href', `/in/bench-person-${i}/`);
        proto.parentElement.append(c);
      };
      for (let k = 0; k < n; k++) window.addOne();
    }, [item, N]);
    const cdp = await env.ctx.newCDPSession(page);
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const world = worlds.findLast((c) => c.auxData?.type === 'isolated' && c.name.startsWith('Rapport'));
    const timed = async () => (await cdp.send('Runtime.evaluate', {
      contextId: world.id, returnByValue: true, awaitPromise: true,
      expression: '(async () => { await new Promise((r) => setTimeout(r, 0)); const s = performance.now(); globalThis.Rapport.outcomes.check(); return performance.now() - s; })()',
    })).result.value;
    await timed(); // the first full read
    const idle = [];
    for (let k = 0; k < 20; k++) idle.push(await timed());
    const added = [];
    for (let k = 0; k < 20; k++) {
      await page.evaluate(() => window.addOne());
      added.push(await timed());
    }
    console.log(`${name}, ${N + 1} items: unchanged ${stats(idle)}; one item added ${stats(added)}`);
    await cdp.detach();
    await page.close();
  }

  // ---- The worker: a page of rows in one message, against one message a row. ----
  await worker(env.ctx).evaluate(async ([n, day]) => {
    await chrome.storage.local.clear();
    const now = Date.now();
    const all = { schema_version: 2 };
    for (let i = 0; i < n; i++) {
      const slug = `person-${String(i).padStart(5, '0')}`;
      all[`contact:linkedin.com/in/${slug}`] = {
        key: `linkedin.com/in/${slug}`, url: `https://www.linkedin.com/in/${slug}/`, name: `Person ${i} Example`,
        headline: `Senior Engineer ${i % 50} at Company ${i % 97}`, company: `Company ${i % 97}`,
        invited_at: now - (10 + (i % 30)) * day, note_sent: `Hi Person ${i}, I enjoyed your post about topic ${i % 300}.`,
        notes: '', follow_up_at: now + (1 + (i % 60)) * day, done_at: null, status: 'pending', status_at: now - (10 + (i % 30)) * day,
        note_score: 40 + (i % 50), last_interaction_at: null, cadence_days: null, updated: now - 10 * day, schema: 2,
      };
    }
    await chrome.storage.local.set(all);
  }, [CONTACTS, DAY]);
  const popup = await extensionPage(env, 'popup');
  const rows = (from) => Array.from({ length: ROWS }, (_, i) => ({
    url: `https://www.linkedin.com/in/row-person-${from + i}/`, name: `Row Person ${from + i}`, kind: 'sent_row', sent: 'Sent 2 weeks ago',
  }));
  let t = performance.now();
  const one = await message(popup.page, { kind: 'observe', observations: rows(0) });
  const batchMs = performance.now() - t;
  t = performance.now();
  let each = 0;
  for (const o of rows(ROWS)) each += (await message(popup.page, { kind: 'observe', observations: [o] })).changed;
  const eachMs = performance.now() - t;
  console.log(`worker, ${CONTACTS} contacts stored: ${ROWS} new sent-invitation rows in one message ${Math.round(batchMs)} ms (changed ${one.changed}); one message a row ${Math.round(eachMs)} ms (changed ${each})`);
  await popup.page.close();
} finally {
  await env.close();
}
