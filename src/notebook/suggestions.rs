//! The review's two writes on suggested claims (`usecase::suggest` reads them): accepting a
//! suggestion (a claim, with a new source or alias when asked, in one transaction) and rejecting
//! one (remembered in `rejected_suggestions`, so neither `claim suggest` nor the review pages of
//! `serve` offer it again).

use std::collections::HashSet;

use rusqlite::params;
use serde::Serialize;

use super::claims::{ClaimRow, NewClaim};
use super::sources::SourceFields;
use super::{Notebook, Result};
use crate::ratings::{Credibility, Reliability};

/// A rejected suggestion, as remembered.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RejectedRow {
    pub article_id: i64,
    pub span_start: usize,
    pub span_end: usize,
    pub quote: String,
    pub reason: Option<String>,
    pub created_at: String,
}

/// Who an accepted suggestion is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// The outlet's own reporting.
    Outlet,
    /// A source of the notebook.
    Known(i64),
    /// A source of the notebook, with the phrase as written kept as its new alias.
    Alias { source: i64, alias: String },
    /// A new source by this name, unrated (F) until someone rates it.
    New { name: String, kind: crate::vocab::SourceKind },
}

/// A suggestion accepted, as the reviewer chose (quote and figure possibly edited).
#[derive(Debug, Clone)]
pub struct Acceptance {
    pub article_id: i64,
    pub quote: String,
    pub attribution: Attribution,
    pub credibility: Credibility,
    pub when: Option<String>,
    /// `(measure key, notation)`.
    pub figure: Option<(String, String)>,
    /// The incident the claim is about (its key), as `claim suggest --incident` puts it on every
    /// row; when none is given and the figure's measure belongs to an incident, that one.
    pub incident: Option<String>,
}

impl Notebook {
    /// Remembers that a suggestion was rejected (its character span in the article and its
    /// words), in one write transaction; rejecting it again changes nothing.
    pub fn reject_suggestion(
        &mut self,
        article: i64,
        span: (usize, usize),
        quote: &str,
        reason: Option<&str>,
    ) -> Result<RejectedRow> {
        let (start, end) = span;
        if start >= end || quote.trim().is_empty() {
            return super::invalid(format!(
                "the suggestion to reject has no words (span {start}..{end}); reload the article's page"
            ));
        }
        let tx = self.change()?;
        let body = super::articles::body_of(&tx, article)?;
        if end > body.chars().count() {
            return super::invalid(format!(
                "the span {start}..{end} lies past the end of article #{article}; reload the article's page"
            ));
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let at = super::now();
        tx.execute(
            "INSERT INTO rejected_suggestions (uuid, article_id, span_start, span_end, quote, reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (article_id, span_start, span_end) DO NOTHING",
            params![super::new_uuid(), article, super::sql_int(start), super::sql_int(end), quote, reason, at],
        )?;
        tx.commit()?;
        Ok(RejectedRow {
            article_id: article,
            span_start: start,
            span_end: end,
            quote: quote.to_string(),
            reason: reason.map(str::to_string),
            created_at: at,
        })
    }

    /// The character spans of an article's rejected suggestions.
    pub fn rejected_spans(&mut self, article: i64) -> Result<HashSet<(usize, usize)>> {
        let tx = self.read()?;
        let mut stmt =
            tx.prepare_cached("SELECT span_start, span_end FROM rejected_suggestions WHERE article_id = ?1")?;
        let rows = stmt
            .query_map([article], |r| {
                Ok((super::count(r.get("span_start")?), super::count(r.get("span_end")?)))
            })?
            .collect::<rusqlite::Result<HashSet<_>>>()?;
        Ok(rows)
    }

    /// The suggestions of an article that were rejected, in order of position.
    pub fn rejected_suggestions(&mut self, article: i64) -> Result<Vec<RejectedRow>> {
        let tx = self.read()?;
        super::articles::article_by_id(&tx, article)?;
        let mut stmt = tx.prepare(
            "SELECT span_start, span_end, quote, reason, created_at FROM rejected_suggestions
             WHERE article_id = ?1 ORDER BY span_start, span_end",
        )?;
        let rows = stmt
            .query_map([article], |r| {
                Ok(RejectedRow {
                    article_id: article,
                    span_start: super::count(r.get("span_start")?),
                    span_end: super::count(r.get("span_end")?),
                    quote: r.get("quote")?,
                    reason: r.get("reason")?,
                    created_at: r.get("created_at")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Records an accepted suggestion as a claim, in one write transaction: the new source or
    /// alias it asks for, the claim (its quote verified against the article) and its figure.
    pub fn accept_suggestion(&mut self, a: &Acceptance) -> Result<ClaimRow> {
        let tx = self.change()?;
        let sources = match &a.attribution {
            Attribution::Outlet => Vec::new(),
            Attribution::Known(id) => {
                super::sources::source_by_id(&tx, *id)?;
                vec![*id]
            }
            Attribution::Alias { source, alias } => {
                super::sources::source_by_id(&tx, *source)?;
                super::sources::insert_alias(&tx, *source, alias)?;
                vec![*source]
            }
            Attribution::New { name, kind } => {
                if name.trim().is_empty() {
                    return super::invalid(
                        "the new source's name is empty; give the name as the article writes it",
                    );
                }
                let fields = SourceFields { kind: Some(*kind), ..SourceFields::default() };
                vec![super::sources::insert_source(
                    &tx,
                    name.trim(),
                    &fields,
                    Reliability::F,
                    None,
                    "rated when added",
                )?]
            }
        };
        let incident = match a.incident.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            Some(k) => Some(k.to_string()),
            None => match &a.figure {
                Some((measure, _)) => super::incidents::incident_of_measure(&tx, measure)?,
                None => None,
            },
        };
        let claim = NewClaim {
            article_id: a.article_id,
            quote: a.quote.clone(),
            sources,
            text: None,
            credibility: a.credibility,
            place: None,
            when: a.when.clone().filter(|w| !w.trim().is_empty()),
            tags: Vec::new(),
            unverified: false,
            figures: a.figure.iter().cloned().collect(),
            incident,
            uuid: None,
            again: false,
        };
        let body = crate::normalize::QuoteIndex::new(&super::articles::body_of(&tx, a.article_id)?);
        let mut words = super::search::ClaimWords::default();
        let id = super::claims::insert_claim(&tx, &claim, &body, &mut words)?;
        words.flush(&tx)?;
        let row = super::claims::claim_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }
}
