//! `export TABLE`: every row of one table (claims with the claim filters, figures and saved
//! reconciliations of one measure), streamed in one read transaction.

use super::ClaimQuery;
use crate::notebook::{articles, claims, figures, history, reconciliations, sources};
use crate::notebook::{Notebook, Result};
use crate::rows::{Columns, Row};
use crate::vocab::{EventProfile, ExportFormat, ExportTable};

/// Where exported rows go: rows of the table's own type, one by one.
pub trait Rows {
    fn row<R: Row>(&mut self, row: &R) -> Result<()>;
}

/// The columns of a table's rows (for events, of the profile's rows).
pub fn columns(table: ExportTable, profile: Option<EventProfile>) -> Columns {
    match table {
        ExportTable::Incidents => Columns::of::<crate::notebook::incidents::IncidentRow>(),
        ExportTable::Events => match profile {
            Some(EventProfile::Acled) => Columns::of::<crate::events::AcledRow>(),
            Some(EventProfile::Airwars) => Columns::of::<crate::events::AirwarsRow>(),
            _ => Columns::of::<crate::events::UcdpRow>(),
        },
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
/// `measure` picks the figures and reconciliations of one measure. Returns the warnings for
/// people: with `events --profile ucdp`, each count whose best follows a stale saved
/// reconciliation's method.
pub fn export(
    nb: &mut Notebook,
    table: ExportTable,
    profile: Option<EventProfile>,
    query: &ClaimQuery,
    sink: &mut impl Rows,
) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
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
            ExportTable::Incidents => nb.incidents()?.iter().try_for_each(|r| sink.row(r)),
            ExportTable::Events => {
                let events = nb.events()?;
                if matches!(profile, None | Some(EventProfile::Ucdp)) {
                    warnings = crate::events::stale_warnings(&events);
                }
                events.iter().try_for_each(|e| match profile {
                    Some(EventProfile::Acled) => sink.row(&crate::events::acled(e)),
                    Some(EventProfile::Airwars) => sink.row(&crate::events::airwars(e)),
                    _ => sink.row(&crate::events::ucdp(e)),
                })
            }
            ExportTable::DatasetteMetadata => Ok(()),
        }
    })?;
    Ok(warnings)
}

/// `export articles --format csl-json|bibtex`: every article as a CSL-JSON item (the whole
/// array) or a BibTeX entry.
pub fn citations(nb: &mut Notebook, format: ExportFormat) -> Result<String> {
    let mut text = String::new();
    let mut items = Vec::new();
    nb.reading(|nb| {
        nb.for_each_citable(|c| {
            if format == ExportFormat::CslJson {
                items.push(crate::citation::csl_item(&c));
            } else {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&crate::citation::bibtex_entry(&c));
            }
            Ok(())
        })
    })?;
    if format == ExportFormat::CslJson {
        text = serde_json::to_string_pretty(&items).map_err(|e| crate::notebook::Error::Output(e.into()))?;
        text.push('\n');
    }
    Ok(text)
}
