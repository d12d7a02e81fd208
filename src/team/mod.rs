//! A team whose notebooks Litestream replicates: the team file beside the notebook (the team's
//! name, and each member's name and replica URL), the Litestream configuration written for this
//! notebook, and the use cases of `crosscheck team`: `init` writes both files, `pull` restores
//! every other member's latest replica into a private temporary file and merges it through the
//! one merge every notebook goes through (`Notebook::merge_from`: copied, vetted, merged), and
//! `status` reads each replica's position. crosscheck never runs Litestream's daemon itself.

pub mod datasette;
pub mod litestream;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::Outputs;
use crate::notebook::{Error, Notebook, Result};
use litestream::{Litestream, Position};

/// The most a team file or a pull record may weigh: they are a few lines long.
const MAX_FILE: u64 = 1 << 20;

/// The URL schemes Litestream replicates to.
pub const SCHEMES: &[&str] = &["s3", "gs", "abs", "sftp", "file", "webdav", "webdavs", "nats", "oss"];

/// The team file: which team this notebook belongs to, which member it is, and every member's
/// replica. The same member list serves every member; only `me` differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamFile {
    /// The team's name, for people.
    pub team: String,
    /// Which member this notebook is; its own replica is never pulled. A desk that only
    /// gathers (and does not replicate) has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub me: Option<String>,
    /// The Litestream program, when it is not `litestream` on the PATH.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub litestream: Option<PathBuf>,
    /// How long one Litestream call (a restore, a listing) may take before it is given up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u64>,
    #[serde(default, rename = "member")]
    pub members: Vec<Member>,
}

/// One researcher of the team and where their notebook's replica is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    pub replica: String,
}

/// The files `team` keeps beside a notebook (`research.db` has `research.team.toml`,
/// `research.litestream.yml` and `research.team-pulls.toml`).
#[derive(Debug, Clone)]
pub struct Paths {
    pub notebook: PathBuf,
    pub team_file: PathBuf,
    pub litestream_config: PathBuf,
    pub pulls: PathBuf,
}

impl Paths {
    pub fn of(notebook: &Path) -> Result<Paths> {
        let notebook = crate::notebook::absolute(notebook)?;
        let stem = notebook.file_stem().map(|s| s.to_os_string()).unwrap_or_default();
        let beside = |suffix: &str| {
            let mut name = stem.clone();
            name.push(suffix);
            notebook.with_file_name(name)
        };
        Ok(Paths {
            team_file: beside(".team.toml"),
            litestream_config: beside(".litestream.yml"),
            pulls: beside(".team-pulls.toml"),
            notebook,
        })
    }
}

/// Is this a name a member may have: letters of any script, digits, `-`, `_` and `.`, not
/// starting with a dot or a dash (it names the member's restored copy, a file).
pub fn check_member_name(name: &str) -> std::result::Result<(), String> {
    let ok = !name.is_empty()
        && name.chars().count() <= 64
        && !name.starts_with(['.', '-'])
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "'{}' is not a member name; use up to 64 letters, digits, '-', '_' or '.', not starting with '.' or '-'",
            shown(name, 40)
        ))
    }
}

/// Is this a replica URL Litestream takes? `s3://bucket/path`, `file:///absolute/folder` ...
pub fn check_replica(url: &str) -> std::result::Result<(), String> {
    let accepted = || {
        format!("a replica URL such as s3://bucket/path or file:///folder (schemes: {})", SCHEMES.join(", "))
    };
    let hidden =
        |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if url.len() > 2048 || url.chars().any(|c| c.is_control() || c.is_whitespace() || hidden(c)) {
        return Err(format!("'{}' is not a replica URL; give {}", shown(url, 60), accepted()));
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        let hint =
            if url.starts_with('/') { format!(" (a folder is written file://{url})") } else { String::new() };
        return Err(format!("'{}' is not a replica URL{hint}; give {}", shown(url, 60), accepted()));
    };
    if !SCHEMES.contains(&scheme) {
        return Err(format!("'{scheme}' is not a replica scheme Litestream knows; give {}", accepted()));
    }
    if scheme == "file" && !rest.starts_with('/') {
        return Err(format!("'{}' names no absolute folder; write file:///absolute/folder", shown(url, 60)));
    }
    if scheme != "file" && rest.split('/').next().unwrap_or("").is_empty() {
        return Err(format!("'{}' names no bucket or host; give {}", shown(url, 60), accepted()));
    }
    Ok(())
}

