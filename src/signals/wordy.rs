//! Wordy phrases ("I am writing to you today to", "in order to", "basically") and
//! the concise form of each: the `filler` rule flags them and `over-limit` uses their
//! edits to shorten a note.

use crate::edits::{match_case, remove, standalone, Cut, Edit};
use crate::lang::en::WORDY_PHRASES;
use crate::lang::en::{REACHING_OUT, VERBS, WANTED_TO_REACH};
use crate::text::Hit;
use crate::text::{Doc, Lexicon};
use std::sync::LazyLock;

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

/// `src/lang/en/wordy_phrases.txt`: each phrase with what it is.
static FIXED: LazyLock<Vec<(&'static str, Fix)>> = LazyLock::new(|| {
    crate::lang::tagged(&WORDY_PHRASES)
        .map(|(phrase, tag)| {
            let what = match tag.split_once(": ").map_or(tag, |(t, _)| t) {
                "to" => Fix::To(tag.split_once(": ").map_or("", |(_, v)| v)),
                "drop" => Fix::Drop,
                "drop-clause" => Fix::DropClause,
                "to-keep-verb" => Fix::ToKeepVerb(tag.split_once(": ").map_or("", |(_, v)| v)),
                other => {
                    panic!("src/lang/en/wordy_phrases.txt: unknown tag “{other}” for “{phrase}”")
                }
            };
            (phrase, what)
        })
        .collect()
});

/// Every phrase with its fix: the fixed list plus the "I am writing to you today to ask" family.
static ENTRIES: LazyLock<Vec<(String, Fix)>> = LazyLock::new(|| {
    let mut out: Vec<(String, Fix)> = FIXED.iter().map(|&(p, f)| (p.to_string(), f)).collect();
    // "I am writing (to you) (today) to ask" → "I'd like to ask".
    let writing = ["I am writing", "I'm writing"];
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
        (&REACHING_OUT[..], true, true, false),
        (&WANTED_TO_REACH[..], true, true, true),
    ] {
        for s in subjects {
            for m in mids {
                if m.starts_with(" this") && !s.contains("writing") {
                    continue;
                }
                let head = format!("{s}{m}");
                for v in VERBS.iter() {
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
