//! `filler`: wordy phrases that spend the note's scarce characters on nothing
//! ("I am writing to you today to", "in order to", "due to the fact that",
//! "basically", "I just wanted to").
//!
//! **Why it matters.** A connection note has 200 characters on a free account and
//! 300 on Premium. The seeds ask for a personal note that says how you found them,
//! why you want to connect and what you offer; every character of filler is one
//! not spent on that. Each occurrence is a suggestion with a concise replacement.
//!
//! **Example.** `Hi Sarah, I am writing to you today to ask about your talk. In order to learn more, I basically read all your posts.`
//! **Fix**: `Hi Sarah, I'd like to ask about your talk. To learn more, I read all your posts.`
//!
//! The module also holds the small text helpers the other rules share: removals that
//! leave grammatical text ([`remove`], [`remove_sentence`], [`apply`]), hit checks
//! ([`standalone`], [`negated`]) and fast sentence and token lookups ([`sentence_of`],
//! [`tokens_in`], [`in_ranges`], [`opens_sentence`]).

use super::{Cx, Rule};
use crate::lang::en::{OPENERS, VERBS};
use crate::report::{Category, Finding, Severity};
use crate::text::{Doc, Hit, Lexicon, Span};
use std::ops::Range;
use std::sync::LazyLock;

pub struct Filler;

/// What replaces a filler phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fix {
    /// Replace the phrase with this text (capitalisation follows the original).
    To(&'static str),
    /// Replace all but the phrase's last word (a verb that is kept) with this text.
    ToKeepVerb(&'static str),
    /// Remove the phrase; it may be followed by more words ("basically", "I'm writing because").
    Drop,
    /// Remove the phrase only where it is a whole clause ("I wanted to reach out.").
    DropClause,
}

/// Fixed phrases and their replacements.
const FIXED: &[(&str, Fix)] = &[
    ("I just wanted to", Fix::To("I wanted to")),
    ("just wanted to", Fix::To("wanted to")),
    ("I just want to", Fix::To("I want to")),
    ("in order to", Fix::To("to")),
    ("in order for", Fix::To("for")),
    ("at this point in time", Fix::To("now")),
    ("at this moment in time", Fix::To("now")),
    ("at the present time", Fix::To("now")),
    ("at the present moment", Fix::To("now")),
    ("due to the fact that", Fix::To("because")),
    ("owing to the fact that", Fix::To("because")),
    ("in light of the fact that", Fix::To("because")),
    ("given the fact that", Fix::To("because")),
    ("despite the fact that", Fix::To("although")),
    ("in spite of the fact that", Fix::To("although")),
    ("in the event that", Fix::To("if")),
    ("for the purpose of", Fix::To("for")),
    ("with regard to", Fix::To("about")),
    ("with regards to", Fix::To("about")),
    ("in regards to", Fix::To("about")),
    ("in regard to", Fix::To("about")),
    ("in the near future", Fix::To("soon")),
    ("on a daily basis", Fix::To("daily")),
    ("on a weekly basis", Fix::To("weekly")),
    ("on a regular basis", Fix::To("regularly")),
    ("each and every", Fix::To("every")),
    ("first and foremost", Fix::To("first")),
    ("has the ability to", Fix::To("can")),
    ("have the ability to", Fix::To("can")),
    ("a large number of", Fix::To("many")),
    ("the vast majority of", Fix::To("most")),
    ("very unique", Fix::To("unique")),
    ("really unique", Fix::To("unique")),
    ("completely unique", Fix::To("unique")),
    ("absolutely essential", Fix::To("essential")),
    ("end result", Fix::To("result")),
    ("past experience", Fix::To("experience")),
    ("really really", Fix::To("really")),
    ("very very", Fix::To("very")),
    ("please do not hesitate to", Fix::To("feel free to")),
    ("please don't hesitate to", Fix::To("feel free to")),
    ("do not hesitate to", Fix::To("feel free to")),
    ("don't hesitate to", Fix::To("feel free to")),
    (
        "I would like to take this opportunity to",
        Fix::To("I'd like to"),
    ),
    (
        "I'd like to take this opportunity to",
        Fix::To("I'd like to"),
    ),
    ("I want to take this opportunity to", Fix::To("I want to")),
    ("the reason I'm reaching out is to", Fix::To("I'd like to")),
    ("the reason I am reaching out is to", Fix::To("I'd like to")),
    ("the reason I'm reaching out is that", Fix::Drop),
    ("the reason I am reaching out is that", Fix::Drop),
    ("the reason I'm reaching out is because", Fix::Drop),
    ("the reason I am reaching out is because", Fix::Drop),
    ("the reason for my message is that", Fix::Drop),
    ("basically", Fix::Drop),
    ("actually", Fix::Drop),
    ("literally", Fix::Drop),
    ("honestly", Fix::Drop),
    ("to be honest", Fix::Drop),
    ("needless to say", Fix::Drop),
    ("it goes without saying that", Fix::Drop),
];

/// Every phrase with its fix: the fixed list plus the "I am writing to you today to ask" family.
static ENTRIES: LazyLock<Vec<(String, Fix)>> = LazyLock::new(|| {
    let mut out: Vec<(String, Fix)> = FIXED.iter().map(|&(p, f)| (p.to_string(), f)).collect();
    // "I am writing (to you) (today) to ask" → "I'd like to ask".
    let writing = ["I am writing", "I'm writing"];
    let reaching = [
        "I am reaching out",
        "I'm reaching out",
        "I am just reaching out",
        "I'm just reaching out",
        "just reaching out",
    ];
    let wanted = [
        "I wanted to reach out",
        "I just wanted to reach out",
        "just wanted to reach out",
        "I would like to reach out",
        "I'd like to reach out",
    ];
    let mids = [
        "",
        " to you",
        " today",
        " to you today",
        " this message",
        " this note",
    ];
    for (subjects, about, alone, and) in [
        (&writing[..], false, false, false),
        (&reaching[..], true, true, false),
        (&wanted[..], true, true, true),
    ] {
        for s in subjects {
            for m in mids {
                if m.starts_with(" this") && !s.contains("writing") {
                    continue;
                }
                let head = format!("{s}{m}");
                for v in VERBS {
                    out.push((format!("{head} to {v}"), Fix::ToKeepVerb("I'd like to")));
                    if and {
                        out.push((format!("{head} and {v}"), Fix::ToKeepVerb("I wanted to")));
                    }
                }
                out.push((format!("{head} because"), Fix::Drop));
                if about {
                    out.push((format!("{head} about"), Fix::To("I'm writing about")));
                    out.push((format!("{head} regarding"), Fix::To("I'm writing about")));
                }
                if alone {
                    out.push((head, Fix::DropClause));
                }
            }
        }
    }
    out
});

static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

/// A text edit: replace `start..end` (bytes) with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Where a removed span may sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// A word or prefix that can be removed even when more words follow ("basically").
    Word,
    /// A whole clause: only removed when punctuation or the end of the text follows it.
    Clause,
}

