//! `claim suggest` on any text: never a panic or a hang (run with -timeout); every suggestion's
//! quote, figure, source and date are the text's own words at their spans, in order of
//! position, and a quote stays near the cap however long its sentence.
#![no_main]
use crosscheck::suggest::{suggest_each, QUOTE_CAP};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let table = crosscheck::notation::default_vague_table();
    let mut last = 0;
    let _ = suggest_each::<()>(text, &table, |s| {
        assert_eq!(&text[s.start..s.end], s.quote, "quote span");
        assert!(s.start >= last, "out of order");
        last = s.start;
        let figure_chars = s.figure.as_ref().map_or(0, |f| {
            assert!(s.start <= f.start && f.end <= s.end, "figure outside its quote");
            f.wording.chars().count()
        });
        if let (Some(src), Some((a, b))) = (&s.source, s.source_span) {
            assert_eq!(&text[a..b], src, "source span");
        }
        if let (Some(w), Some((a, b))) = (&s.when, s.when_span) {
            assert_eq!(&text[a..b], w, "when span");
        }
        let longest_word = s.quote.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
        assert!(
            s.quote.chars().count() <= 2 * QUOTE_CAP + figure_chars + longest_word,
            "quote of {} characters",
            s.quote.chars().count()
        );
        Ok(())
    });
});
