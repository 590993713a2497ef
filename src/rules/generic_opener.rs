//! `generic-opener`: canned text that could be sent to anyone: LinkedIn's default
//! "I'd like to add you to my professional network on LinkedIn", "Dear Sir/Madam",
//! "To whom it may concern", "I hope this message finds you well", "I'm always
//! looking to expand my network", "connect with like-minded professionals", and
//! "I came across your profile" when nothing specific about them follows, and stock
//! outreach buzzwords ("explore synergies", "help each other grow").
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

use super::filler::{
    in_ranges, remove, remove_sentence, sentence_of, standalone, tokens_in, Cut, Edit,
};
use super::{Cx, Rule};
use crate::lang::en::{BUZZWORDS, GENERIC_OPENER_GENERIC_WORDS as GENERIC_WORDS};
use crate::report::{Category, Finding, Severity};
use crate::text::{Doc, Hit, Lexicon, Span};
use std::sync::LazyLock;

pub struct GenericOpener;

/// The share of a note's words (greeting aside) in canned phrases from which the
/// score is capped.
const CANNED_SHARE: f32 = 0.6;
/// The cap for a note that is mostly canned text: below what no note at all would earn.
const CANNED_CAP: u8 = 15;
/// The cap for a note that says it goes to many people.
const MASS_CAP: u8 = 35;
/// From this many different buzzwords a note is capped, unless it also says how they
/// know them and something specific about them.
const BUZZ_MIN: usize = 3;
/// The cap for a note of buzzwords with nothing specific in it.
const BUZZ_CAP: u8 = 40;

static BUZZ: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(BUZZWORDS));

/// The different buzzwords in the note, first occurrence of each.
fn buzzwords(doc: &Doc) -> Vec<Hit> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for h in doc.find_iter(&BUZZ) {
        if !seen.contains(&h.phrase) {
            seen.push(h.phrase);
            out.push(h);
        }
    }
    out
}

/// The kinds of canned text, each with its own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// LinkedIn's default text and "add you to / join your network".
    Default,
    /// "Dear Sir/Madam", "To whom it may concern": a greeting without a person.
    Salutation,
    /// "I hope this message finds you well".
    Pleasantry,
    /// "I'm always looking to expand my network", "like-minded professionals".
    Networking,
    /// "I'm connecting with all members of the group": says the note goes to many people.
    Mass,
    /// "I came across your profile": generic unless the sentence names something specific.
    Profile,
    /// "Let's connect": generic only when the note says nothing else.
    Call,
}

