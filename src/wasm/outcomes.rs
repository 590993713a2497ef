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

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;

use super::{from_js, now_or_clock, similar_in, to_js, tz_or_local, SentNotes, AGENDA_LIST_MAX};
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
    let existing = super::maybe_contact_from_js("contact", existing)?;
    let obs: Observation = from_js("observation", observation)?;
    let settings = settings_from(settings)?;
    let next =
        fu::observe(existing, &obs, now_or_clock(now), &settings).map_err(super::url_error)?;
    to_js(&next)
}

/// LinkedIn's relative date ("Sent 2 weeks ago", "il y a 3 jours", "3d"), or the
/// connections page's absolute one ("Connected on December 2, 2026"), as
/// `{ earliest, latest }`, or `null` when it holds no age.
#[wasm_bindgen(js_name = parseRelative)]
pub fn parse_relative(text: &str, now: Option<f64>) -> Result<JsValue, JsError> {
    to_js(&fu::parse_relative(text, now_or_clock(now)))
}

/// The contacts whose pending invitation has expired, marked `expired`: store them
/// (on start-up and when the alarm fires).
#[wasm_bindgen(js_name = expirePending)]
pub fn expire_pending(
    contacts: JsValue,
    settings: JsValue,
    now: Option<f64>,
) -> Result<JsValue, JsError> {
    let contacts = super::contacts_from_js("contacts", contacts)?;
    to_js(&fu::expire_pending(
        &contacts,
        now_or_clock(now),
        &settings_from(settings)?,
    ))
}