fn is_hspace(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_clause_punct(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '—' | '–' | '-')
}

/// Removes `start..end` from `text` so that the rest still reads: takes the
/// punctuation and spaces that belonged to it, drops a leading "and"/"but"/"so"
/// left at the start of the sentence and capitalises the next word when the removed
/// text opened a sentence. `greeting_end` is where the greeting ("Hi Sarah,") ends.
/// Returns `None` in [`Cut::Clause`] mode when the span is not a whole clause.
pub fn remove(
    text: &str,
    start: usize,
    end: usize,
    greeting_end: Option<usize>,
    mode: Cut,
) -> Option<Edit> {
    let before = text[..start].trim_end_matches(is_hspace);
    let bs = before.len();
    let p = before.chars().last();
    let rest = &text[end..];
    let ae = end + (rest.len() - rest.trim_start_matches(is_hspace).len());
    let n = text[ae..].chars().next();
    let line_start = p.is_none_or(|c| c == '\n' || c == '\r');
    let true_start = line_start || p.is_some_and(is_sentence_end);
    let after_greeting = greeting_end.is_some_and(|g| g > 0 && g == bs);
    let sentence_start = true_start || after_greeting;
    let cap = true_start && text[start..].chars().next().is_some_and(char::is_uppercase);
    let p_clause = p.is_some_and(is_clause_punct) && !after_greeting;
    let plen = p.map_or(0, char::len_utf8);
    if mode == Cut::Clause && !sentence_start && !p_clause {
        return None;
    }
    // After "Hi Sarah," the next word continues the greeting's sentence.
    let lower = after_greeting && p == Some(',');
    let edit = |s: usize, e: usize, cap: bool| {
        let case = if cap {
            Case::Upper
        } else if lower {
            Case::Lower
        } else {
            Case::Keep
        };
        recased(text, s, e, case)
    };
    match n {
        None | Some('\n') | Some('\r') => {
            if sentence_start {
                if line_start && n.is_some() {
                    // A line of its own: take the line break too.
                    let tail = &text[ae..];
                    let e = ae + (tail.len() - tail.trim_start().len());
                    return Some(edit(start, e, cap));
                }
                let s = if n.is_none() { bs } else { start };
                Some(edit(s, ae, false))
            } else if p_clause {
                Some(edit(bs - plen, end, false))
            } else {
                Some(edit(bs, end, false))
            }
        }
        Some(c) if is_sentence_end(c) => {
            if sentence_start {
                // The whole sentence goes, with its end punctuation and the space after.
                let tail = &text[ae..];
                let punct = tail
                    .char_indices()
                    .take_while(|&(_, d)| {
                        is_sentence_end(d) || matches!(d, '"' | '\'' | ')' | '\u{201D}')
                    })
                    .last()
                    .map_or(0, |(j, d)| j + d.len_utf8());
                let after = &tail[punct..];
                let ws = if line_start {
                    after.len() - after.trim_start().len()
                } else {
                    after.len() - after.trim_start_matches(is_hspace).len()
                };
                let e = ae + punct + ws;
                if e == text.len() {
                    Some(edit(bs, e, false))
                } else {
                    Some(edit(start, e, cap))
                }
            } else if p_clause {
                Some(edit(bs - plen, end, false))
            } else {
                Some(edit(bs, end, false))
            }
        }
        Some(c) if is_clause_punct(c) => {
            if sentence_start {
                let tail = &text[ae + c.len_utf8()..];
                let mut e = ae + c.len_utf8() + (tail.len() - tail.trim_start().len());
                // "Hope you're well, and I wanted..." → "I wanted..."
                let tail = &text[e..];
                for conj in ["and ", "but ", "so "] {
                    if tail.len() > conj.len()
                        && tail.is_char_boundary(conj.len())
                        && tail[..conj.len()].eq_ignore_ascii_case(conj)
                    {
                        e += conj.len();
                        break;
                    }
                }
                Some(edit(start, e, cap))
            } else if p_clause {
                // "A, X, B" → "A B".
                Some(edit(bs - plen, ae + c.len_utf8(), false))
            } else {
                Some(edit(bs, end, false))
            }
        }
        Some(_) => {
            if mode == Cut::Clause {
                return None;
            }
            Some(edit(start, ae, cap))
        }
    }
}

