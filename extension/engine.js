// The Rust engine, compiled to WebAssembly, loaded once per worker life: about 30 ms to
// instantiate and 100 more to build the phrase tables. The content script asks for it
// (ping) when a note box appears or gets focus after a pause, ahead of the first
// keystroke. Every module of the service worker awaits engine() before calling an export
// of ../pkg/rapport.js.
//
// No top-level await in a service worker: the load is lazy, and a failed load is retried
// on the next call.

import init, { warm } from '../pkg/rapport.js';

let ready = null;

/**
 * Loads the engine once and builds its phrase tables; resolves when its exports can be
 * called at full speed.
 */
export function engine() {
  ready ??= init({ module_or_path: new URL('../pkg/rapport_bg.wasm', import.meta.url) }).then(warm).catch((e) => {
    ready = null;
    throw e;
  });
  return ready;
}
