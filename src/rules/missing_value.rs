//! `missing-value`: the note offers the person nothing in return.
//!
//! Counts as value: an offer ("happy to share our benchmarks", "I can introduce you
//! to", "I'll send the write-up"), help on their terms ("let me know if I can help",
//! "if it's useful"), reciprocity ("happy to return the favour", "in return",
//! "share mine", "swap notes", "learn from each other"), a resource ("I put together
//! a checklist"), something that may be useful to them ("could be useful for your
//! team", "thought you might find this interesting") or a contribution ("I opened a PR").
//!
//! **Why it matters.** The seeds: "Offer Help and Value ... Be proactive in offering
//! your help or expertise to others", and the reciprocity principle: "asking for
//! something without offering any value in return" undermines the request. People
//! are more likely to help those who have offered them something.
//!
//! **Example.** `Hi Sarah, I saw your talk at RustConf. I'm building a linter and would value your view on caching.`
//! **Fix** (no mechanical fix; offer something of yours):
//! `Hi Sarah, I saw your talk at RustConf. I'm building a linter and would value your view on caching; happy to share our benchmarks in return.`

use super::missing_context::{cross, earliest, lexicon};
use super::{Cx, Rule};
use crate::lang::en::{
    ADVERBS, FIND_USEFUL, OFFER_FRAMES, OFFER_VERBS, RESOURCES, SELF_PROMOTION, SIGN_OFFS,
    VALUE_PHRASES,
};
use crate::report::{Category, Finding, Severity};
use crate::text::{Doc, Hit, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

pub struct MissingValue;

/// Verbs that count only with a fitting word after them: "connect you", "put you in
/// touch", "make an intro", "do the same", "be a sounding board".
const NEEDS_NEXT: &[(&str, &[&str])] = &[
    ("connect", &["you", "u"]),
    ("put", &["you"]),
    ("make", &["an", "intros", "introductions", "time", "the"]),
    ("do", &["the", "a", "same"]),
    ("compare", &["notes"]),
];

static FRAMES: LazyLock<Lexicon> = LazyLock::new(|| lexicon(OFFER_FRAMES));

static VALUE: LazyLock<Lexicon> = LazyLock::new(|| {
    // "happy to share", "I can help" and the like also stand alone, for the rare
    // frame the list does not know.
    let mut p: Vec<String> = VALUE_PHRASES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(
        &["happy to", "glad to", "i can", "i'll"],
        &["share", "help", "send", "introduce"],
    ));
    p.extend(cross(&["my", "our"], RESOURCES));
    p.extend(cross(
        &[
            "you might find",
            "you may find",
            "you'd find",
            "you'll find",
        ],
        FIND_USEFUL,
    ));
    lexicon(&p)
});

/// True when the phrase is asked of them: "would you be happy to share ...?"
fn asked(doc: &Doc, h: &Hit) -> bool {
    let before = |k: usize| {
        h.first_token
            .checked_sub(k)
            .map(|i| doc.tokens[i].norm.as_str())
    };
    matches!(before(1), Some("you" | "u"))
        || (before(1) == Some("be") && matches!(before(2), Some("you" | "u")))
}

/// True when the three words from token `at` name the sender's own CV or pitch:
/// "I'll send you my resume" promotes the sender, it offers nothing.
fn promotes_sender(doc: &Doc, at: usize) -> bool {
    let t = &doc.tokens;
    t[at.min(t.len())..(at + 3).min(t.len())]
        .iter()
        .any(|w| SELF_PROMOTION.contains(&w.norm.as_str()))
}

/// An offer frame followed, within two adverbs, by a verb of giving.
fn offer(doc: &Doc) -> Option<Span> {
    let t = &doc.tokens;
    doc.find_iter(&FRAMES).find_map(|h| {
        if asked(doc, &h) {
            return None;
        }
        let mut j = h.end_token;
        while j < t.len() && j < h.end_token + 2 && ADVERBS.contains(&t[j].norm.as_str()) {
            j += 1;
        }
        let verb = t.get(j)?;
        let v = verb.norm.as_str();
        if !OFFER_VERBS.contains(&v) {
            return None;
        }
        if promotes_sender(doc, j + 1) {
            return None;
        }
        if let Some((_, next)) = NEEDS_NEXT.iter().find(|(w, _)| *w == v) {
            let after = t.get(j + 1)?;
            if !next.contains(&after.norm.as_str()) {
                return None;
            }
        }
        Some(Span {
            start: h.start,
            end: verb.end,
        })
    })
}

