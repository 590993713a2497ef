//! Reading `chrome.storage.local` safely, and the field-by-field validation of a
//! contact shared with the JSON import.
//!
//! Layout: one item per contact under `contact:<key>`, the [`Settings`] under
//! `settings`, the schema version (a number) under `schema_version`. Other items
//! belong to other parts of the extension and are ignored.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::time::MAX_TIME;
use super::url::{normalize_profile_url, profile_url};
use super::{Contact, InviteStatus, Settings, MAX_DAYS, SCHEMA_VERSION};

/// Storage items holding a contact are named this plus the contact key.
pub const CONTACT_PREFIX: &str = "contact:";
/// The storage item holding the schema version of the whole store.
pub const SCHEMA_KEY: &str = "schema_version";
/// The storage item holding the [`Settings`].
pub const SETTINGS_KEY: &str = "settings";
/// Longest text accepted in any one field, in bytes.
pub(crate) const MAX_TEXT_BYTES: usize = 100_000;

/// The storage item name for a contact key.
pub fn storage_key(contact_key: &str) -> String {
    format!("{CONTACT_PREFIX}{contact_key}")
}

/// A stored or imported value that was skipped or changed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The storage item name, or the import path (`contacts[3]`).
    pub key: String,
    pub kind: WarningKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Corrupt or foreign: skipped (storage) or defaults used (settings).
    Invalid,
    /// Written by a newer version: skipped, and the store is read-only.
    FutureSchema,
    /// A second entry for the same contact in an import; the newer one was kept.
    Duplicate,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

/// Everything read from storage by [`load_all`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Loaded {
    pub contacts: Vec<Contact>,
    pub settings: Settings,
    pub warnings: Vec<Warning>,
    /// Data from a newer version of Rapport is present: show it, but write nothing.
    pub read_only: bool,
    /// The schema version item is missing, corrupt or older: write [`SCHEMA_VERSION`]
    /// under [`SCHEMA_KEY`] (only when not `read_only`).
    pub write_schema: bool,
    /// Keys of the contacts stored by an older schema, migrated on reading: write
    /// them back (they are in `contacts`) to store them in today's shape.
    #[serde(default)]
    pub migrated: Vec<String>,
}

/// Reads the whole store (the object `chrome.storage.local.get(null)` resolves to).
pub fn load_all(items: &Value) -> Loaded {
    let mut out = Loaded {
        contacts: Vec::new(),
        settings: Settings::default(),
        warnings: Vec::new(),
        read_only: false,
        write_schema: false,
        migrated: Vec::new(),
    };
    let Some(items) = items.as_object() else {
        out.warnings.push(Warning {
            key: String::new(),
            kind: WarningKind::Invalid,
            message: format!("storage is {}, not an object", describe(items)),
        });
        return out;
    };
    match items.get(SCHEMA_KEY) {
        None => out.write_schema = true,
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(SCHEMA_VERSION) => {
                out.read_only = true;
                out.warnings.push(future_warning(SCHEMA_KEY, n));
            }
            Some(n) if n >= u64::from(SCHEMA_VERSION) => {}
            Some(n) if n >= 1 => out.write_schema = true,
            _ => {
                out.write_schema = true;
                out.warnings.push(Warning {
                    key: SCHEMA_KEY.to_string(),
                    kind: WarningKind::Invalid,
                    message: format!("expected a schema version number, found {}", describe(v)),
                });
            }
        },
    }
    if let Some(v) = items.get(SETTINGS_KEY) {
        match settings_from_value(v) {
            Ok(s) => out.settings = s,
            Err(e) => out.warnings.push(Warning {
                key: SETTINGS_KEY.to_string(),
                kind: WarningKind::Invalid,
                message: format!("{e}; using the defaults"),
            }),
        }
    }
    for (key, value) in items {
        if !key.starts_with(CONTACT_PREFIX) {
            continue;
        }
        match parse_stored(key, value) {
            Ok(c) => {
                if value.get("schema").and_then(Value::as_u64) != Some(u64::from(SCHEMA_VERSION)) {
                    out.migrated.push(c.key.clone());
                }
                out.contacts.push(c)
            }
            Err(w) => {
                out.read_only |= w.kind == WarningKind::FutureSchema;
                out.warnings.push(w);
            }
        }
    }
    crate::sort::sort_by(&mut out.contacts, |a, b| a.key.cmp(&b.key));
    crate::sort::sort(&mut out.migrated);
    out
}

