//! The notation parser must never panic, and what it accepts must be ordered and within the
//! bound the notebook keeps (10^12).
#![no_main]
use libfuzzer_sys::fuzz_target;

const MAX: i64 = 1_000_000_000_000;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let table = crosscheck::notation::default_vague_table();
        if let Ok(r) = crosscheck::notation::parse(text, &table) {
            assert!(0 <= r.low && r.low <= r.point && r.point <= MAX, "{text:?} -> {r:?}");
            if let Some(h) = r.high {
                assert!(r.point <= h && h <= MAX, "{text:?} -> {r:?}");
            }
        }
    }
});
