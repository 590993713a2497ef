//! `rapport::followup::load_all` (and `parse_stored`) on any JSON value serde_json
//! parses from the input: what `chrome.storage.local.get(null)` could resolve to
//! after a bug, an old version or another extension wrote there. It never panics,
//! keeps exactly the contact items `parse_stored` accepts, and what it returns can
//! be written back and read again unchanged, without warnings.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport::followup::{
    load_all, normalize_profile_url, parse_stored, storage_key, WarningKind, CONTACT_PREFIX,
    SCHEMA_KEY, SCHEMA_VERSION, SETTINGS_KEY,
};
use serde_json::{json, Map, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(items) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let loaded = load_all(&items);
    assert_eq!(load_all(&items), loaded, "load_all is not deterministic");
    assert_eq!(
        loaded.read_only,
        loaded
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::FutureSchema),
        "read_only without a future-schema warning, or the reverse"
    );
    assert!(loaded.contacts.windows(2).all(|w| w[0].key < w[1].key));
    for c in &loaded.contacts {
        assert_eq!(normalize_profile_url(&c.key).as_ref(), Ok(&c.key));
        assert_eq!(c.schema, SCHEMA_VERSION);
    }
    let Some(obj) = items.as_object() else {
        assert!(loaded.contacts.is_empty() && !loaded.warnings.is_empty());
        return;
    };
    // Exactly the contact items parse_stored accepts are loaded.
    let mut accepted = 0;
    for (key, value) in obj {
        if let Ok(c) = parse_stored(key, value) {
            accepted += 1;
            assert_eq!(storage_key(&c.key), *key);
            assert!(
                loaded.contacts.contains(&c),
                "{key} accepted but not loaded"
            );
        } else {
            assert!(!loaded.contacts.iter().any(|c| storage_key(&c.key) == *key));
        }
    }
    assert_eq!(accepted, loaded.contacts.len());

    // Writing back what was loaded (as the extension does) reads back the same.
    let mut store = Map::new();
    for c in &loaded.contacts {
        assert!(!c.key.is_empty() && storage_key(&c.key).starts_with(CONTACT_PREFIX));
        store.insert(storage_key(&c.key), serde_json::to_value(c).unwrap());
    }
    store.insert(
        SETTINGS_KEY.to_string(),
        serde_json::to_value(&loaded.settings).unwrap(),
    );
    store.insert(SCHEMA_KEY.to_string(), json!(SCHEMA_VERSION));
    let again = load_all(&Value::Object(store));
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert!(!again.read_only && !again.write_schema);
    assert_eq!(again.contacts, loaded.contacts);
    assert_eq!(again.settings, loaded.settings);
});
