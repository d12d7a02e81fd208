//! Merging another notebook (a colleague's, or your laptop's) into this one. The other file is
//! never trusted: it is copied into a private temporary file (never written to, and nothing left
//! beside it), upgraded there if it is older, and checked before any lock is taken here: the
//! exact schema, SQLite's integrity and foreign keys, every hash recomputed from its text, every
//! name key recomputed, every quote re-anchored in its article. Then its rows come in by uuid (an
//! article by its text, a source by its name or alias, a measure by its key) in one
//! transaction, deletions are honoured both ways through the tombstones, and merging twice adds
//! nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};

use super::transfer::{Outcome, Tally};
use super::{integrity, Error, Notebook, Result};
use crate::ratings::Reliability;

/// How long a whole merge may take (copying, checking and reading the other notebook, and
/// writing its rows here) before it is given up as hostile or damaged.
const MERGE_LIMIT: Duration = Duration::from_secs(600);

/// A private copy of the other notebook, removed when dropped.
struct Copy {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn their(other: &Path, e: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("{} cannot be merged: {e}", other.display()))
}

/// What went wrong reading the other notebook, said of that notebook: never "restore your
/// notebook from a backup" (ours is untouched) and never SQLite's own text.
fn describe_other(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e {
        rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::IntegralValueOutOfRange(..) => {
            return "it holds a value of the wrong kind where crosscheck expects another".into()
        }
        rusqlite::Error::Utf8Error(..) => {
            return "it holds text that is not UTF-8, so it was edited outside crosscheck".into()
        }
        _ => {}
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => "it is not a crosscheck notebook (not an SQLite file)".into(),
        Some(ErrorCode::DatabaseCorrupt) => "it is damaged (SQLite cannot read it whole)".into(),
        Some(ErrorCode::OperationInterrupted) => {
            "reading it took too long, so it was given up (it is damaged or made to hang)".into()
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "it is busy with another program; try again once that program is closed".into()
        }
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            "it cannot be read; check its permissions".into()
        }
        Some(ErrorCode::ConstraintViolation) => "its rows break the rules of a crosscheck notebook".into(),
        Some(ErrorCode::TooBig) => "it holds a value too large to read".into(),
        Some(ErrorCode::DiskFull) => "the disk is full, so no private copy of it could be made".into(),
        _ => "it cannot be read".into(),
    }
}

/// An error met while reading or checking the copy, said of the other notebook: the private
/// copy's temporary path never appears.
fn theirs(other: &Path, copy: &Path, e: Error) -> Error {
    let shown = |m: String| m.replace(&copy.display().to_string(), &other.display().to_string());
    match e {
        Error::Sql(s) => their(other, describe_other(&s)),
        Error::Invalid(m) | Error::NotFound(m) | Error::Conflict(m) | Error::Io(m) | Error::Busy(m) => {
            let m = shown(m);
            // "X cannot be merged: X does not have ..." says X once.
            let m = match m.strip_prefix(&format!("{} ", other.display())) {
                Some(rest) => format!("it {rest}"),
                None => m,
            };
            if m.contains(" cannot be merged: ") {
                Error::Invalid(m)
            } else {
                their(other, m)
            }
        }
        Error::Output(e) => Error::Output(e),
    }
}

/// Stops any statement on `conn` once `deadline` has passed, so a crafted file cannot hang us.
fn bound(conn: &mut Connection, deadline: Instant) -> Result<()> {
    conn.progress_handler(10_000, Some(move || Instant::now() > deadline))?;
    Ok(())
}

/// Copies the other notebook with SQLite's online backup, reading it as it is: opened
/// read-only, and as immutable when it has no journal beside it (so nothing is created beside
/// it, even in a folder we cannot write).
fn snapshot(other: &Path, deadline: Instant) -> Result<Copy> {
    let mut wal = other.as_os_str().to_os_string();
    wal.push("-wal");
    let immutable = !Path::new(&wal).exists();
    let encoded: String = other
        .to_string_lossy()
        .chars()
        .map(|c| match c {
            '%' => "%25".to_string(),
            '?' => "%3f".to_string(),
            '#' => "%23".to_string(),
            c => c.to_string(),
        })
        .collect();
    let uri = format!("file:{encoded}?mode=ro{}", if immutable { "&immutable=1" } else { "" });
    let flags =
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut src = Connection::open_with_flags(&uri, flags).map_err(|e| their(other, describe_other(&e)))?;
    super::configure(&src, false).map_err(|e| theirs(other, other, e))?;
    bound(&mut src, deadline)?;
    let read_id = || super::schema::header(&src).map(|h| (h.application_id, h.user_version));
    let (app, version) = read_id().map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            their(other, "it is not a crosscheck notebook (not an SQLite file)")
        }
        _ => their(other, describe_other(&e)),
    })?;
    if app != super::APPLICATION_ID {
        return Err(their(other, "it is not a crosscheck notebook"));
    }
    if version > super::schema::CURRENT_VERSION {
        return Err(their(
            other,
            format!("it was written by a newer crosscheck (schema {version}); upgrade crosscheck first"),
        ));
    }
    let no_copy = |why: String| {
        their(other, format!("no private copy of it could be made in the temporary folder ({why})"))
    };
    let dir = tempfile::Builder::new()
        .prefix("crosscheck-merge-")
        .tempdir()
        .map_err(|e| no_copy(super::io_reason(&e)))?;
    let path = dir.path().join("other.db");
    let mut dest = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| no_copy(describe_other(&e)))?;
    rusqlite::backup::Backup::new(&src, &mut dest)
        .and_then(|b| b.run_to_completion(1024, Duration::ZERO, None))
        .map_err(|e| their(other, describe_other(&e)))?;
    Ok(Copy { _dir: dir, path })
}

/// Checks the copy and recomputes what must not be taken on trust. Returns the notes to show.
fn vet(copy: &Copy, other: &Path, deadline: Instant) -> Result<Vec<String>> {
    vet_copy(copy, other, deadline).map_err(|e| theirs(other, &copy.path, e))
}

