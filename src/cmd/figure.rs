//! `measure`, `figure` and `reconcile`: hedged numbers into intervals, and one measure's
//! figures into low, best and high.

use std::io::Write;

use anyhow::{bail, Result};
use serde_json::{json, Value};

use super::{Ctx, Section};
use crate::cli::{FigureCommand, MeasureCommand, ReconcileArgs, TermsCommand};
use crate::notation::{default_vague_table, parse};
use crate::notebook::figures::{FigureRow, MeasureRow, Reconciled, ReconciliationRow, TermRow};
use crate::notebook::parse_id;
use crate::reconcile::Method;
use crate::render::{Cell, Format};

pub fn measure(ctx: &Ctx, c: MeasureCommand) -> Result<()> {
    match c {
        MeasureCommand::Add { key, label, unit } => {
            let mut nb = ctx.open()?;
            let row = nb.add_measure(&key, &label, unit.as_deref())?;
            let fields: Vec<(&str, Cell)> = MeasureRow::COLUMNS.iter().copied().zip(row.cells()).collect();
            ctx.record(&fields)
        }
        MeasureCommand::List => {
            let nb = ctx.open()?;
            let rows = nb.measures()?;
            ctx.rows(MeasureRow::COLUMNS, rows.iter().map(MeasureRow::cells))
        }
        MeasureCommand::Show { key } => {
            let nb = ctx.open()?;
            let m = nb.measure(&key)?;
            let fields: Vec<(&str, Cell)> = MeasureRow::COLUMNS.iter().copied().zip(m.cells()).collect();
            let mut results =
                nb.reconcile(std::slice::from_ref(&key), false, Method::Weighted, false, None)?;
            let r = results.remove(0);
            let saved = nb.reconciliations(Some(&key))?;
            ctx.show(
                &fields,
                &[
                    Section {
                        title: "Figures",
                        key: "figures_list",
                        columns: SIDE_COLUMNS,
                        rows: side_rows(&r),
                    },
                    Section {
                        title: "Saved reconciliations",
                        key: "reconciliations",
                        columns: ReconciliationRow::COLUMNS,
                        rows: saved.iter().map(ReconciliationRow::cells).collect(),
                    },
                ],
            )
        }
    }
}

pub fn figure(ctx: &Ctx, c: FigureCommand) -> Result<()> {
    match c {
        FigureCommand::Add { claim, measure, notation } => {
            let claim = parse_id(&claim, "claim")?;
            let mut nb = ctx.open()?;
            let row = nb.add_figure(claim, &measure, &notation)?;
            print_figure(ctx, &row)
        }
        FigureCommand::List { measure } => {
            let nb = ctx.open()?;
            let rows = nb.figures(measure.as_deref())?;
            ctx.rows(FigureRow::COLUMNS, rows.iter().map(FigureRow::cells))
        }
        FigureCommand::Rm { id } => {
            let id = parse_id(&id, "figure")?;
            let mut nb = ctx.open()?;
            nb.remove_figure(id)?;
            ctx.note(&format!("removed figure #{id}; `crosscheck history figures {id}` shows what it was"));
            Ok(())
        }
        FigureCommand::Parse { notation } => {
            // No notebook needed: --db given explicitly means its own vague words apply.
            let table = match &ctx.db {
                Some(_) => ctx.open()?.vague_table()?,
                None => default_vague_table(),
            };
            let r = parse(&notation, &table).map_err(anyhow::Error::msg)?;
            ctx.record(&[
                ("notation", Cell::text(notation.trim())),
                ("kind", Cell::text(r.kind.as_str())),
                ("low", Cell::Int(r.low)),
                ("high", Cell::opt_int(r.high)),
                ("point", Cell::Int(r.point)),
                ("rule", Cell::text(r.rule)),
            ])
        }
        FigureCommand::Terms { action: None } => {
            let nb = ctx.open()?;
            let rows = nb.terms()?;
            ctx.rows(TermRow::COLUMNS, rows.iter().map(TermRow::cells))
        }
        FigureCommand::Terms { action: Some(TermsCommand::Set { word, low, high, point }) } => {
            let mut nb = ctx.open()?;
            let row = nb.set_term(&word, low, high, point)?;
            ctx.note("the change applies to figures entered from now on; `crosscheck figure reread` applies it to existing ones");
            ctx.rows(TermRow::COLUMNS, [row.cells()])
        }
        FigureCommand::Reread { measure } => {
            let mut nb = ctx.open()?;
            let changed = nb.reread(measure.as_deref())?;
            ctx.note(&format!("{} figure(s) re-read with the current terms", changed.len()));
            let rows: Vec<FigureRow> = changed.iter().map(|id| nb.figure(*id)).collect::<Result<_, _>>()?;
            ctx.rows(FigureRow::COLUMNS, rows.iter().map(FigureRow::cells))
        }
    }
}

