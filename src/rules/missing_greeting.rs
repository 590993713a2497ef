//! `missing-greeting`: the note does not greet the person by name.
//!
//! **Why it matters.** The seeds' first rule for connection requests is to
//! personalise; a name is the smallest proof the note was written for this person
//! and not sent to a list.
//!
//! **Example.** `I enjoyed your talk on Rust tooling at RustConf.`
//! **Fix** (recipient Sarah Chen): `Hi Sarah, I enjoyed your talk on Rust tooling at RustConf.`
//! `Hi there,` becomes `Hi Sarah,`. Without a known name the finding has no fix.
//! Their name elsewhere counts too: `Great meeting you at the 10k, Ravi.`

use super::{Cx, Rule};
use crate::lang::en::{
    HONORIFICS, LOWERABLE, MISSING_GREETING_NOT_NAMES as NOT_NAMES, NOT_VOCATIVES,
};
use crate::report::{Category, Finding, Severity};
use crate::signals::Greeting;
use crate::text::{is_word_char, Doc, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

pub struct MissingGreeting;

/// Greeting words that open a note.
static GREETINGS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "hi",
        "hello",
        "hey",
        "dear",
        "greetings",
        "good morning",
        "good afternoon",
        "good evening",
        "good day",
        "hiya",
        "howdy",
        "hallo",
        "hola",
        "bonjour",
        "ciao",
        "salut",
        "hej",
        "hei",
        "namaste",
        "hi again",
        "hello again",
    ])
});

/// Finds a greeting at the very start of the note. `known` is the recipient's first
/// name ([`crate::Recipient::first_name`]), if known.
pub fn detect(doc: &Doc, known: Option<&str>) -> Option<Greeting> {
    let first = doc.tokens.first()?;
    let hit = doc.opening(&GREETINGS, doc.word_count())?;
    let word = Span {
        start: first.start,
        end: hit.end,
    };
    let mut i = hit.end_token;
    let mut name: Option<Span> = None;
    // Their first name as their profile spells it counts even where the tests below
    // would not take it for a name ("Hi danah,", "Hi Hope,", "Hi R2,"), so the fix's
    // "Hi <first name>, " always ends the finding.
    if let (Some(known), Some(t)) = (known, doc.tokens.get(i)) {
        let rest = &doc.text[t.start..];
        if only_spaces_between(doc, i)
            && rest.starts_with(known)
            && !rest[known.len()..].starts_with(is_word_char)
        {
            name = Some(Span {
                start: t.start,
                end: t.start + known.len(),
            });
        }
    }
    // "Dr. Chen": keep the honorific in the name span.
    if let Some(t) = doc.tokens.get(i).filter(|_| name.is_none()) {
        if HONORIFICS.contains(&t.norm.as_str()) && capitalised(doc, i) {
            if let Some(next) = doc.tokens.get(i + 1).filter(|_| capitalised(doc, i + 1)) {
                name = Some(Span {
                    start: t.start,
                    end: next.end,
                });
                i += 2;
            }
        }
    }
    if name.is_none() {
        // Up to two capitalised words right after the greeting, on the same line.
        let mut end_tok = i;
        while end_tok < i + 2
            && end_tok < doc.tokens.len()
            && is_name_token(doc, end_tok)
            && only_spaces_between(doc, end_tok)
        {
            end_tok += 1;
            // A comma or sentence end closes the name.
            if !doc.text[doc.tokens[end_tok - 1].end..].starts_with([' ', '\u{a0}']) {
                break;
            }
        }
        if end_tok > i {
            name = Some(Span {
                start: doc.tokens[i].start,
                end: doc.tokens[end_tok - 1].end,
            });
        }
    }
    let mut end = name.map_or(word.end, |n| n.end);
    // "there" in "Hi there" belongs to the greeting.
    if name.is_none() {
        if let Some(t) = doc.tokens.get(hit.end_token) {
            if matches!(t.norm.as_str(), "there" | "all" | "everyone" | "team") {
                end = t.end;
            }
        }
    }
    let rest = &doc.text[end..];
    // "Dr. Chen -": spaces count only when punctuation follows them.
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let rest = &rest[spaces..];
    let punct = rest
        .char_indices()
        .take_while(|&(_, c)| matches!(c, ',' | '!' | '.' | ':' | ';' | '-' | '\u{2014}'))
        .last()
        .map_or(0, |(j, c)| spaces + j + c.len_utf8());
    Some(Greeting {
        word,
        name,
        end: end + punct,
    })
}

