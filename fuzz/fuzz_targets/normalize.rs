//! Normalisation is idempotent; word spans, quote spans and snippets stay on char boundaries.
#![no_main]
use crosscheck::normalize::{find_quote, normalize, query_terms, snippet, words};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let once = normalize(text);
        assert_eq!(normalize(&once), once);
        for w in words(text) {
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        }
        let half = text.char_indices().nth(text.chars().count() / 2).map(|(i, _)| i).unwrap_or(0);
        if let Some((s, e)) = find_quote(text, &text[half..]) {
            assert!(s <= e && text.is_char_boundary(s) && text.is_char_boundary(e));
        }
        let _ = snippet(text, &query_terms(&text[..half]), 40);
    }
});
