//! Asks a stranger should not be asked: their contacts or an introduction, a referral or
//! a job, a favour (free work, money, a review of the sender's documents), an endorsement,
//! promotion of the sender's content, an obligation ("you owe me"), and what is not
//! theirs to give (inside information). `entitlement-ask` reports them.

use crate::edits::{negated, standalone};
use crate::lang::en::ENTITLEMENT_ASKS;
use crate::lang::en::{
    ASKING, DOCUMENTS, DONE_FOR_ME, FOLLOW_ASK_OBJECTS, GIVEN_WORDS, JOB_ASK_OBJECTS,
    JOB_ASK_VERBS, RECRUITER, REVIEW_ASK_OBJECTS, REVIEW_ASK_VERBS, REVIEW_VERBS,
    SHARE_ASK_OBJECTS,
};
use crate::text::{Doc, Hit, Lexicon};
use crate::Context;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Their contacts, network or an introduction.
    Contacts,
    /// A job, an interview, an opening: a recruiter may be asked.
    Job,
    /// To be referred, a CV passed on, a word put in: pushed past the process, which
    /// no one owes a stranger, a recruiter included.
    Referral,
    /// A favour, their time to pick their brain.
    Favour,
    /// An endorsement, recommendation or reference.
    Endorsement,
    /// Sharing, liking or following your content.
    Promotion,
    /// An ask framed as an obligation ("I need you to", "you owe me", "I trust you'll
    /// make sure he gets in"): unfair whether or not they know each other.
    Demand,
    /// Something not theirs to give: inside information, exam answers, a colleague's
    /// contact details. Improper whether or not they know each other.
    Confidential,
}

/// `src/lang/en/entitlement_asks.txt`: each phrase with what it is.
static ASKS: LazyLock<Vec<(&'static str, Ask)>> = LazyLock::new(|| {
    crate::lang::tagged_kinds(
        &ENTITLEMENT_ASKS,
        "entitlement_asks.txt",
        &[
            ("contacts", Ask::Contacts),
            ("job", Ask::Job),
            ("referral", Ask::Referral),
            ("favour", Ask::Favour),
            ("endorsement", Ask::Endorsement),
            ("promotion", Ask::Promotion),
            ("demand", Ask::Demand),
            ("confidential", Ask::Confidential),
        ],
    )
});

/// Every ask: the fixed list plus "get me / give me / find me" × "a job / an
/// internship / an interview", reviews of the sender's documents, and shares,
/// likes and follows of their content.
static ENTRIES: LazyLock<Vec<(String, Ask)>> = LazyLock::new(|| {
    let mut out: Vec<(String, Ask)> = ASKS.iter().map(|&(p, a)| (p.to_string(), a)).collect();
    for verb in JOB_ASK_VERBS.iter() {
        for what in JOB_ASK_OBJECTS.iter() {
            out.push((format!("{verb} {what}"), Ask::Job));
        }
    }
    for verb in REVIEW_ASK_VERBS.iter() {
        for what in REVIEW_ASK_OBJECTS.iter() {
            out.push((format!("{verb} {what}"), Ask::Favour));
        }
    }
    for verb in ["like", "share", "like and share", "repost"] {
        for what in SHARE_ASK_OBJECTS.iter() {
            for whose in ["my", "our"] {
                out.push((format!("{verb} {whose} {what}"), Ask::Promotion));
            }
        }
    }
    for what in FOLLOW_ASK_OBJECTS.iter() {
        for whose in ["my", "our"] {
            out.push((format!("follow {whose} {what}"), Ask::Promotion));
            out.push((format!("subscribe to {whose} {what}"), Ask::Promotion));
        }
    }
    for what in ["it", "this", "my post", "my survey"] {
        out.push((format!("share {what} with your network"), Ask::Contacts));
        out.push((format!("share {what} with your connections"), Ask::Contacts));
        out.push((format!("forward {what} to your network"), Ask::Contacts));
        out.push((format!("promote {what} to your network"), Ask::Contacts));
        out.push((format!("promote {what} to your colleagues"), Ask::Contacts));
    }
    out.push(("share with your network".into(), Ask::Contacts));
    out
});

static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

/// Whether their headline says they recruit: asking them about a job is no favour
/// (asking to be referred or passed on still is: [`Ask::Referral`]).
fn is_recruiter(ctx: &Context) -> bool {
    ctx.recipient.headline.as_deref().is_some_and(|h| {
        let h = crate::text::lower(h);
        RECRUITER.iter().any(|w| h.contains(w))
    })
}

