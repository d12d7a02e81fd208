//! Claims: listed with filters, shown with their sources, figures and links, added, edited,
//! removed and linked.

use crate::dates::PartialDate;
use crate::notation::VagueTable;
use crate::notebook::claims::{ClaimEdit, ClaimFilter, ClaimRow, LinkRow, NewClaim};
use crate::notebook::{invalid, Notebook, Result};
use crate::ratings::{Credibility, Reliability};
use crate::rows::{Cell, Record};
use crate::vocab::Relation;

/// The claim filters as a person gives them: a source by id, name or alias, a measure by key.
/// Shared by `claim list`, `export claims`, `reconcile` and `report`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimQuery {
    pub article: Option<i64>,
    pub source: Option<String>,
    pub min_reliability: Option<Reliability>,
    pub max_credibility: Option<Credibility>,
    pub tag: Option<String>,
    pub place: Option<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub measure: Option<String>,
}

impl ClaimQuery {
    /// The filter with its names resolved (an unknown source or measure is an error naming it).
    pub fn resolve(&self, nb: &Notebook) -> Result<ClaimFilter> {
        Ok(ClaimFilter {
            article: self.article,
            source: self.source.as_deref().map(|s| nb.resolve_source(s)).transpose()?,
            min_reliability: self.min_reliability,
            max_credibility: self.max_credibility,
            tag: self.tag.clone(),
            place: self.place.clone(),
            since: self.since.map(|d| d.to_string()),
            until: self.until.map(|d| d.to_string()),
            measure: self.measure.as_deref().map(|k| nb.measure_id(k)).transpose()?,
            id: None,
        })
    }

    /// The filters as typed, by their flag's name (`min-reliability` = `C`): for the reasons of
    /// the figures a filter leaves out and for a report's header. `measure` only where it
    /// filters.
    pub fn words(&self, with_measure: bool) -> Vec<(String, String)> {
        [
            ("article", self.article.map(|a| a.to_string())),
            ("source", self.source.clone()),
            ("min-reliability", self.min_reliability.map(|g| g.to_string())),
            ("max-credibility", self.max_credibility.map(|c| c.to_string())),
            ("tag", self.tag.clone()),
            ("place", self.place.clone()),
            ("since", self.since.map(|d| d.to_string())),
            ("until", self.until.map(|d| d.to_string())),
            ("measure", self.measure.clone().filter(|_| with_measure)),
        ]
        .into_iter()
        .filter_map(|(name, v)| v.map(|v| (name.to_string(), v)))
        .collect()
    }

    pub fn is_empty(&self) -> bool {
        *self == ClaimQuery::default()
    }
}

/// `claim list`: every claim that passes the filters, in id order, one by one.
pub fn list_claims(
    nb: &mut Notebook,
    query: &ClaimQuery,
    sink: impl FnMut(ClaimRow) -> Result<()>,
) -> Result<()> {
    nb.reading(|nb| {
        let filter = query.resolve(nb)?;
        nb.for_each_claim(&filter, sink)
    })
}

/// What `claim list` says when nothing passes: whether there are claims at all depends on the
/// filters only.
pub fn no_claims(query: &ClaimQuery) -> &'static str {
    if query.is_empty() {
        "no claims yet; `crosscheck claim add` records one"
    } else {
        "no claims match"
    }
}

/// The sections of `claim show`, by key: what `--columns` may name beside the claim's fields.
pub const CLAIM_SECTIONS: &[&str] = &["UNVERIFIED", "page", "sources_list", "figures_list", "links"];

/// `claim show`: the claim (a warning first when its quote was not found), then its sources,
/// figures and links.
pub fn show_claim(nb: &mut Notebook, id: i64) -> Result<Record> {
    nb.reading(|nb| {
        let row = nb.claim(id)?;
        let mut record = Record::of(&row).map_err(super::unreadable)?;
        if let Some(page) = nb.claim_page(id)? {
            // The page of the quote, beside it: what a citation of a PDF needs.
            let at = record.fields.iter().position(|(name, _)| *name == "quote").map(|i| i + 1);
            let at = at.unwrap_or(record.fields.len());
            record.fields.insert(at, ("page", Cell::text(format!("p. {page}"))));
        }
        if row.unverified {
            record = record.first("UNVERIFIED", Cell::text("the quote was not found in the article"));
        }
        let sources = nb.sources_of_claim(id)?;
        let figures = nb.figures_of_claim(id)?;
        let links = nb.links_of(id)?;
        record
            .section("sources_list", "Sources", &sources, "no sources: the outlet's own reporting")
            .and_then(|r| r.section("figures_list", "Figures", &figures, "no figures"))
            .and_then(|r| r.section("links", "Links", &links, "no links to other claims"))
            .map_err(super::unreadable)
    })
}

