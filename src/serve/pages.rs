//! What each address shows and does. A page opens the notebook (read-only for a GET), reads
//! what it shows through the library's use cases inside one snapshot, and renders a template;
//! a POST makes its one change through the same use case the command line calls (one write
//! transaction) and sends the browser back to the page with a 303.

use std::net::IpAddr;
use std::path::PathBuf;
use std::str::FromStr;

use askama::Template;

use super::views::{self, Chrome};
use super::{encode, Keys, Params, Reply, Request};
use crate::notebook::claims::ClaimFilter;
use crate::notebook::listings::{ArticleFilter, Cursor, Page};
use crate::notebook::reconciliations::Window;
use crate::notebook::suggestions::{Acceptance, Attribution};
use crate::notebook::{Access, Error, Notebook};
use crate::ratings::{Credibility, Reliability};
use crate::reconcile::{Envelope, Method};
use crate::report::words::{words, Words};
use crate::report::{Lang, MeasureReport};
use crate::usecase::claims::{ClaimQuery, EditClaim};
use crate::usecase::reconcile::ReconcileQuery;
use crate::usecase::suggest::{SuggestQuery, SuggestionRow};
use crate::vocab::{Relation, SourceKind};

const CSS: &str = include_str!("assets/app.css");
const JS: &str = include_str!("assets/app.js");

/// The outlets and the languages of the articles.
type Facets = (Vec<String>, Vec<String>);

/// Rows on one page of a listing.
const PER_PAGE: usize = 50;

pub(crate) struct App {
    pub keys: Keys,
    notebook: PathBuf,
    read_only: bool,
    css: String,
    memory: std::sync::Arc<std::sync::Mutex<crate::usecase::suggest::SuggestMemory>>,
    /// A connection kept open only to ask whether the notebook changed (`data_version`), and
    /// the articles' outlets and languages as they were at that version: finding the languages
    /// reads every article's row, so it is done again only after a change.
    watch: std::sync::Mutex<Option<Notebook>>,
    facets: std::sync::Mutex<Option<(i64, Facets)>>,
    #[allow(dead_code)]
    bind: IpAddr,
    #[allow(dead_code)]
    port: u16,
}

/// A page's failure: a refusal of the user's input, or a missing row, with the sentence.
type PageResult = Result<Reply, Error>;

impl App {
    pub fn new(cfg: &super::Config, keys: Keys, port: u16) -> App {
        App {
            keys,
            notebook: cfg.notebook.clone(),
            read_only: cfg.read_only,
            css: format!("{CSS}\n{}", crate::report::svg::CSS),
            memory: Default::default(),
            watch: Default::default(),
            facets: Default::default(),
            bind: cfg.bind,
            port,
        }
    }

    /// The request's language: `?lang=`, else the cookie a `?lang=` left, else the browser's.
    fn lang(&self, req: &Request) -> (Lang, Option<String>) {
        let pick = |v: &str| match v {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        };
        if let Some(l) = param(&req.query, "lang").and_then(pick) {
            let code = if l == Lang::Ar { "ar" } else { "en" };
            return (l, Some(format!("crosscheck-lang={code}; Path=/; SameSite=Strict")));
        }
        if let Some(l) = req.lang_cookie.as_deref().and_then(pick) {
            return (l, None);
        }
        let browser = req.accept_language.as_deref().unwrap_or("");
        let first = browser.split(',').next().unwrap_or("").trim().to_ascii_lowercase();
        (if first.starts_with("ar") { Lang::Ar } else { Lang::En }, None)
    }

    fn chrome(&self, req: &Request, lang: Lang, page: &'static str, title: String) -> Chrome {
        let w = words(lang);
        let rest: Params = req.query.iter().filter(|(k, _)| k != "lang").cloned().collect();
        let here = |code: &str| {
            let mut q = rest.clone();
            q.push(("lang".into(), code.into()));
            format!("{}?{}", req.path, encode(&q))
        };
        Chrome {
            w,
            s: w.serve,
            lang: if lang == Lang::Ar { "ar" } else { "en" },
            dir: if lang == Lang::Ar { "rtl" } else { "ltr" },
            title,
            page,
            csrf: self.keys.csrf.clone(),
            read_only: self.read_only,
            here_en: here("en"),
            here_ar: here("ar"),
        }
    }

    pub fn page(&self, req: &Request) -> Reply {
        let (lang, set_lang) = self.lang(req);
        let w = words(lang);
        let result = if req.post { self.change(req) } else { self.show(req, lang) };
        let mut reply = match result {
            Ok(r) => r,
            Err(e) => {
                let (status, heading) = match &e {
                    // A form that names something missing is a refusal of the form.
                    Error::NotFound(_) if req.post => (422, w.serve.cannot),
                    Error::NotFound(_) => (404, w.serve.not_found),
                    Error::Invalid(_) | Error::Conflict(_) => (422, w.serve.cannot),
                    _ => (500, w.serve.cannot),
                };
                let back = if req.post { back_of(req) } else { Some("/articles".to_string()) };
                let view = views::Message {
                    c: self.chrome(req, lang, "message", heading.to_string()),
                    heading: heading.to_string(),
                    text: e.to_string(),
                    back,
                };
                Reply::html(status, render(&view))
            }
        };
        reply.cookies.extend(set_lang);
        reply
    }

