//! Every file crosscheck writes for the user (exports, reports and their charts, suggestions,
//! man pages, backups, the demo's files) is opened here, by [`Outputs`], which always knows the
//! notebook in use. It refuses that notebook and its journals under any name (compared by device
//! and inode, so a link, a hard link or another spelling cannot fool it, and the journal of any
//! name of the notebook is protected too), refuses to write through a link or a hard link inside
//! a folder it fills, and refuses to replace another SQLite notebook or a `.bak` copy unless the
//! command was given `--force`. A file is written whole or not at all; a replaced file keeps its
//! permissions (and its owner when that can be kept); a file with other hard links is rewritten
//! in place, so every name sees the new text. What is not a regular file (`/dev/stdout`, a pipe)
//! is written into as it is.

use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The journal files SQLite keeps beside a database, by suffix.
pub const JOURNALS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Why a file could not be used, in a few words (never a temporary file's path).
pub fn io_reason(e: &io::Error) -> String {
    use io::ErrorKind;
    #[cfg(target_os = "linux")]
    if e.raw_os_error() == Some(40) {
        return "it is a loop of symbolic links".into();
    }
    match e.kind() {
        ErrorKind::NotFound => "there is no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::AlreadyExists => "it already exists".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::IsADirectory => "it is a folder".into(),
        ErrorKind::NotADirectory => "a part of its path is not a folder".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        ErrorKind::InvalidFilename => "its name or path is too long".into(),
        // The system's own words, without any path a library may have added to them.
        _ => match e.raw_os_error() {
            Some(code) => strip_os_code(&io::Error::from_raw_os_error(code).to_string()),
            None => e.kind().to_string(),
        },
    }
}

/// "No space left on device (os error 28)" without its number, lower-cased as a clause.
fn strip_os_code(text: &str) -> String {
    let text = text.split(" (os error").next().unwrap_or(text);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a file that is not a regular file is, in words.
pub fn kind_of_file(m: &std::fs::Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Where a path leads: its symbolic links followed to the end, even when the last one points to
/// nothing yet (the file it names is what a write would create). A loop of links is an error.
pub fn final_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // The limit the kernel itself puts on a chain of links.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    current.parent().unwrap_or(Path::new("")).join(target)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("it is a loop of symbolic links"))
}

#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = PathBuf;

/// The device and inode of what a path leads to (links followed), when it exists.
#[cfg(unix)]
fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<Identity> {
    path.canonicalize().ok()
}

#[cfg(unix)]
fn identity_of(file: &File) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    file.metadata().ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity_of(_file: &File) -> Option<Identity> {
    None
}

/// How many names a file has (1 where the system does not say).
fn link_count(m: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        m.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        1
    }
}

/// The folder a path is in, resolved (a bare file name is in the current folder).
fn folder_of(p: &Path) -> Option<PathBuf> {
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    parent.canonicalize().ok()
}

/// Do two paths name one file: the same name in the same folder (however the folders are
/// spelled), or the same device and inode when the file exists?
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    if a.file_name().is_some() && a.file_name() == b.file_name() {
        if let (Some(x), Some(y)) = (folder_of(a), folder_of(b)) {
            if x == y {
                return true;
            }
        }
    }
    matches!((identity(a), identity(b)), (Some(x), Some(y)) if x == y)
}

/// The database a journal name belongs to (`notes.db-wal` belongs to `notes.db`), if the name
/// is a journal's.
fn journal_base(path: &Path) -> Option<(PathBuf, &'static str)> {
    let name = path.file_name()?.to_str()?;
    JOURNALS.iter().find_map(|suffix| {
        let base = name.strip_suffix(suffix).filter(|b| !b.is_empty())?;
        Some((path.with_file_name(base), *suffix))
    })
}

