//! The JavaScript boundary (wasm32 only): thin wrappers that move plain data across,
//! read with serde-wasm-bindgen and written as JSON text. No rule logic lives here.

use wasm_bindgen::prelude::*;

use serde::de::DeserializeOwned;

use crate::followup::{self as fu, Contact, Invitation, Settings, Snooze};
use crate::Context;

/// Talc instead of the default dlmalloc: 3.4 KB less gzipped wasm, for 2–3% more time on
/// a typical note (`docs/history.md`).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod outcomes;
mod playground;
pub use playground::mount_playground;

/// A value for JS, written as JSON text by serde_json and read by `JSON.parse`: plain
/// objects and arrays, `null` for `None`, as chrome.runtime.sendMessage carries them.
/// serde_json already writes the export file, so the values' serialisers are built for
/// one serializer only, and serde-wasm-bindgen's serializer is not in the wasm at all
/// (4.0 KB less gzipped than `serde_wasm_bindgen::Serializer::json_compatible()`).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    json_to_js(serde_json::to_string(value))
}

/// Out of the generic function above, so that each type it is built for does not carry
/// its own copy of the parse and the error.
#[inline(never)]
fn json_to_js(text: serde_json::Result<String>) -> Result<JsValue, JsError> {
    let text = text.map_err(|e| JsError::new(fu::json_fault(&e)))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("not valid JSON"))
}

/// Out of the generic function below, so that each type it is built for does not carry
/// its own copy of the message formatting.
#[inline(never)]
fn bad_input(what: &str, e: serde_wasm_bindgen::Error) -> JsError {
    JsError::new(&format!("bad {what}: {e}"))
}

/// A URL that is not a profile, as the exports that read one throw it (one copy of the
/// message formatting instead of one in each export).
#[inline(never)]
fn url_error(e: fu::UrlError) -> JsError {
    JsError::new(&e.to_string())
}

/// With the `panic-messages` feature, a Rust panic shows its message in the console.
#[cfg(feature = "panic-messages")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses a note. `context` is `{ recipient: { name, headline, company }, limit, kind, disabled }`
/// (every field optional); returns the Report with spans in UTF-16 code units.
#[wasm_bindgen]
pub fn analyze(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx: Context = if context.is_undefined() || context.is_null() {
        Context::default()
    } else {
        from_js("context", context)?
    };
    to_js(&crate::analyze(text, &ctx))
}

/// Builds the engine's phrase tables (about 100 ms in wasm, once per instance) by
/// analysing a sample that reaches every rule, so that the first keystroke after the
/// service worker starts does not wait for them.
#[wasm_bindgen]
pub fn warm() {
    const SAMPLE: &str = "Dear Sir, I came across your profile and I just wanted to reach out in \
        order to connect. Hi Ana, we met at RustConf; your talk on Initech's data platform \
        was great. I'd love to show you a quick DEMO of our product ASAP and would you \
        introduce me to your network? {first_name}, happy to share notes. Coffee?";
    let recipient = crate::Recipient {
        name: Some("Ana Lima".into()),
        headline: Some("Data Engineer at Initech".into()),
        company: Some("Initech".into()),
    };
    for kind in [crate::Kind::Invitation, crate::Kind::Message] {
        let ctx = Context {
            recipient: recipient.clone(),
            kind,
            ..Context::default()
        };
        crate::analyze(SAMPLE, &ctx);
    }
}

/// The rules, for settings pages: `[{ id, category }]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct RuleInfo {
        id: &'static str,
        category: crate::Category,
    }
    let list: Vec<RuleInfo> = crate::rules::ALL
        .iter()
        .map(|r| RuleInfo {
            id: r.id(),
            category: r.category(),
        })
        .collect();
    to_js(&list)
}

fn from_js<T: DeserializeOwned>(what: &str, value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| bad_input(what, e))
}

