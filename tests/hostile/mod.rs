//! The hostile corpus, built at test time by code so that every case is reproducible and
//! readable: notebooks crafted with rusqlite from a real one (an extra view holding a recursive
//! query, an extra trigger, a renamed table, forged hashes and keys, values written with the
//! notebook's rules switched off), HTML bombs, loops of links, pipes and sockets. Everything
//! here is fictional.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::common::{Run, BIN};

/// What every hostile test forbids in stderr: a panic, a backtrace, SQLite's own words, the
/// private copy a merge reads from.
pub const NEVER_IN_MESSAGES: &[&str] = &[
    "panicked",
    "RUST_BACKTRACE",
    "internal error",
    "Error code",
    "not an error",
    "constraint failed",
    "SQLITE_",
    "crosscheck-merge-",
];

/// Asserts that a run's stderr holds none of [`NEVER_IN_MESSAGES`].
pub fn clean_messages(r: &Run) {
    for bad in NEVER_IN_MESSAGES {
        assert!(!r.stderr.contains(bad), "'{bad}' reached the user\n{}", describe(r));
    }
}

pub fn describe(r: &Run) -> String {
    format!("command: {}\nexit: {}\nstdout:\n{}\nstderr:\n{}", r.cmd, r.code, r.stdout, r.stderr)
}

/// Runs the binary in `dir` (its working folder) with exactly these arguments (no `--db` added),
/// stdin from `stdin` (nothing when None), and an optional umask set by the shell first.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<Stdio>, umask: Option<&str>) -> Run {
    let mut cmd = match umask {
        Some(mask) => {
            let mut c = Command::new("sh");
            c.arg("-c").arg(format!("umask {mask}; exec \"$0\" \"$@\"")).arg(BIN);
            c
        }
        None => Command::new(BIN),
    };
    cmd.args(args).current_dir(dir).env_remove("CROSSCHECK_DB").env("NO_COLOR", "1");
    cmd.stdin(stdin.unwrap_or_else(Stdio::null)).stdout(Stdio::piped()).stderr(Stdio::piped());
    let out = cmd.output().expect("run crosscheck");
    Run {
        cmd: format!("(in {}) crosscheck {}", dir.display(), args.join(" ")),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs and returns how long it took, so a test can say a hostile input did not hang.
pub fn timed(f: impl FnOnce() -> Run) -> (Run, Duration) {
    let start = Instant::now();
    let r = f();
    (r, start.elapsed())
}

/// The permission bits of a file.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().expect("mkfifo").success();
    assert!(ok, "mkfifo {}", path.display());
}

/// The bundled demo, built once per test run by the binary and copied wherever a test needs a
/// notebook with everything in it (building it takes most of a second; copying it, none).
fn demo_template() -> &'static Path {
    static TEMPLATE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    TEMPLATE.get_or_init(|| {
        // In cargo's scratch folder for tests, one per test process, so nothing is left in the
        // system's temporary folder.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-demo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("demo.db");
        let r = run_in(&dir, &["--db", db.to_str().unwrap(), "demo"], None, None);
        assert_eq!(r.code, 0, "{}", describe(&r));
        db
    })
}

/// A real notebook with everything in it (the bundled demo) at `dir/name`.
pub fn demo_notebook(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    copy_notebook(demo_template(), &db);
    db
}

/// Fills a fresh test notebook with the demo.
pub fn demo_into(nb: &crate::common::Nb) {
    copy_notebook(demo_template(), &nb.db);
}

/// A whole, private copy of a notebook in one file (no journal beside it), in WAL mode as
/// crosscheck leaves its notebooks.
pub fn copy_notebook(from: &Path, to: &Path) {
    let _ = std::fs::remove_file(to);
    let conn = Connection::open(from).unwrap();
    conn.execute("VACUUM INTO ?1", [to.to_str().unwrap()]).unwrap();
    drop(conn);
    let conn = Connection::open(to).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    for suffix in ["-wal", "-shm"] {
        let mut p = to.as_os_str().to_os_string();
        p.push(suffix);
        assert!(!Path::new(&p).exists(), "a journal was left beside the copy");
    }
}

