// The Rust engine, compiled to WebAssembly, loaded once per worker life. Every module of
// the service worker awaits engine() before calling an export of ../pkg/rapport.js.
//
// No top-level await in a service worker: the load is lazy, and a failed load is retried
// on the next call.

import init from '../pkg/rapport.js';

let ready = null;

/** Loads the engine once; resolves when its exports can be called. */
export function engine() {
  ready ??= init({ module_or_path: new URL('../pkg/rapport_bg.wasm', import.meta.url) }).catch((e) => {
    ready = null;
    throw e;
  });
  return ready;
}
