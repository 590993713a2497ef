//! STUB `shouting`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct Shouting;

impl Rule for Shouting {
    fn id(&self) -> &'static str {
        "shouting"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        5
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
