use super::*;
use crate::notebook;

/// The columns of a type, and a check that its terminal choices name real columns.
fn declared<R: Row>() -> Columns {
    let c = Columns::of::<R>();
    assert!(!c.all.is_empty(), "{} has no columns", std::any::type_name::<R>());
    for name in c.brief.iter().chain(&c.roomy).chain(&c.cut) {
        assert!(c.all.contains(name), "{name} is not a column of {}", std::any::type_name::<R>());
    }
    c
}

#[test]
fn every_row_type_has_its_columns() {
    declared::<notebook::articles::ArticleRow>();
    declared::<notebook::sources::SourceRow>();
    declared::<notebook::figures::FigureRow>();
    declared::<notebook::figures::MeasureRow>();
    declared::<notebook::reconciliations::ReconciliationRow>();
    declared::<notebook::reconciliations::TimelineRow>();
    declared::<notebook::sources::RatingRow>();
    declared::<notebook::sources::AliasRow>();
    declared::<notebook::claims::LinkRow>();
    declared::<notebook::figures::TermRow>();
    declared::<notebook::articles::Redated>();
    declared::<notebook::history::HistoryRow>();
    declared::<notebook::search::SearchHit>();
    declared::<notebook::import::FileResult>();
    declared::<notebook::transfer::TallyRow>();
    declared::<notebook::maintenance::Info>();
    declared::<crate::team::PullRow>();
    declared::<crate::team::StatusRow>();
    for c in [declared::figures_of_measure(), declared::reconciliations_of_measure()] {
        for name in c.brief.iter().chain(&c.roomy).chain(&c.cut) {
            assert!(c.all.contains(name), "{name} is not a column");
        }
    }
    let claims = declared::<notebook::claims::ClaimRow>();
    // Read from the fields, in their order: the CSV header and the JSON keys.
    assert_eq!(&claims.all[..4], &["id", "uuid", "article_id", "article_title"]);
    assert_eq!(claims.brief, ["id", "rating", "quote", "sources", "figures"]);
}

#[test]
fn a_record_holds_its_row_then_extras_and_sections() {
    let row = notebook::claims::LinkRow { from: 3, relation: "updates".into(), to: 2 };
    let r = Record::of(&row)
        .unwrap()
        .first("warning", Cell::text("read me"))
        .with("more", Cell::Int(1))
        .section("links", "Links", std::slice::from_ref(&row), "none")
        .unwrap();
    let names: Vec<&str> = r.fields.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["warning", "from", "relation", "to", "more"]);
    match &r.sections[0].body {
        Body::Rows { columns, rows, .. } => {
            assert_eq!(columns.all, ["from", "relation", "to"]);
            assert_eq!(rows[0][1], Cell::text("updates"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        Shape::record::<notebook::claims::LinkRow>(&["links"]).columns().unwrap().all,
        ["from", "relation", "to", "links"]
    );
    assert_eq!(Shape::Nothing.columns(), None);
}

#[test]
fn floats_print_to_four_places() {
    assert_eq!(format_float(0.5), "0.5");
    assert_eq!(format_float(1.0), "1");
    assert_eq!(format_float(-0.00001), "0");
    assert_eq!(format_float(2.123456), "2.1235");
}
