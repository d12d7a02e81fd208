//! The notebook library: one SQLite file opened once (read-only for commands that only read),
//! upgraded when old, checked against the expected schema before it is trusted, and every query
//! the commands need. This layer prints nothing and knows no output format: it returns plain
//! rows (structs that derive `Serialize`) and typed errors.

pub mod articles;
pub mod citations;
pub mod claims;
mod conditions;
pub mod derived;
pub mod divergence;
pub mod figures;
pub mod history;
pub mod import;
pub mod incidents;
pub mod integrity;
pub mod listings;
pub mod maintenance;
pub mod merge;
mod migrations;
pub mod reconciliations;
pub mod schema;
pub mod search;
pub mod sources;
pub mod suggestions;
pub mod transfer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

/// Marks a SQLite file as a crosscheck notebook ("ccnb").
pub const APPLICATION_ID: i32 = 0x6363_6E62;

/// Errors a researcher can act on. Every message is one sentence that names the bad value and,
/// where it helps, what would be accepted. SQLite's own text never reaches the user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{}", describe_sql(.0))]
    Sql(rusqlite::Error),
    /// Writing the output failed; the `io::Error` is kept, so a closed pipe stays one.
    #[error("the output could not be written: {0}")]
    Output(#[source] std::io::Error),
    #[error("{0}")]
    Io(String),
    /// The notebook stayed locked by another program for the whole wait.
    #[error("{0}")]
    Busy(String),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sql(e)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

pub fn invalid<T>(msg: impl Into<String>) -> Result<T> {
    Err(Error::Invalid(msg.into()))
}

/// Did opening fail because another connection held the notebook?
fn is_busy(e: &Error) -> bool {
    match e {
        Error::Sql(s) => {
            matches!(
                s.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            )
        }
        Error::Busy(_) => true,
        other => other.to_string().contains(BUSY),
    }
}

/// Set when a change to a notebook opened by this process was committed, so that a failure
/// after it (printing into a full disk) can say the change was kept.
static COMMITTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Has this process committed a change to a notebook?
pub fn committed() -> bool {
    COMMITTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// How long a command waits for another one holding the notebook, in all (opening and taking
/// the write lock together).
pub const BUSY_WAIT: Duration = Duration::from_secs(30);

/// What a command says when the notebook stayed busy for the whole wait: who holds it, when
/// the system says (Linux lists file locks in /proc/locks).
fn busy_error(path: &Path) -> Error {
    let who = match lock_holder(path) {
        Some((pid, name)) if name == "crosscheck" => {
            format!("another crosscheck command (process {pid}) is using it")
        }
        Some((pid, name)) => format!("process {pid} ({name}) is using it"),
        None => "another program is using it".to_string(),
    };
    Error::Busy(format!(
        "{} stayed busy for {} s: {who}; try again once it is done",
        path.display(),
        BUSY_WAIT.as_secs()
    ))
}

/// A transaction that could not begin: when the notebook stayed busy, who holds it.
fn begin_error(path: &Path, e: rusqlite::Error) -> Error {
    let e = Error::Sql(e);
    if is_busy(&e) {
        busy_error(path)
    } else {
        e
    }
}

/// The process holding a lock on the notebook or its shared-memory file, and its name.
#[cfg(target_os = "linux")]
fn lock_holder(path: &Path) -> Option<(u32, String)> {
    use std::os::unix::fs::MetadataExt;
    let mut files = vec![path.to_path_buf()];
    let mut shm = path.as_os_str().to_os_string();
    shm.push("-shm");
    files.push(PathBuf::from(shm));
    // /proc/locks names a file as major:minor:inode, the device numbers in hex.
    let ids: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| {
            let dev = m.dev();
            let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
            let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
            format!("{major:02x}:{minor:02x}:{}", m.ino())
        })
        .collect();
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    let me = std::process::id();
    let pid = locks.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let at = fields.iter().position(|f| ids.iter().any(|id| id == f))?;
        let pid: u32 = fields.get(at.checked_sub(1)?)?.parse().ok()?;
        (pid != me && fields.contains(&"WRITE")).then_some(pid)
    })?;
    let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?.trim().to_string();
    Some((pid, name))
}

#[cfg(not(target_os = "linux"))]
fn lock_holder(_path: &Path) -> Option<(u32, String)> {
    None
}