    fn open(&self, access: Access) -> Result<Notebook, Error> {
        Notebook::open(&self.notebook, access)
    }

    /// Prepares, on a thread of its own, what the first review page would otherwise wait for
    /// (the sources prepared for matching): it is done while the browser opens. A page asked
    /// for meanwhile waits for it, or does it itself if the preparation failed.
    pub fn prepare_in_background(&self) {
        let memory = std::sync::Arc::clone(&self.memory);
        let (notebook, version) = (self.notebook.clone(), self.version());
        std::thread::spawn(move || {
            let mut memory = memory.lock().unwrap_or_else(|e| e.into_inner());
            if let Ok(mut nb) = Notebook::open(&notebook, Access::Read) {
                memory.at_version(version);
                let _ = memory.prepare(&mut nb);
            }
        });
    }

    /// The notebook's version as the watching connection sees it; None when it cannot be read
    /// (nothing is then kept between requests).
    fn version(&self) -> Option<i64> {
        let mut watch = self.watch.lock().unwrap_or_else(|e| e.into_inner());
        if watch.is_none() {
            *watch = self.open(Access::Read).ok();
        }
        let v = watch.as_ref().and_then(|nb| nb.data_version().ok());
        if v.is_none() {
            *watch = None;
        }
        v
    }

    /// The articles' outlets and languages: kept from an earlier request while the notebook is
    /// unchanged, else read in the request's own snapshot.
    fn facets(&self, nb: &mut Notebook, version: Option<i64>) -> Result<Facets, Error> {
        let mut kept = self.facets.lock().unwrap_or_else(|e| e.into_inner());
        if let (Some(v), Some((at, f))) = (version, kept.as_ref()) {
            if *at == v {
                return Ok(f.clone());
            }
        }
        let f = nb.article_facets()?;
        // Read after the version was, so it is at least as new: at worst read again next time.
        *kept = version.map(|v| (v, f.clone()));
        Ok(f)
    }

    fn show(&self, req: &Request, lang: Lang) -> PageResult {
        match req.path.as_str() {
            "/" => Ok(Reply::see_other("/articles".into())),
            "/assets/app.css" => Ok(asset("text/css; charset=utf-8", self.css.as_bytes())),
            "/assets/app.js" => Ok(asset("text/javascript; charset=utf-8", JS.as_bytes())),
            "/articles" => self.articles(req, lang),
            "/article" => self.article(req, lang),
            "/claims" => self.claims(req, lang),
            "/claim" => self.claim(req, lang),
            "/measures" => self.measures(req, lang),
            "/measure" => self.measure(req, lang),
            "/sources" => self.sources(req, lang),
            "/source" => self.source(req, lang),
            _ => Err(Error::NotFound(format!("there is no page {}", req.path))),
        }
    }

