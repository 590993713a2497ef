// One field Rapport is attached to (an invitation note or a message composer): reads its
// text as it changes, asks the engine, draws the panel, applies fixes, keeps the panel
// beside the field.
//
// Latency: at most one request is in flight; input while it is out marks the field dirty
// and the latest text goes out as soon as the answer arrives (no timer, so a keystroke is
// sent at once). Every input bumps a version; an answer for an older version is dropped,
// unless typing keeps outrunning the engine and nothing was drawn for 100 ms; fixes are
// never applied from a report whose text is no longer the field's.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  const S = R.selectors;
  const { getText, isTextarea, replaceRange } = R.editor;
  const { analyze, analyzeWithGuard, warmUp, guarded } = R.messaging;
  const { Invalidated, WORDS } = globalThis.RapportUI;
  const { Panel } = R.panel;
  const { inviteeFor, recentInvitee, recipientFor } = R.recipient;

  /** LinkedIn's limit for a message (the composer has no maxlength). */
  const MESSAGE_LIMIT = 8000;
  /** Until the first report tells the setting, the counter uses LinkedIn's Premium limit. */
  const DEFAULT_LIMIT = 300;
  /** Show intermediate results at least this often while typing outruns the engine. */
  const STALE_DRAW_MS = 100;
  /** After an engine failure, wait this long before asking again. */
  const RETRY_MS = 2000;
  /**
   * Suggestions wait for the writer's first sentence, a pause this long, or a longer text
   * (a paste), so the first letters do not bring a flood of them.
   */
  const PAUSE_MS = 1200;
  const SENTENCE = /[.!?…](\s|$)|\n/;
  const LONG = 80;

  /** The page's declared language ("en" of "en-US"), a hint for the engine. */
  function pageLanguage() {
    const lang = (document.documentElement.lang || '').trim().toLowerCase().split(/[-_]/)[0];
    return /^[a-z]{2,3}$/.test(lang) ? lang : null;
  }

  /** The modal <dialog> (opened with showModal) the field is in, if any. */
  function modalDialogOf(field) {
    try {
      const dialog = S.closestDeep(field, S.MODAL_DIALOG);
      return dialog && dialog.matches(':modal') ? dialog : null;
    } catch {
      return null;
    }
  }

  class FieldSession {
    /**
     * @param {HTMLElement} field textarea or contenteditable
     * @param {'invitation'|'message'} kind
     * @param {{ onGone: () => void }} hooks
     */
    constructor(field, kind, hooks) {
      this.field = field;
      this.kind = kind;
      this.hooks = hooks;
      this.ctl = new AbortController();
      this.version = 0;
      this.inFlight = false;
      this.dirty = false;
      this.drawnAt = 0;
      this.drawnText = null;
      this.report = null;
      this.errorUntil = 0;
      this.settleFrames = 0;
      this.raf = 0;
      /** The writer is past the first letters: suggestions show (see PAUSE_MS). */
      this.begun = false;
      this.pause = 0;
      this.box = S.closestDeep(field, kind === 'message' ? S.COMPOSER_CONTAINER : S.INVITE_CONTAINER);
      // Whose Connect button opened this note box, fixed for the box's life.
      this.invitee = kind === 'invitation' ? recentInvitee() : null;

      this.panel = new Panel({
        label: kind === 'message' ? 'message coach' : 'invitation note coach',
        onApply: guarded('apply', (f, byKeyboard) => this.apply(f, byKeyboard)),
        onEscape: guarded('escape', () => this.field.focus()),
      });
      this.panel.onResize = () => this.track();
      this.panel.setTheme();
      this.mount();

      const on = (target, type, fn, opts = {}) =>
        target.addEventListener(type, guarded(type, fn), { ...opts, signal: this.ctl.signal });
      on(field, 'input', () => this.request());
      on(field, 'compositionend', () => this.request());
      on(field, 'focus', () => {
        warmUp().catch(() => {}); // back at the note after a pause: the worker may have stopped
        this.track();
      });
      on(field, 'blur', () => this.track());
      on(field, 'keydown', (e) => {
        // Alt+Shift+R jumps to the panel (LinkedIn's dialogs trap Tab inside themselves).
        if (e.altKey && e.shiftKey && (e.code === 'KeyR' || e.key === 'R' || e.key === 'r')) {
          e.preventDefault();
          this.panel.focus();
        }
      });
      field.setAttribute('aria-keyshortcuts', field.getAttribute('aria-keyshortcuts') || 'Alt+Shift+R');
      on(window, 'resize', () => this.track(), { passive: true });
      on(document, 'scroll', () => this.track(), { capture: true, passive: true });
      try {
        this.resize = new ResizeObserver(guarded('resize', () => this.track()));
        this.resize.observe(field);
        if (this.box) this.resize.observe(this.box);
        this.resize.observe(this.panel.panel);
      } catch {
        this.resize = null;
      }

      warmUp().catch(() => {});
      this.request();
      this.track();
    }

    /** Mounts the panel, or moves it into (or out of) a modal dialog that opened around the field. */
    mount() {
      const modal = modalDialogOf(this.field);
      const parent = modal || document.body || document.documentElement;
      if (this.panel.host.parentNode !== parent) this.panel.mount(modal);
    }

    /** Runs fn now; anything it throws goes to the worker, not the page's console. */
    guard(fn, where = 'field') {
      guarded(where, fn)();
    }

    get limit() {
      const max = isTextarea(this.field) ? /** @type {HTMLTextAreaElement} */ (this.field).maxLength : -1;
      if (max > 0) return max;
      if (this.kind === 'message') return MESSAGE_LIMIT;
      return this.report?.limit || DEFAULT_LIMIT;
    }

    context() {
      /** @type {import('../types').Context} */
      const ctx = { kind: this.kind, recipient: recipientFor(this.field, this.kind, this.invitee) };
      this.recipientKey = JSON.stringify(ctx.recipient);
      const language = pageLanguage();
      if (language) ctx.language = language;
      const max = isTextarea(this.field) ? /** @type {HTMLTextAreaElement} */ (this.field).maxLength : -1;
      if (max > 0) ctx.limit = max;
      else if (this.kind === 'message') ctx.limit = MESSAGE_LIMIT;
      return ctx;
    }

    /** The text changed (or the recipient may have): analyse the latest text. */
    request() {
      if (this.gone) return;
      this.version++;
      const text = getText(this.field);
      this.panel.setCount(text.length, this.limit);
      if (!text.trim()) {
        this.report = null;
        this.drawnText = text;
        this.begun = false;
        clearTimeout(this.pause);
        this.panel.showMessage('empty', WORDS.empty, text.length);
        // Nothing written, nothing repeated; the month counter stays.
        if (this.lastGuard) this.panel.setGuard({ ...this.lastGuard, repetition: null });
        return;
      }
      if (!this.begun) {
        if (SENTENCE.test(text) || text.length >= LONG) {
          this.begun = true;
        } else {
          clearTimeout(this.pause);
          this.pause = setTimeout(() => this.guard(() => {
            this.begun = true;
            if (this.report && this.drawnText != null) this.draw(this.report, this.drawnText);
          }), PAUSE_MS);
        }
      }
      if (this.inFlight) {
        this.dirty = true;
        return;
      }
      if (Date.now() < this.errorUntil) {
        clearTimeout(this.retry);
        this.retry = setTimeout(() => this.guard(() => this.request()), this.errorUntil - Date.now());
        return;
      }
      this.send(text, this.version);
    }

    /** Invitations also get the repetition guard and month counter (about the invitee's profile). */
    ask(text) {
      const ctx = this.context();
      if (this.kind !== 'invitation') return analyze(text, ctx).then((report) => ({ report, guard: null }));
      let url = null;
      try {
        url = inviteeFor(this.field)?.url || null;
      } catch {
        url = null;
      }
      return analyzeWithGuard(text, ctx, { url });
    }

    send(text, version) {
      this.inFlight = true;
      // The worker refuses longer text (and the engine reads only its start anyway): a huge
      // paste is analysed by its start, and the panel says so, instead of failing.
      const max = globalThis.RapportProtocol?.MAX_TEXT || 100_000;
      this.ask(text.length > max ? text.slice(0, max) : text)
        .then(({ report, guard }) => {
          if (this.gone) return;
          const latest = version === this.version;
          // An older text's report is drawn only while typing outruns the engine (a newer
          // request is queued), so the panel never sits on a stale report.
          if (latest || (this.dirty && Date.now() - this.drawnAt > STALE_DRAW_MS)) {
            this.draw(report, text);
            if (this.kind === 'invitation') {
              this.lastGuard = guard;
              this.panel.setGuard(guard);
            }
          }
        })
        .catch((e) => {
          if (this.gone) return;
          if (e instanceof Invalidated) {
            this.panel.showMessage('error', WORDS.gone);
            this.gone = true;
            this.hooks.onGone?.();
            return;
          }
          this.errorUntil = Date.now() + RETRY_MS;
          this.report = null;
          this.panel.showMessage('error', WORDS.engineDown);
        })
        .finally(() => {
          this.inFlight = false;
          if (this.dirty && !this.gone) {
            this.dirty = false;
            this.guard(() => this.request());
          }
        });
    }

    draw(report, text) {
      this.report = report;
      this.drawnText = text;
      this.drawnAt = Date.now();
      this.panel.setCount(getText(this.field).length, this.limit);
      this.panel.render(report, text, !this.begun);
      this.track();
    }

    /**
     * Applies a finding's fix, if the report still describes the field's text. From the
     * keyboard, focus stays in the panel (on the next fix), so Enter applies one fix after
     * another; a mouse click leaves the caret in the note.
     * @param {import('../types').Finding} finding
     * @param {boolean} byKeyboard
     */
    apply(finding, byKeyboard) {
      if (finding.replacement == null) return;
      const text = getText(this.field);
      if (text !== this.drawnText) {
        this.request(); // the text moved on; the fresh report brings fresh offsets
        return;
      }
      const at = this.panel.view.focusedApply();
      replaceRange(this.field, finding.start, finding.end, finding.replacement);
      if (byKeyboard && !this.panel.view.focusApply(Math.max(at, 0))) this.panel.focus();
      this.request();
    }

    /** Keeps the panel beside the field for a few frames after anything moved. */
    track() {
      if (this.gone && !this.panel.host.isConnected) return;
      this.settleFrames = 20;
      if (this.raf) return;
      const step = () => {
        this.raf = 0;
        this.guard(() => {
          this.mount();
          this.panel.place(this.field, this.box, this.wanted());
        });
        if (--this.settleFrames > 0) this.raf = requestAnimationFrame(step);
      };
      this.raf = requestAnimationFrame(step);
    }

    /**
     * Whether the panel should show: always beside an invitation note (its dialog is open);
     * beside a message composer only while it is in use (focused, holding text, or the
     * panel itself has focus), since LinkedIn keeps several chat bubbles open.
     */
    wanted() {
      if (this.kind === 'invitation') return true;
      const active = (node) => node.getRootNode().activeElement;
      if (this.field.contains(active(this.field))) return true;
      if (this.panel.hasFocus()) return true;
      return !!this.drawnText?.trim() || !!getText(this.field).trim();
    }

    /**
     * Called by the discovery poll: position, theme, and changes no event told us about
     * (text set by the page, a new recipient after single-page navigation).
     */
    tick() {
      this.mount();
      this.panel.setTheme();
      this.panel.place(this.field, this.box, this.wanted());
      if (this.inFlight || this.drawnText == null) return;
      if (getText(this.field) !== this.drawnText) this.request();
      else if (this.report && JSON.stringify(recipientFor(this.field, this.kind, this.invitee)) !== this.recipientKey) this.request();
    }

    destroy() {
      this.gone = true;
      this.ctl.abort();
      this.resize?.disconnect();
      cancelAnimationFrame(this.raf);
      clearTimeout(this.retry);
      clearTimeout(this.pause);
      this.panel.destroy();
    }
  }

  R.field = { FieldSession };
})();