fn vet_copy(copy: &Copy, other: &Path, deadline: Instant) -> Result<Vec<String>> {
    let conn = Connection::open_with_flags(
        &copy.path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut nb = Notebook { conn, path: copy.path.clone(), writable: true };
    // Bounded from the first statement: the checks below, and an upgrade of an older file,
    // run on what someone else wrote.
    bound(&mut nb.conn, deadline)?;
    super::harden(&nb.conn)?;
    let version = super::schema::header(&nb.conn)?.user_version;
    if version == super::schema::CURRENT_VERSION {
        // Its schema first: nothing else is read from a file with an extra view or trigger.
        super::schema::verify_schema(&nb.conn, "main", other)?;
    }
    super::configure(&nb.conn, true)?;
    // An older notebook is upgraded in the copy. If its tables are not those of the version it
    // claims (a version number edited by hand), the upgrade fails on them: that is said plainly.
    super::schema::bring_up_to_date(&mut nb).map_err(|e| match e {
        Error::Sql(ref s) if !matches!(s.sqlite_error_code(), Some(rusqlite::ErrorCode::OperationInterrupted)) => {
            Error::Invalid(format!(
                "it says it is a notebook of schema version {version}, but its tables are not those of that version, so it cannot be upgraded"
            ))
        }
        other => other,
    })?;
    super::schema::verify_schema(&nb.conn, "main", other)?;
    check_values(&nb.conn)?;
    let problems = integrity::sqlite_integrity(&nb.conn, 20)?;
    if let Some(first) = problems.first() {
        return Err(Error::Invalid(format!(
            "it is damaged or was edited outside crosscheck ({})",
            integrity_words(first)
        )));
    }
    let dangling = integrity::dangling(&nb.conn)?;
    if let Some((table, _, _)) = dangling.iter().min_by(|a, b| a.0.cmp(&b.0)) {
        return Err(Error::Invalid(format!(
            "{} of its rows (in its {table}) point to rows that do not exist",
            dangling.len()
        )));
    }
    let tx = nb.write()?;
    let mut notes = Vec::new();
    // Hashes are recomputed from the texts: a forged hash must not make a genuine article look
    // like a duplicate of ours.
    let mut real_of: Vec<(i64, String, bool)> = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT id, body, sha256 FROM articles ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, body, sha): (i64, String, String) = (r.get("id")?, r.get("body")?, r.get("sha256")?);
            let real = super::articles::body_sha256(&body);
            let forged = real != sha;
            real_of.push((id, real, forged));
        }
    }
    let forged = real_of.iter().filter(|(_, _, f)| *f).count();
    if forged > 0 {
        notes.push(format!(
            "{forged} article(s) of the other notebook had a hash that was not of their text; it was recomputed"
        ));
        // First out of the way (a forged hash may be another row's real one), then the real
        // hashes in. Two rows with one text are one article: the claims of the later move to
        // the first (their spans are of the same text).
        for (id, _, f) in &real_of {
            if *f {
                tx.execute(super::articles::SHA256_SET, params![format!("{id:0>64}"), id])?;
            }
        }
        let mut first_of: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
        for (id, real, _) in &real_of {
            if let Some(kept) = first_of.get(real.as_str()) {
                tx.execute("UPDATE claims SET article_id = ?1 WHERE article_id = ?2", params![kept, id])?;
                tx.execute(super::articles::NEAR_DUPLICATE_CLEAR, [id])?;
                tx.execute(super::articles::ARTICLE_DELETE, [id])?;
            } else {
                first_of.insert(real, *id);
            }
        }
        for (id, real, f) in &real_of {
            if *f && first_of.get(real.as_str()) == Some(id) {
                tx.execute(super::articles::SHA256_SET, params![real, id])?;
            }
        }
    }
    recompute_keys(&tx, &mut notes)?;
    reanchor(&tx, &mut notes)?;
    tx.commit()?;
    Ok(notes)
}

/// SQLite's integrity report in the user's words: what kind of problem, and in which table.
fn integrity_words(line: &str) -> String {
    let table = line
        .rsplit_once(" in ")
        .map(|(_, t)| {
            t.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
        })
        .filter(|t| !t.is_empty());
    let what = if line.contains("CHECK") {
        "a row breaks one of the notebook's rules"
    } else if line.contains("NOT NULL") {
        "a row lacks a value it must have"
    } else if line.contains("non-") || line.contains("datatype") || line.contains("type") {
        "a row holds a value of the wrong kind"
    } else if line.contains("index") || line.contains("UNIQUE") {
        "an index does not match its table"
    } else {
        "its pages do not fit together"
    };
    match table {
        Some(t) => format!("{what}, in its {t}"),
        None => what.to_string(),
    }
}

