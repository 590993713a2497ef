//! `hard-sell`: a sales pitch or a meeting request in a first note: "book a demo",
//! "free trial", "limited offer", "our services", "we help companies like yours",
//! "increase your revenue", "I'd love to show you how", a price ("I can fix it for
//! $499", "rates start at $15/hr"), the stock recruiter pitch ("exciting
//! opportunities", "send me your CV"),
//! get-rich schemes ("financial freedom", "40% returns last month", "100% legit"),
//! and asks for a call ("hop on a call", "15 minutes of your time", "quick 15-minute
//! call").
//!
//! **Why it matters.** The seeds say to build the relationship first: start by
//! getting to know what matters to the other person before sharing "all of the great
//! things" you have to offer, ask questions, and offer help and value. A pitch to a
//! stranger is the opposite: it asks for their money or time before there is any
//! relationship, and people accept connections, not pitches. A pitch caps the score
//! at 35; a get-rich scheme, the spam people report, at 20.
//!
//! Meetings: scheduling language ("book a call", "hop on a call", "15 minutes of your
//! time", "my calendar") is the sales cadence: always flagged, and it holds the score
//! under the 50 line (45), since it asks a stranger for their time before anything
//! else. In the labelled dev halves it fired on no good note and on 65 bad ones.
//! A plain "open to a quick call?" or "a 15-minute chat about your path?" after a
//! specific note is the light next step good notes end with, so it is only flagged
//! when the note also pitches.
//!
//! **Example.** `Hi Sarah, we help companies like yours increase revenue by 30%. Can we hop on a quick 15-minute call?`
//! **Fix** (a rewrite, not a mechanical edit): `Hi Sarah, your post on churn at Acme
//! matched what we see with B2B teams. Happy to share our retention benchmarks; how
//! do you measure churn today?`

use super::{Cx, Rule};
use crate::edits::{negated, standalone};
use crate::lang::en::{
    CASUAL_CALL, CLAIM_SUBJECTS, CLAIM_VERBS, GAINS, PER, PITCH, SALES_CALL, SCHEME,
};
use crate::report::{Category, Finding, Severity};
use crate::text::{Hit, Lexicon};
use std::sync::LazyLock;

pub struct HardSell;

/// The cap while a pitch is in the note.
const PITCH_CAP: u8 = 35;
/// The cap while a get-rich scheme is in the note.
const SCHEME_CAP: u8 = 20;
/// The cap while the note asks a stranger to book a call ("hop on a call").
const SALES_CALL_CAP: u8 = 45;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sell {
    /// A pitch: product, offer, pricing, "companies like yours".
    Pitch,
    /// A pitch by the shape of its sentence: a question about how their team handles
    /// something today, or what the sender's firm does for businesses like theirs.
    Prospect,
    /// A get-rich scheme: MLM, trading "returns", "financial freedom".
    Scheme,
    /// Scheduling language: "book a call", "15 minutes of your time".
    SalesCall,
    /// A light call request ("a quick call?"): part of the pitch when there is one.
    Call,
}

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
    out.extend(SCHEME.iter().map(|s| (s.to_string(), Sell::Scheme)));
    out.extend(call_phrases());
    out
});

/// The start of a word that asks a price right before byte `at` ("only", "just", "fee
/// of"): read from the end of the text before it, never the whole of it.
fn price_word_before(text: &str, at: usize) -> Option<usize> {
    let head = text[..at].trim_end();
    [
        "only",
        "just",
        "fee of",
        "fees of",
        "price of",
        "costs",
        "it for",
        "them for",
        "one for",
        "starting from",
        "starting at",
        "starts at",
        "prices from",
        "packages from",
        "plans from",
        // The price of a place they are offered: "Speaking slots are $3,000".
        "slots are",
        "slot is",
        "seats are",
        "tickets are",
        "places are",
        "spots are",
        "package is",
        "packages are",
        "sponsorship is",
    ]
    .iter()
    .find_map(|w| {
        let from = head.len().checked_sub(w.len())?;
        (head.is_char_boundary(from)
            && head[from..].eq_ignore_ascii_case(w)
            && !head[..from].ends_with(|c: char| c.is_alphanumeric()))
        .then_some(from)
    })
}

/// A currency sign that starts a price ("$55/hr", "₦350k").
fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '₹' | '¥' | '₦' | '₱' | '₺' | '₩')
}

