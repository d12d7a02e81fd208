//! `source add|list|show|edit|rate|merge|alias`: one function a command.

use anyhow::Result;

use super::{columns, Ctx, Section};
use crate::cli::{AliasCommand, SourceCommand};
use crate::notebook::claims::ClaimFilter;
use crate::notebook::sources::SourceFields;
use crate::notebook::{Access, Notebook};
use crate::ratings::Reliability;
use crate::render::Cell;
use crate::vocab::SourceKind;

pub fn run(ctx: &Ctx, c: SourceCommand, access: Access) -> Result<()> {
    match c {
        SourceCommand::Add { name, kind, reliability, affiliation, anonymous, note } => {
            add(ctx, &name, kind, reliability, affiliation, anonymous, note)
        }
        SourceCommand::List => list(ctx, access),
        SourceCommand::Show { source } => show(ctx, &source, access),
        SourceCommand::Edit { source, name, kind, affiliation, anonymous, named, note } => {
            let named = if anonymous { Some(false) } else { named.then_some(true) };
            edit(ctx, &source, SourceFields { name, kind, affiliation, named, note })
        }
        SourceCommand::Rate { source, grade, why } => rate(ctx, &source, grade, &why),
        SourceCommand::Merge { from, into } => merge(ctx, &from, &into),
        SourceCommand::Alias(a) => alias(ctx, a, access),
    }
}

fn add(
    ctx: &Ctx,
    name: &str,
    kind: SourceKind,
    reliability: Option<Reliability>,
    affiliation: Option<String>,
    anonymous: bool,
    note: Option<String>,
) -> Result<()> {
    let fields = SourceFields { name: None, kind: Some(kind), affiliation, named: Some(!anonymous), note };
    let row = ctx.open(Access::Write)?.add_source(name, &fields, reliability)?;
    ctx.created(row.id, &row, &[])
}

fn list(ctx: &Ctx, access: Access) -> Result<()> {
    ctx.check_columns(&columns::SOURCES)?;
    let rows = ctx.open(access)?.sources()?;
    ctx.list(&columns::SOURCES, rows, "no sources yet; `crosscheck source add NAME --kind KIND` adds one")
}

fn show(ctx: &Ctx, source: &str, access: Access) -> Result<()> {
    let mut nb = ctx.open(access)?;
    let id = nb.resolve_source(source)?;
    let row = nb.source(id)?;
    let history = nb.rating_history(id)?;
    let claims = nb.claims(&ClaimFilter { source: Some(id), ..Default::default() })?;
    ctx.show(
        &crate::render::cells_of(&row)?,
        &[
            Section::of(
                "Rating history",
                "rating_history",
                &columns::RATINGS,
                &history,
                "never rated: F, not judged",
            )?,
            Section::of(
                "Claims",
                "claims_list",
                &columns::CLAIMS,
                &claims,
                "no claims attributed to this source",
            )?,
        ],
    )
}

fn edit(ctx: &Ctx, source: &str, fields: SourceFields) -> Result<()> {
    let mut nb = ctx.open(Access::Write)?;
    let id = nb.resolve_source(source)?;
    let row = nb.edit_source(id, &fields)?;
    ctx.created(row.id, &row, &[])
}

fn rate(ctx: &Ctx, source: &str, grade: Reliability, why: &str) -> Result<()> {
    let mut nb = ctx.open(Access::Write)?;
    let id = nb.resolve_source(source)?;
    let (row, before) = nb.rate_source(id, grade, why)?;
    ctx.note(&format!("source #{id} '{}' is now rated {grade} (was {before})", row.name));
    ctx.created(row.id, &row, &[("previous_reliability", Cell::text(before.letter()))])
}

fn merge(ctx: &Ctx, from: &str, into: &str) -> Result<()> {
    let mut nb = ctx.open(Access::Write)?;
    let from_id = resolve(&nb, from)?;
    let into_id = resolve(&nb, into)?;
    let row = nb.merge_sources(from_id, into_id)?;
    ctx.note(&format!("merged source #{from_id} into #{into_id}; its name is kept as an alias"));
    ctx.created(row.id, &row, &[])
}

fn resolve(nb: &Notebook, given: &str) -> Result<i64> {
    Ok(nb.resolve_source(given)?)
}

fn alias(ctx: &Ctx, a: AliasCommand, access: Access) -> Result<()> {
    let mut nb = ctx.open(access)?;
    match a {
        AliasCommand::Add { source, alias } => {
            let id = nb.resolve_source(&source)?;
            let row = nb.add_alias(id, &alias)?;
            ctx.created(id, &row, &[])
        }
        AliasCommand::Rm { source, alias } => {
            let id = nb.resolve_source(&source)?;
            nb.remove_alias(id, &alias)?;
            ctx.note(&format!("'{}' is no longer a name of source #{id}", alias.trim()));
            Ok(())
        }
        AliasCommand::List { source } => {
            ctx.check_columns(&columns::ALIASES)?;
            let id = source.as_deref().map(|s| nb.resolve_source(s)).transpose()?;
            let rows = nb.aliases(id)?;
            ctx.list(
                &columns::ALIASES,
                rows,
                "no aliases; `crosscheck source alias add SOURCE NAME` adds one",
            )
        }
    }
}