    fn change(&self, req: &Request) -> PageResult {
        let f = &req.form;
        let mut nb = self.open(Access::Write)?;
        match req.path.as_str() {
            "/article/accept" => {
                let a = acceptance(&nb, f)?;
                crate::usecase::suggest::accept_suggestion(&mut nb, &a)?;
                Ok(Reply::see_other(back_of(req).unwrap_or_default()))
            }
            "/article/reject" => {
                let article = id_param(f, "article")?;
                let start = number_param(f, "start")?;
                let end = number_param(f, "end")?;
                let quote = param(f, "quote").unwrap_or("");
                crate::usecase::suggest::reject_suggestion(
                    &mut nb,
                    article,
                    (start, end),
                    quote,
                    param(f, "reason"),
                )?;
                Ok(Reply::see_other(back_of(req).unwrap_or_default()))
            }
            "/claim/edit" => {
                let id = id_param(f, "id")?;
                let e = claim_edit(f, &nb.claim(id)?)?;
                crate::usecase::claims::edit_claim(&mut nb, id, &e)?;
                Ok(Reply::see_other(format!("/claim?id={id}")))
            }
            "/claim/link" => {
                let id = id_param(f, "id")?;
                let other = id_param(f, "other")?;
                let relation =
                    param(f, "relation").unwrap_or("").parse::<Relation>().map_err(Error::Invalid)?;
                crate::usecase::claims::link_claims(&mut nb, id, other, relation)?;
                Ok(Reply::see_other(format!("/claim?id={id}")))
            }
            "/claim/unlink" => {
                let id = id_param(f, "id")?;
                let from = id_param(f, "from")?;
                let to = id_param(f, "to")?;
                let relation =
                    param(f, "relation").unwrap_or("").parse::<Relation>().map_err(Error::Invalid)?;
                crate::usecase::claims::unlink_claims(&mut nb, from, to, Some(relation))?;
                Ok(Reply::see_other(format!("/claim?id={id}")))
            }
            "/measure/save" => {
                let key = param(f, "key").unwrap_or("").to_string();
                let mut q = reconcile_query(&key, f)?;
                q.save = true;
                q.note = given(f, "note").map(str::to_string);
                crate::usecase::reconcile::reconcile(&mut nb, &q, |_| Ok(()))?;
                Ok(Reply::see_other(measure_url(&key, f)))
            }
            "/source/rate" => {
                let id = id_param(f, "id")?;
                let grade = param(f, "grade").unwrap_or("").parse::<Reliability>().map_err(Error::Invalid)?;
                crate::usecase::sources::rate_source(
                    &mut nb,
                    &format!("#{id}"),
                    grade,
                    param(f, "why").unwrap_or(""),
                )?;
                Ok(Reply::see_other(format!("/source?id={id}")))
            }
            "/source/alias" => {
                let id = id_param(f, "id")?;
                crate::usecase::sources::add_alias(
                    &mut nb,
                    &format!("#{id}"),
                    param(f, "alias").unwrap_or(""),
                )?;
                Ok(Reply::see_other(format!("/source?id={id}")))
            }
            "/source/unalias" => {
                let id = id_param(f, "id")?;
                crate::usecase::sources::remove_alias(
                    &mut nb,
                    &format!("#{id}"),
                    param(f, "alias").unwrap_or(""),
                )?;
                Ok(Reply::see_other(format!("/source?id={id}")))
            }
            _ => Err(Error::NotFound(format!("there is nothing to send to {}", req.path))),
        }
    }

    fn articles(&self, req: &Request, lang: Lang) -> PageResult {
        let q = &req.query;
        let page = page_number(q);
        let filter = ArticleFilter {
            words: param(q, "q").map(str::to_string),
            language: param(q, "language").filter(|l| !l.is_empty()).map(str::to_string),
            outlet: param(q, "outlet").filter(|o| !o.is_empty()).map(str::to_string),
        };
        let words_typed = filter.words.as_deref().map(str::trim).filter(|w| !w.is_empty());
        let at = cursor(q);
        let version = self.version();
        let mut nb = self.open(Access::Read)?;
        let (rows, (outlets, languages)) = nb.reading(|nb| {
            let rows = match words_typed {
                // Found by search: ranked, so paged by number.
                Some(w) => nb.articles_found(&filter, w, (page - 1) * PER_PAGE, PER_PAGE)?,
                None => nb.articles_page(&filter, at, PER_PAGE)?,
            };
            Ok((rows, self.facets(nb, version)?))
        })?;
        let w = words(lang);
        let view = views::Articles {
            c: self.chrome(req, lang, "articles", w.serve.articles.to_string()),
            q: filter.words.clone().unwrap_or_default(),
            languages: languages
                .into_iter()
                .map(|l| {
                    let sel = filter.language.as_deref() == Some(l.as_str());
                    let shown = w.language(&l);
                    (l, sel, shown)
                })
                .collect(),
            outlets: outlets
                .into_iter()
                .map(|o| {
                    let sel = filter.outlet.as_deref() == Some(o.as_str());
                    (o, sel)
                })
                .collect(),
            page: if words_typed.is_some() { page } else { shown_page(q, at, &rows) },
            prev: match words_typed {
                Some(_) => (page > 1).then(|| page_url(req, page - 1)),
                None => key_url(req, &rows, |a| a.id, false),
            },
            next: match words_typed {
                Some(_) => rows.more.then(|| page_url(req, page + 1)),
                None => key_url(req, &rows, |a| a.id, true),
            },
            rows: rows.rows,
        };
        Ok(Reply::html(200, render(&view)))
    }