/// Finds what the sender offers.
pub fn detect(doc: &Doc, _ctx: &Context) -> Option<Span> {
    if doc.word_count() == 0 {
        return None;
    }
    earliest([
        offer(doc),
        doc.find_iter(&VALUE)
            .find(|h| !asked(doc, h) && !promotes_sender(doc, h.end_token))
            .map(|h| Span {
                start: h.start,
                end: h.end,
            }),
    ])
}

/// Where something belongs at the end of the note: the end of the last sentence
/// that is not a sign-off ("Best, Bo"; "Thanks!").
pub(crate) fn body_end(doc: &Doc) -> usize {
    let is_sign_off = |s: &Span| {
        let toks = doc.tokens_within(s.start, s.end);
        match toks.first() {
            None => true,
            Some(first) => {
                (toks.len() <= 6 && SIGN_OFFS.contains(&first.norm.as_str()))
                    // A name on its own line: "Bo", "Ana Lima".
                    || (toks.len() <= 3
                        && toks.iter().all(|t| {
                            doc.text[t.start..t.end].chars().next().is_some_and(char::is_uppercase)
                        })
                        && !doc.text[s.start..s.end].ends_with(['.', '?', '!']))
            }
        }
    };
    let body: Vec<&Span> = doc.sentences.iter().collect();
    // Skip closing lines, but never the first sentence.
    let mut last = body.len();
    while last > 1 && is_sign_off(body[last - 1]) {
        last -= 1;
    }
    body.get(last.wrapping_sub(1))
        .map_or(doc.text.trim_end().len(), |s| s.end)
}

impl Rule for MissingValue {
    fn id(&self) -> &'static str {
        "missing-value"
    }
    fn category(&self) -> Category {
        Category::Value
    }
    fn penalty(&self) -> u8 {
        5
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        if cx.doc.word_count() == 0 || cx.signals.value.is_some() {
            return;
        }
        let at = body_end(cx.doc);
        out.push(cx.finding(
            self,
            Severity::Suggestion,
            at,
            at,
            "Offer something in return: your notes, an intro, a resource or help with something they care about. People help those who have offered them something.",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const RULE: &str = "missing-value";

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        detect(&doc, &Context::default()).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn fires_without_an_offer() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I saw your talk at RustConf. I'm building a linter and would value your view on caching.",
            "Hi Sarah, could you refer me for the backend role?",
            "Hi Sarah, I'd be happy to connect with you.",
            "Hi Sarah, I can't help but admire your work. Let's connect.",
            "Hi Sarah, could you help me get an intro to your manager?",
            "Hi Sarah, would you share your slides with me?",
            "Hi Sarah, would you be happy to share your deck?",
            "Hi Sarah, I'd be a great fit for your team.",
            "Hi Sarah, I'll send you my resume and portfolio.",
            "Hi Sarah, I used your checklist and would love some feedback on mine.",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn silent_with_an_offer() {
        for text in [
            "Hi Sarah, happy to share our benchmarks in return.",
            "Hi Sarah, I'd be glad to introduce you to our platform team.",
            "Hi Sarah, let me know if I can help with the meetup.",
            "Hi Sarah, I wrote up our migration notes and can send them if useful.",
            "Hi Sarah, would love to hear your thoughts and share mine.",
            "Hi Sarah, I can also send over the checklist we use.",
            "Hi Sarah, happy to return the favour any time.",
            "Hi Sarah, this could be useful for your team.",
            "Hi Sarah, maybe we could compare notes on hiring.",
            "Hi Sarah, would you be up for being a guest on our podcast?",
            "",
        ] {
            silent(RULE, text);
        }
    }

    #[test]
    fn detect_finds_the_offer() {
        assert_eq!(
            found("I'm happy to also share the deck.").as_deref(),
            Some("happy to also share")
        );
        assert_eq!(
            found("I can connect you with our CTO.").as_deref(),
            Some("I can connect")
        );
        assert_eq!(found("I'd be happy to connect."), None);
        assert_eq!(found("Can I send you my CV?"), None);
        assert_eq!(
            found("Our playbook is yours if you want it.").as_deref(),
            Some("Our playbook")
        );
    }

    #[test]
    fn finding_points_before_the_sign_off() {
        let text = "Hi Sarah, loved your talk. What got you into compilers?\nBest,\nBo";
        let r = crate::analyze_bytes(text, &Context::default());
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(
            &text[..f.start],
            "Hi Sarah, loved your talk. What got you into compilers?"
        );
        assert_eq!(f.replacement, None);
        assert_eq!(body_end(&Doc::new("Thanks!")), 7);
        assert_eq!(body_end(&Doc::new("")), 0);
    }
}
