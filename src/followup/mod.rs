//! Follow-ups: every sent invitation becomes a [`Contact`] with a follow-up date;
//! the badge counts what is due, the popup lists due then upcoming, and the data
//! exports to JSON and CSV and merges back from JSON.
//!
//! Pure functions on plain serde types; JavaScript stores and displays.
//!
//! What became of each invitation (`status`, from what LinkedIn's pages show), the due
//! list with pending invitations in it, per-contact cadences, the monthly note
//! allowance and the acceptance insights live in `outcome`, `cadence` and `insights`;
//! LinkedIn's relative dates ("Sent 3 weeks ago") and the connections page's absolute
//! ones ("Connected on December 2, 2026") are read by [`parse_relative`].
//!
//! - **Times** are `i64` milliseconds since 1970 UTC (JavaScript's `Date.now()`).
//!   Local-calendar questions take `tz_offset_minutes` as `Date.getTimezoneOffset()`
//!   returns it (UTC+2 is `-120`); see [`time`].
//! - **JSON field names are snake_case**, as everywhere in this crate
//!   (`follow_up_at`, `note_sent`); enums are snake_case strings.
//! - **Edits return the changed contact** with `updated` moved forward; `updated`
//!   is the merge clock for imports (newer wins, ties keep what is there).
//! - **Storage** (`chrome.storage.local`): one item per contact under
//!   [`storage_key`] (`contact:linkedin.com/in/<slug>`), the settings under
//!   [`SETTINGS_KEY`] and the schema version under [`SCHEMA_KEY`]. Read everything
//!   through [`load_all`] or [`parse_stored`]: corrupt or foreign values are skipped
//!   with a warning, and data from a newer schema puts the store in read-only mode.
//!
//! ```
//! use rapport::followup::*;
//! let now = 1_767_225_600_000; // 2026-01-01T00:00:00Z
//! let invite = Invitation {
//!     url: "https://www.linkedin.com/in/Sarah-Chen/?trk=x".into(),
//!     name: "Sarah Chen".into(),
//!     note: Some("Hi Sarah, loved your RustConf talk.".into()),
//!     ..Default::default()
//! };
//! let c = record_invitation(None, &invite, now, &Settings::default()).unwrap();
//! assert_eq!(c.key, "linkedin.com/in/sarah-chen");
//! assert_eq!(badge_count(&[c.clone()], now + 7 * DAY_MS), 1);
//! let c = snooze(c, Snooze::Days(1), now + 7 * DAY_MS);
//! assert_eq!(badge_text(badge_count(&[c], now + 7 * DAY_MS)), "");
//! ```

mod cadence;
mod exchange;
mod insights;
mod outcome;
mod reldate;
mod similarity;
mod storage;
pub mod time;
mod url;

use serde::{Deserialize, Serialize};

pub use cadence::{
    allowance, blank_invitation_advice, due_list, last_contact, next_change_at, record_interaction,
    set_rhythm, withdraw_url, Allowance, DueItem, DueReason, Rhythm, GENERIC_BELOW,
    SENT_INVITATIONS_URL, WITHDRAW_MARKER,
};
pub use exchange::{
    export_csv, export_json, import_json, json_fault, ImportError, ImportResult, CSV_BOM,
    CSV_COLUMNS, EXPORT_FORMAT,
};
pub use insights::{
    insights, insights_with, wilson, Group, Insights, Interval, Table, MIN_DECIDED, SCORE_BANDS,
};
pub use outcome::{
    expire_pending, observe, outcome, InviteStatus, Observation, Seen, TopCard, RESEND_BLOCK_DAYS,
};
pub use reldate::{parse_relative, TimeRange};
pub use similarity::{
    fold, similar_sent, Repetition, RepetitionExample, SentNotes, MAX_EXAMPLES, MIN_WORDS,
    REPETITION_MIN_COUNT, SIMILARITY_THRESHOLD,
};
/// The wasm boundary reads contacts from JS with the storage's own reader.
#[cfg(target_arch = "wasm32")]
pub(crate) use storage::contact_from_value;
pub use storage::{
    load_all, parse_stored, storage_key, Loaded, Warning, WarningKind, CONTACT_PREFIX, SCHEMA_KEY,
    SETTINGS_KEY,
};
pub use time::{local_date_start, DAY_MS, MAX_TIME};
pub use url::{normalize_profile_url, profile_url, UrlError, KEY_PREFIX};

use crate::DEFAULT_LIMIT;

