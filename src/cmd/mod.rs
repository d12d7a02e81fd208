//! The thin command layer: each command takes its typed flags, calls the notebook, and hands
//! the rows to the renderer once the notebook's work is committed. No SQL lives here.

mod article;
mod claim;
pub mod columns;
mod demo;
mod export;
mod figure;
mod import;
mod notebook;
mod reconcile;
mod report;
mod search;
mod source;
mod suggest;
mod team;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::notebook::{Access, Notebook};
use crate::render::{self, Cell, Columns, Format, Pick, Writer};

/// A mistake in the command line found after parsing (an unknown `--columns` name): exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// What every command shares: where the notebook is and how to print.
pub struct Ctx {
    pub db: Option<PathBuf>,
    pub format: Format,
    /// Was --format given (export defaults to CSV otherwise)?
    pub format_given: bool,
    pub pick: Pick,
    pub quiet: bool,
    /// Decided once: is stdout a terminal?
    pub terminal: bool,
    /// Is stderr a terminal (for progress bars)?
    pub stderr_terminal: bool,
    /// The terminal's width, for tables: `COLUMNS` when set, else the terminal's own.
    pub width: Option<usize>,
}

fn terminal_width(terminal: bool) -> Option<usize> {
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
        Some(width) => render::width::wrap(text, width),
        None => vec![text.to_string()],
    }
}

impl Ctx {
    fn from(cli: &Cli) -> Ctx {
        let terminal = io::stdout().is_terminal();
        Ctx {
            db: cli.db.clone(),
            format: cli.format.unwrap_or(Format::Table),
            format_given: cli.format.is_some(),
            pick: match (&cli.columns, cli.wide) {
                (Some(c), _) => Pick::Named(c.0.clone()),
                (None, true) => Pick::All,
                _ => Pick::Default,
            },
            quiet: cli.quiet,
            terminal,
            stderr_terminal: io::stderr().is_terminal(),
            width: terminal_width(terminal),
        }
    }

    pub fn notebook_path(&self) -> Result<PathBuf> {
        Ok(crate::notebook::locate(self.db.as_deref())?)
    }

    /// Where the files this command writes may go: never over the notebook in use, the one
    /// `$CROSSCHECK_DB` names or the default one, nor (unless `force` is `Some(true)`) over
    /// another notebook or a `.bak` copy. `force` is `None` for a command without `--force`.
    pub fn outputs(&self, force: Option<bool>) -> crate::files::Outputs {
        let mut named: Vec<PathBuf> = Vec::new();
        named.extend(self.notebook_path().ok());
        named.extend(std::env::var_os("CROSSCHECK_DB").filter(|p| !p.is_empty()).map(PathBuf::from));
        named.extend(crate::notebook::default_path().ok());
        let mut named = named.into_iter();
        // With no notebook path at all (no home folder), the current folder's notebook.db is
        // the one a user would mean.
        let first = named.next().unwrap_or_else(|| PathBuf::from("notebook.db"));
        let mut outputs = crate::files::Outputs::new(&first);
        for other in named {
            outputs = outputs.protecting(&other);
        }
        match force {
            Some(f) => outputs.with_force(f),
            None => outputs,
        }
    }

    /// Opens the notebook: read-only for commands that only read (a missing notebook is then an
    /// error, never created), created when missing for those that write.
    pub fn open(&self, access: Access) -> Result<Notebook> {
        Ok(Notebook::open(&self.notebook_path()?, access)?)
    }

    /// The render options for rows printed to stdout.
    pub fn options(&self, empty: &str) -> render::Options {
        render::Options {
            format: self.format,
            bom: false,
            raw: false,
            terminal: self.terminal,
            width: self.width,
            pick: self.pick.clone(),
            empty: Some(empty.to_string()),
        }
    }

    /// Checks `--columns` against a row type before anything is opened.
    pub fn check_columns(&self, columns: &Columns) -> Result<()> {
        self.pick.positions(columns, self.format, self.width).map_err(UsageError)?;
        Ok(())
    }

