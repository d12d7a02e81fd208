//! `article list|show|edit|rm`.

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::ArticleCommand;
use crate::notebook::articles::{ArticleEdit, ArticleRow, Redated, Span};
use crate::notebook::claims::{ClaimFilter, ClaimRow};
use crate::render::{Record, Shape};

pub fn plan(c: ArticleCommand) -> Plan {
    match c {
        ArticleCommand::List => Plan::new("article list", Need::Read, Shape::rows::<ArticleRow>(), |run| {
            let out = run.out;
            let rows = run.nb()?.articles()?;
            out.list(&rows, "no articles yet; `crosscheck import articles FILE` adds one")
        }),
        ArticleCommand::Show { id, text: true } => {
            Plan::new("article show --text", Need::Read, Shape::Text, move |run| {
                let out = run.out;
                let nb = run.nb()?;
                nb.article(id)?;
                let body = nb.article_body(id)?;
                out.text(&mark_spans(&body, &nb.claim_spans(id)?))
            })
        }
        ArticleCommand::Show { id, text: false } => {
            let shape = Shape::record::<ArticleRow>(&["claims_list"]);
            Plan::new("article show", Need::Read, shape, move |run| show(run, id))
        }
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
            // The article, then the claims whose dates the change moved.
            let shape = Shape::record::<ArticleRow>(&["redated"]);
            Plan::new("article edit", Need::Write, shape, move |run| edit_article(run, id, &edit))
        }
        ArticleCommand::Rm { id, force } => {
            Plan::new("article rm", Need::Write, Shape::Nothing, move |run| {
                let removed = run.nb()?.remove_article(id, force)?;
                run.out.note(&format!("removed article #{id} and {removed} claim(s) citing it"));
                Ok(())
            })
        }
    }
}

fn show(run: &mut Run<'_>, id: i64) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
    let row = nb.article(id)?;
    let claims: Vec<ClaimRow> = nb.claims(&ClaimFilter { article: Some(id), ..Default::default() })?;
    let record = Record::of(&row)?.section(
        "claims_list",
        "Claims",
        &claims,
        "no claims recorded from this article yet",
    )?;
    out.record(&record)
}

fn edit_article(run: &mut Run<'_>, id: i64, edit: &ArticleEdit) -> Result<()> {
    let done = run.nb()?.edit_article(id, edit)?;
    run.close();
    if !done.stale.is_empty() {
        let ids: Vec<String> = done.stale.iter().map(|r| format!("#{r}")).collect();
        run.out.note(&format!(
            "{} saved reconciliation(s) rested on what changed and are now stale: {}",
            ids.len(),
            ids.join(", ")
        ));
    }
    let record = Record::of(&done.row)?.section::<Redated>(
        "redated",
        "Claims re-dated",
        &done.redated,
        "no claim's date changed",
    )?;
    run.out.created(id, &record)
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
