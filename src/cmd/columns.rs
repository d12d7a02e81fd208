//! The columns of every row type the commands print: all of them (the order of the type's
//! fields, which is also the CSV header and the JSON keys), the few a terminal table shows by
//! default, and those cut to one line there. Adding a column to a listing is: a field and its SQL
//! in `src/notebook/`, its name here, its line in docs/formats.md.

use crate::render::Columns;

pub const CLAIMS: Columns = Columns {
    all: &[
        "id",
        "uuid",
        "article_id",
        "article_title",
        "outlet",
        "published",
        "quote",
        "text",
        "unverified",
        "sources",
        "source_kinds",
        "reliability",
        "credibility",
        "credibility_label",
        "rating",
        "figures",
        "place",
        "when_text",
        "when_from",
        "when_to",
        "when_precision",
        "tags",
        "created_at",
    ],
    brief: &["id", "rating", "quote", "sources", "figures"],
    roomy: &["article_id", "when_text", "place", "tags", "published"],
    cut: &["quote"],
};

pub const ARTICLES: Columns = Columns {
    all: &[
        "id",
        "uuid",
        "title",
        "outlet",
        "author",
        "url",
        "published",
        "language",
        "chars",
        "sha256",
        "near_duplicate_of",
        "imported_at",
        "claims",
        "note",
    ],
    brief: &["id", "title", "outlet", "published", "language", "claims"],
    roomy: &["author", "chars", "near_duplicate_of", "note"],
    cut: &["title", "note"],
};

pub const SOURCES: Columns = Columns {
    all: &[
        "id",
        "uuid",
        "name",
        "aliases",
        "kind",
        "affiliation",
        "named",
        "reliability",
        "reliability_label",
        "note",
        "claims",
    ],
    brief: &["id", "name", "kind", "reliability", "claims"],
    roomy: &["aliases", "affiliation", "named", "note"],
    cut: &["note"],
};

pub const FIGURES: Columns = Columns {
    all: &[
        "id",
        "uuid",
        "measure",
        "claim_id",
        "notation",
        "kind",
        "low",
        "high",
        "point",
        "provisional",
        "rule",
        "sources",
        "reliability",
        "credibility",
        "rating",
        "weight",
        "superseded",
        "article_id",
        "outlet",
        "published",
    ],
    brief: &["id", "measure", "notation", "low", "high", "rating", "sources"],
    roomy: &["claim_id", "kind", "point", "weight", "superseded", "published"],
    cut: &["notation", "sources"],
};

/// A measure's own figures (`measure show`): the key is the heading's, not every row's.
pub const FIGURES_OF_MEASURE: Columns = Columns {
    all: FIGURES.all,
    brief: &["id", "claim_id", "notation", "low", "high", "rating", "sources"],
    roomy: &["kind", "point", "weight", "superseded", "outlet", "published"],
    cut: &["notation", "sources"],
};

pub const MEASURES: Columns = Columns::plain(&["key", "label", "unit", "figures", "voices"]);

pub const RECONCILIATIONS: Columns = Columns {
    all: &[
        "id",
        "measure",
        "method",
        "low",
        "best",
        "high",
        "open_high",
        "conflict",
        "support",
        "figures",
        "voices",
        "filters",
        "as_of",
        "note",
        "stale",
        "created_at",
    ],
    brief: &["id", "measure", "method", "low", "best", "high", "support", "stale"],
    roomy: &["voices", "figures", "as_of", "note", "created_at"],
    cut: &["note"],
};

/// A measure's own saved reconciliations (`measure show`), without the key on every row.
pub const RECONCILIATIONS_OF_MEASURE: Columns = Columns {
    all: RECONCILIATIONS.all,
    brief: &["id", "method", "low", "best", "high", "support", "stale", "note"],
    roomy: &["voices", "figures", "as_of", "created_at"],
    cut: &["note"],
};

/// A terminal shows the timeline one measure at a time, under its key (see `reconcile`).
pub const TIMELINE: Columns = Columns {
    all: &["measure", "date", "low", "best", "high", "open_high", "support", "figures", "voices"],
    brief: &["date", "low", "best", "high", "open_high", "support", "voices"],
    roomy: &["figures"],
    cut: &[],
};

pub const REDATED: Columns = Columns::plain(&["claim_id", "when_text", "was", "now", "when_precision"]);

