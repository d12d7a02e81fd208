//! Articles as they arrive (issue 27): web pages with their metadata and furniture, any
//! encoding, PDFs with pages, web archives, and files that are not articles, through the real
//! binary. The PDFs and archives are made by `tests/fixtures/make_articles.rs`.

mod common;
#[path = "fixtures/make_articles.rs"]
mod make;

use common::Nb;
use serde_json::Value;

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

/// The import rows of a JSON import, by file name.
fn rows(r: &common::Run) -> Vec<Value> {
    r.json().as_array().unwrap().clone()
}

fn row<'a>(rows: &'a [Value], ends: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["path"].as_str().unwrap().ends_with(ends) || r["path"].as_str().unwrap().contains(ends))
        .unwrap_or_else(|| panic!("no row for {ends}: {rows:#?}"))
}

fn article(nb: &Nb, id: i64) -> Value {
    nb.ok(&["article", "show", &id.to_string(), "--format", "json"]).json()
}

fn body(nb: &Nb, id: i64) -> String {
    nb.ok(&["article", "show", &id.to_string(), "--text"]).stdout
}

const OG_PAGE: &str = r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bread prices double | Valley Daily</title>
<meta property="og:title" content="Bread prices double in Sahl">
<meta property="og:site_name" content="Valley Daily">
<meta property="article:published_time" content="2024-02-20T07:15:00+02:00">
<meta name="author" content="Nadia Farouk">
<link rel="canonical" href="https://valley.example/economy/bread-prices">
</head><body>
<div class="header-nav"><a href="/">Home</a> <a href="/login">Login</a> <a href="/register">Register</a></div>
<div class="layout"><div class="col-main">
<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<p>The price of a bag of bread in Sahl has doubled in a month, traders at the central market said on Tuesday, blaming the closure of the northern road.</p>
<p>A municipal official said flour stocks would last about two weeks, and that the council had asked aid groups for help.</p>
<div class="comment-count">Comments (0)</div>
<ul class="related-links"><li><a href="/a">Fuel queues return</a></li><li><a href="/b">Schools to reopen</a></li></ul>
</div><div class="col-side"><div class="widget-popular">Most read: <a href="/c">Weather warning for the weekend</a></div></div></div>
<div class="site-foot">Menu Login Register</div></body></html>"##;

const LD_PAGE: &str = r##"<html><head><meta charset="utf-8"><title>x</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Clinic reopens after repairs","datePublished":"2023-09-14T11:00:00Z",
"author":{"@type":"Person","name":"Omar Saleh"},"publisher":{"@type":"Organization","name":"Northern Monitor"},
"url":"https://monitor.example/health/clinic"}</script></head>
<body><main><h1>Clinic reopens after repairs</h1><p>The district clinic reopened on Thursday after three weeks of repairs to its roof, its director said.</p></main></body></html>"##;

const AR_SITE: &str = r##"<html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>نزوح عائلات من الريف الشرقي - شبكة السهل</title></head>
<body>
<div class="top-links"><a href="/">الرئيسية</a> <a href="/login">دخول</a> <a href="/register">تسجيل</a></div>
<div class="main-menu"><a href="/local">محليات</a> <a href="/arab">عربي</a> <a href="/sport">رياضة</a></div>
<div class="container"><div class="right-col">
<h1 class="news-title">نزوح عائلات من الريف الشرقي</h1>
<div class="post-info"><span class="writer">كتب: سامر الحلبي</span> <time datetime="2024-01-09T09:00:00+03:00">9 يناير</time></div>
<div class="share-icons"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="news-text">
قال ناشطون محليون إن نحو 200 عائلة نزحت من قرى الريف الشرقي خلال اليومين الماضيين، بعد اشتداد القصف على المنطقة.<br>
وأضاف الناشطون أن معظم العائلات لجأت إلى مدارس في مركز المدينة، وأن المساعدات التي وصلت لا تكفي إلا لثلث النازحين.<br>
</div>
<div class="read-also"><b>اقرأ أيضا</b> <a href="/1">ارتفاع أسعار الوقود في الأسواق</a> <a href="/2">افتتاح مدرسة جديدة في الحي الغربي</a></div>
<div class="comments-box">التعليقات (0) أضف تعليقا</div>
</div><div class="left-col"><div class="most-read"><a href="/3">الأكثر قراءة اليوم في الشبكة</a></div></div></div>
<div class="copyright">جميع الحقوق محفوظة لشبكة السهل</div>
</body></html>"##;

