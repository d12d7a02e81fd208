//! `report`: one self-contained page (HTML, or Markdown with SVG files beside it) that shows what
//! a notebook holds on some measures: each reconciliation with an interval chart, the claims
//! behind every figure, the articles with their claimed spans marked, and the sources. The
//! command gathers a `Report` from the notebook; everything here is a pure function from that
//! struct to text, and every string from the notebook is treated as hostile input.

mod html;
mod markdown;
pub(crate) mod spans;
pub mod svg;
pub(crate) mod text;
pub(crate) mod view;
pub(crate) mod words;

use std::collections::BTreeMap;

use crate::notebook::articles::{ArticleRow, Span};
use crate::notebook::claims::ClaimRow;
use crate::notebook::reconciliations::{Reconciled, TimelineRow};
use crate::notebook::sources::{RatingRow, SourceRow};
use crate::reconcile::Method;

pub use html::html;
pub use markdown::{chart_file, markdown, Markdown};
pub use text::neutralise;

/// The language of the page's own words; `ar` also lays the page out right to left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Lang {
    #[default]
    #[cfg_attr(feature = "cli", value(name = "en", help = "English headings, left to right"))]
    En,
    #[cfg_attr(feature = "cli", value(name = "ar", help = "Arabic headings, the whole page right to left"))]
    Ar,
}

/// A report's title when none is given: the notebook's file name without its folder and
/// extension (`~/research/raqqa.db` -> `raqqa`).
pub fn default_title(notebook: &std::path::Path) -> String {
    notebook
        .file_stem()
        .or_else(|| notebook.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "crosscheck".to_string())
}

/// Everything a report shows, read from the notebook before anything is rendered.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The page's title (`--title`, else the notebook's file name: never a path, which would
    /// tell a reader about the writer's machine).
    pub title: String,
    /// Who wrote the report (`--author`).
    pub author: Option<String>,
    /// When the report was written (RFC 3339, UTC).
    pub generated: String,
    /// The crosscheck version that wrote it.
    pub version: String,
    pub lang: Lang,
    /// The measure keys asked for; empty: every measure.
    pub keys: Vec<String>,
    /// The filters as typed (`("tag", "defections")`), in the order of the command line's help.
    pub filters: Vec<(String, String)>,
    /// The method used where no saved reconciliation applies.
    pub method: Method,
    pub measures: Vec<MeasureReport>,
    /// Every claim the page shows, by id: those behind the figures and the other claims.
    pub claims: BTreeMap<i64, ClaimRow>,
    /// Claims that pass the filters but give no figure to the measures shown (whole-notebook
    /// reports only), in id order.
    pub other_claims: Vec<i64>,
    pub articles: Vec<ArticleText>,
    pub sources: Vec<SourceReport>,
    /// The page each claim's quote is on (its number, or the label printed on it), for the
    /// claims whose article has pages (a PDF).
    pub pages: BTreeMap<i64, String>,
}

/// One measure: its figures and the reconciliation computed now (with the saved method when a
/// saved reconciliation applies, which `reconciled.saved` holds), and its timeline.
#[derive(Debug, Clone)]
pub struct MeasureReport {
    pub reconciled: Reconciled,
    /// One row per publication date; drawn when there are two dates or more.
    pub timeline: Vec<TimelineRow>,
}

/// An article with its text and the spans its claims quote.
#[derive(Debug, Clone, Default)]
pub struct ArticleText {
    pub row: ArticleRow,
    pub body: String,
    pub spans: Vec<Span>,
}

/// A source with the history of its rating.
#[derive(Debug, Clone, Default)]
pub struct SourceReport {
    pub row: SourceRow,
    pub history: Vec<RatingRow>,
}

/// The ids the page gives its parts. Every `href="#…"` is built from these, never from notebook
/// text, and only for a part the page holds.
pub(crate) mod anchor {
    pub fn measure(id: i64) -> String {
        format!("measure-{id}")
    }
    pub fn figure(id: i64) -> String {
        format!("figure-{id}")
    }
    pub fn claim(id: i64) -> String {
        format!("claim-{id}")
    }
    pub fn article(id: i64) -> String {
        format!("article-{id}")
    }
    pub fn text(id: i64) -> String {
        format!("text-{id}")
    }
    pub fn quote(claim: i64) -> String {
        format!("quote-{claim}")
    }
    pub fn source(id: i64) -> String {
        format!("source-{id}")
    }
}

/// Lookups the renderers share, built once per page.
pub(crate) struct Index<'a> {
    pub articles: std::collections::HashMap<i64, &'a ArticleText>,
    /// Source ids by name: claims name their sources, links need the ids.
    pub sources: std::collections::HashMap<&'a str, i64>,
    /// Claims whose quote is marked in an article text the page holds.
    pub quoted: std::collections::HashSet<i64>,
    /// The page of each claim's quote, where its article has pages.
    pub pages: &'a BTreeMap<i64, String>,
}

impl<'a> Index<'a> {
    pub fn of(r: &'a Report) -> Index<'a> {
        Index {
            articles: r.articles.iter().map(|a| (a.row.id, a)).collect(),
            sources: r.sources.iter().map(|s| (s.row.name.as_str(), s.row.id)).collect(),
            quoted: r.articles.iter().flat_map(|a| a.spans.iter().map(|s| s.claim)).collect(),
            pages: &r.pages,
        }
    }
}
