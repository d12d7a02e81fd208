//! The one place that decides how output looks and where it goes: the format (given, a
//! command's default, or chosen by whether standard output is a terminal), the columns, the
//! width, and a file or standard output. Commands hand it rows, records and text; they never
//! match on a format themselves.
//!
//! Standard output that is not a terminal, with no `--format`, gets rows for programs: plain
//! tab-separated lines with a header, every column, the text as stored (see `plain.rs`).
//! `--format table` still draws a table there, at `COLUMNS` or 100 columns.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::marker::PhantomData;
use std::path::Path;

use anyhow::Result;

use super::{escape_controls, escape_line, json, plain, table, width, Options, Pick, Writer};
use crate::files::{OutFile, Outputs};
use crate::rows::{Body, Cell, CellRef, Columns, Record, Row, Section, Shape};
use crate::vocab::Format;

/// A mistake in the command line found after parsing (an unknown `--columns` name, flags that
/// do not go together): exit 2, before any notebook is opened.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The width a table is drawn at when standard output is not a terminal and `COLUMNS` is unset.
const PIPE_WIDTH: usize = 100;

/// How and where a command prints, decided once from the global flags and the terminal.
#[derive(Debug, Clone)]
pub struct Output {
    /// `--format` as given.
    format: Option<Format>,
    pick: Pick,
    quiet: bool,
    terminal: bool,
    stderr_terminal: bool,
    /// `COLUMNS` when set, else the terminal's width.
    width: Option<usize>,
}

/// Where rows go: standard output, or a file written whole or not at all, opened by the one
/// guarded opener (never over the notebook).
#[derive(Clone, Copy)]
pub enum Dest<'a> {
    Stdout,
    File { path: &'a Path, outputs: &'a Outputs, what: &'static str },
}

impl<'a> Dest<'a> {
    /// The file named by a command's `--out`, or standard output when it names none.
    pub fn of(path: Option<&'a Path>, outputs: &'a Outputs, what: &'static str) -> Dest<'a> {
        match path {
            Some(path) => Dest::File { path, outputs, what },
            None => Dest::Stdout,
        }
    }
}

/// What a command decides about its rows beyond the global flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct Defaults {
    /// The format, when the command decides it (`export`: its own `--format`, else the global
    /// one, else CSV).
    pub format: Option<Format>,
    /// Every column even in a table, unless `--columns` says otherwise (a file for review).
    pub every_column: bool,
    pub bom: bool,
    pub raw: bool,
}

/// The terminal's width: `COLUMNS` when set (and sensible), else what the terminal says.
pub fn terminal_width(terminal: bool) -> Option<usize> {
    if let Some(n) =
        std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()).filter(|n| *n >= 20)
    {
        return Some(n);
    }
    if !terminal {
        return None;
    }
    comfy_table::Table::new().width().map(usize::from).filter(|w| *w >= 20)
}

/// A message for stderr as lines: wrapped at spaces to the terminal's width when stderr is a
/// terminal (so a word is never broken by the terminal), whole otherwise.
pub fn stderr_lines(text: &str) -> Vec<String> {
    match io::stderr().is_terminal().then(|| terminal_width(true)).flatten() {
        Some(width) => width::wrap(text, width),
        None => vec![text.to_string()],
    }
}