/// A path as an SQLite URI that reads the file as it is, creating nothing beside it (the
/// `immutable` flag): for a notebook on a read-only file system, and a colleague's notebook.
pub(crate) fn immutable_uri(path: &Path) -> String {
    let encoded: String = path
        .to_string_lossy()
        .chars()
        .map(|c| match c {
            '%' => "%25".to_string(),
            '?' => "%3f".to_string(),
            '#' => "%23".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!("file:{encoded}?mode=ro&immutable=1")
}

/// Does the notebook have no write-ahead log with pages in it? Then reading it as immutable
/// reads all of it.
fn no_pending_log(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).map(|m| m.len() == 0).unwrap_or(true)
}

/// Opens an SQLite connection to the notebook. Read-only, a notebook that SQLite cannot open
/// the usual way (on a read-only file system, where its shared-memory file cannot be made) is
/// read as immutable when no log is pending beside it, so reading never needs writing.
pub(crate) fn open_sqlite(path: &Path, access: Access) -> rusqlite::Result<Connection> {
    let flags = match access {
        Access::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
        Access::Write => OpenFlags::SQLITE_OPEN_READ_WRITE,
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    if access == Access::Write {
        return Ok(conn);
    }
    // SQLite opens lazily: the first read says whether the file can be read this way.
    match conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>("schema_version")) {
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
            ) && no_pending_log(path) =>
        {
            drop(conn);
            Connection::open_with_flags(
                immutable_uri(path),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        }
        _ => Ok(conn),
    }
}

/// Why a notebook cannot be written, in a few words: its file system, its file, or its folder.
fn read_only_reason(path: &Path) -> String {
    match std::fs::OpenOptions::new().write(true).open(path) {
        Err(e) => io_reason(&e),
        Ok(_) => "its folder cannot be written".into(),
    }
}

/// What a command says when the notebook stays busy.
const BUSY: &str = "the notebook is busy with another crosscheck command; try again in a moment";

/// Turns a SQLite failure into a sentence, never a raw SQL message.
pub(crate) fn describe_sql(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = e {
        return format!(
            "the notebook holds a value crosscheck cannot read ({inner}); run `crosscheck check`"
        );
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => BUSY.into(),
        Some(ErrorCode::NotADatabase) => {
            "the file is not a crosscheck notebook (it is not an SQLite database)".into()
        }
        Some(ErrorCode::DatabaseCorrupt) => {
            "the notebook file is damaged; run `crosscheck check` and restore from a backup".into()
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            "the notebook file cannot be written; check its permissions and folder".into()
        }
        Some(ErrorCode::DiskFull) => "the disk is full; nothing was written".into(),
        Some(ErrorCode::TooBig) => "the text is too large for the notebook to hold".into(),
        Some(ErrorCode::ConstraintViolation) => {
            "the change breaks one of the notebook's rules, so nothing was written".into()
        }
        Some(ErrorCode::OperationInterrupted) => {
            "the work took too long and was stopped; nothing was written".into()
        }
        Some(code) => format!("the notebook could not be read or written ({code:?})"),
        None => "the notebook could not be read or written (internal error)".into(),
    }
}

/// Whether a command may change the notebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Open an existing notebook and never write it (an older one is upgraded first).
    Read,
    /// Open the notebook, creating it (readable by its owner only) when it does not exist.
    Write,
}

/// An open notebook. The connection is private: everything goes through its methods.
pub struct Notebook {
    conn: Connection,
    path: PathBuf,
    writable: bool,
}

/// The transaction a notebook method runs in: its own (committed by the method), or the one a
/// use case opened around it (committed by the use case).
pub(crate) enum Tx<'a> {
    Own(Transaction<'a>),
    Within(&'a Connection),
}

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            Tx::Own(tx) => tx,
            Tx::Within(conn) => conn,
        }
    }
}

impl Tx<'_> {
    /// Commits a transaction of the method's own; one opened around it is the opener's.
    pub fn commit(self) -> Result<()> {
        match self {
            Tx::Own(tx) => Ok(tx.commit()?),
            Tx::Within(_) => Ok(()),
        }
    }
}

/// Where the notebook lives when neither `--db` nor `$CROSSCHECK_DB` says: the platform data
/// folder.
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "crosscheck").ok_or_else(|| {
        Error::Invalid("no home folder was found for the notebook; give one with --db PATH".into())
    })?;
    Ok(dirs.data_dir().join("notebook.db"))
}

/// The notebook a command names: `--db`, else `$CROSSCHECK_DB`, else the data folder's, with a
/// leading `~` read as the home folder.
pub fn locate(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = given {
        return home_expanded(p);
    }
    if let Some(p) = std::env::var_os("CROSSCHECK_DB").filter(|p| !p.is_empty()) {
        return home_expanded(Path::new(&p));
    }
    default_path()
}

