// Starts the popup's first request to the worker while the page's modules load, so the
// answer is often there by the time popup.js can draw it (the scale benchmark: the due
// list's first paint). An async classic script with no dependency, so it holds nothing
// back; popup.js takes the answer over through `send(msg, started)` when the kind is
// still protocol.js's KIND.VIEW and nothing has been typed.

globalThis.RapportFirstView = (() => {
  const msg = { kind: 'followup-view', query: '', tz: new Date().getTimezoneOffset() };
  try {
    const answer = chrome.runtime.sendMessage(msg);
    answer.catch(() => {}); // popup.js reports a failure when it takes the answer over
    return { msg, answer };
  } catch {
    return null; // popup.js asks itself
  }
})();
