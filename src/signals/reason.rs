//! Why the sender wants to connect: an explicit reason, a purpose, what the sender is doing that makes them relevant.

use crate::lang::en::{
    DOING, DOING_SUBJECTS, GENERIC_OBJECTS, INTENT_FRAMES,
    MISSING_REASON_GENERIC_WORDS as GENERIC_WORDS, REASON_PHRASES, SHARED_PAST, VALUE_VERBS,
    WANTED,
};
use crate::lang::{cross, lexicon};
use crate::text::earliest;
use crate::text::{Doc, Hit, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

pub static SHARED: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&SHARED_PAST));

pub static REASON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = REASON_PHRASES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(&VALUE_VERBS, &WANTED));
    lexicon(&p)
});

/// Intents that count only with a real object after them.
pub static INTENT: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = INTENT_FRAMES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(&DOING_SUBJECTS, &DOING));
    lexicon(&p)
});

/// Generic objects, also after "to", "and", "with".
pub static GENERIC: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = GENERIC_OBJECTS.iter().map(|s| s.to_string()).collect();
    p.extend(cross(&["to", "and", "with"], &GENERIC_OBJECTS));
    lexicon(&p)
});

/// The first stock phrase of a shared past ("great meeting you", "good working with
/// you on"); [`crate::signals::how_found::shared_past`] finds the rest by their shape.
pub fn shared_phrase(doc: &Doc) -> Option<Span> {
    doc.first(&SHARED).map(|h| h.span())
}

/// Finds the reason the sender gives for connecting.
pub fn detect(doc: &Doc, ctx: &Context) -> Option<Span> {
    let hits = crate::signals::canned::phrase_hits(doc);
    detect_where(
        doc,
        ctx,
        &crate::signals::canned::stock_phrases(&hits),
        |_| true,
    )
}

/// [`detect`], skipping reasons inside `stock` spans ("see how we can help each other
/// grow" is stock networking text, not a reason) and keeping only reasons that `keep`
/// accepts: a later reason still counts when an earlier one does not ("we met at the
/// conference. Could I ask how you run your problem walls?").
pub fn detect_where(
    doc: &Doc,
    _ctx: &Context,
    stock: &[Span],
    keep: impl Fn(&Span) -> bool,
) -> Option<Span> {
    if doc.word_count() == 0 {
        return None;
    }
    let outside = |h: &Hit| !stock.iter().any(|s| s.start < h.end && h.start < s.end);
    let generic = doc.find(&GENERIC);
    let real = |h: &Hit| {
        // "looking to | grow my network": a generic phrase covers the word after it.
        let generic_object = generic
            .iter()
            .any(|g| g.first_token <= h.end_token && h.end_token < g.end_token);
        // "learn from you!": nothing but generic words follow in its sentence.
        let sentence_end = doc.sentence_at(h.start).map_or(doc.text.len(), |s| s.end);
        let names_something = doc.tokens[h.end_token..]
            .iter()
            .take_while(|t| t.end <= sentence_end)
            .any(|t| !GENERIC_WORDS.has(t));
        !generic_object && names_something
    };
    let span = |h: Hit| Span {
        start: h.start,
        end: h.end,
    };
    let reason = doc
        .find_iter(&REASON)
        .filter(outside)
        .map(span)
        .find(|s| keep(s));
    let intent = doc
        .find_iter(&INTENT)
        .filter(|h| outside(h) && real(h))
        .map(span)
        .find(|s| keep(s));
    let shared = doc.find_iter(&SHARED).map(span).find(|s| keep(s));
    earliest(&[reason, intent, shared])
}
