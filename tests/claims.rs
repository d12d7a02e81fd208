//! Sources and claims: attribution, Admiralty ratings, verified quotes, links and history.

mod common;
use common::Nb;

/// The fictional Arabic article, dated, with the sources of the "done when" walk.
fn setup() -> (Nb, String) {
    let nb = Nb::new();
    let id = nb.import("sahl-ar.txt", &["--outlet", "صحيفة الوادي", "--published", "2014-12-05"]).to_string();
    nb.ok(&[
        "source",
        "add",
        "مصدر مقرّب من اللواء",
        "--kind",
        "armed-group",
        "--anonymous",
        "--reliability",
        "E",
    ]);
    nb.ok(&["source", "add", "ناشطون محليون", "--kind", "activist", "--reliability", "C"]);
    nb.ok(&["source", "add", "أحد سكان السهل", "--kind", "resident"]);
    nb.ok(&["source", "add", "National Hospital doctor", "--kind", "official", "--reliability", "B"]);
    (nb, id)
}

#[test]
fn sources_start_unjudged_and_keep_their_rating_history() {
    let (nb, _) = setup();
    let resident = nb.ok(&["source", "show", "أحد سكان السهل", "--format", "json"]).json();
    assert_eq!(resident["reliability"], "F");
    assert_eq!(resident["reliability_label"], "Reliability cannot be judged");
    let anon = nb.ok(&["source", "show", "مصدر مقرب من اللواء", "--format", "json"]).json();
    assert_eq!(anon["named"], false, "harakat in the typed name do not matter");
    assert_eq!(anon["kind"], "armed-group");

    nb.ok(&["source", "rate", "ناشطون محليون", "B", "--why", "three reports confirmed by imagery"]);
    let shown = nb.ok(&["source", "show", "ناشطون محليّون", "--format", "json"]).json();
    assert_eq!(shown["reliability"], "B");
    let history = shown["rating_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!((history[1]["from"].as_str(), history[1]["to"].as_str()), (Some("C"), Some("B")));
    assert_eq!(history[1]["why"], "three reports confirmed by imagery");
    // The change is in the audit trail too.
    let h = nb.ok(&["history", "sources", "--format", "json"]).json();
    assert!(h
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["old"].as_str().unwrap().contains("\"reliability\":\"C\"")));
}