/// `~` and `~/…` are the home folder. A shell expands a tilde only at the start of a word, so
/// `--db=~/x.db` and `CROSSCHECK_DB='~/x.db'` arrive unexpanded; taken literally they would create
/// a folder named `~` in the working folder. `~name/…` (another user's home) is refused unless a
/// folder of that name really is there.
pub fn home_expanded(path: &Path) -> Result<PathBuf> {
    let home = || -> Result<PathBuf> {
        directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()).ok_or_else(|| {
            Error::Invalid(format!(
                "{} starts with ~ but no home folder was found; write the full path",
                path.display()
            ))
        })
    };
    if let Ok(rest) = path.strip_prefix("~") {
        return Ok(if rest.as_os_str().is_empty() { home()? } else { home()?.join(rest) });
    }
    let first = path.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
    if let Some(first) = first.filter(|f| f.starts_with('~')) {
        if !Path::new(&first).exists() {
            return invalid(format!(
                "{} starts with '{first}', which crosscheck does not read as a home folder (only ~/ \
                 is yours); write the full path",
                path.display()
            ));
        }
    }
    Ok(path.to_path_buf())
}

/// A path as SQLite must see it: absolute, so that a name beginning with `file:` is a file name
/// and never a URI.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| Error::Io(format!("{} is not a usable path: {e}", path.display())))
}