/// Does the file begin as an SQLite database does? A crosscheck notebook says so in its header
/// (its application id, at byte 68), which is read without opening it as a database.
fn database_kind(path: &Path) -> Option<&'static str> {
    // Only a regular file is opened: opening a named pipe to read would wait for a writer.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut head = [0u8; 72];
    let mut f = File::open(path).ok()?;
    let n = f.read(&mut head).ok()?;
    if n < 16 || &head[..16] != b"SQLite format 3\0" {
        return None;
    }
    let app = if n >= 72 { i32::from_be_bytes([head[68], head[69], head[70], head[71]]) } else { 0 };
    Some(if app == crate::notebook::APPLICATION_ID { "a crosscheck notebook" } else { "an SQLite database" })
}

/// The files written by one command, and what they must never replace.
#[derive(Debug, Clone)]
pub struct Outputs {
    /// The notebook in use first, then others the user's settings name (absolute paths).
    notebooks: Vec<PathBuf>,
    /// `Some(given)` when the command has `--force`; `None` when it has no such flag.
    force: Option<bool>,
}

/// A folder being filled with files whose names crosscheck chose (man pages, chart files,
/// the demo's articles): links and hard links found there are refused, never written through.
#[derive(Debug)]
pub struct Folder<'a> {
    outputs: &'a Outputs,
    dir: PathBuf,
    what: String,
}

impl Outputs {
    /// The outputs of a command working on the notebook at `notebook` (opened or not: its
    /// name is protected either way).
    pub fn new(notebook: &Path) -> Outputs {
        Outputs { notebooks: vec![absolute_or_given(notebook)], force: None }
    }

    /// Protects another notebook too (the default one, `$CROSSCHECK_DB`), when it is not the
    /// one in use.
    pub fn protecting(mut self, other: &Path) -> Outputs {
        let other = absolute_or_given(other);
        if !self.notebooks.iter().any(|n| same_file(n, &other)) {
            self.notebooks.push(other);
        }
        self
    }

    /// The command has `--force`: with it, another notebook or a `.bak` copy may be replaced
    /// (never the notebook in use or its journals).
    pub fn with_force(mut self, force: bool) -> Outputs {
        self.force = Some(force);
        self
    }

    /// The notebook in use.
    pub fn notebook(&self) -> &Path {
        &self.notebooks[0]
    }

