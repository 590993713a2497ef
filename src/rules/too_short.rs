//! STUB `too-short`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct TooShort;

impl Rule for TooShort {
    fn id(&self) -> &'static str {
        "too-short"
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        10
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
