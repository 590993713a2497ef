//! STUB `generic-opener`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct GenericOpener;

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
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