impl Notebook {
    /// Opens the notebook at `path`. With `Access::Read` a missing notebook is an error and the
    /// file is opened read-only; with `Access::Write` it is created when missing.
    pub fn open(path: &Path, access: Access) -> Result<Notebook> {
        let path = absolute(path)?;
        if path.is_dir() {
            return invalid(format!(
                "the notebook path {} is a folder; give a file path such as {}",
                &path.display(),
                &path.join("notebook.db").display()
            ));
        }
        if let Ok(m) = std::fs::metadata(&path) {
            if !m.is_file() {
                return invalid(format!(
                    "{} is not a notebook: it is {}, and a notebook is a regular file such as notebook.db",
                    path.display(),
                    crate::files::kind_of_file(&m)
                ));
            }
        }
        if !path.exists() {
            // A name too long (or a part of the path that is a file) is said as such, not as
            // a notebook missing.
            if let Err(e) = std::fs::metadata(&path).map(drop) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    return invalid(format!(
                        "{} cannot be opened: {}",
                        path.display(),
                        crate::files::io_reason(&e)
                    ));
                }
            }
            if access == Access::Read {
                return Err(Error::NotFound(format!(
                    "there is no notebook at {}; `crosscheck init` creates one",
                    &path.display()
                )));
            }
            create_private_file(&path)?;
        }
        let version = schema::peek_version(&path)?;
        if access == Access::Read && version.needs_upgrade() {
            // An older notebook is upgraded (a write, after a backup copy) before it is read.
            drop(Notebook::connect(&path, Access::Write, BUSY_WAIT)?);
        }
        Notebook::connect_patiently(&path, access)
    }

    /// Connects, waiting out another command that is creating or upgrading the notebook at the
    /// same moment: SQLite answers "busy" at once, without waiting, when two connections would
    /// deadlock on the first write, so the whole opening is tried again. The wait is
    /// [`BUSY_WAIT`] in all, each attempt waiting only what is left of it.
    fn connect_patiently(path: &Path, access: Access) -> Result<Notebook> {
        let start = std::time::Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            let left = BUSY_WAIT.saturating_sub(start.elapsed());
            match Notebook::connect(path, access, left) {
                Err(e) if is_busy(&e) => {
                    if start.elapsed() >= BUSY_WAIT {
                        return Err(busy_error(path));
                    }
                    std::thread::sleep(pause.min(BUSY_WAIT.saturating_sub(start.elapsed())));
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                other => return other,
            }
        }
    }

    fn connect(path: &Path, access: Access, wait: Duration) -> Result<Notebook> {
        let conn = open_sqlite(path, access).map_err(|e| {
            Error::Io(format!("the notebook {} could not be opened: {}", path.display(), describe_sql(&e)))
        })?;
        if access == Access::Write && conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(Error::Invalid(format!(
                "{} is read-only ({}), and this command changes the notebook, so nothing was done; reading commands still work",
                path.display(),
                read_only_reason(path)
            )));
        }
        let mut nb = Notebook { conn, path: path.to_path_buf(), writable: access == Access::Write };
        match nb.bring_up(wait) {
            Ok(()) => {
                // Later waits (a write transaction) get the whole wait again.
                nb.conn.busy_timeout(BUSY_WAIT)?;
                nb.conn.commit_hook(Some(|| {
                    COMMITTED.store(true, std::sync::atomic::Ordering::Relaxed);
                    false
                }))?;
                Ok(nb)
            }
            Err(e) => {
                // A file refused is left exactly as it was: no statistics written as it closes.
                nb.writable = false;
                Err(e)
            }
        }
    }

    fn bring_up(&mut self, wait: Duration) -> Result<()> {
        harden(&self.conn).map_err(|e| self.explain_open_error(e))?;
        self.conn.busy_timeout(wait)?;
        // A notebook of the current version is checked before anything is written to it or a
        // write lock is taken (switching the journal is a write): a file from someone else with
        // an extra trigger or view is refused while it is still untouched.
        let current = is_current(&self.conn).map_err(|e| self.explain_open_error(e))?;
        if current {
            schema::verify(&self.conn, &self.path)?;
        }
        self.configure().map_err(|e| self.explain_open_error(e))?;
        self.conn.busy_timeout(wait)?;
        schema::bring_up_to_date(self).map_err(|e| match e {
            // SQLite's plain error while creating or upgrading: the tables are not those of the
            // version the file claims (a version number edited by hand). Nothing was changed.
            Error::Sql(ref s) if plain_sql_error(s) => {
                Error::Invalid(format!(
                    "{} says it is a notebook of schema version {}, but its tables are not those of that version, \
                     so it was not upgraded and is unchanged",
                    self.path.display(),
                    self.schema_version().unwrap_or(-1)
                ))
            }
            other => self.explain_open_error(other),
        })?;
        if !current {
            schema::verify(&self.conn, &self.path)?;
        }
        Ok(())
    }

    /// An in-memory notebook, for unit tests and the fuzz targets.
    pub fn in_memory() -> Result<Notebook> {
        let conn = Connection::open_in_memory()?;
        let mut nb = Notebook { conn, path: PathBuf::from(":memory:"), writable: true };
        nb.configure()?;
        schema::bring_up_to_date(&mut nb)?;
        Ok(nb)
    }

    fn configure(&self) -> Result<()> {
        configure(&self.conn, self.writable)
    }

    fn explain_open_error(&self, e: Error) -> Error {
        match e {
            Error::Sql(ref s) if s.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                Error::Invalid(format!(
                    "{} is not a crosscheck notebook; give another path with --db or move that file away",
                    &self.path.display()
                ))
            }
            other => other,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts a write transaction that takes the write lock at once, so that concurrent writers
    /// queue on the busy timeout instead of failing on a lock upgrade. For the work of a whole
    /// command (an import, a merge); a change a use case makes among others uses [`change`].
    fn write(&mut self) -> Result<Transaction<'_>> {
        let path = self.path.clone();
        self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| begin_error(&path, e))
    }

    /// A write transaction of its own, or the one a use case opened around this change
    /// ([`Notebook::writing`]), which commits it.
    fn change(&mut self) -> Result<Tx<'_>> {
        if self.conn.is_autocommit() {
            let path = self.path.clone();
            Ok(Tx::Own(
                self.conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(|e| begin_error(&path, e))?,
            ))
        } else {
            Ok(Tx::Within(&self.conn))
        }
    }

    /// A read transaction, so every query of one method sees the same notebook; inside a use
    /// case's transaction ([`Notebook::reading`], [`Notebook::writing`]), that one.
    fn read(&mut self) -> Result<Tx<'_>> {
        if self.conn.is_autocommit() {
            Ok(Tx::Own(self.conn.transaction_with_behavior(TransactionBehavior::Deferred)?))
        } else {
            Ok(Tx::Within(&self.conn))
        }
    }

    /// Runs `f` in one read transaction: every query it makes, through any method, sees one
    /// notebook (a snapshot: a writer committing meanwhile is not seen). Within another
    /// use case's transaction, `f` runs in that one.
    pub fn reading<T>(&mut self, f: impl FnOnce(&mut Notebook) -> Result<T>) -> Result<T> {
        self.scope("BEGIN DEFERRED", f)
    }

    /// Runs `f` in one write transaction, committed when `f` succeeds and rolled back when it
    /// fails: every change it makes, through any method, is kept together or not at all.
    pub fn writing<T>(&mut self, f: impl FnOnce(&mut Notebook) -> Result<T>) -> Result<T> {
        self.scope("BEGIN IMMEDIATE", f)
    }

    fn scope<T>(&mut self, begin: &str, f: impl FnOnce(&mut Notebook) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn.execute_batch(begin).map_err(|e| begin_error(&self.path, e))?;
        let result = f(self);
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        match (result, self.conn.execute_batch(end)) {
            (Ok(value), Ok(())) => Ok(value),
            (Ok(_), Err(e)) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e.into())
            }
            (Err(e), _) => Err(e),
        }
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(schema::header(&self.conn)?.user_version)
    }
}

