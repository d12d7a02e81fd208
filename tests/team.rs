//! `crosscheck team` and publishing: researchers' notebooks replicated by the real Litestream to
//! a local S3 server (moto, on 127.0.0.1 only) while they write, pulled and merged by the desk;
//! Litestream killed mid-replication; a point-in-time restore merged back; a tampered replica
//! refused for that member alone; Datasette answering a canned query. The tools come from
//! `.ci/run` (a virtualenv on the PATH): without them these tests are skipped, and under CI they
//! are required. Every server and Litestream process listens on or talks to 127.0.0.1 only and
//! stops by itself (under `timeout`, or Litestream's `-exec sleep`) even if a test dies.

mod common;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Nb;

/// How long a helper process may live at most, whatever happens to the test.
const LIFETIME: &str = "300";

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(program)).find(|p| p.is_file())
}

/// The tools a test needs, or `None` (the test is skipped) when they are missing outside CI.
fn tools(names: &[&str]) -> Option<Vec<PathBuf>> {
    let found: Vec<Option<PathBuf>> = names.iter().map(|n| on_path(n)).collect();
    if found.iter().all(Option::is_some) {
        return Some(found.into_iter().flatten().collect());
    }
    let missing: Vec<&str> = names.iter().zip(&found).filter(|(_, f)| f.is_none()).map(|(n, _)| *n).collect();
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} not on the PATH; .ci/run installs them, and under CI these tests are required",
            missing.join(", ")
        );
    }
    eprintln!("skipped: {} not on the PATH (.ci/run installs them)", missing.join(", "));
    None
}

/// A process stopped when dropped (and, whatever happens, by its own time limit).
struct Helper {
    child: Child,
    name: &'static str,
}

