//! `import articles`: files, folders and stdin into the notebook, each file in its own
//! transaction, with a per-file result and a summary.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};

use super::Ctx;
use crate::cli::{ArticleMetaArgs, ImportArticlesArgs, ImportCommand};
use crate::dates::PartialDate;
use crate::extract::{detect_language, extract, parse_language, FileKind};
use crate::notebook::articles::{prepare, ArticleMeta, Imported, NewArticle, Prepared};
use crate::notebook::transfer::CsvTable;
use crate::render::Cell;

pub fn run(ctx: &Ctx, c: ImportCommand) -> Result<()> {
    match c {
        ImportCommand::Articles(args) => articles(ctx, args),
        ImportCommand::Sources { file } => csv_file(ctx, CsvTable::Sources, &file),
        ImportCommand::Claims { file } => csv_file(ctx, CsvTable::Claims, &file),
        ImportCommand::Figures { file } => csv_file(ctx, CsvTable::Figures, &file),
    }
}

/// Checks the metadata flags once, before anything is read or written.
fn validate_meta(args: &ArticleMetaArgs, place: &str) -> Result<ArticleMeta> {
    let published = args
        .published
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(PartialDate::parse)
        .transpose()
        .map_err(|e| anyhow!("{place}{e}"))?;
    let language = args
        .lang
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(parse_language)
        .transpose()
        .map_err(|e| anyhow!("{place}{e}"))?;
    let clean = |s: &Option<String>| s.as_ref().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    Ok(ArticleMeta {
        title: clean(&args.title),
        outlet: clean(&args.outlet),
        author: clean(&args.author),
        url: clean(&args.url),
        published,
        language,
    })
}

/// Reads a manifest: per-file metadata keyed by the file's canonical path.
fn read_manifest(path: &Path) -> Result<Vec<(PathBuf, ArticleMeta)>> {
    let file = std::fs::File::open(path)
        .map_err(|e| anyhow!("the manifest {} cannot be read: {}", path.display(), io_reason(&e)))?;
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(strip_bom_reader(file)?);
    let headers =
        rdr.headers().map_err(|e| anyhow!("the manifest {} has no header row: {e}", path.display()))?.clone();
    const KNOWN: [&str; 7] = ["path", "title", "outlet", "author", "url", "published", "lang"];
    for h in headers.iter() {
        if !KNOWN.contains(&h.trim()) {
            bail!("the manifest {} has a column '{h}'; its columns are {}", path.display(), KNOWN.join(","));
        }
    }
    if !headers.iter().any(|h| h.trim() == "path") {
        bail!("the manifest {} has no 'path' column; its columns are {}", path.display(), KNOWN.join(","));
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec =
            rec.map_err(|e| anyhow!("the manifest {} line {line} cannot be read: {e}", path.display()))?;
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim() == name)
                .and_then(|p| rec.get(p))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let Some(file) = get("path") else {
            bail!("the manifest {} line {line} has an empty path", path.display());
        };
        let args = ArticleMetaArgs {
            title: get("title"),
            outlet: get("outlet"),
            author: get("author"),
            url: get("url"),
            published: get("published"),
            lang: get("lang"),
        };
        let meta = validate_meta(&args, &format!("the manifest {} line {line}: ", path.display()))?;
        let full = base.join(&file);
        out.push((full.canonicalize().unwrap_or(full), meta));
    }
    Ok(out)
}

fn strip_bom_reader(mut file: std::fs::File) -> Result<std::io::Cursor<Vec<u8>>> {
    let mut buf = Vec::new();
    file.read_to_end(&mut buf)?;
    if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        buf.drain(..3);
    }
    Ok(std::io::Cursor::new(buf))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// One thing to import: a file or stdin.
enum Input {
    File(PathBuf),
    Stdin,
    Missing(PathBuf, String),
}

impl Input {
    fn label(&self) -> String {
        match self {
            Input::File(p) | Input::Missing(p, _) => p.display().to_string(),
            Input::Stdin => "-".into(),
        }
    }
}

fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            files.sort();
            out.extend(files.into_iter().map(Input::File));
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            out.push(Input::Missing(p.clone(), "there is no such file or folder".into()));
        }
    }
    out
}

/// Collects the article files under a folder, skipping hidden entries and other file kinds.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else if FileKind::from_name(&name).is_some() {
            out.push(path);
        }
    }
}

