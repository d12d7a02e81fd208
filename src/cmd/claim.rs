//! `claim add|list|show|edit|rm|link`.

use anyhow::{anyhow, Result};

use super::{Need, Plan, Run};
use crate::cli::{ClaimAddArgs, ClaimCommand, ClaimEditArgs, ClaimFilterArgs};
use crate::notation::VagueTable;
use crate::notebook::claims::{ClaimEdit, ClaimFilter, ClaimRow, LinkRow, NewClaim};
use crate::notebook::figures::FigureRow;
use crate::notebook::sources::SourceRow;
use crate::notebook::Notebook;
use crate::render::{Cell, Record, Shape};

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

pub fn plan(c: ClaimCommand) -> Result<Plan> {
    Ok(match c {
        ClaimCommand::Add(args) => {
            Plan::new("claim add", Need::Write, Shape::record::<ClaimRow>(&[]), move |run| add(run, args))
        }
        ClaimCommand::List(f) => {
            Plan::new("claim list", Need::Read, Shape::rows::<ClaimRow>(), move |run| list(run, &f))
        }
        ClaimCommand::Suggest(args) => super::suggest::plan(args),
        ClaimCommand::Show { id } => {
            // The claim, then its sources, figures and links.
            let shape = Shape::record::<ClaimRow>(&["UNVERIFIED", "sources_list", "figures_list", "links"]);
            Plan::new("claim show", Need::Read, shape, move |run| show(run, id))
        }
        ClaimCommand::Edit(args) => {
            Plan::new("claim edit", Need::Write, Shape::record::<ClaimRow>(&[]), move |run| edit(run, args))
        }
        ClaimCommand::Rm { id } => Plan::new("claim rm", Need::Write, Shape::Nothing, move |run| {
            run.nb()?.remove_claim(id)?;
            run.out.note(&format!("removed claim #{id}; `crosscheck history claims {id}` shows what it was"));
            Ok(())
        }),
        ClaimCommand::Link { a, b, relation } => {
            Plan::new("claim link", Need::Write, Shape::record::<LinkRow>(&[]), move |run| {
                let link = run.nb()?.link_claims(a, b, relation)?;
                run.out.created(a, &Record::of(&link)?)
            })
        }
    })
}

fn list(run: &mut Run<'_>, f: &ClaimFilterArgs) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
    let filter = filter(nb, f)?;
    let empty = if filter.is_empty() {
        "no claims yet; `crosscheck claim add` records one"
    } else {
        "no claims match"
    };
    let mut w = out.rows::<ClaimRow>(empty)?;
    nb.for_each_claim(&filter, |c| w.row(&c).map_err(crate::notebook::Error::Output))?;
    w.finish()
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

fn add(run: &mut Run<'_>, args: ClaimAddArgs) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
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
        out.note(&format!(
            "claim #{} is marked unverified: its quote was not found in article #{}",
            row.id, row.article_id
        ));
    }
    out.created(row.id, &Record::of(&row)?)
}

fn show(run: &mut Run<'_>, id: i64) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
    let row = nb.claim(id)?;
    let mut record = Record::of(&row)?;
    if row.unverified {
        record = record.first("UNVERIFIED", Cell::text("the quote was not found in the article"));
    }
    let sources: Vec<SourceRow> = nb.sources_of_claim(id)?;
    let figures: Vec<FigureRow> = nb.figures_of_claim(id)?;
    let links = nb.links_of(id)?;
    let record = record
        .section("sources_list", "Sources", &sources, "no sources: the outlet's own reporting")?
        .section("figures_list", "Figures", &figures, "no figures")?
        .section("links", "Links", &links, "no links to other claims")?;
    out.record(&record)
}

fn edit(run: &mut Run<'_>, args: ClaimEditArgs) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
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
    out.created(row.id, &Record::of(&row)?)
}
