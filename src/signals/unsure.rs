//! The sender unsure of their own source: "I think we crossed paths at one of the
//! fintech events, can't recall which one", "I'm sure we met at some conference, maybe
//! in Izmir?", "a famous guitarist, I can't say who, told me you built their guitar".
//! The seeds ask to say how you found them; a source the writer cannot name is no
//! source, and a made-up familiarity is what a recipient distrusts. The credit for how
//! they know them and for a shared past is not given in the sentence that hedges nor in
//! the one after it ("... can't recall which one. Something you said stuck with me.").

use crate::lang::en::UNSURE;
use crate::lang::lexicon;
use crate::text::{Doc, Lexicon, Span};
use std::sync::LazyLock;

static HEDGES: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&UNSURE));

/// Each hedge, with the byte range where it leaves no credit: from the start of its
/// sentence to the end of the sentence after it.
pub fn detect(doc: &Doc) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    for h in doc.find(&HEDGES) {
        let s = &doc.sentences;
        if let Some(k) = s.iter().position(|s| s.start <= h.start && h.start < s.end) {
            let range = Span {
                start: s[k].start,
                end: s[(k + 1).min(s.len() - 1)].end,
            };
            out.push((h.span(), range));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedged(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        detect(&doc)
            .iter()
            .map(|(_, s)| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_source_the_writer_cannot_name() {
        assert_eq!(
            hedged("Hi Tunde, I think we crossed paths at one of the fintech events, can't recall which one. Something you said about lending stuck with me. Glad to connect."),
            ["Hi Tunde, I think we crossed paths at one of the fintech events, can't recall which one. Something you said about lending stuck with me."]
        );
        assert_eq!(
            hedged("I'm sure we met at some conference, maybe in Izmir?"),
            ["I'm sure we met at some conference, maybe in Izmir?"]
        );
        assert_eq!(
            hedged("A famous guitarist, I can't say who, told me you built it.").len(),
            1
        );
    }

    #[test]
    fn humility_about_their_memory_is_no_hedge() {
        assert!(hedged("You probably don't remember me, but you trained me on the RFID scanners at Zara in 2019.").is_empty());
        assert!(hedged(
            "We met at the Leeds Rust meetup in May; I think your talk was the best of the night."
        )
        .is_empty());
    }
}