fn print_figure(ctx: &Ctx, row: &FigureRow) -> Result<()> {
    let fields: Vec<(&str, Cell)> = FigureRow::COLUMNS.iter().copied().zip(row.cells()).collect();
    ctx.record(&fields)
}

pub fn reconcile(ctx: &Ctx, args: ReconcileArgs) -> Result<()> {
    if args.method == Method::Manual {
        if args.value.is_none() {
            bail!("--method manual needs --value N, the best estimate you chose, and --note saying why");
        }
        if args.note.as_deref().map(str::trim).unwrap_or("").is_empty() {
            bail!("--method manual needs --note saying why you chose {}", args.value.unwrap_or_default());
        }
    } else if args.value.is_some() {
        bail!(
            "--value goes with --method manual; the {} method computes the best estimate itself",
            args.method.as_str()
        );
    }
    let nb = ctx.open()?;
    let note = args.note.as_deref();
    let save = args.save.then_some(note);
    // Each measure is printed as soon as it is reconciled, so `reconcile --all` over a large
    // archive holds one measure in memory, not all of them.
    let mut count = 0usize;
    match ctx.format {
        Format::Table | Format::Markdown => {
            nb.reconcile_each(&args.keys, args.all, args.method, args.include_all, args.value, save, |r| {
                count += 1;
                let shown = ctx
                    .heading(&format!("{} — {}", r.key, r.label))
                    .and_then(|_| side_by_side(ctx, &r))
                    .and_then(|_| summary_line(ctx, &r));
                shown.map_err(|e| match e.downcast::<std::io::Error>() {
                    Ok(io) => super::io_err(io),
                    Err(other) => crate::notebook::Error::Io(format!("{other:#}")),
                })
            })
            .map_err(super::lift)?;
            if count == 0 {
                ctx.note("there are no measures to reconcile; add one with `crosscheck measure add`");
            }
        }
        Format::Json | Format::Jsonl => {
            let mut out = ctx.stdout();
            let json = ctx.format == Format::Json;
            if json {
                out.write_all(b"[").map_err(anyhow::Error::from)?;
            }
            nb.reconcile_each(&args.keys, args.all, args.method, args.include_all, args.value, save, |r| {
                let object = json_object(&r, note);
                let text = if json {
                    let sep = if count == 0 { "\n" } else { ",\n" };
                    format!("{sep}{}", serde_json::to_string_pretty(&object).unwrap_or_default())
                } else {
                    format!("{}\n", serde_json::to_string(&object).unwrap_or_default())
                };
                count += 1;
                out.write_all(text.as_bytes()).map_err(super::io_err)
            })
            .map_err(super::lift)?;
            if json {
                out.write_all(if count == 0 { b"]\n" as &[u8] } else { b"\n]\n" })?;
            }
            out.flush()?;
        }
        Format::Csv | Format::Tsv => {
            let mut w = crate::render::RowWriter::new(ctx.stdout(), ctx.style(), ReconciliationRow::COLUMNS)?;
            nb.reconcile_each(&args.keys, args.all, args.method, args.include_all, args.value, save, |r| {
                w.row(&row_of(&r, note).cells()).map_err(super::io_err)
            })
            .map_err(super::lift)?;
            w.finish()?;
        }
    }
    Ok(())
}

