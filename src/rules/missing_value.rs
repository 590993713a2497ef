//! STUB `missing-value`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};
use crate::text::{Doc, Span};
use crate::Context;

pub struct MissingValue;

/// STUB: detects the element; to be written.
pub fn detect(_doc: &Doc, _ctx: &Context) -> Option<Span> {
    None
}

impl Rule for MissingValue {
    fn id(&self) -> &'static str {
        "missing-value"
    }
    fn category(&self) -> Category {
        Category::Value
    }
    fn penalty(&self) -> u8 {
        10
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
