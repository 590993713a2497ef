// The report view (extension/ui/report.js), which the note panel and the playground both
// draw, against the engine's report shape, including the fields an engine may leave out:
// "+N" per finding (`points`), a language it does not check (`supported: false`, no score),
// a capped score (`capped_by`), the first letters (`early`). Plain Chromium, no extension.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './harness.mjs';

let browser;
let page;
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><body><div id="host"></div></body></html>');
  await page.addScriptTag({ path: join(ROOT, 'extension/ui/kit.js') });
  await page.addScriptTag({ path: join(ROOT, 'extension/ui/report.js') });
});
after(() => browser?.close());

const TEXT = 'Hi Sarah, {company} rocks. Hola amigo.';
const finding = (rule, start, end, replacement, points, severity = 'warning') =>
  ({ rule, severity, category: 'personal', start, end, message: `${rule} message`, replacement, points });
const REPORT = {
  score: 30, language: 'en', supported: true, length: TEXT.length, limit: 300, truncated: false, capped_by: 'wrong-name',
  categories: [{ id: 'personal', label: 'Personal touch', score: 10, max: 40 }, { id: 'reason', label: 'Clear reason', score: 0, max: 20 }],
  findings: [finding('wrong-name', 3, 8, 'John', 25, 'error'), finding('unfilled-placeholder', 10, 19, 'Acme', 0, 'error'), finding('missing-question', 0, 0, null, 5, 'suggestion')],
};

/** Renders `report` in a fresh view; returns what a reader sees. */
function draw(report, opts = {}) {
  return page.evaluate(([r, text, o]) => {
    const { ReportView } = globalThis.RapportReport;
    const applied = [];
    const view = new ReportView({ onApply: (f, kb) => applied.push([f.rule, kb]) });
    const box = document.getElementById('host');
    box.replaceChildren(view.badge, view.said, view.body);
    view.render(r, text, o);
    const items = [...box.querySelectorAll('[data-finding]')];
    return {
      score: view.num.textContent,
      said: view.said.textContent,
      status: view.status.hidden ? '' : view.status.textContent,
      capped: view.capped.hidden ? '' : view.capped.textContent,
      cats: box.querySelectorAll('.cat').length,
      findings: items.map((li) => ({
        rule: li.dataset.finding,
        points: li.querySelector('.points')?.firstChild.textContent ?? null,
        button: li.querySelector('button')?.textContent ?? null,
        labelled: li.querySelector('button')?.hasAttribute('aria-label') ?? false,
      })),
    };
  }, [report, TEXT, opts]);
}

test('each finding shows what fixing it is worth (+N, only when N > 0), and the fix says what it does', async () => {
  const seen = await draw(REPORT);
  assert.equal(seen.score, '30');
  assert.deepEqual(seen.findings, [
    { rule: 'wrong-name', points: '+25', button: 'Replace with “John”', labelled: false },
    { rule: 'unfilled-placeholder', points: null, button: 'Replace with “Acme”', labelled: false },
    { rule: 'missing-question', points: '+5', button: null, labelled: false },
  ]);
  assert.equal(seen.cats, 2);
});

test('a rule with several findings: each says its points come once all of them are fixed', async () => {
  const seen = await draw({
    ...REPORT,
    capped_by: 'hard-sell',
    findings: [finding('hard-sell', 0, 2, null, 19), finding('missing-question', 0, 0, null, 5, 'suggestion'), finding('hard-sell', 10, 19, null, 19)],
  });
  assert.deepEqual(seen.findings.map((f) => f.points), ['+19 for all 2', '+5', '+19 for all 2']);
  const said = await page.evaluate(() => [...document.querySelectorAll('#host .points .sr')].map((n) => n.textContent));
  assert.deepEqual(said, [' (worth 19 points once all 2 like it are fixed)', ' (worth 5 points)', ' (worth 19 points once all 2 like it are fixed)']);
});

test('a capped score says what holds it down', async () => {
  assert.match((await draw(REPORT)).capped, /Held down by “Wrong name”/);
  assert.equal((await draw({ ...REPORT, capped_by: null })).capped, '');
});

test('a language the engine does not check: no number, said plainly, findings still listed', async () => {
  const seen = await draw({ ...REPORT, score: null, supported: false, language: 'es', capped_by: null });
  assert.equal(seen.score, '–');
  assert.equal(seen.status, 'This language is not checked yet');
  assert.equal(seen.said, 'This language is not checked yet');
  assert.equal(seen.cats, 0, 'no breakdown of a score that is not there');
  assert.equal(seen.findings.length, 3);
});

test('an engine without the new fields (points, supported) still draws', async () => {
  const old = { ...REPORT, findings: REPORT.findings.map(({ points: _, ...f }) => f) };
  delete old.supported;
  delete old.language;
  const seen = await draw(old);
  assert.equal(seen.score, '30');
  assert.deepEqual(seen.findings.map((f) => f.points), [null, null, null]);
});

test('the first letters show the score only (no flood of suggestions)', async () => {
  const seen = await draw(REPORT, { early: true });
  assert.equal(seen.score, '30');
  assert.deepEqual(seen.findings, []);
  assert.equal(seen.cats, 0);
  assert.equal(seen.capped, '');
  assert.match(seen.status, /after your first sentence or a short pause/);
});
