//! The elements a good note contains, detected once per note and shared by the
//! rules (which flag them missing) and the score (which rewards them).
//!
//! Each detector lives in the rule file that flags its absence, beside its phrase list.

use crate::rules;
use crate::rules::missing_context::earliest;
use crate::text::{Doc, Hit, Span};
use crate::Context;

/// An opening greeting such as "Hi Sarah," or "Dear Dr. Chen".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Greeting {
    /// The greeting word(s): "Hi", "Good morning".
    pub word: Span,
    /// The name after it, when there is one ("Sarah", "Dr. Chen").
    pub name: Option<Span>,
    /// End of the greeting including the name and a trailing comma or similar.
    pub end: usize,
}

/// What the note contains.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signals {
    pub greeting: Option<Greeting>,
    /// End of a salutation without a person ("Dear Sir/Madam,"), which rules that
    /// cut text must not eat into.
    pub salutation_end: Option<usize>,
    /// How the sender found or knows them (event, post, mutual connection, school,
    /// a shared past...).
    pub how_found: Option<Span>,
    /// A shared past ("we chatted in the queue at KubeCon"): counts as how they know
    /// them and as a reason to connect.
    pub shared_past: Option<Span>,
    /// Something specific about their work.
    pub specifics: Option<Span>,
    /// Why the sender wants to connect.
    pub reason: Option<Span>,
    /// What the sender offers in return.
    pub value: Option<Span>,
    /// A question or light next step to answer.
    pub question: Option<Span>,
    /// Where the note names their company.
    pub company_mentions: Vec<Span>,
    /// The note's phrases from generic-opener's lexicon (canned text), searched once.
    pub canned_phrases: Vec<Hit>,
}

impl Signals {
    pub fn detect(doc: &Doc, ctx: &Context) -> Self {
        let greeting = rules::missing_greeting::detect(doc, ctx.recipient.first_name());
        let company_mentions = rules::missing_specifics::company_mentions(doc, ctx);
        let canned_phrases = rules::generic_opener::phrase_hits(doc);
        let stock = rules::generic_opener::stock_phrases(&canned_phrases);
        let shared_past = earliest([
            rules::missing_context::shared_past(
                doc,
                greeting.map_or(0, |g| g.end),
                ctx.recipient.name.as_deref(),
            ),
            rules::missing_reason::shared_phrase(doc),
        ]);
        let how_found = earliest([
            rules::missing_context::detect_with(doc, &company_mentions),
            shared_past,
        ]);
        // A concrete detail where they say how they know them is specific to them too:
        // "we were on opposite sides of the Meyer arbitration".
        let name = ctx.recipient.name.as_deref();
        let detail = [how_found, shared_past]
            .into_iter()
            .flatten()
            .find_map(|s| {
                let after = greeting.map_or(0, |g| g.end);
                rules::missing_context::concrete_detail(doc, s, after, name)
            });
        Signals {
            greeting,
            salutation_end: rules::generic_opener::salutation_end(doc),
            how_found,
            shared_past,
            specifics: earliest([
                rules::missing_specifics::detect_with(doc, ctx, &company_mentions),
                detail,
            ]),
            reason: earliest([
                rules::missing_reason::detect_outside(doc, ctx, &stock),
                shared_past,
            ]),
            value: rules::missing_value::detect(doc, ctx),
            question: rules::missing_question::detect_after(doc, greeting.map_or(0, |g| g.end)),
            company_mentions,
            canned_phrases,
        }
    }
}
