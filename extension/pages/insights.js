// The insights page (opened from the popup): acceptance rates by the note's score band,
// with or without a note, by note template and by month sent, each with its Wilson 95%
// interval and "too early to tell" under 20 decided invitations. Every number comes from
// the engine (`insights`, through the worker's KIND.INSIGHTS); this page only draws.
//
// Each table is an SVG bar chart built with DOM APIs (role="img", a title and a
// description naming every rate), bars with interval whiskers, and the same numbers as a
// data table under "Show as a table". Colours are the kit's palette (light and dark).
//
// Test hooks: <main id="main" data-state="loading|provisional|ready|empty|error">
// ('provisional': the worker's kept answer drawn while it starts; data-kept="confirmed" or
// "replaced" once its own answer came, performance mark 'rapport-insights-kept'); each table is
// <section data-table="<id>"> with <svg data-chart> (a <g data-group="<key>" data-rate
// data-low data-high data-too-early> per group) and a <table>.

import { KEPT, KIND, canonical, el, keptFits, markDrawn, notice, plural, readKept, send, storeNotices, svg } from './page.js';

const main = /** @type {HTMLElement} */ (document.getElementById('main'));

/** "37%" (whole percent; "0.4%" below 1%). */
const pct = (/** @type {number} */ x) => {
  const p = x * 100;
  return p > 0 && p < 1 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
};

/** A rate and its interval in words. */
function rateText(/** @type {import('../types').InsightGroup} */ g) {
  if (g.rate == null) return g.pending ? `no decided invitation yet (${g.pending} pending)` : 'no invitations';
  const interval = g.interval ? ` (95% interval ${pct(g.interval.low)}–${pct(g.interval.high)})` : '';
  return `${pct(g.rate)} accepted${interval}, ${g.accepted} of ${plural(g.accepted + g.not_accepted, 'decided invitation', 'decided invitations')}${g.too_early ? ', too early to tell' : ''}`;
}

/** Shortens a label for the chart (the table and the row's tooltip have it whole). */
const short = (/** @type {string} */ s, n = 26) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

const LABEL_W = 190;
const VALUE_W = 150;
const WIDTH = 680;
const ROW = 30;
const TOP = 22;

/**
 * The chart for one table: a row per group, the bar its rate, the whisker its interval.
 * @param {{ id: string, title: string, groups: import('../types').InsightGroup[] }} table
 */
function chart(table) {
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const x = (/** @type {number} */ r) => LABEL_W + r * plotW;
  const height = TOP + table.groups.length * ROW + 8;
  const titleId = `chart-${table.id}-title`;
  const descId = `chart-${table.id}-desc`;
  const root = svg('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, 'data-chart': table.id,
  });
  root.append(
    svg('title', { id: titleId, text: `Acceptance rate ${table.title.toLowerCase()}` }),
    svg('desc', { id: descId, text: table.groups.map((g) => `${g.label}: ${rateText(g)}.`).join(' ') }),
  );
  // The scale: 0, 25, 50, 75, 100%.
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(
      svg('line', { class: 'grid', x1: x(t), x2: x(t), y1: TOP - 4, y2: height - 6 }),
      svg('text', { class: 'axis-label', x: x(t), y: TOP - 8, 'text-anchor': 'middle', text: pct(t) }),
    );
  }
  table.groups.forEach((g, i) => {
    const y = TOP + i * ROW;
    const mid = y + ROW / 2;
    const row = svg('g', {
      'data-group': g.key, 'data-rate': g.rate ?? null, 'data-low': g.interval?.low ?? null, 'data-high': g.interval?.high ?? null,
      'data-too-early': g.too_early,
    }, svg('title', { text: `${g.label}: ${rateText(g)}` }));
    row.append(svg('text', { x: LABEL_W - 8, y: mid + 4, 'text-anchor': 'end', text: short(g.label) }));
    if (g.rate != null) {
      row.append(svg('rect', {
        class: `bar${g.too_early ? ' early' : ''}`, x: x(0), y: y + 7, width: Math.max(1, g.rate * plotW), height: ROW - 14, rx: 2,
      }));
    }
    if (g.interval) {
      const [lo, hi] = [x(g.interval.low), x(g.interval.high)];
      row.append(
        svg('line', { class: 'whisker', x1: lo, x2: hi, y1: mid, y2: mid }),
        svg('line', { class: 'whisker', x1: lo, x2: lo, y1: mid - 6, y2: mid + 6 }),
        svg('line', { class: 'whisker', x1: hi, x2: hi, y1: mid - 6, y2: mid + 6 }),
      );
    }
    const value = g.rate == null ? 'no decided yet' : `${pct(g.rate)}  ${g.accepted}/${g.accepted + g.not_accepted}`;
    row.append(svg('text', { x: WIDTH - VALUE_W + 10, y: mid - 1, text: value }));
    if (g.too_early) row.append(svg('text', { class: 'early-text', x: WIDTH - VALUE_W + 10, y: mid + 11, text: 'too early to tell' }));
    root.append(row);
  });
  return root;
}