/// At most `n` characters of a value, for a message.
fn shown(s: &str, n: usize) -> String {
    let cut: String = s.chars().take(n).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

impl TeamFile {
    /// Checks what a person may have typed or edited: every rule a team file keeps.
    pub fn check(&self) -> std::result::Result<(), String> {
        if self.team.trim().is_empty() || self.team.chars().any(char::is_control) {
            return Err("the team needs a name (team = \"...\"), without control characters".into());
        }
        if self.members.is_empty() {
            return Err("the team has no member; add one [[member]] with name and replica".into());
        }
        let mut names: Vec<String> = Vec::new();
        let mut urls: Vec<&str> = Vec::new();
        for m in &self.members {
            check_member_name(&m.name)?;
            check_replica(&m.replica).map_err(|e| format!("member {}: {e}", m.name))?;
            let key = m.name.to_lowercase();
            if names.contains(&key) {
                return Err(format!(
                    "the member name '{}' is given twice; each member needs a name of their own",
                    m.name
                ));
            }
            if urls.contains(&m.replica.as_str()) {
                return Err(format!(
                    "the replica {} is given to two members; each member replicates to a place of their own",
                    m.replica
                ));
            }
            names.push(key);
            urls.push(&m.replica);
        }
        if let Some(me) = &self.me {
            if self.member(me).is_none() {
                return Err(format!(
                    "me = '{}' is not one of the members ({})",
                    shown(me, 40),
                    self.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")
                ));
            }
        }
        if self.timeout_seconds == Some(0) {
            return Err("timeout_seconds must be at least 1".into());
        }
        Ok(())
    }

    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name.to_lowercase() == name.to_lowercase())
    }

    fn is_me(&self, m: &Member) -> bool {
        self.me.as_deref().map(|me| me.to_lowercase() == m.name.to_lowercase()).unwrap_or(false)
    }

    /// Reads a team file, checked.
    pub fn parse(text: &str, path: &Path) -> Result<TeamFile> {
        let file: TeamFile = toml::from_str(text).map_err(|e| {
            Error::Invalid(format!(
                "{} is not a team file crosscheck can read: {}",
                path.display(),
                toml_reason(&e)
            ))
        })?;
        file.check().map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))?;
        Ok(file)
    }

    /// The file as crosscheck writes it: a few lines of explanation, then the settings.
    pub fn to_text(&self) -> Result<String> {
        let body = toml::to_string(self)
            .map_err(|e| Error::Invalid(format!("the team file could not be written: {e}")))?;
        Ok(format!(
            "# The team this notebook belongs to, written by `crosscheck team init`.\n\
             # `crosscheck team pull` restores every member's latest replica but this notebook's own\n\
             # (me) and merges it here; `crosscheck team status` shows where each replica stands.\n\
             # Edit it freely: add a [[member]] with a name and a replica URL for each new colleague.\n\n{body}"
        ))
    }

    fn litestream(&self) -> Litestream {
        Litestream::new(
            self.litestream.clone(),
            std::time::Duration::from_secs(
                self.timeout_seconds.unwrap_or(litestream::DEFAULT_TIMEOUT_SECONDS),
            ),
        )
    }
}

/// toml's message without the file excerpt it draws (a line and a caret), in one sentence.
fn toml_reason(e: &toml::de::Error) -> String {
    e.message().trim().trim_end_matches('.').replace('\n', "; ")
}

