//! The elements a good note contains, detected once per note and shared by the
//! rules (which flag them missing) and the score (which rewards them).
//!
//! One detector per file; their phrase lists are data in `src/lang/<code>/`. Rules read
//! these, never each other.

pub mod asks;
pub mod audience;
pub mod canned;
pub mod claims;
pub mod employer;
pub mod favour;
pub mod field;
pub mod greeting;
pub mod guilt;
pub mod how_found;
pub mod pitch;
pub mod placeholders;
pub mod pressure;
pub mod pronouns;
pub mod question;
pub mod reason;
pub mod remarks;
pub mod sales;
pub mod specifics;
pub mod story;
pub mod unsure;
pub mod vague;
pub mod value;
pub mod wording;
pub mod wordy;

use crate::lang::en::{FUNCTION_WORDS, GIVING_VERBS};
use crate::text::break_between;
use crate::text::earliest;
use crate::text::without_possessive;
use crate::text::{Doc, Hit, Span};
use crate::Context;

/// `(owner, noun)` token indices where a word in `owners` ("your") is followed,
/// within `max_gap` words and the same sentence, by a word in `nouns` ("talk",
/// "post"; a trailing `'s` is ignored). The words between may be anything but
/// function words: "your RustConf talk", "your excellent post", "your write-up".
pub fn owned_nouns(
    doc: &Doc,
    owners: &[&str],
    nouns: crate::lang::ListId,
    max_gap: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if !owners.contains(&t.norm.as_str()) {
            continue;
        }
        for j in i + 1..=(i + 1 + max_gap).min(doc.tokens.len().saturating_sub(1)) {
            if break_between(doc, j - 1, j) {
                break;
            }
            let t = &doc.tokens[j];
            // "your write-up": a hyphenated noun is listed as one word ("writeup").
            let compound = || {
                j > i + 1
                    && &doc.text[doc.tokens[j - 1].end..t.start] == "-"
                    && nouns.contains(
                        &format!("{}{}", doc.tokens[j - 1].norm, without_possessive(&t.norm))
                            .as_str(),
                    )
            };
            if nouns.has_base(t) || compound() {
                out.push((i, j));
                break;
            }
            if FUNCTION_WORDS.has_base(t) {
                break;
            }
        }
    }
    out
}

/// Where text that belongs right after the greeting goes: past the greeting and
/// one space or line break, else the start of the note.
pub fn after_greeting(doc: &Doc, greeting: Option<Greeting>) -> usize {
    let Some(g) = greeting else { return 0 };
    let rest = &doc.text[g.end..];
    match rest.chars().next() {
        Some(c) if c.is_whitespace() => g.end + c.len_utf8(),
        _ => g.end,
    }
}

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
    /// The first words that hedge how they know them ("some conference", "can't recall
    /// which"): no credit is given around them.
    pub unsure: Option<Span>,
    /// Something specific about their work.
    pub specifics: Option<Span>,
    /// Something specific beyond naming their company ("at Acme" alone could be
    /// pasted into any note to anyone there).
    pub detail: Option<Span>,
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
    /// Remarks on their looks ("your profile picture"): never something of theirs.
    pub remarks: Vec<Span>,
    /// The recipient written to as one of a category ("leaders in the logistics space").
    pub audiences: Vec<Span>,
    /// The note's sales as `(start, end, kind)` byte spans, searched once: `hard-sell`
    /// reads them for its findings and for its cap.
    pub sales: Vec<(usize, usize, sales::Sell)>,
    /// Words and pairs of words that notes people decline use far more than notes
    /// they accept (a learned list).
    pub wording: wording::Wording,
    /// Unfilled template fields as `(start, end, field)` byte spans ("{first_name}",
    /// "[Company]"), searched once: their words are not the writer's.
    pub fields: Vec<(usize, usize, String)>,
}

impl Signals {
    /// Where the note's greeting ends, punctuation included: the detected greeting
    /// ("Hi Sarah,"), or a salutation that opens the note ("Dear Sir/Madam,", which the
    /// greeting detector ends after "Dear"). Rules that remove a sentence start after it.
    pub fn greeting_end(&self) -> Option<usize> {
        self.greeting.map(|g| g.end).max(self.salutation_end)
    }

