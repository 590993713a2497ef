//! `me-focus`: the note is all about the sender and hardly about the person.
//!
//! How it counts: first-person words (I, me, my, mine, myself, I'm, I've, I'd,
//! I'll, Im, Ive) against words that address the reader (you, your, yours, you're,
//! you've, u, ur ...) plus mentions of their company. "We", "us" and "our" count as
//! first person (usually the sender's company: "we help teams ...") except in a
//! sentence that is about both of them ("we both", "we met", "let's", "each
//! other"). A formula such as "connect with you", "thank you" or "hope you're
//! well" is not attention to them and is not counted. The rule fires when there are
//! at least five first-person words and at least three times as many as words
//! about them, or at least three and none about them: in a 300-character note that
//! is a note spent on a CV.
//!
//! **Why it matters.** The seeds: "Seek first to understand, then be understood";
//! "Show genuine interest in their work and experiences"; and the pitfall of
//! "asking for something without offering any value in return". A note that talks
//! only about its writer gives the reader no reason to care.
//!
//! **Example.** `Hi Sarah, I'm a senior engineer with 10 years in Java. I've led two teams and I'm now looking for my next role. I'd love to connect.`
//! **Fix** (no mechanical fix; turn a sentence toward them):
//! `Hi Sarah, your post on moving from IC to manager at Acme hit home: I've led two teams and am weighing the same move. How did you decide?`

use super::{Cx, Rule};
use crate::lang::en::MISSING_SPECIFICS_SECOND_PERSON as SECOND_PERSON;
use crate::lang::en::{FIRST_PERSON, FORMULAIC_YOU, INCLUSIVE, WE};
use crate::lang::lexicon;
use crate::report::{Category, Finding, Severity};
use crate::text::{Lexicon, Span};
use std::sync::LazyLock;

pub struct MeFocus;

/// At least this many first-person words before the note can be self-focused.
const MIN_FIRST: usize = 5;
/// First-person words per word about them at which a note is self-focused.
const RATIO: usize = 3;
/// With no word about them at all, this many first-person words are enough.
const MIN_ALONE: usize = 3;

static FORMULAIC: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&FORMULAIC_YOU));
static SHARED: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&INCLUSIVE));

/// First-person and second-person counts for one stretch of the note.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    first: usize,
    second: usize,
}

/// Counts the note sentence by sentence: `(sentence, counts)`.
fn count(cx: &Cx) -> Vec<(Span, Counts)> {
    let doc = cx.doc;
    // One pass over the words, whatever the note's length.
    let sentence_of = |at: usize| {
        let i = doc.sentences.partition_point(|s| s.end <= at);
        (i < doc.sentences.len() && doc.sentences[i].start <= at).then_some(i)
    };
    let mut formulaic = vec![false; doc.tokens.len()];
    for h in doc.find_iter(&FORMULAIC) {
        formulaic[h.first_token..h.end_token].fill(true);
    }
    let mut inclusive = vec![false; doc.sentences.len()];
    for h in doc.find_iter(&SHARED) {
        if let Some(i) = sentence_of(h.start) {
            inclusive[i] = true;
        }
    }
    let mut counts: Vec<(Span, Counts)> = doc
        .sentences
        .iter()
        .map(|&s| (s, Counts::default()))
        .collect();
    for (i, t) in doc.tokens.iter().enumerate() {
        let Some(si) = sentence_of(t.start) else {
            continue;
        };
        let c = &mut counts[si].1;
        if FIRST_PERSON.has(t) || (WE.has(t) && !inclusive[si]) {
            c.first += 1;
        } else if SECOND_PERSON.has(t) && !formulaic[i] {
            c.second += 1;
        }
    }
    for m in &cx.signals.company_mentions {
        if let Some(si) = sentence_of(m.start) {
            counts[si].1.second += 1;
        }
    }
    counts
}

