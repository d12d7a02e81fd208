//! Measures and figures: a measure shown with its figures and saved reconciliations, figures
//! added, listed, removed and re-read, a wording read without a notebook, the vague words.

use std::path::Path;

use super::unreadable;
use crate::notebook::figures::{FigureRow, MeasureRow, TermRow};
use crate::notebook::{Notebook, Result};
use crate::rows::declared::{figures_of_measure, reconciliations_of_measure};
use crate::rows::{Cell, Record};

/// `measure list`, with the count of figures and voices of each.
pub fn list_measures(nb: &mut Notebook) -> Result<Vec<MeasureRow>> {
    nb.reading(|nb| nb.measures())
}

/// The sections of `measure show`, by key.
pub const MEASURE_SECTIONS: &[&str] = &["figures_list", "reconciliations"];

/// `measure show`: the measure, its figures and its saved reconciliations (without the key on
/// every row).
pub fn show_measure(nb: &mut Notebook, key: &str) -> Result<Record> {
    nb.reading(|nb| {
        let (row, r) = nb.measure(key)?;
        let saved = nb.reconciliations(Some(key))?;
        Record::of(&row)
            .and_then(|rec| {
                rec.section_in(
                    "figures_list",
                    "Figures",
                    figures_of_measure(),
                    &r.figures,
                    "no figures for this measure yet",
                )
            })
            .and_then(|rec| {
                rec.section_in(
                    "reconciliations",
                    "Saved reconciliations",
                    reconciliations_of_measure(),
                    &saved,
                    "no saved reconciliations",
                )
            })
            .map_err(unreadable)
    })
}

/// `measure add`; with `sum`, a derived measure: the sum of those measures.
pub fn add_measure(
    nb: &mut Notebook,
    key: &str,
    label: &str,
    unit: Option<&str>,
    sum: &[String],
) -> Result<MeasureRow> {
    nb.writing(|nb| {
        let row = nb.add_measure(key, label, unit)?;
        if sum.is_empty() {
            return Ok(row);
        }
        nb.set_measure_parts(&row.key, sum)?;
        Ok(nb.measure(&row.key)?.0)
    })
}

/// `measure sum`: an existing measure made the sum of others (its parts replaced).
pub fn sum_measure(nb: &mut Notebook, key: &str, parts: &[String]) -> Result<MeasureRow> {
    nb.writing(|nb| {
        nb.set_measure_parts(key, parts)?;
        Ok(nb.measure(key)?.0)
    })
}

/// `measure add --incident KEY --role ROLE`: a measure that counts for an incident.
pub fn add_measure_to(
    nb: &mut Notebook,
    key: &str,
    label: &str,
    unit: Option<&str>,
    incident: Option<&str>,
    role: Option<crate::vocab::MeasureRole>,
    sum: &[String],
) -> Result<MeasureRow> {
    nb.writing(|nb| {
        let row = nb.add_measure_to(key, label, unit, incident, role)?;
        if sum.is_empty() {
            return Ok(row);
        }
        nb.set_measure_parts(&row.key, sum)?;
        Ok(nb.measure(&row.key)?.0)
    })
}

/// `measure edit`: label, unit, incident or role; returns the measure as it is now.
pub fn edit_measure(
    nb: &mut Notebook,
    key: &str,
    edit: &crate::notebook::figures::MeasureEdit,
) -> Result<MeasureRow> {
    nb.writing(|nb| {
        nb.edit_measure(key, edit)?;
        Ok(nb.measure(key)?.0)
    })
}

/// `figure add`: a claim's number for a measure, as the article words it.
pub fn add_figure(nb: &mut Notebook, claim: i64, measure: &str, notation: &str) -> Result<FigureRow> {
    nb.writing(|nb| nb.add_figure(claim, measure, notation))
}

/// `figure list`, of one measure or of all, one by one.
pub fn list_figures(
    nb: &mut Notebook,
    measure: Option<&str>,
    sink: impl FnMut(FigureRow) -> Result<()>,
) -> Result<()> {
    nb.reading(|nb| nb.for_each_figure(measure, sink))
}

/// `figure rm` (kept in the history).
pub fn remove_figure(nb: &mut Notebook, id: i64) -> Result<()> {
    nb.writing(|nb| nb.remove_figure(id))
}

/// The fields of a wording as `figure parse` reads it, and the section `--explain` adds.
pub const PARSED: &[&str] =
    &["notation", "kind", "low", "high", "point", "provisional", "noun", "rule", "steps"];

/// `figure parse`: how a wording is read, with the vague words of the notebook at `notebook`
/// when there is one there, else the built-in ones; with `explain`, the steps that read it.
pub fn parse_figure(notebook: Option<&Path>, notation: &str, explain: bool) -> Result<Record> {
    let r = crate::notebook::figures::parse_wording(notebook, notation)?;
    let cells = [
        Cell::text(notation.trim()),
        Cell::text(r.kind.as_str()),
        Cell::Int(r.low),
        r.high.map(Cell::Int).unwrap_or(Cell::Null),
        Cell::Int(r.point),
        Cell::Bool(r.provisional),
        r.noun.clone().map(Cell::Text).unwrap_or(Cell::Null),
        Cell::text(r.rule),
    ];
    let record = Record::of_fields(PARSED.iter().copied().zip(cells).collect());
    Ok(if explain { record.steps("steps", "How it was read", r.steps) } else { record })
}

/// `figure terms`: the vague-word table.
pub fn terms(nb: &mut Notebook) -> Result<Vec<TermRow>> {
    nb.reading(|nb| nb.terms())
}

/// `figure terms set`.
pub fn set_term(nb: &mut Notebook, word: &str, low: i64, high: i64, point: i64) -> Result<TermRow> {
    nb.writing(|nb| nb.set_term(word, low, high, point))
}

/// `figure reread`: the figures whose reading changed with the current vague words.
pub fn reread(nb: &mut Notebook, measure: Option<&str>) -> Result<Vec<FigureRow>> {
    nb.writing(|nb| nb.reread(measure))
}
