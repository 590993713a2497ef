//! `missing-specifics`: nothing in the note is specific to the person's own work.
//!
//! Counts as specific: a piece of their work with something that pins it down
//! ("your talk on incremental builds", "your RustConf keynote", "your churn model",
//! "your approach to hiring", "your research", "your book"), congratulations on
//! something of theirs ("congrats on the new role"), what they did ("the project you
//! led", "what you're building at Acme"), news about their company ("the Series B"),
//! their company by name (but not a bare "I see you work at Acme", which only
//! repeats their profile), or a distinctive word from their headline in a sentence
//! addressed to them ("how you run observability"). A vague "your recent post",
//! "your impressive background" or "your post on leadership" is not specific.
//!
//! **Why it matters.** The seeds: "Show genuine interest in their work" and "Engage
//! with their work, demonstrate genuine interest in their achievements". One concrete
//! detail proves the note was written for this person; praise that fits anyone reads
//! as a template.
//!
//! **Example** (recipient Sarah Chen at Acme): `Hi Sarah, I'd love to connect and learn from your experience.`
//! **Fix** (no mechanical fix: only the writer knows what they noticed; the message
//! names their company or headline topic): `Hi Sarah, your RustConf talk on incremental
//! builds saved us a week. I'd love to connect and learn from your experience.`

use super::{Cx, Rule, GENERIC_CAP};
use crate::report::{Category, Finding, Severity};
use crate::signals::after_greeting;
use crate::signals::specifics::as_name;
use crate::signals::specifics::headline_topic;

pub struct MissingSpecifics;

