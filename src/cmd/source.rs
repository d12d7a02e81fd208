//! `source add|list|show|edit|rate|merge|alias`: one function a command.

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::{AliasCommand, SourceCommand};
use crate::notebook::claims::{ClaimFilter, ClaimRow};
use crate::notebook::sources::{AliasRow, SourceFields, SourceRow};
use crate::ratings::Reliability;
use crate::render::{Cell, Record, Shape};

pub fn plan(c: SourceCommand) -> Plan {
    let record = || Shape::record::<SourceRow>(&[]);
    match c {
        SourceCommand::Add { name, kind, reliability, affiliation, anonymous, note } => {
            let fields =
                SourceFields { name: None, kind: Some(kind), affiliation, named: Some(!anonymous), note };
            Plan::new("source add", Need::Write, record(), move |run| add(run, &name, &fields, reliability))
        }
        SourceCommand::List => Plan::new("source list", Need::Read, Shape::rows::<SourceRow>(), |run| {
            let out = run.out;
            let rows = run.nb()?.sources()?;
            out.list(&rows, "no sources yet; `crosscheck source add NAME --kind KIND` adds one")
        }),
        SourceCommand::Show { source } => {
            // The source, then its rating history and its claims.
            let shape = Shape::record::<SourceRow>(&["rating_history", "claims_list"]);
            Plan::new("source show", Need::Read, shape, move |run| show(run, &source))
        }
        SourceCommand::Edit { source, name, kind, affiliation, anonymous, named, note } => {
            let named = if anonymous { Some(false) } else { named.then_some(true) };
            let fields = SourceFields { name, kind, affiliation, named, note };
            Plan::new("source edit", Need::Write, record(), move |run| edit(run, &source, &fields))
        }
        SourceCommand::Rate { source, grade, why } => {
            let shape = Shape::record::<SourceRow>(&["previous_reliability"]);
            Plan::new("source rate", Need::Write, shape, move |run| rate(run, &source, grade, &why))
        }
        SourceCommand::Merge { from, into } => {
            Plan::new("source merge", Need::Write, record(), move |run| merge(run, &from, &into))
        }
        SourceCommand::Alias(a) => alias(a),
    }
}

fn add(run: &mut Run<'_>, name: &str, fields: &SourceFields, reliability: Option<Reliability>) -> Result<()> {
    let row = run.nb()?.add_source(name, fields, reliability)?;
    run.out.created(row.id, &Record::of(&row)?)
}

fn show(run: &mut Run<'_>, source: &str) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
    let id = nb.resolve_source(source)?;
    let row = nb.source(id)?;
    let history = nb.rating_history(id)?;
    let claims: Vec<ClaimRow> = nb.claims(&ClaimFilter { source: Some(id), ..Default::default() })?;
    let record = Record::of(&row)?
        .section("rating_history", "Rating history", &history, "never rated: F, not judged")?
        .section("claims_list", "Claims", &claims, "no claims attributed to this source")?;
    out.record(&record)
}

fn edit(run: &mut Run<'_>, source: &str, fields: &SourceFields) -> Result<()> {
    let nb = run.nb()?;
    let id = nb.resolve_source(source)?;
    let row = nb.edit_source(id, fields)?;
    run.out.created(row.id, &Record::of(&row)?)
}

fn rate(run: &mut Run<'_>, source: &str, grade: Reliability, why: &str) -> Result<()> {
    let nb = run.nb()?;
    let id = nb.resolve_source(source)?;
    let (row, before) = nb.rate_source(id, grade, why)?;
    run.out.note(&format!("source #{id} '{}' is now rated {grade} (was {before})", row.name));
    run.out.created(row.id, &Record::of(&row)?.with("previous_reliability", Cell::text(before.letter())))
}

fn merge(run: &mut Run<'_>, from: &str, into: &str) -> Result<()> {
    let nb = run.nb()?;
    let from_id = nb.resolve_source(from)?;
    let into_id = nb.resolve_source(into)?;
    let row = nb.merge_sources(from_id, into_id)?;
    run.out.note(&format!("merged source #{from_id} into #{into_id}; its name is kept as an alias"));
    run.out.created(row.id, &Record::of(&row)?)
}

fn alias(a: AliasCommand) -> Plan {
    match a {
        AliasCommand::Add { source, alias } => {
            Plan::new("source alias add", Need::Write, Shape::record::<AliasRow>(&[]), move |run| {
                let nb = run.nb()?;
                let id = nb.resolve_source(&source)?;
                let row = nb.add_alias(id, &alias)?;
                run.out.created(id, &Record::of(&row)?)
            })
        }
        AliasCommand::Rm { source, alias } => {
            Plan::new("source alias rm", Need::Write, Shape::Nothing, move |run| {
                let nb = run.nb()?;
                let id = nb.resolve_source(&source)?;
                nb.remove_alias(id, &alias)?;
                run.out.note(&format!("'{}' is no longer a name of source #{id}", alias.trim()));
                Ok(())
            })
        }
        AliasCommand::List { source } => {
            Plan::new("source alias list", Need::Read, Shape::rows::<AliasRow>(), move |run| {
                let out = run.out;
                let nb = run.nb()?;
                let id = source.as_deref().map(|s| nb.resolve_source(s)).transpose()?;
                let rows = nb.aliases(id)?;
                out.list(&rows, "no aliases; `crosscheck source alias add SOURCE NAME` adds one")
            })
        }
    }
}
