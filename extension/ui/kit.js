// The one UI kit of every Rapport surface: the note panel, the profile card and the
// toast (content scripts, in shadow roots), the popup, options and welcome pages, and the
// playground. One element helper, one palette (light and dark tokens), one worker client
// with one error path, one vocabulary, and the local-date helpers.
//
// A classic script with no import/export, so that content scripts (listed in the
// manifest) and module pages (`import '../ui/kit.js'`) can both load it; it publishes
// `globalThis.RapportUI` (in a content script, the isolated world's global). The `var`
// gives the type checker the kit's type (a script's top-level names are global to it).

// eslint-disable-next-line no-var
var RapportUI = (() => {
  // ---- Elements ----

  const ATTRS = new Set(['role', 'id', 'type', 'title', 'for', 'rows', 'placeholder', 'href', 'target', 'rel', 'name',
    'value', 'min', 'max', 'step', 'accept', 'autocomplete', 'lang', 'tabindex', 'download', 'inputmode', 'spellcheck']);

  /**
   * createElement with attributes, `text` (textContent) and children. Never parses HTML:
   * page and user text stays inert.
   * @template {string} K
   * @param {K} tag
   * @param {Record<string, unknown>} [props]
   * @param {...(Node|string|null|undefined|false)} children
   * @returns {K extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[K] : HTMLElement}
   */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k === 'class') node.className = String(v);
      else if (k === 'text') node.textContent = String(v);
      else if (k.startsWith('data-') || k.startsWith('aria-') || ATTRS.has(k)) node.setAttribute(k, v === true ? '' : String(v));
      else /** @type {any} */ (node)[k] = v;
    }
    for (const c of children) if (c != null && c !== false) node.append(c);
    return /** @type {any} */ (node);
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';

  /**
   * An SVG element (charts): attributes as given (numbers written as text), `text`
   * (textContent) and children. Like el(), never parses markup.
   * @param {string} tag
   * @param {Record<string, string|number|boolean|null|undefined>} [attrs]
   * @param {...(Node|string|null|undefined|false)} children
   * @returns {SVGElement}
   */
  function svg(tag, attrs = {}, ...children) {
    const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c != null && c !== false) node.append(c);
    return node;
  }

  /** Sets a node's text only when it changed (a live region must not repeat itself); hides it when empty. */
  function setText(/** @type {HTMLElement} */ node, /** @type {string} */ text) {
    if (node.textContent !== text) node.textContent = text;
    node.hidden = !text;
  }

  // ---- The palette ----

  const LIGHT = {
    bg: '#ffffff', fg: '#1f2328', muted: '#59636e', line: '#d1d9e0', soft: '#f3f5f8', bar: '#e6ebf1',
    accent: '#0a66c2', 'accent-fg': '#ffffff', err: '#b42318', 'err-bg': '#fdecea', warn: '#7a5200',
    'warn-bg': '#fff5d6', good: '#1a7f37', 'info-bg': '#e8f1fb', shadow: '0 4px 16px rgba(0,0,0,.18)',
  };
  const DARK = {
    bg: '#1d2226', fg: '#e6edf3', muted: '#9aa7b4', line: '#38434f', soft: '#262d33', bar: '#2c353d',
    accent: '#70b5f9', 'accent-fg': '#0b1117', err: '#ff8a80', 'err-bg': '#3a1f1f', warn: '#e3b341',
    'warn-bg': '#33291a', good: '#56d364', 'info-bg': '#1b2a3a', shadow: '0 4px 16px rgba(0,0,0,.6)',
  };
  const vars = (/** @type {Record<string, string>} */ t) => Object.entries(t).map(([k, v]) => `--${k}: ${v};`).join(' ');

  /**
   * The palette as CSS for a shadow root (':host') or a page (':root'). `data-theme="dark"`
   * or `"light"` on the host (or <html>) wins over the system's preference.
   * @param {':host'|':root'} at
   */
  function palette(at) {
    const is = (/** @type {string} */ s) => (at === ':host' ? `:host(${s})` : `:root${s}`);
    return `${at} { color-scheme: light; ${vars(LIGHT)} }
      ${is('[data-theme="dark"]')} { color-scheme: dark; ${vars(DARK)} }
      @media (prefers-color-scheme: dark) { ${is(':not([data-theme="light"])')} { color-scheme: dark; ${vars(DARK)} } }`;
  }

  /** What every surface shares: font, focus ring, buttons, the screen-reader-only class. */
  const BASE = `
    * { box-sizing: border-box; }
    button, input, select, textarea { font: inherit; color: inherit; }
    button { cursor: pointer; border: 1px solid var(--line); background: var(--bg); border-radius: 999px;
      padding: 2px 10px; line-height: 1.4; }
    button:hover:not(:disabled) { background: var(--soft); }
    button:disabled, input:disabled, textarea:disabled { opacity: .55; cursor: default; }
    button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); font-weight: 600; }
    button.primary:hover:not(:disabled) { background: var(--accent); filter: brightness(1.1); }
    :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    [hidden] { display: none !important; }
    p { margin: 0; }
    .muted { color: var(--muted); }
    .sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap; border: 0; }`;

  /**
   * Gives a shadow root (or a page) the palette, the base styles and `css`, as one
   * constructed stylesheet (allowed under a page's strict style-src).
   * @param {ShadowRoot|Document} root
   * @param {string} css
   */
  function style(root, css = '') {
    const text = palette(root instanceof ShadowRoot ? ':host' : ':root') + BASE + css;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      (root instanceof ShadowRoot ? root : root.head).append(el('style', { text }));
    }
  }

  /**
   * Events that must not reach the page from inside injected UI (its dialogs close on
   * Escape and on outside clicks, trap focus, or take shortcuts).
   */
  const STOP = ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click',
    'focusin', 'focusout', 'input', 'paste', 'copy', 'cut'];
  const isolate = (/** @type {HTMLElement} */ node) => {
    for (const type of STOP) node.addEventListener(type, (e) => e.stopPropagation());
  };

  // ---- The vocabulary: one word for one thing, everywhere ----

  const plural = (/** @type {number} */ n, /** @type {string} */ one, /** @type {string} */ many) => `${n} ${n === 1 ? one : many}`;
  /** A rule id as words: "wrong-name" -> "Wrong name". */
  const ruleName = (/** @type {string} */ id) => {
    const words = String(id).replace(/[-_]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  const WORDS = Object.freeze({
    /** What a finding's severity asks of the writer. */
    severity: /** @type {Record<string, string>} */ ({ error: 'Fix', warning: 'Improve', suggestion: 'Tip' }),
    suggestions: 'Suggestions',
    breakdown: 'Score breakdown',
    noSuggestions: 'No suggestions. Looks good.',
    unsupported: 'This language is not checked yet',
    capped: (/** @type {string} */ rule) => `Held down by “${ruleName(rule)}”: fix that first.`,
    /** What fixing a finding is worth; `of` > 1: its rule's points, once all `of` of its findings are fixed. */
    points: (/** @type {number} */ n, of = 1) => (of > 1 ? `+${n} for all ${of}` : `+${n}`),
    pointsSaid: (/** @type {number} */ n, of = 1) => (of > 1
      ? `worth ${plural(n, 'point', 'points')} once all ${of} like it are fixed`
      : `worth ${plural(n, 'point', 'points')}`),
    truncated: 'Only the start of this long text was analysed.',
    shortcut: 'Alt+Shift+R',
    early: 'Suggestions appear after your first sentence or a short pause.',
    empty: 'Write your note: Rapport scores it as you type.',
    engineDown: 'Rapport could not load its engine, so there is no score right now. Your note is not affected.',
    gone: 'Rapport was updated or turned off. Reload the page to use it again.',
    noAnswer: 'Rapport\u2019s background worker did not answer.',
    due: 'Due now',
    upcoming: 'Upcoming',
    done: 'Done',
    undo: 'Undo',
    snoozeDay: 'Snooze 1 day',
    snoozeWeek: 'Snooze 1 week',
    markedDone: (/** @type {string} */ name) => `Follow-up with ${name} marked done.`,
    recorded: (/** @type {number|null} */ at) => (at == null ? 'Invitation recorded.' : `Invitation recorded — follow up on ${showDate(at)}.`),
  });

  // ---- Dates: the engine keeps UTC milliseconds; people read local dates ----

  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  /** `YYYY-MM-DD` of a time in local time (an <input type=date> value). */
  function dateValue(/** @type {number} */ ms) {
    const d = new Date(ms);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  /** The local UTC offset in force at the start of `date` (the engine's `tz`). */
  const offsetOn = (/** @type {string} */ date) => new Date(`${date}T00:00`).getTimezoneOffset();
  /** The date formats, made once each (making one costs far more than using it: a list draws hundreds of dates). */
  /** @type {Map<string, Intl.DateTimeFormat>} */
  const formats = new Map();
  /** A short local date: "Fri, 20 Nov" (with the year when it is not this year). */
  function showDate(/** @type {number} */ ms, weekday = true) {
    const d = new Date(ms);
    const year = d.getFullYear() !== new Date().getFullYear();
    const key = `${weekday}${year}`;
    let format = formats.get(key);
    if (!format) {
      /** @type {Intl.DateTimeFormatOptions} */
      const opts = { day: 'numeric', month: 'short' };
      if (weekday) opts.weekday = 'short';
      if (year) opts.year = 'numeric';
      format = new Intl.DateTimeFormat(undefined, opts);
      formats.set(key, format);
    }
    return format.format(d);
  }
  /**
   * The follow-up line for a contact whose status the engine gave.
   * @param {{ follow_up_at: number|null, done_at: number|null }} contact
   * @param {string} status
   */
  function followUpText(contact, status) {
    if (status === 'due' && contact.follow_up_at != null) return `Due since ${showDate(contact.follow_up_at)}`;
    if (status === 'upcoming' && contact.follow_up_at != null) return `Follow up on ${showDate(contact.follow_up_at)}`;
    if (status === 'done') return contact.done_at != null ? `Done on ${showDate(contact.done_at, false)}` : 'Done';
    return 'No follow-up planned';
  }
  /**
   * Calls `commit(value)` once a date is chosen in `input`: at once on Enter or when it
   * loses focus, else shortly after the last change (typing a year passes through 0002,
   * 0020, 0203: years before 2000 are never meant), and only when it differs from `current()`.
   * @param {HTMLInputElement} input
   * @param {(value: string) => void} commit
   * @param {() => string} current
   */
  function commitDate(input, commit, current) {
    let timer = 0;
    let last = '';
    const flush = () => {
      clearTimeout(timer);
      const v = input.value;
      if (!v || v === current() || v === last || Number(v.slice(0, 4)) < 2000) return;
      last = v;
      commit(v);
    };
    input.addEventListener('change', () => {
      clearTimeout(timer);
      timer = setTimeout(flush, 700);
    });
    input.addEventListener('blur', flush);
    input.addEventListener('focus', () => {
      last = ''; // a new visit may choose the same date again (after "Clear date")
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      flush();
    });
  }

  /** The name to show: the contact's, else the profile's slug. */
  const displayName = (/** @type {{ name: string, key: string }} */ c) => c.name || c.key.replace(/^linkedin\.com\/in\//, '');

  // ---- The worker client: one way to ask, one error path ----

  /** The extension was reloaded or removed while this page stayed open. */
  class Invalidated extends Error {}

  /** True while this script can still reach its extension. */
  function alive() {
    try {
      return !!chrome.runtime?.id;
    } catch {
      return false;
    }
  }

  const TIMEOUT_MS = 5000;

  /**
   * Sends a protocol request (protocol.js) to the worker. Resolves with `{ ok: true, ... }`;
   * rejects with an Error written for the person (with `code` for the store's refusals:
   * 'read-only', 'storage', 'invalid', 'not-found'), or with Invalidated. `started`: the
   * answer of `chrome.runtime.sendMessage(msg)` sent earlier (popup-early.js), to take over.
   * @param {object} msg
   * @param {Promise<any>|null} [started]
   * @returns {Promise<any>}
   */
  async function send(msg, started = null) {
    if (!alive()) throw new Invalidated('extension context invalidated');
    /** @type {any} */
    let answer;
    let timer = 0;
    try {
      answer = await Promise.race([
        started || chrome.runtime.sendMessage(msg),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
        }),
      ]);
    } catch (e) {
      throw alive() ? new Error(`${WORDS.noAnswer} (${/** @type {Error} */ (e)?.message || e})`) : new Invalidated(String(e));
    } finally {
      clearTimeout(timer);
    }
    if (!answer) throw new Error(WORDS.noAnswer);
    if (!answer.ok) throw Object.assign(new Error(answer.error || 'Something went wrong.'), { code: answer.code });
    return answer;
  }

  return Object.freeze({
    el, svg, setText, style, isolate, WORDS, plural, ruleName,
    dateValue, offsetOn, showDate, commitDate, followUpText, displayName, send, alive, Invalidated,
  });
})();
// A module page's top-level `var` stays in the module: publish it.
globalThis.RapportUI = RapportUI;