/// Every value that crosscheck would have refused had it been typed is refused here, naming the
/// table, the row and the value: the rows are held against the schema's rules and the typed
/// values by the checks `check` runs (`integrity.rs`), and an article must fit the size an
/// import accepts. (Hashes, name keys and quote spans are recomputed afterwards rather than
/// refused.)
fn check_values(conn: &Connection) -> Result<()> {
    let mut first: Option<integrity::Problem> = None;
    let mut refuse_first = |p: integrity::Problem| {
        if first.is_some() {
            return false;
        }
        if p.kind == integrity::Kind::Value {
            first = Some(p);
            return false;
        }
        true
    };
    integrity::rows(conn, &mut refuse_first)?;
    integrity::references(conn, &mut refuse_first)?;
    if let Some(p) = first {
        return Err(Error::Invalid(format!("its {} {}: {}", p.table, p.row, p.what)));
    }
    let cap = crate::intake::DEFAULT_MAX_SIZE;
    let large: Option<(i64, i64)> = conn
        .query_row(
            "SELECT id, length(CAST(body AS BLOB)) AS length FROM articles WHERE length(CAST(body AS BLOB)) > ?1 LIMIT 1",
            [super::sql_int(usize::try_from(cap).unwrap_or(usize::MAX))],
            |r| Ok((r.get("id")?, r.get("length")?)),
        )
        .optional()?;
    if let Some((id, bytes)) = large {
        return Err(Error::Invalid(format!(
            "its article #{id} is {:.1} MB, more than the {} MB an import accepts",
            bytes as f64 / (1024.0 * 1024.0),
            cap / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Name keys are recomputed from names (a forged key could make one source pass for another).
fn recompute_keys(tx: &Transaction<'_>, notes: &mut Vec<String>) -> Result<()> {
    let mut stmt = tx.prepare("SELECT id, name, name_key FROM sources")?;
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get("id")?, r.get("name")?, r.get("name_key")?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let mut changed = 0;
    for (id, name, key) in rows {
        let real = super::sources::name_key(&name);
        if real != key && !real.is_empty() {
            if tx.execute("UPDATE OR IGNORE sources SET name_key = ?1 WHERE id = ?2", params![real, id])? == 0
            {
                notes.push(format!("the other notebook's source #{id} '{name}' has the name of another of its sources; it is merged as that source"));
            }
            changed += 1;
        }
    }
    if changed > 0 {
        notes.push(format!("{changed} source name key(s) of the other notebook were recomputed"));
    }
    // Alias keys too: a forged key could make a name typed later resolve to the wrong source.
    let mut stmt = tx.prepare("SELECT alias_key, alias FROM source_aliases")?;
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get("alias_key")?, r.get("alias")?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let mut dropped = 0;
    for (key, alias) in rows {
        let real = super::sources::name_key(&alias);
        if real != key {
            tx.execute("DELETE FROM source_aliases WHERE alias_key = ?1", [&key])?;
            dropped += 1;
        }
    }
    if dropped > 0 {
        notes.push(format!(
            "{dropped} alias(es) of the other notebook had a key that was not of their name; they were left out"
        ));
    }
    Ok(())
}

/// Quotes are re-anchored in their articles: a span that does not hold its quote is found
/// again, or the claim is marked unverified. The quotes are compared article by article (each
/// body read once), and an article's words are indexed once for all its misplaced quotes, so
/// memory holds one article at a time however many claims quote it.
fn reanchor(tx: &Transaction<'_>, notes: &mut Vec<String>) -> Result<()> {
    let misplaced = integrity::misplaced_quotes(tx)?;
    let mut index: Option<(i64, crate::normalize::QuoteIndex)> = None;
    for m in &misplaced {
        if index.as_ref().map(|i| i.0) != Some(m.article) {
            // Dropped before the next is made: one article's index at a time.
            drop(index.take());
            let body: String = tx.query_row(super::articles::BODY_BY_ID, [m.article], |r| r.get("body"))?;
            index = Some((m.article, crate::normalize::QuoteIndex::new(&body)));
        }
        let Some((_, quotes)) = &index else { continue };
        let anchored = super::claims::anchor(quotes, 0, &m.quote, true)?;
        tx.execute(
            "UPDATE claims SET quote = ?1, span_start = ?2, span_end = ?3, unverified = ?4 WHERE id = ?5",
            params![
                anchored.quote,
                anchored.span.map(|s| s.0),
                anchored.span.map(|s| s.1),
                anchored.unverified,
                m.claim
            ],
        )?;
    }
    if !misplaced.is_empty() {
        notes.push(format!("{} quote(s) of the other notebook were not where their span said; they were found again or marked unverified", misplaced.len()));
    }
    Ok(())
}

/// The order rows are deleted in when the other notebook deleted them: dependents first.
const DELETE_ORDER: &[&str] =
    &["figures", "links", "reconciliations", "claims", "source_ratings", "articles", "measures", "sources"];

impl Notebook {
    /// Brings another notebook's rows into this one in one transaction.
    pub fn merge_from(&mut self, other: &Path) -> Result<Tally> {
        let other = super::absolute(other)?;
        if !other.exists() {
            if let Err(e) = std::fs::metadata(&other).map(drop) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    return Err(their(
                        &other,
                        format!("it cannot be opened: {}", crate::files::io_reason(&e)),
                    ));
                }
            }
            return Err(Error::NotFound(format!(
                "there is no notebook at {}; give the path of a crosscheck notebook",
                other.display()
            )));
        }
        if let Ok(m) = std::fs::metadata(&other) {
            if !m.is_file() {
                return Err(their(
                    &other,
                    format!("it is {}, and a notebook is a regular file", crate::files::kind_of_file(&m)),
                ));
            }
        }
        if crate::files::Outputs::new(&self.path).refuse_protected(&other, "merge").is_err() {
            return super::invalid("a notebook cannot be merged into itself; give another notebook file");
        }
        let deadline = Instant::now() + MERGE_LIMIT;
        let copy = snapshot(&other, deadline)?;
        let mut notes = vet(&copy, &other, deadline)?;
        let label = other.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        self.conn.execute("ATTACH DATABASE ?1 AS other", [copy.path.to_string_lossy()])?;
        // The time limit covers the whole merge, our own writing included.
        bound(&mut self.conn, deadline)?;
        let result = (|| -> Result<Tally> {
            super::schema::verify_schema(&self.conn, "other", &other)?;
            // The words and bands of what may come in are made before the write lock is taken,
            // so other commands wait only for the rows to be copied.
            prepare_search_words(&self.conn)?;
            let tx = self.write()?;
            let mut tally = Tally::default();
            merge_rows(&tx, &mut tally, &label)?;
            left_out(&tx, &mut tally)?;
            apply_tombstones(&tx, &mut tally, &label)?;
            let broken = super::integrity::broken_references(&tx)?;
            if broken > 0 {
                return Err(their(
                    &other,
                    "its rows would leave this notebook inconsistent; nothing was merged",
                ));
            }
            tx.commit()?;
            Ok(tally)
        })();
        self.conn.progress_handler(0, None::<fn() -> bool>)?;
        let _ = self.conn.execute_batch(
            "DROP TABLE IF EXISTS temp.merge_article_words; DROP TABLE IF EXISTS temp.merge_article_bands;
             DROP TABLE IF EXISTS temp.merge_claim_words; DETACH DATABASE other",
        );
        // A rule of this notebook broken by the other's rows is said of the other notebook;
        // anything else (a busy notebook, a full disk) is this notebook's own trouble.
        let mut tally = result.map_err(|e| match e {
            Error::Sql(ref s) if s.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                their(&other, "its rows clash with rows of this notebook in a way crosscheck cannot settle; nothing was merged")
            }
            Error::Sql(ref s) if s.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) => their(
                &other,
                format!(
                    "merging it took longer than the {} s a merge may take, so it was given up; nothing was merged",
                    MERGE_LIMIT.as_secs()
                ),
            ),
            other_error => other_error,
        })?;
        notes.append(&mut tally.notes);
        tally.notes = notes;
        Ok(tally)
    }
}

/// Runs one counted statement and adds its changes to the tally.
fn counted(tx: &Transaction<'_>, tally: &mut Tally, table: &str, outcome: Outcome, sql: &str) -> Result<()> {
    let n = tx.execute(sql, [])?;
    tally.count(table, outcome, n);
    Ok(())
}

/// Maps the other notebook's ids of `table` to ours: first by uuid, then by `natural` joins (a
/// statement selecting (their id, our id) pairs), then inserts the rest with `insert` (rows not
/// deleted here) and maps them by uuid.
fn map_and_insert(
    tx: &Transaction<'_>,
    tally: &mut Tally,
    table: &str,
    natural: &[&str],
    insert: &str,
) -> Result<()> {
    tx.execute_batch(&format!(
        "DROP TABLE IF EXISTS temp.map_{table};
         CREATE TEMP TABLE map_{table} (their INTEGER PRIMARY KEY, ours INTEGER NOT NULL);
         CREATE INDEX temp.map_{table}_ours ON map_{table} (ours);
         INSERT INTO map_{table} SELECT o.id, m.id FROM other.{table} o JOIN main.{table} m ON m.uuid = o.uuid;"
    ))?;
    for sql in natural {
        tx.execute(&format!("INSERT OR IGNORE INTO map_{table} {sql}"), [])?;
    }
    let already: i64 = tx.query_row(&format!("SELECT count(*) AS n FROM map_{table}"), [], |r| r.get("n"))?;
    tally.count(table, Outcome::AlreadyThere, super::count(already));
    let deleted_here: i64 = tx.query_row(
        &format!(
            "SELECT count(*) AS n FROM other.{table} o WHERE o.id NOT IN (SELECT their FROM map_{table})
             AND o.uuid IN (SELECT uuid FROM main.tombstones)"
        ),
        [],
        |r| r.get("n"),
    )?;
    if deleted_here > 0 {
        tally.count(table, Outcome::Skipped, super::count(deleted_here));
        tally.note(format!("{deleted_here} {table} deleted from this notebook were not added again"));
    }
    counted(tx, tally, table, Outcome::Added, insert)?;
    tx.execute(
        &format!("INSERT OR IGNORE INTO map_{table} SELECT o.id, m.id FROM other.{table} o JOIN main.{table} m ON m.uuid = o.uuid"),
        [],
    )?;
    Ok(())
}

/// Rows of `table` not yet here, not deleted here.
fn fresh(table: &str) -> String {
    format!(
        "o.id NOT IN (SELECT their FROM map_{table}) AND o.uuid NOT IN (SELECT uuid FROM main.tombstones)"
    )
}

/// Sources come in first (by uuid, name or alias), with their rating histories and aliases; a
/// differing rating of a source both notebooks hold is added to its history, not taken over.
fn merge_source_rows(tx: &Transaction<'_>, tally: &mut Tally, label: &str) -> Result<()> {
    map_and_insert(
        tx,
        tally,
        "sources",
        &[
            "SELECT o.id, m.id FROM other.sources o JOIN main.sources m ON m.name_key = o.name_key",
            "SELECT o.id, a.source_id FROM other.sources o JOIN main.source_aliases a ON a.alias_key = o.name_key",
            "SELECT a.source_id, m.id FROM other.source_aliases a JOIN main.sources m ON m.name_key = a.alias_key",
        ],
        &format!(
            "INSERT INTO main.sources (uuid, name, name_key, kind, affiliation, named, reliability, note, created_at)
             SELECT uuid, name, name_key, kind, affiliation, named, reliability, note, created_at FROM other.sources o
             WHERE {} ORDER BY o.id",
            fresh("sources")
        ),
    )?;
    // A differing rating of the same source is added to its history, not taken over (once).
    let mut stmt = tx.prepare(
        "SELECT m.id, m.reliability AS ours, o.reliability AS theirs FROM other.sources o
         JOIN temp.map_sources p ON p.their = o.id JOIN main.sources m ON m.id = p.ours
         WHERE o.reliability <> m.reliability AND NOT EXISTS (SELECT 1 FROM main.source_ratings r
             WHERE r.source_id = m.id AND r.to_grade = o.reliability AND r.why LIKE 'rated % in the merged notebook %')",
    )?;
    let differ: Vec<(i64, Reliability, Reliability)> = stmt
        .query_map([], |r| Ok((r.get("id")?, r.get("ours")?, r.get("theirs")?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for (id, ours, theirs) in differ {
        let why = format!("rated {theirs} in the merged notebook {label}; this notebook keeps {ours}");
        super::sources::record_rating(tx, id, Some(ours), theirs, &why)?;
    }
    let known: i64 = tx.query_row(
        "SELECT count(*) AS n FROM other.source_ratings WHERE uuid IN (SELECT uuid FROM main.source_ratings)",
        [],
        |r| r.get("n"),
    )?;
    tally.count("source_ratings", Outcome::AlreadyThere, super::count(known));
    counted(
        tx,
        tally,
        "source_ratings",
        Outcome::Added,
        "INSERT INTO main.source_ratings (uuid, source_id, from_grade, to_grade, why, at)
         SELECT o.uuid, p.ours, o.from_grade, o.to_grade, o.why, o.at FROM other.source_ratings o
         JOIN temp.map_sources p ON p.their = o.source_id
         WHERE o.uuid NOT IN (SELECT uuid FROM main.source_ratings) AND o.uuid NOT IN (SELECT uuid FROM main.tombstones)",
    )?;
    merge_aliases(tx, tally)
}

/// The other notebook's aliases: each is added, already here (the same name for the same source,
/// as an alias or as its own name), or left out and said (it names another source here, or its
/// source did not come in). The three counts add up to the aliases it holds.
fn merge_aliases(tx: &Transaction<'_>, tally: &mut Tally) -> Result<()> {
    let count = |sql: &str| -> Result<usize> { Ok(super::count(tx.query_row(sql, [], |r| r.get("n"))?)) };
    let total = count("SELECT count(*) AS n FROM other.source_aliases")?;
    let already = count(
        "SELECT count(*) AS n FROM other.source_aliases o JOIN temp.map_sources p ON p.their = o.source_id
         WHERE EXISTS (SELECT 1 FROM main.source_aliases a WHERE a.alias_key = o.alias_key AND a.source_id = p.ours)
            OR EXISTS (SELECT 1 FROM main.sources m WHERE m.id = p.ours AND m.name_key = o.alias_key)",
    )?;
    tally.count("source_aliases", Outcome::AlreadyThere, already);
    let added = tx.execute(
        "INSERT OR IGNORE INTO main.source_aliases (alias_key, source_id, alias, created_at)
         SELECT o.alias_key, p.ours, o.alias, o.created_at FROM other.source_aliases o JOIN temp.map_sources p ON p.their = o.source_id
         WHERE o.alias_key NOT IN (SELECT name_key FROM main.sources)",
        [],
    )?;
    tally.count("source_aliases", Outcome::Added, added);
    let left = total.saturating_sub(already + added);
    if left > 0 {
        tally.count("source_aliases", Outcome::Skipped, left);
        tally.note(format!(
            "{left} source_aliases of the other notebook name another source here, or belong to sources that were not added; they were not added"
        ));
    }
    Ok(())
}

fn merge_rows(tx: &Transaction<'_>, tally: &mut Tally, label: &str) -> Result<()> {
    merge_source_rows(tx, tally, label)?;
    merge_articles(tx, tally)?;
    merge_claims(tx, tally)?;
    let measures_before: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) AS last FROM main.measures", [], |r| r.get("last"))?;
    map_and_insert(
        tx,
        tally,
        "measures",
        &["SELECT o.id, m.id FROM other.measures o JOIN main.measures m ON m.key = o.key"],
        &format!(
            "INSERT INTO main.measures (uuid, key, label, unit, created_at)
             SELECT uuid, key, label, unit, created_at FROM other.measures o WHERE {} ORDER BY o.id",
            fresh("measures")
        ),
    )?;
    // The parts of the derived measures added here (a measure this notebook already had keeps its
    // own parts, or none). A measure added here is a part of no sum here yet, so no sum comes to
    // contain itself.
    tx.execute(
        "INSERT OR IGNORE INTO main.measure_parts (measure_id, part_id, position)
         SELECT a.ours, b.ours, o.position FROM other.measure_parts o
         JOIN temp.map_measures a ON a.their = o.measure_id JOIN temp.map_measures b ON b.their = o.part_id
         WHERE a.ours > ?1 ORDER BY o.measure_id, o.position",
        [measures_before],
    )?;
    refuse_figures_for_sums(tx, label)?;
    map_and_insert(
        tx,
        tally,
        "figures",
        &[],
        &format!(
            "INSERT INTO main.figures (uuid, claim_id, measure_id, notation, kind, low, high, point, provisional, rule, created_at)
             SELECT o.uuid, c.ours, m.ours, o.notation, o.kind, o.low, o.high, o.point, o.provisional, o.rule, o.created_at
             FROM other.figures o JOIN temp.map_claims c ON c.their = o.claim_id JOIN temp.map_measures m ON m.their = o.measure_id
             WHERE {} ORDER BY o.id",
            fresh("figures")
        ),
    )?;
    map_and_insert(
        tx,
        tally,
        "links",
        &["SELECT o.id, l.id FROM other.links o JOIN temp.map_claims a ON a.their = o.from_claim
           JOIN temp.map_claims b ON b.their = o.to_claim
           JOIN main.links l ON l.from_claim = a.ours AND l.to_claim = b.ours AND l.relation = o.relation"],
        &format!(
            "INSERT OR IGNORE INTO main.links (uuid, from_claim, to_claim, relation, created_at)
             SELECT o.uuid, a.ours, b.ours, o.relation, o.created_at FROM other.links o
             JOIN temp.map_claims a ON a.their = o.from_claim JOIN temp.map_claims b ON b.their = o.to_claim
             WHERE {} AND NOT EXISTS (SELECT 1 FROM main.links r WHERE r.from_claim = b.ours AND r.to_claim = a.ours
                 AND r.relation = 'updates' AND o.relation = 'updates') ORDER BY o.id",
            fresh("links")
        ),
    )?;
    map_and_insert(
        tx,
        tally,
        "reconciliations",
        &[],
        &format!(
            "INSERT INTO main.reconciliations (uuid, measure_id, method, low, best, high, open_high, conflict, support,
                figures, voices, filters, as_of, note, stale, created_at)
             SELECT o.uuid, m.ours, o.method, o.low, o.best, o.high, o.open_high, o.conflict, o.support, o.figures, o.voices,
                o.filters, o.as_of, o.note, o.stale, o.created_at
             FROM other.reconciliations o JOIN temp.map_measures m ON m.their = o.measure_id WHERE {} ORDER BY o.id",
            fresh("reconciliations")
        ),
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO main.reconciliation_figures (reconciliation_id, figure_id)
         SELECT r.ours, f.ours FROM other.reconciliation_figures o
         JOIN temp.map_reconciliations r ON r.their = o.reconciliation_id JOIN temp.map_figures f ON f.their = o.figure_id",
        [],
    )?;
    tx.execute("INSERT OR IGNORE INTO main.vague_terms SELECT * FROM other.vague_terms", [])?;
    Ok(())
}

/// A sum is reconciled from its parts and takes no figure of its own (`claim add --figure` and
/// `figure add` refuse one): figures the other notebook gives to a measure that is a sum here
/// (its own measure of that key is an ordinary one) refuse the whole merge, naming the measure.
fn refuse_figures_for_sums(tx: &Transaction<'_>, label: &str) -> Result<()> {
    let found: Option<(i64, String, i64)> = tx
        .query_row(
            "SELECT m.id, m.key, count(*) AS n FROM other.figures o
             JOIN temp.map_measures mm ON mm.their = o.measure_id JOIN main.measures m ON m.id = mm.ours
             JOIN temp.map_claims c ON c.their = o.claim_id
             WHERE o.uuid NOT IN (SELECT uuid FROM main.figures) AND o.uuid NOT IN (SELECT uuid FROM main.tombstones)
               AND EXISTS (SELECT 1 FROM main.measure_parts p WHERE p.measure_id = m.id)
             GROUP BY m.id ORDER BY m.key LIMIT 1",
            [],
            |r| Ok((r.get("id")?, r.get("key")?, r.get("n")?)),
        )
        .optional()?;
    let Some((id, key, n)) = found else { return Ok(()) };
    let parts: Vec<String> = super::derived::parts_of(tx, id)?.into_iter().map(|(_, k)| k).collect();
    super::invalid(format!(
        "{label} cannot be merged: it gives {n} figure(s) to {key}, which is the sum of {} here; a sum is \
         reconciled from its parts and takes no figures of its own, so give them to one of its parts in {label} \
         (`crosscheck figure rm`, then `figure add`); nothing was merged",
        parts.join(", ")
    ))
}

fn merge_articles(tx: &Transaction<'_>, tally: &mut Tally) -> Result<()> {
    let before: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) AS last FROM main.articles", [], |r| r.get("last"))?;
    map_and_insert(
        tx,
        tally,
        "articles",
        &["SELECT o.id, m.id FROM other.articles o JOIN main.articles m ON m.sha256 = o.sha256"],
        &format!(
            "INSERT INTO main.articles (uuid, title, outlet_id, author, url, published, language, body, sha256,
                source_path, imported_at, encoding, archived_url, archived_at, archive_file, archive_digest, note)
             SELECT o.uuid, o.title, s.ours, o.author, o.url, o.published, o.language, o.body, o.sha256, o.source_path,
                o.imported_at, o.encoding, o.archived_url, o.archived_at, o.archive_file, o.archive_digest, o.note
             FROM other.articles o LEFT JOIN temp.map_sources s ON s.their = o.outlet_id WHERE {} ORDER BY o.id",
            fresh("articles")
        ),
    )?;
    tx.execute(
        "UPDATE main.articles SET near_duplicate_of = (
            SELECT n.ours FROM other.articles o JOIN temp.map_articles me ON me.their = o.id
            JOIN temp.map_articles n ON n.their = o.near_duplicate_of WHERE me.ours = main.articles.id)
         WHERE id > ?1",
        [before],
    )?;
    // Where each page of a PDF begins, for the articles that came in and for ours of the same
    // text that had none (a page start past the end of the text is not taken). Each text's
    // length is counted once, not once a page.
    tx.execute(
        "WITH lengths AS MATERIALIZED (
             SELECT m.ours AS id, length(a.body) AS n FROM temp.map_articles m JOIN main.articles a ON a.id = m.ours
             WHERE m.their IN (SELECT article_id FROM other.article_pages))
         INSERT OR IGNORE INTO main.article_pages (article_id, page, start, label)
         SELECT m.ours, p.page, p.start, p.label FROM other.article_pages p
         JOIN temp.map_articles m ON m.their = p.article_id JOIN lengths l ON l.id = m.ours
         WHERE p.start <= l.n
           AND (m.ours > ?1 OR NOT EXISTS (SELECT 1 FROM main.article_pages q WHERE q.article_id = m.ours))",
        [before],
    )?;
    // The new articles' search words and near-duplicate bands, made before the lock.
    tx.execute(
        "INSERT INTO main.article_fts (rowid, title, body)
         SELECT m.ours, w.title, w.body FROM temp.map_articles m CROSS JOIN temp.merge_article_words w
         ON w.their = m.their WHERE m.ours > ?1",
        [before],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO main.article_bands (band, hash, article_id)
         SELECT b.band, b.hash, m.ours FROM temp.map_articles m CROSS JOIN temp.merge_article_bands b
         ON b.their = m.their WHERE m.ours > ?1",
        [before],
    )?;
    // An article that came in without prepared words (another command changed this notebook
    // between the preparing and the lock) gets them here.
    let mut stmt = tx.prepare(
        "SELECT id, title, body FROM main.articles WHERE id > ?1
         AND id NOT IN (SELECT m.ours FROM temp.map_articles m JOIN temp.merge_article_words w ON w.their = m.their)",
    )?;
    let mut rows = stmt.query([before])?;
    while let Some(r) = rows.next()? {
        let (id, title, body): (i64, String, String) = (r.get("id")?, r.get("title")?, r.get("body")?);
        super::search::index_article(tx, id, &title, &body)?;
        super::articles::insert_bands(
            tx,
            id,
            &crate::similarity::band_keys(&crate::similarity::shingles(&body)),
        )?;
    }
    Ok(())
}

