//! `missing-context`: the note never says how the sender found or knows the person.
//!
//! Counts as context: an event (conference, meetup, webinar, talk, panel, podcast,
//! class), their content (post, article, paper, newsletter, video, comment, thread,
//! repo), a mutual connection or someone who suggested reaching out, a shared
//! school, employer, group or community ("fellow alum", "we both worked at", "in the
//! Rust Discord"), having met ("we met at", "great chatting at"), a shared interest
//! or path ("I'm also a charge nurse", "like you, I moved from law to product"),
//! a shared past found by the shape of its sentence ("we was talking at TransLogistica",
//! "you lent us a genny last week"; see [`shared_past`]), and, weaker, "came across
//! your profile while researching X". A bare "I came across your profile" is the
//! generic opener and does not count.
//! Messages to people already connected (`Kind::Message`) are not checked.
//!
//! **Why it matters.** The seeds' first LinkedIn rule: "Mention how you found the
//! connection, whether through an event, mutual contacts, or common interests."
//! Without it a request from a stranger looks random, and random requests get ignored.
//!
//! **Example.** `Hi Sarah, I'm building a Rust linter and would value your view on caching.`
//! **Fix** (no mechanical fix; say where you came across them):
//! `Hi Sarah, I saw your RustConf talk on incremental builds. I'm building a Rust linter and would value your view on caching.`

use super::{Cx, Rule};
use crate::lang::en::{
    ANCHORS, CLIENT_WORDS, COMMUNITIES, CONTENT, CONTEXT_PHRASES, CONVERSATIONS, FOUND, FOUND_HOW,
    FUNCTION_WORDS, GENERIC_THANKED, GENERIC_THANKS, INTRO, INTRO_FROM, KNOW_COMPANY,
    MISSING_CONTEXT_NOT_NAMES as NOT_NAMES, NOT_CONTEXT, NOT_PAST, PAST_FORMS, PROFILE_WORDS, SEEN,
    SHARED_INTEREST, TOGETHER,
};
use crate::report::{Category, Finding, Severity};
use crate::signals::Greeting;
use crate::text::{normalise_phrase, Doc, Lexicon, Span};
use crate::{Context, Kind};
use std::sync::LazyLock;

pub struct MissingContext;

// ---------------------------------------------------------------------------
// Helpers shared by the missing-* rules and me-focus (kept here, beside the first
// rule that needs them, so no file outside the rules has to change).
// ---------------------------------------------------------------------------

/// Spellings a word may also be written in: contractions with and without the
/// apostrophe and spelled out, and British/American spellings.
#[rustfmt::skip]
const VARIANTS: &[(&str, &[&str])] = &[
    ("i'm", &["i am", "im"]),
    ("i'd", &["i would", "id"]),
    ("i've", &["i have", "ive"]),
    ("i'll", &["i will", "ill"]),
    ("you're", &["you are", "youre"]),
    ("you've", &["you have", "youve"]),
    ("you'd", &["you would", "youd"]),
    ("you'll", &["you will", "youll"]),
    ("we're", &["we are"]),
    ("we've", &["we have"]),
    ("we'd", &["we would"]),
    ("we'll", &["we will"]),
    ("it's", &["it is", "its"]),
    ("that's", &["that is", "thats"]),
    ("there's", &["there is", "theres"]),
    ("what's", &["what is", "whats"]),
    ("let's", &["lets"]),
    ("don't", &["do not", "dont"]),
    ("wasn't", &["was not", "wasnt"]),
    ("favor", &["favour"]),
    ("organize", &["organise"]),
    ("organized", &["organised"]),
    ("organizing", &["organising"]),
    ("organizer", &["organiser"]),
    ("summarized", &["summarised"]),
    ("program", &["programme"]),
    ("analyze", &["analyse"]),
    ("analyzing", &["analysing"]),
];

