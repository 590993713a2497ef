//! `link-in-note`: a link in a connection request: `https://…`, `www.…`, a
//! shortener or scheduler (`bit.ly/…`, `calendly.com/…`, `lnkd.in/…`) or any domain
//! with a path (`acme.io/blog/post`). Only for invitations: once connected, sharing a
//! link in a message is normal.
//!
//! **Why it matters.** A link from a stranger looks like spam or phishing, and
//! invitations with links are the pattern automated outreach tools use; many people
//! decline them on sight. The seeds' advice is to build the relationship first and
//! share resources once you are engaged with each other. A bare domain without a path
//! ("I work at acme.io") names a company and is not flagged.
//!
//! **Example.** `Hi Sarah, loved your talk on wasm. Here's my portfolio: https://bo.dev/work`
//! **Fix**: the link goes, with its sentence when that sentence only introduced it:
//! `Hi Sarah, loved your talk on wasm.` Otherwise the link and a dangling "here:" or
//! "at" before it are removed: `I wrote about it at bo.dev/post and would love your take.`
//! becomes `I wrote about it and would love your take.`

use super::{Cx, Rule};
use crate::edits::remove_span;
use crate::lang::en::{LINK_HOSTS, TLDS};
use crate::report::{Category, Finding, Severity};
use crate::text::chunks;
use crate::Kind;

pub struct LinkInNote;

/// Characters that may end a URL in text but belong to the sentence.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '\u{201D}' | '\u{2019}' | '>'
    )
}

/// True for `host[/path]` text that is a link: a known shortener, or a domain with a path.
fn is_bare_link(s: &str) -> bool {
    if s.contains('@') {
        return false; // an e-mail address
    }
    let (host, path) = match s.find('/') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if !host.contains('.')
        || host
            .split('.')
            .any(|l| l.is_empty() || !l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        return false;
    }
    if LINK_HOSTS.iter().any(|h| on_host(host, h)) {
        return true; // "forms.gle/…": known hosts may have any top-level domain
    }
    // Case-sensitive on purpose: rejects "ASP.NET/Core".
    let tld = host.rsplit('.').next().unwrap_or_default();
    TLDS.contains(&tld) && path.chars().any(|c| c.is_alphanumeric())
}

/// True when `host` is `known` or one of its subdomains, ignoring ASCII case.
fn on_host(host: &str, known: &str) -> bool {
    let Some(cut) = host.len().checked_sub(known.len()) else {
        return false;
    };
    let host = host.as_bytes();
    host[cut..].eq_ignore_ascii_case(known.as_bytes()) && (cut == 0 || host[cut - 1] == b'.')
}

/// True when `s` starts with `prefix`, ignoring ASCII case.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The links in `text` as byte spans.
pub fn find_links(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // A link has a '.' or ':' inside a word; most notes have them only at the end of
    // one ("builds. I'm"), and then no word is read.
    let bytes = text.as_bytes();
    let inside = |i: usize| bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
    if !memchr::memchr2_iter(b'.', b':', bytes).any(inside) {
        return out;
    }
    for (start, chunk) in chunks(text) {
        // Every kind of link below has a '.' or a "://": most words have neither.
        if !chunk.bytes().any(|b| b == b'.' || b == b':') {
            continue;
        }
        let lead = chunk.len()
            - chunk
                .trim_start_matches(['(', '[', '<', '"', '\'', '\u{201C}', '\u{2018}'])
                .len();
        let mut s = &chunk[lead..];
        // Keep a closing bracket that belongs to the URL: "wiki/Rust_(language)".
        while let Some(c) = s.chars().last() {
            if is_trailing_punct(c) && !(c == ')' && s.contains('(')) {
                s = &s[..s.len() - c.len_utf8()];
            } else {
                break;
            }
        }
        let is_link =
            if starts_with_ignore_case(s, "http://") || starts_with_ignore_case(s, "https://") {
                s.len() > "https://".len()
            } else if starts_with_ignore_case(s, "www.") {
                s.len() > 4 && s[4..].contains('.')
            } else {
                is_bare_link(s)
            };
        if is_link {
            out.push((start + lead, start + lead + s.len()));
        }
    }
    out
}

