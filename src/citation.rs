//! An article as citation managers take it: a CSL-JSON item (`article-newspaper`, what Zotero,
//! Mendeley and citeproc read), a BibLaTeX `@online` entry, and the same elements as one line
//! for the report's claims. Pure: the article's metadata in, text out.

use serde_json::{json, Map, Value};

use crate::dates::PartialDate;

/// What a citation says about an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Citable {
    pub id: i64,
    pub uuid: String,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    pub published: Option<String>,
    pub language: Option<String>,
    /// A copy of the page in a web archive.
    pub archived_url: Option<String>,
    /// When the archive captured it (RFC 3339 or a date).
    pub archived_at: Option<String>,
    /// When the article was taken into the notebook (RFC 3339): the access date.
    pub accessed: Option<String>,
}

impl Citable {
    /// The citation key, the same in CSL-JSON and BibTeX: `article` and the article's id.
    pub fn key(&self) -> String {
        format!("article{}", self.id)
    }

    fn accessed_day(&self) -> Option<String> {
        day_of(self.accessed.as_deref())
    }
}

/// The date part of an RFC 3339 time or a date, when it is one.
fn day_of(t: Option<&str>) -> Option<String> {
    let d = t?.get(..10)?;
    PartialDate::parse(d).ok().filter(|p| p.day.is_some()).map(|p| p.to_string())
}

/// A date as CSL's `date-parts`: `[[2014, 12, 5]]`, as far as it is known.
fn date_parts(date: &str) -> Option<Value> {
    let d = PartialDate::parse(date).ok()?;
    let mut parts = vec![json!(d.year)];
    parts.extend(d.month.map(|m| json!(m)));
    parts.extend(d.day.map(|day| json!(day)));
    Some(json!({ "date-parts": [parts] }))
}

/// The host of a web address (`web.archive.org`), naming the archive a copy is kept in.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// One CSL-JSON item. The author is kept whole as a `literal` name: names are not split into
/// given and family names by guesswork (an Arabic name, or an agency, would come out wrong).
pub fn csl_item(c: &Citable) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(c.key()));
    m.insert("type".into(), json!("article-newspaper"));
    m.insert("title".into(), json!(c.title));
    if let Some(o) = &c.outlet {
        m.insert("container-title".into(), json!(o));
    }
    if let Some(a) = c.author.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        m.insert("author".into(), json!([{ "literal": a }]));
    }
    if let Some(d) = c.published.as_deref().and_then(date_parts) {
        m.insert("issued".into(), d);
    }
    if let Some(u) = &c.url {
        m.insert("URL".into(), json!(u));
    }
    if let Some(d) = c.accessed_day().as_deref().and_then(date_parts) {
        m.insert("accessed".into(), d);
    }
    if let Some(a) = &c.archived_url {
        if let Some(h) = host(a) {
            m.insert("archive".into(), json!(h));
        }
        m.insert("archive_location".into(), json!(a));
    }
    if let Some(l) = &c.language {
        m.insert("language".into(), json!(l));
    }
    m.insert("custom".into(), json!({ "crosscheck-uuid": c.uuid }));
    Value::Object(m)
}

/// Text for a BibTeX field: TeX's special characters written as commands, braces among them
/// (BibTeX counts every brace, escaped or not, so a lone one would end the field), control
/// characters and line breaks as spaces.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A web address for a verbatim field: the characters that would unbalance or end the field
/// (braces, backslash, blanks) percent-encoded, as a browser would send them.
fn url_field(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for ch in u.trim().chars() {
        match ch {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One BibLaTeX `@online` entry: author (kept whole, in braces), title, the outlet as the
/// organization, the date, the address and the access date, and the archived copy in a note.
pub fn bibtex_entry(c: &Citable) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(a) = c.author.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        fields.push(("author", format!("{{{}}}", tex(a))));
    }
    fields.push(("title", tex(&c.title)));
    if let Some(o) = &c.outlet {
        fields.push(("organization", tex(o)));
    }
    if let Some(d) = c.published.as_deref().and_then(|d| PartialDate::parse(d).ok()) {
        fields.push(("date", d.to_string()));
        fields.push(("year", d.year.to_string()));
    }
    if let Some(u) = &c.url {
        fields.push(("url", url_field(u)));
    }
    if let Some(d) = c.accessed_day() {
        fields.push(("urldate", d));
    }
    if let Some(a) = &c.archived_url {
        let when = day_of(c.archived_at.as_deref()).map(|d| format!(" on {d}")).unwrap_or_default();
        let url = url_field(a).replace('%', "\\%").replace('#', "\\#");
        fields.push(("note", format!("Archived{when} at \\url{{{url}}}")));
    }
    let mut out = format!("@online{{{},\n", c.key());
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n");
    out
}

/// The elements of a citation for people, in the order they are read: what the CSL-JSON item
/// and the BibTeX entry hold, for pages that link and escape each element their own way (the
/// report's claims).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    pub author: Option<&'a str>,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    pub archived_url: Option<&'a str>,
    /// The day the article was taken into the notebook.
    pub accessed: Option<String>,
}

