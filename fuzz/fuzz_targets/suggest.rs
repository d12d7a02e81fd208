//! Any text as an article to suggest claims from: never a panic or a hang (run with -timeout);
//! quotes and figures are the text's own words, in order, each quote within the cap besides its
//! figure's wording, every interval ordered; reading piece by piece gives what one read gives.
#![no_main]
use crosscheck::notation::default_vague_table;
use crosscheck::suggest::{suggest, suggest_each, QUOTE_CAP};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let vague = default_vague_table();
    let out = suggest(&text, &vague);
    let mut last = 0;
    for s in &out {
        assert!(s.start >= last, "out of order at {}", s.start);
        last = s.start;
        assert_eq!(text.get(s.start..s.end), Some(s.quote.as_str()), "quote span");
        let extra = s.figure.as_ref().map_or(0, |f| f.wording.chars().count());
        assert!(s.quote.chars().count() <= QUOTE_CAP + extra, "quote of {} characters", s.quote.chars().count());
        if let Some(f) = &s.figure {
            assert!(s.start <= f.start && f.end <= s.end, "figure outside its quote");
            assert_eq!(text.get(f.start..f.end), Some(f.wording.as_str()), "figure span");
            let r = &f.reading;
            assert!(0 <= r.low && r.low <= r.point && r.high.is_none_or(|h| r.point <= h), "{r:?}");
        }
        if let (Some(src), Some((a, b))) = (&s.source, s.source_span) {
            assert_eq!(text.get(a..b), Some(src.as_str()), "source span");
        }
        if let (Some(w), Some((a, b))) = (&s.when, s.when_span) {
            assert_eq!(text.get(a..b), Some(w.as_str()), "date span");
        }
    }
    let mut each = Vec::new();
    suggest_each(&text, &vague, |s| -> Result<(), ()> {
        each.push(s);
        Ok(())
    })
    .expect("the sink never fails");
    // Below the piece size the text is read in one piece.
    if text.len() < 64 * 1024 {
        assert_eq!(each, out, "piece by piece");
    }
});
