//! `wrong-role`: the note says the recipient is something their headline contradicts:
//! a title ("as CEO of Rolls-Royce" to an apprentice there), an occupation ("as a fellow
//! software engineer" to a pastry chef) or a school ("fellow Stanford alum" to a
//! Berkeley PhD). Silent without a headline; a school counts only when the headline
//! names one. Two words of a far field in a note about them, neither said to be
//! their work, is a warning without a cap: check the note is meant for them.
//!
//! **Why it matters.** Like a wrong name or company, a wrong role is the mark of a
//! template or a profile not read; the seeds' first rule is to personalise, and a
//! detail that is wrong is worse than none. An error: it caps the score at 30.
//!
//! **Example** (headline "Aerospace Apprentice at Rolls-Royce"):
//! `Hi Peter, as CEO of Rolls-Royce you must be busy, but I'd love 10 minutes.`
//! **Fix** (no mechanical fix: only the writer knows what they meant; the message
//! quotes the headline): `Hi Peter, I saw your apprenticeship post about the Trent engine line...`

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::signals::claims::{contradicted, Claim};

pub struct WrongRole;

/// The cap while the rule fires.
const CAP: u8 = 30;

impl Rule for WrongRole {
    fn id(&self) -> &'static str {
        "wrong-role"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        10
    }
    /// A stated claim caps the score; a clash of topics alone is a warning.
    fn cap(&self, cx: &Cx) -> Option<u8> {
        contradicted(cx.doc, &cx.ctx.recipient)
            .iter()
            .any(|&(_, claim)| claim != Claim::Topic)
            .then_some(CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let headline = cx.ctx.recipient.headline.as_deref().unwrap_or("");
        for (span, claim) in contradicted(cx.doc, &cx.ctx.recipient) {
            let shown = &cx.doc.text[span.start..span.end];
            let what = match claim {
                Claim::Title => "title",
                Claim::Occupation => "work",
                Claim::School => "school",
                Claim::Field => "field",
                Claim::Topic => "work",
            };
            let (severity, verb) = if claim == Claim::Topic {
                (Severity::Warning, "is far from")
            } else {
                (Severity::Error, "doesn't match")
            };
            let message = format!(
                "“{shown}” {verb} their {what}: their profile says “{headline}”. A wrong detail makes the note look like a template: check it or leave it out."
            );
            out.push(cx.finding(self, severity, span.start, span.end, message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CAP;
    use crate::report::Severity;
    use crate::rules::testing::*;
    use crate::{Context, Recipient};

    fn ctx(headline: &str) -> Context {
        Context {
            recipient: Recipient {
                name: Some("Peter Walsh".into()),
                headline: Some(headline.into()),
                company: None,
            },
            ..Context::default()
        }
    }

    #[test]
    fn fires_on_a_contradicted_title() {
        let text = "Hi Peter, as CEO of Rolls-Royce you must have a lot on your plate.";
        assert_eq!(
            count_with(
                "wrong-role",
                text,
                &ctx("Aerospace Apprentice at Rolls-Royce")
            ),
            1
        );
        assert!(
            crate::analyze(text, &ctx("Aerospace Apprentice at Rolls-Royce"))
                .score
                .unwrap()
                <= 30
        );
        // Their manager (the sender), not a title they hold.
        let text = "Your new manager from the 1st, taking over Erik's team. See you then, Sara.";
        assert_eq!(
            count_with("wrong-role", text, &ctx("Junior Data Analyst")),
            0
        );
    }

    #[test]
    fn an_occupation_held_somewhere_is_theirs_before_you() {
        let c = ctx("Head Sommelier | The Gilded Pheasant");
        for text in [
            "Hi Peter, as head chef at The Gilded Pheasant you've built a great menu.",
            "Hi Peter, as a seasoned Frontend Developer at Wendel, your React work caught my eye.",
        ] {
            assert_eq!(count_with("wrong-role", text, &c), 1, "{text}");
        }
        for (text, headline) in [
            // Theirs, by the headline.
            (
                "Hi Peter, as head chef at The Gilded Pheasant you've built a great menu.",
                "Head Chef at The Gilded Pheasant",
            ),
            // The sender's own post, then the sender speaking.
            (
                "As a chef at The Gilded Pheasant, I loved your wine list talk.",
                "Head Sommelier",
            ),
        ] {
            assert_eq!(count_with("wrong-role", text, &ctx(headline)), 0, "{text}");
        }
    }

    #[test]
    fn fires_on_an_occupation_said_to_be_theirs() {
        let c = ctx("Head of Line Maintenance | A320 fleet");
        let text = "Hi Peter, as a pilot you must have great stories from the cockpit.";
        assert_eq!(count_with("wrong-role", text, &c), 1);
        // Their own occupation; the sender's own.
        let text = "Hi Peter, as a pilot you must have great stories.";
        assert_eq!(
            count_with("wrong-role", text, &ctx("Captain and Pilot at Aer Lingus")),
            0
        );
        let text = "Hi Peter, as a pilot I read your post on fatigue rules twice.";
        assert_eq!(count_with("wrong-role", text, &c), 0);
        // A captain is not a cabin crew trainer; a receptionist is one at the front desk.
        let text = "Ciao Laura, as a captain you must have seen every kind of weather.";
        assert_eq!(
            count_with("wrong-role", text, &ctx("Cabin Crew Trainer")),
            1
        );
        assert_eq!(count_with("wrong-role", text, &ctx("Captain, A320")), 0);
    }

    #[test]
    fn fires_on_work_from_another_field() {
        let text = "Hi Peter, your keynote on Kubernetes security at KubeCon was eye-opening.";
        let c = ctx("Pastry Chef at The Ritz London");
        assert_eq!(count_with("wrong-role", text, &c), 1);
        assert!(crate::analyze(text, &c).score.unwrap() <= 30);
        let text = "Hi Peter, your keynote on croissant lamination was eye-opening.";
        assert_eq!(count_with("wrong-role", text, &c), 0);
    }

    #[test]
    fn a_far_topic_not_said_to_be_theirs_is_a_warning_without_a_cap() {
        let c = ctx("Pastry Chef at The Ritz London");
        let text = "Hi Peter, loved your Kubernetes and Terraform demo at KubeCon. What did the room ask about most?";
        let report = crate::analyze(text, &c);
        let found: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule == "wrong-role")
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("far from their work"));
        assert!(report.score.unwrap() > CAP);
        assert_eq!(report.capped_by, None);
        // Said to be their work, it is an error again.
        let text = "Hi Peter, your talk on Kubernetes and Terraform at KubeCon was great. What did the room ask about most?";
        let report = crate::analyze(text, &c);
        assert!(report.score.unwrap() <= CAP);
        assert_eq!(report.capped_by.as_deref(), Some("wrong-role"));
    }

    #[test]
    fn silent_when_the_profile_agrees_or_is_unknown() {
        let text = "Hi Peter, as CEO of Rolls-Royce you must have a lot on your plate.";
        assert_eq!(
            count_with("wrong-role", text, &ctx("CEO at Rolls-Royce")),
            0
        );
        silent("wrong-role", text);
        // "Graduate Analyst" is a job, not a school; "our HR team" is the sender's.
        assert_eq!(
            count_with(
                "wrong-role",
                "Hi Mei Lin, fellow NUS Econs grad here (class of 2024).",
                &ctx("Graduate Analyst at DBS Bank | Credit risk")
            ),
            0
        );
        assert_eq!(
            count_with(
                "wrong-role",
                "Hi Sarah, your article on remote pay answered a question our HR team had been stuck on.",
                &ctx("Labour & Employment Attorney at Littler")
            ),
            0
        );
    }
}