impl Loaded {
    /// Applies changed contact items as [`load_all`] would have read them: `set` maps item
    /// names to their new values, `removed` lists items deleted (`storage.onChanged`).
    /// Returns false, changing nothing, when an item is not a contact (the settings, the
    /// schema version): read the whole store again then. A few contacts changed at ten
    /// thousand cost microseconds here, reading the store again half a second.
    pub fn apply(&mut self, set: &Map<String, Value>, removed: &[String]) -> bool {
        let items = || set.keys().chain(removed);
        if items().any(|item| !item.starts_with(CONTACT_PREFIX)) {
            return false;
        }
        for item in items() {
            let key = &item[CONTACT_PREFIX.len()..];
            if let Ok(i) = self.contacts.binary_search_by(|c| c.key.as_str().cmp(key)) {
                self.contacts.remove(i);
            }
            self.warnings.retain(|w| w.key != *item);
            self.migrated.retain(|m| m != key);
        }
        for (item, value) in set {
            match parse_stored(item, value) {
                Ok(c) => {
                    if value.get("schema").and_then(Value::as_u64)
                        != Some(u64::from(SCHEMA_VERSION))
                    {
                        let at = self.migrated.partition_point(|m| *m < c.key);
                        self.migrated.insert(at, c.key.clone());
                    }
                    let at = self.contacts.partition_point(|x| x.key < c.key);
                    self.contacts.insert(at, c);
                }
                Err(w) => self.warnings.push(w),
            }
        }
        // As load_all decides it: any value from a newer schema, the store's or a contact's.
        self.read_only = self
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::FutureSchema);
        true
    }
}

/// Reads one stored contact item (e.g. from `storage.onChanged`). Corrupt, foreign
/// or future-schema values are refused with a [`Warning`] naming the field.
pub fn parse_stored(key: &str, value: &Value) -> Result<Contact, Warning> {
    let warn = |kind, message: String| Warning {
        key: key.to_string(),
        kind,
        message,
    };
    if !key.starts_with(CONTACT_PREFIX) {
        return Err(warn(
            WarningKind::Invalid,
            format!("not a contact item (names start with \"{CONTACT_PREFIX}\")"),
        ));
    }
    let c = contact_from_value(value).map_err(|e| match e {
        Invalid::FutureSchema(n) => future_warning(key, n.into()),
        e => warn(WarningKind::Invalid, e.to_string()),
    })?;
    if storage_key(&c.key) != key {
        return Err(warn(
            WarningKind::Invalid,
            format!(
                "holds the contact {}, which belongs under {}",
                c.key,
                storage_key(&c.key)
            ),
        ));
    }
    Ok(c)
}

fn future_warning(key: &str, n: u64) -> Warning {
    Warning {
        key: key.to_string(),
        kind: WarningKind::FutureSchema,
        message: format!(
            "written by a newer version of Rapport (schema {n}; this one reads up to \
             {SCHEMA_VERSION}): update Rapport; nothing will be changed until then"
        ),
    }
}

/// Why a value is not a valid contact or settings object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// `field` is empty for the value as a whole.
    Field {
        field: String,
        message: String,
    },
    FutureSchema(u32),
}

impl Invalid {
    fn field(field: &str, message: impl Into<String>) -> Invalid {
        Invalid::Field {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::Field { field, message } if field.is_empty() => write!(f, "{message}"),
            Invalid::Field { field, message } => write!(f, "{field}: {message}"),
            Invalid::FutureSchema(n) => write!(
                f,
                "written by a newer version of Rapport (schema {n}; this one reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

/// A short description of a JSON value for error messages.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 24 => {
            format!("the text \"{}...\"", s.chars().take(24).collect::<String>())
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

fn text(obj: &Map<String, Value>, field: &str) -> Result<Option<String>, Invalid> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.len() > MAX_TEXT_BYTES => Err(Invalid::field(
            field,
            format!("longer than {MAX_TEXT_BYTES} bytes"),
        )),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(Invalid::field(
            field,
            format!("expected text, found {}", describe(v)),
        )),
    }
}

fn time(obj: &Map<String, Value>, field: &str) -> Result<Option<i64>, Invalid> {
    let v = match obj.get(field) {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => v,
    };
    let ms = v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e17)
            .map(|f| f as i64)
    });
    match ms {
        Some(ms) if (0..=MAX_TIME).contains(&ms) => Ok(Some(ms)),
        _ => Err(Invalid::field(
            field,
            format!(
                "expected a time in milliseconds since 1970 (a whole number from 0 to {MAX_TIME}), found {}",
                describe(v)
            ),
        )),
    }
}

