//! `claim add|list|show|edit|rm|link`.

use anyhow::{anyhow, Result};

use super::{columns, Ctx, Section};
use crate::cli::{ClaimAddArgs, ClaimCommand, ClaimEditArgs, ClaimFilterArgs};
use crate::notation::VagueTable;
use crate::notebook::claims::{ClaimEdit, ClaimFilter, NewClaim};
use crate::notebook::{Access, Notebook};
use crate::render::Cell;

/// Resolves the filter flags that name things (a source, a measure) once the notebook is open.
pub fn filter(nb: &Notebook, f: &ClaimFilterArgs) -> Result<ClaimFilter> {
    Ok(ClaimFilter {
        article: f.article,
        source: f.source.as_deref().map(|s| nb.resolve_source(s)).transpose()?,
        min_reliability: f.min_reliability,
        max_credibility: f.max_credibility,
        tag: f.tag.clone(),
        place: f.place.clone(),
        since: f.since.map(|d| d.to_string()),
        until: f.until.map(|d| d.to_string()),
        measure: f.measure.as_deref().map(|k| nb.measure_id(k)).transpose()?,
        id: None,
    })
}

/// The filter flags as typed, by name (`min-reliability` = `C`): for the reasons of the figures
/// a filter leaves out and for a report's header. `--measure` only where it filters.
pub fn filter_words(f: &ClaimFilterArgs, with_measure: bool) -> Vec<(String, String)> {
    [
        ("article", f.article.map(|a| a.to_string())),
        ("source", f.source.clone()),
        ("min-reliability", f.min_reliability.map(|g| g.to_string())),
        ("max-credibility", f.max_credibility.map(|c| c.to_string())),
        ("tag", f.tag.clone()),
        ("place", f.place.clone()),
        ("since", f.since.map(|d| d.to_string())),
        ("until", f.until.map(|d| d.to_string())),
        ("measure", f.measure.clone().filter(|_| with_measure)),
    ]
    .into_iter()
    .filter_map(|(name, v)| v.map(|v| (name.to_string(), v)))
    .collect()
}

pub fn run(ctx: &Ctx, c: ClaimCommand, access: Access) -> Result<()> {
    match c {
        ClaimCommand::Add(args) => add(ctx, args),
        ClaimCommand::List(f) => list(ctx, &f, access),
        ClaimCommand::Suggest(args) => super::suggest::run(ctx, args),
        ClaimCommand::Show { id } => show(ctx, id, access),
        ClaimCommand::Edit(args) => edit(ctx, args),
        ClaimCommand::Rm { id } => {
            ctx.open(access)?.remove_claim(id)?;
            ctx.note(&format!("removed claim #{id}; `crosscheck history claims {id}` shows what it was"));
            Ok(())
        }
        ClaimCommand::Link { a, b, relation } => {
            let link = ctx.open(access)?.link_claims(a, b, relation)?;
            ctx.created(a, &link, &[])
        }
        ClaimCommand::Unlink { a, b, relation } => {
            let removed = ctx.open(access)?.unlink_claims(a, b, relation)?;
            let list: Vec<String> =
                removed.iter().map(|l| format!("#{} {} #{}", l.from, l.relation, l.to)).collect();
            ctx.note(&format!("removed the link {}", list.join(", ")));
            Ok(())
        }
    }
}

fn list(ctx: &Ctx, f: &ClaimFilterArgs, access: Access) -> Result<()> {
    ctx.check_columns(&columns::CLAIMS)?;
    let mut nb = ctx.open(access)?;
    let filter = filter(&nb, f)?;
    let empty = if filter.is_empty() {
        "no claims yet; `crosscheck claim add` records one"
    } else {
        "no claims match"
    };
    let mut w = ctx.writer(&columns::CLAIMS, empty)?;
    nb.for_each_claim(&filter, |c| w.row(&c).map_err(crate::notebook::Error::Output))?;
    w.finish()?;
    Ok(())
}