    fn article(&self, req: &Request, lang: Lang) -> PageResult {
        let q = &req.query;
        let id = id_param(q, "id")?;
        let measure = param(q, "measure").unwrap_or("").trim().to_string();
        // `claim suggest --incident`: the claims accepted here are about this incident; else the
        // measure's own incident, if it belongs to one.
        let incident_asked = param(q, "incident").unwrap_or("").trim().to_string();
        let version = self.version();
        let mut nb = self.open(Access::Read)?;
        let (a, body, spans, rows, rejected, measures, incident) = nb.reading(|nb| {
            let a = nb.article(id)?;
            let body = nb.article_body(id)?;
            let spans = nb.claim_spans(id)?;
            let mut rows: Vec<SuggestionRow> = Vec::new();
            let query = SuggestQuery { article: id, measure: None, incident: None };
            // The server's memory of what suggesting read (see `SuggestMemory`): one request is
            // served at a time, so the lock is never waited for.
            let mut memory = self.memory.lock().unwrap_or_else(|e| e.into_inner());
            memory.at_version(version);
            let summary = crate::usecase::suggest::suggest_claims_kept(nb, &query, &mut memory, |r| {
                rows.push(r);
                Ok(())
            })?;
            let incident = if !incident_asked.is_empty() {
                nb.incident_id(&incident_asked)?;
                incident_asked.clone()
            } else if !measure.is_empty() {
                nb.incident_of_measure(&measure)?.unwrap_or_default()
            } else {
                String::new()
            };
            Ok((a, body, spans, rows, summary.rejected, nb.measure_keys()?, incident))
        })?;
        let w = words(lang);
        let s = w.serve;
        // The claims' spans and the suggestions' spans cut the text together; a suggestion is
        // a span whose number is below zero.
        let mut marks = spans.clone();
        for (i, r) in rows.iter().enumerate() {
            marks.push(crate::notebook::articles::Span {
                claim: -(i as i64) - 1,
                start: r.marks.start,
                end: r.marks.end,
            });
        }
        let pieces = crate::report::spans::pieces(&body, &marks)
            .into_iter()
            .map(|p| views::TextPiece {
                text: p.text,
                starts: p.starts.iter().copied().filter(|c| *c > 0).collect(),
                claimed: p.claims.iter().any(|c| *c > 0),
                sugg: p.claims.iter().filter(|c| **c < 0).map(|c| (-c - 1) as usize).min(),
            })
            .collect();
        let suggestions = rows.iter().enumerate().map(|(i, r)| sugg(i, r, w)).collect();
        let text_lang = a.language.clone().filter(|l| crate::report::text::lang_code(l).is_some());
        let text_dir = match a.language.as_deref() {
            Some("ar" | "fa" | "ur" | "he") => "rtl",
            Some(_) => "ltr",
            None => "auto",
        };
        let view = views::Article {
            c: self.chrome(req, lang, "article", a.title.clone()),
            url: a.url.as_deref().and_then(crate::report::text::web_address).map(str::to_string),
            a,
            text_dir,
            text_lang,
            pieces,
            suggestions,
            rejected,
            measure,
            incident,
            incident_asked,
            measures,
            credibilities: credibilities(w),
            kinds: SourceKind::ALL.iter().map(|k| (k.as_str(), w.source_kind(*k))).collect(),
        };
        let _ = s;
        Ok(Reply::html(200, render(&view)))
    }

    fn claims(&self, req: &Request, lang: Lang) -> PageResult {
        let q = &req.query;
        let at = cursor(q);
        let mut nb = self.open(Access::Read)?;
        let rows = nb.reading(|nb| {
            let filter = claim_query(q)?.resolve(nb)?;
            nb.claims_page(&filter, at, PER_PAGE)
        })?;
        let w = words(lang);
        let view = views::Claims {
            c: self.chrome(req, lang, "claims", w.serve.claims.to_string()),
            filters: CLAIM_FILTERS.iter().map(|k| (*k, param(q, k).unwrap_or("").to_string())).collect(),
            page: shown_page(q, at, &rows),
            prev: key_url(req, &rows, |c| c.id, false),
            next: key_url(req, &rows, |c| c.id, true),
            rows: rows.rows,
        };
        Ok(Reply::html(200, render(&view)))
    }

    fn claim(&self, req: &Request, lang: Lang) -> PageResult {
        let id = id_param(&req.query, "id")?;
        let mut nb = self.open(Access::Read)?;
        let (r, sources, figures, links) = nb.reading(|nb| {
            Ok((nb.claim(id)?, nb.sources_of_claim(id)?, nb.figures_of_claim(id)?, nb.links_of(id)?))
        })?;
        let w = words(lang);
        let view = views::Claim {
            c: self.chrome(req, lang, "claim", format!("{} #{id}", w.claim)),
            credibility_label: w.credibility_label(r.credibility),
            credibility: r.credibility.value() as u8,
            r,
            sources,
            figures: figures
                .into_iter()
                .map(|f| {
                    let url = format!("/measure?{}", encode(&[("key".into(), f.measure.clone())]));
                    let iv = crate::report::view::interval(&f, w);
                    (f, url, iv)
                })
                .collect(),
            links,
            relations: Relation::ALL.iter().map(|r| r.as_str()).collect(),
            credibilities: credibilities(w),
        };
        Ok(Reply::html(200, render(&view)))
    }

    fn measures(&self, req: &Request, lang: Lang) -> PageResult {
        let page = page_number(&req.query);
        let mut nb = self.open(Access::Read)?;
        let rows = nb.measures_page((page - 1) * PER_PAGE, PER_PAGE)?;
        let w = words(lang);
        let view = views::Measures {
            c: self.chrome(req, lang, "measures", w.serve.measures.to_string()),
            rows: rows
                .rows
                .into_iter()
                .map(|m| {
                    let url = format!("/measure?{}", encode(&[("key".into(), m.key.clone())]));
                    (m, url)
                })
                .collect(),
            page,
            prev: (page > 1).then(|| page_url(req, page - 1)),
            next: rows.more.then(|| page_url(req, page + 1)),
        };
        Ok(Reply::html(200, render(&view)))
    }

