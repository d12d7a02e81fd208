//! The audit trail: every update and delete, with the old row as JSON, written by the
//! generated triggers of `schema`.

use serde::{Deserialize, Serialize};

use super::{Notebook, Result};
use crate::vocab::HistoryTable;

/// One row of the audit trail.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct HistoryRow {
    pub id: i64,
    pub table: String,
    pub row_id: i64,
    pub action: String,
    pub old: String,
    pub at: String,
}

impl Notebook {
    /// The audit trail, of one table (and one row of it) or of everything, oldest first.
    pub fn history(
        &mut self,
        table: Option<HistoryTable>,
        row_id: Option<i64>,
        mut f: impl FnMut(HistoryRow) -> Result<()>,
    ) -> Result<()> {
        let tx = self.read()?;
        let mut stmt = tx.prepare(
            "SELECT id, tbl, row_id, action, old, at FROM history
             WHERE (?1 IS NULL OR tbl = ?1) AND (?2 IS NULL OR row_id = ?2) ORDER BY id",
        )?;
        let mut rows = stmt.query(rusqlite::params![table.map(|t| t.as_str()), row_id])?;
        while let Some(r) = rows.next()? {
            f(HistoryRow {
                id: r.get(0)?,
                table: r.get(1)?,
                row_id: r.get(2)?,
                action: r.get(3)?,
                old: r.get(4)?,
                at: r.get(5)?,
            })?;
        }
        Ok(())
    }
}
