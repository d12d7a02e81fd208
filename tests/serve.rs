//! `crosscheck serve` over HTTP: who may talk to it (token, Host, CSRF key, read-only), what
//! every answer carries (CSP, no CORS), hostile text shown as text on every page, the review's
//! writes (accept, reject) through the library, and the command line writing meanwhile. The
//! server listens on 127.0.0.1 only and every request here goes there.

mod common;

use common::serve::{review_notebook, Resp, Server};
use common::{fixture, Nb};
use scraper::{Html, Selector};

fn sources_of(r: &Resp) -> Vec<String> {
    let doc = Html::parse_document(&r.body);
    let sel = Selector::parse("h1").unwrap();
    doc.select(&sel).map(|e| e.text().collect()).collect()
}

#[test]
fn serve_prints_one_address_with_a_token_and_stops_cleanly() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    assert_eq!(s.token.len(), 64, "a 256-bit token in hex");
    assert!(s.token.chars().all(|c| c.is_ascii_hexdigit()));
    let other = Server::start(&nb, &[]);
    assert_ne!(s.token, other.token, "each start has its own token");
    assert_ne!(s.port, other.port);
    let err = s.stop();
    assert!(err.contains("Ctrl-C stops") && err.contains("stopped"), "{err}");
    // The other server still answers: stopping one stops nothing else.
    assert_eq!(other.get("/articles").status, 200);
}

#[test]
fn every_request_needs_the_token_and_a_host_naming_this_machine() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let port = s.port;
    for path in ["/", "/articles", "/article?id=1", "/assets/app.js", "/assets/app.css", "/claims"] {
        let r = s.raw(&format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"));
        assert_eq!(r.status, 403, "{path} without the token: {}", r.body);
        assert!(!r.body.contains("وادي"), "nothing of the notebook without the token");
    }
    let wrong = "0".repeat(64);
    let r = s.raw(&format!(
        "GET /articles?token={wrong} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(r.status, 403);
    // The token in the address is moved into a cookie only this server gets, and out of the address.
    let r = s.raw(&format!(
        "GET /article?id=1&token={}&lang=ar HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n",
        s.token
    ));
    assert_eq!(r.status, 303);
    assert_eq!(r.header("Location"), Some("/article?id=1&lang=ar"));
    let cookie = r.header("Set-Cookie").unwrap();
    assert!(
        cookie.starts_with(&s.cookie()) && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
    );
    // DNS rebinding: a name that points here is still not this server's name.
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "127.0.0.1".to_string(),
        String::new(),
    ] {
        let r = s.raw(&format!(
            "GET /articles HTTP/1.1\r\nHost: {host}\r\nCookie: {}\r\nConnection: close\r\n\r\n",
            s.cookie()
        ));
        assert_eq!(r.status, 403, "Host {host:?}: {}", r.body);
    }
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}"), format!("[::1]:{port}")] {
        let r = s.raw(&format!(
            "GET /articles HTTP/1.1\r\nHost: {host}\r\nCookie: {}\r\nConnection: close\r\n\r\n",
            s.cookie()
        ));
        assert_eq!(r.status, 200, "Host {host:?}");
    }
}

#[test]
fn every_answer_forbids_inline_code_and_other_origins() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let pages = [
        "/articles",
        "/articles?q=%D8%A7%D9%84%D9%82%D8%B5%D9%81",
        "/article?id=1",
        "/article?id=2&lang=ar",
        "/claims",
        "/measures",
        "/measure?key=killed.wadi",
        "/sources",
        "/source?id=1",
    ];
    for p in pages {
        let r = s.get(p);
        assert_eq!(r.status, 200, "{p}: {}", r.body);
        let csp = r.header("Content-Security-Policy").unwrap();
        assert!(
            csp.contains("default-src 'none'")
                && csp.contains("script-src 'self'")
                && csp.contains("style-src 'self'")
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
        assert_eq!(r.header("X-Content-Type-Options"), Some("nosniff"));
        assert!(r.header("Access-Control-Allow-Origin").is_none(), "no CORS");
        let doc = Html::parse_document(&r.body);
        for script in doc.select(&Selector::parse("script").unwrap()) {
            assert_eq!(script.value().attr("src"), Some("/assets/app.js"), "{p}: an inline script");
            assert!(script.text().collect::<String>().trim().is_empty());
        }
        assert_eq!(
            doc.select(&Selector::parse("style, [style]").unwrap()).count(),
            0,
            "{p}: an inline style"
        );
    }
}