impl Rule for MissingSpecifics {
    fn id(&self) -> &'static str {
        "missing-specifics"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        16
    }
    /// Nothing of theirs and no word on how they know them: the note could go to
    /// anyone with their name on it, and scores no better than a vague one.
    fn cap(&self, cx: &Cx) -> Option<u8> {
        (cx.signals.how_found.is_none() && cx.signals.shared_past.is_none()).then_some(GENERIC_CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.word_count() == 0 || cx.signals.specifics.is_some() {
            return;
        }
        let at = after_greeting(doc, cx.signals.greeting);
        // No sentence is inserted: only the writer knows what of theirs they noticed, and
        // a stock line ("I've been following your work at Acme") is what this rule exists
        // to catch. The message says what to write, naming what the profile shows.
        let theirs = (cx.ctx.recipient.known().company.as_deref())
            .map(|c| format!(" at {}", as_name(c)))
            .or_else(|| headline_topic(cx.ctx).map(|t| format!(" on {t}")))
            .unwrap_or_default();
        let message = format!(
            "Mention one concrete thing of theirs, such as a talk, post or project{theirs}, and what you took from it. One real detail shows the note was written for them."
        );
        let replacement: Option<String> = None;
        out.push(cx.finding(self, Severity::Warning, at, at, message, replacement));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::signals::specifics::company_name;
    use crate::signals::specifics::detect;
    use crate::text::Doc;
    use crate::Context;
    use crate::Recipient;

    const RULE: &str = "missing-specifics";

    fn ctx(company: Option<&str>, headline: Option<&str>) -> Context {
        Context {
            recipient: Recipient {
                name: Some("Sarah Chen".into()),
                company: company.map(str::to_string),
                headline: headline.map(str::to_string),
            },
            ..Context::default()
        }
    }

    fn found_with(text: &str, c: &Context) -> Option<String> {
        let doc = Doc::new(text);
        detect(&doc, c).map(|s| text[s.start..s.end].to_string())
    }

    fn found(text: &str) -> Option<String> {
        found_with(text, &Context::default())
    }

    #[test]
    fn fires_without_anything_specific() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I came across your profile and was impressed by your background.",
            "Hi Sarah, loved your recent post! Let's connect.",
            "Hi Sarah, your post on leadership really resonated with me.",
            "Hi Sarah, I admire your work and would value your insights.",
            "Hi Sarah, I'm a data engineer looking to grow my network in tech.",
            "Hi Sarah, I would appreciate your advice on breaking into product.",
            "Hi Sarah, I'd like to connect as you are an expert in your field.",
            "Hi Sarah, your name came up when I asked around. Let's connect.",
            "Hi Sarah, your energy shines and your leadership experience is inspiring.",
            // A capital after the greeting is no name: "You" names nothing.
            "Hi Sarah, You might not remember me but I remember you! DM me.",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn silent_with_something_specific() {
        for text in [
            "Hi Sarah, I saw your talk at RustConf on incremental builds.",
            "Hi Sarah, your post about on-call rotations changed how we run ours.",
            "Hi Sarah, I enjoyed your RustConf keynote.",
            "Hi Sarah, congrats on the new role!",
            "Hi Sarah, I read about the migration you led at your last company.",
            "Hi Sarah, I've been reading your research on battery degradation.",
            "Hi Sarah, great chatting about your churn model last night.",
            "Hi Sarah, your team's work on the design system is superb.",
            "Hi Sarah, I liked your approach to hiring juniors.",
            "Hi Sarah, we'd love you to speak about your accessibility work.",
            "Hi Sarah, congrats on the Series B!",
            "Hi Sarah, I saw you're hiring for a frontend lead.",
            "Hi Sarah, Dana said you made the same switch from teaching.",
            "Hi Sarah, I saw you're doing similar things at Swiggy.",
            "Hi Sarah, my sister said you're the person to talk to about cocoa supply chains.",
            "",
        ] {
            silent(RULE, text);
        }
    }

    #[test]
    fn company_and_headline_count() {
        let c = ctx(Some("Acme, Inc."), Some("Staff Engineer | Observability"));
        assert_eq!(
            count_with(RULE, "Hi Sarah, I hear Acme is growing fast.", &c),
            0
        );
        assert_eq!(
            count_with(RULE, "Hi Sarah, how do you approach observability?", &c),
            0
        );
        assert_eq!(
            count_with(RULE, "Hi Sarah, what is observability like at scale?", &c),
            0
        );
        // A headline word in a sentence about the sender is not about them.
        assert_eq!(
            count_with(RULE, "Hi Sarah, I work on observability too.", &c),
            1
        );
        // Saying only that they work there is not specific.
        assert_eq!(
            count_with(RULE, "Hi Sarah, I see you work at Acme. Let's connect.", &c),
            1
        );
        assert_eq!(
            count_with(RULE, "Hi Sarah, I'm a big fan of Acme's new SDK.", &c),
            0
        );
        // Everyday-word company names count only capitalised.
        let sq = ctx(Some("Square"), None);
        assert_eq!(
            count_with(RULE, "Hi Sarah, back to square one for me.", &sq),
            1
        );
        assert_eq!(count_with(RULE, "Hi Sarah, how is life at Square?", &sq), 0);
    }

    /// The fix never writes praise or a claim for them: it names what to write about.
    #[test]
    fn says_what_to_write_and_inserts_nothing() {
        let message = |text: &str, c: &Context| {
            let r = crate::analyze_bytes(text, c);
            let f = r.findings.iter().find(|f| f.rule == RULE).cloned().unwrap();
            assert_eq!(f.replacement, None, "no sentence is inserted into {text:?}");
            f.message
        };
        assert!(message(
            "Hi Sarah, I'd love to connect.",
            &ctx(Some("Acme Inc."), None)
        )
        .contains("at Acme"));
        let h = ctx(None, Some("Principal Engineer at Globex | Rust"));
        assert!(message("Hi Sarah, Let's connect.", &h).contains("at Globex"));
        let t = ctx(None, Some("Researcher | Distributed systems"));
        assert!(message("Hi Sarah! Let's connect.", &t).contains("on distributed systems"));
    }

    #[test]
    fn no_fix_without_company_or_headline() {
        let r = crate::analyze_bytes("Hi Sarah, let's connect.", &ctx(None, None));
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(f.replacement, None);
        assert_eq!((f.start, f.end), (10, 10));
    }

    #[test]
    fn detect_finds_the_specific_phrase() {
        assert_eq!(
            found("Loved your RustConf talk!").as_deref(),
            Some("your RustConf talk")
        );
        assert_eq!(
            found("I read your piece on SBAR handovers.").as_deref(),
            Some("your piece")
        );
        assert_eq!(
            found("Your work at Initech is great.").as_deref(),
            Some("Your work")
        );
        assert_eq!(found("Your post resonated with me."), None);
        assert_eq!(found("I value your time."), None);
        assert_eq!(
            company_name(&ctx(None, Some("VP Sales @ Initech | ex-Google")).recipient).as_deref(),
            Some("Initech")
        );
        assert_eq!(
            found_with("Hi, is Initech hiring?", &ctx(Some("Initech"), None)).as_deref(),
            Some("Initech")
        );
    }
}
