//! `flattery`: inflated praise of the person: "I'm your biggest fan", "you're a
//! genius", "legend", "rockstar", "guru", "ninja", "visionary", "thought leader",
//! "the most inspiring person", "you're incredible", "I worship your work",
//! "someone of your calibre", "your profile really stood out", "amazing amazing".
//!
//! **Why it matters.** The seeds ask for authenticity and "genuine interest in their
//! work", and suggest that if you admire someone's work you say so to build rapport.
//! Genuine means specific: superlatives that could be said of anyone read as
//! insincere, or as buttering them up before an ask. Naming one concrete thing you
//! valued is both more credible and more flattering.
//!
//! Praise from someone who says nothing of how they know them ("your journey is truly
//! inspiring ... honoured to connect with such a visionary") is the hollow kind: it
//! holds the score under the 50 line (45). In every labelled set the rule fires on 2
//! good notes and 31 bad ones.
//!
//! One-word epithets ("genius", "legend", "ninja") count only in a sentence addressed
//! to them ("you", "your") and not when capitalised mid-sentence, where they are
//! names ("the Ninja build system", "League of Legends").
//!
//! **Example.** `Hi Sarah, you're a genius! Your talk on wasm linkers fixed my build.`
//! **Fix**: a sentence that is only praise is removed, as is a praise clause after a
//! comma: `Hi Sarah, your talk on wasm linkers fixed my build.` Praise mixed into a
//! sentence gets no fix; rewrite it around the concrete thing.

use super::{Cx, Rule};
use crate::edits::{
    in_ranges, negated, opens_sentence, remove, remove_sentence, sentence_of, standalone,
    tokens_in, Cut, Edit,
};
use crate::lang::en::is_generic_word;
use crate::lang::en::{ADDRESSED, ALWAYS, FLATTERY_SECOND_PERSON as SECOND_PERSON, PRAISE_WORDS};
use crate::report::{Category, Finding, Severity};
use crate::text::{Doc, Hit, Lexicon};
use std::sync::LazyLock;

pub struct Flattery;

/// The cap while the note praises them and names nothing of theirs.
const HOLLOW_CAP: u8 = 45;

static ENTRIES: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    ALWAYS
        .iter()
        .map(|&p| (p, false))
        .chain(ADDRESSED.iter().map(|&p| (p, true)))
        .collect()
});

static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|&(p, _)| p).collect();
    Lexicon::new(&phrases)
});

fn addressed(doc: &Doc, hit: &Hit) -> bool {
    let Some(s) = sentence_of(doc, hit.start) else {
        return false;
    };
    tokens_in(doc, s.start, s.end).any(|i| SECOND_PERSON.has(&doc.tokens[i]))
}