/// Sets the contact's follow-up rhythm (`"once"`, `{ weeks: 2 }`, ...); returns the contact.
#[wasm_bindgen(js_name = setRhythm)]
pub fn set_rhythm(contact: JsValue, rhythm: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
    let contact = super::contact_from_js("contact", contact)?;
    let rhythm: Rhythm = from_js("rhythm", rhythm)?;
    to_js(&fu::set_rhythm(contact, rhythm, now_or_clock(now)))
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

fn badge_now(contacts: &[Contact], now: i64, settings: &Settings) -> Badge {
    let count = fu::due_list(contacts, now, settings).len();
    badge_of(count, contacts, now, settings)
}

/// Where a listed contact stands: the invitation's status now and the follow-up rhythm.
#[derive(serde::Serialize)]
struct Standing {
    status: Option<fu::InviteStatus>,
    rhythm: Rhythm,
}

/// What the popup shows: `{ due: DueItem[], upcoming: Contact[], results: Contact[],
/// due_total, upcoming_total, results_total, allowance, badge, standing }`, each list cut
/// to `AGENDA_LIST_MAX`; `results` match `query` (none when it is empty); `standing` has
/// `{ status, rhythm }` for each contact listed, by key.
#[wasm_bindgen(js_name = outcomeView)]
pub fn outcome_view(
    contacts: JsValue,
    query: &str,
    settings: JsValue,
    now: Option<f64>,
    tz_offset_minutes: Option<i32>,
) -> Result<JsValue, JsError> {
    let contacts = super::contacts_from_js("contacts", contacts)?;
    view_of(
        &contacts,
        None,
        query,
        &settings_from(settings)?,
        now_or_clock(now),
        tz_or_local(tz_offset_minutes),
    )
}

/// The view; `index` folds the contacts' text ahead for the search (made here when absent).
fn view_of(
    contacts: &[Contact],
    index: Option<&fu::SearchIndex>,
    query: &str,
    settings: &Settings,
    now: i64,
    tz: i32,
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
        standing: Keyed<'a>,
    }
    /// The listed contacts' standing by key, as one object. Not a `BTreeMap`: collecting
    /// one sorts its entries, which put a second copy of the standard library's sort in
    /// the wasm; a contact listed twice is the same entry twice, and the later one wins.
    struct Keyed<'a>(Vec<(&'a str, Standing)>);
    impl serde::Serialize for Keyed<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }
    fn head<T>(list: &[T]) -> &[T] {
        &list[..list.len().min(AGENDA_LIST_MAX)]
    }
    let due = fu::due_list(contacts, now, settings);
    let (agenda, upcoming_total) = fu::agenda_head(contacts, now, AGENDA_LIST_MAX);
    let upcoming = agenda.upcoming;
    let results = if query.trim().is_empty() {
        Vec::new()
    } else {
        match index {
            Some(index) => fu::search_with(contacts, index, query),
            None => fu::search(contacts, query),
        }
    };
    let (due_head, upcoming_head, results_head) = (head(&due), head(&upcoming), head(&results));
    let standing = due_head
        .iter()
        .map(|d| d.contact)
        .chain(upcoming_head.iter().copied())
        .chain(results_head.iter().copied())
        .map(|c| {
            let standing = Standing {
                status: fu::outcome(c, now, settings),
                rhythm: Rhythm::from_days(c.cadence_days),
            };
            (c.key.as_str(), standing)
        })
        .collect();
    let standing = Keyed(standing);
    let count = due.len();
    to_js(&View {
        due: due_head,
        upcoming: upcoming_head,
        results: results_head,
        due_total: count,
        upcoming_total,
        results_total: results.len(),
        allowance: fu::allowance(contacts, now, tz, settings),
        badge: badge_of(count, contacts, now, settings),
        standing,
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
    let contacts = super::contacts_from_js("contacts", contacts)?;
    to_js(&fu::allowance(
        &contacts,
        now_or_clock(now),
        tz_or_local(tz_offset_minutes),
        &settings_from(settings)?,
    ))
}

/// The panel's advice for a generic draft on a limited account (a sentence), or `null`.
/// `points`: the draft's points before any cap (the sum of its report's categories);
/// `allowance` is what `allowance()` returned.
#[wasm_bindgen(js_name = blankInvitationAdvice)]
pub fn blank_invitation_advice(points: u8, allowance: JsValue) -> Result<JsValue, JsError> {
    let allowance: fu::Allowance = from_js("allowance", allowance)?;
    to_js(&fu::blank_invitation_advice(points, &allowance))
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
    let contacts = super::contacts_from_js("contacts", contacts)?;
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

/// The whole store, read once and kept on this side of the boundary while it does not
/// change: `new LoadedStore(JSON.stringify(await chrome.storage.local.get(null)))`. Reading
/// ten thousand contacts from JS objects takes 100-150 ms (field by field through the
/// boundary); as JSON text they cross in a few ms, and then the
/// badge, the popup's view, the expiry and the insights read them here without crossing
/// again. The JS keeps the one it read and calls `free()` when the store changed.
#[wasm_bindgen]
pub struct LoadedStore {
    loaded: fu::Loaded,
    /// The sent notes, indexed on first use (the repetition guard and the insights).
    notes: OnceCell<fu::SentNotes>,
    /// The contacts' text folded for the search, on first use.
    search: OnceCell<fu::SearchIndex>,
}

#[wasm_bindgen]
impl LoadedStore {
    /// Reads the storage items given as JSON text, as `loadAll` reads them.
    #[wasm_bindgen(constructor)]
    pub fn new(items_json: &str) -> Result<LoadedStore, JsError> {
        let items: serde_json::Value = serde_json::from_str(items_json)
            .map_err(|e| JsError::new(&format!("bad storage items: {}", fu::json_fault(&e))))?;
        Ok(LoadedStore {
            loaded: fu::load_all(&items),
            notes: OnceCell::new(),
            search: OnceCell::new(),
        })
    }

    /// Applies changed storage items in place (`storage.onChanged`, or a write just made):
    /// `{ set: { item: value }, removed: [item] }` as JSON text. Returns false, changing
    /// nothing, when an item is not a contact: make a new LoadedStore then.
    pub fn apply(&mut self, changes_json: &str) -> Result<bool, JsError> {
        // Read as a Value (the store's own reading): no second JSON decoder in the wasm.
        let bad = |why: &str| JsError::new(&format!("bad storage changes: {why}"));
        let changes: serde_json::Value =
            serde_json::from_str(changes_json).map_err(|e| bad(fu::json_fault(&e)))?;
        let empty = serde_json::Map::new();
        let set = match changes.get("set") {
            None => &empty,
            Some(v) => v.as_object().ok_or_else(|| bad("set is not an object"))?,
        };
        let removed = match changes.get("removed") {
            None => Vec::new(),
            Some(v) => v
                .as_array()
                .and_then(|a| a.iter().map(|k| k.as_str().map(String::from)).collect())
                .ok_or_else(|| bad("removed is not a list of names"))?,
        };
        let applied = self.loaded.apply(set, &removed);
        if applied {
            self.notes = OnceCell::new();
            self.search = OnceCell::new();
        }
        Ok(applied)
    }

    /// What `loadAll` answers but the contacts: `{ settings, warnings, read_only,
    /// write_schema, migrated, total }` (`total`: how many contacts were read).
    pub fn summary(&self) -> Result<JsValue, JsError> {
        #[derive(serde::Serialize)]
        struct Summary<'a> {
            settings: &'a Settings,
            warnings: &'a [fu::Warning],
            read_only: bool,
            write_schema: bool,
            migrated: &'a [String],
            total: usize,
        }
        let l = &self.loaded;
        to_js(&Summary {
            settings: &l.settings,
            warnings: &l.warnings,
            read_only: l.read_only,
            write_schema: l.write_schema,
            migrated: &l.migrated,
            total: l.contacts.len(),
        })
    }

    /// Every contact read, sorted by key, as JSON text for `JSON.parse` (what `loadAll`
    /// answers as `contacts`); only whole-store work needs them on the JS side.
    #[wasm_bindgen(js_name = contactsJson)]
    pub fn contacts_json(&self) -> Result<String, JsError> {
        serde_json::to_string(&self.loaded.contacts).map_err(|e| JsError::new(fu::json_fault(&e)))
    }

    /// The contact stored under a normalised key, or `null`.
    pub fn contact(&self, key: &str) -> Result<JsValue, JsError> {
        let contacts = &self.loaded.contacts;
        let found = contacts
            .binary_search_by(|c| c.key.as_str().cmp(key))
            .ok()
            .map(|i| &contacts[i]);
        to_js(&found)
    }

    fn sent_notes(&self) -> &fu::SentNotes {
        self.notes
            .get_or_init(|| fu::SentNotes::new(&self.loaded.contacts))
    }

    /// The toolbar badge of the stored contacts and settings (pending invitations counted):
    /// `{ count, text, next_change_at }`.
    pub fn badge(&self, now: Option<f64>) -> Result<JsValue, JsError> {
        to_js(&badge_now(
            &self.loaded.contacts,
            now_or_clock(now),
            &self.loaded.settings,
        ))
    }

    /// `outcomeView` of the stored contacts and settings.
    pub fn view(
        &self,
        query: &str,
        now: Option<f64>,
        tz_offset_minutes: Option<i32>,
    ) -> Result<JsValue, JsError> {
        // The search folds every contact's text once per state of the store, not per query.
        let index = (!query.trim().is_empty()).then(|| {
            self.search
                .get_or_init(|| fu::SearchIndex::new(&self.loaded.contacts))
        });
        view_of(
            &self.loaded.contacts,
            index,
            query,
            &self.loaded.settings,
            now_or_clock(now),
            tz_or_local(tz_offset_minutes),
        )
    }

    /// `expirePending` of the stored contacts and settings: the contacts to store.
    #[wasm_bindgen(js_name = expirePending)]
    pub fn expire_pending(&self, now: Option<f64>) -> Result<JsValue, JsError> {
        to_js(&fu::expire_pending(
            &self.loaded.contacts,
            now_or_clock(now),
            &self.loaded.settings,
        ))
    }

    /// `insights` of the stored contacts and settings (the sent notes indexed once).
    pub fn insights(
        &self,
        now: Option<f64>,
        tz_offset_minutes: Option<i32>,
    ) -> Result<JsValue, JsError> {
        to_js(&fu::insights_with(
            &self.loaded.contacts,
            self.sent_notes(),
            now_or_clock(now),
            tz_or_local(tz_offset_minutes),
            &self.loaded.settings,
        ))
    }

    /// The repetition guard over the stored sent notes, as `SentNotes.similar` answers.
    pub fn similar(
        &self,
        note: &str,
        recipient_name: Option<String>,
        recipient_key: Option<String>,
    ) -> Result<JsValue, JsError> {
        similar_in(self.sent_notes(), note, recipient_name, recipient_key)
    }

    /// `allowance` of the stored contacts and settings (the note panel's counter).
    pub fn allowance(
        &self,
        now: Option<f64>,
        tz_offset_minutes: Option<i32>,
    ) -> Result<JsValue, JsError> {
        to_js(&fu::allowance(
            &self.loaded.contacts,
            now_or_clock(now),
            tz_or_local(tz_offset_minutes),
            &self.loaded.settings,
        ))
    }

    /// Personalised notes sent this calendar month (`monthCount` of the stored contacts).
    #[wasm_bindgen(js_name = monthCount)]
    pub fn month_count(&self, now: Option<f64>, tz_offset_minutes: Option<i32>) -> usize {
        fu::month_count(
            &self.loaded.contacts,
            now_or_clock(now),
            tz_or_local(tz_offset_minutes),
        )
    }
}
