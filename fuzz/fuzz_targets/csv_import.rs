//! CSV import on arbitrary bytes: an error or a clean import, never a panic, and a refused file
//! leaves the notebook as it was.
#![no_main]
use crosscheck::notebook::transfer::CsvTable;
use crosscheck::notebook::Notebook;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut nb) = Notebook::in_memory() else { return };
    for table in [CsvTable::Sources, CsvTable::Claims, CsvTable::Figures] {
        let before: i64 = nb.conn.query_row("SELECT count(*) FROM sources", [], |r| r.get(0)).unwrap();
        if nb.import_csv(table, data, |_| {}).is_err() {
            let after: i64 = nb.conn.query_row("SELECT count(*) FROM sources", [], |r| r.get(0)).unwrap();
            assert_eq!(before, after);
        }
    }
});
