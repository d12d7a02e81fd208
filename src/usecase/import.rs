//! `import articles` (files, folders and stdin, with a manifest's metadata) and `import
//! sources|claims|figures FILE.csv`. What to import is found on disk before the notebook is
//! opened, so an import with nothing to read writes nothing, not even a new notebook.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::intake::{expand, read_manifest, ArticleMeta, Input, ReadRules, DEFAULT_MAX_SIZE};
use crate::notebook::import::{FileResult, ImportReport, ImportRequest, BATCH_ARTICLES};
use crate::notebook::transfer::{CsvTable, Tally};
use crate::notebook::{invalid, Error, Notebook, Result};
use crate::vocab::ImportStatus;

/// The articles to import, as a person names them.
#[derive(Debug, Clone)]
pub struct ArticlesQuery {
    /// Files, folders (walked) or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Metadata for every file (a manifest's row wins for its file).
    pub meta: ArticleMeta,
    /// A CSV with columns path,title,outlet,author,url,published,lang.
    pub manifest: Option<PathBuf>,
    pub max_size: u64,
    pub follow_links: bool,
    /// Articles per transaction.
    pub batch: usize,
}

impl Default for ArticlesQuery {
    fn default() -> ArticlesQuery {
        ArticlesQuery {
            paths: Vec::new(),
            meta: ArticleMeta::default(),
            manifest: None,
            max_size: DEFAULT_MAX_SIZE,
            follow_links: false,
            batch: BATCH_ARTICLES,
        }
    }
}

/// The files to read with their metadata, in order; an error when there is nothing to import.
pub fn inputs(query: &ArticlesQuery) -> Result<ImportRequest> {
    let rules = ReadRules { max_size: query.max_size, follow_links: query.follow_links };
    let flags = &query.meta;
    let mut inputs: Vec<(Input, ArticleMeta)> = Vec::new();
    if let Some(m) = &query.manifest {
        let listed = read_manifest(m, rules).map_err(Error::Invalid)?;
        if query.paths.is_empty() {
            inputs.extend(listed.into_iter().map(|(input, meta)| (input, meta.over(flags))));
        } else {
            // Files named on the command line take their manifest row's metadata.
            let by_path: HashMap<PathBuf, ArticleMeta> = listed
                .into_iter()
                .filter_map(|(i, m)| match i {
                    Input::File(p) => Some((p.canonicalize().unwrap_or(p), m)),
                    _ => None,
                })
                .collect();
            for input in expand(&query.paths, rules) {
                let meta = match &input {
                    Input::File(p) => {
                        p.canonicalize().ok().and_then(|c| by_path.get(&c)).map(|m| m.over(flags))
                    }
                    _ => None,
                };
                inputs.push((input, meta.unwrap_or_else(|| flags.clone())));
            }
        }
    } else {
        inputs.extend(expand(&query.paths, rules).into_iter().map(|i| (i, flags.clone())));
    }
    if inputs.is_empty() {
        return invalid(
            "nothing to import: no .txt, .md or .html files were found; give files, folders or - for stdin",
        );
    }
    if inputs.iter().filter(|(i, _)| *i == Input::Stdin).count() > 1 {
        return invalid("- (stdin) is given more than once; give it once");
    }
    Ok(ImportRequest { inputs, max_size: query.max_size, batch: query.batch, read_ahead: 0 })
}

/// `import articles`: the files read on worker threads and stored in batches; `progress` is told
/// how many are done.
pub fn import_articles(
    nb: &mut Notebook,
    req: &ImportRequest,
    progress: impl FnMut(usize),
) -> Result<ImportReport> {
    nb.import_articles(req, progress)
}

/// The line of counts after an import: imported, duplicates, failed (and near duplicates and
/// files passed over when there are any).
pub fn counts(files: &[FileResult]) -> String {
    let count = |s: ImportStatus| files.iter().filter(|r| r.status == s).count();
    let near = files.iter().filter(|r| r.near_duplicate_of.is_some()).count();
    let mut line = format!(
        "imported {}, duplicates {}, failed {}",
        count(ImportStatus::Imported),
        count(ImportStatus::Duplicate),
        count(ImportStatus::Failed)
    );
    if near > 0 {
        line.push_str(&format!(", near duplicates {near} (imported and flagged)"));
    }
    let skipped = count(ImportStatus::Skipped);
    if skipped > 0 {
        line.push_str(&format!(", passed over {skipped}"));
    }
    line
}

/// The sentence an import with failed files ends with, if any failed.
pub fn failure(files: &[FileResult]) -> Option<String> {
    let failed: Vec<&FileResult> = files.iter().filter(|r| r.status == ImportStatus::Failed).collect();
    let first = failed.first()?;
    Some(format!(
        "{} of {} file(s) could not be imported; first: {}: {}",
        failed.len(),
        files.len(),
        first.path,
        first.error.clone().unwrap_or_default()
    ))
}

/// The most of a CSV file an import reads.
const CSV_LIMIT: u64 = 1024 * 1024 * 1024;

/// A CSV file to import, read whole (up to 1 GB). A larger regular file is refused by its size
/// before it is read; a stream is refused at the limit. (Not `--max-size`, which is the
/// article limit of `import articles`.)
pub fn read_csv(file: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let too_large = || {
        Error::Invalid(format!(
            "{} is larger than the {} a CSV import reads; split it into smaller files",
            file.display(),
            crate::intake::human_size(CSV_LIMIT)
        ))
    };
    let f = std::fs::File::open(file)
        .map_err(|e| Error::Io(format!("{}: {}", file.display(), crate::files::io_reason(&e))))?;
    if f.metadata().is_ok_and(|m| m.is_file() && m.len() > CSV_LIMIT) {
        return Err(too_large());
    }
    let mut buf = Vec::new();
    f.take(CSV_LIMIT + 1).read_to_end(&mut buf).map_err(|e| {
        Error::Io(format!("{} cannot be read: {}", file.display(), crate::files::io_reason(&e)))
    })?;
    if buf.len() as u64 > CSV_LIMIT {
        return Err(too_large());
    }
    Ok(buf)
}

/// `import sources|claims|figures FILE.csv`: one transaction; any bad row stops the whole file,
/// and the refusal lists every bad row and unknown source. `progress` is told how many lines are
/// done.
pub fn import_csv(
    nb: &mut Notebook,
    table: CsvTable,
    file: &Path,
    data: &[u8],
    options: crate::notebook::transfer::CsvOptions,
    progress: impl FnMut(u64),
) -> Result<Tally> {
    nb.import_csv_with(table, data, options, progress).map_err(|e| {
        // A refusal of several rows lists them after its first sentence.
        let e = e.to_string();
        let (first, rest) =
            e.split_once('\n').map(|(a, b)| (a, format!("\n{b}"))).unwrap_or((&e, String::new()));
        Error::Invalid(format!("{}: {first}; nothing was imported{rest}", file.display()))
    })
}
