//! The articles as citations: the metadata a citation names (outlet, author, dates, addresses),
//! read without the bodies.

use rusqlite::Connection;

use super::articles::ArticleRow;
use super::{Notebook, Result};
use crate::citation::Citable;

/// An article's row cites as the export does (the report's claims cite their article so).
impl From<&ArticleRow> for Citable {
    fn from(a: &ArticleRow) -> Citable {
        Citable {
            id: a.id,
            uuid: a.uuid.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            author: a.author.clone(),
            url: a.url.clone(),
            published: a.published.clone(),
            language: a.language.clone(),
            archived_url: a.archived_url.clone(),
            archived_at: a.archived_at.clone(),
            accessed: Some(a.imported_at.clone()),
        }
    }
}

const CITABLE_SELECT: &str = "SELECT a.id, a.uuid, a.title, o.name AS outlet, a.author, a.url, a.published,
        a.language, a.archived_url, a.archived_at, a.imported_at AS accessed
    FROM articles a LEFT JOIN sources o ON o.id = a.outlet_id";

fn citable(r: &rusqlite::Row<'_>) -> rusqlite::Result<Citable> {
    Ok(Citable {
        id: r.get("id")?,
        uuid: r.get("uuid")?,
        title: r.get("title")?,
        outlet: r.get("outlet")?,
        author: r.get("author")?,
        url: r.get("url")?,
        published: r.get("published")?,
        language: r.get("language")?,
        archived_url: r.get("archived_url")?,
        archived_at: r.get("archived_at")?,
        accessed: r.get("accessed")?,
    })
}

/// Streams every article's citation, in id order.
pub(crate) fn for_each_citable(conn: &Connection, mut f: impl FnMut(Citable) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!("{CITABLE_SELECT} ORDER BY a.id"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(citable(r)?)?;
    }
    Ok(())
}

impl Notebook {
    /// Streams every article's citation in one read transaction.
    pub fn for_each_citable(&mut self, f: impl FnMut(Citable) -> Result<()>) -> Result<()> {
        let tx = self.read()?;
        for_each_citable(&tx, f)
    }

    /// The citations of every article, by id.
    pub fn citables(&mut self) -> Result<std::collections::HashMap<i64, Citable>> {
        let mut out = std::collections::HashMap::new();
        self.for_each_citable(|c| {
            out.insert(c.id, c);
            Ok(())
        })?;
        Ok(out)
    }
}