/// Version of the stored and exported data format. 2 added the invitation's outcome
/// (`status`, `status_at`, `note_score`) and the cadence (`last_interaction_at`,
/// `cadence_days`); schema 1 data is migrated on reading and loses nothing.
pub const SCHEMA_VERSION: u32 = 2;
/// Days from invitation to follow-up unless the settings say otherwise.
pub const DEFAULT_FOLLOW_UP_DAYS: u32 = 7;
/// Days an invitation may stay pending before the due list suggests following up or
/// withdrawing it. Tools and their users prune pending invitations after one to two
/// weeks (users-ask.md: linkedin-mcp-server #460, Taplio); the issue asks for 14.
pub const DEFAULT_PENDING_DAYS: u32 = 14;
/// Days after which a pending invitation counts as expired (not accepted). Sources
/// disagree on when LinkedIn withdraws old invitations (about 3 weeks vs 6 months,
/// users-ask.md), so it is a setting; the default takes the shorter figure: few
/// invitations are left pending that long (people prune after 1-2 weeks), an
/// acceptance seen later still wins over expiry, and a longer wait would keep failed
/// invitations out of the acceptance rates for months.
pub const DEFAULT_EXPIRE_DAYS: u32 = 21;
/// Personalised notes a free account may send a month: "Basic and free LinkedIn
/// members can include a personalized message to five connection requests per month"
/// (LinkedIn Help, "Invitation limit reached", a550555; other sources say 3).
pub const DEFAULT_MONTHLY_NOTES: u32 = 5;
/// Longest follow-up delay or snooze, in days.
pub const MAX_DAYS: u32 = 3650;

/// One person an invitation was sent to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// `linkedin.com/in/<slug>`, from [`normalize_profile_url`]; the identity.
    pub key: String,
    /// `https://www.linkedin.com/in/<slug>/`, always derived from `key` (safe to link).
    pub url: String,
    /// As shown on the profile; may be empty. Untrusted text: escape when rendering.
    pub name: String,
    pub headline: Option<String>,
    pub company: Option<String>,
    /// When the (latest) invitation was sent.
    pub invited_at: Option<i64>,
    /// The note exactly as sent; `None` when the invitation went without a note.
    pub note_sent: Option<String>,
    /// The person's own notes about the contact.
    #[serde(default)]
    pub notes: String,
    /// When to follow up; `None`: nothing pending.
    pub follow_up_at: Option<i64>,
    /// When the last follow-up was marked done.
    pub done_at: Option<i64>,
    /// What became of the invitation; `None` when none is known (a remembered person).
    #[serde(default)]
    pub status: Option<InviteStatus>,
    /// When `status` began, as far as the pages show: for `pending` the invitation's
    /// send time, for `accepted` the earliest evidence of it, for `withdrawn` when it
    /// was seen gone, for `expired` when the limit passed.
    #[serde(default)]
    pub status_at: Option<i64>,
    /// The score (0-100) of the note as sent; `None` without a note, when the
    /// invitation was not sent through Rapport, or when the engine gave no score.
    #[serde(default)]
    pub note_score: Option<u8>,
    /// The last message the person sent this contact.
    #[serde(default)]
    pub last_interaction_at: Option<i64>,
    /// Days between follow-ups; `None` follows up once.
    #[serde(default)]
    pub cadence_days: Option<u32>,
    /// Last change; the merge clock.
    pub updated: i64,
    /// The schema this contact was written with.
    pub schema: u32,
}

impl Contact {
    /// An empty contact for a normalised `key`, never updated (`updated` 0).
    pub(crate) fn new(key: &str) -> Contact {
        Contact {
            key: key.to_string(),
            url: profile_url(key),
            name: String::new(),
            headline: None,
            company: None,
            invited_at: None,
            note_sent: None,
            notes: String::new(),
            follow_up_at: None,
            done_at: None,
            status: None,
            status_at: None,
            note_score: None,
            last_interaction_at: None,
            cadence_days: None,
            updated: 0,
            schema: SCHEMA_VERSION,
        }
    }

    /// Whether a personalised note went with the invitation.
    pub fn has_note(&self) -> bool {
        self.note_sent
            .as_deref()
            .is_some_and(|n| !n.trim().is_empty())
    }

    /// Marks a change at `now`; `updated` always moves forward, even if the clock did not.
    fn touch(mut self, now: i64) -> Contact {
        self.updated = now.max(self.updated.saturating_add(1));
        self
    }
}

/// The person's preferences (stored under [`SETTINGS_KEY`]); missing fields take defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Days from invitation to follow-up; 0 schedules none.
    pub follow_up_days: u32,
    /// Note character limit: 200 (free) or 300 (Premium).
    pub limit: usize,
    /// Desktop notifications for due follow-ups (opt-in; the badge always shows).
    pub notifications: bool,
    /// Rule ids switched off.
    pub disabled_rules: Vec<String>,
    /// Days a pending invitation waits before it is due for a follow-up or a
    /// withdrawal; 0: never.
    pub pending_days: u32,
    /// Days after which a pending invitation counts as expired; 0: never.
    pub expire_days: u32,
    /// A Premium account: personalised notes are not limited per month.
    pub premium: bool,
    /// Personalised notes a month on a free account.
    pub monthly_notes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            follow_up_days: DEFAULT_FOLLOW_UP_DAYS,
            limit: DEFAULT_LIMIT,
            notifications: false,
            disabled_rules: Vec::new(),
            pending_days: DEFAULT_PENDING_DAYS,
            expire_days: DEFAULT_EXPIRE_DAYS,
            premium: false,
            monthly_notes: DEFAULT_MONTHLY_NOTES,
        }
    }
}

