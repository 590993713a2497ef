// Scale benchmark (not a test: prints figures). 10,000 contacts with notes written into
// chrome.storage.local through the service worker, then: storage size, badge count, time
// to open the popup until its list renders, search latency, export (JSON, CSV) and import
// (into an emptied store) times and correctness.
//
//   node tests/e2e/bench-scale.mjs [count]

import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { DAY, badgeIs, message, worker } from './followup-helpers.mjs';

const N = Number(process.argv[2]) || 10_000;
const DUE = 73;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const env = await launch();
try {
  const sw = worker(env.ctx);
  const t0 = Date.now();
  await sw.evaluate(async ([n, due, day]) => {
    await chrome.storage.local.clear();
    const now = Date.now();
    const all = { schema_version: 1 };
    for (let i = 0; i < n; i++) {
      const slug = `person-${String(i).padStart(5, '0')}`;
      all[`contact:linkedin.com/in/${slug}`] = {
        key: `linkedin.com/in/${slug}`, url: `https://www.linkedin.com/in/${slug}/`, name: `Person ${i} Example`,
        headline: `Senior Engineer ${i % 50} at Company ${i % 97} | Rust, TypeScript, distributed systems`, company: `Company ${i % 97}`,
        invited_at: now - (10 + (i % 30)) * day,
        note_sent: `Hi Person ${i}, I enjoyed your post about topic ${i % 300} and would love to compare notes on how your team handles it.`,
        notes: `Met at conference ${i % 40}. Follow up about project ${i}; they mentioned hiring in Q${1 + (i % 4)}.`,
        follow_up_at: i < due ? now - day : now + (1 + (i % 60)) * day, done_at: null, updated: now - 10 * day, schema: 1,
      };
    }
    all['contact:linkedin.com/in/zelda-quasimodo'] = {
      key: 'linkedin.com/in/zelda-quasimodo', url: 'https://www.linkedin.com/in/zelda-quasimodo/', name: 'Zelda Quasimodo',
      headline: 'Bell ringer', company: 'Notre Dame', invited_at: now - day, note_sent: 'Hi Zelda', notes: 'xylophone recital',
      follow_up_at: now + 3 * day, done_at: null, updated: now - day, schema: 1,
    };
    await chrome.storage.local.set(all);
  }, [N, DUE, DAY]);
  const seedMs = Date.now() - t0;
  const bytes = await sw.evaluate(() => chrome.storage.local.getBytesInUse(null));
  const tb = Date.now();
  await badgeIs(env, String(DUE), 30_000);
  const badgeMs = Date.now() - tb;

  // Popup: from navigation to the list rendered (3 runs).
  console.error(`seeded in ${seedMs} ms, badge after ${badgeMs} ms`);
  const opens = [];
  let popup;
  for (let i = 0; i < 3; i++) {
    const page = await env.ctx.newPage();
    await page.setViewportSize({ width: 420, height: 640 });
    const s = Date.now();
    await page.goto(`chrome-extension://${env.extensionId}/extension/pages/popup.html`);
    await page.locator('li.item').first().waitFor({ timeout: 30_000 });
    opens.push(Date.now() - s);
    const due = await page.locator('section.group-due li.item').count();
    assert.equal(due, DUE, 'due list');
    if (i < 2) await page.close(); else popup = page;
  }
  const itemsShown = await popup.locator('li.item').count();

  // Search: typing a query until the results are drawn.
  const searches = {};
  for (const [q, expect] of [['xylophone', 1], ['Person 4242 Example', 1], ['conference 7.', null], ['zzz nobody', 0]]) {
    await popup.locator('#search').fill('');
    await popup.waitForFunction(() => document.getElementById('lists').dataset.state !== 'results'
      && !/No contact or note matches/.test(document.getElementById('lists').textContent), null, { timeout: 30_000 });
    const s = Date.now();
    await popup.locator('#search').fill(q);
    await popup.waitForFunction(() => ['results'].includes(document.getElementById('lists').dataset.state)
      || /No contact or note matches/.test(document.getElementById('lists').textContent), null, { timeout: 30_000 });
    searches[q] = { ms: Date.now() - s, shown: await popup.locator('li.item').count() };
    if (expect != null) assert.equal(searches[q].shown, expect, q);
  }
  const viewTimes = [];
  for (let i = 0; i < 3; i++) {
    const s = Date.now();
    const v = await message(popup, { kind: 'followup-view', query: 'project 9999' });
    viewTimes.push(Date.now() - s);
    assert.equal(v.total, N + 1);
  }

  // Export, then import into an emptied store.
  const s1 = Date.now();
  const json = await message(popup, { kind: 'export', format: 'json' });
  const exportJsonMs = Date.now() - s1;
  const s2 = Date.now();
  const csv = await message(popup, { kind: 'export', format: 'csv' });
  const exportCsvMs = Date.now() - s2;
  assert.equal(json.count, N + 1);
  assert.equal(csv.count, N + 1);
  const before = await sw.evaluate(() => chrome.storage.local.get(null));
  await message(popup, { kind: 'delete-all' });
  const s3 = Date.now();
  await message(popup, { kind: 'import', text: json.text, apply: false });
  const previewMs = Date.now() - s3;
  const s4 = Date.now();
  const imported = await message(popup, { kind: 'import', text: json.text, apply: true, apply_settings: true });
  const importMs = Date.now() - s4;
  assert.equal(imported.ok, true, imported.error);
  assert.equal(imported.added, N + 1);
  const afterImport = await sw.evaluate(() => chrome.storage.local.get(null));
  const contacts = (o) => Object.keys(o).filter((k) => k.startsWith('contact:'));
  assert.equal(contacts(afterImport).length, N + 1);
  for (const k of contacts(before)) assert.deepEqual(afterImport[k], before[k], k);
  await badgeIs(env, String(DUE), 30_000);

  console.log(JSON.stringify({
    contacts: N + 1,
    seed_ms: seedMs,
    storage_bytes: bytes,
    bytes_per_contact: Math.round(bytes / (N + 1)),
    badge: `${DUE} (correct), ${badgeMs} ms after the write`,
    popup_open_ms: opens,
    popup_open_median_ms: median(opens),
    popup_items_rendered: itemsShown,
    search_ms: searches,
    followup_view_roundtrip_ms: viewTimes,
    export_json_ms: exportJsonMs,
    export_json_bytes: json.text.length,
    export_csv_ms: exportCsvMs,
    export_csv_bytes: csv.text.length,
    import_preview_ms: previewMs,
    import_apply_ms: importMs,
    import_added: imported.added,
    import_identical: true,
  }, null, 2));
} finally {
  await env.close();
}