#[test]
fn web_pages_give_their_metadata_and_say_where_each_value_came_from() {
    let nb = Nb::new();
    for (name, page) in [("og.html", OG_PAGE), ("ld.html", LD_PAGE), ("ar-site.html", AR_SITE)] {
        std::fs::write(nb.path(name), page).unwrap();
    }
    let r = nb.ok(&[
        "--format",
        "json",
        "import",
        "articles",
        s(&nb.path("og.html")),
        s(&nb.path("ld.html")),
        s(&nb.path("ar-site.html")),
    ]);
    let all = rows(&r);
    let og = row(&all, "og.html");
    assert_eq!(
        og["metadata"],
        "title=og:title; outlet=og:site_name; author=meta author; published=article:published_time; url=link canonical"
    );
    assert_eq!(og["encoding"], "utf-8 (declared)");
    let a = article(&nb, og["id"].as_i64().unwrap());
    assert_eq!(
        (&a["title"], &a["outlet"], &a["author"], &a["published"], &a["url"], &a["encoding"]),
        (
            &Value::from("Bread prices double in Sahl"),
            &Value::from("Valley Daily"),
            &Value::from("Nadia Farouk"),
            &Value::from("2024-02-20"),
            &Value::from("https://valley.example/economy/bread-prices"),
            &Value::from("utf-8")
        )
    );
    let ld = row(&all, "ld.html");
    assert_eq!(ld["metadata"], "title=JSON-LD headline; outlet=JSON-LD publisher; author=JSON-LD author; published=JSON-LD datePublished; url=JSON-LD url");
    let a = article(&nb, ld["id"].as_i64().unwrap());
    assert_eq!(
        (a["author"].as_str(), a["outlet"].as_str(), a["published"].as_str()),
        (Some("Omar Saleh"), Some("Northern Monitor"), Some("2023-09-14"))
    );
    let ar = row(&all, "ar-site.html");
    assert_eq!(ar["metadata"], "author=byline; published=time datetime");
    let a = article(&nb, ar["id"].as_i64().unwrap());
    assert_eq!(
        (a["author"].as_str(), a["published"].as_str(), a["title"].as_str()),
        (Some("سامر الحلبي"), Some("2024-01-09"), Some("نزوح عائلات من الريف الشرقي"))
    );
    // The outlets a page names become sources, as a flag's would.
    assert!(nb.ok(&["source", "list", "--format", "json"]).stdout.contains("Northern Monitor"));
}

#[test]
fn flags_and_manifests_win_over_what_the_page_says() {
    let nb = Nb::new();
    std::fs::write(nb.path("og.html"), OG_PAGE).unwrap();
    let r = nb.ok(&[
        "--format",
        "json",
        "import",
        "articles",
        s(&nb.path("og.html")),
        "--author",
        "Valley Daily staff",
        "--published",
        "2024-02-21",
    ]);
    let og = &rows(&r)[0];
    assert_eq!(
        og["metadata"],
        "title=og:title; outlet=og:site_name; author=flag; published=flag; url=link canonical"
    );
    let a = article(&nb, og["id"].as_i64().unwrap());
    assert_eq!(
        (a["author"].as_str(), a["published"].as_str()),
        (Some("Valley Daily staff"), Some("2024-02-21"))
    );

    let nb = Nb::new();
    std::fs::write(nb.path("ld.html"), LD_PAGE).unwrap();
    std::fs::write(
        nb.path("list.csv"),
        "path,outlet,archived_url\nld.html,Monitor wire,https://web.archive.example/2023/clinic\n",
    )
    .unwrap();
    let r = nb.ok(&[
        "--format",
        "json",
        "import",
        "articles",
        "--manifest",
        s(&nb.path("list.csv")),
        "--title",
        "Given title",
    ]);
    let ld = &rows(&r)[0];
    assert_eq!(ld["metadata"], "title=flag; outlet=manifest; author=JSON-LD author; published=JSON-LD datePublished; url=JSON-LD url; archived_url=manifest");
    let a = article(&nb, ld["id"].as_i64().unwrap());
    assert_eq!((a["title"].as_str(), a["outlet"].as_str()), (Some("Given title"), Some("Monitor wire")));
    assert_eq!(a["archived_url"], "https://web.archive.example/2023/clinic");
}

