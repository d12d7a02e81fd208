//! `article list|show|rm`.

use std::io::Write;

use anyhow::Result;

use super::{Ctx, Section};
use crate::cli::ArticleCommand;
use crate::notebook::articles::ArticleRow;
use crate::notebook::claims::ClaimRow;
use crate::notebook::parse_id;
use crate::render::escape_controls;

pub fn run(ctx: &Ctx, c: ArticleCommand) -> Result<()> {
    match c {
        ArticleCommand::List => {
            let nb = ctx.open()?;
            let rows = nb.articles()?;
            ctx.rows(ArticleRow::COLUMNS, rows.iter().map(ArticleRow::cells))
        }
        ArticleCommand::Show { id, text } => show(ctx, &id, text),
        ArticleCommand::Rm { id, force } => {
            let id = parse_id(&id, "article")?;
            let mut nb = ctx.open()?;
            let removed = nb.remove_article(id, force)?;
            ctx.note(&format!("removed article #{id} and {removed} claim(s) citing it"));
            Ok(())
        }
    }
}

fn show(ctx: &Ctx, id: &str, text: bool) -> Result<()> {
    let id = parse_id(id, "article")?;
    let nb = ctx.open()?;
    let row = nb.article(id)?;
    if text {
        let body = nb.article_body(id)?;
        let spans = nb.claim_spans(id)?;
        let marked = mark_spans(&body, &spans);
        let mut out = ctx.stdout();
        writeln!(out, "{}", escape_controls(&marked, true))?;
        out.flush()?;
        return Ok(());
    }
    let cells = row.cells();
    let fields: Vec<(&str, _)> = ArticleRow::COLUMNS.iter().copied().zip(cells).collect();
    let claims = nb.claims_of_article(id)?;
    ctx.show(
        &fields,
        &[Section {
            title: "Claims",
            key: "claims_list",
            columns: ClaimRow::COLUMNS,
            rows: claims.iter().map(ClaimRow::cells).collect(),
        }],
    )
}

/// The body with each claimed span (character offsets) marked ⟦#N …⟧. Overlapping spans are
/// marked where they start; a span inside an earlier one is marked by its id only.
pub fn mark_spans(body: &str, spans: &[(i64, usize, usize)]) -> String {
    let chars: Vec<char> = body.chars().collect();
    let mut opens: std::collections::BTreeMap<usize, Vec<i64>> = Default::default();
    let mut closes: std::collections::BTreeMap<usize, usize> = Default::default();
    for &(id, s, e) in spans {
        if s < e && e <= chars.len() {
            opens.entry(s).or_default().push(id);
            *closes.entry(e).or_default() += 1;
        }
    }
    let mut out = String::with_capacity(body.len() + spans.len() * 8);
    for i in 0..=chars.len() {
        if let Some(n) = closes.get(&i) {
            for _ in 0..*n {
                out.push('⟧');
            }
        }
        if let Some(ids) = opens.get(&i) {
            for id in ids {
                out.push_str(&format!("⟦#{id} "));
            }
        }
        if i < chars.len() {
            out.push(chars[i]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mark_spans;

    #[test]
    fn spans_are_marked_by_character_offsets() {
        assert_eq!(mark_spans("قال ناشطون إن", &[(7, 4, 10)]), "قال ⟦#7 ناشطون⟧ إن");
        assert_eq!(mark_spans("abc", &[(1, 0, 3), (2, 1, 2)]), "⟦#1 a⟦#2 b⟧c⟧");
    }
}
