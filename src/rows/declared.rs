//! The columns of every row type the library returns, as a terminal table shows them when the
//! user picks none: the brief set (chosen to fit 80 columns), those added on a wide terminal,
//! and those cut to one line. Every column of a type is its fields: adding a column to a
//! listing is a field (and its SQL) in `src/notebook/`, a name here if a terminal should show
//! it by default, and its line in docs/formats.md.

use super::{Columns, Row};
use crate::notebook::{articles, claims, figures, history, import, maintenance, reconciliations};
use crate::notebook::{incidents, search, sources, transfer};

impl Row for claims::ClaimRow {
    const BRIEF: &'static [&'static str] = &["id", "rating", "quote", "sources", "figures"];
    const ROOMY: &'static [&'static str] = &["article_id", "when_text", "place", "tags", "published"];
    const CUT: &'static [&'static str] = &["quote"];
}

impl Row for articles::ArticleRow {
    const BRIEF: &'static [&'static str] = &["id", "title", "outlet", "published", "language", "claims"];
    const ROOMY: &'static [&'static str] = &["author", "chars", "near_duplicate_of", "note"];
    const CUT: &'static [&'static str] = &["title", "note"];
}

impl Row for sources::SourceRow {
    const BRIEF: &'static [&'static str] = &["id", "name", "kind", "reliability", "claims"];
    const ROOMY: &'static [&'static str] = &["aliases", "affiliation", "named", "note"];
    const CUT: &'static [&'static str] = &["note"];
}

impl Row for figures::FigureRow {
    const BRIEF: &'static [&'static str] = &["id", "measure", "notation", "low", "high", "rating", "sources"];
    const ROOMY: &'static [&'static str] =
        &["claim_id", "kind", "point", "weight", "superseded", "published"];
    const CUT: &'static [&'static str] = &["notation", "sources"];
}

impl Row for figures::MeasureRow {}

impl Row for incidents::IncidentRow {
    // The measures' keys (long words that cannot wrap) when the terminal has room; `incident
    // show` lists them whatever its width.
    const BRIEF: &'static [&'static str] = &["key", "label", "date_from", "place", "claims"];
    const ROOMY: &'static [&'static str] =
        &["measures", "date_to", "date_precision", "latitude", "longitude", "where_precision"];
    const CUT: &'static [&'static str] = &["label"];
}

impl Row for incidents::IncidentMeasureRow {
    // `stale` stays at 80 columns (a saved result that no longer matches its figures must
    // show); `voices` waits for a wider terminal, so that the measures' keys keep their width.
    const BRIEF: &'static [&'static str] =
        &["measure", "role", "low", "best", "high", "support", "saved", "stale"];
    const ROOMY: &'static [&'static str] = &["voices", "method", "figures", "label"];
    const CUT: &'static [&'static str] = &["label"];
}

impl Row for crate::events::UcdpRow {
    const BRIEF: &'static [&'static str] = &[
        "relid",
        "date_start",
        "date_prec",
        "where_description",
        "best",
        "low",
        "high",
        "number_of_sources",
    ];
    const ROOMY: &'static [&'static str] =
        &["date_end", "latitude", "longitude", "where_prec", "source_office"];
    const CUT: &'static [&'static str] = &["where_description"];
}

impl Row for crate::events::AcledRow {
    const BRIEF: &'static [&'static str] =
        &["event_id_cnty", "event_date", "time_precision", "location", "geo_precision", "fatalities"];
    const ROOMY: &'static [&'static str] = &["latitude", "longitude", "source", "notes"];
    const CUT: &'static [&'static str] = &["location", "notes"];
}

impl Row for crate::events::AirwarsRow {
    const BRIEF: &'static [&'static str] =
        &["code", "date", "location", "killed_min", "killed_max", "injured_min", "injured_max", "grade"];
    const ROOMY: &'static [&'static str] = &["date_end", "ratings", "grade_reason"];
    const CUT: &'static [&'static str] = &["location", "grade_reason"];
}

impl Row for reconciliations::ReconciliationRow {
    const BRIEF: &'static [&'static str] =
        &["id", "measure", "method", "low", "best", "high", "support", "stale"];
    const ROOMY: &'static [&'static str] = &["voices", "figures", "as_of", "note", "created_at"];
    const CUT: &'static [&'static str] = &["note"];
}

/// A measure's own figures (`measure show`): the key is the heading's, not every row's.
pub fn figures_of_measure() -> Columns {
    Columns {
        brief: vec!["id", "claim_id", "notation", "low", "high", "rating", "sources"],
        roomy: vec!["kind", "point", "weight", "superseded", "outlet", "published"],
        ..Columns::of::<figures::FigureRow>()
    }
}

/// A measure's own saved reconciliations (`measure show`), without the key on every row.
pub fn reconciliations_of_measure() -> Columns {
    Columns {
        brief: vec!["id", "method", "low", "best", "high", "support", "stale", "note"],
        roomy: vec!["voices", "figures", "as_of", "created_at"],
        ..Columns::of::<reconciliations::ReconciliationRow>()
    }
}

/// A terminal shows the timeline one measure at a time, under its key (see `reconcile`).
impl Row for reconciliations::TimelineRow {
    const BRIEF: &'static [&'static str] = &["date", "low", "best", "high", "open_high", "support", "voices"];
    const ROOMY: &'static [&'static str] = &["figures"];
}

impl Row for articles::Redated {}

impl Row for sources::RatingRow {}

impl Row for sources::AliasRow {}

impl Row for claims::LinkRow {}

impl Row for figures::TermRow {}

impl Row for history::HistoryRow {
    const BRIEF: &'static [&'static str] = &["table", "row_id", "changes", "at"];
    const ROOMY: &'static [&'static str] = &["id", "action"];
    const CUT: &'static [&'static str] = &["old"];
}

impl Row for search::SearchHit {
    const BRIEF: &'static [&'static str] = &["kind", "id", "title", "snippet"];
    const ROOMY: &'static [&'static str] = &["rank"];
    const CUT: &'static [&'static str] = &["title"];
}

impl Row for import::FileResult {
    const CUT: &'static [&'static str] = &["path"];
}

impl Row for transfer::TallyRow {}

impl Row for maintenance::Info {}

impl Row for crate::team::PullRow {
    const BRIEF: &'static [&'static str] =
        &["member", "status", "txid", "added", "updated", "deleted", "kept", "refused", "differs", "error"];
    const ROOMY: &'static [&'static str] = &["replica"];
    const CUT: &'static [&'static str] = &["error"];
}

impl Row for crate::team::StatusRow {
    const BRIEF: &'static [&'static str] = &["member", "last_change", "txid", "merged", "error"];
    const ROOMY: &'static [&'static str] = &["replica", "merged_at"];
    const CUT: &'static [&'static str] = &["error"];
}
