// Outcome-reader benchmark (not a test: prints figures). On the sent-invitations page and
// the notifications page grown to N items (copies of the fixture's, each with its own
// profile link), times the content script's outcome pass (Rapport.outcomes.check(), run in
// its isolated world through CDP) when the page did not change since the last pass, and
// right after one item was added (what the 500 ms discovery poll costs on such a page).
//
//   node tests/e2e/bench-outcomes.mjs [items]

import { launch } from './harness.mjs';

const N = Number(process.argv[2]) || 300;
const MARK = `#rapport-withdraw=${encodeURIComponent('https://www.linkedin.com/in/dan-brooks/')}`;
const PAGES = [
  ['sent invitations', 'https://www.linkedin.com/mynetwork/invitation-manager/sent/', '[role=listitem]'],
  ['sent invitations, a row highlighted', `https://www.linkedin.com/mynetwork/invitation-manager/sent/${MARK}`, '[role=listitem]'],
  ['notifications', 'https://www.linkedin.com/notifications/', 'article.nt-card:nth-child(2)'],
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
} finally {
  await env.close();
}
