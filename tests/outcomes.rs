//! Invitation outcomes end to end in Rust: a person's fortnight of invitations and
//! observations, and the migration of schema 1 data (fixtures in tests/fixtures/schema1,
//! written by the schema 1 code) that must lose nothing.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use rapport::followup::*;
use serde_json::{json, Value};

const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const DAY: i64 = DAY_MS;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schema1")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The schema 1 fields of a contact as JSON, to compare old and migrated data.
fn schema1_fields(v: &Value) -> Value {
    let keep = [
        "key",
        "url",
        "name",
        "headline",
        "company",
        "invited_at",
        "note_sent",
        "notes",
        "follow_up_at",
        "done_at",
        "updated",
    ];
    Value::Object(
        keep.iter()
            .map(|k| (k.to_string(), v.get(*k).cloned().unwrap_or(Value::Null)))
            .collect(),
    )
}

#[test]
fn a_schema_1_export_imports_and_loses_nothing() {
    let text = fixture("export.json");
    let old: Value = serde_json::from_str(&text).unwrap();
    let r = import_json(&text, &[]).expect("a schema 1 export imports");
    let old_contacts = old["contacts"].as_array().unwrap();
    assert_eq!(r.added, old_contacts.len());
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    for (before, after) in old_contacts.iter().zip(&r.merged) {
        let after_json = serde_json::to_value(after).unwrap();
        assert_eq!(schema1_fields(&after_json), schema1_fields(before));
        assert_eq!(after.schema, SCHEMA_VERSION);
        // An invitation of schema 1 is pending since it was sent; its note unscored.
        match after.invited_at {
            Some(t) => assert_eq!(
                (after.status, after.status_at),
                (Some(InviteStatus::Pending), Some(t))
            ),
            None => assert_eq!(after.status, None),
        }
        assert_eq!(
            (
                after.note_score,
                after.last_interaction_at,
                after.cadence_days
            ),
            (None, None, None)
        );
    }
    let settings = r.settings.clone().unwrap();
    assert_eq!((settings.follow_up_days, settings.limit), (3, 200));
    assert_eq!(
        settings.pending_days, DEFAULT_PENDING_DAYS,
        "new settings take defaults"
    );
    // Exported again (schema 2) and imported: the same contacts.
    let again = export_json(&r.merged, Some(&settings), T0);
    assert!(again.contains("\"schema\":2"));
    let back = import_json(&again, &[]).unwrap();
    assert_eq!(back.merged, r.merged);
    assert_eq!(back.settings, Some(settings));
    // Merged into data that already has them: unchanged.
    assert_eq!(
        import_json(&text, &r.merged).unwrap().unchanged,
        old_contacts.len()
    );
}

#[test]
fn schema_1_storage_is_migrated_on_reading() {
    let items: Value = serde_json::from_str(&fixture("storage.json")).unwrap();
    let loaded = load_all(&items);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(!loaded.read_only);
    assert!(
        loaded.write_schema,
        "schema_version 1 must be rewritten as 2"
    );
    assert_eq!(loaded.migrated.len(), loaded.contacts.len());
    for c in &loaded.contacts {
        let stored = &items[storage_key(&c.key)];
        assert_eq!(
            schema1_fields(&serde_json::to_value(c).unwrap()),
            schema1_fields(stored)
        );
    }
    assert_eq!(loaded.settings.limit, 200);
    // Written back in today's shape, it reads back the same and needs nothing more.
    let mut rewritten = serde_json::Map::new();
    rewritten.insert(SCHEMA_KEY.into(), json!(SCHEMA_VERSION));
    rewritten.insert(
        SETTINGS_KEY.into(),
        serde_json::to_value(&loaded.settings).unwrap(),
    );
    for c in &loaded.contacts {
        rewritten.insert(storage_key(&c.key), serde_json::to_value(c).unwrap());
    }
    let reread = load_all(&Value::Object(rewritten));
    assert_eq!(reread.contacts, loaded.contacts);
    assert!(!reread.write_schema && reread.migrated.is_empty());

    let first: Value = serde_json::from_str(&fixture("storage-first-build.json")).unwrap();
    let loaded = load_all(&first);
    assert!(loaded.write_schema && loaded.warnings.is_empty());
    assert_eq!(loaded.settings.disabled_rules, ["filler", "too-short"]);
    let ada = &loaded.contacts[0];
    assert_eq!((ada.notes.as_str(), ada.status), ("met at a meetup", None));
    let bob = &loaded.contacts[1];
    assert_eq!(bob.done_at, Some(1_768_003_200_000));
    assert_eq!(bob.status, Some(InviteStatus::Pending));
}

