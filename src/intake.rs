//! Finding and reading the files an import names: folders walked (their symbolic links to
//! folders never followed, and a file link leading out of the folder refused), manifests read,
//! only regular files taken from a folder, every read capped in size, and the bytes decoded as
//! text in whatever encoding it arrives in. `sniff` says what a file is, `encoding` decodes
//! it, `pdf` and `warc` read those formats. Nothing here touches the notebook.

pub mod encoding;
pub mod pdf;
pub mod sniff;
pub mod warc;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::dates::PartialDate;
use crate::extract::{detect_language, extract, parse_language, FileKind};

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
    /// Where a copy of the page is kept (a Wayback or archive.today link).
    pub archived_url: Option<String>,
    /// Read the file as this kind of text, whatever it looks like (`--as`).
    pub read_as: Option<FileKind>,
    /// The fields a manifest gave (the others given came from the command line).
    pub from_manifest: Vec<&'static str>,
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
            archived_url: self.archived_url.clone().or_else(|| flags.archived_url.clone()),
            read_as: self.read_as.or(flags.read_as),
            from_manifest: self.from_manifest.clone(),
        }
    }

    /// Where a given value came from: the manifest or a flag.
    fn given(&self, field: &'static str) -> &'static str {
        if self.from_manifest.contains(&field) {
            "manifest"
        } else {
            "flag"
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
    pub archived_url: Option<String>,
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
    let mut meta = ArticleMeta {
        title: clean(&raw.title),
        outlet: clean(&raw.outlet),
        author: clean(&raw.author),
        url: clean(&raw.url),
        published,
        language,
        archived_url: clean(&raw.archived_url),
        ..Default::default()
    };
    for (field, present) in [
        ("title", meta.title.is_some()),
        ("outlet", meta.outlet.is_some()),
        ("author", meta.author.is_some()),
        ("url", meta.url.is_some()),
        ("published", meta.published.is_some()),
        ("archived_url", meta.archived_url.is_some()),
    ] {
        if present {
            meta.from_manifest.push(field);
        }
    }
    Ok(meta)
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
    /// One captured page of a web archive.
    Capture(Box<warc::Capture>),
    /// A record of a web archive that is not imported (a capture of an image: passed over,
    /// when `passed`), or cannot be (refused), named by the archive and its address.
    Record {
        label: String,
        why: String,
        passed: bool,
    },
}

impl Input {
    pub fn label(&self) -> String {
        match self {
            Input::File(p) | Input::Refused(p, _) | Input::Skipped(p, _) => p.display().to_string(),
            Input::Stdin => "-".into(),
            Input::Capture(c) => warc::label(&c.archive, &c.target),
            Input::Record { label, .. } => label.clone(),
        }
    }

    /// Is this input passed over rather than imported or failed?
    pub fn passed_over(&self) -> Option<&str> {
        match self {
            Input::Skipped(_, why) | Input::Record { why, passed: true, .. } => Some(why),
            _ => None,
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
        if ft.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        if sniff::article_by_name(&name).is_none() {
            // What else the folder holds is named in its row, so nothing is left out unsaid.
            if ft.is_file() {
                out.push(Input::Skipped(path.clone(), sniff::passed_over(&name, &head_of(&path))));
            }
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
                        push_file(path, rules, out);
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
            push_file(path, rules, out);
        } else {
            out.push(Input::Skipped(
                path,
                "is not a regular file (a device, socket or pipe); passed over".into(),
            ));
        }
    }
}

/// The first bytes of a file, to say what it is (empty when it cannot be read).
fn head_of(path: &Path) -> Vec<u8> {
    let mut head = Vec::new();
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(sniff::HEAD as u64).read_to_end(&mut head);
    }
    head
}

/// A file to import: a web archive is opened up into its captures here, so that each page is
/// an input of its own (read, deduplicated and reported like any file); other files as they are.
fn push_file(path: PathBuf, rules: ReadRules, out: &mut Vec<Input>) {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let gz = match sniff::look(Some(&name), &head_of(&path)) {
        Ok(sniff::Article::Warc { gz }) => gz,
        _ => {
            out.push(Input::File(path));
            return;
        }
    };
    match warc::scan(&path, gz, rules.max_size) {
        Err(why) => out.push(Input::Refused(path, why)),
        Ok(entries) if entries.is_empty() => {
            out.push(Input::Refused(path, "is a web archive with no records in it".into()))
        }
        Ok(entries) => {
            for e in entries {
                out.push(match e {
                    warc::Entry::Html(c) => Input::Capture(Box::new(c)),
                    warc::Entry::Passed(label, why) => Input::Record { label, why, passed: true },
                    warc::Entry::Refused(label, why) => Input::Record { label, why, passed: false },
                });
            }
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
            push_file(p.clone(), rules, &mut out);
        } else {
            let why = match std::fs::metadata(p) {
                Err(e) => crate::files::io_reason(&e),
                Ok(_) => "there is no such file or folder".into(),
            };
            out.push(Input::Refused(p.clone(), why));
        }
    }
    out
}

/// A manifest: per-file metadata, each file checked to stay inside the manifest's folder.
pub fn read_manifest(path: &Path, rules: ReadRules) -> Result<Vec<(Input, ArticleMeta)>, String> {
    const KNOWN: [&str; 8] =
        ["path", "title", "outlet", "author", "url", "published", "lang", "archived_url"];
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
            archived_url: get("archived_url"),
        };
        let meta = check_meta(&raw, &format!("the manifest {shown} line {line}: "))?;
        let full = base.join(&file);
        // A manifest comes with the files it names, perhaps from someone else: it may name only
        // regular files inside its own folder (a pipe would block the import, a device never end).
        let input = match std::fs::metadata(&full) {
            Err(e) => Input::Refused(full, crate::files::io_reason(&e)),
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
            Ok(_) => {
                let mut files = Vec::new();
                push_file(full, rules, &mut files);
                for input in files {
                    out.push((input, meta.clone()));
                }
                continue;
            }
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
    const GB: u64 = 1024 * 1024 * 1024;
    if bytes >= GB && bytes.is_multiple_of(GB) {
        format!("{} GB", bytes / GB)
    } else if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
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
        Input::Refused(_, why) | Input::Skipped(_, why) | Input::Record { why, .. } => Err(why.clone()),
        Input::Capture(c) => Ok((warc::read_capture(c, max_size)?, None)),
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

/// Bytes to text in whatever encoding they are (see [`encoding::decode`]), refusing what is
/// not text. `declared` is what the carrier says (a captured page's HTTP header); `markup`
/// whether to look for a declaration inside.
pub fn decode(bytes: &[u8], declared: Option<&str>, markup: bool) -> Result<encoding::Decoded, String> {
    let mut d = encoding::decode(bytes, declared, markup)?;
    let total = d.text.chars().count().max(1);
    let controls = d
        .text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{1b}'))
        .count();
    // A NUL is never text in a legacy one-byte encoding: such a file is binary, whatever a
    // guess says (valid UTF-8 with a stray NUL is kept as it is).
    if controls * 20 > total || (!d.encoding.starts_with("utf-") && d.text.contains('\0')) {
        return Err(format!(
            "looks like a binary file, not text (read as {}); import .txt, .md, .html, .pdf or .warc articles",
            d.encoding
        ));
    }
    if d.text.starts_with('\u{FEFF}') {
        d.text.remove(0);
    }
    Ok(d)
}

/// An article read from its input, with every value it carries and where each came from:
/// all the work of an import that needs no notebook but the hashing and indexing.
#[derive(Debug, Clone, Default)]
pub struct ReadArticle {
    pub body: String,
    pub title: String,
    pub language: Option<String>,
    /// The metadata as stored: given values over the ones found in the file.
    pub meta: ArticleMeta,
    /// The encoding it was read in (`windows-1256`), and as the import row says it
    /// (`windows-1256 (declared)`).
    pub encoding: Option<String>,
    pub encoding_shown: Option<String>,
    /// Where each value came from: `title=og:title; outlet=flag`.
    pub provenance: Option<String>,
    pub archived_at: Option<String>,
    pub archive_file: Option<String>,
    pub archive_digest: Option<String>,
    /// Pages of a PDF: number, start in the body in characters, printed label.
    pub pages: Vec<(u32, usize, Option<String>)>,
    pub source_path: Option<String>,
}

/// Reads one input into an article: what it is decided (refusing what is not an article),
/// the bytes decoded, the text and metadata extracted, given values put over found ones.
pub fn read_article(input: &Input, given: &ArticleMeta, max_size: u64) -> Result<ReadArticle, String> {
    let (bytes, name) = read_input(input, max_size)?;
    let capture = match input {
        Input::Capture(c) => Some(c.as_ref()),
        _ => None,
    };
    let kind = match (given.read_as, capture) {
        (Some(k), _) => sniff::Article::Text(k),
        (None, Some(_)) => sniff::Article::Text(FileKind::Html),
        (None, None) => sniff::look(name.as_deref(), &bytes[..bytes.len().min(sniff::HEAD)])?,
    };
    let mut found = crate::extract::Extracted::default();
    let mut out = ReadArticle::default();
    // (field, value found in the file, where) for the row's provenance.
    let mut origin: Vec<(&'static str, &'static str)> = Vec::new();
    let mut published_found = None;
    match kind {
        sniff::Article::Warc { .. } => {
            return Err(
                "is a web archive; name the .warc file itself (a web archive cannot be read from stdin)"
                    .into(),
            )
        }
        sniff::Article::Pdf => {
            let pdf = pdf::read(&bytes)?;
            found.body = pdf.body;
            if let Some(t) = pdf.title {
                found.title = Some(t);
                origin.push(("title", "PDF Title"));
            }
            out.pages = pdf.pages;
            if let Some(a) = pdf.author {
                found.meta.author = Some(crate::extract::meta::Found { value: a, from: "PDF Author" });
            }
            if let Some(d) = pdf.published {
                published_found = Some((d, "PDF CreationDate"));
            }
        }
        sniff::Article::Text(k) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
            let kind = if name.is_none() && given.read_as.is_none() && capture.is_none() {
                FileKind::sniff(&head)
            } else {
                k
            };
            let declared = capture.and_then(|c| c.charset.as_deref());
            let text = decode(&bytes, declared, kind == FileKind::Html)?;
            found = extract(kind, &text.text)?;
            out.encoding_shown = Some(text.describe());
            out.encoding = Some(text.encoding);
            if let Some(t) = found.meta.title.take() {
                found.title = Some(t.value);
                origin.push(("title", t.from));
            }
        }
    }
    if found.body.trim().is_empty() {
        return Err("is empty: there is no article text in it".into());
    }
    let target = capture.map(|c| c.target.clone()).filter(|t| !t.is_empty());
    let page = std::mem::take(&mut found.meta);
    let meta = settle(given, page, published_found, target, &mut origin);
    out.provenance = (!origin.is_empty())
        .then(|| origin.iter().map(|(f, w)| format!("{f}={w}")).collect::<Vec<_>>().join("; "));
    let stem = name.as_deref().map(|n| n.rsplit_once('.').map(|(s, _)| s).unwrap_or(n).to_string());
    out.title = meta.title.clone().or(found.title).or(stem).unwrap_or_else(|| "untitled".into());
    out.language = meta.language.clone().or_else(|| detect_language(&found.body));
    out.body = found.body;
    if let Some(c) = capture {
        out.archived_at = c.date.clone().filter(|d| {
            let b = d.as_bytes();
            b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-'
        });
        out.archive_file =
            Some(c.archive.canonicalize().unwrap_or_else(|_| c.archive.clone()).display().to_string());
        out.archive_digest = c.digest.clone();
    }
    out.source_path = match input {
        Input::File(p) => Some(p.display().to_string()),
        Input::Capture(c) => Some(c.archive.display().to_string()),
        _ => None,
    };
    out.meta = meta;
    Ok(out)
}

/// The values given on the command line put over those found in the file (and the captured
/// address of a web archive's page over the page's own), each field's origin noted in
/// `origin`, in the order of the row's fields.
fn settle(
    given: &ArticleMeta,
    page: crate::extract::meta::PageMeta,
    published_found: Option<(PartialDate, &'static str)>,
    target: Option<String>,
    origin: &mut Vec<(&'static str, &'static str)>,
) -> ArticleMeta {
    let mut meta = given.clone();
    let mut from = |field: &'static str, given_value: bool, page_from: Option<&'static str>| {
        if given_value {
            origin.retain(|(f, _)| *f != field);
            origin.push((field, given.given(field)));
        } else if let Some(w) = page_from {
            origin.push((field, w));
        }
    };
    from("title", given.title.is_some(), None);
    from("outlet", given.outlet.is_some(), page.outlet.as_ref().map(|f| f.from));
    from("author", given.author.is_some(), page.author.as_ref().map(|f| f.from));
    let published = page.published.map(|f| (f.value, f.from)).or(published_found);
    from("published", given.published.is_some(), published.map(|p| p.1));
    from(
        "url",
        given.url.is_some(),
        target.as_ref().map(|_| "WARC-Target-URI").or(page.url.as_ref().map(|f| f.from)),
    );
    from("archived_url", given.archived_url.is_some(), None);
    meta.outlet = meta.outlet.or(page.outlet.map(|f| f.value));
    meta.author = meta.author.or(page.author.map(|f| f.value));
    meta.published = meta.published.or(published.map(|p| p.0));
    meta.url = meta.url.or(target).or(page.url.map(|f| f.value));
    let order = ["title", "outlet", "author", "published", "url", "archived_url"];
    origin.sort_by_key(|(f, _)| order.iter().position(|o| o == f));
    meta
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
    fn binary_is_refused_and_utf16_read() {
        assert_eq!(decode(&[0xFF, 0xFE, 0x41, 0x00], None, false).unwrap().text, "A");
        assert!(decode(&[0x01; 50], None, false).unwrap_err().contains("binary"));
        assert_eq!(decode("\u{FEFF}نص".as_bytes(), None, false).unwrap().text, "نص");
    }
}