#[test]
fn the_body_is_the_story_without_the_furniture() {
    let nb = Nb::new();
    for (name, page) in [("og.html", OG_PAGE), ("ar-site.html", AR_SITE)] {
        std::fs::write(nb.path(name), page).unwrap();
    }
    nb.ok(&["import", "articles", s(&nb.path("og.html")), s(&nb.path("ar-site.html"))]);
    let en = body(&nb, 1);
    assert!(en.starts_with("The price of a bag of bread"), "{en}");
    assert!(en.contains("asked aid groups for help."), "{en}");
    for furniture in
        ["Home", "Login", "Register", "Share", "Tweet", "Comments (0)", "Fuel queues", "Most read", "Menu"]
    {
        assert!(!en.contains(furniture), "'{furniture}' stayed in the body:\n{en}");
    }
    let ar = body(&nb, 2);
    assert!(ar.contains("قال ناشطون محليون إن نحو 200 عائلة نزحت"), "{ar}");
    assert!(ar.contains("إلا لثلث النازحين."), "{ar}");
    for furniture in [
        "الرئيسية",
        "دخول",
        "محليات",
        "فيسبوك",
        "اقرأ أيضا",
        "ارتفاع أسعار الوقود",
        "التعليقات",
        "الأكثر قراءة",
        "الحقوق",
        "كتب:",
    ] {
        assert!(!ar.contains(furniture), "'{furniture}' stayed in the body:\n{ar}");
    }
}

const AR_TEXT: &str =
    "أعلن المجلس المحلي في السهل أن نحو 300 عائلة نزحت إلى القرى المجاورة خلال الأيام الثلاثة الماضية.\n\
وقال مسؤول في المجلس إن المدارس لا تتسع لاستقبال المزيد، وإن المساعدات لا تكفي إلا لثلث النازحين.";

