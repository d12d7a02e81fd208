//! Rows two notebooks both hold (the same uuid) in different versions. A merge takes new rows and
//! deletions, not a later edit of a row already here (this notebook's version is kept); this says
//! which rows differ and how, so the researcher can choose (`team pull` prints it per member).

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Notebook, Result};

/// One row held here and there in different versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Differing {
    /// `claim` or `source`.
    pub kind: &'static str,
    /// The row's id here.
    pub id: i64,
    /// Each differing field: (name, there, here).
    pub fields: Vec<(&'static str, String, String)>,
}

/// A compared field: its name in a sentence, and the SQL that reads it from the row `t`.
type Field = (&'static str, &'static str);

/// What is compared: the table, its kind's word, and the fields a researcher edits (a source's
/// reliability is not among them: a merge brings a differing rating in as rating history).
const COMPARED: &[(&str, &str, &[Field])] = &[
    (
        "claims",
        "claim",
        &[
            ("text", "t.text"),
            ("credibility", "t.credibility"),
            ("place", "t.place"),
            ("when", "t.when_text"),
            ("when_from", "t.when_from"),
            ("when_to", "t.when_to"),
            ("unverified", "t.unverified"),
            (
                "tags",
                "(SELECT group_concat(tag, ', ') FROM (SELECT tag FROM claim_tags WHERE claim_id = t.id ORDER BY tag))",
            ),
        ],
    ),
    (
        "sources",
        "source",
        &[("kind", "t.kind"), ("affiliation", "t.affiliation"), ("named", "t.named"), ("note", "t.note")],
    ),
];

fn rows(
    conn: &Connection,
    table: &str,
    fields: &[(&str, &str)],
) -> rusqlite::Result<Vec<(String, i64, Vec<String>)>> {
    let columns: Vec<String> =
        fields.iter().map(|(_, sql)| format!("coalesce(CAST({sql} AS TEXT), '')")).collect();
    let sql = format!("SELECT t.uuid, t.id, {} FROM main.{table} t ORDER BY t.id", columns.join(", "));
    let mut stmt = conn.prepare(&sql)?;
    let found = stmt.query_map([], |r| {
        let values =
            (0..fields.len()).map(|i| r.get::<_, String>(i + 2)).collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((r.get::<_, String>("uuid")?, r.get::<_, i64>("id")?, values))
    })?;
    found.collect()
}

/// When row `id` of `table` was last changed in a notebook (its history's latest update).
fn last_edit(conn: &Connection, table: &str, id: i64) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT max(at) AS last FROM history WHERE tbl = ?1 AND row_id = ?2 AND action = 'update'",
        rusqlite::params![table, id],
        |r| r.get("last"),
    )
}

impl Notebook {
    /// The claims and sources this notebook and `other` both hold in different versions because
    /// `other` changed them after `since` (when this notebook last merged it; none: never), so
    /// that its edits are not taken here. A row changed only here after that merge is this
    /// notebook's own later edit, not one of theirs left out, and is not listed. `other` is a
    /// notebook already vetted (by a merge of the same file) and of this notebook's schema
    /// version; an older one is not compared (an empty answer).
    pub fn differing_rows(&self, other: &Path, since: Option<&str>) -> Result<Vec<Differing>> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let theirs = Connection::open_with_flags(other, flags)?;
        theirs.execute_batch("PRAGMA query_only = 1")?;
        let version = |c: &Connection| super::schema::header(c).map(|h| h.user_version);
        if version(&theirs)? != version(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for (table, kind, fields) in COMPARED {
            let there: HashMap<String, (i64, Vec<String>)> = rows(&theirs, table, fields)?
                .into_iter()
                .map(|(uuid, id, values)| (uuid, (id, values)))
                .collect();
            for (uuid, id, here) in rows(&self.conn, table, fields)? {
                let Some((their_id, there)) = there.get(&uuid) else { continue };
                let differ: Vec<(&'static str, String, String)> = fields
                    .iter()
                    .zip(there.iter().zip(&here))
                    .filter(|(_, (a, b))| a != b)
                    .map(|((name, _), (a, b))| (*name, a.clone(), b.clone()))
                    .collect();
                if differ.is_empty() {
                    continue;
                }
                // Tags live in a table of their own, whose changes the row's history does not
                // date: a differing tag is listed whatever the dates say.
                let tags = differ.iter().any(|(name, _, _)| *name == "tags");
                let edited_there = last_edit(&theirs, table, *their_id)?
                    .map(|at| since.is_none_or(|s| at.as_str() >= s))
                    .unwrap_or(false);
                if edited_there || tags {
                    out.push(Differing { kind, id, fields: differ });
                }
            }
        }
        Ok(out)
    }
}

/// A value for a sentence: cut to 60 characters, quoted, "empty" for nothing.
pub fn shown(value: &str) -> String {
    if value.is_empty() {
        return "empty".into();
    }
    // Control and direction-override characters would rearrange the line they are printed in.
    let hidden = |c: &char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let kept = value.chars().filter(|c| !hidden(c));
    let cut: String = kept.clone().take(60).collect();
    if cut.chars().count() < kept.count() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn a_value_is_shown_cut_quoted_and_without_what_would_rearrange_the_line() {
        assert_eq!(shown(""), "empty");
        assert_eq!(shown("بلغ ٤٥"), "\"بلغ ٤٥\"");
        assert_eq!(shown("a\u{202e}b\nc"), "\"abc\"");
        let long = "س".repeat(61);
        assert_eq!(shown(&long), format!("\"{}…\"", "س".repeat(60)));
    }
}
