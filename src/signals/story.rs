//! A shared past, a deed or a memory told in the writer's own words, found by the
//! shape of its sentence rather than a stock phrase: who did what, for whom, when and
//! where.
//!
//! - you + a past verb, where the sender is in the sentence or it is anchored in time
//!   or place: "You sent me your field notebooks", "you kept everyone laughing";
//! - we + a past verb: "we drove the 25 together for six years";
//! - I + a past verb + you, with a concrete detail: "I emailed you about the Ogham stone
//!   survey in 2021";
//! - the sender placing themselves: "I'm the PhD student who emailed you";
//! - a memory with a concrete detail: "Still think about the night shift at the Royal Free";
//! - family as a form of address: "Hi Uncle Ray";
//! - "lovely to see you at Ana's wedding".
//!
//! Complaints about unanswered messages and orders to accept are no shared past ("I've
//! messaged you three times", "hit accept so I can..."): the seeds ask to respect
//! boundaries, and guilt is not rapport.

use crate::lang::en::{
    ABOUT_COUNTS, ANCHORS, FOUND_THEM, FOUND_VERBS, KIN, LARGE_COUNTS, MESSAGING_WORDS, MONTHS,
    NOT_DEEDS, NOT_MOMENTS, NOT_STORY_PAST, PAST_IRREGULAR, SENDER_FEW, SENDER_SIDE,
    STORY_COMPLAINTS, STORY_MEMORY, STORY_NOT, STORY_SUBJECTS, WATCHING, WEEKDAYS, WORK_DID,
};
use crate::lang::lexicon;
use crate::text::{is_year, Doc, Lexicon, Span};
use std::sync::LazyLock;

static MEMORY: LazyLock<Lexicon> = LazyLock::new(|| lexicon(&STORY_MEMORY));

/// A verb in the past: an irregular form or a regular one in -ed.
fn is_past_verb(w: &str) -> bool {
    PAST_IRREGULAR.contains(&w)
        || (w.len() > 4
            && w.ends_with("ed")
            && !crate::lang::en::NOT_PAST.contains(&w)
            && !NOT_STORY_PAST.contains(&w))
}

/// Words about messages and invitations, which with a complaint word make a complaint.
fn is_messaging(w: &str) -> bool {
    MESSAGING_WORDS.contains(&w)
}

/// True for a word that makes the sentence concrete: a name or place written with a
/// capital inside the sentence (not the recipient's name, not "I"), a number or a year.
fn concrete(doc: &Doc, i: usize, first: usize, theirs: &[String]) -> bool {
    let t = &doc.tokens[i];
    let raw = &doc.text[t.start..t.end];
    if raw.chars().any(|c| c.is_ascii_digit()) || is_year(raw) {
        return true;
    }
    i > first
        && raw.chars().next().is_some_and(char::is_uppercase)
        // "I", "I'm", "I’ve": the normal form has a straight apostrophe.
        && t.norm != "i"
        && !t.norm.starts_with("i'")
        && !theirs.iter().any(|w| t.norm == *w)
        && !KIN.has(t)
}

