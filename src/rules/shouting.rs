//! `shouting`: words in capitals ("PLEASE READ THIS", "AMAZING") and piled-up
//! exclamation marks ("Great talk!!!", or more than two in one note). Acronyms are
//! fine: "AI", "SaaS", "NASA", "CTO", "ROI", "B2B", "AWS" and the like are not
//! shouting; nor is the recipient's company written the way they write it.
//!
//! **Why it matters.** The seeds ask for an authentic, approachable tone and respect
//! for the other person. Capitals read as shouting and a row of exclamation marks as
//! a sales message or over-excitement; both make a first note from a stranger feel
//! pushy rather than genuine.
//!
//! **Rule of thumb.** Two or more capitalised words of four or more letters in a row
//! are shouting, and so is a lone capitalised word of five or more letters that is not
//! a known acronym and reads as an English word: a commonly shouted word ("PLEASE",
//! "NEVER"), an English ending ("AMAZING", "REALLY", "EXCITED") or eight letters or
//! more. Other capitalised words ("FOSDEM", "KNUST", "HIMSS") are taken for the names
//! of organisations, and a lone four-letter one might be an acronym: both are left alone.
//!
//! **Example.** `Hi Sarah, I LOVED YOUR TALK!!! AMAZING work!`
//! **Fix**: `Hi Sarah, I loved your talk! Amazing work.` (each finding is fixed on its
//! own: capitals lower-cased, keeping a capital at the start of a sentence; "!!!"
//! reduced to "!"; a third exclamation mark becomes a full stop).

use super::{Cx, Rule};
use crate::edits::opens_sentence;
use crate::lang::en::{ACRONYMS, ENGLISH_ENDINGS, SHOUTED};
use crate::report::{Category, Finding, Severity};

pub struct Shouting;

/// Lone capitalised words this long are shouting even without an English ending.
const LONG_WORD: usize = 8;

/// True for a capitalised word that reads as an English word, not an acronym.
fn reads_as_word(word: &str) -> bool {
    let upper = crate::text::upper(word);
    SHOUTED.contains(&upper.as_str())
        || ENGLISH_ENDINGS.iter().any(|e| upper.ends_with(e))
        || letters(word) >= LONG_WORD
}

/// Runs of two or more capitalised words of at least this many letters are shouting.
const RUN_WORD: usize = 4;
/// A single capitalised word of at least this many letters is shouting.
const LONE_WORD: usize = 5;

fn is_acronym(word: &str, cx: &Cx) -> bool {
    let upper = crate::text::upper(word).replace('\u{2019}', "'");
    ACRONYMS.contains(&upper.as_str())
        || cx
            .ctx
            .recipient
            .company
            .as_deref()
            .is_some_and(|c| c.split_whitespace().any(|w| w == word))
}

/// True for a token written in capitals (letters only, at least one).
fn is_caps(word: &str) -> bool {
    // Most words fail the first test, on their first letter.
    word.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && word.chars().any(char::is_alphabetic)
        && !word.chars().any(|c| c.is_ascii_digit())
}

fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

/// Normal case for a capitalised word: acronyms kept, "I" kept, first letter
/// capitalised when it opens a sentence.
fn normal_case(word: &str, first: bool, cx: &Cx) -> String {
    if is_acronym(word, cx) {
        return word.to_string();
    }
    let lower = crate::text::lower(word);
    let pronoun = lower == "i" || lower.starts_with("i'") || lower.starts_with("i\u{2019}");
    if first || pronoun {
        let mut c = lower.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => lower,
        }
    } else {
        lower
    }
}

/// Runs of capitalised words that read as shouting, as token index ranges.
fn caps_runs(cx: &Cx) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    // "%FIRSTNAME%", "{COMPANY}", "COMPANY_NAME", "INSERT_TOPIC" are template fields
    // (`unfilled-placeholder` reports them), not shouting: lower-cased, they would no
    // longer read as fields.
    let in_field = |k: usize| {
        let t = &doc.tokens[k];
        let before = doc.text[..t.start].chars().next_back();
        let after = doc.text[t.end..].chars().next();
        matches!(before, Some('%' | '{' | '[' | '<'))
            || matches!(after, Some('%' | '}' | ']' | '>'))
            || cx
                .signals
                .fields
                .iter()
                .any(|&(s, e, _)| s <= t.start && t.end <= e)
    };

    let caps =
        |k: usize| is_caps(&doc.text[doc.tokens[k].start..doc.tokens[k].end]) && !in_field(k);
    let word = |k: usize| &doc.text[doc.tokens[k].start..doc.tokens[k].end];
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !caps(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < doc.tokens.len()
            && caps(j)
            && !doc.text[doc.tokens[j - 1].end..doc.tokens[j].start]
                .contains(['.', '!', '?', '\n', '…'])
        {
            j += 1;
        }
        let shouty: Vec<&str> = (i..j)
            .map(word)
            .filter(|w| !is_acronym(w, cx) && letters(w) >= RUN_WORD)
            .collect();
        if shouty.len() >= 2
            || shouty
                .iter()
                .any(|w| letters(w) >= LONE_WORD && reads_as_word(w))
        {
            out.push((i, j));
        }
        i = j;
    }
    out
}

/// Groups of '!' (with any '?' beside them) as `(start, end, bangs, has_question)`.
fn bang_groups(text: &str) -> Vec<(usize, usize, usize, bool)> {
    let mut out = Vec::new();
    // Byte by byte: no byte of another character can be mistaken for the ASCII '!' or '?'
    // (`memchr2` skips to the next of either, several bytes at a time).
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(k) = memchr::memchr2(b'!', b'?', &bytes[at..]) {
        let i = at + k;
        let mut end = i;
        let (mut bangs, mut question) = (0, false);
        while let Some(&d) = bytes.get(end).filter(|&&d| d == b'!' || d == b'?') {
            bangs += usize::from(d == b'!');
            question |= d == b'?';
            end += 1;
        }
        at = end;
        if bangs > 0 {
            out.push((i, end, bangs, question));
        }
    }
    out
}

