//! The integrity checks, written once and shared by `check` (which lists what it finds) and
//! `merge` (which refuses a colleague's notebook on the first value it could not have written,
//! and recomputes what is derived). Every row of every table is read once, in one pass per
//! table, and held against the same rules as the schema (the CHECK expressions of `schema.sql`,
//! read from it, NOT NULL and the STRICT column types) and against the typed values the code
//! reads (canonical uuids, real dates, measure keys, figures within their bound, vague words,
//! text that is UTF-8). SQLite does not verify CHECKs on a read-only connection, so they are
//! evaluated here as ordinary expressions. Quotes are compared with their spans article by
//! article, each body read once, so the cost grows with the claims plus the text.

use std::collections::HashMap;
use std::sync::OnceLock;

use rusqlite::types::ValueRef;
use rusqlite::Connection;

use super::Result;

/// What a problem is: a value crosscheck would never have written (a colleague's notebook with
/// one is refused), or a derived value that does not match what it is derived from (recomputed
/// by `merge`, rebuilt by `check --repair` where it can be).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Value,
    Derived,
}

/// One problem found, said of one row.
#[derive(Debug, Clone)]
pub struct Problem {
    pub kind: Kind,
    pub table: String,
    /// The row as people find it: `#12`, or its key columns for tables without an id.
    pub row: String,
    pub what: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.table, self.row, self.what)
    }
}

/// The rules of one table as `schema.sql` writes them.
#[derive(Debug, Clone, Default)]
pub struct TableRules {
    pub name: String,
    pub strict: bool,
    /// CHECK expressions, with the column they are written on (None for a table constraint).
    pub checks: Vec<(Option<String>, String)>,
}

