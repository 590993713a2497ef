//! STUB `pressure`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct Pressure;

impl Rule for Pressure {
    fn id(&self) -> &'static str {
        "pressure"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        8
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
