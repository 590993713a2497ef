//! `hard-sell`: a sales pitch or a meeting request in a first note: "book a demo",
//! "free trial", "limited offer", "our services", "we help companies like yours",
//! "increase your revenue", "I'd love to show you how", and asks for a call
//! ("hop on a call", "15 minutes of your time", "quick 15-minute call").
//!
//! **Why it matters.** The seeds say to build the relationship first: start by
//! getting to know what matters to the other person before sharing "all of the great
//! things" you have to offer, ask questions, and offer help and value. A pitch to a
//! stranger is the opposite: it asks for their money or time before there is any
//! relationship, and people accept connections, not pitches. A pitch caps the score
//! at 45.
//!
//! Meetings: scheduling language ("book a call", "hop on a call", "15 minutes of your
//! time", "my calendar") is the sales cadence and is always flagged, without the cap.
//! A plain "open to a quick call?" or "a 15-minute chat about your path?" after a
//! specific note is the light next step good notes end with, so it is only flagged
//! when the note also pitches.
//!
//! **Example.** `Hi Sarah, we help companies like yours increase revenue by 30%. Can we hop on a quick 15-minute call?`
//! **Fix** (a rewrite, not a mechanical edit): `Hi Sarah, your post on churn at Acme
//! matched what we see with B2B teams. Happy to share our retention benchmarks; how
//! do you measure churn today?`

use super::filler::{negated, standalone};
use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::text::{Hit, Lexicon};
use std::sync::LazyLock;

pub struct HardSell;

/// The cap while a pitch is in the note.
const PITCH_CAP: u8 = 45;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sell {
    /// A pitch: product, offer, pricing, "companies like yours".
    Pitch,
    /// Scheduling language: "book a call", "15 minutes of your time".
    SalesCall,
    /// A light call request ("a quick call?"): part of the pitch when there is one.
    Call,
}

const PITCH: &[&str] = &[
    "book a demo",
    "schedule a demo",
    "set up a demo",
    "get a demo",
    "request a demo",
    "a free demo",
    "a quick demo",
    "a short demo",
    "a live demo",
    "show you a demo",
    "give you a demo",
    "demo of our",
    "discovery call",
    "sales call",
    "free trial",
    "free consultation",
    "free audit",
    "free strategy session",
    "limited offer",
    "limited time offer",
    "limited-time offer",
    "special offer",
    "exclusive offer",
    "exclusive deal",
    "special discount",
    "exclusive discount",
    "a discount",
    "discount code",
    "promo code",
    "our services",
    "our service",
    "our product",
    "our products",
    "our solution",
    "our solutions",
    "our platform",
    "our software",
    "our agency",
    "our offering",
    "our offerings",
    "our pricing",
    "our packages",
    "our rates",
    "my services",
    "my agency",
    "my offer",
    "pricing plans",
    "special pricing",
    "pricing details",
    "we help companies",
    "we help businesses",
    "we help brands",
    "we help startups",
    "we help founders",
    "we help organizations",
    "we help organisations",
    "we help agencies",
    "we help b2b",
    "I help companies",
    "I help businesses",
    "I help founders",
    "I help brands",
    "I help coaches",
    "I help agencies",
    "companies like yours",
    "businesses like yours",
    "teams like yours",
    "brands like yours",
    "firms like yours",
    "organizations like yours",
    "increase your revenue",
    "boost your revenue",
    "grow your revenue",
    "double your revenue",
    "increase your sales",
    "boost your sales",
    "grow your sales",
    "scale your business",
    "grow your business",
    "generate more leads",
    "more qualified leads",
    "qualified leads",
    "your ROI",
    "guaranteed ROI",
    "increase ROI",
    "improve ROI",
    "boost ROI",
    "maximize ROI",
    "maximise ROI",
    "save you money",
    "cut your costs",
    "reduce your costs",
    "I'd love to show you how",
    "I would love to show you how",
    "I'd love to show you",
    "I would love to show you",
    "let me show you how",
    "I can show you how",
    "I could show you how",
    "if I could show you",
    "would you be interested in our",
    "are you interested in our",
    "we specialize in",
    "we specialise in",
    "sign up for",
    "sign up today",
    "buy now",
    "order now",
];

const SALES_CALL: &[&str] = &[
    "schedule a call",
    "book a call",
    "set up a call",
    "hop on a call",
    "jump on a call",
    "get on a call",
    "hop on a quick call",
    "jump on a quick call",
    "get on a quick call",
    "schedule a quick call",
    "book a quick call",
    "schedule a meeting",
    "book a meeting",
    "set up a meeting",
    "book a time",
    "book a slot",
    "grab some time",
    "my calendar",
    "my calendly",
    "a few minutes of your time",
    "few minutes of your time",
];

const CASUAL_CALL: &[&str] = &["a quick call", "quick call", "a quick chat", "quick chat"];

/// Call phrases: scheduling language, "15 minutes of your time", and the casual
/// "a quick call", "a 15-minute chat".
fn call_phrases() -> Vec<(String, Sell)> {
    let mut out: Vec<(String, Sell)> = SALES_CALL
        .iter()
        .map(|s| (s.to_string(), Sell::SalesCall))
        .chain(CASUAL_CALL.iter().map(|s| (s.to_string(), Sell::Call)))
        .collect();
    let things = ["call", "chat", "meeting", "zoom", "conversation"];
    let mut durations = vec![String::new()];
    for n in [
        "5", "10", "15", "20", "30", "five", "ten", "fifteen", "twenty", "thirty",
    ] {
        for unit in ["minutes", "mins", "minute", "min"] {
            out.push((format!("{n} {unit} of your time"), Sell::SalesCall));
            for thing in things {
                out.push((format!("{n} {unit} {thing}"), Sell::Call));
            }
            durations.push(format!("{n} {unit} "));
        }
    }
    // "hop on a quick 15-minute call", "book a 30 min meeting".
    for verb in ["hop on", "jump on", "get on", "schedule", "book", "set up"] {
        for quick in ["a ", "a quick "] {
            for d in &durations {
                for thing in things {
                    out.push((format!("{verb} {quick}{d}{thing}"), Sell::SalesCall));
                }
            }
        }
    }
    out
}

