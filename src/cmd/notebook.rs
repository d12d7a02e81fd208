//! `init`, `info`, `check`, `backup`, `history`, `completions` and `man`: the notebook as a
//! whole, and the command line describing itself.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};

use super::{columns, Ctx};
use crate::cli::{Cli, HistoryArgs, ManArgs};
use crate::notebook::Access;
use crate::render::{Cell, Format};

pub fn init(ctx: &Ctx) -> Result<()> {
    let nb = ctx.open(Access::Write)?;
    let path = nb.path().display().to_string();
    if ctx.format == Format::Table {
        let mut out = ctx.stdout();
        writeln!(out, "{}", crate::render::escape_line(&path))?;
        out.flush()?;
        Ok(())
    } else {
        ctx.record(&[("path", Cell::text(path)), ("schema_version", Cell::Int(nb.schema_version()?))])
    }
}

pub fn info(ctx: &Ctx) -> Result<()> {
    ctx.check_columns(&columns::INFO)?;
    let mut nb = ctx.open(Access::Read)?;
    let info = nb.info()?;
    ctx.record(&crate::render::cells_of(&info)?)
}

pub fn check(ctx: &Ctx, repair: bool) -> Result<()> {
    let mut nb = ctx.open(if repair { Access::Write } else { Access::Read })?;
    if repair {
        let n = nb.repair()?;
        ctx.note(&format!("rebuilt the search index of {n} article(s) and claim(s) and every name key"));
    }
    let problems = nb.check()?;
    if problems.is_empty() {
        ctx.note(&format!(
            "{}: no problems found (integrity, foreign keys, values, hashes, spans, search index)",
            nb.path().display()
        ));
        return Ok(());
    }
    let mut out = ctx.stdout();
    for p in &problems {
        writeln!(out, "{}", crate::render::escape_line(p))?;
    }
    out.flush()?;
    bail!("the notebook has {} problem(s), listed above; `crosscheck check --repair` mends the search index, a backup the rest", problems.len())
}

pub fn backup(ctx: &Ctx, file: &Path) -> Result<()> {
    let nb = ctx.open(Access::Read)?;
    nb.backup_to(file)?;
    ctx.note(&format!("copied {} to {}", nb.path().display(), file.display()));
    Ok(())
}

pub fn history(ctx: &Ctx, args: HistoryArgs) -> Result<()> {
    ctx.check_columns(&columns::HISTORY)?;
    let mut nb = ctx.open(Access::Read)?;
    let mut w = ctx.writer(&columns::HISTORY, "no history yet: nothing has been changed or removed")?;
    nb.history(args.table, args.id, |row| w.row(&row).map_err(crate::notebook::Error::Output))?;
    w.finish()?;
    Ok(())
}

pub fn completions(ctx: &Ctx, shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    // Generated into memory first: the generator panics on a closed pipe, so the bytes are
    // written by us, where a closed pipe is an ordinary error.
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "crosscheck", &mut buf);
    let mut out = ctx.stdout();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(())
}

/// Every command with its full name (`claim add` is `crosscheck-claim-add`), depth first.
fn pages(cmd: &clap::Command, prefix: &str, out: &mut Vec<(String, clap::Command)>) {
    let name =
        if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{prefix}-{}", cmd.get_name()) };
    out.push((name.clone(), cmd.clone()));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        pages(sub, &name, out);
    }
}

fn render_page(cmd: clap::Command, name: &str) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    let cmd = cmd.name(name.to_string()).bin_name(name.replace('-', " "));
    clap_mangen::Man::new(cmd).render(&mut buf)?;
    Ok(buf)
}

pub fn man(ctx: &Ctx, args: ManArgs) -> Result<()> {
    let mut root = <Cli as clap::CommandFactory>::command();
    root.build();
    let mut all = Vec::new();
    pages(&root, "", &mut all);
    if let Some(dir) = &args.out {
        let outputs = ctx.outputs(Some(args.force));
        let folder = outputs.folder(dir, "man pages").map_err(anyhow::Error::msg)?;
        for (name, cmd) in &all {
            let mut file = folder.file(&format!("{name}.1")).map_err(anyhow::Error::msg)?;
            file.write_all(&render_page(cmd.clone(), name)?)?;
            for note in file.finish()? {
                ctx.note(&note);
            }
        }
        ctx.note(&format!("wrote {} man pages into {}", all.len(), dir.display()));
        return Ok(());
    }
    let wanted = if args.command.is_empty() {
        "crosscheck".to_string()
    } else {
        format!("crosscheck-{}", args.command.join("-"))
    };
    let Some((name, cmd)) = all.into_iter().find(|(n, _)| *n == wanted) else {
        bail!("there is no command '{}'; `crosscheck --help` lists them", args.command.join(" "));
    };
    let mut out = ctx.stdout();
    out.write_all(&render_page(cmd, &name)?)?;
    out.flush()?;
    Ok(())
}
