//! `measure` and `figure`: hedged numbers into intervals, the vague-word table, and a measure's
//! figures side by side.

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::{FigureCommand, MeasureCommand, TermsCommand};
use crate::notebook::figures::{FigureRow, MeasureRow, TermRow};
use crate::render::{Cell, Record, Shape};

pub fn measure(c: MeasureCommand) -> Plan {
    match c {
        MeasureCommand::Add { key, label, unit } => {
            Plan::new("measure add", Need::Write, Shape::record::<MeasureRow>(&[]), move |run| {
                let row = run.nb()?.add_measure(&key, &label, unit.as_deref())?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        MeasureCommand::List => Plan::new("measure list", Need::Read, Shape::rows::<MeasureRow>(), |run| {
            let out = run.out;
            let rows = run.nb()?.measures()?;
            out.list(&rows, "no measures yet; `crosscheck measure add KEY --label LABEL` adds one")
        }),
        MeasureCommand::Show { key } => {
            // The measure, then its figures and its saved reconciliations, without the key on
            // every row.
            let shape = Shape::record::<MeasureRow>(&["figures_list", "reconciliations"]);
            Plan::new("measure show", Need::Read, shape, move |run| {
                let out = run.out;
                let nb = run.nb()?;
                let (row, r) = nb.measure(&key)?;
                let saved = nb.reconciliations(Some(&key))?;
                let record = Record::of(&row)?
                    .section_in(
                        "figures_list",
                        "Figures",
                        crate::rows::declared::figures_of_measure(),
                        &r.figures,
                        "no figures for this measure yet",
                    )?
                    .section_in(
                        "reconciliations",
                        "Saved reconciliations",
                        crate::rows::declared::reconciliations_of_measure(),
                        &saved,
                        "no saved reconciliations",
                    )?;
                out.record(&record)
            })
        }
    }
}

pub fn figure(c: FigureCommand) -> Plan {
    match c {
        FigureCommand::Add { claim, measure, notation } => {
            Plan::new("figure add", Need::Write, Shape::record::<FigureRow>(&[]), move |run| {
                let row = run.nb()?.add_figure(claim, &measure, &notation)?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        FigureCommand::List { measure } => {
            Plan::new("figure list", Need::Read, Shape::rows::<FigureRow>(), move |run| {
                let out = run.out;
                let rows = run.nb()?.figures(measure.as_deref())?;
                out.list(&rows, "no figures yet; `crosscheck figure add` or `claim add --figure` records one")
            })
        }
        FigureCommand::Rm { id } => Plan::new("figure rm", Need::Write, Shape::Nothing, move |run| {
            run.nb()?.remove_figure(id)?;
            run.out
                .note(&format!("removed figure #{id}; `crosscheck history figures {id}` shows what it was"));
            Ok(())
        }),
        FigureCommand::Parse { notation, explain } => {
            let shape = Shape::Record(crate::render::Columns::plain(&PARSED).and(&["steps"]));
            Plan::new("figure parse", Need::Nothing, shape, move |run| parse_figure(run, &notation, explain))
        }
        FigureCommand::Terms { action: None } => {
            Plan::new("figure terms", Need::Read, Shape::rows::<TermRow>(), |run| {
                let out = run.out;
                let rows = run.nb()?.terms()?;
                out.list(&rows, "no vague words")
            })
        }
        FigureCommand::Terms { action: Some(TermsCommand::Set { word, low, high, point }) } => {
            Plan::new("figure terms set", Need::Write, Shape::rows::<TermRow>(), move |run| {
                let row = run.nb()?.set_term(&word, low, high, point)?;
                run.out.note("the change applies to figures entered from now on; `crosscheck figure reread` applies it to existing ones");
                run.out.list(&[row], "")
            })
        }
        FigureCommand::Reread { measure } => {
            Plan::new("figure reread", Need::Write, Shape::rows::<FigureRow>(), move |run| {
                let rows = run.nb()?.reread(measure.as_deref())?;
                run.close();
                run.out.note(&format!("{} figure(s) re-read with the current terms", rows.len()));
                run.out.list(&rows, "no figure changed")
            })
        }
    }
}

/// The fields of a figure as `figure parse` reads it.
const PARSED: [&str; 8] = ["notation", "kind", "low", "high", "point", "provisional", "noun", "rule"];

/// How a notation is read. No notebook needed; an existing notebook's own vague words apply.
fn parse_figure(run: &mut Run<'_>, notation: &str, explain: bool) -> Result<()> {
    let r = crate::notebook::figures::parse_wording(run.notebook_path().ok().as_deref(), notation)?;
    let cells = [
        Cell::text(notation.trim()),
        Cell::text(r.kind.as_str()),
        Cell::Int(r.low),
        r.high.map(Cell::Int).unwrap_or(Cell::Null),
        Cell::Int(r.point),
        Cell::Bool(r.provisional),
        r.noun.clone().map(Cell::Text).unwrap_or(Cell::Null),
        Cell::text(r.rule),
    ];
    let mut record = Record::of_fields(PARSED.into_iter().zip(cells).collect());
    if explain {
        record = record.steps("steps", "How it was read", r.steps);
    }
    run.out.record(&record)
}
