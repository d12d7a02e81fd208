//! `article list|show|edit|rm`.

use std::io::Write;

use anyhow::Result;

use super::{columns, Ctx, Section};
use crate::cli::ArticleCommand;
use crate::notebook::articles::{ArticleEdit, Span};
use crate::notebook::claims::ClaimFilter;
use crate::notebook::Access;
use crate::render::escape_controls;

pub fn run(ctx: &Ctx, c: ArticleCommand, access: Access) -> Result<()> {
    match c {
        ArticleCommand::List => {
            ctx.check_columns(&columns::ARTICLES)?;
            let rows = ctx.open(access)?.articles()?;
            ctx.list(&columns::ARTICLES, rows, "no articles yet; `crosscheck import articles FILE` adds one")
        }
        ArticleCommand::Show { id, text } => show(ctx, id, text, access),
        ArticleCommand::Edit { id, title, outlet, author, url, published, lang, note } => {
            let edit = ArticleEdit {
                title,
                outlet,
                author,
                url,
                published: published.map(|d| d.0),
                language: lang,
                note,
            };
            let done = ctx.open(access)?.edit_article(id, &edit)?;
            if !done.stale.is_empty() {
                let ids: Vec<String> = done.stale.iter().map(|r| format!("#{r}")).collect();
                ctx.note(&format!(
                    "{} saved reconciliation(s) rested on what changed and are now stale: {}",
                    ids.len(),
                    ids.join(", ")
                ));
            }
            if ctx.quiet {
                return ctx.created(id, &done.row, &[]);
            }
            ctx.show(
                &crate::render::cells_of(&done.row)?,
                &[Section::of(
                    "Claims re-dated",
                    "redated",
                    &columns::REDATED,
                    &done.redated,
                    "no claim's date changed",
                )?],
            )
        }
        ArticleCommand::Rm { id, force } => {
            let removed = ctx.open(access)?.remove_article(id, force)?;
            ctx.note(&format!("removed article #{id} and {removed} claim(s) citing it"));
            Ok(())
        }
    }
}

fn show(ctx: &Ctx, id: i64, text: bool, access: Access) -> Result<()> {
    let mut nb = ctx.open(access)?;
    let row = nb.article(id)?;
    if text {
        let body = nb.article_body(id)?;
        let marked = mark_spans(&body, &nb.claim_spans(id)?);
        let mut out = ctx.stdout();
        writeln!(out, "{}", escape_controls(&marked, true))?;
        out.flush()?;
        return Ok(());
    }
    let claims = nb.claims(&ClaimFilter { article: Some(id), ..Default::default() })?;
    ctx.show(
        &crate::render::cells_of(&row)?,
        &[Section::of(
            "Claims",
            "claims_list",
            &columns::CLAIMS,
            &claims,
            "no claims recorded from this article yet",
        )?],
    )
}

/// The body with each claimed span (character offsets) marked ⟦#N …⟧. Overlapping spans are
/// marked where they start and end.
pub fn mark_spans(body: &str, spans: &[Span]) -> String {
    let chars: Vec<char> = body.chars().collect();
    let mut opens: std::collections::BTreeMap<usize, Vec<i64>> = Default::default();
    let mut closes: std::collections::BTreeMap<usize, usize> = Default::default();
    for s in spans {
        if s.start < s.end && s.end <= chars.len() {
            opens.entry(s.start).or_default().push(s.claim);
            *closes.entry(s.end).or_default() += 1;
        }
    }
    let mut out = String::with_capacity(body.len() + spans.len() * 8);
    for i in 0..=chars.len() {
        for _ in 0..closes.get(&i).copied().unwrap_or(0) {
            out.push('⟧');
        }
        for id in opens.get(&i).into_iter().flatten() {
            out.push_str(&format!("⟦#{id} "));
        }
        if let Some(c) = chars.get(i) {
            out.push(*c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_marked_by_character_offsets() {
        let span = |claim, start, end| Span { claim, start, end };
        assert_eq!(mark_spans("قال ناشطون إن", &[span(7, 4, 10)]), "قال ⟦#7 ناشطون⟧ إن");
        assert_eq!(mark_spans("abc", &[span(1, 0, 3), span(2, 1, 2)]), "⟦#1 a⟦#2 b⟧c⟧");
    }
}