/// True when the hit's first word is capitalised but does not open its sentence: a name.
fn is_name(doc: &Doc, hit: &Hit) -> bool {
    let capital = doc.text[hit.start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    capital && !opens_sentence(doc, hit.start)
}

fn praises(doc: &Doc) -> Vec<Hit> {
    doc.find_iter(&PHRASES)
        .filter(|h| standalone(doc, h) && !negated(doc, h))
        .filter(|h| {
            let (phrase, needs_you) = ENTRIES[h.phrase];
            // "GOAT" only in capitals: "the goat" is an animal.
            let goat_ok = !phrase.ends_with("GOAT") || doc.text[h.start..h.end].ends_with("GOAT");
            goat_ok && (!needs_you || (addressed(doc, h) && !is_name(doc, h)))
        })
        .collect()
}

/// The fix for `hit`; `ranges` are the token ranges of all praise phrases.
fn fix(
    doc: &Doc,
    greeting_end: Option<usize>,
    hit: &Hit,
    ranges: &[(usize, usize)],
) -> Option<Edit> {
    remove_sentence(doc, hit.start, greeting_end, &|i| {
        let w = &doc.tokens[i];
        is_generic_word(w) || PRAISE_WORDS.has(w) || in_ranges(ranges, i)
    })
    .or_else(|| {
        // "Loved your post, you're a genius!" → "Loved your post!"
        let before = doc.text[..hit.start].trim_end();
        if before.ends_with(',') && greeting_end.is_none_or(|g| g != before.len()) {
            remove(doc.text, hit.start, hit.end, greeting_end, Cut::Clause)
        } else {
            None
        }
    })
}

impl Rule for Flattery {
    fn id(&self) -> &'static str {
        "flattery"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        10
    }
    fn cap(&self, cx: &Cx) -> Option<u8> {
        // Praise from someone who says nothing of how they know them is the hollow kind.
        cx.signals.how_found.is_none().then_some(HOLLOW_CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let hits = praises(cx.doc);
        let greeting_end = cx.signals.greeting_end();
        let ranges: Vec<(usize, usize)> =
            hits.iter().map(|h| (h.first_token, h.end_token)).collect();
        for hit in &hits {
            let shown = &cx.doc.text[hit.start..hit.end];
            let message = format!("“{shown}” is inflated praise; from a stranger it reads as insincere. Name one concrete thing of theirs you valued (a post, a talk, a decision) and why.");
            match fix(cx.doc, greeting_end, hit, &ranges) {
                Some(e) => out.push(cx.finding(
                    self,
                    Severity::Suggestion,
                    e.start,
                    e.end,
                    message,
                    Some(e.text),
                )),
                None => out.push(cx.finding(
                    self,
                    Severity::Suggestion,
                    hit.start,
                    hit.end,
                    message,
                    None,
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const ID: &str = "flattery";

    #[test]
    fn hollow_praise_stays_under_the_line() {
        let ctx = ctx_for("Victoria Hale");
        let score = |text: &str| crate::analyze_bytes(text, &ctx).score.unwrap_or(0);
        let hollow = "Victoria, your journey is truly inspiring. Honoured to connect with such a visionary. I'd love to learn from the best.";
        assert_eq!(count_with(ID, hollow, &ctx), 3);
        assert!(score(hollow) <= 45, "{}", score(hollow));
        // Said by someone who says how they know her, praise is only a small fault.
        let known = "Victoria, we sat together on the Lisbon panel on seed funding in May; your point on founder vesting was truly inspiring. Would love to stay in touch.";
        assert_eq!(count_with(ID, known, &ctx), 1);
        assert!(score(known) > 50, "{}", score(known));
    }

    #[test]
    fn fires_on_inflated_praise() {
        fires(ID, "Your profile really stood out to me. I'd be grateful to learn from someone of your calibre.");
        fires(ID, "You clearly have so much wisdom to share.");
        fires(
            ID,
            "Hello Mr. Ansah, I came across your profile and was truly inspired by your journey and achievements.",
        );
        silent(
            ID,
            "Hi Sarah, your talk on wasm linkers was so inspiring that I rewrote our build.",
        );
        fires(ID, "Hi Sarah, I'm your biggest fan!");
        fires(
            ID,
            "Great read on liquidity. Harbourline Capital is lucky to have you.",
        );
        fires(ID, "Truly an honour to connect with greatness.");
        fires(ID, "You're a genius, and your talk proved it.");
        fires(ID, "Hi Sarah, you are a true visionary in fintech.");
        fires(ID, "You're a total rockstar at growth marketing.");
        fires(ID, "You are the most inspiring person on LinkedIn.");
        fires(ID, "Honestly you're incredible.");
        fires(ID, "I worship your work on compilers.");
        fires(ID, "As a thought leader, you must get a lot of notes.");
    }

    #[test]
    fn silent_on_specific_or_unrelated_words() {
        silent(
            ID,
            "Hi Sarah, your talk on wasm linkers fixed my build. How do you test it?",
        );
        silent(ID, "I loved your talk on the Ninja build system.");
        silent(ID, "I'm a data ninja at heart and build dashboards.");
        silent(ID, "I'm not your biggest fan of YAML either, ha.");
        silent(ID, "We moved our legacy genius-bar booking app to Rust.");
        silent(ID, "Your post on the goat farm's supply chain was fun.");
        silent(ID, "I'm a huge fan of Rust and read your post on borrowck.");
        silent(ID, "");
    }

    #[test]
    fn fix_removes_praise_only_sentences_and_clauses() {
        assert_eq!(
            fixed(
                ID,
                "Hi Sarah, you're a genius! Your talk on wasm linkers fixed my build."
            ),
            "Hi Sarah, your talk on wasm linkers fixed my build."
        );
        assert_eq!(
            fixed(ID, "Loved your post on retries, you're a legend!"),
            "Loved your post on retries!"
        );
        assert_eq!(
            fixed(ID, "Your post on retries was great. I'm your biggest fan."),
            "Your post on retries was great."
        );
    }

    #[test]
    fn mixed_praise_has_no_fix() {
        let r = crate::analyze_bytes(
            "I worship your work on compilers.",
            &crate::Context::default(),
        );
        let f = r.findings.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!(f.replacement, None);
    }
}
