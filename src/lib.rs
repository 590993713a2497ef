//! Rapport's analysis engine: reads a LinkedIn connection note and returns a
//! personalisation score, its breakdown and findings with suggested edits.
//!
//! Pure Rust with no DOM or browser types; `wasm.rs` (wasm32 only) is the one file
//! that talks to JavaScript.
//!
//! ```
//! use rapport::{analyze, Context};
//! let report = analyze("I'd like to add you to my professional network on LinkedIn.", &Context::default());
//! assert!(report.score < Some(20));
//! assert_eq!(report.language, "en");
//! assert!(report.findings.iter().any(|f| f.rule == "generic-opener"));
//! ```

pub mod edits;
pub mod followup;
pub mod lang;
pub mod report;
pub mod rules;
pub mod score;
pub mod signals;
pub mod sort;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use serde::{Deserialize, Serialize};

pub use report::{Category, CategoryScore, Finding, Report, Severity, Units};

/// LinkedIn's invitation-note limit for Premium accounts; free accounts get 200.
pub const DEFAULT_LIMIT: usize = 300;
/// LinkedIn's invitation-note limit for free accounts.
pub const FREE_LIMIT: usize = 200;
/// The engine reads at most this many bytes; the rest of a huge paste is only counted.
pub const MAX_ANALYZED_BYTES: usize = 64 * 1024;

/// What is known about the person the note is for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recipient {
    /// Full name as shown on their profile ("Sarah Chen").
    pub name: Option<String>,
    /// Their profile headline ("Staff Engineer at Acme | Rust, wasm").
    pub headline: Option<String>,
    /// Their current company.
    pub company: Option<String>,
}

impl Recipient {
    /// The first name: the first word of `name`, without honorifics, starting and
    /// ending with a letter or digit.
    pub fn first_name(&self) -> Option<&str> {
        let name = self.name.as_deref()?;
        // "Eng. Ahmed Hassan": a title written short with a full stop is no first name.
        name.split_whitespace()
            .filter(|w| {
                !(w.ends_with('.')
                    && crate::lang::en::DOTTED_TITLES
                        .contains(&crate::text::lower(w).trim_end_matches('.')))
            })
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| {
                !w.is_empty()
                    && !crate::lang::en::HONORIFICS
                        .contains(&crate::text::lower(w).trim_end_matches('.'))
            })
    }

    /// The family name: the last capitalised word of `name` before any comma ("Jane
    /// Doe, PhD" is Doe; "Ingrid Haugen (she/her)" is Haugen).
    pub fn surname(&self) -> Option<&str> {
        self.name
            .as_deref()?
            .split(',')
            .next()?
            .split(' ')
            .rfind(|w| w.starts_with(char::is_uppercase))
    }
}

/// What the engine works out from the recipient alone, once a recipient: see
/// [`Recipient::known`].
pub(crate) struct Known {
    /// The fields of `signals::field` that the profile names, as bits.
    pub fields: u32,
    /// The distinctive words of the headline ([`signals::specifics::headline_words`]).
    pub headline_words: Vec<String>,
    /// Their company's name ([`signals::specifics::company_name`]).
    pub company: Option<String>,
    /// The words of their name as a note's words are read ([`lang::names::name_words`]).
    pub name_words: Vec<String>,
}

impl Known {
    /// All at once: most notes ask for all, and one place to work them out is less
    /// wasm than a lazy cell for each.
    fn read(r: &Recipient) -> Known {
        Known {
            fields: signals::field::read_profile_fields(r),
            headline_words: signals::specifics::headline_words(r),
            company: signals::specifics::company_name(r),
            name_words: lang::names::name_words(r.name.as_deref()),
        }
    }
}

impl Recipient {
    /// What is known of this recipient, kept for the next analysis to the same person:
    /// the extension analyses the note at every keystroke for one recipient, and each
    /// analysis read their profile again. 0.2178M instructions a note against 0.2288M
    /// without (−4.8%); to a new recipient each time, 0.2296M.
    pub(crate) fn known(&self) -> std::rc::Rc<Known> {
        thread_local! {
            static KEPT: std::cell::RefCell<Option<(Recipient, std::rc::Rc<Known>)>> =
                const { std::cell::RefCell::new(None) };
        }
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            match &*kept {
                Some((r, known)) if r == self => known.clone(),
                _ => {
                    let known = std::rc::Rc::new(Known::read(self));
                    *kept = Some((self.clone(), known.clone()));
                    known
                }
            }
        })
    }
}

/// What kind of text is being written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The note on a connection request (to a stranger, short limit).
    #[default]
    Invitation,
    /// A message to someone already connected (follow-up, thank-you).
    Message,
}

