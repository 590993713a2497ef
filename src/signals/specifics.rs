//! Something specific about the recipient: their work, a post, a detail only they would recognise; and where the note names their company.

use crate::lang::en::{
    ARTICLES, EMPLOYED, EMPLOYED_BEFORE, HEADLINE_VAGUE, LEGAL,
    MISSING_SPECIFICS_SECOND_PERSON as SECOND_PERSON, NO_COMPANY, PHRASE_ENDS, PINNING,
    RECENT_WORDS, SELF_SPECIFIC, SPECIFIC_PHRASES, VAGUE_TOPICS, VAGUE_WORDS, WISHES, YOU_DID,
};
use crate::lang::lexicon;
use crate::text::{break_between, earliest, without_possessive};
use crate::text::{normalise_phrase, tokenize, Doc, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

pub static SPECIFIC: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = SPECIFIC_PHRASES.iter().map(|s| s.to_string()).collect();
    for did in YOU_DID.iter() {
        p.push(format!("you {did}"));
        p.push(format!("u {did}"));
        if let Some(rest) = did.strip_prefix("are ") {
            p.push(format!("you're {rest}"));
        } else if let Some(rest) = did.strip_prefix("have ") {
            p.push(format!("you've {rest}"));
        }
    }
    lexicon(&p)
});

/// Their work, reached through "your": `Some(span)` when the noun phrase
/// after it is pinned down.
pub fn your_work(doc: &Doc) -> Option<Span> {
    let t = &doc.tokens;
    for (i, tok) in t.iter().enumerate() {
        if tok.norm != "your" {
            continue;
        }
        // The noun phrase: up to four words, to a verb, little word or sentence end.
        let mut end = i + 1;
        while end < t.len() && end <= i + 4 && !break_between(doc, end - 1, end) {
            let w = t[end].norm.as_str();
            if PHRASE_ENDS.contains(&w) || (end > i + 1 && w.ends_with("ly")) {
                break;
            }
            end += 1;
        }
        // A last word ending in -ed after the noun is a verb: "your post resonated".
        if end > i + 2 && t[end - 1].norm.ends_with("ed") {
            end -= 1;
        }
        if end == i + 1 {
            continue;
        }
        let words: Vec<&str> = t[i + 1..end]
            .iter()
            .map(|w| without_possessive(&w.norm))
            .collect();
        let head = *words.last().expect("non-empty");
        let span = Span {
            start: tok.start,
            end: t[end - 1].end,
        };
        if words.iter().any(|w| SELF_SPECIFIC.contains(w)) || t[i + 1].norm.ends_with("'s") {
            // "your research", "your team's launch".
            return Some(span);
        }
        if WISHES.contains(&head) {
            continue;
        }
        if pinned_after(doc, end) {
            // "your talk on wasm", "your work at Acme", "your experience with Kafka".
            return Some(span);
        }
        // A word before the noun that names something: "your RustConf talk",
        // "your churn model", "your accessibility work" (not "your recent post").
        let named = words[..words.len() - 1]
            .iter()
            .any(|w| !VAGUE_WORDS.contains(w));
        if named {
            return Some(span);
        }
    }
    None
}

/// True when the words from token `at` pin a noun to a real thing: a preposition
/// and a topic that is not vague, a title in quotes, or a time.
pub fn pinned_after(doc: &Doc, at: usize) -> bool {
    let t = &doc.tokens;
    if at > 0 {
        let gap = &doc.text[t[at - 1].end..t.get(at).map_or(doc.text.len(), |n| n.start)];
        if gap
            .trim_start()
            .starts_with(['"', '\u{201C}', '\u{2018}', ':', '('])
        {
            return true;
        }
    }
    let Some(next) = t.get(at) else { return false };
    if at > 0 && break_between(doc, at - 1, at) {
        return false;
    }
    let w = next.norm.as_str();
    if !PINNING.contains(&w) {
        return false;
    }
    if RECENT_WORDS.contains(&w) {
        return true;
    }
    // The topic: skip articles, then it must be a real subject.
    let mut k = at + 1;
    while k < t.len() && ARTICLES.has(&t[k]) {
        k += 1;
    }
    t.get(k)
        .is_some_and(|topic| !break_between(doc, at, k) && !VAGUE_TOPICS.has(topic))
}