/// Every way `phrase` may be written (see [`VARIANTS`]), normalised.
fn variants(phrase: &str) -> Vec<String> {
    let norm = normalise_phrase(phrase);
    let mut out: Vec<String> = vec![String::new()];
    for word in norm.split(' ') {
        let alts: Vec<&str> = match VARIANTS.iter().find(|(w, _)| *w == word) {
            Some((w, alts)) => std::iter::once(*w).chain(alts.iter().copied()).collect(),
            None => vec![word],
        };
        out = out
            .iter()
            .flat_map(|prefix| {
                alts.iter().map(move |a| {
                    if prefix.is_empty() {
                        (*a).to_string()
                    } else {
                        format!("{prefix} {a}")
                    }
                })
            })
            .collect();
    }
    out
}

/// Builds a [`Lexicon`] from phrases, adding each phrase's other spellings.
pub(crate) fn lexicon<S: AsRef<str>>(phrases: &[S]) -> Lexicon {
    let mut all: Vec<String> = phrases
        .iter()
        .flat_map(|p| variants(p.as_ref()))
        .filter(|p| !p.is_empty())
        .collect();
    all.sort();
    all.dedup();
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    Lexicon::new(&refs)
}

/// Every `a b` for `a` in `left` and `b` in `right`.
pub(crate) fn cross(left: &[&str], right: &[&str]) -> Vec<String> {
    left.iter()
        .flat_map(|a| right.iter().map(move |b| format!("{a} {b}")))
        .collect()
}

/// True when a sentence break (or a line break) lies between tokens `a` and `b`.
pub(crate) fn break_between(doc: &Doc, a: usize, b: usize) -> bool {
    doc.text[doc.tokens[a].end..doc.tokens[b].start]
        .contains(['.', '!', '?', '\n', '\r', ';', '\u{2026}'])
}

/// `word` without a trailing `'s` (or several): "team's" is "team".
pub(crate) fn without_possessive(word: &str) -> &str {
    let mut word = word;
    while let Some(w) = word.strip_suffix("'s") {
        word = w;
    }
    word
}

/// `(owner, noun)` token indices where a word in `owners` ("your") is followed,
/// within `max_gap` words and the same sentence, by a word in `nouns` ("talk",
/// "post"; a trailing `'s` is ignored). The words between may be anything but
/// function words: "your RustConf talk", "your excellent post".
pub(crate) fn owned_nouns(
    doc: &Doc,
    owners: &[&str],
    nouns: &[&str],
    max_gap: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if !owners.contains(&t.norm.as_str()) {
            continue;
        }
        for j in i + 1..=(i + 1 + max_gap).min(doc.tokens.len().saturating_sub(1)) {
            if break_between(doc, j - 1, j) {
                break;
            }
            let w = without_possessive(&doc.tokens[j].norm);
            if nouns.contains(&w) {
                out.push((i, j));
                break;
            }
            if FUNCTION_WORDS.contains(&w) {
                break;
            }
        }
    }
    out
}

/// Where text that belongs right after the greeting goes: past the greeting and
/// one space or line break, else the start of the note.
pub(crate) fn after_greeting(doc: &Doc, greeting: Option<Greeting>) -> usize {
    let Some(g) = greeting else { return 0 };
    let rest = &doc.text[g.end..];
    match rest.chars().next() {
        Some(c) if c.is_whitespace() => g.end + c.len_utf8(),
        _ => g.end,
    }
}

/// The earliest of several optional spans.
pub(crate) fn earliest(spans: impl IntoIterator<Item = Option<Span>>) -> Option<Span> {
    spans.into_iter().flatten().min_by_key(|s| (s.start, s.end))
}

// ---------------------------------------------------------------------------
// The rule.
// ---------------------------------------------------------------------------

static CONTEXT: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = CONTEXT_PHRASES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(FOUND, FOUND_HOW));
    p.extend(cross(SHARED_INTEREST, &["in", "for", "around", "of"]));
    lexicon(&p)
});

