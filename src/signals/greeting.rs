//! An opening greeting by name ("Hi Sarah,", "Dear Dr. Chen", "Sarah -") and where it ends.

use crate::lang::en::{
    self, DOTTED_TITLES, GROUP_GREETED, HONORIFICS, MISSING_GREETING_NOT_NAMES as NOT_NAMES,
    NOT_VOCATIVES, SPELLED_HONORIFICS,
};
use crate::signals::Greeting;
use crate::text::{is_word_char, Doc, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

/// Greeting words that open a note.
pub static GREETINGS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&en::GREETINGS));

/// Finds a greeting at the very start of the note. `known` is the recipient's first
/// name ([`crate::Recipient::first_name`]), if known.
pub fn detect(doc: &Doc, known: Option<&str>) -> Option<Greeting> {
    detect_for(doc, known, None)
}

/// The words of the recipient's company, folded: no name of a person ("Hello Acme").
fn company_words(company: Option<&str>) -> Vec<String> {
    company
        .map(|c| c.split_whitespace().map(crate::lang::names::fold).collect())
        .unwrap_or_default()
}

/// [`detect`], where words of the recipient's `company` are no name ("Hello Acme").
pub fn detect_for(doc: &Doc, known: Option<&str>, company: Option<&str>) -> Option<Greeting> {
    let company_words = company_words(company);
    let first = doc.tokens.first()?;
    let hit = doc.opening(&GREETINGS, doc.word_count())?;
    let word = Span {
        start: first.start,
        end: hit.end,
    };
    let mut i = hit.end_token;
    let mut name: Option<Span> = None;
    // Their first name as their profile spells it counts even where the tests below
    // would not take it for a name ("Hi danah,", "Hi Hope,", "Hi R2,"), so the fix's
    // "Hi <first name>, " always ends the finding.
    if let (Some(known), Some(t)) = (known, doc.tokens.get(i)) {
        let rest = &doc.text[t.start..];
        if only_spaces_between(doc, i)
            && rest.starts_with(known)
            && !rest[known.len()..].starts_with(is_word_char)
        {
            name = Some(Span {
                start: t.start,
                end: t.start + known.len(),
            });
        } else if only_spaces_between(doc, i)
            && !NOT_NAMES.has(t)
            && !en::FUNCTION_WORDS.has(t)
            && (crate::lang::names::matches_name(&t.norm, known)
                || (doc.text[word.start..t.end]
                    .chars()
                    .all(|c| !c.is_uppercase())
                    && !en::is_generic_word(t)
                    && near_miss(&t.norm, known)))
        {
            // "hi priya", "hey dami" (Damilola), typed on a phone: their name or its short
            // form in lower case is still their name ("hi there" to Theresa is not). And
            // "hi michael" to Michelle, typed in lower case: a word that starts like their
            // name but is not it is a name, and the wrong one.
            name = Some(Span {
                start: t.start,
                end: t.end,
            });
        }
    }
    // "Dr. Chen": keep the honorific in the name span.
    if let Some(t) = doc.tokens.get(i).filter(|_| name.is_none()) {
        let dotted = DOTTED_TITLES.has(t) && doc.text[t.end..].starts_with('.');
        if HONORIFICS.has(t) || dotted {
            // "Sir John", "Ma'am Weng", "Dr. Chen", "hi sir Migs" (typed in lower case); not
            // "Dear Sir, I am", nor "Good morning Ma'am. Rohan here" (a dot after a whole
            // word ends a sentence).
            let gap = &doc.text[t.end..doc.tokens.get(i + 1).map_or(t.end, |n| n.start)];
            let sentence_end = gap.contains('.') && SPELLED_HONORIFICS.has(t);
            let named = |next: &&crate::text::Token| {
                capitalised(doc, i + 1)
                    && only_spaces_between(doc, i + 1)
                    && !sentence_end
                    && !NOT_NAMES.has(next)
            };
            if let Some(next) = doc.tokens.get(i + 1).filter(named) {
                name = Some(Span {
                    start: t.start,
                    end: next.end,
                });
                i += 2;
            }
        }
    }
    if name.is_none() {
        // Up to two capitalised words right after the greeting, on the same line.
        let mut end_tok = i;
        while end_tok < i + 2
            && end_tok < doc.tokens.len()
            && is_name_token(doc, end_tok)
            && !company_words.contains(&crate::lang::names::fold(&doc.tokens[end_tok].norm))
            && only_spaces_between(doc, end_tok)
        {
            end_tok += 1;
            // A comma or sentence end closes the name.
            if !doc.text[doc.tokens[end_tok - 1].end..].starts_with([' ', '\u{a0}']) {
                break;
            }
        }
        // A name is set off: punctuation, a line break or the end follows it, or a new
        // clause does ("Hi Sarah I loved..."). "Hello Please reply" and "Hello Check
        // this" greet no one called Please or Check.
        let set_off = |k: usize| {
            let after = doc.text[doc.tokens[k].end..].trim_start_matches([' ', '\u{a0}']);
            after.is_empty()
                || after.starts_with(|c: char| !c.is_alphanumeric())
                // "Namaste Sandeep ji,", "Kenji san!": a form of address after the name,
                // itself set off.
                || doc.tokens.get(k + 1).is_some_and(|t| {
                    crate::lang::en::AFTER_NAMES.has(t)
                        && doc.text[t.end..]
                            .trim_start_matches([' ', '\u{a0}'])
                            .starts_with(|c: char| !c.is_alphanumeric())
                })
                || doc.tokens.get(k + 1).is_some_and(|t| {
                    capitalised(doc, k + 1)
                        && !NOT_NAMES.has(t)
                        && (crate::lang::en::FUNCTION_WORDS.has(t)
                            || crate::lang::en::is_generic_word(t))
                })
        };
        if end_tok > i && set_off(end_tok - 1) {
            name = Some(Span {
                start: doc.tokens[i].start,
                end: doc.tokens[end_tok - 1].end,
            });
        }
    }
    // "Jean-Pierre": a hyphenated name is one name (the tokens split at the hyphen).
    if let Some(n) = name.as_mut() {
        let mut k = doc.tokens.partition_point(|t| t.end <= n.end);
        while k < doc.tokens.len()
            && doc.text.get(n.end..doc.tokens[k].start) == Some("-")
            && is_name_token(doc, k)
        {
            n.end = doc.tokens[k].end;
            k += 1;
        }
    }
    let mut end = name.map_or(word.end, |n| n.end);
    // "there" in "Hi there" belongs to the greeting.
    if name.is_none() {
        if let Some(t) = doc.tokens.get(hit.end_token) {
            if GROUP_GREETED.has(t) {
                end = t.end;
            }
        }
    }
    let rest = &doc.text[end..];
    // "Dr. Chen -": spaces count only when punctuation follows them.
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let rest = &rest[spaces..];
    let punct = rest
        .char_indices()
        .take_while(|&(_, c)| crate::text::is_greeting_punct(c))
        .last()
        .map_or(0, |(j, c)| spaces + j + c.len_utf8());
    Some(Greeting {
        word,
        name,
        end: end + punct,
    })
}

