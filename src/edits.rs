//! Edits: the text changes that fixes are made of, and the checks they rely on.
//!
//! Removals that leave grammatical text ([`remove`], [`remove_sentence`], [`apply`]),
//! checks on a phrase match ([`standalone`], [`negated`]) and fast sentence and token
//! lookups ([`sentence_of`], [`tokens_in`], [`in_ranges`], [`opens_sentence`]). Every
//! rule that offers a fix builds it from these; no rule owns them.

use crate::lang::en::{is_generic_word, LEAD_INS, LINK_WORDS, NEGATIONS, OPENERS};
use crate::text::{Doc, Hit, Span};
use std::ops::Range;
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
    let edit = remove_inner(text, start, end, greeting_end, mode)?;
    Some(after_bare_greeting(text, greeting_end, edit))
}

/// "Hello Hope this finds you well. Urgent: ..." with the middle removed would read
/// "Hello Urgent: ...", which greets someone called Urgent. After a greeting with no
/// punctuation of its own, a removal right after it gives the greeting a comma and the
/// next word its lower case: "Hello, urgent: ...".
pub fn after_bare_greeting(text: &str, greeting_end: Option<usize>, edit: Edit) -> Edit {
    let Some(g) = greeting_end else {
        return edit;
    };
    let gap = &text[g.min(text.len())..edit.start.max(g).min(text.len())];
    let bare_greeting = g > 0
        && g <= edit.start
        && gap.chars().all(is_hspace)
        && text[..g].ends_with(char::is_alphanumeric)
        && edit.end < text.len();
    if !bare_greeting {
        return edit;
    }
    let mut next = edit.text.clone();
    next.push_str(&text[edit.end..]);
    let word = next.trim_start();
    if word.is_empty() {
        return edit;
    }
    let lowered = match word.chars().next() {
        Some(c)
            if c.is_uppercase()
                && !word.starts_with("I ")
                && !word.starts_with("I'")
                && !word.starts_with("I\u{2019}") =>
        {
            c.to_lowercase().collect::<String>() + &word[c.len_utf8()..]
        }
        _ => word.to_string(),
    };
    // The new text from the greeting's end on, as one edit no longer than it needs to be.
    let new_tail = format!(", {lowered}");
    let old_tail = &text[g..];
    let common = old_tail
        .chars()
        .rev()
        .zip(new_tail.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>()
        .min(old_tail.len().min(new_tail.len()));
    Edit {
        start: g,
        end: text.len() - common,
        text: new_tail[..new_tail.len() - common].to_string(),
    }
}

fn remove_inner(
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
                // "A, X, B" → "A B"; "Julian - X, I want" → "Julian I want", with the
                // space before the dash.
                let s = text[..bs - plen].trim_end_matches(is_hspace).len();
                Some(edit(s, ae + c.len_utf8(), false))
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
    debug_assert!(ranges.is_sorted_by_key(|r| r.0), "ranges out of order");
    let k = ranges.partition_point(|&(a, _)| a <= i);
    k > 0 && i < ranges[k - 1].1
}

/// Removes the whole sentence holding byte `at` (after the greeting when the greeting
/// opens it), but only when every word in it satisfies `removable` (a token index).
pub fn remove_sentence(
    doc: &Doc,
    at: usize,
    greeting_end: Option<usize>,
    removable: &dyn Fn(usize) -> bool,
) -> Option<Edit> {
    let s = sentence_of(doc, at)?;
    // The sentence's first word after the greeting: none when the greeting is all of it
    // ("Hi 000000000,\n"), and then there is nothing to remove.
    let from = match greeting_end {
        Some(g) if g > s.start && g < s.end => doc.tokens
            [doc.tokens.partition_point(|t| t.start < g)..]
            .first()
            .map(|t| t.start)
            .filter(|&f| f < s.end)?,
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
    Some(after_bare_greeting(
        text,
        greeting_end,
        recased(text, from, e, case),
    ))
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
    !doc.text[hit.start..hit.end].contains(['.', '!', '?', '\n', '…'])
        && !compound_after
        && !compound_before
}

/// True when a negation shortly before the hit, in its sentence, turns it around
/// ("I'm not asking for a referral", "no need to book a demo"). "You won't mind
/// referring me" turns nothing around: it takes the yes for granted.
pub fn negated(doc: &Doc, hit: &Hit) -> bool {
    let start = sentence_of(doc, hit.start).map_or(0, |s| s.start);
    let toks = &doc.tokens;
    (hit.first_token.saturating_sub(4)..hit.first_token)
        .filter(|&k| toks[k].start >= start)
        .any(|k| NEGATIONS.has(&toks[k]) && toks[k + 1].norm != "mind")
}

/// Applies non-overlapping edits (any order) to `text`; an edit overlapping an
/// earlier one is skipped.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |e| (e.start, e.end));
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
pub fn match_case(original: &str, replacement: &str) -> String {
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

/// Removes the link (or address) at `start..end`: its whole sentence when that only
/// introduced it, else the link with a lead-in ("here:", "at") when the sentence still
/// reads.
pub fn remove_span(
    doc: &Doc,
    greeting_end: Option<usize>,
    start: usize,
    end: usize,
) -> Option<Edit> {
    let text = doc.text;
    let whole = remove_sentence(doc, start, greeting_end, &|i| {
        let t = &doc.tokens[i];
        (t.start >= start && t.end <= end) || LINK_WORDS.has(t) || is_generic_word(t)
    });
    if whole.is_some() {
        return whole;
    }
    // Walk back over spaces, a ':' or dash, spaces and a lead-in word.
    let mut s = text[..start].trim_end_matches(is_hspace).len();
    let mut lead_in = false;
    let before = &text[..s];
    if before.ends_with([':', '-', '\u{2014}', '\u{2013}']) {
        s = before.len() - before.chars().last().map_or(0, char::len_utf8);
        s = text[..s].trim_end_matches(is_hspace).len();
        lead_in = true;
    }
    if let Some(t) = doc.tokens[..doc.tokens.partition_point(|t| t.end <= s)].last() {
        if t.end == s && LEAD_INS.has(t) {
            s = text[..t.start].trim_end_matches(is_hspace).len();
            lead_in = true;
        }
    }
    let rest = text[end..].trim_start_matches(is_hspace);
    let next = rest.chars().next();
    let ends_clause =
        next.is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?' | '…' | ')' | '\n' | '\r'));
    // "Dale Moss, 608-555-0142. Jenny": the comma before it goes too ("Dale Moss. Jenny").
    if ends_clause && !lead_in && text[..s].ends_with(',') {
        s = text[..s - 1].trim_end_matches(is_hspace).len();
    }
    // Nothing may be left hanging at the start of the text or after the greeting.
    let keeps_start = s > 0 && greeting_end.is_none_or(|g| s > g);
    if (ends_clause || lead_in) && keeps_start {
        Some(Edit {
            start: s,
            end,
            text: String::new(),
        })
    } else {
        None
    }
}