static NOT: LazyLock<Lexicon> = LazyLock::new(|| lexicon(NOT_CONTEXT));

/// Their company, named right after a word that says how the sender knows it.
fn knows_company(doc: &Doc, company_mentions: &[Span]) -> Option<Span> {
    company_mentions.iter().copied().find(|m| {
        let Some(i) = doc.tokens.iter().position(|t| t.start == m.start) else {
            return false;
        };
        (i.saturating_sub(3)..i).any(|k| {
            KNOW_COMPANY.contains(&doc.tokens[k].norm.as_str()) && !break_between(doc, k, i)
        })
    })
}

/// "saw your X", "noticed your X", where X is something they made or did, not
/// their profile.
fn seen_their(doc: &Doc) -> Option<Span> {
    let t = &doc.tokens;
    (1..t.len()).find_map(|i| {
        if !matches!(t[i].norm.as_str(), "your" | "ur") {
            return None;
        }
        let verb = t[i - 1].norm.as_str();
        let before = i.checked_sub(2).map(|k| t[k].norm.as_str());
        // "to" only in "listened to your"; "across"/"upon" only after "came"/"stumbled".
        let seen = match verb {
            "to" => before == Some("listened"),
            "across" | "upon" => matches!(before, Some("came" | "stumbled")),
            v => SEEN.contains(&v),
        };
        if !seen {
            return None;
        }
        let next = t.get(i + 1).filter(|_| !break_between(doc, i, i + 1))?;
        (!PROFILE_WORDS.contains(&without_possessive(&next.norm))
            && !FUNCTION_WORDS.contains(&next.norm.as_str()))
        .then(|| Span {
            start: t[i - 1].start,
            end: next.end,
        })
    })
}

// ---------------------------------------------------------------------------
// A shared past, found by the shape of a sentence rather than a stock phrase.
// ---------------------------------------------------------------------------

fn is_past(word: &str) -> bool {
    PAST_FORMS.contains(&word)
        || (word.len() > 4 && word.ends_with("ed") && !NOT_PAST.contains(&word))
}

/// A year in a word: "2014", "2014-16", "'09".
fn is_year(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 4 && (word.starts_with("19") || word.starts_with("20")))
        || (word.len() == 3
            && word.starts_with(['\'', '\u{2019}'])
            && word[1..].bytes().all(|b| b.is_ascii_digit()))
        || (word.len() == 5
            && word.starts_with('\u{2019}')
            && word[3..].bytes().all(|b| b.is_ascii_digit()))
}

/// A shared past, found by the shape of a sentence rather than a stock phrase:
/// - "we" (or "you and I") did something people do together: "we chatted in the coffee
///   queue at KubeCon", "we was talking at TransLogistica", "we did that volunteer
///   project together";
/// - "you" did something for the sender, at a time or an occasion: "your lads lent us a
///   genny last week" does not count, "you lent us a genny last week" does;
/// - the sender "was the" one at an occasion: "I was the stylist's assistant on set on
///   Thursday";
/// - the sender introduces themselves through a shared place: "it's Tomás from the
///   Thursday climbing group", "Sid from the Brighton half", "c'est Hugo du club";
/// - thanks or an apology for something between them: "thank you for letting me shadow
///   you last Wednesday", "thanks for the cocoa market tips".
///
/// People who have met or worked together know each other (seed 004: after an event,
/// "I reached out with individualized thank-you messages"), so a shared past is both how
/// they know them and a reason to connect. A sentence about "companies like yours" or
/// "clients" is a sales claim, not a shared past.
pub fn shared_past(doc: &Doc, greeting_end: usize, recipient: Option<&str>) -> Option<Span> {
    earliest([
        deeds(doc),
        introduced(doc, greeting_end, recipient),
        thanked(doc),
    ])
}

/// [`INTRO`], normalised once, word by word.
static INTRO_WORDS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    INTRO
        .iter()
        .map(|p| normalise_phrase(p).split(' ').map(str::to_string).collect())
        .collect()
});