/// The search words and near-duplicate bands of the other notebook's articles and claims that
/// may come in (those whose uuid and text this notebook does not hold), made outside the write
/// lock into temporary tables.
fn prepare_search_words(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.merge_article_words; DROP TABLE IF EXISTS temp.merge_article_bands;
         DROP TABLE IF EXISTS temp.merge_claim_words;
         CREATE TEMP TABLE merge_article_words (their INTEGER PRIMARY KEY, title TEXT, body TEXT);
         CREATE TEMP TABLE merge_article_bands (their INTEGER NOT NULL, band INTEGER NOT NULL, hash INTEGER NOT NULL);
         CREATE INDEX temp.merge_article_bands_by_their ON merge_article_bands (their);
         CREATE TEMP TABLE merge_claim_words (their INTEGER PRIMARY KEY, quote TEXT, text TEXT);",
    )?;
    let mut words =
        conn.prepare("INSERT INTO temp.merge_article_words (their, title, body) VALUES (?1, ?2, ?3)")?;
    let mut bands =
        conn.prepare("INSERT INTO temp.merge_article_bands (their, band, hash) VALUES (?1, ?2, ?3)")?;
    let mut stmt = conn.prepare(
        "SELECT o.id, o.title, o.body FROM other.articles o
         WHERE o.uuid NOT IN (SELECT uuid FROM main.articles) AND o.sha256 NOT IN (SELECT sha256 FROM main.articles)
           AND o.uuid NOT IN (SELECT uuid FROM main.tombstones)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, title, body): (i64, String, String) = (r.get("id")?, r.get("title")?, r.get("body")?);
        words.execute(params![
            id,
            crate::normalize::index_text(&title),
            crate::normalize::index_text(&body)
        ])?;
        for (band, hash) in
            crate::similarity::band_keys(&crate::similarity::shingles(&body)).iter().enumerate()
        {
            bands.execute(params![id, super::sql_int(band), hash])?;
        }
    }
    let mut claim_words =
        conn.prepare("INSERT INTO temp.merge_claim_words (their, quote, text) VALUES (?1, ?2, ?3)")?;
    let mut stmt = conn.prepare(
        "SELECT o.id, o.quote, o.text FROM other.claims o
         WHERE o.uuid NOT IN (SELECT uuid FROM main.claims) AND o.uuid NOT IN (SELECT uuid FROM main.tombstones)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, quote, text): (i64, String, String) = (r.get("id")?, r.get("quote")?, r.get("text")?);
        claim_words.execute(params![
            id,
            crate::normalize::index_text(&quote),
            crate::normalize::index_text(&text)
        ])?;
    }
    Ok(())
}

