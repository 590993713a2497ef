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

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::signals::value::body_end;

pub struct MissingValue;

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
            "If you can, offer something back: your notes, an introduction or a resource they'd find useful. It makes the request two-way.",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::signals::value::detect;
    use crate::text::Doc;
    use crate::Context;

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
