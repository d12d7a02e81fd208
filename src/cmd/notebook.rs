//! `init`, `info`, `check`, `backup` and `history`: the notebook as a whole.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};

use super::Ctx;
use crate::cli::HistoryArgs;
use crate::notebook::{parse_id, HistoryRow};
use crate::render::{Cell, Format};

pub fn init(ctx: &Ctx) -> Result<()> {
    let nb = ctx.open()?;
    let path = nb.path.display().to_string();
    if ctx.format == Format::Table {
        let mut out = ctx.stdout();
        writeln!(out, "{path}")?;
        out.flush()?;
        Ok(())
    } else {
        ctx.record(&[("path", Cell::text(path)), ("schema_version", Cell::Int(nb.schema_version()?))])
    }
}

pub fn info(ctx: &Ctx) -> Result<()> {
    let nb = ctx.open()?;
    let size = std::fs::metadata(&nb.path).map(|m| m.len() as i64).unwrap_or(0);
    let mut fields = vec![
        ("path", Cell::text(nb.path.display().to_string())),
        ("schema_version", Cell::Int(nb.schema_version()?)),
        ("size_bytes", Cell::Int(size)),
    ];
    for (table, n) in nb.counts()? {
        fields.push((table, Cell::Int(n)));
    }
    ctx.record(&fields)
}

pub fn check(ctx: &Ctx) -> Result<()> {
    let nb = ctx.open()?;
    let problems = nb.check()?;
    if problems.is_empty() {
        ctx.note(&format!(
            "{}: no problems found (integrity, foreign keys, search index)",
            nb.path.display()
        ));
        return Ok(());
    }
    let mut out = ctx.stdout();
    for p in &problems {
        writeln!(out, "{}", crate::render::escape_controls(p, false))?;
    }
    out.flush()?;
    bail!(
        "the notebook has {} problem(s), listed above; restore from a backup or report them",
        problems.len()
    )
}

pub fn backup(ctx: &Ctx, file: &Path) -> Result<()> {
    let nb = ctx.open()?;
    nb.backup_to(file)?;
    ctx.note(&format!("copied {} to {}", nb.path.display(), file.display()));
    Ok(())
}

pub fn history(ctx: &Ctx, args: HistoryArgs) -> Result<()> {
    let nb = ctx.open()?;
    let id = args.id.as_deref().map(|i| parse_id(i, "row")).transpose()?;
    let rows = nb.history(args.table.as_deref(), id)?;
    ctx.rows(HistoryRow::COLUMNS, rows.iter().map(HistoryRow::cells))
}