fn merge_claims(tx: &Transaction<'_>, tally: &mut Tally) -> Result<()> {
    let before: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) AS last FROM main.claims", [], |r| r.get("last"))?;
    map_and_insert(
        tx,
        tally,
        "claims",
        &[],
        &format!(
            "INSERT INTO main.claims (uuid, article_id, quote, span_start, span_end, text, unverified, credibility,
                place, when_text, when_from, when_to, when_precision, created_at)
             SELECT o.uuid, a.ours, o.quote, o.span_start, o.span_end, o.text, o.unverified, o.credibility, o.place,
                o.when_text, o.when_from, o.when_to, o.when_precision, o.created_at
             FROM other.claims o JOIN temp.map_articles a ON a.their = o.article_id
             WHERE {} AND NOT EXISTS (SELECT 1 FROM other.claim_sources cs WHERE cs.claim_id = o.id
                    AND cs.source_id NOT IN (SELECT their FROM temp.map_sources)) ORDER BY o.id",
            fresh("claims")
        ),
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO main.claim_sources (claim_id, source_id, position)
         SELECT c.ours, s.ours, o.position FROM other.claim_sources o JOIN temp.map_claims c ON c.their = o.claim_id
         JOIN temp.map_sources s ON s.their = o.source_id WHERE c.ours > ?1",
        [before],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO main.claim_tags (claim_id, tag)
         SELECT c.ours, o.tag FROM other.claim_tags o JOIN temp.map_claims c ON c.their = o.claim_id WHERE c.ours > ?1",
        [before],
    )?;
    tx.execute(
        "INSERT INTO main.claim_fts (rowid, quote, text)
         SELECT m.ours, w.quote, w.text FROM temp.map_claims m CROSS JOIN temp.merge_claim_words w
         ON w.their = m.their WHERE m.ours > ?1",
        [before],
    )?;
    let mut stmt = tx.prepare(
        "SELECT id, quote, text FROM main.claims WHERE id > ?1
         AND id NOT IN (SELECT m.ours FROM temp.map_claims m JOIN temp.merge_claim_words w ON w.their = m.their)",
    )?;
    let mut rows = stmt.query([before])?;
    while let Some(r) = rows.next()? {
        super::search::index_claim(
            tx,
            r.get("id")?,
            &r.get::<_, String>("quote")?,
            &r.get::<_, String>("text")?,
        )?;
    }
    Ok(())
}

