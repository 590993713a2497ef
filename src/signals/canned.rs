//! Canned text: LinkedIn's default invitation, stock openers and salutations, mass-outreach lines and buzzwords, found once per note.

use crate::edits::standalone;
use crate::lang::en::{
    BUZZWORDS, CANNED, MASS_AUDIENCES, MASS_VERBS, NETWORK_OBJECTS, NETWORK_VERBS,
    PLEASANTRY_BODIES, SIGN_OFF_STARTS,
};
use crate::text::{Doc, Hit, Lexicon, Span};
use std::sync::LazyLock;

pub static BUZZ: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&BUZZWORDS));

/// The different buzzwords in the note, first occurrence of each.
pub fn buzzwords(doc: &Doc) -> Vec<Hit> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for h in doc.find_iter(&BUZZ) {
        if !seen.contains(&h.phrase) {
            seen.push(h.phrase);
            out.push(h);
        }
    }
    out
}

/// The kinds of canned text, each with its own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// LinkedIn's default text and "add you to / join your network".
    Default,
    /// "Dear Sir/Madam", "To whom it may concern": a greeting without a person.
    Salutation,
    /// "I hope this message finds you well".
    Pleasantry,
    /// "I'm always looking to expand my network", "like-minded professionals".
    Networking,
    /// "I'm connecting with all members of the group": says the note goes to many people.
    Mass,
    /// "I came across your profile": generic unless the sentence names something specific.
    Profile,
    /// "Let's connect": generic only when the note says nothing else.
    Call,
    /// "leaders in the logistics space": the person written to as one of a category
    /// ([`crate::signals::audience`]).
    Audience,
}

/// The phrases of `src/lang/en/canned.txt` tagged with `kind`.
fn listed(kind: Kind) -> impl Iterator<Item = (String, Kind)> {
    crate::lang::tagged(&CANNED)
        .filter(move |&(_, tag)| tag == kind_tag(kind))
        .map(move |(phrase, _)| (phrase.to_string(), kind))
}

/// The tag of `kind` in `canned.txt`.
fn kind_tag(kind: Kind) -> &'static str {
    match kind {
        Kind::Default => "default",
        Kind::Salutation => "salutation",
        Kind::Pleasantry => "pleasantry",
        Kind::Networking => "networking",
        Kind::Mass => "mass",
        Kind::Profile => "profile",
        Kind::Call => "call",
        Kind::Audience => "audience",
    }
}

/// Phrase families, built out into [`ENTRIES`].
pub fn entries() -> Vec<(String, Kind)> {
    let mut out: Vec<(String, Kind)> = Vec::new();
    out.extend(listed(Kind::Default));
    out.extend(listed(Kind::Salutation));
    for lead in ["I hope", "hope", "I trust", "trust"] {
        for body in PLEASANTRY_BODIES.iter() {
            out.push((format!("{lead} {body}"), Kind::Pleasantry));
        }
    }
    // "grow my network", "expanding our professional networks".
    for verb in NETWORK_VERBS.iter() {
        for whose in ["my", "our"] {
            for what in NETWORK_OBJECTS.iter() {
                out.push((format!("{verb} {whose} {what}"), Kind::Networking));
            }
        }
    }
    out.extend(listed(Kind::Networking));
    for verb in MASS_VERBS.iter() {
        // Audiences only a mailing list has: "all members", "everyone in", "as many".
        for who in MASS_AUDIENCES.iter() {
            out.push((format!("{verb} {who}"), Kind::Mass));
        }
    }
    out.extend(listed(Kind::Mass));
    out.extend(listed(Kind::Profile));
    out.extend(listed(Kind::Call));
    out
}

pub static ENTRIES: LazyLock<Vec<(String, Kind)>> = LazyLock::new(entries);

pub static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

/// True when `hit` (of [`phrase_hits`]) is a salutation without a person ("Dear Sir").
pub fn is_salutation(hit: &Hit) -> bool {
    ENTRIES[hit.phrase].1 == Kind::Salutation
}

/// End of a salutation without a person ("Dear Sir/Madam,") opening the note, with
/// its punctuation. Detected once per note by [`crate::signals::Signals`].
pub fn salutation_end(doc: &Doc) -> Option<usize> {
    // Salutations are a few words long: look at the opening words only.
    doc.opening(&PHRASES, 8)
        .filter(|h| ENTRIES[h.phrase].1 == Kind::Salutation)
        .map(|h| {
            let rest = &doc.text[h.end..];
            let punct = rest
                .char_indices()
                .take_while(|&(_, c)| crate::text::is_greeting_punct(c))
                .last()
                .map_or(0, |(j, c)| j + c.len_utf8());
            h.end + punct
        })
}

/// Index of the first token of a closing sign-off line ("Best, Bo"), if the note has one.
pub fn signoff_start(doc: &Doc) -> usize {
    let Some(last) = doc.sentences.last() else {
        return doc.tokens.len();
    };
    let first = doc.tokens.partition_point(|t| t.start < last.start);
    match (first < doc.tokens.len()).then_some(first) {
        Some(i) if doc.tokens.len() - i <= 4 && SIGN_OFF_STARTS.has(&doc.tokens[i]) => i,
        _ => doc.tokens.len(),
    }
}

/// The note's phrases from this rule's lexicon, standing alone: searched once per
/// note (by [`crate::signals::Signals`]) and shared.
pub fn phrase_hits(doc: &Doc) -> Vec<Hit> {
    doc.find_iter(&PHRASES)
        .filter(|h| standalone(doc, h))
        .collect()
}

/// Where the note uses stock networking text (LinkedIn's default, "help each other
/// grow", mass outreach), of the `hits` of [`phrase_hits`]: a reason found inside one
/// of these is no reason.
pub fn stock_phrases(hits: &[Hit]) -> Vec<Span> {
    hits.iter()
        .filter(|h| {
            matches!(
                ENTRIES[h.phrase].1,
                Kind::Default | Kind::Networking | Kind::Mass
            )
        })
        .map(|h| h.span())
        .collect()
}
