//! A question or a light next step for the recipient to answer.

use crate::lang::en::MISSING_SPECIFICS_SECOND_PERSON as SECOND_PERSON;
use crate::lang::en::{CONNECT_ONLY, INTERROGATIVES, NEXT_STEPS};
use crate::lang::lexicon;
use crate::text::earliest;
use crate::text::{Doc, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

pub static NEXT: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&NEXT_STEPS));

/// A "?" that ends a question: not inside a link ("?utm="), not the first
/// character, and not a question that only asks to connect.
pub fn question_mark(doc: &Doc, greeting_end: usize) -> Option<Span> {
    let text = doc.text;
    text.char_indices()
        .filter(|&(_, c)| c == '?' || c == '\u{FF1F}')
        .find(|&(i, c)| {
            let next = text[i + c.len_utf8()..].chars().next();
            let ends = next.is_none_or(|n| !n.is_alphanumeric() && !matches!(n, '=' | '&' | '/'));
            let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
            let in_link = word.contains("://") || word.starts_with("www.");
            let only_connect = doc.sentence_at(i).is_some_and(|s| {
                doc.tokens_within(s.start.max(greeting_end), i)
                    .iter()
                    .all(|t| CONNECT_ONLY.has(t))
            });
            ends && !in_link && !only_connect && doc.tokens.first().is_some_and(|t| t.start < i)
        })
        .map(|(i, c)| {
            let s = doc.sentence_at(i);
            Span {
                start: s.map_or(0, |s| s.start),
                end: i + c.len_utf8(),
            }
        })
}

/// A sentence that opens like a question to them but lost its "?":
/// "what got you into compilers".
pub fn unmarked_question(doc: &Doc, greeting_end: usize) -> Option<Span> {
    doc.sentences.iter().copied().find(|s| {
        let toks = doc.tokens_within(s.start.max(greeting_end), s.end);
        toks.first().is_some_and(|t| INTERROGATIVES.has(t))
            && toks.iter().take(4).skip(1).any(|t| SECOND_PERSON.has(t))
    })
}

/// Finds a question or light next step.
pub fn detect(doc: &Doc, ctx: &Context) -> Option<Span> {
    let greeting = crate::signals::greeting::detect_for(
        doc,
        ctx.recipient.first_name(),
        ctx.recipient.company.as_deref(),
    );
    detect_after(doc, greeting.map_or(0, |g| g.end))
}

/// [`detect`], given the end of the greeting (0 without one).
pub fn detect_after(doc: &Doc, greeting_end: usize) -> Option<Span> {
    if doc.word_count() == 0 {
        return None;
    }
    earliest(&[
        question_mark(doc, greeting_end),
        doc.first(&NEXT).map(|h| h.span()),
        unmarked_question(doc, greeting_end),
    ])
}