/// Rows of the other notebook that did not come in although they are neither here already nor
/// deleted here: they hang on a row that did not come in (a claim whose article or source was
/// deleted here, the figures and links of such a claim). Counted and said, never dropped
/// silently.
fn left_out(tx: &Transaction<'_>, tally: &mut Tally) -> Result<()> {
    const WHY: &[(&str, &str)] = &[
        ("claims", "cite an article or a source that is not in this notebook (deleted here)"),
        ("figures", "belong to claims or measures that were not added"),
        ("links", "join claims that were not added, or would reverse an update recorded here"),
        ("reconciliations", "belong to measures that were not added"),
        ("source_ratings", "belong to sources that were not added"),
    ];
    for (table, why) in WHY {
        // Table names come from the fixed list above. Ratings have no map: they come in by uuid
        // alone.
        let mapped = if *table == "source_ratings" {
            String::new()
        } else {
            format!("AND NOT EXISTS (SELECT 1 FROM temp.map_{table} m WHERE m.their = o.id)")
        };
        let n: i64 = tx.query_row(
            &format!(
                "SELECT count(*) AS n FROM other.{table} o WHERE o.uuid NOT IN (SELECT uuid FROM main.{table})
                 AND o.uuid NOT IN (SELECT uuid FROM main.tombstones) {mapped}"
            ),
            [],
            |r| r.get("n"),
        )?;
        if n > 0 {
            tally.count(table, Outcome::Skipped, super::count(n));
            tally.note(format!("{n} {table} of the other notebook {why}; they were not added"));
        }
    }
    Ok(())
}

