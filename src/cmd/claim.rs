//! `claim add|list|show|edit|rm|link`.

use anyhow::{Error, Result};

use super::{Ctx, Section};
use crate::cli::{ClaimAddArgs, ClaimCommand, ClaimEditArgs, ClaimFilterArgs};
use crate::dates::PartialDate;
use crate::notebook::claims::{ClaimEdit, ClaimFilter, ClaimRow, LinkRow, NewClaim};
use crate::notebook::figures::FigureRow;
use crate::notebook::sources::SourceRow;
use crate::notebook::{parse_id, Notebook};
use crate::ratings::{Credibility, Reliability};
use crate::render::Cell;

fn claim_fields(ctx: &Ctx, row: &ClaimRow) -> Vec<(&'static str, Cell)> {
    let mut fields: Vec<(&str, Cell)> = ClaimRow::COLUMNS.iter().copied().zip(row.cells()).collect();
    if ctx.format == crate::render::Format::Table {
        // People see the rating as the Admiralty pair and the unverified mark up front.
        let letters = row.reliability.join("; ");
        fields.insert(2, ("rating", Cell::text(format!("{}{}", letters, row.credibility.value()))));
        if row.unverified {
            fields.insert(2, ("UNVERIFIED", Cell::text("the quote was not found in the article")));
        }
    }
    fields
}

fn print_claim(ctx: &Ctx, row: &ClaimRow) -> Result<()> {
    ctx.record(&claim_fields(ctx, row))
}

/// Validates the filter flags once.
pub fn filter(nb: &Notebook, f: &ClaimFilterArgs) -> Result<ClaimFilter> {
    Ok(ClaimFilter {
        article: f.article.as_deref().map(|a| parse_id(a, "article")).transpose()?,
        source: f.source.as_deref().map(|s| nb.resolve_source(s)).transpose()?,
        min_reliability: f
            .min_reliability
            .as_deref()
            .map(str::parse::<Reliability>)
            .transpose()
            .map_err(Error::msg)?,
        max_credibility: f
            .max_credibility
            .as_deref()
            .map(str::parse::<Credibility>)
            .transpose()
            .map_err(Error::msg)?,
        tag: f.tag.clone(),
        place: f.place.clone(),
        since: f
            .since
            .as_deref()
            .map(PartialDate::parse)
            .transpose()
            .map_err(|e| Error::msg(format!("--since: {e}")))?,
        until: f
            .until
            .as_deref()
            .map(PartialDate::parse)
            .transpose()
            .map_err(|e| Error::msg(format!("--until: {e}")))?,
        measure: f
            .measure
            .as_deref()
            .map(|k| crate::notebook::figures::measure_id(&nb.conn, k))
            .transpose()?,
        id: None,
    })
}

pub fn run(ctx: &Ctx, c: ClaimCommand) -> Result<()> {
    match c {
        ClaimCommand::Add(args) => add(ctx, args),
        ClaimCommand::List(f) => {
            let nb = ctx.open()?;
            let filter = filter(&nb, &f)?;
            let mut w = ctx.row_writer(ClaimRow::COLUMNS)?;
            crate::notebook::claims::for_each_claim(&nb.conn, &filter, |c| {
                w.row(&c.into_cells()).map_err(super::io_err)
            })
            .map_err(super::lift)?;
            w.finish()?;
            Ok(())
        }
        ClaimCommand::Show { id } => show(ctx, &id),
        ClaimCommand::Edit(args) => edit(ctx, args),
        ClaimCommand::Rm { id } => {
            let id = parse_id(&id, "claim")?;
            let mut nb = ctx.open()?;
            nb.remove_claim(id)?;
            ctx.note(&format!("removed claim #{id}; `crosscheck history claims {id}` shows what it was"));
            Ok(())
        }
        ClaimCommand::Link { a, b, relation } => {
            let a = parse_id(&a, "claim")?;
            let b = parse_id(&b, "claim")?;
            let mut nb = ctx.open()?;
            let link = nb.link_claims(a, b, &relation)?;
            ctx.rows(LinkRow::COLUMNS, [link.cells()])
        }
    }
}

fn add(ctx: &Ctx, args: ClaimAddArgs) -> Result<()> {
    let article = parse_id(&args.article, "article")?;
    let credibility = match &args.credibility {
        Some(c) => c.parse::<Credibility>().map_err(Error::msg)?,
        None => Credibility::UNJUDGED,
    };
    let figures = args
        .figures
        .iter()
        .map(|f| match f.split_once('=') {
            Some((k, n)) if !k.trim().is_empty() && !n.trim().is_empty() => {
                Ok((k.trim().to_string(), n.trim().to_string()))
            }
            _ => Err(anyhow::anyhow!(
                "--figure '{f}' is not KEY=NOTATION; write it like defectors.foreign='more than 100'"
            )),
        })
        .collect::<Result<Vec<_>>>()?;
    let mut nb = ctx.open()?;
    let sources = args.sources.iter().map(|s| nb.resolve_source(s)).collect::<Result<Vec<_>, _>>()?;
    let claim = NewClaim {
        article_id: article,
        quote: args.quote,
        sources,
        text: args.text,
        credibility,
        place: args.place,
        when: args.when,
        tags: args.tags,
        unverified: args.unverified,
        figures,
        uuid: None,
    };
    let row = nb.add_claim(&claim)?;
    if row.unverified {
        ctx.note(&format!(
            "claim #{} is marked unverified: its quote was not found in article #{article}",
            row.id
        ));
    }
    print_claim(ctx, &row)
}

fn show(ctx: &Ctx, id: &str) -> Result<()> {
    let id = parse_id(id, "claim")?;
    let nb = ctx.open()?;
    let row = nb.claim(id)?;
    let sources = nb.sources_of_claim(id)?;
    let figures = nb.figures_of_claim(id)?;
    let links = nb.links_of(id)?;
    ctx.show(
        &claim_fields(ctx, &row),
        &[
            Section {
                title: "Sources",
                key: "sources_list",
                columns: SourceRow::COLUMNS,
                rows: sources.iter().map(SourceRow::cells).collect(),
            },
            Section {
                title: "Figures",
                key: "figures_list",
                columns: FigureRow::COLUMNS,
                rows: figures.iter().map(FigureRow::cells).collect(),
            },
            Section {
                title: "Links",
                key: "links",
                columns: LinkRow::COLUMNS,
                rows: links.iter().map(LinkRow::cells).collect(),
            },
        ],
    )
}

fn edit(ctx: &Ctx, args: ClaimEditArgs) -> Result<()> {
    let id = parse_id(&args.id, "claim")?;
    let credibility =
        args.credibility.as_deref().map(str::parse::<Credibility>).transpose().map_err(Error::msg)?;
    let mut nb = ctx.open()?;
    let sources = if args.no_sources {
        Some(Vec::new())
    } else if args.sources.is_empty() {
        None
    } else {
        Some(args.sources.iter().map(|s| nb.resolve_source(s)).collect::<Result<Vec<_>, _>>()?)
    };
    let e = ClaimEdit {
        text: args.text,
        credibility,
        place: args.place,
        when: args.when,
        add_tags: args.tags,
        remove_tags: args.untags,
        sources,
    };
    let row = nb.edit_claim(id, &e)?;
    print_claim(ctx, &row)
}
