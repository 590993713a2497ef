//! STUB `missing-reason`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};
use crate::text::{Doc, Span};
use crate::Context;

pub struct MissingReason;

/// STUB: detects the element; to be written.
pub fn detect(_doc: &Doc, _ctx: &Context) -> Option<Span> {
    None
}

impl Rule for MissingReason {
    fn id(&self) -> &'static str {
        "missing-reason"
    }
    fn category(&self) -> Category {
        Category::Reason
    }
    fn penalty(&self) -> u8 {
        20
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