    fn measure(&self, req: &Request, lang: Lang) -> PageResult {
        let q = &req.query;
        let key = param(q, "key").unwrap_or("").to_string();
        let mut nb = self.open(Access::Read)?;
        let query = reconcile_query(&key, q)?;
        let (reconciled, timeline) = nb.reading(|nb| {
            let mut found = None;
            crate::usecase::reconcile::reconcile(nb, &query, |r| {
                found = Some(r);
                Ok(())
            })?;
            let reconciled = found.ok_or_else(|| Error::NotFound(format!("there is no measure '{key}'")))?;
            Ok((reconciled, crate::usecase::reconcile::timeline(nb, &query)?))
        })?;
        let w = words(lang);
        let m = MeasureReport { reconciled, timeline };
        let r = &m.reconciled;
        let shown = crate::report::view::shown(&m);
        let chart = (!r.figures.is_empty()).then(|| {
            crate::report::svg::interval_chart(&crate::report::view::chart(&m, w, "chart".into()), false)
        });
        let timeline = crate::report::view::timeline(&m, w, "timeline".into())
            .map(|t| crate::report::svg::timeline_chart(&t, false));
        let view = views::Measure {
            c: self.chrome(req, lang, "measure", r.label.clone()),
            key: r.key.clone(),
            label: r.label.clone(),
            unit: r.unit.clone(),
            methods: Method::ALL
                .iter()
                .filter(|x| **x != Method::Manual)
                .map(|x| (x.as_str(), w.method(*x), *x == query.method))
                .collect(),
            method_value: query.method.as_str(),
            method: w.method(shown.method),
            envelopes: Envelope::ALL.iter().map(|e| (e.as_str(), *e == query.envelope)).collect(),
            envelope_value: query.envelope.as_str(),
            window: query.window.as_ref().map(|w| w.to_string()).unwrap_or_default(),
            parts: part_lines(r, q, w),
            filters: MEASURE_FILTERS.iter().map(|k| (*k, param(q, k).unwrap_or("").to_string())).collect(),
            filter_text: query
                .claims
                .words(false)
                .iter()
                .map(|(k, v)| format!("--{k} {v}"))
                .collect::<Vec<_>>()
                .join(" "),
            low: crate::report::view::value(shown.low),
            best: crate::report::view::value(shown.best),
            high: crate::report::view::high_text(shown.high, shown.open_high, w),
            support: w.support_word(shown.support),
            eligible: r.outcome.figures,
            voices: r.outcome.voices,
            saved: r.saved.clone(),
            clusters: crate::report::view::clusters(&m, w),
            chart,
            figures: figure_lines(r, w),
            timeline,
            timeline_rows: m
                .timeline
                .iter()
                .map(|t| {
                    (
                        t.date.clone(),
                        crate::report::view::value(t.low),
                        crate::report::view::value(t.best),
                        crate::report::view::high_text(t.high, t.open_high, w),
                        w.support_word(t.support),
                        t.figures,
                    )
                })
                .collect(),
        };
        Ok(Reply::html(200, render(&view)))
    }

    fn sources(&self, req: &Request, lang: Lang) -> PageResult {
        let q = &req.query;
        let page = page_number(q);
        let words_typed = param(q, "q").unwrap_or("").to_string();
        let mut nb = self.open(Access::Read)?;
        let rows = nb.sources_page(Some(words_typed.as_str()), (page - 1) * PER_PAGE, PER_PAGE)?;
        let w = words(lang);
        let view = views::Sources {
            c: self.chrome(req, lang, "sources", w.sources.to_string()),
            q: words_typed,
            rows: rows
                .rows
                .into_iter()
                .map(|s| {
                    let (k, l, p) =
                        (w.source_kind(s.kind), w.reliability_label(s.reliability), format!("%23{}", s.id));
                    (s, k, l, p)
                })
                .collect(),
            page,
            prev: (page > 1).then(|| page_url(req, page - 1)),
            next: rows.more.then(|| page_url(req, page + 1)),
        };
        Ok(Reply::html(200, render(&view)))
    }

