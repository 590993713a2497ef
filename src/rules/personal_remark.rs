//! `personal-remark`: a remark on the person's looks or an endearment: "Hey
//! beautiful,", "Hello dear,", "you look stunning", "I saw your profile picture".
//!
//! **Why it matters.** The seeds ask to respect boundaries and to show interest in
//! their work. A remark on a stranger's looks turns a professional invitation into a
//! pass at them: people decline and report such notes, whatever else they say. It
//! caps the score at 20, like a get-rich scheme.
//!
//! **Example.** `Hey beautiful, saw your profile picture and had to reach out.`
//! **Fix** (no mechanical fix; the note needs a reason that is about their work):
//! `Hi Leah, I read your piece on cross-border arbitration at Skadden; I'm a 2L writing
//! on the same topic and would value connecting.`

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};

pub struct PersonalRemark;

/// The cap while the note remarks on their looks.
const CAP: u8 = 20;

impl Rule for PersonalRemark {
    fn id(&self) -> &'static str {
        "personal-remark"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        15
    }
    fn cap(&self, _cx: &Cx) -> Option<u8> {
        Some(CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        for &span in &cx.signals.remarks {
            let shown = &cx.doc.text[span.start..span.end];
            let message = format!("“{shown}” is too personal for a first note and can read as flirting, which people report. Leave it out and say what in their work brings you here.");
            out.push(cx.finding(self, Severity::Error, span.start, span.end, message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "personal-remark";

    #[test]
    fn fires_on_remarks_about_looks() {
        fires(RULE, "Hey beautiful, saw your profile picture and had to reach out. Would love to get to know you better, maybe over dinner?");
        fires(RULE, "Hello dear, I saw your profile picture and you look very beautiful. I want to know you more.");
        fires(RULE, "you are beautiful");
    }

    #[test]
    fn silent_on_work_and_greetings() {
        silent(
            RULE,
            "Dear Ahmed, your photo series from 2019 is how I found Haji Salim.",
        );
        silent(
            RULE,
            "Hi Sarah, your beautiful write-up on Rust lifetimes helped my team.",
        );
        silent(RULE, "Tom, we met at the Hannover Messe dinner on Tuesday.");
    }

    #[test]
    fn caps_the_score() {
        let ctx = ctx_for("Sarah Chen");
        let r = crate::analyze_bytes(
            "Hi Sarah, you look stunning in your profile photo. I also loved your RustConf talk on wasm caching; I'm building a linter and would value your view. What got you into compilers?",
            &ctx,
        );
        assert!(r.findings.iter().any(|f| f.rule == RULE));
        assert!(r.score.is_some_and(|s| s <= 20), "{:?}", r.score);
    }
}
