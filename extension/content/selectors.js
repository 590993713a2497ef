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
  /** The top card with the profile's own Connect and Message buttons, which Rapport's card must not cover. */
  const PROFILE_TOP_CARD = ['div[componentkey$="Topcard"]', 'section'];
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

  /** The page's canonical URL: on a profile, https://www.linkedin.com/in/<slug>/ even for /in/ACoAA... URLs. */
  const CANONICAL = ['link[rel="canonical"]'];
  /** The invite deep link, /preload/custom-invite/?vanityName=<slug>; the parameter names the invitee. */
  const CUSTOM_INVITE_PATH = /^\/preload\/custom-invite\/?$/i;
  const VANITY_PARAM = 'vanityName';
  /** A profile's path (group 1: the slug), for links and canonical URLs. */
  const PROFILE_HREF = /^\/in\/([^/?#]+)/i;

  /**
   * Around a Connect button outside the profile's top card (search results, "People also
   * viewed"): the card whose profile link names the invitee. Nearest first.
   */
  const PERSON_CARD = ['li', '[data-chameleon-result-urn]', '.entity-result', '.artdeco-card', 'section'];
  /** Links to a profile inside such a card. */
  const PROFILE_LINK = ['a[href*="/in/"]'];

  /**
   * Buttons that send the invitation, with or without a note: labelled ones first (English,
   * then LinkedIn's common translations as a hint), any of them inside an invite container.
   */
  const INVITE_SEND = [
    'button[aria-label="Send invitation"]',
    'button[aria-label="Send without a note"]',
    'button[aria-label="Send now"]',
    'button[aria-label="Invia ora"]',
    'button[aria-label="Envoyer maintenant"]',
    'button[aria-label="Envoyer sans note"]',
    'button[aria-label="Jetzt senden"]',
    'button[aria-label="Ohne Notiz senden"]',
    'button[aria-label="Enviar agora"]',
    'button[aria-label="Enviar ahora"]',
    'button[aria-label="Enviar sin nota"]',
    'button[aria-label="Nu verzenden"]',
  ];
  /** Structure: the primary button of the older send-invite modal (its only sending action). */
  const INVITE_PRIMARY = ['.send-invite button.artdeco-button--primary', '.send-invite button[type="submit"]'];
  /** The invitation dialogs (their container carries this, or holds the note box). */
  const INVITE_DIALOG = ['.send-invite', '[data-test-modal-id="send-invite-modal"]'];
  /** Buttons in that dialog that never send, though they may be styled as primary. */
  const INVITE_NOT_SEND = [
    'button[aria-label="Add a note"]',
    'button[aria-label="Aggiungi una nota"]',
    'button[aria-label="Ajouter une note"]',
    'button[aria-label="Notiz hinzufügen"]',
    'button[aria-label="Adicionar nota"]',
    'button[aria-label="Añadir una nota"]',
    'button[aria-label="Dismiss"]',
    'button[aria-label="Cancel adding a note"]',
    '.artdeco-modal__dismiss',
    'button[data-test-modal-close-btn]',
  ];
  /** Any button (walking a click's path to the element that was pressed). */
  const BUTTON = ['button', '[role="button"]'];

  /** LinkedIn's own dark theme (besides prefers-color-scheme). */
  const DARK_THEME = ['html.theme--dark', 'html.theme--dark-lix', 'body.theme--dark'];
  /** LinkedIn's own light theme: the panel stays light even when the system is dark. */
  const LIGHT_THEME = ['html.theme--light', 'body.theme--light'];

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

  /**
   * first() that also looks inside the open shadow roots under `root`, however deeply
   * nested (a dialog's note box may sit in a component's own shadow root). Light DOM first.
   */
  function firstDeep(root, chain) {
    const hit = first(root, chain);
    if (hit) return hit;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = /** @type {Element|null} */ (walker.nextNode()); el; el = /** @type {Element|null} */ (walker.nextNode())) {
      const inner = el.shadowRoot && firstDeep(el.shadowRoot, chain);
      if (inner) return inner;
    }
    return null;
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

  R.selectors = { first, firstDeep, all, matches, closestDeep, SHADOW_HOSTS, MODAL_DIALOG, PROFILE_CARD, PROFILE_TOP_CARD, INVITE_NOTE, MESSAGE_COMPOSER, MESSAGE_COMPOSER_LOOSE, MESSAGING_PATH, INVITE_CONTAINER, COMPOSER_CONTAINER, PROFILE_NAME, PROFILE_HEADLINE, PROFILE_COMPANY, PROFILE_PATH, THREAD_NAME, DIALOG_NAME, CONNECT_BUTTON, CONNECT_LABEL, DARK_THEME, LIGHT_THEME, HEADLINE_AT, CANONICAL, CUSTOM_INVITE_PATH, VANITY_PARAM, PROFILE_HREF, PERSON_CARD, PROFILE_LINK, INVITE_SEND, INVITE_PRIMARY, INVITE_DIALOG, INVITE_NOT_SEND, BUTTON };
})();
