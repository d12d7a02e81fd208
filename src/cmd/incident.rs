//! `incident add|list|show|edit|rm`: events with their dates, place and precision codes, the
//! measures that count them and the claims about them.

use anyhow::Result;

use super::{Need, Plan, Run, UsageError};
use crate::cli::{IncidentAddArgs, IncidentCommand, IncidentEditArgs};
use crate::events::Span;
use crate::notebook::claims::ClaimRow;
use crate::notebook::incidents::{IncidentEdit, IncidentMeasureRow, IncidentRow, NewIncident};
use crate::notebook::Error;
use crate::render::{Record, Shape};

pub fn plan(c: IncidentCommand) -> Plan {
    match c {
        IncidentCommand::Add(args) => {
            Plan::new("incident add", Need::Write, Shape::record::<IncidentRow>(&[]), move |run| {
                add(run, args)
            })
        }
        IncidentCommand::List => {
            Plan::new("incident list", Need::Read, Shape::rows::<IncidentRow>(), |run| {
                let out = run.out;
                let rows = run.nb()?.incidents()?;
                out.list(&rows, "no incidents yet; `crosscheck incident add KEY --label LABEL` adds one")
            })
        }
        IncidentCommand::Show { key } => {
            let shape = Shape::record::<IncidentRow>(&["measures_list", "claims_list"]);
            Plan::new("incident show", Need::Read, shape, move |run| {
                let out = run.out;
                let shown = run.nb()?.incident(&key)?;
                let record = Record::of(&shown.row)?
                    .section::<IncidentMeasureRow>(
                        "measures_list",
                        "Measures (reconciled with their saved method, else weighted)",
                        &shown.measures,
                        "no measures; `crosscheck measure add KEY --label LABEL --incident KEY --role killed` adds one",
                    )?
                    .section::<ClaimRow>(
                        "claims_list",
                        "Claims",
                        &shown.claims,
                        "no claims; `crosscheck claim add --incident KEY` ties one",
                    )?;
                out.record(&record)
            })
        }
        IncidentCommand::Edit(args) => {
            Plan::new("incident edit", Need::Write, Shape::record::<IncidentRow>(&[]), move |run| {
                edit(run, args)
            })
        }
        IncidentCommand::Rm { key, force } => {
            Plan::new("incident rm", Need::Write, Shape::Nothing, move |run| {
                let row = run.nb()?.remove_incident(&key, force)?;
                run.out.note(&format!(
                    "removed incident '{}'; `crosscheck history incidents {}` shows what it was",
                    row.key, row.id
                ));
                Ok(())
            })
        }
    }
}

fn add(run: &mut Run<'_>, args: IncidentAddArgs) -> Result<()> {
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
    let out = run.out;
    let row = run.nb()?.add_incident(&new)?;
    out.created(row.id, &Record::of(&row)?)
}

fn edit(run: &mut Run<'_>, args: IncidentEditArgs) -> Result<()> {
    let coordinates = match (args.lat, args.lon) {
        (Some(lat), Some(lon)) => match (lat.0, lon.0) {
            (Some(lat), Some(lon)) => Some(Some((lat, lon))),
            (None, None) => Some(None),
            _ => {
                return Err(UsageError(
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
    e.check().map_err(UsageError)?;
    let out = run.out;
    let row = run.nb()?.edit_incident(&args.key, &e)?;
    out.created(row.id, &Record::of(&row)?)
}
