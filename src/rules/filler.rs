//! `filler`: wordy phrases that spend the note's scarce characters on nothing
//! ("I am writing to you today to", "in order to", "due to the fact that",
//! "basically", "I just wanted to").
//!
//! **Why it matters.** A connection note has 200 characters on a free account and
//! 300 on Premium. The seeds ask for a personal note that says how you found them,
//! why you want to connect and what you offer; every character of filler is one
//! not spent on that. Each occurrence is a suggestion with a concise replacement.
//!
//! **Example.** `Hi Sarah, I am writing to you today to ask about your talk. In order to learn more, I basically read all your posts.`
//! **Fix**: `Hi Sarah, I'd like to ask about your talk. To learn more, I read all your posts.`
//!
//! The module also holds the small text helpers the other rules share: removals that
//! leave grammatical text ([`remove`], [`remove_sentence`], [`apply`]), hit checks
//! ([`standalone`], [`negated`]) and fast sentence and token lookups ([`sentence_of`],
//! [`tokens_in`], [`in_ranges`], [`opens_sentence`]).

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::signals::wordy::edits;

pub struct Filler;
impl Rule for Filler {
    fn id(&self) -> &'static str {
        "filler"
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        3
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let greeting_end = cx.signals.greeting_end();
        for e in edits(cx.doc, greeting_end) {
            let shown = cx.doc.text[e.start..e.end].trim();
            let message = if e.text.is_empty() {
                format!("“{shown}” adds nothing: cut it and spend the characters on something about them.")
            } else {
                format!(
                    "“{shown}” can be shorter: “{}” says the same in fewer characters.",
                    e.text
                )
            };
            out.push(cx.finding(
                self,
                Severity::Suggestion,
                e.start,
                e.end,
                message,
                Some(e.text),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::edits::apply;
    use crate::edits::remove;
    use crate::edits::Cut;
    use crate::edits::Edit;

    use crate::rules::testing::*;

    const ID: &str = "filler";

    #[test]
    fn fires_on_wordy_phrases() {
        fires(
            ID,
            "Hi Sarah, I am writing to you today to ask about your talk.",
        );
        fires(ID, "In order to learn more, I read your posts.");
        fires(
            ID,
            "Due to the fact that we both work on wasm, I'd like to connect.",
        );
        fires(ID, "Your approach is very unique.");
        fires(ID, "I just wanted to say your talk was great.");
        fires(ID, "Please don't hesitate to reach out.");
        fires(ID, "I basically build linters.");
        fires(ID, "Hi Sarah, I wanted to reach out. Loved your talk.");
    }

    #[test]
    fn silent_on_plain_writing() {
        silent(ID, "Hi Sarah, I loved your RustConf talk on wasm tooling.");
        silent(ID, "I'm writing a book on Rust and would value your view.");
        silent(ID, "I wanted to ask how you test the linker.");
        silent(ID, "Your approach is unique.");
        silent(ID, "We should just ship it.");
        silent(ID, "I'm reaching out to people who work on compilers.");
        silent(ID, "");
    }

    #[test]
    fn one_finding_per_occurrence() {
        assert_eq!(
            count(
                ID,
                "In order to learn, and in order to grow, I basically read."
            ),
            3
        );
    }

    #[test]
    fn fixes_keep_sentences_readable() {
        assert_eq!(
            fixed(
                ID,
                "Hi Sarah, I am writing to you today to ask about your talk."
            ),
            "Hi Sarah, I'd like to ask about your talk."
        );
        assert_eq!(
            fixed(ID, "In order to learn more, I read your posts."),
            "To learn more, I read your posts."
        );
        assert_eq!(
            fixed(ID, "I'm reaching out because I loved your talk."),
            "I loved your talk."
        );
        assert_eq!(
            fixed(ID, "Actually, your talk changed my mind."),
            "Your talk changed my mind."
        );
        assert_eq!(fixed(ID, "I basically build linters."), "I build linters.");
        assert_eq!(
            fixed(ID, "Just wanted to say your talk was great."),
            "Wanted to say your talk was great."
        );
        assert_eq!(
            fixed(ID, "Hi Sarah, I wanted to reach out. Loved your talk."),
            "Hi Sarah, loved your talk."
        );
        assert_eq!(fixed(ID, "I build linters, actually."), "I build linters.");
        assert_eq!(
            fixed(ID, "I wanted to reach out and say congrats."),
            "I wanted to say congrats."
        );
        assert_eq!(
            fixed(ID, "Please do not hesitate to ask."),
            "Feel free to ask."
        );
    }

    #[test]
    fn remove_handles_clause_positions() {
        let r = |t: &str, s: &str, mode| {
            let start = t.find(s).unwrap();
            remove(t, start, start + s.len(), None, mode).map(|e| apply(t, &[e]))
        };
        assert_eq!(
            r(
                "Loved it, hope you're well.",
                "hope you're well",
                Cut::Clause
            ),
            Some("Loved it.".into())
        );
        assert_eq!(
            r(
                "Hope you're well, and I loved it.",
                "Hope you're well",
                Cut::Clause
            ),
            Some("I loved it.".into())
        );
        assert_eq!(
            r(
                "Loved it, hope you're well, and more.",
                "hope you're well",
                Cut::Clause
            ),
            Some("Loved it and more.".into())
        );
        assert_eq!(
            r(
                "I said hope you're well to her.",
                "hope you're well",
                Cut::Clause
            ),
            None
        );
        assert_eq!(
            r("Great talk. let's connect", "let's connect", Cut::Clause),
            Some("Great talk.".into())
        );
    }

    #[test]
    fn apply_skips_overlaps() {
        let edits = [
            Edit {
                start: 0,
                end: 2,
                text: "A".into(),
            },
            Edit {
                start: 1,
                end: 3,
                text: "B".into(),
            },
        ];
        assert_eq!(apply("abcd", &edits), "Acd");
    }
}