impl Settings {
    /// The settings with out-of-range values brought into range.
    pub fn normalised(mut self) -> Settings {
        self.follow_up_days = self.follow_up_days.min(MAX_DAYS);
        self.pending_days = self.pending_days.min(MAX_DAYS);
        self.expire_days = self.expire_days.min(MAX_DAYS);
        if self.limit == 0 {
            self.limit = DEFAULT_LIMIT;
        }
        crate::sort::sort(&mut self.disabled_rules);
        self.disabled_rules.dedup();
        self
    }
}

/// What the content script saw when an invitation was sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Invitation {
    /// Any form of the profile URL (see [`normalize_profile_url`]).
    pub url: String,
    pub name: String,
    pub headline: Option<String>,
    pub company: Option<String>,
    /// The note as sent; `None` or blank: sent without a note.
    pub note: Option<String>,
}

/// Records an invitation sent at `now` onto the stored contact for the same
/// profile, if any (its notes are kept), and schedules the follow-up
/// `settings.follow_up_days` later (exactly, in days of 24 hours). The invitation is
/// `pending` from `now`, and the note's score is kept as `note_score` (scored with the
/// recipient, limit and switched-off rules of the moment).
///
/// Errors when the URL is not a profile, or names a different contact than `existing`.
pub fn record_invitation(
    existing: Option<Contact>,
    invite: &Invitation,
    now: i64,
    settings: &Settings,
) -> Result<Contact, UrlError> {
    let key = normalize_profile_url(&invite.url)?;
    let mut c = match existing {
        Some(c) if c.key != key => {
            return Err(UrlError::KeyMismatch {
                expected: c.key,
                found: key,
            })
        }
        Some(c) => c,
        None => Contact::new(&key),
    };
    c = c.with_person(invite);
    c.invited_at = Some(now);
    c.note_sent = invite.note.clone().filter(|n| !n.trim().is_empty());
    c.note_score = c
        .note_sent
        .as_deref()
        .and_then(|note| score_note(note, &c, settings));
    c.status = Some(InviteStatus::Pending);
    c.status_at = Some(now);
    let days = settings.follow_up_days.min(MAX_DAYS);
    if days > 0 {
        c.follow_up_at = Some(clamp_time(now.saturating_add(i64::from(days) * DAY_MS)));
    }
    c.schema = SCHEMA_VERSION;
    Ok(c.touch(now))
}

/// The engine's score of `note` sent to `contact`, under `settings` (`None` when the
/// engine gives none).
fn score_note(note: &str, contact: &Contact, settings: &Settings) -> Option<u8> {
    let ctx = crate::Context {
        recipient: crate::Recipient {
            name: Some(contact.name.clone()).filter(|n| !n.is_empty()),
            headline: contact.headline.clone(),
            company: contact.company.clone(),
        },
        limit: settings.limit,
        disabled: settings.disabled_rules.clone(),
        ..crate::Context::default()
    };
    crate::analyze(note, &ctx).score
}

impl Contact {
    /// Takes the name, headline and company the page shows now; blank ones keep what is stored.
    fn with_person(mut self, person: &Invitation) -> Contact {
        let given = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        if !person.name.trim().is_empty() {
            self.name = person.name.trim().to_string();
        }
        self.headline = given(&person.headline).or(self.headline);
        self.company = given(&person.company).or(self.company);
        self.url = profile_url(&self.key);
        self
    }
}

/// Remembers a person no invitation was recorded for (the person chose "Add a note
/// about ..." on their profile): a new contact, or the stored one with the name,
/// headline and company refreshed. Nothing is scheduled and `person.note` is ignored:
/// the invitation fields stay as they are.
///
/// Errors when the URL is not a profile, or names a different contact than `existing`.
pub fn remember_contact(
    existing: Option<Contact>,
    person: &Invitation,
    now: i64,
) -> Result<Contact, UrlError> {
    let key = normalize_profile_url(&person.url)?;
    let c = match existing {
        Some(c) if c.key != key => {
            return Err(UrlError::KeyMismatch {
                expected: c.key,
                found: key,
            })
        }
        Some(c) => c,
        None => Contact::new(&key),
    };
    Ok(Contact {
        schema: SCHEMA_VERSION,
        ..c.with_person(person)
    }
    .touch(now))
}

/// Follow-ups that fell due after `since` and by `now` (`since < follow_up_at <= now`),
/// soonest first: what a notification announces when the alarm fires.
pub fn newly_due(contacts: &[Contact], since: i64, now: i64) -> Vec<&Contact> {
    agenda(contacts, now)
        .due
        .into_iter()
        .filter(|c| c.follow_up_at.is_some_and(|t| t > since))
        .collect()
}

fn clamp_time(t: i64) -> i64 {
    t.clamp(0, MAX_TIME)
}

/// Replaces the person's own notes.
pub fn set_notes(contact: Contact, notes: &str, now: i64) -> Contact {
    Contact {
        notes: notes.to_string(),
        ..contact
    }
    .touch(now)
}

