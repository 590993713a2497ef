//! STUB `missing-context`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};
use crate::text::{Doc, Span};
use crate::Context;

pub struct MissingContext;

/// STUB: detects the element; to be written.
pub fn detect(_doc: &Doc, _ctx: &Context) -> Option<Span> {
    None
}

impl Rule for MissingContext {
    fn id(&self) -> &'static str {
        "missing-context"
    }
    fn category(&self) -> Category {
        Category::Personal
    }
    fn penalty(&self) -> u8 {
        12
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