impl Rule for LinkInNote {
    fn id(&self) -> &'static str {
        "link-in-note"
    }
    fn universal(&self) -> bool {
        true
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        5
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        if cx.ctx.kind != Kind::Invitation {
            return;
        }
        let message = "A link in a connection request looks like spam or phishing, and many people decline such requests on sight. Leave it out; share it once they've accepted and you're talking.";
        let greeting_end = cx.signals.greeting_end();
        for (start, end) in find_links(cx.doc.text) {
            match remove_span(cx.doc, greeting_end, start, end) {
                Some(e) => out.push(cx.finding(
                    self,
                    Severity::Warning,
                    e.start,
                    e.end,
                    message,
                    Some(e.text),
                )),
                None => out.push(cx.finding(self, Severity::Warning, start, end, message, None)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Context;

    const ID: &str = "link-in-note";

    fn links(text: &str) -> Vec<&str> {
        find_links(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn finds_links_and_trims_punctuation() {
        assert_eq!(links("See https://bo.dev/work."), ["https://bo.dev/work"]);
        assert_eq!(links("(www.acme.io)"), ["www.acme.io"]);
        assert_eq!(
            links("Book: calendly.com/bo/15min!"),
            ["calendly.com/bo/15min"]
        );
        assert_eq!(links("bit.ly/3xYz, thanks"), ["bit.ly/3xYz"]);
        assert_eq!(
            links("Survey: forms.gle/abc123 please"),
            ["forms.gle/abc123"]
        );
        assert_eq!(
            links("https://en.wikipedia.org/wiki/Rust_(language)"),
            ["https://en.wikipedia.org/wiki/Rust_(language)"]
        );
        assert!(links("I use Node.js/Deno and ASP.NET/Core daily.").is_empty());
        assert!(links("Mail me at bo@acme.io or see e.g. 2.5x growth at acme.io.").is_empty());
    }

    #[test]
    fn fires_on_links_in_invitations() {
        fires(ID, "Hi Sarah, here's my portfolio: https://bo.dev/work");
        fires(ID, "Grab a slot at calendly.com/bo/intro if useful.");
        fires(ID, "Check this out: bit.ly/3xYz");
        fires(ID, "My site is www.bo.dev and I'd love your feedback.");
        fires(ID, "Hi Sarah, I wrote about wasm linkers at bo.dev/posts/linkers and would love your take.");
        fires(ID, "See lnkd.in/abc for the deck.");
    }

    #[test]
    fn silent_without_links() {
        silent(ID, "Hi Sarah, loved your RustConf talk on wasm tooling.");
        silent(ID, "I lead data at acme.io and enjoyed your post on dbt.");
        silent(ID, "We use Node.js/TypeScript and C++/Rust.");
        silent(ID, "Reach me at bo@acme.io any time.");
        silent(ID, "Your 2.5x speed-up was impressive.");
        silent(ID, "");
    }

    #[test]
    fn silent_in_messages() {
        let ctx = Context {
            kind: Kind::Message,
            ..Context::default()
        };
        assert_eq!(
            count_with(
                ID,
                "Thanks for connecting! The deck: https://bo.dev/deck",
                &ctx
            ),
            0
        );
    }

    #[test]
    fn fix_removes_the_link() {
        assert_eq!(
            fixed(
                ID,
                "Hi Sarah, loved your talk on wasm. Here's my portfolio: https://bo.dev/work"
            ),
            "Hi Sarah, loved your talk on wasm."
        );
        assert_eq!(
            fixed(ID, "Hi Sarah, I wrote about wasm linkers at bo.dev/posts/linkers and would love your take."),
            "Hi Sarah, I wrote about wasm linkers and would love your take."
        );
        assert_eq!(
            fixed(ID, "Hi Sarah, loved your talk. I wrote a follow-up on linker errors here: https://bo.dev/p."),
            "Hi Sarah, loved your talk. I wrote a follow-up on linker errors."
        );
        assert_eq!(
            fixed(
                ID,
                "Book a time here https://calendly.com/bo. Loved your RustConf talk."
            ),
            "Loved your RustConf talk."
        );
    }

    #[test]
    fn a_link_mid_sentence_without_lead_in_has_no_fix() {
        let r = crate::analyze_bytes(
            "Hi Sarah, my bo.dev/linters project borrows your wasm ideas.",
            &Context::default(),
        );
        let f = r.findings.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!(f.replacement, None);
    }
}
