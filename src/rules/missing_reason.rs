//! `missing-reason`: the note never says why the sender wants to connect.
//!
//! Counts as a reason: an explicit one ("I'm reaching out because", "since we both",
//! "as a fellow nurse"), a purpose ("to learn how", "to swap notes", "to stay in
//! touch", "connect and compare notes"), an ask for their view ("I'd value your
//! perspective on", "your take on"), what the sender is doing that makes them
//! relevant ("I'm exploring", "I'm building", "I'm moving into"), advice, mentorship,
//! collaboration or a role. LinkedIn's default "I'd like to add you to my
//! professional network", a bare "let's connect" and purposes that fit anyone
//! ("looking to grow my network", "interested in connecting", a bare "would love to
//! learn from you!") are not reasons: an intent counts only when what follows it in
//! its sentence names something beyond networking words. A shared past ("great
//! meeting you at", "we worked together", "long time since", and any sentence
//! [`crate::signals::how_found::shared_past`] finds) is its own reason.
//!
//! **Why it matters.** The seeds: "Be clear about your intentions ... Whether you're
//! looking for advice, mentorship, or collaboration, articulating your intentions
//! makes it easier for the recipient to understand how they can assist you." A
//! request without a reason is the generic invitation people ignore.
//!
//! **Example.** `Hi Sarah, I saw your talk at RustConf. I'd like to connect with you.`
//! **Fix** (no mechanical fix; say why them, why now):
//! `Hi Sarah, I saw your talk at RustConf. I'm building a Rust linter and would value your view on caching.`

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::signals::after_greeting;
use crate::text::earliest;

pub struct MissingReason;

