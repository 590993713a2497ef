// The messages between the content script and the service worker: one request/response
// union keyed on `kind`. Both sides load this one file, so a kind is spelled in one place:
// the content script as the first of its classic scripts (see the manifest), the module
// service worker with `import './protocol.js'`. So it has no import/export of its own and
// publishes `globalThis.RapportProtocol` (in the content script's isolated world, which
// the page cannot see).
//
// Every answer is `{ ok: true, ...payload }` or `{ ok: false, error: string }`.

// eslint-disable-next-line no-var
var RapportProtocol = (() => {
  /** Message kinds. */
  const KIND = Object.freeze({
    /**
     * `{ kind, text, context, guard? }` -> `{ ok: true, report, guard? }`. With `guard: { url? }`
     * (an invitation note; url: the recipient's profile, excluded) the answer adds
     * `guard: { repetition: { count, examples } | null, month_count, allowance?, advice? }` from the
     * stored contacts: `allowance` is the engine's `{ used, allowance, remaining, exhausted, resets_at }`
     * (allowance null: unlimited), `advice` its sentence when the draft is generic enough that a
     * blank invitation would do as well (else null).
     */
    ANALYZE: 'analyze',
    /** `{ kind }` -> `{ ok: true, version }`: wakes the worker and loads the engine early. */
    PING: 'ping',
    /** `{ kind }` -> `{ ok: true, rules: [{ id, category }] }`. */
    RULES: 'rules',
    /**
     * `{ kind, where, message }` -> `{ ok: true }`: an exception the content script caught
     * (it never lets one reach the page's console). Kept in the worker's memory only, for
     * debugging and for the end-to-end tests, which assert there are none.
     */
    ERROR: 'error',

    // ---- Follow-ups (the worker owns every storage write; see extension/store.js) ----
    /**
     * `{ kind, invite: { url, name, headline?, company?, note? } }` -> `{ ok, contact, status }`:
     * the content script saw LinkedIn's send button clicked. `note` null/absent: no note.
     */
    RECORD_INVITATION: 'record-invitation',
    /** `{ kind, url }` -> `{ ok, contact: Contact|null, status, key, read_only }` (url: any profile URL). */
    CONTACT_GET: 'contact-get',
    /**
     * `{ kind, person: { url, name, headline?, company? } }` -> `{ ok, contact, status }`: "Add a note
     * about <name>": creates the contact (nothing scheduled) or refreshes its name.
     */
    CONTACT_ADD: 'contact-add',
    /**
     * `{ kind, key, edit }` -> `{ ok, contact, status }`. `edit` is one of `{ notes }`,
     * `{ follow_up_at: ms|null }`, `{ follow_up_date: 'YYYY-MM-DD', tz? }`, `{ done: true }`,
     * `{ snooze: { days } }`, `{ snooze: { until: ms } }`, `{ rhythm: 'once' | { weeks: n } |
     * { months: n } | { days: n } }` (how often to follow up). Writes to one contact are applied
     * in the order they arrive.
     */
    CONTACT_EDIT: 'contact-edit',
    /**
     * `{ kind, query?, tz?, reread? }` -> `{ ok, due: DueItem[], upcoming, results, due_total, upcoming_total,
     * results_total, allowance, badge, standing: { [key]: { status: InviteStatus|null, rhythm } }, total, warnings,
     * read_only, problem, settings }`: what the popup shows (the engine's outcomeView).
     * `reread: true` reads storage again first (the page saw the schema or the settings
     * change, and the background may not have yet). Extension pages only.
     */
    VIEW: 'followup-view',
    /** `{ kind }` -> `{ ok, settings, rules, read_only, problem, warnings, total }` (extension pages only). */
    SETTINGS_GET: 'settings-get',
    /** `{ kind, settings: Partial<Settings> }` -> `{ ok, settings }` (options page). */
    SETTINGS_SET: 'settings-set',
    /** `{ kind, format: 'json'|'csv' }` -> `{ ok, text, filename, mime, count }` (extension pages only). */
    EXPORT: 'export',
    /**
     * `{ kind, text, apply, apply_settings? }` -> `{ ok, added, updated, unchanged, skipped_older,
     * warnings, has_settings, total, applied }` or `{ ok: false, error }` naming the problem (then
     * nothing changed). `apply: false` only previews; `apply_settings` also takes the file's
     * settings. Extension pages only.
     */
    IMPORT: 'import',
    /** `{ kind }` -> `{ ok, removed }`: deletes every contact and the settings (extension pages only). */
    DELETE_ALL: 'delete-all',
    /**
     * `{ kind, tz? }` -> `{ ok, insights, total, warnings, read_only, problem }`: acceptance rates
     * with their intervals (the engine's insights; types.d.ts `Insights`). Extension pages only.
     */
    INSIGHTS: 'insights',

    // ---- Outcomes (content/outcomes.js reads them from pages the person visits anyway) ----
    /**
     * `{ kind, observations: Observation[] }` -> `{ ok, changed }`: what the content script saw
     * about invitations (a whole sent-invitations page in one message, at most MAX_OBSERVATIONS).
     * Each is folded into that person's contact by the engine's `observe` (src/wasm/outcomes.rs
     * has the shapes: `top_card`, `sent_row`, `accepted`, `connection`, `withdrawn`,
     * `message_sent`); `changed` counts the contacts written. Content scripts may send it: it
     * only ever touches the contacts it names.
     *
     * The popup's "Withdraw on LinkedIn" opens the due item's `withdraw_url` (the engine's:
     * the sent-invitations page with `#rapport-withdraw=<profile URL, encodeURIComponent>`);
     * content/outcomes.js outlines that row there, and the person clicks LinkedIn's own Withdraw.
     */
    OBSERVE: 'observe',
  });

  /**
   * Kinds only the extension's own pages (popup, options) may send, never a content script:
   * whatever reads or changes the whole store. A content script (in a page's renderer) only
   * records invitations and reads or edits the contact of the profile it is on.
   */
  const PAGE_ONLY = Object.freeze([KIND.VIEW, KIND.SETTINGS_GET, KIND.SETTINGS_SET, KIND.EXPORT, KIND.IMPORT, KIND.DELETE_ALL, KIND.INSIGHTS]);

  /** The observation kinds, and the most one OBSERVE message carries (a sent-invitations page holds 100 rows). */
  const OBSERVATION_KINDS = Object.freeze(['top_card', 'sent_row', 'accepted', 'connection', 'withdrawn', 'message_sent']);
  const MAX_OBSERVATIONS = 500;

  /** Messages the worker or a page sends to a LinkedIn tab's content script. */
  const TAB_KIND = Object.freeze({
    /** `{ kind }` -> `{ ok, profile: { url, name, headline, company } | null }`: whose profile is open. */
    PROFILE: 'tab-profile',
    /** `{ kind }` -> `{ ok }`: show the profile panel and put the caret in the notes. */
    OPEN_PANEL: 'tab-open-panel',
  });

  /** Longest text the worker accepts (UTF-16 units); LinkedIn's longest field is far shorter. */
  const MAX_TEXT = 100_000;

  // The shapes of reports, contacts and settings: types.d.ts.

  /** Longest import file accepted (UTF-16 units); the engine refuses more than 32 MB anyway. */
  const MAX_IMPORT = 32 * 1024 * 1024;

  const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
  const isText = (v, max = MAX_TEXT) => typeof v === 'string' && v.length <= max;
  const isOptText = (v) => v == null || isText(v);

  /** A person as the content script read them from the page. */
  function invalidPerson(p, what) {
    if (!isObject(p)) return `${what} must be an object`;
    if (!isText(p.url, 2000)) return `${what}.url must be a string`;
    if (!isOptText(p.name) || !isOptText(p.headline) || !isOptText(p.company)) return `${what}: name, headline and company must be strings`;
    if (!isOptText(p.note)) return `${what}.note must be a string or null`;
    return null;
  }

  /** One observation (see OBSERVE); the engine checks the rest (a URL that is not a profile, a bad state). */
  function invalidObservation(o, i) {
    const what = `observations[${i}]`;
    if (!isObject(o)) return `${what} must be an object`;
    if (!isText(o.url, 2000)) return `${what}.url must be a string`;
    if (!OBSERVATION_KINDS.includes(o.kind)) return `${what}.kind must be one of ${OBSERVATION_KINDS.join(', ')}`;
    for (const f of ['name', 'headline', 'state', 'sent', 'note', 'when']) if (!isOptText(o[f])) return `${what}.${f} must be a string`;
    return null;
  }

  /** One edit of a contact (see CONTACT_EDIT). */
  function invalidEdit(e) {
    if (!isObject(e)) return 'edit must be an object';
    const keys = Object.keys(e);
    if ('notes' in e) return keys.length === 1 && isText(e.notes) ? null : 'notes must be a string';
    if ('follow_up_at' in e) return keys.length === 1 && (e.follow_up_at === null || Number.isFinite(e.follow_up_at)) ? null : 'follow_up_at must be a time or null';
    if ('follow_up_date' in e) return typeof e.follow_up_date === 'string' && (e.tz == null || Number.isInteger(e.tz)) ? null : 'follow_up_date must be YYYY-MM-DD';
    if ('done' in e) return keys.length === 1 && e.done === true ? null : 'done must be true';
    if ('snooze' in e) {
      const s = e.snooze;
      if (keys.length !== 1 || !isObject(s)) return 'snooze must be { days } or { until }';
      if ('days' in s) return Number.isInteger(s.days) && s.days >= 0 ? null : 'snooze.days must be a whole number';
      if ('until' in s) return Number.isFinite(s.until) ? null : 'snooze.until must be a time';
      return 'snooze must be { days } or { until }';
    }
    if ('rhythm' in e) return keys.length === 1 && validRhythm(e.rhythm) ? null : "rhythm must be 'once' or { days | weeks | months: a whole number }";
    return 'unknown edit';
  }

  /** A follow-up rhythm: 'once', or one of { days }, { weeks }, { months } with a whole number. */
  function validRhythm(r) {
    if (r === 'once') return true;
    if (!isObject(r)) return false;
    const keys = Object.keys(r);
    return keys.length === 1 && ['days', 'weeks', 'months'].includes(keys[0]) && Number.isInteger(r[keys[0]]) && r[keys[0]] >= 0 && r[keys[0]] <= 3650;
  }

  /** Builders, so callers cannot misspell a field. */
  /** `guard` ({ url? }) asks for the repetition guard and month counter too (invitations). */
  const analyzeRequest = (text, context, guard) => (guard ? { kind: KIND.ANALYZE, text, context, guard } : { kind: KIND.ANALYZE, text, context });
  const pingRequest = () => ({ kind: KIND.PING });
  const rulesRequest = () => ({ kind: KIND.RULES });
  const recordInvitationRequest = (invite) => ({ kind: KIND.RECORD_INVITATION, invite });
  const contactGetRequest = (url) => ({ kind: KIND.CONTACT_GET, url });
  const contactAddRequest = (person) => ({ kind: KIND.CONTACT_ADD, person });
  const contactEditRequest = (key, edit) => ({ kind: KIND.CONTACT_EDIT, key, edit });
  const observeRequest = (observations) => ({ kind: KIND.OBSERVE, observations });
  const errorRequest = (where, message) => ({
    kind: KIND.ERROR,
    where: String(where).slice(0, 100),
    message: String(message).slice(0, 2000),
  });

  /**
   * Checks a request's shape; returns an error string, or null when it is well formed.
   * @param {any} msg
   */
  function invalid(msg) {
    if (!msg || typeof msg !== 'object') return 'not an object';
    switch (msg.kind) {
      case KIND.ANALYZE:
        if (typeof msg.text !== 'string') return 'text must be a string';
        if (msg.text.length > MAX_TEXT) return 'text too long';
        if (msg.context != null && typeof msg.context !== 'object') return 'context must be an object';
        if (msg.guard != null && (!isObject(msg.guard) || !isOptText(msg.guard.url))) return 'guard must be { url? }';
        return null;
      case KIND.PING:
      case KIND.RULES:
        return null;
      case KIND.ERROR:
        return typeof msg.message === 'string' ? null : 'message must be a string';
      case KIND.RECORD_INVITATION:
        return invalidPerson(msg.invite, 'invite');
      case KIND.CONTACT_ADD:
        return invalidPerson(msg.person, 'person');
      case KIND.CONTACT_GET:
        return isText(msg.url, 2000) ? null : 'url must be a string';
      case KIND.CONTACT_EDIT:
        return isText(msg.key, 2000) ? invalidEdit(msg.edit) : 'key must be a string';
      case KIND.VIEW:
        if (msg.query != null && !isText(msg.query, 1000)) return 'query must be a string';
        if (msg.reread != null && typeof msg.reread !== 'boolean') return 'reread must be a boolean';
        return msg.tz == null || Number.isInteger(msg.tz) ? null : 'tz must be minutes';
      case KIND.SETTINGS_GET:
      case KIND.DELETE_ALL:
        return null;
      case KIND.INSIGHTS:
        return msg.tz == null || Number.isInteger(msg.tz) ? null : 'tz must be minutes';
      case KIND.SETTINGS_SET:
        return isObject(msg.settings) ? null : 'settings must be an object';
      case KIND.EXPORT:
        return msg.format === 'json' || msg.format === 'csv' ? null : 'format must be json or csv';
      case KIND.IMPORT:
        return isText(msg.text, MAX_IMPORT) ? null : 'text must be a string (at most 32 MB)';
      case KIND.OBSERVE: {
        const list = msg.observations;
        if (!Array.isArray(list) || !list.length || list.length > MAX_OBSERVATIONS) return `observations must be a list of 1 to ${MAX_OBSERVATIONS}`;
        for (let i = 0; i < list.length; i++) {
          const bad = invalidObservation(list[i], i);
          if (bad) return bad;
        }
        return null;
      }
      default:
        return `unknown kind ${JSON.stringify(msg.kind)}`;
    }
  }

  // ---- Kept answers: the worker's last answers in chrome.storage.session ----

  /**
   * Where the worker keeps its last answers for the extension's pages (followup.js,
   * `keepAnswer`), each `{ v: 1, at, tz, answer }`: the popup's view without a search
   * (popup-early.js spells it too: it loads before this file) and the insights.
   */
  const KEPT = Object.freeze({ VIEW: 'popup_view', INSIGHTS: 'insights_view' });
  /** The oldest kept answer drawn (it is also passed over on another day and once something fell due). */
  const KEPT_MAX_MS = 12 * 3_600_000;

  /**
   * Whether a kept answer may be drawn now: made for this time zone, today, under 12 hours
   * ago, and before the badge's next change (something fell due or expired since) when it
   * has one. Changes to the store remove it (the worker).
   * @param {any} kept
   * @param {number} tz
   */
  function keptFits(kept, tz, now = Date.now()) {
    if (!kept || kept.v !== 1 || kept.tz !== tz || !Number.isFinite(kept.at) || !kept.answer?.ok) return false;
    const next = kept.answer.badge?.next_change_at;
    return now >= kept.at && now - kept.at < KEPT_MAX_MS && (next == null || now < next)
      && new Date(kept.at).toDateString() === new Date(now).toDateString();
  }

  return Object.freeze({
    KIND, PAGE_ONLY, TAB_KIND, MAX_TEXT, KEPT, keptFits, analyzeRequest, pingRequest, rulesRequest, errorRequest, invalid,
    recordInvitationRequest, contactGetRequest, contactAddRequest, contactEditRequest, observeRequest,
    OBSERVATION_KINDS, MAX_OBSERVATIONS,
  });
})();
// A module page's top-level `var` stays in the module: publish it.
globalThis.RapportProtocol = RapportProtocol;
