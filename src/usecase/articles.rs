//! Articles: listed, shown with their claims or as text with the claimed spans marked, edited
//! and removed.

use super::unreadable;
use crate::notebook::articles::{ArticleEdit, ArticleEdited, ArticleRow, Span};
use crate::notebook::claims::ClaimFilter;
use crate::notebook::{Notebook, Result};
use crate::rows::Record;

/// `article list`.
pub fn list_articles(nb: &mut Notebook) -> Result<Vec<ArticleRow>> {
    nb.reading(|nb| nb.articles())
}

/// The sections of `article show`, by key.
pub const ARTICLE_SECTIONS: &[&str] = &["claims_list"];

/// `article show`: the article and the claims recorded from it.
pub fn show_article(nb: &mut Notebook, id: i64) -> Result<Record> {
    nb.reading(|nb| {
        let row = nb.article(id)?;
        let claims = nb.claims(&ClaimFilter { article: Some(id), ..Default::default() })?;
        Record::of(&row)
            .and_then(|r| {
                r.section("claims_list", "Claims", &claims, "no claims recorded from this article yet")
            })
            .map_err(unreadable)
    })
}

/// `article show --text`: the body with each claimed span marked ⟦#N …⟧.
pub fn article_text(nb: &mut Notebook, id: i64) -> Result<String> {
    nb.reading(|nb| {
        nb.article(id)?;
        let body = nb.article_body(id)?;
        Ok(mark_spans(&body, &nb.claim_spans(id)?))
    })
}

/// The sections of `article edit`, by key.
pub const EDITED_SECTIONS: &[&str] = &["redated"];

/// `article edit`: the article as it is now, the claims whose dates moved, and the saved
/// reconciliations that went stale.
pub fn edit_article(nb: &mut Notebook, id: i64, edit: &ArticleEdit) -> Result<ArticleEdited> {
    nb.writing(|nb| nb.edit_article(id, edit))
}

/// What `article edit` shows: the article, then the claims re-dated.
pub fn edited_record(done: &ArticleEdited) -> Result<Record> {
    Record::of(&done.row)
        .and_then(|r| r.section("redated", "Claims re-dated", &done.redated, "no claim's date changed"))
        .map_err(unreadable)
}

/// `article rm`: how many claims went with it.
pub fn remove_article(nb: &mut Notebook, id: i64, force: bool) -> Result<usize> {
    nb.writing(|nb| nb.remove_article(id, force))
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
