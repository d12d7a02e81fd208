//! Importing articles: worker threads read and prepare the files (decoding, extraction, language,
//! hash, search words, near-duplicate signature) while one writer stores them in batches, each
//! batch one transaction and a few multi-row statements (the search index is flushed once per
//! statement, not once per article). Every article is stored whole or not at all; a file that
//! cannot be read is that file's failure and the import goes on; a database failure stops the
//! import and says exactly how many articles were stored.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::articles::body_sha256;
use super::{new_uuid, now, Error, Notebook, Result};
use crate::intake::{read_article, ArticleMeta, Input, ReadArticle};
use crate::normalize::index_text;
use crate::similarity::{band_keys, jaccard, shingles, Shingles, NEAR_DUPLICATE};
use crate::vocab::ImportStatus;

/// What became of one file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileResult {
    pub path: String,
    pub status: ImportStatus,
    pub id: Option<i64>,
    pub duplicate_of: Option<i64>,
    pub near_duplicate_of: Option<i64>,
    /// The encoding the file was read in, and how it was decided: `windows-1256 (declared)`.
    pub encoding: Option<String>,
    /// Where each metadata value came from: `title=og:title; author=flag`.
    pub metadata: Option<String>,
    pub error: Option<String>,
}

impl Default for FileResult {
    fn default() -> FileResult {
        FileResult::new(String::new(), ImportStatus::Imported)
    }
}

impl FileResult {
    fn new(path: String, status: ImportStatus) -> FileResult {
        FileResult {
            path,
            status,
            id: None,
            duplicate_of: None,
            near_duplicate_of: None,
            encoding: None,
            metadata: None,
            error: None,
        }
    }
}

/// An import: the inputs with their metadata, in order.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    pub inputs: Vec<(Input, ArticleMeta)>,
    pub max_size: u64,
    /// Articles per transaction (a crash loses at most one batch, never half an article).
    pub batch: usize,
    /// Bytes of text the readers may read ahead of the writer (0: IN_FLIGHT).
    pub read_ahead: usize,
}

/// Articles per commit unless the request says otherwise (and a commit at least every
/// BATCH_SECONDS). Rows are written every ROWS_PER_INSERT articles, but each commit rewrites the
/// index pages its articles touched: committing every 1,000 articles wrote 5 GB to import
/// 50,000 (280 MB).
pub const BATCH_ARTICLES: usize = 10_000;
/// The most article text read ahead of the writer, in bytes.
const IN_FLIGHT: usize = 32 << 20;
/// The most inputs handed to the readers and not yet back: enough to keep them busy while the
/// writer stores a statement's worth of articles.
const WINDOW: usize = 2 * ROWS_PER_INSERT;
/// What an input whose size is not known before it is read counts for in the budget.
const UNKNOWN_SIZE: u64 = 1 << 20;
const BATCH_SECONDS: u64 = 2;
/// Rows per INSERT statement (18 values each, well under SQLite's limit of 32,766 variables).
const ROWS_PER_INSERT: usize = 1000;

/// An article with the work that needs no database done. Made by [`prepare`], on any thread.
pub struct Prepared {
    source_path: Option<String>,
    body: String,
    title: String,
    language: Option<String>,
    meta: ArticleMeta,
    sha: String,
    title_words: String,
    body_words: String,
    set: Shingles,
    bands: Vec<i64>,
    /// What the file said beyond its text: encoding, archive, pages, provenance.
    read: ReadArticle,
}

/// Reads one input and does all the work that needs no database.
pub fn prepare(input: &Input, meta: &ArticleMeta, max_size: u64) -> std::result::Result<Prepared, String> {
    let mut read = read_article(input, meta, max_size)?;
    let body = std::mem::take(&mut read.body);
    let title = std::mem::take(&mut read.title);
    let (language, meta, source_path) =
        (read.language.take(), std::mem::take(&mut read.meta), read.source_path.take());
    let mut p = prepared(source_path, body, title, language, meta);
    p.read = read;
    Ok(p)
}