#[test]
fn a_change_without_token_host_or_csrf_key_is_refused_and_writes_nothing() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let csrf = s.csrf();
    assert_eq!(csrf.len(), 64);
    assert_ne!(csrf, s.token, "the CSRF key is not the token");
    let before = nb.dump();
    let form = |key: &str| -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs([("csrf", key), ("id", "1"), ("grade", "A"), ("why", "forged")])
            .finish()
    };
    let port = s.port;
    let send = |host: &str, cookie: bool, body: &str, extra: &str| -> Resp {
        s.raw(&format!(
            "POST /source/rate HTTP/1.1\r\nHost: {host}\r\n{}Content-Type: application/x-www-form-urlencoded\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            if cookie { format!("Cookie: {}\r\n", s.cookie()) } else { String::new() },
            body.len()
        ))
    };
    let here = format!("127.0.0.1:{port}");
    let cases = [
        ("no CSRF key", send(&here, true, "id=1&grade=A&why=forged", "")),
        ("a wrong CSRF key", send(&here, true, &form(&"f".repeat(64)), "")),
        ("the token as the CSRF key", send(&here, true, &form(&s.token), "")),
        ("no token", send(&here, false, &form(&csrf), "")),
        ("a foreign Host", send(&format!("evil.example:{port}"), true, &form(&csrf), "")),
        ("another origin", send(&here, true, &form(&csrf), "Origin: http://evil.example\r\n")),
    ];
    for (what, r) in cases {
        assert_eq!(r.status, 403, "{what}: {}", r.body);
        common::assert_same(&before, &nb.dump(), what);
    }
    // A form over 1 MB is refused before it is read.
    let big = format!("csrf={csrf}&id=1&grade=A&why={}", "x".repeat(1_100_000));
    let r = send(&here, true, &big, "");
    assert_eq!(r.status, 413, "{}", r.body);
    common::assert_same(&before, &nb.dump(), "an oversized form");
    // A change is never made by GET.
    let r = s.get("/source/rate?id=1&grade=A&why=forged");
    assert_eq!(r.status, 404);
    common::assert_same(&before, &nb.dump(), "GET of a change");
    // With everything right, the change is made, once, and the browser sent back.
    let r = send(&here, true, &form(&csrf), &format!("Origin: http://{here}\r\n"));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("Location"), Some("/source?id=1"));
    let shown = nb.ok(&["--format", "json", "source", "show", "1"]).json();
    assert_eq!(shown["reliability"], "A");
}

#[test]
fn read_only_refuses_every_write_and_shows_no_forms() {
    let nb = review_notebook();
    let s = Server::start(&nb, &["--read-only"]);
    let before = nb.dump();
    for p in ["/article?id=1", "/claims", "/measure?key=killed.wadi", "/source?id=1"] {
        let r = s.get(p);
        assert_eq!(r.status, 200);
        assert!(!r.body.contains("method=\"post\""), "{p} offers a change");
    }
    for (path, form) in [
        ("/source/rate", vec![("id", "1"), ("grade", "A"), ("why", "x")]),
        ("/article/accept", vec![("article", "1"), ("quote", "14 مدنياً قُتلوا"), ("as", "outlet")]),
        ("/article/reject", vec![("article", "1"), ("start", "0"), ("end", "5"), ("quote", "x")]),
        ("/measure/save", vec![("key", "killed.wadi"), ("note", "x")]),
        ("/source/alias", vec![("id", "1"), ("alias", "x")]),
        ("/source/unalias", vec![("id", "1"), ("alias", "x")]),
        ("/claim/edit", vec![("id", "1"), ("credibility", "1")]),
        ("/claim/link", vec![("id", "1"), ("other", "2"), ("relation", "updates")]),
        ("/claim/unlink", vec![("id", "1"), ("from", "1"), ("to", "2"), ("relation", "updates")]),
    ] {
        let mut form = form;
        form.push(("csrf", "whatever"));
        let r = s.post(path, &form);
        assert_eq!(r.status, 403, "{path}");
        assert!(r.body.contains("--read-only"), "{}", r.body);
    }
    common::assert_same(&before, &nb.dump(), "read-only server");
}

/// Fields a hostile article, source or analyst could fill, each a different attack.
const HOSTILE: &[&str] = &[
    "<script>alert('title')</script>",
    "<img src=x onerror=alert('outlet')>",
    "\"><svg onload=alert('source')>",
    "</textarea><b id=pwn>alias</b>",
    "';alert('note');//<style>*{display:none}</style>",
    "<a href=\"javascript:alert('label')\">label</a>",
];

