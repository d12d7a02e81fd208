//! Articles as they arrive, made hostile (issue 27): a PDF bomb, a PDF nested a hundred thousand
//! deep, a web archive record that claims ten gigabytes, and pages that declare one encoding
//! and hold another. Each runs under a memory cap (`ulimit -v`) and a wall-clock limit after
//! which it is killed; each must finish inside both with its one-line reason and nothing stored.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Nb, Run, BIN};
use crate::corpus::{clean_messages, describe};

#[path = "../fixtures/make_articles.rs"]
mod make;

/// The address space a hostile import may use, and how long it may run.
const MEMORY_MIB: u64 = 1024;
const SECONDS: u64 = 60;

/// Runs crosscheck on `nb` under the memory cap, killing it past the time limit. Returns the
/// run and whether it had to be killed.
fn bounded(nb: &Nb, args: &[&str]) -> (Run, bool) {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {}; exec \"$0\" \"$@\"", MEMORY_MIB * 1024))
        .arg(BIN)
        .arg("--db")
        .arg(&nb.db)
        .args(args)
        .env_remove("CROSSCHECK_DB")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn crosscheck");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(SECONDS);
    let mut killed = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            killed = true;
            break child.wait().expect("wait after kill");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        cmd: format!("(memory {MEMORY_MIB} MiB, {SECONDS} s) crosscheck {}", args.join(" ")),
        code: status.code().unwrap_or(-1),
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    };
    (run, killed)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Imports one hostile file: it must be refused within the bounds, saying `reason`, with
/// nothing stored.
fn refused_within_bounds(name: &str, bytes: &[u8], reason: &str) {
    let nb = Nb::new();
    nb.ok(&["init"]);
    let path = nb.path(name);
    make::write(&path, bytes);
    let before = nb.dump();
    let (r, killed) = bounded(&nb, &["import", "articles", s(&path)]);
    assert!(!killed, "{name} ran past {SECONDS} s and was killed\n{}", describe(&r));
    assert_eq!(r.code, 1, "{name}\n{}", describe(&r));
    assert!(r.stderr.contains(reason), "{name}: expected '{reason}'\n{}", describe(&r));
    assert!(!r.stderr.contains("memory allocation"), "{name} ran out of memory\n{}", describe(&r));
    clean_messages(&r);
    crate::common::assert_same(&before, &nb.dump(), &describe(&r));
}

#[test]
fn a_pdf_bomb_is_refused_within_the_memory_cap() {
    // Two gigabytes of zeros in a stream of a few megabytes: past the cap if it were inflated.
    refused_within_bounds("bomb.pdf", &make::bomb(2), "expands past 64 MB when uncompressed");
}

#[test]
fn deeply_nested_pdf_objects_are_refused_without_a_crash() {
    refused_within_bounds("nested.pdf", &make::nested(100_000), "nested.pdf: is a PDF with no text in it");
}

#[test]
fn a_web_archive_record_claiming_ten_gigabytes_is_not_read() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    let path = nb.path("huge.warc");
    make::write(&path, &make::claims_ten_gigabytes());
    let (r, killed) = bounded(&nb, &["--format", "json", "import", "articles", s(&path)]);
    assert!(!killed, "{}", describe(&r));
    assert_eq!(r.code, 1, "{}", describe(&r));
    clean_messages(&r);
    let rows = r.json();
    let first = &rows[0];
    assert_eq!(first["status"], "failed", "{}", describe(&r));
    assert!(first["path"].as_str().unwrap().contains("(https://valley.example/huge)"), "{}", describe(&r));
    assert!(
        first["error"]
            .as_str()
            .unwrap()
            .contains("10 GB (as its record says), larger than the limit of 50 MB"),
        "{}",
        describe(&r)
    );
    assert_eq!(nb.ok(&["article", "list", "--format", "json"]).json().as_array().map(Vec::len), Some(0));
}

#[test]
fn pages_that_declare_one_encoding_and_hold_another() {
    let text = "قالت مصادر طبية إن 17 شخصا أصيبوا في القصف، بينهم ثلاثة من المسعفين.";
    let nb = Nb::new();
    // Declared windows-1256, saved as UTF-8: read as UTF-8, and the row says so.
    let utf8 = format!("<html><head><meta charset=\"windows-1256\"></head><body><p>{text}</p></body></html>");
    make::write(&nb.path("a-declared-1256.html"), utf8.as_bytes());
    // Declared UTF-8, saved as windows-1256: the bytes decide.
    let cp = encoding_rs::WINDOWS_1256
        .encode(&format!("<html><head><meta charset=\"utf-8\"></head><body><p>{text}</p></body></html>"))
        .0
        .into_owned();
    make::write(&nb.path("b-declared-utf8.html"), &cp);
    // Declared windows-1256 in UTF-16 without a mark: found by its bytes.
    let u16: Vec<u8> =
        format!("<html><head><meta charset=\"windows-1256\"></head><body><p>{text}</p></body></html>")
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
    make::write(&nb.path("c-utf16.html"), &u16);
    // Declared ISO-8859-6 over bytes that are no text at all: refused, naming the encoding.
    let mut noise = b"<meta charset=\"iso-8859-6\">".to_vec();
    noise.extend((0..4000u32).map(|i| 0xA0 + (i * 7 % 16) as u8));
    make::write(&nb.path("d-noise.html"), &noise);
    let (r, killed) = bounded(
        &nb,
        &[
            "--format",
            "json",
            "import",
            "articles",
            s(&nb.path("a-declared-1256.html")),
            s(&nb.path("b-declared-utf8.html")),
            s(&nb.path("c-utf16.html")),
            s(&nb.path("d-noise.html")),
        ],
    );
    assert!(!killed, "{}", describe(&r));
    assert_eq!(r.code, 1, "{}", describe(&r));
    clean_messages(&r);
    let rows = r.json();
    assert_eq!(
        rows[0]["encoding"],
        "utf-8 (declared windows-1256, but the bytes are UTF-8)",
        "{}",
        describe(&r)
    );
    assert_eq!(
        (rows[1]["status"].as_str(), rows[1]["duplicate_of"].as_i64(), rows[1]["encoding"].as_str()),
        (Some("duplicate"), Some(1), Some("windows-1256 (detected)")),
        "{}",
        describe(&r)
    );
    assert_eq!(
        (rows[2]["status"].as_str(), rows[2]["encoding"].as_str()),
        (Some("duplicate"), Some("utf-16le (detected)")),
        "{}",
        describe(&r)
    );
    assert_eq!(rows[3]["status"], "failed");
    assert!(
        rows[3]["error"].as_str().unwrap().contains("decodes as iso-8859-6 to mostly unreadable characters"),
        "{}",
        describe(&r)
    );
}
