//! What the sender offers in return (a resource, help, an introduction of their own).

use crate::lang::en::{
    ADVERBS, FIND_USEFUL, OFFER_FRAMES, OFFER_VERBS, RESOURCES, SELF_PROMOTION, SIGN_OFFS,
    VALUE_PHRASES,
};
use crate::lang::{cross, lexicon};
use crate::text::earliest;
use crate::text::{Doc, Hit, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

/// Verbs that count only with a fitting word after them: "connect you", "put you in
/// touch", "make an intro", "do the same", "be a sounding board".
pub const NEEDS_NEXT: &[(&str, &[&str])] = &[
    ("connect", &["you"]),
    ("put", &["you"]),
    ("make", &["an", "intros", "introductions", "time", "the"]),
    ("do", &["the", "a", "same"]),
    ("compare", &["notes"]),
];

pub static FRAMES: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&OFFER_FRAMES));

pub static VALUE: LazyLock<Lexicon> = LazyLock::new(|| {
    // "happy to share", "I can help" and the like also stand alone, for the rare
    // frame the list does not know.
    let mut p: Vec<String> = VALUE_PHRASES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(
        &["happy to", "glad to", "i can", "i'll"],
        &["share", "help", "send", "introduce"],
    ));
    p.extend(cross(&["my", "our"], &RESOURCES));
    p.extend(cross(
        &[
            "you might find",
            "you may find",
            "you'd find",
            "you'll find",
        ],
        &FIND_USEFUL,
    ));
    lexicon(&p)
});

/// True when the phrase is asked of them: "would you be happy to share ...?"
pub fn asked(doc: &Doc, h: &Hit) -> bool {
    let before = |k: usize| {
        h.first_token
            .checked_sub(k)
            .map(|i| doc.tokens[i].norm.as_str())
    };
    before(1) == Some("you") || (before(1) == Some("be") && before(2) == Some("you"))
}

/// True when the three words from token `at` name the sender's own CV or pitch:
/// "I'll send you my resume" promotes the sender, it offers nothing.
pub fn promotes_sender(doc: &Doc, at: usize) -> bool {
    let t = &doc.tokens;
    t[at.min(t.len())..(at + 3).min(t.len())]
        .iter()
        .any(|w| SELF_PROMOTION.has(w))
}

/// An offer frame followed, within two adverbs, by a verb of giving.
pub fn offer(doc: &Doc) -> Option<Span> {
    let t = &doc.tokens;
    doc.find_iter(&FRAMES).find_map(|h| {
        if asked(doc, &h) {
            return None;
        }
        let mut j = h.end_token;
        while j < t.len() && j < h.end_token + 2 && ADVERBS.has(&t[j]) {
            j += 1;
        }
        let verb = t.get(j)?;
        let v = verb.norm.as_str();
        if !OFFER_VERBS.contains(&v) {
            return None;
        }
        if promotes_sender(doc, j + 1) {
            return None;
        }
        if let Some((_, next)) = NEEDS_NEXT.iter().find(|(w, _)| *w == v) {
            let after = t.get(j + 1)?;
            if !next.contains(&after.norm.as_str()) {
                return None;
            }
        }
        Some(Span {
            start: h.start,
            end: verb.end,
        })
    })
}

/// Finds what the sender offers.
pub fn detect(doc: &Doc, _ctx: &Context) -> Option<Span> {
    if doc.word_count() == 0 {
        return None;
    }
    earliest(&[
        offer(doc),
        doc.find_iter(&VALUE)
            .find(|h| !asked(doc, h) && !promotes_sender(doc, h.end_token))
            .map(|h| h.span()),
    ])
}

/// Where something belongs at the end of the note: the end of the last sentence
/// that is not a sign-off ("Best, Bo"; "Thanks!").
pub fn body_end(doc: &Doc) -> usize {
    let is_sign_off = |s: &Span| {
        let toks = doc.tokens_within(s.start, s.end);
        match toks.first() {
            None => true,
            Some(first) => {
                (toks.len() <= 6 && SIGN_OFFS.has(first))
                    // A name on its own line: "Bo", "Ana Lima".
                    || (toks.len() <= 3
                        && toks.iter().all(|t| {
                            doc.text[t.start..t.end].chars().next().is_some_and(char::is_uppercase)
                        })
                        && !doc.text[s.start..s.end].ends_with(['.', '?', '!']))
            }
        }
    };
    let body: Vec<&Span> = doc.sentences.iter().collect();
    // Skip closing lines, but never the first sentence.
    let mut last = body.len();
    while last > 1 && is_sign_off(body[last - 1]) {
        last -= 1;
    }
    body.get(last.wrapping_sub(1))
        .map_or(doc.text.trim_end().len(), |s| s.end)
}
