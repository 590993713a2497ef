//! `rapport::followup::parse_relative` on arbitrary text (lossy UTF-8) at a time taken
//! from the first 8 bytes: relative ages and the absolute "Connected on <Month> <D>,
//! <YYYY>" dates alike (one entry point; seeds and dictionary hold both). It never panics; a range is ordered, never after `now`
//! and within `[0, MAX_TIME]`; the answer does not depend on letter case; and when
//! a sent-invitations row with that text is observed, the contact's send time lies
//! in the range (the same parser, through `observe`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport::followup::{
    observe, parse_relative, Observation, Seen, Settings, TimeRange, MAX_TIME,
};

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(8));
    let mut bytes = [0u8; 8];
    bytes[..head.len()].copy_from_slice(head);
    // Mostly plausible times (0 to MAX_TIME), sometimes anything at all.
    let raw = i64::from_le_bytes(bytes);
    let now = if raw < 0 { raw } else { raw % (MAX_TIME + 1) };
    let text = String::from_utf8_lossy(rest);
    let Some(TimeRange { earliest, latest }) = parse_relative(&text, now) else {
        if text.is_ascii() {
            assert_eq!(parse_relative(&text.to_uppercase(), now), None, "{text:?}");
        }
        return;
    };
    let clamped = now.clamp(0, MAX_TIME);
    assert!(
        0 <= earliest && earliest <= latest && latest <= clamped,
        "{text:?} at {now}: {earliest}..{latest}"
    );
    // Upper case may fold differently (ß to SS), so only ASCII text is compared.
    if text.is_ascii() {
        assert_eq!(
            parse_relative(&text.to_uppercase(), now),
            Some(TimeRange { earliest, latest }),
            "{text:?}"
        );
    }
    let obs = Observation {
        url: "https://www.linkedin.com/in/fuzz/".into(),
        name: String::new(),
        headline: None,
        seen: Seen::SentRow {
            sent: text.to_string(),
            note: None,
        },
    };
    let c = observe(None, &obs, now, &Settings::default())
        .expect("a fixed profile URL")
        .expect("a sent row records an unknown person");
    assert_eq!(c.invited_at, Some(latest));
});
