//! The thin command layer: each command parses its flags into typed values, calls the notebook
//! once, and hands the rows to the renderer. No SQL lives here.

mod article;
mod claim;
mod demo;
mod export;
mod figure;
mod import;
mod notebook;
mod search;
mod source;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::notebook::Notebook;
use crate::render::{write_record, Cell, Format, RowWriter, Style};

/// What every command shares: where the notebook is and how to print.
pub struct Ctx {
    pub db: Option<PathBuf>,
    pub format: Format,
    /// Was --format given (export defaults to CSV otherwise)?
    pub format_given: bool,
    pub quiet: bool,
    /// Decided once: is stdout a terminal?
    pub terminal: bool,
    /// Is stderr a terminal (for progress bars)?
    pub stderr_terminal: bool,
}

impl Ctx {
    pub fn notebook_path(&self) -> Result<PathBuf> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        if let Some(p) = std::env::var_os("CROSSCHECK_DB").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        Ok(crate::notebook::default_path()?)
    }

    /// Opens (and if need be creates or upgrades) the notebook.
    pub fn open(&self) -> Result<Notebook> {
        Ok(Notebook::open(&self.notebook_path()?)?)
    }

    pub fn style(&self) -> Style {
        Style { format: self.format, raw: false, bom: false, terminal: self.terminal }
    }

    pub fn stdout(&self) -> BufWriter<io::StdoutLock<'static>> {
        BufWriter::new(io::stdout().lock())
    }

    /// Prints rows in the chosen format.
    pub fn rows<I>(&self, columns: &[&str], rows: I) -> Result<()>
    where
        I: IntoIterator<Item = Vec<Cell>>,
    {
        let mut w = self.row_writer(columns)?;
        for r in rows {
            w.row(&r)?;
        }
        w.finish()?;
        Ok(())
    }

    /// A streaming writer to stdout; terminal tables show the columns a person reads first.
    pub fn row_writer(&self, columns: &[&str]) -> Result<RowWriter<BufWriter<io::StdoutLock<'static>>>> {
        Ok(RowWriter::new_for_people(self.stdout(), self.style(), columns, table_columns(columns))?)
    }

    /// Prints one object (a created or shown row).
    pub fn record(&self, fields: &[(&str, Cell)]) -> Result<()> {
        let mut out = write_record(self.stdout(), self.style(), fields)?;
        out.flush()?;
        Ok(())
    }

    /// Prints a shown object with its related rows: sections under headings for people, one
    /// JSON object with an array per section for programs, the object alone in CSV and TSV.
    pub fn show(&self, fields: &[(&str, Cell)], sections: &[Section<'_>]) -> Result<()> {
        match self.format {
            Format::Table | Format::Markdown => {
                self.record(fields)?;
                for s in sections {
                    self.heading(s.title)?;
                    self.rows(s.columns, s.rows.iter().cloned())?;
                }
                Ok(())
            }
            Format::Json | Format::Jsonl => {
                let mut map = serde_json::Map::new();
                for (name, cell) in fields {
                    map.insert(name.to_string(), crate::render::cell_json(cell));
                }
                for s in sections {
                    let rows: Vec<serde_json::Value> = s
                        .rows
                        .iter()
                        .map(|r| {
                            let obj: serde_json::Map<String, serde_json::Value> = s
                                .columns
                                .iter()
                                .zip(r)
                                .map(|(c, v)| (c.to_string(), crate::render::cell_json(v)))
                                .collect();
                            serde_json::Value::Object(obj)
                        })
                        .collect();
                    map.insert(s.key.to_string(), serde_json::Value::Array(rows));
                }
                let value = serde_json::Value::Object(map);
                let mut text = if self.format == Format::Json {
                    serde_json::to_string_pretty(&value)?
                } else {
                    serde_json::to_string(&value)?
                };
                if self.terminal {
                    text = crate::render::escape_controls(&text, true);
                }
                let mut out = self.stdout();
                writeln!(out, "{text}")?;
                out.flush()?;
                Ok(())
            }
            Format::Csv | Format::Tsv => self.record(fields),
        }
    }

    /// Prints a heading between sections of a `show`, for people only.
    pub fn heading(&self, text: &str) -> Result<()> {
        if self.format == Format::Table || self.format == Format::Markdown {
            let mut out = self.stdout();
            writeln!(out, "\n{text}")?;
            out.flush()?;
        }
        Ok(())
    }

    /// A message for people: on stderr, so that stdout stays parseable; silenced by --quiet.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{}", crate::render::escape_controls(text, false));
        }
    }
}

