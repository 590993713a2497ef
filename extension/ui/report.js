// How a report reads, wherever it is shown: the note panel beside LinkedIn's box and the
// playground draw the same view. The score (or "This language is not checked yet"), what
// holds a capped score down, the suggestions with what each is worth ("+N") and its fix,
// then the breakdown. Text only, never HTML.
//
// A classic script like kit.js (after it); publishes `globalThis.RapportReport`.

// eslint-disable-next-line no-var
var RapportReport = (() => {
  const { el, setText, WORDS } = globalThis.RapportUI;

  /** Styles for the view, inside the shadow root that holds it (kit.style adds the palette). */
  const CSS = `
  .badge { min-width: 44px; height: 28px; padding: 0 8px; border-radius: 14px; display: inline-flex;
    align-items: baseline; justify-content: center; gap: 1px; line-height: 28px; font-weight: 700;
    font-size: 15px; background: var(--bar); color: var(--fg); font-variant-numeric: tabular-nums; }
  .badge .out { font-size: 11px; font-weight: 600; opacity: .85; }
  .badge[data-band="good"] { background: var(--good); color: var(--bg); }
  .badge[data-band="ok"] { background: var(--warn); color: var(--bg); }
  .badge[data-band="poor"] { background: var(--err); color: var(--bg); }
  .report { display: grid; gap: 8px; }
  .status { color: var(--muted); }
  .status[data-kind="unsupported"] { color: var(--fg); font-weight: 600; }
  .capped { color: var(--err); font-weight: 600; }
  .findings, .cats { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; grid-template-columns: minmax(0, 1fr); }
  .finding { border-left: 3px solid var(--accent); padding: 2px 0 2px 8px; display: grid; gap: 2px; justify-items: start; }
  .finding[data-severity="error"] { border-color: var(--err); }
  .finding[data-severity="warning"] { border-color: var(--warn); }
  .finding-head { display: flex; gap: 8px; align-items: baseline; }
  .sev { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
  .points { font-size: 12px; font-weight: 700; color: var(--good); font-variant-numeric: tabular-nums; }
  .quote { color: var(--muted); overflow-wrap: anywhere; }
  .apply { border-color: var(--accent); background: var(--accent); color: var(--accent-fg); font-weight: 600;
    text-align: left; overflow-wrap: anywhere; max-width: 100%; border-radius: 12px; }
  .apply:hover:not(:disabled) { background: var(--accent); filter: brightness(1.1); }
  .none { color: var(--good); }
  .cats { gap: 4px; }
  .cat { display: grid; grid-template-columns: 1fr 72px 40px; align-items: center; gap: 6px; }
  .cat-label { color: var(--muted); }
  .bar { height: 6px; border-radius: 3px; background: var(--bar); overflow: hidden; }
  .fill { height: 100%; background: var(--accent); border-radius: 3px; }
  .cat-score { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }`;

  const quote = (/** @type {string} */ s) => `“${s.length > 80 ? `${s.slice(0, 79)}…` : s}”`;

  /**
   * The label of a fix's button: the whole change in words (no tooltip needed), and the
   * button's accessible name, since it has no aria-label of its own.
   * @param {import('../types').Finding} f
   */
  function fixLabel(f) {
    const r = /** @type {string} */ (f.replacement);
    if (r === '') return 'Remove';
    if (f.start === f.end) return `Insert “${r.trim()}”`;
    if (r.length > 60) return 'Use the shorter version';
    return `Replace with “${r}”`;
  }

  /** 0-100 as a band for colour: good, ok, poor. */
  const band = (/** @type {number} */ score) => (score >= 70 ? 'good' : score >= 40 ? 'ok' : 'poor');

  class ReportView {
    /**
     * @param {{ onApply: (f: import('../types').Finding, byKeyboard: boolean) => void }} opts
     */
    constructor({ onApply }) {
      this.onApply = onApply;
      this.num = el('span', { class: 'num', text: '–' });
      /** The score as shown (hidden from screen readers, which hear `said`). */
      this.badge = el('span', { class: 'badge', 'aria-hidden': 'true' }, this.num, el('span', { class: 'out', text: '/100' }));
      this.said = el('span', { class: 'sr', text: 'no score yet' });
      this.status = el('p', { class: 'status' });
      this.capped = el('p', { class: 'capped' });
      this.findings = el('ul', { class: 'findings', 'aria-label': WORDS.suggestions });
      this.cats = el('ul', { class: 'cats', 'aria-label': WORDS.breakdown });
      this.body = el('div', { class: 'report' }, this.status, this.capped, this.findings, this.cats);
      /** @type {number|null} the score drawn (null: none) */
      this.score = null;
      this.count = 0;
    }

    /** @param {number|null} score */
    setScore(score, said = score == null ? 'no score' : `score ${score} out of 100`) {
      this.score = score;
      this.num.textContent = score == null ? '–' : String(score);
      if (score == null) this.badge.removeAttribute('data-band');
      else this.badge.setAttribute('data-band', band(score));
      this.said.textContent = said;
    }

    /** No report: a line of text instead (nothing typed yet, or the engine is down). */
    message(/** @type {string} */ text) {
      this.setScore(null, text === WORDS.empty ? 'no score yet' : 'no score');
      this.status.removeAttribute('data-kind');
      setText(this.status, text);
      setText(this.capped, '');
      this.findings.replaceChildren();
      this.cats.replaceChildren();
      this.count = 0;
    }

    /**
     * Draws `report` for `text` (the text it was computed from: spans index into it).
     * `early`: the writer has only begun (no sentence yet, no pause): the score only.
     * Keyboard focus on a fix moves to the fix now at the same place.
     * @param {import('../types').Report} report
     * @param {string} text
     * @param {{ early?: boolean }} [opts]
     */
    render(report, text, { early = false } = {}) {
      const supported = report.supported !== false && report.score != null;
      this.setScore(supported ? Math.max(0, Math.min(100, Math.round(/** @type {number} */ (report.score)))) : null,
        supported ? undefined : WORDS.unsupported);
      const status = !supported ? WORDS.unsupported : early ? WORDS.early : report.truncated ? WORDS.truncated : '';
      setText(this.status, status);
      if (supported) this.status.removeAttribute('data-kind');
      else this.status.setAttribute('data-kind', 'unsupported');
      setText(this.capped, supported && !early && report.capped_by ? WORDS.capped(report.capped_by) : '');

      const focused = this.applyButtons().indexOf(/** @type {HTMLButtonElement} */ (this.activeElement()));
      const findings = early ? [] : report.findings;
      this.count = findings.length;
      // A rule's points come once all its findings are fixed: each of them says so.
      const ofRule = new Map();
      for (const f of findings) ofRule.set(f.rule, (ofRule.get(f.rule) || 0) + 1);
      const items = findings.map((f) => this.finding(f, text, ofRule.get(f.rule)));
      if (!items.length && !early && text.trim()) items.push(el('li', {}, el('p', { class: 'none', text: WORDS.noSuggestions })));
      this.findings.replaceChildren(...items);
      this.cats.replaceChildren(...(supported && !early ? report.categories.map((c) => {
        const fill = el('div', { class: 'fill' });
        fill.style.width = `${c.max > 0 ? Math.round((100 * c.score) / c.max) : 0}%`;
        return el('li', { class: 'cat', 'data-category': c.id },
          el('span', { class: 'cat-label', text: c.label }),
          el('div', { class: 'bar', role: 'img', 'aria-label': `${c.label}: ${c.score} of ${c.max}` }, fill),
          el('span', { class: 'cat-score', text: `${c.score}/${c.max}`, 'aria-hidden': 'true' }));
      }) : []));
      if (focused >= 0) this.focusApply(focused);
    }

    /**
     * One finding: what it is, what fixing it is worth, the message, the fix. `of`: how
     * many findings its rule has (its points come once all are fixed).
     */
    finding(/** @type {import('../types').Finding} */ f, /** @type {string} */ text, of = 1) {
      const head = el('div', { class: 'finding-head' }, el('span', { class: 'sev', text: WORDS.severity[f.severity] || f.severity }));
      if (Number.isInteger(f.points) && /** @type {number} */ (f.points) > 0) {
        const n = /** @type {number} */ (f.points);
        head.append(el('span', { class: 'points', 'data-points': n, 'data-points-of': of > 1 ? of : null },
          WORDS.points(n, of), el('span', { class: 'sr', text: ` (${WORDS.pointsSaid(n, of)})` })));
      }
      const li = el('li', { class: 'finding', 'data-severity': f.severity, 'data-finding': f.rule, 'data-start': f.start, 'data-end': f.end },
        head);
      if (f.end > f.start) li.append(el('q', { class: 'quote', text: quote(text.slice(f.start, f.end)).slice(1, -1) }));
      li.append(el('p', { class: 'msg', text: f.message }));
      if (f.replacement != null) {
        const btn = el('button', { type: 'button', class: 'apply', 'data-rapport-rule': f.rule, text: fixLabel(f) });
        // Keep the caret in the note on mouse clicks; a keyboard "click" has detail 0.
        btn.addEventListener('mousedown', (e) => e.preventDefault());
        btn.addEventListener('click', (e) => this.onApply(f, e.detail === 0));
        li.append(btn);
      }
      return li;
    }

    activeElement() {
      const root = this.body.getRootNode();
      return root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
    }

    /** @returns {HTMLButtonElement[]} */
    applyButtons() {
      return [.../** @type {NodeListOf<HTMLButtonElement>} */ (this.findings.querySelectorAll('button.apply'))];
    }

    /** The index of the focused fix button, or -1. */
    focusedApply() {
      return this.applyButtons().indexOf(/** @type {HTMLButtonElement} */ (this.activeElement()));
    }

    /** Focuses the fix at `i` (or the last one); false when there is none. */
    focusApply(/** @type {number} */ i) {
      const buttons = this.applyButtons();
      const target = buttons[Math.min(i, buttons.length - 1)];
      if (!target) return false;
      target.focus();
      return true;
    }
  }

  return Object.freeze({ ReportView, REPORT_CSS: CSS });
})();
// A module page's top-level `var` stays in the module: publish it.
globalThis.RapportReport = RapportReport;
