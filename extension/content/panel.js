// The panel beside a field: score out of 100, category breakdown, character counter,
// findings with one-click fixes. It lives in an open shadow root of its own, so LinkedIn's
// CSS cannot reach it and its CSS cannot reach LinkedIn. Built with createElement and
// textContent only: no innerHTML anywhere, page and user text is always inert.
//
// Test hooks: the host <rapport-panel> carries data-rapport-score (absent until the first
// score), data-rapport-length (the field's length now), data-rapport-drawn (the length of
// the text the drawn report is for), data-rapport-state ("loading" | "ready" | "empty" | "error");
// each fix button carries data-rapport-rule.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const S = R.selectors;

  const STYLE = `
  :host { all: initial; position: fixed; z-index: 2147483000; top: 0; left: 0;
    --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0a66c2;
    --accent-fg: #ffffff; --err: #b42318; --warn: #9a6700; --sug: #0a66c2; --bar: #e6ebf1;
    --good: #1a7f37; --shadow: 0 4px 16px rgba(0,0,0,.18);
    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
  :host([data-theme="dark"]) { --bg: #1d2226; --fg: #e6edf3; --muted: #9aa7b4; --line: #38434f;
    --accent: #70b5f9; --accent-fg: #0b1117; --err: #ff8a80; --warn: #e3b341; --sug: #70b5f9;
    --bar: #2c353d; --good: #56d364; --shadow: 0 4px 16px rgba(0,0,0,.6); }
  @media (prefers-color-scheme: dark) {
    :host(:not([data-theme="light"])) { --bg: #1d2226; --fg: #e6edf3; --muted: #9aa7b4; --line: #38434f;
      --accent: #70b5f9; --accent-fg: #0b1117; --err: #ff8a80; --warn: #e3b341; --sug: #70b5f9;
      --bar: #2c353d; --good: #56d364; --shadow: 0 4px 16px rgba(0,0,0,.6); }
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }
  .panel { width: 288px; max-height: calc(100vh - 16px); overflow: auto; background: var(--bg);
    color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }
  .head { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 6px; }
  button { font: inherit; color: inherit; cursor: pointer; }
  button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  .toggle { display: flex; align-items: center; gap: 8px; flex: 1; min-width: 0; background: none;
    border: 0; padding: 2px; border-radius: 6px; text-align: left; }
  .badge { min-width: 40px; height: 28px; padding: 0 8px; border-radius: 14px; display: inline-flex;
    align-items: baseline; justify-content: center; gap: 1px; line-height: 28px; font-weight: 700;
    font-size: 15px; background: var(--bar); color: var(--fg); font-variant-numeric: tabular-nums; }
  .badge .out { font-size: 11px; font-weight: 600; opacity: .85; }
  .badge[data-band="good"] { background: var(--good); color: var(--bg); }
  .badge[data-band="ok"] { background: var(--warn); color: var(--bg); }
  .badge[data-band="poor"] { background: var(--err); color: var(--bg); }
  .title { font-weight: 600; white-space: nowrap; }
  .chev { margin-left: auto; color: var(--muted); transition: transform .15s; }
  .toggle[aria-expanded="false"] .chev { transform: rotate(-90deg); }
  .counter { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
  .counter[data-over] { color: var(--err); font-weight: 700; }
  .body { border-top: 1px solid var(--line); padding: 8px 10px 10px; }
  .body[hidden] { display: none; }
  .status { margin: 0 0 6px; color: var(--muted); }
  .cats { list-style: none; margin: 0 0 8px; padding: 0; display: grid; gap: 4px; }
  .cat { display: grid; grid-template-columns: 1fr 72px 38px; align-items: center; gap: 6px; }
  .cat-label { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .bar { height: 6px; border-radius: 3px; background: var(--bar); overflow: hidden; }
  .fill { height: 100%; background: var(--accent); border-radius: 3px; }
  .cat-score { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
  .findings { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 6px; }
  .finding { border-left: 3px solid var(--sug); padding: 2px 0 2px 8px; }
  .finding[data-severity="error"] { border-color: var(--err); }
  .finding[data-severity="warning"] { border-color: var(--warn); }
  .sev { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
  .msg { margin: 1px 0 4px; }
  .apply { border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg);
    border-radius: 14px; padding: 2px 10px; font-weight: 600; max-width: 100%; overflow: hidden;
    text-overflow: ellipsis; white-space: nowrap; }
  .apply:hover { filter: brightness(1.1); }
  .none { color: var(--good); margin: 0; }
  .guard { border-top: 1px solid var(--line); padding: 6px 10px; display: grid; gap: 2px; }
  .guard[hidden], .repeat[hidden], .month[hidden] { display: none; }
  .repeat { margin: 0; color: var(--warn); font-weight: 600; }
  .repeat-who { margin: 0; color: var(--muted); font-size: 12px; }
  .month { margin: 0; color: var(--muted); font-size: 12px; }
  .sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  `;

  const SEVERITY = { error: 'Fix', warning: 'Improve', suggestion: 'Tip' };
  const STOP = ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click', 'focusin', 'focusout', 'input'];

  let collapsedAll = false; // shared by every panel in the tab

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'id' || k === 'type' || k === 'title') node.setAttribute(k, v === true ? '' : String(v));
      else node[k] = v;
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  function styleInto(root) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } catch {
      root.append(el('style', { text: STYLE }));
    }
  }

  const quote = (s) => `“${s.length > 40 ? `${s.slice(0, 39)}…` : s}”`;

  class Panel {
    /**
     * @param {{ onApply: (finding) => void, onEscape: () => void, label: string }} opts
     */
    constructor({ onApply, onEscape, label }) {
      this.onApply = onApply;
      this.onEscape = onEscape;
      this.host = document.createElement('rapport-panel');
      this.host.setAttribute('data-rapport-state', 'loading');
      this.host.hidden = true;
      const root = this.host.attachShadow({ mode: 'open' });
      this.root = root;
      styleInto(root);

      this.score = el('span', { class: 'num', text: '–' });
      this.badge = el('span', { class: 'badge', 'aria-hidden': 'true' }, this.score, el('span', { class: 'out', text: '/100' }));
      this.scoreText = el('span', { class: 'sr', text: 'no score yet' });
      this.toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': String(!collapsedAll), 'aria-controls': 'rapport-body', title: 'Show or hide the details (Escape returns to your note)' },
        this.badge,
        el('span', { class: 'title', text: 'Rapport' }),
        this.scoreText,
        el('span', { class: 'chev', text: '▾', 'aria-hidden': 'true' }));
      this.countShown = el('span', { 'aria-hidden': 'true' });
      this.countSaid = el('span', { class: 'sr' });
      this.counter = el('span', { class: 'counter' }, this.countShown, this.countSaid);
      this.live = el('div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      this.status = el('p', { class: 'status', role: 'note' });
      this.status.hidden = true;
      this.cats = el('ul', { class: 'cats', 'aria-label': 'Score breakdown' });
      this.findings = el('ul', { class: 'findings', 'aria-label': 'Suggestions' });
      this.body = el('div', { class: 'body', id: 'rapport-body' }, this.status, this.cats, this.findings);
      // The repetition guard and the month counter (invitations): outside the collapsible body,
      // since sending the same note to many people is worth knowing even when it is collapsed.
      this.repeat = el('p', { class: 'repeat' });
      this.repeatWho = el('p', { class: 'repeat-who' });
      this.month = el('p', { class: 'month', title: 'Invitations sent with a note this calendar month. LinkedIn\u2019s free accounts get only a few a month.' });
      // Screen readers hear the repetition with the score (see announce), not from a second live region.
      this.guardBox = el('div', { class: 'guard' }, this.repeat, this.repeatWho, this.month);
      this.guardBox.hidden = true;
      this.body.hidden = collapsedAll;
      this.panel = el('section', { class: 'panel', 'aria-label': `Rapport: ${label}`, role: 'region' },
        this.head = el('div', { class: 'head' }, this.toggle, this.counter), this.live, this.guardBox, this.body);
      root.append(this.panel);

      this.toggle.addEventListener('click', () => {
        if (this.cramped) this.setPeek(!this.peek);
        else this.setCollapsed(this.toggle.getAttribute('aria-expanded') === 'true');
      });
      // Keep the page's own handlers (Escape closes LinkedIn's dialog, outside clicks dismiss
      // it, focus traps) from reacting to what happens inside the panel.
      for (const type of STOP) this.panel.addEventListener(type, (e) => e.stopPropagation());
      this.panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.onEscape();
        }
      });
      this.lastAnnounced = null;
      this.announceTimer = 0;
    }

    /**
     * Inserts the panel: at the end of <body>, or inside `modal` when the field is in a modal
     * <dialog> (showModal makes everything outside it inert: unclickable, unfocusable).
     */
    mount(modal = null) {
      (modal || document.body || document.documentElement).append(this.host);
      this.raise();
    }

    /**
     * Puts the panel in the top layer (a manual popover), so that it shows above a modal
     * <dialog> (z-index cannot reach over the top layer) and is positioned against the
     * viewport even when mounted inside a transformed or scrolling dialog.
     */
    raise() {
      try {
        if (!('popover' in this.host)) return;
        this.host.popover = 'manual';
        if (this.host.matches(':popover-open')) this.host.hidePopover();
        this.host.showPopover();
      } catch {
        // not in the document yet, or no popover support: z-index has to do
      }
    }

    destroy() {
      clearTimeout(this.announceTimer);
      this.host.remove();
    }

    setCollapsed(collapsed) {
      collapsedAll = collapsed;
      this.toggle.setAttribute('aria-expanded', String(!collapsed));
      this.body.hidden = collapsed;
      this.onResize?.();
    }

    /** No room beside the box: only the header shows until the person opens it ("peek"). */
    setCramped(cramped) {
      if (cramped === !!this.cramped) return;
      this.cramped = cramped;
      this.peek = false;
      this.host.toggleAttribute('data-cramped', cramped);
      this.body.hidden = cramped || collapsedAll;
      this.toggle.setAttribute('aria-expanded', String(!this.body.hidden));
    }

    setPeek(peek) {
      this.peek = peek;
      this.body.hidden = !peek;
      this.toggle.setAttribute('aria-expanded', String(peek));
      this.onResize?.();
    }

    /** Focuses the panel's first control (keyboard shortcut from the field). */
    focus() {
      this.toggle.focus();
    }

    setTheme(dark) {
      if (dark) this.host.setAttribute('data-theme', 'dark');
      else this.host.removeAttribute('data-theme');
    }

    /** The counter: UTF-16 length against the limit (what maxlength counts). */
    setCount(length, limit) {
      this.host.setAttribute('data-rapport-length', String(length));
      this.countShown.textContent = `${length}/${limit}`;
      this.countSaid.textContent = `${length} of ${limit} characters`;
      if (length > limit) this.counter.setAttribute('data-over', '');
      else this.counter.removeAttribute('data-over');
    }

    /**
     * The repetition guard and the month counter, from the worker's `guard` answer
     * ({ repetition: { count, examples } | null, month_count }); null hides them.
     * Test hooks: data-rapport-repeat (how many got nearly the same note), data-rapport-month.
     */
    setGuard(guard) {
      const rep = guard?.repetition;
      this.setText(this.repeat, rep ? `Nearly the same note went to ${rep.count} ${rep.count === 1 ? 'person' : 'people'} — identical notes look automated.` : '');
      const names = rep ? rep.examples.map((x) => x.name).filter(Boolean) : [];
      this.setText(this.repeatWho, names.length ? `Sent to ${names.join(', ')}${rep.count > names.length ? ' and others' : ''}.` : '');
      const month = guard && Number.isInteger(guard.month_count) ? guard.month_count : null;
      this.setText(this.month, month == null ? '' : `Personalised notes this month: ${month}`);
      this.guardBox.hidden = !rep && month == null;
      if (rep) this.host.setAttribute('data-rapport-repeat', String(rep.count));
      else this.host.removeAttribute('data-rapport-repeat');
      if (month == null) this.host.removeAttribute('data-rapport-month');
      else this.host.setAttribute('data-rapport-month', String(month));
    }

    /** Sets a line's text (only when it changed, so the live region does not repeat itself). */
    setText(node, text) {
      if (node.textContent !== text) node.textContent = text;
      node.hidden = !text;
    }

    /** Shown quietly when the engine is unavailable; the field keeps working. */
    showError(message) {
      this.host.setAttribute('data-rapport-state', 'error');
      this.host.removeAttribute('data-rapport-score');
      this.score.textContent = '–';
      this.badge.removeAttribute('data-band');
      this.scoreText.textContent = 'no score';
      this.status.textContent = message;
      this.status.hidden = false;
      this.cats.replaceChildren();
      this.findings.replaceChildren();
    }

    /** Nothing typed yet. */
    showEmpty(length = 0) {
      this.host.setAttribute('data-rapport-state', 'empty');
      this.host.setAttribute('data-rapport-drawn', String(length));
      this.host.removeAttribute('data-rapport-score');
      this.score.textContent = '–';
      this.badge.removeAttribute('data-band');
      this.scoreText.textContent = 'no score yet';
      this.status.textContent = 'Write your note: Rapport scores it as you type.';
      this.status.hidden = false;
      this.cats.replaceChildren();
      this.findings.replaceChildren();
    }

    /**
     * Draws a report for `text` (the text it was computed from; spans index into it).
     * @param {import('../protocol.js').Report} report
     */
    render(report, text) {
      const score = Math.max(0, Math.min(100, Math.round(report.score)));
      this.host.setAttribute('data-rapport-state', 'ready');
      this.host.setAttribute('data-rapport-drawn', String(text.length));
      this.host.setAttribute('data-rapport-score', String(score));
      this.score.textContent = String(score);
      this.badge.setAttribute('data-band', score >= 70 ? 'good' : score >= 40 ? 'ok' : 'poor');
      this.scoreText.textContent = `score ${score} out of 100`;
      this.status.hidden = true;
      if (report.truncated) {
        this.status.textContent = 'Only the start of this long text was analysed.';
        this.status.hidden = false;
      }

      const cats = report.categories.map((c) => {
        const pct = c.max > 0 ? Math.round((100 * c.score) / c.max) : 0;
        const fill = el('div', { class: 'fill' });
        fill.style.width = `${pct}%`;
        return el('li', { class: 'cat', 'data-category': c.id },
          el('span', { class: 'cat-label', text: c.label }),
          el('div', { class: 'bar', role: 'img', 'aria-label': `${c.label}: ${c.score} of ${c.max}` }, fill),
          el('span', { class: 'cat-score', text: `${c.score}/${c.max}`, 'aria-hidden': 'true' }));
      });
      this.cats.replaceChildren(...cats);
      // Rebuilding the list must not drop keyboard focus: it returns to the same rule's button.
      const focusedRule = this.root.activeElement?.getAttribute?.('data-rapport-rule');

      const items = report.findings.map((f) => {
        const li = el('li', { class: 'finding', 'data-severity': f.severity, 'data-finding': f.rule, 'data-start': f.start, 'data-end': f.end },
          el('div', { class: 'sev', text: SEVERITY[f.severity] || f.severity }),
          el('p', { class: 'msg', text: f.message }));
        if (f.replacement != null) {
          const old = text.slice(f.start, f.end);
          const verb = f.replacement === '' ? 'Remove' : f.start === f.end ? 'Insert' : 'Apply';
          const detail = f.replacement === '' ? `${verb} ${quote(old)}`
            : f.start === f.end ? `${verb} ${quote(f.replacement)}`
              : `${verb}: ${quote(old)} → ${quote(f.replacement)}`;
          const label = f.replacement === '' ? 'Remove' : f.start === f.end ? `Insert ${quote(f.replacement.trim())}` : `Apply ${quote(f.replacement)}`;
          const btn = el('button', { type: 'button', class: 'apply', 'data-rapport-rule': f.rule, 'aria-label': detail, title: detail, text: label });
          // Keep the caret in the note on mouse clicks; keyboard users still Tab here.
          btn.addEventListener('mousedown', (e) => e.preventDefault());
          btn.addEventListener('click', () => this.onApply(f));
          li.append(btn);
        }
        return li;
      });
      if (!items.length) items.push(el('li', {}, el('p', { class: 'none', text: 'No suggestions. Looks good.' })));
      this.findings.replaceChildren(...items);
      if (focusedRule) {
        const again = this.findings.querySelector(`[data-rapport-rule="${CSS.escape(focusedRule)}"]`) || this.toggle;
        again.focus();
      }

      this.announce(score, report.findings.length);
    }

    /** Tells screen readers the score once typing pauses, and only when it changed. */
    announce(score, count) {
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => {
        const repeat = this.host.getAttribute('data-rapport-repeat');
        const msg = `Rapport score ${score} out of 100, ${count} ${count === 1 ? 'suggestion' : 'suggestions'}`
          + (repeat ? `. Nearly the same note went to ${repeat} people` : '');
        if (msg !== this.lastAnnounced) {
          this.lastAnnounced = msg;
          this.live.textContent = msg;
        }
      }, 900);
    }

    /**
     * Places the panel beside `box` (the dialog or composer: never over it, so never over
     * LinkedIn's buttons), level with `field`. Hides it when the field is not visible.
     */
    place(field, box, wanted = true) {
      const f = field.getBoundingClientRect();
      if (!wanted || !field.isConnected || f.width === 0 || f.height === 0) {
        this.host.hidden = true;
        return;
      }
      this.host.hidden = false;
      const c = box ? box.getBoundingClientRect() : f;
      const vw = document.documentElement.clientWidth || innerWidth;
      const vh = innerHeight;
      const gap = 8;
      const w = this.panel.offsetWidth || 288;
      const beside = (top) => Math.min(Math.max(top, gap), Math.max(gap, vh - this.panel.offsetHeight - gap));
      let left;
      let top;
      if (c.right + gap + w <= vw - gap) {
        this.setCramped(false);
        left = c.right + gap;
        top = beside(f.top);
      } else if (c.left - gap - w >= gap) {
        this.setCramped(false);
        left = c.left - gap - w;
        top = beside(f.top);
      } else {
        // No room at either side: above or below the box, showing only the header unless
        // the person opens it. In a box that fills its frame, over the text above the field
        // (a dialog's heading), never over what comes after it (its Send button).
        this.setCramped(true);
        const h = this.panel.offsetHeight || 40;
        left = Math.min(Math.max(c.right - w, gap), vw - w - gap);
        if (c.bottom + gap + h <= vh - gap) top = c.bottom + gap;
        else if (c.top - gap - h >= gap) top = c.top - gap - h;
        else if (f.top - gap - h >= gap) top = f.top - gap - h;
        else top = Math.max(gap, vh - h - gap);
      }
      left = Math.round(left);
      top = Math.round(top);
      if (left !== this.left || top !== this.top) {
        this.left = left;
        this.top = top;
        this.host.style.transform = `translate(${left}px, ${top}px)`;
      }
    }

    static darkTheme() {
      return !!S.first(document, S.DARK_THEME);
    }
  }

  R.panel = { Panel };
})();