/// A contact from JS, read by the same field-by-field reader as storage and imports
/// (`followup::storage`), so serde's derived reader for contacts is not built into the
/// wasm as well.
fn contact_from_js(what: &str, value: JsValue) -> Result<Contact, JsError> {
    read_contact(what, &from_js(what, value)?)
}

/// One place for the message, out of the callers' generic code.
#[inline(never)]
fn read_contact(what: &str, v: &serde_json::Value) -> Result<Contact, JsError> {
    fu::contact_from_value(v).map_err(|e| JsError::new(&format!("bad {what}: {e}")))
}

/// A contact or nothing (`undefined` or `null`).
fn maybe_contact_from_js(what: &str, value: JsValue) -> Result<Option<Contact>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    contact_from_js(what, value).map(Some)
}

/// A list of contacts.
fn contacts_from_js(what: &str, value: JsValue) -> Result<Vec<Contact>, JsError> {
    let v: Vec<serde_json::Value> = from_js(what, value)?;
    v.iter().map(|c| read_contact(what, c)).collect()
}

/// `now` from the caller, or the clock (js-sys) when absent.
fn now_or_clock(now: Option<f64>) -> i64 {
    now.unwrap_or_else(js_sys::Date::now) as i64
}

/// The local time zone's offset as `Date.getTimezoneOffset()` gives it, when absent.
fn tz_or_local(tz: Option<i32>) -> i32 {
    tz.unwrap_or_else(|| js_sys::Date::new_0().get_timezone_offset() as i32)
}

// ---- Follow-ups: pure functions from `crate::followup`; JS stores the results. ----

/// Reads everything `chrome.storage.local.get(null)` returned:
/// `{ contacts, settings, warnings, read_only, write_schema }`.
#[wasm_bindgen(js_name = loadAll)]
pub fn load_all(items: JsValue) -> Result<JsValue, JsError> {
    let items: serde_json::Value = from_js("storage items", items)?;
    to_js(&fu::load_all(&items))
}

/// The storage schema this build writes (store it under `schema_version` when `loadAll`
/// says `write_schema`).
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    fu::SCHEMA_VERSION
}

/// Normalises a profile URL to `linkedin.com/in/<slug>`; throws a readable error otherwise.
#[wasm_bindgen(js_name = normalizeProfileUrl)]
pub fn normalize_profile_url(url: &str) -> Result<String, JsError> {
    fu::normalize_profile_url(url).map_err(url_error)
}

/// The storage key of a contact key.
#[wasm_bindgen(js_name = storageKey)]
pub fn storage_key(contact_key: &str) -> String {
    fu::storage_key(contact_key)
}

/// Records a sent invitation on the existing contact (or `null`); returns the contact.
#[wasm_bindgen(js_name = recordInvitation)]
pub fn record_invitation(
    existing: JsValue,
    invite: JsValue,
    settings: JsValue,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let existing = maybe_contact_from_js("contact", existing)?;
    let invite: Invitation = from_js("invitation", invite)?;
    let settings: Settings = from_js::<Option<Settings>>("settings", settings)?.unwrap_or_default();
    let contact = fu::record_invitation(existing, &invite, now_or_clock(now), &settings)
        .map_err(url_error)?;
    to_js(&contact)
}

/// Remembers a person without an invitation ("Add a note about ..."): the existing
/// contact (or `null`) with the name, headline and company refreshed. Nothing is scheduled.
#[wasm_bindgen(js_name = rememberContact)]
pub fn remember_contact(
    existing: JsValue,
    person: JsValue,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let existing = maybe_contact_from_js("contact", existing)?;
    let person: Invitation = from_js("person", person)?;
    let contact = fu::remember_contact(existing, &person, now_or_clock(now)).map_err(url_error)?;
    to_js(&contact)
}