/// A whole number from 0 to `max`, or null.
fn whole(obj: &Map<String, Value>, field: &str, max: u64) -> Result<Option<u64>, Invalid> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v.as_u64() {
            Some(n) if n <= max => Ok(Some(n)),
            _ => Err(Invalid::field(
                field,
                format!(
                    "expected a whole number from 0 to {max}, found {}",
                    describe(v)
                ),
            )),
        },
    }
}

fn invite_status(obj: &Map<String, Value>) -> Result<Option<InviteStatus>, Invalid> {
    match obj.get("status") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => InviteStatus::deserialize(v).map(Some).map_err(|_| {
            Invalid::field(
                "status",
                format!(
                    "expected \"pending\", \"accepted\", \"withdrawn\", \"expired\" or null, found {}",
                    describe(v)
                ),
            )
        }),
    }
}

fn required<T>(v: Option<T>, field: &str) -> Result<T, Invalid> {
    v.ok_or_else(|| Invalid::field(field, "missing"))
}

/// Validates a stored or imported contact field by field. Unknown fields are
/// ignored, `url` is rebuilt from `key`, and the key is normalised.
pub(crate) fn contact_from_value(v: &Value) -> Result<Contact, Invalid> {
    let obj = v.as_object().ok_or_else(|| {
        Invalid::field(
            "",
            format!("expected a contact object, found {}", describe(v)),
        )
    })?;
    let schema = match obj.get("schema") {
        None => return Err(Invalid::field("schema", "missing")),
        Some(s) => match s.as_u64() {
            Some(n) if n > u64::from(SCHEMA_VERSION) => {
                return Err(Invalid::FutureSchema(n.min(u64::from(u32::MAX)) as u32))
            }
            Some(n) if n >= 1 => n as u32,
            _ => {
                return Err(Invalid::field(
                    "schema",
                    format!("expected a schema version number, found {}", describe(s)),
                ))
            }
        },
    };
    let key_text = required(text(obj, "key")?, "key")?;
    let key = normalize_profile_url(&key_text)
        .map_err(|e| Invalid::field("key", format!("\"{key_text}\": {e}")))?;
    let contact = Contact {
        url: profile_url(&key),
        key,
        name: text(obj, "name")?.unwrap_or_default(),
        headline: text(obj, "headline")?,
        company: text(obj, "company")?,
        invited_at: time(obj, "invited_at")?,
        note_sent: text(obj, "note_sent")?,
        notes: text(obj, "notes")?.unwrap_or_default(),
        follow_up_at: time(obj, "follow_up_at")?,
        done_at: time(obj, "done_at")?,
        status: invite_status(obj)?,
        status_at: time(obj, "status_at")?,
        note_score: whole(obj, "note_score", 100)?.map(|n| n as u8),
        last_interaction_at: time(obj, "last_interaction_at")?,
        cadence_days: whole(obj, "cadence_days", u64::from(MAX_DAYS))?
            .map(|n| n as u32)
            .filter(|&n| n > 0),
        updated: required(time(obj, "updated")?, "updated")?,
        schema,
    };
    Ok(migrate(contact))
}

/// Brings a contact of an older schema to [`SCHEMA_VERSION`], oldest step first.
/// Nothing is dropped: each step only adds what the older schema lacked.
fn migrate(mut c: Contact) -> Contact {
    if c.schema < 2 {
        // Schema 1 had no outcomes: a recorded invitation is pending since it was sent
        // (expiry and later observations take it from there). Its note was never
        // scored, and the engine has changed since: `note_score` stays unknown.
        if c.invited_at.is_some() && c.status.is_none() {
            c.status = Some(InviteStatus::Pending);
            c.status_at = c.invited_at;
        }
    }
    Contact {
        schema: SCHEMA_VERSION,
        ..c
    }
}