/// The derived parts of an article: its hash, search words and near-duplicate signature.
pub fn prepared(
    source_path: Option<String>,
    body: String,
    title: String,
    language: Option<String>,
    meta: ArticleMeta,
) -> Prepared {
    // One pass over the body gives both the search words and the near-duplicate shingles.
    let (body_words, set) = crate::similarity::analyse(&body);
    Prepared {
        sha: body_sha256(&body),
        title_words: index_text(&title),
        bands: band_keys(&set),
        set,
        body_words,
        source_path,
        body,
        title,
        language,
        meta,
        read: ReadArticle::default(),
    }
}

/// Stores prepared articles in batches. Dropping it without `finish` rolls back what it has not
/// yet committed.
pub struct ImportBatch<'a> {
    conn: &'a Connection,
    tx: Option<Transaction<'a>>,
    since: std::time::Instant,
    /// The id the next article gets; None once the largest id is taken.
    next_id: Option<i64>,
    staged: Vec<Staged>,
    staged_sha: HashMap<String, i64>,
    staged_bands: HashMap<(usize, i64), Vec<i64>>,
    limit: usize,
    outlets: HashMap<String, i64>,
    max_length: usize,
    /// Articles committed so far.
    pub committed: usize,
    /// Articles written in the open transaction, not yet committed.
    in_transaction: usize,
}

/// An article ready to be written, with the id it will get.
struct Staged {
    id: i64,
    values: Vec<Value>,
    words: [String; 2],
    bands: Vec<i64>,
    set: Shingles,
    pages: Vec<(u32, usize, Option<String>)>,
}

/// The result of storing one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    New {
        id: i64,
        near_duplicate_of: Option<i64>,
    },
    Duplicate {
        of: i64,
    },
    /// Refused before anything was written (too large for the notebook); the import goes on.
    Refused(String),
}

const ARTICLE_COLUMNS: &str = "id, uuid, title, outlet_id, author, url, published, language, body, sha256, \
    near_duplicate_of, source_path, imported_at, encoding, archived_url, archived_at, archive_file, archive_digest";
const ARTICLE_VALUES: usize = 18;