/// What a citation of the article shows, each element trimmed and empty ones left out.
pub fn parts(c: &Citable) -> Parts<'_> {
    fn text(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    Parts {
        author: text(&c.author),
        title: c.title.trim(),
        outlet: text(&c.outlet),
        published: text(&c.published),
        url: text(&c.url),
        archived_url: text(&c.archived_url),
        accessed: c.accessed_day(),
    }
}

/// The article as one line for people, with the elements of the entries above: author, title
/// in quotes, outlet, date, address, archived copy and access date.
pub fn plain(c: &Citable) -> String {
    let p = parts(c);
    let mut items: Vec<String> = Vec::new();
    items.extend(p.author.map(str::to_string));
    items.push(format!("“{}”", p.title));
    items.extend(p.outlet.map(str::to_string));
    items.extend(p.published.map(str::to_string));
    let mut line = items.join(", ");
    if let Some(u) = p.url {
        line.push_str(&format!(". {u}"));
    }
    let mut extra = Vec::new();
    if let Some(a) = p.archived_url {
        extra.push(format!("archived: {a}"));
    }
    if let Some(d) = p.accessed {
        extra.push(format!("accessed {d}"));
    }
    if !extra.is_empty() {
        line.push_str(&format!(" ({})", extra.join("; ")));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Citable {
        Citable {
            id: 3,
            uuid: "0190a6b2-0000-7000-8000-000000000003".into(),
            title: "Shelling kills 12 in Tokhar market {update} 50% & rising".into(),
            outlet: Some("Gulf Wire".into()),
            author: Some("Lina Haddad".into()),
            url: Some("https://gulfwire.example/news/tokhar?id=7#top".into()),
            published: Some("2017-03-14".into()),
            language: Some("en".into()),
            archived_url: Some(
                "https://web.archive.org/web/20170315/https://gulfwire.example/news/tokhar".into(),
            ),
            archived_at: Some("2017-03-15T08:00:00Z".into()),
            accessed: Some("2026-11-20T10:11:12Z".into()),
        }
    }

    #[test]
    fn a_csl_item_carries_every_element() {
        let v = csl_item(&sample());
        assert_eq!(v["id"], "article3");
        assert_eq!(v["type"], "article-newspaper");
        assert_eq!(v["container-title"], "Gulf Wire");
        assert_eq!(v["author"][0]["literal"], "Lina Haddad");
        assert_eq!(v["issued"]["date-parts"], json!([[2017, 3, 14]]));
        assert_eq!(v["accessed"]["date-parts"], json!([[2026, 11, 20]]));
        assert_eq!(v["archive"], "web.archive.org");
        assert_eq!(v["archive_location"].as_str().unwrap(), sample().archived_url.unwrap());
        let month_only = Citable { published: Some("2017-03".into()), author: None, ..sample() };
        let v = csl_item(&month_only);
        assert_eq!(v["issued"]["date-parts"], json!([[2017, 3]]));
        assert!(v.get("author").is_none());
    }

    #[test]
    fn bibtex_fields_keep_their_braces_balanced() {
        let e = bibtex_entry(&sample());
        assert!(e.starts_with("@online{article3,\n"), "{e}");
        assert!(e.contains("title = {Shelling kills 12 in Tokhar market \\textbraceleft{}update\\textbraceright{} 50\\% \\& rising},"), "{e}");
        assert!(e.contains("url = {https://gulfwire.example/news/tokhar?id=7#top},"), "{e}");
        assert!(e.contains("urldate = {2026-11-20},"), "{e}");
        assert!(e.contains("note = {Archived on 2017-03-15 at \\url{https://web.archive.org/"), "{e}");
        let depth = e.chars().try_fold(0i32, |d, c| {
            let d = d + i32::from(c == '{') - i32::from(c == '}');
            (d >= 0).then_some(d)
        });
        assert_eq!(depth, Some(0), "{e}");
        let hostile = Citable { title: "}} @misc{x, title={pwned".into(), ..sample() };
        let e = bibtex_entry(&hostile);
        assert_eq!(e.matches('{').count(), e.matches('}').count(), "{e}");
        assert!(!e.contains("\n@misc"), "{e}");
    }

    #[test]
    fn the_plain_line_names_the_same_elements() {
        let line = plain(&sample());
        assert_eq!(
            line,
            "Lina Haddad, “Shelling kills 12 in Tokhar market {update} 50% & rising”, Gulf Wire, 2017-03-14. \
             https://gulfwire.example/news/tokhar?id=7#top (archived: https://web.archive.org/web/20170315/https://gulfwire.example/news/tokhar; accessed 2026-11-20)"
        );
        let bare = Citable { id: 1, title: "تقرير".into(), ..Default::default() };
        assert_eq!(plain(&bare), "“تقرير”");
    }
}
