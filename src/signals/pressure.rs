//! Pressure by its phrases: hurry ("ASAP", "reply immediately"), "urgent", orders ("you
//! must", "accept my request"), deadlines and scarcity ("last chance", "two slots left"),
//! guilt ("I've messaged you three times", "you are my last hope"), a yes taken for
//! granted ("When can we chat?") and threats ("or I'll post about it"). `signals::guilt`
//! reads the same by a sentence's shape; `pressure` reports both.

use crate::edits::{negated, standalone};
use crate::lang::cross;
use crate::lang::en::PRESSURE_PHRASES;
use crate::lang::en::{CHASED_DID, CHASED_SUBJECTS, CHASED_TIMES, HURRY_ADVERBS, HURRY_VERBS};
use crate::lang::en::{NOT_ORDER_AFTER, NOT_ORDER_BEFORE};
use crate::text::{Doc, Hit, Lexicon};
use std::sync::LazyLock;

/// What kind of pressure a phrase puts on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Push {
    /// "ASAP", "reply immediately": the urgency word can go.
    Hurry,
    /// "urgent".
    Urgent,
    /// "you must", "you need to": an order.
    Order,
    /// "last chance", "reply by": a deadline.
    Deadline,
    /// "I've messaged you several times", "still waiting": guilt.
    Guilt,
    /// "When can we chat?", "let me know a good time": a yes taken for granted, from
    /// someone they have no past with.
    Presume,
    /// "Fix it this week or I'll post about it": a threat. Every one of the 49 labelled
    /// notes with "or I'll" or "or we will" was bad, in both halves.
    Threat,
}

/// `src/lang/en/pressure_phrases.txt`: each phrase with what it is.
static FIXED: LazyLock<Vec<(&'static str, Push)>> = LazyLock::new(|| {
    crate::lang::tagged_kinds(
        &PRESSURE_PHRASES,
        "pressure_phrases.txt",
        &[
            ("hurry", Push::Hurry),
            ("urgent", Push::Urgent),
            ("order", Push::Order),
            ("deadline", Push::Deadline),
            ("guilt", Push::Guilt),
            ("presume", Push::Presume),
            ("threat", Push::Threat),
        ],
    )
});

/// Every phrase: the fixed list, "reply immediately" forms and "I've messaged you
/// several times" forms.
static ENTRIES: LazyLock<Vec<(String, Push)>> = LazyLock::new(|| {
    let mut out: Vec<(String, Push)> = FIXED.iter().map(|&(p, k)| (p.to_string(), k)).collect();
    let hurry = cross(&HURRY_VERBS, &HURRY_ADVERBS);
    let chased = cross(&CHASED_SUBJECTS, &CHASED_DID);
    let chased: Vec<&str> = chased.iter().map(String::as_str).collect();
    out.extend(hurry.into_iter().map(|p| (p, Push::Hurry)));
    out.extend(
        cross(&chased, &CHASED_TIMES)
            .into_iter()
            .map(|p| (p, Push::Guilt)),
    );
    out
});

static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

/// An order, unless the words around it make it an observation ("you must be proud")
/// or a description ("everything you need to know").
fn is_order(doc: &Doc, hit: &Hit) -> bool {
    let before = hit
        .first_token
        .checked_sub(1)
        .map(|i| doc.tokens[i].norm.as_str());
    let after = doc.tokens.get(hit.end_token).map(|t| t.norm.as_str());
    let phrase = ENTRIES[hit.phrase].0.as_str();
    if phrase == "you must" {
        !after.is_some_and(|a| NOT_ORDER_AFTER.contains(&a))
    } else {
        !before.is_some_and(|b| NOT_ORDER_BEFORE.contains(&b))
    }
}

/// The pressure phrases in the note, each with what it is, in order.
pub fn find(doc: &Doc) -> Vec<(Hit, Push)> {
    doc.find_iter(&PHRASES)
        .filter(|h| standalone(doc, h) && !negated(doc, h))
        .map(|h| (h, ENTRIES[h.phrase].1))
        .filter(|(h, p)| match p {
            Push::Order => is_order(doc, h),
            // "urgent care" is a field, "urgent patients" or "urgent safety cases" a kind of
            // their work, "shout if anything's urgent" a courtesy: not demands.
            Push::Urgent => {
                let next = |k: usize| doc.tokens.get(h.end_token + k).map(|t| t.norm.as_str());
                let kind = |w: Option<&str>| {
                    matches!(
                        w,
                        Some("care" | "patients" | "cases" | "changes" | "checks" | "repairs")
                    )
                };
                let courtesy =
                    h.first_token > 0 && doc.tokens[h.first_token - 1].norm == "anything's";
                !(kind(next(0)) || kind(next(1)) || courtesy)
            }
            // "so I don't miss them": the sender's own wish, not an order to them; "are
            // there any places left?": the sender asking if they may still come.
            Push::Deadline => {
                let i = h.first_token;
                let before = i.checked_sub(1).map(|k| doc.tokens[k].norm.as_str());
                let own_wish = matches!(doc.tokens[i].norm.as_str(), "don't" | "dont" | "do")
                    && matches!(before, Some("i" | "we"));
                !own_wish && before != Some("any")
            }
            _ => true,
        })
        .collect()
}