impl Rule for MissingReason {
    fn id(&self) -> &'static str {
        "missing-reason"
    }
    fn category(&self) -> Category {
        Category::Reason
    }
    fn penalty(&self) -> u8 {
        10
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.word_count() == 0 || cx.signals.reason.is_some() {
            return;
        }
        // Where a reason reads best: after what they know of the person, else after the greeting.
        let at = earliest(&[cx.signals.how_found, cx.signals.specifics])
            .and_then(|s| doc.sentence_at(s.start))
            .map_or_else(|| after_greeting(doc, cx.signals.greeting), |s| s.end);
        out.push(cx.finding(
            self,
            Severity::Warning,
            at,
            at,
            "Say in one line why you want to connect with them, and why now: advice on something, a shared project, swapping notes. A clear reason is what gets a stranger to accept.",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::signals::reason::detect;
    use crate::text::Doc;
    use crate::Context;

    use crate::rules::testing::*;

    const RULE: &str = "missing-reason";

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        detect(&doc, &Context::default()).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn a_shared_past_is_reason_enough() {
        silent(
            RULE,
            "Nice meeting you at Sunday's 10k, Ravi. Still can't believe that last hill.",
        );
        silent(
            RULE,
            "Hi Tom, we worked together at Globex back in 2019. Long time!",
        );
        silent(RULE, "Connecting as promised after our chat at the booth.");
        fires(RULE, "Hi Tom, I'd like to meet you.");
    }

    #[test]
    fn where_they_stand_beside_their_work_is_a_reason() {
        silent(
            RULE,
            "Hi Elena, I coordinate oncology trials in Tallinn. Your ESMO poster on app-based PROs is close to what we're building.",
        );
        silent(
            RULE,
            "Hi Rosa, I run a K-8 cafeteria in Fresno. Your pilot swapping canned peaches for local stone fruit is exactly what I want to try.",
        );
        // Where they stand without anything of the recipient's is no reason.
        fires(RULE, "Hi Rosa, I run a cafeteria in Fresno. Let's connect.");
        // Nor is anything of theirs without a place the sender stands.
        fires(
            RULE,
            "Hi Rosa, I am a fan. Your pilot swapping canned peaches was great.",
        );
    }

    #[test]
    fn fires_without_a_reason() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I saw your talk at RustConf. I'd like to connect with you.",
            "Hi Sarah, let's connect!",
            "Hi Sarah, I'm looking to grow my network with like-minded professionals.",
            "Hi Sarah, I'm a product manager in Berlin. Would love to connect.",
            "Hi Sarah, I'm interested in connecting with you.",
            "Hey, hoping to connect and expand my network!",
            "Hi Sarah, I'd love to get to know you and learn more about you.",
            "Hi Sarah, I'd love the opportunity to connect.",
            "Hi Lin, I admire your work. Would love to connect and learn from you!",
            "Hi Lin, I'd love to learn more about your journey.",
            // The announcement `filler` shortens is not what the sender is doing: the
            // note reads the same before and after its fix.
            "Dear Hiring Manager, I am writing to express my interest in any suitable vacancy.",
            "Dear Hiring Manager, I'd like to express my interest in any suitable vacancy.",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn silent_with_a_reason() {
        for text in [
            "Hi Sarah, I'm reaching out because I'm moving into developer relations.",
            // Where the sender stands, with "I'm" spelled out.
            "Hi Natasha, I am the physio who did the injury prevention morning with your senior girls in September.",
            "Hi Sarah, I'd love to connect to learn how your team runs on-call.",
            "Hi Sarah, since we both work on wasm tooling, it'd be great to swap notes.",
            "Hi Sarah, I'd value your perspective on caching strategies.",
            "Hi Sarah, as a fellow nurse educator I'd love to stay in touch.",
            "Hi Sarah, I'm exploring a move from law into product.",
            "Hi Sarah, great meeting you at the Leeds Rust meetup. Let's keep in touch!",
            "Hi Sarah, Im building a Rust linter and would love your take.",
            "Hi Sarah, I do the same audits for councils, maybe we can help each other?",
            "Hi Sarah, would you be up for being a guest on our podcast?",
            "hi sarah! i'm an illustration student, would love to follow your work :)",
            "Hi Lin, I'd love to learn from you about running on-call rotations.",
            "Hi Sarah, we met at the conference. Could I ask how you run your problem walls?",
            "Hi Sarah, I'm looking to grow my network and learn from leaders in fintech.",
            "",
        ] {
            silent(RULE, text);
        }
    }

    /// A shared past that names nothing ("the meetup", "the event") is no reason: it
    /// fits anyone who was in the room.
    #[test]
    fn a_vague_shared_past_is_no_reason() {
        fires(
            RULE,
            "Hi Sarah, great meeting you at the meetup. Let's keep in touch!",
        );
    }

    #[test]
    fn an_exchange_needs_a_subject() {
        fires(RULE, "Hey Josh! Your post on productivity was so inspiring. Would love to connect and share ideas 🙌");
        silent(
            RULE,
            "Hey Josh! Would love to share ideas on rural broadband grants.",
        );
    }

    #[test]
    fn stock_networking_text_is_no_reason() {
        fires(RULE, "Hi Siobhan, love what you're doing! We should definitely connect and see how we can help each other grow.");
        silent(RULE, "Hi Siobhan, I'm moving into dairy logistics and would value your advice on cold chains.");
    }

    #[test]
    fn detect_finds_the_reason() {
        assert_eq!(
            found("Let's connect since we both love Rust.").as_deref(),
            Some("since we")
        );
        assert_eq!(
            found("I’d value your perspective on pricing.").as_deref(),
            Some("value your perspective")
        );
        assert_eq!(found("I'm hoping to connect with you."), None);
        assert_eq!(found("I'm looking for new opportunities."), None);
        assert_eq!(
            found("I'm looking for advice on moving into nursing informatics.").as_deref(),
            Some("I'm looking for")
        );
        assert_eq!(
            found("I'm hoping to work with you on the grant.").as_deref(),
            Some("to work with you")
        );
    }

    #[test]
    fn finding_points_after_what_they_know_of_them() {
        let text = "Hi Sarah, I saw your talk at RustConf. Let's connect.";
        let r = crate::analyze_bytes(text, &Context::default());
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(&text[..f.start], "Hi Sarah, I saw your talk at RustConf.");
        assert_eq!(f.start, f.end);
        assert_eq!(f.replacement, None);
    }
}