/// Sets (`Some`) or clears (`None`) the follow-up date.
pub fn set_follow_up(contact: Contact, at: Option<i64>, now: i64) -> Contact {
    Contact {
        follow_up_at: at.map(clamp_time),
        ..contact
    }
    .touch(now)
}

/// Marks the pending follow-up done: it leaves the agenda and `done_at` records when.
/// A contact with a cadence gets its next follow-up `cadence_days` from `now`.
pub fn mark_done(contact: Contact, now: i64) -> Contact {
    Contact {
        follow_up_at: contact.cadence_days.map(|d| cadence::after(now, d)),
        done_at: Some(now),
        ..contact
    }
    .touch(now)
}

/// How long to put a follow-up off. JSON: `{"days": 1}` or `{"until": <ms>}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Snooze {
    /// This many days of 24 hours from now (1: tomorrow, 7: next week).
    Days(u32),
    /// Until this time (e.g. [`local_date_start`] of a chosen date).
    Until(i64),
}

/// Puts the follow-up off (from `now`, not from its old date); also sets one when none was pending.
pub fn snooze(contact: Contact, snooze: Snooze, now: i64) -> Contact {
    let at = match snooze {
        Snooze::Days(n) => now.saturating_add(i64::from(n.min(MAX_DAYS)) * DAY_MS),
        Snooze::Until(t) => t,
    };
    set_follow_up(contact, Some(at), now)
}

/// Where a contact stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A follow-up is due (its time has come).
    Due,
    /// A follow-up is scheduled later.
    Upcoming,
    /// Nothing pending; the last follow-up was done.
    Done,
    /// Nothing pending and nothing done.
    Idle,
}

/// The contact's [`Status`] at `now`.
pub fn status(contact: &Contact, now: i64) -> Status {
    match (contact.follow_up_at, contact.done_at) {
        (Some(t), _) if t <= now => Status::Due,
        (Some(_), _) => Status::Upcoming,
        (None, Some(_)) => Status::Done,
        (None, None) => Status::Idle,
    }
}

/// Follow-ups due at `now`, oldest first.
pub fn due(contacts: &[Contact], now: i64) -> Vec<&Contact> {
    agenda(contacts, now).due
}

/// How many follow-ups are due at `now` (the badge).
pub fn badge_count(contacts: &[Contact], now: i64) -> usize {
    contacts
        .iter()
        .filter(|c| status(c, now) == Status::Due)
        .count()
}

/// The badge text: `""` for none, the count up to 99, then `"99+"`.
pub fn badge_text(count: usize) -> String {
    match count {
        0 => String::new(),
        1..=99 => count.to_string(),
        _ => "99+".to_string(),
    }
}

/// The next time after `now` at which a follow-up falls due (to set an alarm for the badge).
pub fn next_due_at(contacts: &[Contact], now: i64) -> Option<i64> {
    contacts
        .iter()
        .filter_map(|c| c.follow_up_at)
        .filter(|&t| t > now)
        .min()
}

/// The popup's lists: due now, then upcoming, each soonest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agenda<'a> {
    pub due: Vec<&'a Contact>,
    pub upcoming: Vec<&'a Contact>,
}

/// Splits the pending follow-ups into due and upcoming, each by date, then name.
pub fn agenda(contacts: &[Contact], now: i64) -> Agenda<'_> {
    agenda_head(contacts, now, usize::MAX).0
}

/// `agenda` with `upcoming` cut to its first `max`, and how many are upcoming in all.
/// Only what is kept is sorted, and names are folded only where dates tie (the popup
/// lists 100 of ten thousand: sorting and folding them all took most of its time).
pub fn agenda_head<'a>(contacts: &'a [Contact], now: i64, max: usize) -> (Agenda<'a>, usize) {
    let (mut due, mut upcoming): (Vec<_>, Vec<_>) = contacts
        .iter()
        .filter_map(|c| Some((c.follow_up_at?, c)))
        .partition(|p| p.0 <= now);
    let total = upcoming.len();
    if total > max {
        // The date of the last one kept: everything up to it is sorted, the rest is not.
        let mut dates: Vec<i64> = upcoming.iter().map(|p| p.0).collect();
        match max.checked_sub(1) {
            None => upcoming.clear(),
            Some(last) => {
                // The crate's one sort (`select_nth_unstable` cost 1 KB of wasm; sorting
                // ten thousand dates takes well under a millisecond).
                crate::sort::sort(&mut dates);
                let cut = dates[last];
                upcoming.retain(|p| p.0 <= cut);
            }
        }
    }
    by_date_then_name(&mut due);
    by_date_then_name(&mut upcoming);
    upcoming.truncate(max);
    let contacts = |v: Vec<(i64, &'a Contact)>| v.into_iter().map(|p| p.1).collect();
    (
        Agenda {
            due: contacts(due),
            upcoming: contacts(upcoming),
        },
        total,
    )
}

/// Sorts follow-ups by date, then folded name, then key (one sort on the three, which
/// compiles to less code than a sort by date and another by name within each date).
fn by_date_then_name(list: &mut Vec<(i64, &Contact)>) {
    let mut keyed: Vec<(i64, String, (i64, &Contact))> =
        list.iter().map(|&p| (p.0, fold(&p.1.name), p)).collect();
    crate::sort::sort_by(&mut keyed, |a, b| {
        (a.0, &a.1, &a.2 .1.key).cmp(&(b.0, &b.1, &b.2 .1.key))
    });
    for (slot, (_, _, p)) in list.iter_mut().zip(keyed) {
        *slot = p;
    }
}

/// Contacts matching every word of `query` (case- and accent-insensitive, partial
/// words) in the name, headline, company, profile name, notes or sent note. Name
/// matches come first, then the most recently changed. An empty query lists all.
pub fn search<'a>(contacts: &'a [Contact], query: &str) -> Vec<&'a Contact> {
    search_with(contacts, &SearchIndex::new(contacts), query)
}

