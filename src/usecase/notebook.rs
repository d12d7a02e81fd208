//! The notebook as a whole: its counts, its check and repair, its history, search, and merging
//! another notebook into it.

use std::path::Path;

use crate::notebook::history::HistoryRow;
use crate::notebook::maintenance::Info;
use crate::notebook::search::SearchHit;
use crate::notebook::transfer::Tally;
use crate::notebook::{Notebook, Result};
use crate::rows::{Cell, Record};
use crate::vocab::{HistoryTable, SearchIn};

/// The fields of what `init` prints.
pub const INIT_FIELDS: &[&str] = &["path", "schema_version"];

/// `init`: the notebook (created or upgraded when it was opened) and its schema version; people
/// read its path alone.
pub fn init(nb: &mut Notebook) -> Result<Record> {
    let path = nb.path().display().to_string();
    let fields =
        vec![("path", Cell::text(path.clone())), ("schema_version", Cell::Int(nb.schema_version()?))];
    Ok(Record { line: Some(path), ..Record::of_fields(fields) })
}

/// `info`: path, schema version, size and a count for every table.
pub fn info(nb: &mut Notebook) -> Result<Info> {
    nb.reading(|nb| nb.info())
}

/// What `check` found, and what `--repair` rebuilt first.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// With `--repair`: how many articles and claims had their search index rebuilt.
    pub rebuilt: Option<usize>,
    pub problems: Vec<String>,
}

/// `check` (and `check --repair`, which rebuilds the search index and name keys first, in its
/// own write transaction).
pub fn check(nb: &mut Notebook, repair: bool) -> Result<Checked> {
    let rebuilt = if repair { Some(nb.writing(|nb| nb.repair())?) } else { None };
    Ok(Checked { rebuilt, problems: nb.check()? })
}

/// `history`: every update and delete, of one table or one row, one by one.
pub fn history(
    nb: &mut Notebook,
    table: Option<HistoryTable>,
    id: Option<i64>,
    sink: impl FnMut(HistoryRow) -> Result<()>,
) -> Result<()> {
    nb.reading(|nb| nb.history(table, id, sink))
}

/// `search`: ranked matches with a snippet of the original text.
pub fn search(nb: &mut Notebook, query: &str, within: SearchIn, limit: usize) -> Result<Vec<SearchHit>> {
    nb.reading(|nb| nb.search(query, within, limit))
}

/// `merge`: another notebook's work brought into this one, in one write transaction.
pub fn merge(nb: &mut Notebook, other: &Path) -> Result<Tally> {
    nb.merge_from(other)
}

/// `backup`: a consistent copy of the notebook, even while it is in use.
pub fn backup(nb: &mut Notebook, to: &Path) -> Result<()> {
    nb.backup_to(to)
}