    fn source(&self, req: &Request, lang: Lang) -> PageResult {
        let id = id_param(&req.query, "id")?;
        let mut nb = self.open(Access::Read)?;
        let (s, history, claims) = nb.reading(|nb| {
            let s = nb.source(id)?;
            let history = nb.rating_history(id)?;
            let filter = ClaimFilter { source: Some(id), ..ClaimFilter::default() };
            Ok((s, history, nb.claims_page(&filter, Cursor::Start, 20)?))
        })?;
        let w = words(lang);
        let view = views::Source {
            c: self.chrome(req, lang, "source", s.name.clone()),
            kind: w.source_kind(s.kind),
            label: w.reliability_label(s.reliability),
            source_param: format!("%23{}", s.id),
            s,
            history,
            grades: ["A", "B", "C", "D", "E", "F"]
                .iter()
                .filter_map(|g| g.parse::<Reliability>().ok())
                .map(|g| (g.to_string(), w.reliability_label(g)))
                .collect(),
            claims,
        };
        Ok(Reply::html(200, render(&view)))
    }
}

/// The filters of `claim list`, by their flag names.
const CLAIM_FILTERS: &[&str] =
    &["article", "source", "min-reliability", "max-credibility", "tag", "place", "since", "until", "measure"];

/// The filters of `reconcile` on a measure's page.
const MEASURE_FILTERS: &[&str] =
    &["source", "min-reliability", "max-credibility", "tag", "place", "since", "until", "as-of"];

fn render(t: &impl Template) -> String {
    t.render().unwrap_or_else(|e| format!("the page could not be drawn: {e}"))
}

fn asset(kind: &'static str, body: &[u8]) -> Reply {
    Reply { status: 200, kind, body: body.to_vec(), location: None, cookies: Vec::new() }
}

fn param<'a>(p: &'a Params, name: &str) -> Option<&'a str> {
    p.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// A non-empty parameter, trimmed.
fn given<'a>(p: &'a Params, name: &str) -> Option<&'a str> {
    param(p, name).map(str::trim).filter(|v| !v.is_empty())
}

fn id_param(p: &Params, name: &str) -> Result<i64, Error> {
    let v = param(p, name).unwrap_or("").trim();
    v.trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Error::Invalid(format!("{name} '{v}' is not an id; give a number such as 12")))
}

fn number_param(p: &Params, name: &str) -> Result<usize, Error> {
    let v = param(p, name).unwrap_or("").trim();
    v.parse::<usize>().map_err(|_| Error::Invalid(format!("{name} '{v}' is not a position in the text")))
}

fn page_number(q: &Params) -> usize {
    param(q, "page").and_then(|p| p.parse::<usize>().ok()).filter(|p| *p >= 1 && *p <= 100_000).unwrap_or(1)
}

/// Where a listing read by key starts: `after=ID` (the next page) or `before=ID` (the previous).
fn cursor(q: &Params) -> Cursor {
    let id = |name| param(q, name).and_then(|v| v.trim().parse::<i64>().ok()).filter(|i| *i > 0);
    match (id("after"), id("before")) {
        (Some(a), _) => Cursor::After(a),
        (None, Some(b)) => Cursor::Before(b),
        _ => Cursor::Start,
    }
}

/// The number a listing read by key shows for its page: carried along by its links (`page=`),
/// for the reader's bearings only; the rows are found by their key.
fn shown_page<T>(q: &Params, at: Cursor, rows: &Page<T>) -> usize {
    match at {
        Cursor::Start => 1,
        _ if !rows.back => 1,
        _ => page_number(q).max(2),
    }
}

/// The link to the next (`forward`) or previous page of a listing read by key: after its last
/// row or before its first, with the page's number carried along.
fn key_url<T>(req: &Request, rows: &Page<T>, id: impl Fn(&T) -> i64, forward: bool) -> Option<String> {
    let at = cursor(&req.query);
    let page = shown_page(&req.query, at, rows);
    let (row, name, number) = if forward {
        (rows.rows.last().filter(|_| rows.more)?, "after", page + 1)
    } else {
        (rows.rows.first().filter(|_| rows.back)?, "before", page.saturating_sub(1).max(1))
    };
    let mut q: Params = req
        .query
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "page" | "after" | "before"))
        .cloned()
        .collect();
    q.push((name.into(), id(row).to_string()));
    q.push(("page".into(), number.to_string()));
    Some(format!("{}?{}", req.path, encode(&q)))
}

fn page_url(req: &Request, page: usize) -> String {
    let mut q: Params = req.query.iter().filter(|(k, _)| k != "page").cloned().collect();
    q.push(("page".into(), page.to_string()));
    format!("{}?{}", req.path, encode(&q))
}

/// Where a change sends the browser back to: the article under review (with its measure for
/// figures), else the list of articles.
fn back_of(req: &Request) -> Option<String> {
    let f = &req.form;
    let article = param(f, "article")?.trim().parse::<i64>().ok()?;
    let mut q: Params = vec![("id".into(), article.to_string())];
    if let Some(m) = given(f, "default_measure") {
        q.push(("measure".into(), m.to_string()));
    }
    if let Some(i) = given(f, "default_incident") {
        q.push(("incident".into(), i.to_string()));
    }
    Some(format!("/article?{}", encode(&q)))
}