/// The sender introduces themselves through a shared place: "it's Tomás from the Thursday
/// climbing group", "Sid from the Brighton half", "c'est Hugo du club d'échecs", "From the
/// 7am spin class, front row". A name the note is addressed to does not count.
fn introduced(doc: &Doc, greeting_end: usize, recipient: Option<&str>) -> Option<Span> {
    let toks = &doc.tokens;
    let raw = |i: usize| &doc.text[toks[i].start..toks[i].end];
    let capital = |i: usize| raw(i).chars().next().is_some_and(char::is_uppercase);
    let theirs: Vec<String> = recipient
        .map(|n| n.split_whitespace().map(normalise_phrase).collect())
        .unwrap_or_default();
    let a_name = |i: usize| {
        i < toks.len()
            && capital(i)
            && !NOT_NAMES.contains(&toks[i].norm.as_str())
            && !theirs.contains(&toks[i].norm)
    };
    let from_at = |i: usize| {
        i < toks.len()
            && INTRO_FROM.contains(&toks[i].norm.as_str())
            && !break_between(doc, i - 1, i)
    };
    for (i, t) in toks.iter().enumerate() {
        if t.start < greeting_end {
            continue;
        }
        // "it's Tomás from", "aqui é a Bia, da turma": an intro, an optional article, a name, "from".
        let intro_len = INTRO_WORDS.iter().find_map(|words| {
            (words[0] == t.norm
                && i + words.len() <= toks.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks[i + k].norm == *w))
            .then_some(words.len())
        });
        if let Some(n) = intro_len {
            let mut j = i + n;
            if j < toks.len() && matches!(toks[j].norm.as_str(), "a" | "o" | "la" | "le" | "el") {
                j += 1;
            }
            // "It's Tomás from ..." says they know each other; "I'm Joe from Acme" and
            // "This is Joe from Acme" are how cold calls open, so those need a shared
            // place: "I'm Sid from the Brighton half".
            let knows = matches!(t.norm.as_str(), "it's" | "its" | "c'est" | "aqui" | "aquí")
                || (t.norm == "it" && n == 2);
            let shared_place = j + 2 < toks.len()
                && matches!(toks[j + 2].norm.as_str(), "the" | "our" | "your" | "my");
            if a_name(j) && from_at(j + 1) && (knows || shared_place) {
                return Some(Span {
                    start: t.start,
                    end: toks[j + 1].end,
                });
            }
        }
        // A sentence (or the note after its greeting) that opens "Sid from the ..." or "From the ...".
        let opens = i == 0 || toks[i - 1].end <= greeting_end || break_between(doc, i - 1, i);
        if opens
            && a_name(i)
            && from_at(i + 1)
            && i + 2 < toks.len()
            && matches!(
                toks[i + 2].norm.as_str(),
                "the" | "our" | "my" | "your" | "nights" | "days"
            )
        {
            return Some(Span {
                start: t.start,
                end: toks[i + 1].end,
            });
        }
        if opens
            && t.norm == "from"
            && i + 1 < toks.len()
            && matches!(toks[i + 1].norm.as_str(), "the" | "our")
        {
            return Some(Span {
                start: t.start,
                end: toks[i + 1].end,
            });
        }
    }
    None
}

