//! Export to JSON and CSV, and merging a JSON export back in.
//!
//! JSON export (pretty-printed, contacts sorted by key):
//! `{"format": "rapport-followup", "schema": 2, "exported_at": <ms>, "settings": {...}?,
//! "contacts": [<Contact>...]}`. Exports of schema 1 still import (migrated as they
//! are read, see `storage`).
//!
//! CSV export: UTF-8 with a byte-order mark (so Excel reads accents), RFC 4180
//! (CRLF line ends, a header row, fields quoted when they hold `,` `"` or a line
//! break, quotes doubled), times as ISO 8601 UTC, rows sorted by name. Cells that a
//! spreadsheet would run as a formula (starting with `=` `+` `-` `@`, tab or carriage
//! return) get a leading `'` (OWASP's advice against CSV injection).

use crate::text::WordMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::similarity::fold;
use super::storage::{
    contact_from_value, describe, settings_from_value, Invalid, Warning, WarningKind,
};
use super::time::iso_utc;
use super::{Contact, InviteStatus, Settings, SCHEMA_VERSION};

/// The `format` marker of a JSON export.
pub const EXPORT_FORMAT: &str = "rapport-followup";
/// Prefixed to the CSV so spreadsheet programs read it as UTF-8.
pub const CSV_BOM: &str = "\u{FEFF}";
/// The CSV header row.
pub const CSV_COLUMNS: [&str; 15] = [
    "name",
    "profile_url",
    "headline",
    "company",
    "invited_at",
    "note_sent",
    "notes",
    "follow_up_at",
    "done_at",
    "status",
    "status_at",
    "note_score",
    "last_interaction_at",
    "cadence_days",
    "updated",
];
/// Larger imports are refused outright.
const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    schema: u32,
    exported_at: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    settings: Option<&'a Settings>,
    contacts: Vec<&'a Contact>,
}

/// All contacts (and the settings, if given) as a JSON export made at `now`, compact (the
/// extension indents the file it saves).
pub fn export_json(contacts: &[Contact], settings: Option<&Settings>, now: i64) -> String {
    let mut contacts: Vec<&Contact> = contacts.iter().collect();
    crate::sort::sort_by(&mut contacts, |a, b| a.key.cmp(&b.key));
    let export = Export {
        format: EXPORT_FORMAT,
        schema: SCHEMA_VERSION,
        exported_at: now,
        settings,
        contacts,
    };
    // Plain data (strings, numbers, no maps with other keys) always serialises.
    serde_json::to_string(&export).unwrap_or_default()
}

/// All contacts as CSV for a spreadsheet or CRM (columns: [`CSV_COLUMNS`]).
pub fn export_csv(contacts: &[Contact]) -> String {
    let mut rows: Vec<(String, &Contact)> = contacts.iter().map(|c| (fold(&c.name), c)).collect();
    crate::sort::sort_by(&mut rows, |a, b| (&a.0, &a.1.key).cmp(&(&b.0, &b.1.key)));
    let mut out = String::from(CSV_BOM);
    push_row(&mut out, CSV_COLUMNS.iter().map(|s| s.to_string()));
    let time = |t: Option<i64>| t.map(iso_utc).unwrap_or_default();
    for (_, c) in rows {
        push_row(
            &mut out,
            [
                c.name.clone(),
                c.url.clone(),
                c.headline.clone().unwrap_or_default(),
                c.company.clone().unwrap_or_default(),
                time(c.invited_at),
                c.note_sent.clone().unwrap_or_default(),
                c.notes.clone(),
                time(c.follow_up_at),
                time(c.done_at),
                c.status.map(status_name).unwrap_or_default().to_string(),
                time(c.status_at),
                number(c.note_score),
                time(c.last_interaction_at),
                number(c.cadence_days),
                iso_utc(c.updated),
            ],
        );
    }
    out
}

fn status_name(s: InviteStatus) -> &'static str {
    match s {
        InviteStatus::Pending => "pending",
        InviteStatus::Accepted => "accepted",
        InviteStatus::Withdrawn => "withdrawn",
        InviteStatus::Expired => "expired",
    }
}

fn number<T: ToString>(n: Option<T>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(&cell));
    }
    out.push_str("\r\n");
}

