//! The JavaScript boundary for invitation outcomes, the due list with pending
//! invitations, cadences, the note allowance and the insights. Thin wrappers over
//! `crate::followup`; every answer is plain JSON-compatible data.
//!
//! Shapes (snake_case, times in ms since 1970 UTC):
//! - Observation: `{ url, name?, headline?, kind: "top_card", state: "pending" |
//!   "connected" | "connect" }`, `{ url, kind: "sent_row", sent: "Sent 3 weeks ago",
//!   note? }`, `{ url, kind: "accepted", when?: "3d" }`, `{ url, kind: "connection",
//!   when? }`, `{ url, kind: "withdrawn" }`, `{ url, kind: "message_sent" }`.
//! - DueItem: `{ contact, since, reasons: [{ kind: "follow_up", at } | { kind:
//!   "pending_invitation", invited_at, days }], message, withdraw_url (the sent-invitations
//!   page + `#rapport-withdraw=<encodeURIComponent(contact.url)>`, or null), last_contact,
//!   outcome }`.
//! - Rhythm: `"once" | { days } | { weeks } | { months }`.

use wasm_bindgen::prelude::*;

use super::{from_js, now_or_clock, to_js, tz_or_local, SentNotes, AGENDA_LIST_MAX};
use crate::followup::{self as fu, Contact, Observation, Rhythm, Settings};

fn settings_from(value: JsValue) -> Result<Settings, JsError> {
    Ok(from_js::<Option<Settings>>("settings", value)?
        .unwrap_or_default()
        .normalised())
}

/// Folds what a content script saw into the stored contact (or `null`): returns the
/// contact to store, or `null` when nothing changed or the person is not followed.
/// Throws on a URL that is not a profile or names another contact.
#[wasm_bindgen]
pub fn observe(
    existing: JsValue,
    observation: JsValue,
    settings: JsValue,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let existing: Option<Contact> = from_js("contact", existing)?;
    let obs: Observation = from_js("observation", observation)?;
    let settings = settings_from(settings)?;
    let next = fu::observe(existing, &obs, now_or_clock(now), &settings)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&next)
}

/// LinkedIn's relative date ("Sent 2 weeks ago", "il y a 3 jours", "3d") as
/// `{ earliest, latest }`, or `null` when it holds no age.
#[wasm_bindgen(js_name = parseRelative)]
pub fn parse_relative(text: &str, now: Option<f64>) -> Result<JsValue, JsError> {
    to_js(&fu::parse_relative(text, now_or_clock(now)))
}

/// The invitation's status now (`"pending"`, `"accepted"`, `"withdrawn"`,
/// `"expired"`), or `null` when no invitation is known.
#[wasm_bindgen(js_name = inviteStatus)]
pub fn invite_status(
    contact: JsValue,
    settings: JsValue,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let contact: Contact = from_js("contact", contact)?;
    to_js(&fu::outcome(
        &contact,
        now_or_clock(now),
        &settings_from(settings)?,
    ))
}

/// The contacts whose pending invitation has expired, marked `expired`: store them
/// (on start-up and when the alarm fires).
#[wasm_bindgen(js_name = expirePending)]
pub fn expire_pending(
    contacts: JsValue,
    settings: JsValue,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let contacts: Vec<Contact> = from_js("contacts", contacts)?;
    to_js(&fu::expire_pending(
        &contacts,
        now_or_clock(now),
        &settings_from(settings)?,
    ))
}

/// Sets the contact's follow-up rhythm (`"once"`, `{ weeks: 2 }`, ...); returns the contact.
#[wasm_bindgen(js_name = setRhythm)]
pub fn set_rhythm(contact: JsValue, rhythm: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
    let contact: Contact = from_js("contact", contact)?;
    let rhythm: Rhythm = from_js("rhythm", rhythm)?;
    to_js(&fu::set_rhythm(contact, rhythm, now_or_clock(now)))
}

/// The rhythm stored `cadence_days` stands for (`"once"`, `{ months: 1 }`, ...).
#[wasm_bindgen(js_name = rhythmOf)]
pub fn rhythm_of(cadence_days: Option<u32>) -> Result<JsValue, JsError> {
    to_js(&Rhythm::from_days(cadence_days))
}

/// Records a message sent to the contact at `at` (default `now`); returns the contact.
#[wasm_bindgen(js_name = recordInteraction)]
pub fn record_interaction(
    contact: JsValue,
    at: Option<f64>,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let contact: Contact = from_js("contact", contact)?;
    let now = now_or_clock(now);
    to_js(&fu::record_interaction(
        contact,
        at.map_or(now, |t| t as i64),
        now,
    ))
}

#[derive(serde::Serialize)]
struct Badge {
    count: usize,
    text: String,
    /// When to set the alarm: the due list or an outcome changes by itself then.
    next_change_at: Option<i64>,
}

/// The badge for a due list of `count` entries.
fn badge_of(count: usize, contacts: &[Contact], now: i64, settings: &Settings) -> Badge {
    Badge {
        count,
        text: fu::badge_text(count),
        next_change_at: fu::next_change_at(contacts, now, settings),
    }
}