/// Their company: `recipient.company`, else what follows "at" or "@" in the headline;
/// without legal suffixes ("Acme, Inc." is "Acme").
pub fn company_name(recipient: &crate::Recipient) -> Option<String> {
    let raw = recipient
        .company
        .clone()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| {
            let h = recipient.headline.as_deref()?;
            let lower = crate::text::lower(h);
            let at = [" at ", " @ ", "@"]
                .iter()
                .filter_map(|m| lower.find(m).map(|i| i + m.len()))
                .min()?;
            let rest = &h[at..];
            let end = rest
                .find(['|', ',', '·', '•', '(', ';', '/', '–', '—', '\n'])
                .or_else(|| rest.find(" - "))
                .unwrap_or(rest.len());
            Some(rest[..end].to_string())
        })?;
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    while words.len() > 1 {
        let last =
            crate::text::lower(words[words.len() - 1].trim_matches(|c: char| !c.is_alphanumeric()));
        if LEGAL.contains(&last.as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    let name = words
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '&')
        .to_string();
    // "Self-employed", "Stealth", "N/A" name no company.
    let real = tokenize(&name)
        .iter()
        .any(|t| !is_headline_vague(&t.norm) && !NO_COMPANY.has(t));
    real.then_some(name)
}

/// Where their company is named in the note. A one-word name that is also an
/// everyday word ("Square", "Notion") only counts written with a capital.
pub fn company_mentions(doc: &Doc, ctx: &Context) -> Vec<Span> {
    let known = ctx.recipient.known();
    let Some(name) = &known.company else {
        return Vec::new();
    };
    let norm = normalise_phrase(name);
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let Some((&last, init)) = words.split_last() else {
        return Vec::new();
    };
    let single_plain_word = words.len() == 1 && last.chars().all(|c| c.is_alphabetic());
    let possessive = format!("{last}'s");
    // A token-sequence scan: a per-note automaton would cost more than the whole note.
    let tokens = &doc.tokens;
    let capital = |k: usize| doc.text[tokens[k].start..].starts_with(char::is_uppercase);
    let mut out: Vec<Span> = (0..tokens.len().saturating_sub(init.len()))
        .filter(|&i| {
            init.iter()
                .enumerate()
                .all(|(k, w)| tokens[i + k].norm == *w)
                && {
                    let t = &tokens[i + init.len()].norm;
                    t == last || *t == possessive
                }
        })
        .map(|i| Span {
            start: tokens[i].start,
            end: tokens[i + init.len()].end,
        })
        .filter(|m| !single_plain_word || doc.text[m.start..m.end].chars().any(char::is_uppercase))
        .collect();
    // The short form people write: "Orbis Medical" for Orbis Medical Devices, "Bright
    // Smile" for Bright Smile Dental: its first two words or more, each capitalised.
    if out.is_empty() && words.len() >= 3 {
        for i in 0..tokens.len() {
            let n = (0..words.len() - 1)
                .take_while(|&k| {
                    i + k < tokens.len()
                        && capital(i + k)
                        && (tokens[i + k].norm == words[k]
                            || tokens[i + k].norm.strip_suffix("'s") == Some(words[k]))
                })
                .count();
            if n >= 2 {
                out.push(Span {
                    start: tokens[i].start,
                    end: tokens[i + n - 1].end,
                });
            }
        }
    }
    out
}

/// A company name as it is written in a sentence: a profile's all-lower-case name
/// ("there", "acme") capitalised, since [`company_mentions`] takes an everyday word for
/// their company only when it is capitalised.
pub fn as_name(name: &str) -> String {
    if name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Their company named as more than their employer: "Acme's new SDK", "I've used
/// Acme for years", but not "I see you work at Acme".
pub fn company_specifics(doc: &Doc, company_mentions: &[Span]) -> Option<Span> {
    let t = &doc.tokens;
    company_mentions.iter().copied().find(|m| {
        let Some(i) = t.iter().position(|tok| tok.start == m.start) else {
            return false;
        };
        let prev = |k: usize| i.checked_sub(k).map(|j| t[j].norm.as_str());
        let employment = match prev(1) {
            Some("joined" | "joining") => true,
            Some(p) if EMPLOYED.contains(&p) => {
                // "your work at Acme" is about their work, as the fix writes it (and
                // as `your_work` reads it unless the name starts with "A." or a vague
                // word: "Tech Mahindra"); "you work at Acme" only repeats their profile.
                let their_work = prev(2) == Some("work") && prev(3) == Some("your");
                !their_work && prev(2).is_some_and(|q| EMPLOYED_BEFORE.contains(&q))
            }
            _ => false,
        };
        let possessive = doc.text[m.start..m.end].ends_with("'s")
            || doc.text[m.start..m.end].ends_with("\u{2019}s");
        possessive || !employment
    })
}

/// True for a word of [`HEADLINE_VAGUE`].
pub fn is_headline_vague(word: &str) -> bool {
    HEADLINE_VAGUE.contains(&word)
}

/// The distinctive words of their headline, normalised.
pub fn headline_words(r: &crate::Recipient) -> Vec<String> {
    let Some(h) = r.headline.as_deref() else {
        return Vec::new();
    };
    tokenize(h)
        .into_iter()
        .map(|t| String::from(t.norm))
        .filter(|w| {
            w.chars().count() >= 3 && w.chars().any(char::is_alphabetic) && !is_headline_vague(w)
        })
        .collect()
}

/// A title their headline quotes ("Author of 'Quiet Ledger'"), named in the note: "the
/// checklist in chapter 6 of Quiet Ledger". Two words or more, so a title that is an
/// everyday word does not count.
pub fn headline_title(doc: &Doc, ctx: &Context) -> Option<Span> {
    let h = ctx.recipient.headline.as_deref()?;
    let quote = |c: char| {
        matches!(
            c,
            '\'' | '"' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'
        )
    };
    let t = &doc.tokens;
    // The quoted stretches: every second piece between quote marks.
    h.split(quote).skip(1).step_by(2).find_map(|title| {
        let words: Vec<String> = normalise_phrase(title)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if words.len() < 2 {
            return None;
        }
        (0..t.len().saturating_sub(words.len() - 1)).find_map(|i| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| t[i + k].norm == *w)
                .then(|| Span {
                    start: t[i].start,
                    end: t[i + words.len() - 1].end,
                })
        })
    })
}