#[test]
fn the_same_arabic_text_in_any_encoding_is_one_article() {
    let nb = Nb::new();
    let utf16le: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(AR_TEXT.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf16be: Vec<u8> =
        [0xFE, 0xFF].into_iter().chain(AR_TEXT.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    let cp1256 = encoding_rs::WINDOWS_1256.encode(AR_TEXT).0.into_owned();
    let iso = encoding_rs::ISO_8859_6.encode(AR_TEXT).0.into_owned();
    let page = |charset: &str| {
        format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"></head><body><p>{}</p></body></html>", AR_TEXT.replace('\n', "</p><p>"))
    };
    let page_utf8 = page("utf-8").into_bytes();
    let page_1256 = encoding_rs::WINDOWS_1256.encode(&page("windows-1256")).0.into_owned();
    let files: [(&str, Vec<u8>); 7] = [
        ("a-utf8.txt", AR_TEXT.as_bytes().to_vec()),
        ("b-utf16le.txt", utf16le),
        ("c-utf16be.txt", utf16be),
        ("d-1256.txt", cp1256),
        ("e-page-utf8.html", page_utf8),
        ("e-page-1256.html", page_1256),
        ("f-iso-8859-6.txt", iso),
    ];
    for (name, bytes) in &files {
        std::fs::write(nb.path(name), bytes).unwrap();
    }
    let args: Vec<String> = files.iter().map(|(n, _)| nb.path(n).display().to_string()).collect();
    let mut cmd = vec!["--format", "json", "import", "articles"];
    cmd.extend(args.iter().map(String::as_str));
    let all = rows(&nb.ok(&cmd));
    assert_eq!(row(&all, "a-utf8.txt")["status"], "imported");
    for (name, encoding) in [
        ("b-utf16le.txt", "utf-16le (byte-order mark)"),
        ("c-utf16be.txt", "utf-16be (byte-order mark)"),
        ("d-1256.txt", "windows-1256 (detected)"),
    ] {
        let r = row(&all, name);
        assert_eq!(
            (r["status"].as_str(), r["duplicate_of"].as_i64(), r["encoding"].as_str()),
            (Some("duplicate"), Some(1), Some(encoding)),
            "{name}: {all:#?}"
        );
    }
    // A page has paragraphs where a text file has lines: the two pages are one article.
    let html_id = row(&all, "e-page-utf8.html")["id"].as_i64().unwrap();
    let r = row(&all, "e-page-1256.html");
    assert_eq!(
        (r["status"].as_str(), r["duplicate_of"].as_i64(), r["encoding"].as_str()),
        (Some("duplicate"), Some(html_id), Some("windows-1256 (declared)")),
        "{all:#?}"
    );
    // ISO-8859-6 has no letters for the Persian-style digits and some punctuation, but the
    // letters come back the same: a near copy of the first at worst, never mojibake.
    let iso_row = row(&all, "f-iso-8859-6.txt");
    assert!(
        iso_row["encoding"].as_str().unwrap().starts_with("iso-8859-6")
            || iso_row["encoding"].as_str().unwrap().starts_with("windows-1256"),
        "{iso_row}"
    );
    assert_eq!(body(&nb, 1).trim_end(), AR_TEXT);
    let listed = nb.ok(&["export", "articles", "--format", "json"]).json();
    assert_eq!(listed[0]["encoding"], "utf-8");
}

#[test]
fn a_text_that_decodes_to_nonsense_is_refused_naming_the_encoding() {
    let nb = Nb::new();
    // A page that says UTF-16 by its byte-order mark but holds unpaired surrogates.
    let mut bad = vec![0xFE, 0xFF];
    for _ in 0..200 {
        bad.extend([0xDC, 0x00]);
    }
    std::fs::write(nb.path("broken.txt"), &bad).unwrap();
    let r = nb.raw(&["import", "articles", s(&nb.path("broken.txt"))], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("decodes as utf-16be to mostly unreadable characters"), "{}", r.stderr);
}

#[test]
fn a_pdf_keeps_its_pages_and_a_quote_cites_its_page() {
    let nb = Nb::new();
    make::write(&nb.path("sahl-report.pdf"), &make::two_page_report());
    let r = nb.ok(&[
        "--format",
        "json",
        "import",
        "articles",
        s(&nb.path("sahl-report.pdf")),
        "--outlet",
        "Sahl Monitor",
    ]);
    let pdf = &rows(&r)[0];
    assert_eq!(pdf["status"], "imported", "{pdf}");
    assert_eq!(
        pdf["metadata"],
        "title=PDF Title; outlet=flag; author=PDF Author; published=PDF CreationDate"
    );
    let a = article(&nb, 1);
    assert_eq!(
        (a["title"].as_str(), a["author"].as_str(), a["published"].as_str(), a["pages"].as_i64()),
        (Some("تقرير الوضع في السهل"), Some("Sahl Monitor field team"), Some("2024-03-11"), Some(2))
    );
    let text = body(&nb, 1);
    // Presentation forms folded back, lam-alef into two letters, lines rejoined into paragraphs.
    assert!(text.contains("قال المجلس المحلي في بلدة السهل إن القصف الذي استهدف السوق المركزي صباح الجمعة أسفر عن مقتل 12 مدنيا بينهم أربعة أطفال."), "{text}");
    assert!(text.contains("وأن المدارس لا تتسع لاستقبال المزيد."), "{text}");
    assert!(!text.chars().any(|c| ('\u{FB50}'..='\u{FEFF}').contains(&c)), "presentation forms left: {text}");
    assert!(text.contains("The water board said on Sunday that the pumping station east of the town had been repaired, ending a cut that lasted nine days."), "{text}");
    assert!(text.contains("\n\nPrices\n\n"), "a heading is its own paragraph: {text}");
    // The running header and the page numbers are gone.
    for gone in ["Sahl Monitor - Humanitarian", "Page 2 of 2", "صفحة 1"] {
        assert!(!text.contains(gone), "'{gone}' stayed in:\n{text}");
    }
    nb.ok(&["claim", "add", "--article", "1", "--quote", "bread prices had risen by a third"]);
    nb.ok(&["claim", "add", "--article", "1", "--quote", "نحو 300 عائلة نزحت"]);
    let c1 = nb.ok(&["claim", "show", "1", "--format", "json"]).json();
    assert_eq!(c1["page"], "p. 2");
    let c2 = nb.ok(&["claim", "show", "2", "--format", "json"]).json();
    assert_eq!(c2["page"], "p. 1");
    let shown = nb.ok(&["claim", "show", "1"]).stdout;
    assert!(shown.contains("p. 2"), "{shown}");
    let report = nb.path("report.md");
    nb.ok(&["report", "--format", "markdown", "--out", s(&report)]);
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.contains("p. 2") && md.contains("p. 1"), "{md}");
}