/// One CSV field: formula-looking text defused, then quoted if needed.
fn csv_cell(s: &str) -> String {
    let defused = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// What an import did. Write the contacts named in `changed` to storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportResult {
    /// The existing contacts with the import merged in (existing order, new ones last).
    pub merged: Vec<Contact>,
    /// Keys of the contacts added or replaced.
    pub changed: Vec<String>,
    pub added: usize,
    /// Replaced because the imported copy was newer.
    pub updated: usize,
    /// Identical to what was there.
    pub unchanged: usize,
    /// Kept what was there: the imported copy was older, or as old but different.
    pub skipped_older: usize,
    /// Settings found in the file, validated; not applied (the caller may offer to).
    pub settings: Option<Settings>,
    pub warnings: Vec<Warning>,
}

/// Why an import was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    pub message: String,
    /// Where a JSON syntax error is (1-based).
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The offending field (`contacts[3].updated`).
    pub field: Option<String>,
}

impl ImportError {
    fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
            line: None,
            column: None,
            field: None,
        }
    }

    fn at(field: impl Into<String>, message: impl Into<String>) -> ImportError {
        ImportError {
            field: Some(field.into()),
            ..ImportError::new(message)
        }
    }

    fn from_invalid(path: &str, e: Invalid) -> ImportError {
        match e {
            Invalid::Field { field, message } if field.is_empty() => ImportError::at(path, message),
            Invalid::Field { field, message } => {
                ImportError::at(format!("{path}.{field}"), message)
            }
            e => ImportError::at(path, e.to_string()),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "import refused: ")?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "line {line}, column {column}: ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ImportError {}

/// What is wrong with JSON text that did not parse, in plain words (the parser's own
/// messages, and the I/O errors they can carry, stay out of the wasm engine).
pub fn json_fault(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "the text ends too early",
        serde_json::error::Category::Syntax => "not valid JSON",
        serde_json::error::Category::Data => "not the data expected",
        serde_json::error::Category::Io => "could not be read",
    }
}