/** The same numbers as a table (for screen readers and anyone who prefers one). */
function dataTable(/** @type {{ id: string, title: string, groups: import('../types').InsightGroup[] }} */ table) {
  const head = ['Group', 'Invitations', 'Accepted', 'Not accepted', 'Pending', 'Rate', '95% interval', ''];
  return el('table', {},
    el('caption', { class: 'sr', text: `Acceptance rate ${table.title.toLowerCase()}` }),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col', text: h || 'Verdict' })))),
    el('tbody', {}, ...table.groups.map((g) => el('tr', { 'data-group': g.key },
      el('th', { scope: 'row', text: g.label }),
      el('td', { text: String(g.invitations) }),
      el('td', { text: String(g.accepted) }),
      el('td', { text: String(g.not_accepted) }),
      el('td', { text: String(g.pending) }),
      el('td', { text: g.rate == null ? '—' : pct(g.rate) }),
      el('td', { text: g.interval ? `${pct(g.interval.low)}–${pct(g.interval.high)}` : '—' }),
      el('td', { text: g.too_early ? 'too early to tell' : '' }),
    ))));
}

function section(table) {
  const titleId = `table-${table.id}-title`;
  const s = el('section', { class: 'table-section', 'data-table': table.id, 'aria-labelledby': titleId },
    el('h2', { id: titleId, text: table.title }));
  if (!table.groups.length) {
    s.append(el('p', { class: 'muted', text: table.id === 'template' ? 'No template yet: three or more nearly identical notes make one.' : 'Nothing to show yet.' }));
    return s;
  }
  s.append(
    el('figure', {}, chart(table)),
    el('details', {}, el('summary', { text: 'Show as a table' }), dataTable(table)),
  );
  return s;
}

/** Draws an answer to KIND.INSIGHTS; `provisional`: the worker's kept one, until its own answer comes. */
function draw(answer, provisional = false) {
  /** @type {import('../types').Insights} */
  const ins = answer.insights;
  document.getElementById('notices').replaceChildren(...storeNotices(answer));
  const overall = /** @type {HTMLElement} */ (document.getElementById('overall-text'));
  if (!ins.overall.invitations) {
    overall.textContent = 'No invitation with a known outcome yet. Rapport learns what became of an invitation when you visit the person’s profile, your sent invitations, your notifications or your new connections on LinkedIn.';
  } else {
    const extra = [];
    if (ins.overall.pending) extra.push(`${ins.overall.pending} still pending`);
    if (ins.unseen) extra.push(`${ins.unseen} sent before Rapport (overall only)`);
    if (ins.unscored) extra.push(`${ins.unscored} with an unscored note (not in the score bands)`);
    overall.textContent = `${plural(ins.overall.invitations, 'invitation', 'invitations')}: ${rateText(ins.overall)}.${extra.length ? ` ${extra.join('; ')}.` : ''}`;
  }
  overall.dataset.rate = ins.overall.rate == null ? '' : String(ins.overall.rate);
  document.getElementById('tables').replaceChildren(...ins.tables.map(section));
  settle(provisional ? 'provisional' : stateOf(answer));
}

const stateOf = (answer) => (answer.insights.overall.invitations ? 'ready' : 'empty');

/** What the page draws of an answer, as `canonical` JSON (when it was computed is not drawn). */
const drawnOf = (answer) => canonical({ ...answer, insights: { ...answer.insights, computed_at: 0 } });

/** The page's state for tests and assistive technology: busy while provisional. */
function settle(/** @type {string} */ state) {
  main.dataset.state = state;
  if (state !== 'provisional') main.removeAttribute('aria-busy');
  markDrawn('rapport-insights');
}

async function load() {
  const tz = new Date().getTimezoneOffset();
  const asked = send({ kind: KIND.INSIGHTS, tz });
  let answered = false;
  asked.then(() => { answered = true; }, () => { answered = true; });
  /** The kept answer drawn (`drawnOf`). */
  let shown = null;
  try {
    // A stopped worker answers late: its kept answer is drawn meanwhile, if it fits.
    const kept = await readKept(KEPT.INSIGHTS);
    if (!answered && keptFits(kept, tz)) {
      performance.mark('rapport-insights-kept');
      shown = drawnOf(kept.answer);
      draw(kept.answer, true);
    }
    const answer = await asked;
    if (shown !== null && drawnOf(answer) === shown) {
      main.dataset.kept = 'confirmed';
      settle(stateOf(answer));
    } else {
      if (shown !== null) main.dataset.kept = 'replaced';
      draw(answer);
    }
  } catch (e) {
    main.dataset.state = 'error';
    main.removeAttribute('aria-busy');
    document.getElementById('notices').replaceChildren(notice('error', `Rapport could not compute the acceptance rates: ${e.message}`));
  }
}

load();