impl Output {
    /// Output as the global flags ask, on this process's standard output.
    pub fn new(format: Option<Format>, pick: Pick, quiet: bool) -> Output {
        let terminal = io::stdout().is_terminal();
        Output {
            format,
            pick,
            quiet,
            terminal,
            stderr_terminal: io::stderr().is_terminal(),
            width: terminal_width(terminal),
        }
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// Is standard error a terminal (for progress bars)?
    pub fn stderr_terminal(&self) -> bool {
        self.stderr_terminal
    }

    /// Was JSON or JSON Lines asked for: the formats with room for what a table leaves out
    /// (every conflicting pair of `reconcile`).
    pub fn json_given(&self) -> bool {
        matches!(self.format, Some(Format::Json | Format::Jsonl))
    }

    /// Was CSV or TSV asked for: formats of rows alone, with no place for sentences.
    pub fn delimited_given(&self) -> bool {
        matches!(self.format, Some(Format::Csv | Format::Tsv))
    }

    /// Is a format other than JSON asked for, by the command's own `--format` or the global
    /// one (for what is written in JSON only).
    pub fn other_than_json(&self, own: Option<Format>) -> bool {
        own.or(self.format).is_some_and(|f| f != Format::Json)
    }

    /// The format of rows meant for a file or another program: the command's own `--format`,
    /// else the global one, else CSV.
    pub fn file_format(&self, own: Option<Format>) -> Option<Format> {
        Some(own.or(self.format).unwrap_or(Format::Csv))
    }

    /// Whether a command that writes a page (`report`) writes Markdown: an HTML page unless
    /// `--format markdown` is given; any other format is refused (exit 2).
    pub fn markdown_page(&self, command: &str) -> Result<bool, UsageError> {
        match self.format {
            None => Ok(false),
            Some(Format::Markdown) => Ok(true),
            Some(other) => Err(UsageError(format!(
                "{command} writes an HTML page, or Markdown with --format markdown; --format {other} is not one of them"
            ))),
        }
    }

    /// Checks `--columns` against what a command prints: every name must be one of its columns,
    /// and a command that prints no rows takes none.
    pub fn check(&self, command: &str, shape: &Shape) -> Result<(), UsageError> {
        let Pick::Named(names) = &self.pick else { return Ok(()) };
        let Some(columns) = shape.columns() else {
            return Err(UsageError(format!(
                "`crosscheck {command}` prints no rows, so it takes no --columns; leave it out"
            )));
        };
        for n in names {
            if !columns.all.contains(&n.trim()) {
                return Err(UsageError(format!(
                    "`crosscheck {command}` has no column '{}'; its columns are: {}",
                    n.trim(),
                    columns.all.join(",")
                )));
            }
        }
        Ok(())
    }

    /// The writer options for rows going to a terminal or not.
    fn options(&self, to_terminal: bool, defaults: Defaults, empty: &str) -> Options {
        let given = defaults.format.or(self.format);
        let format = given.unwrap_or(if to_terminal { Format::Table } else { Format::Tsv });
        let plain = given.is_none() && !to_terminal;
        let width = match format {
            Format::Table if to_terminal => self.width,
            Format::Table => self.width.or(Some(PIPE_WIDTH)),
            _ => None,
        };
        let every = defaults.every_column || plain;
        Options {
            format,
            bom: defaults.bom,
            raw: defaults.raw,
            terminal: to_terminal,
            width,
            pick: if every && self.pick == Pick::Default { Pick::All } else { self.pick.clone() },
            empty: Some(empty.to_string()),
            plain,
        }
    }

    fn stdout_options(&self, empty: &str) -> Options {
        self.options(self.terminal, Defaults::default(), empty)
    }

    /// Are rows on standard output a table drawn for people?
    pub fn table(&self) -> bool {
        self.stdout_options("").format == Format::Table
    }

    /// Is standard output a terminal?
    pub fn terminal(&self) -> bool {
        self.terminal
    }

    /// A terminal table on standard output: the width of a chart drawn beside it.
    pub(crate) fn terminal_table(&self) -> Option<usize> {
        let o = self.stdout_options("");
        (o.format == Format::Table).then(|| o.width.unwrap_or(80))
    }

    /// The width text under a table (or in Markdown) is wrapped at.
    pub(crate) fn text_width(&self) -> Option<usize> {
        let o = self.stdout_options("");
        if o.format == Format::Table {
            o.width
        } else {
            self.width
        }
    }

    /// Rows of one type to standard output; `empty` is what a table says when there are none.
    /// Nothing is written until the first row or the end: a use case that fails before its
    /// first row (an unknown name) leaves standard output empty.
    pub fn rows<R: Row>(&self, empty: &str) -> RowWriter<'_, R> {
        self.rows_to(Dest::Stdout, Defaults::default(), empty)
    }