/// "We're reviewing our protocol", "I'm revising my thesis": the sender's own review, at
/// token `i`, which no one is asked to do.
fn own_review(doc: &Doc, i: usize) -> bool {
    let toks = &doc.tokens;
    REVIEW_VERBS.has(&toks[i])
        && (i.saturating_sub(3)..i)
            .rev()
            .take_while(|&k| {
                !crate::text::break_between(doc, k, i)
                    && !matches!(toks[k].norm.as_str(), "you" | "your" | "you'd" | "you're")
            })
            .any(|k| matches!(toks[k].norm.as_str(), "we're" | "i'm" | "we've" | "i've"))
}

/// "review my 40-page research paper", "feedback on my draft thesis": a review verb,
/// then "my" or "our", then a document within four words, in one sentence.
fn review_asks(doc: &Doc) -> Vec<(usize, usize)> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !REVIEW_VERBS.has(t) {
            continue;
        }
        let (from, _) = doc.sentence_tokens_of(i);
        // "you gave feedback on my portfolio", "thank you for the feedback on my CV":
        // given, not asked. "the Pacific Review letters in my thesis": a name.
        let given = toks[i.saturating_sub(4).max(from)..i]
            .iter()
            .any(|p| GIVEN_WORDS.has(p));
        let named = i > from && doc.text[t.start..].starts_with(char::is_uppercase);
        if given || named {
            continue;
        }
        // "you sent me a short rejection with two lines of feedback on my manuscript":
        // what they did for the sender, earlier in the sentence.
        let they_gave = toks[from..i]
            .windows(2)
            .any(|w| w[0].norm == "you" && DONE_FOR_ME.has(&w[1]));
        if they_gave {
            continue;
        }
        if own_review(doc, i) {
            continue;
        }
        // "your feedback on my case study was useful", "Your team's feedback on our first
        // application is why the second one worked": theirs, remembered, unless the
        // sentence asks for it ("would love your feedback on my portfolio", "?").
        let yours = (i.saturating_sub(3)..i).any(|k| {
            toks[k].norm == "your"
                && (k + 1 == i || toks[k + 1..i].iter().all(|p| p.norm.ends_with("'s")))
        });
        let asks = || {
            toks[from..i].iter().any(|p| ASKING.has(p))
                || doc
                    .sentence_at(t.start)
                    .is_some_and(|s| doc.text[s.start..s.end].trim_end().ends_with('?'))
        };
        if yours && !asks() {
            continue;
        }
        let Some(m) = (i + 1..(i + 4).min(toks.len()))
            .take_while(|&j| !crate::text::break_between(doc, j - 1, j))
            .find(|&j| matches!(toks[j].norm.as_str(), "my" | "our"))
        else {
            // "I've put together our 40-page business plan and would value your
            // detailed feedback": their review of a document named earlier in the sentence.
            let theirs = toks[i.saturating_sub(2)..i]
                .iter()
                .any(|p| p.norm == "your");
            if !theirs {
                continue;
            }
            // Asked for ("would value", "could you"), not remembered ("your feedback
            // stuck with me").
            let asked = toks[from..i].iter().any(|p| ASKING.has(p));
            if !asked {
                continue;
            }
            if let Some(d) = (from + 1..i).find(|&j| {
                DOCUMENTS.has(&toks[j])
                    && toks[j.saturating_sub(4)..j]
                        .iter()
                        .any(|p| matches!(p.norm.as_str(), "my" | "our"))
            }) {
                out.push((toks[d].start, t.end));
            }
            continue;
        };
        if let Some(d) = (m + 1..(m + 5).min(toks.len()))
            .take_while(|&j| !crate::text::break_between(doc, j - 1, j))
            .find(|&j| DOCUMENTS.has(&toks[j]))
        {
            out.push((t.start, toks[d].end));
        }
    }
    out
}

/// "You said you'd happily look over my lighting plot": a favour they offered, taken
/// up, is not an ask of a stranger.
fn offered(doc: &Doc, h: &Hit) -> bool {
    let Some(sentence) = doc.sentence_at(h.start) else {
        return false;
    };
    let words = doc.tokens_within(sentence.start, h.start);
    words.windows(3).any(|w| {
        w[0].norm == "you"
            && matches!(w[1].norm.as_str(), "said" | "offered" | "kindly")
            && matches!(w[2].norm.as_str(), "you'd" | "you" | "to" | "offered")
    })
}

