//! The score: each category starts at its weight and loses the penalty of every rule
//! that fired in it; a few faults cap the total (a wrong name or an unfilled
//! template makes a note bad however well the rest is written).
//!
//! The weights follow the seeds' advice on connection requests: personalise (their
//! name, how you found or know them, something about their work) weighs most; being
//! clear about why you connect, offering something, respect and clarity guard the
//! rest. The numbers were fitted on the labelled dev halves only (a search over the
//! category weights and the missing-element penalties, `tests/corpus.rs`), then
//! checked on the test halves: saying how you know them told good notes from bad ones
//! best; a stated reason, an offer or a question were missing from good and bad notes
//! alike, so their absence costs little.

use crate::report::{Category, CategoryScore};
use crate::rules::{Cx, Rule};

/// The weight of a category in the 100-point total.
pub fn weight(c: Category) -> u8 {
    match c {
        Category::Personal => 50,
        Category::Reason => 10,
        Category::Value => 10,
        Category::Respect => 15,
        Category::Clarity => 15,
    }
}

/// The total, its breakdown, and the rule that capped the total (if one did).
pub struct Scored {
    pub total: u8,
    pub categories: Vec<CategoryScore>,
    pub capped_by: Option<&'static str>,
}

/// A rule that fired on the note, with the cap it puts on the total (asked once per
/// note: some caps read the note again).
#[derive(Clone, Copy)]
pub struct Fired<'r> {
    pub rule: &'r dyn Rule,
    pub cap: Option<u8>,
    category: Category,
    penalty: u8,
}

impl<'r> Fired<'r> {
    /// `rule`, which fired on the note `cx` reads.
    pub fn new(cx: &Cx, rule: &'r dyn Rule) -> Self {
        Fired {
            rule,
            cap: rule.cap(cx),
            category: rule.category(),
            penalty: rule.penalty_on(cx),
        }
    }
}

/// A category's points when the rules in `fired` (but the one at index `skip`) fired.
fn category_points(cx: &Cx, c: Category, fired: &[Fired], skip: Option<usize>) -> u8 {
    // A note without a single word carries none of the elements, whatever the
    // missing-element rules (silent on such a note, too-short speaks) say.
    if cx.doc.word_count() == 0
        && matches!(c, Category::Personal | Category::Reason | Category::Value)
    {
        return 0;
    }
    let lost: u32 = fired
        .iter()
        .enumerate()
        .filter(|&(i, f)| f.category == c && Some(i) != skip)
        .map(|(_, f)| u32::from(f.penalty))
        .sum();
    u32::from(weight(c)).saturating_sub(lost) as u8
}

/// The total when the rules in `fired` (but the one at index `skip`) fired, and the
/// rule whose cap holds it down.
fn total(cx: &Cx, fired: &[Fired], skip: Option<usize>) -> (u8, Option<&'static str>) {
    let sum: u32 = Category::ALL
        .iter()
        .map(|&c| u32::from(category_points(cx, c, fired, skip)))
        .sum();
    let total = sum.min(100) as u8;
    let cap = fired
        .iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != skip)
        .filter_map(|(_, f)| f.cap.map(|c| (c, f.rule.id())))
        .min();
    match cap {
        Some((cap, id)) if cap < total => (cap, Some(id)),
        _ => (total, None),
    }
}

/// Computes the total and the breakdown from the rules that fired.
pub fn score(cx: &Cx, fired: &[Fired]) -> Scored {
    let categories = Category::ALL
        .iter()
        .map(|&c| CategoryScore {
            id: c,
            label: c.label().to_string(),
            score: category_points(cx, c, fired, None),
            max: weight(c),
        })
        .collect();
    let (total, capped_by) = total(cx, fired, None);
    Scored {
        total,
        categories,
        capped_by,
    }
}

/// What fixing each fired rule's findings is worth, in `fired`'s order: the total with
/// that rule no longer firing, less the total now.
pub fn gains(cx: &Cx, fired: &[Fired]) -> Vec<u8> {
    let now = total(cx, fired, None).0;
    (0..fired.len())
        .map(|i| total(cx, fired, Some(i)).0.saturating_sub(now))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_add_up_to_100() {
        let total: u32 = Category::ALL.iter().map(|&c| u32::from(weight(c))).sum();
        assert_eq!(total, 100);
    }

    #[test]
    fn penalties_fit_their_category() {
        for r in crate::rules::ALL {
            assert!(
                r.penalty() <= weight(r.category()),
                "{} takes more than its category holds",
                r.id()
            );
        }
    }
}