/// Bytes to text, refusing what is not a UTF-8 text file.
fn decode(bytes: Vec<u8>) -> std::result::Result<String, String> {
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

struct FileResult {
    path: String,
    status: &'static str,
    id: Option<i64>,
    duplicate_of: Option<i64>,
    near_duplicate_of: Option<i64>,
    error: Option<String>,
}

const RESULT_COLUMNS: &[&str] = &["path", "status", "id", "duplicate_of", "near_duplicate_of", "error"];

impl FileResult {
    fn failed(path: String, error: String) -> FileResult {
        FileResult {
            path,
            status: "failed",
            id: None,
            duplicate_of: None,
            near_duplicate_of: None,
            error: Some(error),
        }
    }
    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.path),
            Cell::text(self.status),
            Cell::opt_int(self.id),
            Cell::opt_int(self.duplicate_of),
            Cell::opt_int(self.near_duplicate_of),
            Cell::opt_text(self.error.clone()),
        ]
    }
}

/// Reads one input and does all the work that needs no database: decoding, extraction,
/// language, hashing, the search copy and the near-duplicate signature.
fn prepare_one(input: &Input, meta: &ArticleMeta) -> std::result::Result<Prepared, String> {
    let (bytes, name) = match input {
        Input::Missing(_, why) => return Err(why.clone()),
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("stdin cannot be read: {e}"))?;
            (buf, None)
        }
        Input::File(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("cannot be read: {}", io_reason(&e)))?;
            (bytes, p.file_name().map(|n| n.to_string_lossy().to_string()))
        }
    };
    let text = decode(bytes)?;
    let kind = match &name {
        Some(n) => FileKind::from_name(n).unwrap_or(FileKind::Text),
        None => FileKind::sniff(&text),
    };
    let found = extract(kind, &text);
    if found.body.trim().is_empty() {
        return Err("is empty: there is no article text in it".into());
    }
    let stem = name.as_deref().map(|n| n.rsplit_once('.').map(|(s, _)| s).unwrap_or(n).to_string());
    let title = meta.title.clone().or(found.title).or(stem).unwrap_or_else(|| "untitled".into());
    let language = meta.language.clone().or_else(|| detect_language(&found.body));
    let article = NewArticle {
        source_path: match input {
            Input::File(p) => Some(p.display().to_string()),
            _ => None,
        },
        body: found.body,
        title,
        language,
        meta: meta.clone(),
    };
    Ok(prepare(article))
}

