//! `generic-opener`: canned text that could be sent to anyone: LinkedIn's default
//! "I'd like to add you to my professional network on LinkedIn", "Dear Sir/Madam",
//! "To whom it may concern", "I hope this message finds you well", "I'm always
//! looking to expand my network", "connect with like-minded professionals", and
//! "I came across your profile" when nothing specific about them follows, and stock
//! outreach buzzwords ("explore synergies", "help each other grow"), and the person
//! written to as one of a category ("researching leaders in the logistics space",
//! "professionals in your industry"), which caps like mass outreach, as does a
//! salutation to no one in particular ("Dear Sir/Madam", "To whom it may concern"; not
//! "Dear Sir" to one person).
//!
//! **Why it matters.** The seeds' first rule for connection requests is to
//! personalise: mention how you found the person and show genuine interest in their
//! work. "Vague or generic invitations" are the pitfall they name, and LinkedIn's own
//! default text is the request people are known to ignore. A note made mostly of
//! canned text is capped at 15: it is no better than sending no note at all.
//!
//! A plain "Let's connect" or "I'd like to connect with you" is only flagged when the
//! note says nothing else: after a specific note it is a harmless closing.
//!
//! **Example.** `Hi Sarah, I hope this message finds you well. I came across your profile and would love to connect.`
//! **Fix**: each phrase is removed with its punctuation (or its whole sentence, when
//! the rest of the sentence is canned too), leaving room for something specific:
//! `Hi Sarah,` and then, say, `loved your RustConf talk on wasm tooling.`
//! "Dear Sir/Madam" becomes "Hi Sarah" when the recipient's name is known.

use super::{Cx, Rule};
use crate::edits::{in_ranges, remove, remove_sentence, sentence_of, tokens_in, Cut, Edit};
use crate::lang::en::{is_generic_word, TO_ANYONE};
use crate::report::{Category, Finding, Severity};
use crate::signals::canned::buzzwords;
use crate::signals::canned::signoff_start;
use crate::signals::canned::Kind;
use crate::signals::canned::ENTRIES;
use crate::signals::canned::PHRASES;
use crate::text::{Doc, Hit};

pub struct GenericOpener;
/// The share of a note's words (greeting aside) in canned phrases from which the
/// score is capped.
pub const CANNED_SHARE: f32 = 0.6;
/// The cap for a note that is mostly canned text: below what no note at all would earn.
pub const CANNED_CAP: u8 = 15;
/// The cap for a note that says it goes to many people.
pub const MASS_CAP: u8 = 35;
/// From this many different buzzwords a note is capped, unless it also says how they
/// know them and something specific about them.
pub const BUZZ_MIN: usize = 3;
/// The cap for a note of buzzwords with nothing specific in it.
pub const BUZZ_CAP: u8 = 40;

/// A canned phrase found in the note.
pub struct Canned {
    hit: Hit,
    kind: Kind,
}

/// Number of tokens in the greeting ("Hi Sarah,"), if any.
pub fn greeting_tokens(cx: &Cx) -> usize {
    cx.signals
        .greeting_end()
        .map_or(0, |g| cx.doc.tokens.partition_point(|t| t.end <= g))
}

/// True when token `i` carries content: not generic, not the recipient's name, not a
/// sign-off word.
pub fn is_content(cx: &Cx, i: usize) -> bool {
    let t = &cx.doc.tokens[i];
    if is_generic_word(t) || t.norm.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let name = cx.ctx.recipient.name.as_deref().unwrap_or("");
    !name
        .split_whitespace()
        .any(|part| crate::text::lower(part.trim_matches(|c: char| !c.is_alphanumeric())) == t.norm)
}
/// The token ranges of `hits`, in text order: the categories of people come after the
/// phrases, and `in_ranges` (here and in the fixes) searches sorted ranges.
fn token_ranges(hits: &[Canned]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = hits
        .iter()
        .map(|c| (c.hit.first_token, c.hit.end_token))
        .collect();
    crate::sort::sort(&mut ranges);
    ranges
}

