//! Files crosscheck writes for the user (exports, reports, man pages): written whole or not at
//! all, never over the notebook or its journal files (compared by device and inode, so a link
//! or another spelling of the path cannot fool it), written straight into what is not a regular
//! file (`/dev/stdout`, a pipe), and through symbolic links (a chain of them too) into the file at
//! their end, every link left in place. Export files get the user's usual permissions: they are
//! meant to be shared.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The files that make up a notebook: the file itself and SQLite's journals beside it.
fn notebook_files(notebook: &Path) -> Vec<PathBuf> {
    let mut out = vec![notebook.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = notebook.as_os_str().to_os_string();
        name.push(suffix);
        out.push(PathBuf::from(name));
    }
    out
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok()
}

/// Why a file could not be used, in a few words.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "there is no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::AlreadyExists => "it already exists".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::IsADirectory => "it is a folder".into(),
        _ => e.to_string(),
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

/// Refuses a target that is the notebook or one of its journal files, by path or through a link
/// (a chain of links is followed to its end, even to a file that does not exist yet, such as a
/// journal SQLite would read as the notebook's). The refusal is a sentence naming both.
pub fn refuse_notebook_files(target: &Path, notebook: &Path, what: &str) -> Result<(), String> {
    let mut targets = vec![target.to_path_buf()];
    match final_target(target) {
        Ok(end) if end != target => targets.push(end),
        Ok(_) => {}
        Err(e) => return Err(format!("{} cannot be used for the {what}: {e}", target.display())),
    }
    let mut notebooks = vec![notebook.to_path_buf()];
    if let Ok(end) = final_target(notebook) {
        if end != notebook {
            notebooks.push(end);
        }
    }
    for nb in &notebooks {
        for file in notebook_files(nb) {
            if targets.iter().any(|t| same_file(t, &file)) {
                return Err(format!(
                    "{} is the notebook {}; give another file for the {what}",
                    target.display(),
                    if file == *nb { "itself".to_string() } else { format!("journal {}", file.display()) }
                ));
            }
        }
    }
    Ok(())
}

/// A file being written: a temporary file beside its target, moved into place by `finish`, or
/// the target itself when it is not a regular file.
pub enum OutFile {
    Atomic { tmp: tempfile::NamedTempFile, dest: PathBuf },
    Direct(File),
}

fn short(e: &io::Error) -> String {
    io_reason(e)
}

impl OutFile {
    /// Opens `path` for writing (see the module's rules). `notebook` is the open notebook, never
    /// to be written over.
    pub fn create(path: &Path, notebook: Option<&Path>, what: &str) -> Result<OutFile, String> {
        if let Some(nb) = notebook {
            refuse_notebook_files(path, nb, what)?;
        }
        let meta = std::fs::metadata(path).ok();
        if meta.as_ref().map(|m| m.is_dir()).unwrap_or(false) {
            return Err(format!("{} is a folder; give a file name such as claims.csv", path.display()));
        }
        if let Some(m) = &meta {
            if !m.is_file() {
                // /dev/stdout, /dev/null, a named pipe: written as it is, never renamed over.
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| format!("{} cannot be written: {}", path.display(), short(&e)))?;
                return Ok(OutFile::Direct(f));
            }
        }
        // Through symbolic links (a chain of them too): the file at the end is replaced, every
        // link stays.
        let dest = final_target(path)
            .map_err(|e| format!("{} cannot be followed: {}", path.display(), short(&e)))?;
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".crosscheck-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The user's umask applies, as for any file they save.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder.tempfile_in(&dir).map_err(|e| {
            let why = if e.kind() == io::ErrorKind::NotFound {
                "its folder does not exist".to_string()
            } else {
                short(&e)
            };
            format!("{} cannot be written: {why}", path.display())
        })?;
        Ok(OutFile::Atomic { tmp, dest })
    }

    /// Moves a finished file into place. A failed move keeps its kind, with the file named.
    pub fn finish(self) -> io::Result<()> {
        match self {
            OutFile::Direct(mut f) => f.flush(),
            OutFile::Atomic { mut tmp, dest } => {
                tmp.flush()?;
                tmp.persist(&dest).map_err(|e| {
                    io::Error::new(
                        e.error.kind(),
                        format!("{} cannot be written: {}", dest.display(), short(&e.error)),
                    )
                })?;
                Ok(())
            }
        }
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            OutFile::Atomic { tmp, .. } => tmp.write(buf),
            OutFile::Direct(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutFile::Atomic { tmp, .. } => tmp.flush(),
            OutFile::Direct(f) => f.flush(),
        }
    }
}
