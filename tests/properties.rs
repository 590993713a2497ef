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
            language: None,
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
        prop_assert!(r.score.unwrap_or(0) <= 100);
        prop_assert_eq!(r.score.is_none(), !r.supported);
        prop_assert_eq!(r.length, len);
        prop_assert_eq!(r.limit, ctx.limit);
        let sum: u32 = r.categories.iter().map(|c| u32::from(c.score)).sum();
        prop_assert!(u32::from(r.score.unwrap_or(0)) <= sum.max(u32::from(!r.supported) * 100));
        for f in &r.findings {
            prop_assert!(f.points <= 100);
        }
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
            // The "+N" it showed is what the click gave (its rule's only finding).
            if r.supported && count(&r) == 1 && text.len() <= rapport::EXACT_POINTS_BYTES {
                let gained = again.score.unwrap_or(0).saturating_sub(r.score.unwrap_or(0));
                prop_assert_eq!(gained, f.points, "{} on {:?} -> {:?}", f.rule, text, fixed);
            }
        }
    }
}

/// Notes that earned no personal credit, made of the pieces fixes act on.
const THIN: &[&str] = &[
    "Hello",
    "Hi",
    "Hi there,",
    "Hey {first_name},",
    "Dear Sir/Madam,",
    "{first_name}",
    "[Company]",
    "at {company}",
    "I'd like to add you to my professional network on LinkedIn.",
    "I am writing to you in order to connect.",
    "Please reply ASAP!!!",
    "URGENT: let's talk.",
    "You are a genius.",
    "Check https://example.com/x",
    "Let's connect.",
    "Call me on +44 7700 900123.",
    "I just basically wanted to connect.",
    "Could you introduce me to your network?",
    "WE ARE HIRING!!!",
    "Hope this finds you well.",
];

/// The findings that say the note lacks something personal.
fn lacks(r: &rapport::Report) -> Vec<&str> {
    let mut v: Vec<&str> = r
        .findings
        .iter()
        .map(|f| f.rule.as_str())
        .filter(|r| {
            matches!(
                *r,
                "missing-context" | "missing-specifics" | "missing-reason"
            )
        })
        .collect();
    v.dedup();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Applying every offered fix, one after another in any order, never manufactures
    /// credit: what the note lacked (how they know them, something specific, a reason)
    /// it still lacks (a filled template field aside), a note that lacked all three never rises above 60, and no fix
    /// creates an error (a doubled name, a new template field, a wrong name).
    #[test]
    fn fixes_never_game_the_score(
        pieces in prop::collection::vec(prop::sample::select(THIN), 1..6),
        name in prop::sample::select(&["Sarah Chen", "John Smith", "José García"][..]),
        company in prop::option::of(prop::sample::select(&["Acme", "Globex"][..])),
        order in prop::collection::vec(any::<prop::sample::Index>(), 1..12),
    ) {
        let ctx = Context {
            recipient: Recipient {
                name: Some(name.to_string()),
                company: company.map(str::to_string),
                headline: None,
            },
            ..Context::default()
        };
        let mut text = pieces.join(" ");
        let first = analyze(&text, &ctx);
        let lacked_all = lacks(&first).len() == 3;
        let given = name.split(' ').next().unwrap();
        let mut before = first;
        for pick in order {
            let fixes: Vec<&rapport::Finding> =
                before.findings.iter().filter(|f| f.replacement.is_some()).collect();
            if fixes.is_empty() {
                break;
            }
            let f = pick.get(&fixes);
            let next = f.apply(&text, Units::Utf16).expect("a reported fix applies");
            let after = analyze(&next, &ctx);
            // Filling a template field writes what the writer meant to say ("your talk at
            // [Company]"): that may count as theirs. Every other fix only removes,
            // shortens or corrects.
            // A note with no words left lacks everything, though no rule says so.
            let fills = f.rule == "unfilled-placeholder" || !next.chars().any(char::is_alphanumeric);
            for missing in lacks(&before).into_iter().filter(|_| !fills) {
                prop_assert!(
                    lacks(&after).contains(&missing),
                    "the {} fix made {missing} go: {text:?} -> {next:?}", f.rule
                );
            }
            let errors = |r: &rapport::Report| r.findings.iter().filter(|g| g.severity == rapport::Severity::Error).count();
            prop_assert!(
                errors(&after) <= errors(&before),
                "the {} fix added an error: {text:?} -> {next:?}: {:?}", f.rule, after.findings
            );
            let doubled = format!("{given} {given}");
            // Already doubled once the field is gone ("Sarah {first_name} Sarah") is the
            // writer's doing, not the fix's.
            let without_field = text.replace("{first_name}", " ").split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert!(
                !next.contains(&doubled) || without_field.contains(&doubled),
                "the {} fix doubled the name: {text:?} -> {next:?}", f.rule
            );
            if lacked_all {
                prop_assert!(after.score.unwrap_or(0) <= 60, "{next:?} scores {:?} on fixes alone", after.score);
            }
            text = next;
            before = after;
        }
    }
}