/// The canned phrases that count in this note (conditional kinds checked).
pub fn canned(cx: &Cx) -> Vec<Canned> {
    let doc = cx.doc;
    let all: Vec<Canned> = cx
        .signals
        .canned_phrases
        .iter()
        .map(|&hit| Canned {
            hit,
            kind: ENTRIES[hit.phrase].1,
        })
        .chain(cx.signals.audiences.iter().map(|s| Canned {
            hit: Hit {
                start: s.start,
                end: s.end,
                phrase: 0,
                first_token: cx.doc.tokens.partition_point(|t| t.start < s.start),
                end_token: cx.doc.tokens.partition_point(|t| t.end <= s.end),
            },
            kind: Kind::Audience,
        }))
        .collect();
    if all.is_empty() {
        return all;
    }
    let ranges = token_ranges(&all);
    let in_hit = |i: usize| in_ranges(&ranges, i);
    let greet = greeting_tokens(cx);
    let sign = signoff_start(doc);
    // Content anywhere in the note, outside the canned phrases, greeting and sign-off.
    let note_has_content = (greet..sign).any(|i| !in_hit(i) && is_content(cx, i));
    all.into_iter()
        .filter(|c| match c.kind {
            Kind::Call => !note_has_content && cx.signals.specifics.is_none(),
            Kind::Profile => {
                let Some(s) = sentence_of(doc, c.hit.start) else {
                    return false;
                };
                let specific_here = cx
                    .signals
                    .specifics
                    .is_some_and(|sp| sp.start < s.end && s.start < sp.end);
                let content_here = tokens_in(doc, s.start, s.end)
                    .filter(|&i| i >= greet)
                    .any(|i| !in_hit(i) && is_content(cx, i));
                !specific_here && !content_here
            }
            _ => true,
        })
        .collect()
}

impl GenericOpener {
    /// The fix for `c`; `ranges` are the token ranges of all canned phrases.
    fn fix(&self, cx: &Cx, c: &Canned, ranges: &[(usize, usize)]) -> Option<Edit> {
        let doc = cx.doc;
        let greeting_end = cx.signals.greeting_end();
        if c.kind == Kind::Salutation {
            if let Some(first) = cx.ctx.recipient.first_name() {
                let greet = if c.hit.first_token == 0 && doc.tokens[0].norm == "dear" {
                    "Dear"
                } else {
                    "Hi"
                };
                let edit = Edit {
                    start: c.hit.start,
                    end: c.hit.end,
                    text: format!("{greet} {first}"),
                };
                // A first name that makes a canned phrase again ("Dear Madam" for a
                // recipient called Madam) gets the salutation removed instead.
                if !canned_again(doc, &edit) {
                    return Some(edit);
                }
            }
            // "Dear Sir," opens the note: remove it with its comma, unless what is left
            // joins into a salutation again ("Dear Hello Sir/Madam" leaves "Dear /Madam").
            return remove(doc.text, c.hit.start, c.hit.end, None, Cut::Word)
                .filter(|e| !canned_across(doc, e));
        }
        let generic_rest = |i: usize| is_generic_word(&doc.tokens[i]) || in_ranges(ranges, i);
        if c.kind == Kind::Audience {
            // The category sits inside a sentence of its own ("while researching leaders
            // in the logistics space"): the sentence goes only when nothing else is in it.
            return remove_sentence(doc, c.hit.start, greeting_end, &generic_rest);
        }
        remove(doc.text, c.hit.start, c.hit.end, greeting_end, Cut::Clause).or_else(|| {
            remove_sentence(doc, c.hit.start, greeting_end, &|i| {
                is_generic_word(&doc.tokens[i]) || in_ranges(ranges, i)
            })
        })
    }
}

