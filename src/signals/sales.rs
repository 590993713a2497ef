//! Sales in a note: pitch phrases ("book a demo", "free trial", "our services"), a price
//! asked of them ("I can fix it for $499", "rates start at $15/hr"), a claim with a number
//! about the sender's product ("our tool reduces churn 3x"), a get-rich scheme ("40%
//! returns last month"), scheduling language ("hop on a quick 15-minute call"), and
//! pitches by the shape of their sentence (`signals::pitch`). `hard-sell` reports them.

use crate::edits::{negated, standalone};
use crate::lang::en::{
    AM_ARE, CALL_MINUTES, CALL_THINGS, CALL_VERBS, CASUAL_CALL, CHARGED, CLAIM_SUBJECTS,
    CLAIM_VERBS, FREE_OFFERS, GAINS, I_FORMS, OCCUPATIONS, OFFER_SUBJECTS, OUR_TEAM, PER, PITCH,
    PRICE_WORDS, SALES_CALL, SCHEME, SEEN, TITLES, WITNESS_VERBS,
};
use crate::text::{Doc, Hit, Lexicon};
use std::sync::LazyLock;

/// What kind of sale a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sell {
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
    let things = CALL_THINGS.iter();
    let mut durations = vec![String::new()];
    for n in CALL_MINUTES.iter() {
        for unit in ["minutes", "mins", "minute", "min"] {
            out.push((format!("{n} {unit} of your time"), Sell::SalesCall));
            for thing in things.clone() {
                out.push((format!("{n} {unit} {thing}"), Sell::Call));
            }
            durations.push(format!("{n} {unit} "));
        }
    }
    // "hop on a quick 15-minute call", "book a 30 min meeting".
    for verb in CALL_VERBS.iter() {
        for quick in ["a ", "a quick "] {
            for d in &durations {
                for thing in things.clone() {
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
    PRICE_WORDS.iter().find_map(|w| {
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
pub fn prices(text: &str) -> Vec<(usize, usize, Sell)> {
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
        // The longest words that can follow are 22 bytes (" due diligence fee"): look
        // no further.
        let rest: String = text[j..]
            .chars()
            .take(22)
            .collect::<String>()
            .to_ascii_lowercase();
        // A currency amount with a rate, or words that ask it of them after it ("a $600
        // booking fee", "the £20k package") or before it ("for only $999", "a fee of
        // $299"). A plain "€350 fee" may be offered to them for their time.
        let found = if currency {
            PER.iter()
                .chain(CHARGED.iter())
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
fn claims(doc: &Doc) -> Vec<(usize, usize, Sell)> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if let Some(end) = customer_count(doc, i) {
            out.push((t.start, end, Sell::Pitch));
            continue;
        }
        if !CLAIM_VERBS.has(t) {
            continue;
        }
        let sender = toks[i.saturating_sub(3)..i]
            .iter()
            .any(|p| CLAIM_SUBJECTS.has(p))
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

/// What a seller gives away to open a sale, with words between "free" and the thing: "a
/// free, no-obligation review", "Free 14-day pilot", "a free 60-minute audit" (the plain
/// "free trial" is a pitch phrase). Not their own ("your firm's free review sessions")
/// nor something asked "for free".
fn free_offers(doc: &Doc) -> Vec<(usize, usize, Sell)> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.norm != "free" {
            continue;
        }
        let theirs = toks[i.saturating_sub(3)..i]
            .iter()
            .any(|p| p.norm == "your" || p.norm.ends_with("'s") || p.norm == "for");
        if theirs {
            continue;
        }
        let thing = (i + 2..(i + 4).min(toks.len()))
            .take_while(|&k| !crate::text::break_between(doc, k - 1, k))
            .find(|&k| FREE_OFFERS.has(&toks[k]));
        if let Some(k) = thing {
            out.push((t.start, toks[k].end, Sell::Pitch));
        }
    }
    out
}

/// "Our platform is trusted by 2,000+ schools", "a carbon accounting tool used by 40+
/// Nordic retailers": a product counted by its customers, from token `i` ("used" or
/// "trusted") to the count's end. Not where "you" or "your" comes before it in the
/// sentence without "we" or "our" nearer ("the library you maintain is used by 40 teams").
fn customer_count(doc: &Doc, i: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    if !matches!(norm(i), "used" | "trusted") || norm(i + 1) != "by" {
        return None;
    }
    let k = match (norm(i + 2), norm(i + 3)) {
        ("over", _) => i + 3,
        ("more", "than") => i + 4,
        _ => i + 2,
    };
    let count = toks
        .get(k)
        .filter(|n| n.norm.starts_with(|c: char| c.is_ascii_digit()))?;
    let (from, _) = doc.sentence_tokens_of(i);
    let ours = (from..i)
        .rev()
        .find(|&j| matches!(norm(j), "you" | "your" | "we" | "we've" | "our"))
        .is_none_or(|j| !matches!(norm(j), "you" | "your"));
    ours.then_some(count.end)
}

/// "I shared it with our platform team": "our platform" names the sender's team here,
/// not something for sale.
fn our_team(doc: &Doc, h: &Hit) -> bool {
    doc.tokens[h.first_token].norm == "our"
        && doc.tokens.get(h.end_token).is_some_and(|t| OUR_TEAM.has(t))
}

/// "I attended your free webinar", "a parent shared your free guide", "after attending
/// your firm's free review sessions": their own offer, which the sender saw or used, not
/// one made to them ("claim your free trial" has no such verb).
fn seen_theirs(doc: &Doc, h: &Hit) -> bool {
    let toks = &doc.tokens;
    let i = h.first_token;
    let your = match i {
        0 => None,
        _ if toks[i - 1].norm == "your" => Some(i - 1),
        _ if i >= 2 && toks[i - 1].norm.ends_with("'s") && toks[i - 2].norm == "your" => {
            Some(i - 2)
        }
        _ => None,
    };
    your.is_some_and(|y| {
        y > 0
            && (SEEN.has(&toks[y - 1])
                || WITNESS_VERBS.has(&toks[y - 1])
                || toks[y - 1].norm == "attending")
    })
}

/// "Your feedback on our pricing was fair", "the point about our pricing page was spot
/// on": the sender's offer as the subject of feedback they gave, not offered to them
/// ("I'd love your feedback on our platform" asks for it, and is a pitch).
fn their_feedback(doc: &Doc, h: &Hit) -> bool {
    let toks = &doc.tokens;
    let i = h.first_token;
    let given = toks[h.end_token..(h.end_token + 3).min(toks.len())]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "was" | "were"));
    given
        && toks[i].norm == "our"
        && i >= 2
        && matches!(toks[i - 1].norm.as_str(), "about" | "on")
        && toks[i.saturating_sub(4)..i - 1].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "feedback" | "point" | "comment" | "comments" | "advice" | "notes"
            )
        })
}

/// "I'll sign up for the intermediate class", "I might sign up for one of your courses":
/// the sender signing up to what they offer, a customer rather than a seller ("sign up
/// for our free trial" asks it of them).
fn sender_signs_up(doc: &Doc, h: &Hit) -> bool {
    let i = h.first_token;
    doc.tokens[i].norm == "sign"
        && (i.saturating_sub(3)..i)
            .any(|k| I_FORMS.has(&doc.tokens[k]) && !crate::text::break_between(doc, k, i))
}

/// "We can offer a small fee", "we pay a small fee": money offered to them for a talk
/// or a piece, not a price asked of them ("for a small fee").
fn paid_to_them(doc: &Doc, h: &Hit) -> bool {
    let toks = &doc.tokens;
    if !toks[h.first_token..h.end_token]
        .iter()
        .any(|t| t.norm == "fee")
    {
        return false;
    }
    let mut k = h.first_token;
    while k > 0 && matches!(toks[k - 1].norm.as_str(), "a" | "an" | "the") {
        k -= 1;
    }
    k > 0
        && matches!(
            toks[k - 1].norm.as_str(),
            "offer" | "offering" | "pay" | "paying"
        )
}

/// "We pay a €300 fee", "happy to pay a €300 fee": a price read from "pay a" that the
/// sender pays them ("please pay a $99 fee" is asked of them).
fn sender_pays(doc: &Doc, at: usize) -> bool {
    let toks = &doc.tokens;
    let k = toks.partition_point(|t| t.start < at);
    toks.get(k)
        .is_some_and(|t| t.start == at && t.norm.starts_with("pay"))
        && toks[k.saturating_sub(2)..k]
            .iter()
            .any(|t| OFFER_SUBJECTS.has(t))
}

/// "Your template saved me £600", "saves me about £30 a month": money they saved the
/// sender, not a price ("we can save you £200 a month" still reads as one).
fn saved_sender(doc: &Doc, at: usize) -> bool {
    let toks = &doc.tokens;
    let k = toks.partition_point(|t| t.start < at);
    (k.saturating_sub(4)..k).any(|i| {
        matches!(toks[i].norm.as_str(), "saved" | "saves" | "save")
            && toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "me" | "us"))
    })
}