/// Rows here that deleting a row would take with it (SQLite's cascades and SET NULLs), by
/// table: a row deleted in the other notebook is kept here while any of them remain, since the
/// other notebook did not delete them (it would have deleted them first).
const DEPENDENTS: &[(&str, &str)] = &[
    (
        "claims",
        "SELECT (SELECT count(*) FROM main.figures WHERE claim_id = ?1)
              + (SELECT count(*) FROM main.links WHERE from_claim = ?1 OR to_claim = ?1) AS n",
    ),
    (
        "sources",
        "SELECT (SELECT count(*) FROM main.source_ratings WHERE source_id = ?1)
              + (SELECT count(*) FROM main.articles WHERE outlet_id = ?1) AS n",
    ),
    ("measures", "SELECT count(*) AS n FROM main.reconciliations WHERE measure_id = ?1"),
];

/// The rows a deletion there took with it (SQLite's cascades), by table: how to find, for a row
/// here, the uuids and tables of the rows it hangs on.
const CASCADED_FROM: &[(&str, &str, &str)] = &[
    ("figures", "claims", "SELECT c.id, c.uuid FROM main.figures f JOIN main.claims c ON c.id = f.claim_id WHERE f.id = ?1"),
    (
        "links",
        "claims",
        "SELECT c.id, c.uuid FROM main.links l JOIN main.claims c ON c.id IN (l.from_claim, l.to_claim) WHERE l.id = ?1",
    ),
    (
        "reconciliations",
        "measures",
        "SELECT m.id, m.uuid FROM main.reconciliations r JOIN main.measures m ON m.id = r.measure_id WHERE r.id = ?1",
    ),
    (
        "source_ratings",
        "sources",
        "SELECT s.id, s.uuid FROM main.source_ratings r JOIN main.sources s ON s.id = r.source_id WHERE r.id = ?1",
    ),
];