/// Validates stored or imported settings; missing fields take the defaults.
pub(crate) fn settings_from_value(v: &Value) -> Result<Settings, Invalid> {
    let obj = v.as_object().ok_or_else(|| {
        Invalid::field(
            "",
            format!("expected a settings object, found {}", describe(v)),
        )
    })?;
    let mut s = Settings::default();
    let bad = |field: &str, what: &str, v: &Value| {
        Invalid::field(field, format!("expected {what}, found {}", describe(v)))
    };
    if let Some(v) = obj.get("follow_up_days").filter(|v| !v.is_null()) {
        let n = v
            .as_u64()
            .ok_or_else(|| bad("follow_up_days", "a whole number of days", v))?;
        s.follow_up_days = n.min(u64::from(u32::MAX)) as u32;
    }
    if let Some(v) = obj.get("limit").filter(|v| !v.is_null()) {
        let n = v
            .as_u64()
            .ok_or_else(|| bad("limit", "a character count", v))?;
        s.limit = usize::try_from(n).unwrap_or(usize::MAX);
    }
    for (field, flag) in [
        ("notifications", &mut s.notifications),
        ("premium", &mut s.premium),
    ] {
        if let Some(v) = obj.get(field).filter(|v| !v.is_null()) {
            *flag = v.as_bool().ok_or_else(|| bad(field, "true or false", v))?;
        }
    }
    for (field, days) in [
        ("pending_days", &mut s.pending_days),
        ("expire_days", &mut s.expire_days),
        ("monthly_notes", &mut s.monthly_notes),
    ] {
        if let Some(v) = obj.get(field).filter(|v| !v.is_null()) {
            let n = v.as_u64().ok_or_else(|| bad(field, "a whole number", v))?;
            *days = n.min(u64::from(u32::MAX)) as u32;
        }
    }
    // Before schema 1 the extension stored the switched-off rules as `disabled`.
    let disabled = obj
        .get("disabled_rules")
        .filter(|v| !v.is_null())
        .map(|v| ("disabled_rules", v))
        .or_else(|| {
            obj.get("disabled")
                .filter(|v| !v.is_null())
                .map(|v| ("disabled", v))
        });
    if let Some((field, v)) = disabled {
        let list = v
            .as_array()
            .ok_or_else(|| bad(field, "a list of rule ids", v))?;
        s.disabled_rules = list
            .iter()
            .map(|r| {
                r.as_str()
                    .map(String::from)
                    .ok_or_else(|| bad(field, "rule ids as text", r))
            })
            .collect::<Result<_, _>>()?;
    }
    Ok(s.normalised())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{recorded, T0};
    use super::*;
    use serde_json::json;

    fn store(contacts: &[Contact]) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert(SCHEMA_KEY.into(), json!(SCHEMA_VERSION));
        for c in contacts {
            m.insert(storage_key(&c.key), serde_json::to_value(c).unwrap());
        }
        m
    }

    #[test]
    fn stored_contacts_round_trip() {
        let a = recorded("a", "Ann", Some("Hi Ann"), T0);
        let b = recorded("b", "Ben", None, T0);
        let mut items = store(&[b.clone(), a.clone()]);
        items.insert(SETTINGS_KEY.into(), json!({ "follow_up_days": 3 }));
        items.insert("unrelated_cache".into(), json!([1, 2, 3]));
        let loaded = load_all(&Value::Object(items));
        assert_eq!(loaded.contacts, vec![a.clone(), b]);
        assert_eq!(loaded.settings.follow_up_days, 3);
        assert_eq!(loaded.settings.limit, 300);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert!(!loaded.read_only && !loaded.write_schema);
        let key = storage_key(&a.key);
        assert_eq!(key, "contact:linkedin.com/in/a");
        assert_eq!(
            parse_stored(&key, &serde_json::to_value(&a).unwrap()),
            Ok(a)
        );
    }

    #[test]
    fn corrupt_and_foreign_values_are_skipped_with_a_warning() {
        let good = recorded("good", "G", None, T0);
        let mut items = store(std::slice::from_ref(&good));
        let mut wrong_type = serde_json::to_value(recorded("wt", "W", None, T0)).unwrap();
        wrong_type["follow_up_at"] = json!("tomorrow");
        items.insert("contact:linkedin.com/in/wt".into(), wrong_type);
        items.insert("contact:linkedin.com/in/str".into(), json!("just a string"));
        items.insert(
            "contact:linkedin.com/in/nokey".into(),
            json!({ "schema": 1, "updated": 1 }),
        );
        let moved = serde_json::to_value(recorded("elsewhere", "E", None, T0)).unwrap();
        items.insert("contact:linkedin.com/in/here".into(), moved);
        items.insert(SETTINGS_KEY.into(), json!({ "follow_up_days": "seven" }));
        let loaded = load_all(&Value::Object(items));
        assert_eq!(loaded.contacts, vec![good]);
        assert!(!loaded.read_only);
        let msgs: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(msgs.len(), 5, "{msgs:#?}");
        let has = |s: &str| msgs.iter().any(|m| m.contains(s));
        assert!(has(
            "contact:linkedin.com/in/wt: follow_up_at: expected a time in milliseconds"
        ));
        assert!(has(
            "in/str: expected a contact object, found the text \"just a string\""
        ));
        assert!(has("in/nokey: key: missing"));
        assert!(has("belongs under contact:linkedin.com/in/elsewhere"));
        assert!(has(
            "settings: follow_up_days: expected a whole number of days"
        ));
        assert_eq!(loaded.settings, Settings::default());
        assert!(parse_stored("settings", &json!({})).is_err());
    }

    /// What `load_all` reads, with the warnings in a stable order (apply appends).
    fn canonical(mut l: Loaded) -> Loaded {
        crate::sort::sort_by(&mut l.warnings, |a, b| a.key.cmp(&b.key));
        l
    }

    #[test]
    fn applying_changed_items_reads_as_loading_everything_again() {
        let good = |slug: &str, name: &str| {
            serde_json::to_value(recorded(slug, name, Some("Hi"), T0)).unwrap()
        };
        let mut older = good("ola", "Ola Old");
        older["schema"] = json!(1);
        let mut future = good("fay", "Fay Future");
        future["schema"] = json!(SCHEMA_VERSION + 1);
        let mut items = json!({
            "schema_version": SCHEMA_VERSION,
            "contact:linkedin.com/in/amy": good("amy", "Amy"),
            "contact:linkedin.com/in/zed": good("zed", "Zed"),
            "contact:linkedin.com/in/bad": { "key": 7 },
        });
        let mut loaded = load_all(&items);
        // Each step: (set, removed), applied to both the kept copy and the items.
        let steps: Vec<(Value, Vec<&str>)> = vec![
            (
                json!({ "contact:linkedin.com/in/bob": good("bob", "Bob") }),
                vec![],
            ),
            (
                json!({ "contact:linkedin.com/in/amy": good("amy", "Amy Changed") }),
                vec!["contact:linkedin.com/in/zed"],
            ),
            (
                json!({ "contact:linkedin.com/in/bad": good("bad", "Now Good") }),
                vec![],
            ),
            (json!({ "contact:linkedin.com/in/ola": older }), vec![]),
            (json!({ "contact:linkedin.com/in/fay": future }), vec![]),
            (
                json!({ "contact:linkedin.com/in/x": good("y", "Wrong Item") }),
                vec![],
            ),
            (
                json!({}),
                vec![
                    "contact:linkedin.com/in/fay",
                    "contact:linkedin.com/in/nobody",
                ],
            ),
        ];
        for (i, (set, removed)) in steps.into_iter().enumerate() {
            let removed: Vec<String> = removed.into_iter().map(String::from).collect();
            assert!(loaded.apply(set.as_object().unwrap(), &removed), "step {i}");
            let all = items.as_object_mut().unwrap();
            for (k, v) in set.as_object().unwrap() {
                all.insert(k.clone(), v.clone());
            }
            for k in &removed {
                all.remove(k);
            }
            let fresh = load_all(&items);
            assert_eq!(canonical(loaded.clone()), canonical(fresh), "step {i}");
            assert_eq!(loaded.read_only, (4..=5).contains(&i), "step {i}");
        }
        // The settings or the schema: not applied, nothing changed.
        let before = loaded.clone();
        assert!(!loaded.apply(json!({ "settings": {} }).as_object().unwrap(), &[]));
        assert!(!loaded.apply(&Map::new(), &["schema_version".to_string()]));
        assert_eq!(loaded, before);
    }

    #[test]
    fn a_future_schema_makes_the_store_read_only() {
        let good = recorded("good", "G", None, T0);
        let mut items = store(std::slice::from_ref(&good));
        let mut future = serde_json::to_value(recorded("new", "N", None, T0)).unwrap();
        future["schema"] = json!(SCHEMA_VERSION + 1);
        items.insert("contact:linkedin.com/in/new".into(), future.clone());
        let loaded = load_all(&Value::Object(items.clone()));
        assert!(loaded.read_only);
        assert_eq!(loaded.contacts, vec![good.clone()]);
        assert_eq!(loaded.warnings[0].kind, WarningKind::FutureSchema);
        let w = parse_stored("contact:linkedin.com/in/new", &future).unwrap_err();
        assert!(w.message.contains("newer version"), "{w}");

        items.remove("contact:linkedin.com/in/new");
        items.insert(SCHEMA_KEY.into(), json!(SCHEMA_VERSION + 1));
        let loaded = load_all(&Value::Object(items.clone()));
        assert!(loaded.read_only && !loaded.write_schema);
        assert_eq!(loaded.contacts, vec![good]);

        items.remove(SCHEMA_KEY);
        assert!(load_all(&Value::Object(items.clone())).write_schema);
        items.insert(SCHEMA_KEY.into(), json!("one"));
        let loaded = load_all(&Value::Object(items));
        assert!(loaded.write_schema && !loaded.read_only);
        assert_eq!(loaded.warnings.len(), 1);
        assert!(!load_all(&json!(null)).warnings.is_empty());
    }

    #[test]
    fn settings_of_the_first_extension_build_migrate() {
        // The first build stored { limit, disabled }.
        let old = json!({ "limit": 200, "disabled": ["too-short", "filler", "too-short"] });
        let s = settings_from_value(&old).unwrap();
        assert_eq!(s.limit, 200);
        assert_eq!(s.disabled_rules, ["filler", "too-short"]);
        assert_eq!(s.follow_up_days, 7);
        assert!(!s.notifications);
        let both = json!({ "disabled": ["a"], "disabled_rules": ["b"] });
        assert_eq!(
            settings_from_value(&both).unwrap().disabled_rules,
            ["b"],
            "the new field wins"
        );
        let bad = settings_from_value(&json!({ "disabled": "filler" })).unwrap_err();
        assert!(
            bad.to_string().starts_with("disabled: expected a list"),
            "{bad}"
        );
        let mut items = Map::new();
        items.insert(SETTINGS_KEY.into(), old);
        assert_eq!(load_all(&Value::Object(items)).settings.limit, 200);
    }

    #[test]
    fn outcome_settings_parse_and_refuse_wrong_types() {
        let s = settings_from_value(&json!({
            "pending_days": 10, "expire_days": 0, "premium": true, "monthly_notes": 3
        }))
        .unwrap();
        assert_eq!(
            (s.pending_days, s.expire_days, s.premium, s.monthly_notes),
            (10, 0, true, 3)
        );
        let d = settings_from_value(&json!({})).unwrap();
        assert_eq!(
            (d.pending_days, d.expire_days, d.premium, d.monthly_notes),
            (14, 21, false, 5)
        );
        for (field, bad) in [
            ("pending_days", json!("two weeks")),
            ("expire_days", json!(-1)),
            ("premium", json!("yes")),
            ("monthly_notes", json!(2.5)),
        ] {
            let e = settings_from_value(&json!({ field: bad })).unwrap_err();
            assert!(
                e.to_string().starts_with(&format!("{field}: expected")),
                "{e}"
            );
        }
        let huge = settings_from_value(&json!({ "expire_days": 1u64 << 40 })).unwrap();
        assert_eq!(huge.expire_days, MAX_DAYS);
    }

    #[test]
    fn stored_keys_and_urls_are_rebuilt() {
        let mut v = serde_json::to_value(recorded("sarah", "S", None, T0)).unwrap();
        v["url"] = json!("javascript:alert(1)");
        v["key"] = json!("https://www.linkedin.com/in/Sarah/");
        v["extra_field_from_a_test_build"] = json!(true);
        let c = parse_stored("contact:linkedin.com/in/sarah", &v).unwrap();
        assert_eq!(c.key, "linkedin.com/in/sarah");
        assert_eq!(c.url, "https://www.linkedin.com/in/sarah/");
        let mut float = v.clone();
        float["updated"] = json!(1.7e12);
        assert_eq!(
            contact_from_value(&float).unwrap().updated,
            1_700_000_000_000
        );
        float["updated"] = json!(-5);
        assert!(contact_from_value(&float).is_err());
    }
}
