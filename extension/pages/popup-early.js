// Starts the popup's first request while the page's modules load, so its answer is often
// there by the time popup.js can draw it (the scale benchmark: the due list's first paint).
// An async classic script with no dependency, so it holds nothing back; popup.js takes it
// over through `send(msg, started)` when the kind is still protocol.js's KIND.VIEW and
// nothing has been typed.
//
// It first reads the worker's last answer kept in session storage (followup.js,
// `keepAnswer`). With one, popup.js draws it if it fits and asks the worker only once it is
// on screen: a stopped worker's start (the engine loaded, the store read) would otherwise
// slow that first paint. Without one, the worker is asked at once.

globalThis.RapportFirstView = (() => {
  const msg = { kind: 'followup-view', query: '', tz: new Date().getTimezoneOffset() };
  /** @type {{ msg: object, kept: Promise<any>, answer: Promise<any>|null }} */
  const first = { msg, kept: Promise.resolve(null), answer: null };
  const ask = () => {
    try {
      first.answer = chrome.runtime.sendMessage(msg);
      first.answer.catch(() => {}); // popup.js reports a failure when it takes the answer over
    } catch {
      // popup.js asks itself
    }
  };
  try {
    first.kept = chrome.storage.session.get('popup_view').then((got) => {
      const kept = got?.popup_view ?? null;
      if (!kept) ask();
      return kept;
    }, () => {
      ask();
      return null;
    });
  } catch {
    ask(); // no session storage
  }
  return first;
})();