#[test]
fn hostile_text_in_every_field_is_shown_as_text_on_every_page() {
    let nb = Nb::new();
    let article = nb.path("hostile.txt");
    std::fs::write(
        &article,
        format!(
            "{}\n\nThe council said 12 people were hurt {} in the market, officials said.\n\n{} told reporters that 30 homes burned.\n",
            HOSTILE[0], HOSTILE[1], HOSTILE[2]
        ),
    )
    .unwrap();
    nb.ok(&[
        "import",
        "articles",
        article.to_str().unwrap(),
        "--outlet",
        HOSTILE[1],
        "--published",
        "2025-01-02",
        "--lang",
        "en",
        "--title",
        HOSTILE[0],
    ]);
    nb.ok(&["article", "edit", "1", "--note", HOSTILE[4], "--author", HOSTILE[5]]);
    nb.ok(&[
        "source",
        "add",
        HOSTILE[2],
        "--kind",
        "official",
        "--note",
        HOSTILE[4],
        "--affiliation",
        HOSTILE[3],
    ]);
    nb.ok(&["source", "alias", "add", "1", HOSTILE[3]]);
    nb.ok(&["source", "rate", "1", "C", "--why", HOSTILE[0]]);
    nb.ok(&["measure", "add", "hurt.market", "--label", HOSTILE[5], "--unit", HOSTILE[1]]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "1",
        "--quote",
        "12 people were hurt",
        "--source",
        "1",
        "--figure",
        "hurt.market=12",
        "--tag",
        HOSTILE[3],
        "--place",
        HOSTILE[4],
        "--text",
        HOSTILE[2],
    ]);
    nb.ok(&["reconcile", "hurt.market", "--save", "--note", HOSTILE[5]]);
    let s = Server::start(&nb, &[]);
    let pages = [
        "/articles",
        "/articles?q=council",
        "/article?id=1",
        "/article?id=1&lang=ar",
        "/claims",
        "/claims?tag=%3C%2Ftextarea%3E",
        "/claim?id=1",
        "/measures",
        "/measure?key=hurt.market",
        "/sources",
        "/source?id=1",
        "/source?id=2",
        "/article?id=1&measure=%3Cscript%3E",
        "/nowhere%3Cscript%3Ealert(1)%3C/script%3E",
    ];
    let mut seen = 0;
    for p in pages {
        let r = s.get(p);
        assert!(r.status == 200 || r.status == 404 || r.status == 422, "{p}: {}", r.status);
        let doc = Html::parse_document(&r.body);
        // No element or attribute came from the notebook's text.
        for e in doc.select(&Selector::parse("*").unwrap()) {
            let v = e.value();
            assert!(
                !["svg", "img", "style", "iframe"].contains(&v.name()) || p.starts_with("/measure?"),
                "{p}: a <{}> element from the text",
                v.name()
            );
            assert_ne!(v.id(), Some("pwn"), "{p}: an element planted by an alias");
            for (k, val) in v.attrs() {
                assert!(!k.starts_with("on"), "{p}: an event handler {k}={val}");
                assert!(!val.trim_start().to_ascii_lowercase().starts_with("javascript:"), "{p}: {k}={val}");
            }
            if v.name() == "script" {
                assert_eq!(v.attr("src"), Some("/assets/app.js"), "{p}");
            }
        }
        // The words themselves are there, as text.
        let text: String = doc.root_element().text().collect();
        let values: String = doc
            .select(&Selector::parse("input, textarea, option").unwrap())
            .map(|e| e.value().attr("value").map(str::to_string).unwrap_or_else(|| e.text().collect()))
            .collect();
        seen += HOSTILE.iter().filter(|h| text.contains(*h) || values.contains(*h)).count();
    }
    assert!(seen >= 20, "the hostile texts were shown as text only {seen} times");
    let measure = s.get("/measure?key=hurt.market");
    let doc = Html::parse_document(&measure.body);
    // The chart is the only SVG, and its text is the label as text.
    for svg in doc.select(&Selector::parse("svg").unwrap()) {
        let t: String = svg.text().collect();
        assert!(t.contains(HOSTILE[5]) || !t.contains("label"), "{t}");
        assert_eq!(svg.select(&Selector::parse("a, script, foreignObject").unwrap()).count(), 0);
    }
    let _ = sources_of(&measure);
}

