//! The sender unsure of their own source: "I think we crossed paths at one of the
//! fintech events, can't recall which one", "I'm sure we met at some conference, maybe
//! in Izmir?", "a famous guitarist, I can't say who, told me you built their guitar",
//! and a meeting put as a question: "we met at CES, right?", "wasn't it you at the
//! afterparty?".
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
    let mut hedges: Vec<Span> = doc.find(&HEDGES).iter().map(|h| h.span()).collect();
    // A meeting turned into a question by its tag: "we met at CES, right?" (not "your
    // poster at AIChE (copper nanowires, right?)", where the meeting is sure).
    hedges.extend(doc.tokens.iter().enumerate().filter_map(|(i, t)| {
        if !(t.norm == "right" && doc.text[t.end..].starts_with('?') && i > 0) {
            return None;
        }
        let (from, _) = doc.sentence_tokens_of(i);
        let met = doc.tokens[from..i]
            .iter()
            .rposition(|m| matches!(m.norm.as_str(), "met" | "meet"))
            .map(|k| from + k);
        let tagged = doc.text[doc.tokens[i - 1].end..t.start].contains(',')
            && met.is_some_and(|k| !doc.text[doc.tokens[k].end..t.start].contains('('));
        tagged.then_some(Span {
            start: t.start,
            end: t.end + 1,
        })
    }));
    crate::sort::sort_by_key(&mut hedges, |h| h.start);
    let mut out = Vec::new();
    for h in hedges {
        let s = &doc.sentences;
        if let Some(k) = s.iter().position(|s| s.start <= h.start && h.start < s.end) {
            let range = Span {
                start: s[k].start,
                end: s[(k + 1).min(s.len() - 1)].end,
            };
            out.push((h, range));
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
    fn a_meeting_put_as_a_question() {
        assert_eq!(
            hedged("Beatrice, we met at CES in Las Vegas at the headset booth, right? Such fun!"),
            ["Beatrice, we met at CES in Las Vegas at the headset booth, right? Such fun!"]
        );
        assert_eq!(
            hedged("Li Na, wasn't it you at the Bitcoin Miami afterparty? Let's connect!").len(),
            1
        );
        assert_eq!(hedged("Didn't we meet at Web Summit? Great talk.").len(), 1);
        // "right" as a word, a question without the claim's comma, or a tag on a detail
        // of a sure meeting is no hedge.
        assert!(hedged("We met at CES. You were right about latency.").is_empty());
        assert!(hedged("I stopped by your poster at AIChE (copper nanowires, right?).").is_empty());
        assert!(hedged("We met at AIChE (your poster on copper nanowires, right?).").is_empty());
        assert!(hedged("Is this the right time to ask about your talk?").is_empty());
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