/// Was row `id` of `table` changed here after `at` (the time the other notebook deleted it)?
fn changed_since(tx: &Transaction<'_>, table: &str, id: i64, at: &str) -> Result<bool> {
    let changed: Option<String> = tx
        .query_row(
            "SELECT max(at) AS last FROM main.history WHERE tbl = ?1 AND row_id = ?2 AND action = 'update'",
            params![table, id],
            |r| r.get("last"),
        )
        .optional()?
        .flatten();
    Ok(changed.map(|c| c.as_str() > at).unwrap_or(false))
}

/// Did the other notebook delete this row only because it deleted the row it hangs on (in the
/// same moment), while that row is kept here because it was changed here later? Then it stays
/// with it.
fn kept_with_parent(tx: &Transaction<'_>, table: &str, id: i64, at: &str) -> Result<Option<String>> {
    let Some((_, parent_table, sql)) = CASCADED_FROM.iter().find(|(t, _, _)| *t == table) else {
        return Ok(None);
    };
    let mut stmt = tx.prepare(sql)?;
    let parents: Vec<(i64, String)> =
        stmt.query_map([id], |r| Ok((r.get("id")?, r.get("uuid")?)))?.collect::<rusqlite::Result<_>>()?;
    for (parent, uuid) in parents {
        let parent_at: Option<String> = tx
            .query_row(
                "SELECT at FROM other.tombstones WHERE uuid = ?1 AND tbl = ?2",
                params![uuid, parent_table],
                |r| r.get("at"),
            )
            .optional()?;
        if let Some(parent_at) = parent_at {
            if parent_at == at && changed_since(tx, parent_table, parent, &parent_at)? {
                return Ok(Some(format!("{parent_table} #{parent}")));
            }
        }
    }
    Ok(None)
}

/// Deletions made in the other notebook reach this one: a row it deleted is deleted here too,
/// unless it was changed here after (or is still needed here). Rows deleted here leave their own
/// tombstones, so the next merge knows.
fn apply_tombstones(tx: &Transaction<'_>, tally: &mut Tally, label: &str) -> Result<()> {
    for table in DELETE_ORDER {
        let mut stmt = tx.prepare(&format!(
            "SELECT m.id, t.at FROM other.tombstones t JOIN main.{table} m ON m.uuid = t.uuid WHERE t.tbl = '{table}'"
        ))?;
        let doomed: Vec<(i64, String)> =
            stmt.query_map([], |r| Ok((r.get("id")?, r.get("at")?)))?.collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        for (id, at) in doomed {
            if changed_since(tx, table, id, &at)? {
                tally.count(table, Outcome::Skipped, 1);
                tally.note(format!("{table} #{id} was deleted in {label} but changed here later; kept"));
                continue;
            }
            if let Some(parent) = kept_with_parent(tx, table, id, &at)? {
                tally.count(table, Outcome::Skipped, 1);
                tally.note(format!(
                    "{table} #{id} was deleted in {label} with {parent}, which is kept here; kept with it"
                ));
                continue;
            }
            if let Some((_, sql)) = DEPENDENTS.iter().find(|(t, _)| t == table) {
                let n: i64 = tx.query_row(sql, [id], |r| r.get("n"))?;
                if n > 0 {
                    tally.count(table, Outcome::Skipped, 1);
                    tally.note(format!(
                        "{table} #{id} was deleted in {label} but {n} row(s) here that {label} does not know depend on it; kept"
                    ));
                    continue;
                }
            }
            // A savepoint, so a delete refused by a foreign key leaves the merge intact.
            tx.execute_batch("SAVEPOINT tombstone")?;
            match tx.execute(&format!("DELETE FROM main.{table} WHERE id = ?1"), [id]) {
                Ok(_) => {
                    tx.execute_batch("RELEASE tombstone")?;
                    tally.count(table, Outcome::Deleted, 1);
                    tally.note(format!("{table} #{id} was deleted in {label}; deleted here too"));
                }
                Err(_) => {
                    tx.execute_batch("ROLLBACK TO tombstone; RELEASE tombstone")?;
                    tally.count(table, Outcome::Skipped, 1);
                    tally.note(format!("{table} #{id} was deleted in {label} but is still cited here; kept"));
                }
            }
        }
    }
    // Their tombstones are not copied: a row deleted here by this merge has its own tombstone
    // (written as it was deleted), and a tombstone of a row this notebook never had would claim
    // a deletion this notebook did not make.
    Ok(())
}
