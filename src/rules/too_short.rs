//! `too-short`: a note far too short to say anything: fewer than 8 words or under
//! 40 characters (an invitation), or an empty note. A message to someone already
//! connected may be short ("Thanks for connecting, Sarah!") and is only flagged
//! under 4 words.
//!
//! **Why it matters.** The seeds' connection request carries three things: how you
//! found the person, why you want to connect (your intention, stated upfront) and
//! something that shows genuine interest in their work. "Hi!" or "Let's connect"
//! carries none of them; it is a generic request in all but name. Two short
//! sentences fit easily in the 200 characters of a free account.
//!
//! **Example.** `Hi Sarah, let's connect!`
//! **Fix** (written by hand, so no mechanical fix): `Hi Sarah, I enjoyed your
//! RustConf talk on wasm tooling. I'm building a linter and would love to swap notes;
//! how do you test yours?`

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::text::utf16_len;
use crate::Kind;

pub struct TooShort;

/// An invitation with fewer words than this is too short.
const MIN_WORDS: usize = 8;
/// An invitation shorter than this many UTF-16 units is too short.
const MIN_UNITS: usize = 40;
/// A message with fewer words than this is too short.
const MIN_MESSAGE_WORDS: usize = 4;

impl Rule for TooShort {
    fn id(&self) -> &'static str {
        "too-short"
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        15
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let text = cx.doc.text;
        let trimmed = text.trim();
        let words = cx.doc.word_count();
        if trimmed.is_empty() {
            let message = match cx.ctx.kind {
                Kind::Invitation => "The note is empty. Add two short sentences: greet them by name, say how you found them and what you liked about their work, and why you'd like to connect.",
                Kind::Message => "The message is empty. Say why you're writing: thank them, follow up on what you talked about, or ask a light question.",
            };
            out.push(cx.finding(self, Severity::Warning, 0, 0, message, None));
            return;
        }
        // A UTF-16 unit takes at most three bytes: a longer note is long enough in units.
        let short_units = || trimmed.len() < 3 * MIN_UNITS && utf16_len(trimmed) < MIN_UNITS;
        let short = match cx.ctx.kind {
            Kind::Invitation => words < MIN_WORDS || short_units(),
            Kind::Message => words < MIN_MESSAGE_WORDS,
        };
        if !short {
            return;
        }
        let start = text.len() - text.trim_start().len();
        let end = start + trimmed.len();
        let plural = if words == 1 { "" } else { "s" };
        let message = match cx.ctx.kind {
            Kind::Invitation => format!(
                "At {words} word{plural}, this note is too short to tell them who you are or why you're writing. Two or three short sentences fit in {} characters.",
                cx.ctx.limit
            ),
            Kind::Message => format!(
                "At {words} word{plural} this message says too little to start a conversation. Add why you're writing or a light question."
            ),
        };
        out.push(cx.finding(self, Severity::Warning, start, end, message, None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Context;

    const ID: &str = "too-short";

    #[test]
    fn fires_on_notes_that_say_nothing() {
        fires(ID, "");
        fires(ID, "   \n ");
        fires(ID, "Hi!");
        fires(ID, "Hi Sarah, let's connect!");
        fires(ID, "Great talk at RustConf, Sarah.");
        fires(ID, "👋👋👋");
        fires(ID, "Hi Al, we met at the gig, ok?");
    }

    #[test]
    fn silent_on_notes_that_say_something() {
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk on wasm. Let's connect!",
        );
        silent(
            ID,
            "Hi Sarah, I enjoyed your RustConf talk on wasm tooling. How do you test the linker?",
        );
        silent(
            ID,
            "Loved your post on payment retries; we hit the same bug at Acme.",
        );
        silent(
            ID,
            "Hi José, félicitations pour la conférence sur Rust à Lyon !",
        );
        silent(
            ID,
            "We met at the Berlin Rust meetup last week, great chat.",
        );
    }

    #[test]
    fn messages_may_be_short() {
        let ctx = Context {
            kind: Kind::Message,
            ..Context::default()
        };
        assert_eq!(count_with(ID, "Thanks for connecting, Sarah!", &ctx), 0);
        assert_eq!(count_with(ID, "Thanks!", &ctx), 1);
        assert_eq!(count_with(ID, "", &ctx), 1);
    }

    #[test]
    fn has_no_fix_and_spans_the_text() {
        let text = "  Hi Sarah!  ";
        let r = crate::analyze_bytes(text, &Context::default());
        let f = r.findings.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!(f.replacement, None);
        assert_eq!(&text[f.start..f.end], "Hi Sarah!");
        let empty = crate::analyze_bytes("", &Context::default());
        let f = empty.findings.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!((f.start, f.end), (0, 0));
        assert!(f.message.contains("empty"));
    }
}