/// A claim to record, as a person gives it: sources by id, name or alias; figures as
/// `KEY=NOTATION`, or `KEY` alone to read the one figure the quote holds.
#[derive(Debug, Clone, Default)]
pub struct AddClaim {
    pub article: i64,
    pub quote: String,
    pub sources: Vec<String>,
    pub text: Option<String>,
    pub credibility: Option<Credibility>,
    pub place: Option<String>,
    pub when: Option<String>,
    pub tags: Vec<String>,
    pub figures: Vec<String>,
    pub unverified: bool,
    pub again: bool,
}

/// `claim add`, in one write transaction.
pub fn add_claim(nb: &mut Notebook, add: &AddClaim) -> Result<ClaimRow> {
    nb.writing(|nb| {
        let vague =
            if add.figures.iter().any(|f| !f.contains('=')) { nb.vague_table()? } else { VagueTable::new() };
        let figures =
            add.figures.iter().map(|f| figure_flag(f, &add.quote, &vague)).collect::<Result<Vec<_>>>()?;
        let sources = add.sources.iter().map(|s| nb.resolve_source(s)).collect::<Result<Vec<_>>>()?;
        nb.add_claim(&NewClaim {
            article_id: add.article,
            quote: add.quote.clone(),
            sources,
            text: add.text.clone(),
            credibility: add.credibility.unwrap_or_default(),
            place: add.place.clone(),
            when: add.when.clone(),
            tags: add.tags.clone(),
            unverified: add.unverified,
            figures,
            uuid: None,
            again: add.again,
        })
    })
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
                [] => invalid(format!(
                    "--figure {f}: the quote holds no figure crosscheck can read; give it as {f}='about 40'"
                )),
                many => invalid(format!(
                    "--figure {f}: the quote holds {} figures ({}); give the one you mean as {f}=NOTATION",
                    many.len(),
                    many.iter().map(|m| format!("'{}'", m.wording)).collect::<Vec<_>>().join(", ")
                )),
            }
        }
        _ => invalid(format!(
            "--figure '{f}' is not KEY=NOTATION or KEY; write it like defectors.foreign='more than 100'"
        )),
    }
}

/// A change to a claim, as a person gives it: `sources` replaces them (by id, name or alias),
/// `Some(empty)` makes the claim the outlet's own report.
#[derive(Debug, Clone, Default)]
pub struct EditClaim {
    pub text: Option<String>,
    pub credibility: Option<Credibility>,
    pub place: Option<String>,
    pub when: Option<String>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    pub sources: Option<Vec<String>>,
}

/// `claim edit`, in one write transaction.
pub fn edit_claim(nb: &mut Notebook, id: i64, edit: &EditClaim) -> Result<ClaimRow> {
    nb.writing(|nb| {
        let sources = edit
            .sources
            .as_ref()
            .map(|names| names.iter().map(|s| nb.resolve_source(s)).collect::<Result<Vec<_>>>())
            .transpose()?;
        nb.edit_claim(
            id,
            &ClaimEdit {
                text: edit.text.clone(),
                credibility: edit.credibility,
                place: edit.place.clone(),
                when: edit.when.clone(),
                add_tags: edit.add_tags.clone(),
                remove_tags: edit.remove_tags.clone(),
                sources,
            },
        )
    })
}

/// `claim rm` (kept in the history).
pub fn remove_claim(nb: &mut Notebook, id: i64) -> Result<()> {
    nb.writing(|nb| nb.remove_claim(id))
}

/// `claim link A B --as RELATION`.
pub fn link_claims(nb: &mut Notebook, a: i64, b: i64, relation: Relation) -> Result<LinkRow> {
    nb.writing(|nb| nb.link_claims(a, b, relation))
}

/// `claim unlink A B [--as RELATION]`: the links removed.
pub fn unlink_claims(nb: &mut Notebook, a: i64, b: i64, relation: Option<Relation>) -> Result<Vec<LinkRow>> {
    nb.writing(|nb| nb.unlink_claims(a, b, relation))
}
