//! STUB `entitlement-ask`: to be written.

use super::{Cx, Rule};
use crate::report::{Category, Finding};

pub struct EntitlementAsk;

impl Rule for EntitlementAsk {
    fn id(&self) -> &'static str {
        "entitlement-ask"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        15
    }
    fn check(&self, _cx: &Cx, _out: &mut Vec<Finding>) {}
}