/// Prices and trading claims: a currency amount with a rate ("$55/hr", "£300 a day",
/// "20% off") and a percentage of returns ("40% returns last month"). A plain amount
/// ("congrats on the $20M round") is not a price.
fn prices(text: &str) -> Vec<(usize, usize, Sell)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let currency = is_currency(c);
        let digit_start = !currency
            && c.is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && text[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !is_currency(p));
        if !(currency || digit_start) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i + if currency { c.len_utf8() } else { 0 };
        let digits = j;
        while j < bytes.len()
            && (bytes[j].is_ascii_digit()
                || (bytes[j] == b',' || bytes[j] == b'.')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit))
        {
            j += 1;
        }
        if j == digits {
            i = j.max(i + 1);
            continue;
        }
        if j < bytes.len() && matches!(bytes[j], b'k' | b'K') {
            j += 1;
        }
        // The longest word that can follow is 12 bytes (" per month"): look no further.
        let rest: String = text[j..]
            .chars()
            .take(12)
            .collect::<String>()
            .to_ascii_lowercase();
        // A currency amount with a rate, or a word that asks it of them after it ("a
        // $200 fee", "the £20k package") or before it ("for only $999", "a fee of $299").
        let found = if currency {
            PER.iter()
                .chain(&[" fee", " package", " discount"])
                .find(|p| rest.starts_with(*p))
                .map(|p| (start, j + p.len(), Sell::Pitch))
                .or_else(|| price_word_before(text, start).map(|from| (from, j, Sell::Pitch)))
        } else if rest.starts_with("% off") {
            Some((start, j + "% off".len(), Sell::Pitch))
        } else if rest.starts_with('%') {
            GAINS
                .iter()
                .find(|g| rest[1..].starts_with(*g))
                .map(|g| (start, j + 1 + g.len(), Sell::Scheme))
        } else {
            None
        };
        out.extend(found);
        i = j.max(i + 1);
    }
    out
}

static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

/// A sales claim: the sender's product as the subject of an improvement with a number
/// ("we built something that cuts it by 80%", "our tool reduces churn 3x"). "Your team
/// cut churn by 40%" is their work, not a claim.
fn claims(doc: &crate::text::Doc) -> Vec<(usize, usize, Sell)> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !CLAIM_VERBS.contains(&t.norm.as_str()) {
            continue;
        }
        let sender = toks[i.saturating_sub(3)..i]
            .iter()
            .any(|p| CLAIM_SUBJECTS.contains(&p.norm.as_str()))
            && !toks[i.saturating_sub(3)..i]
                .iter()
                .any(|p| matches!(p.norm.as_str(), "your" | "you"));
        // "your report on the school that cut heating 22%": a claim about their work.
        let sentence_start = doc.sentence_at(t.start).map_or(0, |s| s.start);
        let theirs = !toks[i.saturating_sub(3)..i]
            .iter()
            .any(|p| matches!(p.norm.as_str(), "we" | "our"))
            && toks[..i]
                .iter()
                .rev()
                .take_while(|p| p.start >= sentence_start)
                .any(|p| matches!(p.norm.as_str(), "your" | "you"));
        if !sender || theirs {
            continue;
        }
        let number = toks[i + 1..(i + 6).min(toks.len())].iter().find(|n| {
            n.norm.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && (doc.text[n.end..].starts_with('%') || n.norm.ends_with('x'))
        });
        if let Some(n) = number {
            let end = n.end + usize::from(doc.text[n.end..].starts_with('%'));
            out.push((t.start, end, Sell::Pitch));
        }
    }
    out
}

/// "I shared it with our platform team": "our platform" names the sender's team here,
/// not something for sale.
fn our_team(doc: &crate::text::Doc, h: &Hit) -> bool {
    doc.tokens[h.first_token].norm == "our"
        && doc.tokens.get(h.end_token).is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "team"
                    | "teams"
                    | "group"
                    | "engineers"
                    | "engineering"
                    | "org"
                    | "department"
                    | "squad"
                    | "lead"
                    | "leads"
                    | "manager"
                    | "managers"
                    | "staff"
            )
        })
}

