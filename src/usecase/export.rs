//! `export TABLE`: every row of one table (claims with the claim filters, figures and saved
//! reconciliations of one measure), streamed in one read transaction.

use super::ClaimQuery;
use crate::notebook::{articles, claims, figures, history, reconciliations, sources};
use crate::notebook::{Notebook, Result};
use crate::rows::{Columns, Row};
use crate::vocab::ExportTable;

/// Where exported rows go: rows of the table's own type, one by one.
pub trait Rows {
    fn row<R: Row>(&mut self, row: &R) -> Result<()>;
}

/// The columns of a table's rows.
pub fn columns(table: ExportTable) -> Columns {
    match table {
        ExportTable::Articles => Columns::of::<articles::ArticleRow>(),
        ExportTable::Sources => Columns::of::<sources::SourceRow>(),
        ExportTable::Claims => Columns::of::<claims::ClaimRow>(),
        ExportTable::Figures => Columns::of::<figures::FigureRow>(),
        ExportTable::Measures => Columns::of::<figures::MeasureRow>(),
        ExportTable::Reconciliations => Columns::of::<reconciliations::ReconciliationRow>(),
        ExportTable::History => Columns::of::<history::HistoryRow>(),
        // Not rows: one JSON document, written by its own command (`export datasette-metadata`).
        ExportTable::DatasetteMetadata => Columns::plain(&[]),
    }
}

/// `export`: the table's rows, handed to `sink` one by one. `query` filters claims; its
/// `measure` picks the figures and reconciliations of one measure.
pub fn export(nb: &mut Notebook, table: ExportTable, query: &ClaimQuery, sink: &mut impl Rows) -> Result<()> {
    nb.reading(|nb| {
        let measure = query.measure.as_deref();
        match table {
            ExportTable::Claims => {
                let filter = query.resolve(nb)?;
                nb.for_each_claim(&filter, |c| sink.row(&c))
            }
            ExportTable::Figures => nb.for_each_figure(measure, |f| sink.row(&f)),
            ExportTable::History => nb.history(None, None, |h| sink.row(&h)),
            ExportTable::Articles => nb.articles()?.iter().try_for_each(|r| sink.row(r)),
            ExportTable::Sources => nb.sources()?.iter().try_for_each(|r| sink.row(r)),
            ExportTable::Measures => nb.measures()?.iter().try_for_each(|r| sink.row(r)),
            ExportTable::Reconciliations => nb.reconciliations(measure)?.iter().try_for_each(|r| sink.row(r)),
            ExportTable::DatasetteMetadata => Ok(()),
        }
    })
}
