//! `contact-details`: an email address, a phone number or a move to another app in a
//! connection request: `jobs@agency.com`, `+44 7700 900123`, "let's talk on WhatsApp",
//! "add me on Telegram", "send me your personal email". Only for invitations: once
//! connected, swapping numbers is normal.
//!
//! **Why it matters.** A stranger who asks to move off LinkedIn before a single reply
//! is the pattern of recruiting spam and of scams ("talk on WhatsApp"); the seeds'
//! advice is to respect boundaries and let the relationship set the pace. LinkedIn
//! gives them a way to answer you once they accept. Asking for *their* email or
//! number asks for what only a relationship earns, like an entitled ask, and caps the
//! score at 45.
//!
//! **Example.** `Hi Aditi, we have a role in NJ. Kindly share your resume to jobs@techstaffz.com`
//! **Fix**: the address or number goes, with its sentence when that only introduced it
//! (`Hi Aditi, we have a role in NJ.`), else with a lead-in ("to", "at", "here:").
//! A messenger mention ("on WhatsApp") has no mechanical fix.

use super::{Cx, Rule};
use crate::edits::remove_span;
use crate::lang::en::{MESSENGERS, THEIR_DETAILS};
use crate::report::{Category, Finding, Severity};
use crate::text::{chunks, Lexicon};
use crate::Kind;
use std::sync::LazyLock;

pub struct ContactDetails;

/// Digits in a phone number, at least.
const MIN_PHONE_DIGITS: usize = 9;

/// The cap while the note asks for their email or number.
const ASK_CAP: u8 = 35;

/// [`MESSENGERS`] then [`THEIR_DETAILS`]: a hit's phrase index tells which it is.
static APPS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&[&MESSENGERS[..], &THEIR_DETAILS[..]].concat()));

/// True when the hit asks for their details rather than offering the sender's app; not
/// when the sender is the one who would pass them on ("OK if I share your number?", "I
/// can share your number with him": work sent their way, with their consent).
fn asks_for_theirs(doc: &crate::text::Doc, hit: &crate::text::Hit) -> bool {
    let before = &doc.tokens[hit.first_token.saturating_sub(2)..hit.first_token];
    hit.phrase >= MESSENGERS.len() && !before.iter().any(|t| t.norm == "i")
}

/// Email addresses and phone numbers as byte spans.
pub fn find_contacts(text: &str) -> Vec<(usize, usize)> {
    let mut out = emails(text);
    out.extend(phones(text));
    crate::sort::sort(&mut out);
    out
}

/// Email addresses: most notes have no '@', and then no chunk is read.
fn emails(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !text.contains('@') {
        return out;
    }
    for (start, chunk) in chunks(text) {
        if !chunk.contains('@') {
            continue;
        }
        // The word without the punctuation around it: "(jobs@acme.com)." is an address.
        let word = chunk.trim_matches(|c: char| !c.is_alphanumeric());
        let lead = chunk.len()
            - chunk
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let Some((local, domain)) = word.split_once('@') else {
            continue;
        };
        let email = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
            && domain.contains('.')
            && !domain.starts_with('.')
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || ".-".contains(c));
        if email {
            out.push((start + lead, start + lead + word.len()));
        }
    }
    out
}

/// Phone numbers: a run of digits with spaces, dots, dashes and brackets between them,
/// perhaps after a "+", holding at least [`MIN_PHONE_DIGITS`] digits. Years, prices
/// and percentages are shorter or have other characters around them.
fn phones(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Most notes hold too few digits for a number: one quick count, then nothing read.
    if bytes.iter().filter(|b| b.is_ascii_digit()).count() < MIN_PHONE_DIGITS {
        return out;
    }
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i] == b'+' || bytes[i] == b'(' || bytes[i].is_ascii_digit();
        // A number starts after a space or an opening mark, not glued to other text
        // ("jobs@x.io\u{10}7700 900123"): removing it would make the rest read anew.
        let fresh = i == 0
            || bytes[i - 1].is_ascii_whitespace()
            || matches!(
                bytes[i - 1],
                b'(' | b'[' | b':' | b';' | b'/' | b'"' | b'\''
            );
        if !(starts && fresh) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut digits = usize::from(bytes[i].is_ascii_digit());
        let mut last_digit = if digits > 0 { j } else { i };
        while j < bytes.len() {
            match bytes[j] {
                b'0'..=b'9' => {
                    digits += 1;
                    last_digit = j + 1;
                }
                // Up to two separators between digits: "(415) 555", "7700 - 900".
                b' ' | b'-' | b'.' | b'(' | b')' => {
                    let sep = |b: &&u8| matches!(**b, b' ' | b'-' | b'.' | b'(' | b')');
                    let run = bytes[j..].iter().take(3).take_while(sep).count();
                    if run > 2 || !bytes.get(j + run).is_some_and(u8::is_ascii_digit) {
                        break;
                    }
                    j += run;
                    continue;
                }
                _ => break,
            }
            j += 1;
        }
        let glued = bytes
            .get(last_digit)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'%');
        if digits >= MIN_PHONE_DIGITS && !glued {
            out.push((i, last_digit));
        }
        i = j.max(i + 1);
    }
    out
}