/// A copy of `base` tampered with by `sql`, run with the notebook's rules switched off (no
/// foreign keys, no CHECKs), as someone editing the file by hand or by program would.
pub fn craft(base: &Path, dest: &Path, sql: &str) {
    copy_notebook(base, dest);
    let conn = Connection::open(dest).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;").unwrap();
    conn.execute_batch(sql).unwrap_or_else(|e| panic!("crafting {}: {e}\n{sql}", dest.display()));
}

/// A copy of `base` where one table's statement is swapped for one without its rules (STRICT
/// and CHECKs gone), rows are written that break them, and the real statement is put back: the
/// schema text is exactly crosscheck's, the rows are not.
pub fn craft_without_rules(base: &Path, dest: &Path, table: &str, lax: &str, rows: &str) {
    copy_notebook(base, dest);
    let conn = Connection::open(dest).unwrap();
    let real: String = conn
        .query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", [table], |r| r.get(0))
        .unwrap();
    conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
    conn.execute("UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2", [lax, table])
        .unwrap();
    drop(conn);
    let conn = Connection::open(dest).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    conn.execute_batch(rows).unwrap_or_else(|e| panic!("writing lax rows: {e}"));
    conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
    conn.execute("UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2", [&real, table])
        .unwrap();
    drop(conn);
}

/// A notebook that must be refused, and a few words the refusal must hold.
pub struct Refused {
    pub name: &'static str,
    pub path: PathBuf,
    pub says: &'static str,
    /// Is the refusal about the schema (so `--db` refuses it too, before touching it)?
    pub schema: bool,
}

/// A recursive query that never ends, for views and triggers.
pub const ENDLESS: &str =
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";