impl Rule for Shouting {
    fn id(&self) -> &'static str {
        "shouting"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        5
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for (i, j) in caps_runs(cx) {
            let (start, end) = (doc.tokens[i].start, doc.tokens[j - 1].end);
            let mut fixed = String::with_capacity(end - start);
            let mut at = start;
            for k in i..j {
                let t = &doc.tokens[k];
                fixed.push_str(&doc.text[at..t.start]);
                let first = k == i && opens_sentence(doc, t.start);
                fixed.push_str(&normal_case(&doc.text[t.start..t.end], first, cx));
                at = t.end;
            }
            let shown = &doc.text[start..end];
            out.push(cx.finding(
                self,
                Severity::Warning,
                start,
                end,
                format!("“{shown}” in capitals reads as shouting. Write it in normal case and let what you say carry the enthusiasm."),
                Some(fixed),
            ));
        }
        for (n, (start, end, bangs, question)) in bang_groups(doc.text).into_iter().enumerate() {
            let excess = n >= 2;
            if bangs < 2 && !excess {
                continue;
            }
            let (replacement, message) = if excess {
                (
                    if question { "?" } else { "." },
                    "More than two exclamation marks read as over-excited or salesy. Use one at most.",
                )
            } else {
                (
                    if question { "?" } else { "!" },
                    "Two or more exclamation marks in a row can look over-excited. One is plenty.",
                )
            };
            out.push(cx.finding(
                self,
                Severity::Suggestion,
                start,
                end,
                message,
                Some(replacement.to_string()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::{Context, Recipient};

    const ID: &str = "shouting";

    #[test]
    fn word_lists_are_upper_case() {
        assert!(ACRONYMS.iter().all(|a| a.to_uppercase() == *a));
        assert!(SHOUTED.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn fires_on_capitals_and_exclamation_marks() {
        fires(ID, "Hi Sarah, PLEASE READ THIS.");
        fires(ID, "Your talk was AMAZING.");
        fires(ID, "I LOVE YOUR WORK on wasm.");
        fires(ID, "Great talk!!");
        fires(ID, "Hi Sarah! Loved the talk! Let's chat!");
        fires(ID, "Really?!! That's wild.");
        fires(ID, "DO NOT MISS THIS offer.");
        fires(ID, "I'm REALLY keen, PLEASE accept.");
        fires(ID, "This is CONFIDENTIAL.");
    }

    #[test]
    fn silent_on_acronyms_and_calm_notes() {
        silent(ID, "Hi Sarah, loved your talk on AI in SaaS at NASA's JPL.");
        silent(
            ID,
            "As CTO you must care about ROI and B2B churn; how does AWS fit in?",
        );
        silent(ID, "Your HUGE win at the hackathon was great.");
        silent(ID, "Loved your GDPR and HIPAA thread! What's next?");
        silent(ID, "I work with K8S and WASM daily.");
        silent(
            ID,
            "Great meeting you at FOSDEM; your HIMSS talk was great too.",
        );
        silent(
            ID,
            "Hi %FIRSTNAME%, loved your talk at {COMPANY} and [CONFERENCE].",
        );
        // Fields without brackets: lower-cased, they would hide the unfilled field.
        silent(
            ID,
            "Hello FIRSTNAME, I see that you are the COMPANY_ROLE at COMPANY_NAME.",
        );
        silent(
            ID,
            "Hi Rachel, I saw your post about INSERT_TOPIC and loved it.",
        );
        silent(ID, "Hi Sarah! Congrats on the launch!");
        silent(ID, "");
    }

    #[test]
    fn the_recipients_company_is_not_shouting() {
        let ctx = Context {
            recipient: Recipient {
                name: Some("Sarah Chen".into()),
                company: Some("ACMECORP".into()),
                headline: None,
            },
            ..Context::default()
        };
        assert_eq!(
            count_with(ID, "Hi Sarah, your work at ACMECORP is great.", &ctx),
            0
        );
        assert_eq!(count(ID, "Hi Sarah, your work at ACMECORP is great."), 1);
    }

    #[test]
    fn fixes_lower_case_and_trim_marks() {
        assert_eq!(
            fixed(ID, "Hi Sarah, PLEASE READ THIS."),
            "Hi Sarah, please read this."
        );
        assert_eq!(fixed(ID, "AMAZING talk, Sarah."), "Amazing talk, Sarah.");
        assert_eq!(
            fixed(ID, "Hi Sarah, I LOVE YOUR AI WORK."),
            "Hi Sarah, I love your AI work."
        );
        assert_eq!(fixed(ID, "Great talk!!!"), "Great talk!");
        assert_eq!(
            fixed(ID, "Hi! Loved it! Let's chat!"),
            "Hi! Loved it! Let's chat."
        );
        assert_eq!(fixed(ID, "Really?!!"), "Really?");
        assert_eq!(
            fixed(ID, "I'M SO EXCITED to connect."),
            "I'm so excited to connect."
        );
        // A bare field inside a shouted run stays as typed: unfilled-placeholder reads it.
        assert_eq!(
            fixed(ID, "Hi Sarah, PLEASE JOIN THE COMPANY_NAME team."),
            "Hi Sarah, please join the COMPANY_NAME team."
        );
    }
}
