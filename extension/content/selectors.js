// Every LinkedIn selector Rapport uses, in one place. LinkedIn ships obfuscated class
// names that change per deploy and labels in the reader's language, so each chain starts
// with ids, roles, structure and attributes (maxlength, contenteditable); stable BEM class
// names (`msg-form__...`, `artdeco-modal`) come next; English or localised labels are only
// an extra hint at the end. First match wins. See ../../../shared/docs/linkedin.md.
//
// A classic content script (see the manifest for the order); shares `globalThis.Rapport`,
// the isolated world's namespace, with the others.

(() => {
  const R = (globalThis.Rapport ||= {});

  /** Elements hosting open shadow roots that LinkedIn renders dialogs into. */
  const SHADOW_HOSTS = ['#interop-outlet', '[data-testid="interop-shadowdom"]'];

  /** The invitation note (a textarea), newest markup first. */
  const INVITE_NOTE = [
    'textarea#custom-message',
    'textarea[name="message"]',
    'textarea.connect-button-send-invite__custom-message',
    '.send-invite textarea',
    '[role="dialog"] textarea[maxlength]',
    'dialog textarea[maxlength]',
  ];

  /** The messaging composer (a contenteditable with <p> paragraphs). */
  const MESSAGE_COMPOSER = [
    'div.msg-form__contenteditable[contenteditable="true"]',
    '.msg-form [contenteditable="true"][role="textbox"]',
    'form[class*="msg-form"] [contenteditable="true"]',
  ];

  /** A structural fallback for the composer, only used on messaging pages (see MESSAGING_PATH). */
  const MESSAGE_COMPOSER_LOOSE = ['div[contenteditable="true"][role="textbox"]'];
  /** Paths where a bare contenteditable textbox is the message composer. */
  const MESSAGING_PATH = /^\/messaging\//;

  /** The container a field lives in: the panel sits beside it, never over it. */
  const INVITE_CONTAINER = [
    '[role="dialog"]',
    'dialog',
    '.artdeco-modal',
    '.send-invite',
  ];
  const COMPOSER_CONTAINER = [
    '.msg-overlay-conversation-bubble',
    '.msg-convo-wrapper',
    '.msg-form',
    'form',
  ];

  /** A native <dialog>; when opened with showModal() the panel must live inside it. */
const MODAL_DIALOG = ['dialog'];

/** Profile top card: the person's name. */
  const PROFILE_NAME = [
    'h1.text-heading-xlarge',
    'main section h1',
    'main h1',
  ];
  /** The top card around the name, which holds headline and company (nearest first). */
const PROFILE_CARD = ['section', 'main'];
/** Profile headline, relative to the name's section (the block right after the name). */
  const PROFILE_HEADLINE = [
    '.text-body-medium.break-words',
    '[data-generated-suggestion-target]',
    '.pv-text-details__left-panel .text-body-medium',
  ];
  /** Current company link in the top card. */
  const PROFILE_COMPANY = [
    'a[href*="/company/"]',
    'button[aria-label*="company" i]',
  ];
  /** Pages that are someone's profile. */
  const PROFILE_PATH = /^\/(?:in|pub)\/[^/]+/i;

  /** The messaging thread's header: who the message goes to. */
  const THREAD_NAME = [
    '.msg-entity-lockup__entity-title',
    '.msg-overlay-bubble-header__title',
    '#thread-detail-jump-target',
    '.msg-thread__link-to-profile',
  ];

  /** Inside the invite dialog: the invitee's name, when the dialog states it. */
  const DIALOG_NAME = ['strong', 'h2 strong', '.artdeco-modal__header strong'];

  /** Buttons that open an invitation; their aria-label names the person. */
  const CONNECT_BUTTON = 'button[aria-label], a[aria-label]';
  /**
   * "Invite <Name> to connect" in the languages LinkedIn ships most; group 1 is the name.
   * A hint only: the profile's h1 wins when there is one.
   */
  const CONNECT_LABEL = [
    /^Invite (.+?) to connect$/i,
    /^Inviter (.+?) à rejoindre votre réseau$/i,
    /^(.+?) als Kontakt einladen$/i,
    /^Invitar a (.+?) a conectar$/i,
    /^Invita (.+?) a collegarsi$/i,
    /^Convidar (.+?) para se conectar$/i,
    /^(.+?) uitnodigen om te connecten$/i,
  ];

  /** LinkedIn's own dark theme (besides prefers-color-scheme). */
  const DARK_THEME = ['html.theme--dark', 'html.theme--dark-lix', 'body.theme--dark'];

  /** Headline separators before a company ("Engineer at Acme", localised as a hint). */
  const HEADLINE_AT = /\s(?:at|@|chez|bei|en|presso|na|no|bij)\s+(.+)$/i;

  /** Small helpers so callers can pass a chain. */
  function first(root, chain) {
    for (const sel of chain) {
      try {
        const el = root.querySelector(sel);
        if (el) return el;
      } catch {
        // an unsupported selector in some browser: try the next one
      }
    }
    return null;
  }

  function all(root, chain) {
    try {
      return [...root.querySelectorAll(chain.join(','))]; // one pass over the tree
    } catch {
      // a selector this browser rejects: take them one by one
    }
    const out = new Set();
    for (const sel of chain) {
      try {
        for (const el of root.querySelectorAll(sel)) out.add(el);
      } catch {
        // ignore
      }
    }
    return [...out];
  }

  function matches(el, chain) {
    for (const sel of chain) {
      try {
        if (el.matches(sel)) return true;
      } catch {
        // ignore
      }
    }
    return false;
  }

  /** closest() that crosses shadow-root boundaries (open roots only). */
  function closestDeep(el, chain) {
    let node = el;
    while (node) {
      for (const sel of chain) {
        try {
          const hit = node.closest(sel);
          if (hit) return hit;
        } catch {
          // ignore
        }
      }
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }

  R.selectors = { first, all, matches, closestDeep, SHADOW_HOSTS, MODAL_DIALOG, PROFILE_CARD, INVITE_NOTE, MESSAGE_COMPOSER, MESSAGE_COMPOSER_LOOSE, MESSAGING_PATH, INVITE_CONTAINER, COMPOSER_CONTAINER, PROFILE_NAME, PROFILE_HEADLINE, PROFILE_COMPANY, PROFILE_PATH, THREAD_NAME, DIALOG_NAME, CONNECT_BUTTON, CONNECT_LABEL, DARK_THEME, HEADLINE_AT };
})();