/// The first story cue in the note after the greeting, if any.
///
/// `company` holds where the note names their company, which ties a dated moment of
/// the sender's to them ("my father stayed at Kilbrannan in September").
pub fn detect(doc: &Doc, greeting_end: usize, theirs: &[String], company: &[Span]) -> Option<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    let span = |i: usize, j: usize| {
        Some(Span {
            start: toks[i].start,
            end: toks[j].end,
        })
    };
    // "Hi Uncle Ray", "Auntie Lou, it's Jess": a family tie named in the greeting, with
    // the capital a title takes ("Hi Raj, bro!" is a way of talking, not a tie).
    let titled = |k: usize| doc.text[toks[k].start..].starts_with(char::is_uppercase);
    if let Some(k) = (0..toks.len().min(3)).find(|&k| KIN.has(&toks[k]) && titled(k)) {
        if toks.len() > k + 1 {
            return span(k, k + 1);
        }
    }
    // Searched once for the whole note, not once a sentence.
    let memories = doc.find(&MEMORY);
    for sentence in &doc.sentences {
        let first = toks.partition_point(|t| t.start < sentence.start.max(greeting_end));
        let end = toks.partition_point(|t| t.end <= sentence.end);
        if first >= end {
            continue;
        }
        let words = first..end;
        let complaint = words.clone().any(|i| STORY_COMPLAINTS.has(&toks[i]))
            && words.clone().any(|i| is_messaging(norm(i)));
        if complaint {
            continue;
        }
        let has = |pred: &dyn Fn(&str) -> bool| words.clone().any(|i| pred(norm(i)));
        let sender_in = has(&|w| SENDER_SIDE.contains(&w));
        let detail = words.clone().any(|i| concrete(doc, i, first, theirs));
        let negation = |i: usize| {
            (i + 1..(i + 3).min(end)).any(|j| {
                let v = norm(j);
                v.ends_with("n't") || STORY_NOT.contains(&v)
            })
        };
        let past_after = |i: usize, reach: usize| {
            (i + 1..(i + 1 + reach).min(end)).find(|&j| is_past_verb(norm(j)))
        };
        for i in words.clone() {
            let w = norm(i);
            if negation(i) {
                continue;
            }
            match w {
                // A deed: "you sent me", "you kept everyone laughing" (while I was there),
                // "you've supplied our packaging film for years".
                "you" | "you've" => {
                    // "you and your crewmate looked after my grandad": a shared subject.
                    let reach = if i + 1 < end && norm(i + 1) == "and" {
                        5
                    } else {
                        3
                    };
                    if let Some(j) = past_after(i, reach) {
                        // Their profile or their feelings are no deed for the sender.
                        let profile_verb = NOT_DEEDS.has(&toks[j])
                            && !(norm(j) == "looked"
                                && j + 1 < end
                                && matches!(norm(j + 1), "after" | "out"));
                        if !profile_verb && (sender_in || detail) {
                            return span(i, j);
                        }
                    }
                }
                // Something done together: "we drove the 25 together for six years".
                "we" | "we've" | "we'd" => {
                    if let Some(j) = past_after(i, 3) {
                        // "we've crossed paths a few times" names nothing: a shared past
                        // needs a detail, or to be told as done together.
                        let together = words
                            .clone()
                            .any(|k| matches!(norm(k), "together" | "same" | "both"));
                        // "We've helped 500+ offices save thousands": the sender's firm's
                        // track record, a count of its clients, not a past with them.
                        let mut k = j + 1;
                        while k < end && ABOUT_COUNTS.has(&toks[k]) {
                            k += 1;
                        }
                        let track_record = !together
                            && k < end
                            && (norm(k).starts_with(|c: char| c.is_ascii_digit())
                                || LARGE_COUNTS.has(&toks[k]));
                        if (detail && !track_record) || (together && norm(j) != "met") {
                            return span(i, j);
                        }
                    }
                }
                // "I emailed you about the Ogham stone survey in 2021".
                "i" | "i've" => {
                    if let Some(j) = past_after(i, 2) {
                        let to_you = (j + 1..end).any(|k| matches!(norm(k), "you" | "your"));
                        // Finding or following them is no story: "I have been
                        // following Foster + Partners for years".
                        let watching = |w: &str| WATCHING.contains(&w);
                        let stock = FOUND_VERBS.has(&toks[j])
                            || watching(norm(j))
                            || (norm(j) == "been" && j + 1 < end && watching(norm(j + 1)));
                        if to_you && detail && !stock {
                            return span(i, j);
                        }
                    }
                }
                // What their work did for the sender: "your field day on soil testing
                // changed how I use fertiliser", "your write-up ... made the rounds on
                // our team". Told with a detail; "your post got me thinking" names none.
                "your" if detail => {
                    let verb = (i + 2..(i + 11).min(end)).find(|&j| WORK_DID.has(&toks[j]));
                    if let Some(j) = verb {
                        let for_sender =
                            (j + 1..(j + 5).min(end)).any(|k| SENDER_FEW.has(&toks[k]));
                        if for_sender {
                            return span(i, j);
                        }
                    }
                }
                // A tie: "I was your intern when...", "my mother was one of your first
                // patients", "we were your neighbours".
                "was" | "were"
                    if i + 1 < end
                        && (norm(i + 1) == "your"
                            || (i + 3 < end
                                && norm(i + 1) == "one"
                                && norm(i + 2) == "of"
                                && norm(i + 3) == "your")) =>
                {
                    return span(i, i + 1);
                }
                // Someone who knows them both: "your wife mentioned at the street party",
                // "Simon said you're the person to call".
                "mentioned" | "said" | "suggested" | "recommended" | "told"
                    if i > first
                        && !STORY_SUBJECTS.has(&toks[i - 1])
                        && words
                            .clone()
                            .any(|k| k > i && matches!(norm(k), "you" | "you're" | "your")) =>
                {
                    return span(i - 1, i);
                }
                // "your photo series is how I found Haji Salim".
                "how" if i + 2 < end && norm(i + 1) == "i" && FOUND_THEM.has(&toks[i + 2]) => {
                    return span(i, i + 2);
                }
                // "I'm the PhD student who emailed you".
                "i'm" | "it's" => {
                    if let Some(who) = (i + 1..(i + 6).min(end)).find(|&k| norm(k) == "who") {
                        if past_after(who, 2).is_some() && norm(i + 1) == "the" {
                            return span(i, who);
                        }
                    }
                }
                // "Lovely to see you at Ana's wedding".
                "see" | "seeing"
                    if i + 2 < end
                        && norm(i + 1) == "you"
                        && matches!(norm(i + 2), "at" | "in")
                        && detail =>
                {
                    return span(i, i + 2);
                }
                _ => {}
            }
        }
        // A moment the sender lived through with them or their organisation, dated in the
        // past: "my father stayed at Kilbrannan in September", "I joined the parkrun
        // marshal rota through you last month", "two of your students did their
        // placement at our nursery this year". Told with a past verb after "I", "we",
        // "my", "our" or "your", tied to them by "you" or their company's name; the
        // sender's own dated news has none ("We trained 2,000 nurses last year"), and
        // their messages, thoughts and judgements are no moment ("I sent you my CV last
        // week", "your talk this year was great").
        let tied = has(&|w| matches!(w, "you" | "your" | "yours" | "you've" | "you're"))
            || company
                .iter()
                .any(|c| sentence.start <= c.start && c.end <= sentence.end);
        if tied && words.clone().any(|k| dates(doc, k)) {
            for i in words.clone() {
                if !matches!(norm(i), "i" | "we" | "my" | "our" | "your") || negation(i) {
                    continue;
                }
                if let Some(j) = past_after(i, 4) {
                    let told = !(NOT_MOMENTS.has(&toks[j])
                        || (norm(i) == "your" && matches!(norm(j), "was" | "were")));
                    if told {
                        return span(i, j);
                    }
                }
            }
        }
        // "Still think about the night shift at the Royal Free when the power went out",
        // "I still remember you staying late to help me".
        let you_and_me = sender_in && has(&|w| matches!(w, "you" | "your"));
        if detail || you_and_me {
            if let Some(h) = memories
                .iter()
                .find(|h| h.first_token >= first && h.end_token <= end)
            {
                return span(h.first_token, h.end_token - 1);
            }
        }
    }
    None
}

