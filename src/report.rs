//! The engine's output: a [`Report`] with a score, a breakdown and [`Finding`]s.
//!
//! Spans are end-exclusive. Inside the engine they are byte offsets into the text;
//! [`crate::analyze`] converts them to UTF-16 code units (what JavaScript's
//! `String.length` and a textarea's `maxlength` count) before returning.

use serde::{Deserialize, Serialize};

/// How much a finding matters to the person sending the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something the recipient would notice at once (wrong name, unfilled template,
    /// over the limit). The note should not be sent as it is.
    Error,
    /// Makes acceptance clearly less likely.
    Warning,
    /// An improvement worth considering.
    Suggestion,
}

/// The parts of the score, in the words a person understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Their name, how you found them, something specific about their work.
    Personal,
    /// Why you want to connect.
    Reason,
    /// What is in it for them, and an easy next step (a question).
    Value,
    /// No entitlement, hard sell, pressure or shouting.
    Respect,
    /// Within the limit, long enough to say something, no filler or boilerplate.
    Clarity,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 5] = [
        Category::Personal,
        Category::Reason,
        Category::Value,
        Category::Respect,
        Category::Clarity,
    ];

    /// A short label for the breakdown.
    pub fn label(self) -> &'static str {
        match self {
            Category::Personal => "Personal touch",
            Category::Reason => "Clear reason",
            Category::Value => "Value offered",
            Category::Respect => "Respect & tone",
            Category::Clarity => "Length & clarity",
        }
    }
}

/// One problem in the note, with an optional mechanical fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, kebab-case, named after the pattern it flags (`generic-opener`).
    pub rule: String,
    pub severity: Severity,
    pub category: Category,
    /// Start of the span, inclusive.
    pub start: usize,
    /// End of the span, exclusive. `start == end` marks an insertion point.
    pub end: usize,
    /// Why it matters, in plain words.
    pub message: String,
    /// Text that replaces `start..end` when the person applies the fix: `""` removes
    /// the span, a non-empty text at an empty span inserts. `None`: no mechanical fix.
    pub replacement: Option<String>,
    /// What fixing it is worth: the score gain once this finding's rule no longer
    /// fires (all of its findings fixed). 0 when it costs nothing or the note's
    /// language is not checked.
    #[serde(default)]
    pub points: u8,
}

impl Finding {
    /// Applies this finding's fix to `text` (whose offsets the finding uses, bytes or UTF-16
    /// as stated by `units`). Returns `None` when there is no fix or the span is invalid.
    pub fn apply(&self, text: &str, units: Units) -> Option<String> {
        let replacement = self.replacement.as_deref()?;
        let (start, end) = match units {
            Units::Bytes => (self.start, self.end),
            Units::Utf16 => (
                crate::text::utf16_to_byte(text, self.start)?,
                crate::text::utf16_to_byte(text, self.end)?,
            ),
        };
        if start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return None;
        }
        let mut out = String::with_capacity(text.len() + replacement.len());
        out.push_str(&text[..start]);
        out.push_str(replacement);
        out.push_str(&text[end..]);
        Some(out)
    }
}

/// Which units a span is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    Bytes,
    Utf16,
}

/// The score of one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryScore {
    pub id: Category,
    pub label: String,
    /// Points earned, `0..=max`.
    pub score: u8,
    /// The category's weight in the total.
    pub max: u8,
}

/// What [`crate::analyze`] returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Personalisation score, 0 to 100; `None` only when `supported` is false (a
    /// language the engine has no pack for gets no misleading number).
    pub score: Option<u8>,
    /// The note's language, an ISO 639-1 code ("en", "fr").
    pub language: String,
    /// True when the engine has a pack for `language` and scored the note; otherwise
    /// only the rules that read no words ran (limit, placeholders, links, contact
    /// details, wrong name).
    pub supported: bool,
    /// Length of the note in UTF-16 code units.
    pub length: usize,
    /// The character limit the note was checked against.
    pub limit: usize,
    /// The score's breakdown; the categories' scores add up to at least `score`
    /// (a serious error caps the total below the sum). Empty when not `supported`.
    pub categories: Vec<CategoryScore>,
    /// Findings in text order, spans in UTF-16 code units.
    pub findings: Vec<Finding>,
    /// True when the text was longer than the engine analyses and only its start was read.
    pub truncated: bool,
    /// The rule whose fault caps the total below the categories' sum, if any.
    pub capped_by: Option<String>,
}

impl Report {
    /// The note's points before any cap: the sum of its categories (at least `score`).
    pub fn points_before_cap(&self) -> u8 {
        self.categories.iter().map(|c| c.score).sum()
    }

    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}