/// The example: "Hello", then every fix offered, never reaches a good score.
#[test]
fn hello_and_its_fixes_stay_a_thin_note() {
    let ctx = Context {
        recipient: Recipient {
            name: Some("John Smith".into()),
            company: Some("Acme".into()),
            headline: None,
        },
        ..Context::default()
    };
    let mut text = "Hello".to_string();
    for _ in 0..10 {
        let r = analyze(&text, &ctx);
        let Some(f) = r.findings.iter().find(|f| f.replacement.is_some()) else {
            break;
        };
        text = f.apply(&text, Units::Utf16).unwrap();
    }
    assert_eq!(text, "Hello John,");
    assert!(analyze(&text, &ctx).score.unwrap() <= 40);
    // "Hi {first_name}, ... {company}": filling the fields never doubles the name.
    let mut t = "Hi {first_name}, I loved your talk at {company}.".to_string();
    for _ in 0..10 {
        let r = analyze(&t, &ctx);
        let Some(f) = r.findings.iter().find(|f| f.replacement.is_some()) else {
            break;
        };
        t = f.apply(&t, Units::Utf16).unwrap();
    }
    assert!(t.starts_with("Hi John, I loved"), "{t}");
}

#[test]
fn huge_paste_is_bounded_and_counted_in_full() {
    let text = "Hi Sarah, 👋 I saw your talk. ".repeat(40_000); // about 1.2 MB
    let r = analyze(&text, &Context::default());
    assert!(r.truncated);
    assert_eq!(r.length, text.encode_utf16().count());
    assert!(r.findings.iter().any(|f| f.rule == "over-limit"));
}

proptest! {
    /// The scanners' whitespace chunks (a byte-level scan) split exactly where
    /// `str::split(char::is_whitespace)` does, offsets included.
    #[test]
    fn chunks_split_like_str_split(
        text in prop_oneof!["[a-zé🚀 \t\n\u{a0}\u{2003}\u{3000}\u{85},.]{0,40}", any::<String>()]
    ) {
        let base = text.as_ptr() as usize;
        let want: Vec<(usize, &str)> = text
            .split(char::is_whitespace)
            .map(|c| (c.as_ptr() as usize - base, c))
            .collect();
        prop_assert_eq!(rapport::text::chunks(&text).collect::<Vec<_>>(), want);
    }
}

proptest! {
    /// The UTF-16 length counted from bytes is the length `encode_utf16` gives, and the
    /// words found byte by byte are those of a char-by-char reading.
    #[test]
    fn utf16_len_and_words_match_a_char_reading(
        text in prop_oneof!["[a-zA-Zé’'🚀 .,_-]{0,40}", any::<String>()]
    ) {
        prop_assert_eq!(rapport::text::utf16_len(&text), text.encode_utf16().count());
        let words: Vec<&str> = rapport::text::tokenize(&text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        prop_assert_eq!(words, char_words(&text));
    }
}

/// The words of `text` as a reading char by char finds them: runs of letters, digits
/// and '_', an apostrophe kept only between two of them.
fn char_words(text: &str) -> Vec<&str> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let apostrophe = |c: char| matches!(c, '\'' | '\u{2019}' | '\u{2018}');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !word(chars[k].1) {
            k += 1;
            continue;
        }
        let start = chars[k].0;
        let mut end = k + 1;
        while end < chars.len()
            && (word(chars[end].1)
                || (apostrophe(chars[end].1) && chars.get(end + 1).is_some_and(|c| word(c.1))))
        {
            end += 1;
        }
        let stop = chars.get(end).map_or(text.len(), |c| c.0);
        out.push(&text[start..stop]);
        k = end;
    }
    out
}
