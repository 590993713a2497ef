//! STUB `me-focus`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct MeFocus;

impl Rule for MeFocus {
    fn id(&self) -> &'static str {
        "me-focus"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        5
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
