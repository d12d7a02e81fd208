//! The audit trail: every update and delete, with the old row as JSON, written by the
//! generated triggers of `schema`. Each entry also says what changed (`field: old → new`),
//! found by comparing its old row with the row's next state: the next entry of the same row,
//! else the row as it is now.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Notebook, Result};
use crate::vocab::HistoryTable;

/// A table's columns in their order.
pub(crate) const COLUMN_NAMES: &str = "SELECT name FROM pragma_table_info(?1) ORDER BY cid";

/// One row of the audit trail.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct HistoryRow {
    pub id: i64,
    pub table: String,
    pub row_id: i64,
    pub action: String,
    /// What changed, `field: old → new; …`, or for a removal `removed: …` with the row's
    /// name, title or quote. Each value is cut at `VALUE_CHARS` characters; `old` holds it whole.
    pub changes: String,
    pub old: String,
    pub at: String,
}

/// The longest value `changes` quotes whole.
const VALUE_CHARS: usize = 80;

/// How a table's rows are found again: by `id`, by SQLite's `rowid`, or not at all (a table
/// whose history names the row it belongs to, such as a claim's tags: several rows share it).
#[derive(Clone)]
enum Identity {
    Id(String),
    Rowid(String),
    Shared,
}

/// The SQL that reads a table's row now, as the history triggers write it (`json_object` of
/// every column), or `Shared` when its history id does not name one row.
fn identity(conn: &Connection, table: &str) -> Result<Identity> {
    let cols: Vec<String> = conn
        .prepare(COLUMN_NAMES)?
        .query_map([table], |r| r.get("name"))?
        .collect::<rusqlite::Result<_>>()?;
    let object: Vec<String> = cols.iter().map(|c| format!("'{c}', {c}")).collect();
    let select = format!("SELECT json_object({}) AS now FROM {table}", object.join(", "));
    Ok(if cols.iter().any(|c| c == "id") {
        Identity::Id(format!("{select} WHERE id = ?1"))
    } else if cols.iter().any(|c| c.ends_with("_id")) {
        Identity::Shared
    } else {
        Identity::Rowid(format!("{select} WHERE rowid = ?1"))
    })
}

/// A value as `changes` shows it: text as it is (quoted when it has spaces), `none` for null,
/// cut when long.
fn shown(v: &Value) -> String {
    let text = match v {
        Value::Null => return "none".into(),
        Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    };
    let text = if text.chars().count() > VALUE_CHARS {
        let mut cut: String = text.chars().take(VALUE_CHARS - 1).collect();
        cut.push('…');
        cut
    } else {
        text
    };
    // Quoted when it has spaces, so that `a → b` reads as two values.
    if text.contains(' ') {
        format!("'{text}'")
    } else {
        text
    }
}

/// Fields that are derived from others (a name's search key) or never change.
fn worth_showing(field: &str) -> bool {
    !(field.ends_with("_key") || field == "uuid" || field == "created_at")
}

