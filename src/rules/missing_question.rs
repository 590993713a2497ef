//! `missing-question`: the note asks nothing and suggests no next step.
//!
//! Counts as a question: a sentence ending in "?" (not the "?" of a link), an
//! interrogative sentence whose question mark was forgotten ("what got you into
//! compilers"), or a light next step ("would you be open to", "let me know",
//! "curious how", "I'd love to hear", "what do you think"). A hard ask ("can you
//! refer me?") is still a question; `entitlement-ask` and `hard-sell` judge that.
//!
//! **Why it matters.** The seeds: "Ask questions ... one of the best ways to build
//! the relationship is to take time to get to know the person", and "Ask follow-up
//! questions to demonstrate your interest". A light question about their work gives
//! them an easy reason to reply; a note that only states things ends the conversation.
//!
//! **Example.** `Hi Sarah, I saw your talk at RustConf and I'm building a linter too. Happy to share our benchmarks.`
//! **Fix** (no mechanical fix; end with a light question):
//! `Hi Sarah, I saw your talk at RustConf and I'm building a linter too. Happy to share our benchmarks. What got you into compiler tooling?`

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::signals::value::body_end;

pub struct MissingQuestion;

impl Rule for MissingQuestion {
    fn id(&self) -> &'static str {
        "missing-question"
    }
    fn category(&self) -> Category {
        Category::Value
    }
    fn penalty(&self) -> u8 {
        2
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        if cx.doc.word_count() == 0 || cx.signals.question.is_some() {
            return;
        }
        let at = body_end(cx.doc);
        out.push(cx.finding(
            self,
            Severity::Suggestion,
            at,
            at,
            "End with a light question about their work, such as what got them into it or how they approached something. A question gives them an easy reason to reply.",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::signals::question::detect;
    use crate::text::Doc;
    use crate::Context;

    use crate::rules::testing::*;

    const RULE: &str = "missing-question";

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        detect(&doc, &Context::default()).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn fires_without_a_question() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I saw your talk at RustConf. Happy to share our benchmarks.",
            "Hi Sarah, let's connect!",
            "Hi Sarah, see https://example.com/page?ref=li for my work.",
            "Hi Sarah, I'm a nurse in Leeds. Would love to connect with you.",
            "Hi Sarah, looking forward to connecting.",
            "Hi Ana, great profile! Connect?",
            "Hi Ana, shall we connect?",
            "Hi Sarah, okay if I connect? 🙂",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn silent_with_a_question_or_next_step() {
        for text in [
            "Hi Sarah, loved your talk. What got you into compiler tooling?",
            "Hi Sarah, would you be open to a quick chat about caching",
            "Hi Sarah, let me know if the benchmarks would help.",
            "Hi Sarah, I'm curious how you handled the migration.",
            "Hi Sarah, I'd love to hear how your team runs on-call.",
            "Hi Sarah, what got you into compilers",
            "Hi Sarah, can you refer me for the role?",
            "",
        ] {
            silent(RULE, text);
        }
    }

    #[test]
    fn detect_finds_the_question() {
        assert_eq!(
            found("Hi Sarah, loved it. How did you pick salsa?").as_deref(),
            Some("How did you pick salsa?")
        );
        assert_eq!(
            found("Hi Sarah, how did you pick salsa").as_deref(),
            Some("Hi Sarah, how did you pick salsa")
        );
        assert_eq!(found("Read https://x.io/?a=1 please."), None);
        assert_eq!(found("Would love to connect with you."), None);
        assert_eq!(found("?"), None);
    }

    #[test]
    fn finding_points_at_the_end_of_the_body() {
        let text = "Hi Sarah, loved your talk.\nThanks,\nBo";
        let r = crate::analyze_bytes(text, &Context::default());
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(&text[..f.start], "Hi Sarah, loved your talk.");
        assert_eq!(f.replacement, None);
    }
}
