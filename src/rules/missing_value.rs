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
use crate::report::{Category, Finding, Severity};
use crate::text::{Doc, Hit, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

pub struct MissingValue;

/// Resources of the sender's: "our playbook", "my write-up".
#[rustfmt::skip]
const RESOURCES: &[&str] = &[
    "checklist", "playbook", "toolkit", "cheat sheet", "template", "templates", "write up",
    "writeup", "notes", "benchmarks", "slides", "deck", "guide", "findings", "data", "dataset",
    "scripts", "code", "repo", "results", "learnings", "lessons", "recording", "resources",
    "framework", "spreadsheet", "doc", "docs", "research", "report", "survey", "summary",
];

/// Endings that make "you might find" an offer, not self-promotion.
#[rustfmt::skip]
const FIND_USEFUL: &[&str] = &[
    "it useful", "it helpful", "this useful", "this helpful", "it interesting", "this interesting",
    "it relevant", "this relevant", "them useful", "them helpful", "it valuable", "this valuable",
    "these useful", "these helpful",
];

/// Openings of an offer; they count when an offering verb follows.
#[rustfmt::skip]
const OFFER_FRAMES: &[&str] = &[
    "happy to", "glad to", "delighted to", "i'm willing to", "i'd be willing to", "keen to",
    "ready to", "love to", "i can", "i could", "we can", "we could", "i'll", "we'll", "i'd", "we'd",
    "let me", "i'm able to", "i'd gladly", "i'm offering to", "i offer to", "can also",
    "could also", "i'd be happy to", "i'd be glad to",
];

/// Verbs of giving, after an offer frame: "happy to share", "I can introduce".
#[rustfmt::skip]
const OFFER_VERBS: &[&str] = &[
    "share", "help", "send", "introduce", "intro", "return", "reciprocate", "offer", "pass",
    "forward", "review", "walk", "lend", "support", "contribute", "answer", "provide", "give",
    "swap", "exchange", "trade", "buy", "pay", "mentor", "advise", "recommend", "point", "feature",
    "host", "invite", "amplify", "promote", "spread", "vouch", "refer", "loop", "test", "proofread",
    "teach", "coach", "bring", "repay", "boost", "cover", "treat", "sponsor", "donate", "volunteer",
    "assist", "compare", "connect", "put", "make", "do",
];

/// Verbs that count only with a fitting word after them: "connect you", "put you in
/// touch", "make an intro", "do the same", "be a sounding board".
const NEEDS_NEXT: &[(&str, &[&str])] = &[
    ("connect", &["you", "u"]),
    ("put", &["you"]),
    ("make", &["an", "intros", "introductions", "time", "the"]),
    ("do", &["the", "a", "same"]),
    ("compare", &["notes"]),
];

/// What the sender sends about themselves: not something offered to them.
#[rustfmt::skip]
const SELF_PROMOTION: &[&str] = &[
    "resume", "résumé", "cv", "portfolio", "profile", "pitch", "credentials", "application",
];

/// Words that may sit between a frame and its verb: "happy to also share".
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "gladly", "definitely", "certainly", "absolutely", "always", "happily", "personally",
    "quickly", "even", "just", "more", "really", "totally", "surely", "easily", "probably",
    "likely", "potentially", "perhaps", "maybe", "in", "turn", "likewise", "of", "course",
];