/// How the word after a removal should start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// It now opens a sentence.
    Upper,
    /// It now follows "Hi Sarah,": lower-case it if it is a common word ("Loved").
    Lower,
    Keep,
}

/// An edit removing `start..end`, re-casing the first letter of the next word as `case` says.
fn recased(text: &str, start: usize, end: usize, case: Case) -> Edit {
    let next = text[end..].chars().next();
    let plain = Edit {
        start,
        end,
        text: String::new(),
    };
    match (case, next) {
        (Case::Upper, Some(c)) if c.is_lowercase() => Edit {
            start,
            end: end + c.len_utf8(),
            text: c.to_uppercase().collect(),
        },
        (Case::Lower, Some(c)) if c.is_uppercase() => {
            let word: String = text[end..]
                .chars()
                .take_while(|&d| d.is_alphanumeric() || d == '\'' || d == '\u{2019}')
                .flat_map(char::to_lowercase)
                .map(|d| if d == '\u{2019}' { '\'' } else { d })
                .collect();
            let english = word.len() > 4
                && ["ing", "ed", "ly"].iter().any(|e| word.ends_with(e))
                && text[end..]
                    .chars()
                    .skip(1)
                    .take_while(|d| d.is_alphabetic())
                    .all(char::is_lowercase);
            if OPENERS.contains(&word.as_str()) || english {
                Edit {
                    start,
                    end: end + c.len_utf8(),
                    text: c.to_lowercase().collect(),
                }
            } else {
                plain
            }
        }
        _ => plain,
    }
}

/// The sentence holding byte `at` (a binary search: sentences are in text order).
pub fn sentence_of(doc: &Doc, at: usize) -> Option<Span> {
    let i = doc.sentences.partition_point(|s| s.start <= at);
    let s = *doc.sentences.get(i.checked_sub(1)?)?;
    (at < s.end.max(s.start + 1)).then_some(s)
}

/// True when byte `at` is where a sentence starts.
pub fn opens_sentence(doc: &Doc, at: usize) -> bool {
    doc.sentences.binary_search_by_key(&at, |s| s.start).is_ok()
}