pub const RATINGS: Columns = Columns::plain(&["from", "to", "why", "at"]);

pub const ALIASES: Columns = Columns::plain(&["source_id", "source", "alias"]);

pub const LINKS: Columns = Columns::plain(&["from", "relation", "to"]);

pub const TERMS: Columns = Columns::plain(&["word", "low", "high", "point"]);

pub const HISTORY: Columns = Columns {
    all: &["id", "table", "row_id", "action", "changes", "old", "at"],
    brief: &["table", "row_id", "changes", "at"],
    roomy: &["id", "action"],
    cut: &["old"],
};

pub const SEARCH: Columns = Columns {
    all: &["kind", "id", "title", "snippet", "rank"],
    brief: &["kind", "id", "title", "snippet"],
    roomy: &["rank"],
    cut: &["title"],
};

pub const IMPORTED: Columns = Columns {
    all: &["path", "status", "id", "duplicate_of", "near_duplicate_of", "error"],
    brief: &["path", "status", "id", "duplicate_of", "near_duplicate_of", "error"],
    roomy: &[],
    cut: &["path"],
};

pub const TALLY: Columns =
    Columns::plain(&["table", "added", "updated", "already_there", "deleted", "skipped"]);

/// No columns: what `export datasette-metadata` writes is one JSON document.
pub const NONE: Columns = Columns::plain(&[]);

pub const TEAM_PULL: Columns = Columns::plain(&[
    "member", "replica", "status", "txid", "added", "updated", "deleted", "kept", "refused", "error",
]);

pub const TEAM_STATUS: Columns =
    Columns::plain(&["member", "replica", "last_change", "txid", "merged", "merged_at", "error"]);

pub const INFO: Columns = Columns::plain(&[
    "path",
    "schema_version",
    "size_bytes",
    "articles",
    "sources",
    "claims",
    "measures",
    "figures",
    "reconciliations",
]);

pub const SUGGESTIONS: Columns = Columns {
    all: &[
        "article_id",
        "quote",
        "figure",
        "kind",
        "low",
        "high",
        "point",
        "source",
        "source_match",
        "sources",
        "when_text",
        "when_from",
        "when_to",
        "measure",
        "confidence",
        "cues",
        "status",
    ],
    brief: &["quote", "figure", "source", "status"],
    roomy: &["when_text", "confidence", "source_match"],
    cut: &["quote"],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook;

    /// The names a row type serialises, in order.
    fn names<R: serde::Serialize>(row: &R) -> Vec<&'static str> {
        crate::render::cells_of(row).unwrap().into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn every_row_type_prints_exactly_its_columns() {
        let cases: Vec<(Vec<&'static str>, &Columns)> = vec![
            (names(&notebook::claims::ClaimRow::default()), &CLAIMS),
            (names(&notebook::articles::ArticleRow::default()), &ARTICLES),
            (names(&notebook::sources::SourceRow::default()), &SOURCES),
            (names(&notebook::figures::FigureRow::default()), &FIGURES),
            (names(&notebook::figures::MeasureRow::default()), &MEASURES),
            (names(&notebook::reconciliations::ReconciliationRow::default()), &RECONCILIATIONS),
            (names(&notebook::reconciliations::TimelineRow::default()), &TIMELINE),
            (names(&notebook::sources::RatingRow::default()), &RATINGS),
            (names(&notebook::articles::Redated::default()), &REDATED),
            (names(&notebook::sources::AliasRow::default()), &ALIASES),
            (names(&notebook::claims::LinkRow::default()), &LINKS),
            (names(&notebook::figures::TermRow::default()), &TERMS),
            (names(&notebook::history::HistoryRow::default()), &HISTORY),
            (names(&notebook::search::SearchHit::default()), &SEARCH),
            (names(&notebook::transfer::TallyRow::default()), &TALLY),
            (names(&notebook::maintenance::Info::default()), &INFO),
            (names(&crate::team::PullRow::default()), &TEAM_PULL),
            (names(&crate::team::StatusRow::default()), &TEAM_STATUS),
        ];
        for (have, columns) in cases {
            assert_eq!(have, columns.all);
            for c in columns.brief.iter().chain(columns.roomy).chain(columns.cut) {
                assert!(columns.all.contains(c), "{c} is not a column");
            }
        }
    }
}
