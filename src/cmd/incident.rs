//! `incident add|list|show|edit|rm`: events with their dates, place and precision codes, the
//! measures that count them and the claims about them.

use anyhow::Result;

use super::{columns, Ctx, Section};
use crate::cli::{IncidentAddArgs, IncidentCommand, IncidentEditArgs};
use crate::events::Span;
use crate::notebook::incidents::{IncidentEdit, NewIncident};
use crate::notebook::{Access, Error};

pub fn run(ctx: &Ctx, c: IncidentCommand, access: Access) -> Result<()> {
    match c {
        IncidentCommand::Add(args) => add(ctx, args, access),
        IncidentCommand::List => {
            ctx.check_columns(&columns::INCIDENTS)?;
            let rows = ctx.open(access)?.incidents()?;
            ctx.list(
                &columns::INCIDENTS,
                rows,
                "no incidents yet; `crosscheck incident add KEY --label LABEL` adds one",
            )
        }
        IncidentCommand::Show { key } => {
            let shown = ctx.open(access)?.incident(&key)?;
            ctx.show(
                &crate::render::cells_of(&shown.row)?,
                &[
                    Section::of(
                        "Measures (reconciled with their saved method, else weighted)",
                        "measures_list",
                        &columns::INCIDENT_MEASURES,
                        &shown.measures,
                        "no measures; `crosscheck measure add KEY --label LABEL --incident KEY --role killed` adds one",
                    )?,
                    Section::of(
                        "Claims",
                        "claims_list",
                        &columns::CLAIMS,
                        &shown.claims,
                        "no claims; `crosscheck claim add --incident KEY` ties one",
                    )?,
                ],
            )
        }
        IncidentCommand::Edit(args) => edit(ctx, args, access),
        IncidentCommand::Rm { key, force } => {
            let row = ctx.open(access)?.remove_incident(&key, force)?;
            ctx.note(&format!(
                "removed incident '{}'; `crosscheck history incidents {}` shows what it was",
                row.key, row.id
            ));
            Ok(())
        }
    }
}

fn add(ctx: &Ctx, args: IncidentAddArgs, access: Access) -> Result<()> {
    let span = args
        .from
        .map(|from| Span::typed(from, args.to, args.date_precision))
        .transpose()
        .map_err(Error::Invalid)?;
    let new = NewIncident {
        key: args.key,
        label: args.label,
        span,
        place: args.place,
        coordinates: args.lat.zip(args.lon),
        where_precision: args.where_precision,
        note: args.note,
    };
    let row = ctx.open(access)?.add_incident(&new)?;
    ctx.created(row.id, &row, &[])
}

fn edit(ctx: &Ctx, args: IncidentEditArgs, access: Access) -> Result<()> {
    let coordinates = match (args.lat, args.lon) {
        (Some(lat), Some(lon)) => match (lat.0, lon.0) {
            (Some(lat), Some(lon)) => Some(Some((lat, lon))),
            (None, None) => Some(None),
            _ => {
                return Err(super::UsageError(
                    "give --lat and --lon both, or both empty ('') to clear the coordinates".into(),
                )
                .into())
            }
        },
        _ => None,
    };
    let e = IncidentEdit {
        label: args.label,
        from: args.from.map(|f| f.0),
        to: args.to,
        date_precision: args.date_precision,
        place: args.place.map(Some),
        coordinates,
        where_precision: args.where_precision.map(|w| w.0),
        note: args.note.map(Some),
    };
    let row = ctx.open(access)?.edit_incident(&args.key, &e)?;
    ctx.created(row.id, &row, &[])
}