/// Word `k` dates a moment: a year, a month ("in September"), "yesterday", "two
/// weeks ago", "last month", "this year", "last Sunday", "on Sunday", "this spring".
fn dates(doc: &Doc, k: usize) -> bool {
    let toks = &doc.tokens;
    let t = &toks[k];
    let raw = &doc.text[t.start..t.end];
    let next = |list: crate::lang::ListId| toks.get(k + 1).is_some_and(|n| list.has(n));
    is_year(raw)
        || (MONTHS.has(t) && raw.starts_with(char::is_uppercase))
        || matches!(t.norm.as_str(), "yesterday" | "ago")
        || (matches!(t.norm.as_str(), "last" | "this" | "past") && next(ANCHORS))
        || (t.norm == "on" && next(WEEKDAYS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> bool {
        detect(
            &Doc::new(text),
            0,
            &crate::lang::names::name_words(Some("Chloe Barnes")),
            &[],
        )
        .is_some()
    }

    #[test]
    fn shared_pasts_and_deeds_in_plain_words() {
        assert!(found("You sent me your field notebooks as PDFs."));
        assert!(found(
            "I was in the lift at Canary Wharf when it got stuck and you kept everyone laughing."
        ));
        assert!(found(
            "We drove the 25 together for six years before I moved to the control room."
        ));
        assert!(found(
            "I'm the PhD student who emailed you about the Ogham stone survey in 2021."
        ));
        assert!(found(
            "Still think about the night shift at the Royal Free when the power went out."
        ));
        assert!(found(
            "Hi Uncle Ray, finally made a LinkedIn like you told me to."
        ));
        assert!(found("Lovely to see you at Ana's wedding, Priti."));
        assert!(found("You've supplied our packaging film for years."));
        assert!(found(
            "My mother was one of your first patients at the old site."
        ));
        assert!(found(
            "I still remember you staying late to help me with my first bundle."
        ));
        assert!(found(
            "Your wife mentioned at the street party that you're in renewables too!"
        ));
        assert!(found("Your photo series is how I found Haji Salim."));
        assert!(found(
            "You and your crewmate looked after my grandad on Christmas Eve in Bromley."
        ));
        assert!(!found("You looked great at the gala."));
        assert!(found(
            "I'm a maize farmer in Kakamega and your field day on soil testing changed how I use fertiliser."
        ));
        assert!(found(
            "Your write-up on Monzo's zero-downtime Kubernetes upgrade made the rounds on our team."
        ));
    }

    #[test]
    fn complaints_orders_and_stock_lines_are_no_story() {
        assert!(!found(
            "I've messaged you three times and you still haven't replied."
        ));
        assert!(!found("Hit accept so I can send you details."));
        assert!(!found(
            "I came across your profile and was impressed by your background."
        ));
        assert!(!found("We haven't met yet, but I admire your work."));
        // "bro" as a way of talking is no family tie.
        assert!(!found(
            "Hi Raj, bro! I have a Senior Data Engineer role that fits you perfectly."
        ));
        assert!(!found(
            "I've been following your work and really admire your commitment to excellence."
        ));
        assert!(!found("Great meeting you at the conference!"));
        assert!(!found("Your post got me thinking."));
        assert!(!found(
            "We've crossed paths a few times and I always enjoy your perspective."
        ));
        assert!(!found(
            "It was nice to run into you at the event. Hope you enjoyed it as much as I did."
        ));
        // A firm's track record is no past with them.
        assert!(!found(
            "We've helped 500+ offices save thousands with our managed print service."
        ));
        assert!(!found("We trained over 2,000 nurses in Ghana last year."));
        assert!(found(
            "We ran 5 marathons together before you moved to Leeds."
        ));
    }

    fn moment(text: &str) -> bool {
        let doc = Doc::new(text);
        let kilbrannan: Vec<Span> = doc
            .text
            .match_indices("Kilbrannan")
            .map(|(i, w)| Span {
                start: i,
                end: i + w.len(),
            })
            .collect();
        detect(&doc, 0, &[], &kilbrannan).is_some()
    }

    #[test]
    fn a_dated_moment_tied_to_them() {
        for text in [
            "My father stayed at Kilbrannan in September for his last trip home.",
            "I joined the parkrun marshal rota through you last month.",
            "Two of your students did their placement at our nursery in Atherton this year.",
            "Our twins spent 6 weeks in your NICU last spring.",
            "My daughter played in your group recital on Saturday.",
        ] {
            assert!(moment(text), "{text}");
        }
        for text in [
            // The sender's own news, with no tie to them.
            "We trained over 2,000 nurses in Ghana last year.",
            "My running club did a relay in May.",
            // The sender's messages, thoughts and judgements are no moment lived.
            "I sent you my resume last week for the staff nurse vacancy.",
            "I saw you viewed my profile last week so I thought I'd follow up.",
            "Your demonstration at the salon this year was unforgettable.",
            "I pitched you three stories last month and heard nothing.",
            // Not dated, or not past.
            "I joined the parkrun marshal rota through you.",
            "I'll be on your ward in January for my placement.",
            "I didn't make it to your talk last week.",
        ] {
            assert!(!moment(text), "{text}");
        }
    }
}
