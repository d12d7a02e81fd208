//! `init`, `info`, `check`, `backup`, `history`, `completions` and `man`: the notebook as a
//! whole, and the command line describing itself.

use std::path::PathBuf;

use anyhow::{bail, Result};

use super::{Need, Plan};
use crate::cli::{Cli, HistoryArgs, ManArgs};
use crate::notebook::history::HistoryRow;
use crate::notebook::maintenance::Info;
use crate::notebook::Error;
use crate::render::{Columns, Record, Shape};
use crate::usecase::notebook as uses;

pub fn init() -> Plan {
    let shape = Shape::Record(Columns::plain(uses::INIT_FIELDS));
    Plan::new("init", Need::Write, shape, |run| {
        let record = uses::init(run.nb()?)?;
        run.out.record(&record)
    })
}

pub fn info() -> Plan {
    Plan::new("info", Need::Read, Shape::record::<Info>(&[]), |run| {
        let info = uses::info(run.nb()?)?;
        run.out.record(&Record::of(&info)?)
    })
}

pub fn check(repair: bool) -> Plan {
    let need = if repair { Need::Write } else { Need::Read };
    Plan::new("check", need, Shape::Text, move |run| {
        let out = run.out;
        let nb = run.nb()?;
        let checked = uses::check(nb, repair)?;
        if let Some(n) = checked.rebuilt {
            out.note(&format!("rebuilt the search index of {n} article(s) and claim(s) and every name key"));
        }
        let problems = checked.problems;
        if problems.is_empty() {
            out.note(&format!(
                "{}: no problems found (integrity, foreign keys, values, hashes, spans, search index)",
                nb.path().display()
            ));
            return Ok(());
        }
        out.lines(&problems)?;
        bail!("the notebook has {} problem(s), listed above; `crosscheck check --repair` mends the search index and the sums above each measure, a backup the rest", problems.len())
    })
}

pub fn backup(file: PathBuf) -> Plan {
    Plan::new("backup", Need::Read, Shape::Nothing, move |run| {
        let nb = run.nb()?;
        uses::backup(nb, &file)?;
        let line = format!("copied {} to {}", nb.path().display(), file.display());
        run.out.note(&line);
        Ok(())
    })
}

pub fn history(args: HistoryArgs) -> Plan {
    Plan::new("history", Need::Read, Shape::rows::<HistoryRow>(), move |run| {
        let out = run.out;
        let mut w = out.rows::<HistoryRow>("no history yet: nothing has been changed or removed");
        uses::history(run.nb()?, args.table, args.id, |row| w.row(&row).map_err(Error::Output))?;
        w.finish()
    })
}

pub fn completions(shell: clap_complete::Shell) -> Plan {
    Plan::new("completions", Need::Nothing, Shape::Text, move |run| {
        let mut cmd = <Cli as clap::CommandFactory>::command();
        // Generated into memory first: the generator panics on a closed pipe, so the bytes are
        // written by us, where a closed pipe is an ordinary error.
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd, "crosscheck", &mut buf);
        run.out.bytes(&buf)
    })
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

pub fn man(args: ManArgs) -> Plan {
    Plan::new("man", Need::Nothing, Shape::Text, move |run| {
        let mut root = <Cli as clap::CommandFactory>::command();
        root.build();
        let mut all = Vec::new();
        pages(&root, "", &mut all);
        if let Some(dir) = &args.out {
            let outputs = run.outputs(Some(args.force));
            let folder = outputs.folder(dir, "man pages").map_err(anyhow::Error::msg)?;
            for (name, cmd) in &all {
                run.out.file(folder.file(&format!("{name}.1")), &render_page(cmd.clone(), name)?)?;
            }
            run.out.note(&format!("wrote {} man pages into {}", all.len(), dir.display()));
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
        run.out.bytes(&render_page(cmd, &name)?)
    })
}
