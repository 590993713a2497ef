//! STUB `hard-sell`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct HardSell;

impl Rule for HardSell {
    fn id(&self) -> &'static str {
        "hard-sell"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        12
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
