//! Shared helpers: a fresh notebook in a temporary folder and the real binary run on it.
#![allow(dead_code)]

pub mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub struct Nb {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

pub struct Run {
    pub cmd: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!(
            "command: {}\nexit: {}\nstdout:\n{}\nstderr:\n{}",
            self.cmd, self.code, self.stdout, self.stderr
        )
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e})\n{}", self.describe()))
    }
    pub fn csv(&self) -> Vec<std::collections::HashMap<String, String>> {
        let mut rdr = csv::Reader::from_reader(self.stdout.as_bytes());
        let headers = rdr.headers().unwrap().clone();
        rdr.records()
            .map(|r| {
                let r = r.unwrap();
                headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
            })
            .collect()
    }
}

impl Nb {
    pub fn new() -> Nb {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("notebook.db");
        Nb { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn raw(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        let mut cmd = Command::new(BIN);
        cmd.arg("--db").arg(&self.db).args(args).env_remove("CROSSCHECK_DB").env("NO_COLOR", "1");
        cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn crosscheck");
        if let Some(input) = stdin {
            use std::io::Write;
            let mut si = child.stdin.take().unwrap();
            si.write_all(input).unwrap();
        }
        let out: Output = child.wait_with_output().expect("wait");
        Run {
            cmd: format!("crosscheck --db {} {}", self.db.display(), args.join(" ")),
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs and expects success.
    pub fn ok(&self, args: &[&str]) -> Run {
        let r = self.raw(args, None);
        assert_eq!(r.code, 0, "expected success\n{}", r.describe());
        assert!(!r.stderr.contains("panicked"), "{}", r.describe());
        r
    }

    /// Runs and expects failure with `code`, one sentence on stderr, and no change to the notebook.
    pub fn refuse(&self, args: &[&str], code: i32) -> Run {
        let before = self.dump();
        let r = self.raw(args, None);
        assert_eq!(r.code, code, "expected exit {code}\n{}", r.describe());
        assert!(!r.stderr.contains("panicked") && !r.stderr.contains("RUST_BACKTRACE"), "{}", r.describe());
        if code == 1 {
            let lines: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
            assert_eq!(lines.len(), 1, "expected one error sentence\n{}", r.describe());
        }
        assert_same(&before, &self.dump(), &r.describe());
        r
    }

    /// Every row of every table, for before/after comparisons.
    /// A table as a terminal of this width gets it (`--format table`: a pipe gets rows for
    /// programs).
    pub fn table_at(&self, width: usize, args: &[&str]) -> String {
        let out = Command::new(BIN)
            .arg("--db")
            .arg(&self.db)
            .args(["--format", "table"])
            .args(args)
            .env("COLUMNS", width.to_string())
            .env_remove("CROSSCHECK_DB")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn dump(&self) -> String {
        if !self.db.exists() {
            return String::new();
        }
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let mut tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        tables.retain(|t| !t.starts_with("sqlite_"));
        let mut out = String::new();
        for t in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = stmt.column_count();
            let mut rows = stmt.query([]).unwrap();
            let mut lines = Vec::new();
            while let Some(r) = rows.next().unwrap() {
                let cells: Vec<String> = (0..n)
                    .map(|i| match r.get_ref(i).unwrap() {
                        rusqlite::types::ValueRef::Null => "NULL".to_string(),
                        rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                        rusqlite::types::ValueRef::Real(v) => v.to_string(),
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                        rusqlite::types::ValueRef::Blob(b) => {
                            format!(
                                "blob:{}:{}",
                                b.len(),
                                b.iter().fold(0u64, |h, x| h.wrapping_mul(31).wrapping_add(*x as u64))
                            )
                        }
                    })
                    .collect();
                lines.push(cells.join("|"));
            }
            lines.sort();
            out.push_str(&format!("## {t}\n{}\n", lines.join("\n")));
        }
        out
    }

    /// Imports a fixture with metadata and returns the new article id.
    pub fn import(&self, fixture_name: &str, extra: &[&str]) -> i64 {
        let path = fixture(fixture_name);
        let mut args = vec!["--format", "json", "import", "articles", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let r = self.ok(&args);
        r.json()[0]["id"].as_i64().unwrap_or_else(|| panic!("no id in {}", r.stdout))
    }
}

/// Compares two dumps and shows only the first lines that differ.
pub fn assert_same(before: &str, after: &str, context: &str) {
    if before == after {
        return;
    }
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let first = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)).unwrap_or(0);
    let clip = |s: Option<&&str>| s.map(|x| x.chars().take(300).collect::<String>()).unwrap_or_default();
    panic!(
        "the notebook changed\nbefore line {first}: {}\nafter  line {first}: {}\n{context}",
        clip(a.get(first)),
        clip(b.get(first))
    );
}