#[test]
fn corrupt_input_is_refused_with_the_place_named_and_changes_nothing() {
    let text = fixture("export.json");
    let existing = import_json(&text, &[]).unwrap().merged;
    let cut = &text[..text.len() / 2];
    let e = import_json(cut, &existing).unwrap_err();
    assert!(e.line.is_some(), "{e}");
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["schema"] = json!(2);
    v["contacts"][1]["status"] = json!("declined");
    let e = import_json(&v.to_string(), &existing).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("contacts[1].status"));
    assert!(e.message.contains("\"pending\", \"accepted\""), "{e}");
    for (field, bad) in [
        ("note_score", json!(101)),
        ("note_score", json!("high")),
        ("cadence_days", json!(-7)),
        ("status_at", json!("yesterday")),
        ("last_interaction_at", json!(1.5)),
    ] {
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["contacts"][0][field] = bad.clone();
        let e = import_json(&v.to_string(), &existing).unwrap_err();
        assert_eq!(
            e.field.as_deref(),
            Some(format!("contacts[0].{field}").as_str()),
            "{bad}: {e}"
        );
    }
    // In storage a corrupt item is skipped with a warning; the others load.
    let mut items: Value = serde_json::from_str(&fixture("storage.json")).unwrap();
    items["contact:linkedin.com/in/sarah-chen"]["status"] = json!(3);
    let loaded = load_all(&items);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .to_string()
            .contains("sarah-chen: status"),
        "{}",
        loaded.warnings[0]
    );
    assert_eq!(loaded.contacts.len(), 3);
}