/// Merges a JSON export into `existing`: per contact the newer `updated` wins and a
/// tie keeps the existing copy. A malformed file is refused as a whole, with an
/// error naming the line or field; then nothing changes.
pub fn import_json(text: &str, existing: &[Contact]) -> Result<ImportResult, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(format!(
            "the file is larger than {} MB",
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    let text = text.strip_prefix(CSV_BOM).unwrap_or(text);
    let doc: Value = serde_json::from_str(text).map_err(|e| ImportError {
        line: Some(e.line()),
        column: Some(e.column()),
        ..ImportError::new(json_fault(&e))
    })?;
    let obj = doc.as_object().ok_or_else(|| {
        ImportError::new(format!(
            "expected a Rapport export (an object with \"contacts\"), found {}",
            describe(&doc)
        ))
    })?;
    match obj.get("format") {
        None => {}
        Some(Value::String(f)) if f == EXPORT_FORMAT => {}
        Some(v) => {
            return Err(ImportError::at(
                "format",
                format!("expected \"{EXPORT_FORMAT}\", found {}", describe(v)),
            ))
        }
    }
    let schema = obj
        .get("schema")
        .ok_or_else(|| ImportError::at("schema", "missing"))?;
    match schema.as_u64() {
        Some(n) if n > u64::from(SCHEMA_VERSION) => {
            return Err(ImportError::at(
                "schema",
                format!(
                    "made by a newer version of Rapport (schema {n}; this one reads up to {SCHEMA_VERSION}); update Rapport first"
                ),
            ))
        }
        Some(n) if n >= 1 => {}
        _ => {
            return Err(ImportError::at(
                "schema",
                format!("expected a schema version number, found {}", describe(schema)),
            ))
        }
    }
    let settings = match obj.get("settings") {
        None | Some(Value::Null) => None,
        Some(v) => {
            Some(settings_from_value(v).map_err(|e| ImportError::from_invalid("settings", e))?)
        }
    };
    let list = match obj.get("contacts") {
        Some(Value::Array(list)) => list,
        Some(v) => {
            return Err(ImportError::at(
                "contacts",
                format!("expected a list, found {}", describe(v)),
            ))
        }
        None => return Err(ImportError::at("contacts", "missing")),
    };

    let mut warnings = Vec::new();
    let mut incoming: Vec<Contact> = Vec::with_capacity(list.len());
    let mut seen: WordMap<String, (usize, usize)> = WordMap::default(); // key -> (slot, index in file)
    for (i, v) in list.iter().enumerate() {
        let path = format!("contacts[{i}]");
        let c = contact_from_value(v).map_err(|e| ImportError::from_invalid(&path, e))?;
        match seen.get(&c.key) {
            None => {
                seen.insert(c.key.clone(), (incoming.len(), i));
                incoming.push(c);
            }
            Some(&(slot, first)) => {
                warnings.push(Warning {
                    key: path,
                    kind: WarningKind::Duplicate,
                    message: format!(
                        "{} also appears at contacts[{first}]; the newer copy was kept",
                        c.key
                    ),
                });
                if c.updated > incoming[slot].updated {
                    incoming[slot] = c;
                }
            }
        }
    }

    let mut merged = existing.to_vec();
    let index: WordMap<String, usize> = merged
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key.clone(), i))
        .collect();
    let mut result = ImportResult {
        merged: Vec::new(),
        changed: Vec::new(),
        added: 0,
        updated: 0,
        unchanged: 0,
        skipped_older: 0,
        settings,
        warnings,
    };
    for c in incoming {
        match index.get(&c.key) {
            None => {
                result.added += 1;
                result.changed.push(c.key.clone());
                merged.push(c);
            }
            Some(&i) if c.updated > merged[i].updated => {
                result.updated += 1;
                result.changed.push(c.key.clone());
                merged[i] = c;
            }
            Some(&i) if c == merged[i] => result.unchanged += 1,
            Some(_) => result.skipped_older += 1,
        }
    }
    result.merged = merged;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{recorded, T0};
    use super::super::*;
    use super::*;
    use serde_json::json;

    fn sample() -> Vec<Contact> {
        let a = recorded(
            "sarah-chen",
            "Sarah Chen",
            Some("Hi Sarah, loved the talk"),
            T0,
        );
        let a = set_notes(a, "Met at RustConf, \"wasm\" fan\nsecond line", T0 + 1);
        let b = mark_done(recorded("bob", "Bob", None, T0), T0 + 9 * DAY_MS);
        let c = recorded("jörg", "Jörg Müller", Some("Hallo Jörg"), T0 + DAY_MS);
        vec![a, b, c]
    }

    fn exported(contacts: &[Contact]) -> Value {
        serde_json::from_str(&export_json(contacts, None, T0)).unwrap()
    }

    #[test]
    fn json_export_has_version_and_sorted_contacts() {
        let s = Settings::default();
        let v: Value = serde_json::from_str(&export_json(&sample(), Some(&s), T0 + 5)).unwrap();
        assert_eq!(v["format"], EXPORT_FORMAT);
        assert_eq!(v["schema"], SCHEMA_VERSION);
        assert_eq!(v["exported_at"], T0 + 5);
        assert_eq!(v["settings"]["follow_up_days"], 7);
        let keys: Vec<&str> = v["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["key"].as_str().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "linkedin.com/in/bob",
                "linkedin.com/in/jörg",
                "linkedin.com/in/sarah-chen"
            ]
        );
        assert!(exported(&[]).get("settings").is_none());
    }

    #[test]
    fn json_round_trip_into_empty_reproduces_the_data() {
        let data = sample();
        let s = Settings {
            follow_up_days: 3,
            notifications: true,
            ..Settings::default()
        };
        let r = import_json(&export_json(&data, Some(&s), T0), &[]).unwrap();
        let mut merged = r.merged.clone();
        crate::sort::sort_by(&mut merged, |a, b| a.key.cmp(&b.key));
        let mut expected = data.clone();
        crate::sort::sort_by(&mut expected, |a, b| a.key.cmp(&b.key));
        assert_eq!(merged, expected);
        assert_eq!(
            (r.added, r.updated, r.unchanged, r.skipped_older),
            (3, 0, 0, 0)
        );
        assert_eq!(r.changed.len(), 3);
        assert_eq!(r.settings, Some(s));
        // Importing the same file again changes nothing.
        let again = import_json(&export_json(&data, None, T0), &r.merged).unwrap();
        assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));
        assert!(again.changed.is_empty());
        assert_eq!(again.merged, r.merged);
    }

    #[test]
    fn merge_never_overwrites_newer_data() {
        let data = sample();
        let backup = export_json(&data, None, T0);
        // Since the backup: Sarah's notes edited, Bob edited at the very same ms.
        let mut local = data.clone();
        local[0] = set_notes(local[0].clone(), "newer local notes", T0 + 50 * DAY_MS);
        local[1].notes = "tie".into();
        local.truncate(2);
        let r = import_json(&backup, &local).unwrap();
        assert_eq!(
            r.merged[0].notes, "newer local notes",
            "newer local copy kept"
        );
        assert_eq!(r.merged[1].notes, "tie", "a tie keeps the existing copy");
        assert_eq!((r.added, r.updated, r.skipped_older), (1, 0, 2));
        assert_eq!(r.changed, ["linkedin.com/in/jörg"]);
        // And an import that is newer does replace.
        let newer = set_notes(data[0].clone(), "from the other laptop", T0 + 60 * DAY_MS);
        let r = import_json(&export_json(std::slice::from_ref(&newer), None, T0), &local).unwrap();
        assert_eq!(r.merged[0], newer);
        assert_eq!((r.updated, r.changed.len()), (1, 1));
    }

    #[test]
    fn duplicates_in_a_file_keep_the_newer_copy() {
        let a = recorded("a", "A", None, T0);
        let a2 = set_notes(a.clone(), "later", T0 + 10);
        let r = import_json(&export_json(&[a2.clone(), a], None, T0), &[]).unwrap();
        assert_eq!(r.merged, vec![a2]);
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.warnings[0].kind, WarningKind::Duplicate);
    }

    #[test]
    fn malformed_imports_are_refused_with_the_place_named() {
        let existing = sample();
        let err = |text: &str| import_json(text, &existing).unwrap_err();

        let e = err("{\n  \"schema\": 1,\n  \"contacts\": [\n    {\"key\": \"x\",}\n  ]\n}");
        assert_eq!((e.line, e.column), (Some(4), Some(17)), "{e}");
        assert!(
            e.to_string()
                .starts_with("import refused: line 4, column 17: not valid JSON"),
            "{e}"
        );

        let mut v = exported(&existing);
        v["contacts"][1]["follow_up_at"] = json!("next week");
        let e = err(&v.to_string());
        assert_eq!(e.field.as_deref(), Some("contacts[1].follow_up_at"));
        assert!(e.message.contains("expected a time in milliseconds"), "{e}");
        assert!(e.message.contains("\"next week\""), "{e}");

        let mut v = exported(&existing);
        v["contacts"][2].as_object_mut().unwrap().remove("updated");
        assert_eq!(
            err(&v.to_string()).to_string(),
            "import refused: contacts[2].updated: missing"
        );

        let mut v = exported(&existing);
        v["contacts"][0]["key"] = json!("https://www.linkedin.com/company/acme");
        let e = err(&v.to_string());
        assert_eq!(e.field.as_deref(), Some("contacts[0].key"));
        assert!(e.message.contains("not a LinkedIn profile page"), "{e}");

        let mut v = exported(&existing);
        v["contacts"][0]["schema"] = json!(SCHEMA_VERSION + 1);
        assert!(err(&v.to_string())
            .to_string()
            .contains("newer version of Rapport"));

        let mut v = exported(&existing);
        v["schema"] = json!(99);
        assert_eq!(err(&v.to_string()).field.as_deref(), Some("schema"));

        let mut v = exported(&existing);
        v["contacts"][1] = json!(42);
        assert!(err(&v.to_string())
            .to_string()
            .contains("contacts[1]: expected a contact object"));

        let mut v = exported(&existing);
        v["settings"] = json!({ "notifications": "yes" });
        assert_eq!(
            err(&v.to_string()).field.as_deref(),
            Some("settings.notifications")
        );

        assert_eq!(err("[]").field, None);
        assert!(err("[]").message.contains("found a list"));
        assert_eq!(err(r#"{"schema":1}"#).field.as_deref(), Some("contacts"));
        assert_eq!(
            err(r#"{"format":"other","schema":1,"contacts":[]}"#)
                .field
                .as_deref(),
            Some("format")
        );
        assert!(err("").line.is_some());
    }

    #[test]
    fn a_bom_before_the_json_is_accepted() {
        let text = format!("{CSV_BOM}{}", export_json(&sample(), None, T0));
        assert_eq!(import_json(&text, &[]).unwrap().added, 3);
    }

    #[test]
    fn csv_has_header_iso_times_and_rfc4180_quoting() {
        let csv = export_csv(&sample());
        assert!(csv.starts_with(CSV_BOM));
        let lines: Vec<&str> = csv[CSV_BOM.len()..].split("\r\n").collect();
        assert_eq!(
            lines[0],
            "name,profile_url,headline,company,invited_at,note_sent,notes,follow_up_at,done_at,\
             status,status_at,note_score,last_interaction_at,cadence_days,updated"
        );
        assert_eq!(
            lines[1],
            "Bob,https://www.linkedin.com/in/bob/,Staff Engineer at Acme,Acme,\
             2026-01-01T00:00:00Z,,,,2026-01-10T00:00:00Z,pending,2026-01-01T00:00:00Z,,,,\
             2026-01-10T00:00:00Z"
        );
        assert!(lines[2].starts_with("Jörg Müller,https://www.linkedin.com/in/j%C3%B6rg/,"));
        // Sarah's notes hold a comma, quotes and a line break: one quoted field.
        let sarah = &csv[csv.find("Sarah Chen").unwrap()..];
        assert!(
            sarah.contains(",\"Met at RustConf, \"\"wasm\"\" fan\nsecond line\","),
            "{sarah}"
        );
        assert_eq!(lines.last(), Some(&""), "every row ends with CRLF");
    }

    #[test]
    fn csv_defuses_formula_injection() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_cell("+1 555"), "'+1 555");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tcmd"), "'\tcmd");
        assert_eq!(csv_cell("\r=1"), "\"'\r=1\"");
        assert_eq!(csv_cell("a=b"), "a=b");
        assert_eq!(csv_cell(""), "");
        let evil = set_notes(recorded("e", "=cmd|' /C calc'!A0", None, T0), "@x", T0 + 1);
        let csv = export_csv(&[evil]);
        assert!(csv.contains("\r\n'=cmd|' /C calc'!A0,"), "{csv}");
        assert!(csv.contains(",'@x,"), "{csv}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::super::tests::{recorded, T0};
    use super::super::*;
    use super::*;
    use proptest::prelude::*;

    /// A strict RFC 4180 reader, to check the writer.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut cell) = (Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut at_start = true;
        while let Some(c) = chars.next() {
            match c {
                '"' if at_start => loop {
                    match chars.next().expect("unterminated quote") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        '"' => break,
                        c => cell.push(c),
                    }
                },
                ',' => row.push(std::mem::take(&mut cell)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                '"' | '\n' => panic!("{c:?} outside quotes"),
                c => cell.push(c),
            }
            at_start = matches!(c, ',' | '\r');
        }
        assert!(row.is_empty() && cell.is_empty(), "last row lacks CRLF");
        rows
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zA-Zé ,\"'=+@\\-\t\r\n<>]{0,24}").unwrap()
    }

    proptest! {
        #[test]
        fn csv_reads_back_cell_for_cell(name in text(), notes in text(), note in text()) {
            let c = set_notes(recorded("p", "x", Some(&note), T0), &notes, T0 + 1);
            let c = Contact { name: name.clone(), ..c };
            let csv = export_csv(std::slice::from_ref(&c));
            let rows = read_csv(&csv[CSV_BOM.len()..]);
            prop_assert_eq!(rows.len(), 2);
            prop_assert_eq!(&rows[0], &CSV_COLUMNS.map(String::from).to_vec());
            let defused = |s: &str| {
                if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
            };
            prop_assert_eq!(&rows[1][0], &defused(&name));
            prop_assert_eq!(&rows[1][5], &defused(c.note_sent.as_deref().unwrap_or("")));
            prop_assert_eq!(&rows[1][6], &defused(&notes));
            for cell in &rows[1] {
                prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']));
            }
        }

        #[test]
        fn json_round_trips_any_text(name in text(), notes in text(), days in 0u32..400) {
            let s = Settings { follow_up_days: days, ..Settings::default() };
            let url = "https://www.linkedin.com/in/p";
            let inv = Invitation { url: url.into(), name, note: Some(notes.clone()), ..Default::default() };
            let c = set_notes(record_invitation(None, &inv, T0, &s).unwrap(), &notes, T0 + 1);
            let back = import_json(&export_json(std::slice::from_ref(&c), Some(&s), T0), &[]).unwrap();
            prop_assert_eq!(back.merged, vec![c]);
            prop_assert_eq!(back.settings, Some(s.normalised()));
        }
    }
}
