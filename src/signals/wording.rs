//! Wording that notes people decline use far more than notes they accept: "could you",
//! "refer me", "opportunity", "please accept", against "thanks for", "happy to", "glad".
//!
//! A small learned list (`src/lang/en/wording.txt`): each word and pair of words that
//! the labelled dev halves use often enough (40 notes for a word, 60 for a pair), under
//! its weight, the log-odds that a note using it is one people decline (naive Bayes,
//! in tenths; a line `=N` starts the words of weight N). `tests/wording.rs` trains it
//! again from the dev halves and fails when the file differs;
//! `RAPPORT_TRAIN=1 cargo test --test wording` writes it.
//! A note's wording is the sum of the weights of the words and pairs it uses after the
//! greeting (each once, the recipient's name left out); each weight names the words
//! behind it.

use crate::lang::en::WORDING;
use crate::text::{normalise_phrase, Doc, Pairs, Span, WordMap};
use std::sync::LazyLock;

/// The learned weights by word or pair ("could you"), in tenths of a log-odds (stored
/// as `u32`, two's complement, like the other word tables), and the pairs among them
/// for a bit test before each lookup.
static WEIGHTS: LazyLock<(WordMap<&'static str, u32>, Pairs)> = LazyLock::new(|| {
    let mut weight = 0i64;
    let mut map = WordMap::default();
    let mut pairs = Pairs::default();
    for line in WORDING.iter() {
        match line.strip_prefix('=') {
            // A malformed weight fails tests/wording.rs, which rebuilds the file.
            Some(w) => weight = w.parse().unwrap_or(0),
            None => {
                map.insert(*line, weight as i32 as u32);
                pairs.insert(line);
            }
        }
    }
    (map, pairs)
});

/// The learned weight of a word or pair, in tenths.
#[cfg(test)]
fn weight(feature: &str) -> Option<i32> {
    WEIGHTS.0.get(feature).map(|&w| w as i32)
}

/// What the note's wording says of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wording {
    /// The sum of the weights of the words and pairs the note uses, in tenths.
    pub log_odds: i32,
    /// The words and pairs that weigh towards a declined note, heaviest first (at most
    /// three, none overlapping another).
    pub declined: Vec<Span>,
}

/// Calls `each` with every word and pair of consecutive words of the note from byte
/// `from` on (past the greeting, which `missing-greeting` judges), the recipient's name
/// left out, and where it is, in text order and repeats included. Training and scoring
/// read notes through this one function.
pub fn each_feature(doc: &Doc, name: Option<&str>, from: usize, each: impl FnMut(&str, Span)) {
    features(doc, name, from, false, each);
}

/// [`each_feature`]; with `listed`, only the words and pairs that may be in the
/// learned list (a word's bits and a filter turn most away unbuilt and unhashed).
fn features(
    doc: &Doc,
    name: Option<&str>,
    from: usize,
    listed: bool,
    mut each: impl FnMut(&str, Span),
) {
    let name = name.map(normalise_phrase).unwrap_or_default();
    let name: Vec<&str> = name.split(' ').collect();
    let toks = &doc.tokens;
    let mut words = (0..toks.len())
        .filter(|&i| toks[i].start >= from && !name.contains(&toks[i].norm.as_str()))
        .peekable();
    let mut pair = String::new();
    while let Some(i) = words.next() {
        let t = &toks[i];
        if !listed || WORDING.has(t) {
            each(
                &t.norm,
                Span {
                    start: t.start,
                    end: t.end,
                },
            );
        }
        if let Some(&j) = words
            .peek()
            .filter(|&&j| !listed || WEIGHTS.1.may_hold(doc, i, j))
        {
            let u = &toks[j];
            pair.clear();
            pair.push_str(&t.norm);
            pair.push(' ');
            pair.push_str(&u.norm);
            each(
                &pair,
                Span {
                    start: t.start,
                    end: u.end,
                },
            );
        }
    }
}