/// `--figure KEY=NOTATION` as (key, notation); `--figure KEY` alone takes the one figure the
/// quote holds, as the notation reads it, and refuses a quote with none or several.
fn figure_flag(f: &str, quote: &str, vague: &VagueTable) -> Result<(String, String)> {
    match f.split_once('=') {
        Some((k, n)) if !k.trim().is_empty() && !n.trim().is_empty() => {
            Ok((k.trim().to_string(), n.trim().to_string()))
        }
        None if !f.trim().is_empty() => {
            let found = crate::notation::find_figures(quote, vague);
            match found.as_slice() {
                [one] => Ok((f.trim().to_string(), one.wording.clone())),
                [] => Err(anyhow!(
                    "--figure {f}: the quote holds no figure crosscheck can read; give it as {f}='about 40'"
                )),
                many => Err(anyhow!(
                    "--figure {f}: the quote holds {} figures ({}); give the one you mean as {f}=NOTATION",
                    many.len(),
                    many.iter().map(|m| format!("'{}'", m.wording)).collect::<Vec<_>>().join(", ")
                )),
            }
        }
        _ => Err(anyhow!(
            "--figure '{f}' is not KEY=NOTATION or KEY; write it like defectors.foreign='more than 100'"
        )),
    }
}

fn add(ctx: &Ctx, args: ClaimAddArgs) -> Result<()> {
    let mut nb = ctx.open(Access::Write)?;
    let vague =
        if args.figures.iter().any(|f| !f.contains('=')) { nb.vague_table()? } else { VagueTable::new() };
    let figures =
        args.figures.iter().map(|f| figure_flag(f, &args.quote, &vague)).collect::<Result<Vec<_>>>()?;
    let sources = args.sources.iter().map(|s| nb.resolve_source(s)).collect::<Result<Vec<_>, _>>()?;
    let claim = NewClaim {
        article_id: args.article,
        quote: args.quote,
        sources,
        text: args.text,
        credibility: args.credibility.unwrap_or_default(),
        place: args.place,
        when: args.when,
        tags: args.tags,
        unverified: args.unverified,
        figures,
        uuid: None,
        again: args.again,
    };
    let row = nb.add_claim(&claim)?;
    if row.unverified {
        ctx.note(&format!(
            "claim #{} is marked unverified: its quote was not found in article #{}",
            row.id, row.article_id
        ));
    }
    ctx.created(row.id, &row, &[])
}

fn show(ctx: &Ctx, id: i64, access: Access) -> Result<()> {
    let nb = ctx.open(access)?;
    let row = nb.claim(id)?;
    let mut fields = crate::render::cells_of(&row)?;
    if row.unverified {
        fields.insert(0, ("UNVERIFIED", Cell::text("the quote was not found in the article")));
    }
    let sources = nb.sources_of_claim(id)?;
    let figures = nb.figures_of_claim(id)?;
    let links = nb.links_of(id)?;
    ctx.show(
        &fields,
        &[
            Section::of(
                "Sources",
                "sources_list",
                &columns::SOURCES,
                &sources,
                "no sources: the outlet's own reporting",
            )?,
            Section::of("Figures", "figures_list", &columns::FIGURES, &figures, "no figures")?,
            Section::of("Links", "links", &columns::LINKS, &links, "no links to other claims")?,
        ],
    )
}

fn edit(ctx: &Ctx, args: ClaimEditArgs) -> Result<()> {
    let mut nb = ctx.open(Access::Write)?;
    let sources = if args.no_sources {
        Some(Vec::new())
    } else if args.sources.is_empty() {
        None
    } else {
        Some(args.sources.iter().map(|s| nb.resolve_source(s)).collect::<Result<Vec<_>, _>>()?)
    };
    let e = ClaimEdit {
        text: args.text,
        credibility: args.credibility,
        place: args.place,
        when: args.when,
        add_tags: args.tags,
        remove_tags: args.untags,
        sources,
    };
    let row = nb.edit_claim(args.id, &e)?;
    ctx.created(row.id, &row, &[])
}
