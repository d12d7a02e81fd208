//! `article list|show|edit|rm`.

use super::{Need, Plan};
use crate::cli::ArticleCommand;
use crate::notebook::articles::{ArticleEdit, ArticleRow};
use crate::render::Shape;
use crate::usecase::articles::{self as uses, ARTICLE_SECTIONS, EDITED_SECTIONS};

pub fn plan(c: ArticleCommand) -> Plan {
    match c {
        ArticleCommand::List => Plan::new("article list", Need::Read, Shape::rows::<ArticleRow>(), |run| {
            let rows = uses::list_articles(run.nb()?)?;
            run.out.list(&rows, "no articles yet; `crosscheck import articles FILE` adds one")
        }),
        ArticleCommand::Show { id, text: true } => {
            Plan::new("article show --text", Need::Read, Shape::Text, move |run| {
                let text = uses::article_text(run.nb()?, id)?;
                run.out.text(&text)
            })
        }
        ArticleCommand::Show { id, text: false } => {
            Plan::new("article show", Need::Read, Shape::record::<ArticleRow>(ARTICLE_SECTIONS), move |run| {
                let record = uses::show_article(run.nb()?, id)?;
                run.out.record(&record)
            })
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
            let shape = Shape::record::<ArticleRow>(EDITED_SECTIONS);
            Plan::new("article edit", Need::Write, shape, move |run| {
                edit.check().map_err(super::UsageError)?;
                let done = uses::edit_article(run.nb()?, id, &edit)?;
                run.close();
                if !done.stale.is_empty() {
                    let ids: Vec<String> = done.stale.iter().map(|r| format!("#{r}")).collect();
                    run.out.note(&format!(
                        "{} saved reconciliation(s) rested on what changed and are now stale: {}",
                        ids.len(),
                        ids.join(", ")
                    ));
                }
                run.out.created(id, &uses::edited_record(&done)?)
            })
        }
        ArticleCommand::Rm { id, force } => {
            Plan::new("article rm", Need::Write, Shape::Nothing, move |run| {
                let removed = uses::remove_article(run.nb()?, id, force)?;
                run.out.note(&format!("removed article #{id} and {removed} claim(s) citing it"));
                Ok(())
            })
        }
    }
}
