//! `source add|list|show|edit|rate|merge|alias`.

use super::{Need, Plan};
use crate::cli::{AliasCommand, SourceCommand};
use crate::notebook::sources::{AliasRow, SourceFields, SourceRow};
use crate::render::{Record, Shape};
use crate::usecase::sources::{self as uses, SOURCE_SECTIONS};

pub fn plan(c: SourceCommand) -> Plan {
    let record = || Shape::record::<SourceRow>(&[]);
    match c {
        SourceCommand::Add { name, kind, reliability, affiliation, anonymous, note } => {
            let fields =
                SourceFields { name: None, kind: Some(kind), affiliation, named: Some(!anonymous), note };
            Plan::new("source add", Need::Write, record(), move |run| {
                let row = uses::add_source(run.nb()?, &name, &fields, reliability)?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        SourceCommand::List => Plan::new("source list", Need::Read, Shape::rows::<SourceRow>(), |run| {
            let rows = uses::list_sources(run.nb()?)?;
            run.out.list(&rows, "no sources yet; `crosscheck source add NAME --kind KIND` adds one")
        }),
        SourceCommand::Show { source } => {
            Plan::new("source show", Need::Read, Shape::record::<SourceRow>(SOURCE_SECTIONS), move |run| {
                let record = uses::show_source(run.nb()?, &source)?;
                run.out.record(&record)
            })
        }
        SourceCommand::Edit { source, name, kind, affiliation, anonymous, named, note } => {
            let named = if anonymous { Some(false) } else { named.then_some(true) };
            let fields = SourceFields { name, kind, affiliation, named, note };
            Plan::new("source edit", Need::Write, record(), move |run| {
                let row = uses::edit_source(run.nb()?, &source, &fields)?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        SourceCommand::Rate { source, grade, why } => {
            let shape = Shape::record::<SourceRow>(&["previous_reliability"]);
            Plan::new("source rate", Need::Write, shape, move |run| {
                let rated = uses::rate_source(run.nb()?, &source, grade, &why)?;
                let row = &rated.row;
                run.out.note(&format!(
                    "source #{} '{}' is now rated {grade} (was {})",
                    row.id, row.name, rated.before
                ));
                run.out.created(row.id, &rated.record()?)
            })
        }
        SourceCommand::Merge { from, into } => Plan::new("source merge", Need::Write, record(), move |run| {
            let (row, from_id, into_id) = uses::merge_sources(run.nb()?, &from, &into)?;
            run.out.note(&format!("merged source #{from_id} into #{into_id}; its name is kept as an alias"));
            run.out.created(row.id, &Record::of(&row)?)
        }),
        SourceCommand::Alias(a) => alias(a),
    }
}

fn alias(a: AliasCommand) -> Plan {
    match a {
        AliasCommand::Add { source, alias } => {
            Plan::new("source alias add", Need::Write, Shape::record::<AliasRow>(&[]), move |run| {
                let row = uses::add_alias(run.nb()?, &source, &alias)?;
                run.out.created(row.source_id, &Record::of(&row)?)
            })
        }
        AliasCommand::Rm { source, alias } => {
            Plan::new("source alias rm", Need::Write, Shape::Nothing, move |run| {
                let id = uses::remove_alias(run.nb()?, &source, &alias)?;
                run.out.note(&format!("'{}' is no longer a name of source #{id}", alias.trim()));
                Ok(())
            })
        }
        AliasCommand::List { source } => {
            Plan::new("source alias list", Need::Read, Shape::rows::<AliasRow>(), move |run| {
                let rows = uses::list_aliases(run.nb()?, source.as_deref())?;
                run.out.list(&rows, "no aliases; `crosscheck source alias add SOURCE NAME` adds one")
            })
        }
    }
}