/// The follow-ups that fell due after `since` and by `now`, soonest first (for a notification).
#[wasm_bindgen(js_name = newlyDue)]
pub fn newly_due(contacts: JsValue, since: f64, now: Option<f64>) -> Result<JsValue, JsError> {
    let contacts = contacts_from_js("contacts", contacts)?;
    to_js(&fu::newly_due(&contacts, since as i64, now_or_clock(now)))
}

/// Edits one contact: `edit` is `{ notes }`, `{ follow_up_at }` (ms or null),
/// `{ done: true }` or `{ snooze: { days } | { until } }`. Returns the new contact.
#[wasm_bindgen(js_name = editContact)]
pub fn edit_contact(contact: JsValue, edit: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Edit {
        notes: Option<String>,
        #[serde(default, with = "double_option")]
        follow_up_at: Option<Option<i64>>,
        #[serde(default)]
        done: bool,
        snooze: Option<Snooze>,
    }
    let mut c = contact_from_js("contact", contact)?;
    let edit: Edit = from_js("edit", edit)?;
    let now = now_or_clock(now);
    if let Some(notes) = edit.notes {
        c = fu::set_notes(c, &notes, now);
    }
    if let Some(at) = edit.follow_up_at {
        c = fu::set_follow_up(c, at, now);
    }
    if edit.done {
        c = fu::mark_done(c, now);
    }
    if let Some(s) = edit.snooze {
        c = fu::snooze(c, s, now);
    }
    to_js(&c)
}

/// Tells a missing field (`None`) from an explicit `null` (`Some(None)`).
mod double_option {
    use serde::{Deserialize, Deserializer};
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
        Option::<i64>::deserialize(d).map(Some)
    }
}

/// Where one contact stands: `"due"`, `"upcoming"`, `"done"` or `"idle"`.
#[wasm_bindgen(js_name = contactStatus)]
pub fn contact_status(contact: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
    let contact = contact_from_js("contact", contact)?;
    to_js(&fu::status(&contact, now_or_clock(now)))
}

/// The toolbar badge: `{ count, text, next_due_at }`.
#[wasm_bindgen]
pub fn badge(contacts: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Badge {
        count: usize,
        text: String,
        next_due_at: Option<i64>,
    }
    let contacts = contacts_from_js("contacts", contacts)?;
    let now = now_or_clock(now);
    let count = fu::badge_count(&contacts, now);
    to_js(&Badge {
        count,
        text: fu::badge_text(count),
        next_due_at: fu::next_due_at(&contacts, now),
    })
}

/// Most contacts a popup list carries; the rest are counted (`*_total`), so a
/// popup over 10,000 contacts stays small and quick to draw.
pub const AGENDA_LIST_MAX: usize = 100;

/// What the popup shows: `{ due, upcoming, results, due_total, upcoming_total,
/// results_total, month_count }`, each list sorted and cut to [`AGENDA_LIST_MAX`];
/// `results` are the contacts matching `query` (none when it is empty).
#[wasm_bindgen]
pub fn agenda(
    contacts: JsValue,
    query: &str,
    now: Option<f64>,
    tz_offset_minutes: Option<i32>,
) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct View<'a> {
        due: &'a [&'a Contact],
        upcoming: &'a [&'a Contact],
        results: &'a [&'a Contact],
        due_total: usize,
        upcoming_total: usize,
        results_total: usize,
        month_count: usize,
    }
    fn head<'a>(list: &'a [&'a Contact]) -> &'a [&'a Contact] {
        &list[..list.len().min(AGENDA_LIST_MAX)]
    }
    let contacts = contacts_from_js("contacts", contacts)?;
    let now = now_or_clock(now);
    let agenda = fu::agenda(&contacts, now);
    let results = if query.trim().is_empty() {
        Vec::new()
    } else {
        fu::search(&contacts, query)
    };
    to_js(&View {
        due: head(&agenda.due),
        upcoming: head(&agenda.upcoming),
        results: head(&results),
        due_total: agenda.due.len(),
        upcoming_total: agenda.upcoming.len(),
        results_total: results.len(),
        month_count: fu::month_count(&contacts, now, tz_or_local(tz_offset_minutes)),
    })
}

