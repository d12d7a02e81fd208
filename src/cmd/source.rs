//! `source add|list|show|edit|rate|merge`.

use anyhow::Result;

use super::{Ctx, Section};
use crate::cli::SourceCommand;
use crate::notebook::claims::{ClaimFilter, ClaimRow};
use crate::notebook::sources::{RatingRow, SourceFields, SourceRow};
use crate::ratings::{parse_kind, Reliability};

fn print_source(ctx: &Ctx, row: &SourceRow) -> Result<()> {
    let fields: Vec<(&str, _)> = SourceRow::COLUMNS.iter().copied().zip(row.cells()).collect();
    ctx.record(&fields)
}

pub fn run(ctx: &Ctx, c: SourceCommand) -> Result<()> {
    match c {
        SourceCommand::Add { name, kind, reliability, affiliation, anonymous, note } => {
            let kind = parse_kind(&kind).map_err(anyhow::Error::msg)?;
            let reliability = reliability
                .as_deref()
                .map(str::parse::<Reliability>)
                .transpose()
                .map_err(anyhow::Error::msg)?;
            let fields = SourceFields {
                name: Some(name),
                kind: Some(kind),
                affiliation: affiliation.filter(|a| !a.trim().is_empty()),
                named: Some(!anonymous),
                note: note.filter(|n| !n.trim().is_empty()),
            };
            let mut nb = ctx.open()?;
            let row = nb.add_source(&fields, reliability)?;
            print_source(ctx, &row)
        }
        SourceCommand::List => {
            let nb = ctx.open()?;
            let rows = nb.sources()?;
            ctx.rows(SourceRow::COLUMNS, rows.iter().map(SourceRow::cells))
        }
        SourceCommand::Show { source } => {
            let nb = ctx.open()?;
            let id = nb.resolve_source(&source)?;
            let row = nb.source(id)?;
            let fields: Vec<(&str, _)> = SourceRow::COLUMNS.iter().copied().zip(row.cells()).collect();
            let history = nb.rating_history(id)?;
            let claims = nb.claims(&ClaimFilter { source: Some(id), ..Default::default() })?;
            ctx.show(
                &fields,
                &[
                    Section {
                        title: "Rating history",
                        key: "rating_history",
                        columns: RatingRow::COLUMNS,
                        rows: history.iter().map(RatingRow::cells).collect(),
                    },
                    Section {
                        title: "Claims",
                        key: "claims_list",
                        columns: ClaimRow::COLUMNS,
                        rows: claims.iter().map(ClaimRow::cells).collect(),
                    },
                ],
            )
        }
        SourceCommand::Edit { source, name, kind, affiliation, anonymous, named, note } => {
            let kind = kind.as_deref().map(parse_kind).transpose().map_err(anyhow::Error::msg)?;
            let fields = SourceFields {
                name,
                kind,
                affiliation,
                named: if anonymous {
                    Some(false)
                } else if named {
                    Some(true)
                } else {
                    None
                },
                note,
            };
            let mut nb = ctx.open()?;
            let id = nb.resolve_source(&source)?;
            let row = nb.edit_source(id, &fields)?;
            print_source(ctx, &row)
        }
        SourceCommand::Rate { source, grade, why } => {
            let grade: Reliability = grade.parse().map_err(anyhow::Error::msg)?;
            let mut nb = ctx.open()?;
            let id = nb.resolve_source(&source)?;
            let row = nb.rate_source(id, grade, &why)?;
            print_source(ctx, &row)
        }
        SourceCommand::Merge { from, into } => {
            let mut nb = ctx.open()?;
            let from_id = nb.resolve_source(&from)?;
            let into_id = nb.resolve_source(&into)?;
            let row = nb.merge_sources(from_id, into_id)?;
            ctx.note(&format!("merged source #{from_id} into #{into_id}"));
            print_source(ctx, &row)
        }
    }
}