/// Indices of the tokens that lie within `start..end`.
pub fn tokens_in(doc: &Doc, start: usize, end: usize) -> Range<usize> {
    let a = doc.tokens.partition_point(|t| t.start < start);
    let b = doc.tokens.partition_point(|t| t.end <= end);
    a..b.max(a)
}

/// True when token `i` lies in one of `ranges` (token index ranges, sorted, not overlapping).
pub fn in_ranges(ranges: &[(usize, usize)], i: usize) -> bool {
    let k = ranges.partition_point(|&(a, _)| a <= i);
    k > 0 && i < ranges[k - 1].1
}

/// Removes the whole sentence holding byte `at` (after the greeting when the greeting
/// opens it), but only when every word in it satisfies `removable` (a token index).
pub fn remove_sentence(
    doc: &Doc,
    at: usize,
    greeting_end: Option<usize>,
    removable: impl Fn(usize) -> bool,
) -> Option<Edit> {
    let s = sentence_of(doc, at)?;
    let from = match greeting_end {
        Some(g) if g > s.start && g < s.end => doc.tokens
            [doc.tokens.partition_point(|t| t.start < g)..]
            .first()
            .map(|t| t.start)?,
        _ => s.start,
    };
    let any_kept = tokens_in(doc, from, s.end).any(|i| !removable(i));
    if any_kept {
        return None;
    }
    let text = doc.text;
    let tail = &text[s.end..];
    let e = s.end + (tail.len() - tail.trim_start().len());
    if e == text.len() {
        return Some(Edit {
            start: text[..from].trim_end().len(),
            end: e,
            text: String::new(),
        });
    }
    let after_comma = text[..from].trim_end().ends_with(',');
    let case = if from > s.start && after_comma {
        Case::Lower
    } else {
        Case::Keep
    };
    Some(recased(text, from, e, case))
}

/// True when the hit stands on its own: within one sentence (phrase matching ignores
/// punctuation, so "...to connect. With you..." would otherwise match "connect with
/// you") and not part of a hyphenated compound ("a referral-free model").
pub fn standalone(doc: &Doc, hit: &Hit) -> bool {
    let compound_after = {
        let mut c = doc.text[hit.end..].chars();
        c.next() == Some('-') && c.next().is_some_and(char::is_alphanumeric)
    };
    let compound_before = {
        let mut c = doc.text[..hit.start].chars().rev();
        c.next() == Some('-') && c.next().is_some_and(char::is_alphanumeric)
    };
    !doc.text[hit.start..hit.end].contains(['.', '!', '?', '\n'])
        && !compound_after
        && !compound_before
}

/// True when a negation shortly before the hit, in its sentence, turns it around
/// ("I'm not asking for a referral", "no need to book a demo").
pub fn negated(doc: &Doc, hit: &Hit) -> bool {
    let start = sentence_of(doc, hit.start).map_or(0, |s| s.start);
    doc.tokens[..hit.first_token]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| t.start >= start)
        .any(|t| {
            matches!(
                t.norm.as_str(),
                "not"
                    | "never"
                    | "no"
                    | "don't"
                    | "won't"
                    | "isn't"
                    | "aren't"
                    | "without"
                    | "nor"
                    | "didn't"
                    | "wouldn't"
                    | "dont"
                    | "wont"
            )
        })
}

/// Applies non-overlapping edits (any order) to `text`; an edit overlapping an
/// earlier one is skipped.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        if e.start < at || e.end > text.len() {
            continue;
        }
        out.push_str(&text[at..e.start]);
        out.push_str(&e.text);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Gives `replacement` the case of the original's first letter ("In order to" → "To"),
/// leaving a leading "I" alone.
fn match_case(original: &str, replacement: &str) -> String {
    let upper = original.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let is_pronoun = replacement == "I"
        || replacement.starts_with("I ")
        || replacement.starts_with("I'")
        || replacement.starts_with("I\u{2019}");
    if is_pronoun {
        return replacement.to_string();
    }
    let first: String = if upper {
        first.to_uppercase().collect()
    } else {
        first.to_lowercase().collect()
    };
    first + chars.as_str()
}