/// Personalised notes sent this calendar month (local time).
#[wasm_bindgen(js_name = monthCount)]
pub fn month_count(
    contacts: JsValue,
    now: Option<f64>,
    tz_offset_minutes: Option<i32>,
) -> Result<usize, JsError> {
    let contacts = contacts_from_js("contacts", contacts)?;
    Ok(fu::month_count(
        &contacts,
        now_or_clock(now),
        tz_or_local(tz_offset_minutes),
    ))
}

/// The sent notes prepared once for the repetition guard (the note panel asks on every
/// keystroke): `new SentNotes(contacts)`, then `similar(note, recipientName?, recipientKey?)`
/// answers `{ count, examples }` when the note is nearly the same as notes already sent
/// to several other people, else `null`. Call `free()` when the contacts change.
#[wasm_bindgen]
pub struct SentNotes(fu::SentNotes);

#[wasm_bindgen]
impl SentNotes {
    #[wasm_bindgen(constructor)]
    pub fn new(contacts: JsValue) -> Result<SentNotes, JsError> {
        let contacts = contacts_from_js("contacts", contacts)?;
        Ok(SentNotes(fu::SentNotes::new(&contacts)))
    }

    /// How many sent notes are indexed.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.0.len()
    }

    /// `{ count, examples }` or `null`.
    pub fn similar(
        &self,
        note: &str,
        recipient_name: Option<String>,
        recipient_key: Option<String>,
    ) -> Result<JsValue, JsError> {
        similar_in(&self.0, note, recipient_name, recipient_key)
    }
}

/// The repetition guard's answer over an index of sent notes, for JS.
fn similar_in(
    index: &fu::SentNotes,
    note: &str,
    recipient_name: Option<String>,
    recipient_key: Option<String>,
) -> Result<JsValue, JsError> {
    to_js(&index.similar(note, recipient_name.as_deref(), recipient_key.as_deref()))
}

/// Start of a local calendar day `YYYY-MM-DD` in UTC ms (for "snooze until").
#[wasm_bindgen(js_name = localDateStart)]
pub fn local_date_start(date: &str, tz_offset_minutes: Option<i32>) -> Result<f64, JsError> {
    fu::local_date_start(date, tz_or_local(tz_offset_minutes))
        .map(|ms| ms as f64)
        .map_err(|e| JsError::new(&e))
}

/// Every contact (and the settings) as a JSON export file.
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(
    contacts: JsValue,
    settings: JsValue,
    now: Option<f64>,
) -> Result<String, JsError> {
    let contacts = contacts_from_js("contacts", contacts)?;
    let settings: Option<Settings> = from_js("settings", settings)?;
    Ok(fu::export_json(
        &contacts,
        settings.as_ref(),
        now_or_clock(now),
    ))
}

/// Every contact as CSV for a spreadsheet or a CRM.
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(contacts: JsValue) -> Result<String, JsError> {
    let contacts = contacts_from_js("contacts", contacts)?;
    Ok(fu::export_csv(&contacts))
}

/// Merges an export file into `existing`: `{ ok: true, result }` or
/// `{ ok: false, error: { message, line, column, field } }` (then nothing changes).
#[wasm_bindgen(js_name = importJson)]
pub fn import_json(text: &str, existing: JsValue) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Outcome {
        ok: bool,
        result: Option<fu::ImportResult>,
        error: Option<fu::ImportError>,
        message: Option<String>,
    }
    let existing = contacts_from_js("contacts", existing)?;
    let outcome = match fu::import_json(text, &existing) {
        Ok(result) => Outcome {
            ok: true,
            result: Some(result),
            error: None,
            message: None,
        },
        Err(e) => Outcome {
            ok: false,
            message: Some(e.to_string()),
            result: None,
            error: Some(e),
        },
    };
    to_js(&outcome)
}
