//! `measure` and `figure`: hedged numbers into intervals, the vague-word table, and a measure's
//! figures side by side.

use super::{Need, Plan, UsageError};
use crate::cli::{FigureCommand, MeasureCommand, TermsCommand};
use crate::notebook::figures::{FigureRow, MeasureRow, TermRow};
use crate::notebook::Error;
use crate::render::{Columns, Record, Shape};
use crate::usecase::measures::{self as uses, MEASURE_SECTIONS, PARSED};

pub fn measure(c: MeasureCommand) -> Plan {
    match c {
        MeasureCommand::Add { key, label, unit, incident, role, sum } => {
            Plan::new("measure add", Need::Write, Shape::record::<MeasureRow>(&[]), move |run| {
                if !sum.is_empty() {
                    crate::notebook::derived::check_parts(&key, &sum).map_err(UsageError)?;
                }
                let row = uses::add_measure_to(
                    run.nb()?,
                    &key,
                    &label,
                    unit.as_deref(),
                    incident.as_deref(),
                    role,
                    &sum,
                )?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        MeasureCommand::Edit(args) => {
            Plan::new("measure edit", Need::Write, Shape::record::<MeasureRow>(&[]), move |run| {
                let edit = crate::notebook::figures::MeasureEdit {
                    label: args.label,
                    unit: args.unit,
                    incident: args.incident.map(Some),
                    role: args.role.map(|r| r.0),
                };
                edit.check().map_err(UsageError)?;
                let row = uses::edit_measure(run.nb()?, &args.key, &edit)?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        MeasureCommand::Sum { key, parts } => {
            Plan::new("measure sum", Need::Write, Shape::record::<MeasureRow>(&[]), move |run| {
                crate::notebook::derived::check_parts(&key, &parts).map_err(UsageError)?;
                let row = uses::sum_measure(run.nb()?, &key, &parts)?;
                run.out.record(&Record::of(&row)?)
            })
        }
        MeasureCommand::List => Plan::new("measure list", Need::Read, Shape::rows::<MeasureRow>(), |run| {
            let rows = uses::list_measures(run.nb()?)?;
            run.out.list(&rows, "no measures yet; `crosscheck measure add KEY --label LABEL` adds one")
        }),
        MeasureCommand::Show { key } => {
            Plan::new("measure show", Need::Read, Shape::record::<MeasureRow>(MEASURE_SECTIONS), move |run| {
                let record = uses::show_measure(run.nb()?, &key)?;
                run.out.record(&record)
            })
        }
    }
}

pub fn figure(c: FigureCommand) -> Plan {
    match c {
        FigureCommand::Add { claim, measure, notation } => {
            Plan::new("figure add", Need::Write, Shape::record::<FigureRow>(&[]), move |run| {
                let row = uses::add_figure(run.nb()?, claim, &measure, &notation)?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        FigureCommand::List { measure } => {
            Plan::new("figure list", Need::Read, Shape::rows::<FigureRow>(), move |run| {
                let out = run.out;
                let mut w = out.rows::<FigureRow>(
                    "no figures yet; `crosscheck figure add` or `claim add --figure` records one",
                );
                uses::list_figures(run.nb()?, measure.as_deref(), |f| w.row(&f).map_err(Error::Output))?;
                w.finish()
            })
        }
        FigureCommand::Rm { id } => Plan::new("figure rm", Need::Write, Shape::Nothing, move |run| {
            uses::remove_figure(run.nb()?, id)?;
            run.out
                .note(&format!("removed figure #{id}; `crosscheck history figures {id}` shows what it was"));
            Ok(())
        }),
        FigureCommand::Parse { notation, explain } => {
            // No notebook needed; an existing notebook's own vague words apply.
            let shape = Shape::Record(Columns::plain(PARSED));
            Plan::new("figure parse", Need::Nothing, shape, move |run| {
                let notebook = run.notebook_path().ok();
                run.out.record(&uses::parse_figure(notebook.as_deref(), &notation, explain)?)
            })
        }
        FigureCommand::Terms { action: None } => {
            Plan::new("figure terms", Need::Read, Shape::rows::<TermRow>(), |run| {
                let rows = uses::terms(run.nb()?)?;
                run.out.list(&rows, "no vague words")
            })
        }
        FigureCommand::Terms { action: Some(TermsCommand::Set { word, low, high, point }) } => {
            Plan::new("figure terms set", Need::Write, Shape::rows::<TermRow>(), move |run| {
                let row = uses::set_term(run.nb()?, &word, low, high, point)?;
                run.out.note("the change applies to figures entered from now on; `crosscheck figure reread` applies it to existing ones");
                run.out.list(&[row], "")
            })
        }
        FigureCommand::Reread { measure } => {
            Plan::new("figure reread", Need::Write, Shape::rows::<FigureRow>(), move |run| {
                let rows = uses::reread(run.nb()?, measure.as_deref())?;
                run.close();
                run.out.note(&format!("{} figure(s) re-read with the current terms", rows.len()));
                run.out.list(&rows, "no figure changed")
            })
        }
    }
}
