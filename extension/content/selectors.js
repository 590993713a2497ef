// Every LinkedIn selector Rapport uses, in one place. LinkedIn ships obfuscated class
// names that change per deploy and labels in the reader's language, so each chain starts
// with ids, roles, structure and attributes (maxlength, contenteditable); stable BEM class
// names (`msg-form__...`, `artdeco-modal`) come next; English or localised labels are only
// an extra hint at the end. First match wins. See ../../../shared/docs/linkedin.md, and
// "Markup evidence" in ../README.md for what each chain was last checked against.
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

  /**
   * Profile top card: the person's name. An h1 in the older rendering; in the server-driven
   * one a heading inside the card whose id (or componentkey) ends in "Topcard", which some
   * 2026 captures show as an h2.
   */
  const PROFILE_NAME = [
    'h1.text-heading-xlarge',
    'div[id$="Topcard"] h1',
    'div[id$="Topcard"] h2',
    'div[componentkey$="Topcard"] h1',
    'div[componentkey$="Topcard"] h2',
    'main section h1',
    'main h1',
  ];
  /** The top card around the name, which holds headline and company (nearest first). */
  const PROFILE_CARD = ['section', 'main'];
  /** The top card with the profile's own Connect and Message buttons, which Rapport's card must not cover. */
  const PROFILE_TOP_CARD = ['div[id$="Topcard"]', 'div[componentkey$="Topcard"]', '[componentkey*="Topcard"]', 'section'];
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

  // ---- Outcomes: what became of an invitation, read from pages the person visits anyway ----
  // (content/outcomes.js; linkedin.md "LinkedIn's pages in late 2026"). Structure, hrefs and
  // accessible names first; visible words only as localised hints (en, fr, de, es, it, pt, nl).

  /** The profile top card's own invitation controls (links in the new rendering, buttons in the older one). */
  const TOP_CARD_ACTION = ['a[aria-label]', 'button[aria-label]', '[role="button"][aria-label]'];
  /** "Pending, click to withdraw invitation sent to <Name>": the label starts with the word for pending. */
  const PENDING_LABEL = /^(?:Pending|En attente|Ausstehend|Pendiente|In sospeso|In attesa|Pendente|In behandeling)\b/i;
  /** The degree badge of a 1st-degree connection ("· 1st", "1er", "1.", "1º", "1°"), read where it is visible. */
  const FIRST_DEGREE = /^[\s·•]*1(?:st|er|re|e|\.|º|°|ª|o)\s*$/i;
  /**
   * The top card's invite link, /preload/custom-invite/?vanityName=<slug>: with this profile's
   * own slug it is the Connect state whatever the language (CUSTOM_INVITE_PATH, VANITY_PARAM).
   */
  const TOP_CARD_INVITE = ['a[href*="/preload/custom-invite/"]'];
  /** Any degree badge ("· 2nd", "3rd+", "2e", "2.", "2º"): a top card with one is a person's own, readable one. */
  const ANY_DEGREE = /^[\s·•]*[123](?:st|nd|rd|er|re|e|\.|º|°|ª|o)\+?\s*$/i;
  /** Elements that may hold the degree badge in the top card (their own text only). */
  const DEGREE_BADGE = ['.dist-value', '.distance-badge span', 'span', 'p'];

  /** The page's main content, where the lists below live. */
  const PAGE_MAIN = ['main'];
  /** The editing host a keypress lands in. */
  const EDITING_HOST = ['[contenteditable="true"]'];

  /** The sent-invitations manager. */
  const SENT_PATH = /^\/mynetwork\/invitation-manager\/sent\/?/i;
  /** One sent invitation: a list item with a link to the person's profile (new rendering first). */
  const SENT_ROW = ['[role="listitem"]', 'li.invitation-card', '[data-view-name="sent-invitation"]', 'li'];
  /** "Sent 3 weeks ago" (parsed by the engine's parseRelative); a <time> in the older rendering. */
  const SENT_TIME = ['time'];
  const SENT_AGO = /^(?:Sent|Envoy[ée]e?s?|Gesendet|Verschickt|Enviad[ao]|Inviat[ao]|Verzonden)\b/i;
  /** The note shown in a row (a hint: absent when the invitation had none); read without its "…more" button. */
  const SENT_NOTE = ['[data-testid="expandable-text-box"]', '.invitation-card__custom-message', '[data-test-invitation-note]', 'blockquote', 'q'];
  /**
   * A row's name: a plain <p> in the new rendering (the only profile link holds the avatar),
   * a <p> in the profile link in the one before. The first with text that is neither the
   * "Sent …" line nor inside the note; the labels below pick among them when they can.
   */
  const SENT_NAME = ['a[href*="/in/"] p', 'p'];
  /** Elements whose accessible name is "<Name>’s profile picture" (the avatar). */
  const PICTURE = ['svg[role="img"][aria-label]', 'figure[aria-label]', 'img[alt]'];
  /** "<Name>’s profile picture" (English; a hint only): group 1 is the name. */
  const PICTURE_NAME = /^(.+?)[’']s profile picture$/i;
  /** "Withdraw invitation sent to <Name>" on the row's control and the confirming button (English; "Withdrawn" in early 2026). */
  const WITHDRAW_NAME = /^Withdrawn? invitation sent to (.+)$/i;
  /** A row's Withdraw control ("Withdraw invitation sent to <Name>", or its visible word). */
  const WITHDRAW_CONTROL = [
    'a[aria-label^="Withdraw invitation sent to"]',
    'button[data-view-name="sent-invitations-withdraw-single"]',
    'a[aria-label^="Withdraw"]', 'button[aria-label^="Withdraw"]',
    'a[aria-label^="Retirer"]', 'button[aria-label^="Retirer"]',
    'a[aria-label^="Zurückziehen"]', 'button[aria-label^="Zurückziehen"]',
    'a[aria-label^="Retirar"]', 'button[aria-label^="Retirar"]',
    'a[aria-label^="Ritira"]', 'button[aria-label^="Ritira"]',
    'a[aria-label^="Intrekken"]', 'button[aria-label^="Intrekken"]',
  ];
  /** Anything pressable: a button, or a link (LinkedIn's Withdraw is a link in the new rendering). */
  const CONTROL = ['button', '[role="button"]', 'a'];
  /** The Withdraw word itself, for controls that carry no label. */
  const WITHDRAW_WORD = /^(?:Withdraw|Retirer|Zurückziehen|Retirar|Ritira|Intrekken)$/i;
  /**
   * The confirmation: a native <dialog open data-testid="dialog"> in the new rendering (no
   * role attribute), an artdeco modal in the older one.
   */
  const CONFIRM_DIALOG = ['dialog[open]', '[data-testid="dialog"]', 'dialog', '[role="alertdialog"]', '[role="dialog"]', '.artdeco-modal'];
  /**
   * The confirming button in it: labelled "Withdraw invitation sent to <Name>" (WITHDRAW_CONTROL)
   * in the new rendering, else the primary one, or the one that says Withdraw.
   */
  const CONFIRM_PRIMARY = ['[data-view-name="edge-creation-connect-action"] button', '.artdeco-button--primary', 'button[type="submit"]'];
  /** The fragment that asks the sent-invitations page to highlight one row (see extension/README.md). */
  const WITHDRAW_MARK = 'rapport-withdraw';

  /** Notifications and My Network: "<Name> accepted your invitation". */
  const ACCEPTED_PATH = /^\/(?:notifications|mynetwork)\/?$/i;
  const ACCEPTED_CARD = ['article.nt-card', 'article[data-view-name="notification-card-container"]', 'div.nt-card-list article', '[role="listitem"]', 'main article', 'main li'];
  /** The person the card is about: the actor's image link ("View <name>’s profile."), then any profile link. */
  const ACCEPTED_ACTOR = ['a[data-view-name="notification-card-image"][href*="/in/"]', 'a.nt-card__headline[href*="/in/"]', 'a[href*="/in/"]'];
  const ACCEPTED_TEXT = [
    /accepted your invitation/i,
    /a accepté votre invitation/i,
    /hat (?:Ihre|deine) Einladung angenommen/i,
    /(?:ha aceptado|aceptó) tu invitación/i,
    /ha accettato il tuo invito/i,
    /aceitou (?:o )?seu convite/i,
    /heeft (?:je|uw) uitnodiging geaccepteerd/i,
  ];
  /** The card's age ("3d", "2 h"): its own text only (the live p.nt-card__time-ago also holds the card's settings menu). */
  const CARD_AGE = ['p.nt-card__time-ago', 'time', '[class*="time-ago"]'];

  /** Recently added connections. */
  const CONNECTIONS_PATH = /^\/mynetwork\/invite-connect\/connections\/?/i;
  /**
   * One connection: the Ember list item, or a card of the newer rendering's list
   * (div[componentkey^="auto-component"] in [data-view-name="connections-list"]).
   */
  const CONNECTION_CARD = ['li.mn-connection-card', '[data-view-name="connections-list"] div[componentkey^="auto-component"]', '[role="listitem"]'];
  const CONNECTION_LINK = ['a.mn-connection-card__link[href*="/in/"]', 'a[data-view-name="connections-profile"][href*="/in/"]', 'a[href*="/in/"]'];
  /** The name: Ember's span; in the newer rendering the <p> (or its link) in a profile link with text. */
  const CONNECTION_NAME = ['.mn-connection-card__name', 'a[data-view-name="connections-profile"] p', 'p a[href*="/in/"]'];
  /** "Connected 2 days ago" in a <time> (Ember); the newer rendering's <p> is found by CONNECTED_TEXT. */
  const CONNECTION_AGE = ['time.time-badge', 'time'];
  /** Elements that may hold "Connected on December 2, 2026" in the newer rendering (their own text). */
  const CONNECTION_AGE_TEXT = ['p', 'span'];
  /** "Connected …": only the English word is verified; the others are hints. */
  const CONNECTED_TEXT = /^(?:Connected|Relation|Vernetzt|Conectad[oa]s?|Collegat[oi])\b/i;

  /** The composer's send button. */
  const MESSAGE_SEND = ['button.msg-form__send-button', '.msg-form button[type="submit"]', 'form[class*="msg-form"] button[type="submit"]'];
  /** The conversation header's link to the other person's profile (thread page, overlay bubble). */
  const THREAD_PROFILE_LINK = [
    'a.msg-thread__link-to-profile[href*="/in/"]',
    '.msg-overlay-bubble-header a[href*="/in/"]',
    '.msg-entity-lockup a[href*="/in/"]',
    '.msg-title-bar a[href*="/in/"]',
  ];
  /** Around a composer: the conversation it belongs to (nearest first). */
  const CONVERSATION = ['.msg-overlay-conversation-bubble', '.msg-convo-wrapper', '.msg-thread', 'main'];

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

  R.selectors = { first, firstDeep, all, matches, closestDeep, SHADOW_HOSTS, MODAL_DIALOG, PROFILE_CARD, PROFILE_TOP_CARD, INVITE_NOTE, MESSAGE_COMPOSER, MESSAGE_COMPOSER_LOOSE, MESSAGING_PATH, INVITE_CONTAINER, COMPOSER_CONTAINER, PROFILE_NAME, PROFILE_HEADLINE, PROFILE_COMPANY, PROFILE_PATH, THREAD_NAME, DIALOG_NAME, CONNECT_BUTTON, CONNECT_LABEL, DARK_THEME, LIGHT_THEME, HEADLINE_AT, CANONICAL, CUSTOM_INVITE_PATH, VANITY_PARAM, PROFILE_HREF, PERSON_CARD, PROFILE_LINK, INVITE_SEND, INVITE_PRIMARY, INVITE_DIALOG, INVITE_NOT_SEND, BUTTON,
    PAGE_MAIN, EDITING_HOST, TOP_CARD_ACTION, TOP_CARD_INVITE, PENDING_LABEL, FIRST_DEGREE, ANY_DEGREE, DEGREE_BADGE, SENT_PATH, SENT_ROW, SENT_TIME, SENT_AGO, SENT_NOTE,
    SENT_NAME, PICTURE, PICTURE_NAME, WITHDRAW_NAME, WITHDRAW_CONTROL, CONTROL, WITHDRAW_WORD, CONFIRM_DIALOG, CONFIRM_PRIMARY, WITHDRAW_MARK, ACCEPTED_PATH, ACCEPTED_CARD,
    ACCEPTED_ACTOR, ACCEPTED_TEXT, CARD_AGE, CONNECTIONS_PATH, CONNECTION_CARD, CONNECTION_LINK, CONNECTION_NAME,
    CONNECTION_AGE, CONNECTION_AGE_TEXT, CONNECTED_TEXT, MESSAGE_SEND, THREAD_PROFILE_LINK, CONVERSATION };
})();
