//! A form of address that contradicts the pronouns the recipient's headline gives:
//! "Dear Ms. Ellis" to "Head of People at Monzo (he/him)", "you're a great guy" to
//! "Product Designer at Figma (they/them)".
//!
//! LinkedIn lets people show their pronouns, and many put them in their headline. The
//! seeds' first rule is to personalise: a wrong "Ms." is as careless as a wrong name,
//! and to the person misgendered it is worse. Only an honorific or a word addressing
//! them ("sir", "madam", "guy") counts, never a pronoun about someone else.

use crate::lang::en::{ADDRESSED_AS_HE, ADDRESSED_AS_SHE, ADDRESS_WORDS, GENDERED_TITLES};
use crate::signals::greeting::capitalised;
use crate::text::{Doc, Span};

/// The pronouns a headline gives, as (he, she): "(he/him)" is (true, false),
/// "she/they" (false, true), "they/them" (false, false). `None` when it gives none.
/// Pronouns are written as a pair joined by a slash: "he/him", "She/Her", "they/them".
pub fn declared(headline: &str) -> Option<(bool, bool)> {
    let (mut he, mut she, mut any) = (false, false, false);
    for pair in headline.split(|c: char| !(c.is_ascii_alphabetic() || c == '/')) {
        let mut words = pair.split('/');
        let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let pronoun = |w: &str| {
            ["he", "him", "she", "her", "they", "them"]
                .iter()
                .position(|p| w.eq_ignore_ascii_case(p))
        };
        if let (Some(x), Some(y)) = (pronoun(a), pronoun(b)) {
            any = true;
            he |= x < 2 || y < 2;
            she |= (2..4).contains(&x) || (2..4).contains(&y);
        }
    }
    any.then_some((he, she))
}

/// Every place the note addresses them in a way `declared` pronouns rule out ("Dear Mr.
/// Morgan … sir"), with the pronouns to name and whether the word is an honorific
/// ("Ms.") rather than a word of address ("sir", "guy").
pub fn misgendered(doc: &Doc, headline: &str) -> Vec<(Span, &'static str, bool)> {
    let mut out = Vec::new();
    let Some((he, she)) = declared(headline) else {
        return out;
    };
    let toks = &doc.tokens;
    for (i, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        let (as_he, as_she) = (ADDRESSED_AS_HE.contains(&w), ADDRESSED_AS_SHE.contains(&w));
        if !(as_he || as_she) {
            continue;
        }
        let honorific = GENDERED_TITLES.has(t);
        // An honorific names them only before a capitalised name ("Ms. Ellis").
        if honorific {
            if !(i + 1 < toks.len() && capitalised(doc, i + 1)) {
                continue;
            }
        } else {
            // "sir", "guy", "madam": about them only in a sentence to them ("you're a
            // great guy", "Dear Sir", "thanks, man") or opening the note.
            let start = i.saturating_sub(4);
            let to_them = i == 0
                || toks[start..i].iter().any(|p| ADDRESS_WORDS.has(p))
                || doc.text[..t.start].trim_end().ends_with(',');
            if !to_them {
                continue;
            }
        }
        if (as_he && !he) || (as_she && !she) {
            out.push((
                Span {
                    start: t.start,
                    end: t.end,
                },
                if he {
                    "he/him"
                } else if she {
                    "she/her"
                } else {
                    "they/them"
                },
                honorific,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pronouns_from_a_headline() {
        assert_eq!(
            declared("Head of People at Monzo (he/him)"),
            Some((true, false))
        );
        assert_eq!(declared("Designer | She/Her | Lisbon"), Some((false, true)));
        assert_eq!(
            declared("Product Designer at Figma (they/them)"),
            Some((false, false))
        );
        assert_eq!(declared("Engineer (she/they)"), Some((false, true)));
        assert_eq!(declared("Head of Theology at Hehe Ltd"), None);
        assert_eq!(declared("Chemist, Helium and Hydrogen"), None);
    }

    #[test]
    fn finds_an_address_their_pronouns_rule_out() {
        let found = |t: &str, h: &str| {
            misgendered(&Doc::new(t), h)
                .first()
                .map(|(s, _, _)| t[s.start..s.end].to_string())
        };
        assert_eq!(
            found(
                "Dear Ms. Ellis, I admire your work.",
                "Head of People (he/him)"
            )
            .as_deref(),
            Some("Ms")
        );
        assert_eq!(
            found(
                "Great chatting at Config! You're a great guy.",
                "Designer (they/them)"
            )
            .as_deref(),
            Some("guy")
        );
        assert_eq!(
            found("Let's stay in touch, man.", "Designer (she/her)"),
            None,
            "“man” is not in the list"
        );
        assert_eq!(
            found("Dear Sir, your talk was great.", "Engineer (she/her)").as_deref(),
            Some("Sir")
        );
        for (t, h) in [
            (
                "Dear Mr. Ellis, I admire your work.",
                "Head of People (he/him)",
            ),
            (
                "Dear Ms. Ellis, I admire your work.",
                "Head of People (she/they)",
            ),
            (
                "Dear Ms. Ellis, I admire your work.",
                "Head of People at Monzo",
            ),
            ("The guy at the desk said to write.", "Designer (they/them)"),
            ("I miss the Lisbon office.", "Designer (he/him)"),
        ] {
            assert_eq!(found(t, h), None, "{t}");
        }
    }
}
