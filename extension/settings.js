// The person's settings, owned by the service worker. One object in chrome.storage.local
// under `settings`; DEFAULTS define its shape. The options page (later) writes it.

export const DEFAULTS = Object.freeze({
  /** The note limit when the field has no maxlength: 300 Premium, 200 free. */
  limit: 300,
  /** Rule ids switched off. */
  disabled: Object.freeze([]),
});

const KEY = 'settings';
let cache = null;

/** Normalises whatever is stored into the DEFAULTS shape. */
export function normalise(stored) {
  const s = stored && typeof stored === 'object' ? stored : {};
  const limit = Number.isInteger(s.limit) && s.limit > 0 && s.limit <= 100_000 ? s.limit : DEFAULTS.limit;
  const disabled = Array.isArray(s.disabled) ? s.disabled.filter((r) => typeof r === 'string') : [];
  return { limit, disabled };
}

/** The current settings (cached; the cache drops when storage changes). */
export async function getSettings() {
  if (cache) return cache;
  try {
    const got = await chrome.storage.local.get(KEY);
    cache = normalise(got[KEY]);
  } catch {
    cache = normalise(null);
  }
  return cache;
}

try {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) cache = null;
  });
} catch {
  // storage unavailable (tests outside the extension): defaults only.
}