impl Helper {
    fn signal(&self, signal: &str) {
        let _ = Command::new("kill").arg(format!("-{signal}")).arg(self.child.id().to_string()).status();
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        self.signal("TERM");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("{} did not stop on TERM; killed", self.name);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A local S3 server (moto) on a free port of 127.0.0.1, with one bucket `team`.
struct S3 {
    _server: Helper,
    port: u16,
}

impl S3 {
    fn start(moto: &Path) -> S3 {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new("timeout")
            .args([LIFETIME])
            .arg(moto)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto_server");
        let s3 = S3 { _server: Helper { child, name: "moto_server" }, port };
        wait_for(Duration::from_secs(60), "the S3 server to listen", || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        // A bucket is made with one plain request; the local server does not check signatures.
        // A server that listens may still drop its first connections while it starts: the
        // request is made again until it is answered.
        let make_bucket = || -> std::io::Result<String> {
            let mut conn = TcpStream::connect(("127.0.0.1", port))?;
            write!(
                conn,
                "PUT /team HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )?;
            let mut answer = String::new();
            conn.read_to_string(&mut answer)?;
            Ok(answer)
        };
        let mut answer = String::new();
        wait_for(Duration::from_secs(60), "the S3 server to make the bucket", || {
            answer = make_bucket().unwrap_or_default();
            !answer.is_empty()
        });
        assert!(answer.starts_with("HTTP/1.1 200"), "bucket not made: {answer}");
        s3
    }

    fn url(&self, member: &str) -> String {
        format!("s3://team/{member}?endpoint=http://127.0.0.1:{}&region=us-east-1", self.port)
    }
}

/// Litestream's environment: test credentials for the local server, and no CA bundle (Litestream
/// 0.5 refuses to start with one).
fn litestream_env(cmd: &mut Command) -> &mut Command {
    cmd.env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test").env_remove("AWS_CA_BUNDLE")
}

/// `litestream replicate` of one researcher's notebook, with the configuration `team init` wrote.
/// It ends by itself when its `-exec sleep` does.
fn replicate(litestream: &Path, config: &Path) -> Helper {
    let child = litestream_env(Command::new(litestream).args(["replicate", "-config"]).arg(config))
        .args(["-exec", &format!("sleep {LIFETIME}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start litestream");
    Helper { child, name: "litestream" }
}

fn wait_for(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ready() {
            return;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("gave up waiting for {what}");
}

/// What a notebook holds that replication must carry: claims with their text and credibility,
/// sources, and tombstones.
fn contents(db: &Path) -> (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let set = |sql: &str| -> BTreeSet<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    (
        set("SELECT uuid || ' ' || credibility || ' ' || text FROM claims"),
        set("SELECT name FROM sources"),
        set("SELECT uuid FROM tombstones"),
    )
}

/// Each source's affiliation, an edit `contents` does not see.
fn affiliations(db: &Path) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn.prepare("SELECT uuid || ' ' || coalesce(affiliation, '') FROM sources").unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect()
}

/// Restores a replica into a fresh file (at `txid` when given).
fn restore(litestream: &Path, url: &str, out: &Path, txid: Option<&str>) -> bool {
    let _ = std::fs::remove_file(out);
    let mut cmd = Command::new(litestream);
    litestream_env(&mut cmd).args(["restore", "-o"]).arg(out);
    if let Some(t) = txid {
        cmd.args(["-txid", t]);
    }
    cmd.arg(url).stdout(Stdio::null()).stderr(Stdio::null()).status().map(|s| s.success()).unwrap_or(false)
}

/// Waits until the replica holds everything the notebook has committed.
fn wait_replicated(litestream: &Path, nb: &Nb, url: &str) {
    let copy = nb.path("replica-check.db");
    let want = (contents(&nb.db), affiliations(&nb.db));
    wait_for(Duration::from_secs(90), &format!("{url} to catch up with {}", nb.db.display()), || {
        restore(litestream, url, &copy, None) && (contents(&copy), affiliations(&copy)) == want
    });
}

/// The highest transaction id of a replica, from Litestream's own listing.
fn replica_txid(litestream: &Path, url: &str) -> String {
    let out = litestream_env(Command::new(litestream).args(["ltx", "-json", "-level", "all", url]))
        .output()
        .unwrap();
    let files: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    files.as_array().unwrap().iter().map(|f| f["max_txid"].as_str().unwrap().to_string()).max().unwrap()
}

/// A researcher's notebook in its own folder, with `team init` run for it.
fn researcher(me: &str, team: &[(&str, String)]) -> Nb {
    let nb = Nb::new();
    let mut args = vec![
        "team".to_string(),
        "init".into(),
        "--name".into(),
        "Valley desk".into(),
        "--me".into(),
        me.into(),
    ];
    for (name, url) in team {
        args.push("--member".into());
        args.push(format!("{name}={url}"));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    nb.ok(&args);
    nb
}

fn config(nb: &Nb) -> PathBuf {
    nb.path("notebook.litestream.yml")
}

/// crosscheck on a notebook with the local server's credentials in its environment, as a
/// researcher's shell would have them for Litestream.
fn crosscheck(nb: &Nb, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(common::BIN);
    litestream_env(&mut cmd)
        .arg("--db")
        .arg(&nb.db)
        .args(args)
        .env_remove("CROSSCHECK_DB")
        .env("NO_COLOR", "1");
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

fn pull(desk: &Nb) -> (i32, serde_json::Value, String) {
    let (code, stdout, stderr) = crosscheck(desk, &["team", "pull", "--format", "json"]);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (code, json, stderr)
}

fn report<'a>(json: &'a serde_json::Value, member: &str) -> &'a serde_json::Value {
    json.as_array()
        .unwrap()
        .iter()
        .find(|r| r["member"] == member)
        .unwrap_or_else(|| panic!("no {member} in {json}"))
}

fn claim_uuid(nb: &Nb, id: &str) -> String {
    nb.ok(&["claim", "show", id, "--format", "json"]).json()["uuid"].as_str().unwrap().to_string()
}

/// The id a notebook gives the claim of this uuid.
fn claim_uuid_id(nb: &Nb, uuid: &str) -> String {
    let claims = nb.ok(&["claim", "list", "--format", "json"]).json();
    claims.as_array().unwrap().iter().find(|c| c["uuid"] == uuid).unwrap()["id"].to_string()
}

fn add_claim(nb: &Nb, article: &str, quote: &str, source: &str) -> String {
    nb.ok(&["-q", "claim", "add", "--article", article, "--quote", quote, "--source", source])
        .stdout
        .trim()
        .to_string()
}

#[test]
fn two_researchers_replicate_while_writing_and_the_desk_pulls_the_union() {
    let Some(t) = tools(&["litestream", "moto_server"]) else { return };
    let (litestream, moto) = (&t[0], &t[1]);
    let s3 = S3::start(moto);
    let team = [("amal", s3.url("amal")), ("bilal", s3.url("bilal")), ("desk", s3.url("desk"))];
    let amal = researcher("amal", &team);
    let bilal = researcher("bilal", &team);
    let desk = researcher("desk", &team);
    let _amal_ls = replicate(litestream, &config(&amal));
    let _bilal_ls = replicate(litestream, &config(&bilal));

    // Both write while Litestream ships their changes.
    let a_art = amal
        .import("sahl-en.md", &["--published", "2014-12-05", "--outlet", "The Valley Herald"])
        .to_string();
    amal.ok(&["source", "add", "Sahl field hospital", "--kind", "official", "--reliability", "B"]);
    amal.ok(&["source", "add", "Al-Sahl local monitor", "--kind", "monitor", "--reliability", "C"]);
    let a1 = add_claim(&amal, &a_art, "11 people were killed", "Sahl field hospital");
    let a2 = add_claim(&amal, &a_art, "the local monitor put the toll at about 15", "Al-Sahl local monitor");
    let a3 =
        add_claim(&amal, &a_art, "at least two field commanders had already gone", "Al-Sahl local monitor");
    let b_art = bilal.import("sahl-ar.txt", &["--published", "2014-12-05", "--lang", "ar"]).to_string();
    bilal.ok(&["source", "add", "ناشطون محليون", "--kind", "activist", "--reliability", "C"]);
    bilal.ok(&["source", "add", "تنسيقية السهل", "--kind", "activist"]);
    let b1 = add_claim(&bilal, &b_art, "بلغ ٤٥", "ناشطون محليون");
    let b2 = add_claim(&bilal, &b_art, "مقتل 11 شخصاً", "تنسيقية السهل");
    // Edited and merged before the desk first sees them: merge carries new rows and deletions,
    // not later edits of a row the desk already holds (docs/teams.md, "What travels").
    amal.ok(&["claim", "edit", &a1, "--credibility", "2"]);
    bilal.ok(&["source", "merge", "تنسيقية السهل", "ناشطون محليون"]);
    wait_replicated(litestream, &amal, &s3.url("amal"));
    wait_replicated(litestream, &bilal, &s3.url("bilal"));

    let (code, first, stderr) = pull(&desk);
    assert_eq!(code, 0, "{first}\n{stderr}");
    assert_eq!(report(&first, "amal")["status"], "merged");
    assert_eq!(report(&first, "bilal")["status"], "merged");
    assert!(first.as_array().unwrap().iter().all(|r| r["member"] != "desk"), "the desk never pulls itself");
    assert!(report(&first, "amal")["added"].as_u64().unwrap() >= 6, "{first}");
    let union = |desk: &Nb| {
        let (desk_claims, desk_sources, _) = contents(&desk.db);
        let (amal_claims, amal_sources, _) = contents(&amal.db);
        let (bilal_claims, bilal_sources, _) = contents(&bilal.db);
        assert_eq!(desk_claims, amal_claims.union(&bilal_claims).cloned().collect::<BTreeSet<_>>());
        assert_eq!(desk_sources, amal_sources.union(&bilal_sources).cloned().collect::<BTreeSet<_>>());
    };
    union(&desk);

    // Deletions and new claims, still replicating.
    let gone_a = claim_uuid(&amal, &a3);
    amal.ok(&["claim", "rm", &a3]);
    let gone_b = claim_uuid(&bilal, &b1);
    bilal.ok(&["claim", "rm", &b1]);
    let b3 = add_claim(&bilal, &b_art, "ثمانية عناصر من الشرطة الدينية", "ناشطون محليون");
    wait_replicated(litestream, &amal, &s3.url("amal"));
    wait_replicated(litestream, &bilal, &s3.url("bilal"));

    let (code, second, stderr) = pull(&desk);
    assert_eq!(code, 0, "{second}\n{stderr}");
    assert_eq!(report(&second, "amal")["deleted"], 1, "{second}");
    assert_eq!(report(&second, "bilal")["deleted"], 1, "{second}");
    assert_eq!(report(&second, "bilal")["added"], 1, "{second}");
    // The desk holds the union of both notebooks as they are now: deletions honoured, the edit
    // taken, the merged source gone with its name kept as an alias.
    union(&desk);
    let (desk_claims, desk_sources, desk_tombstones) = contents(&desk.db);
    assert!(!desk_sources.contains("تنسيقية السهل"));
    assert!(desk_tombstones.contains(&gone_a) && desk_tombstones.contains(&gone_b));
    assert!(desk_claims.iter().all(|c| !c.starts_with(&gone_a) && !c.starts_with(&gone_b)));
    let a1_uuid = claim_uuid(&amal, &a1);
    assert!(desk_claims.contains(&format!("{a1_uuid} 2 11 people were killed")), "{desk_claims:?}");
    let b3_uuid = claim_uuid(&bilal, &b3);
    assert!(desk_claims.iter().any(|c| c.starts_with(&b3_uuid)));
    let alias = desk.ok(&["source", "show", "تنسيقية السهل", "--format", "json"]).json();
    assert_eq!(alias["name"], "ناشطون محليون");
    let b2_sources = desk
        .ok(&["claim", "show", &claim_uuid_id(&desk, &claim_uuid(&bilal, &b2)), "--format", "json"])
        .json();
    assert_eq!(b2_sources["sources"][0], "ناشطون محليون", "{b2_sources}");
    desk.ok(&["check"]);

    // Amal edits a claim the desk already holds: a pull keeps the desk's version (it takes new
    // rows and deletions, not later edits) and says so, naming the claim and both values.
    amal.ok(&["claim", "edit", &a2, "--credibility", "5"]);
    bilal.ok(&["source", "edit", "ناشطون محليون", "--affiliation", "تنسيقيات ريف السهل"]);
    wait_replicated(litestream, &amal, &s3.url("amal"));
    wait_replicated(litestream, &bilal, &s3.url("bilal"));
    let a2_here = claim_uuid_id(&desk, &claim_uuid(&amal, &a2));

    // A second pull with nothing new changes nothing.
    let before = desk.dump();
    let (code, third, stderr) = pull(&desk);
    assert_eq!(code, 0);
    for member in ["amal", "bilal"] {
        let r = report(&third, member);
        assert_eq!(
            (r["added"].as_u64(), r["updated"].as_u64(), r["deleted"].as_u64()),
            (Some(0), Some(0), Some(0)),
            "{third}"
        );
    }
    assert_eq!(report(&third, "amal")["differs"], 1, "{third}");
    assert_eq!(report(&third, "bilal")["differs"], 1, "{third}");
    assert!(stderr.contains("(affiliation \"تنسيقيات ريف السهل\" there, empty here)"), "{stderr}");
    let said =
        format!("amal: claim #{a2_here} is held there in another version (credibility \"5\" there, \"");
    assert!(stderr.contains(&said), "{stderr}");
    common::assert_same(&before, &desk.dump(), "a second pull");
    let (status_code, status, _) = crosscheck(&desk, &["team", "status", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert_eq!(report(&rows, "amal")["merged"], "yes", "{rows}");
    assert_eq!(report(&rows, "bilal")["merged"], "yes", "{rows}");
    assert_eq!(report(&rows, "desk")["merged"], "this notebook");
    // The desk's own replica was never started: said, and status exits 1 for it.
    assert_eq!(status_code, 1);
    assert!(report(&rows, "desk")["error"].as_str().unwrap().contains("no copy yet"), "{rows}");
}

#[test]
fn litestream_killed_mid_replication_loses_nothing_committed() {
    let Some(t) = tools(&["litestream", "moto_server"]) else { return };
    let (litestream, moto) = (&t[0], &t[1]);
    let s3 = S3::start(moto);
    let team = [("amal", s3.url("amal")), ("desk", s3.url("desk"))];
    let amal = researcher("amal", &team);
    let art = amal.import("sahl-en.md", &["--published", "2014-12-05"]).to_string();
    amal.ok(&["source", "add", "Valley residents", "--kind", "resident"]);
    let quotes = [
        "Fighters have been leaving the Dawn Brigade",
        "the trickle is turning into a flow",
        "45 foreign fighters",
        "more than 120 local recruits",
        "eight members of the religious police fled",
        "at least two field commanders had already gone",
        "denied any defections",
        "at their posts",
        "11 people were killed",
        "put the toll at about 15",
    ];
    let mut ls = replicate(litestream, &config(&amal));
    for q in &quotes[..3] {
        add_claim(&amal, &art, q, "Valley residents");
    }
    // Litestream is running and has shipped the first claims.
    wait_replicated(litestream, &amal, &s3.url("amal"));
    // More claims are written while it streams, and it is killed in the middle of them: no
    // chance to finish a sync or to shut down.
    let writer = {
        let (db, art) = (amal.db.clone(), art.clone());
        let batch: Vec<String> = quotes[3..7].iter().map(|q| q.to_string()).collect();
        std::thread::spawn(move || {
            for q in batch {
                let out = Command::new(common::BIN)
                    .arg("--db")
                    .arg(&db)
                    .args([
                        "-q",
                        "claim",
                        "add",
                        "--article",
                        &art,
                        "--quote",
                        &q,
                        "--source",
                        "Valley residents",
                    ])
                    .env_remove("CROSSCHECK_DB")
                    .stdin(Stdio::null())
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            }
        })
    };
    wait_for(Duration::from_secs(60), "the second batch to start", || contents(&amal.db).0.len() > 3);
    ls.signal("KILL");
    let status = ls.child.wait().unwrap();
    assert_eq!(std::os::unix::process::ExitStatusExt::signal(&status), Some(9), "{status:?}");
    writer.join().unwrap();
    // Written while Litestream is down.
    for q in &quotes[7..] {
        add_claim(&amal, &art, q, "Valley residents");
    }
    let _again = replicate(litestream, &config(&amal));
    wait_replicated(litestream, &amal, &s3.url("amal"));
    let copy = amal.path("restored.db");
    assert!(restore(litestream, &s3.url("amal"), &copy, None));
    let restored_quotes: BTreeSet<String> = {
        let conn =
            rusqlite::Connection::open_with_flags(&copy, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut stmt = conn.prepare("SELECT quote FROM claims").unwrap();
        // A quote keeps the article's own line breaks.
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|q| q.unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(restored_quotes, quotes.iter().map(|q| q.to_string()).collect::<BTreeSet<_>>());
    // And the desk's pull brings every one of them.
    let desk = researcher("desk", &team);
    let (code, json, stderr) = pull(&desk);
    assert_eq!(code, 0, "{json}\n{stderr}");
    assert_eq!(contents(&desk.db).0, contents(&amal.db).0);
    // The restored copy is a notebook: it opens and checks clean.
    let restored = Nb { dir: tempfile::tempdir().unwrap(), db: copy };
    restored.ok(&["check"]);
}

#[test]
fn a_point_in_time_restore_merged_into_the_desk_brings_no_deleted_row_back() {
    let Some(t) = tools(&["litestream", "moto_server"]) else { return };
    let (litestream, moto) = (&t[0], &t[1]);
    let s3 = S3::start(moto);
    let team = [("amal", s3.url("amal")), ("desk", s3.url("desk"))];
    let amal = researcher("amal", &team);
    let desk = researcher("desk", &team);
    let _ls = replicate(litestream, &config(&amal));
    let art = amal.import("sahl-en.md", &["--published", "2014-12-05"]).to_string();
    amal.ok(&["source", "add", "The Valley Herald", "--kind", "outlet"]);
    let keep = add_claim(&amal, &art, "45 foreign fighters", "The Valley Herald");
    let doomed = add_claim(&amal, &art, "more than 120 local recruits", "The Valley Herald");
    let doomed_uuid = claim_uuid(&amal, &doomed);
    wait_replicated(litestream, &amal, &s3.url("amal"));
    let before_deletion = replica_txid(litestream, &s3.url("amal"));
    assert_eq!(pull(&desk).0, 0);

    amal.ok(&["claim", "rm", &doomed]);
    wait_replicated(litestream, &amal, &s3.url("amal"));
    let (code, json, _) = pull(&desk);
    assert_eq!(code, 0);
    assert_eq!(report(&json, "amal")["deleted"], 1, "{json}");

    // The replica as it was before the deletion, in a new file: the claim is there.
    let old = desk.path("amal-before.db");
    assert!(restore(litestream, &s3.url("amal"), &old, Some(&before_deletion)));
    assert!(contents(&old).0.iter().any(|c| c.starts_with(&doomed_uuid)));
    // Merged into the desk, it brings nothing back.
    let before = desk.dump();
    desk.ok(&["merge", old.to_str().unwrap()]);
    common::assert_same(&before, &desk.dump(), "merging the older copy");
    assert!(contents(&desk.db).0.iter().all(|c| !c.starts_with(&doomed_uuid)));
    assert!(contents(&desk.db).0.iter().any(|c| c.starts_with(&claim_uuid(&amal, &keep))));
}

#[test]
fn a_tampered_replica_is_refused_for_that_member_only() {
    let Some(t) = tools(&["litestream", "moto_server"]) else { return };
    let (litestream, moto) = (&t[0], &t[1]);
    let s3 = S3::start(moto);
    let team = [("amal", s3.url("amal")), ("bilal", s3.url("bilal"))];
    let amal = researcher("amal", &team);
    let bilal = researcher("bilal", &team);
    let a = amal.import("sahl-en.md", &["--published", "2014-12-05"]).to_string();
    amal.ok(&["source", "add", "Sahl field hospital", "--kind", "official"]);
    add_claim(&amal, &a, "11 people were killed", "Sahl field hospital");
    let b = bilal.import("sahl-ar.txt", &["--published", "2014-12-05"]).to_string();
    bilal.ok(&["source", "add", "ناشطون محليون", "--kind", "activist"]);
    add_claim(&bilal, &b, "بلغ ٤٥", "ناشطون محليون");
    {
        let _a = replicate(litestream, &config(&amal));
        let _b = replicate(litestream, &config(&bilal));
        wait_replicated(litestream, &amal, &s3.url("amal"));
        wait_replicated(litestream, &bilal, &s3.url("bilal"));
    }
    // Bilal's replica restored, a trigger planted in it, and the result replicated as Mallory's.
    let planted = bilal.path("mallory.db");
    assert!(restore(litestream, &s3.url("bilal"), &planted, None));
    rusqlite::Connection::open(&planted)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER quiet_edit AFTER INSERT ON claims BEGIN UPDATE claims SET credibility = 1; END;",
        )
        .unwrap();
    let once = litestream_env(
        Command::new(litestream).args(["replicate", "-once"]).arg(&planted).arg(s3.url("mallory")),
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .status()
    .unwrap();
    assert!(once.success());

    // The desk's team file, written by hand: Mallory's copy, and a member whose storage does not
    // answer (a closed port on 127.0.0.1), given up after a few seconds.
    let desk = Nb::new();
    desk.ok(&["init"]);
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    std::fs::write(
        desk.path("notebook.team.toml"),
        format!(
            "team = \"Valley desk\"\ntimeout_seconds = 5\n\n[[member]]\nname = \"amal\"\nreplica = \"{}\"\n\n\
             [[member]]\nname = \"mallory\"\nreplica = \"{}\"\n\n[[member]]\nname = \"bilal\"\nreplica = \"{}\"\n\n\
             [[member]]\nname = \"ghost\"\nreplica = \"s3://team/ghost?endpoint=http://127.0.0.1:{closed}&region=us-east-1\"\n",
            s3.url("amal"),
            s3.url("mallory"),
            s3.url("bilal")
        ),
    )
    .unwrap();
    let (code, json, stderr) = pull(&desk);
    assert_eq!(code, 1, "{json}\n{stderr}");
    assert_eq!(report(&json, "amal")["status"], "merged");
    assert_eq!(report(&json, "bilal")["status"], "merged");
    let mallory = report(&json, "mallory");
    assert_eq!(mallory["status"], "refused", "{json}");
    let why = mallory["error"].as_str().unwrap();
    assert!(why.contains("mallory's replica") && why.contains("trigger quiet_edit"), "{why}");
    assert!(!why.contains("/tmp"), "the private copy's path is not shown: {why}");
    assert_eq!(report(&json, "ghost")["status"], "failed");
    assert!(report(&json, "ghost")["error"].as_str().unwrap().contains("5 seconds"), "{json}");
    let last = stderr.lines().filter(|l| l.starts_with("error:")).collect::<Vec<_>>();
    assert_eq!(last.len(), 1, "{stderr}");
    assert!(
        last[0].contains("2 of 4") && last[0].contains("mallory") && last[0].contains("ghost"),
        "{stderr}"
    );
    // Amal's and Bilal's work is in; nothing of the planted trigger ran.
    let (claims, _, _) = contents(&desk.db);
    assert_eq!(claims.len(), 2);
    assert!(claims.iter().all(|c| c.split(' ').nth(1) == Some("6")), "{claims:?}");
    desk.ok(&["check"]);
}

#[test]
fn datasette_answers_a_canned_query_over_the_demo_notebook() {
    let Some(t) = tools(&["datasette"]) else { return };
    let datasette = &t[0];
    let nb = Nb::new();
    let demo = nb.path("valley.db");
    nb.ok(&["demo", "--db", demo.to_str().unwrap()]);
    // Published as a plain copy: `backup` writes one, consistent even while the notebook is in use.
    let public = nb.path("public.db");
    let published = Nb { dir: tempfile::tempdir().unwrap(), db: demo.clone() };
    published.ok(&["backup", public.to_str().unwrap()]);
    let copy = Nb { dir: tempfile::tempdir().unwrap(), db: public.clone() };
    let meta = nb.path("metadata.json");
    copy.ok(&["export", "datasette-metadata", "--out", meta.to_str().unwrap()]);
    let ask = |path: &str| -> serde_json::Value {
        let out = Command::new("timeout")
            .args(["120"])
            .arg(datasette)
            .arg(&public)
            .arg("-m")
            .arg(&meta)
            .args(["--get", path])
            .output()
            .unwrap();
        assert!(out.status.success(), "{path}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{path}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
    };
    let rows = ask("/public/claims_by_source.json?_shape=array");
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 8, "{rows:?}");
    let activists: Vec<&serde_json::Value> = rows.iter().filter(|r| r["source"] == "ناشطون محليون").collect();
    assert!(!activists.is_empty(), "{rows:?}");
    assert!(activists.iter().all(|r| r["reliability"] == "C" && r["reliability_label"] == "Fairly reliable"));
    assert!(rows.iter().all(|r| r["credibility_label"].as_str().is_some_and(|l| !l.is_empty())));
    let figures = ask("/public/figures_by_measure.json?_shape=array");
    assert!(figures.as_array().unwrap().iter().any(|f| f["measure"] == "deaths.market" && f["point"] == 11));
    // The table pages explain themselves: the metadata's descriptions are served.
    let meta_served = ask("/-/metadata.json");
    assert!(meta_served["databases"]["public"]["tables"]["claims"]["columns"]["credibility"]
        .as_str()
        .unwrap()
        .contains("Probably true"));
}

/// The other way docs/teams.md publishes: only part of the work, as a filtered export loaded into
/// a fresh file with sqlite-utils and served by Datasette: exactly the claims the filter passes,
/// the Arabic intact.
#[test]
fn datasette_serves_a_filtered_export() {
    let Some(t) = tools(&["datasette", "sqlite-utils"]) else { return };
    let (datasette, sqlite_utils) = (&t[0], &t[1]);
    let nb = Nb::new();
    nb.ok(&["demo", "--db", nb.db.to_str().unwrap()]);
    let everything = nb.ok(&["export", "claims", "--format", "json"]).json();
    let passed = nb.ok(&["export", "claims", "--min-reliability", "C", "--format", "json"]).json();
    let passed = passed.as_array().unwrap();
    assert!(!passed.is_empty() && passed.len() < everything.as_array().unwrap().len(), "{passed:?}");
    let csv = nb.path("claims.csv");
    nb.ok(&["export", "claims", "--min-reliability", "C", "--out", csv.to_str().unwrap()]);
    let public = nb.path("public.db");
    let loaded = Command::new("timeout")
        .args(["120"])
        .arg(sqlite_utils)
        .args(["insert"])
        .arg(&public)
        .args(["claims"])
        .arg(&csv)
        .args(["--csv"])
        .output()
        .unwrap();
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));
    let out = Command::new("timeout")
        .args(["120"])
        .arg(datasette)
        .arg(&public)
        .args(["--get", "/public/claims.json?_shape=array&_size=max"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let served: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let uuids = |rows: &[serde_json::Value]| -> BTreeSet<String> {
        rows.iter().map(|r| r["uuid"].as_str().unwrap().to_string()).collect()
    };
    let served = served.as_array().unwrap();
    assert_eq!(uuids(served), uuids(passed));
    for claim in passed {
        let row = served.iter().find(|r| r["uuid"] == claim["uuid"]).unwrap();
        assert_eq!(row["quote"], claim["quote"], "{row}");
        assert_eq!(row["credibility"], claim["credibility"], "{row}");
    }
    assert!(
        served.iter().any(|r| r["sources"].as_str().unwrap_or("").contains("ناشطون محليون")),
        "{served:?}"
    );
}

/// Without Litestream or a server: what `team init` writes, what it refuses, and a pull whose
/// Litestream cannot be found (a clear error for each member, the notebook untouched).
#[test]
fn team_init_writes_its_files_and_a_missing_litestream_is_said_for_each_member() {
    let nb = Nb::new();
    let r = nb.ok(&[
        "team",
        "init",
        "--name",
        "Valley desk",
        "--me",
        "amal",
        "--member",
        "amal=file:///srv/replicas/amal",
        "--member",
        "بلال=s3://valley-desk/bilal",
        "--format",
        "json",
    ]);
    let done = r.json();
    assert_eq!(done["members"], 2);
    assert!(done["command"].as_str().unwrap().contains("litestream replicate -config"), "{done}");
    assert!(r.stderr.contains("crosscheck never starts it"), "{}", r.stderr);
    let team_file = std::fs::read_to_string(nb.path("notebook.team.toml")).unwrap();
    assert!(team_file.contains("name = \"بلال\"") && team_file.contains("me = \"amal\""), "{team_file}");
    let config = std::fs::read_to_string(config(&nb)).unwrap();
    assert!(
        config.contains(&format!("path: \"{}\"", nb.db.display()))
            && config.contains("url: \"file:///srv/replicas/amal\""),
        "{config}"
    );
    // Written once; again only with --force.
    let again = nb.refuse(&["team", "init", "--name", "x", "--member", "amal=s3://b/a"], 1);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    nb.ok(&[
        "team",
        "init",
        "--name",
        "Valley desk",
        "--member",
        "amal=s3://b/a",
        "--member",
        "desk=s3://b/d",
        "--force",
    ]);
    // A member that is not NAME=URL, or a URL Litestream does not take: the command line is wrong.
    for bad in ["amal", "amal=/srv/replicas/amal", "../x=s3://b/a", "amal=ftp://b/a"] {
        nb.refuse(&["team", "init", "--name", "x", "--member", bad], 2);
    }
    nb.refuse(&["team", "init", "--name", "x", "--me", "zed", "--member", "amal=s3://b/a", "--force"], 1);

    // The desk's team file names a Litestream that is not there.
    std::fs::write(
        nb.path("notebook.team.toml"),
        "team = \"Valley desk\"\nlitestream = \"/no/such/litestream\"\n\n[[member]]\nname = \"amal\"\nreplica = \"s3://b/a\"\n\n[[member]]\nname = \"bilal\"\nreplica = \"s3://b/b\"\n",
    )
    .unwrap();
    let r = nb.refuse(&["team", "pull", "--format", "json"], 1);
    let rows = r.json();
    for member in ["amal", "bilal"] {
        let row = report(&rows, member);
        assert_eq!(row["status"], "failed");
        assert!(row["error"].as_str().unwrap().contains("/no/such/litestream was not found"), "{row}");
    }
    assert!(r.stderr.contains("2 of 2 member(s) could not be merged"), "{}", r.stderr);
    // A team file that is not one is named.
    std::fs::write(nb.path("notebook.team.toml"), "team = \"x\"\nmembers = 3\n").unwrap();
    let r = nb.refuse(&["team", "status"], 1);
    assert!(r.stderr.contains("notebook.team.toml") && r.stderr.contains("members"), "{}", r.stderr);
    let other = Nb::new();
    other.ok(&["init"]);
    let r = other.refuse(&["team", "pull"], 1);
    assert!(r.stderr.contains("team init"), "{}", r.stderr);
}
