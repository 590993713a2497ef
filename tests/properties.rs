//! Property tests for the engine: it never panics, its spans are valid UTF-16 spans
//! of the text, its score stays in range, and applying a finding's fix removes that
//! finding without touching the text around it.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rapport::{analyze, text::utf16_to_byte, Context, Kind, Recipient, Units};

/// Pieces real notes are made of, plus the awkward ones (emoji, accents, template
/// fields, filler, links, shouting), so generated notes reach every rule.
const FRAGMENTS: &[&str] = &[
    "Hi Sarah, ",
    "Hello ",
    "Dear Sir/Madam, ",
    "Hey there! ",
    "Hi {first_name}, ",
    "[Company]",
    "I'd like to add you to my professional network on LinkedIn.",
    "I saw your talk at RustConf. ",
    "I loved your post about wasm. ",
    "We both studied at ETH. ",
    "I'm reaching out because ",
    "I'm building a linter in Rust. ",
    "Happy to share our benchmarks. ",
    "What got you into compilers? ",
    "Could you introduce me to your network? ",
    "Can we book a 15-minute demo? ",
    "ASAP!!! ",
    "URGENT ",
    "You are a genius. ",
    "https://example.com/x ",
    "I am writing to ",
    "in order to ",
    "I I I me my ",
    "José ",
    "Zoë ",
    "Siobhán ",
    "👋 ",
    "🚀🚀 ",
    "👩‍💻 ",
    "e\u{301} ",
    "\n",
    "  ",
    "\t",
    "?",
    "!",
    ".",
    ", ",
    "…",
    "’",
    "İstanbul ",
    "ß ",
    "ﬁ ",
    "\u{200b}",
    "\u{feff}",
    "日本語のメモ ",
    "XXX ",
    "<Name> ",
    "%FIRST_NAME% ",
    "{{company}} ",
];

fn note() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[a-zA-Z ]{0,12}",
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

fn context() -> impl Strategy<Value = Context> {
    (
        prop::option::of(prop::sample::select(
            &[
                "Sarah Chen",
                "John Okafor",
                "José García",
                "Zoë",
                "  ",
                "Dr. Ana Lima",
            ][..],
        )),
        prop::option::of(prop::sample::select(&["Acme", "Globex", ""][..])),
        prop::sample::select(&[0usize, 20, 200, 300][..]),
        any::<bool>(),
    )
        .prop_map(|(name, company, limit, message)| Context {
            recipient: Recipient {
                name: name.map(str::to_string),
                company: company.map(str::to_string),
                headline: None,
            },
            limit,
            kind: if message {
                Kind::Message
            } else {
                Kind::Invitation
            },
            disabled: Vec::new(),
        })
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reports_are_well_formed(text in note(), ctx in context()) {
        let r = analyze(&text, &ctx);
        let len = utf16(&text).len();
        prop_assert!(r.score <= 100);
        prop_assert_eq!(r.length, len);
        prop_assert_eq!(r.limit, ctx.limit);
        let sum: u32 = r.categories.iter().map(|c| u32::from(c.score)).sum();
        prop_assert!(u32::from(r.score) <= sum);
        for c in &r.categories {
            prop_assert!(c.score <= c.max);
        }
        for f in &r.findings {
            prop_assert!(f.start <= f.end && f.end <= len, "{:?} outside 0..{}", f, len);
            prop_assert!(utf16_to_byte(&text, f.start).is_some(), "start splits a character: {:?}", f);
            prop_assert!(utf16_to_byte(&text, f.end).is_some(), "end splits a character: {:?}", f);
            prop_assert!(!f.message.is_empty());
        }
    }

    #[test]
    fn applying_a_fix_removes_its_finding(text in note(), ctx in context()) {
        let r = analyze(&text, &ctx);
        let before = utf16(&text);
        for f in r.findings.iter().filter(|f| f.replacement.is_some()) {
            let fixed = f.apply(&text, Units::Utf16).expect("a reported fix applies");
            let after = utf16(&fixed);
            // Nothing outside the span changed.
            prop_assert_eq!(&after[..f.start], &before[..f.start]);
            prop_assert_eq!(&after[after.len() - (before.len() - f.end)..], &before[f.end..]);
            let count = |rep: &rapport::Report| rep.findings.iter().filter(|g| g.rule == f.rule).count();
            let again = analyze(&fixed, &ctx);
            prop_assert!(
                count(&again) < count(&r),
                "fix for {} did not remove it: {:?} -> {:?}", f.rule, text, fixed
            );
        }
    }
}

#[test]
fn huge_paste_is_bounded_and_counted_in_full() {
    let text = "Hi Sarah, 👋 I saw your talk. ".repeat(40_000); // about 1.2 MB
    let r = analyze(&text, &Context::default());
    assert!(r.truncated);
    assert_eq!(r.length, text.encode_utf16().count());
    assert!(r.findings.iter().any(|f| f.rule == "over-limit"));
}
