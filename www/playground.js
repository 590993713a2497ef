// Loads the engine and hands the page to it (src/wasm/playground.rs draws everything).
import init, { mount_playground } from './pkg/rapport.js';

const status = document.getElementById('status');
try {
  await init();
  mount_playground();
} catch (err) {
  status.textContent = `The engine could not start in this browser: ${err?.message ?? err}`;
}