    pub fn stdout(&self) -> BufWriter<io::StdoutLock<'static>> {
        BufWriter::new(io::stdout().lock())
    }

    /// A streaming writer to stdout for rows of one type.
    pub fn writer(
        &self,
        columns: &Columns,
        empty: &str,
    ) -> Result<Writer<BufWriter<io::StdoutLock<'static>>>> {
        Ok(Writer::new(self.stdout(), &self.options(empty), columns)?)
    }

    /// Prints rows of one type.
    pub fn list<R: serde::Serialize>(
        &self,
        columns: &Columns,
        rows: impl IntoIterator<Item = R>,
        empty: &str,
    ) -> Result<()> {
        let mut w = self.writer(columns, empty)?;
        for r in rows {
            w.row(&r)?;
        }
        w.finish()?;
        Ok(())
    }

    /// Prints one object with the given fields (every column of its type, plus extras).
    pub fn record(&self, fields: &[(&str, Cell)]) -> Result<()> {
        let opts = render::Options { pick: Pick::All, ..self.options("") };
        let mut out = render::write_record(self.stdout(), &opts, fields)?;
        out.flush()?;
        Ok(())
    }

    /// A created or changed row: its id alone with `--quiet` (for scripts), else the row.
    pub fn created<R: serde::Serialize>(&self, id: i64, row: &R, extra: &[(&str, Cell)]) -> Result<()> {
        if self.quiet {
            let mut out = self.stdout();
            writeln!(out, "{id}")?;
            out.flush()?;
            return Ok(());
        }
        let mut fields: Vec<(&str, Cell)> = render::cells_of(row)?;
        fields.extend(extra.iter().cloned());
        self.record(&fields)
    }

    /// Prints a shown object with its related rows: sections under headings for people, one
    /// JSON object with an array per section for programs, the object alone in CSV and TSV.
    pub fn show(&self, fields: &[(&str, Cell)], sections: &[Section<'_>]) -> Result<()> {
        match self.format {
            Format::Table | Format::Markdown => {
                self.record(fields)?;
                for s in sections {
                    self.heading(s.title)?;
                    let mut w = Writer::new(self.stdout(), &self.options(s.empty), s.columns)?;
                    for r in &s.rows {
                        w.cells(r)?;
                    }
                    w.finish()?;
                }
                Ok(())
            }
            Format::Json | Format::Jsonl => {
                let mut map = serde_json::Map::new();
                for (name, cell) in fields {
                    map.insert(name.to_string(), cell.borrow().json());
                }
                for s in sections {
                    let rows: Vec<serde_json::Value> = s
                        .rows
                        .iter()
                        .map(|r| {
                            let obj: serde_json::Map<String, serde_json::Value> = s
                                .columns
                                .all
                                .iter()
                                .zip(r)
                                .map(|(c, v)| (c.to_string(), v.borrow().json()))
                                .collect();
                            serde_json::Value::Object(obj)
                        })
                        .collect();
                    map.insert(s.key.to_string(), serde_json::Value::Array(rows));
                }
                let mut out = self.stdout();
                render::write_json(
                    &mut out,
                    &serde_json::Value::Object(map),
                    self.format == Format::Json,
                    self.terminal,
                )?;
                if self.format == Format::Jsonl {
                    writeln!(out)?;
                }
                out.flush()?;
                Ok(())
            }
            Format::Csv | Format::Tsv => self.record(fields),
        }
    }

    /// A heading between sections, for people only.
    pub fn heading(&self, text: &str) -> Result<()> {
        if self.format == Format::Table || self.format == Format::Markdown {
            let mut out = self.stdout();
            writeln!(out, "\n{}", render::escape_line(text))?;
            out.flush()?;
        }
        Ok(())
    }

    /// A message for people: on stderr, so that stdout stays parseable; escaped; silenced by
    /// --quiet.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            for line in stderr_lines(&render::escape_line(text)) {
                eprintln!("{line}");
            }
        }
    }
}

/// Rows related to a shown object (a source's claims, a claim's links), as cells in the order of
/// their type's columns.
pub struct Section<'a> {
    pub title: &'a str,
    pub key: &'a str,
    pub columns: &'a Columns,
    pub rows: Vec<Vec<Cell>>,
    pub empty: &'a str,
}

impl<'a> Section<'a> {
    pub fn of<R: serde::Serialize>(
        title: &'a str,
        key: &'a str,
        columns: &'a Columns,
        rows: &[R],
        empty: &'a str,
    ) -> Result<Section<'a>> {
        let rows = rows
            .iter()
            .map(|r| Ok(render::cells_of(r)?.into_iter().map(|(_, c)| c).collect()))
            .collect::<Result<Vec<Vec<Cell>>>>()?;
        Ok(Section { title, key, columns, rows, empty })
    }
}

/// The first lines a new user sees when they type `crosscheck` alone.
const START_HERE: &str = "crosscheck: a research notebook for claims, sources and conflicting figures.\n\
    \x20 crosscheck demo       build a sample notebook and see every step\n\
    \x20 crosscheck init       create your own notebook\n\
    \x20 crosscheck --help     every command";

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::from(&cli);
    let Some(command) = cli.command else {
        let mut out = ctx.stdout();
        writeln!(out, "{START_HERE}")?;
        out.flush()?;
        return Ok(());
    };
    let access = if command.writes() { Access::Write } else { Access::Read };
    match command {
        Command::Init => notebook::init(&ctx),
        Command::Info => notebook::info(&ctx),
        Command::Check { repair } => notebook::check(&ctx, repair),
        Command::Backup { file } => notebook::backup(&ctx, &file),
        Command::History(args) => notebook::history(&ctx, args),
        Command::Completions { shell } => notebook::completions(&ctx, shell),
        Command::Man(args) => notebook::man(&ctx, args),
        Command::Import(c) => import::run(&ctx, c),
        Command::Article(c) => article::run(&ctx, c, access),
        Command::Search(args) => search::run(&ctx, args),
        Command::Source(c) => source::run(&ctx, c, access),
        Command::Claim(c) => claim::run(&ctx, c, access),
        Command::Measure(c) => figure::measure(&ctx, c, access),
        Command::Figure(c) => figure::figure(&ctx, c, access),
        Command::Reconcile(args) => reconcile::run(&ctx, args),
        Command::Report(args) => report::run(&ctx, args),
        Command::Export(args) => export::export(&ctx, args),
        Command::Merge { other } => export::merge(&ctx, &other),
        Command::Team(c) => team::run(&ctx, c),
        Command::Demo => demo::run(&ctx),
    }
}