/// True when replacing `start..end` of `text` by `with` leaves as many addresses and
/// numbers around the edit as before: the removal joined what was on either side into
/// a new one ("jobs@x.io" + "\u{fffd}" + "+44 ..." becomes an address once the number
/// goes). Looks at the words around the edit only.
fn contact_made(text: &str, start: usize, end: usize, with: &str) -> bool {
    const AROUND: usize = 64;
    let from = crate::text::floor_char_boundary(text, start.saturating_sub(AROUND));
    let mut to = (end + AROUND).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let before = find_contacts(&text[from..to]).len();
    let edited = format!("{}{with}{}", &text[from..start], &text[end..to]);
    find_contacts(&edited).len() >= before
}

impl Rule for ContactDetails {
    fn id(&self) -> &'static str {
        "contact-details"
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
    fn cap(&self, cx: &Cx) -> Option<u8> {
        (cx.ctx.kind == Kind::Invitation
            && cx.doc.find_iter(&APPS).any(|h| asks_for_theirs(cx.doc, &h)))
        .then_some(ASK_CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        if cx.ctx.kind != Kind::Invitation {
            return;
        }
        let message = "A phone number, an email or a move to another app reads as spam in a first note, and many people decline. Leave it out: once they accept, you can message each other on LinkedIn.";
        let greeting_end = cx.signals.greeting_end();
        for (start, end) in find_contacts(cx.doc.text) {
            let fix = remove_span(cx.doc, greeting_end, start, end)
                .filter(|e| !contact_made(cx.doc.text, e.start, e.end, &e.text));
            match fix {
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
        for h in cx.doc.find_iter(&APPS) {
            out.push(cx.finding(self, Severity::Warning, h.start, h.end, message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Context;

    const ID: &str = "contact-details";

    fn found(text: &str) -> Vec<&str> {
        find_contacts(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn finds_addresses_and_numbers() {
        assert_eq!(
            found("Kindly share your resume to jobs@techstaffz.com."),
            ["jobs@techstaffz.com"]
        );
        assert_eq!(
            found("Let's talk on WhatsApp +44 7700 900123"),
            ["+44 7700 900123"]
        );
        assert_eq!(
            found("Call (415) 555-0134 or 415.555.0199"),
            ["(415) 555-0134", "415.555.0199"]
        );
        for text in [
            "In 2014-2016 I was at Infosys",
            "Rates from $15/hr",
            "up 40% in 2023",
            "@sarah on Twitter",
            "a@b",
            "ISBN 978",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn fires_on_contact_details_in_invitations() {
        fires(
            ID,
            "Hi Aditi, we have a role in NJ. Kindly share your resume to jobs@techstaffz.com",
        );
        fires(
            ID,
            "Hello dear, I can help grow your portfolio. Let's talk on WhatsApp +44 7700 900123",
        );
        fires(ID, "Add me on Telegram, it's easier.");
        fires(
            ID,
            "LinkedIn messages get buried. Could you send me your personal email or WhatsApp?",
        );
        silent(ID, "Loved your email newsletter on dairy prices.");
        fires(
            ID,
            "We can help you save tax. Share your number and I'll call you this week.",
        );
        // The sender passing their details on, with their consent, is no ask for them:
        // no cap.
        for text in [
            "Dear Sunita, I attended your session on millet farming at the Nashik krishi mela. My uncle's company in Jalna is looking for trainers. If you are agreeable, I can share your number with him.",
            "Hi Ravi, one of my tenants needs a boiler service. You did mine last winter in under an hour. Is it okay if I share your number?",
        ] {
            assert!(crate::analyze(text, &Context::default()).score.unwrap() > ASK_CAP, "{text}");
        }
        let ask = "Hi Daniel, loved your RustConf talk on wasm linkers. Could you send me your personal email so we can talk properly?";
        assert!(crate::analyze(ask, &Context::default()).score.unwrap() <= ASK_CAP);
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk on wasm tooling. How do you test the linker?",
        );
        silent(ID, "Hi Raj, we overlapped at Infosys Pune back in 2014-16.");
        let msg = Context {
            kind: Kind::Message,
            ..Context::default()
        };
        assert_eq!(
            count_with(ID, "Thanks! My number is +44 7700 900123.", &msg),
            0
        );
    }

    #[test]
    fn fix_removes_the_address() {
        assert_eq!(
            fixed(
                "contact-details",
                "Hi Aditi, we have a role in NJ. Kindly share your resume to jobs@techstaffz.com"
            ),
            "Hi Aditi, we have a role in NJ."
        );
        assert_eq!(
            fixed("contact-details", "Hi Sarah, loved your talk on wasm. I wrote about it, mail me at bo@bo.dev and tell me what you think."),
            "Hi Sarah, loved your talk on wasm. I wrote about it, mail me and tell me what you think."
        );
        // The comma that led to it goes with it: no "Moss,." left behind.
        assert_eq!(
            fixed("contact-details", "Tom, good talking Thursday. Here's the guy who fixed our milker, as promised: Dale Moss, 608-555-0142. Jenny"),
            "Tom, good talking Thursday. Here's the guy who fixed our milker, as promised: Dale Moss. Jenny"
        );
        assert_eq!(
            fixed(
                "contact-details",
                "Tom, good talking Thursday. The vet who helped us is Dale Moss, 608-555-0142"
            ),
            "Tom, good talking Thursday. The vet who helped us is Dale Moss"
        );
    }
}
