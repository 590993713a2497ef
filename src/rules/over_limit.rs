//! `over-limit`: the note is longer than LinkedIn allows (`Context::limit`, counted
//! in UTF-16 code units as the compose box counts them: an emoji is 2).
//!
//! **Why it matters.** LinkedIn's invitation box takes 200 characters on a free
//! account and 300 on Premium; a longer note is cut off or cannot be sent, so the
//! carefully placed question at the end never arrives. An error, and the score is
//! capped at 40 until it fits.
//!
//! **Example** (limit 200): a 260-character note that opens `Hi Sarah, I am writing to
//! you today to say that I loved your RustConf talk…` and ends with a sign-off.
//! **Fix**: one replacement for the whole text that fits: filler shortened
//! ("I am writing to you today to say" → "I'd like to say", see `filler`) and
//! whitespace collapsed; if still too long, whole sentences dropped from the end,
//! keeping the greeting, the first sentence and any question as long as possible;
//! as a last resort the text is cut at a word boundary, with "…" when it fits.
//! For a huge paste of which only the start was analysed, the replacement covers the
//! whole text and is built from the analysed start.

use super::{Cx, Rule};
use crate::edits;
use crate::report::{Category, Finding, Severity};
use crate::text::{utf16_len, Doc};

pub struct OverLimit;

/// The cap while the note does not fit.
const CAP: u8 = 40;

/// Folds runs of whitespace to one space, or one line break when the run holds one.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<char> = None;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            let brk = c == '\n' || c == '\r';
            pending = Some(if brk || pending == Some('\n') {
                '\n'
            } else {
                ' '
            });
        } else {
            if let Some(p) = pending.take() {
                out.push(p);
            }
            out.push(c);
        }
    }
    out
}

fn is_question(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', ')', '\u{201D}'])
        .ends_with('?')
}