/// The canned phrases of the text after `edit`, a few words either side (phrases are
/// short), and where the inserted text lies among them: `(hits, lo, hi)`.
fn hits_after(doc: &Doc, edit: &Edit) -> (Vec<Hit>, usize, usize) {
    const AROUND: usize = 8;
    let before = doc.tokens.partition_point(|t| t.end <= edit.start);
    let from = doc.tokens[before.saturating_sub(AROUND)..]
        .first()
        .map_or(0, |t| t.start.min(edit.start));
    let after = doc.tokens.partition_point(|t| t.start < edit.end);
    let to = doc
        .tokens
        .get(after + AROUND)
        .map_or(doc.text.len(), |t| t.start);
    let window = format!(
        "{}{}{}",
        &doc.text[from..edit.start],
        edit.text,
        &doc.text[edit.end..to]
    );
    let (lo, hi) = (edit.start - from, edit.start - from + edit.text.len());
    (Doc::new(&window).find(&PHRASES), lo, hi)
}

/// True when the text after `edit` has a canned phrase overlapping the inserted text.
pub fn canned_again(doc: &Doc, edit: &Edit) -> bool {
    let (hits, lo, hi) = hits_after(doc, edit);
    hits.iter().any(|h| h.start < hi && lo < h.end)
}

/// True when a removal joins the words either side of it into a canned phrase
/// ("Dear Hello Sir/Madam" without "Hello Sir" is "Dear /Madam").
fn canned_across(doc: &Doc, edit: &Edit) -> bool {
    let (hits, lo, _) = hits_after(doc, edit);
    hits.iter().any(|h| h.start < lo && lo < h.end)
}

pub fn message(kind: Kind, shown: &str) -> String {
    match kind {
        Kind::Default => format!("“{shown}” is the stock invitation text people ignore. Say something specific instead: how you found them and what you liked about their work."),
        Kind::Salutation => format!("“{shown}” tells them the note could go to anyone. Use their name."),
        Kind::Pleasantry => format!("“{shown}” is a stock pleasantry that spends characters without saying anything. Open with something specific about them instead."),
        Kind::Networking => format!("“{shown}” could be sent to anyone and says nothing about them. Say why you want to connect with this person in particular."),
        Kind::Mass => format!("“{shown}” tells them the note goes to many people, so it cannot be personal. Write to this one person: how you found them and why them."),
        Kind::Profile => format!("“{shown}” says how you found them, but not why you're writing. Say what on their profile or in their work caught your eye."),
        Kind::Call => format!("“{shown}” on its own gives them no reason to accept. Say how you found them and what you'd like to talk about."),
        Kind::Audience => format!("“{shown}” lumps them in with a crowd, so the note reads like a mass message. Say what in their work made you write to them."),
    }
}

