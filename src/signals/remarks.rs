//! Remarks on how someone looks, and endearments: "Hey beautiful,", "Hello dear,",
//! "you look stunning", "I saw your profile picture", "your beautiful smile".
//!
//! The seeds: respect boundaries and keep to their work. A remark on a stranger's
//! looks makes a professional network a dating site; people report such notes.
//! Praise of their work ("your beautiful photo series of the dhow builders") is not a
//! remark: a word about looks counts only with "you look", "you're", a profile
//! picture or their smile.

use crate::lang::en::{APPEARANCE, BODY, ENDEARMENTS, GREET_WORDS, INTENSIFIERS, LOOKS, PHOTOS};
use crate::text::{Doc, Span};

/// A photo or picture: their work as often as their looks.
fn is_photo(w: &str) -> bool {
    PHOTOS.contains(&w)
}

/// The spans of the note that remark on the person's looks or use an endearment.
pub fn detect(doc: &Doc) -> Vec<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let span = |i: usize, j: usize| Span {
        start: toks[i].start,
        end: toks[j].end,
    };
    let gap = |i: usize| {
        toks.get(i + 1)
            .map_or("", |next| &doc.text[toks[i].end..next.start])
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = norm(i);
        let mut hit = None;
        // "Hey beautiful," / "Hello dear!": a greeting, the word, then no name.
        if i > 0
            && GREET_WORDS.has(&toks[i - 1])
            && gap(i - 1).trim().is_empty()
            && ENDEARMENTS.contains(&w)
            && (i + 1 == toks.len() || gap(i).contains([',', '.', '!', '?', '\n', '-', '—']))
        {
            hit = Some(span(i - 1, i));
        }
        // "you look stunning", "you're so beautiful", "you are very pretty".
        let raw = &doc.text[toks[i].start..toks[i].end];
        let about_you = match w {
            "you're" => Some(i + 1),
            // "ur so pretty": "ur" reads as "your" (see `text::tokenize`).
            "your" if raw.eq_ignore_ascii_case("ur") => Some(i + 1),
            "you" if i + 1 < toks.len() && matches!(norm(i + 1), "look" | "are" | "r") => {
                Some(i + 2)
            }
            _ => None,
        };
        if let Some(mut k) = about_you {
            while k < toks.len() && INTENSIFIERS.has(&toks[k]) {
                k += 1;
            }
            if k < toks.len() && APPEARANCE.has(&toks[k]) {
                hit = Some(span(i, k));
            }
        }
        // "your profile picture", "your beautiful smile": their picture or looks.
        if w == "your" {
            let mut k = i + 1;
            let mut admiring = false;
            while k < toks.len() && k <= i + 3 && (APPEARANCE.has(&toks[k]) || norm(k) == "profile")
            {
                admiring |= APPEARANCE.has(&toks[k]);
                k += 1;
            }
            let profile = k > i + 1 && norm(k - 1) == "profile";
            // "your pics of the copper roof in Bendigo" shows their work, not them.
            let of_work = k < toks.len()
                && matches!(norm(k), "pic" | "pics")
                && toks.get(k + 1).is_some_and(|t| t.norm == "of");
            if k < toks.len()
                && LOOKS.has(&toks[k])
                && (profile || admiring || !is_photo(norm(k)))
                && !of_work
            {
                hit = Some(span(i, k));
            }
        }
        // "wow those arms", "your physique" (not "your body of work").
        if matches!(w, "your" | "those")
            && i + 1 < toks.len()
            && BODY.has(&toks[i + 1])
            && toks.get(i + 2).is_none_or(|t| t.norm != "of")
        {
            hit = Some(span(i, i + 1));
        }
        match hit {
            Some(s) => {
                i = toks.partition_point(|t| t.end <= s.end);
                out.push(s);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remarks(text: &str) -> Vec<&str> {
        detect(&Doc::new(text))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn finds_remarks_on_looks_and_endearments() {
        assert_eq!(
            remarks("Hey beautiful, saw your profile picture and had to reach out."),
            ["Hey beautiful", "your profile picture"]
        );
        assert_eq!(
            remarks("Hello dear, I saw your beautiful profile picture and wanted to connect."),
            ["Hello dear", "your beautiful profile picture"]
        );
        assert_eq!(remarks("you are beautiful"), ["you are beautiful"]);
        assert_eq!(remarks("ur so pretty"), ["ur so pretty"]);
        assert_eq!(
            remarks("Honestly you look so stunning in your photo."),
            ["you look so stunning"]
        );
        assert_eq!(remarks("Hi sweetie! Free for coffee?"), ["Hi sweetie"]);
        assert_eq!(remarks("Love your smile, Laura."), ["your smile"]);
        assert_eq!(
            remarks("Marcus, saw your gym photos, wow those arms!"),
            ["those arms"]
        );
        assert_eq!(
            remarks("ellie your pics from the grad ball 🔥🔥 did you go with anyone?"),
            ["your pics"]
        );
    }

    #[test]
    fn pictures_of_their_work_are_no_remark() {
        assert!(
            remarks("G'day Mick, saw your pics of the copper standing seam roof in Bendigo.")
                .is_empty()
        );
    }

    #[test]
    fn leaves_work_and_names_alone() {
        for text in [
            "Dear Laura, your photo series from 2019 is how I found Haji Salim.",
            "Hi dear Laura, I enjoyed your talk.",
            "Hello Dear Colleagues team, thanks for the webinar.",
            "Your beautiful design for the Lisbon library won me over.",
            "Would love your eyes on our draft before Friday.",
            "Your profile says you led the Halden audit; congrats on the move.",
            "You're hot on the trail of the bug, I saw in your post.",
            "We had dinner at the Hannover Messe; you look after the OEE dashboards now?",
            "Hi Honey Singh, loved your set at the festival.",
            "Your photos of the Atacama observatory made our calendar.",
            "We welcomed your team with open arms at the plant.",
            "Your body of work on tort reform is why I went into law.",
        ] {
            assert!(remarks(text).is_empty(), "{text}: {:?}", remarks(text));
        }
    }
}
