// Starts the popup's first request to the worker while the page's modules load, so the
// answer is often there by the time popup.js can draw it (the scale benchmark: the due
// list's first paint). An async classic script with no dependency, so it holds nothing
// back; popup.js takes the answer over through `send(msg, started)` when the kind is
// still protocol.js's KIND.VIEW and nothing has been typed.
//
// It also reads the worker's last answer kept in session storage (followup.js, `keepAnswer`):
// when the worker was stopped, popup.js draws that until the worker's own answer comes.

globalThis.RapportFirstView = (() => {
  const msg = { kind: 'followup-view', query: '', tz: new Date().getTimezoneOffset() };
  let kept = Promise.resolve(null);
  try {
    kept = chrome.storage.session.get('popup_view').then((got) => got?.popup_view ?? null, () => null);
  } catch {
    // no session storage: the popup waits for the worker
  }
  try {
    const answer = chrome.runtime.sendMessage(msg);
    answer.catch(() => {}); // popup.js reports a failure when it takes the answer over
    return { msg, answer, kept };
  } catch {
    return null; // popup.js asks itself
  }
})();