impl Drop for Notebook {
    /// A command that could write lets SQLite refresh its statistics as it closes the notebook
    /// (cheap: only what changed is analysed), so the filters keep using their indexes.
    fn drop(&mut self) {
        if self.writable {
            // Never a second wait for a notebook another program holds.
            let _ = self.conn.busy_timeout(Duration::ZERO);
            let _ = self.conn.execute_batch("PRAGMA optimize");
        }
    }
}

/// SQLite's generic error ("no such table", "table already exists"), as opposed to a busy,
/// full, damaged or unreadable file.
pub(crate) fn plain_sql_error(e: &rusqlite::Error) -> bool {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => f.code == rusqlite::ErrorCode::Unknown,
        rusqlite::Error::SqlInputError { error, .. } => error.code == rusqlite::ErrorCode::Unknown,
        _ => false,
    }
}

/// Is this a crosscheck notebook of the version this crosscheck writes (read from the header,
/// without reading the schema)?
fn is_current(conn: &Connection) -> Result<bool> {
    let h = schema::header(conn)?;
    Ok(h.user_version == schema::CURRENT_VERSION && h.application_id == APPLICATION_ID)
}

/// Settings every connection gets before it reads anything, including the other notebook of a
/// merge: a file from someone else must not run code, so no untrusted functions in its schema,
/// no writes to the schema tables, no loading of extensions.
pub(crate) fn harden(conn: &Connection) -> Result<()> {
    use rusqlite::config::DbConfig;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    // Two commands run at once must both succeed: wait for the other writer, never fail.
    conn.busy_timeout(BUSY_WAIT)?;
    Ok(())
}

/// Connection settings every notebook connection gets, including the other notebook of a merge.
pub(crate) fn configure(conn: &Connection, writable: bool) -> Result<()> {
    harden(conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    if writable {
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get("journal_mode"))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    Ok(())
}

/// Creates an empty file readable by its owner only: a notebook may name confidential sources.
/// A folder made for it is private too.
/// Through a symbolic link (or a chain of them) to a file that does not exist yet, the file at
/// the end of the links is created, private too; the links stay.
pub fn create_private_file(path: &Path) -> Result<()> {
    let path = &crate::files::final_target(path)
        .map_err(|e| Error::Io(format!("{} cannot be used: {e}", path.display())))?;
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() && !parent.exists() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            builder.create(parent).map_err(|e| {
                Error::Io(format!("the folder {} could not be created: {}", parent.display(), io_reason(&e)))
            })?;
        }
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::Io(format!("{} could not be created: {}", path.display(), io_reason(&e)))),
    }
}

/// Up to five of `candidates` (shown form, comparison key) close to what was typed, best first:
/// those that start with it (or it with them), contain it (or are contained), share a word with
/// it, or are spelled nearly like it. Read only when a lookup fails, so a slip costs one pass over
/// the names, never a lookup that succeeds.
pub(crate) fn did_you_mean(
    typed: &str,
    candidates: impl IntoIterator<Item = (String, String)>,
) -> Vec<String> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2)
            .map(str::to_string)
            .collect()
    };
    let typed_words = words(typed);
    let mut scored: Vec<(u8, f64, String)> = Vec::new();
    for (shown, key) in candidates {
        let similarity = strsim::normalized_damerau_levenshtein(&key, typed);
        let rank = if key.starts_with(typed) || typed.starts_with(key.as_str()) {
            0
        } else if key.contains(typed) || typed.contains(key.as_str()) {
            1
        } else if words(&key).iter().any(|w| typed_words.contains(w)) {
            2
        } else if similarity >= 0.7 {
            3
        } else {
            continue;
        };
        scored.push((rank, similarity, shown));
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, shown) in scored {
        if !out.contains(&shown) && out.len() < 5 {
            out.push(shown);
        }
    }
    out
}

/// Now, as stored: RFC 3339 UTC to the second.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn new_uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A count from SQLite as a Rust length. Counts are never negative; a damaged file that says
/// otherwise reads as zero rather than wrapping.
pub(crate) fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// A length as SQLite stores it. Lengths of texts and lists a notebook holds are far below
/// i64::MAX; the conversion saturates rather than wraps.
pub(crate) fn sql_int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub use crate::files::io_reason;