/// Each contact's searchable text folded once (name; headline, company, slug, notes and
/// note sent), for repeated searches of the same contacts (the popup searches as the
/// person types). Build it from the contacts it is used with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    folded: Vec<(String, String)>,
}

impl SearchIndex {
    pub fn new(contacts: &[Contact]) -> SearchIndex {
        let folded = contacts
            .iter()
            .map(|c| {
                let slug = c.key.strip_prefix(KEY_PREFIX).unwrap_or(&c.key);
                let rest = [
                    c.headline.as_deref().unwrap_or(""),
                    c.company.as_deref().unwrap_or(""),
                    slug,
                    &c.notes,
                    c.note_sent.as_deref().unwrap_or(""),
                ]
                .map(fold)
                .join("\n");
                (fold(&c.name), rest)
            })
            .collect();
        SearchIndex { folded }
    }
}

/// [`search`] with the contacts' text folded ahead (`index` made from `contacts`).
pub fn search_with<'a>(
    contacts: &'a [Contact],
    index: &SearchIndex,
    query: &str,
) -> Vec<&'a Contact> {
    let terms: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
    let mut hits: Vec<(bool, &Contact)> = contacts
        .iter()
        .zip(&index.folded)
        .filter_map(|(c, (name, rest))| {
            let all = terms
                .iter()
                .all(|t| name.contains(t.as_str()) || rest.contains(t.as_str()));
            let in_name = !terms.is_empty() && terms.iter().all(|t| name.contains(t.as_str()));
            all.then_some((in_name, c))
        })
        .collect();
    crate::sort::sort_by(&mut hits, |a, b| {
        b.0.cmp(&a.0)
            .then(b.1.updated.cmp(&a.1.updated))
            .then(a.1.key.cmp(&b.1.key))
    });
    hits.into_iter().map(|h| h.1).collect()
}

