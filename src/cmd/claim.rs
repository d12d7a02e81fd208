//! `claim add|list|show|edit|rm|link` (and `claim suggest`, in suggest.rs).

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::{ClaimAddArgs, ClaimCommand, ClaimEditArgs, ClaimFilterArgs};
use crate::notebook::claims::{ClaimRow, LinkRow};
use crate::notebook::Error;
use crate::render::{Record, Shape};
use crate::usecase::claims::{self, AddClaim, EditClaim, CLAIM_SECTIONS};
use crate::usecase::ClaimQuery;

/// The claim filter flags as a query.
pub fn query(f: &ClaimFilterArgs) -> ClaimQuery {
    ClaimQuery {
        article: f.article,
        source: f.source.clone(),
        min_reliability: f.min_reliability,
        max_credibility: f.max_credibility,
        tag: f.tag.clone(),
        place: f.place.clone(),
        since: f.since,
        until: f.until,
        measure: f.measure.clone(),
    }
}

pub fn plan(c: ClaimCommand) -> Result<Plan> {
    let record = || Shape::record::<ClaimRow>(&[]);
    Ok(match c {
        ClaimCommand::Add(args) => {
            crate::notebook::claims::check_tags(&args.tags).map_err(super::UsageError)?;
            let add = add_request(args);
            Plan::new("claim add", Need::Write, record(), move |run| add_claim(run, &add))
        }
        ClaimCommand::List(f) => {
            let q = query(&f);
            Plan::new("claim list", Need::Read, Shape::rows::<ClaimRow>(), move |run| list(run, &q))
        }
        ClaimCommand::Suggest(args) => super::suggest::plan(args),
        ClaimCommand::Show { id } => {
            Plan::new("claim show", Need::Read, Shape::record::<ClaimRow>(CLAIM_SECTIONS), move |run| {
                let record = claims::show_claim(run.nb()?, id)?;
                run.out.record(&record)
            })
        }
        ClaimCommand::Edit(args) => {
            crate::notebook::claims::check_tags(&args.tags).map_err(super::UsageError)?;
            let (id, edit) = edit_request(args);
            Plan::new("claim edit", Need::Write, record(), move |run| {
                let row = claims::edit_claim(run.nb()?, id, &edit)?;
                run.out.created(row.id, &Record::of(&row)?)
            })
        }
        ClaimCommand::Rm { id } => Plan::new("claim rm", Need::Write, Shape::Nothing, move |run| {
            claims::remove_claim(run.nb()?, id)?;
            run.out.note(&format!("removed claim #{id}; `crosscheck history claims {id}` shows what it was"));
            Ok(())
        }),
        ClaimCommand::Link { a, b, relation } => {
            Plan::new("claim link", Need::Write, Shape::record::<LinkRow>(&[]), move |run| {
                let link = claims::link_claims(run.nb()?, a, b, relation)?;
                run.out.created(a, &Record::of(&link)?)
            })
        }
        ClaimCommand::Unlink { a, b, relation } => {
            Plan::new("claim unlink", Need::Write, Shape::Nothing, move |run| {
                let removed = claims::unlink_claims(run.nb()?, a, b, relation)?;
                let list: Vec<String> =
                    removed.iter().map(|l| format!("#{} {} #{}", l.from, l.relation, l.to)).collect();
                run.out.note(&format!("removed the link {}", list.join(", ")));
                Ok(())
            })
        }
    })
}

fn list(run: &mut Run<'_>, q: &ClaimQuery) -> Result<()> {
    let out = run.out;
    let mut w = out.rows::<ClaimRow>(claims::no_claims(q));
    claims::list_claims(run.nb()?, q, |c| w.row(&c).map_err(Error::Output))?;
    w.finish()
}

fn add_request(args: ClaimAddArgs) -> AddClaim {
    AddClaim {
        article: args.article,
        quote: args.quote,
        sources: args.sources,
        text: args.text,
        credibility: args.credibility,
        place: args.place,
        when: args.when,
        tags: args.tags,
        figures: args.figures,
        unverified: args.unverified,
        again: args.again,
        incident: args.incident,
    }
}

fn add_claim(run: &mut Run<'_>, add: &AddClaim) -> Result<()> {
    let row = claims::add_claim(run.nb()?, add)?;
    run.close();
    if row.unverified {
        run.out.note(&format!(
            "claim #{} is marked unverified: its quote was not found in article #{}",
            row.id, row.article_id
        ));
    }
    run.out.created(row.id, &Record::of(&row)?)
}

fn edit_request(args: ClaimEditArgs) -> (i64, EditClaim) {
    let sources = if args.no_sources {
        Some(Vec::new())
    } else if args.sources.is_empty() {
        None
    } else {
        Some(args.sources)
    };
    let edit = EditClaim {
        text: args.text,
        credibility: args.credibility,
        place: args.place,
        when: args.when,
        add_tags: args.tags,
        remove_tags: args.untags,
        sources,
        incident: args.incident,
    };
    (args.id, edit)
}
