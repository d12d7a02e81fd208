//! Sources: listed, shown with their rating history and claims, added, edited, re-rated,
//! merged, and their other names.

use super::unreadable;
use crate::notebook::claims::ClaimFilter;
use crate::notebook::sources::{AliasRow, SourceFields, SourceRow};
use crate::notebook::{Notebook, Result};
use crate::ratings::Reliability;
use crate::rows::{Cell, Record};

/// `source list`.
pub fn list_sources(nb: &mut Notebook) -> Result<Vec<SourceRow>> {
    nb.reading(|nb| nb.sources())
}

/// The sections of `source show`, by key.
pub const SOURCE_SECTIONS: &[&str] = &["rating_history", "claims_list"];

/// `source show`: the source (by id, name or alias), its rating history and its claims.
pub fn show_source(nb: &mut Notebook, source: &str) -> Result<Record> {
    nb.reading(|nb| {
        let id = nb.resolve_source(source)?;
        let row = nb.source(id)?;
        let history = nb.rating_history(id)?;
        let claims = nb.claims(&ClaimFilter { source: Some(id), ..Default::default() })?;
        Record::of(&row)
            .and_then(|r| {
                r.section("rating_history", "Rating history", &history, "never rated: F, not judged")
            })
            .and_then(|r| r.section("claims_list", "Claims", &claims, "no claims attributed to this source"))
            .map_err(unreadable)
    })
}

/// `source add`.
pub fn add_source(
    nb: &mut Notebook,
    name: &str,
    fields: &SourceFields,
    reliability: Option<Reliability>,
) -> Result<SourceRow> {
    nb.writing(|nb| nb.add_source(name, fields, reliability))
}

/// `source edit` (the source by id, name or alias).
pub fn edit_source(nb: &mut Notebook, source: &str, fields: &SourceFields) -> Result<SourceRow> {
    nb.writing(|nb| {
        let id = nb.resolve_source(source)?;
        nb.edit_source(id, fields)
    })
}

/// `source rate`: the source as it is now, with its previous grade as a field.
pub fn rate_source(nb: &mut Notebook, source: &str, grade: Reliability, why: &str) -> Result<Rated> {
    nb.writing(|nb| {
        let id = nb.resolve_source(source)?;
        let (row, before) = nb.rate_source(id, grade, why)?;
        Ok(Rated { row, before })
    })
}

/// A source re-rated, and the grade it had.
pub struct Rated {
    pub row: SourceRow,
    pub before: Reliability,
}

impl Rated {
    pub fn record(&self) -> Result<Record> {
        Ok(Record::of(&self.row)
            .map_err(unreadable)?
            .with("previous_reliability", Cell::text(self.before.letter())))
    }
}

/// `source merge FROM INTO`: the source that stays, and the ids of both.
pub fn merge_sources(nb: &mut Notebook, from: &str, into: &str) -> Result<(SourceRow, i64, i64)> {
    nb.writing(|nb| {
        let from_id = nb.resolve_source(from)?;
        let into_id = nb.resolve_source(into)?;
        Ok((nb.merge_sources(from_id, into_id)?, from_id, into_id))
    })
}

/// `source alias add`.
pub fn add_alias(nb: &mut Notebook, source: &str, alias: &str) -> Result<AliasRow> {
    nb.writing(|nb| {
        let id = nb.resolve_source(source)?;
        nb.add_alias(id, alias)
    })
}

/// `source alias rm`: the id of the source that lost the name.
pub fn remove_alias(nb: &mut Notebook, source: &str, alias: &str) -> Result<i64> {
    nb.writing(|nb| {
        let id = nb.resolve_source(source)?;
        nb.remove_alias(id, alias)?;
        Ok(id)
    })
}

/// `source alias list`: the other names of one source, or of all.
pub fn list_aliases(nb: &mut Notebook, source: Option<&str>) -> Result<Vec<AliasRow>> {
    nb.reading(|nb| {
        let id = source.map(|s| nb.resolve_source(s)).transpose()?;
        nb.aliases(id)
    })
}