#[test]
fn a_scanned_pdf_is_refused_for_want_of_a_text_layer() {
    let nb = Nb::new();
    make::write(&nb.path("scan.pdf"), &make::scanned());
    let r = nb.raw(&["import", "articles", s(&nb.path("scan.pdf"))], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("scan.pdf: is a scanned PDF") && r.stderr.contains("no OCR"), "{}", r.stderr);
    assert_eq!(nb.ok(&["article", "list", "--format", "json"]).json().as_array().map(Vec::len), Some(0));
}

#[test]
fn a_web_archive_gives_an_article_per_captured_page() {
    let nb = Nb::new();
    make::write(&nb.path("capture.warc.gz"), &make::three_captures(true));
    make::write(&nb.path("capture.warc"), &make::three_captures(false));
    let r = nb.ok(&["--format", "json", "import", "articles", s(&nb.path("capture.warc.gz"))]);
    let all = rows(&r);
    assert_eq!(all.len(), 3, "{all:#?}");
    let en = row(&all, "https://valley.example/news/convoy");
    assert_eq!(en["status"], "imported");
    assert_eq!(en["metadata"], "outlet=og:site_name; url=WARC-Target-URI");
    let ar = row(&all, "https://sahl.example/ar/electricity");
    assert_eq!(
        (ar["status"].as_str(), ar["encoding"].as_str()),
        (Some("imported"), Some("windows-1256 (declared)"))
    );
    let img = row(&all, "convoy.png");
    assert_eq!(img["status"], "skipped");
    assert!(img["error"].as_str().unwrap().contains("image/png"), "{img}");
    let a = article(&nb, en["id"].as_i64().unwrap());
    assert_eq!(a["url"], "https://valley.example/news/convoy");
    assert_eq!(a["archived_at"], "2024-04-02T10:00:02Z");
    assert_eq!(a["archive_digest"], "sha1:CONVOYPAGEDIGEST234567ABCDEFGHIJ");
    assert!(a["archive_file"].as_str().unwrap().ends_with("capture.warc.gz"), "{a}");
    let text = body(&nb, en["id"].as_i64().unwrap());
    assert!(
        text.contains("An aid convoy of 14 trucks reached the town of Sahl")
            && !text.contains("Login")
            && !text.contains("Share"),
        "{text}"
    );
    let text = body(&nb, ar["id"].as_i64().unwrap());
    assert!(text.contains("أعلنت مديرية الكهرباء في السهل") && !text.contains("التعليقات"), "{text}");
    // The same pages from the uncompressed archive are the same articles.
    let again = rows(&nb.ok(&["--format", "json", "import", "articles", s(&nb.path("capture.warc"))]));
    let statuses: Vec<&str> = again.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["duplicate", "duplicate", "skipped"]);
    let shown = nb.ok(&["article", "show", "1"]).stdout;
    assert!(shown.contains("capture.warc.gz") && shown.contains("sha1:CONVOYPAGEDIGEST"), "{shown}");
}

#[test]
fn only_articles_are_articles() {
    let nb = Nb::new();
    std::fs::write(nb.path("manifest.csv"), "path,title\nstory.txt,A story\n").unwrap();
    std::fs::write(nb.path("photo.txt"), [b"\x89PNG\r\n\x1a\n".as_slice(), &[0u8; 64]].concat()).unwrap();
    std::fs::write(nb.path("pages.tar.gz"), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]).unwrap();
    std::fs::write(nb.path("tool"), [b"\x7fELF\x02\x01\x01".as_slice(), &[0u8; 64]].concat()).unwrap();
    std::fs::copy(common::fixture("notebook-v3.db"), nb.path("old.db")).unwrap();
    for (name, says) in [
        (
            "manifest.csv",
            "manifest.csv: looks like a CSV table: import claims (or sources, figures), or --manifest",
        ),
        ("photo.txt", "photo.txt: looks like an image"),
        ("pages.tar.gz", "pages.tar.gz: looks like a gzip-compressed file"),
        ("tool", "tool: looks like a program"),
        ("old.db", "old.db: looks like a SQLite database"),
    ] {
        let r = nb.raw(&["import", "articles", s(&nb.path(name))], None);
        assert_eq!(r.code, 1, "{name}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
    }
    assert_eq!(nb.ok(&["article", "list", "--format", "json"]).json().as_array().map(Vec::len), Some(0));
    // Unless the user says it is text.
    let r = nb.ok(&["--format", "json", "import", "articles", "--as", "text", s(&nb.path("manifest.csv"))]);
    assert_eq!(rows(&r)[0]["status"], "imported");
    assert_eq!(nb.raw(&["import", "articles", "--as", "pdf", "x"], None).code, 2);
}