    /// Rows held in memory, to standard output.
    pub fn list<R: Row>(&self, rows: &[R], empty: &str) -> Result<()> {
        let mut w = self.rows::<R>(empty);
        rows.iter().try_for_each(|r| w.row(r))?;
        w.finish()
    }

    /// Rows held in memory that fall into groups by a key, in order: for people, a table a group
    /// under its key (so no row repeats it); elsewhere one listing.
    pub fn grouped<R: Row>(&self, rows: &[R], key: impl Fn(&R) -> &str, empty: &str) -> Result<()> {
        if !self.table() || self.pick != Pick::Default || rows.is_empty() {
            return self.list(rows, empty);
        }
        let mut rest = rows;
        while let Some(first) = rest.first() {
            let n = rest.iter().take_while(|r| key(r) == key(first)).count();
            self.heading(key(first))?;
            self.list(&rest[..n], empty)?;
            rest = &rest[n..];
        }
        Ok(())
    }

    /// Rows of one type to standard output or a file, opened with the first row (or at the end).
    pub fn rows_to<'a, R: Row>(
        &'a self,
        dest: Dest<'a>,
        defaults: Defaults,
        empty: &str,
    ) -> RowWriter<'a, R> {
        self.columns_to(Columns::of::<R>(), dest, defaults, empty).typed()
    }

    /// Rows with these columns (rows built at run time, as cells or any `Serialize` type).
    pub fn columns_to<'a>(
        &'a self,
        columns: Columns,
        dest: Dest<'a>,
        defaults: Defaults,
        empty: &str,
    ) -> RowWriter<'a, ()> {
        let pending = Pending { out: self, columns, dest, defaults, empty: empty.to_string() };
        RowWriter { state: State::Pending(Box::new(pending)), rows: 0, kind: PhantomData }
    }

    /// Prints one record: its fields, then its sections (for people), or one object with an
    /// array per section (JSON). `--columns` picks fields and sections by name.
    pub fn record(&self, record: &Record) -> Result<()> {
        let opts = self.stdout_options("");
        let mut out = BufWriter::new(io::stdout().lock());
        let picked = pick_record(record, &self.pick);
        if let (Some(line), true) = (&record.line, matches!(opts.format, Format::Table) || opts.plain) {
            writeln!(out, "{}", escape_line(line))?;
        } else {
            write_record(&mut out, &opts, &picked)?;
        }
        out.flush()?;
        drop(out);
        if matches!(opts.format, Format::Table | Format::Markdown) || opts.plain {
            for s in &picked.sections {
                self.section(s, &opts)?;
            }
        }
        Ok(())
    }

    fn section(&self, s: &Section, opts: &Options) -> Result<()> {
        let mut out = BufWriter::new(io::stdout().lock());
        writeln!(out, "\n{}", escape_line(s.title))?;
        match &s.body {
            Body::Steps(lines) => {
                for (i, step) in lines.iter().enumerate() {
                    writeln!(out, "{:>3}. {}", i + 1, escape_line(step))?;
                }
                out.flush()?;
            }
            Body::Rows { columns, rows, empty } => {
                // A section shows its own columns: `--columns` picked the section itself.
                let opts = Options {
                    pick: if opts.plain { Pick::All } else { Pick::Default },
                    empty: Some(empty.clone()),
                    ..opts.clone()
                };
                let mut w = Writer::new(out, &opts, columns)?;
                for r in rows {
                    w.cells(r)?;
                }
                w.finish()?;
            }
        }
        Ok(())
    }

    /// A created or changed row: its id alone with `--quiet` (for scripts), else the record.
    pub fn created(&self, id: i64, record: &Record) -> Result<()> {
        if self.quiet {
            let mut out = io::stdout().lock();
            writeln!(out, "{id}")?;
            out.flush()?;
            return Ok(());
        }
        self.record(record)
    }

    /// A heading between tables, after an empty line.
    pub fn heading(&self, text: &str) -> Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "\n{}", escape_line(text))?;
        out.flush()?;
        Ok(())
    }

    /// Lines of text for people and programs alike (the problems `check` found), each on one line.
    pub fn lines<S: AsRef<str>>(&self, lines: impl IntoIterator<Item = S>) -> Result<()> {
        let mut out = BufWriter::new(io::stdout().lock());
        for l in lines {
            writeln!(out, "{}", escape_line(l.as_ref()))?;
        }
        out.flush()?;
        Ok(())
    }

    /// Text with its lines kept (an article's body), controls escaped.
    pub fn text(&self, text: &str) -> Result<()> {
        let mut out = BufWriter::new(io::stdout().lock());
        writeln!(out, "{}", escape_controls(text, true))?;
        out.flush()?;
        Ok(())
    }

    /// Bytes made whole elsewhere (a page, a man page, completions), to standard output.
    pub fn bytes(&self, bytes: &[u8]) -> Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
        Ok(())
    }

    /// A page made whole elsewhere (a report), to standard output or into a file.
    pub fn page(&self, dest: Dest<'_>, bytes: &[u8]) -> Result<()> {
        match dest {
            Dest::Stdout => self.bytes(bytes),
            Dest::File { path, outputs, what } => self.file(outputs.file(path, what), bytes),
        }
    }

    /// A document made whole elsewhere (a page, metadata) to standard output or into a file;
    /// when it goes into a file, `said` says what was written (on stderr).
    pub fn document(&self, dest: Dest<'_>, bytes: &[u8], said: impl FnOnce(&Path) -> String) -> Result<()> {
        self.page(dest, bytes)?;
        if let Dest::File { path, .. } = dest {
            self.note(&said(path));
        }
        Ok(())
    }

    /// Text made whole elsewhere (citations): as [`Output::document`], its controls escaped
    /// when it goes to a terminal.
    pub fn document_text(
        &self,
        dest: Dest<'_>,
        text: &str,
        said: impl FnOnce(&Path) -> String,
    ) -> Result<()> {
        match dest {
            Dest::Stdout if self.terminal => self.bytes(escape_controls(text, true).as_bytes()),
            _ => self.document(dest, text.as_bytes(), said),
        }
    }

    /// A page with the files it links to (a Markdown report's charts), each written whole into
    /// the page's folder under the name crosscheck chose for it. The page's own file is checked
    /// first, so a refused page leaves no files behind; the files are written before the page,
    /// so a page never links to a file that was not written; a link found in the folder under
    /// one of the names is refused, never followed.
    pub fn page_with_files(
        &self,
        outputs: &Outputs,
        path: &Path,
        text: &[u8],
        files: &[(String, String)],
        what: &'static str,
    ) -> Result<()> {
        let page = outputs.file(path, what).map_err(anyhow::Error::msg)?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let folder = outputs.folder(&dir, "report's charts").map_err(anyhow::Error::msg)?;
        for (name, _) in files {
            folder.vet(name).map_err(anyhow::Error::msg)?;
        }
        for (name, body) in files {
            self.file(folder.file(name), body.as_bytes())?;
        }
        self.file(Ok(page), text)
    }

    /// A whole file, opened by the guarded opener (`Outputs`), written whole or not at all;
    /// what the opener noticed (a replaced file's permissions kept ...) is said on stderr.
    pub fn file(&self, file: Result<OutFile, String>, bytes: &[u8]) -> Result<()> {
        let mut file = file.map_err(anyhow::Error::msg)?;
        file.write_all(bytes)?;
        for note in file.finish()? {
            self.note(&note);
        }
        Ok(())
    }

    /// A message for people: on stderr, so that stdout stays parseable; escaped; silenced by
    /// --quiet.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            for line in stderr_lines(&escape_line(text)) {
                eprintln!("{line}");
            }
        }
    }

    /// The settings the measure printer of `reconcile` reads.
    pub(crate) fn measure_options(&self, empty: &str) -> Options {
        self.stdout_options(empty)
    }

    pub(crate) fn pick(&self) -> &Pick {
        &self.pick
    }
}