/// Phrases that offer something on their own.
#[rustfmt::skip]
const VALUE_PHRASES: &[&str] = &[
    // Help on their terms (the seeds: "Offer Help and Value").
    "if it's useful", "if it's helpful", "if useful", "if helpful", "if it helps", "if that helps",
    "in case it's useful", "in case it's helpful", "in case it helps", "if that's useful",
    "if that's helpful", "if that would be helpful", "if that would help", "if it would help",
    "if it'd help", "if you'd find it useful", "if you'd find it helpful", "if it's of interest",
    "if that's of interest", "if of interest", "might be useful", "might be helpful",
    "could be useful", "could be helpful", "may be useful", "may be helpful", "useful for your",
    "useful to your", "helpful for your", "helpful to your", "useful for you", "useful to you",
    "helpful for you", "helpful to you", "relevant for you", "relevant to you", "relevant to your",
    "relevant for your", "of interest to you", "of interest to your", "might be of interest",
    "may be of interest", "could be of interest", "might be of use", "of use to you",
    "of value to you", "valuable for you", "valuable to you", "valuable for your",
    "might interest you", "may interest you", "could interest you", "thought you might",
    "thought you'd", "figured you might", "figured you'd", "thought of you", "made me think of you",
    "let me know if i can", "let me know if there's anything", "let me know if you need",
    "let me know if you'd like a copy", "let me know if you'd like me to",
    "let me know if you want me to", "let me know if it would help",
    "let me know if that would help", "let me know if you'd like the",
    "let me know if you want the", "let me know if helpful", "let me know if useful",
    "let me know if you'd find", "if i can help", "if i can be of", "if i can be helpful",
    "if i can be useful", "if i can be any", "if i can ever", "if i can do", "if i can support",
    "if i can assist", "anything i can", "any way i can", "anyway i can", "how i can help",
    "how i can support", "how i might help", "how i could help", "how we can help",
    "how we could help", "if you ever need", "if you need a hand", "if you need help",
    "if you need any", "if you're ever looking for", "if you'd like a copy", "if you want a copy",
    "if you'd like the link", "if you'd like an intro", "if you'd like an introduction",
    "if you'd like me to", "if you want me to", "if you'd like to see", "if you want to see",
    "feel free to reach out", "feel free to ask", "feel free to ping",
    "don't hesitate to reach out", "don't hesitate to ask", "my door is open", "here if you need",
    "i'm around if", "be a sounding board", "be a resource", "at your disposal", "have you on",
    "feature you", "featuring you", "be a guest", "being a guest", "as a guest", "a guest on",
    "guest on", "guest post", "guest spot", "guest speaker",
    // Reciprocity (the seeds: "Understand the Reciprocity Principle").
    "in return", "return the favor", "reciprocate", "pay it forward", "two way street",
    "mutually beneficial", "mutual benefit", "benefit us both", "benefit both", "help each other",
    "support each other", "support one another", "learn from each other", "learn from one another",
    "help one another", "share mine", "share what i", "share what we", "share notes", "share ideas",
    "share experiences", "swap notes", "compare notes", "trade notes", "exchange notes",
    "exchange ideas", "swap ideas", "trade ideas", "swap stories", "exchange stories",
    "exchange experiences", "exchange insights", "exchange learnings", "exchange knowledge",
    "exchange perspectives", "exchange tips", "swap tips", "trade tips", "exchange best practices",
    "exchange lessons", "swap lessons", "comparing notes", "swapping notes", "trading notes",
    "exchanging ideas", "exchanging notes", "swap war stories", "trade war stories",
    // Resources and introductions.
    "i wrote up", "we wrote up", "i've written up", "i put together", "i've put together",
    "we put together", "we've put together", "i've compiled", "i compiled", "we compiled",
    "i've collected", "i've gathered", "send you a copy", "share a copy", "a copy if", "intro you",
    "introduce you", "connect you with", "connect you to", "put you in touch", "put you in contact",
    "buy you a coffee", "buy you coffee", "buy you lunch", "coffee's on me", "coffee is on me",
    "lunch is on me", "drinks are on me", "first round's on me", "it's on me", "my treat",
    "i can offer", "i could offer", "we can offer", "i have to offer", "to offer in return",
    "i offer", "we offer", "i'd offer", "can offer you",
    // Contributions and feedback.
    "give feedback", "give you feedback", "beta test", "beta tester", "found a bug", "fixed a bug",
    "opened a pr", "opened a pull request", "submitted a pr", "sent a pr", "pull request",
    "contributed to your", "contribute to your", "contributing to your",
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

/// First words of a closing line ("Best,", "Thanks!", "Looking forward to ...").
#[rustfmt::skip]
const SIGN_OFFS: &[&str] = &[
    "best", "thanks", "thank", "cheers", "regards", "kind", "warm", "warmest", "warmly",
    "sincerely", "all", "talk", "speak", "respectfully", "yours", "many", "take", "thx", "ta", "br",
    "rgds", "looking", "hope", "have", "until", "see", "chat", "with", "thankyou",
];

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