/// The fortnight: three invitations (two notes of different scores, one blank),
/// the sent-invitations page days later with two still pending, a profile showing 1st
/// degree, a notification, a message, a withdrawal.
#[test]
fn a_fortnight_of_invitations() {
    let s = Settings::default();
    let url = |slug: &str| format!("https://www.linkedin.com/in/{slug}/");
    let send = |slug: &str, name: &str, note: Option<&str>, at| {
        let inv = Invitation {
            url: url(slug),
            name: name.into(),
            headline: Some("Data Engineer at Initech".into()),
            company: Some("Initech".into()),
            note: note.map(String::from),
        };
        record_invitation(None, &inv, at, &s).unwrap()
    };
    let mut ana = send(
        "ana-lima",
        "Ana Lima",
        Some(
            "Hi Ana, I enjoyed your talk at PyData Berlin on streaming joins at Initech. \
              I'm building something similar; would you share what you learned about late data?",
        ),
        T0,
    );
    let mut ben = send(
        "ben-ode",
        "Ben Ode",
        Some("I'd like to add you to my professional network on LinkedIn."),
        T0,
    );
    let mut cy = send("cy-park", "Cy Park", None, T0 + DAY);
    assert!(ana.note_score.unwrap() >= 70, "{:?}", ana.note_score);
    assert!(ben.note_score.unwrap() < 40, "{:?}", ben.note_score);
    assert_eq!(cy.note_score, None);

    let obs = |slug: &str, seen: Seen| Observation {
        url: url(slug),
        name: String::new(),
        headline: None,
        seen,
    };
    let apply = |c: &mut Contact, o: Observation, at: i64| {
        if let Some(next) = observe(Some(c.clone()), &o, at, &s).unwrap() {
            *c = next;
        }
    };
    // Day 3: the sent-invitations page shows Ana and Ben pending (Cy's row is gone).
    let row = |sent: &str| Seen::SentRow {
        sent: sent.into(),
        note: None,
    };
    apply(
        &mut ana,
        obs("ana-lima", row("Sent 3 days ago")),
        T0 + 3 * DAY,
    );
    apply(
        &mut ben,
        obs("ben-ode", row("Sent 3 days ago")),
        T0 + 3 * DAY,
    );
    assert_eq!(ana.invited_at, Some(T0), "the recorded time stays");
    // Day 4: Ana's profile shows 1st degree; day 5 a notification says Cy accepted 1 day ago.
    apply(
        &mut ana,
        obs(
            "ana-lima",
            Seen::TopCard {
                state: TopCard::Connected,
            },
        ),
        T0 + 4 * DAY,
    );
    apply(
        &mut cy,
        obs(
            "cy-park",
            Seen::Accepted {
                when: Some("1d".into()),
            },
        ),
        T0 + 5 * DAY,
    );
    assert_eq!(ana.status, Some(InviteStatus::Accepted));
    assert_eq!(
        (ana.status_at, cy.status),
        (Some(T0 + 4 * DAY), Some(InviteStatus::Accepted))
    );
    assert_eq!(cy.status_at, Some(T0 + 5 * DAY - DAY / 2));
    // Day 6: a message to Ana, who is followed up every 2 weeks from now on.
    ana = set_rhythm(ana, Rhythm::Weeks(2), T0 + 6 * DAY);
    apply(&mut ana, obs("ana-lima", Seen::MessageSent), T0 + 6 * DAY);
    assert_eq!(ana.last_interaction_at, Some(T0 + 6 * DAY));
    assert_eq!(ana.follow_up_at, Some(T0 + 20 * DAY));
    // Day 15: Ben still pending: due with both reasons.
    let day15 = T0 + 15 * DAY;
    let all = vec![ana.clone(), ben.clone(), cy.clone()];
    let due = due_list(&all, day15, &s);
    let names: Vec<&str> = due.iter().map(|i| i.contact.name.as_str()).collect();
    assert_eq!(names, ["Ben Ode", "Cy Park"], "follow-ups from day 7 and 8");
    assert_eq!(due[0].reasons.len(), 2);
    assert!(due[0].withdraw_url.is_some() && due[1].withdraw_url.is_none());
    // Day 16: Ben is withdrawn on the sent-invitations page.
    apply(&mut ben, obs("ben-ode", Seen::Withdrawn), T0 + 16 * DAY);
    assert_eq!(
        (ben.status, ben.status_at),
        (Some(InviteStatus::Withdrawn), Some(T0 + 16 * DAY))
    );
    let all = vec![ana.clone(), ben.clone(), cy.clone()];
    let due = due_list(&all, T0 + 16 * DAY, &s);
    assert_eq!(
        due.len(),
        2,
        "Ben's follow-up is still due; his invitation is not"
    );
    assert!(due.iter().all(|i| i.withdraw_url.is_none()));
    // Insights: 2 of 3 accepted; note 1 of 2, no note 1 of 1; all too early to tell.
    let ins = insights(&all, T0 + 16 * DAY, 0, &s);
    assert_eq!((ins.overall.accepted, ins.overall.decided()), (2, 3));
    assert!(ins.overall.too_early);
    let notes = &ins.tables[1].groups;
    assert_eq!((notes[0].accepted, notes[0].decided()), (1, 2));
    assert_eq!((notes[1].accepted, notes[1].decided()), (1, 1));
    let bands = &ins.tables[0].groups;
    assert_eq!((bands[0].not_accepted, bands[2].accepted), (1, 1));
    // The export carries it all, and the CSV has the columns.
    let json: Value = serde_json::from_str(&export_json(&all, Some(&s), T0 + 16 * DAY)).unwrap();
    let exported = |key: &str| {
        json["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == key)
            .unwrap()
            .clone()
    };
    let a = exported("linkedin.com/in/ana-lima");
    assert_eq!(a["status"], "accepted");
    assert_eq!(a["cadence_days"], 14);
    assert_eq!(a["last_interaction_at"], T0 + 6 * DAY);
    assert_eq!(exported("linkedin.com/in/ben-ode")["status"], "withdrawn");
    assert_eq!(
        exported("linkedin.com/in/cy-park")["note_score"],
        Value::Null
    );
    let csv = export_csv(&all);
    assert!(csv.contains(",accepted,2026-01-05T00:00:00Z,"), "{csv}");
    assert!(csv.contains(",withdrawn,2026-01-17T00:00:00Z,"), "{csv}");
}

/// The newer connections page dates a connection absolutely ("Connected on January 3,
/// 2026"): the acceptance is dated to the end of that day in the westernmost time zone,
/// never after `now` nor before the invitation; text that is no date leaves it at `now`.
#[test]
fn a_connection_dated_connected_on_a_day() {
    let s = Settings::default();
    let url = "https://www.linkedin.com/in/ana-lima/";
    let inv = Invitation {
        url: url.into(),
        name: "Ana Lima".into(),
        ..Invitation::default()
    };
    let sent = record_invitation(None, &inv, T0, &s).unwrap();
    let seen = |when: &str, at: i64| {
        let o = Observation {
            url: url.into(),
            name: "Ana Lima".into(),
            headline: None,
            seen: Seen::Connection {
                when: Some(when.into()),
            },
        };
        observe(Some(sent.clone()), &o, at, &s).unwrap().unwrap()
    };
    let hour = DAY / 24;
    // 2026-01-03, seen on day 9: the end of January 3 at UTC-12.
    let c = seen("Connected on January 3, 2026", T0 + 9 * DAY);
    assert_eq!(c.status, Some(InviteStatus::Accepted));
    assert_eq!(c.status_at, Some(T0 + 3 * DAY + 12 * hour - 1));
    // Seen the same day: now.
    let c = seen("Jan 3, 2026", T0 + 2 * DAY + 10 * hour);
    assert_eq!(c.status_at, Some(T0 + 2 * DAY + 10 * hour));
    // A day before the invitation (a clock or zone mix-up): not before the invitation.
    let c = seen("Connected on December 30, 2025", T0 + 9 * DAY);
    assert_eq!(c.status_at, Some(T0));
    // No date: accepted when seen.
    for text in [
        "Connected on Smarch 3, 2026",
        "Connected on February 30, 2026",
        "Connected on January 30, 2026",
    ] {
        let c = seen(text, T0 + 9 * DAY);
        assert_eq!(c.status_at, Some(T0 + 9 * DAY), "{text}");
    }
}

/// `rapport stats EXPORT.json` prints the insights table from an export.
#[test]
fn stats_prints_the_table_from_an_export() {
    let s = Settings::default();
    let note =
        "Hi, I came across your profile and would love to connect and learn about your work.";
    let contacts: Vec<Contact> = (0..24i64)
        .map(|i| {
            let inv = Invitation {
                url: format!("https://www.linkedin.com/in/p{i}/"),
                name: format!("P{i}"),
                note: (i % 4 != 0).then(|| note.to_string()),
                ..Invitation::default()
            };
            let c = record_invitation(None, &inv, T0 + i * DAY, &s).unwrap();
            let o = Observation {
                url: inv.url.clone(),
                name: String::new(),
                headline: None,
                seen: Seen::TopCard {
                    state: TopCard::Connected,
                },
            };
            if i % 2 == 0 {
                observe(Some(c.clone()), &o, T0 + (i + 1) * DAY, &s)
                    .unwrap()
                    .unwrap()
            } else {
                c
            }
        })
        .collect();
    let dir = std::env::temp_dir().join(format!("rapport-stats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("export.json");
    std::fs::write(&path, export_json(&contacts, Some(&s), T0)).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
            .args(args)
            .output()
            .unwrap()
    };
    let now = (T0 + 60 * DAY).to_string();
    let out = run(&["stats", path.to_str().unwrap(), "--now", &now]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Acceptance of 24 invitations (24 decided, 0 pending)"),
        "{text}"
    );
    let line = |start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no {start:?} in\n{text}"))
            .to_string()
    };
    let all = line("All invitations");
    assert!(
        all.contains("12/24") && all.contains("50%") && !all.contains("too early"),
        "{all}"
    );
    assert!(line("Without a note").contains("too early to tell"));
    assert!(
        line("Hi, I came across").contains("6/18"),
        "the template: {text}"
    );
    assert!(text.contains("By month sent\n  2026-01"), "{text}");
    let json = run(&["stats", path.to_str().unwrap(), "--now", &now, "--json"]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["overall"]["accepted"], 12);
    let bad = run(&["stats", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cannot read"));
    std::fs::remove_dir_all(&dir).ok();
}

/// The panel's advice to send a blank invitation goes with generic drafts only: a note
/// held down by a fault it can fix (the wrong name) is not generic, LinkedIn's default
/// text is.
#[test]
fn the_blank_invitation_advice_is_for_generic_drafts_not_for_fixable_faults() {
    let ctx = rapport::Context {
        recipient: rapport::Recipient {
            name: Some("John Okafor".into()),
            headline: Some("Staff Engineer at Acme | Rust, WebAssembly".into()),
            company: Some("Acme".into()),
        },
        limit: 200,
        ..rapport::Context::default()
    };
    let free = allowance(&[], 0, 0, &Settings::default());
    assert!(
        free.remaining.is_some(),
        "a free account has a monthly allowance"
    );
    let advice = |text: &str| {
        let report = rapport::analyze(text, &ctx);
        (
            report.score.unwrap(),
            report.capped_by.clone(),
            blank_invitation_advice(report.points_before_cap(), &free),
        )
    };

    let (score, capped, said) = advice(
        "Hi Sarah, I enjoyed your talk on wasm tooling at Acme. Would you share the slides?",
    );
    assert!(score < GENERIC_BELOW, "held down: {score}");
    assert_eq!(capped.as_deref(), Some("wrong-name"));
    assert_eq!(said, None, "fix the name, not send a blank note");

    let (score, _, said) = advice("I'd like to add you to my professional network on LinkedIn.");
    assert!(score < GENERIC_BELOW, "{score}");
    assert!(
        said.is_some_and(|a| a.starts_with("A note this generic")),
        "LinkedIn's default text is generic"
    );
}
