//! The notation parser must never panic, and what it accepts must be ordered.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let table = crosscheck::notation::default_vague_table();
        if let Ok(r) = crosscheck::notation::parse(text, &table) {
            assert!(r.low <= r.point, "{text:?} -> {r:?}");
            if let Some(h) = r.high {
                assert!(r.point <= h, "{text:?} -> {r:?}");
            }
        }
    }
});