/// True when `word` is longer than three letters and starts with the first three of
/// their first name `known` (accents folded): "michael" for Michelle.
fn near_miss(word: &str, known: &str) -> bool {
    let (w, k) = (
        crate::lang::names::fold(word),
        crate::lang::names::fold(known),
    );
    w.chars().count() > 3 && k.chars().count() >= 3 && w.chars().take(3).eq(k.chars().take(3))
}

pub fn capitalised(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    doc.text[t.start..t.end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

pub fn is_name_token(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    capitalised(doc, i)
        && !NOT_NAMES.has(t)
        // "Hi Coach,", "Hello Doctor": a title alone (one before a name was read before).
        && !HONORIFICS.has(t)
        // "Hello URGENT:": a word in capitals is shouting, not a name (their own name in
        // capitals is taken before this test).
        && (t.norm.chars().count() < 2 || doc.text[t.start..t.end].chars().any(char::is_lowercase))
        // "Hello WE ARE HIRING": function words are no name, in capitals or not.
        && !crate::lang::en::FUNCTION_WORDS.has(t)
        && t.norm
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// True when token `i` follows the previous token with only spaces between.
pub fn only_spaces_between(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    doc.text[doc.tokens[i - 1].end..doc.tokens[i].start]
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}' || c == '.')
}

/// Names the note calls them by after its greeting, set off by punctuation right after
/// "you" or "thanks": "great to connect with you Ahmed!", "thank you, Ahmed.". A name
/// pasted into a template's body is as wrong as one in its greeting. Sign-offs ("Thank
/// you,\nBisi") are on their own line and not taken, nor is a "Thanks, Aliyu" that
/// ends a note of more than one sentence: the sender signing, not a vocative.
/// With `opening`, also the name of five letters or more the note opens on, set off by
/// a comma, a dash or "!": "Karolina, thank you for the forum answer" (not "Thomas, the
/// CTO at Acme, suggested I write": someone else, described).
pub fn later_vocatives(doc: &Doc, company: Option<&str>, opening: bool) -> Vec<Span> {
    let company_words = company_words(company);
    let t = &doc.tokens;
    let signed = |i: usize| {
        i + 1 == t.len()
            && doc.sentences.len() > 1
            && matches!(doc.text[t[i].end..].trim(), "" | ".")
    };
    let first = usize::from(!opening);
    (first..t.len())
        .filter(|&i| {
            let after = doc.text[t[i].end..].trim_start_matches([' ', '\u{a0}']);
            if signed(i) {
                return false;
            }
            let placed = if i == 0 {
                // "Ify!" for Ifeoma, "Aga!" for Agnieszka: a short name alone may be a
                // short form no table knows, so only a longer one is taken.
                t[0].norm.chars().count() > 4
                    && after.starts_with([',', '!', '\u{2014}', '\u{2013}'])
                    && !t.get(1).is_some_and(|n| {
                        matches!(n.norm.as_str(), "the" | "a" | "an" | "my" | "our" | "who")
                    })
            } else {
                let before = &doc.text[t[i - 1].end..t[i].start];
                matches!(t[i - 1].norm.as_str(), "you" | "thanks")
                    && matches!(before.trim_matches([' ', '\u{a0}']), "" | ",")
                    && !before.contains('\n')
                    && (after.is_empty() || after.starts_with(['!', '.', '?', ',']))
            };
            placed
                && is_name_token(doc, i)
                && !NOT_VOCATIVES.has(&t[i])
                && !HONORIFICS.has(&t[i])
                && t[i].norm.chars().count() > 2
                && !company_words.contains(&crate::lang::names::fold(&t[i].norm))
        })
        .map(|i| Span {
            start: t[i].start,
            end: t[i].end,
        })
        .collect()
}

/// True when the note addresses them by name outside an opening greeting: their
/// known name anywhere ("Nice meeting you at the 10k, Ravi."), or, when the name is
/// unknown, a name opening the note ("Zainab — we shared a table") or closing its
/// first sentence after a comma.
pub fn named_elsewhere(doc: &Doc, ctx: &Context) -> bool {
    if let Some(name) = ctx.recipient.name.as_deref() {
        return doc.tokens.iter().enumerate().any(|(i, t)| {
            capitalised(doc, i) && crate::lang::names::matches_name(&doc.text[t.start..t.end], name)
        });
    }
    let is_vocative = |i: usize| {
        let t = &doc.tokens[i];
        is_name_token(doc, i) && !NOT_VOCATIVES.has(t) && t.norm.len() > 1
    };
    // "Zainab — ..." / "Zainab, ..."
    if !doc.tokens.is_empty() && is_vocative(0) {
        let after = doc.text[doc.tokens[0].end..].trim_start_matches(' ');
        if after.starts_with([',', '\u{2014}', '\u{2013}', '-', '!', ':']) {
            return true;
        }
    }
    // "..., Alex!" closing the first sentence.
    let Some(first) = doc.sentences.first() else {
        return false;
    };
    let last = doc.tokens.iter().rposition(|t| t.end <= first.end);
    last.is_some_and(|i| {
        i > 0
            && is_vocative(i)
            && doc.text[doc.tokens[i - 1].end..doc.tokens[i].start].trim() == ","
            && doc.text[doc.tokens[i].end..first.end]
                .chars()
                .all(|c| matches!(c, '!' | '.' | '?' | ' '))
    })
}