/// Keeps the opening and drops sentences from the end (statements first, then
/// questions) until the text fits; returns the text, which may still be too long.
fn drop_sentences(text: &str, limit: usize) -> String {
    let doc = Doc::new(text);
    let s = &doc.sentences;
    if s.len() < 2 {
        return text.to_string();
    }
    // A greeting on its own ("Hi Sarah," or "Hi Sarah!") also keeps the sentence after it.
    let greeting_only =
        crate::signals::greeting::detect(&doc, None).is_some_and(|g| g.end >= s[0].end);
    let protect = if greeting_only { 1 } else { 0 };
    let sep = |i: usize| {
        if i == 0 {
            ""
        } else {
            &text[s[i - 1].end..s[i].start]
        }
    };
    let cost = |i: usize| utf16_len(sep(i)) + utf16_len(&text[s[i].start..s[i].end]);
    let mut kept = vec![true; s.len()];
    let mut total: usize = (0..s.len()).map(cost).sum();
    for questions in [false, true] {
        for i in (protect + 1..s.len()).rev() {
            if total <= limit {
                break;
            }
            if kept[i] && is_question(&text[s[i].start..s[i].end]) == questions {
                kept[i] = false;
                total -= cost(i);
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    for i in (0..s.len()).filter(|&i| kept[i]) {
        if !out.is_empty() {
            out.push_str(sep(i));
        }
        out.push_str(&text[s[i].start..s[i].end]);
    }
    out
}

/// Cuts `text` to at most `limit` UTF-16 units at a word boundary, with "…" unless
/// it ends a sentence. A single word longer than the limit is cut inside.
fn cut_to_fit(text: &str, limit: usize) -> String {
    if utf16_len(text) <= limit {
        return text.to_string();
    }
    if limit == 0 {
        return String::new();
    }
    let budget = limit - 1; // room for "…"
    let mut units = 0;
    let mut boundary = None;
    let mut inside = 0;
    for (i, c) in text.char_indices() {
        if units > budget {
            break;
        }
        if c.is_whitespace() {
            boundary = Some(i);
        }
        if units + c.len_utf16() <= budget {
            inside = i + c.len_utf8();
        }
        units += c.len_utf16();
    }
    let head = boundary
        .map(|b| {
            text[..b]
                .trim_end()
                .trim_end_matches([',', ';', ':', '-', '\u{2013}', '\u{2014}', '(', '/'])
                .trim_end()
        })
        .filter(|h| !h.is_empty())
        .unwrap_or(&text[..inside]);
    if head.ends_with(['.', '!', '?', '…']) {
        head.to_string()
    } else {
        format!("{head}…")
    }
}

/// A version of the note that fits `limit`: filler shortened, whitespace collapsed,
/// closing sentences dropped, and as a last resort cut at a word boundary.
pub fn shorten(doc: &Doc, greeting_end: Option<usize>, limit: usize) -> String {
    let text = collapse(&edits::apply(
        doc.text,
        &crate::signals::wordy::edits(doc, greeting_end),
    ));
    if utf16_len(&text) <= limit {
        return text;
    }
    cut_to_fit(&drop_sentences(&text, limit), limit)
}

impl Rule for OverLimit {
    fn id(&self) -> &'static str {
        "over-limit"
    }
    fn universal(&self) -> bool {
        true
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        15
    }
    fn cap(&self, _cx: &Cx) -> Option<u8> {
        Some(CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let limit = cx.ctx.limit;
        if cx.length <= limit {
            return;
        }
        let over = cx.length - limit;
        let message = format!(
            "This note is {} characters, {over} over LinkedIn's {limit}-character limit, so it won't send as it is. The fix trims filler, then drops sentences until it fits: check it still says what you meant.",
            cx.length
        );
        let greeting_end = cx.signals.greeting_end();
        let replacement = shorten(cx.doc, greeting_end, limit);
        // The span covers the whole text, including any part beyond what was analysed.
        let end = cx.full_text.len().max(cx.doc.text.len());
        out.push(cx.finding(self, Severity::Error, 0, end, message, Some(replacement)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::{Context, FREE_LIMIT};

    const ID: &str = "over-limit";

    fn free() -> Context {
        Context {
            limit: FREE_LIMIT,
            ..Context::default()
        }
    }

    /// A note of exactly `n` ASCII characters.
    fn note(n: usize) -> String {
        let mut s = String::from("Hi Sarah, ");
        while s.len() < n {
            s.push_str("word ");
        }
        s.truncate(n);
        s
    }

    #[test]
    fn fires_over_the_limit() {
        fires(ID, &note(301));
        fires(ID, &"a".repeat(1000));
        fires(ID, &"👋".repeat(151)); // 302 units
        fires(ID, &format!("{}é", note(300)));
        assert_eq!(count_with(ID, &note(201), &free()), 1);
        assert_eq!(count_with(ID, &"🚀".repeat(101), &free()), 1);
    }

    #[test]
    fn silent_within_the_limit() {
        silent(ID, &note(300));
        silent(ID, &"👋".repeat(150)); // exactly 300 units
        silent(ID, &"é".repeat(300)); // 300 units, 600 bytes
        silent(ID, "Hi Sarah, loved your RustConf talk on wasm tooling.");
        silent(ID, "");
        assert_eq!(count_with(ID, &note(200), &free()), 0);
    }

    #[test]
    fn is_an_error_that_caps_the_score() {
        let text = format!("Hi Sarah, I loved your RustConf talk on wasm tooling and the linker part. I'm building a linter and happy to share our benchmarks. {} How do you test the linker?", "More detail here. ".repeat(12));
        let r = crate::analyze(&text, &Context::default());
        let f = r.findings.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("over LinkedIn's 300-character limit"));
        assert!(r.score.unwrap() <= CAP);
    }

    #[test]
    fn fix_trims_filler_first() {
        let text = "Hi Sarah, I am writing to you today to say that I loved your talk on wasm tooling. In order to learn more, I read your posts on linker errors. I'm building a linter and would love to compare notes. How do you test yours?";
        assert!(utf16_len(text) > FREE_LIMIT);
        let out = fixed_with(ID, text, &free());
        assert_eq!(out, "Hi Sarah, I'd like to say that I loved your talk on wasm tooling. To learn more, I read your posts on linker errors. I'm building a linter and would love to compare notes. How do you test yours?");
        assert!(utf16_len(&out) <= FREE_LIMIT);
    }

    #[test]
    fn fix_drops_closing_sentences_but_keeps_greeting_and_question() {
        let text = "Hi Sarah,\n\nI loved your RustConf talk on wasm tooling and the part on linker errors. How do you test your linker? I'm building a linter in Rust. We have 40 rules. We ship weekly. Our users are mostly students.\n\nBest,\nBo";
        let out = fixed_with(ID, text, &free());
        assert!(utf16_len(&out) <= FREE_LIMIT, "{out}");
        assert!(
            out.starts_with("Hi Sarah,\nI loved your RustConf talk"),
            "{out}"
        );
        assert!(out.contains("How do you test your linker?"), "{out}");
        assert!(!out.contains("Bo"), "{out}");
    }

    #[test]
    fn fix_cuts_one_long_sentence_at_a_word_boundary() {
        let text = format!("Hi Sarah, {}", "I really enjoyed the talk ".repeat(20));
        let out = fixed_with(ID, &text, &free());
        assert!(utf16_len(&out) <= FREE_LIMIT);
        assert!(
            out.ends_with("talk…")
                || out.ends_with("I…")
                || out.ends_with("really…")
                || out.ends_with("enjoyed…")
                || out.ends_with("the…"),
            "{out}"
        );
        assert!(text.starts_with(out.trim_end_matches('…')));
    }

    #[test]
    fn fix_counts_emoji_and_accents_in_utf16() {
        let text = format!("Hi José, {}", "café 🚀 ".repeat(60));
        let out = fixed_with(ID, &text, &free());
        assert!(utf16_len(&out) <= FREE_LIMIT, "{}", utf16_len(&out));
        assert!(out.ends_with('…'));
        let text = "🚀".repeat(400); // one "word" with no boundary
        let out = fixed(ID, &text);
        assert!(utf16_len(&out) <= 300);
        assert!(out.starts_with("🚀🚀"));
    }

    #[test]
    fn fix_fits_a_truncated_huge_paste() {
        let text = "Hi Sarah, I loved your talk. ".repeat(4000); // > 64 KiB
        assert!(text.len() > crate::MAX_ANALYZED_BYTES);
        let r = crate::analyze_bytes(&text, &Context::default());
        assert!(r.truncated);
        let f = r.findings.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!((f.start, f.end), (0, text.len()));
        let out = fixed(ID, &text);
        assert!(utf16_len(&out) <= 300);
        assert!(out.starts_with("Hi Sarah, I loved your talk."));
    }

    #[test]
    fn cut_to_fit_edge_cases() {
        assert_eq!(cut_to_fit("abc def", 0), "");
        assert_eq!(cut_to_fit("abc def", 7), "abc def");
        assert_eq!(cut_to_fit("abc def", 6), "abc…");
        assert_eq!(cut_to_fit("Done. And more", 8), "Done.");
        assert_eq!(cut_to_fit("abcdef", 4), "abc…");
        assert_eq!(cut_to_fit("first, second", 9), "first…");
    }

    #[test]
    fn collapse_keeps_single_line_breaks() {
        assert_eq!(
            collapse("  Hi Sarah,\r\n\r\n  loved   it \t too.  "),
            "Hi Sarah,\nloved it too."
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn the_fix_always_fits(text in "[a-wyzé🚀 .,?!\n]{0,600}", limit in 0usize..320) {
                let ctx = Context { limit, ..Context::default() };
                let r = crate::analyze_bytes(&text, &ctx);
                if let Some(f) = r.findings.iter().find(|f| f.rule == ID) {
                    let out = f.apply(&text, crate::Units::Bytes).unwrap();
                    prop_assert!(utf16_len(&out) <= limit, "{:?} -> {:?}", text, out);
                } else {
                    prop_assert!(utf16_len(&text) <= limit);
                }
            }
        }
    }
}