/// A hit about "our" firm with a role named within three words, in its sentence: a job
/// offered ("our agency" for a role, not "an exciting role" of a recruiter's template).
fn role_offered(doc: &Doc, h: &Hit) -> bool {
    let t = &doc.tokens;
    t[h.first_token..h.end_token]
        .iter()
        .any(|w| w.norm == "our")
        && (h.first_token.saturating_sub(3)..(h.end_token + 3).min(t.len())).any(|k| {
            matches!(t[k].norm.as_str(), "role" | "position" | "vacancy")
                && !crate::text::break_between(doc, k.min(h.first_token), k.max(h.end_token - 1))
        })
}

/// "is hiring", "we're recruiting": a role offered, at token `i`.
fn hiring(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens;
    i + 1 < t.len()
        && (AM_ARE.has(&t[i]) || t[i].norm == "is")
        && matches!(t[i + 1].norm.as_str(), "recruiting" | "hiring")
}

/// The pitches in the note as `(start, end, kind)` byte spans, in order.
pub fn find(doc: &Doc) -> Vec<(usize, usize, Sell)> {
    let mut all: Vec<(usize, usize, Sell)> = doc
        .find_iter(&PHRASES)
        .filter(|h: &Hit| {
            standalone(doc, h)
                && !negated(doc, h)
                && !our_team(doc, h)
                && !seen_theirs(doc, h)
                && !their_feedback(doc, h)
                && !sender_signs_up(doc, h)
                // "My agency is hiring": the sender's employer, not what they sell.
                && !hiring(doc, h.end_token)
                // "a contract role at our agency", "tell you about our TA role": a job
                // offered to them.
                && !role_offered(doc, h)
                && !paid_to_them(doc, h)
        })
        .map(|h| (h.start, h.end, ENTRIES[h.phrase].1))
        .collect();
    // The pay of a role the sender is recruiting for is no price: "I'm recruiting
    // electricians for a new build in Meath, €32/hr plus travel", "my agency is hiring
    // an LCSW", "we need a grill cook at my new spot, $22/hr".
    let toks = &doc.tokens;
    let job = |k: usize| {
        toks.get(k)
            .is_some_and(|t| OCCUPATIONS.has(t) || TITLES.has(t))
    };
    let recruiting = || {
        (0..toks.len()).any(|i| {
            hiring(doc, i)
                || toks[i].norm == "need"
                    && toks
                        .get(i + 1)
                        .is_some_and(|t| matches!(t.norm.as_str(), "a" | "an"))
                    && (job(i + 2) || job(i + 3))
        })
    };
    // A price only reads as one beside words ("$55/hr"): notes without digits skip both
    // scans.
    if doc.text.bytes().any(|b| b.is_ascii_digit()) && !recruiting() {
        for p in prices(doc.text).into_iter().chain(claims(doc)) {
            if !all.iter().any(|&(s, e, _)| s < p.1 && p.0 < e)
                && !sender_pays(doc, p.0)
                && !saved_sender(doc, p.0)
            {
                all.push(p);
            }
        }
        crate::sort::sort_by_key(&mut all, |&(s, e, _)| (s, e));
    }
    // Pitches by the shape of their sentence, where no phrase matched.
    for s in crate::signals::pitch::detect(doc) {
        if !all.iter().any(|&(a, b, _)| a < s.end && s.start < b) {
            all.push((s.start, s.end, Sell::Prospect));
        }
    }
    for p in free_offers(doc) {
        if !all.iter().any(|&(s, e, _)| s < p.1 && p.0 < e) {
            all.push(p);
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