/// Reads the team file beside a notebook.
pub fn load(paths: &Paths) -> Result<TeamFile> {
    let text = read_small(&paths.team_file).map_err(|e| match e {
        ReadError::Missing => Error::NotFound(format!(
            "{} has no team file ({}); `crosscheck team init` writes one",
            paths.notebook.display(),
            paths.team_file.display()
        )),
        ReadError::Other(why) => {
            Error::Invalid(format!("{} cannot be read: {why}", paths.team_file.display()))
        }
    })?;
    TeamFile::parse(&text, &paths.team_file)
}

enum ReadError {
    Missing,
    Other(String),
}

fn read_small(path: &Path) -> std::result::Result<String, ReadError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Other(crate::files::io_reason(&e)),
    })?;
    let mut text = String::new();
    file.take(MAX_FILE + 1)
        .read_to_string(&mut text)
        .map_err(|_| ReadError::Other("it is not UTF-8 text".into()))?;
    if text.len() as u64 > MAX_FILE {
        return Err(ReadError::Other("it is larger than 1 MB, far more than a team file holds".into()));
    }
    Ok(text)
}

/// Writes one file crosscheck owns beside the notebook, through the one guarded output opener
/// (never over a notebook or its journals). Returns what the opener has to say (a kept mode).
fn write_file(outputs: &Outputs, path: &Path, what: &str, text: &str) -> Result<Vec<String>> {
    let mut file = outputs.file(path, what).map_err(Error::Invalid)?;
    file.write_all(text.as_bytes()).and_then(|_| file.finish()).map_err(|e| {
        Error::Io(format!("{} could not be written: {}", path.display(), crate::files::io_reason(&e)))
    })
}

/// What `team init` is asked to write.
#[derive(Debug, Clone)]
pub struct InitRequest {
    pub team: String,
    pub me: Option<String>,
    pub members: Vec<Member>,
    /// Replace a team file (and Litestream configuration) already there.
    pub force: bool,
}

/// What `team init` wrote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InitDone {
    pub team: String,
    pub me: Option<String>,
    pub members: usize,
    pub team_file: String,
    pub litestream_config: Option<String>,
    /// The command that replicates this notebook, one argument an element.
    pub command: Option<Vec<String>>,
    /// What the output opener said of the files written.
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// Writes the team file and, when this notebook is a member, the Litestream configuration that
/// replicates it to that member's replica.
pub fn init(paths: &Paths, outputs: &Outputs, req: InitRequest) -> Result<InitDone> {
    let file = TeamFile {
        team: req.team,
        me: req.me,
        litestream: None,
        timeout_seconds: None,
        members: req.members,
    };
    file.check().map_err(Error::Invalid)?;
    for existing in [&paths.team_file, &paths.litestream_config] {
        if !req.force && (existing.exists() || existing.symlink_metadata().is_ok()) {
            return Err(Error::Conflict(format!(
                "{} already exists; edit it, or give --force to write it anew",
                existing.display()
            )));
        }
    }
    let mine = file.me.as_deref().and_then(|me| file.member(me)).cloned();
    if let Some(me) = &mine {
        if let Some(folder) = me.replica.strip_prefix("file://") {
            if Path::new(folder) == paths.notebook
                || Path::new(folder).starts_with(paths.notebook.with_extension(""))
            {
                return Err(Error::Invalid(format!(
                    "the replica {} would be written over the notebook itself; give a folder of its own",
                    me.replica
                )));
            }
        }
    }
    let team_text = file.to_text()?;
    let config_text = mine.as_ref().map(|me| litestream::config(&paths.notebook, &file.team, me));
    let mut notes = write_file(outputs, &paths.team_file, "team file", &team_text)?;
    if let Some(text) = &config_text {
        notes.extend(write_file(outputs, &paths.litestream_config, "Litestream configuration", text)?);
    }
    let command = mine.as_ref().map(|_| litestream::replicate_command(&paths.litestream_config));
    Ok(InitDone {
        team: file.team.clone(),
        me: file.me.clone(),
        members: file.members.len(),
        team_file: paths.team_file.display().to_string(),
        litestream_config: mine.map(|_| paths.litestream_config.display().to_string()),
        command,
        notes,
    })
}

