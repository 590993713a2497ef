//! `unfilled-placeholder`: a template field left in the note (`{first_name}`,
//! `{{company}}`, `[Name]`, `<Company>`, `%FIRSTNAME%`, `XXX`, `___`,
//! `COMPANY_NAME`, `INSERT_TOPIC`, `INSERT EVENT`, `__name__`, `$first_name`,
//! `FIRSTNAME`).
//!
//! **Why it matters.** An unfilled field tells the recipient at once that the note
//! is a mass template, the opposite of the personal approach the seeds ask for.
//! An error: the note should not go out like this.
//!
//! **Example** (recipient Sarah Chen at Acme): `Hi {first_name}, I admire the work at [Company].`
//! **Fix**: `Hi Sarah, I admire the work at Acme.` A field whose value is not known
//! gets no fix; the message says what to fill in.

use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::signals::placeholders::find;
use crate::signals::placeholders::value_for;
use crate::signals::placeholders::MAX_FILLS;

pub struct UnfilledPlaceholder;

impl Rule for UnfilledPlaceholder {
    fn id(&self) -> &'static str {
        "unfilled-placeholder"
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
        Some(30)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let text = cx.doc.text;
        let fields = &cx.signals.fields;
        let mut fills = 0;
        for (start, end, field) in fields {
            let (start, end) = (*start, *end);
            let shown = &text[start..end];
            let value = value_for(field, cx.ctx);
            let message = match &value {
                Some(v) => format!("“{shown}” was never filled in; it should say “{v}”. An unfilled template field tells them this note went to a list."),
                None => format!("“{shown}” was never filled in. An unfilled template field tells them this note went to a list: replace it with the real detail."),
            };
            // The fill must leave one field fewer. It would not when the value makes a
            // field itself ("XXX Ltd") or with the text around it: a field nested in
            // another, "{first%FIRST_NAME%_name}", becomes "{firstSarah_name}".
            let fix = value.clone().filter(|v| {
                fills += 1;
                fills <= MAX_FILLS
                    && find(&format!("{}{v}{}", &text[..start], &text[end..])).len() < fields.len()
            });
            // "Sarah {first_name}": the name is already there; the field just goes
            // (with the space before it), else the fill would double the name.
            let before = text[..start].trim_end();
            let repeated = fix.as_deref().is_some_and(|v| {
                before.ends_with(v)
                    && !before[..before.len() - v.len()].ends_with(char::is_alphanumeric)
            });
            if repeated {
                out.push(cx.finding(
                    self,
                    Severity::Error,
                    before.len(),
                    end,
                    message,
                    Some(String::new()),
                ));
                continue;
            }
            let after = text[end..].trim_start();
            let repeated_after = fix.as_deref().is_some_and(|v| {
                after.starts_with(v) && !after[v.len()..].starts_with(char::is_alphanumeric)
            });
            if repeated_after {
                let to = text.len() - after.len();
                let fix = Some(String::new());
                out.push(cx.finding(self, Severity::Error, start, to, message, fix));
                continue;
            }
            // "at [Company]." filled with "Vltava Freight s.r.o.": the name's own full stop
            // ends the sentence, not a second one after it.
            let end = if fix.as_deref().is_some_and(|v| v.ends_with('.'))
                && text[end..].starts_with('.')
            {
                end + 1
            } else {
                end
            };
            out.push(cx.finding(self, Severity::Error, start, end, message, fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Context;
    use crate::Recipient;

    #[test]
    fn a_name_ending_in_a_full_stop_ends_the_sentence_once() {
        let ctx = Context {
            recipient: Recipient {
                name: Some("Marek Dvořák".into()),
                company: Some("Vltava Freight s.r.o.".into()),
                headline: None,
            },
            ..Context::default()
        };
        assert_eq!(
            fixed_with(
                "unfilled-placeholder",
                "I like the people at [Company]. Bye!",
                &ctx
            ),
            "I like the people at Vltava Freight s.r.o. Bye!"
        );
    }

    #[test]
    fn finds_every_template_syntax() {
        for text in [
            "Hi {first_name}, great post",
            "Hi {{firstName}}, great post",
            "Hi [Name], great post",
            "I admire the work at <Company>.",
            "I'd love to hear about your work at <<company>>.",
            "Hi %FIRST_NAME%, great post",
            "Hi XXX, great post",
            "Hi [Recipient Name], great post",
            "I found your profile while researching XX and liked your work on XX.",
        ] {
            fires("unfilled-placeholder", text);
        }
        // Two x's only in capitals: "xx" signs off with kisses, "the XX century" is a
        // numeral.
        for text in [
            "Hope ED is treating you well xx",
            "Your talk on the art of the XX century was wonderful.",
            "Loved the Series X launch.",
            "If a < b and c > d, the proof goes through.",
        ] {
            silent("unfilled-placeholder", text);
        }
    }

    #[test]
    fn finds_fields_without_brackets() {
        let fields = |t: &str| {
            find(t)
                .into_iter()
                .map(|(s, e, _)| t[s..e].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields("Hello Dr. Lee, I enjoyed your talk at ___ and would love to connect."),
            ["___"]
        );
        assert_eq!(fields("I noticed your work at COMPANY_NAME and thought we could collaborate on INSERT_TOPIC."), ["COMPANY_NAME", "INSERT_TOPIC"]);
        assert_eq!(
            fields("Hi __name__, hi $first_name, hi $name, hi FIRSTNAME!"),
            ["__name__", "$first_name", "$name", "FIRSTNAME"]
        );
        assert_eq!(fields("Hi {FIRST_NAME}, great post"), ["{FIRST_NAME}"]);
        // Prose, prices, code words and shouting are not fields.
        for t in [
            "It costs $15 a month",
            "I use snake_case in Rust",
            "We ship ASAP, CEO to CEO",
            "a_b and __init",
            "Spent $$$ on it",
        ] {
            assert!(fields(t).is_empty(), "{t}: {:?}", fields(t));
        }
        fires(
            "unfilled-placeholder",
            "Hi Sarah, I noticed your work at COMPANY_NAME. Let me know!",
        );
    }

    #[test]
    fn leaves_ordinary_punctuation_alone() {
        for text in [
            "We cut costs by 5% and then 10% again.",
            "Results [1] and [sic] are fine.",
            "If a < b and c > d, then...",
            "I use {} in Rust format strings.",
            "Max exposure was around xxxl sizes",
            "xx😀 and x€ are not fields",
            "Hi Sarah, great post",
        ] {
            silent("unfilled-placeholder", text);
        }
    }

    #[test]
    fn fix_fills_known_fields() {
        let ctx = Context {
            recipient: Recipient {
                name: Some("Sarah Chen".into()),
                company: Some("Acme".into()),
                headline: None,
            },
            ..Context::default()
        };
        let once = fixed_with(
            "unfilled-placeholder",
            "Hi {first_name}, I admire the work at [Company].",
            &ctx,
        );
        assert_eq!(once, "Hi Sarah, I admire the work at [Company].");
        assert_eq!(
            fixed_with("unfilled-placeholder", &once, &ctx),
            "Hi Sarah, I admire the work at Acme."
        );
    }

    #[test]
    fn unknown_field_has_no_fix_and_caps_the_score() {
        let r = crate::analyze_bytes("Hi Sarah, I loved your talk on {topic} at RustConf. I'm building a linter and would value your view; happy to share our benchmarks. What got you into compilers?", &Context::default());
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "unfilled-placeholder")
            .unwrap();
        assert_eq!(f.replacement, None);
        assert_eq!(f.severity, Severity::Error);
        assert!(r.score.unwrap() <= 30);
    }
}
