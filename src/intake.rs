//! Finding and reading the files an import names: folders walked (their symbolic links to
//! folders never followed, and a file link leading out of the folder refused), manifests read,
//! only regular files taken from a folder, every read capped in size, and the bytes decoded as
//! UTF-8 text. Nothing here touches the notebook.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::dates::PartialDate;
use crate::extract::{parse_language, FileKind};

/// The largest article read by default: 50 MB, far beyond any news report.
pub const DEFAULT_MAX_SIZE: u64 = 50 * 1024 * 1024;

/// Metadata given on the command line or in a manifest, already checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    pub language: Option<String>,
}

impl ArticleMeta {
    /// A manifest's values win over the command-line flags for their file.
    pub fn over(&self, flags: &ArticleMeta) -> ArticleMeta {
        ArticleMeta {
            title: self.title.clone().or_else(|| flags.title.clone()),
            outlet: self.outlet.clone().or_else(|| flags.outlet.clone()),
            author: self.author.clone().or_else(|| flags.author.clone()),
            url: self.url.clone().or_else(|| flags.url.clone()),
            published: self.published.or(flags.published),
            language: self.language.clone().or_else(|| flags.language.clone()),
        }
    }
}

/// The raw metadata values, as typed.
#[derive(Debug, Clone, Default)]
pub struct RawMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
}

/// Checks metadata once, before anything is read or written. `place` prefixes messages.
pub fn check_meta(raw: &RawMeta, place: &str) -> Result<ArticleMeta, String> {
    let clean = |s: &Option<String>| s.as_ref().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let published = clean(&raw.published)
        .map(|p| PartialDate::parse(&p))
        .transpose()
        .map_err(|e| format!("{place}{e}"))?;
    let language =
        clean(&raw.lang).map(|l| parse_language(&l)).transpose().map_err(|e| format!("{place}{e}"))?;
    Ok(ArticleMeta {
        title: clean(&raw.title),
        outlet: clean(&raw.outlet),
        author: clean(&raw.author),
        url: clean(&raw.url),
        published,
        language,
    })
}

/// One thing to import.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// Named but not read, and why (missing, a link out of its folder, not a regular file).
    Refused(PathBuf, String),
    /// Met in a folder and passed over, and why (a device, a socket, a pipe).
    Skipped(PathBuf, String),
}

impl Input {
    pub fn label(&self) -> String {
        match self {
            Input::File(p) | Input::Refused(p, _) | Input::Skipped(p, _) => p.display().to_string(),
            Input::Stdin => "-".into(),
        }
    }
}

/// How to read the inputs.
#[derive(Debug, Clone, Copy)]
pub struct ReadRules {
    pub max_size: u64,
    /// Follow symbolic links that lead out of an imported folder or a manifest's folder.
    pub follow_links: bool,
}

impl Default for ReadRules {
    fn default() -> Self {
        ReadRules { max_size: DEFAULT_MAX_SIZE, follow_links: false }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Does `path` (resolved) stay inside `root` (resolved)?
fn inside(path: &Path, root: &Path) -> bool {
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    }
}

/// The article files under a folder, in name order: hidden entries and other file kinds left
/// out, links to folders not followed (so a link loop cannot trap the walk), and a link to a
/// file outside the folder refused unless `follow_links`.
fn walk_folder(root: &Path, rules: ReadRules, out: &mut Vec<Input>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                out.push(Input::Skipped(path, format!("cannot be read: {e}")));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        let ft = entry.file_type();
        // A link to a folder (a loop back to `.` perhaps) is named, whatever its name: the user
        // learns that something in the folder was not walked.
        if ft.is_symlink() && std::fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false) {
            out.push(Input::Skipped(path, "is a link to a folder; links to folders are not followed".into()));
            continue;
        }
        if ft.is_dir() || FileKind::from_name(&entry.file_name().to_string_lossy()).is_none() {
            continue;
        }
        if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_file() => {
                    if !rules.follow_links && !inside(&path, root) {
                        out.push(Input::Refused(
                            path,
                            "is a link to a file outside the imported folder; add --follow-links to import it".into(),
                        ));
                    } else {
                        out.push(Input::File(path));
                    }
                }
                Ok(_) => out.push(Input::Skipped(
                    path,
                    "is a link to something that is not a regular file (a device, socket or pipe); passed over"
                        .into(),
                )),
                Err(_) => out.push(Input::Skipped(path, "is a link to nothing (or a loop of links)".into())),
            }
            continue;
        }
        if ft.is_file() {
            out.push(Input::File(path));
        } else {
            out.push(Input::Skipped(
                path,
                "is not a regular file (a device, socket or pipe); passed over".into(),
            ));
        }
    }
}

/// The inputs named on the command line: files as they are, folders walked, `-` for stdin.
pub fn expand(paths: &[PathBuf], rules: ReadRules) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            walk_folder(p, rules, &mut out);
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            out.push(Input::Refused(p.clone(), "there is no such file or folder".into()));
        }
    }
    out
}