/// Thanks or an apology for something that happened between them: "thank you for letting
/// me shadow you last Wednesday", "thanks for the cocoa market tips", "sorry again our
/// payment was late in April". Thanks that fit anyone ("thanks for your time",
/// "thank you for considering") do not count.
fn thanked(doc: &Doc) -> Option<Span> {
    let toks = &doc.tokens;
    for sentence in &doc.sentences {
        let first = toks.partition_point(|t| t.start < sentence.start);
        let end = toks.partition_point(|t| t.end <= sentence.end);
        let anchored = (first..end).any(|i| {
            ANCHORS.contains(&without_possessive(&toks[i].norm))
                || is_year(&doc.text[toks[i].start..toks[i].end])
        });
        for i in first..end {
            let w = toks[i].norm.as_str();
            let thanks = matches!(w, "thanks" | "thx" | "cheers")
                || (w == "thank" && i + 1 < end && toks[i + 1].norm == "you");
            let sorry = w == "sorry"
                && i + 1 < end
                && matches!(toks[i + 1].norm.as_str(), "again" | "for" | "about");
            if sorry && anchored {
                return Some(Span {
                    start: toks[i].start,
                    end: toks[i + 1].end,
                });
            }
            if !thanks {
                continue;
            }
            let Some(f) = (i + 1..(i + 3).min(end)).find(|&k| toks[k].norm == "for") else {
                continue;
            };
            if f + 1 >= end {
                continue;
            }
            // What they are thanked for: its content words, past the article or "your".
            let object: Vec<&str> = toks[f + 1..end]
                .iter()
                .map(|t| t.norm.as_str())
                .take_while(|w| !matches!(*w, "and" | "but" | "so"))
                .take(6)
                .collect();
            let content = object
                .iter()
                .filter(|w| !GENERIC_THANKED.contains(w))
                .count();
            let generic_start = GENERIC_THANKS.contains(&object[0]) && content == 0;
            if generic_start
                || matches!(
                    object[0],
                    "considering" | "accepting" | "connecting" | "reading"
                )
            {
                continue;
            }
            if anchored || content >= 2 {
                return Some(Span {
                    start: toks[i].start,
                    end: toks[f].end,
                });
            }
        }
    }
    None
}

