//! `rapport::analyze` (and `analyze_bytes`) on arbitrary text with a context taken
//! from the input. Checks what tests/properties.rs checks, on inputs no generator
//! thought of: the score stays in range, spans are UTF-16 spans of the text on
//! code-point boundaries, every fix applies, leaves the text outside its span
//! intact and removes (at least) one finding of its rule.
//!
//! Input layout: byte 0 picks the recipient's name, company and the limit; byte 1
//! picks the kind and maybe one disabled rule; the rest is the note (lossy UTF-8).
//! A name or company "from the input" is the note's part before a NUL (the note is
//! then the part after it), or else the note's first two words / last word.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport::text::utf16_to_byte;
use rapport::{analyze, analyze_bytes, rules, Context, Kind, Recipient, Report, Units};

const NAMES: [&str; 6] = [
    "Sarah Chen",
    "José García",
    "Zoë",
    "Dr. Ana Lima",
    "  ",
    "İlker Öztürk",
];
const COMPANIES: [&str; 3] = ["Acme", "Globex", ""];
const LIMITS: [usize; 4] = [0, 200, 300, 8000];

fn context(b0: u8, b1: u8, note: &mut String) -> Context {
    let from_input = |note: &mut String, fallback: fn(&str) -> String| -> String {
        match note.split_once('\0') {
            Some((head, tail)) => {
                let head = head.to_string();
                *note = tail.to_string();
                head
            }
            None => fallback(note),
        }
    };
    // Name: 0 none, 1..=6 a fixed one, 7 from the input.
    let name = match b0 & 7 {
        0 => None,
        7 => Some(from_input(note, |n| {
            n.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
        })),
        i => Some(NAMES[usize::from(i) - 1].to_string()),
    };
    // Company: 0 none, 1..=3 a fixed one, 4.. (rarer) from the input.
    let company = match (b0 >> 3) & 3 {
        0 => None,
        3 if b1 & 0x40 != 0 => Some(from_input(note, |n| {
            n.split_whitespace().last().unwrap_or("").to_string()
        })),
        i => Some(COMPANIES[usize::from(i) - 1].to_string()),
    };
    let limit = LIMITS[usize::from(b0 >> 5) & 3];
    let kind = if b0 & 0x80 != 0 {
        Kind::Message
    } else {
        Kind::Invitation
    };
    // One rule in eight inputs runs with a rule switched off.
    let disabled = if b1 & 7 == 7 {
        vec![rules::ALL[usize::from(b1 >> 3) % rules::ALL.len()]
            .id()
            .to_string()]
    } else {
        Vec::new()
    };
    Context {
        recipient: Recipient {
            name,
            headline: None,
            company,
        },
        limit,
        kind,
        disabled,
        // One input in four carries a page language hint.
        language: match b1 >> 6 {
            0 => Some("fr".to_string()),
            1 => Some("en-GB".to_string()),
            _ => None,
        },
    }
}

fn count(report: &Report, rule: &str) -> usize {
    report.findings.iter().filter(|f| f.rule == rule).count()
}

fuzz_target!(|data: &[u8]| {
    let (b0, b1, rest) = match data {
        [b0, b1, rest @ ..] => (*b0, *b1, rest),
        _ => (0, 0, data),
    };
    let mut text = String::from_utf8_lossy(rest).into_owned();
    let ctx = context(b0, b1, &mut text);
    let text = text.as_str();
    let before: Vec<u16> = text.encode_utf16().collect();
    let len = before.len();

    let r = analyze(text, &ctx);
    assert_eq!(r.score.is_none(), !r.supported, "a score exactly when the language is checked");
    let score = r.score.unwrap_or(0);
    assert!(score <= 100, "score {score}");
    assert_eq!(r.length, len);
    assert_eq!(r.limit, ctx.limit);
    let sum: u32 = r.categories.iter().map(|c| u32::from(c.score)).sum();
    assert!(
        !r.supported || u32::from(score) <= sum,
        "score {score} > categories {sum}"
    );
    for c in &r.categories {
        assert!(c.score <= c.max, "{c:?}");
    }
    for f in &r.findings {
        assert!(
            f.start <= f.end && f.end <= len,
            "{f:?} outside 0..{len} in {text:?}"
        );
        assert!(
            utf16_to_byte(text, f.start).is_some(),
            "start splits a character: {f:?}"
        );
        assert!(
            utf16_to_byte(text, f.end).is_some(),
            "end splits a character: {f:?}"
        );
        assert!(!f.message.is_empty(), "{f:?}");
        assert!(
            !ctx.disabled.contains(&f.rule),
            "disabled rule fired: {f:?}"
        );
    }

    // The byte-offset report is the same report: spans on char boundaries that
    // convert to the UTF-16 spans above (analyze's conversion would hide a split).
    let rb = analyze_bytes(text, &ctx);
    assert_eq!(rb.findings.len(), r.findings.len());
    assert_eq!((rb.score, &rb.categories), (r.score, &r.categories));
    for (fb, f) in rb.findings.iter().zip(&r.findings) {
        assert!(
            text.is_char_boundary(fb.start) && text.is_char_boundary(fb.end) && fb.start <= fb.end,
            "byte span splits a character: {fb:?} in {text:?}"
        );
        let units = |at: usize| text[..at].encode_utf16().count();
        assert_eq!(
            (units(fb.start), units(fb.end)),
            (f.start, f.end),
            "{fb:?} vs {f:?}"
        );
        assert_eq!(fb.apply(text, Units::Bytes), f.apply(text, Units::Utf16));
    }

    for f in r.findings.iter().filter(|f| f.replacement.is_some()) {
        let fixed = f
            .apply(text, Units::Utf16)
            .unwrap_or_else(|| panic!("a reported fix does not apply: {f:?} in {text:?}"));
        let after: Vec<u16> = fixed.encode_utf16().collect();
        assert_eq!(
            &after[..f.start],
            &before[..f.start],
            "text before the span changed"
        );
        assert!(after.len() >= len - f.end);
        assert_eq!(
            &after[after.len() - (len - f.end)..],
            &before[f.end..],
            "text after the span changed"
        );
        let again = analyze(&fixed, &ctx);
        assert!(
            count(&again, &f.rule) < count(&r, &f.rule),
            "fix for {} did not remove it: {text:?} -> {fixed:?} ({ctx:?})",
            f.rule
        );
    }
});