/// "On or off the record, your choice", "off the record is fine": a journalist offering
/// the source how to answer, not asking for what is not theirs to tell ("can you tell
/// us off the record if Vicat is named in the file?" asks it).
fn their_choice(doc: &Doc, h: &Hit) -> bool {
    let w = |k: usize| doc.tokens.get(k).map_or("", |t| t.norm.as_str());
    let (i, j) = (h.first_token, h.end_token);
    ENTRIES[h.phrase].0 == "off the record"
        && ((i >= 2 && w(i - 2) == "on" && w(i - 1) == "or")
            || (w(j) == "is" && matches!(w(j + 1), "fine" | "ok" | "okay" | "good"))
            || w(j) == "works"
            || (w(j) == "your" && w(j + 1) == "choice"))
}

/// "Thank you for mentoring me", "thanks so much for introducing me to Ana": a favour
/// already done, thanked for, is no ask ("thanks in advance for introducing me" is one).
fn thanked_for(doc: &Doc, h: &Hit) -> bool {
    let toks = &doc.tokens;
    let i = h.first_token;
    // In the hit's own sentence: "I'm grateful I am fit for it. Refer me" thanks nobody.
    let for_at = (i.saturating_sub(2)..i)
        .rev()
        .find(|&k| toks[k].norm == "for" && !crate::text::break_between(doc, k, i));
    for_at.is_some_and(|f| {
        let before = (f.saturating_sub(5)..f).filter(|&k| !crate::text::break_between(doc, k, f));
        let mut thanked = false;
        for k in before {
            match toks[k].norm.as_str() {
                "thank" | "thanks" | "grateful" => thanked = true,
                "advance" | "would" | "will" | "be" => return false,
                _ => {}
            }
        }
        thanked
    })
}

/// "our consultants now share it with juniors", "I'll share it with my team": someone
/// else does it (or the sender offers it), nobody asks it of them. ("I need a favour"
/// and "could we have weekly calls" are asks.)
fn done_by_others(doc: &Doc, h: &Hit) -> bool {
    let toks = &doc.tokens;
    let i = h.first_token;
    let mut k = i;
    while k > 0 && i - k < 4 && !crate::text::break_between(doc, k - 1, k) {
        k -= 1;
        match toks[k].norm.as_str() {
            "you" | "your" | "you'd" | "you'll" => return false,
            "our" | "they" | "their" | "i'll" | "we'll" | "he" | "she" => return true,
            _ => {}
        }
    }
    false
}

/// "Karol told me you put my name forward for the slot": a favour they did, as someone
/// reported it, is no ask.
fn reported(doc: &Doc, h: &Hit) -> bool {
    let toks = &doc.tokens;
    let i = h.first_token;
    i > 0
        && toks[i - 1].norm == "you"
        && (i.saturating_sub(4)..i - 1).any(|k| {
            matches!(
                toks[k].norm.as_str(),
                "told" | "tells" | "said" | "says" | "mentioned" | "heard"
            ) && !crate::text::break_between(doc, k, i)
        })
}

/// The asks in the note as `(start, end, kind)` byte spans, in order.
pub fn find(doc: &Doc, ctx: &Context) -> Vec<(usize, usize, Ask)> {
    let recruiter = is_recruiter(ctx);
    let mut all: Vec<(usize, usize, Ask)> = doc
        .find_iter(&PHRASES)
        .filter(|h| {
            standalone(doc, h)
                && !negated(doc, h)
                && !offered(doc, h)
                && !thanked_for(doc, h)
                && !done_by_others(doc, h)
                && !reported(doc, h)
                && !their_choice(doc, h)
                && !own_review(doc, h.first_token)
        })
        .map(|h| (h.start, h.end, ENTRIES[h.phrase].1))
        .filter(|&(_, _, a)| !(recruiter && a == Ask::Job))
        .collect();
    // Favours by the shape of their sentence, where no listed ask covers them: free work,
    // a favour that recurs or runs for weeks, work reported back, their working materials,
    // a favour asked as a wish, a review of the sender's work.
    let shaped = crate::signals::favour::unpaid(doc)
        .into_iter()
        .chain(crate::signals::favour::recurring(doc))
        .chain(crate::signals::favour::report_back(doc))
        .chain(crate::signals::favour::materials(doc))
        .chain(crate::signals::favour::wished(doc))
        .map(|s| (s.start, s.end))
        .chain(review_asks(doc));
    for (start, end) in shaped {
        if !all.iter().any(|&(s, e, _)| s < end && start < e) {
            all.push((start, end, Ask::Favour));
        }
    }
    crate::sort::sort_by_key(&mut all, |&(s, e, _)| (s, e));
    all
}