#[test]
fn a_page_speaks_arabic_right_to_left_when_asked_or_when_the_browser_prefers_it() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let en = s.get("/articles");
    assert!(en.body.contains("<html lang=\"en\" dir=\"ltr\">"));
    let ar = s.get("/articles?lang=ar");
    assert!(ar.body.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.body.contains("المقالات"));
    assert!(ar.header("Set-Cookie").is_some_and(|c| c.starts_with("crosscheck-lang=ar")));
    let port = s.port;
    let by_browser = s.raw(&format!(
        "GET /claims HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\nAccept-Language: ar-SY,ar;q=0.9,en;q=0.5\r\nConnection: close\r\n\r\n",
        s.cookie()
    ));
    assert!(by_browser.body.contains("dir=\"rtl\""));
    // The filters are labelled in the page's language; their fields keep the flags' names.
    assert!(by_browser.body.contains("أدنى موثوقية <input name=\"min-reliability\""), "{}", by_browser.body);
    assert!(en.body.contains("Articles"));
    let claims_en = s.get("/claims?lang=en");
    assert!(claims_en.body.contains("min-reliability <input name=\"min-reliability\""));
    // The Arabic article's text runs right to left on an English page too.
    let page = s.get("/article?id=1");
    assert!(page.body.contains("class=\"body\" dir=\"rtl\" lang=\"ar\""), "{}", &page.body[..500]);
    let page = s.get("/article?id=2&lang=ar");
    assert!(page.body.contains("class=\"body\" dir=\"ltr\" lang=\"en\""));
}

/// The review's form for a suggestion, as the page sends it.
fn accept_form<'a>(
    csrf: &'a str,
    quote: &'a str,
    figure: &'a str,
    measure: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("article", "1"),
        ("quote", quote),
        ("figure", figure),
        ("measure", measure),
        ("credibility", "3"),
        ("as", "new"),
        ("phrase", "المرصد المحلي لحقوق الإنسان"),
        ("kind", "monitor"),
        ("when", ""),
    ]
}

#[test]
fn accepting_records_the_claim_and_its_new_source_in_one_change_and_a_refusal_writes_nothing() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let csrf = s.csrf();
    let before = nb.dump();
    let quote = "قال المرصد المحلي لحقوق الإنسان إن عدد القتلى ارتفع إلى 17 شخصاً على الأقل";
    // An unknown measure: refused with the sentence the command line gives, and nothing written,
    // not even the new source.
    let r = s.post("/article/accept", &accept_form(&csrf, quote, "17 شخصاً على الأقل", "killed.nowhere"));
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("killed.nowhere"), "{}", r.body);
    common::assert_same(&before, &nb.dump(), "accept with an unknown measure");
    let r = s.post("/article/accept", &accept_form(&csrf, quote, "17 شخصاً على الأقل", "killed.wadi"));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("Location"), Some("/article?id=1"));
    let claims = nb.ok(&["--format", "json", "claim", "list", "--article", "1"]).json();
    let claims = claims.as_array().unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["sources"][0], "المرصد المحلي لحقوق الإنسان");
    assert_eq!(claims[0]["credibility"], 3);
    assert_eq!(claims[0]["figures"][0], "killed.wadi=17 شخصاً على الأقل");
    let source = nb.ok(&["--format", "json", "source", "show", "المرصد المحلي لحقوق الإنسان"]).json();
    assert_eq!(source["reliability"], "F", "a new source is unrated");
    assert_eq!(source["kind"], "monitor");
    // Accepted, the suggestion is shown as recorded.
    let page = s.get("/article?id=1");
    assert!(page.body.contains("class=\"sugg recorded\""));
}

