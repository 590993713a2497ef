//! The field of work the note's words about the recipient belong to (software,
//! medicine, baking, logistics, ...), set against the field their headline names.
//!
//! - [`clash`]: the note praises work from a field far from theirs ("your keynote on
//!   Kubernetes security at KubeCon" to a pastry chef): a note written for someone else.
//! - [`matching`]: a concrete word of their own field that their profile does not
//!   spell out ("your write-up on the cocoa co-op" to an agricultural economist): a
//!   detail only someone who looked at their work would write.
//!
//! The words and their fields are data (`src/lang/en/fields.txt`); which fields are
//! kin, and which say nothing of an industry, is here.

use crate::lang::en::FIELDS;
use crate::text::{Doc, Hit, Lexicon, Span};
use crate::Recipient;
use std::sync::LazyLock;

/// The fields, in bit order. A tag in `fields.txt` outside this list fails a test.
pub const NAMES: &[&str] = &[
    "tech",
    "design",
    "data",
    "marketing",
    "sales",
    "finance",
    "law",
    "health",
    "vet",
    "food",
    "hospitality",
    "aviation",
    "logistics",
    "construction",
    "energy",
    "education",
    "research",
    "agriculture",
    "retail",
    "hr",
    "manufacturing",
    "media",
    "arts",
    "sports",
    "government",
    "nonprofit",
    "realestate",
    "insurance",
];

/// A set of fields, one bit per entry of [`NAMES`].
type Fields = u32;

fn bit(name: &str) -> Fields {
    NAMES.iter().position(|n| *n == name).map_or(0, |i| 1 << i)
}

fn bits(names: &[&str]) -> Fields {
    names.iter().fold(0, |acc, n| acc | bit(n))
}

/// Fields whose people work in every industry (a software engineer at a hospital, a
/// lawyer for an energy firm, a county officer for its farms, a scientist in any lab): a headline that names only these says nothing of the
/// topics the person works on, so nothing can clash with it.
fn everywhere() -> Fields {
    bits(&[
        "tech",
        "design",
        "data",
        "marketing",
        "sales",
        "finance",
        "law",
        "hr",
        "media",
        "government",
        "nonprofit",
        "research",
    ])
}

/// Fields close enough that a note may move between them.
const KIN: &[&[&str]] = &[
    &["tech", "data", "design"],
    &["health", "vet", "research"],
    &["food", "hospitality", "retail", "agriculture"],
    &["logistics", "retail", "manufacturing", "aviation"],
    &["finance", "insurance", "realestate"],
    &["marketing", "sales", "media"],
    &["media", "arts"],
    &["education", "research"],
    &["construction", "realestate", "energy", "manufacturing"],
    &["government", "nonprofit", "education", "health"],
    &["sports", "health", "education"],
];

/// `fields` with their kin.
fn with_kin(fields: Fields) -> Fields {
    KIN.iter().fold(fields, |acc, group| {
        let g = bits(group);
        if fields & g != 0 {
            acc | g
        } else {
            acc
        }
    })
}

struct Entry {
    fields: Fields,
    /// Names a whole sector ("healthcare"): may clash, is never a specific detail.
    sector: bool,
    /// The phrase as written in the list, to tell "co-op" from "co-ops".
    stem: &'static str,
}

struct Table {
    lexicon: Lexicon,
    /// Per lexicon phrase.
    entries: Vec<Entry>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    for (term, tags) in crate::lang::tagged(FIELDS) {
        let tags: Vec<&str> = tags.split_whitespace().collect();
        let entry = || Entry {
            fields: bits(&tags),
            sector: tags.contains(&"sector"),
            stem: term,
        };
        phrases.push(term.to_string());
        entries.push(entry());
        if !term.ends_with('s') {
            phrases.push(format!("{term}s"));
            entries.push(entry());
        }
    }
    let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
    Table {
        lexicon: Lexicon::new(&refs),
        entries,
    }
});

/// The fields the recipient's headline and company name.
fn profile_fields(r: &Recipient) -> (Fields, String) {
    let profile = [r.headline.as_deref(), r.company.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" . ");
    let doc = Doc::new(&profile);
    let fields = doc
        .find_iter(&TABLE.lexicon)
        .fold(0, |acc, h| acc | TABLE.entries[h.phrase].fields);
    let words = doc
        .tokens
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    (fields, format!(" {words} "))
}

/// The note's field words in sentences about the recipient ("your talk on ...",
/// "you were on the fintech panel", "congrats on ..."), leaving out words the sender
/// says of themselves ("I'm a nurse and ...").
fn about_them(doc: &Doc) -> Vec<Hit> {
    let t = &doc.tokens;
    let ranges: Vec<_> = doc.sentence_tokens().collect();
    doc.find_iter(&TABLE.lexicon)
        .filter(|h| {
            let Some(r) = ranges.iter().find(|r| r.contains(&h.first_token)) else {
                return false;
            };
            // "your talk on ...", "congrats on ...", and what they did together: "loved
            // our chat on Kubernetes autoscaling".
            let addressed = r.clone().any(|i| {
                matches!(
                    t[i].norm.as_str(),
                    "you"
                        | "your"
                        | "you're"
                        | "you've"
                        | "yours"
                        | "congrats"
                        | "congratulations"
                        | "our"
                        | "we"
                        | "us"
                )
            });
            let own = (h.first_token.saturating_sub(6).max(r.start)..h.first_token)
                .any(|i| matches!(t[i].norm.as_str(), "i" | "i'm" | "my" | "am" | "me"));
            addressed && !own
        })
        .collect()
}

