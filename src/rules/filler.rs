//! STUB `filler`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct Filler;

impl Rule for Filler {
    fn id(&self) -> &'static str {
        "filler"
    }
    fn category(&self) -> Category {
        Category::Clarity
    }
    fn penalty(&self) -> u8 {
        3
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