/// The filler phrases of `doc` with their edits, in text order.
pub fn edits(doc: &Doc, greeting_end: Option<usize>) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::new();
    for hit in doc.find_iter(&PHRASES) {
        let (_, fix) = &ENTRIES[hit.phrase];
        if !standalone(doc, &hit) {
            continue;
        }
        let original = &doc.text[hit.start..hit.end];
        let edit = match *fix {
            Fix::To(r) => Some(Edit {
                start: hit.start,
                end: hit.end,
                text: match_case(original, r),
            }),
            Fix::ToKeepVerb(r) => {
                let end = doc.tokens[hit.end_token - 2].end;
                Some(Edit {
                    start: hit.start,
                    end,
                    text: match_case(original, r),
                })
            }
            Fix::Drop => remove(doc.text, hit.start, hit.end, greeting_end, Cut::Word),
            Fix::DropClause => remove(doc.text, hit.start, hit.end, greeting_end, Cut::Clause),
        };
        let removal = matches!(fix, Fix::Drop | Fix::DropClause);
        let edit = edit.map(|e| absorb_joins(doc, e, removal, greeting_end));
        // Edits may overlap by a space ("… because I'm reaching out because"); each
        // is its own finding, and [`apply`] skips the overlapping one.
        out.extend(edit);
    }
    out
}

/// Replacing or removing a phrase can make a new one with the words around it: "in
/// order in order to" becomes "in order to", "really really really" becomes "really
/// really", and removing "basically" from "I just basically wanted to" leaves "I just
/// wanted to". Replaces such phrases too (up to a few times), so one fix leaves no
/// wordy phrase across what it changed. `removal`: `edit` removes its phrase (and
/// may re-case the next word, which then is no new text); `greeting_end` as for [`edits`].
fn absorb_joins(doc: &Doc, edit: Edit, removal: bool, greeting_end: Option<usize>) -> Edit {
    /// Words looked at on either side: longer than the longest phrase.
    const AROUND: usize = 12;
    let tokens = &doc.tokens;
    let first = tokens.partition_point(|t| t.end <= edit.start);
    let from = tokens
        .get(first.saturating_sub(AROUND))
        .map_or(edit.start, |t| t.start.min(edit.start));
    let last = tokens.partition_point(|t| t.start < edit.end);
    let to = tokens
        .get(last + AROUND)
        .map_or(doc.text.len(), |t| t.start.max(edit.end));
    let original = &doc.text[from..to];
    let mut text = format!(
        "{}{}{}",
        &doc.text[from..edit.start],
        edit.text,
        &doc.text[edit.end..to]
    );
    // The replaced part of `text`.
    let (mut lo, mut hi) = (edit.start - from, edit.start - from + edit.text.len());
    // Where the greeting ends in `text`, if before anything changed.
    let greeting_end = greeting_end
        .and_then(|g| g.checked_sub(from))
        .filter(|&g| g <= lo);
    let mut changed = false;
    for _ in 0..4 {
        let window = Doc::new(&text);
        // New: across the join a removal left, or over the text a replacement wrote.
        let new = |h: &Hit| {
            if removal && !changed {
                h.start < lo && lo < h.end
            } else {
                h.start < hi && lo < h.end
            }
        };
        let again = window
            .find_iter(&PHRASES)
            .filter(|h| new(h) && standalone(&window, h))
            .find_map(|h| {
                let shown = &text[h.start..h.end];
                match ENTRIES[h.phrase].1 {
                    Fix::To(r) => Some(Edit {
                        start: h.start,
                        end: h.end,
                        text: match_case(shown, r),
                    }),
                    Fix::ToKeepVerb(r) => Some(Edit {
                        start: h.start,
                        end: window.tokens[h.end_token - 2].end,
                        text: match_case(shown, r),
                    }),
                    Fix::Drop => remove(&text, h.start, h.end, greeting_end, Cut::Word),
                    Fix::DropClause => remove(&text, h.start, h.end, greeting_end, Cut::Clause),
                }
            });
        let Some(e) = again else {
            break;
        };
        text.replace_range(e.start..e.end, &e.text);
        hi = (hi.max(e.end) + e.text.len()) - (e.end - e.start);
        lo = lo.min(e.start);
        changed = true;
    }
    if !changed {
        return edit;
    }
    // Outside `lo..hi`, `text` is still `original`: one edit of the original does it all.
    let removed = original.len() + hi - text.len();
    Edit {
        start: from + lo,
        end: from + removed,
        text: text[lo..hi].to_string(),
    }
}