/// Carries an output error through the notebook's row callbacks.
pub fn io_err(e: std::io::Error) -> crate::notebook::Error {
    crate::notebook::Error::Io(format!(
        "{}{e}",
        if e.kind() == std::io::ErrorKind::BrokenPipe { "BROKEN_PIPE " } else { "" }
    ))
}

pub fn lift(e: crate::notebook::Error) -> anyhow::Error {
    match e {
        crate::notebook::Error::Io(m) if m.starts_with("BROKEN_PIPE") => {
            anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
        }
        other => other.into(),
    }
}

/// The columns a terminal table shows for the wide row types; `--format csv`, `json` and the
/// others always carry every column.
fn table_columns(columns: &[&str]) -> Option<&'static [&'static str]> {
    use crate::notebook::{articles::ArticleRow, claims::ClaimRow, figures::FigureRow, sources::SourceRow};
    if columns == ClaimRow::COLUMNS {
        Some(&[
            "id",
            "article_id",
            "quote",
            "text",
            "sources",
            "reliability",
            "credibility",
            "place",
            "when_text",
            "tags",
        ])
    } else if columns == ArticleRow::COLUMNS {
        Some(&["id", "title", "outlet", "published", "language", "chars", "near_duplicate_of", "claims"])
    } else if columns == SourceRow::COLUMNS {
        Some(&["id", "name", "kind", "affiliation", "named", "reliability", "reliability_label", "claims"])
    } else if columns == FigureRow::COLUMNS {
        Some(&[
            "id",
            "measure",
            "claim_id",
            "notation",
            "kind",
            "low",
            "high",
            "point",
            "sources",
            "reliability",
            "credibility",
            "weight",
            "superseded",
        ])
    } else {
        None
    }
}

/// Rows related to a shown object (a source's claims, a claim's links).
pub struct Section<'a> {
    pub title: &'a str,
    pub key: &'a str,
    pub columns: &'a [&'a str],
    pub rows: Vec<Vec<Cell>>,
}

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx {
        db: cli.db,
        format: cli.format.unwrap_or(Format::Table),
        format_given: cli.format.is_some(),
        quiet: cli.quiet,
        terminal: io::stdout().is_terminal(),
        stderr_terminal: io::stderr().is_terminal(),
    };
    match cli.command {
        Command::Init => notebook::init(&ctx),
        Command::Info => notebook::info(&ctx),
        Command::Check => notebook::check(&ctx),
        Command::Backup { file } => notebook::backup(&ctx, &file),
        Command::History(args) => notebook::history(&ctx, args),
        Command::Import(c) => import::run(&ctx, c),
        Command::Article(c) => article::run(&ctx, c),
        Command::Search(args) => search::run(&ctx, args),
        Command::Source(c) => source::run(&ctx, c),
        Command::Claim(c) => claim::run(&ctx, c),
        Command::Measure(c) => figure::measure(&ctx, c),
        Command::Figure(c) => figure::figure(&ctx, c),
        Command::Reconcile(args) => figure::reconcile(&ctx, args),
        Command::Export(args) => export::export(&ctx, args),
        Command::Demo => demo::run(&ctx),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = ctx.stdout();
            clap_complete::generate(shell, &mut cmd, "crosscheck", &mut out);
            out.flush()?;
            Ok(())
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut out = ctx.stdout();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            out.flush()?;
            Ok(())
        }
        Command::Merge { other } => export::merge(&ctx, &other),
    }
}
