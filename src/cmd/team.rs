//! `team init`, `team pull` and `team status`: the flags into one request, the use case in
//! `crate::team`, the rows to the renderer.

use anyhow::bail;

use super::{Need, Plan};
use crate::cli::{TeamCommand, TeamInitArgs};
use crate::render::{Cell, Columns, Record, Shape};
use crate::team::{self, InitRequest, Member, Paths, PullRow, StatusRow};

pub fn plan(command: TeamCommand) -> Plan {
    match command {
        TeamCommand::Init(args) => init(args),
        TeamCommand::Pull => pull(),
        TeamCommand::Status => status(),
    }
}

fn init(args: TeamInitArgs) -> Plan {
    let shape = Shape::Record(Columns::plain(&[
        "team",
        "me",
        "members",
        "team_file",
        "litestream_config",
        "command",
    ]));
    let force = args.force;
    let request = InitRequest {
        team: args.name,
        me: args.me,
        members: args.members.into_iter().map(|m| Member { name: m.name, replica: m.replica }).collect(),
        force,
    };
    // The notebook is created (or upgraded) first: the Litestream configuration names it.
    Plan::new("team init", Need::Write, shape, move |run| {
        let outputs = run.outputs(Some(force));
        let paths = Paths::of(run.nb()?.path())?;
        run.close();
        let done = team::init(&paths, &outputs, request)?;
        for note in &done.notes {
            run.out.note(note);
        }
        let command = done
            .command
            .as_ref()
            .map(|argv| shlex::try_join(argv.iter().map(String::as_str)).unwrap_or_else(|_| argv.join(" ")));
        let text = |v: &Option<String>| v.clone().map(Cell::text).unwrap_or(Cell::Null);
        run.out.record(&Record::of_fields(vec![
            ("team", Cell::text(done.team.clone())),
            ("me", text(&done.me)),
            ("members", Cell::Int(i64::try_from(done.members).unwrap_or(i64::MAX))),
            ("team_file", Cell::text(done.team_file.clone())),
            ("litestream_config", text(&done.litestream_config)),
            ("command", text(&command)),
        ]))?;
        match &command {
            Some(c) => run.out.note(&format!(
                "Replicate this notebook by running this as your own process or service (crosscheck never starts it): {c}"
            )),
            None => run.out.note(
                "No --me given: this notebook gathers the team's work with `team pull` but is not replicated.",
            ),
        }
        Ok(())
    })
}

fn pull() -> Plan {
    Plan::new("team pull", Need::Write, Shape::rows::<PullRow>(), |run| {
        let outputs = run.outputs(None);
        let nb = run.nb()?;
        let paths = Paths::of(nb.path())?;
        let file = team::load(&paths)?;
        let rows = team::pull(nb, &paths, &outputs, &file)?;
        run.close();
        for row in &rows {
            for note in &row.notes {
                run.out.note(&format!("{}: {note}", row.member));
            }
        }
        run.out.list(&rows, "no other member to pull from (the team file lists only this notebook)")?;
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
    })
}

fn status() -> Plan {
    Plan::new("team status", Need::Read, Shape::rows::<StatusRow>(), |run| {
        // Opened (and checked) only to know it is a notebook; the replicas are read without it.
        let path = run.nb()?.path().to_path_buf();
        run.close();
        let paths = Paths::of(&path)?;
        let file = team::load(&paths)?;
        let rows = team::status(&paths, &file);
        run.out.list(&rows, "the team has no member")?;
        let unread: Vec<String> =
            rows.iter().filter_map(|r| r.error.as_ref().map(|e| format!("{} ({e})", r.member))).collect();
        if !unread.is_empty() {
            bail!("{} replica(s) could not be read: {}", unread.len(), unread.join("; "));
        }
        Ok(())
    })
}