impl Rule for Filler {
    fn id(&self) -> &'static str {
        "filler"
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        3
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let greeting_end = super::generic_opener::greeting_end(cx);
        for e in edits(cx.doc, greeting_end) {
            let shown = cx.doc.text[e.start..e.end].trim();
            let message = if e.text.is_empty() {
                format!("“{shown}” adds nothing: cut it and spend the characters on something about them.")
            } else {
                format!(
                    "“{shown}” is wordy: “{}” says the same in fewer characters, and a note has only a few hundred.",
                    e.text
                )
            };
            out.push(cx.finding(
                self,
                Severity::Suggestion,
                e.start,
                e.end,
                message,
                Some(e.text),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const ID: &str = "filler";

    #[test]
    fn fires_on_wordy_phrases() {
        fires(
            ID,
            "Hi Sarah, I am writing to you today to ask about your talk.",
        );
        fires(ID, "In order to learn more, I read your posts.");
        fires(
            ID,
            "Due to the fact that we both work on wasm, I'd like to connect.",
        );
        fires(ID, "Your approach is very unique.");
        fires(ID, "I just wanted to say your talk was great.");
        fires(ID, "Please don't hesitate to reach out.");
        fires(ID, "I basically build linters.");
        fires(ID, "Hi Sarah, I wanted to reach out. Loved your talk.");
    }

    #[test]
    fn silent_on_plain_writing() {
        silent(ID, "Hi Sarah, I loved your RustConf talk on wasm tooling.");
        silent(ID, "I'm writing a book on Rust and would value your view.");
        silent(ID, "I wanted to ask how you test the linker.");
        silent(ID, "Your approach is unique.");
        silent(ID, "We should just ship it.");
        silent(ID, "I'm reaching out to people who work on compilers.");
        silent(ID, "");
    }

    #[test]
    fn one_finding_per_occurrence() {
        assert_eq!(
            count(
                ID,
                "In order to learn, and in order to grow, I basically read."
            ),
            3
        );
    }

    #[test]
    fn fixes_keep_sentences_readable() {
        assert_eq!(
            fixed(
                ID,
                "Hi Sarah, I am writing to you today to ask about your talk."
            ),
            "Hi Sarah, I'd like to ask about your talk."
        );
        assert_eq!(
            fixed(ID, "In order to learn more, I read your posts."),
            "To learn more, I read your posts."
        );
        assert_eq!(
            fixed(ID, "I'm reaching out because I loved your talk."),
            "I loved your talk."
        );
        assert_eq!(
            fixed(ID, "Actually, your talk changed my mind."),
            "Your talk changed my mind."
        );
        assert_eq!(fixed(ID, "I basically build linters."), "I build linters.");
        assert_eq!(
            fixed(ID, "Just wanted to say your talk was great."),
            "Wanted to say your talk was great."
        );
        assert_eq!(
            fixed(ID, "Hi Sarah, I wanted to reach out. Loved your talk."),
            "Hi Sarah, loved your talk."
        );
        assert_eq!(fixed(ID, "I build linters, actually."), "I build linters.");
        assert_eq!(
            fixed(ID, "I wanted to reach out and say congrats."),
            "I wanted to say congrats."
        );
        assert_eq!(
            fixed(ID, "Please do not hesitate to ask."),
            "Feel free to ask."
        );
    }

    #[test]
    fn remove_handles_clause_positions() {
        let r = |t: &str, s: &str, mode| {
            let start = t.find(s).unwrap();
            remove(t, start, start + s.len(), None, mode).map(|e| apply(t, &[e]))
        };
        assert_eq!(
            r(
                "Loved it, hope you're well.",
                "hope you're well",
                Cut::Clause
            ),
            Some("Loved it.".into())
        );
        assert_eq!(
            r(
                "Hope you're well, and I loved it.",
                "Hope you're well",
                Cut::Clause
            ),
            Some("I loved it.".into())
        );
        assert_eq!(
            r(
                "Loved it, hope you're well, and more.",
                "hope you're well",
                Cut::Clause
            ),
            Some("Loved it and more.".into())
        );
        assert_eq!(
            r(
                "I said hope you're well to her.",
                "hope you're well",
                Cut::Clause
            ),
            None
        );
        assert_eq!(
            r("Great talk. let's connect", "let's connect", Cut::Clause),
            Some("Great talk.".into())
        );
    }

    #[test]
    fn apply_skips_overlaps() {
        let edits = [
            Edit {
                start: 0,
                end: 2,
                text: "A".into(),
            },
            Edit {
                start: 1,
                end: 3,
                text: "B".into(),
            },
        ];
        assert_eq!(apply("abcd", &edits), "Acd");
    }
}
