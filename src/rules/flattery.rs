//! STUB `flattery`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct Flattery;

impl Rule for Flattery {
    fn id(&self) -> &'static str {
        "flattery"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        5
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
