//! The use cases: each command's work as one library function, which the command line, the
//! review pages of `serve` and the report all call. A use case takes typed requests (plain
//! structs, never command-line types), runs in one read transaction (a consistent snapshot) or
//! one write transaction, and returns one of a small closed set of values:
//!
//! - a listing: rows of one [`Row`](crate::rows::Row) type, in a `Vec` or handed one by one to
//!   a sink (`FnMut(R) -> Result<()>`) when there may be many;
//! - a [`Record`](crate::rows::Record): one object with sections of related rows;
//! - a plain value the caller prints or shows (a [`Report`](crate::report::Report), a text).
//!
//! Nothing here prints, knows a format or opens an output file. Names the user typed (a source
//! by name or alias, a measure key) are resolved inside the use case's transaction.

pub mod articles;
pub mod claims;
pub mod export;
pub mod import;
pub mod measures;
pub mod notebook;
pub mod reconcile;
pub mod report;
pub mod sources;
pub mod suggest;

pub use claims::ClaimQuery;

#[cfg(test)]
mod tests;

/// A row the row model could not read as cells: a bug in a row type, never the user's input.
pub(crate) fn unreadable(e: std::io::Error) -> crate::notebook::Error {
    crate::notebook::Error::Io(format!("a row could not be read as cells ({e}); please report it"))
}