fn articles(ctx: &Ctx, args: ImportArticlesArgs) -> Result<()> {
    let flags = validate_meta(&args.meta, "")?;
    let manifest = match &args.manifest {
        Some(m) => read_manifest(m)?,
        None => Vec::new(),
    };
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths = manifest.iter().map(|(p, _)| p.clone()).collect();
    }
    if paths.is_empty() {
        bail!("nothing to import; give files, folders or - for stdin");
    }
    let by_path: HashMap<PathBuf, ArticleMeta> = manifest.into_iter().collect();
    let inputs = expand(&paths);
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        bail!("- (stdin) is given more than once; give it once");
    }
    let mut nb = ctx.open()?;
    let bar = (ctx.stderr_terminal && !ctx.quiet && inputs.len() > 1).then(|| {
        let b = indicatif::ProgressBar::new(inputs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} articles {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let mut results: Vec<FileResult> = Vec::with_capacity(inputs.len());
    let metas: Vec<ArticleMeta> = inputs
        .iter()
        .map(|input| match input {
            Input::File(p) => p
                .canonicalize()
                .ok()
                .and_then(|c| by_path.get(&c))
                .map(|m| merge_meta(&flags, m))
                .unwrap_or_else(|| flags.clone()),
            _ => flags.clone(),
        })
        .collect();
    // Worker threads read and prepare the next files while this one writes: the text work
    // (decoding, language, hashing, the search copy, the signature) overlaps the database work.
    // Results come back tagged with their position and are written in input order.
    type Ready = (usize, std::result::Result<Prepared, String>);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Ready>(64);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 4);
    let mut batch = nb.import_batch()?;
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..workers {
            let (tx, inputs, metas, next) = (tx.clone(), &inputs, &metas, &next);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= inputs.len() || tx.send((i, prepare_one(&inputs[i], &metas[i]))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting: std::collections::BTreeMap<usize, std::result::Result<Prepared, String>> =
            Default::default();
        for input in &inputs {
            let label = input.label();
            let position = results.len();
            let prepared = loop {
                if let Some(p) = waiting.remove(&position) {
                    break p;
                }
                let (i, p) = rx.recv().map_err(|_| anyhow!("the file readers stopped unexpectedly"))?;
                waiting.insert(i, p);
            };
            let result = match prepared.map(|p| batch.import(&p)) {
                Ok(Ok(Imported::New { id, near_duplicate_of })) => FileResult {
                    path: label,
                    status: "imported",
                    id: Some(id),
                    duplicate_of: None,
                    near_duplicate_of,
                    error: None,
                },
                Ok(Ok(Imported::Duplicate { of })) => FileResult {
                    path: label,
                    status: "duplicate",
                    id: None,
                    duplicate_of: Some(of),
                    near_duplicate_of: None,
                    error: None,
                },
                Err(e) => FileResult::failed(label, e),
                Ok(Err(e)) => {
                    let committed =
                        results.iter().filter(|r| r.status == "imported").count() - batch.pending();
                    next.store(usize::MAX / 2, std::sync::atomic::Ordering::Relaxed);
                    drop(rx);
                    bail!(
                        "the import stopped at {label}: {e}; {committed} article(s) before it were stored, \
                         the rest of that batch was not; run the same import again to continue"
                    );
                }
            };
            results.push(result);
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
        Ok(())
    })?;
    batch.finish()?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    // With --quiet a person sees only errors; a program asking for rows still gets them.
    if !(ctx.quiet && ctx.format == crate::render::Format::Table) {
        ctx.rows(RESULT_COLUMNS, results.iter().map(FileResult::cells))?;
    }
    let count = |s: &str| results.iter().filter(|r| r.status == s).count();
    let (imported, duplicates, failed) = (count("imported"), count("duplicate"), count("failed"));
    for r in results.iter().filter(|r| r.near_duplicate_of.is_some()) {
        ctx.note(&format!(
            "{}: near-duplicate of #{} (a syndicated or edited copy); imported and flagged",
            r.path,
            r.near_duplicate_of.unwrap_or_default()
        ));
    }
    for r in results.iter().filter(|r| r.status == "duplicate") {
        ctx.note(&format!(
            "{}: duplicate of #{}; not stored twice",
            r.path,
            r.duplicate_of.unwrap_or_default()
        ));
    }
    ctx.note(&format!("imported {imported}, duplicates {duplicates}, failed {failed}"));
    if failed > 0 {
        let first = results
            .iter()
            .find(|r| r.status == "failed")
            .map(|r| format!("{} {}", r.path, r.error.clone().unwrap_or_default()));
        bail!(
            "{failed} of {} file(s) could not be imported; first: {}",
            results.len(),
            first.unwrap_or_default()
        );
    }
    Ok(())
}

/// Manifest values win over the command-line flags for their file.
fn merge_meta(flags: &ArticleMeta, file: &ArticleMeta) -> ArticleMeta {
    ArticleMeta {
        title: file.title.clone().or_else(|| flags.title.clone()),
        outlet: file.outlet.clone().or_else(|| flags.outlet.clone()),
        author: file.author.clone().or_else(|| flags.author.clone()),
        url: file.url.clone().or_else(|| flags.url.clone()),
        published: file.published.or(flags.published),
        language: file.language.clone().or_else(|| flags.language.clone()),
    }
}

/// `import sources|claims|figures FILE.csv`: one transaction; a bad row stops the whole file.
fn csv_file(ctx: &Ctx, table: CsvTable, file: &Path) -> Result<()> {
    let data =
        std::fs::read(file).map_err(|e| anyhow!("{} cannot be read: {}", file.display(), io_reason(&e)))?;
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64;
    let mut nb = ctx.open()?;
    let bar = (ctx.stderr_terminal && !ctx.quiet && lines > 1000).then(|| indicatif::ProgressBar::new(lines));
    let tally = nb
        .import_csv(table, &data, |n| {
            if let Some(b) = &bar {
                if n % 256 == 0 {
                    b.set_position(n);
                }
            }
        })
        .map_err(|e| anyhow!("{}: {e}; nothing was imported", file.display()))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    super::export::print_tally(ctx, &tally)
}