static ENTRIES: LazyLock<Vec<(String, Sell)>> = LazyLock::new(|| {
    let mut out: Vec<(String, Sell)> = PITCH.iter().map(|s| (s.to_string(), Sell::Pitch)).collect();
    out.extend(call_phrases());
    out
});

static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

fn sells(cx: &Cx) -> Vec<(Hit, Sell)> {
    let all: Vec<(Hit, Sell)> = cx
        .doc
        .find_iter(&PHRASES)
        .filter(|h| standalone(cx.doc, h) && !negated(cx.doc, h))
        .map(|h| (h, ENTRIES[h.phrase].1))
        .collect();
    let pitch = all.iter().any(|&(_, s)| s == Sell::Pitch);
    all.into_iter()
        .filter(|&(_, s)| pitch || s != Sell::Call)
        .collect()
}

impl Rule for HardSell {
    fn id(&self) -> &'static str {
        "hard-sell"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        12
    }
    /// A pitch before any relationship caps the score at 45; a call request alone does not.
    fn cap(&self, cx: &Cx, _findings: &[Finding]) -> Option<u8> {
        sells(cx)
            .iter()
            .any(|&(_, s)| s == Sell::Pitch)
            .then_some(PITCH_CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        for (hit, sell) in sells(cx) {
            let shown = &cx.doc.text[hit.start..hit.end];
            let message = match sell {
                Sell::Pitch => format!("“{shown}” is a sales pitch in a first note. People accept connections, not pitches: start with their work, offer something useful, and ask about their needs before selling."),
                Sell::SalesCall | Sell::Call => format!("“{shown}” asks a stranger for their time before there's any relationship. Ask a question about their work instead, and suggest a call once they've replied."),
            };
            out.push(cx.finding(self, Severity::Warning, hit.start, hit.end, message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Context;

    const ID: &str = "hard-sell";

    #[test]
    fn fires_on_pitches_and_call_asks() {
        fires(
            ID,
            "Hi Sarah, we help companies like yours increase revenue by 30%.",
        );
        fires(ID, "Would you like to book a demo of our platform?");
        fires(ID, "Start your free trial today, it's a limited offer!");
        fires(ID, "Can we hop on a quick 15-minute call this week?");
        fires(ID, "Could I have 15 minutes of your time?");
        fires(
            ID,
            "I'd love to show you how our tool can boost your sales.",
        );
        fires(
            ID,
            "Check out our pricing plans, there's a discount code inside.",
        );
    }

    #[test]
    fn a_light_call_request_is_not_a_pitch() {
        silent(ID, "Hi Inês, your paper on drought legacy effects overlaps with our dune dataset. Interested in a quick call about a comparison?");
        silent(ID, "Hi Mei, I'm a student at Cornell and saw your move to revenue management. Would you be open to a 15-minute chat about your path?");
        // With a pitch it is part of the pitch.
        assert_eq!(
            count(
                ID,
                "We help companies like yours cut churn. Open to a quick call?"
            ),
            2
        );
    }

    #[test]
    fn silent_on_relationship_first_notes() {
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk on wasm tooling. How do you test the linker?",
        );
        silent(
            ID,
            "I read your post on usage-based pricing; the part on seat limits was new to me.",
        );
        silent(ID, "Your demo at RustConf was great.");
        silent(
            ID,
            "We met at the Rust meetup; happy to share our benchmarks if useful.",
        );
        silent(
            ID,
            "I'm not trying to book a demo, just curious how you measure churn.",
        );
        silent(
            ID,
            "Your talk on measuring the ROI of developer experience was great.",
        );
        silent(ID, "");
    }

    #[test]
    fn one_finding_per_phrase_and_no_fix() {
        // "We help companies like yours" is one finding: overlapping phrases merge.
        let text = "We help companies like yours. Book a demo or hop on a call.";
        assert_eq!(count(ID, text), 3);
        let r = crate::analyze_bytes(text, &Context::default());
        assert!(r
            .findings
            .iter()
            .filter(|f| f.rule == ID)
            .all(|f| f.replacement.is_none()));
    }

    #[test]
    fn a_pitch_caps_the_score_but_a_call_ask_does_not() {
        let pitch = "Hi Sarah, I loved your RustConf talk on wasm tooling and the linker part. We help companies like yours ship wasm faster; happy to share our benchmarks. How do you test the linker today?";
        assert!(crate::analyze(pitch, &Context::default()).score <= PITCH_CAP);
        let call = "Hi Sarah, I loved your RustConf talk on wasm tooling and the linker part. I'm building a linter and happy to share our benchmarks. Could we hop on a call?";
        let r = crate::analyze(call, &Context::default());
        assert_eq!(count(ID, call), 1);
        // No cap: the total is the sum of the categories.
        let sum: u32 = r.categories.iter().map(|c| u32::from(c.score)).sum();
        assert_eq!(u32::from(r.score), sum.min(100));
    }
}