impl<'a> ImportBatch<'a> {
    pub fn new(conn: &'a Connection, limit: usize) -> Result<ImportBatch<'a>> {
        let max_length = conn.limit(rusqlite::limits::Limit::SQLITE_LIMIT_LENGTH).unwrap_or(1_000_000_000);
        // Each article adds a random key to the hash and band indexes; once those outgrow
        // SQLite's 2 MB of cached pages, every insert reads and rewrites a page. 32 MB held them
        // for a 50,000-article import and took two fifths off its system time.
        conn.pragma_update(None, "cache_size", -32_768)?;
        // A multi-row insert keeps the pages it changes in a statement journal, to undo itself;
        // past 64 KB that journal went to a temporary file: half the writes of an import.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(ImportBatch {
            conn,
            tx: None,
            since: std::time::Instant::now(),
            next_id: None,
            staged: Vec::new(),
            staged_sha: HashMap::default(),
            staged_bands: HashMap::default(),
            limit: limit.max(1),
            outlets: HashMap::default(),
            max_length: usize::try_from(max_length).unwrap_or(usize::MAX),
            committed: 0,
            in_transaction: 0,
        })
    }

    fn begin(&mut self) -> Result<()> {
        if self.tx.is_none() {
            let tx = Transaction::new_unchecked(self.conn, TransactionBehavior::Immediate)?;
            // The write lock is held, so no other writer can take these ids.
            let last: i64 =
                tx.query_row("SELECT coalesce(max(id), 0) AS last FROM articles", [], |r| r.get("last"))?;
            self.next_id = last.checked_add(1);
            self.tx = Some(tx);
            self.since = std::time::Instant::now();
        }
        Ok(())
    }

    /// Checks one article and stages it; it is written with the rest of its batch. An error
    /// here is the database's own (a full disk, a damaged file): the caller stops the import.
    pub fn store(&mut self, p: Prepared) -> Result<Stored> {
        if p.body.len() >= self.max_length || p.title.len() >= self.max_length {
            return Ok(Stored::Refused(format!(
                "is too large for the notebook to hold ({} bytes; SQLite's limit is {})",
                p.body.len(),
                self.max_length
            )));
        }
        self.begin()?;
        if let Some(of) = self.staged_sha.get(&p.sha) {
            return Ok(Stored::Duplicate { of: *of });
        }
        let existing: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE sha256 = ?1")?
            .query_row([&p.sha], |r| r.get("id"))
            .optional()?;
        if let Some(of) = existing {
            return Ok(Stored::Duplicate { of });
        }
        let outlet_id = self.outlet(p.meta.outlet.as_deref())?;
        let near = self.nearest(&p.set, &p.bands)?;
        // A notebook from elsewhere may hold the largest id SQLite allows: no id is made up.
        let Some(id) = self.next_id else {
            return Err(Error::Invalid(format!(
                "the notebook has no article id left (it holds the largest, {})",
                i64::MAX
            )));
        };
        self.next_id = id.checked_add(1);
        let text = |s: Option<String>| s.map(Value::Text).unwrap_or(Value::Null);
        for (band, hash) in p.bands.iter().enumerate() {
            self.staged_bands.entry((band, *hash)).or_default().push(id);
        }
        self.staged_sha.insert(p.sha.clone(), id);
        let values = vec![
            Value::Integer(id),
            Value::Text(new_uuid()),
            Value::Text(p.title),
            outlet_id.map(Value::Integer).unwrap_or(Value::Null),
            text(p.meta.author),
            text(p.meta.url),
            text(p.meta.published.map(|d| d.to_string())),
            text(p.language),
            Value::Text(p.body),
            Value::Text(p.sha),
            near.map(Value::Integer).unwrap_or(Value::Null),
            text(p.source_path),
            Value::Text(now()),
            text(p.read.encoding),
            text(p.meta.archived_url),
            text(p.read.archived_at),
            text(p.read.archive_file),
            text(p.read.archive_digest),
        ];
        let words = [p.title_words, p.body_words];
        self.staged.push(Staged { id, values, words, bands: p.bands, set: p.set, pages: p.read.pages });
        if self.staged.len() >= ROWS_PER_INSERT {
            self.flush()?;
        }
        if self.in_transaction + self.staged.len() >= self.limit
            || self.since.elapsed().as_secs() >= BATCH_SECONDS
        {
            self.commit()?;
        }
        Ok(Stored::New { id, near_duplicate_of: near })
    }

    /// A folder usually has one outlet: it is looked up once, not once an article.
    fn outlet(&mut self, name: Option<&str>) -> Result<Option<i64>> {
        let Some(name) = name else { return Ok(None) };
        if let Some(id) = self.outlets.get(name) {
            return Ok(Some(*id));
        }
        let id = super::sources::find_or_create_outlet(self.conn, name)?;
        self.outlets.insert(name.to_string(), id);
        Ok(Some(id))
    }

    /// The most similar earlier article (stored or staged) at Jaccard >= 0.8.
    fn nearest(&self, set: &Shingles, bands: &[i64]) -> Result<Option<i64>> {
        let mut best = nearest_stored(self.conn, set, bands)?;
        let mut shared: HashMap<i64, usize> = HashMap::default();
        for (band, hash) in bands.iter().enumerate() {
            for id in self.staged_bands.get(&(band, *hash)).into_iter().flatten() {
                *shared.entry(*id).or_default() += 1;
            }
        }
        let mut likeliest: Vec<(usize, i64)> = shared.into_iter().map(|(id, n)| (n, id)).collect();
        likeliest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let first_staged = self.staged.first().map(|s| s.id).unwrap_or(0);
        for (_, id) in likeliest.into_iter().take(8) {
            // Staged ids are consecutive, so an id is also a position.
            let Some(st) = usize::try_from(id - first_staged).ok().and_then(|i| self.staged.get(i)) else {
                continue;
            };
            let j = jaccard(set, &st.set);
            if j >= NEAR_DUPLICATE && best.map(|(bj, bid)| j > bj || (j == bj && id < bid)).unwrap_or(true) {
                best = Some((j, id));
            }
        }
        Ok(best.map(|(_, id)| id))
    }

    /// Writes the staged articles, their search words and their bands in multi-row statements,
    /// inside the open transaction; later articles find them there (duplicates, near copies).
    fn flush(&mut self) -> Result<()> {
        self.write_staged()?;
        self.in_transaction += self.staged.len();
        self.staged.clear();
        self.staged_sha.clear();
        self.staged_bands.clear();
        Ok(())
    }

    fn write_staged(&mut self) -> Result<()> {
        let conn = self.conn;
        for chunk in self.staged.chunks(ROWS_PER_INSERT) {
            let row = format!("({})", vec!["?"; ARTICLE_VALUES].join(", "));
            let sql = format!(
                "INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES {}",
                vec![row; chunk.len()].join(", ")
            );
            let values: Vec<&Value> = chunk.iter().flat_map(|s| s.values.iter()).collect();
            conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
            let sql = format!(
                "INSERT INTO article_fts (rowid, title, body) VALUES {}",
                vec!["(?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            for (k, s) in chunk.iter().enumerate() {
                stmt.raw_bind_parameter(3 * k + 1, s.id)?;
                stmt.raw_bind_parameter(3 * k + 2, &s.words[0])?;
                stmt.raw_bind_parameter(3 * k + 3, &s.words[1])?;
            }
            stmt.raw_execute()?;
        }
        let mut page_stmt = conn.prepare_cached(
            "INSERT INTO article_pages (article_id, page, start, label) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in &self.staged {
            for (page, start, label) in &s.pages {
                page_stmt.execute(rusqlite::params![s.id, page, super::sql_int(*start), label])?;
            }
        }
        let bands: Vec<Value> = self
            .staged
            .iter()
            .flat_map(|st| {
                st.bands.iter().enumerate().flat_map(move |(band, hash)| {
                    [Value::Integer(super::sql_int(band)), Value::Integer(*hash), Value::Integer(st.id)]
                })
            })
            .collect();
        for chunk in bands.chunks(3 * 300) {
            let sql = format!(
                "INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES {}",
                vec!["(?, ?, ?)"; chunk.len() / 3].join(", ")
            );
            conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(chunk))?;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        if self.tx.is_some() {
            self.flush()?;
            if let Some(tx) = self.tx.take() {
                tx.commit()?;
            }
            self.committed += self.in_transaction;
            self.in_transaction = 0;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<usize> {
        self.commit()?;
        Ok(self.committed)
    }
}

/// The most similar stored article at Jaccard >= 0.8, found through the MinHash bands.
fn nearest_stored(conn: &Connection, set: &Shingles, bands: &[i64]) -> Result<Option<(f64, i64)>> {
    if bands.is_empty() {
        return Ok(None);
    }
    let sql = format!(
        // The articles sharing the most bands are the likeliest copies; only a few are checked
        // exactly, so boilerplate shared by many articles cannot make this slow.
        "WITH k (band, hash) AS (VALUES {})
         SELECT b.article_id FROM k JOIN article_bands b ON b.band = k.band AND b.hash = k.hash
         GROUP BY b.article_id ORDER BY count(*) DESC, b.article_id LIMIT 8",
        vec!["(?, ?)"; bands.len()].join(", ")
    );
    let values: Vec<Value> = bands
        .iter()
        .enumerate()
        .flat_map(|(band, hash)| [Value::Integer(super::sql_int(band)), Value::Integer(*hash)])
        .collect();
    let mut stmt = conn.prepare_cached(&sql)?;
    let candidates: Vec<i64> = stmt
        .query_map(rusqlite::params_from_iter(values), |r| r.get("article_id"))?
        .collect::<rusqlite::Result<_>>()?;
    let mut best: Option<(f64, i64)> = None;
    let mut body_stmt = conn.prepare_cached(super::articles::BODY_BY_ID)?;
    for id in candidates {
        let body: String = body_stmt.query_row([id], |r| r.get("body"))?;
        let j = jaccard(set, &shingles(&body));
        if j >= NEAR_DUPLICATE && best.map(|(bj, bid)| j > bj || (j == bj && id < bid)).unwrap_or(true) {
            best = Some((j, id));
        }
    }
    Ok(best)
}

/// What an import did, file by file, and how many articles it stored.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub files: Vec<FileResult>,
    pub stored: usize,
}

impl Notebook {
    /// Imports the inputs in order. Reader threads prepare the next files while this thread
    /// writes (see [`Readers`]); results are stored in input order. `progress` is told how many
    /// inputs are done. A database failure stops the import: the error says how many articles
    /// were stored before it.
    pub fn import_articles(
        &mut self,
        req: &ImportRequest,
        mut progress: impl FnMut(usize),
    ) -> Result<ImportReport> {
        let inputs = &req.inputs;
        let mut batch =
            ImportBatch::new(&self.conn, if req.batch == 0 { BATCH_ARTICLES } else { req.batch })?;
        let mut files: Vec<FileResult> = Vec::with_capacity(inputs.len());
        std::thread::scope(|scope| -> Result<()> {
            // Dropped when this closure returns, success or failure: the readers then stop.
            let budget = if req.read_ahead == 0 { IN_FLIGHT } else { req.read_ahead };
            let mut readers = Readers::start(scope, inputs, req.max_size, budget);
            for (position, (input, _)) in inputs.iter().enumerate() {
                let prepared = readers.take(position)?;
                files.push(stored(&mut batch, input, prepared)?);
                progress(files.len());
            }
            Ok(())
        })?;
        let stored = batch.finish()?;
        Ok(ImportReport { files, stored })
    }
}

/// What became of one input, once stored (or not). A database failure stops the import, and
/// says how many articles were stored before it.
fn stored(
    batch: &mut ImportBatch<'_>,
    input: &Input,
    prepared: std::result::Result<Prepared, String>,
) -> Result<FileResult> {
    let label = input.label();
    Ok(match (input, prepared) {
        (Input::Skipped(_, why), _) | (Input::Record { why, passed: true, .. }, _) => {
            FileResult { error: Some(why.clone()), ..FileResult::new(label, ImportStatus::Skipped) }
        }
        (_, Err(e)) => FileResult { error: Some(e), ..FileResult::new(label, ImportStatus::Failed) },
        (_, Ok(p)) => {
            let (encoding, metadata) = (p.read.encoding_shown.clone(), p.read.provenance.clone());
            let read = FileResult { encoding, metadata, ..FileResult::new(label, ImportStatus::Imported) };
            match batch.store(p) {
                Ok(Stored::New { id, near_duplicate_of }) => {
                    FileResult { id: Some(id), near_duplicate_of, ..read }
                }
                Ok(Stored::Duplicate { of }) => {
                    FileResult { duplicate_of: Some(of), status: ImportStatus::Duplicate, ..read }
                }
                Ok(Stored::Refused(why)) => {
                    FileResult { error: Some(why), status: ImportStatus::Failed, ..read }
                }
                Err(e) => {
                    return Err(Error::Io(format!(
                        "the import stopped at {}: {e}; {} article(s) before it were stored and the rest \
                         were not; run the same import again to continue",
                        read.path, batch.committed
                    )))
                }
            }
        }
    })
}

/// A prepared input, or why it could not be read.
type Ready = std::result::Result<Prepared, String>;

/// The reader threads of an import, handed positions in input order through one channel and
/// answering through another. The writer takes the inputs back in order, and alone decides how
/// far ahead the readers go: it hands out an input only while the text waiting for it and the
/// inputs handed out (a file by its size on disk) stay under its budget (IN_FLIGHT bytes), and at
/// most WINDOW inputs at once; when nothing it needs is ready it reads the next input itself
/// rather than wait. Nothing sleeps or polls: each thread blocks on a channel. Dropping the
/// readers stops them after the input each is reading.
struct Readers<'a> {
    inputs: &'a [(Input, ArticleMeta)],
    max_size: u64,
    jobs: crossbeam_channel::Sender<usize>,
    done: crossbeam_channel::Receiver<(usize, Ready)>,
    /// The next position to hand out.
    sent: usize,
    /// Handed out and not yet back: each one's size on disk, and their sum.
    out: HashMap<usize, usize>,
    out_bytes: usize,
    /// Back (or read here) and not yet taken, with the bytes of text they hold.
    waiting: BTreeMap<usize, Ready>,
    waiting_bytes: usize,
    /// The most bytes read ahead (IN_FLIGHT unless the request says otherwise).
    budget: usize,
}

