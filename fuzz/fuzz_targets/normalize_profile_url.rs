//! `rapport::followup::normalize_profile_url` on arbitrary text (lossy UTF-8). It
//! never panics; an accepted URL gives `linkedin.com/in/<slug>` with a non-empty,
//! lower-case slug of letters, digits, `-` and `_`, and the key is a fixed point:
//! normalising the key itself, or the address `profile_url` builds from it, gives
//! the same key back (contact keys are stored, exported and re-imported).

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport::followup::{normalize_profile_url, profile_url, KEY_PREFIX};

fuzz_target!(|data: &[u8]| {
    let url = String::from_utf8_lossy(data);
    let key = match normalize_profile_url(&url) {
        Ok(key) => key,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let slug = key
        .strip_prefix(KEY_PREFIX)
        .unwrap_or_else(|| panic!("{url:?} -> {key:?} lacks {KEY_PREFIX}"));
    assert!(!slug.is_empty(), "{url:?} -> empty slug");
    assert!(
        slug.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_'),
        "{url:?} -> {key:?}: slug has other characters"
    );
    assert_eq!(
        slug.to_lowercase(),
        slug,
        "{url:?} -> {key:?}: not lower case"
    );
    assert_eq!(
        normalize_profile_url(&key).as_ref(),
        Ok(&key),
        "{url:?} -> {key:?}: the key does not normalise to itself"
    );
    let link = profile_url(&key);
    assert_eq!(
        normalize_profile_url(&link).as_ref(),
        Ok(&key),
        "{url:?} -> {key:?} -> {link:?}: the profile link does not give the key back"
    );
});
