//! `missing-greeting`: the note does not greet the person by name.
//!
//! **Why it matters.** The seeds' first rule for connection requests is to
//! personalise; a name is the smallest proof the note was written for this person
//! and not sent to a list.
//!
//! **Example.** `I enjoyed your talk on Rust tooling at RustConf.`
//! **Fix** (recipient Sarah Chen): `Hi Sarah, I enjoyed your talk on Rust tooling at RustConf.`
//! `Hi there,` becomes `Hi Sarah,`; `Hello Professor,` keeps its title, `Hello Professor
//! Chen,`. Without a known name the finding has no fix.
//! Their name elsewhere counts too: `Great meeting you at the 10k, Ravi.`

use super::{Cx, Rule};
use crate::lang::en::{HONORIFICS, LOWERABLE};
use crate::report::{Category, Finding, Severity};
#[allow(unused_imports)]
use crate::signals::greeting::named_elsewhere;
use crate::signals::Greeting;
use crate::text::utf16_len;

pub struct MissingGreeting;

impl Rule for MissingGreeting {
    fn id(&self) -> &'static str {
        "missing-greeting"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        8
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.word_count() == 0 {
            return;
        }
        let first_name = cx.ctx.recipient.first_name();
        if !matches!(cx.signals.greeting, Some(Greeting { name: Some(_), .. }))
            && named_elsewhere(doc, cx.ctx)
        {
            return;
        }
        // A name that would push a note that fits over the limit is not offered: the
        // fix must not trade a warning for an error.
        let mut push = |start: usize, end: usize, replacement: Option<String>| {
            let grown = |r: &String| cx.length - utf16_len(&doc.text[start..end]) + utf16_len(r);
            let room = cx.length > cx.ctx.limit
                || replacement
                    .as_ref()
                    .is_none_or(|r| grown(r) <= cx.ctx.limit);
            let message = if room {
                "Greet them by name: a name shows the note was written for them, not sent to a list."
            } else {
                "Greet them by name: a name shows the note was written for them, not sent to a list. The note is at its limit: make room first."
            };
            let replacement = replacement.filter(|_| room);
            out.push(cx.finding(self, Severity::Warning, start, end, message, replacement));
        };
        match cx.signals.greeting {
            Some(Greeting { name: Some(_), .. }) => {}
            Some(g) => {
                // "Hi {first_name}," : the template field is the name, and
                // unfilled-placeholder fills it; a second name would double it.
                let rest = doc.text[g.word.end..].trim_start();
                let field_at = doc.text.len() - rest.len();
                if cx.signals.fields.iter().any(|&(s, _, _)| s == field_at) {
                    return;
                }
                // "Hello Professor," keeps its title with their surname: "Hello Professor
                // Haugen," (a first name in its place would drop the respect it shows).
                let next = doc.tokens.partition_point(|t| t.start < g.word.end);
                let title = doc.tokens.get(next).filter(|t| {
                    doc.text[g.word.end..t.start].trim_matches(' ').is_empty()
                        && HONORIFICS.has(t)
                        // Words that greet anyone give way to the first name.
                        && !matches!(
                            t.norm.as_str(),
                            "sir" | "ma'am" | "maam" | "mam" | "ma" | "madam" | "dame"
                        )
                });
                let surname = cx.ctx.recipient.surname();
                let (end, replacement) = match (first_name, title.zip(surname)) {
                    (Some(_), Some((t, surname))) => {
                        // "Dear Dr.," keeps its full stop: "Dear Dr. Chen,".
                        let end = t.end + usize::from(doc.text[t.end..].starts_with('.'));
                        let greet = &doc.text[g.word.start..end];
                        (end, Some(format!("{greet} {surname}")))
                    }
                    (Some(n), None) => {
                        // Replace "Hi there" with "Hi Sarah", keeping the punctuation.
                        let greet = &doc.text[g.word.start..g.word.end];
                        let named_end = doc.text
                            [..cx.signals.greeting_end().unwrap_or(g.end).max(g.end)]
                            .trim_end_matches(crate::text::is_greeting_punct);
                        // "Hello" then the note: "Hello John," so the next words do not run on.
                        let next = doc.text[named_end.len()..].trim_start_matches([' ', '\t']);
                        let runs_on = next.chars().next().is_some_and(char::is_alphanumeric);
                        let comma = if runs_on || next.is_empty() { "," } else { "" };
                        (named_end.len(), Some(format!("{greet} {n}{comma}")))
                    }
                    (None, _) => (g.end, None),
                };
                push(g.word.start, end, replacement);
            }
            None => {
                let replacement = first_name.map(|n| {
                    // "Respected Madam," to someone whose name we know: their name in its
                    // place, not a second greeting before it.
                    if let Some(e) = cx.signals.salutation_end {
                        let bare = doc.text[..e].trim_end_matches(crate::text::is_greeting_punct);
                        let comma = if bare.len() == e { "," } else { "" };
                        return (format!("Hi {n}{comma}"), bare.len());
                    }
                    let t = &doc.tokens[0];
                    let word = &doc.text[t.start..t.end];
                    if t.start == 0 && LOWERABLE.has(t) {
                        (format!("Hi {n}, {}", crate::text::lower(word)), t.end)
                    } else {
                        (format!("Hi {n}, "), 0)
                    }
                });
                match replacement {
                    Some((text, end)) => push(0, end, Some(text)),
                    None => push(0, 0, None),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::signals::greeting::detect;
    use crate::text::Doc;

    use crate::rules::testing::*;

    fn greeting(text: &str) -> Option<(String, Option<String>)> {
        let doc = Doc::new(text);
        detect(&doc, None).map(|g| {
            (
                text[g.word.start..g.end].to_string(),
                g.name.map(|n| text[n.start..n.end].to_string()),
            )
        })
    }

    #[test]
    fn a_title_keeps_its_title_with_their_surname() {
        let ctx = ctx_for("Ingrid Haugen");
        assert_eq!(
            fixed_with(
                "missing-greeting",
                "Hello Professor, I was in your 2019 class on kelp forests.",
                &ctx
            ),
            "Hello Professor Haugen, I was in your 2019 class on kelp forests."
        );
        assert_eq!(
            fixed_with("missing-greeting", "Dear Dr., thanks for the talk.", &ctx),
            "Dear Dr. Haugen, thanks for the talk."
        );
        assert_eq!(
            fixed_with(
                "missing-greeting",
                "Dear Dr., thanks for the talk.",
                &ctx_for("Ingrid Haugen, PhD (she/her)")
            ),
            "Dear Dr. Haugen, thanks for the talk."
        );
        // A word that greets anyone gives way to the first name.
        assert_eq!(
            fixed_with("missing-greeting", "Hi there, thanks for the talk.", &ctx),
            "Hi Ingrid, thanks for the talk."
        );
    }

    #[test]
    fn detects_greetings_and_names() {
        assert_eq!(
            greeting("Hi Sarah, great talk"),
            Some(("Hi Sarah,".into(), Some("Sarah".into())))
        );
        assert_eq!(
            greeting("Dear Dr. Chen - loved it"),
            Some(("Dear Dr. Chen -".into(), Some("Dr. Chen".into())))
        );
        assert_eq!(
            greeting("Hello Anne Marie! I read"),
            Some(("Hello Anne Marie!".into(), Some("Anne Marie".into())))
        );
        assert_eq!(
            greeting("Hi there, I read"),
            Some(("Hi there,".into(), None))
        );
        assert_eq!(
            greeting("Good morning José, I read"),
            Some(("Good morning José,".into(), Some("José".into())))
        );
        // Greetings from other languages that open English notes.
        for (text, opened) in [
            ("Servus Matthias, great singing", "Servus Matthias,"),
            ("Merhaba Ayşe, we met", "Merhaba Ayşe,"),
            ("Kia ora Aroha, we met", "Kia ora Aroha,"),
            ("G'day Bruce, we met", "G'day Bruce,"),
            ("Grüß Gott Frau Gruber, so nice", "Grüß Gott Frau Gruber,"),
            ("Grüezi Herr Meier, we met", "Grüezi Herr Meier,"),
        ] {
            assert_eq!(
                greeting(text).map(|g| g.0).as_deref(),
                Some(opened),
                "{text}"
            );
        }
        assert_eq!(greeting("Hi, I'm Bo"), Some(("Hi,".into(), None)));
        assert_eq!(greeting("I saw your post"), None);
        assert_eq!(greeting("Ship it, hi"), None);
    }

    #[test]
    fn a_name_elsewhere_counts() {
        silent(
            "missing-greeting",
            "Nice meeting you at Sunday's 10k, Ravi. Still can't believe that last hill.",
        );
        silent(
            "missing-greeting",
            "Zainab — we shared a table at the AIGA portfolio night.",
        );
        silent(
            "missing-greeting",
            "Thanks for showing me round the plant today, Alex!",
        );
        fires("missing-greeting", "Thanks for the talk today, everyone!");
        fires("missing-greeting", "Great talk. Thanks, Cheers!");
        let c = ctx_for("Ravi Kumar");
        assert_eq!(
            count_with("missing-greeting", "Loved the 10k, Ravi.", &c),
            0
        );
        // Typed on a phone: their name in lower case is still their name.
        assert_eq!(
            count_with(
                "missing-greeting",
                "hi ravi - loved the 10k, see u sunday",
                &c
            ),
            0
        );
        assert_eq!(
            count_with(
                "missing-greeting",
                "hi there - loved the 10k, see u sunday",
                &c
            ),
            1
        );
        let dami = ctx_for("Damilola Adeyemi");
        assert_eq!(
            count_with(
                "missing-greeting",
                "hey dami!! congrats on the new role",
                &dami
            ),
            0
        );
        let theresa = ctx_for("Theresa Okafor");
        assert_eq!(
            count_with(
                "missing-greeting",
                "hi there, loved your post on triage",
                &theresa
            ),
            1
        );
        assert_eq!(
            count_with("missing-greeting", "Loved the 10k, Sarah.", &c),
            1
        );
    }

    #[test]
    fn fires_without_a_name() {
        fires(
            "missing-greeting",
            "I enjoyed your talk on Rust tooling at RustConf.",
        );
        fires("missing-greeting", "Hi there, I enjoyed your talk.");
        fires("missing-greeting", "Hello, I enjoyed your talk.");
    }

    #[test]
    fn silent_with_a_name() {
        silent("missing-greeting", "Hi Sarah, I enjoyed your talk.");
        silent("missing-greeting", "Dear Dr. Chen, I enjoyed your talk.");
        silent("missing-greeting", "Hey Priya! I enjoyed your talk.");
        silent("missing-greeting", "");
    }

    #[test]
    fn fix_inserts_or_replaces_the_name() {
        let c = ctx_for("Sarah Chen");
        assert_eq!(
            fixed_with("missing-greeting", "I enjoyed your talk at RustConf.", &c),
            "Hi Sarah, I enjoyed your talk at RustConf."
        );
        assert_eq!(
            fixed_with("missing-greeting", "Loved your talk at RustConf.", &c),
            "Hi Sarah, loved your talk at RustConf."
        );
        assert_eq!(
            fixed_with("missing-greeting", "Hi there, loved your talk.", &c),
            "Hi Sarah, loved your talk."
        );
        assert_eq!(
            fixed_with(
                "missing-greeting",
                "You might not remember me, we met at RustConf.",
                &c
            ),
            "Hi Sarah, you might not remember me, we met at RustConf."
        );
        assert_eq!(
            fixed_with("missing-greeting", "Hello! Loved your talk.", &c),
            "Hello Sarah! Loved your talk."
        );
        // A salutation to no one by name gives way to theirs (not "Hi Sarah, Respected
        // Madam, ...").
        assert_eq!(
            fixed_with(
                "missing-greeting",
                "Respected Madam, I am a staff nurse in ICU.",
                &c
            ),
            "Hi Sarah, I am a staff nurse in ICU."
        );
    }

    #[test]
    fn no_fix_without_a_known_name() {
        let r = crate::analyze_bytes("I enjoyed your talk.", &crate::Context::default());
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "missing-greeting")
            .unwrap();
        assert_eq!(f.replacement, None);
    }

    /// A name that would push a note that fits over the limit is not inserted (the fix
    /// would trade this warning for an error); one more character of room and it is.
    #[test]
    fn no_fix_that_would_break_the_limit() {
        let body = "I enjoyed your talk at RustConf on incremental builds.";
        let fix_of = |limit: usize| {
            let ctx = crate::Context {
                limit,
                ..ctx_for("Sarah Chen")
            };
            let r = crate::analyze_bytes(body, &ctx);
            let f = r
                .findings
                .into_iter()
                .find(|f| f.rule == "missing-greeting")
                .unwrap();
            (f.replacement, f.message)
        };
        let grown = body.len() + "Hi Sarah, ".len();
        assert_eq!(fix_of(grown).0.as_deref(), Some("Hi Sarah, "));
        let (replacement, message) = fix_of(grown - 1);
        assert_eq!(replacement, None);
        assert!(message.contains("make room first"), "{message}");
    }
}