/// Deeds done together or for the sender (see [`shared_past`]).
fn deeds(doc: &Doc) -> Option<Span> {
    let toks = &doc.tokens;
    let norm = |i: usize| toks[i].norm.as_str();
    for sentence in &doc.sentences {
        let first = toks.partition_point(|t| t.start < sentence.start);
        let end = toks.partition_point(|t| t.end <= sentence.end);
        if first >= end || (first..end).any(|i| CLIENT_WORDS.contains(&norm(i))) {
            continue;
        }
        // Worked out once per sentence, at the first word that needs them, so that a
        // sentence of 10,000 "you"s stays linear.
        let anchored_cell = std::cell::OnceCell::new();
        let anchored = || {
            *anchored_cell.get_or_init(|| {
                (first..end).any(|i| {
                    ANCHORS.contains(&without_possessive(norm(i)))
                        || is_year(&doc.text[toks[i].start..toks[i].end])
                        || norm(i) == "at"
                })
            })
        };
        let yours_cell = std::cell::OnceCell::new();
        let yours_or_weekday = || {
            *yours_cell.get_or_init(|| {
                (first..end).any(|k| {
                    matches!(
                        norm(k),
                        "your"
                            | "yours"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
                })
            })
        };
        let together_words = (first..end).any(|i| {
            norm(i) == "together" || (norm(i) == "each" && i + 1 < end && norm(i + 1) == "other")
        });
        let span = |i: usize, j: usize| Span {
            start: toks[i].start,
            end: toks[j].end,
        };
        for i in first..end {
            let w = norm(i);
            let we = matches!(w, "we" | "we've" | "we'd")
                || (w == "i" && i >= first + 2 && norm(i - 1) == "and" && norm(i - 2) == "you");
            // "We haven't met yet", "you never sent us": nothing shared.
            let negated = (i + 1..(i + 4).min(end)).any(|j| {
                let v = norm(j);
                v.ends_with("n't") || matches!(v, "not" | "never" | "havent" | "didnt" | "hasnt")
            });
            if negated {
                continue;
            }
            if we {
                // "we were on opposite sides of the Meyer arbitration last spring".
                if i + 2 < end
                    && matches!(norm(i + 1), "were" | "was")
                    && matches!(norm(i + 2), "on" | "at" | "in" | "both")
                    && anchored()
                {
                    return Some(span(i, i + 2));
                }
                let window = i + 1..(i + 4).min(end);
                if let Some(j) = window.clone().find(|&j| {
                    let v = norm(j);
                    (TOGETHER.contains(&v)
                        && (!v.ends_with("ing") || matches!(norm(j - 1), "was" | "were")))
                        || (together_words && is_past(v))
                }) {
                    return Some(span(i, j));
                }
            } else if w == "you" && anchored() {
                let Some(j) = (i + 1..(i + 3).min(end)).find(|&j| is_past(norm(j))) else {
                    continue;
                };
                if (j + 1..(j + 4).min(end)).any(|k| matches!(norm(k), "me" | "us" | "our" | "my"))
                {
                    return Some(span(i, j));
                }
            } else if w == "i"
                && i + 2 < end
                && norm(i + 1) == "was"
                && matches!(norm(i + 2), "the" | "one")
                && anchored()
            {
                return Some(span(i, i + 2));
            } else if matches!(w, "i'm" | "im")
                && i + 2 < end
                && (norm(i + 1) == "the" || (norm(i + 1) == "one" && norm(i + 2) == "of"))
            {
                // "I'm one of the Saturday food bank drivers", "I'm the parent rep for the
                // team your son plays in": the sender's place in their world.
                if yours_or_weekday() {
                    return Some(span(i, i + 2));
                }
            }
        }
    }
    None
}

/// A concrete detail in the sentence holding `span`, past the greeting (which ends at
/// `greeting_end`): a capitalised word that is not the sentence's first, a greeting word
/// or the recipient's name ("the Meyer arbitration", "the Sheffield UX book club"), a
/// year, or a quoted title. It pins a shared past or a how-found down to something
/// real. Counts ("12 mutual connections") do not count.
pub fn concrete_detail(
    doc: &Doc,
    span: Span,
    greeting_end: usize,
    recipient: Option<&str>,
) -> Option<Span> {
    let sentence = doc.sentence_at(span.start)?;
    let words = doc.tokens_within(sentence.start, sentence.end);
    let names: Vec<String> = recipient
        .map(|n| {
            n.split_whitespace()
                .map(|w| normalise_phrase(w.trim_matches(|c: char| !c.is_alphanumeric())))
                .collect()
        })
        .unwrap_or_default();
    for (k, t) in words.iter().enumerate() {
        let raw = &doc.text[t.start..t.end];
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let after_quote = doc.text[..t.start].ends_with(['"', '\u{201C}', '\'', '\u{2018}']);
        let named = k > 0
            && t.start >= greeting_end
            && (capital || after_quote)
            && !NOT_NAMES.contains(&t.norm.as_str())
            && !names
                .iter()
                .any(|n| *n == t.norm || *n == without_possessive(&t.norm));
        if named || is_year(raw) {
            return Some(Span {
                start: t.start,
                end: t.end,
            });
        }
    }
    None
}

/// Finds how the sender found or knows them.
pub fn detect(doc: &Doc, ctx: &Context) -> Option<Span> {
    detect_with(doc, &super::missing_specifics::company_mentions(doc, ctx))
}

/// [`detect`], given where the note names their company.
pub(crate) fn detect_with(doc: &Doc, company_mentions: &[Span]) -> Option<Span> {
    if doc.word_count() == 0 {
        return None;
    }
    let span = |(i, j): (usize, usize)| Span {
        start: doc.tokens[i].start,
        end: doc.tokens[j].end,
    };
    let not = doc.find(&NOT);
    earliest([
        doc.find_iter(&CONTEXT)
            .find(|h| !not.iter().any(|n| n.start < h.end && h.start < n.end))
            .map(|h| Span {
                start: h.start,
                end: h.end,
            }),
        owned_nouns(doc, &["your", "ur"], CONTENT, 3)
            .into_iter()
            .next()
            .map(span),
        owned_nouns(doc, &["the", "our"], COMMUNITIES, 4)
            .into_iter()
            .next()
            .map(span),
        owned_nouns(doc, &["our"], CONVERSATIONS, 2)
            .into_iter()
            .next()
            .map(span),
        knows_company(doc, company_mentions),
        seen_their(doc),
    ])
}

impl Rule for MissingContext {
    fn id(&self) -> &'static str {
        "missing-context"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        16
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        if cx.doc.word_count() == 0
            || cx.ctx.kind == Kind::Message
            || cx.signals.how_found.is_some()
        {
            return;
        }
        let at = after_greeting(cx.doc, cx.signals.greeting);
        out.push(cx.finding(
            self,
            Severity::Warning,
            at,
            at,
            "Say how you found or know them: an event, their post, a mutual connection or a shared group. Without it the request looks random.",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const RULE: &str = "missing-context";

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        detect(&doc, &Context::default()).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn fires_without_context() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I'm building a Rust linter and would value your view on caching.",
            "Hi Tom, let's connect!",
            "Hello, I came across your profile and would like to connect.",
            "Hi Ana, I'm a product manager looking to grow my network. Would love to connect.",
            "Hi Ana, I'd love to connect with fellow professionals like yourself for mutual growth.",
            "Hi Ana, I see we share similar interests and have a lot in common. Let's connect!",
            "Hi Ana, I admire your work. It would be a great opportunity to connect.",
            "Hi Ana, I saw your impressive profile and would love to connect.",
            "Hi Ana, I came across your background and would love to connect.",
            "Dear Mr. Lee, I am a final-year student and I am looking for internships.",
            "Hi, we help SaaS teams cut churn by 30%. Open to a quick call?",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn silent_with_context() {
        for text in [
            "Hi Sarah, I saw your talk at RustConf on incremental builds.",
            "Hi Sam, Priya Patel suggested I reach out about your work on search.",
            "Hey Jo, great chatting at the meetup last night!",
            "Hi Lena, fellow Michigan alum here, now working in climate tech.",
            "Hi Raj, we both worked at Stripe, though a few years apart.",
            "Hi Kim, I'm in the Rust Discord too and liked your answer on lifetimes.",
            "Hi Alex, I read your thoughtful newsletter on pricing.",
            "Hi Mo, we have a few mutual connections in fintech.",
            "Hi Eve, I came across your profile while researching grid storage startups.",
            "Hi Eve, we have a shared interest in grid storage.",
            "Hi Eve, I noticed your group published on hydrometallurgy last month.",
            "Hi Eve, I listened to your episode with Lex.",
            "Hi Eve, I'm also a charge nurse, on nights in Leeds.",
            "Hi Bea, we met at the Women in Data meetup.",
            "hi dan, it's lukas from tuesday pottery class",
            "Hi Ivy, I've been using your crate in production for a year.",
            "Hi Ivy, your council's retrofit pilot keeps coming up in my research.",
            "",
        ] {
            silent(RULE, text);
        }
    }

    #[test]
    fn following_their_company_counts() {
        let ctx = Context {
            recipient: crate::Recipient {
                company: Some("Acme".into()),
                ..Default::default()
            },
            ..Context::default()
        };
        let text = "Hi Sarah, I've been following Acme since the launch. Let's connect.";
        assert_eq!(count_with(RULE, text, &ctx), 0);
        assert_eq!(count_with(RULE, text, &Context::default()), 1);
    }

    #[test]
    fn silent_for_messages_to_connections() {
        let ctx = Context {
            kind: Kind::Message,
            ..Context::default()
        };
        assert_eq!(count_with(RULE, "Thanks for connecting, Sarah!", &ctx), 0);
    }

    #[test]
    fn detects_the_phrase_that_gives_context() {
        assert_eq!(
            found("Hi Sarah, what a RustConf talk yours was, your RustConf talk.").as_deref(),
            Some("your RustConf talk")
        );
        assert_eq!(
            found("Hi Sarah, loved your RustConf talk.").as_deref(),
            Some("loved your RustConf")
        );
        assert_eq!(
            found("Hi Sarah, I’m in the dbt Slack as well.").as_deref(),
            Some("the dbt Slack")
        );
        assert_eq!(
            found("Thanks for our chat at the booth.").as_deref(),
            Some("our chat")
        );
        assert_eq!(found("I came across your profile."), None);
        assert_eq!(found("Let's connect."), None);
        assert_eq!(found(""), None);
    }

    #[test]
    fn finding_points_after_the_greeting_without_a_fix() {
        let r = crate::analyze_bytes("Hi Sarah, let's connect.", &Context::default());
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!((f.start, f.end), (10, 10));
        assert_eq!(f.replacement, None);
    }

    #[test]
    fn variants_cover_contractions_and_spellings() {
        let v = variants("i'm also");
        assert!(v.contains(&"i am also".to_string()) && v.contains(&"im also".to_string()));
        assert!(variants("return the favor").contains(&"return the favour".to_string()));
    }
}

#[cfg(test)]
mod shared_past_tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        shared_past(&doc, 0, Some("Ana Ferreira")).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn finds_a_shared_past_by_its_shape() {
        for (text, span) in [
            ("We chatted in the coffee queue at KubeCon.", "We chatted"),
            (
                "Hi Piotr, we was talking at TransLogistica in Warsaw.",
                "we was talking",
            ),
            (
                "We did that volunteer project together for Habitat.",
                "We did",
            ),
            (
                "we talk on phone last week about the forklift training",
                "we talk",
            ),
            (
                "Hi Raj, we overlapped at Infosys Pune back in 2014-16.",
                "we overlapped",
            ),
            ("You and I sat on the same panel.", "I sat"),
            ("Thanks, you lent us a genny last week.", "you lent"),
            (
                "I was the stylist's assistant on set on Thursday.",
                "I was the",
            ),
            (
                "I was the one asking about sample sizes at your poster.",
                "I was the",
            ),
        ] {
            assert_eq!(found(text).as_deref(), Some(span), "{text}");
        }
    }

    #[test]
    fn a_concrete_detail_pins_the_context_down() {
        let detail = |text: &str| {
            let doc = Doc::new(text);
            concrete_detail(&doc, Span { start: 0, end: 1 }, 0, Some("Rob McAllister"))
                .map(|s| text[s.start..s.end].to_string())
        };
        assert_eq!(
            detail("Thanks for hosting the Sheffield UX book club, Rob.").as_deref(),
            Some("Sheffield")
        );
        assert_eq!(
            detail("We overlapped back in 2014.").as_deref(),
            Some("2014")
        );
        assert_eq!(
            detail("Loved your talk “Ship it”.").as_deref(),
            Some("Ship")
        );
        assert_eq!(
            detail("Hi Rob, I noticed we have 12 mutual connections."),
            None
        );
        assert_eq!(
            detail("Hi Rob, your post about leadership resonated with me."),
            None
        );
    }

    #[test]
    fn a_company_we_or_a_sales_claim_is_not_a_shared_past() {
        for text in [
            "We launched our new platform last week.",
            "We worked with 50 companies like yours last year.",
            "We helped three startups at Web Summit.",
            "We are talking to leaders in fintech.",
            "We were in touch.",
            "We haven't met yet but I feel like we already know each other.",
            "We never worked together, sadly.",
            "Thanks for your time and consideration.",
            "Thank you for considering my application last week.",
            "Thanks in advance!",
            "Thanks for reading, Ana.",
            "Hi Ana Ferreira from the marketing team, I sell CRM software.",
            "I'm Ana from Acme Sales.",
            "Hi Sarah, I'm Joe from Acme Corp. We help teams ship faster.",
            "This is Joe from Acme, a recruiting firm.",
            "I'm the founder of Acme, a CRM for dentists.",
            "I noticed you viewed my profile yesterday.",
            "I was the top seller.",
            "Would you like to chat?",
            "",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
