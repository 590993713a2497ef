//! Follow-up scheduling (STUB, being written).