/// The fields and sections `--columns` names, in its order; all of them otherwise.
fn pick_record(record: &Record, pick: &Pick) -> Record {
    let Pick::Named(names) = pick else { return record.clone() };
    let mut out = Record { line: None, ..Record::default() };
    for n in names {
        let n = n.trim();
        if let Some(f) = record.fields.iter().find(|(name, _)| *name == n) {
            out.fields.push(f.clone());
        } else if let Some(s) = record.sections.iter().find(|s| s.key == n) {
            out.sections.push(s.clone());
        }
    }
    out
}

/// Writes one object: a two-column field/value table for people, `field<TAB>value` lines for
/// programs reading a pipe, one JSON object with an array (or a list) per section, or a one-row
/// table in the other formats.
pub(crate) fn write_record<W: Write>(out: &mut W, opts: &Options, record: &Record) -> io::Result<()> {
    let fields = &record.fields;
    match opts.format {
        // No fields (`--columns` named only sections): no empty box before them.
        Format::Table if fields.is_empty() => Ok(()),
        Format::Table => {
            let rows: Vec<Vec<String>> =
                fields.iter().map(|(name, cell)| vec![name.to_string(), cell.borrow().plain()]).collect();
            table::write_grid(out, None, &rows, &[false, false], opts.width)
        }
        _ if opts.plain => {
            let mut text = String::new();
            for (name, cell) in fields {
                plain::line(&[CellRef::Text(name), cell.borrow()], &mut text);
            }
            out.write_all(text.as_bytes())
        }
        Format::Json | Format::Jsonl => {
            let mut map = serde_json::Map::new();
            for (name, cell) in fields {
                map.insert(name.to_string(), cell.borrow().json());
            }
            for s in &record.sections {
                map.insert(s.key.to_string(), section_json(s));
            }
            let pretty = opts.format == Format::Json;
            json::write_value(out, &serde_json::Value::Object(map), pretty, opts.terminal)?;
            if !pretty {
                writeln!(out)?;
            }
            Ok(())
        }
        _ => {
            // A section of steps is one list cell in CSV and TSV (Markdown prints it under the
            // record, as a table does); sections of rows do not fit one row.
            let mut fields = fields.clone();
            for s in record.sections.iter().filter(|_| opts.format != Format::Markdown) {
                if let Body::Steps(lines) = &s.body {
                    fields.push((s.key, Cell::List(lines.clone())));
                }
            }
            let columns = Columns::plain(&fields.iter().map(|(n, _)| *n).collect::<Vec<_>>());
            let opts = Options { pick: Pick::All, ..opts.clone() };
            let mut w = Writer::new(&mut *out, &opts, &columns)?;
            w.cells(&fields.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>())?;
            w.finish()?;
            Ok(())
        }
    }
}

