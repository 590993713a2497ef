//! STUB `link-in-note`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct LinkInNote;

impl Rule for LinkInNote {
    fn id(&self) -> &'static str {
        "link-in-note"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        5
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