/// Everything the engine knows besides the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    pub recipient: Recipient,
    /// Character limit in UTF-16 code units (200 free, 300 Premium).
    pub limit: usize,
    pub kind: Kind,
    /// Rule ids the person switched off.
    pub disabled: Vec<String>,
    /// The language the page declares (`<html lang>`), as a hint for notes whose words
    /// alone do not tell their language ("Marie Dupont!"). ISO 639-1, region allowed.
    pub language: Option<String>,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            recipient: Recipient::default(),
            limit: DEFAULT_LIMIT,
            kind: Kind::Invitation,
            disabled: Vec::new(),
            language: None,
        }
    }
}

/// Analyses `text` and returns the score, breakdown and findings, spans in UTF-16 units.
pub fn analyze(text: &str, ctx: &Context) -> Report {
    let mut report = analyze_bytes(text, ctx);
    let mut offsets: Vec<usize> = report
        .findings
        .iter()
        .flat_map(|f| [f.start, f.end])
        .collect();
    let map = text::Utf16Map::new(text, &mut offsets);
    for f in &mut report.findings {
        f.start = map.at(f.start);
        f.end = map.at(f.end);
    }
    report
}

/// Notes up to this size get their fixes' points by applying them (see
/// [`analyze_bytes`]); a longer text, what its rule no longer firing is worth.
pub const EXACT_POINTS_BYTES: usize = 4 * 1024;

/// Like [`analyze`], but spans are byte offsets into `text` (handy in Rust).
///
/// A finding's `points` is what the score gains once its rule no longer fires. Where
/// every finding of the rule has a fix (and the note is at most
/// [`EXACT_POINTS_BYTES`]), the fixes are applied and the note scored again, so the
/// figure is what clicking them gives: removing an ask that was the note's only reason
/// to write may be worth nothing, while removing a stock opener may take other faults
/// with it.
pub fn analyze_bytes(text: &str, ctx: &Context) -> Report {
    analyze_with(text, ctx, text.len() <= EXACT_POINTS_BYTES)
}

fn analyze_with(text: &str, ctx: &Context, exact: bool) -> Report {
    let length = text::utf16_len(text);
    let cut = text::floor_char_boundary(text, MAX_ANALYZED_BYTES);
    let truncated = cut < text.len();
    let doc = text::Doc::new(&text[..cut]);
    let language = lang::detect::detect_in(&text[..cut], &doc.tokens, ctx.language.as_deref());
    let supported = lang::detect::supported(language);
    let signals = signals::Signals::detect(&doc, ctx);
    let cx = rules::Cx {
        doc: &doc,
        ctx,
        signals: &signals,
        length,
        full_text: text,
    };
    let mut findings = Vec::new();
    let mut fired = Vec::new();
    for rule in rules::ALL {
        // A language without a pack: only the rules that read no words run.
        if ctx.disabled.iter().any(|d| d == rule.id()) || !(supported || rule.universal()) {
            continue;
        }
        let before = findings.len();
        rule.check(&cx, &mut findings);
        if findings.len() > before {
            fired.push(*rule);
        }
    }
    crate::sort::sort_by(&mut findings, |a, b| {
        (a.start, a.end, a.severity, &a.rule).cmp(&(b.start, b.end, b.severity, &b.rule))
    });
    if !supported {
        return Report {
            score: None,
            language: language.to_string(),
            supported,
            length,
            limit: ctx.limit,
            categories: Vec::new(),
            findings,
            truncated,
            capped_by: None,
        };
    }
    let fired: Vec<score::Fired> = fired.iter().map(|&r| score::Fired::new(&cx, r)).collect();
    let scored = score::score(&cx, &fired);
    // What each finding is worth: the score with its rule no longer firing.
    let mut gains: Vec<(&str, u8)> = fired
        .iter()
        .map(|f| f.rule.id())
        .zip(score::gains(&cx, &fired))
        .collect();
    for (id, gain) in gains.iter_mut().filter(|_| exact) {
        // The rule's fixes in text order; none may be missing or overlap another (so
        // not `edits::apply`, which skips an overlapping edit and would score a note
        // the click does not make).
        let mut fixed = String::with_capacity(text.len());
        let mut at = 0;
        let applied = findings.iter().filter(|f| f.rule == *id).all(|f| {
            let Some(r) = f.replacement.as_deref().filter(|_| f.start >= at) else {
                return false;
            };
            fixed.push_str(&text[at..f.start]);
            fixed.push_str(r);
            at = f.end;
            true
        });
        if applied {
            fixed.push_str(&text[at..]);
            let after = analyze_with(&fixed, ctx, false).score.unwrap_or(0);
            *gain = after.saturating_sub(scored.total);
        }
    }
    for f in &mut findings {
        f.points = gains
            .iter()
            .find(|(id, _)| *id == f.rule)
            .map_or(0, |&(_, g)| g);
    }
    Report {
        score: Some(scored.total),
        language: language.to_string(),
        supported,
        length,
        limit: ctx.limit,
        categories: scored.categories,
        findings,
        truncated,
        capped_by: scored.capped_by.map(str::to_string),
    }
}
