//! Table-driven tests of figure wording.