impl Rule for GenericOpener {
    fn id(&self) -> &'static str {
        "generic-opener"
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        12
    }
    /// Caps the score at 15 when canned phrases make up most of the note: LinkedIn's
    /// default text, alone or behind a greeting, must not score like a written note.
    /// A note that says it goes to many people at 35, and one of buzzwords with nothing
    /// specific in it at 40.
    fn cap(&self, cx: &Cx) -> Option<u8> {
        let hits = canned(cx);
        let greet = greeting_tokens(cx);
        let words = cx.doc.word_count().saturating_sub(greet);
        if words == 0 {
            return None;
        }
        let canned_words: usize = hits
            .iter()
            .map(|c| c.hit.end_token.max(greet) - c.hit.first_token.max(greet))
            .sum();
        let canned = (canned_words as f32 >= CANNED_SHARE * words as f32).then_some(CANNED_CAP);
        // "Dear Sir/Madam" addresses whoever is on the list: mass outreach too.
        let to_anyone = |c: &Canned| {
            c.kind == Kind::Salutation
                && TO_ANYONE
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(&ENTRIES[c.hit.phrase].0))
        };
        let mass = hits
            .iter()
            .any(|c| matches!(c.kind, Kind::Mass | Kind::Audience) || to_anyone(c))
            .then_some(MASS_CAP);
        // Buzzwords cap a note unless it also says how they know them and something specific.
        let personal = cx.signals.specifics.is_some() && cx.signals.how_found.is_some();
        let buzz = (!personal && buzzwords(cx.doc).len() >= BUZZ_MIN).then_some(BUZZ_CAP);
        [canned, mass, buzz].into_iter().flatten().min()
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let hits = canned(cx);
        let ranges = token_ranges(&hits);
        for c in &hits {
            let shown = &cx.doc.text[c.hit.start..c.hit.end];
            let severity = match c.kind {
                Kind::Default | Kind::Salutation | Kind::Mass | Kind::Audience => Severity::Warning,
                _ => Severity::Suggestion,
            };
            let message = message(c.kind, shown);
            match self.fix(cx, c, &ranges) {
                Some(e) => {
                    out.push(cx.finding(self, severity, e.start, e.end, message, Some(e.text)))
                }
                None => out.push(cx.finding(self, severity, c.hit.start, c.hit.end, message, None)),
            }
        }
        let buzz = buzzwords(cx.doc);
        if buzz.len() >= BUZZ_MIN {
            let shown: Vec<String> = buzz
                .iter()
                .take(3)
                .map(|h| format!("“{}”", &cx.doc.text[h.start..h.end]))
                .collect();
            let message = format!("{} are buzzwords that fit any company. Say one concrete thing instead: what of theirs you saw, and what you'd like to discuss.", crate::text::and_list(&shown));
            out.push(cx.finding(
                self,
                Severity::Suggestion,
                buzz[0].start,
                buzz[0].end,
                message,
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Context;

    const ID: &str = "generic-opener";

    #[test]
    fn a_salutation_followed_by_their_name_greets_them() {
        // "Hi Sir John" and "Hi Ma'am Maria" greet a person: no "Hi Sir" to replace with
        // "Hi John" (which made "Hi John John").
        let ctx = ctx_for("John Reyes");
        let note = "Hi Sir John! It's Carlo from your team in Cebu back in 2020.";
        assert_eq!(count_with(ID, note, &ctx), 0);
        let ctx = ctx_for("Maria Santos");
        assert_eq!(
            count_with(
                ID,
                "Hi Ma'am Maria! I was in your ICU orientation batch.",
                &ctx
            ),
            0
        );
        // Without a name it is still a salutation to anyone.
        assert_eq!(
            count_with(ID, "Hello Ma'am, I am a nursing graduate.", &ctx),
            1
        );
    }

    #[test]
    fn a_note_of_stock_text_and_a_category_of_people_has_no_content() {
        // The category ("professionals in the Media industry") comes after a later stock
        // phrase in the list the rule reads: its words are stock all the same, so
        // "Looking forward to connecting" stands alone, as it does once the rest is cut.
        let note = "Dear Paolo, I hope you are doing well. I am reaching out to connect with professionals in the Media industry. Looking forward to connecting.";
        let report = crate::analyze_bytes(note, &ctx_for("Paolo Ferraro"));
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.rule == ID && note[f.start..f.end].contains("Looking forward")),
            "{:?}",
            report.findings
        );
    }

    #[test]
    fn a_salutation_to_anyone_caps_like_mass_outreach() {
        // Every such salutation is one of the canned salutations.
        for p in super::TO_ANYONE.iter() {
            assert!(
                super::ENTRIES
                    .iter()
                    .any(|(e, k)| *k == super::Kind::Salutation && e.eq_ignore_ascii_case(p)),
                "{p} is no salutation of canned.txt"
            );
        }
        let note = "Dear Sir/Madam, thank you for attending the Expo. We value every visitor and look forward to building a long-lasting partnership with your esteemed organisation.";
        let report = crate::analyze(note, &ctx_for("Rashid Mahmood"));
        assert_eq!(report.capped_by.as_deref(), Some(ID));
        assert!(report.score.unwrap() <= super::MASS_CAP);
        // "Dear Sir" to one person is how many write (India, Nigeria): no cap of its own.
        let note = "Dear Sir, I'm a final year metallurgy student at NIT Jamshedpur and saw you're an alum of the 1998 batch. What was the plant like then?";
        let report = crate::analyze(note, &ctx_for("Rashid Mahmood"));
        assert_ne!(report.capped_by.as_deref(), Some(ID));
    }

    #[test]
    fn mass_outreach_and_buzzwords_cap_the_score() {
        let score = |t: &str| crate::analyze(t, &Context::default()).score.unwrap();
        let mass = "Hi, I'm connecting with all members of the Marketing Professionals group. Let's support each other!";
        fires(ID, mass);
        assert!(score(mass) <= MASS_CAP);
        let select =
            "Hi Michelle, I'm reaching out to a select group of leaders in the healthcare space.";
        fires(ID, select);
        assert!(score(select) <= MASS_CAP);
        let buzz = "Hi Daniel, I believe there's tremendous synergy between our organizations. Let's connect to explore ways to leverage our core competencies and drive mutual value.";
        assert!(score(buzz) <= BUZZ_CAP, "{}", score(buzz));
        assert_eq!(count(ID, "We leverage synergies to unlock value."), 1);
        let thriving = "I hope this note finds you thriving! Your profile radiates passion, purpose and innovation. I'm keen to foster a meaningful, value-driven connection and co-create impactful synergies.";
        assert!(score(thriving) <= BUZZ_CAP, "{}", score(thriving));
        // One buzzword in a specific note is not a buzzword note; a region is not a mailing list.
        silent(ID, "Hi Sarah, your RustConf talk on innovation in compiler tooling was great. How do you test the linker?");
        silent(ID, "Hi Farah, I noticed Kestrel Foods opened a site in Leicester; keen to connect with people in the region.");
    }

    #[test]
    fn a_category_of_people_caps_like_mass_outreach() {
        let score = |t: &str| crate::analyze(t, &Context::default()).score.unwrap();
        let note = "Hi Daniel, I came across your profile while researching leaders in the logistics space and was impressed by your trajectory at DHL.";
        fires(ID, note);
        assert!(score(note) <= MASS_CAP);
        // The sentence stays when it says more than the category.
        let r = crate::analyze(note, &Context::default());
        let f = r
            .findings
            .iter()
            .find(|f| f.message.contains("lumps them in with a crowd"))
            .expect("the category is named");
        assert!(f.replacement.is_none());
        // A sentence that is only the category goes.
        assert_eq!(
            fixed(
                ID,
                "Hi Daniel, I'm reaching out to professionals in your industry. Your DHL hub talk was great."
            ),
            "Hi Daniel, your DHL hub talk was great."
        );
        silent(
            ID,
            "Hi Daniel, loved your talk on forklift safety at the DHL Leipzig hub; I work in this space too.",
        );
    }

    #[test]
    fn linkedin_old_group_invitation_is_default_text() {
        let t = "Mike Jones has indicated you are a fellow group member of Digital Marketing Professionals: I'd like to add you to my professional network on LinkedIn.";
        fires(ID, t);
        assert!(crate::analyze(t, &Context::default()).score.unwrap() <= CANNED_CAP);
    }

    #[test]
    fn fires_on_canned_text() {
        fires(
            ID,
            "I'd like to add you to my professional network on LinkedIn.",
        );
        fires(
            ID,
            "Dear Sir/Madam, I work in fintech and follow your posts on payments.",
        );
        fires(ID, "To whom it may concern, I read your post on payments.");
        fires(
            ID,
            "Hi Sarah, I hope this message finds you well. Loved your post on payments.",
        );
        fires(
            ID,
            "Hi Sarah, I'm always looking to expand my network with people in payments.",
        );
        fires(
            ID,
            "Hi Sarah, I came across your profile and would love to connect.",
        );
        fires(ID, "Hi Sarah, let's connect!");
        fires(ID, "I’d love to join your network.");
        fires(
            ID,
            "Keen to connect with like-minded professionals in fintech.",
        );
    }

    #[test]
    fn silent_on_specific_notes() {
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk on wasm tooling. How do you test the linker?",
        );
        silent(
            ID,
            "Hi Sarah, I came across your profile via your RustConf talk on wasm linkers.",
        );
        silent(
            ID,
            "Hi Sarah, your post on payment retries saved our team a week. Let's connect!",
        );
        silent(
            ID,
            "Hi Sarah, I'd love to connect and hear how Acme moved its billing to Rust.",
        );
        silent(
            ID,
            "We met at the Berlin Rust meetup; I'd like to connect with you.",
        );
        silent(ID, "I read your thread on network effects in marketplaces.");
        silent(ID, "");
    }

    #[test]
    fn linkedin_default_is_capped_below_20() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I'd like to add you to my professional network on LinkedIn.",
            "Hi, I would like to add you to my network. Thanks!",
        ] {
            let r = crate::analyze(text, &crate::Context::default());
            assert!(r.score.unwrap() <= 15, "{text}: {}", r.score.unwrap());
        }
        // A specific note with one canned phrase is not capped.
        let cx_text = "Hi Sarah, I hope this finds you well. I loved your RustConf talk on wasm tooling and the part on linker errors; I'm building a linter and would value your view. How do you test it?";
        let r = crate::analyze(cx_text, &crate::Context::default());
        assert!(r.score.unwrap() > 15, "{}", r.score.unwrap());
        assert_eq!(count(ID, cx_text), 1);
    }

    #[test]
    fn fixes_remove_the_canned_text() {
        // A clause set off by a spaced dash goes with the space before it (it left
        // "Julian  I want", a double space).
        assert!(!fixed(
            ID,
            "Julian - accept my request, I want to be in your network. Thanks."
        )
        .contains("  "));
        assert_eq!(
            fixed(
                ID,
                "I'd like to add you to my professional network on LinkedIn."
            ),
            ""
        );
        assert_eq!(
            fixed(
                ID,
                "Hi Sarah, I hope this message finds you well. Loved your post on payments."
            ),
            "Hi Sarah, loved your post on payments."
        );
        assert_eq!(
            fixed(
                ID,
                "Hope you're doing well! Your post on payments was great."
            ),
            "Your post on payments was great."
        );
        assert_eq!(
            fixed(ID, "Loved your post on payment retries, hope all is well."),
            "Loved your post on payment retries."
        );
        assert_eq!(
            fixed(ID, "Hi Sarah, I came across your profile and would love to connect. I work on payments too."),
            "Hi Sarah, I work on payments too."
        );
        assert_eq!(
            fixed(ID, "Dear Sir/Madam, I read your post on payments."),
            "I read your post on payments."
        );
        assert_eq!(
            fixed(ID, "Hi Sarah, I'm always looking to expand my network. Working in payments, I enjoyed your post."),
            "Hi Sarah, working in payments, I enjoyed your post."
        );
    }

    #[test]
    fn fixes_after_a_salutation_keep_it_whole() {
        let fixes: Vec<String> = {
            let text = "Dear Sir, kindly accept my request. I run a steel mill in Pune.";
            let r = crate::analyze_bytes(text, &crate::Context::default());
            r.findings
                .iter()
                .filter(|f| f.rule == ID)
                .filter_map(|f| f.apply(text, crate::Units::Bytes))
                .collect()
        };
        assert_eq!(
            fixes,
            [
                "Kindly accept my request. I run a steel mill in Pune.",
                "Dear Sir, I run a steel mill in Pune."
            ]
        );
    }

    #[test]
    fn salutation_fix_uses_their_name() {
        let c = ctx_for("Sarah Chen");
        assert_eq!(
            fixed_with(ID, "Dear Sir/Madam, I read your post on payments.", &c),
            "Dear Sarah, I read your post on payments."
        );
        assert_eq!(
            fixed_with(
                ID,
                "To whom it may concern, I read your post on payments.",
                &c
            ),
            "Hi Sarah, I read your post on payments."
        );
    }

    #[test]
    fn mid_sentence_phrase_without_a_clean_cut_has_no_fix() {
        let r = crate::analyze_bytes(
            "I want to grow my network in payments because your post on retries was great.",
            &crate::Context::default(),
        );
        let f = r.findings.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!(f.replacement, None);
    }
}