/// Phrase families, built out into [`ENTRIES`].
fn entries() -> Vec<(String, Kind)> {
    let mut out: Vec<(String, Kind)> = Vec::new();
    let mut add = |phrases: &[&str], kind: Kind| {
        out.extend(phrases.iter().map(|p| (p.to_string(), kind)));
    };
    add(
        &[
            "I'd like to add you to my professional network on LinkedIn",
            "I would like to add you to my professional network on LinkedIn",
            "I'd like to add you to my professional network",
            "I would like to add you to my professional network",
            "I'd like to add you to my network",
            "I would like to add you to my network",
            "I'd love to add you to my network",
            "I'd love to add you to my professional network",
            "add you to my professional network",
            "add you to my network",
            "add you to my LinkedIn network",
            "I'd love to join your network",
            "I would love to join your network",
            "I'd like to join your network",
            "I would like to join your network",
            "I'd like to join your professional network",
            "join your professional network",
            "join your network",
            "be part of your network",
            "be a part of your network",
            "be part of your professional network",
            "be added to your network",
            "add me to your network",
            "I'd like to invite you to join my professional network",
            "I would like to invite you to join my professional network",
            "invite you to join my professional network",
            "invite you to join my network",
            "I'd like to invite you to connect",
            "I would like to invite you to connect",
            "I am inviting you to connect",
            "I'm inviting you to connect",
            "accept my request",
            "accept my connection request",
            "accept my invitation",
            "please accept my request",
            "please accept my connection request",
            "please accept my invitation",
            "kindly accept my request",
            "kindly accept my connection request",
            "kindly accept my invitation",
            "has indicated you are a fellow group member",
            "indicated you are a fellow group member",
            "has indicated you are a friend",
            "has indicated you are a colleague",
            "since you are a person I trust",
        ],
        Kind::Default,
    );
    add(
        &[
            "Dear Sir/Madam",
            "Dear Sir or Madam",
            "Dear Sir",
            "Dear Madam",
            "Respected Sir",
            "Respected Madam",
            "Respected Sir/Madam",
            "Dear Hiring Manager",
            "Dear Recruiter",
            "Hello Sir",
            "Hi Sir",
            "To whom it may concern",
        ],
        Kind::Salutation,
    );
    for lead in ["I hope", "hope", "I trust", "trust"] {
        for body in [
            "this message finds you well",
            "this finds you well",
            "this note finds you well",
            "this email finds you well",
            "this message finds you in good health",
            "this message reaches you well",
            "you are doing well",
            "you're doing well",
            "you are doing great",
            "you're doing great",
            "you are well",
            "you're well",
            "all is well",
            "all is well with you",
            "you are keeping well",
            "you're keeping well",
            "you don't mind me reaching out",
            "you don't mind my reaching out",
            "this note finds you",
            "this message finds you",
            "this email finds you",
            "this finds you",
        ] {
            out.push((format!("{lead} {body}"), Kind::Pleasantry));
        }
    }
    // "grow my network", "expanding our professional networks".
    for verb in [
        "expand",
        "expanding",
        "grow",
        "growing",
        "broaden",
        "broadening",
        "build",
        "building",
        "extend",
        "widen",
        "increase",
    ] {
        for whose in ["my", "our"] {
            for what in [
                "network",
                "networks",
                "professional network",
                "professional networks",
                "connections",
                "LinkedIn network",
            ] {
                out.push((format!("{verb} {whose} {what}"), Kind::Networking));
            }
        }
    }
    let mut add = |phrases: &[&str], kind: Kind| {
        out.extend(phrases.iter().map(|p| (p.to_string(), kind)));
    };
    add(
        &[
            "I'm always looking to expand my network",
            "I am always looking to expand my network",
            "always looking to expand my network",
            "looking to expand my network",
            "looking to grow my network",
            "expand my network",
            "expand my professional network",
            "expanding my network",
            "expanding my professional network",
            "grow my network",
            "grow my professional network",
            "growing my network",
            "growing my professional network",
            "broaden my network",
            "broaden my professional network",
            "build my network",
            "build my professional network",
            "building my network",
            "building my professional network",
            "extend my network",
            "widen my network",
            "increase my network",
            "expand my connections",
            "grow my connections",
            "connect with like-minded professionals",
            "connect with like-minded people",
            "connect with like-minded individuals",
            "connecting with like-minded professionals",
            "connecting with like-minded people",
            "connecting with like-minded individuals",
            "like-minded professionals",
            "like-minded people",
            "like-minded individuals",
            "connect with professionals in my field",
            "connect with other professionals",
            "connect with fellow professionals",
            "connecting with other professionals",
            "connecting with fellow professionals",
            // Stock outreach buzzwords: vague promises that fit any recipient.
            "explore synergies",
            "exploring synergies",
            "create synergies",
            "synergies together",
            "add value to each other",
            "add value to each other's journeys",
            "help each other grow",
            "grow together",
            "support each other",
            "mutually beneficial relationship",
            "take your career to the next level",
            "exciting opportunities",
            "leaders in the space",
            "forward-thinking leaders",
        ],
        Kind::Networking,
    );
    let mut mass: Vec<String> = Vec::new();
    for verb in [
        "connecting with",
        "reaching out to",
        "looking to connect with",
        "connect with",
        "writing to",
        "messaging",
        "inviting",
    ] {
        // Audiences only a mailing list has: "all members", "everyone in", "as many".
        for who in [
            "all members",
            "all the members",
            "all attendees",
            "all the attendees",
            "everyone in",
            "everyone at",
            "everyone who",
            "senior leaders",
            "decision makers",
            "decision-makers",
            "as many",
        ] {
            mass.push(format!("{verb} {who}"));
        }
    }
    for phrase in [
        "looking to connect with leaders",
        "looking to connect with professionals",
        "connecting with leaders",
        "reaching out to leaders",
    ] {
        mass.push(phrase.to_string());
    }
    let refs: Vec<&str> = mass.iter().map(String::as_str).collect();
    add(&refs, Kind::Mass);
    add(
        &[
            "I came across your profile",
            "came across your profile",
            "came across your LinkedIn profile",
            "I came across your LinkedIn profile",
            "I stumbled upon your profile",
            "stumbled upon your profile",
            "stumbled across your profile",
            "I found your profile",
            "found your profile",
            "I saw your profile",
            "saw your profile",
            "I was going through your profile",
            "going through your profile",
            "I was browsing your profile",
            "browsing your profile",
            "I was looking at your profile",
            "looking at your profile",
            "I viewed your profile",
            "viewed your profile",
            "your profile came up",
            "your profile popped up",
            "your profile caught my eye",
            "your profile caught my attention",
            "came across your name",
            "you viewed my profile",
            "viewed my profile",
            "visited my profile",
        ],
        Kind::Profile,
    );
    add(
        &[
            "let's connect",
            "lets connect",
            "let us connect",
            "let's stay connected",
            "I'd like to connect with you",
            "I would like to connect with you",
            "I'd love to connect with you",
            "I would love to connect with you",
            "I want to connect with you",
            "I'd like to connect with you on LinkedIn",
            "I'd like to connect",
            "I would like to connect",
            "I'd love to connect",
            "I would love to connect",
            "would love to connect",
            "would like to connect",
            "looking forward to connecting",
            "look forward to connecting",
            "looking forward to connecting with you",
            "happy to connect",
            "connect with you",
            "connect with you on LinkedIn",
        ],
        Kind::Call,
    );
    out
}