/// A manifest: per-file metadata, each file checked to stay inside the manifest's folder.
pub fn read_manifest(path: &Path, rules: ReadRules) -> Result<Vec<(Input, ArticleMeta)>, String> {
    const KNOWN: [&str; 7] = ["path", "title", "outlet", "author", "url", "published", "lang"];
    let shown = path.display();
    let bytes = read_capped(
        &mut std::fs::File::open(path)
            .map_err(|e| format!("the manifest {shown} cannot be read: {}", crate::files::io_reason(&e)))?,
        rules.max_size,
    )
    .map_err(|e| format!("the manifest {shown} {e}"))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers = rdr.headers().map_err(|e| format!("the manifest {shown} has no header row: {e}"))?.clone();
    for h in headers.iter() {
        if !KNOWN.contains(&h.trim()) {
            return Err(format!(
                "the manifest {shown} has a column '{h}'; its columns are {}",
                KNOWN.join(",")
            ));
        }
    }
    if !headers.iter().any(|h| h.trim() == "path") {
        return Err(format!(
            "the manifest {shown} has no 'path' column; its columns are {}",
            KNOWN.join(",")
        ));
    }
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| format!("the manifest {shown} line {line} cannot be read: {e}"))?;
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim() == name)
                .and_then(|p| rec.get(p))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let Some(file) = get("path") else {
            return Err(format!("the manifest {shown} line {line} has an empty path"));
        };
        let raw = RawMeta {
            title: get("title"),
            outlet: get("outlet"),
            author: get("author"),
            url: get("url"),
            published: get("published"),
            lang: get("lang"),
        };
        let meta = check_meta(&raw, &format!("the manifest {shown} line {line}: "))?;
        let full = base.join(&file);
        // A manifest comes with the files it names, perhaps from someone else: it may name only
        // regular files inside its own folder (a pipe would block the import, a device never end).
        let input = match std::fs::metadata(&full) {
            Err(_) => Input::Refused(full, "there is no such file or folder".into()),
            Ok(_) if !rules.follow_links && !inside(&full, base) => Input::Refused(
                full,
                "leads outside the manifest's folder; add --follow-links to import it".into(),
            ),
            Ok(m) if m.is_dir() => {
                Input::Refused(full, "is a folder; a manifest names one article file a line".into())
            }
            Ok(m) if !m.is_file() => {
                Input::Skipped(full, "is not a regular file (a device, socket or pipe); passed over".into())
            }
            Ok(_) => Input::File(full),
        };
        out.push((input, meta));
    }
    Ok(out)
}

/// Reads at most `max` bytes; more is an error that names the limit.
pub fn read_capped(reader: &mut impl Read, max: u64) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot be read: {}", crate::files::io_reason(&e)))?;
    if buf.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(buf)
}

fn too_large(max: u64) -> String {
    format!(
        "is larger than the limit of {} per article; raise it with --max-size if it really is one article",
        human_size(max)
    )
}

pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MB", bytes / (1024 * 1024))
    } else if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{bytes} bytes")
    }
}

/// The bytes of one input and the file name (for the kind of file and a fallback title).
pub fn read_input(input: &Input, max_size: u64) -> Result<(Vec<u8>, Option<String>), String> {
    match input {
        Input::Refused(_, why) | Input::Skipped(_, why) => Err(why.clone()),
        Input::Stdin => {
            Ok((read_capped(&mut std::io::stdin().lock(), max_size).map_err(|e| format!("stdin {e}"))?, None))
        }
        Input::File(p) => {
            let mut file = std::fs::File::open(p)
                .map_err(|e| format!("cannot be read: {}", crate::files::io_reason(&e)))?;
            // A regular file says its size: one too large is refused without reading it. Other
            // files (a pipe, /dev/zero) are read up to the limit and no further.
            if let Ok(m) = file.metadata() {
                if m.is_file() && m.len() > max_size {
                    return Err(too_large(max_size));
                }
            }
            let bytes = read_capped(&mut file, max_size)?;
            Ok((bytes, p.file_name().map(|n| n.to_string_lossy().to_string())))
        }
    }
}

/// Bytes to text, refusing what is not a UTF-8 text file.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("is UTF-16 text; save it as UTF-8 and import it again".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 or check that it is an article",
            e.utf8_error().valid_up_to()
        )
    })?;
    let total = text.chars().count().max(1);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{1b}'))
        .count();
    if controls * 20 > total {
        return Err("looks like a binary file, not text; import .txt, .md or .html articles".into());
    }
    Ok(text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_capped() {
        let mut zeros = std::io::repeat(0).take(10_000);
        assert!(read_capped(&mut zeros, 100).unwrap_err().contains("larger than the limit"));
        let mut small = &b"abc"[..];
        assert_eq!(read_capped(&mut small, 3).unwrap(), b"abc");
    }

    #[test]
    fn binary_and_utf16_are_refused() {
        assert!(decode(vec![0xFF, 0xFE, 0x41, 0x00]).unwrap_err().contains("UTF-16"));
        assert!(decode(vec![0x00; 50]).unwrap_err().contains("binary"));
        assert_eq!(decode("\u{FEFF}نص".as_bytes().to_vec()).unwrap(), "نص");
    }
}