impl Rule for MeFocus {
    fn id(&self) -> &'static str {
        "me-focus"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        2
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        if cx.doc.word_count() == 0 {
            return;
        }
        let per_sentence = count(cx);
        let first: usize = per_sentence.iter().map(|(_, c)| c.first).sum();
        let second: usize = per_sentence.iter().map(|(_, c)| c.second).sum();
        // Three or more "I" and not one word to them is as self-focused as five to one.
        let self_focused =
            (first >= MIN_FIRST && first >= RATIO * second) || (second == 0 && first >= MIN_ALONE);
        if !self_focused {
            return;
        }
        // Point at the most self-focused sentence (the first of equals).
        let span = per_sentence
            .iter()
            .filter(|(_, c)| c.first > 0)
            .max_by_key(|(s, c)| {
                (
                    c.first as isize - c.second as isize,
                    std::cmp::Reverse(s.start),
                )
            })
            .map_or(
                Span {
                    start: 0,
                    end: cx.doc.text.len(),
                },
                |(s, _)| *s,
            );
        out.push(cx.finding(
            self,
            Severity::Suggestion,
            span.start,
            span.end,
            format!("This note talks about you or your side {first} times and about them {second}. Turn a sentence towards them: their work, their view, or what they'd gain."),
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::{Context, Recipient};

    const RULE: &str = "me-focus";

    #[test]
    fn fires_on_notes_about_the_sender() {
        for text in [
            "Hi Sarah, I'm a senior engineer with 10 years in Java. I've led two teams and I'm now looking for my next role. I'd love to connect.",
            "Hello, I am a recent graduate. I am passionate about data and I am looking for my first job. I would love to connect with you.",
            "Hi Sarah, we help SaaS companies cut churn. Our platform is used by 200 teams and we've grown 3x. I'd love to show you our demo.",
            "Im a designer, Im based in Lisbon, my work is on my site and Im open to freelance gigs.",
            "Hi Sarah! My name is Bo. I run my own agency and I specialise in SEO. I think I can help. Thank you!",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn silent_when_the_note_is_about_them_too() {
        for text in [
            "Hi Sarah, I saw your talk at RustConf on incremental builds. I'm building a Rust linter and would value your view on caching; happy to share our benchmarks in return. What got you into compiler tooling?",
            "Hello Mr. Schmidt, I am a master's student and I read your paper on battery degradation. It helped me with my thesis. I would be happy to connect and maybe ask you one question about your dataset.",
            "Hi Sarah, we met at the meetup and we both work on wasm. Let's keep in touch!",
            "Hi Sarah, let's connect.",
            "Hi Sarah, I'm a nurse and I'm moving into informatics. How did you make the jump?",
            "",
        ] {
            silent(RULE, text);
        }
    }

    #[test]
    fn formulas_do_not_count_as_attention() {
        // Without the formula rule the "you" would make this silent.
        fires(
            RULE,
            "Hi Sarah, I hope you're well. I am a marketer and I love my job. I'd like to connect with you.",
        );
    }

    #[test]
    fn their_company_counts_as_about_them() {
        let text = "Hi Sarah, I've used Acme for years, I love it, I use it daily and I'd like to learn how I can help with Acme's roadmap.";
        let with = Context {
            recipient: Recipient {
                company: Some("Acme".into()),
                ..Recipient::default()
            },
            ..Context::default()
        };
        assert_eq!(count_with(RULE, text, &Context::default()), 1);
        assert_eq!(count_with(RULE, text, &with), 0);
    }

    #[test]
    fn points_at_the_most_self_focused_sentence() {
        let text = "Hi Sarah, loved your post. I'm a PM, I've shipped two apps, I'm now in fintech and I'd love my next role to be there.";
        let r = crate::analyze_bytes(text, &Context::default());
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert!(text[f.start..f.end].starts_with("I'm a PM"), "{f:?}");
        assert_eq!(f.replacement, None);
    }
}