static ENTRIES: LazyLock<Vec<(String, Kind)>> = LazyLock::new(entries);

static PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<&str> = ENTRIES.iter().map(|(p, _)| p.as_str()).collect();
    Lexicon::new(&phrases)
});

/// True for a word (normalised token) that says nothing specific.
pub fn is_generic_word(norm: &str) -> bool {
    GENERIC_WORDS.binary_search(&norm).is_ok()
}

/// A canned phrase found in the note.
struct Canned {
    hit: Hit,
    kind: Kind,
}

/// Where the note's greeting ends, punctuation included: the detected greeting
/// ("Hi Sarah,"), or a salutation that opens the note ("Dear Sir/Madam,", which the
/// greeting detector ends after "Dear"). Rules that remove a sentence start after it.
pub fn greeting_end(cx: &Cx) -> Option<usize> {
    cx.signals
        .greeting
        .map(|g| g.end)
        .max(cx.signals.salutation_end)
}

/// End of a salutation without a person ("Dear Sir/Madam,") opening the note, with
/// its punctuation. Detected once per note by [`crate::signals::Signals`].
pub fn salutation_end(doc: &Doc) -> Option<usize> {
    // Salutations are a few words long: look at the opening words only.
    doc.opening(&PHRASES, 8)
        .filter(|h| ENTRIES[h.phrase].1 == Kind::Salutation)
        .map(|h| {
            let rest = &doc.text[h.end..];
            let punct = rest
                .char_indices()
                .take_while(|&(_, c)| matches!(c, ',' | '!' | '.' | ':' | ';' | '-' | '\u{2014}'))
                .last()
                .map_or(0, |(j, c)| j + c.len_utf8());
            h.end + punct
        })
}

/// Number of tokens in the greeting ("Hi Sarah,"), if any.
pub(crate) fn greeting_tokens(cx: &Cx) -> usize {
    greeting_end(cx).map_or(0, |g| cx.doc.tokens.partition_point(|t| t.end <= g))
}

/// True when token `i` carries content: not generic, not the recipient's name, not a
/// sign-off word.
fn is_content(cx: &Cx, i: usize) -> bool {
    let t = &cx.doc.tokens[i];
    if is_generic_word(&t.norm) || t.norm.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let name = cx.ctx.recipient.name.as_deref().unwrap_or("");
    !name.split_whitespace().any(|part| {
        part.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            == t.norm
    })
}

/// Index of the first token of a closing sign-off line ("Best, Bo"), if the note has one.
fn signoff_start(doc: &Doc) -> usize {
    let Some(last) = doc.sentences.last() else {
        return doc.tokens.len();
    };
    let first = doc.tokens.partition_point(|t| t.start < last.start);
    match (first < doc.tokens.len()).then_some(first) {
        Some(i)
            if doc.tokens.len() - i <= 4
                && matches!(
                    doc.tokens[i].norm.as_str(),
                    "best" | "regards" | "cheers" | "thanks" | "sincerely" | "warm" | "kind"
                ) =>
        {
            i
        }
        _ => doc.tokens.len(),
    }
}

/// The note's phrases from this rule's lexicon, standing alone: searched once per
/// note (by [`crate::signals::Signals`]) and shared.
pub fn phrase_hits(doc: &Doc) -> Vec<Hit> {
    doc.find_iter(&PHRASES)
        .filter(|h| standalone(doc, h))
        .collect()
}

/// Where the note uses stock networking text (LinkedIn's default, "help each other
/// grow", mass outreach), of the `hits` of [`phrase_hits`]: a reason found inside one
/// of these is no reason.
pub fn stock_phrases(hits: &[Hit]) -> Vec<Span> {
    hits.iter()
        .filter(|h| {
            matches!(
                ENTRIES[h.phrase].1,
                Kind::Default | Kind::Networking | Kind::Mass
            )
        })
        .map(|h| Span {
            start: h.start,
            end: h.end,
        })
        .collect()
}

