//! `export TABLE` (streamed, to stdout or a file written whole or not at all) and `merge`.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{anyhow, Result};

use super::{io_err, lift, Ctx};
use crate::cli::{ExportArgs, ExportTable};
use crate::notebook::articles::ArticleRow;
use crate::notebook::claims::{for_each_claim, ClaimRow};
use crate::notebook::figures::{for_each_figure, FigureRow, MeasureRow, ReconciliationRow};
use crate::notebook::sources::SourceRow;
use crate::notebook::transfer::Tally;
use crate::notebook::HistoryRow;
use crate::render::{Format, RowWriter, Style};

/// Where an export goes: stdout, or a temporary file beside the target that replaces it only
/// when the export has finished, so a failed export never leaves half a file.
enum Sink {
    Stdout(BufWriter<std::io::StdoutLock<'static>>),
    File(BufWriter<tempfile::NamedTempFile>, std::path::PathBuf),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w, _) => w.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w, _) => w.flush(),
        }
    }
}

fn open_sink(out: Option<&Path>) -> Result<Sink> {
    match out {
        None => Ok(Sink::Stdout(BufWriter::new(std::io::stdout().lock()))),
        Some(path) => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => std::path::PathBuf::from("."),
            };
            if path.is_dir() {
                return Err(anyhow!(
                    "--out {} is a folder; give a file name such as claims.csv",
                    path.display()
                ));
            }
            let tmp = tempfile::NamedTempFile::new_in(&dir)
                .map_err(|e| anyhow!("--out {} cannot be written: {}", path.display(), short_io(&e)))?;
            Ok(Sink::File(BufWriter::with_capacity(1 << 16, tmp), path.to_path_buf()))
        }
    }
}

fn short_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "its folder does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn close_sink(sink: Sink) -> Result<()> {
    match sink {
        Sink::Stdout(mut w) => Ok(w.flush()?),
        Sink::File(w, path) => {
            let tmp =
                w.into_inner().map_err(|e| anyhow!("{} cannot be written: {}", path.display(), e.error()))?;
            tmp.persist(&path)
                .map_err(|e| anyhow!("{} cannot be written: {}", path.display(), short_io(&e.error)))?;
            Ok(())
        }
    }
}

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let format = if ctx.format_given { ctx.format } else { Format::Csv };
    let nb = ctx.open()?;
    let filter = super::claim::filter(&nb, &args.filter)?;
    let measure = filter.measure;
    let style = Style { format, raw: args.raw, bom: args.bom, terminal: ctx.terminal && args.out.is_none() };
    let sink = open_sink(args.out.as_deref())?;
    let sink = match args.table {
        ExportTable::Claims => {
            let mut w = RowWriter::new(sink, style, ClaimRow::COLUMNS)?;
            if crate::notebook::claims::is_broad(&filter) && matches!(format, Format::Csv | Format::Tsv) {
                // The common export of everything: written from SQLite's rows without copies.
                crate::notebook::claims::for_each_claim_cells(&nb.conn, &filter, |f| {
                    w.fields(f).map_err(io_err)
                })
                .map_err(lift)?;
            } else {
                for_each_claim(&nb.conn, &filter, |c| w.row(&c.into_cells()).map_err(io_err))
                    .map_err(lift)?;
            }
            w.finish()?
        }
        ExportTable::Figures => {
            let mut w = RowWriter::new(sink, style, FigureRow::COLUMNS)?;
            for_each_figure(&nb.conn, measure, None, None, |f| w.row(&f.cells()).map_err(io_err))
                .map_err(lift)?;
            w.finish()?
        }
        ExportTable::Articles => {
            write_all(sink, style, ArticleRow::COLUMNS, nb.articles()?.iter().map(ArticleRow::cells))?
        }
        ExportTable::Sources => {
            write_all(sink, style, SourceRow::COLUMNS, nb.sources()?.iter().map(SourceRow::cells))?
        }
        ExportTable::Measures => {
            write_all(sink, style, MeasureRow::COLUMNS, nb.measures()?.iter().map(MeasureRow::cells))?
        }
        ExportTable::Reconciliations => {
            let key = args.filter.measure.as_deref();
            write_all(
                sink,
                style,
                ReconciliationRow::COLUMNS,
                nb.reconciliations(key)?.iter().map(ReconciliationRow::cells),
            )?
        }
        ExportTable::History => write_all(
            sink,
            style,
            HistoryRow::COLUMNS,
            nb.history(None, None)?.iter().map(HistoryRow::cells),
        )?,
    };
    let target = match &sink {
        Sink::File(_, p) => Some(p.clone()),
        Sink::Stdout(_) => None,
    };
    close_sink(sink)?;
    if let Some(p) = target {
        ctx.note(&format!("wrote {}", p.display()));
    }
    Ok(())
}

fn write_all<I>(sink: Sink, style: Style, columns: &[&str], rows: I) -> Result<Sink>
where
    I: IntoIterator<Item = Vec<crate::render::Cell>>,
{
    let mut w = RowWriter::new(sink, style, columns)?;
    for r in rows {
        w.row(&r)?;
    }
    Ok(w.finish()?)
}

pub fn print_tally(ctx: &Ctx, tally: &Tally) -> Result<()> {
    let rows = tally.rows.iter().map(|(t, added, already)| {
        vec![
            crate::render::Cell::text(*t),
            crate::render::Cell::Int(*added as i64),
            crate::render::Cell::Int(*already as i64),
        ]
    });
    ctx.rows(&["table", "added", "already_there"], rows)
}

pub fn merge(ctx: &Ctx, other: &Path) -> Result<()> {
    let mut nb = ctx.open()?;
    let tally = nb.merge_from(other)?;
    print_tally(ctx, &tally)
}