fn section_json(s: &Section) -> serde_json::Value {
    use serde_json::Value;
    match &s.body {
        Body::Steps(lines) => Value::Array(lines.iter().cloned().map(Value::String).collect()),
        Body::Rows { columns, rows, .. } => Value::Array(
            rows.iter()
                .map(|r| {
                    let obj = columns.all.iter().zip(r).map(|(c, v)| (c.to_string(), v.borrow().json()));
                    Value::Object(obj.collect())
                })
                .collect(),
        ),
    }
}

/// Standard output or a file being written.
pub enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(BufWriter<OutFile>),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(buf),
            Sink::File(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w) => w.flush(),
        }
    }
}

/// A writer's settings until its first row.
struct Pending<'a> {
    out: &'a Output,
    columns: Columns,
    dest: Dest<'a>,
    defaults: Defaults,
    empty: String,
}

impl Pending<'_> {
    fn open(self) -> io::Result<Open> {
        let out = self.out;
        let (sink, to_terminal) = match self.dest {
            Dest::Stdout => (Sink::Stdout(BufWriter::new(io::stdout().lock())), out.terminal),
            Dest::File { path, outputs, what } => {
                let file = outputs.file(path, what).map_err(io::Error::other)?;
                (Sink::File(BufWriter::with_capacity(1 << 16, file)), false)
            }
        };
        let opts = out.options(to_terminal, self.defaults, &self.empty);
        let empty = (opts.plain && !out.quiet).then(|| self.empty.clone());
        Ok(Open { writer: Writer::new(sink, &opts, &self.columns)?, empty, quiet: out.quiet })
    }
}

