//! The metadata file Datasette reads beside a published notebook (`export datasette-metadata`):
//! a title and description for every table and column (the tables' from the comments of
//! `schema.sql`, the columns' from the list below, which a test holds complete), the Admiralty
//! labels, facets, the column that names each row a foreign key points to, the internal tables
//! hidden, and canned queries for claims by source, figures by measure and reconciliations.

use serde_json::{json, Map, Value};

use crate::ratings::{Credibility, Reliability};

const RELIABILITY: [Reliability; 6] =
    [Reliability::A, Reliability::B, Reliability::C, Reliability::D, Reliability::E, Reliability::F];

/// "A Completely reliable, B Usually reliable, …": the Admiralty reliability scale in a line.
pub fn reliability_scale() -> String {
    RELIABILITY.iter().map(|r| format!("{} {}", r.letter(), r.label())).collect::<Vec<_>>().join(", ")
}

/// "1 Confirmed by other sources, …": the credibility scale in a line.
pub fn credibility_scale() -> String {
    (1..=6)
        .filter_map(|n| Credibility::new(n).ok())
        .map(|c| format!("{} {}", c.value(), c.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A SQL expression giving the label of the reliability letter in `column`.
fn reliability_label_sql(column: &str) -> String {
    let arms: String =
        RELIABILITY.iter().map(|r| format!(" WHEN '{}' THEN '{}'", r.letter(), r.label())).collect();
    format!("CASE {column}{arms} END")
}

/// A SQL expression giving the label of the credibility digit in `column`.
fn credibility_label_sql(column: &str) -> String {
    let arms: String = (1..=6)
        .filter_map(|n| Credibility::new(n).ok())
        .map(|c| format!(" WHEN {} THEN '{}'", c.value(), c.label()))
        .collect();
    format!("CASE {column}{arms} END")
}

/// Tables Datasette need not show: derived indexes and other programs' state. (Datasette hides
/// the full-text indexes' own tables by itself.)
pub const HIDDEN: &[&str] = &[
    "article_bands",
    "article_fts",
    "claim_fts",
    "_litestream_seq",
    "_litestream_lock",
    "sqlite_stat1",
    "sqlite_stat4",
];

/// Every table and view, described for a reader of the published notebook. A table added later
/// without a line here is described by its comment in `schema.sql`.
pub const TABLES: &[(&str, &str)] = &[
    ("sources", "Whoever a claim comes from: an outlet, an official, a monitor, an anonymous source. Each is rated for reliability on the Admiralty code."),
    ("source_aliases", "Other names of a source (\"SOHR\" and \"المرصد السوري\"); every lookup by name resolves them."),
    ("source_ratings", "Every change of a source's reliability rating: from, to, why and when."),
    ("articles", "The imported articles, reports and transcripts, with their full text."),
    ("article_bands", "Near-duplicate detection hashes of each article's text (derived; rebuilt whenever needed)."),
    ("article_pages", "Where each page of a paginated original begins in its article's text, so a quote can cite its page."),
    ("incidents", "Events as monitors record them: when and where, each with its precision."),
    ("claims", "Statements the articles attribute to their sources, each anchored to a verbatim quote, with the researcher's rendering and the claim's credibility on the Admiralty code."),
    ("claim_sources", "Who each claim comes from, in order. A claim with no source here is the outlet's own report."),
    ("claim_tags", "The researcher's tags on claims."),
    ("links", "Relations between claims: corroborates, contradicts, repeats, updates."),
    ("rejected_suggestions", "Claims crosscheck suggested that the researcher turned down."),
    ("measures", "Quantities several claims give a number for (deaths.market: people killed in the market shelling)."),
    ("measure_parts", "Derived measures and the measures they sum."),
    ("measure_closure", "Every sum that rests on a measure, at any depth: kept from measure_parts by its triggers."),
    ("measure_dependents", "Every sum that rests on a measure, at any depth (read from measure_closure)."),
    ("measure_family", "Each measure with itself and every sum above it (read from measure_closure)."),
    ("figures", "Each claim's number for a measure, as worded (\"more than 100\", \"عشرات\") and read into low, point and high."),
    ("vague_terms", "What the notebook reads vague words as (\"dozens\" is 12 to 99, read as 12)."),
    ("reconciliations", "Saved judgements over a measure's figures: the range, the best estimate, the support, and whether it has gone stale."),
    ("reconciliation_figures", "The figures each saved reconciliation rested on, one per independent voice."),
    ("history", "The audit trail: every update and deletion, with the row as it was before."),
    ("tombstones", "Deleted rows by UUID, so that merging an older copy of a notebook never brings them back."),
    ("article_fts", "The search index of the articles (words only; the text stays in articles)."),
    ("claim_fts", "The search index of the claims (words only)."),
];

/// Every column of every table a notebook shows, described for a reader of the published
/// notebook. `the_metadata_describes_every_table_and_column` fails when a column is missing.
pub const COLUMNS: &[(&str, &str, &str)] = &[
    ("sources", "id", "The source's number, as crosscheck shows it (#12)"),
    ("sources", "uuid", "The source's UUID, the same in every copy of the notebook"),
    ("sources", "name", "The source's name as the researcher wrote it"),
    ("sources", "name_key", "The name as search compares it (case, harakat, alef forms and spacing folded)"),
    ("sources", "kind", "What kind of source: outlet, journalist, official, armed-group, monitor, activist, resident, document, social-media, anonymous or other"),
    ("sources", "affiliation", "Whom the source belongs to or speaks for"),
    ("sources", "named", "1 when the source is named, 0 when anonymous"),
    ("sources", "reliability", "Admiralty reliability of the source: RELIABILITY"),
    ("sources", "note", "The researcher's note"),
    ("sources", "created_at", "When the source was added (UTC)"),
    ("source_aliases", "alias_key", "The alias as search compares it"),
    ("source_aliases", "source_id", "The source this is another name of"),
    ("source_aliases", "alias", "Another name of the source"),
    ("source_aliases", "created_at", "When the alias was added (UTC)"),
    ("source_ratings", "id", "The rating change's number"),
    ("source_ratings", "uuid", "The rating change's UUID"),
    ("source_ratings", "source_id", "The source rated"),
    ("source_ratings", "from_grade", "The reliability before: RELIABILITY"),
    ("source_ratings", "to_grade", "The reliability after: RELIABILITY"),
    ("source_ratings", "why", "Why the rating changed"),
    ("source_ratings", "at", "When the rating changed (UTC)"),
    ("articles", "id", "The article's number (#3)"),
    ("articles", "uuid", "The article's UUID"),
    ("articles", "title", "The article's title"),
    ("articles", "outlet_id", "The outlet that published it (a source)"),
    ("articles", "author", "The author, when known"),
    ("articles", "url", "Where the article was published"),
    ("articles", "published", "The publication date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("articles", "language", "The language, as a two-letter code (ar, en)"),
    ("articles", "body", "The article's text"),
    ("articles", "sha256", "The SHA-256 of the normalised text: how an exact duplicate is found"),
    ("articles", "near_duplicate_of", "The article this one nearly repeats (a syndicated copy)"),
    ("articles", "source_path", "The file the article was imported from"),
    ("articles", "imported_at", "When the article was imported (UTC)"),
    ("articles", "encoding", "The character encoding the file was read in"),
    ("articles", "archived_url", "Where an archived copy of the page is kept"),
    ("articles", "archived_at", "When the archived copy was captured"),
    ("articles", "archive_file", "The web archive (WARC) file the article was read from"),
    ("articles", "archive_digest", "The digest of the archive record the article was read from"),
    ("articles", "note", "The researcher's note"),
    ("article_pages", "article_id", "The paginated article"),
    ("article_pages", "page", "The page number"),
    ("article_pages", "start", "Where the page begins in the article's text (a character offset)"),
    ("article_pages", "label", "The page's printed label, when it has one"),
    ("incidents", "id", "The incident's number"),
    ("incidents", "uuid", "The incident's UUID"),
    ("incidents", "key", "The incident's short key"),
    ("incidents", "label", "What happened, in a few words"),
    ("incidents", "date_from", "The first day it may have happened"),
    ("incidents", "date_to", "The last day it may have happened"),
    ("incidents", "date_precision", "How precise the date is: day, week, month or year"),
    ("incidents", "place", "Where it happened"),
    ("incidents", "latitude", "Latitude, as typed (its decimals say how precise it is)"),
    ("incidents", "longitude", "Longitude, as typed"),
    ("incidents", "where_precision", "UCDP's precision code for the place: 1 exact place to 7 country or wider"),
    ("incidents", "note", "The researcher's note"),
    ("incidents", "created_at", "When the incident was added (UTC)"),
    ("claims", "id", "The claim's number (#7)"),
    ("claims", "uuid", "The claim's UUID"),
    ("claims", "article_id", "The article that makes the claim"),
    ("claims", "quote", "The claim's words, verbatim from the article"),
    ("claims", "span_start", "Where the quote begins in the article's text (a character offset; empty when unverified)"),
    ("claims", "span_end", "Where the quote ends in the article's text"),
    ("claims", "text", "The researcher's rendering or translation of the claim"),
    ("claims", "unverified", "1 when the quote was not found in the article"),
    ("claims", "credibility", "Admiralty credibility of the claim: CREDIBILITY"),
    ("claims", "place", "Where the claim says it happened"),
    ("claims", "when_text", "When it happened, as worded"),
    ("claims", "when_from", "The first day it may have happened"),
    ("claims", "when_to", "The last day it may have happened"),
    ("claims", "when_precision", "How precise the date is: year, month, day, range, clipped or cumulative"),
    ("claims", "created_at", "When the claim was recorded (UTC)"),
    ("claims", "incident_id", "The incident the claim is about"),
    ("claim_sources", "claim_id", "The claim"),
    ("claim_sources", "source_id", "One of the claim's sources (none: the outlet's own report)"),
    ("claim_sources", "position", "The source's place in the claim's list of sources"),
    ("claim_tags", "claim_id", "The claim"),
    ("claim_tags", "tag", "A tag the researcher gave it"),
    ("links", "id", "The link's number"),
    ("links", "uuid", "The link's UUID"),
    ("links", "from_claim", "The claim the relation is from"),
    ("links", "to_claim", "The claim the relation is to"),
    ("links", "relation", "corroborates, contradicts, repeats, or updates (the from claim supersedes the to claim)"),
    ("links", "created_at", "When the link was made (UTC)"),
    ("rejected_suggestions", "id", "The rejection's number"),
    ("rejected_suggestions", "uuid", "The rejection's UUID"),
    ("rejected_suggestions", "article_id", "The article the suggestion was made in"),
    ("rejected_suggestions", "span_start", "Where the suggested quote begins"),
    ("rejected_suggestions", "span_end", "Where the suggested quote ends"),
    ("rejected_suggestions", "quote", "The suggested quote"),
    ("rejected_suggestions", "reason", "Why it was turned down"),
    ("rejected_suggestions", "created_at", "When it was turned down (UTC)"),
    ("measures", "id", "The measure's number"),
    ("measures", "uuid", "The measure's UUID"),
    ("measures", "key", "The measure's key (deaths.market)"),
    ("measures", "label", "What the measure counts"),
    ("measures", "unit", "The unit counted (people)"),
    ("measures", "created_at", "When the measure was added (UTC)"),
    ("measures", "incident_id", "The incident the measure counts for"),
    ("measures", "role", "What it counts at the incident: killed, injured, missing, displaced, arrested, defected or other"),
    ("measure_parts", "measure_id", "The derived measure (a sum)"),
    ("measure_parts", "part_id", "One of the measures it sums"),
    ("measure_parts", "position", "The part's place in the sum"),
    ("figures", "id", "The figure's number"),
    ("figures", "uuid", "The figure's UUID"),
    ("figures", "claim_id", "The claim that gives the number"),
    ("figures", "measure_id", "The measure it is a number for"),
    ("figures", "notation", "The number as the article words it (\"more than 100\", \"عشرات\")"),
    ("figures", "kind", "How the notation reads: exact, approx, more-than, at-least, fewer-than, at-most, range, vague or sum"),
    ("figures", "low", "The lowest value the wording allows"),
    ("figures", "high", "The highest value it allows (empty: open, as in \"more than 100\")"),
    ("figures", "point", "The single value it is read as"),
    ("figures", "provisional", "1 for a toll given as still rising"),
    ("figures", "rule", "The reading rule that read the notation"),
    ("figures", "created_at", "When the figure was recorded (UTC)"),
    ("vague_terms", "word", "The vague word as search compares it"),
    ("vague_terms", "display", "The vague word as written (dozens, عشرات)"),
    ("vague_terms", "low", "The lowest number it means"),
    ("vague_terms", "high", "The highest number it means"),
    ("vague_terms", "point", "The number it is read as"),
    ("reconciliations", "id", "The reconciliation's number"),
    ("reconciliations", "uuid", "The reconciliation's UUID"),
    ("reconciliations", "measure_id", "The measure reconciled"),
    ("reconciliations", "method", "How the best estimate was chosen: weighted, conservative, median, best-source, manual or range"),
    ("reconciliations", "low", "The lowest value the figures allow"),
    ("reconciliations", "best", "The best estimate"),
    ("reconciliations", "high", "The highest value the figures allow (empty: open)"),
    ("reconciliations", "open_high", "1 when an open figure exceeds every bounded one"),
    ("reconciliations", "conflict", "1 when the figures cannot all be true"),
    ("reconciliations", "support", "single-source, corroborated (two or more independent voices, no conflict), contested, or none"),
    ("reconciliations", "figures", "How many figures were eligible"),
    ("reconciliations", "voices", "How many independent voices they come from"),
    ("reconciliations", "filters", "The filters it was made under (JSON)"),
    ("reconciliations", "as_of", "The date it looked back from"),
    ("reconciliations", "note", "The researcher's note"),
    ("reconciliations", "stale", "1 once anything it rested on has changed"),
    ("reconciliations", "created_at", "When it was saved (UTC)"),
    ("reconciliation_figures", "reconciliation_id", "The saved reconciliation"),
    ("reconciliation_figures", "figure_id", "A figure it rested on (one per voice)"),
    ("history", "id", "The change's number"),
    ("history", "tbl", "The table changed"),
    ("history", "row_id", "The row changed"),
    ("history", "action", "update or delete"),
    ("history", "old", "The row before the change (JSON)"),
    ("history", "at", "When it changed (UTC)"),
    ("tombstones", "uuid", "The UUID of a deleted row"),
    ("tombstones", "tbl", "The table it was deleted from"),
    ("tombstones", "at", "When it was deleted (UTC)"),
    ("measure_closure", "part_id", "A measure"),
    ("measure_closure", "measure_id", "A sum that rests on it, at any depth"),
    ("measure_dependents", "part_id", "A measure"),
    ("measure_dependents", "measure_id", "A sum that rests on it, at any depth"),
    ("measure_family", "part_id", "A measure"),
    ("measure_family", "measure_id", "The measure itself, or a sum that rests on it"),
];

/// Facets offered on a table's page.
const FACETS: &[(&str, &[&str])] = &[
    ("sources", &["kind", "reliability", "named"]),
    ("articles", &["language", "outlet_id"]),
    ("claims", &["credibility", "unverified", "when_precision"]),
    ("claim_tags", &["tag"]),
    ("links", &["relation"]),
    ("measures", &["role", "unit"]),
    ("figures", &["kind", "measure_id", "provisional"]),
    ("reconciliations", &["support", "method", "conflict", "stale"]),
    ("incidents", &["date_precision", "where_precision"]),
    ("history", &["tbl", "action"]),
    ("tombstones", &["tbl"]),
];

/// The column that names a row when another table points to it.
const LABELS: &[(&str, &str)] = &[
    ("sources", "name"),
    ("articles", "title"),
    ("measures", "key"),
    ("incidents", "label"),
    ("claims", "text"),
];

/// The comment block above each `CREATE TABLE` or `CREATE VIEW` of the schema, in one line.
pub fn table_descriptions(schema: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut comment: Vec<&str> = Vec::new();
    for line in schema.lines() {
        let line = line.trim();
        if let Some(text) = line.strip_prefix("--") {
            comment.push(text.trim());
            continue;
        }
        let created = ["CREATE TABLE ", "CREATE VIEW ", "CREATE VIRTUAL TABLE "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .and_then(|rest| rest.split([' ', '(']).next())
            .filter(|name| !name.is_empty());
        if let Some(name) = created {
            out.push((name.to_string(), comment.join(" ")));
        }
        comment.clear();
    }
    out
}

/// The canned queries, by name: (title, description, SQL).
pub fn queries() -> Vec<(&'static str, &'static str, String, String)> {
    let sources_of = "(SELECT group_concat(name, '; ') FROM (SELECT s.name FROM claim_sources cs \
                      JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id ORDER BY cs.position))";
    vec![
        (
            "claims_by_source",
            "Claims by source",
            "Every claim under each of its sources, with the source's reliability and the claim's \
             credibility in words (Admiralty code). A claim without a source of its own is the outlet's."
                .to_string(),
            format!(
                "SELECT coalesce(s.name, o.name, '(the outlet''s own report)') AS source,\n  \
                 coalesce(s.kind, o.kind) AS kind,\n  \
                 coalesce(s.reliability, o.reliability) AS reliability,\n  \
                 {} AS reliability_label,\n  \
                 c.id AS claim, c.text, c.quote, c.credibility,\n  \
                 {} AS credibility_label,\n  \
                 a.title AS article, a.published\n\
                 FROM claims c JOIN articles a ON a.id = c.article_id\n\
                 LEFT JOIN claim_sources cs ON cs.claim_id = c.id\n\
                 LEFT JOIN sources s ON s.id = cs.source_id\n\
                 LEFT JOIN sources o ON o.id = a.outlet_id AND cs.source_id IS NULL\n\
                 ORDER BY source, a.published, c.id",
                reliability_label_sql("coalesce(s.reliability, o.reliability)"),
                credibility_label_sql("c.credibility")
            ),
        ),
        (
            "figures_by_measure",
            "Figures by measure",
            "Every figure given for each measure: the wording, the interval it is read as (an empty \
             high is open), the claim, its sources and the article, oldest first."
                .to_string(),
            format!(
                "SELECT m.key AS measure, m.label, m.unit, f.notation, f.kind, f.low, f.point, f.high,\n  \
                 f.provisional, c.id AS claim, {sources_of} AS sources,\n  \
                 c.credibility, {} AS credibility_label,\n  \
                 a.title AS article, a.published\n\
                 FROM figures f JOIN measures m ON m.id = f.measure_id\n\
                 JOIN claims c ON c.id = f.claim_id JOIN articles a ON a.id = c.article_id\n\
                 ORDER BY m.key, a.published, f.id",
                credibility_label_sql("c.credibility")
            ),
        ),
        (
            "reconciliations",
            "Reconciliations",
            "Every saved reconciliation, newest first for each measure: the range, the best estimate, \
             its support, and whether anything it rested on has changed since (stale)."
                .to_string(),
            "SELECT m.key AS measure, m.label, r.method, r.low, r.best, r.high, r.open_high, r.conflict,\n  \
             r.support, r.figures, r.voices, r.stale, r.note, r.created_at\n\
             FROM reconciliations r JOIN measures m ON m.id = r.measure_id\n\
             ORDER BY m.key, r.created_at DESC, r.id DESC"
                .to_string(),
        ),
        (
            "admiralty_scale",
            "The Admiralty code",
            "The two scales crosscheck rates on, apart and never blended: a source's reliability \
             (A-F) and a claim's credibility (1-6), with the weight each gives a figure."
                .to_string(),
            {
                let mut rows: Vec<String> = RELIABILITY
                    .iter()
                    .map(|r| {
                        format!(
                            "SELECT 'reliability' AS scale, '{}' AS grade, '{}' AS label, {} AS weight",
                            r.letter(),
                            r.label(),
                            r.weight()
                        )
                    })
                    .collect();
                rows.extend((1..=6).filter_map(|n| Credibility::new(n).ok()).map(|c| {
                    format!("SELECT 'credibility', '{}', '{}', {}", c.value(), c.label(), c.weight())
                }));
                rows.join("\nUNION ALL ")
            },
        ),
    ]
}

/// The metadata for a notebook served by Datasette under the database name `database` (the
/// file's name without `.db`).
pub fn metadata(database: &str, schema: &str) -> Value {
    let scale = |text: &str| {
        text.replace("RELIABILITY", &reliability_scale()).replace("CREDIBILITY", &credibility_scale())
    };
    let mut tables = Map::new();
    for (name, comment) in table_descriptions(schema) {
        let description =
            TABLES.iter().find(|(t, _)| *t == name).map(|(_, d)| d.to_string()).unwrap_or(comment);
        let mut table = Map::new();
        if !description.is_empty() {
            table.insert("description".into(), json!(description));
        }
        if HIDDEN.contains(&name.as_str()) {
            table.insert("hidden".into(), json!(true));
        }
        let columns: Map<String, Value> = COLUMNS
            .iter()
            .filter(|(t, _, _)| *t == name)
            .map(|(_, c, d)| (c.to_string(), json!(scale(d))))
            .collect();
        if !columns.is_empty() {
            table.insert("columns".into(), Value::Object(columns));
        }
        if let Some((_, facets)) = FACETS.iter().find(|(t, _)| *t == name) {
            table.insert("facets".into(), json!(facets));
        }
        if let Some((_, label)) = LABELS.iter().find(|(t, _)| *t == name) {
            table.insert("label_column".into(), json!(label));
        }
        tables.insert(name, Value::Object(table));
    }
    for hidden in HIDDEN {
        tables.entry(hidden.to_string()).or_insert_with(|| json!({ "hidden": true }));
    }
    let queries: Map<String, Value> = queries()
        .into_iter()
        .map(|(name, title, description, sql)| {
            (name.to_string(), json!({ "title": title, "description": description, "sql": sql }))
        })
        .collect();
    json!({
        "title": format!("{database}: a crosscheck notebook"),
        "description": format!(
            "Claims attributed to sources in news articles, rated on the Admiralty code (reliability of a source: {}; credibility of a claim: {}), and the figures they give, reconciled. Read-only.",
            reliability_scale(),
            credibility_scale()
        ),
        "databases": {
            database: {
                "description": "A crosscheck research notebook: articles, sources, claims, measures, figures and reconciliations.",
                "tables": tables,
                "queries": queries,
            }
        }
    })
}