/// The pitches in the note as `(start, end, kind)` byte spans, in order.
fn sells(cx: &Cx) -> Vec<(usize, usize, Sell)> {
    let mut all: Vec<(usize, usize, Sell)> = cx
        .doc
        .find_iter(&PHRASES)
        .filter(|h: &Hit| standalone(cx.doc, h) && !negated(cx.doc, h) && !our_team(cx.doc, h))
        .map(|h| (h.start, h.end, ENTRIES[h.phrase].1))
        .collect();
    // The pay of a role the sender is recruiting for is no price: "I'm recruiting
    // electricians for a new build in Meath, €32/hr plus travel".
    let recruiting = cx.doc.tokens.windows(2).any(|w| {
        matches!(w[0].norm.as_str(), "i'm" | "we're" | "am" | "are")
            && matches!(w[1].norm.as_str(), "recruiting" | "hiring")
    });
    // A price only reads as one beside words ("$55/hr"): skip the scan for notes without digits.
    if !recruiting && cx.doc.text.bytes().any(|b| b.is_ascii_digit()) {
        for p in prices(cx.doc.text).into_iter().chain(claims(cx.doc)) {
            if !all.iter().any(|&(s, e, _)| s < p.1 && p.0 < e) {
                all.push(p);
            }
        }
        crate::sort::sort_by_key(&mut all, |&(s, e, _)| (s, e));
    }
    // Pitches by the shape of their sentence, where no phrase matched.
    for s in crate::signals::pitch::detect(cx.doc) {
        if !all.iter().any(|&(a, b, _)| a < s.end && s.start < b) {
            all.push((s.start, s.end, Sell::Prospect));
        }
    }
    crate::sort::sort_by_key(&mut all, |&(s, e, _)| (s, e));
    let pitch = all
        .iter()
        .any(|&(_, _, s)| matches!(s, Sell::Pitch | Sell::Prospect | Sell::Scheme));
    all.into_iter()
        .filter(|&(_, _, s)| pitch || s != Sell::Call)
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
    /// A pitch before any relationship caps the score at 45, a scheme at 20; a call
    /// request alone does not.
    fn cap(&self, cx: &Cx) -> Option<u8> {
        let sells = sells(cx);
        let any = |kinds: &[Sell]| sells.iter().any(|(_, _, s)| kinds.contains(s));
        if any(&[Sell::Scheme]) {
            Some(SCHEME_CAP)
        } else if any(&[Sell::Pitch, Sell::Prospect]) {
            Some(PITCH_CAP)
        } else {
            any(&[Sell::SalesCall]).then_some(SALES_CALL_CAP)
        }
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        for (start, end, sell) in sells(cx) {
            let shown = &cx.doc.text[start..end];
            let message = match sell {
                Sell::Prospect => "This reads as a sales opener: asking a stranger how their team handles something today, or what your firm does for businesses like theirs. Say how you know them and why them; ask about their needs once they have accepted.".to_string(),
                Sell::Pitch => format!("“{shown}” is a sales pitch in a first note. People accept connections, not pitches: start with their work, offer something useful, and ask about their needs before selling."),
                Sell::Scheme => format!("“{shown}” reads as a get-rich scheme, which people report as spam. If you mean it, this note will not be accepted; if not, say plainly who you are and why you are writing to them."),
                Sell::SalesCall | Sell::Call => format!("“{shown}” asks a stranger for their time before there's any relationship. Ask a question about their work instead, and suggest a call once they've replied."),
            };
            out.push(cx.finding(self, Severity::Warning, start, end, message, None));
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
        // Paying to take part is a sale too.
        fires(
            ID,
            "Join our summit as a speaker! There's a small speaker fee of $299 to cover production.",
        );
        fires(
            ID,
            "Would your ministry be interested in our rapid test kits at wholesale price?",
        );
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
    fn schemes_buying_and_paying_to_publish() {
        fires(
            ID,
            "Old buddy from the warehouse days! My crypto project is about to moon, get in early.",
        );
        fires(
            ID,
            "Great to meet you at the AWS Summit! Here is the link to my MLM opportunity.",
        );
        fires(
            ID,
            "I'm asking all my old friends to buy my product to help me get started.",
        );
        fires(
            ID,
            "Dear Colleague, we are pleased to invite you to publish in our journal.",
        );
        silent(
            ID,
            "Hi Sam, I read your paper on MLMs and consumer debt; how did you get the data?",
        );
    }

    #[test]
    fn the_senders_own_team_is_not_for_sale() {
        silent(
            ID,
            "Your PyCon AU talk on typing legacy Django was excellent; I shared it with our platform team.",
        );
        silent(
            ID,
            "Our product team loved your post on onboarding checklists.",
        );
        fires(
            ID,
            "Would you like a tour of our platform? It saves hours a week.",
        );
    }

    #[test]
    fn prices_asked_of_them() {
        fires(
            ID,
            "I'd love you to be a guest. Just one thing, there's a $200 fee to cover production.",
        );
        fires(
            ID,
            "We can build you a modern site in 1 week for only $999.",
        );
        fires(
            ID,
            "I've attached the £20k package. Can you sign off this week?",
        );
        fires(ID, "Fast publication in 7 days. APC only $150.");
        fires(
            ID,
            "We'd love you to speak at our summit! Speaking slots are $3,000 and include a booth.",
        );
        fires(
            ID,
            "Hi Daniel, we have an exclusive on our Series A that's perfect for your readers. Press kit attached.",
        );
        silent(ID, "Congrats on raising $20M, only two years in!");
        silent(
            ID,
            "Your post on the $99 plan made me rethink how I price my course.",
        );
    }

    #[test]
    fn prices_schemes_and_the_stock_recruiter_pitch() {
        fires(
            ID,
            "Would you be interested in outsourcing your development? Rates start at $15/hr.",
        );
        fires(
            ID,
            "We have a C2C role for an SAP consultant in NJ. Rate $55/hr.",
        );
        // The pay of a role the sender is recruiting for.
        silent(
            ID,
            "Hi Dermot, I'm recruiting electricians for a new data centre build in Meath, €32/hr plus travel.",
        );
        fires(
            ID,
            "Hi Mr Kowalski, your company's website looks outdated. I can fix it for $499. Interested?",
        );
        fires(
            ID,
            "Hi Isabel, we are a leading global executive search firm with 40 offices in 25 countries.",
        );
        fires(
            ID,
            "We'd love to help modernise your ERP. Free for a demo next week?",
        );
        fires(
            ID,
            "Many universities struggle with retention. Our SaaS solves that.",
        );
        fires(
            ID,
            "Our leadership retreat in Dubai is invite-only. Reserve your spot today.",
        );
        fires(
            ID,
            "Is your business protected? We offer key person insurance at special rates. Shall I send a quote?",
        );
        fires(
            ID,
            "I'd love to find some time to show you what we're building.",
        );
        fires(
            ID,
            "We build Shopify stores, packages from ₦350k. Want me to send examples?",
        );
        fires(
            ID,
            "Hi Thomas, I designed your website in 2019. I can redo it for a special price if you sign up this month.",
        );
        fires(
            ID,
            "Hi Sophie, remember me from Tesco? I'd love to run paid sessions for your whole HR team.",
        );
        fires(
            ID,
            "Adaeze, your shea butter line is gorgeous! Let me know if you'd like a quote for a refresh.",
        );
        fires(ID, "Our retainer is €900 a month.");
        fires(
            ID,
            "I have an exciting opportunity for you, send me your CV.",
        );
        fires(
            ID,
            "Hey girl! I'm building a team of boss babes who want financial freedom.",
        );
        fires(
            ID,
            "I made 40% returns last month trading BTC. 100% legit, no risk.",
        );
        let scheme = "Hi Sarah, loved your RustConf talk on wasm tooling. I made 40% returns last month trading BTC with an expert mentor, want in?";
        assert!(crate::analyze(scheme, &Context::default()).score.unwrap() <= SCHEME_CAP);
        // Amounts that are not prices, and percentages that are not returns.
        silent(
            ID,
            "Hi Alicia, congrats on the $20M Series B. I work with fintech teams at this stage.",
        );
        silent(
            ID,
            "Your post on cutting churn by 40% was great; how did you measure it?",
        );
        silent(ID, "I'm working from home these days, in Lisbon.");
        silent(
            ID,
            "Congrats on growing the team from 12 to 40 and revenue from $2M in a year!",
        );
        assert_eq!(
            prices("$15/hr, £300 a day, 20% off, 40% returns, $20M round, 2024"),
            vec![
                (0, 6, Sell::Pitch),
                (8, 19, Sell::Pitch),
                (21, 28, Sell::Pitch),
                (30, 41, Sell::Scheme)
            ]
        );
    }

    #[test]
    fn webinars_and_calendar_grabs() {
        fires(
            ID,
            "Hi, join my free webinar on LinkedIn growth hacks this Friday!",
        );
        fires(
            ID,
            "Keen to get 20 minutes in your diary before the quarter closes.",
        );
        fires(ID, "Please let me know a convenient time for a call.");
        silent(ID, "Hi Ana, I loved your webinar on sepsis triage last week. How did you train the night staff?");
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
    fn a_pitch_caps_the_score_lower_than_a_call_ask() {
        let pitch = "Hi Sarah, I loved your RustConf talk on wasm tooling and the linker part. We help companies like yours ship wasm faster; happy to share our benchmarks. How do you test the linker today?";
        assert!(crate::analyze(pitch, &Context::default()).score.unwrap() <= PITCH_CAP);
        let call = "Hi Sarah, I loved your RustConf talk on wasm tooling and the linker part. I'm building a linter and happy to share our benchmarks. Could we hop on a call?";
        let r = crate::analyze(call, &Context::default());
        assert_eq!(count(ID, call), 1);
        assert_eq!(r.score, Some(SALES_CALL_CAP));
        assert_eq!(r.capped_by.as_deref(), Some(ID));
        // Without the scheduling words the same note is over the line.
        let plain = call.replace(
            " Could we hop on a call?",
            " What made you pick that linker?",
        );
        assert!(crate::analyze(&plain, &Context::default()).score.unwrap() > 50);
    }
}
