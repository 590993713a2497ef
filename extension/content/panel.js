// The panel beside a field: score out of 100, what holds it down, suggestions with what
// each is worth and a one-click fix, the breakdown, the character counter. It lives in an
// open shadow root of its own (LinkedIn's CSS cannot reach it, its CSS cannot reach
// LinkedIn) and draws the report with the kit's ReportView (the playground draws the same).
//
// Placement never covers the note box or the dialog's buttons (Send, Cancel): beside the
// dialog when there is room; else below it, else above it, scrolling inside itself; else
// (a dialog that fills the window) a strip over the dialog's heading, above the note,
// that grows upwards, away from Send. The suggestions show whenever that space allows.
//
// Test hooks: the host <rapport-panel> carries data-rapport-score (absent until the first
// score and when the language is not checked), data-rapport-length (the field's length
// now), data-rapport-drawn (the length of the text the drawn report is for),
// data-rapport-state ("loading" | "ready" | "empty" | "error"), data-rapport-place
// ("beside" | "below" | "above" | "strip"); each fix button carries data-rapport-rule.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const S = R.selectors;
  const { el, setText, style, isolate, WORDS } = globalThis.RapportUI;
  const { ReportView, REPORT_CSS } = globalThis.RapportReport;

  const CSS = `
  :host { all: initial; position: fixed; z-index: 2147483000; top: 0; left: 0; margin: 0; padding: 0; border: 0;
    background: transparent; overflow: visible; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: var(--fg); }
  :host([hidden]) { display: none; }
  .panel { display: flex; flex-direction: column; width: 300px; max-height: calc(100vh - 16px); background: var(--bg);
    color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); overflow: hidden; }
  .head { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 6px; flex: none; }
  .toggle { display: flex; align-items: center; gap: 8px; flex: 1; min-width: 0; background: none; border: 0;
    padding: 2px; border-radius: 6px; text-align: left; }
  .toggle:hover:not(:disabled) { background: none; }
  .title { font-weight: 600; white-space: nowrap; }
  .chev { margin-left: auto; color: var(--muted); transition: transform .15s; }
  .toggle[aria-expanded="false"] .chev { transform: rotate(-90deg); }
  :host([data-rapport-place="strip"]) .toggle[aria-expanded="false"] .chev { transform: rotate(180deg); }
  .counter { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
  .counter[data-over] { color: var(--err); font-weight: 700; }
  .scroll { overflow: auto; min-height: 0; border-top: 1px solid var(--line); }
  .guard { padding: 6px 10px; display: grid; gap: 2px; border-bottom: 1px solid var(--line); }
  .repeat { color: var(--warn); font-weight: 600; }
  .repeat-who, .month, .keys { color: var(--muted); font-size: 12px; }
  .advice { font-size: 12px; margin: 0; padding: 6px 8px; border-left: 3px solid var(--accent); background: var(--soft); border-radius: 0 6px 6px 0; }
  .advice:empty, .month:empty, .repeat:empty, .repeat-who:empty { display: none; }
  .body { padding: 8px 10px 10px; display: grid; gap: 8px; }
  kbd { font: inherit; font-weight: 600; }
  ${REPORT_CSS}`;

  /** Below this height the suggestions do not fit: the header only, until opened. */
  const MIN_BODY = 150;
  const GAP = 8;
  const WIDTH = 300;
  /** The panel keeps its height while the person types, and settles this long after. */
  const CALM_MS = 1500;

  let collapsedAll = false; // the person's choice, shared by every panel in the tab

  /**
   * The page's theme: LinkedIn's own class first, then the page's background; null when
   * the page says nothing (the system's preference then decides).
   * @returns {'dark'|'light'|null}
   */
  function pageTheme() {
    if (S.first(document, S.DARK_THEME)) return 'dark';
    if (S.first(document, S.LIGHT_THEME)) return 'light';
    for (const node of [document.body, document.documentElement]) {
      if (!node) continue;
      const m = getComputedStyle(node).backgroundColor.match(/[\d.]+/g);
      if (!m || (m.length > 3 && Number(m[3]) === 0)) continue;
      const [r, g, b] = m.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
    }
    return null;
  }

  /** Gives an injected host the page's theme (data-theme), or leaves it to the system. */
  function followTheme(/** @type {HTMLElement} */ host) {
    const theme = pageTheme();
    if (theme) {
      if (host.getAttribute('data-theme') !== theme) host.setAttribute('data-theme', theme);
    } else {
      host.removeAttribute('data-theme');
    }
  }

  class Panel {
    /**
     * @param {{ onApply: (f: import('../types').Finding, byKeyboard: boolean) => void, onEscape: () => void, label: string }} opts
     */
    constructor({ onApply, onEscape, label }) {
      this.onEscape = onEscape;
      this.host = document.createElement('rapport-panel');
      this.host.setAttribute('data-rapport-state', 'loading');
      this.host.hidden = true;
      this.root = this.host.attachShadow({ mode: 'open' });
      style(this.root, CSS);
      this.view = new ReportView({ onApply });
      /** @type {(() => void)|undefined} */
      this.onResize = undefined;

      this.toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'true', 'aria-controls': 'rapport-scroll' },
        this.view.badge, el('span', { class: 'title', text: 'Rapport' }), this.view.said,
        el('span', { class: 'chev', text: '▾', 'aria-hidden': 'true' }));
      this.countShown = el('span', { 'aria-hidden': 'true' });
      this.countSaid = el('span', { class: 'sr' });
      this.counter = el('span', { class: 'counter' }, this.countShown, this.countSaid);
      this.live = el('div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      // The repetition guard and the month counter (invitations).
      this.repeat = el('p', { class: 'repeat' });
      this.repeatWho = el('p', { class: 'repeat-who' });
      this.month = el('p', { class: 'month' });
      // After the suggestions: the first one must stay in view where the panel has little room.
      this.advice = el('p', { class: 'advice' });
      this.guardBox = el('div', { class: 'guard' }, this.repeat, this.repeatWho, this.month);
      this.guardBox.hidden = true;
      const keys = el('p', { class: 'keys' }, el('kbd', { text: WORDS.shortcut }), ' jumps here from your note; ', el('kbd', { text: 'Escape' }), ' goes back.');
      this.body = el('div', { class: 'body' }, this.view.body, this.advice, keys);
      this.scroll = el('div', { class: 'scroll', id: 'rapport-scroll' }, this.guardBox, this.body);
      this.panel = el('section', { class: 'panel', 'aria-label': `Rapport: ${label}`, role: 'region' },
        el('div', { class: 'head' }, this.toggle, this.counter), this.live, this.scroll);
      this.root.append(this.panel);
      /** Too little room for the suggestions: the header only, unless opened ("peek"). */
      this.cramped = false;
      this.peek = false;
      /** The placement drawn, as a key (see place). */
      this.at = '';

      this.toggle.addEventListener('click', () => {
        if (this.cramped) this.peek = !this.peek;
        else collapsedAll = this.toggle.getAttribute('aria-expanded') === 'true';
        this.showBody();
        this.onResize?.();
      });
      // The page's own handlers (Escape closes LinkedIn's dialog, outside clicks dismiss it,
      // focus traps) never see what happens inside the panel.
      isolate(this.panel);
      this.panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.onEscape();
        }
      });
      this.lastAnnounced = null;
      this.announceTimer = 0;
      this.calm = 0;
      /** The suggestions' drawn height (0: hidden), kept by a ResizeObserver. */
      this.height = 0;
      try {
        new ResizeObserver(([e]) => {
          this.height = e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height;
        }).observe(this.scroll);
      } catch {
        // no ResizeObserver: the panel follows its content at once
      }
      this.showBody();
    }

    /**
     * Inserts the panel: at the end of <body>, or inside `modal` when the field is in a modal
     * <dialog> (showModal makes everything outside it inert: unclickable, unfocusable).
     */
    mount(/** @type {Element|null} */ modal = null) {
      (modal || document.body || document.documentElement).append(this.host);
      this.raise();
    }

    /**
     * Puts the panel in the top layer (a manual popover): above any z-index and a modal
     * <dialog>, positioned against the viewport even inside a transformed dialog.
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
      clearTimeout(this.calm);
      this.host.remove();
    }

    /** Shows or hides the suggestions as the person chose and the room allows. */
    showBody() {
      const open = this.cramped ? this.peek : !collapsedAll;
      this.scroll.hidden = !open;
      this.toggle.setAttribute('aria-expanded', String(open));
    }

    /** Focuses the panel's first control (keyboard shortcut from the field). */
    focus() {
      this.toggle.focus();
    }

    /** Whether focus is inside the panel. */
    hasFocus() {
      return !!this.root.activeElement;
    }

    setTheme() {
      followTheme(this.host);
    }

    /** The counter: UTF-16 length against the limit (what maxlength counts). */
    setCount(/** @type {number} */ length, /** @type {number} */ limit) {
      this.host.setAttribute('data-rapport-length', String(length));
      this.countShown.textContent = `${length}/${limit}`;
      this.countSaid.textContent = `${length} of ${limit} characters`;
      this.counter.toggleAttribute('data-over', length > limit);
    }

    /**
     * The repetition guard, the month's notes against the allowance and the advice to send
     * no note, from the worker's `guard` answer ({ repetition: { count, examples } | null,
     * month_count, allowance?: { used, allowance|null, remaining|null }, advice?: string|null },
     * the numbers and the sentence the engine's); null hides them.
     * Test hooks: data-rapport-repeat (how many got nearly the same note), data-rapport-month
     * (notes used this month), data-rapport-allowance (the month's allowance, absent when
     * unlimited), data-rapport-advice (present while the advice shows).
     * @param {{ repetition: { count: number, examples: { name: string }[] }|null, month_count?: number,
     *   allowance?: { used: number, allowance: number|null }|null, advice?: string|null }|null} guard
     */
    setGuard(guard) {
      const rep = guard?.repetition;
      setText(this.repeat, rep ? `Nearly the same note went to ${rep.count} ${rep.count === 1 ? 'person' : 'people'} — identical notes look automated.` : '');
      const names = rep ? rep.examples.map((x) => x.name).filter(Boolean) : [];
      setText(this.repeatWho, rep && names.length ? `Sent to ${names.join(', ')}${rep.count > names.length ? ' and others' : ''}.` : '');
      const allow = guard?.allowance && Number.isInteger(guard.allowance.used) ? guard.allowance : null;
      const month = allow ? allow.used : guard && Number.isInteger(guard.month_count) ? guard.month_count : null;
      const limit = allow && Number.isInteger(allow.allowance) ? allow.allowance : null;
      let monthText = '';
      if (month != null) {
        if (limit != null) monthText = `Personalised notes this month: ${month} / ${limit}`;
        else if (allow) monthText = `Personalised notes this month: ${month} (no monthly limit on your account)`;
        else monthText = `Personalised notes this month: ${month} (free accounts get only a few).`;
      }
      setText(this.month, monthText);
      const advice = typeof guard?.advice === 'string' ? guard.advice : '';
      setText(this.advice, advice);
      this.host.toggleAttribute('data-rapport-advice', !!advice);
      if (limit == null) this.host.removeAttribute('data-rapport-allowance');
      else this.host.setAttribute('data-rapport-allowance', String(limit));
      this.guardBox.hidden = !rep && month == null;
      if (rep) this.host.setAttribute('data-rapport-repeat', String(rep.count));
      else this.host.removeAttribute('data-rapport-repeat');
      if (month == null) this.host.removeAttribute('data-rapport-month');
      else this.host.setAttribute('data-rapport-month', String(month));
    }

    /** A line instead of a report: `state` 'empty' (nothing typed) or 'error'. */
    showMessage(/** @type {'empty'|'error'} */ state, /** @type {string} */ text, length = 0) {
      this.host.setAttribute('data-rapport-state', state);
      if (state === 'empty') this.host.setAttribute('data-rapport-drawn', String(length));
      this.host.removeAttribute('data-rapport-score');
      this.view.message(text);
    }

    /**
     * Draws a report for `text` (the text it was computed from; spans index into it).
     * `early`: only the score until the first sentence or a pause.
     * @param {import('../types').Report} report
     * @param {string} text
     * @param {boolean} early
     */
    render(report, text, early) {
      const hadFocus = this.hasFocus();
      // Calm while typing: the panel may grow but does not shrink until a pause. (The
      // height comes from a ResizeObserver: reading it here would force a layout a keystroke.)
      if (this.height) {
        this.scroll.style.minHeight = `${this.height}px`;
        clearTimeout(this.calm);
        this.calm = setTimeout(() => {
          this.scroll.style.minHeight = '';
          this.onResize?.();
        }, CALM_MS);
      }
      this.view.render(report, text, { early });
      // A fix applied from the keyboard moved on to the next fix; none left: the header.
      if (hadFocus && !this.root.activeElement) this.toggle.focus();
      this.host.setAttribute('data-rapport-state', 'ready');
      this.host.setAttribute('data-rapport-drawn', String(text.length));
      if (this.view.score == null) this.host.removeAttribute('data-rapport-score');
      else this.host.setAttribute('data-rapport-score', String(this.view.score));
      this.announce(early ? null : this.view.count);
    }

    /** Tells screen readers the score (and how many suggestions) once typing pauses, when it changed. */
    announce(/** @type {number|null} */ count) {
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => {
        const repeat = this.host.getAttribute('data-rapport-repeat');
        const score = this.view.score == null ? WORDS.unsupported : `Rapport score ${this.view.score} out of 100`;
        const msg = score + (count == null ? '' : `, ${count} ${count === 1 ? 'suggestion' : 'suggestions'}`)
          + (repeat ? `. Nearly the same note went to ${repeat} people` : '');
        if (msg !== this.lastAnnounced) {
          this.lastAnnounced = msg;
          this.live.textContent = msg;
        }
      }, 900);
    }

    /**
     * Where the panel goes, given the field and its box (the dialog or composer), in
     * viewport pixels: beside the box, below it, above it, or a strip above the field.
     * @param {DOMRect} f the field
     * @param {DOMRect} c the box
     */
    static where(f, c, vw = document.documentElement.clientWidth || innerWidth, vh = innerHeight) {
      const width = Math.min(WIDTH, vw - 2 * GAP);
      const fit = (/** @type {number} */ left) => Math.round(Math.min(Math.max(left, GAP), vw - width - GAP));
      if (c.right + GAP + width <= vw - GAP) return { place: 'beside', left: c.right + GAP, top: f.top, bottom: null, width, max: vh - 2 * GAP };
      if (c.left - GAP - width >= GAP) return { place: 'beside', left: c.left - GAP - width, top: f.top, bottom: null, width, max: vh - 2 * GAP };
      const below = vh - GAP - (c.bottom + GAP);
      const above = c.top - 2 * GAP;
      const left = fit(c.right - width);
      if (below >= MIN_BODY && below >= above) return { place: 'below', left, top: c.bottom + GAP, bottom: null, width, max: below };
      if (above >= MIN_BODY) return { place: 'above', left, top: null, bottom: vh - (c.top - GAP), width, max: above };
      // The box fills the window: over its heading, above the note, growing upwards.
      const room = f.top - 2 * GAP;
      if (room >= 40) return { place: 'strip', left: fit(f.right - width), top: null, bottom: vh - (f.top - GAP), width, max: room };
      return { place: 'below', left, top: Math.min(c.bottom + GAP, vh - 48), bottom: null, width, max: Math.max(below, 40) };
    }

    /** Hides the panel, or places it for the field (see `where`); never over the box. */
    place(/** @type {HTMLElement} */ field, /** @type {Element|null} */ box, wanted = true) {
      const f = field.getBoundingClientRect();
      if (!wanted || !field.isConnected || f.width === 0 || f.height === 0) {
        this.host.hidden = true;
        return;
      }
      this.host.hidden = false;
      const at = Panel.where(f, box ? box.getBoundingClientRect() : f);
      const cramped = at.max < MIN_BODY;
      if (cramped !== this.cramped) {
        this.cramped = cramped;
        this.peek = false;
        this.showBody();
      }
      if (at.place === 'beside') {
        // Level with the field, inside the window.
        const h = this.panel.offsetHeight || 40;
        at.top = Math.max(GAP, Math.min(/** @type {number} */ (at.top), innerHeight - h - GAP));
      }
      const px = (/** @type {number|null} */ n) => (n == null ? 'auto' : `${Math.round(n)}px`);
      const key = [at.place, px(at.left), px(at.top), px(at.bottom), px(at.max), px(at.width)].join();
      if (key === this.at) return; // unchanged: no style writes
      this.at = key;
      Object.assign(this.host.style, { left: px(at.left), top: px(at.top), bottom: px(at.bottom) });
      Object.assign(this.panel.style, { width: px(at.width), maxHeight: px(at.max) });
      this.host.setAttribute('data-rapport-place', at.place);
    }
  }

  R.panel = { Panel, followTheme };
})();
