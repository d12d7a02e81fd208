//! Merging a notebook someone else changed, by hand or by program: the input is a list of
//! edits made to a colleague's copy of a real notebook with the notebook's rules switched off
//! (cells set to any value, rows deleted or copied, tombstones written, the schema changed, the
//! version changed, bytes of the file overwritten). Merging it never panics, never takes more
//! than a few seconds (run with -timeout), never lets SQLite's own words or the private copy's
//! path reach the message, leaves this notebook as it was when it refuses, and leaves it
//! passing `check` either way.
#![no_main]
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap::Parser;
use crosscheck::notebook::{Access, Notebook};
use libfuzzer_sys::fuzz_target;
use rusqlite::Connection;

/// The two notebooks every run starts from, as bytes: ours, and the colleague's copy.
struct Seeds {
    ours: Vec<u8>,
    theirs: Vec<u8>,
}

fn crosscheck(db: &Path, args: &[&str]) {
    let mut argv = vec!["crosscheck", "-q", "--db", db.to_str().unwrap()];
    argv.extend_from_slice(args);
    let cli = crosscheck::cli::Cli::try_parse_from(&argv).expect("seed command line");
    crosscheck::cmd::run(cli).unwrap_or_else(|e| panic!("seed step {args:?}: {e:#}"));
}

/// A notebook as one file's bytes, with no journal beside it.
fn bytes_of(db: &Path, dir: &Path, name: &str) -> Vec<u8> {
    let out = dir.join(name);
    Connection::open(db).unwrap().execute("VACUUM INTO ?1", [out.to_str().unwrap()]).unwrap();
    std::fs::read(out).unwrap()
}

/// The demo, then both sides change it: the colleague deletes a claim and re-rates a source,
/// we edit another claim and delete a figure. Built once per fuzzing process.
fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let seed = dir.path().join("seed.db");
        crosscheck(&seed, &["demo"]);
        let base = bytes_of(&seed, dir.path(), "base.db");
        let ours = dir.path().join("ours.db");
        let theirs = dir.path().join("theirs.db");
        std::fs::write(&ours, &base).unwrap();
        std::fs::write(&theirs, &base).unwrap();
        crosscheck(&theirs, &["claim", "rm", "3"]);
        crosscheck(&theirs, &["source", "rate", "Gulf Wire", "D", "--why", "relays without checking"]);
        crosscheck(&ours, &["claim", "edit", "4", "--credibility", "1"]);
        crosscheck(&ours, &["figure", "rm", "2"]);
        Seeds {
            ours: bytes_of(&ours, dir.path(), "ours-final.db"),
            theirs: bytes_of(&theirs, dir.path(), "theirs-final.db"),
        }
    })
}

const TABLES: &[&str] = &[
    "sources",
    "source_aliases",
    "source_ratings",
    "articles",
    "article_bands",
    "claims",
    "claim_sources",
    "claim_tags",
    "links",
    "measures",
    "figures",
    "vague_terms",
    "reconciliations",
    "reconciliation_figures",
    "tombstones",
    "history",
];

const UUID_TABLES: &[&str] =
    &["sources", "source_ratings", "articles", "claims", "links", "measures", "figures", "reconciliations"];

const SCHEMA_CHANGES: &[&str] = &[
    "CREATE VIEW spin AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n",
    "CREATE TRIGGER spy AFTER INSERT ON claims BEGIN DELETE FROM sources; END",
    "DROP TRIGGER claims_tombstone",
    "DROP INDEX claims_by_article",
    "ALTER TABLE measures RENAME TO gauges",
    "CREATE TABLE extra (x)",
    "ALTER TABLE claims ADD COLUMN extra TEXT",
];

/// Reads the fuzzer's bytes one piece at a time; runs out into zeros.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn pick<'t>(&mut self, list: &[&'t str]) -> &'t str {
        list[usize::from(self.byte()) % list.len()]
    }
    fn int(&mut self) -> i64 {
        let mut b = [0u8; 8];
        for x in b.iter_mut() {
            *x = self.byte();
        }
        i64::from_le_bytes(b)
    }
    fn text(&mut self) -> String {
        let n = usize::from(self.byte() % 48);
        let raw: Vec<u8> = (0..n).map(|_| self.byte()).collect();
        String::from_utf8_lossy(&raw).into_owned()
    }
    fn uuid(&mut self) -> String {
        let hex: String = (0..16).map(|_| format!("{:02x}", self.byte())).collect();
        format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
    }
    fn done(&self) -> bool {
        self.0.is_empty()
    }
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = match conn.prepare("SELECT name FROM pragma_table_info(?1)") {
        Ok(s) => s,
        Err(_) => return Vec::new(),
    };
    stmt.query_map([table], |r| r.get(0))
        .map(|rows| rows.filter_map(Result::ok).collect())
        .unwrap_or_default()
}

/// The row of `table` at position `k` (modulo the row count), by rowid.
fn nth_rowid(conn: &Connection, table: &str, k: u8) -> Option<i64> {
    let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).ok()?;
    if n == 0 {
        return None;
    }
    conn.query_row(&format!("SELECT rowid FROM {table} LIMIT 1 OFFSET ?1"), [i64::from(k) % n], |r| r.get(0))
        .ok()
}

