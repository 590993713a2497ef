//! Canned text: LinkedIn's default invitation, stock openers and salutations, mass-outreach lines and buzzwords, found once per note.

use crate::edits::standalone;
use crate::lang::en::BUZZWORDS;
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
}

/// Phrase families, built out into [`ENTRIES`].
pub fn entries() -> Vec<(String, Kind)> {
    let mut out: Vec<(String, Kind)> = Vec::new();
    let mut add = |phrases: &[&str], kind: Kind| {
        out.extend(phrases.iter().map(|p| (p.to_string(), kind)));
    };
    add(
        &[
            "I'd like to add you to my professional network on LinkedIn",
            "I would like to add you to my professional network on LinkedIn",
            "I'd like to add you to my professional network",
            "I would like to add you to my professional network",
            "I'd like to add you to my network",
            "I would like to add you to my network",
            "I'd love to add you to my network",
            "I'd love to add you to my professional network",
            "add you to my professional network",
            "add you to my network",
            "add you to my LinkedIn network",
            "I'd love to join your network",
            "I would love to join your network",
            "I'd like to join your network",
            "I would like to join your network",
            "I'd like to join your professional network",
            "join your professional network",
            "join your network",
            "be part of your network",
            "be a part of your network",
            "be part of your professional network",
            "be added to your network",
            "add me to your network",
            "I'd like to invite you to join my professional network",
            "I would like to invite you to join my professional network",
            "invite you to join my professional network",
            "invite you to join my network",
            "I'd like to invite you to connect",
            "I would like to invite you to connect",
            "I am inviting you to connect",
            "I'm inviting you to connect",
            "accept my request",
            "accept my connection request",
            "accept my invitation",
            "please accept my request",
            "please accept my connection request",
            "please accept my invitation",
            "kindly accept my request",
            "kindly accept my connection request",
            "kindly accept my invitation",
            "has indicated you are a fellow group member",
            "indicated you are a fellow group member",
            "has indicated you are a friend",
            "has indicated you are a colleague",
            "since you are a person I trust",
        ],
        Kind::Default,
    );
    add(
        &[
            "Dear Sir/Madam",
            "Dear Sir or Madam",
            "Dear Sir",
            "Dear Madam",
            "Respected Sir",
            "Respected Madam",
            "Respected Sir/Madam",
            "Dear Hiring Manager",
            "Dear Recruiter",
            "Hello Sir",
            "Hi Sir",
            "To whom it may concern",
        ],
        Kind::Salutation,
    );
    for lead in ["I hope", "hope", "I trust", "trust"] {
        for body in [
            "this message finds you well",
            "this finds you well",
            "this note finds you well",
            "this email finds you well",
            "this message finds you in good health",
            "this message reaches you well",
            "you are doing well",
            "you're doing well",
            "you are doing great",
            "you're doing great",
            "you are well",
            "you're well",
            "all is well",
            "all is well with you",
            "you are keeping well",
            "you're keeping well",
            "you don't mind me reaching out",
            "you don't mind my reaching out",
            "this note finds you",
            "this message finds you",
            "this email finds you",
            "this finds you",
        ] {
            out.push((format!("{lead} {body}"), Kind::Pleasantry));
        }
    }
    // "grow my network", "expanding our professional networks".
    for verb in [
        "expand",
        "expanding",
        "grow",
        "growing",
        "broaden",
        "broadening",
        "build",
        "building",
        "extend",
        "widen",
        "increase",
    ] {
        for whose in ["my", "our"] {
            for what in [
                "network",
                "networks",
                "professional network",
                "professional networks",
                "connections",
                "LinkedIn network",
            ] {
                out.push((format!("{verb} {whose} {what}"), Kind::Networking));
            }
        }
    }
    let mut add = |phrases: &[&str], kind: Kind| {
        out.extend(phrases.iter().map(|p| (p.to_string(), kind)));
    };
    add(
        &[
            "I'm always looking to expand my network",
            "I am always looking to expand my network",
            "always looking to expand my network",
            "looking to expand my network",
            "looking to grow my network",
            "expand my network",
            "expand my professional network",
            "expanding my network",
            "expanding my professional network",
            "grow my network",
            "grow my professional network",
            "growing my network",
            "growing my professional network",
            "broaden my network",
            "broaden my professional network",
            "build my network",
            "build my professional network",
            "building my network",
            "building my professional network",
            "extend my network",
            "widen my network",
            "increase my network",
            "expand my connections",
            "grow my connections",
            "connect with like-minded professionals",
            "connect with like-minded people",
            "connect with like-minded individuals",
            "connecting with like-minded professionals",
            "connecting with like-minded people",
            "connecting with like-minded individuals",
            "like-minded professionals",
            "like-minded people",
            "like-minded individuals",
            "connect with professionals in my field",
            "connect with other professionals",
            "connect with fellow professionals",
            "connecting with other professionals",
            "connecting with fellow professionals",
            // Stock outreach buzzwords: vague promises that fit any recipient.
            "explore synergies",
            "exploring synergies",
            "create synergies",
            "synergies together",
            "add value to each other",
            "add value to each other's journeys",
            "help each other grow",
            "grow together",
            "support each other",
            "mutually beneficial relationship",
            "take your career to the next level",
            "exciting opportunities",
            "leaders in the space",
            "forward-thinking leaders",
        ],
        Kind::Networking,
    );
    let mut mass: Vec<String> = Vec::new();
    for verb in [
        "connecting with",
        "reaching out to",
        "looking to connect with",
        "connect with",
        "writing to",
        "messaging",
        "inviting",
    ] {
        // Audiences only a mailing list has: "all members", "everyone in", "as many".
        for who in [
            "all members",
            "all the members",
            "all attendees",
            "all the attendees",
            "everyone in",
            "everyone at",
            "everyone who",
            "senior leaders",
            "decision makers",
            "decision-makers",
            "as many",
            "a select group",
            "a select few",
            "a handful of",
        ] {
            mass.push(format!("{verb} {who}"));
        }
    }
    for phrase in [
        "looking to connect with leaders",
        "looking to connect with professionals",
        "connecting with leaders",
        "reaching out to leaders",
    ] {
        mass.push(phrase.to_string());
    }
    let refs: Vec<&str> = mass.iter().map(String::as_str).collect();
    add(&refs, Kind::Mass);
    add(
        &[
            "I came across your profile",
            "came across your profile",
            "came across your LinkedIn profile",
            "I came across your LinkedIn profile",
            "I stumbled upon your profile",
            "stumbled upon your profile",
            "stumbled across your profile",
            "I found your profile",
            "found your profile",
            "I saw your profile",
            "saw your profile",
            "I was going through your profile",
            "going through your profile",
            "I was browsing your profile",
            "browsing your profile",
            "I was looking at your profile",
            "looking at your profile",
            "I viewed your profile",
            "viewed your profile",
            "your profile came up",
            "your profile popped up",
            "your profile caught my eye",
            "your profile caught my attention",
            "came across your name",
            "you viewed my profile",
            "viewed my profile",
            "visited my profile",
        ],
        Kind::Profile,
    );
    add(
        &[
            "let's connect",
            "lets connect",
            "let us connect",
            "let's stay connected",
            "I'd like to connect with you",
            "I would like to connect with you",
            "I'd love to connect with you",
            "I would love to connect with you",
            "I want to connect with you",
            "I'd like to connect with you on LinkedIn",
            "I'd like to connect",
            "I would like to connect",
            "I'd love to connect",
            "I would love to connect",
            "would love to connect",
            "would like to connect",
            "looking forward to connecting",
            "look forward to connecting",
            "looking forward to connecting with you",
            "happy to connect",
            "connect with you",
            "connect with you on LinkedIn",
        ],
        Kind::Call,
    );
    out
}

pub static ENTRIES: LazyLock<Vec<(String, Kind)>> = LazyLock::new(entries);

pub static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

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
                .take_while(|&(_, c)| matches!(c, ',' | '!' | '.' | ':' | ';' | '-' | '\u{2014}'))
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
        Some(i)
            if doc.tokens.len() - i <= 4
                && matches!(
                    doc.tokens[i].norm.as_str(),
                    "best" | "regards" | "cheers" | "thanks" | "sincerely" | "warm" | "kind"
                ) =>
        {
            i
        }
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