#[test]
fn claims_verify_quotes_and_carry_ratings() {
    let (nb, article) = setup();
    // The paper's own figure: no source, so the outlet's rating (F) and credibility 6 by default.
    let own = nb
        .ok(&["claim", "add", "--article", &article, "--quote", "بلغ 45 مقاتلا اجنبيا", "--format", "json"])
        .json();
    assert_eq!(own["quote"], "بلغ ٤٥ مقاتلاً أجنبياً", "the stored quote is the article's own words");
    assert_eq!(own["reliability"], serde_json::json!(["F"]));
    assert_eq!(own["credibility"], 6);
    assert_eq!(own["sources"], serde_json::json!([]));
    // Activists, quote typed without its shadda, dated "yesterday" against the publication date.
    let act = nb
        .ok(&[
            "claim",
            "add",
            "--article",
            &article,
            "--quote",
            "ثمانية عناصر من الشرطة الدينية فروا امس",
            "--source",
            "ناشطون محليون",
            "--credibility",
            "3",
            "--when",
            "yesterday",
            "--place",
            "السهل",
            "--tag",
            "defections",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(act["quote"], "ثمانية عناصر من «الشرطة الدينية» فرّوا أمس");
    assert_eq!(
        (act["when_text"].as_str(), act["when_from"].as_str(), act["when_to"].as_str()),
        (Some("yesterday"), Some("2014-12-04"), Some("2014-12-04"))
    );
    assert_eq!(act["reliability"], serde_json::json!(["C"]));
    // Two sources at once, in order.
    let two = nb
        .ok(&[
            "claim",
            "add",
            "--article",
            &article,
            "--quote",
            "مقتل 11 شخصاً",
            "--source",
            "أحد سكان السهل",
            "--source",
            "national hospital DOCTOR",
            "--text",
            "11 killed in the market",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(two["sources"], serde_json::json!(["أحد سكان السهل", "National Hospital doctor"]));
    assert_eq!(two["reliability"], serde_json::json!(["F", "B"]));
    assert_eq!(two["source_kinds"], serde_json::json!(["resident", "official"]));
    assert_eq!(two["text"], "11 killed in the market");
    // The CSV joins the lists with "; ".
    let csv = nb.ok(&["claim", "list", "--format", "csv"]).csv();
    assert_eq!(csv[2]["reliability"], "F; B");
    assert_eq!(csv[2]["sources"], "أحد سكان السهل; National Hospital doctor");

    // --min-reliability C keeps claims with a source at C or better; F never passes.
    let kept = nb.ok(&["claim", "list", "--min-reliability", "C", "--format", "json"]).json();
    let ids: Vec<i64> = kept.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![act["id"].as_i64().unwrap(), two["id"].as_i64().unwrap()]);
    let f_min = nb.ok(&["claim", "list", "--min-reliability", "F", "--format", "json"]).json();
    let f_ids: Vec<i64> = f_min.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert!(!f_ids.contains(&own["id"].as_i64().unwrap()), "an F-rated claim never passes");
    let e_min = nb.ok(&["claim", "list", "--min-reliability", "B", "--format", "json"]).json();
    assert_eq!(e_min.as_array().unwrap().len(), 1);
    let by_source = nb.ok(&["claim", "list", "--source", "ناشطون محليون", "--format", "json"]).json();
    assert_eq!(by_source.as_array().unwrap().len(), 1);
    let by_tag =
        nb.ok(&["claim", "list", "--tag", "defections", "--max-credibility", "3", "--format", "json"]).json();
    assert_eq!(by_tag.as_array().unwrap().len(), 1);
    let by_date =
        nb.ok(&["claim", "list", "--since", "2014-12-04", "--until", "2014-12", "--format", "json"]).json();
    assert_eq!(by_date.as_array().unwrap().len(), 1);
    let by_place = nb.ok(&["claim", "list", "--place", "السهل", "--format", "json"]).json();
    assert_eq!(by_place.as_array().unwrap().len(), 1);

    // The body with the claimed spans marked.
    let text = nb.ok(&["article", "show", &article, "--text"]).stdout;
    assert!(text.contains(&format!("⟦#{} بلغ ٤٥ مقاتلاً أجنبياً⟧", own["id"])), "{text}");
}

#[test]
fn unverified_quotes_are_kept_only_when_asked_and_marked() {
    let (nb, article) = setup();
    let r = nb.refuse(&["claim", "add", "--article", &article, "--quote", "مئتا مقاتل انشقوا"], 1);
    assert!(r.stderr.contains("--unverified"), "{}", r.stderr);
    let c = nb
        .ok(&[
            "claim",
            "add",
            "--article",
            &article,
            "--quote",
            "مئتا مقاتل انشقوا",
            "--unverified",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(c["unverified"], true);
    let shown = nb.ok(&["claim", "show", &c["id"].to_string()]).stdout;
    assert!(shown.contains("UNVERIFIED"), "{shown}");
}

#[test]
fn links_edits_removal_and_history() {
    let (nb, article) = setup();
    let a = nb.ok(&["claim", "add", "--article", &article, "--quote", "بلغ ٤٥", "--format", "json"]).json()
        ["id"]
        .to_string();
    let b = nb
        .ok(&["claim", "add", "--article", &article, "--quote", "مقتل 11 شخصاً", "--format", "json"])
        .json()["id"]
        .to_string();
    nb.ok(&["claim", "link", &b, &format!("#{a}"), "--as", "corroborates"]);
    let shown = nb.ok(&["claim", "show", &a, "--format", "json"]).json();
    assert_eq!(shown["links"][0]["relation"], "corroborates");
    nb.refuse(&["claim", "link", &a, &a, "--as", "updates"], 1);
    nb.refuse(&["claim", "link", &b, &a, "--as", "corroborates"], 1);
    // A relation is typed at the command line: a wrong one is a malformed command (exit 2).
    let r = nb.refuse(&["claim", "link", &a, &b, "--as", "supports"], 2);
    assert!(r.stderr.contains("'supports'") && r.stderr.contains("corroborates"), "{}", r.stderr);
    nb.refuse(&["claim", "link", &a, "99", "--as", "updates"], 1);
    nb.ok(&["claim", "link", &a, &b, "--as", "updates"]);
    nb.refuse(&["claim", "link", &b, &a, "--as", "updates"], 1);

    let edited = nb
        .ok(&[
            "claim",
            "edit",
            &a,
            "--credibility",
            "2",
            "--tag",
            "confirmed",
            "--source",
            "ناشطون محليون",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(edited["credibility"], 2);
    assert_eq!(edited["tags"], serde_json::json!(["confirmed"]));
    assert_eq!(edited["reliability"], serde_json::json!(["C"]));
    let history = nb.ok(&["history", "claims", &a, "--format", "json"]).json();
    assert_eq!(history[0]["action"], "update");
    assert!(history[0]["old"].as_str().unwrap().contains("\"credibility\":6"));

    nb.ok(&["claim", "rm", &b]);
    let gone = nb.ok(&["history", "claims", &b, "--format", "json"]).json();
    assert_eq!(gone.as_array().unwrap().last().unwrap()["action"], "delete");
    assert!(gone.as_array().unwrap().last().unwrap()["old"].as_str().unwrap().contains("مقتل 11"));
    nb.refuse(&["claim", "show", &b], 1);
}

#[test]
fn merging_sources_moves_attributions_and_ratings() {
    let (nb, article) = setup();
    nb.ok(&["source", "add", "Sahl activists", "--kind", "activist", "--reliability", "D"]);
    nb.ok(&["claim", "add", "--article", &article, "--quote", "بلغ ٤٥", "--source", "Sahl activists"]);
    let merged = nb.ok(&["source", "merge", "Sahl activists", "ناشطون محليون", "--format", "json"]).json();
    assert_eq!(merged["claims"], 1);
    let shown = nb.ok(&["source", "show", "ناشطون محليون", "--format", "json"]).json();
    assert_eq!(shown["rating_history"].as_array().unwrap().len(), 2, "both histories kept");
    // The merged-away name is kept as an alias: it still finds the source it became.
    let by_old_name = nb.ok(&["source", "show", "Sahl activists", "--format", "json"]).json();
    assert_eq!(by_old_name["id"], shown["id"]);
    assert_eq!(by_old_name["aliases"], serde_json::json!(["Sahl activists"]));
    nb.refuse(&["source", "merge", "ناشطون محليون", "ناشطون محليون"], 1);
}

#[test]
fn every_refusal_is_one_sentence_and_writes_nothing() {
    let (nb, article) = setup();
    // Typed flags are checked by the command line itself: exit 2, the accepted values listed.
    let r = nb.refuse(&["claim", "add", "--article", &article, "--quote", "بلغ ٤٥", "--credibility", "7"], 2);
    assert!(r.stderr.contains("'7'"), "{}", r.stderr);
    let r = nb.refuse(&["source", "add", "X", "--kind", "activist", "--reliability", "G"], 2);
    assert!(r.stderr.contains("'G'"), "{}", r.stderr);
    let r = nb.refuse(&["source", "add", "X", "--kind", "militia"], 2);
    assert!(r.stderr.contains("'militia'") && r.stderr.contains("armed-group"), "{}", r.stderr);
    let r = nb.refuse(&["claim", "add", "--article", "42", "--quote", "x"], 1);
    assert!(r.stderr.contains("#42"), "{}", r.stderr);
    let r = nb.refuse(&["source", "add", "NATIONAL HOSPITAL DOCTOR", "--kind", "official"], 1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    let r = nb.refuse(
        &["claim", "add", "--article", &article, "--quote", "بلغ ٤٥", "--source", "National Hospital"],
        1,
    );
    assert!(r.stderr.contains("National Hospital doctor"), "near match listed: {}", r.stderr);
    let r =
        nb.refuse(&["claim", "add", "--article", &article, "--quote", "بلغ ٤٥", "--when", "next tuesday"], 1);
    assert!(r.stderr.contains("'next tuesday'"), "{}", r.stderr);
    // A blank reason is a malformed command line, like a missing one.
    let r = nb.refuse(&["source", "rate", "ناشطون محليون", "B", "--why", "  "], 2);
    assert!(r.stderr.contains("--why") && r.stderr.contains("blank"), "{}", r.stderr);
    nb.refuse(&["source", "rate", "ناشطون محليون", "B"], 2);
    nb.refuse(&["claim", "list", "--min-reliability", "Z"], 2);
    nb.refuse(&["claim", "list", "--since", "2014-13"], 2);
    // A relative date needs a dated article.
    let undated = nb.import("sahl-en.md", &[]).to_string();
    let r = nb.refuse(
        &["claim", "add", "--article", &undated, "--quote", "45 foreign fighters", "--when", "yesterday"],
        1,
    );
    assert!(r.stderr.contains("publication date"), "{}", r.stderr);
}

#[test]
fn suggested_claims_go_to_a_file_and_back_in_through_import() {
    let (nb, id) = setup();
    nb.ok(&["measure", "add", "deaths.market", "--label", "killed in the market"]);
    // Recorded with its figure: a suggestion is `recorded` only when its figure is.
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &id,
        "--quote",
        "مقتل 11 شخصاً",
        "--source",
        "أحد سكان السهل",
        "--figure",
        "deaths.market=11 شخصاً",
    ]);
    let out = nb.path("suggested.csv");
    let before = nb.dump();
    let r = nb.ok(&["claim", "suggest", &id, "--measure", "deaths.market", "--out", out.to_str().unwrap()]);
    assert_eq!(before, nb.dump(), "suggesting writes nothing to the notebook");
    assert!(r.stderr.contains("import claims"), "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let h = rdr.headers().unwrap().clone();
    let col = |r: &csv::StringRecord, name: &str| r[h.iter().position(|x| x == name).unwrap()].to_string();
    // The activists' eight, with their source matched and yesterday resolved against the article.
    let eight = rows.iter().find(|r| col(r, "figure").contains("ثمانية")).expect("the activists' figure");
    assert_eq!(col(eight, "source_match"), "ناشطون محليون");
    assert_eq!((col(eight, "low"), col(eight, "high")), ("8".into(), "8".into()));
    assert_eq!(col(eight, "when_from"), "2014-12-04");
    assert_eq!(col(eight, "measure"), "deaths.market");
    assert_eq!(col(eight, "status"), "new");
    // The resident's 11 is recorded already.
    let eleven = rows.iter().find(|r| col(r, "figure").contains("11")).expect("the resident's figure");
    assert_eq!(col(eleven, "status"), "recorded");

    // Keep the rows whose sources the notebook knows, then import: the recorded row is left alone.
    let kept: Vec<&csv::StringRecord> =
        rows.iter().filter(|r| col(r, "source").is_empty() || !col(r, "source_match").is_empty()).collect();
    // Without a measure, a suggested figure is refused, never dropped in silence.
    let m = h.iter().position(|x| x == "measure").unwrap();
    let mut w = csv::Writer::from_path(nb.path("no-measure.csv")).unwrap();
    w.write_record(&h).unwrap();
    for r in &kept {
        w.write_record(r.iter().enumerate().map(|(i, c)| if i == m { "" } else { c })).unwrap();
    }
    w.flush().unwrap();
    let refused = nb.refuse(&["import", "claims", nb.path("no-measure.csv").to_str().unwrap()], 1);
    assert!(refused.stderr.contains("has no measure"), "{}", refused.stderr);
    let mut w = csv::Writer::from_path(nb.path("kept.csv")).unwrap();
    w.write_record(&h).unwrap();
    for r in &kept {
        w.write_record(*r).unwrap();
    }
    w.flush().unwrap();
    let tally =
        nb.ok(&["import", "claims", nb.path("kept.csv").to_str().unwrap(), "--format", "json"]).json();
    let new = kept.iter().filter(|r| col(r, "status") == "new").count();
    assert_eq!(tally[0]["added"], new as i64, "{tally}");
    assert_eq!(tally[0]["already_there"], (kept.len() - new) as i64, "{tally}");
    let figures = nb.ok(&["export", "figures", "--measure", "deaths.market", "--format", "json"]).json();
    assert!(figures.as_array().unwrap().iter().any(|f| f["point"] == 8), "{figures}");

    // A phrase naming no known source stays in `sources`, so the import refuses it.
    if let Some(unknown) =
        rows.iter().find(|r| !col(r, "source").is_empty() && col(r, "source_match").is_empty())
    {
        assert_eq!(col(unknown, "sources"), col(unknown, "source"));
    }
}

#[test]
fn a_figure_key_alone_reads_the_one_figure_in_the_quote() {
    let (nb, id) = setup();
    nb.ok(&["measure", "add", "deaths.market", "--label", "killed in the market"]);
    let claim = nb
        .ok(&[
            "claim",
            "add",
            "--article",
            &id,
            "--quote",
            "بنحو 15 قتيلاً",
            "--figure",
            "deaths.market",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(claim["figures"][0], "deaths.market=نحو 15 قتيلاً", "{claim}");
    let none = nb.refuse(
        &[
            "claim",
            "add",
            "--article",
            &id,
            "--quote",
            "في قصف طال السوق الشعبية",
            "--figure",
            "deaths.market",
        ],
        1,
    );
    assert!(none.stderr.contains("no figure"), "{}", none.stderr);
    let two = nb.refuse(
        &[
            "claim",
            "add",
            "--article",
            &id,
            "--quote",
            "مقتل 11 شخصاً في قصف طال السوق الشعبية، بينما قدّر المرصد المحلي العدد بنحو 15",
            "--figure",
            "deaths.market",
        ],
        1,
    );
    assert!(two.stderr.contains("2 figures"), "{}", two.stderr);
}

#[test]
fn a_claim_without_a_source_is_its_outlets_everywhere() {
    let (nb, article) = setup();
    nb.ok(&["claim", "add", "--article", &article, "--quote", "بلغ 45 مقاتلا اجنبيا"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &article,
        "--quote",
        "ما يزيدُ على 120",
        "--source",
        "ناشطون محليون",
    ]);
    // An outlet named only as a claim's source counts that claim once, not twice.
    nb.ok(&["claim", "add", "--article", &article, "--quote", "مقتل 11 شخصاً", "--source", "صحيفة الوادي"]);

    let shown = nb.ok(&["source", "show", "صحيفة الوادي", "--format", "json"]).json();
    assert_eq!(shown["claims"], 2, "{shown}");
    let listed: Vec<i64> =
        shown["claims_list"].as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert_eq!(listed, [1, 3]);

    let by_source = nb.ok(&["claim", "list", "--source", "صحيفة الوادي", "--format", "json"]).json();
    let ids: Vec<i64> = by_source.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 3]);
    let activists = nb.ok(&["claim", "list", "--source", "ناشطون محليون", "--format", "json"]).json();
    assert_eq!(activists.as_array().unwrap().len(), 1, "another source's claims are its own");

    let counts: std::collections::HashMap<String, i64> = nb
        .ok(&["source", "list", "--format", "json"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_string(), s["claims"].as_i64().unwrap()))
        .collect();
    assert_eq!(counts["صحيفة الوادي"], 2);
    assert_eq!(counts["ناشطون محليون"], 1);
    assert_eq!(counts["أحد سكان السهل"], 0);

    // The report's sources table says the same.
    let out = nb.path("r.html");
    nb.ok(&["report", "--out", out.to_str().unwrap()]);
    let page = scraper::Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let row = scraper::Selector::parse("section.sources tbody tr").unwrap();
    let cell = scraper::Selector::parse("td").unwrap();
    let outlet = page
        .select(&row)
        .find(|r| r.text().collect::<String>().contains("صحيفة الوادي"))
        .expect("the outlet is in the sources table");
    let cells: Vec<String> = outlet.select(&cell).map(|c| c.text().collect::<String>()).collect();
    assert_eq!(cells[4].trim(), "2", "{cells:?}");
}

#[test]
fn article_edit_fixes_the_heading_and_re_dates_the_claims_it_moves() {
    let (nb, article) = setup();
    nb.ok(&["measure", "add", "defectors.local", "--label", "local fighters who defected"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &article,
        "--quote",
        "ثمانية عناصر من الشرطة الدينية فروا امس",
        "--source",
        "ناشطون محليون",
        "--when",
        "أمس",
        "--figure",
        "defectors.local=ثمانية",
    ]);
    nb.ok(&["claim", "add", "--article", &article, "--quote", "مقتل 11 شخصاً", "--when", "2014-12-01"]);
    nb.ok(&["reconcile", "defectors.local", "--save", "--note", "activists only"]);
    let saved = nb.ok(&["export", "reconciliations", "--format", "json"]).json();
    assert_eq!(saved[0]["stale"], false);

    let edited = nb
        .ok(&[
            "article",
            "edit",
            &article,
            "--published",
            "2014-12-07",
            "--title",
            "انشقاقات في صفوف اللواء",
            "--author",
            "مراسل الصحيفة",
            "--outlet",
            "Valley Daily",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(edited["title"], "انشقاقات في صفوف اللواء");
    assert_eq!(edited["published"], "2014-12-07");
    assert_eq!(edited["author"], "مراسل الصحيفة");
    assert_eq!(edited["outlet"], "Valley Daily");
    // Only the relative phrase moved; the explicit date is the analyst's and stays.
    let redated = edited["redated"].as_array().unwrap();
    assert_eq!(redated.len(), 1, "{edited}");
    assert_eq!(redated[0]["claim_id"], 1);
    assert_eq!(
        (redated[0]["was"].as_str(), redated[0]["now"].as_str()),
        (Some("2014-12-04"), Some("2014-12-06"))
    );
    let moved = nb.ok(&["claim", "show", "1", "--format", "json"]).json();
    assert_eq!(
        (moved["when_from"].as_str(), moved["when_to"].as_str()),
        (Some("2014-12-06"), Some("2014-12-06"))
    );
    let kept = nb.ok(&["claim", "show", "2", "--format", "json"]).json();
    assert_eq!(kept["when_from"], "2014-12-01");
    // The saved reconciliation rested on the moved claim: stale now.
    let saved = nb.ok(&["export", "reconciliations", "--format", "json"]).json();
    assert_eq!(saved[0]["stale"], true);
    // Each change is in the history, and the new title is searchable.
    let h = nb.ok(&["history", "articles", &article, "--format", "json"]).json();
    assert!(
        h.as_array()
            .unwrap()
            .iter()
            .any(|r| r["old"].as_str().unwrap().contains("\"published\":\"2014-12-05\"")),
        "{h}"
    );
    let hits = nb.ok(&["search", "صفوف اللواء", "--in", "articles", "--format", "json"]).json();
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");

    // Clearing the date would leave 'أمس' unplaced: refused, naming the claim, nothing written.
    let r = nb.refuse(&["article", "edit", &article, "--published", ""], 1);
    assert!(r.stderr.contains("claim #1") && r.stderr.contains("أمس"), "{}", r.stderr);
    // A refused title, an unknown article, no field, a malformed date.
    nb.refuse(&["article", "edit", &article, "--title", "  "], 2);
    nb.refuse(&["article", "edit", "99", "--title", "x"], 1);
    nb.refuse(&["article", "edit", &article], 2);
    nb.refuse(&["article", "edit", &article, "--published", "2014-13"], 2);
    nb.refuse(&["article", "edit", &article, "--lang", "arabic"], 2);
    // A note, kept in the history when it changes; empty values clear.
    let noted = nb
        .ok(&[
            "article",
            "edit",
            &article,
            "--note",
            "التاريخ على الصفحة هو تاريخ التحديث",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(noted["note"], "التاريخ على الصفحة هو تاريخ التحديث");
    let cleared =
        nb.ok(&["article", "edit", &article, "--author", "", "--note", "", "--format", "json"]).json();
    assert!(cleared["author"].is_null() && cleared["note"].is_null(), "{cleared}");
    let h = nb.ok(&["history", "articles", &article, "--format", "json"]).json();
    let last = h.as_array().unwrap().last().unwrap();
    assert!(last["changes"].as_str().unwrap().contains("note: 'التاريخ على الصفحة"), "{last}");
}

/// A cumulative window (`since May 31`, `منذ السابع من تشرين الأول`) is stored from its date to
/// the article's publication, marked `cumulative`; a span of two days and a night are ranges.
#[test]
fn cumulative_windows_are_stored_as_such() {
    let (nb, article) = setup();
    for (when, from, to, precision) in [
        ("since May 31", "2014-05-31", "2014-12-05", "cumulative"),
        ("منذ السابع من تشرين الأول 2013", "2013-10-07", "2014-12-05", "cumulative"),
        ("between November 25 and 26", "2014-11-25", "2014-11-26", "range"),
        ("خلال الليل", "2014-12-04", "2014-12-05", "range"),
    ] {
        let c = nb
            .ok(&[
                "claim",
                "add",
                "--article",
                &article,
                "--quote",
                "بلغ ٤٥",
                "--when",
                when,
                "--again",
                "--format",
                "json",
            ])
            .json();
        assert_eq!(
            (c["when_from"].as_str(), c["when_to"].as_str(), c["when_precision"].as_str()),
            (Some(from), Some(to), Some(precision)),
            "{when}: {c}"
        );
    }
}

/// A suggestions file with unknown sources: the refusal names every unknown source and every bad
/// row with its line, and writes nothing; `--add-sources` records the sources unrated (F), their
/// kind guessed, and says so.
#[test]
fn import_claims_lists_every_unknown_source_and_adds_them_when_asked() {
    let (nb, id) = setup();
    nb.ok(&["measure", "add", "deaths.market", "--label", "killed in the market"]);
    let out = nb.path("suggested.csv");
    nb.ok(&["claim", "suggest", &id, "--measure", "deaths.market", "--out", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let h = rdr.headers().unwrap().clone();
    let at = |name: &str| h.iter().position(|x| x == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let mut w = csv::Writer::from_path(nb.path("all.csv")).unwrap();
    w.write_record(&h).unwrap();
    let mut unknown = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let mut cells: Vec<String> = r.iter().map(str::to_string).collect();
        // Two rows name sources nobody added.
        if k == 0 {
            cells[at("sources")] = "مصادر «ميدانية» في السهل".into();
            unknown.push("مصادر «ميدانية» في السهل");
        }
        if k == 1 {
            cells[at("sources")] = "Valley residents".into();
            unknown.push("Valley residents");
        }
        w.write_record(&cells).unwrap();
    }
    w.flush().unwrap();
    let file = nb.path("all.csv");
    let refused = nb.refuse(&["import", "claims", file.to_str().unwrap()], 1);
    for name in &unknown {
        assert!(refused.stderr.contains(name), "{name} not named:\n{}", refused.stderr);
    }
    assert!(refused.stderr.contains("line 2:") && refused.stderr.contains("line 3:"), "{}", refused.stderr);
    assert!(refused.stderr.contains("--add-sources"), "{}", refused.stderr);
    // Every row naming an unknown source is listed with its line, not only the first.
    let bad = rows
        .iter()
        .enumerate()
        .filter(|(k, r)| *k < 2 || (!r[at("source")].is_empty() && r[at("source_match")].is_empty()))
        .count();
    assert!(refused.stderr.contains(&format!("{bad} row(s) cannot be imported")), "{}", refused.stderr);
    assert_eq!(refused.stderr.matches("line ").count(), bad, "{}", refused.stderr);

    let r = nb.ok(&["import", "claims", file.to_str().unwrap(), "--add-sources"]);
    let listed = refused.stderr.split("unknown sources: ").nth(1).unwrap().split(" (add").next().unwrap();
    assert_eq!(r.stderr.matches("added source").count(), listed.matches("', '").count() + 1, "{}", r.stderr);
    assert!(r.stderr.contains("added source Valley residents (resident)"), "{}", r.stderr);
    let src = nb.ok(&["source", "show", "Valley residents", "--format", "json"]).json();
    assert_eq!((src["kind"].as_str(), src["reliability"].as_str()), (Some("resident"), Some("F")), "{src}");
    let src = nb.ok(&["source", "show", "مصادر «ميدانية» في السهل", "--format", "json"]).json();
    assert_eq!(src["kind"].as_str(), Some("anonymous"), "{src}");
    nb.refuse(&["import", "sources", file.to_str().unwrap(), "--add-sources"], 2);
}

/// A measure of people takes no figure of houses, neighbourhoods or days; a measure of houses
/// takes them all. The note on stderr says how many were left out.
#[test]
fn a_measure_of_people_is_offered_only_figures_of_people() {
    let nb = Nb::new();
    let article = nb.path("shelling.txt");
    std::fs::write(
        &article,
        "قال ناشطون محليون إنّ القصف طال ثلاثة أحياء في البلدة ودمّر 40 منزلاً، وأسفر عن مقتل 12 مدنياً.\n\n\
         Activists said the shelling lasted three days and killed 30 civilians in 13 villages.\n",
    )
    .unwrap();
    let r = nb.ok(&["--format", "json", "import", "articles", article.to_str().unwrap()]);
    let id = r.json()[0]["id"].as_i64().unwrap().to_string();
    nb.ok(&["measure", "add", "deaths.shelling", "--label", "killed in the shelling"]);
    nb.ok(&["measure", "add", "homes.destroyed", "--label", "homes destroyed", "--unit", "houses"]);
    let figures = |measure: &str| -> (Vec<String>, String) {
        let r = nb.ok(&["--format", "csv", "claim", "suggest", &id, "--measure", measure]);
        (r.csv().into_iter().map(|row| row["figure"].clone()).filter(|f| !f.is_empty()).collect(), r.stderr)
    };
    let (people, note) = figures("deaths.shelling");
    assert!(people.iter().any(|f| f.starts_with("12")), "{people:?}");
    assert!(people.iter().any(|f| f.starts_with("30")), "{people:?}");
    for thing in ["ثلاثة أحياء", "40 منزلاً", "13 villages", "three days"] {
        assert!(!people.iter().any(|f| f.starts_with(thing)), "{thing} offered for deaths: {people:?}");
    }
    assert!(note.contains("left out"), "{note}");
    let (homes, _) = figures("homes.destroyed");
    assert!(homes.iter().any(|f| f.starts_with("40")), "{homes:?}");
    assert!(homes.len() > people.len(), "{homes:?} / {people:?}");
}

/// `last Thursday` / `يوم الخميس الماضي` is the latest such weekday strictly before the article's
/// date, as wire copy means it (the article is a Friday's): never the week before that, and a
/// Friday's `last Friday` is never the publication day itself.
#[test]
fn last_weekday_is_the_latest_one_before_publication() {
    let (nb, article) = setup();
    for (when, day) in [
        ("last Thursday", "2014-12-04"),
        ("يوم الخميس الماضي", "2014-12-04"),
        ("last Monday", "2014-12-01"),
        ("last Friday", "2014-11-28"),
        ("يوم الجمعة الماضي", "2014-11-28"),
    ] {
        let c = nb
            .ok(&[
                "claim",
                "add",
                "--article",
                &article,
                "--quote",
                "بلغ ٤٥",
                "--when",
                when,
                "--again",
                "--format",
                "json",
            ])
            .json();
        assert_eq!((c["when_from"].as_str(), c["when_to"].as_str()), (Some(day), Some(day)), "{when}: {c}");
    }
}

/// A date phrase before `إلى N` / `to N` keeps the toll: the suggestion has both the date and the
/// figure (`أمس إلى 61` is not a span of days), in Arabic and English.
#[test]
fn a_date_before_rose_to_n_keeps_the_figure() {
    let nb = Nb::new();
    let article = nb.path("toll.txt");
    std::fs::write(
        &article,
        "ارتفعت حصيلة القصف أمس إلى 61 قتيلاً على الأقل، وفق ما أعلن المرصد.\n\n\
         The toll from the strikes climbed on Sunday to 45 dead, the monitor said.\n",
    )
    .unwrap();
    let r = nb.ok(&[
        "--format",
        "json",
        "import",
        "articles",
        article.to_str().unwrap(),
        "--published",
        "2017-03-14",
    ]);
    let id = r.json()[0]["id"].as_i64().unwrap().to_string();
    let rows = nb.ok(&["--format", "csv", "claim", "suggest", &id]).csv();
    let got: Vec<(&str, &str)> =
        rows.iter().map(|r| (r["figure"].as_str(), r["when_text"].as_str())).collect();
    assert!(got.contains(&("61 قتيلاً على الأقل", "أمس")), "{got:?}");
    assert!(got.iter().any(|(f, w)| *f == "45 dead" && w.contains("Sunday")), "{got:?}");
}

/// A measure of the killed (`--role killed`, or a label saying so) is offered no figure whose noun
/// or verb names another role: the wounded, the missing. Figures with no role word stay.
#[test]
fn a_measure_of_one_role_is_offered_no_figure_of_another() {
    let nb = Nb::new();
    let article = nb.path("qasr.txt");
    std::fs::write(
        &article,
        "قال المرصد إن القصف على القصر أسفر عن مقتل 40 مدنياً، فيما نقل 72 جريحاً إلى المستشفيات.\n\n\
         وأضاف أن أكثر من 60 جريحاً حالتهم خطرة، وأن 7 أشخاص في عداد المفقودين، وقد وصل 30 شخصاً إلى البلدة.\n\n\
         The hospital director said 72 wounded were admitted and 12 people were killed.\n",
    )
    .unwrap();
    let r = nb.ok(&["--format", "json", "import", "articles", article.to_str().unwrap()]);
    let id = r.json()[0]["id"].as_i64().unwrap().to_string();
    nb.ok(&["incident", "add", "qasr", "--label", "shelling of al-Qasr"]);
    nb.ok(&["measure", "add", "qasr.killed", "--label", "القصر", "--incident", "qasr", "--role", "killed"]);
    nb.ok(&["measure", "add", "qasr.wounded", "--label", "wounded at al-Qasr"]);
    let figures = |measure: &str| -> (Vec<String>, String) {
        let r = nb.ok(&["--format", "csv", "claim", "suggest", &id, "--measure", measure]);
        (r.csv().into_iter().map(|row| row["figure"].clone()).filter(|f| !f.is_empty()).collect(), r.stderr)
    };
    let (killed, note) = figures("qasr.killed");
    for kept in ["40 مدنياً", "12 people", "30 شخصاً"] {
        assert!(killed.iter().any(|f| f.starts_with(kept)), "{kept} missing from killed: {killed:?}");
    }
    for other in ["72 جريحاً", "أكثر من 60 جريحاً", "7 أشخاص", "72 wounded"] {
        assert!(!killed.iter().any(|f| f.starts_with(other)), "{other} offered for the killed: {killed:?}");
    }
    assert!(note.contains("4 figure(s) left out") && note.contains("another role"), "{note}");
    let (wounded, _) = figures("qasr.wounded");
    assert!(wounded.iter().any(|f| f.starts_with("72 جريحاً")), "{wounded:?}");
    assert!(!wounded.iter().any(|f| f.starts_with("40 مدنياً")), "{wounded:?}");
}