/// An open writer.
struct Open {
    writer: Writer<Sink>,
    /// Said on stderr when rows for programs turn out to be none (a table says it on stdout).
    empty: Option<String>,
    quiet: bool,
}

enum State<'a> {
    /// Boxed: the settings are large beside the open writer's handle.
    Pending(Box<Pending<'a>>),
    Open(Box<Open>),
    /// Opening failed (the error was returned then).
    Failed,
}

/// Writes rows of type `R` (or of any type, for `RowWriter<()>`) and, when done, makes a file
/// whole.
pub struct RowWriter<'a, R> {
    state: State<'a>,
    rows: usize,
    kind: PhantomData<fn(&R)>,
}

impl<'a> RowWriter<'a, ()> {
    fn typed<R>(self) -> RowWriter<'a, R> {
        RowWriter { state: self.state, rows: self.rows, kind: PhantomData }
    }

    /// A row of any type whose fields are the writer's columns.
    pub fn any<T: serde::Serialize + ?Sized>(&mut self, row: &T) -> io::Result<()> {
        self.rows += 1;
        self.open()?.writer.row(row)
    }
}

impl<R> RowWriter<'_, R> {
    fn open(&mut self) -> io::Result<&mut Open> {
        self.state = match std::mem::replace(&mut self.state, State::Failed) {
            State::Pending(p) => State::Open(Box::new(p.open()?)),
            other => other,
        };
        match &mut self.state {
            State::Open(open) => Ok(open),
            _ => Err(io::Error::other("the output could not be opened")),
        }
    }

    /// A row given as cells in the order of the columns.
    pub fn cells(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.rows += 1;
        self.open()?.writer.cells(cells)
    }

    /// Ends the rows: flushed to standard output, or the file made whole.
    pub fn finish(mut self) -> Result<()> {
        self.open()?;
        let State::Open(open) = self.state else {
            return Err(io::Error::other("the output could not be opened").into());
        };
        let Open { writer, empty, quiet } = *open;
        match writer.finish()? {
            Sink::Stdout(mut w) => w.flush()?,
            Sink::File(w) => {
                let notes = w.into_inner().map_err(|e| e.into_error())?.finish()?;
                for note in notes.iter().filter(|_| !quiet) {
                    for l in stderr_lines(&escape_line(note)) {
                        eprintln!("{l}");
                    }
                }
            }
        }
        if let (0, Some(line)) = (self.rows, &empty) {
            for l in stderr_lines(&escape_line(line)) {
                eprintln!("{l}");
            }
        }
        Ok(())
    }
}

impl<R: serde::Serialize> RowWriter<'_, R> {
    pub fn row(&mut self, row: &R) -> io::Result<()> {
        self.rows += 1;
        self.open()?.writer.row(row)
    }
}