/// Invitations sent with a note in the local calendar month of `now` (LinkedIn
/// limits personalised notes per month on free accounts). Each contact counts its
/// latest invitation only. One offset is used for
/// the whole month: an invitation within an hour of a month boundary on a
/// daylight-saving change may be counted in the neighbouring month.
pub fn month_count(contacts: &[Contact], now: i64, tz_offset_minutes: i32) -> usize {
    let (start, end) = time::local_month_range(now, tz_offset_minutes);
    contacts
        .iter()
        .filter(|c| c.has_note() && c.invited_at.is_some_and(|t| start <= t && t < end))
        .count()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::time::utc;
    use super::*;

    pub(crate) const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

    pub(crate) fn invite(url: &str, name: &str, note: Option<&str>) -> Invitation {
        Invitation {
            url: url.to_string(),
            name: name.to_string(),
            headline: Some("Staff Engineer at Acme".to_string()),
            company: Some("Acme".to_string()),
            note: note.map(String::from),
        }
    }

    pub(crate) fn recorded(slug: &str, name: &str, note: Option<&str>, at: i64) -> Contact {
        let url = format!("https://www.linkedin.com/in/{slug}/");
        record_invitation(None, &invite(&url, name, note), at, &Settings::default()).unwrap()
    }

    #[test]
    fn recording_an_invitation_schedules_the_follow_up() {
        let c = recorded("Sarah-Chen", "  Sarah Chen ", Some("Hi Sarah!"), T0);
        assert_eq!(c.key, "linkedin.com/in/sarah-chen");
        assert_eq!(c.url, "https://www.linkedin.com/in/sarah-chen/");
        assert_eq!(c.name, "Sarah Chen");
        assert_eq!(c.invited_at, Some(T0));
        assert_eq!(c.note_sent.as_deref(), Some("Hi Sarah!"));
        assert_eq!(c.follow_up_at, Some(T0 + 7 * DAY_MS));
        assert_eq!((c.updated, c.schema), (T0, SCHEMA_VERSION));
        let blank = recorded("a", "A", Some("  \n"), T0);
        assert_eq!(blank.note_sent, None, "a blank note is no note");
        assert!(!blank.has_note());
        let s = Settings {
            follow_up_days: 3,
            ..Settings::default()
        };
        let c = record_invitation(None, &invite("/in/b", "B", None), T0, &s).unwrap();
        assert_eq!(c.follow_up_at, Some(T0 + 3 * DAY_MS));
        let off = Settings {
            follow_up_days: 0,
            ..Settings::default()
        };
        let c = record_invitation(None, &invite("/in/b", "B", None), T0, &off).unwrap();
        assert_eq!(c.follow_up_at, None, "0 days schedules nothing");
    }

    #[test]
    fn re_recording_keeps_notes_and_refuses_another_contact() {
        let c = recorded("sarah", "Sarah Chen", Some("first"), T0);
        let c = set_notes(c, "Met at RustConf", T0 + 1);
        let again = invite("https://linkedin.com/in/SARAH?x=1", "", Some("second"));
        let later = T0 + 30 * DAY_MS;
        let c = record_invitation(Some(c), &again, later, &Settings::default()).unwrap();
        assert_eq!(c.notes, "Met at RustConf");
        assert_eq!(c.name, "Sarah Chen", "an empty name keeps the stored one");
        assert_eq!(c.note_sent.as_deref(), Some("second"));
        assert_eq!(c.follow_up_at, Some(later + 7 * DAY_MS));
        let other = invite("/in/john", "John", None);
        let err = record_invitation(Some(c), &other, later, &Settings::default()).unwrap_err();
        assert!(matches!(err, UrlError::KeyMismatch { .. }), "{err}");
        let bad = invite(
            "https://www.linkedin.com/sales/lead/ACwAAA1,NAME,x",
            "X",
            None,
        );
        assert_eq!(
            record_invitation(None, &bad, T0, &Settings::default()),
            Err(UrlError::SalesNavigator)
        );
    }

    #[test]
    fn remembering_a_person_schedules_nothing_and_keeps_the_invitation() {
        let person = Invitation {
            note: Some("ignored".into()),
            ..invite("https://www.linkedin.com/in/Ada-L/", " Ada Lovelace ", None)
        };
        let c = remember_contact(None, &person, T0).unwrap();
        assert_eq!(c.key, "linkedin.com/in/ada-l");
        assert_eq!(c.name, "Ada Lovelace");
        assert_eq!(c.company.as_deref(), Some("Acme"));
        assert_eq!((c.invited_at, c.note_sent.clone()), (None, None));
        assert_eq!((c.follow_up_at, c.updated), (None, T0));
        assert_eq!(status(&c, T0), Status::Idle);

        let sent = set_notes(
            recorded("ada-l", "Ada", Some("Hi Ada"), T0),
            "met at a meetup",
            T0 + 1,
        );
        let blank = Invitation {
            name: "  ".into(),
            headline: None,
            ..person.clone()
        };
        let again = remember_contact(Some(sent.clone()), &blank, T0 + 5).unwrap();
        assert_eq!(again.name, "Ada", "a blank name keeps the stored one");
        assert_eq!(again.note_sent.as_deref(), Some("Hi Ada"));
        assert_eq!(again.notes, "met at a meetup");
        assert_eq!(again.follow_up_at, sent.follow_up_at);
        assert_eq!(again.updated, T0 + 5);
        let other = invite("/in/someone-else", "S", None);
        assert!(remember_contact(Some(again), &other, T0).is_err());
        assert!(remember_contact(None, &invite("https://example.com/x", "X", None), T0).is_err());
    }

    #[test]
    fn newly_due_is_what_fell_due_since_the_last_look() {
        let a = recorded("a", "A", None, T0); // due at T0+7d
        let b = recorded("b", "B", None, T0 + DAY_MS); // due at T0+8d
        let c = mark_done(recorded("c", "C", None, T0), T0 + DAY_MS);
        let all = vec![b, a, c];
        let keys = |v: Vec<&Contact>| v.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
        assert_eq!(keys(newly_due(&all, T0, T0 + 9 * DAY_MS)), ["A", "B"]);
        assert_eq!(
            keys(newly_due(&all, T0 + 7 * DAY_MS, T0 + 9 * DAY_MS)),
            ["B"]
        );
        assert_eq!(
            keys(newly_due(&all, T0 + 7 * DAY_MS - 1, T0 + 7 * DAY_MS)),
            ["A"]
        );
        assert!(newly_due(&all, T0 + 9 * DAY_MS, T0 + 9 * DAY_MS).is_empty());
    }

    #[test]
    fn snooze_by_days_and_until_a_date() {
        let c = recorded("a", "A", None, T0);
        let now = T0 + 8 * DAY_MS;
        assert_eq!(status(&c, now), Status::Due);
        let day = snooze(c.clone(), Snooze::Days(1), now);
        assert_eq!(
            day.follow_up_at,
            Some(now + DAY_MS),
            "from now, not from the old date"
        );
        assert_eq!(status(&day, now), Status::Upcoming);
        let week = snooze(c.clone(), Snooze::Days(7), now);
        assert_eq!(week.follow_up_at, Some(now + 7 * DAY_MS));
        let date = local_date_start("2026-02-01", -60).unwrap();
        let until = snooze(c.clone(), Snooze::Until(date), now);
        assert_eq!(until.follow_up_at, Some(utc(2026, 1, 31, 23, 0)));
        let huge = snooze(c, Snooze::Days(u32::MAX), now);
        assert_eq!(huge.follow_up_at, Some(now + i64::from(MAX_DAYS) * DAY_MS));
        assert_eq!(
            serde_json::to_string(&[Snooze::Days(7), Snooze::Until(5)]).unwrap(),
            r#"[{"days":7},{"until":5}]"#
        );
    }

    #[test]
    fn done_and_cleared_follow_ups_leave_the_agenda() {
        let c = recorded("a", "A", None, T0);
        let now = T0 + 10 * DAY_MS;
        let done = mark_done(c.clone(), now);
        assert_eq!((done.follow_up_at, done.done_at), (None, Some(now)));
        assert_eq!(status(&done, now), Status::Done);
        let cleared = set_follow_up(c.clone(), None, now);
        assert_eq!(status(&cleared, now), Status::Idle);
        let reopened = set_follow_up(done, Some(now + DAY_MS), now + 1);
        assert_eq!(status(&reopened, now + 1), Status::Upcoming);
        assert_eq!(badge_count(&[cleared, reopened, c], now), 1);
    }

    #[test]
    fn updated_always_moves_forward() {
        let c = recorded("a", "A", None, T0);
        let same_ms = set_notes(c.clone(), "x", T0);
        assert_eq!(same_ms.updated, T0 + 1);
        let clock_went_back = mark_done(same_ms, T0 - 5_000);
        assert_eq!(clock_went_back.updated, T0 + 2);
        assert_eq!(set_notes(c, "y", T0 + 60_000).updated, T0 + 60_000);
    }

    #[test]
    fn badge_counts_due_and_caps_its_text() {
        let contacts: Vec<Contact> = (0..5)
            .map(|i| recorded(&format!("p{i}"), "P", None, T0 + i * DAY_MS))
            .collect();
        // Follow-ups fall due at T0+7d, +8d, ... +11d.
        assert_eq!(badge_count(&contacts, T0 + 7 * DAY_MS - 1), 0);
        assert_eq!(
            badge_count(&contacts, T0 + 7 * DAY_MS),
            1,
            "due at the exact time"
        );
        assert_eq!(badge_count(&contacts, T0 + 9 * DAY_MS), 3);
        assert_eq!(
            next_due_at(&contacts, T0 + 9 * DAY_MS),
            Some(T0 + 10 * DAY_MS)
        );
        assert_eq!(next_due_at(&contacts, T0 + 20 * DAY_MS), None);
        assert_eq!(badge_text(0), "");
        assert_eq!(badge_text(7), "7");
        assert_eq!(badge_text(99), "99");
        assert_eq!(badge_text(100), "99+");
    }

    #[test]
    fn agenda_lists_due_then_upcoming_in_date_order() {
        let a = recorded("a", "Zed", None, T0 + 2 * DAY_MS);
        let b = recorded("b", "Amy", None, T0);
        let c = recorded("c", "Bob", None, T0);
        let d = recorded("d", "Dan", None, T0 + 20 * DAY_MS);
        let e = mark_done(recorded("e", "Eve", None, T0), T0 + DAY_MS);
        let all = vec![a, b, c, d, e];
        let now = T0 + 8 * DAY_MS;
        let ag = agenda(&all, now);
        let names = |v: &[&Contact]| v.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&ag.due), ["Amy", "Bob"]);
        assert_eq!(names(&ag.upcoming), ["Zed", "Dan"]);
        assert_eq!(names(&due(&all, now)), ["Amy", "Bob"]);
        let json = serde_json::to_value(&ag).unwrap();
        assert_eq!(json["due"][0]["name"], "Amy");
    }

    #[test]
    fn agenda_head_is_the_head_of_the_agenda_with_ties_by_folded_name() {
        // Dates tie in runs (a follow-up set to a day), names with accents and case.
        let names = [
            "Zoë", "zed", "Émile", "adam", "Łukasz", "bob", "Ana", "éva", "Luc",
        ];
        let all: Vec<Contact> = (0..40)
            .map(|i| {
                let name = format!("{} {i}", names[i % names.len()]);
                recorded(
                    &format!("k{i:02}"),
                    &name,
                    None,
                    T0 + (i as i64 % 5) * DAY_MS,
                )
            })
            .collect();
        let now = T0 + 8 * DAY_MS; // follow-ups a week after the invitation: two days due
        let whole = agenda(&all, now);
        assert_eq!(whole.due.len(), 16);
        for max in [0, 1, 3, 7, 8, 23, 24, 100] {
            let (head, total) = agenda_head(&all, now, max);
            assert_eq!(head.due, whole.due, "max {max}");
            assert_eq!(total, whole.upcoming.len());
            assert_eq!(head.upcoming, whole.upcoming[..max.min(total)], "max {max}");
        }
        let first: Vec<_> = whole.due.iter().take(4).map(|c| c.name.as_str()).collect();
        assert_eq!(first, ["adam 30", "Ana 15", "bob 5", "Émile 20"]);
    }

    #[test]
    fn search_ignores_case_and_accents_over_all_text() {
        let mut zoe = recorded(
            "zoe-m",
            "Zoë Müller",
            Some("Loved your Kubernetes talk"),
            T0,
        );
        zoe = set_notes(zoe, "Met at the Zürich meetup", T0 + 5);
        let bob = recorded("bob", "Bob Stone", None, T0);
        let muller = set_notes(
            recorded("x", "Anna Berg", None, T0),
            "ask about Muller's team",
            T0 + 9,
        );
        let all = vec![zoe, bob, muller];
        let index = SearchIndex::new(&all);
        let keys = |q: &str| {
            let found = search(&all, q);
            assert_eq!(
                search_with(&all, &index, q),
                found,
                "one index, many queries"
            );
            found
                .iter()
                .map(|c| c.key[16..].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys("ZOE"), ["zoe-m"]);
        assert_eq!(keys("zurich"), ["zoe-m"]);
        assert_eq!(
            keys("kubernetes zürich"),
            ["zoe-m"],
            "every word must match"
        );
        assert_eq!(keys("kubernetes bob"), Vec::<String>::new());
        assert_eq!(keys("acme stone"), ["bob"], "headline and company count");
        assert_eq!(keys("muller"), ["zoe-m", "x"], "name matches first");
        assert_eq!(keys("bob").len(), 1);
        assert_eq!(keys("  ").len(), 3);
    }

    #[test]
    fn month_count_uses_the_local_calendar_month() {
        let note = Some("Hi, a real note");
        let all = vec![
            recorded("a", "A", note, utc(2026, 3, 1, 2, 0)), // Mar 1 UTC, Feb 28 in New York
            recorded("b", "B", note, utc(2026, 3, 15, 12, 0)), // mid-March everywhere
            recorded("c", "C", None, utc(2026, 3, 16, 12, 0)), // no note
            recorded("d", "D", note, utc(2026, 3, 31, 20, 0)), // Apr 1 at UTC+5:30 and UTC+14
            recorded("e", "E", note, utc(2026, 2, 28, 20, 0)), // Mar 1 at UTC+5:30 and UTC+14
        ];
        let now = utc(2026, 3, 20, 12, 0);
        assert_eq!(month_count(&all, now, 0), 3, "UTC: a, b, d");
        assert_eq!(month_count(&all, now, 300), 2, "New York (UTC-5): b, d");
        assert_eq!(
            month_count(&all, now, -840),
            3,
            "Kiritimati (UTC+14): a, b, e"
        );
        assert_eq!(month_count(&all, now, -330), 3, "India (UTC+5:30): a, b, e");
        assert_eq!(month_count(&all, now, 720), 2, "UTC-12: b, d");
        // At 2026-03-31 20:00 UTC it is April 1st at UTC+14: only d counts there.
        assert_eq!(month_count(&all, utc(2026, 3, 31, 20, 0), -840), 1);
    }

    #[test]
    fn hostile_text_passes_through_untouched() {
        let name = "<img src=x onerror=alert(1)>";
        let c = recorded("x", name, Some("<script>alert(1)</script>"), T0);
        assert_eq!(c.name, name);
        let c = set_notes(c, "\"'; DROP TABLE--", T0 + 1);
        let json = export_json(std::slice::from_ref(&c), None, T0 + 2);
        let back = import_json(&json, &[]).unwrap();
        assert_eq!(back.merged, vec![c.clone()]);
        assert_eq!(search(&back.merged, "onerror").len(), 1);
        assert!(export_csv(&[c]).contains(name));
    }

    #[test]
    fn settings_default_and_tolerate_missing_fields() {
        let s: Settings = serde_json::from_str(r#"{"limit":200}"#).unwrap();
        assert_eq!(s.follow_up_days, 7);
        assert_eq!(s.limit, 200);
        assert!(!s.notifications);
        let wild = Settings {
            follow_up_days: 100_000,
            limit: 0,
            disabled_rules: vec!["b".into(), "a".into(), "b".into()],
            ..Settings::default()
        };
        let n = wild.normalised();
        assert_eq!((n.follow_up_days, n.limit), (MAX_DAYS, DEFAULT_LIMIT));
        assert_eq!(n.disabled_rules, ["a", "b"]);
    }

    #[test]
    fn contact_json_shape_is_snake_case() {
        let c = recorded("a", "A", None, T0);
        let v = serde_json::to_value(&c).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        crate::sort::sort(&mut keys);
        assert_eq!(
            keys,
            [
                "cadence_days",
                "company",
                "done_at",
                "follow_up_at",
                "headline",
                "invited_at",
                "key",
                "last_interaction_at",
                "name",
                "note_score",
                "note_sent",
                "notes",
                "schema",
                "status",
                "status_at",
                "updated",
                "url"
            ]
        );
        assert_eq!(v["note_sent"], serde_json::Value::Null);
        let back: Contact = serde_json::from_value(v).unwrap();
        assert_eq!(back, c);
    }
}