/// Work from a field far from the recipient's, praised as theirs: two different
/// words of it in sentences about them, none of their own field anywhere in the note,
/// and a headline that ties them to one field. The span covers the first such word.
pub fn clash(doc: &Doc, recipient: &Recipient) -> Option<Span> {
    let (theirs, _) = profile_fields(recipient);
    if theirs == 0 {
        return None;
    }
    let near = with_kin(theirs);
    // A headline that names a role found in every industry (a software engineer at a
    // hospital) clashes only with another such role ("your talk on brand
    // storytelling" to a security analyst), never with an industry's topics.
    let outside = if theirs & everywhere() != 0 {
        everywhere() & !near
    } else {
        !near
    };
    if doc
        .find_iter(&TABLE.lexicon)
        .any(|h| TABLE.entries[h.phrase].fields & near != 0)
    {
        return None;
    }
    let far: Vec<Hit> = about_them(doc)
        .into_iter()
        .filter(|h| {
            let f = TABLE.entries[h.phrase].fields;
            f != 0 && f & near == 0 && f & outside != 0
        })
        .collect();
    let mut stems: Vec<&str> = far.iter().map(|h| TABLE.entries[h.phrase].stem).collect();
    stems.sort_unstable();
    stems.dedup();
    (stems.len() >= 2).then(|| Span {
        start: far[0].start,
        end: far[0].end,
    })
}

/// A concrete word of the recipient's own field, said about them, that their
/// headline and company do not already spell out.
pub fn matching(doc: &Doc, recipient: &Recipient) -> Option<Span> {
    let (theirs, words) = profile_fields(recipient);
    if theirs == 0 {
        return None;
    }
    about_them(doc)
        .into_iter()
        .find(|h| {
            let e = &TABLE.entries[h.phrase];
            let said = doc.tokens[h.first_token..h.end_token]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            !e.sector
                && e.fields & theirs != 0
                && !words.contains(&format!(" {said} "))
                && !words.contains(&format!(" {} ", e.stem))
        })
        .map(|h| Span {
            start: h.start,
            end: h.end,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(headline: &str, company: &str) -> Recipient {
        Recipient {
            name: Some("Sam Lee".into()),
            headline: Some(headline.into()),
            company: Some(company.into()),
        }
    }

    #[test]
    fn every_tag_is_a_known_field() {
        for (term, tags) in crate::lang::tagged(FIELDS) {
            for tag in tags.split_whitespace() {
                assert!(
                    tag == "sector" || NAMES.contains(&tag),
                    "src/lang/en/fields.txt: {term}: unknown field {tag}"
                );
            }
            assert!(!tags.trim().is_empty(), "fields.txt: {term} has no field");
        }
    }

    #[test]
    fn clashes_with_a_headline_from_another_field() {
        let chef = who("Pastry Chef at The Ritz London", "The Ritz London");
        let note = "Hi Daniel, loved your keynote on Kubernetes security at KubeCon. The part about admission controllers was eye-opening.";
        assert!(clash(&Doc::new(note), &chef).is_some());
        let vet = who(
            "Veterinary Surgeon | Equine orthopedics",
            "Texas A&M Veterinary Hospital",
        );
        let note = "Hi Carlos, you were on the fintech panel at Web Summit; your point on open banking and Pix stuck with me.";
        assert!(clash(&Doc::new(note), &vet).is_some());
    }

    #[test]
    fn no_clash_when_the_note_touches_their_field_or_the_sender_speaks_of_themselves() {
        let nurse = who("ICU Nurse at St Mary's Hospital", "St Mary's Hospital");
        // One word of their field anywhere clears the note.
        let note = "Your talk on Kubernetes and Terraform for hospital rota systems was great.";
        assert!(clash(&Doc::new(note), &nurse).is_none());
        // The sender's own field.
        let note = "I'm a Kubernetes and Terraform engineer; thank you for looking after my dad.";
        assert!(clash(&Doc::new(note), &nurse).is_none());
        // A headline that names a role found in every industry.
        let eng = who("Software Engineer at Epic", "Epic Systems");
        let note = "Your post on ICU handovers and clinical alarms was sharp.";
        assert!(clash(&Doc::new(note), &eng).is_none());
        // One stray word is not enough.
        let note = "Congrats on the new role! Your Kubernetes joke made my day.";
        assert!(clash(&Doc::new(note), &nurse).is_none());
    }

    #[test]
    fn matching_needs_a_word_of_their_field_they_did_not_write_themselves() {
        let economist = who("Agricultural Economist | Smallholder cooperatives", "IFPRI");
        let note = "Your write-up on the failed cocoa co-op in Ghana was more useful to me than most success stories.";
        assert!(matching(&Doc::new(note), &economist).is_some());
        // Their headline read back is not a detail.
        let note = "I see you work on smallholder cooperatives, would love to connect.";
        assert!(matching(&Doc::new(note), &economist).is_none());
        // A sector is not a detail.
        let dev = who("Backend Developer at Nubank", "Nubank");
        let note = "I admire your work in fintech.";
        assert!(matching(&Doc::new(note), &dev).is_none());
        let note = "Your Kafka consumer write-up saved our on-call week.";
        assert!(matching(&Doc::new(note), &dev).is_some());
    }
}