#[test]
fn a_folder_of_mixed_files_gives_the_right_row_for_each() {
    let nb = Nb::new();
    let dir = nb.path("downloads");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a-page.html"), OG_PAGE).unwrap();
    std::fs::write(dir.join("b-arabic-1256.txt"), encoding_rs::WINDOWS_1256.encode(AR_TEXT).0).unwrap();
    make::write(&dir.join("c-report.pdf"), &make::two_page_report());
    make::write(&dir.join("d-capture.warc.gz"), &make::three_captures(true));
    std::fs::write(dir.join("e-list.csv"), "path,title\n").unwrap();
    std::fs::write(dir.join("f-photo.png"), [b"\x89PNG\r\n\x1a\n".as_slice(), &[0u8; 16]].concat()).unwrap();
    make::write(&dir.join("g-scan.pdf"), &make::scanned());
    std::fs::write(dir.join("h-notes.json"), "{}").unwrap();
    let r = nb.raw(&["--format", "json", "import", "articles", s(&dir)], None);
    assert_eq!(r.code, 1, "the scan fails the import: {}", r.stderr);
    let all = rows(&r);
    let got: Vec<(String, String)> = all
        .iter()
        .map(|r| {
            let p = r["path"].as_str().unwrap();
            (p[p.find("downloads/").unwrap() + 10..].to_string(), r["status"].as_str().unwrap().to_string())
        })
        .collect();
    let want: Vec<(String, String)> = [
        ("a-page.html", "imported"),
        ("b-arabic-1256.txt", "imported"),
        ("c-report.pdf", "imported"),
        ("d-capture.warc.gz (https://valley.example/news/convoy)", "imported"),
        ("d-capture.warc.gz (https://sahl.example/ar/electricity)", "imported"),
        ("d-capture.warc.gz (https://valley.example/img/convoy.png)", "skipped"),
        ("e-list.csv", "skipped"),
        ("f-photo.png", "skipped"),
        ("g-scan.pdf", "failed"),
        ("h-notes.json", "skipped"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want, "{all:#?}");
    assert!(row(&all, "e-list.csv")["error"].as_str().unwrap().starts_with("looks like a CSV table"));
    assert!(row(&all, "b-arabic-1256.txt")["encoding"].as_str().unwrap().starts_with("windows-1256"));
    assert!(
        r.stderr.contains("imported 5, duplicates 0, failed 1") && r.stderr.contains("passed over 4"),
        "{}",
        r.stderr
    );
}

#[test]
fn archived_url_is_kept_and_shown() {
    let nb = Nb::new();
    std::fs::write(
        nb.path("story.txt"),
        "Forty families left the eastern quarter on Friday, residents said.",
    )
    .unwrap();
    nb.ok(&[
        "import",
        "articles",
        s(&nb.path("story.txt")),
        "--archived-url",
        "https://archive.example/abc12",
    ]);
    let a = article(&nb, 1);
    assert_eq!(a["archived_url"], "https://archive.example/abc12");
    assert!(nb.ok(&["article", "show", "1"]).stdout.contains("https://archive.example/abc12"));
}

#[test]
fn a_merged_notebook_brings_its_pages_and_archive_columns() {
    let theirs = Nb::new();
    make::write(&theirs.path("sahl-report.pdf"), &make::two_page_report());
    make::write(&theirs.path("capture.warc"), &make::three_captures(false));
    theirs.ok(&["import", "articles", s(&theirs.path("sahl-report.pdf")), s(&theirs.path("capture.warc"))]);
    theirs.ok(&["claim", "add", "--article", "1", "--quote", "bread prices had risen by a third"]);
    let ours = Nb::new();
    ours.ok(&["init"]);
    ours.ok(&["merge", s(&theirs.db)]);
    let a = article(&ours, 1);
    assert_eq!((a["pages"].as_i64(), a["title"].as_str()), (Some(2), Some("تقرير الوضع في السهل")));
    assert_eq!(ours.ok(&["claim", "show", "1", "--format", "json"]).json()["page"], "p. 2");
    let captured = article(&ours, 2);
    assert_eq!(captured["archived_at"], "2024-04-02T10:00:02Z");
    assert_eq!(captured["archive_digest"], "sha1:CONVOYPAGEDIGEST234567ABCDEFGHIJ");
    assert_eq!(captured["encoding"], "utf-8");
    ours.ok(&["check"]);
}
