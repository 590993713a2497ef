//! A favour asked of the recipient by the shape of its sentence, where no stock phrase
//! matched: "could you please look over my research proposal", "would you be willing to
//! write me a recommendation", "can you share my campaign with your followers". A modal,
//! "you", something to do, and the sender as who it is for.
//!
//! The seeds: respect their time and boundaries; a first note from a stranger that asks
//! for work on the sender's behalf is an entitled ask. Whether the two know each other
//! is the rule's to weigh (signals say what a sentence is, not whether it is fair).

use crate::text::{Doc, Span};

/// Sentences asking the recipient to do something for the sender.
pub fn detect(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let mut out = Vec::new();
    for range in doc.sentence_tokens() {
        let (first, end) = (range.start, range.end);
        for i in first..end.saturating_sub(2) {
            if !(matches!(norm(i), "could" | "would" | "can" | "will") && norm(i + 1) == "you") {
                continue;
            }
            // Permission and interest ("would you be open to me crediting you", "would
            // you mind if I", "would you like") are questions, not favours.
            let next = norm(i + 2);
            if matches!(
                next,
                "mind" | "like" | "be" | "ever" | "know" | "recommend" | "say"
            ) {
                let willing = next == "be"
                    && i + 3 < end
                    && matches!(norm(i + 3), "willing" | "able" | "kind");
                if !willing {
                    continue;
                }
            }
            let for_me = (i + 2..(i + 10).min(end)).find(|&k| matches!(norm(k), "me" | "my"));
            if let Some(k) = for_me {
                out.push(Span {
                    start: toks[i].start,
                    end: toks[k].end,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(text: &str) -> bool {
        !detect(&Doc::new(text)).is_empty()
    }

    #[test]
    fn favours_for_the_sender() {
        assert!(asks(
            "Could you please look over my research proposal before Friday?"
        ));
        assert!(asks(
            "Would you be willing to write me a LinkedIn recommendation?"
        ));
        assert!(asks(
            "Can you share my startup's crowdfunding campaign with your followers?"
        ));
    }

    #[test]
    fn questions_and_permission_are_not_favours() {
        assert!(!asks("Would you be open to me crediting you in the film?"));
        assert!(!asks("Would you mind if I cited your thread in my thesis?"));
        assert!(!asks("Could I ask how you run your problem walls?"));
        assert!(!asks("How did you get into compilers?"));
    }
}