/// What this notebook last merged from each member, kept beside it by `team pull`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pulls {
    #[serde(default)]
    pub merged: BTreeMap<String, Pulled>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pulled {
    pub replica: String,
    pub txid: String,
    pub at: String,
}

impl Pulls {
    /// The record beside the notebook; none yet (or one that cannot be read: it only says what
    /// was merged, and the next pull writes it anew) is an empty record.
    pub fn load(paths: &Paths) -> Pulls {
        read_small(&paths.pulls).ok().and_then(|t| toml::from_str(&t).ok()).unwrap_or_default()
    }

    fn save(&self, paths: &Paths, outputs: &Outputs) -> Result<()> {
        let body = toml::to_string(self)
            .map_err(|e| Error::Invalid(format!("the record of pulls could not be written: {e}")))?;
        let text = format!(
            "# What `crosscheck team pull` last merged into {} from each member: the replica and the\n\
             # Litestream transaction id (TXID) it was restored at. Written by crosscheck; `team status`\n\
             # reads it.\n\n{body}",
            paths.notebook.display()
        );
        write_file(outputs, &paths.pulls, "record of pulls", &text).map(|_| ())
    }

    /// Has this notebook merged the member's replica at `txid` (or later)?
    fn merged(&self, member: &Member, txid: &str) -> Option<&Pulled> {
        self.merged.get(&member.name).filter(|p| {
            p.replica == member.replica && litestream::txid_value(&p.txid) >= litestream::txid_value(txid)
        })
    }
}

/// One member's part of `team pull`: what merging their replica did, or why it was not merged.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PullRow {
    pub member: String,
    pub replica: String,
    /// `merged`, `refused` (the copy was not trusted) or `failed` (no copy could be had).
    pub status: String,
    /// The Litestream transaction id the replica was restored at.
    pub txid: Option<String>,
    /// Rows new here.
    pub added: usize,
    /// Rows here changed to the member's version.
    pub updated: usize,
    /// Rows deleted here because the member deleted them.
    pub deleted: usize,
    /// The member's rows already here as they are.
    pub kept: usize,
    /// The member's rows not taken (each said in a note): deleted here before, changed here
    /// after the member deleted them, or hanging on a row that is not here.
    pub refused: usize,
    /// The member's rows held here in another version (edited on one side after this notebook
    /// took them): this notebook's version is kept, and each is said in a note.
    pub differs: usize,
    pub error: Option<String>,
    /// The merge's sentences (what was kept, deleted, recomputed), for people.
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// Restores every other member's latest replica and merges it into this notebook, one member
/// after another, each merge its own transaction. A member whose replica cannot be had or is
/// refused is reported as such; the others are merged all the same.
pub fn pull(nb: &mut Notebook, paths: &Paths, outputs: &Outputs, file: &TeamFile) -> Result<Vec<PullRow>> {
    let litestream = file.litestream();
    let mut pulls = Pulls::load(paths);
    let mut rows = Vec::new();
    for member in file.members.iter().filter(|m| !file.is_me(m)) {
        let mut row =
            PullRow { member: member.name.clone(), replica: member.replica.clone(), ..Default::default() };
        match litestream.restore(&member.name, &member.replica) {
            Err(why) => {
                row.status = "failed".into();
                row.error = Some(why);
            }
            Ok(restored) => {
                row.txid = Some(restored.txid.clone());
                match crate::usecase::notebook::merge(nb, &restored.path) {
                    Ok(tally) => {
                        row.status = "merged".into();
                        for t in &tally.rows {
                            row.added += t.added;
                            row.updated += t.updated;
                            row.deleted += t.deleted;
                            row.kept += t.already_there;
                            row.refused += t.skipped;
                        }
                        row.notes = tally.notes;
                        // What a merge keeps as it is here: said, so that no edit is lost unseen.
                        // Edits made there since this notebook last merged that replica.
                        let since = pulls
                            .merged
                            .get(&member.name)
                            .filter(|p| p.replica == member.replica)
                            .map(|p| p.at.clone());
                        match nb.differing_rows(&restored.path, since.as_deref()) {
                            Ok(differing) => {
                                row.differs = differing.len();
                                row.notes.extend(differing.iter().map(differing_note));
                            }
                            Err(_) => row.notes.push(
                                "its rows could not be compared with this notebook's, so edits made there \
                                 to rows already here are not shown"
                                    .into(),
                            ),
                        }
                        pulls.merged.insert(
                            member.name.clone(),
                            Pulled {
                                replica: member.replica.clone(),
                                txid: restored.txid.clone(),
                                at: crate::notebook::now(),
                            },
                        );
                    }
                    Err(e) => {
                        let said = restored.said_of_member(&e.to_string(), &member.name);
                        row.status = if matches!(e, Error::Invalid(_)) { "refused" } else { "failed" }.into();
                        row.error = Some(said);
                    }
                }
            }
        }
        rows.push(row);
    }
    if rows.iter().any(|r| r.status == "merged") {
        pulls.save(paths, outputs)?;
    }
    Ok(rows)
}