/// The links of claim `id` as the command line lists them: (from, relation, to).
fn links_of(nb: &Nb, id: &str) -> Vec<(i64, String, i64)> {
    let shown = nb.ok(&["--format", "json", "claim", "show", id]).json();
    shown["links"]
        .as_array()
        .map(|l| {
            l.iter()
                .map(|l| {
                    (
                        l["from"].as_i64().unwrap(),
                        l["relation"].as_str().unwrap().to_string(),
                        l["to"].as_i64().unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_claim_is_edited_linked_and_unlinked_on_its_page() {
    let nb = review_notebook();
    for quote in ["14 مدنياً قُتلوا", "17 شخصاً على الأقل"] {
        nb.ok(&["claim", "add", "--article", "1", "--quote", quote, "--source", "الدفاع المدني"]);
    }
    let s = Server::start(&nb, &[]);
    let csrf = s.csrf();
    // A link from the page, then shown on both claims' pages.
    let r = s.post("/claim/link", &[("csrf", &csrf), ("id", "2"), ("other", "1"), ("relation", "updates")]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("Location"), Some("/claim?id=2"));
    assert_eq!(links_of(&nb, "2"), vec![(2, "updates".to_string(), 1)]);
    let page = s.get("/claim?id=1");
    assert!(page.body.contains("action=\"/claim/unlink\""), "the link can be removed from either claim");
    // A link that is not there: refused with the command line's sentence, nothing written.
    let before = nb.dump();
    let r = s.post(
        "/claim/unlink",
        &[("csrf", &csrf), ("id", "1"), ("from", "1"), ("to", "2"), ("relation", "updates")],
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("claim #1 has no updates link to claim #2"), "{}", r.body);
    common::assert_same(&before, &nb.dump(), "removing a link that is not there");
    // Removed from the other claim's page: the command line sees no link left.
    let r = s.post(
        "/claim/unlink",
        &[("csrf", &csrf), ("id", "1"), ("from", "2"), ("to", "1"), ("relation", "updates")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("Location"), Some("/claim?id=1"));
    assert!(links_of(&nb, "2").is_empty());
    assert!(!s.get("/claim?id=2").body.contains("action=\"/claim/unlink\""));
    // An edit changes only what the form changed: credibility and place here, a tag added.
    let r = s.post(
        "/claim/edit",
        &[
            ("csrf", &csrf),
            ("id", "1"),
            ("credibility", "2"),
            ("when", ""),
            ("place", "وادي الرمان"),
            ("tag", "قصف"),
            ("text", "14 مدنياً قُتلوا"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let shown = nb.ok(&["--format", "json", "claim", "show", "1"]).json();
    assert_eq!(shown["credibility"], 2);
    assert_eq!(shown["place"], "وادي الرمان");
    assert_eq!(shown["tags"][0], "قصف");
    assert_eq!(shown["quote"], "14 مدنياً قُتلوا");
}

#[test]
fn a_rejected_suggestion_is_remembered_and_claim_suggest_leaves_it_out() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let csrf = s.csrf();
    let page = s.get("/article?id=1");
    let doc = Html::parse_document(&page.body);
    let form = doc
        .select(&Selector::parse("form.reject").unwrap())
        .find(|f| f.html().contains("أربعة أطفال") || f.html().contains("14 مدنياً"))
        .expect("the suggestion about the children");
    let field = |name: &str| {
        form.select(&Selector::parse(&format!("input[name={name}]")).unwrap())
            .next()
            .and_then(|e| e.value().attr("value"))
            .unwrap()
            .to_string()
    };
    let (start, end, quote) = (field("start"), field("end"), field("quote"));
    let before = nb.ok(&["--format", "json", "claim", "suggest", "1"]).json();
    let n = before.as_array().unwrap().len();
    let r = s.post(
        "/article/reject",
        &[
            ("csrf", &csrf),
            ("article", "1"),
            ("start", &start),
            ("end", &end),
            ("quote", &quote),
            ("reason", "part of the 14"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let after = nb.raw(&["--format", "json", "claim", "suggest", "1"], None);
    let rows: serde_json::Value = serde_json::from_str(&after.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), n - 1, "claim suggest still offers it");
    assert!(after.stderr.contains("1 suggestion(s) rejected in review were left out"), "{}", after.stderr);
    assert!(rows.as_array().unwrap().iter().all(|r| r["quote"] != quote.as_str()));
    let page = s.get("/article?id=1");
    assert!(!page.body.contains(&format!(
        "name=\"start\" value=\"{start}\"><input type=\"hidden\" name=\"end\" value=\"{end}\""
    )));
    // Rejecting it again changes nothing.
    let dump = nb.dump();
    let r = s.post(
        "/article/reject",
        &[("csrf", &csrf), ("article", "1"), ("start", &start), ("end", &end), ("quote", &quote)],
    );
    assert_eq!(r.status, 303);
    common::assert_same(&dump, &nb.dump(), "rejected twice");
}

#[test]
fn the_command_line_writes_while_serve_writes_and_nothing_is_lost() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let csrf = s.csrf();
    let db = nb.db.clone();
    let cli = std::thread::spawn(move || {
        for i in 0..15 {
            let out = std::process::Command::new(common::BIN)
                .arg("--db")
                .arg(&db)
                .args(["source", "add", &format!("cli source {i}"), "--kind", "resident"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    });
    for i in 0..15 {
        let alias = format!("web alias {i}");
        let r = s.post("/source/alias", &[("csrf", &csrf), ("id", "1"), ("alias", &alias)]);
        assert_eq!(r.status, 303, "{}", r.body);
        let page = s.get("/sources");
        assert_eq!(page.status, 200);
    }
    cli.join().unwrap();
    let sources = nb.ok(&["--format", "json", "source", "list"]).json();
    let sources = sources.as_array().unwrap();
    assert_eq!(sources.iter().filter(|s| s["name"].as_str().unwrap().starts_with("cli source")).count(), 15);
    let aliases = sources[0]["aliases"].as_array().unwrap();
    assert_eq!(aliases.iter().filter(|a| a.as_str().unwrap().starts_with("web alias")).count(), 15);
}

#[test]
fn listings_filter_and_page_as_the_command_line_does() {
    let nb = review_notebook();
    for i in 0..60 {
        nb.ok(&[
            "claim",
            "add",
            "--article",
            "2",
            "--quote",
            "212 passengers",
            "--again",
            "--tag",
            if i % 2 == 0 { "even" } else { "odd" },
        ]);
    }
    let s = Server::start(&nb, &[]);
    let first = s.get("/claims");
    let ids = |r: &Resp| -> Vec<i64> {
        let sel = Selector::parse("table.list tbody tr td.num a").unwrap();
        Html::parse_document(&r.body)
            .select(&sel)
            .map(|a| a.text().collect::<String>().trim().parse().unwrap())
            .collect()
    };
    let link = |r: &Resp, rel: &str| -> Option<String> {
        let sel = Selector::parse(&format!("nav.pager a[rel={rel}]")).unwrap();
        Html::parse_document(&r.body).select(&sel).next().map(|a| a.value().attr("href").unwrap().to_string())
    };
    // 60 claims, 50 a page, read by key.
    let every: Vec<i64> = (1..=60).collect();
    assert_eq!(ids(&first), every[..50]);
    assert_eq!(link(&first, "prev"), None);
    let next = link(&first, "next").expect("a next page");
    assert!(next.contains("after=50") && next.contains("page=2"), "{next}");
    let second = s.get(&next);
    assert_eq!(ids(&second), every[50..]);
    assert_eq!(link(&second, "next"), None, "the last page has no next");
    assert!(second.body.contains(">2<") || second.body.contains(" 2<"), "its number is carried along");
    // Back again: the page before the second one is the first, whole.
    let prev = link(&second, "prev").expect("a previous page");
    assert!(prev.contains("before=51"), "{prev}");
    let back = s.get(&prev);
    assert_eq!(ids(&back), every[..50]);
    assert_eq!(link(&back, "prev"), None);
    // A page in the middle, by key: after #5, the 50 that follow and links both ways.
    let middle = s.get("/claims?after=5&page=2");
    assert_eq!(ids(&middle), every[5..55]);
    assert!(link(&middle, "prev").is_some() && link(&middle, "next").is_some());
    let before = s.get(&link(&middle, "prev").unwrap());
    assert_eq!(ids(&before), every[..50], "before #6 there are only five: the first page instead");
    // A claim added meanwhile moves no page: the second page still starts after #50.
    nb.ok(&["claim", "add", "--article", "2", "--quote", "212 passengers", "--again"]);
    assert_eq!(ids(&s.get(&next)), (51..=61).collect::<Vec<i64>>());
    // Filters hold across pages.
    let even = s.get("/claims?tag=even");
    assert_eq!(ids(&even).len(), 30);
    assert_eq!(link(&even, "next"), None);
    let bad = s.get("/claims?min-reliability=Z");
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("&#39;Z&#39;") || bad.body.contains("'Z'") || bad.body.contains("Z"),
        "{}",
        bad.body
    );
    // Search is the command line's search: an Arabic word without its article and prefixes.
    let found = s.get("/articles?q=%D9%82%D8%B5%D9%81");
    assert!(
        found.body.contains("/article?id=1") && !found.body.contains("/article?id=2\""),
        "{}",
        found.body
    );
    let by_lang = s.get("/articles?language=en");
    assert!(by_lang.body.contains("/article?id=2") && !by_lang.body.contains("/article?id=1\""));
    // The languages offered are the articles' own, read again after the command line adds one.
    let options = |r: &Resp| -> Vec<String> {
        let sel = Selector::parse("select[name=language] option").unwrap();
        Html::parse_document(&r.body)
            .select(&sel)
            .filter_map(|o| o.value().attr("value").map(str::to_string))
            .collect()
    };
    assert_eq!(options(&s.get("/articles")), ["", "ar", "en"]);
    nb.ok(&["article", "edit", "2", "--lang", "fr"]);
    assert_eq!(options(&s.get("/articles")), ["", "ar", "fr"], "the change is seen at once");
    let _ = fixture("serve/wadi-ar.txt");
}

#[test]
fn accepting_ties_the_claim_to_the_incident_asked_or_to_its_measures() {
    let nb = review_notebook();
    nb.ok(&[
        "incident",
        "add",
        "wadi.2025-03-06",
        "--label",
        "shelling of Wadi al-Rumman",
        "--from",
        "2025-03-06",
    ]);
    nb.ok(&["incident", "add", "wadi.market", "--label", "the market strike", "--from", "2025-03-06"]);
    nb.ok(&[
        "measure",
        "add",
        "killed.market",
        "--label",
        "killed at the market",
        "--incident",
        "wadi.market",
        "--role",
        "killed",
    ]);
    let s = Server::start(&nb, &[]);
    let csrf = s.csrf();
    let quote = "قال المرصد المحلي لحقوق الإنسان إن عدد القتلى ارتفع إلى 17 شخصاً على الأقل";
    let incident_of = |id: i64| -> serde_json::Value {
        nb.ok(&["--format", "json", "claim", "show", &id.to_string()]).json()["incident"].clone()
    };
    // The measure belongs to an incident and none is asked: the measure's.
    let r = s.post("/article/accept", &accept_form(&csrf, quote, "17 شخصاً على الأقل", "killed.market"));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(incident_of(1), "wadi.market");
    // The outlet's own reporting, so that no source is added again.
    let outlet = |quote: &'static str, figure: &'static str, measure: &'static str| {
        let mut form = accept_form(&csrf, quote, figure, measure);
        form.retain(|(k, _)| *k != "as");
        form.push(("as", "outlet"));
        form
    };
    // Asked, as `claim suggest --incident` asks: that one, and the page is reviewed with it kept.
    let mut form = outlet("عدد القتلى ارتفع إلى 17 شخصاً", "17 شخصاً", "killed.wadi");
    form.extend([("incident", "wadi.2025-03-06"), ("default_incident", "wadi.2025-03-06")]);
    let r = s.post("/article/accept", &form);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("Location"), Some("/article?id=1&incident=wadi.2025-03-06"));
    assert_eq!(incident_of(2), "wadi.2025-03-06");
    // A measure of no incident and none asked: no incident, as `claim add` without --incident.
    let r = s.post("/article/accept", &outlet("ارتفع إلى 17", "17", "killed.wadi"));
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(incident_of(3).is_null());
    // An incident that does not exist: refused with the command line's sentence, nothing written.
    let before = nb.dump();
    let mut form = outlet("القتلى ارتفع", "", "");
    form.push(("incident", "wadi.nowhere"));
    let r = s.post("/article/accept", &form);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("wadi.nowhere"), "{}", r.body);
    common::assert_same(&before, &nb.dump(), "accept with an unknown incident");
    // The review page asked for an incident fills every accept form with it.
    let page = s.get("/article?id=1&incident=wadi.2025-03-06");
    let doc = Html::parse_document(&page.body);
    let sel = Selector::parse("form.accept input[name=incident]").unwrap();
    let values: Vec<&str> = doc.select(&sel).filter_map(|i| i.value().attr("value")).collect();
    assert!(!values.is_empty() && values.iter().all(|v| *v == "wadi.2025-03-06"), "{values:?}");
    assert_eq!(s.get("/article?id=1&incident=wadi.nowhere").status, 404);
}

#[test]
fn a_measure_page_takes_the_envelope_and_window_and_shows_a_sums_parts() {
    let nb = review_notebook();
    nb.ok(&[
        "measure",
        "add",
        "toll.wadi",
        "--label",
        "the toll in Wadi al-Rumman",
        "--unit",
        "people",
        "--sum",
        "killed.wadi,injured.wadi",
    ]);
    let fig = |quote: &str, measure: &str, notation: &str, when: &str| {
        nb.ok(&[
            "claim",
            "add",
            "--article",
            "1",
            "--quote",
            quote,
            "--when",
            when,
            "--figure",
            &format!("{measure}={notation}"),
        ]);
    };
    fig("ارتفع إلى 17 شخصاً على الأقل", "killed.wadi", "17 على الأقل", "2025-03-06");
    fig("40 جريحاً", "injured.wadi", "40", "2025-03-06");
    let s = Server::start(&nb, &[]);
    let page = s.get("/measure?key=toll.wadi");
    assert_eq!(page.status, 200, "{}", page.body);
    let doc = Html::parse_document(&page.body);
    let sel = |css: &str| Selector::parse(css).unwrap();
    // The form has the command line's --envelope and --window, as a GET form.
    let options: Vec<&str> = doc
        .select(&sel("form.filters select[name=envelope] option"))
        .filter_map(|o| o.value().attr("value"))
        .collect();
    assert_eq!(options, ["stated", "union"]);
    assert_eq!(doc.select(&sel("form.filters[method=get] input[name=window]")).count(), 1);
    // Each part with its own low, best and high, linked to its page.
    let parts: Vec<String> = doc
        .select(&sel("table.parts tbody tr"))
        .map(|tr| tr.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert!(parts[0].starts_with("killed.wadi") && parts[0].contains("17"), "{parts:?}");
    assert!(parts[1].starts_with("injured.wadi") && parts[1].contains("40"), "{parts:?}");
    let links: Vec<&str> = doc.select(&sel("table.parts a")).filter_map(|a| a.value().attr("href")).collect();
    assert_eq!(links, ["/measure?key=killed.wadi", "/measure?key=injured.wadi"]);
    // The envelope and window chosen are those `reconcile` would use, and the parts' links keep them.
    let union = s.get("/measure?key=toll.wadi&envelope=union&window=2025-03-01..2025-03-31");
    assert_eq!(union.status, 200, "{}", union.body);
    let doc = Html::parse_document(&union.body);
    let chosen: Vec<&str> = doc
        .select(&sel("select[name=envelope] option[selected]"))
        .filter_map(|o| o.value().attr("value"))
        .collect();
    assert_eq!(chosen, ["union"]);
    let link = doc.select(&sel("table.parts a")).next().unwrap().value().attr("href").unwrap().to_string();
    assert!(link.contains("envelope=union") && link.contains("window=2025-03-01..2025-03-31"), "{link}");
    let cli = nb
        .ok(&[
            "--format",
            "json",
            "reconcile",
            "toll.wadi",
            "--envelope",
            "union",
            "--window",
            "2025-03-01..2025-03-31",
        ])
        .json();
    let cli = if cli.is_array() { cli[0].clone() } else { cli };
    let low = cli["low"].as_i64().unwrap().to_string();
    assert!(
        doc.select(&sel("dl.numbers dd")).next().unwrap().text().collect::<String>().contains(&low),
        "the page's low is reconcile's {low}"
    );
    // A window the command line refuses is refused here with its sentence.
    let bad = s.get("/measure?key=toll.wadi&window=March");
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("window"), "{}", bad.body);
    // Saving keeps the envelope and window.
    let csrf = s.csrf();
    let r = s.post(
        "/measure/save",
        &[
            ("csrf", csrf.as_str()),
            ("key", "killed.wadi"),
            ("method", "weighted"),
            ("envelope", "union"),
            ("window", "2025-03-01..2025-03-31"),
            ("note", "checked"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let to = r.header("Location").unwrap();
    assert!(to.contains("envelope=union") && to.contains("window=2025-03-01..2025-03-31"), "{to}");
}

#[test]
fn suggestions_kept_between_loads_follow_the_sources_and_the_claims() {
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let who = |r: &Resp| -> Vec<String> {
        let sel = Selector::parse("li.sugg .who").unwrap();
        Html::parse_document(&r.body).select(&sel).map(|e| e.text().collect::<String>()).collect()
    };
    let first = s.get("/article?id=1");
    let monitor = "المرصد المحلي لحقوق الإنسان";
    let line = who(&first).into_iter().find(|w| w.contains(monitor)).expect("the monitor's suggestion");
    assert!(line.contains("not in the notebook"), "{line}");
    // The same page again is the same page.
    assert_eq!(s.get("/article?id=1").body, first.body);
    // A source added by the command line is matched on the next load.
    nb.ok(&["source", "add", monitor, "--kind", "monitor"]);
    let again = s.get("/article?id=1");
    let line = who(&again).into_iter().find(|w| w.contains(monitor)).unwrap();
    assert!(line.contains("a source of the notebook"), "{line}");
    // A claim recorded by the command line with its figure shows its suggestion as recorded
    // (without the figure, the figure is still to record).
    assert!(!again.body.contains("sugg recorded"));
    let quote = "ارتفع إلى 17 شخصاً على الأقل";
    nb.ok(&["claim", "add", "--article", "1", "--quote", quote, "--source", monitor]);
    assert!(!s.get("/article?id=1").body.contains("sugg recorded"));
    nb.ok(&["figure", "add", "--claim", "1", "--measure", "killed.wadi", "17 شخصاً على الأقل"]);
    assert!(s.get("/article?id=1").body.contains("sugg recorded"));
}
