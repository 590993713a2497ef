//! STUB `over-limit`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct OverLimit;

impl Rule for OverLimit {
    fn id(&self) -> &'static str {
        "over-limit"
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        15
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