    /// Is `target` (as given, or at the end of its links) one of the protected notebooks or a
    /// journal of any name of one? The refusal names both.
    pub fn refuse_protected(&self, target: &Path, what: &str) -> Result<(), String> {
        let mut targets = vec![target.to_path_buf()];
        match final_target(target) {
            Ok(end) if end != target => targets.push(end),
            Ok(_) => {}
            Err(e) => return Err(format!("{} cannot be used for the {what}: {e}", target.display())),
        }
        for nb in &self.notebooks {
            let mut names = vec![nb.clone()];
            if let Ok(end) = final_target(nb) {
                if end != *nb {
                    names.push(end);
                }
            }
            for t in &targets {
                for name in &names {
                    if same_file(t, name) {
                        return Err(format!(
                            "{} is the notebook itself{}; give another file for the {what}",
                            target.display(),
                            if target == name.as_path() {
                                String::new()
                            } else {
                                format!(" ({})", name.display())
                            }
                        ));
                    }
                    // A journal of the notebook, under its own name or under any other name
                    // of the notebook (a link, a hard link): SQLite would read it as the
                    // notebook's journal when the notebook is opened by that name.
                    let journal = JOURNALS.iter().find_map(|suffix| {
                        let mut j = name.as_os_str().to_os_string();
                        j.push(suffix);
                        let j = PathBuf::from(j);
                        let by_name =
                            journal_base(t).is_some_and(|(base, s)| s == *suffix && same_file(&base, name));
                        let by_identity = matches!((identity(t), identity(&j)), (Some(x), Some(y)) if x == y);
                        (by_name || by_identity).then_some(j)
                    });
                    if let Some(journal) = journal {
                        return Err(format!(
                            "{} is the notebook journal {}; give another file for the {what}",
                            target.display(),
                            journal.display()
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// Refuses to replace another notebook, a journal of one, or a `.bak` copy, unless forced.
    fn refuse_valuable(&self, given: &Path, end: &Path, what: &str) -> Result<(), String> {
        if self.force == Some(true) {
            return Ok(());
        }
        let why = if end.symlink_metadata().is_err() {
            None
        } else if let Some(kind) = database_kind(end) {
            Some(format!("it is {kind}"))
        } else if let Some(base) = journal_base(end).and_then(|(b, _)| database_kind(&b).map(|_| b)) {
            Some(format!("it is the journal of the database {}", base.display()))
        } else if end.extension().is_some_and(|x| x.eq_ignore_ascii_case("bak")) {
            Some("it is a backup copy (.bak)".to_string())
        } else {
            None
        };
        match why {
            None => Ok(()),
            Some(why) => Err(format!(
                "{} was not replaced by the {what}: {why}; give another file{}",
                given.display(),
                if self.force.is_some() { ", or add --force to replace it" } else { "" }
            )),
        }
    }

    /// Opens a file the user named: links (a chain of them too) are followed to the file at
    /// their end, which is replaced; every link stays.
    pub fn file(&self, path: &Path, what: &str) -> Result<OutFile, String> {
        let given = absolute_or_given(path);
        self.refuse_protected(&given, what)?;
        let end =
            final_target(&given).map_err(|e| format!("{} cannot be followed: {}", path.display(), e))?;
        self.refuse_valuable(path, &end, what)?;
        self.open_at(path, &end, true)
    }

    /// Creates (when missing) a folder the user named, to be filled with files crosscheck
    /// names itself.
    pub fn folder(&self, dir: &Path, what: &str) -> Result<Folder<'_>, String> {
        if dir.exists() && !dir.is_dir() {
            return Err(format!("{} is not a folder; give a folder for the {what}", dir.display()));
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("the folder {} cannot be created: {}", dir.display(), io_reason(&e)))?;
        let dir =
            dir.canonicalize().map_err(|e| format!("{} cannot be used: {}", dir.display(), io_reason(&e)))?;
        Ok(Folder { outputs: self, dir, what: what.to_string() })
    }

    /// Creates a new file that must not exist yet, readable by its owner only (a backup): the
    /// path may be a link to a file not there yet, which is created at the end of the link.
    /// Returns the file and where it is.
    pub fn new_private_file(&self, path: &Path, what: &str) -> Result<(File, PathBuf), String> {
        let given = absolute_or_given(path);
        self.refuse_protected(&given, what)?;
        let dest = final_target(&given)
            .map_err(|e| format!("{} cannot be used for the {what}: {e}", path.display()))?;
        let taken = || format!("{} already exists; give a new file name for the {what}", path.display());
        if dest.symlink_metadata().is_ok() {
            return Err(taken());
        }
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return Err(format!(
                    "the folder {} does not exist; create it first or give another path for the {what}",
                    parent.display()
                ));
            }
        }
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        match opts.open(&dest) {
            Ok(f) => Ok((f, dest)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(taken()),
            Err(e) => Err(format!("{} could not be created: {}", path.display(), io_reason(&e))),
        }
    }

    /// Opens `end` (the place a write lands) for the file the user knows as `shown`.
    fn open_at(&self, shown: &Path, end: &Path, in_place_allowed: bool) -> Result<OutFile, String> {
        let cannot = |e: &io::Error| format!("{} cannot be written: {}", shown.display(), io_reason(e));
        // Asked through the path as given: /dev/stdout leads through links the kernel makes up
        // (/proc/self/fd/1, then "pipe:[...]"), which only the kernel itself can follow.
        if let Ok(m) = std::fs::metadata(shown) {
            if m.is_dir() {
                return Err(format!("{} is a folder; give a file name such as claims.csv", shown.display()));
            }
            if !m.is_file() {
                // /dev/stdout, /dev/null, a named pipe: written as it is, never renamed over.
                let f = std::fs::OpenOptions::new().write(true).open(shown).map_err(|e| cannot(&e))?;
                return Ok(OutFile {
                    inner: Inner::Direct(f),
                    shown: shown.to_path_buf(),
                    notes: Vec::new(),
                });
            }
        }
        let meta = std::fs::metadata(end).ok();
        let dir = match end.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let folder_missing = |e: &io::Error| {
            if e.kind() == io::ErrorKind::NotFound {
                format!("{} cannot be written: its folder does not exist", shown.display())
            } else {
                cannot(e)
            }
        };
        if meta.as_ref().is_some_and(|m| link_count(m) > 1) {
            if !in_place_allowed {
                return Err(format!(
                    "{} has other hard links; crosscheck does not write through links inside a folder it fills, \
                     so remove it or choose another folder",
                    shown.display()
                ));
            }
            // Every name of the file must see the new text: written here first, then copied in.
            let tmp = tempfile::tempfile_in(&dir).map_err(|e| folder_missing(&e))?;
            let identity = identity(end);
            return Ok(OutFile {
                inner: Inner::InPlace { tmp, dest: end.to_path_buf(), identity },
                shown: shown.to_path_buf(),
                notes: Vec::new(),
            });
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".crosscheck-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The user's umask applies, as for any file they save.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder.tempfile_in(&dir).map_err(|e| folder_missing(&e))?;
        let mut notes = Vec::new();
        if let Some(old) = &meta {
            keep_mode_and_owner(tmp.as_file(), old, shown, &mut notes);
        }
        Ok(OutFile {
            inner: Inner::Atomic { tmp, dest: end.to_path_buf() },
            shown: shown.to_path_buf(),
            notes,
        })
    }
}

impl Folder<'_> {
    /// Where the folder is.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Opens the file `name` in the folder. A link or a hard link already there is refused,
    /// never followed, whatever it points to.
    pub fn file(&self, name: &str) -> Result<OutFile, String> {
        let path = self.vet(name)?;
        self.outputs.open_at(&path, &path, false)
    }

    /// Checks, without writing, that `name` may be written in the folder (every name is
    /// checked first when several files go together, so that none is written if one would be
    /// refused). Returns its path.
    pub fn vet(&self, name: &str) -> Result<PathBuf, String> {
        let path = self.dir.join(name);
        let what = &self.what;
        if let Ok(m) = path.symlink_metadata() {
            if m.file_type().is_symlink() {
                return Err(format!(
                    "{} is a symbolic link; crosscheck does not write through links inside a folder it fills, \
                     so remove it or choose another folder for the {what}",
                    path.display()
                ));
            }
        }
        // A hard link to the notebook is named as the notebook; any other hard link is refused
        // when it is opened.
        self.outputs.refuse_protected(&path, what)?;
        self.outputs.refuse_valuable(&path, &path, what)?;
        if path.metadata().is_ok_and(|m| m.is_file() && link_count(&m) > 1) {
            return Err(format!(
                "{} has other hard links; crosscheck does not write through links inside a folder it fills, \
                 so remove it or choose another folder for the {what}",
                path.display()
            ));
        }
        Ok(path)
    }
}

/// A replaced file's permissions (and owner, where the system lets us) go to its replacement;
/// what cannot be kept is said.
fn keep_mode_and_owner(tmp: &File, old: &std::fs::Metadata, shown: &Path, notes: &mut Vec<String>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = old.permissions().mode() & 0o7777;
        if let Err(e) = tmp.set_permissions(std::fs::Permissions::from_mode(mode)) {
            notes.push(format!(
                "{} had permissions {:o}, which could not be kept ({}); check them",
                shown.display(),
                mode,
                io_reason(&e)
            ));
        }
        let mine = tmp.metadata().map(|m| (m.uid(), m.gid())).ok();
        if mine.is_some_and(|(uid, gid)| uid != old.uid() || gid != old.gid()) {
            if std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid())).is_err() {
                // A group is often allowed where the owner is not.
                let _ = std::os::unix::fs::fchown(tmp, None, Some(old.gid()));
                notes.push(format!(
                    "{} belonged to user {} and now belongs to you: only its permissions were kept",
                    shown.display(),
                    old.uid()
                ));
            } else {
                // Changing the owner may clear set-id bits: put the permissions back.
                let _ = tmp.set_permissions(std::fs::Permissions::from_mode(mode));
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (tmp, old, shown, notes);
    }
}

fn absolute_or_given(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A file being written: a temporary file beside its target, moved into place by `finish`; a
/// temporary file copied into a target with other hard links; or the target itself when it is
/// not a regular file.
pub struct OutFile {
    inner: Inner,
    /// The path as the user knows it, for messages.
    shown: PathBuf,
    /// What the user should hear about the file (permissions that could not be kept ...).
    notes: Vec<String>,
}

enum Inner {
    Atomic { tmp: tempfile::NamedTempFile, dest: PathBuf },
    InPlace { tmp: File, dest: PathBuf, identity: Option<Identity> },
    Direct(File),
}

impl OutFile {
    /// Puts a finished file in place. Returns what the user should be told about it (empty
    /// when all went as usual). A failure names the file as the user gave it.
    pub fn finish(self) -> io::Result<Vec<String>> {
        let shown = self.shown;
        let fail = |e: io::Error| {
            io::Error::new(e.kind(), format!("{} cannot be written: {}", shown.display(), io_reason(&e)))
        };
        match self.inner {
            Inner::Direct(mut f) => f.flush().map_err(fail)?,
            Inner::Atomic { mut tmp, dest } => {
                tmp.flush().map_err(fail)?;
                tmp.persist(&dest).map_err(|e| fail(e.error))?;
            }
            Inner::InPlace { mut tmp, dest, identity: vetted } => {
                tmp.flush().map_err(fail)?;
                tmp.rewind().map_err(fail)?;
                let mut f = std::fs::OpenOptions::new().write(true).open(&dest).map_err(fail)?;
                // The file opened must still be the one that was checked.
                if identity_of(&f) != vetted {
                    return Err(io::Error::other(format!(
                        "{} changed while it was being written, so it was left as it was",
                        shown.display()
                    )));
                }
                let n = io::copy(&mut tmp, &mut f).map_err(|e| {
                    io::Error::new(
                        e.kind(),
                        format!("{} was only partly written: {}", shown.display(), io_reason(&e)),
                    )
                })?;
                f.set_len(n).map_err(fail)?;
                f.flush().map_err(fail)?;
            }
        }
        Ok(self.notes)
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Atomic { tmp, .. } => tmp.write(buf),
            Inner::InPlace { tmp, .. } => tmp.write(buf),
            Inner::Direct(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Atomic { tmp, .. } => tmp.flush(),
            Inner::InPlace { tmp, .. } => tmp.flush(),
            Inner::Direct(f) => f.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_name_belongs_to_its_database() {
        assert_eq!(journal_base(Path::new("/a/n.db-wal")), Some((PathBuf::from("/a/n.db"), "-wal")));
        assert_eq!(journal_base(Path::new("n.db-journal")).map(|b| b.1), Some("-journal"));
        assert_eq!(journal_base(Path::new("/a/-wal")), None);
        assert_eq!(journal_base(Path::new("/a/n.db")), None);
    }

    #[test]
    fn reasons_never_carry_a_path_or_an_error_number() {
        let e = io::Error::other("failed at /tmp/.crosscheck-abc");
        assert!(!io_reason(&e).contains("/tmp"), "{}", io_reason(&e));
        assert_eq!(io_reason(&io::Error::from_raw_os_error(28)), "the disk is full");
        assert_eq!(io_reason(&io::Error::from_raw_os_error(36)), "its name or path is too long");
        assert!(!io_reason(&io::Error::from_raw_os_error(5)).contains("os error"));
    }
}