fn measure_url(key: &str, f: &Params) -> String {
    let mut q: Params = vec![("key".into(), key.to_string())];
    for k in ["method", "envelope", "window"] {
        if let Some(v) = given(f, k) {
            q.push((k.into(), v.to_string()));
        }
    }
    for k in MEASURE_FILTERS {
        if let Some(v) = given(f, k) {
            q.push(((*k).into(), v.to_string()));
        }
    }
    format!("/measure?{}", encode(&q))
}

fn credibilities(w: &Words) -> Vec<(u8, &'static str)> {
    (1..=6u8)
        .filter_map(|n| n.to_string().parse::<Credibility>().ok().map(|c| (n, w.credibility_label(c))))
        .collect()
}

/// `claim list`'s request from a page's parameters, the same struct the command line fills.
fn claim_query(q: &Params) -> Result<ClaimQuery, Error> {
    let date = |name: &str| -> Result<Option<crate::dates::PartialDate>, Error> {
        given(q, name)
            .map(|d| crate::dates::PartialDate::parse(d).map_err(|e| Error::Invalid(format!("{name}: {e}"))))
            .transpose()
    };
    Ok(ClaimQuery {
        article: given(q, "article").map(|_| id_param(q, "article")).transpose()?,
        source: given(q, "source").map(str::to_string),
        min_reliability: given(q, "min-reliability")
            .map(Reliability::from_str)
            .transpose()
            .map_err(Error::Invalid)?,
        max_credibility: given(q, "max-credibility")
            .map(Credibility::from_str)
            .transpose()
            .map_err(Error::Invalid)?,
        tag: given(q, "tag").map(str::to_string),
        place: given(q, "place").map(str::to_string),
        since: date("since")?,
        until: date("until")?,
        measure: given(q, "measure").map(str::to_string),
    })
}

/// `reconcile KEY`'s request from a page's parameters, checked as the command line checks it.
fn reconcile_query(key: &str, q: &Params) -> Result<ReconcileQuery, Error> {
    let method = given(q, "method")
        .map(Method::from_str)
        .transpose()
        .map_err(Error::Invalid)?
        .unwrap_or(Method::Weighted);
    let envelope = given(q, "envelope")
        .map(Envelope::from_str)
        .transpose()
        .map_err(Error::Invalid)?
        .unwrap_or(Envelope::Stated);
    let window = given(q, "window")
        .map(str::parse::<Window>)
        .transpose()
        .map_err(|e| Error::Invalid(format!("window: {e}")))?;
    let as_of = given(q, "as-of")
        .map(|d| crate::dates::PartialDate::parse(d).map_err(|e| Error::Invalid(format!("as-of: {e}"))))
        .transpose()?;
    let mut claims = claim_query(q)?;
    // A measure's page filters the claims, never by another measure.
    claims.measure = None;
    let query = ReconcileQuery {
        keys: vec![key.to_string()],
        all: false,
        method,
        include_all: false,
        value: None,
        envelope,
        window,
        max_pairs: crate::reconcile::Request::default().max_pairs,
        claims,
        as_of,
        note: None,
        save: false,
    };
    query.check().map_err(Error::Invalid)?;
    Ok(query)
}

/// A sum's parts as the measure page lists them, each linked to its own page with the same
/// method, envelope, window and filters.
fn part_lines(
    r: &crate::notebook::reconciliations::Reconciled,
    q: &Params,
    w: &Words,
) -> Vec<views::PartLine> {
    r.parts
        .iter()
        .map(|p| {
            let o = &p.outcome;
            views::PartLine {
                key: p.key.clone(),
                label: p.label.clone(),
                url: measure_url(&p.key, q),
                low: crate::report::view::value(o.low),
                best: crate::report::view::value(o.best),
                high: crate::report::view::high_text(o.high, o.open_high, w),
                support: w.support_word(o.support),
                eligible: o.figures,
                voices: o.voices,
            }
        })
        .collect()
}

/// A measure's figures as its page lists them: whether each counts, and why not.
fn figure_lines(r: &crate::notebook::reconciliations::Reconciled, w: &Words) -> Vec<views::FigureLine> {
    let items: std::collections::HashMap<i64, &crate::reconcile::Item> =
        r.outcome.items.iter().map(|i| (i.figure_id, i)).collect();
    r.figures
        .iter()
        .map(|f| {
            let item = items.get(&f.id).copied();
            views::FigureLine {
                claim: f.claim_id,
                notation: f.notation.clone(),
                interval: crate::report::view::interval(f, w),
                who: crate::report::view::who_short(f),
                rating: f.rating.clone(),
                published: f.published.clone().unwrap_or_default(),
                status: item.map(|i| crate::report::view::status(i, w)).unwrap_or_default(),
                reason: item.filter(|i| !i.included).map(|i| w.reason(&i.reason)).unwrap_or_default(),
                class: if item.is_some_and(|i| i.included) { "in" } else { "left-out" },
            }
        })
        .collect()
}