fn row_of(r: &Reconciled, note: Option<&str>) -> ReconciliationRow {
    if let Some(saved) = &r.saved {
        return saved.clone();
    }
    let o = &r.outcome;
    ReconciliationRow {
        id: 0,
        measure: r.key.clone(),
        method: r.method.as_str().into(),
        low: o.low,
        best: o.best,
        high: o.high,
        open_high: o.open_high,
        conflict: o.conflict,
        support: o.support.into(),
        figures: o.figures as i64,
        voices: o.voices as i64,
        note: note.map(str::to_string),
        stale: false,
        created_at: String::new(),
    }
}

fn json_object(r: &Reconciled, note: Option<&str>) -> Value {
    let row = row_of(r, note);
    let o = &r.outcome;
    json!({
        "id": r.saved.as_ref().map(|s| s.id),
        "measure": row.measure,
        "method": row.method,
        "low": row.low,
        "best": row.best,
        "high": row.high,
        "open_high": row.open_high,
        "conflict": row.conflict,
        "support": row.support,
        "figures": row.figures,
        "voices": row.voices,
        "note": row.note,
        "stale": row.stale,
        "created_at": r.saved.as_ref().map(|s| s.created_at.clone()),
        "conflicts": o.conflicts.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>(),
        "items": o.items.iter().map(|i| json!({
            "figure_id": i.figure_id,
            "included": i.included,
            "reason": i.reason,
            "weight": i.weight,
            "voice": i.voice,
        })).collect::<Vec<_>>(),
    })
}

const SIDE_COLUMNS: &[&str] = &[
    "figure", "claim", "source", "rating", "notation", "low", "high", "point", "weight", "voice", "included",
];

/// The figures of one measure side by side, with whether each counts and why not.
fn side_by_side(ctx: &Ctx, r: &Reconciled) -> Result<()> {
    ctx.rows(SIDE_COLUMNS, side_rows(r))
}

fn side_rows(r: &Reconciled) -> Vec<Vec<Cell>> {
    r.figures
        .iter()
        .map(|f| {
            let item = r.outcome.items.iter().find(|i| i.figure_id == f.id);
            let source = if f.sources.is_empty() {
                format!("{} (own report)", f.outlet.clone().unwrap_or_else(|| "no outlet".into()))
            } else {
                f.sources.join("; ")
            };
            let included = match item {
                Some(i) if i.included => "yes".to_string(),
                Some(i) => format!("no: {}", i.reason),
                None => String::new(),
            };
            vec![
                Cell::Int(f.id),
                Cell::Int(f.claim_id),
                Cell::text(source),
                Cell::text(f.rating()),
                Cell::text(&f.notation),
                Cell::Int(f.low),
                Cell::text(f.high.map(|h| h.to_string()).unwrap_or_else(|| "open".into())),
                Cell::Int(f.point),
                Cell::Float(f.weight()),
                Cell::opt_int(item.and_then(|i| i.voice).map(|v| v as i64)),
                Cell::text(included),
            ]
        })
        .collect()
}

fn summary_line(ctx: &Ctx, r: &Reconciled) -> Result<()> {
    let o = &r.outcome;
    let show = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
    let high = if o.open_high { "open".to_string() } else { show(o.high) };
    let mut line = format!(
        "low {}, best {}, high {} ({}), support {}, figures {}, voices {}",
        show(o.low),
        show(o.best),
        high,
        r.method.as_str(),
        o.support,
        o.figures,
        o.voices
    );
    if !o.conflicts.is_empty() {
        let pairs: Vec<String> = o.conflicts.iter().map(|(a, b)| format!("#{a} vs #{b}")).collect();
        line.push_str(&format!("; cannot both be true: {}", pairs.join(", ")));
    }
    if let Some(s) = &r.saved {
        line.push_str(&format!("; saved as reconciliation #{}", s.id));
    }
    let mut out = ctx.stdout();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}
