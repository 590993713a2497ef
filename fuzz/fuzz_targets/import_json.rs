//! `rapport::followup::import_json` on arbitrary text (lossy UTF-8) against a small
//! existing list. It never panics and is pure (the same answer twice, the existing
//! list untouched, so a refused file changes nothing). An accepted file merges
//! consistently, and what it produced survives a round trip: exported and imported
//! again it gives the same contacts and settings, and importing the same file a
//! second time changes nothing.

#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rapport::followup::{
    export_csv, export_json, import_json, normalize_profile_url, profile_url, record_invitation,
    set_notes, Contact, Invitation, Settings,
};

const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

/// Three stored contacts; the seeds' exports mention some of them.
fn existing() -> &'static [Contact] {
    static LIST: OnceLock<Vec<Contact>> = OnceLock::new();
    LIST.get_or_init(|| {
        let record = |url: &str, name: &str, note: Option<&str>, at: i64| {
            let invite = Invitation {
                url: url.to_string(),
                name: name.to_string(),
                headline: Some("Staff Engineer at Acme".to_string()),
                company: Some("Acme".to_string()),
                note: note.map(str::to_string),
            };
            record_invitation(None, &invite, at, &Settings::default()).unwrap()
        };
        vec![
            record(
                "https://www.linkedin.com/in/sarah-chen/",
                "Sarah Chen",
                Some("Hi Sarah, loved your RustConf talk on wasm."),
                T0,
            ),
            set_notes(
                record("/in/jos%C3%A9-garc%C3%ADa", "José García", None, T0 + 1000),
                "Met at the Zürich meetup 👋",
                T0 + 2000,
            ),
            record("linkedin.com/in/zoe", "Zoë", Some("Hi Zoë!"), T0 + 3000),
        ]
    })
}

fn sorted(mut v: Vec<Contact>) -> Vec<Contact> {
    v.sort_by(|a, b| a.key.cmp(&b.key));
    v
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let existing = existing();
    let snapshot = existing.to_vec();

    let first = import_json(&text, existing);
    assert_eq!(existing, &snapshot[..], "import changed the existing list");
    assert_eq!(
        import_json(&text, existing),
        first,
        "import is not deterministic"
    );
    let Ok(res) = first else {
        return;
    };

    // The merge adds up.
    assert_eq!(res.merged.len(), existing.len() + res.added);
    assert_eq!(res.changed.len(), res.added + res.updated);
    for (c, old) in res.merged.iter().zip(existing) {
        assert_eq!(c.key, old.key, "existing order not kept");
        assert!(
            c == old || c.updated > old.updated,
            "older copy replaced {}",
            c.key
        );
    }
    let mut keys = HashSet::new();
    for c in &res.merged {
        assert!(keys.insert(c.key.as_str()), "{} twice in merged", c.key);
        assert_eq!(
            normalize_profile_url(&c.key).as_ref(),
            Ok(&c.key),
            "merged key is not normalised"
        );
        assert_eq!(c.url, profile_url(&c.key));
    }
    for k in &res.changed {
        assert!(keys.contains(k.as_str()), "changed {k} is not in merged");
    }
    let _ = export_csv(&res.merged);

    // Importing the same file again changes nothing.
    let twice = import_json(&text, &res.merged).expect("accepted once, refused twice");
    assert!(
        twice.changed.is_empty(),
        "second import changed {:?}",
        twice.changed
    );
    assert_eq!(twice.merged, res.merged);

    // What was imported exports and imports back the same.
    let json = export_json(&res.merged, res.settings.as_ref(), T0);
    let back =
        import_json(&json, &[]).unwrap_or_else(|e| panic!("own export refused: {e}\n{json}"));
    assert_eq!(sorted(back.merged), sorted(res.merged.clone()));
    assert_eq!(back.settings, res.settings);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let onto = import_json(&json, &res.merged).expect("own export refused");
    assert!(onto.changed.is_empty());
    assert_eq!(onto.unchanged, res.merged.len());
});