/// `text` with its `--` comments blanked out (string literals kept), so that the scanner below
/// never reads a word of a comment as SQL.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            out.push(c);
            if c == '\'' {
                quoted = false;
            }
            continue;
        }
        match c {
            '\'' => {
                quoted = true;
                out.push(c);
            }
            '-' if chars.peek() == Some(&'-') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The text between the parenthesis at byte `open` and its match (strings respected), and the
/// byte after the closing one.
fn balanced(text: &str, open: usize) -> Option<(&str, usize)> {
    let mut depth = 0usize;
    let mut quoted = false;
    for (i, c) in text[open..].char_indices() {
        let at = open + i;
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    return Some((&text[open + 1..at], at + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at commas outside parentheses and strings.
fn top_level_items(body: &str) -> Vec<&str> {
    let (mut depth, mut quoted, mut start) = (0usize, false, 0usize);
    let mut out = Vec::new();
    for (i, c) in body.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.saturating_sub(1),
            ',' if !quoted && depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out
}

/// The byte offsets of the word `word` (any case) in `text`, outside strings and parentheses.
fn keyword_offsets(text: &str, word: &str) -> Vec<usize> {
    let (mut depth, mut quoted) = (0usize, false);
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ if !quoted && depth == 0 => {
                let end = i + word.len();
                let boundary_before =
                    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
                let boundary_after =
                    end >= bytes.len() || !(bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_');
                if boundary_before
                    && boundary_after
                    && text.get(i..end).is_some_and(|w| w.eq_ignore_ascii_case(word))
                {
                    out.push(i);
                }
            }
            _ => {}
        }
    }
    out
}

/// Every `CREATE TABLE` of a schema text with its CHECK expressions.
pub fn table_rules(schema: &str) -> Vec<TableRules> {
    let text = without_comments(schema);
    let mut out = Vec::new();
    let upper = text.to_ascii_uppercase();
    let mut from = 0;
    while let Some(found) = upper[from..].find("CREATE TABLE ") {
        let start = from + found + "CREATE TABLE ".len();
        let Some(open) = text[start..].find('(').map(|o| start + o) else { break };
        let name = text[start..open].trim().trim_matches('"').to_string();
        let Some((body, after)) = balanced(&text, open) else { break };
        let options_end = text[after..].find(';').map(|e| after + e).unwrap_or(text.len());
        let strict = !keyword_offsets(&text[after..options_end], "STRICT").is_empty();
        let mut rules = TableRules { name, strict, checks: Vec::new() };
        for item in top_level_items(body) {
            let item = item.trim();
            let first = item.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
            let column = match first.as_str() {
                "CHECK" | "CONSTRAINT" | "PRIMARY" | "UNIQUE" | "FOREIGN" => None,
                _ => Some(first.to_ascii_lowercase()),
            };
            for at in keyword_offsets(item, "CHECK") {
                let Some(open) = item[at..].find('(').map(|o| at + o) else { continue };
                if let Some((expr, _)) = balanced(item, open) {
                    rules
                        .checks
                        .push((column.clone(), expr.split_whitespace().collect::<Vec<_>>().join(" ")));
                }
            }
        }
        out.push(rules);
        from = after;
    }
    out
}

/// The rules of the schema this crosscheck writes, read once.
pub fn schema_rules() -> &'static [TableRules] {
    static RULES: OnceLock<Vec<TableRules>> = OnceLock::new();
    RULES.get_or_init(|| table_rules(super::schema::SCHEMA))
}

/// A column as SQLite describes it.
struct Column {
    name: String,
    decl: String,
    not_null: bool,
    key: bool,
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?1)")?;
    let cols = stmt
        .query_map([table], |r| {
            Ok(Column {
                name: r.get("name")?,
                decl: r.get::<_, String>("type")?.to_ascii_uppercase(),
                not_null: r.get::<_, i64>("notnull")? != 0,
                key: r.get::<_, i64>("pk")? != 0,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}

/// A value as a message shows it: short, quoted when text, with the kind it is stored as.
fn shown(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "nothing".into(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(t) => {
            let s = String::from_utf8_lossy(t);
            let short: String = s.chars().take(40).collect();
            let more = if s.chars().nth(40).is_some() { "..." } else { "" };
            format!("'{}{more}'", short.escape_debug())
        }
        ValueRef::Blob(b) => format!("{} bytes of binary data", b.len()),
    }
}

fn kind_of(v: ValueRef<'_>) -> &'static str {
    match v {
        ValueRef::Null => "nothing",
        ValueRef::Integer(_) => "whole number",
        ValueRef::Real(_) => "decimal number",
        ValueRef::Text(_) => "text",
        ValueRef::Blob(_) => "binary value",
    }
}

/// Is a stored value of the kind a STRICT column of this declared type holds?
fn strict_kind_ok(decl: &str, v: ValueRef<'_>) -> bool {
    matches!(
        (decl, v),
        (_, ValueRef::Null)
            | ("INTEGER" | "INT", ValueRef::Integer(_))
            | ("TEXT", ValueRef::Text(_))
            | ("REAL", ValueRef::Real(_) | ValueRef::Integer(_))
            | ("BLOB", ValueRef::Blob(_))
            | ("ANY" | "", _)
    )
}

/// What the code would refuse in a text value of `table.column`, in a few words.
fn typed_text_problem(table: &str, column: &str, text: &str) -> Option<String> {
    let date = |t: &str| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok() && t.len() == 10;
    match (table, column) {
        (_, "uuid") => {
            let canonical = uuid::Uuid::parse_str(text).map(|u| u.hyphenated().to_string());
            (canonical.as_deref().ok() != Some(text))
                .then(|| format!("its uuid {} is not a UUID", shown(ValueRef::Text(text.as_bytes()))))
        }
        // When a row was deleted decides, in a merge, whether a later change here keeps it.
        ("tombstones", "at") => chrono::DateTime::parse_from_rfc3339(text).is_err().then(|| {
            format!("its time {} is not a time crosscheck writes", shown(ValueRef::Text(text.as_bytes())))
        }),
        ("claims", "when_from" | "when_to") | ("incidents", "date_from" | "date_to") => (!date(text))
            .then(|| format!("its {column} {} is not a real date", shown(ValueRef::Text(text.as_bytes())))),
        ("articles", "published") | ("reconciliations", "as_of") => crate::dates::PartialDate::parse(text)
            .is_err()
            .then(|| format!("its {column} {} is not a real date", shown(ValueRef::Text(text.as_bytes())))),
        ("measures" | "incidents", "key") => (super::figures::check_key(text).ok().as_deref() != Some(text))
            .then(|| format!("its key {} is not a measure key", shown(ValueRef::Text(text.as_bytes())))),
        ("tombstones", "tbl") => (!super::schema::TOMBSTONE_TABLES.contains(&text)).then(|| {
            format!(
                "it records a deletion crosscheck never writes (of {})",
                shown(ValueRef::Text(text.as_bytes()))
            )
        }),
        _ => None,
    }
}

/// One row's values by column name.
struct RowView<'a> {
    cols: &'a [Column],
    vals: &'a [ValueRef<'a>],
}

impl<'a> RowView<'a> {
    fn get(&self, name: &str) -> Option<ValueRef<'a>> {
        self.cols.iter().position(|c| c.name == name).map(|i| self.vals[i])
    }
    fn text(&self, name: &str) -> Option<&'a str> {
        self.get(name).and_then(text_of)
    }
}

/// What the code would refuse in a whole row, beyond single values.
fn typed_row_problem(table: &str, row: &RowView<'_>) -> Option<String> {
    let get = |c: &str| row.get(c);
    let int = |v: Option<ValueRef<'_>>| match v {
        Some(ValueRef::Integer(n)) => Some(n),
        _ => None,
    };
    let max = super::figures::MAX_FIGURE;
    match table {
        "figures" => {
            let (low, point, high) = (get("low")?, get("point")?, get("high")?);
            let ok = match (int(Some(low)), int(Some(point)), high) {
                (Some(l), Some(p), ValueRef::Null) => 0 <= l && l <= p && p <= max,
                (Some(l), Some(p), ValueRef::Integer(h)) => 0 <= l && l <= p && p <= h && h <= max,
                _ => false,
            };
            let high = if matches!(high, ValueRef::Null) { "open".to_string() } else { shown(high) };
            (!ok).then(|| {
                format!(
                    "it has low {}, point {}, high {high}; a figure needs whole numbers with 0 <= low <= point <= high <= {max}",
                    shown(low),
                    shown(point)
                )
            })
        }
        "vague_terms" => {
            let (word, display) = (row.text("word")?, row.text("display")?);
            let (low, high, point) = (int(get("low"))?, int(get("high"))?, int(get("point"))?);
            let key = crate::notation::vague_key(display);
            let word_ok = key == word && key.chars().any(char::is_alphabetic);
            let order_ok = 0 <= low && low <= point && point <= high && high <= max;
            // A word that already reads as a number ("forty") would change what figures mean.
            let number = !crate::notation::default_vague_table().contains_key(word)
                && crate::notation::parse(display, &Default::default()).is_ok();
            let short: String = display.chars().take(60).collect();
            (!word_ok || !order_ok || number).then(|| {
                format!(
                    "its vague word '{short}' ({low}..{high}, point {point}) could not have been typed: \
                     a vague word is a word that is not a number, with 0 <= low <= point <= high <= {max}"
                )
            })
        }
        _ => None,
    }
}

/// Derived values of a row that do not match what they come from.
fn derived_problem(table: &str, row: &RowView<'_>) -> Option<String> {
    let text = |c: &str| row.text(c);
    match table {
        "articles" => {
            let (body, sha) = (text("body")?, text("sha256")?);
            (super::articles::body_sha256(body) != sha)
                .then(|| "its stored hash is not the hash of its text".into())
        }
        "sources" => (super::sources::name_key(text("name")?) != text("name_key")?)
            .then(|| "its name key does not match its name (edited outside crosscheck)".into()),
        "source_aliases" => (super::sources::name_key(text("alias")?) != text("alias_key")?)
            .then(|| "its key does not match the alias (edited outside crosscheck)".into()),
        _ => None,
    }
}

/// How a row is named in a message.
fn row_name(cols: &[Column], row: &rusqlite::Row<'_>) -> String {
    if let Some(i) = cols.iter().position(|c| c.name == "id") {
        if let Ok(ValueRef::Integer(id)) = row.get_ref(i) {
            return format!("#{id}");
        }
    }
    let keys: Vec<String> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| c.key)
        .map(|(i, c)| format!("{} {}", c.name, row.get_ref(i).map(shown).unwrap_or_default()))
        .collect();
    if keys.is_empty() {
        "row".into()
    } else {
        format!("({})", keys.join(", "))
    }
}

/// Reads every row of every table of the schema once and hands each problem to `found`, which
/// returns false to stop (a merge stops at the first).
pub fn rows(conn: &Connection, found: &mut dyn FnMut(Problem) -> bool) -> Result<()> {
    for rules in schema_rules() {
        if !table_rows(conn, rules, found)? {
            return Ok(());
        }
    }
    Ok(())
}

fn table_rows(conn: &Connection, rules: &TableRules, found: &mut dyn FnMut(Problem) -> bool) -> Result<bool> {
    let table = rules.name.as_str();
    let cols = columns(conn, table)?;
    if cols.is_empty() {
        return Ok(true);
    }
    let quoted = |n: &str| format!("\"{}\"", n.replace('"', "\"\""));
    let mut select: Vec<String> = cols.iter().map(|c| quoted(&c.name)).collect();
    // A CHECK fails when its expression is false; NULL passes, as SQLite has it.
    select.extend(rules.checks.iter().map(|(_, e)| format!("coalesce(CAST(({e}) AS NUMERIC) = 0, 0)")));
    // Table names come from schema.sql, never from the file being checked.
    let sql = format!("SELECT {} FROM {}", select.join(", "), quoted(table));
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let n = cols.len();
    while let Some(r) = rows.next()? {
        let mut problems: Vec<(Kind, String)> = Vec::new();
        for (i, c) in cols.iter().enumerate() {
            let v = r.get_ref(i)?;
            if matches!(v, ValueRef::Null) {
                if c.not_null {
                    problems.push((Kind::Value, format!("it has no {} (it must have one)", c.name)));
                }
                continue;
            }
            if rules.strict && !strict_kind_ok(&c.decl, v) {
                let belongs = match c.decl.as_str() {
                    "INTEGER" | "INT" => "a whole number",
                    "TEXT" => "text",
                    "REAL" => "a number",
                    _ => "another kind of value",
                };
                problems.push((
                    Kind::Value,
                    format!("it has {} {} (a {}) where {belongs} belongs", c.name, shown(v), kind_of(v)),
                ));
                continue;
            }
            if let ValueRef::Text(bytes) = v {
                match std::str::from_utf8(bytes) {
                    Err(_) => problems.push((Kind::Value, format!("its {} is not UTF-8 text", c.name))),
                    Ok(text) => {
                        if let Some(p) = typed_text_problem(table, &c.name, text) {
                            problems.push((Kind::Value, p));
                        }
                    }
                }
            }
        }
        let vals: Vec<ValueRef<'_>> = (0..n).map(|i| r.get_ref(i)).collect::<rusqlite::Result<_>>()?;
        let view = RowView { cols: &cols, vals: &vals };
        let get = |name: &str| view.get(name);
        if problems.is_empty() {
            if let Some(p) = typed_row_problem(table, &view) {
                problems.push((Kind::Value, p));
            }
        }
        if problems.is_empty() {
            for (j, (column, expr)) in rules.checks.iter().enumerate() {
                if r.get_ref(n + j)? == ValueRef::Integer(1) {
                    let value = column
                        .as_deref()
                        .and_then(|c| get(c).map(|v| format!("its {c} is {}, which ", shown(v))))
                        .unwrap_or_else(|| "it ".into());
                    problems
                        .push((Kind::Value, format!("{value}breaks one of the notebook's rules ({expr})")));
                }
            }
        }
        if problems.is_empty() {
            if let Some(p) = derived_problem(table, &view) {
                problems.push((Kind::Derived, p));
            }
        }
        if !problems.is_empty() {
            let row = row_name(&cols, r);
            for (kind, what) in problems {
                if !found(Problem { kind, table: table.to_string(), row: row.clone(), what }) {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

/// The text of a UTF-8 text value, if it is one.
fn text_of(v: ValueRef<'_>) -> Option<&str> {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

/// A claim whose quote is not the text at its span.
#[derive(Debug, Clone)]
pub struct Misplaced {
    pub claim: i64,
    pub article: i64,
    pub quote: String,
}

/// Compares every verified quote with the text at its span, article by article: each body is
/// read once and walked once in span order, so the cost is the text plus the quotes, whatever
/// the number of claims on one article. Rows that are not UTF-8 text are left to [`rows`].
pub fn misplaced_quotes(conn: &Connection) -> Result<Vec<Misplaced>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, article_id, quote, span_start, span_end FROM claims
         WHERE span_start IS NOT NULL ORDER BY article_id, span_start",
    )?;
    let mut body_stmt = conn.prepare(super::articles::BODY_BY_ID)?;
    let mut rows = stmt.query([])?;
    // The article being walked: its id, its body, and a cursor (characters, bytes) into it.
    let mut current: Option<(i64, Option<String>)> = None;
    let (mut at_char, mut at_byte) = (0i64, 0usize);
    while let Some(r) = rows.next()? {
        let (ValueRef::Integer(id), ValueRef::Integer(article)) =
            (r.get_ref("id")?, r.get_ref("article_id")?)
        else {
            continue;
        };
        let (ValueRef::Integer(start), ValueRef::Integer(end)) =
            (r.get_ref("span_start")?, r.get_ref("span_end")?)
        else {
            continue;
        };
        let Some(quote) = text_of(r.get_ref("quote")?) else { continue };
        if current.as_ref().map(|c| c.0) != Some(article) {
            let body: Option<String> = body_stmt
                .query([article])?
                .next()?
                .and_then(|b| b.get_ref("body").ok().and_then(text_of).map(str::to_string));
            current = Some((article, body));
            (at_char, at_byte) = (0, 0);
        }
        let Some(body) = current.as_ref().and_then(|c| c.1.as_deref()) else { continue };
        let mut held = false;
        if start >= at_char && end - start == super::sql_int(quote.chars().count()) {
            // Forward from the cursor to the span's start (spans come in order of their start),
            // so the body is walked once for all its claims.
            let need = super::count(start - at_char);
            let rest = &body[at_byte..];
            match rest.char_indices().nth(need) {
                Some((offset, _)) => {
                    at_byte += offset;
                    at_char = start;
                    held = body[at_byte..].starts_with(quote);
                }
                None => {
                    at_char += super::sql_int(rest.chars().count());
                    at_byte = body.len();
                }
            }
        }
        if !held {
            out.push(Misplaced { claim: id, article, quote: quote.to_string() });
        }
    }
    Ok(out)
}

/// The articles' lengths in characters, read once each, for rows that point into them.
fn article_lengths(conn: &Connection) -> Result<HashMap<i64, i64>> {
    let mut stmt =
        conn.prepare("SELECT id, length(body) AS length FROM articles WHERE typeof(body) = 'text'")?;
    let out = stmt
        .query_map([], |r| Ok((r.get::<_, i64>("id")?, r.get::<_, i64>("length")?)))?
        .filter_map(std::result::Result::ok)
        .collect();
    Ok(out)
}

/// Rows that point past the end of their article (pages, rejected suggestions), and derived
/// measures that contain themselves.
pub fn references(conn: &Connection, found: &mut dyn FnMut(Problem) -> bool) -> Result<()> {
    let lengths = article_lengths(conn)?;
    let checks: [(&str, &str, &str); 2] = [
        ("article_pages", "SELECT article_id, page AS key, start AS offset FROM article_pages", "page"),
        (
            "rejected_suggestions",
            "SELECT article_id, id AS key, span_end AS offset FROM rejected_suggestions",
            "id",
        ),
    ];
    for (table, sql, what) in checks {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (ValueRef::Integer(article), ValueRef::Integer(key), ValueRef::Integer(offset)) =
                (r.get_ref("article_id")?, r.get_ref("key")?, r.get_ref("offset")?)
            else {
                continue;
            };
            let Some(len) = lengths.get(&article) else { continue };
            if offset > *len {
                let row =
                    if what == "id" { format!("#{key}") } else { format!("(article {article}, page {key})") };
                let p = Problem {
                    kind: Kind::Value,
                    table: table.to_string(),
                    row,
                    what: format!("it points to character {offset} of article #{article}, which has {len}"),
                };
                if !found(p) {
                    return Ok(());
                }
            }
        }
    }
    // Walked from measure_parts, not read from measure_closure, so a hand edit of either shows.
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT m.id, m.key FROM ({}) d JOIN measures m ON m.id = d.part_id
         WHERE d.part_id = d.measure_id ORDER BY m.id",
        super::derived::WALKED_CLOSURE
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, key) = (r.get::<_, i64>("id")?, r.get_ref("key").map(shown)?);
        let p = Problem {
            kind: Kind::Value,
            table: "measures".into(),
            row: format!("#{id}"),
            what: format!("the derived measure {key} is a part of itself"),
        };
        if !found(p) {
            return Ok(());
        }
    }
    Ok(())
}

/// SQLite's own integrity check (pages, indexes; CHECKs too on a writable connection), at most
/// `limit` lines.
pub fn sqlite_integrity(conn: &Connection, limit: usize) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA integrity_check({limit})"))?;
    let rows: Vec<String> =
        stmt.query_map([], |r| r.get("integrity_check"))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// How many rows point to rows that do not exist: what an upgrade or a merge refuses to commit.
pub fn broken_references(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) AS n FROM main.pragma_foreign_key_check", [], |r| r.get("n"))?)
}

/// Rows pointing to rows that do not exist: (table, rowid, parent table).
pub fn dangling(conn: &Connection) -> Result<Vec<(String, i64, String)>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let out = stmt
        .query_map([], |r| {
            Ok((r.get("table")?, r.get::<_, Option<i64>>("rowid")?.unwrap_or(0), r.get("parent")?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_are_read_from_the_schema() {
        let rules = schema_rules();
        let claims = rules.iter().find(|t| t.name == "claims").expect("claims");
        assert!(claims.strict);
        assert!(claims
            .checks
            .iter()
            .any(|(c, e)| c.as_deref() == Some("credibility") && e == "credibility BETWEEN 1 AND 6"));
        assert!(claims.checks.iter().any(|(c, e)| c.is_none() && e.contains("span_start <= span_end")));
        // A comment's words and a string's parentheses do not confuse the reader.
        let sources = rules.iter().find(|t| t.name == "sources").unwrap();
        assert!(sources
            .checks
            .iter()
            .any(|(c, e)| c.as_deref() == Some("kind") && e.contains("'social-media'")));
        let all: usize = rules.iter().map(|t| t.checks.len()).sum();
        // Every CHECK of schema.sql is read: count them in the text, comments removed.
        let text = without_comments(super::super::schema::SCHEMA);
        let written = keyword_offsets_anywhere(&text, "CHECK");
        assert_eq!(all, written, "{rules:#?}");
        assert!(rules.iter().any(|t| t.name == "article_pages"));
        assert!(!rules.iter().any(|t| t.name.contains("fts")), "virtual tables are not tables to check");
    }

    fn keyword_offsets_anywhere(text: &str, word: &str) -> usize {
        let upper = text.to_ascii_uppercase();
        upper.match_indices(word).filter(|(i, _)| !upper[..*i].ends_with('_')).count()
    }

    #[test]
    fn a_broken_rule_is_found_on_a_notebook_whatever_its_connection() {
        let nb = super::super::Notebook::in_memory().unwrap();
        nb.conn
            .execute_batch(
                "PRAGMA ignore_check_constraints = ON;
                 INSERT INTO sources (uuid, name, name_key, kind, reliability, created_at)
                 VALUES ('01900000-0000-7000-8000-000000000001', 'Valley Paper', 'valley paper', 'outlet', 'Z', '2026-01-01T00:00:00Z');",
            )
            .unwrap();
        let mut found = Vec::new();
        rows(&nb.conn, &mut |p| {
            found.push(p.to_string());
            true
        })
        .unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("sources #1: its reliability is 'Z'"), "{found:?}");
    }
}
