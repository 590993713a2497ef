//! The recipient written to as one of a category: "researching leaders in the logistics
//! space", "I'm reaching out to thought leaders in the legal space", "connecting with
//! professionals in your industry", "people in the same field"; and reaching out to
//! a role in the plural: "I'm connecting with CPOs I admire", "connecting with data
//! scientists in Toronto".
//!
//! The seeds' first rule is to personalise: a note that names the crowd it was sent to
//! says it was sent to the crowd. In every labelled dev half the phrase is in bad notes
//! only; a good note names the person's own work instead ("your post on cohort churn").

use crate::lang::en::{
    AUDIENCES, AUDIENCE_DETERMINERS, AUDIENCE_VERBS, INDUSTRIES, OCCUPATIONS, TITLES,
};
use crate::text::{break_between, Doc, Lexicon, Span};
use std::sync::LazyLock;

static PEOPLE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&AUDIENCES));
static REACHING: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&AUDIENCE_VERBS));

/// A role in the plural: "CPOs", "data scientists", "founders".
fn roles(norm: &str) -> bool {
    norm.strip_suffix('s')
        .is_some_and(|one| OCCUPATIONS.contains(&one) || TITLES.contains(&one))
}

/// "connecting with CPOs", "reaching out to data scientists": the verb and the role.
fn reached(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    doc.find_iter(&REACHING)
        .filter_map(|h| {
            let k = (h.end_token..toks.len().min(h.end_token + 2))
                .take_while(|&k| k == h.end_token || !break_between(doc, k - 1, k))
                .find(|&k| roles(&toks[k].norm))?;
            Some(Span {
                start: h.start,
                end: toks[k].end,
            })
        })
        .collect()
}

/// Words between the determiner and the industry word: "the Dubai real estate space".
const MAX_BETWEEN: usize = 3;

/// Where the note names its audience as a category of people in an industry.
pub fn detect(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let mut out = reached(doc);
    for hit in doc.find_iter(&PEOPLE) {
        // "leaders in the", "professionals across your", "people within our".
        let prep = hit.end_token;
        let det = prep + 1;
        if det >= toks.len()
            || !matches!(norm(prep), "in" | "across" | "within")
            || !AUDIENCE_DETERMINERS.has(&toks[det])
        {
            continue;
        }
        let end = (det + 1..toks.len().min(det + 2 + MAX_BETWEEN))
            .take_while(|&k| !break_between(doc, k - 1, k))
            .find(|&k| INDUSTRIES.has(&toks[k]));
        if let Some(k) = end {
            let span = Span {
                start: hit.start,
                end: toks[k].end,
            };
            if !out.iter().any(|o| o.start < span.end && span.start < o.end) {
                out.push(span);
            }
        }
    }
    crate::sort::sort_by_key(&mut out, |s| s.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        detect(&Doc::new(text))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn finds_a_category_of_people() {
        assert_eq!(
            found("I came across your profile while researching leaders in the logistics space."),
            ["leaders in the logistics space"]
        );
        assert_eq!(
            found("I'm connecting with all professionals in the Dubai real estate space."),
            ["professionals in the Dubai real estate space"]
        );
        assert_eq!(
            found("Dear Sir, I am reaching out to professionals in your industry."),
            ["professionals in your industry"]
        );
        assert_eq!(
            found("I want to expand my network with people in the same field!"),
            ["people in the same field"]
        );
    }

    #[test]
    fn finds_a_role_reached_in_the_plural() {
        assert_eq!(
            found("I'm connecting with CPOs I admire, and Razorpay is on my list."),
            ["connecting with CPOs"]
        );
        assert_eq!(
            found("I'm connecting with data scientists in Toronto as I start my search!"),
            ["connecting with data scientists"]
        );
        assert!(found("I'd love to connect with you about the Toronto meetup.").is_empty());
        assert!(found("Sarah said I should connect with Tom before the launch.").is_empty());
    }

    #[test]
    fn silent_on_a_person_or_a_place() {
        for text in [
            "Your post on cold-chain logistics was great; I work in this space too.",
            "We shared a desk at the coworking space on Via Tiburtina.",
            "Most people in the room laughed at your joke about YAML.",
            "You are a leader in your field.",
            "Leaders in the. Space is the next topic.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
