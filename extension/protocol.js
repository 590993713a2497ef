// The messages between the content script and the service worker: one request/response
// union keyed on `kind`. Both sides load this one file, so a kind is spelled in one place:
// the content script as the first of its classic scripts (see the manifest), the module
// service worker with `import './protocol.js'`. So it has no import/export of its own and
// publishes `globalThis.RapportProtocol` (in the content script's isolated world, which
// the page cannot see).
//
// Every answer is `{ ok: true, ...payload }` or `{ ok: false, error: string }`.

(() => {
  /** Message kinds. */
  const KIND = Object.freeze({
    /** `{ kind, text, context }` -> `{ ok: true, report }`. */
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
  });

  /** Longest text the worker accepts (UTF-16 units); LinkedIn's longest field is far shorter. */
  const MAX_TEXT = 100_000;

  /**
   * @typedef {{ name?: string, headline?: string, company?: string }} Recipient
   * @typedef {{ recipient?: Recipient, limit?: number, kind?: 'invitation'|'message', disabled?: string[] }} Context
   * @typedef {{ id: string, label: string, score: number, max: number }} CategoryScore
   * @typedef {{ rule: string, severity: 'error'|'warning'|'suggestion', category: string,
   *             start: number, end: number, message: string, replacement: string|null }} Finding
   *   Spans in UTF-16 code units, end-exclusive; start == end with a replacement inserts.
   * @typedef {{ score: number, length: number, limit: number, truncated: boolean,
   *             categories: CategoryScore[], findings: Finding[] }} Report
   * @typedef {{ kind: 'analyze', text: string, context?: Context }} AnalyzeRequest
   * @typedef {{ kind: 'ping' }} PingRequest
   * @typedef {{ kind: 'rules' }} RulesRequest
   * @typedef {{ kind: 'error', where: string, message: string }} ErrorRequest
   * @typedef {AnalyzeRequest | PingRequest | RulesRequest | ErrorRequest} Request
   * @typedef {{ ok: true, report: Report } | { ok: true, version: string }
   *         | { ok: true, rules: { id: string, category: string }[] } | { ok: true }
   *         | { ok: false, error: string }} Response
   */

  /** Builders, so callers cannot misspell a field. */
  const analyzeRequest = (text, context) => ({ kind: KIND.ANALYZE, text, context });
  const pingRequest = () => ({ kind: KIND.PING });
  const rulesRequest = () => ({ kind: KIND.RULES });
  const errorRequest = (where, message) => ({
    kind: KIND.ERROR,
    where: String(where).slice(0, 100),
    message: String(message).slice(0, 2000),
  });

  /**
   * Checks a request's shape; returns an error string, or null when it is well formed.
   * @param {unknown} msg
   */
  function invalid(msg) {
    if (!msg || typeof msg !== 'object') return 'not an object';
    switch (msg.kind) {
      case KIND.ANALYZE:
        if (typeof msg.text !== 'string') return 'text must be a string';
        if (msg.text.length > MAX_TEXT) return 'text too long';
        if (msg.context != null && typeof msg.context !== 'object') return 'context must be an object';
        return null;
      case KIND.PING:
      case KIND.RULES:
        return null;
      case KIND.ERROR:
        return typeof msg.message === 'string' ? null : 'message must be a string';
      default:
        return `unknown kind ${JSON.stringify(msg.kind)}`;
    }
  }

  globalThis.RapportProtocol = Object.freeze({
    KIND, MAX_TEXT, analyzeRequest, pingRequest, rulesRequest, errorRequest, invalid,
  });
})();
