//! CSV import on arbitrary bytes: an error or a clean import, never a panic; a refused file
//! leaves the notebook as it was, and what is imported passes `check`.
#![no_main]
use crosscheck::notebook::transfer::CsvTable;
use crosscheck::notebook::Notebook;
use libfuzzer_sys::fuzz_target;

/// What a refused import must leave exactly as it was.
fn counts(nb: &mut Notebook) -> (i64, i64, i64, i64, i64) {
    let i = nb.info().expect("info");
    (i.articles, i.sources, i.claims, i.measures, i.figures)
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut nb) = Notebook::in_memory() else { return };
    for table in [CsvTable::Sources, CsvTable::Claims, CsvTable::Figures] {
        for update in [false, true] {
            let before = counts(&mut nb);
            if nb.import_csv(table, data, update, |_| {}).is_err() {
                assert_eq!(before, counts(&mut nb), "a refused file changed the notebook");
            }
        }
    }
    let problems = nb.check().expect("check runs");
    assert!(problems.is_empty(), "{problems:?}");
});