/// The toolbar badge with pending invitations counted: `{ count, text, next_change_at }`.
#[wasm_bindgen(js_name = outcomeBadge)]
pub fn outcome_badge(
    contacts: JsValue,
    settings: JsValue,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let contacts: Vec<Contact> = from_js("contacts", contacts)?;
    let (now, settings) = (now_or_clock(now), settings_from(settings)?);
    let count = fu::due_list(&contacts, now, &settings).len();
    to_js(&badge_of(count, &contacts, now, &settings))
}

/// What the popup shows: `{ due: DueItem[], upcoming: Contact[], results: Contact[],
/// due_total, upcoming_total, results_total, allowance, badge }`, each list cut to
/// `AGENDA_LIST_MAX`; `results` match `query` (none when it is empty).
#[wasm_bindgen(js_name = outcomeView)]
pub fn outcome_view(
    contacts: JsValue,
    query: &str,
    settings: JsValue,
    now: Option<f64>,
    tz_offset_minutes: Option<i32>,
) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct View<'a> {
        due: &'a [fu::DueItem<'a>],
        upcoming: &'a [&'a Contact],
        results: &'a [&'a Contact],
        due_total: usize,
        upcoming_total: usize,
        results_total: usize,
        allowance: fu::Allowance,
        badge: Badge,
    }
    fn head<T>(list: &[T]) -> &[T] {
        &list[..list.len().min(AGENDA_LIST_MAX)]
    }
    let contacts: Vec<Contact> = from_js("contacts", contacts)?;
    let settings = settings_from(settings)?;
    let now = now_or_clock(now);
    let due = fu::due_list(&contacts, now, &settings);
    let upcoming = fu::agenda(&contacts, now).upcoming;
    let results = if query.trim().is_empty() {
        Vec::new()
    } else {
        fu::search(&contacts, query)
    };
    let count = due.len();
    to_js(&View {
        due: head(&due),
        upcoming: head(&upcoming),
        results: head(&results),
        due_total: count,
        upcoming_total: upcoming.len(),
        results_total: results.len(),
        allowance: fu::allowance(&contacts, now, tz_or_local(tz_offset_minutes), &settings),
        badge: badge_of(count, &contacts, now, &settings),
    })
}

/// Personalised notes used this month against the allowance:
/// `{ used, allowance, remaining, exhausted, resets_at }` (`null`s when unlimited).
#[wasm_bindgen]
pub fn allowance(
    contacts: JsValue,
    settings: JsValue,
    now: Option<f64>,
    tz_offset_minutes: Option<i32>,
) -> Result<JsValue, JsError> {
    let contacts: Vec<Contact> = from_js("contacts", contacts)?;
    to_js(&fu::allowance(
        &contacts,
        now_or_clock(now),
        tz_or_local(tz_offset_minutes),
        &settings_from(settings)?,
    ))
}

/// The panel's advice for a generic draft on a limited account (a sentence), or `null`.
/// `allowance` is what `allowance()` returned.
#[wasm_bindgen(js_name = blankInvitationAdvice)]
pub fn blank_invitation_advice(score: u8, allowance: JsValue) -> Result<JsValue, JsError> {
    let allowance: fu::Allowance = from_js("allowance", allowance)?;
    to_js(&fu::blank_invitation_advice(score, &allowance))
}

/// Acceptance insights: `{ overall: Group, tables: [{ id, title, groups: Group[] }],
/// unscored, unseen, computed_at }`, a Group being `{ key, label, invitations, accepted,
/// not_accepted, pending, rate, interval: { low, high } | null, too_early }`.
#[wasm_bindgen]
pub fn insights(
    contacts: JsValue,
    settings: JsValue,
    now: Option<f64>,
    tz_offset_minutes: Option<i32>,
) -> Result<JsValue, JsError> {
    insights_from(None, contacts, settings, now, tz_offset_minutes)
}

/// The insights, with the sent notes indexed here unless `index` is given.
fn insights_from(
    index: Option<&fu::SentNotes>,
    contacts: JsValue,
    settings: JsValue,
    now: Option<f64>,
    tz_offset_minutes: Option<i32>,
) -> Result<JsValue, JsError> {
    let contacts: Vec<Contact> = from_js("contacts", contacts)?;
    let (now, tz, settings) = (
        now_or_clock(now),
        tz_or_local(tz_offset_minutes),
        settings_from(settings)?,
    );
    to_js(&match index {
        Some(index) => fu::insights_with(&contacts, index, now, tz, &settings),
        None => fu::insights(&contacts, now, tz, &settings),
    })
}

/// Insights from the sent notes the note panel already indexed (`new SentNotes(contacts)`,
/// kept while the contacts do not change): the same answer as `insights`, without
/// reading every note again.
#[wasm_bindgen]
impl SentNotes {
    pub fn insights(
        &self,
        contacts: JsValue,
        settings: JsValue,
        now: Option<f64>,
        tz_offset_minutes: Option<i32>,
    ) -> Result<JsValue, JsError> {
        insights_from(Some(&self.0), contacts, settings, now, tz_offset_minutes)
    }
}