/// Crafted notebooks that `merge` (and, for schema changes, `--db`) must refuse, each built from
/// `base` in `dir`.
pub fn refused_notebooks(base: &Path, dir: &Path) -> Vec<Refused> {
    let mut out = Vec::new();
    let mut add = |name: &'static str, says: &'static str, schema: bool, sql: &str| {
        let path = dir.join(format!("{name}.db"));
        craft(base, &path, sql);
        out.push(Refused { name, path, says, schema });
    };
    add("view-endless", "extra view", true, &format!("CREATE VIEW claim_count AS {ENDLESS};"));
    add(
        "trigger-extra",
        "extra trigger",
        true,
        "CREATE TRIGGER keep_watch AFTER INSERT ON claims BEGIN DELETE FROM sources; END;",
    );
    add(
        "trigger-endless",
        "extra trigger",
        true,
        &format!("CREATE TRIGGER spin BEFORE INSERT ON figures BEGIN SELECT ({ENDLESS}); END;"),
    );
    add(
        "trigger-rewritten",
        "not as crosscheck made it",
        true,
        "DROP TRIGGER claims_tombstone;
         CREATE TRIGGER claims_tombstone AFTER DELETE ON claims BEGIN DELETE FROM tombstones; END;",
    );
    add(
        "table-renamed",
        "the table measures is missing",
        true,
        "PRAGMA legacy_alter_table = ON; ALTER TABLE measures RENAME TO gauges;",
    );
    add(
        "table-extra",
        "extra table",
        true,
        "CREATE TABLE payload (x TEXT); INSERT INTO payload VALUES ('x');",
    );
    add(
        "uuid-not-a-uuid",
        "not a UUID",
        false,
        "UPDATE claims SET uuid = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' WHERE id = 2;",
    );
    add("uuid-upper-case", "not a UUID", false, "UPDATE sources SET uuid = upper(uuid) WHERE id = 1;");
    add(
        "figure-low-above-point",
        "0 <= low <= point",
        false,
        "UPDATE figures SET low = 50, point = 45 WHERE id = 1;",
    );
    add(
        "figure-past-the-bound",
        "0 <= low <= point",
        false,
        "UPDATE figures SET low = 1, point = 2, high = 9223372036854775807 WHERE id = 1;",
    );
    add("measure-key", "not a measure key", false, "UPDATE measures SET key = 'Deaths; DROP' WHERE id = 1;");
    add(
        "vague-word-number",
        "vague word",
        false,
        "INSERT INTO vague_terms (word, display, low, high, point) VALUES ('forty', 'forty', 0, 1000000000000, 5);",
    );
    add(
        "vague-word-disorder",
        "vague word",
        false,
        "INSERT INTO vague_terms (word, display, low, high, point) VALUES ('heaps', 'heaps', 900, 10, 50);",
    );
    add(
        "tombstone-forged",
        "tombstones",
        false,
        "INSERT INTO tombstones (uuid, tbl, at) VALUES ('01900000-0000-7000-8000-0000000000aa', 'history', 'never');",
    );
    add(
        "dangling-claim",
        "(in its claims) point to rows that do not exist",
        false,
        "UPDATE claims SET article_id = 999 WHERE id = 1;",
    );
    add(
        "credibility-nine",
        "breaks one of the notebook's rules",
        false,
        "UPDATE claims SET credibility = 9 WHERE id = 1;",
    );
    add("newer-version", "newer crosscheck", false, "PRAGMA user_version = 99;");
    // A version number edited by hand: the tables are not those of the version claimed.
    add("version-zero", "says it is a notebook of schema version 0", true, "PRAGMA user_version = 0;");
    add("version-older", "says it is a notebook of schema version 2", true, "PRAGMA user_version = 2;");
    add("other-application", "not a crosscheck notebook", false, "PRAGMA application_id = 7;");
    // A value of the wrong kind in a STRICT table, written while the table was not strict.
    let strict = dir.join("figure-text-low.db");
    let lax = "CREATE TABLE figures (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, claim_id INTEGER NOT NULL, \
               measure_id INTEGER NOT NULL, notation TEXT NOT NULL, kind TEXT NOT NULL, low, high, point, \
               provisional INTEGER NOT NULL DEFAULT 0, rule TEXT NOT NULL, created_at TEXT NOT NULL)";
    craft_without_rules(base, &strict, "figures", lax, "UPDATE figures SET low = 'many' WHERE id = 1;");
    out.push(Refused { name: "figure-text-low", path: strict, says: "has low 'many'", schema: false });
    // Not a database at all, and a damaged one.
    let noise = dir.join("noise.db");
    std::fs::write(&noise, b"SQLite format 2\0 this is a leaflet, not a notebook".repeat(100)).unwrap();
    out.push(Refused { name: "noise", path: noise, says: "not an SQLite file", schema: false });
    let damaged = dir.join("damaged.db");
    copy_notebook(base, &damaged);
    let mut bytes = std::fs::read(&damaged).unwrap();
    let len = bytes.len();
    for b in bytes[len / 2..len / 2 + 16384.min(len / 2)].iter_mut() {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes).unwrap();
    out.push(Refused { name: "damaged", path: damaged, says: "damaged", schema: false });
    out
}