/// `field: old → new` for every field that differs.
fn differences(old: &Map<String, Value>, new: &Map<String, Value>) -> String {
    old.iter()
        .filter(|(k, _)| worth_showing(k))
        .filter_map(|(k, was)| {
            let now = new.get(k).unwrap_or(&Value::Null);
            (now != was).then(|| format!("{k}: {} → {}", shown(was), shown(now)))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What a removed row was, by the field a person knows it by.
fn removed(old: &Map<String, Value>) -> String {
    const NAMES: [&str; 9] = ["name", "title", "key", "quote", "alias", "tag", "word", "notation", "why"];
    let mut parts: Vec<String> = NAMES
        .iter()
        .filter_map(|n| old.get(*n).filter(|v| !v.is_null()).map(|v| format!("{n}: {}", shown(v))))
        .take(1)
        .collect();
    if parts.is_empty() {
        parts = old
            .iter()
            .filter(|(k, v)| worth_showing(k) && k.as_str() != "id" && !v.is_null())
            .map(|(k, v)| format!("{k}: {}", shown(v)))
            .collect();
    }
    format!("removed ({})", parts.join(", "))
}

/// What an entry changed, given the row's next state (None: not known).
fn changes(action: &str, old: &str, next: Option<&str>) -> String {
    let parse = |s: &str| serde_json::from_str::<Map<String, Value>>(s).ok();
    let Some(old) = parse(old) else { return String::new() };
    if action == "delete" {
        return removed(&old);
    }
    match next.and_then(parse) {
        Some(new) => differences(&old, &new),
        None => format!("changed from {}", removed(&old).trim_start_matches("removed ")),
    }
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
        let mut identities: HashMap<String, Identity> = HashMap::new();
        for t in HistoryTable::ALL {
            identities.insert(t.as_str().to_string(), identity(&tx, t.as_str())?);
        }
        let shared: Vec<String> = identities
            .iter()
            .filter(|(_, i)| matches!(i, Identity::Shared))
            .map(|(t, _)| format!("'{t}'"))
            .collect();
        // The next entry of the same row: one index seek per entry (history_by_row), so the
        // trail streams in constant memory however long it is.
        let mut stmt = tx.prepare(&format!(
            "SELECT h.id, h.tbl, h.row_id, h.action, h.old, h.at,
                CASE WHEN h.action = 'update' AND h.tbl NOT IN ({}) THEN
                    (SELECT n.old FROM history n WHERE n.tbl = h.tbl AND n.row_id = h.row_id AND n.id > h.id
                     ORDER BY n.id LIMIT 1)
                END AS next
             FROM history h
             WHERE (?1 IS NULL OR h.tbl = ?1) AND (?2 IS NULL OR h.row_id = ?2) ORDER BY h.id",
            if shared.is_empty() { "''".to_string() } else { shared.join(", ") }
        ))?;
        let mut rows = stmt.query(rusqlite::params![table.map(|t| t.as_str()), row_id])?;
        while let Some(r) = rows.next()? {
            let (table, row_id, action, old): (String, i64, String, String) =
                (r.get("tbl")?, r.get("row_id")?, r.get("action")?, r.get("old")?);
            let mut next: Option<String> = r.get("next")?;
            if next.is_none() && action == "update" {
                // The last change of a row: compared with the row as it is now.
                let now_sql = match identities.get(&table) {
                    Some(Identity::Id(sql) | Identity::Rowid(sql)) => Some(sql),
                    _ => None,
                };
                if let Some(sql) = now_sql {
                    next = tx.prepare_cached(sql)?.query_row([row_id], |r| r.get("now")).optional()?;
                }
            }
            f(HistoryRow {
                id: r.get("id")?,
                changes: changes(&action, &old, next.as_deref()),
                table,
                row_id,
                action,
                old,
                at: r.get("at")?,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_name_each_field_that_differs_in_column_order() {
        let old = r#"{"id":4,"name":"ناشطون","name_key":"x","reliability":"C","note":null}"#;
        let new = r#"{"id":4,"name":"ناشطون محليون","name_key":"y","reliability":"B","note":"met twice"}"#;
        assert_eq!(
            changes("update", old, Some(new)),
            "name: ناشطون → 'ناشطون محليون'; reliability: C → B; note: none → 'met twice'"
        );
        assert_eq!(changes("update", old, Some(old)), "");
    }

    #[test]
    fn a_removal_names_the_row_and_long_values_are_cut() {
        let long = "word ".repeat(100);
        let old = format!(r#"{{"id":9,"uuid":"u","quote":"{long}","credibility":3}}"#);
        let c = changes("delete", &old, None);
        assert!(c.starts_with("removed (quote: 'word word"), "{c}");
        assert_eq!(c.chars().count(), "removed (quote: ''".chars().count() + VALUE_CHARS + 1);
        let tag = r#"{"claim_id":3,"tag":"defections"}"#;
        assert_eq!(changes("delete", tag, None), "removed (tag: defections)");
        let pair = r#"{"claim_id":3,"source_id":4,"position":0}"#;
        assert_eq!(changes("delete", pair, None), "removed (claim_id: 3, source_id: 4, position: 0)");
    }
}
