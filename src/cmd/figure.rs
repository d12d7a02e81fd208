//! `measure` and `figure`: hedged numbers into intervals, the vague-word table, and a measure's
//! figures side by side.

use std::io::Write;

use anyhow::Result;

use super::{columns, Ctx, Section};
use crate::cli::{FigureCommand, MeasureCommand, TermsCommand};
use crate::notebook::Access;
use crate::render::Cell;

pub fn measure(ctx: &Ctx, c: MeasureCommand, access: Access) -> Result<()> {
    match c {
        MeasureCommand::Add { key, label, unit } => {
            let row = ctx.open(access)?.add_measure(&key, &label, unit.as_deref())?;
            if ctx.quiet {
                return ctx.created(row.id, &row, &[]);
            }
            ctx.record(&crate::render::cells_of(&row)?)
        }
        MeasureCommand::List => {
            ctx.check_columns(&columns::MEASURES)?;
            let rows = ctx.open(access)?.measures()?;
            ctx.list(
                &columns::MEASURES,
                rows,
                "no measures yet; `crosscheck measure add KEY --label LABEL` adds one",
            )
        }
        MeasureCommand::Show { key } => {
            let mut nb = ctx.open(access)?;
            let (row, r) = nb.measure(&key)?;
            let saved = nb.reconciliations(Some(&key))?;
            ctx.show(
                &crate::render::cells_of(&row)?,
                &[
                    Section::of(
                        "Figures",
                        "figures_list",
                        &columns::FIGURES_OF_MEASURE,
                        &r.figures,
                        "no figures for this measure yet",
                    )?,
                    Section::of(
                        "Saved reconciliations",
                        "reconciliations",
                        &columns::RECONCILIATIONS_OF_MEASURE,
                        &saved,
                        "no saved reconciliations",
                    )?,
                ],
            )
        }
    }
}

pub fn figure(ctx: &Ctx, c: FigureCommand, access: Access) -> Result<()> {
    match c {
        FigureCommand::Add { claim, measure, notation } => {
            let row = ctx.open(access)?.add_figure(claim, &measure, &notation)?;
            ctx.created(row.id, &row, &[])
        }
        FigureCommand::List { measure } => {
            ctx.check_columns(&columns::FIGURES)?;
            let rows = ctx.open(access)?.figures(measure.as_deref())?;
            ctx.list(
                &columns::FIGURES,
                rows,
                "no figures yet; `crosscheck figure add` or `claim add --figure` records one",
            )
        }
        FigureCommand::Rm { id } => {
            ctx.open(access)?.remove_figure(id)?;
            ctx.note(&format!("removed figure #{id}; `crosscheck history figures {id}` shows what it was"));
            Ok(())
        }
        FigureCommand::Parse { notation, explain } => {
            // No notebook needed; an existing notebook's own vague words apply.
            let r = crate::notebook::figures::parse_wording(ctx.notebook_path().ok().as_deref(), &notation)?;
            let mut fields = vec![
                ("notation", Cell::text(notation.trim())),
                ("kind", Cell::text(r.kind.as_str())),
                ("low", Cell::Int(r.low)),
                ("high", r.high.map(Cell::Int).unwrap_or(Cell::Null)),
                ("point", Cell::Int(r.point)),
                ("provisional", Cell::Bool(r.provisional)),
                ("noun", r.noun.clone().map(Cell::Text).unwrap_or(Cell::Null)),
                ("rule", Cell::text(r.rule)),
            ];
            if !explain {
                return ctx.record(&fields);
            }
            if !matches!(ctx.format, crate::render::Format::Table | crate::render::Format::Markdown) {
                fields.push(("steps", Cell::List(r.steps)));
                return ctx.record(&fields);
            }
            ctx.record(&fields)?;
            ctx.heading("How it was read")?;
            let mut out = ctx.stdout();
            for (i, step) in r.steps.iter().enumerate() {
                writeln!(out, "{:>3}. {}", i + 1, crate::render::escape_line(step))?;
            }
            out.flush()?;
            Ok(())
        }
        FigureCommand::Terms { action: None } => {
            let rows = ctx.open(access)?.terms()?;
            ctx.list(&columns::TERMS, rows, "no vague words")
        }
        FigureCommand::Terms { action: Some(TermsCommand::Set { word, low, high, point }) } => {
            let row = ctx.open(access)?.set_term(&word, low, high, point)?;
            ctx.note("the change applies to figures entered from now on; `crosscheck figure reread` applies it to existing ones");
            ctx.list(&columns::TERMS, [row], "")
        }
        FigureCommand::Reread { measure } => {
            let rows = ctx.open(access)?.reread(measure.as_deref())?;
            ctx.note(&format!("{} figure(s) re-read with the current terms", rows.len()));
            ctx.list(&columns::FIGURES, rows, "no figure changed")
        }
    }
}