/// HTML pages built to hurt a parser: deep nesting of several kinds, and a page nested just
/// within the limit that must import.
pub fn html_bombs(dir: &Path) -> Vec<(PathBuf, bool)> {
    let n = 20_000;
    let page = |body: String| format!("<!doctype html><html><body>{body}</body></html>");
    let cases: Vec<(&str, String, bool)> = vec![
        ("divs.html", page(format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n))), false),
        ("lists.html", page(format!("{}deep text", "<ul><li>".repeat(n))), false),
        ("tables.html", page(format!("{}deep text", "<table><tr><td>".repeat(n))), false),
        ("spans.html", page(format!("<article>{}deep text</article>", "<span>".repeat(n))), false),
        ("bold.html", page(format!("{}deep text", "<b>".repeat(n))), false),
        ("misnested.html", page("<b><i>word</b></i> ".repeat(n)), true),
        ("anchors.html", page(format!("{}deep text", "<a href='#'>".repeat(n))), true),
        ("paragraphs.html", page("<p>one more paragraph of the report".repeat(n)), true),
        (
            "within-limit.html",
            page(format!("{}text within the limit{}", "<div>".repeat(400), "</div>".repeat(400))),
            true,
        ),
        // One element with 400,000 attributes: the parser compares each with all before it.
        (
            "attributes.html",
            page(format!(
                "<div{}>text</div>",
                (0..400_000).map(|i| format!(" a{i}=\"{i}\"")).collect::<String>()
            )),
            false,
        ),
        ("attributes-unclosed.html", page(format!("<p{}", " x".repeat(400_000))), false),
        (
            "attributes-in-svg-style.html",
            page(format!("<svg><style><g{}></style></svg>", " y=1".repeat(400_000))),
            false,
        ),
        (
            "attributes-within-limit.html",
            page(format!(
                "<p{}>text of a page within the attribute limit</p>",
                (0..1000).map(|i| format!(" b{i}")).collect::<String>()
            )),
            true,
        ),
    ];
    cases
        .into_iter()
        .map(|(name, text, imports)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            (p, imports)
        })
        .collect()
}

/// The strings no terminal may receive raw: a clipboard write (OSC 52), a hidden link (OSC 8),
/// a screen wipe (CSI 2J), a right-to-left override, and a C1 control introducer.
pub const TERMINAL_ATTACKS: &[&str] = &[
    "\u{1b}]52;c;Y3VybCBldmlsLmludmFsaWQ=\u{7}",
    "\u{1b}]8;;http://evil.invalid\u{7}",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{9b}",
];

/// A text carrying every attack.
pub fn poisoned(label: &str) -> String {
    format!("{label} {}", TERMINAL_ATTACKS.join(" x "))
}

/// The same, usable as a file name (no `/`).
pub fn poisoned_file_name(label: &str) -> String {
    poisoned(label).replace('/', "\u{2215}")
}

/// Asserts that nothing a terminal would act on is in `text`.
pub fn no_raw_controls(text: &str, context: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(c), "raw {c:?} reached the terminal in {context}:\n{text}");
    }
}

/// Runs the binary with `args` (no `--db` added) in `dir`, bounded through the process: an
/// address-space cap of `megabytes` (`ulimit -v`) and a timeout of `seconds`, never a timing
/// assertion. A run killed by either exits non-zero (the timeout with 124).
pub fn capped(dir: &Path, args: &[&str], megabytes: u64, seconds: u64) -> Run {
    let script = format!("ulimit -v {}; exec timeout {seconds} \"$0\" \"$@\"", megabytes * 1024);
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("CROSSCHECK_DB")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run sh");
    Run {
        cmd: format!("(under {megabytes} MB and {seconds} s) crosscheck {}", args.join(" ")),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fictional wire report of about `bytes` bytes, one numbered sentence a line, each unique
/// (so any of them can be quoted), in English and Arabic by turns.
pub fn long_article(bytes: usize) -> String {
    let mut text = String::from("Council tallies of displaced families, district by district\n\n");
    let mut n = 0u64;
    while text.len() < bytes {
        n += 1;
        if n.is_multiple_of(2) {
            text.push_str(&format!(
                "The council in district {n} reported {n} displaced families on the day it counted.\n"
            ));
        } else {
            text.push_str(&format!("وقال المجلس في الحي {n} إن {n} عائلة نزحت في يوم العد.\n"));
        }
    }
    text
}

/// The quote of sentence `n` of [`long_article`].
pub fn long_article_quote(n: u64) -> String {
    if n.is_multiple_of(2) {
        format!("The council in district {n} reported {n} displaced families")
    } else {
        format!("وقال المجلس في الحي {n} إن {n} عائلة نزحت")
    }
}