/// The sentence for a row held here and in the member's copy in different versions.
fn differing_note(d: &crate::notebook::divergence::Differing) -> String {
    use crate::notebook::divergence::shown;
    let fields: Vec<String> = d
        .fields
        .iter()
        .map(|(name, there, here)| format!("{name} {} there, {} here", shown(there), shown(here)))
        .collect();
    format!(
        "{} #{} is held there in another version ({}); this notebook's is kept (a pull takes new rows \
         and deletions, not edits of rows already here); `{} edit {}` can take theirs",
        d.kind,
        d.id,
        fields.join("; "),
        d.kind,
        d.id
    )
}

/// One member's replica as `team status` shows it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StatusRow {
    pub member: String,
    pub replica: String,
    /// When the replica last received a change (the time Litestream wrote it there).
    pub last_change: Option<String>,
    /// Litestream's transaction id at the replica's end (Litestream 0.5 counts transactions
    /// where 0.3 named generations).
    pub txid: Option<String>,
    /// `this notebook`, `yes` (merged at that txid), `no` (merged before it), `never`, or
    /// `unknown` (the replica could not be read).
    pub merged: String,
    /// When this notebook last merged it.
    pub merged_at: Option<String>,
    pub error: Option<String>,
}

/// Reads where every member's replica stands, and whether this notebook has merged it since.
pub fn status(paths: &Paths, file: &TeamFile) -> Vec<StatusRow> {
    let litestream = file.litestream();
    let pulls = Pulls::load(paths);
    file.members
        .iter()
        .map(|member| {
            let mut row = StatusRow {
                member: member.name.clone(),
                replica: member.replica.clone(),
                ..Default::default()
            };
            let last = pulls.merged.get(&member.name).filter(|p| p.replica == member.replica);
            row.merged_at = last.map(|p| p.at.clone());
            match litestream.latest(&member.replica) {
                Err(why) => row.error = Some(why),
                Ok(None) => row.error = Some(litestream::no_replica_yet(&member.name)),
                Ok(Some(Position { txid, at })) => {
                    row.merged = if file.is_me(member) {
                        "this notebook".into()
                    } else if pulls.merged(member, &txid).is_some() {
                        "yes".into()
                    } else if last.is_some() {
                        "no".into()
                    } else {
                        "never".into()
                    };
                    row.txid = Some(txid);
                    row.last_change = Some(at);
                }
            }
            if row.merged.is_empty() {
                // The replica could not be read: whether it was merged since is not known.
                row.merged = if file.is_me(member) { "this notebook" } else { "unknown" }.into();
            }
            row
        })
        .collect()
}
