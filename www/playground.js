// The playground: the engine (wasm, run here in the page; src/wasm/playground.rs reads the
// fields, listens to them and runs it) and the extension's own report view (ui/kit.js, ui/report.js, copied beside this page by scripts/build.sh), so it reads
// exactly like the panel on LinkedIn. Test hook: #report[data-score] (absent when the
// language is not checked).
import init, { mountPlayground } from './pkg/rapport.js';
import './ui/kit.js';
import './ui/report.js';

const { el, style } = globalThis.RapportUI;
const { ReportView, REPORT_CSS } = globalThis.RapportReport;
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

/** Notes to learn from, worst first: [label, name, headline, company, text]. */
const EXAMPLES = [
  ["LinkedIn's default", 'Sarah Chen', 'Staff Engineer at Acme', 'Acme', "I'd like to add you to my professional network on LinkedIn."],
  ['Copy-paste slip', 'John Okafor', 'Head of Data at Globex', 'Globex', 'Hi Sarah, I came across your profile and would love to connect. {company} is doing great things!'],
  ['Hard sell', 'Priya Patel', 'VP Engineering at Initech', 'Initech', 'Hi Priya, we help companies like yours cut cloud costs by 40%. Can we book a quick 15-minute demo this week? https://calendly.com/x'],
  ['Entitled ask', 'Marco Rossi', 'Recruiter at Umbrella', 'Umbrella', 'Hi Marco, I am writing to ask if you could refer me for a job at Umbrella and introduce me to your network ASAP.'],
  ['Getting there', 'Sarah Chen', 'Staff Engineer at Acme', 'Acme', "Hi Sarah, I saw your talk at RustConf. I'd like to connect."],
  ['Good', 'Sarah Chen', 'Staff Engineer at Acme', 'Acme', "Hi Sarah, I saw your RustConf talk on incremental wasm builds. I'm building a Rust linter and would value your view on caching; happy to share our benchmarks in return. What got you into compiler tooling?"],
];

const note = $('note');
const host = $('report');
style(document);
const root = host.attachShadow({ mode: 'open' });
style(root, `${REPORT_CSS}
  :host { display: block; }
  .score { display: flex; align-items: center; gap: 10px; margin-bottom: 12px; }
  .score .badge { height: 48px; min-width: 88px; border-radius: 24px; font-size: 28px; line-height: 48px; }
  .score .badge .out { font-size: 14px; }`);
/** A fix applied from the keyboard keeps focus in the report, or the note once it is gone. */
let keyboardFix = false;
const view = new ReportView({
  onApply(f, byKeyboard) {
    note.setRangeText(f.replacement, f.start, f.end, 'end');
    if (!byKeyboard) note.focus();
    keyboardFix = byKeyboard;
    changed();
  },
});
root.append(el('div', { class: 'score' }, view.badge, el('span', { 'aria-hidden': 'true', text: 'out of 100' }), view.said), view.body);

/** Draws a report the engine's playground driver computed for `text`. */
function draw(/** @type {import('../extension/types').Report} */ report, /** @type {string} */ text) {
  view.render(report, text);
  if (keyboardFix && !root.activeElement) note.focus();
  keyboardFix = false;
  if (view.score == null) host.removeAttribute('data-score');
  else host.dataset.score = String(view.score);
  $('counter').textContent = `${report.length} / ${report.limit}`;
  $('counter').classList.toggle('over', report.length > report.limit);
}

/** Tells the driver the note changed (it listens to the page's own input events). */
const changed = () => note.dispatchEvent(new Event('input', { bubbles: true }));

try {
  await init();
  const playground = mountPlayground(draw);
  $('examples').replaceChildren(...EXAMPLES.map(([label, name, headline, company, text]) => {
    const button = el('button', { type: 'button', class: 'example', text: label });
    button.addEventListener('click', () => {
      Object.entries({ name, headline, company, note: text }).forEach(([id, v]) => { $(id).value = v; });
      playground.render();
    });
    return el('li', {}, button);
  }));
} catch (err) {
  $('status').textContent = `The engine could not start in this browser: ${/** @type {Error} */ (err)?.message ?? err}`;
}
