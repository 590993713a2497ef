// The person's settings, in the engine's shape (src/followup/mod.rs `Settings`), stored
// under `settings` and read through the store (so the engine validates them, and the
// first build's { limit, disabled } is read as { limit, disabled_rules }):
//   follow_up_days  days from invitation to follow-up (7; 0: none)
//   limit           the note limit when the field has no maxlength (300 Premium, 200 free)
//   notifications   a system notification when a follow-up falls due (off)
//   disabled_rules  rule ids switched off
//   pending_days    days an invitation waits before it is due (follow up or withdraw; 14; 0: never)
//   expire_days     days after which a pending invitation counts as expired (21; 0: never)
//   premium         a Premium account: personalised notes are not limited per month (off)
//   monthly_notes   personalised notes a month on a free account (5, LinkedIn Help)
// The options page changes them through the worker (KIND.SETTINGS_SET).

import { state } from './store.js';

/** What the engine uses when nothing is stored (src/followup/mod.rs `Settings::default`). */
export const DEFAULTS = Object.freeze({
  follow_up_days: 7, limit: 300, notifications: false, disabled_rules: Object.freeze([]),
  pending_days: 14, expire_days: 21, premium: false, monthly_notes: 5,
});

/**
 * The current settings (cached with the store; the cache drops when storage changes).
 * Unreadable storage gives the defaults: scoring a note never fails for the settings' sake.
 */
export async function getSettings() {
  try {
    return (await state()).settings;
  } catch {
    return DEFAULTS;
  }
}