fn text_bytes(ready: &Ready) -> usize {
    ready.as_ref().map(|p| p.body.len()).unwrap_or(0)
}

/// Reads one input, a panic of the reader (a bug) being that input's failure, never a hang.
fn read_one(input: &Input, meta: &ArticleMeta, max_size: u64) -> Ready {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare(input, meta, max_size))).unwrap_or_else(
        |_| Err("could not be read: the reader failed on it (please report this file)".into()),
    )
}

impl<'a> Readers<'a> {
    fn start<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        inputs: &'a [(Input, ArticleMeta)],
        max_size: u64,
        budget: usize,
    ) -> Readers<'a>
    where
        'a: 'scope,
    {
        // The writer keeps one core busy; the readers share the rest.
        let workers =
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).saturating_sub(1).clamp(1, 4);
        let (jobs, job_rx) = crossbeam_channel::bounded::<usize>(WINDOW);
        let (done_tx, done) = crossbeam_channel::unbounded::<(usize, Ready)>();
        for _ in 0..workers {
            let (job_rx, done_tx) = (job_rx.clone(), done_tx.clone());
            scope.spawn(move || {
                for i in job_rx.iter() {
                    let (input, meta) = &inputs[i];
                    if done_tx.send((i, read_one(input, meta, max_size))).is_err() {
                        break;
                    }
                }
            });
        }
        Readers {
            inputs,
            max_size,
            jobs,
            done,
            sent: 0,
            out: HashMap::default(),
            out_bytes: 0,
            waiting: BTreeMap::new(),
            waiting_bytes: 0,
            budget,
        }
    }

    /// Hands out positions while the window and the bytes in flight allow.
    fn hand_out(&mut self) {
        while self.sent < self.inputs.len()
            && self.out.len() < WINDOW
            && self.out_bytes + self.waiting_bytes < self.budget
        {
            let size = usize::try_from(self.size_of(&self.inputs[self.sent].0)).unwrap_or(usize::MAX);
            if self.jobs.try_send(self.sent).is_err() {
                return;
            }
            self.out.insert(self.sent, size);
            self.out_bytes += size;
            self.sent += 1;
        }
    }

    /// What reading an input may hold, before it is read: a file's size on disk, a megabyte
    /// for a page of a web archive or standard input, nothing for what is not read.
    fn size_of(&self, input: &Input) -> u64 {
        match input {
            Input::File(path) => std::fs::metadata(path).map(|m| m.len()).unwrap_or(0).min(self.max_size),
            Input::Capture(_) | Input::Stdin => UNKNOWN_SIZE.min(self.max_size),
            Input::Refused(..) | Input::Skipped(..) | Input::Record { .. } => 0,
        }
    }

    fn keep(&mut self, i: usize, ready: Ready) {
        self.waiting_bytes += text_bytes(&ready);
        self.waiting.insert(i, ready);
    }

    /// The input at `position`, prepared: every earlier one has been taken.
    fn take(&mut self, position: usize) -> Result<Ready> {
        loop {
            if let Some(ready) = self.waiting.remove(&position) {
                self.waiting_bytes -= text_bytes(&ready);
                self.hand_out();
                return Ok(ready);
            }
            self.hand_out();
            let back = match self.done.try_recv() {
                Ok(back) => back,
                // Nothing is back: this thread reads the next input itself when it must (it
                // is the one needed) or may (there is room), rather than wait.
                Err(crossbeam_channel::TryRecvError::Empty)
                    if self.sent < self.inputs.len()
                        && (self.sent == position || self.out_bytes + self.waiting_bytes < self.budget) =>
                {
                    let i = self.sent;
                    self.sent += 1;
                    let (input, meta) = &self.inputs[i];
                    let ready = read_one(input, meta, self.max_size);
                    self.keep(i, ready);
                    continue;
                }
                Err(_) => {
                    self.done.recv().map_err(|_| Error::Io("the file readers stopped unexpectedly".into()))?
                }
            };
            self.out_bytes -= self.out.remove(&back.0).unwrap_or(0);
            self.keep(back.0, back.1);
        }
    }
}