/// Reads the note's wording from byte `from` on. The words it names are outside the
/// stock phrases `canned` where it can (`generic-opener` already names those), and never
/// inside the unfilled template fields `fields` ("{company}" is `unfilled-placeholder`'s
/// to name, and no word of the writer's), though they weigh all the same.
pub fn detect(
    doc: &Doc,
    name: Option<&str>,
    from: usize,
    canned: &[Span],
    fields: &[(usize, usize, String)],
) -> Wording {
    // Each entry's weight lives at its own address: a word seen twice is one entry.
    let mut seen: Vec<&'static u32> = Vec::new();
    let mut log_odds = 0;
    let mut weighed: Vec<(Span, i32)> = Vec::new();
    let weights: &'static WordMap<_, _> = &WEIGHTS.0;
    features(doc, name, from, true, |f, span| {
        let Some(w) = weights.get(f) else {
            return;
        };
        if seen.iter().any(|&s| std::ptr::eq(s, w)) {
            return;
        }
        seen.push(w);
        let w = *w as i32;
        log_odds += w;
        if w > 0 && !fields.iter().any(|f| f.0 < span.end && span.start < f.1) {
            weighed.push((span, w));
        }
    });
    // The three heaviest that do not overlap (at equal weight, the earliest), outside
    // the stock phrases when any such word weighs towards declined.
    let in_canned = |s: &Span| canned.iter().any(|c| c.start < s.end && s.start < c.end);
    let outside = weighed.iter().any(|(s, _)| !in_canned(s));
    let mut declined: Vec<Span> = Vec::new();
    while declined.len() < 3 {
        let heaviest = weighed
            .iter()
            .filter(|(s, _)| !(outside && in_canned(s)))
            .filter(|(s, _)| !declined.iter().any(|d| d.start < s.end && s.start < d.end))
            .fold(None, |best: Option<(Span, i32)>, &(s, w)| match best {
                Some((_, bw)) if bw >= w => best,
                _ => Some((s, w)),
            });
        match heaviest {
            Some((s, _)) => declined.push(s),
            None => break,
        }
    }
    Wording { log_odds, declined }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_filter_holds_every_listed_pair() {
        let pairs = WORDING
            .iter()
            .filter(|l| l.contains(' ') && !l.starts_with('='));
        let mut n = 0;
        for pair in pairs {
            let doc = Doc::new(pair);
            assert_eq!(doc.tokens.len(), 2, "{pair}");
            assert!(WEIGHTS.1.may_hold(&doc, 0, 1), "{pair}");
            n += 1;
        }
        assert!(n > 50, "{n} pairs");
        // Most pairs of ordinary words are turned away before any lookup.
        let doc = Doc::new("the weather in Lisbon was lovely on the day we walked along the river");
        let held = (1..doc.tokens.len()).filter(|&i| WEIGHTS.1.may_hold(&doc, i - 1, i));
        assert!(held.count() <= 3);
    }

    fn read(text: &str) -> Wording {
        detect(&Doc::new(text), Some("Sarah Chen"), 0, &[], &[])
    }

    #[test]
    fn asks_of_a_stranger_weigh_towards_declined() {
        let w = read("Hi Sarah, could you please refer me for the opening? Let me know.");
        assert!(w.log_odds > 0, "{w:?}");
        assert!(!w.declined.is_empty());
        assert!(weight("could you").is_some_and(|w| w > 0));
    }

    #[test]
    fn thanks_and_offers_weigh_towards_accepted() {
        let w = read("Sarah, thanks for the talk on the Leeds flood model last night. Happy to share our river data if it's useful.");
        assert!(w.log_odds < 0, "{w:?}");
        assert!(weight("thanks for").is_some_and(|w| w < 0));
    }

    #[test]
    fn words_of_a_stock_phrase_weigh_but_others_are_named() {
        let text = "I'd like to add you to my professional network. Could you refer me?";
        let doc = Doc::new(text);
        let stock = Span { start: 0, end: 47 };
        let plain = detect(&doc, None, 0, &[], &[]);
        let w = detect(&doc, None, 0, &[stock], &[]);
        assert_eq!(w.log_odds, plain.log_odds);
        assert!(!w.declined.is_empty());
        assert!(w.declined.iter().all(|s| s.start >= stock.end), "{w:?}");
        // Only stock words weigh towards declined: they are named.
        let only = detect(
            &Doc::new("Let's connect"),
            None,
            0,
            &[Span { start: 0, end: 13 }],
            &[],
        );
        assert_eq!(
            only.declined.is_empty(),
            detect(&Doc::new("Let's connect"), None, 0, &[], &[])
                .declined
                .is_empty()
        );
    }

    #[test]
    fn a_word_of_an_unfilled_field_weighs_but_is_never_named() {
        let text = "Sarah, I admire {company} and its roadmap.";
        let doc = Doc::new(text);
        let start = text.find('{').unwrap_or(0);
        let field = Span {
            start,
            end: start + "{company}".len(),
        };
        let fields = [(field.start, field.end, "company".to_string())];
        assert!(weight("company").is_some_and(|w| w > 0));
        let plain = detect(&doc, None, 0, &[], &[]);
        let w = detect(&doc, None, 0, &[], &fields);
        assert_eq!(w.log_odds, plain.log_odds);
        assert!(
            plain
                .declined
                .iter()
                .any(|s| s.start < field.end && field.start < s.end),
            "the field's words weigh towards declined: {plain:?}"
        );
        assert!(
            w.declined
                .iter()
                .all(|s| s.end <= field.start || s.start >= field.end),
            "{w:?}"
        );
    }

    #[test]
    fn the_greeting_and_the_name_are_left_out() {
        let doc = Doc::new("Hi Sarah, thanks thanks Sarah");
        let mut got = Vec::new();
        each_feature(&doc, Some("Sarah Chen"), 9, |f, _| got.push(f.to_string()));
        assert_eq!(got, ["thanks", "thanks thanks", "thanks"]);
    }

    #[test]
    fn each_word_counts_once_and_what_is_named_does_not_overlap() {
        let w = read("please please");
        let want = weight("please").unwrap_or(0) + weight("please please").unwrap_or(0);
        assert_eq!(w.log_odds, want);
        let w = read("could you could you refer me please accept my request");
        assert!(w.declined.len() <= 3);
        for (i, a) in w.declined.iter().enumerate() {
            for b in &w.declined[i + 1..] {
                assert!(a.end <= b.start || b.end <= a.start, "{w:?}");
            }
        }
    }
}