/// Applies the edits to the colleague's copy; returns the bytes to overwrite afterwards.
fn tamper(path: &Path, input: &mut Bytes<'_>) -> Vec<(usize, u8)> {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;").unwrap();
    let mut pokes = Vec::new();
    let mut n = 0;
    while !input.done() && n < 24 {
        n += 1;
        let op = input.byte() % 8;
        // Edits that SQLite refuses are simply not made: the fuzzer explores what it accepts.
        match op {
            0 | 1 => {
                let table = input.pick(TABLES);
                let cols = columns(&conn, table);
                if cols.is_empty() {
                    continue;
                }
                let col = cols[usize::from(input.byte()) % cols.len()].clone();
                let Some(rowid) = nth_rowid(&conn, table, input.byte()) else { continue };
                let sql = format!("UPDATE {table} SET \"{col}\" = ?1 WHERE rowid = ?2");
                let _ = match input.byte() % 5 {
                    0 => conn.execute(&sql, rusqlite::params![i64::from(input.byte() as i8), rowid]),
                    1 => conn.execute(&sql, rusqlite::params![input.int(), rowid]),
                    2 => conn.execute(&sql, rusqlite::params![input.text(), rowid]),
                    3 => conn.execute(&sql, rusqlite::params![rusqlite::types::Null, rowid]),
                    _ => {
                        // Another row's value of the same column: duplicates, swapped keys.
                        let Some(from) = nth_rowid(&conn, table, input.byte()) else { continue };
                        conn.execute(
                            &format!("UPDATE {table} SET \"{col}\" = (SELECT \"{col}\" FROM {table} WHERE rowid = ?1) WHERE rowid = ?2"),
                            [from, rowid],
                        )
                    }
                };
            }
            2 => {
                let table = input.pick(TABLES);
                if let Some(rowid) = nth_rowid(&conn, table, input.byte()) {
                    let _ = conn.execute(&format!("DELETE FROM {table} WHERE rowid = ?1"), [rowid]);
                }
            }
            3 => {
                // A tombstone for a row that still exists (ours has it too), at some time.
                let table = input.pick(UUID_TABLES);
                let at =
                    if input.byte() % 2 == 0 { "2099-01-01T00:00:00Z".to_string() } else { input.text() };
                if let Some(rowid) = nth_rowid(&conn, table, input.byte()) {
                    let _ = conn.execute(
                        &format!("INSERT OR REPLACE INTO tombstones (uuid, tbl, at) SELECT uuid, ?1, ?2 FROM {table} WHERE rowid = ?3"),
                        rusqlite::params![table, at, rowid],
                    );
                }
            }
            4 => {
                // A copy of a row under a new uuid (and a new id where the table has one).
                let table = input.pick(UUID_TABLES);
                let cols: Vec<String> = columns(&conn, table).into_iter().filter(|c| c != "id").collect();
                let uuid = input.uuid();
                if let Some(rowid) = nth_rowid(&conn, table, input.byte()) {
                    let list = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
                    let select = cols
                        .iter()
                        .map(|c| if c == "uuid" { "?1".to_string() } else { format!("\"{c}\"") })
                        .collect::<Vec<_>>()
                        .join(", ");
                    let _ = conn.execute(
                        &format!(
                            "INSERT INTO {table} ({list}) SELECT {select} FROM {table} WHERE rowid = ?2"
                        ),
                        rusqlite::params![uuid, rowid],
                    );
                }
            }
            5 => {
                let _ = conn.execute_batch(&format!("PRAGMA user_version = {}", input.byte() % 5));
            }
            6 => {
                let _ = conn.execute_batch("PRAGMA legacy_alter_table = ON");
                let _ = conn.execute_batch(input.pick(SCHEMA_CHANGES));
            }
            _ => {
                let at = (usize::from(input.byte()) << 16)
                    | (usize::from(input.byte()) << 8)
                    | usize::from(input.byte());
                pokes.push((at, input.byte()));
            }
        }
    }
    drop(conn);
    pokes
}

/// What a refused merge must leave as it was.
fn counts(nb: &mut Notebook) -> Option<(i64, i64, i64, i64, i64, i64)> {
    let i = nb.info().ok()?;
    Some((i.articles, i.sources, i.claims, i.measures, i.figures, i.reconciliations))
}

fn run(data: &[u8]) {
    let seeds = seeds();
    let dir = tempfile::tempdir().unwrap();
    let theirs: PathBuf = dir.path().join("colleague.db");
    std::fs::write(&theirs, &seeds.theirs).unwrap();
    let pokes = tamper(&theirs, &mut Bytes(data));
    if !pokes.is_empty() {
        let mut bytes = std::fs::read(&theirs).unwrap();
        for (at, b) in pokes {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = b;
            }
        }
        std::fs::write(&theirs, bytes).unwrap();
    }
    let ours = dir.path().join("ours.db");
    std::fs::write(&ours, &seeds.ours).unwrap();
    let mut nb = Notebook::open(&ours, Access::Write).expect("our notebook opens");
    let before = counts(&mut nb);
    let result = nb.merge_from(&theirs);
    // For a summary of what a corpus exercises: CROSSCHECK_FUZZ_REPORT=1 with -runs=0.
    if std::env::var_os("CROSSCHECK_FUZZ_REPORT").is_some() {
        match &result {
            Ok(_) => eprintln!("outcome: merged"),
            Err(e) => eprintln!("outcome: refused: {e}"),
        }
    }
    match result {
        Ok(_) => {}
        Err(e) => {
            let msg = e.to_string();
            for bad in
                ["Error code", "not an error", "constraint failed", "SQLITE_", "crosscheck-merge-", "restore"]
            {
                assert!(!msg.contains(bad), "'{bad}' in the message: {msg}");
            }
            assert_eq!(before, counts(&mut nb), "a refused merge changed this notebook: {msg}");
        }
    }
    let problems = nb.check().expect("check runs");
    assert!(problems.is_empty(), "after the merge: {problems:?}");
}

fuzz_target!(|data: &[u8]| run(data));
