//! The rules. One file per rule; each says what it catches, why it matters, an
//! example and the fixed version. A rule is registered by adding it to [`ALL`]
//! (the conventions test in `tests/conventions.rs` fails for a rule file that is not).
//!
//! Rules are named after the pattern they flag (`generic-opener`, not `no-generic-opener`).
//! Rules about a missing element (`missing-reason`) own the phrase list that
//! detects the element; [`crate::signals`] calls their `detect` functions once per note.

use crate::report::{Category, Finding, Severity};
use crate::signals::Signals;
use crate::text::Doc;
use crate::Context;

pub mod contact_details;
pub mod entitlement_ask;
pub mod filler;
pub mod flattery;
pub mod generic_opener;
pub mod hard_sell;
pub mod link_in_note;
pub mod me_focus;
pub mod missing_context;
pub mod missing_greeting;
pub mod missing_question;
pub mod missing_reason;
pub mod missing_specifics;
pub mod missing_value;
pub mod over_limit;
pub mod personal_remark;
pub mod pressure;
pub mod shouting;
pub mod too_short;
pub mod unfilled_placeholder;
pub mod wording;
pub mod wrong_company;
pub mod wrong_name;
pub mod wrong_role;

/// What a rule sees: the tokenised note, the context and the shared signals.
pub struct Cx<'a> {
    pub doc: &'a Doc<'a>,
    pub ctx: &'a Context,
    pub signals: &'a Signals,
    /// Length of the whole text in UTF-16 code units.
    pub length: usize,
    /// The whole text (the `doc` may hold only the start of a huge paste).
    pub full_text: &'a str,
}

impl Cx<'_> {
    /// A finding of `rule` over a byte span of the analysed text.
    pub fn finding(
        &self,
        rule: &dyn Rule,
        severity: Severity,
        start: usize,
        end: usize,
        message: impl Into<String>,
        replacement: Option<String>,
    ) -> Finding {
        Finding {
            rule: rule.id().to_string(),
            severity,
            category: rule.category(),
            start,
            end,
            message: message.into(),
            replacement,
            points: 0,
        }
    }
}

/// The cap for a note that could go to anyone (`missing-context`, `missing-specifics`):
/// it scores below the 50-point line however the rest adds up.
pub const GENERIC_CAP: u8 = 45;

/// A check on the note.
pub trait Rule: Sync {
    /// Stable kebab-case id, shown to people and used to switch the rule off.
    fn id(&self) -> &'static str;
    /// The score category the rule's penalty comes out of.
    fn category(&self) -> Category;
    /// Points taken off the category when the rule fires (once, however many findings);
    /// for a rule whose penalty is graded, the most it takes.
    fn penalty(&self) -> u8;
    /// Points taken off on this note: [`Rule::penalty`] unless the rule grades it.
    fn penalty_on(&self, _cx: &Cx) -> u8 {
        self.penalty()
    }
    /// Upper bound on the total score while the rule fires, for faults that make the
    /// note bad whatever else it does well.
    fn cap(&self, _cx: &Cx) -> Option<u8> {
        None
    }
    /// True for a rule that reads no words of a language (the limit, template fields,
    /// links, contact details, a wrong name): it runs on notes in any language.
    fn universal(&self) -> bool {
        false
    }
    /// Appends this rule's findings (byte spans) to `out`.
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>);
}

/// Every rule, in the order their findings are produced.
pub static ALL: &[&dyn Rule] = &[
    &unfilled_placeholder::UnfilledPlaceholder,
    &wrong_name::WrongName,
    &wrong_company::WrongCompany,
    &wrong_role::WrongRole,
    &over_limit::OverLimit,
    &missing_greeting::MissingGreeting,
    &generic_opener::GenericOpener,
    &missing_context::MissingContext,
    &missing_specifics::MissingSpecifics,
    &missing_reason::MissingReason,
    &missing_value::MissingValue,
    &missing_question::MissingQuestion,
    &entitlement_ask::EntitlementAsk,
    &hard_sell::HardSell,
    &pressure::Pressure,
    &personal_remark::PersonalRemark,
    &shouting::Shouting,
    &flattery::Flattery,
    &link_in_note::LinkInNote,
    &contact_details::ContactDetails,
    &me_focus::MeFocus,
    &too_short::TooShort,
    &filler::Filler,
    &wording::Wording,
];

/// Looks a rule up by id.
pub fn by_id(id: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.id() == id)
}

/// Helpers for the rules' unit tests: one line per case.
#[cfg(test)]
pub(crate) mod testing {
    use crate::{analyze_bytes, Context, Recipient, Report};

    pub fn ctx_for(name: &str) -> Context {
        Context {
            recipient: Recipient {
                name: Some(name.to_string()),
                ..Recipient::default()
            },
            ..Context::default()
        }
    }

    fn report(text: &str, ctx: &Context) -> Report {
        analyze_bytes(text, ctx)
    }

    /// How many findings `rule` has on `text`.
    pub fn count_with(rule: &str, text: &str, ctx: &Context) -> usize {
        report(text, ctx)
            .findings
            .iter()
            .filter(|f| f.rule == rule)
            .count()
    }

    pub fn count(rule: &str, text: &str) -> usize {
        count_with(rule, text, &Context::default())
    }

    /// Asserts `rule` fires on `text`.
    #[track_caller]
    pub fn fires(rule: &str, text: &str) {
        assert!(count(rule, text) > 0, "{rule} should fire on {text:?}");
    }

    /// Asserts `rule` is silent on `text`.
    #[track_caller]
    pub fn silent(rule: &str, text: &str) {
        let r = report(text, &Context::default());
        let hits: Vec<_> = r.findings.iter().filter(|f| f.rule == rule).collect();
        assert!(
            hits.is_empty(),
            "{rule} should be silent on {text:?}: {hits:?}"
        );
    }

    /// The text after applying the first fix of `rule`; asserts the fix then removes
    /// that finding.
    #[track_caller]
    pub fn fixed_with(rule: &str, text: &str, ctx: &Context) -> String {
        let r = report(text, ctx);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == rule && f.replacement.is_some())
            .unwrap_or_else(|| panic!("{rule} has no fix on {text:?}: {:?}", r.findings));
        let out = f.apply(text, crate::Units::Bytes).expect("fix applies");
        let again = count_with(rule, &out, ctx);
        assert!(
            again < r.findings.iter().filter(|g| g.rule == rule).count(),
            "{rule} still fires after its fix: {out:?}"
        );
        out
    }

    #[track_caller]
    pub fn fixed(rule: &str, text: &str) -> String {
        fixed_with(rule, text, &Context::default())
    }
}