/// A suggestion accepted, from its form.
fn acceptance(nb: &Notebook, f: &Params) -> Result<Acceptance, Error> {
    let article_id = id_param(f, "article")?;
    let quote = param(f, "quote").unwrap_or("").trim().to_string();
    let credibility = given(f, "credibility")
        .map(Credibility::from_str)
        .transpose()
        .map_err(Error::Invalid)?
        .unwrap_or_default();
    let phrase = given(f, "phrase").map(str::to_string);
    let attribution = match param(f, "as").unwrap_or("outlet") {
        "known" => Attribution::Known(id_param(f, "source_id")?),
        "new" => Attribution::New {
            name: phrase.ok_or_else(|| Error::Invalid("the suggestion names no source to add".into()))?,
            kind: given(f, "kind")
                .map(SourceKind::from_str)
                .transpose()
                .map_err(Error::Invalid)?
                .unwrap_or(SourceKind::Other),
        },
        "named" => {
            let named = given(f, "named").ok_or_else(|| {
                Error::Invalid(
                    "no source was named; type a source's name or alias beside 'a source of the notebook'"
                        .into(),
                )
            })?;
            let source = nb.resolve_source(named)?;
            match (param(f, "alias"), phrase) {
                (Some("1"), Some(alias)) if nb.source_named(&alias)?.is_none() => {
                    Attribution::Alias { source, alias }
                }
                _ => Attribution::Known(source),
            }
        }
        "outlet" => Attribution::Outlet,
        other => return Err(Error::Invalid(format!("'{other}' is not a choice of attribution"))),
    };
    let figure = match (given(f, "figure"), given(f, "measure")) {
        (Some(notation), Some(measure)) => Some((measure.to_string(), notation.to_string())),
        _ => None,
    };
    Ok(Acceptance {
        article_id,
        quote,
        attribution,
        credibility,
        when: given(f, "when").map(str::to_string),
        figure,
        incident: given(f, "incident").map(str::to_string),
    })
}

/// A suggestion as the review page shows it.
fn sugg(i: usize, r: &SuggestionRow, w: &Words) -> views::Sugg {
    let s = w.serve;
    let interval = match (r.low, r.high) {
        (Some(lo), Some(hi)) if lo == hi => crate::report::view::value(Some(lo)),
        (Some(lo), Some(hi)) => {
            format!("{}–{}", crate::report::view::value(Some(lo)), crate::report::view::value(Some(hi)))
        }
        (Some(lo), None) => format!("{}–{}", crate::report::view::value(Some(lo)), w.open),
        _ => String::new(),
    };
    let (who, how) = match (&r.source, &r.source_match) {
        (None, _) => (w.own_reporting.to_string(), s.outlet_own.to_string()),
        (Some(p), Some(m)) => {
            let how = r
                .matched_by
                .map(|b| format!("{}: {b}", s.matched_name))
                .unwrap_or_else(|| s.matched_name.to_string());
            (if p == m { m.clone() } else { format!("{p} → {m}") }, how)
        }
        (Some(p), None) => (p.clone(), s.unmatched.to_string()),
    };
    let when_dates = match (&r.when_from, &r.when_to) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => String::new(),
    };
    views::Sugg {
        i,
        status: r.status,
        recorded: r.status == "recorded",
        quote: r.quote.clone(),
        figure_text: r.figure.clone().unwrap_or_default(),
        figure: r.figure.clone(),
        kind: r.kind.as_deref().map(|k| w.figure_kind(k)),
        interval,
        noun: r.noun.clone(),
        source: r.source.clone(),
        source_match: r.source_match.clone(),
        source_id: r.source_id.map(|i| i.to_string()).unwrap_or_default(),
        phrase: r.source.clone().unwrap_or_default(),
        who,
        how,
        when_value: r.when_text.clone().unwrap_or_default(),
        when_text: r.when_text.clone(),
        when_dates,
        confidence: r.confidence,
        start: r.marks.start,
        end: r.marks.end,
    }
}

/// The claim form's edit of a claim as it is now: only what the form changed (an unchanged
/// field is left as it is) and a tag to add.
fn claim_edit(f: &Params, now: &crate::notebook::claims::ClaimRow) -> Result<EditClaim, Error> {
    let credibility =
        given(f, "credibility").map(Credibility::from_str).transpose().map_err(Error::Invalid)?;
    let changed = |name: &str, was: Option<&str>| {
        param(f, name).map(str::trim).filter(|v| *v != was.unwrap_or("")).map(str::to_string)
    };
    Ok(EditClaim {
        text: changed("text", Some(now.text.as_str())),
        credibility: credibility.filter(|c| *c != now.credibility),
        place: changed("place", now.place.as_deref()),
        when: changed("when", now.when_text.as_deref()),
        add_tags: given(f, "tag").map(str::to_string).into_iter().collect(),
        remove_tags: Vec::new(),
        sources: None,
        incident: None,
    })
}