/// A distinctive headline word in a sentence addressed to them ("how you run
/// observability") or asked of them ("what is it like working on payments?").
pub fn headline_mention(doc: &Doc, ctx: &Context) -> Option<Span> {
    // Worked out once a recipient, as the extension reads a note at every keystroke.
    let known = ctx.recipient.known();
    let words = &known.headline_words;
    if words.is_empty() {
        return None;
    }
    doc.sentences.iter().find_map(|s| {
        let toks = doc.tokens_within(s.start, s.end);
        let addressed =
            doc.text[s.start..s.end].ends_with('?') || toks.iter().any(|t| SECOND_PERSON.has(t));
        if !addressed {
            return None;
        }
        toks.iter()
            .find(|t| words.iter().any(|w| t.norm == *w))
            .map(|t| Span {
                start: t.start,
                end: t.end,
            })
    })
}

/// A job rather than a topic ("Cardiologist", "Brand Strategist", "Analyst"): "a
/// post on Cardiologist" says nothing.
fn is_job(word: &str) -> bool {
    crate::signals::claims::is_occupation(word)
        || crate::lang::en::TITLES.contains(&word)
        || ["ist", "yst"]
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// A short topic from the headline for the fix: a segment of one to three
/// distinctive words ("Rust, wasm" gives "Rust"; "Distributed systems").
pub fn headline_topic(ctx: &Context) -> Option<String> {
    let h = ctx.recipient.headline.as_deref()?;
    h.split(['|', ',', '·', '•', ';', '/', '\u{2013}', '\u{2014}'])
        .map(str::trim)
        .filter(|seg| {
            let lower = format!(" {} ", crate::text::lower(seg));
            !lower.contains(" at ") && !seg.contains('@')
        })
        .find(|seg| {
            let doc = Doc::new(seg);
            let n = doc.tokens.len();
            (1..=3).contains(&n)
                && doc.tokens.iter().all(|t| {
                    t.norm.chars().count() >= 2
                        && t.norm.chars().any(char::is_alphabetic)
                        && !is_headline_vague(&t.norm)
                        && !is_job(&t.norm)
                })
        })
        .map(|seg| {
            // "Distributed systems" reads better as "distributed systems".
            let mut words = seg.split_whitespace();
            let first = words.next().unwrap_or_default();
            let rest: Vec<&str> = words.collect();
            let keep_case = rest.is_empty()
                || first.chars().skip(1).any(char::is_uppercase)
                || rest
                    .iter()
                    .any(|w| w.chars().next().is_some_and(char::is_uppercase));
            if keep_case {
                seg.to_string()
            } else {
                let mut c = first.chars();
                let lowered: String = c
                    .next()
                    .map(|f| f.to_lowercase().chain(c).collect())
                    .unwrap_or_default();
                std::iter::once(lowered.as_str())
                    .chain(rest.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        })
}

/// Finds something specific about their work.
pub fn detect(doc: &Doc, ctx: &Context) -> Option<Span> {
    earliest(&[
        detail(doc, ctx),
        company_specifics(doc, &company_mentions(doc, ctx)),
    ])
}

/// Something specific beyond naming their company: a phrase of [`SPECIFIC_PHRASES`],
/// their work pinned down ("your talk on wasm"), or their headline's topic.
pub fn detail(doc: &Doc, ctx: &Context) -> Option<Span> {
    if doc.word_count() == 0 {
        return None;
    }
    earliest(&[
        doc.first(&SPECIFIC).map(|h| h.span()),
        your_work(doc),
        headline_mention(doc, ctx),
    ])
}
