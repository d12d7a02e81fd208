//! The use cases on an in-memory notebook: one transaction each, names resolved inside it, and
//! a failed write leaving nothing behind.

use super::claims::{add_claim, list_claims, show_claim, AddClaim};
use super::sources::{add_source, list_sources, rate_source, show_source};
use super::*;
use crate::notebook::sources::SourceFields;
use crate::notebook::Notebook;
use crate::rows::Body;
use crate::vocab::SourceKind;

/// A notebook with one Arabic article (id 1) and one source.
fn notebook() -> Notebook {
    let mut nb = Notebook::in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ar.txt");
    std::fs::write(&file, "اشتباكات في السهل\n\nقال ناشطون محليون إن 12 شخصاً قتلوا في السوق أمس.\n").unwrap();
    let req = import::inputs(&import::ArticlesQuery { paths: vec![file], ..Default::default() }).unwrap();
    let report = import::import_articles(&mut nb, &req, |_| {}).unwrap();
    assert_eq!(report.files[0].id, Some(1));
    let fields = SourceFields { kind: Some(SourceKind::Activist), ..Default::default() };
    add_source(&mut nb, "ناشطون محليون", &fields, None).unwrap();
    nb
}

#[test]
fn a_claim_is_added_with_its_source_by_name_and_shown_with_its_sections() {
    let mut nb = notebook();
    let add = AddClaim {
        article: 1,
        quote: "12 شخصاً قتلوا".into(),
        sources: vec!["ناشطون محليون".into()],
        figures: vec!["deaths".into()],
        ..Default::default()
    };
    // The measure does not exist yet: the whole claim is refused, nothing is left behind.
    assert!(add_claim(&mut nb, &add).is_err());
    let mut count = 0;
    list_claims(&mut nb, &ClaimQuery::default(), |_| {
        count += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(count, 0);
    measures::add_measure(&mut nb, "deaths", "people killed", None, &[]).unwrap();
    let row = add_claim(&mut nb, &add).unwrap();
    assert_eq!(row.sources, ["ناشطون محليون"]);
    let record = show_claim(&mut nb, row.id).unwrap();
    let keys: Vec<&str> = record.sections.iter().map(|s| s.key).collect();
    assert_eq!(keys, ["sources_list", "figures_list", "links"]);
    match &record.sections[1].body {
        Body::Rows { rows, .. } => assert_eq!(rows.len(), 1, "the figure read from the quote"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn names_are_resolved_inside_the_use_case_and_an_unknown_one_is_an_error() {
    let mut nb = notebook();
    let q = ClaimQuery { source: Some("nobody at all".into()), ..Default::default() };
    let mut called = false;
    let err = list_claims(&mut nb, &q, |_| {
        called = true;
        Ok(())
    })
    .unwrap_err();
    assert!(err.to_string().contains("nobody at all"), "{err}");
    assert!(!called);
    let rated = rate_source(&mut nb, "ناشطون محليون", crate::ratings::Reliability::C, "checked").unwrap();
    assert_eq!(rated.before, crate::ratings::Reliability::F);
    let shown = show_source(&mut nb, "ناشطون محليون").unwrap();
    assert_eq!(shown.sections[0].key, "rating_history");
}

#[test]
fn a_write_scope_keeps_everything_or_nothing_and_reads_inside_it_see_its_changes() {
    let mut nb = notebook();
    let before = list_sources(&mut nb).unwrap().len();
    let failed: crate::notebook::Result<()> = nb.writing(|nb| {
        nb.add_source(
            "Harbour office",
            &SourceFields { kind: Some(SourceKind::Official), ..Default::default() },
            None,
        )?;
        // A read inside the write sees the new source.
        assert_eq!(nb.sources()?.len(), before + 1);
        crate::notebook::invalid("stop here")
    });
    assert!(failed.is_err());
    assert_eq!(list_sources(&mut nb).unwrap().len(), before, "the failed scope left nothing");
    // A read scope inside a read scope is the same snapshot.
    let n = nb.reading(|nb| nb.reading(|nb| Ok(nb.sources()?.len()))).unwrap();
    assert_eq!(n, before);
}

#[test]
fn claim_queries_say_their_filters_as_typed() {
    let q = ClaimQuery {
        min_reliability: Some(crate::ratings::Reliability::C),
        measure: Some("deaths".into()),
        ..Default::default()
    };
    assert_eq!(q.words(false), [("min-reliability".to_string(), "C".to_string())]);
    assert_eq!(q.words(true).len(), 2);
    assert!(!q.is_empty() && ClaimQuery::default().is_empty());
}

#[test]
fn an_import_stores_its_files_in_their_order_whatever_order_the_readers_finish_in() {
    // Large files early, so that later small ones are read first and wait for them; the two
    // large ones together pass the readers' byte budget; a missing file fails alone.
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for i in 0..2500 {
        let path = dir.path().join(format!("{i:05}.txt"));
        let body = match i {
            3 | 4 => format!(
                "تقرير رقم {i}\n\n{}",
                format!("قال مراسل الوكالة إن القصف تجدد في الحي {i}. ").repeat(2_000)
            ),
            7 => continue,
            _ => {
                format!("Report {i}\n\nResidents of district {i} said {i} shops reopened on the main road.\n")
            }
        };
        std::fs::write(&path, body).unwrap();
        paths.push(path);
    }
    paths.insert(7, dir.path().join("00007.txt"));
    let mut req =
        import::inputs(&import::ArticlesQuery { paths: paths.clone(), ..Default::default() }).unwrap();
    req.read_ahead = 64 << 10;
    let mut nb = Notebook::in_memory().unwrap();
    let mut told = Vec::new();
    let report = import::import_articles(&mut nb, &req, |n| told.push(n)).unwrap();
    assert_eq!(told, (1..=paths.len()).collect::<Vec<_>>());
    assert_eq!(report.files.len(), paths.len());
    assert_eq!(report.stored, paths.len() - 1);
    let mut next_id = 1;
    for (file, path) in report.files.iter().zip(&paths) {
        assert_eq!(file.path, path.display().to_string());
        if file.path.ends_with("00007.txt") {
            assert!(file.id.is_none() && file.error.is_some(), "{file:?}");
            continue;
        }
        assert_eq!(file.id, Some(next_id), "{file:?}");
        next_id += 1;
    }
}