/// The canned phrases that count in this note (conditional kinds checked).
fn canned(cx: &Cx) -> Vec<Canned> {
    let doc = cx.doc;
    let all: Vec<Canned> = cx
        .signals
        .canned_phrases
        .iter()
        .map(|&hit| Canned {
            hit,
            kind: ENTRIES[hit.phrase].1,
        })
        .collect();
    if all.is_empty() {
        return all;
    }
    let ranges: Vec<(usize, usize)> = all
        .iter()
        .map(|c| (c.hit.first_token, c.hit.end_token))
        .collect();
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
        let greeting_end = greeting_end(cx);
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
            // "Dear Sir," opens the note: remove it with its comma.
            return remove(doc.text, c.hit.start, c.hit.end, None, Cut::Word);
        }
        remove(doc.text, c.hit.start, c.hit.end, greeting_end, Cut::Clause).or_else(|| {
            remove_sentence(doc, c.hit.start, greeting_end, |i| {
                is_generic_word(&doc.tokens[i].norm) || in_ranges(ranges, i)
            })
        })
    }
}

/// True when the text after `edit` has a canned phrase overlapping the inserted text.
/// Looks at a few words either side: phrases are short.
fn canned_again(doc: &Doc, edit: &Edit) -> bool {
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
    Doc::new(&window)
        .find(&PHRASES)
        .iter()
        .any(|h| h.start < hi && lo < h.end)
}

fn message(kind: Kind, shown: &str) -> String {
    match kind {
        Kind::Default => format!("“{shown}” is the stock invitation text people ignore. Say something specific instead: how you found them and what you liked about their work."),
        Kind::Salutation => format!("“{shown}” tells them the note could go to anyone. Use their name."),
        Kind::Pleasantry => format!("“{shown}” is a stock pleasantry that spends characters without saying anything. Open with something specific about them instead."),
        Kind::Networking => format!("“{shown}” is about your network, not about them, and could be sent to anyone. Say why you want to connect with this person."),
        Kind::Mass => format!("“{shown}” tells them the note goes to many people, so it cannot be personal. Write to this one person: how you found them and why them."),
        Kind::Profile => format!("“{shown}” says nothing specific. Say what on their profile or in their work caught your eye."),
        Kind::Call => format!("“{shown}” on its own gives them no reason to accept. Say how you found them and what you'd like to talk about."),
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
        8
    }
    /// Caps the score at 15 when canned phrases make up most of the note: LinkedIn's
    /// default text, alone or behind a greeting, must not score like a written note.
    /// A note that says it goes to many people at 35, and one of buzzwords with nothing
    /// specific in it at 40.
    fn cap(&self, cx: &Cx, _findings: &[Finding]) -> Option<u8> {
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
        let mass = hits
            .iter()
            .any(|c| c.kind == Kind::Mass)
            .then_some(MASS_CAP);
        // Buzzwords cap a note unless it also says how they know them and something specific.
        let personal = cx.signals.specifics.is_some() && cx.signals.how_found.is_some();
        let buzz = (!personal && buzzwords(cx.doc).len() >= BUZZ_MIN).then_some(BUZZ_CAP);
        [canned, mass, buzz].into_iter().flatten().min()
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let hits = canned(cx);
        let ranges: Vec<(usize, usize)> = hits
            .iter()
            .map(|c| (c.hit.first_token, c.hit.end_token))
            .collect();
        for c in &hits {
            let shown = &cx.doc.text[c.hit.start..c.hit.end];
            let severity = match c.kind {
                Kind::Default | Kind::Salutation | Kind::Mass => Severity::Warning,
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
            let message = format!("{} are buzzwords that fit any company, so the note reads as if it could go to anyone. Say one concrete thing instead: what of theirs you saw, and what you want to talk about.", shown.join(", "));
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
    fn generic_words_are_sorted() {
        assert!(GENERIC_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn mass_outreach_and_buzzwords_cap_the_score() {
        let score = |t: &str| crate::analyze(t, &Context::default()).score;
        let mass = "Hi, I'm connecting with all members of the Marketing Professionals group. Let's support each other!";
        fires(ID, mass);
        assert!(score(mass) <= MASS_CAP);
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
    fn linkedin_old_group_invitation_is_default_text() {
        let t = "Mike Jones has indicated you are a fellow group member of Digital Marketing Professionals: I'd like to add you to my professional network on LinkedIn.";
        fires(ID, t);
        assert!(crate::analyze(t, &Context::default()).score <= CANNED_CAP);
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
            assert!(r.score <= 15, "{text}: {}", r.score);
        }
        // A specific note with one canned phrase is not capped.
        let cx_text = "Hi Sarah, I hope this finds you well. I loved your RustConf talk on wasm tooling and the part on linker errors; I'm building a linter and would value your view. How do you test it?";
        let r = crate::analyze(cx_text, &crate::Context::default());
        assert!(r.score > 15, "{}", r.score);
        assert_eq!(count(ID, cx_text), 1);
    }

    #[test]
    fn fixes_remove_the_canned_text() {
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
