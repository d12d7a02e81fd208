//! Any bytes as an HTML page to import: never a panic or a hang (run with -timeout); a page is
//! read or refused with one sentence; reading it twice gives the same text.
#![no_main]
use crosscheck::extract::{extract, FileKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match extract(FileKind::Html, &text) {
        Ok(e) => {
            let again = extract(FileKind::Html, &text).expect("read once, read twice");
            assert_eq!(again.body, e.body);
        }
        Err(msg) => assert!(msg.starts_with("is an HTML page"), "{msg}"),
    }
});