    pub fn detect(doc: &Doc, ctx: &Context) -> Self {
        let greeting = crate::signals::greeting::detect_for(
            doc,
            ctx.recipient.first_name(),
            ctx.recipient.company.as_deref(),
        );
        let company_mentions = crate::signals::specifics::company_mentions(doc, ctx);
        // "Hi Sir John" greets John: its "Hi Sir" is no salutation to anyone.
        let named_from = greeting.and_then(|g| g.name).map(|n| n.start);
        let to_someone = |end: usize| named_from.is_some_and(|n| n < end);
        let mut canned_phrases = crate::signals::canned::phrase_hits(doc);
        canned_phrases.retain(|h| !(crate::signals::canned::is_salutation(h) && to_someone(h.end)));
        let audiences = crate::signals::audience::detect(doc);
        // A reason inside stock text or a category of people is no reason.
        let canned_spans: Vec<Span> = canned_phrases.iter().map(Hit::span).collect();
        let mut stock = crate::signals::canned::stock_phrases(&canned_phrases);
        stock.extend(audiences.iter().copied());
        let name = ctx.recipient.name.as_deref();
        let salutation_end =
            crate::signals::canned::salutation_end(doc).filter(|&e| !to_someone(e));
        let opening = greeting.map(|g| g.end).max(salutation_end).unwrap_or(0);
        let fields = crate::signals::placeholders::find(doc.text);
        // The recipient's name as the note's words read it, for the readers that must
        // not take it for a detail or a third person.
        let known = ctx.recipient.known();
        let theirs = &known.name_words;
        let specific = vague::Specific::new(doc, theirs, &fields);
        let concrete = |s: &Span| specific.at(*s, opening, 2);
        let a_subject = |s: &Span| specific.at(*s, opening, 1);
        // "We met briefly at the summit" names no summit: a meeting counts as a shared
        // past only where its sentence names something.
        let met = |s: &Span| {
            !doc.tokens_within(s.start, s.end)
                .iter()
                .any(|t| matches!(t.norm.as_str(), "met" | "meet"))
                || concrete(s)
        };
        // A source the writer cannot name ("some conference, can't recall which") is none.
        let hedged = unsure::detect(doc);
        let sure = |s: &Span| {
            !hedged
                .iter()
                .any(|(_, h)| h.start <= s.start && s.start < h.end)
        };
        let shared_past = earliest(
            &[
                crate::signals::how_found::shared_past(doc, greeting.map_or(0, |g| g.end), theirs)
                    .filter(met),
                // "Great meeting you at the conference!" names no conference.
                crate::signals::reason::shared_phrase(doc).filter(concrete),
                story::detect(
                    doc,
                    greeting.map_or(0, |g| g.end),
                    theirs,
                    &company_mentions,
                ),
                crate::signals::how_found::welcome(doc),
            ]
            .map(|s| s.filter(sure)),
        );
        // How they found them counts only where it names something: "saw your post,
        // great insights!" fits anyone.
        // "can you send your lecture notes": their work asked for, not how they were found.
        let asked_for = |s: &Span| {
            let i = doc.tokens.partition_point(|t| t.start < s.start);
            i > 0 && GIVING_VERBS.has(&doc.tokens[i - 1])
        };
        // Their book or show by the title their headline gives it: their work, read, and
        // something of theirs.
        let title = crate::signals::specifics::headline_title(doc, ctx);
        let how_found = earliest(&[
            earliest(
                &crate::signals::how_found::ways(doc, ctx, &company_mentions)
                    .map(|s| s.filter(|s| concrete(s) && !asked_for(s) && sure(s))),
            ),
            shared_past,
            title,
        ]);
        // A concrete detail where they say how they know them is specific to them too:
        // "we were on opposite sides of the Meyer arbitration".
        let detail = [how_found, shared_past]
            .into_iter()
            .flatten()
            .find_map(|s| {
                let after = greeting.map_or(0, |g| g.end);
                crate::signals::how_found::concrete_detail(doc, s, after, name)
            });
        // Something of theirs beyond their company's name (searched once: `specifics`
        // adds the company to it).
        let remarks = remarks::detect(doc);
        // "I saw your profile picture" names a thing of theirs, but not their work.
        let not_remark = |s: &Span| !remarks.iter().any(|r| r.start < s.end && s.start < r.end);
        let theirs = earliest(&[crate::signals::specifics::detail(doc, ctx), detail, title])
            .filter(not_remark);
        let how_found = how_found.filter(not_remark);
        // Where the sender stands, beside something specific of theirs: why their work
        // matters to the sender.
        let placed = theirs.and_then(|_| crate::signals::how_found::placed_self(doc, opening));
        Signals {
            greeting,
            salutation_end,
            unsure: hedged.first().map(|&(h, _)| h),
            how_found,
            shared_past,
            specifics: earliest(&[
                theirs,
                crate::signals::specifics::company_specifics(doc, &company_mentions),
            ]),
            detail: theirs,
            reason: earliest(&[
                crate::signals::reason::detect_where(doc, ctx, &stock, a_subject),
                shared_past,
                placed,
            ]),
            value: crate::signals::value::detect(doc, ctx),
            question: crate::signals::question::detect_after(doc, greeting.map_or(0, |g| g.end)),
            company_mentions,
            canned_phrases,
            remarks,
            audiences,
            sales: sales::find(doc),
            wording: wording::detect(doc, name, opening, &canned_spans, &fields),
            fields,
        }
    }
}