fn capitalised(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    doc.text[t.start..t.end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn is_name_token(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    capitalised(doc, i)
        && !NOT_NAMES.contains(&t.norm.as_str())
        && t.norm
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// True when token `i` follows the previous token with only spaces between.
fn only_spaces_between(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    doc.text[doc.tokens[i - 1].end..doc.tokens[i].start]
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}' || c == '.')
}

/// True when the note addresses them by name outside an opening greeting: their
/// known name anywhere ("Nice meeting you at the 10k, Ravi."), or, when the name is
/// unknown, a name opening the note ("Zainab — we shared a table") or closing its
/// first sentence after a comma.
pub fn named_elsewhere(doc: &Doc, ctx: &Context) -> bool {
    if let Some(name) = ctx.recipient.name.as_deref() {
        return doc.tokens.iter().enumerate().any(|(i, t)| {
            capitalised(doc, i) && super::wrong_name::matches_name(&doc.text[t.start..t.end], name)
        });
    }
    let is_vocative = |i: usize| {
        let t = &doc.tokens[i];
        is_name_token(doc, i) && !NOT_VOCATIVES.contains(&t.norm.as_str()) && t.norm.len() > 1
    };
    // "Zainab — ..." / "Zainab, ..."
    if !doc.tokens.is_empty() && is_vocative(0) {
        let after = doc.text[doc.tokens[0].end..].trim_start_matches(' ');
        if after.starts_with([',', '\u{2014}', '\u{2013}', '-', '!', ':']) {
            return true;
        }
    }
    // "..., Alex!" closing the first sentence.
    let Some(first) = doc.sentences.first() else {
        return false;
    };
    let last = doc.tokens.iter().rposition(|t| t.end <= first.end);
    last.is_some_and(|i| {
        i > 0
            && is_vocative(i)
            && doc.text[doc.tokens[i - 1].end..doc.tokens[i].start].trim() == ","
            && doc.text[doc.tokens[i].end..first.end]
                .chars()
                .all(|c| matches!(c, '!' | '.' | '?' | ' '))
    })
}

impl Rule for MissingGreeting {
    fn id(&self) -> &'static str {
        "missing-greeting"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        10
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.word_count() == 0 {
            return;
        }
        let first_name = cx.ctx.recipient.first_name();
        if !matches!(cx.signals.greeting, Some(Greeting { name: Some(_), .. }))
            && named_elsewhere(doc, cx.ctx)
        {
            return;
        }
        match cx.signals.greeting {
            Some(Greeting { name: Some(_), .. }) => {}
            Some(g) => {
                let message = "Greet them by name: a name shows the note was written for them, not sent to a list.";
                let (end, replacement) = match first_name {
                    Some(n) => {
                        // Replace "Hi there" with "Hi Sarah", keeping the punctuation.
                        let greet = &doc.text[g.word.start..g.word.end];
                        let named_end = doc.text[..g.end].trim_end_matches(|c: char| {
                            matches!(c, ',' | '!' | '.' | ':' | ';' | '-' | '\u{2014}')
                        });
                        (named_end.len(), Some(format!("{greet} {n}")))
                    }
                    None => (g.end, None),
                };
                out.push(cx.finding(
                    self,
                    Severity::Warning,
                    g.word.start,
                    end,
                    message,
                    replacement,
                ));
            }
            None => {
                let message = "Open with their name. A note that starts with a greeting by name gets read; one that could go to anyone does not.";
                let replacement = first_name.map(|n| {
                    let t = &doc.tokens[0];
                    let word = &doc.text[t.start..t.end];
                    if t.start == 0 && LOWERABLE.contains(&t.norm.as_str()) {
                        (format!("Hi {n}, {}", word.to_lowercase()), t.end)
                    } else {
                        (format!("Hi {n}, "), 0)
                    }
                });
                match replacement {
                    Some((text, end)) => {
                        out.push(cx.finding(self, Severity::Warning, 0, end, message, Some(text)))
                    }
                    None => out.push(cx.finding(self, Severity::Warning, 0, 0, message, None)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn greeting(text: &str) -> Option<(String, Option<String>)> {
        let doc = Doc::new(text);
        detect(&doc, None).map(|g| {
            (
                text[g.word.start..g.end].to_string(),
                g.name.map(|n| text[n.start..n.end].to_string()),
            )
        })
    }

    #[test]
    fn detects_greetings_and_names() {
        assert_eq!(
            greeting("Hi Sarah, great talk"),
            Some(("Hi Sarah,".into(), Some("Sarah".into())))
        );
        assert_eq!(
            greeting("Dear Dr. Chen - loved it"),
            Some(("Dear Dr. Chen -".into(), Some("Dr. Chen".into())))
        );
        assert_eq!(
            greeting("Hello Anne Marie! I read"),
            Some(("Hello Anne Marie!".into(), Some("Anne Marie".into())))
        );
        assert_eq!(
            greeting("Hi there, I read"),
            Some(("Hi there,".into(), None))
        );
        assert_eq!(
            greeting("Good morning José, I read"),
            Some(("Good morning José,".into(), Some("José".into())))
        );
        assert_eq!(greeting("Hi, I'm Bo"), Some(("Hi,".into(), None)));
        assert_eq!(greeting("I saw your post"), None);
        assert_eq!(greeting("Ship it, hi"), None);
    }

    #[test]
    fn a_name_elsewhere_counts() {
        silent(
            "missing-greeting",
            "Nice meeting you at Sunday's 10k, Ravi. Still can't believe that last hill.",
        );
        silent(
            "missing-greeting",
            "Zainab — we shared a table at the AIGA portfolio night.",
        );
        silent(
            "missing-greeting",
            "Thanks for showing me round the plant today, Alex!",
        );
        fires("missing-greeting", "Thanks for the talk today, everyone!");
        fires("missing-greeting", "Great talk. Thanks, Cheers!");
        let c = ctx_for("Ravi Kumar");
        assert_eq!(
            count_with("missing-greeting", "Loved the 10k, Ravi.", &c),
            0
        );
        assert_eq!(
            count_with("missing-greeting", "Loved the 10k, Sarah.", &c),
            1
        );
    }

    #[test]
    fn fires_without_a_name() {
        fires(
            "missing-greeting",
            "I enjoyed your talk on Rust tooling at RustConf.",
        );
        fires("missing-greeting", "Hi there, I enjoyed your talk.");
        fires("missing-greeting", "Hello, I enjoyed your talk.");
    }

    #[test]
    fn silent_with_a_name() {
        silent("missing-greeting", "Hi Sarah, I enjoyed your talk.");
        silent("missing-greeting", "Dear Dr. Chen, I enjoyed your talk.");
        silent("missing-greeting", "Hey Priya! I enjoyed your talk.");
        silent("missing-greeting", "");
    }

    #[test]
    fn fix_inserts_or_replaces_the_name() {
        let c = ctx_for("Sarah Chen");
        assert_eq!(
            fixed_with("missing-greeting", "I enjoyed your talk at RustConf.", &c),
            "Hi Sarah, I enjoyed your talk at RustConf."
        );
        assert_eq!(
            fixed_with("missing-greeting", "Loved your talk at RustConf.", &c),
            "Hi Sarah, loved your talk at RustConf."
        );
        assert_eq!(
            fixed_with("missing-greeting", "Hi there, loved your talk.", &c),
            "Hi Sarah, loved your talk."
        );
        assert_eq!(
            fixed_with("missing-greeting", "Hello! Loved your talk.", &c),
            "Hello Sarah! Loved your talk."
        );
    }

    #[test]
    fn no_fix_without_a_known_name() {
        let r = crate::analyze_bytes("I enjoyed your talk.", &crate::Context::default());
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "missing-greeting")
            .unwrap();
        assert_eq!(f.replacement, None);
    }
}
