//! `team init`, `team pull` and `team status`: the flags into one request, the use case in
//! `crate::team`, the rows to the renderer.

use anyhow::{bail, Result};

use super::{columns, Ctx};
use crate::cli::{TeamCommand, TeamInitArgs};
use crate::notebook::Access;
use crate::render::Cell;
use crate::team::{self, InitRequest, Member, Paths};

pub fn run(ctx: &Ctx, command: TeamCommand) -> Result<()> {
    match command {
        TeamCommand::Init(args) => init(ctx, args),
        TeamCommand::Pull => pull(ctx),
        TeamCommand::Status => status(ctx),
    }
}

fn init(ctx: &Ctx, args: TeamInitArgs) -> Result<()> {
    let request = InitRequest {
        team: args.name,
        me: args.me,
        members: args.members.into_iter().map(|m| Member { name: m.name, replica: m.replica }).collect(),
        force: args.force,
    };
    let force = args.force;
    // The notebook is created (or upgraded) first: the Litestream configuration names it.
    let nb = ctx.open(Access::Write)?;
    let paths = Paths::of(nb.path())?;
    drop(nb);
    let done = team::init(&paths, &ctx.outputs(Some(force)), request)?;
    for note in &done.notes {
        ctx.note(note);
    }
    let command = done
        .command
        .as_ref()
        .map(|argv| shlex::try_join(argv.iter().map(String::as_str)).unwrap_or_else(|_| argv.join(" ")));
    ctx.record(&[
        ("team", Cell::text(done.team.clone())),
        ("me", done.me.clone().map(Cell::text).unwrap_or(Cell::Null)),
        ("members", Cell::Int(i64::try_from(done.members).unwrap_or(i64::MAX))),
        ("team_file", Cell::text(done.team_file.clone())),
        ("litestream_config", done.litestream_config.clone().map(Cell::text).unwrap_or(Cell::Null)),
        ("command", command.clone().map(Cell::text).unwrap_or(Cell::Null)),
    ])?;
    match &command {
        Some(c) => ctx.note(&format!(
            "Replicate this notebook by running, as your own process or service (crosscheck never starts it):\n  {c}"
        )),
        None => ctx.note("No --me given: this notebook gathers the team's work with `team pull` but is not replicated."),
    }
    Ok(())
}

fn pull(ctx: &Ctx) -> Result<()> {
    ctx.check_columns(&columns::TEAM_PULL)?;
    let mut nb = ctx.open(Access::Write)?;
    let paths = Paths::of(nb.path())?;
    let file = team::load(&paths)?;
    let rows = team::pull(&mut nb, &paths, &ctx.outputs(None), &file)?;
    drop(nb);
    for row in &rows {
        for note in &row.notes {
            ctx.note(&format!("{}: {note}", row.member));
        }
    }
    ctx.list(
        &columns::TEAM_PULL,
        rows.iter(),
        "no other member to pull from (the team file lists only this notebook)",
    )?;
    let failed: Vec<String> = rows
        .iter()
        .filter(|r| r.status != "merged")
        .map(|r| format!("{} ({})", r.member, r.error.as_deref().unwrap_or(&r.status)))
        .collect();
    if !failed.is_empty() {
        let others = if failed.len() < rows.len() { "; the others were merged" } else { "" };
        bail!(
            "{} of {} member(s) could not be merged: {}{others}",
            failed.len(),
            rows.len(),
            failed.join("; ")
        );
    }
    Ok(())
}

fn status(ctx: &Ctx) -> Result<()> {
    ctx.check_columns(&columns::TEAM_STATUS)?;
    let path = ctx.notebook_path()?;
    let nb = ctx.open(Access::Read)?;
    drop(nb);
    let paths = Paths::of(&path)?;
    let file = team::load(&paths)?;
    let rows = team::status(&paths, &file);
    ctx.list(&columns::TEAM_STATUS, rows.iter(), "the team has no member")?;
    let unread: Vec<String> =
        rows.iter().filter_map(|r| r.error.as_ref().map(|e| format!("{} ({e})", r.member))).collect();
    if !unread.is_empty() {
        bail!("{} replica(s) could not be read: {}", unread.len(), unread.join("; "));
    }
    Ok(())
}
