//! Numbers cannot overflow (issue point 8): number words, digits, hedges and sums stay within
//! 10^12 by checked arithmetic and are refused past it, never wrapped or guessed; every path
//! that takes a number (figure parse, figure add, CSV, --value, vague words) refuses the same.

use crate::common::Nb;
use crate::corpus::{self, clean_messages, describe};

/// Wordings that must be refused: each would overflow, wrap or be guessed by a careless reader.
const REFUSED: &[&str] = &[
    "hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred",
    "a thousand thousand",
    "thousand thousand thousand thousand",
    "one hundred thousand thousand",
    "nine hundred ninety-nine thousand thousand thousand",
    "ألف ألف ألف ألف ألف",
    "مئة مئة مئة مئة مئة مئة مئة",
    "thousands of thousands of thousands",
    "1000000000001",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999999999999999999999",
    "٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩",
    "18 + 14 + 999999999999 + 999999999999",
    "about 999999999999",
    "about 1000000000000",
    "more than 1000000000000",
    "between 1 and 9223372036854775807",
    "999999999999-99999999999999",
];

#[test]
fn number_words_and_digits_past_the_bound_are_refused_everywhere() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    nb.ok(&["measure", "add", "test.big", "--label", "a large count"]);
    let before = nb.dump();
    for wording in REFUSED {
        for args in [
            vec!["figure", "parse", wording],
            vec!["figure", "add", "--claim", "2", "--measure", "test.big", wording],
        ] {
            let r = nb.raw(&args, None);
            assert_eq!(r.code, 1, "{}", describe(&r));
            assert_eq!(r.stderr.lines().filter(|l| l.starts_with("error:")).count(), 1, "{}", describe(&r));
            clean_messages(&r);
            assert!(
                !r.stderr.contains("breaks one of the notebook's rules"),
                "a reading the notebook refuses: {}",
                r.stderr
            );
        }
    }
    crate::common::assert_same(&before, &nb.dump(), "a refused figure changed the notebook");
    // "a thousand thousand" is never read as 2000; the bound itself is accepted.
    for (wording, low, high) in [
        ("1000000000000", 1_000_000_000_000i64, Some(1_000_000_000_000i64)),
        ("1000000000000+", 1_000_000_000_000, None),
        ("999,999,999,999", 999_999_999_999, Some(999_999_999_999)),
    ] {
        let r = nb.ok(&["figure", "parse", wording, "--format", "json"]);
        let j = r.json();
        let j = if j.is_array() { j[0].clone() } else { j };
        assert_eq!((j["low"].as_i64(), j["high"].as_i64()), (Some(low), high), "{}", describe(&r));
    }
    // The same through a CSV file: refused with its line, nothing written.
    let csv = nb.path("figures.csv");
    std::fs::write(&csv, "measure,claim_id,notation\ntest.big,2,12\ntest.big,3,a thousand thousand\n")
        .unwrap();
    let r = nb.refuse(&["import", "figures", csv.to_str().unwrap()], 1);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
}

#[test]
fn reconcile_values_and_vague_words_are_bounded() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    for v in ["1000000000001", "9223372036854775807", "99999999999999999999", "-5"] {
        let r = nb.refuse(
            &["reconcile", "deaths.market", "--method", "manual", &format!("--value={v}"), "--note", "x"],
            2,
        );
        clean_messages(&r);
    }
    // The largest value crosscheck takes is a manual best where the high is open; where the
    // range is closed (deaths.market, 11..15) it lies outside the range and is refused.
    let r = nb.ok(&[
        "reconcile",
        "defectors.foreign",
        "--method",
        "manual",
        "--value",
        "1000000000000",
        "--note",
        "upper bound",
        "--format",
        "json",
    ]);
    assert_eq!(r.json()[0]["best"].as_i64(), Some(1_000_000_000_000), "{}", describe(&r));
    let r = nb.refuse(
        &[
            "reconcile",
            "deaths.market",
            "--method",
            "manual",
            "--value",
            "1000000000000",
            "--note",
            "x",
            "--save",
        ],
        1,
    );
    assert!(
        r.stderr.contains("--value 1000000000000 lies outside deaths.market's range, 11..15"),
        "{}",
        describe(&r)
    );
    clean_messages(&r);
    for (low, high, point) in
        [("0", "1000000000001", "5"), ("0", "9223372036854775807", "5"), ("-1", "10", "5")]
    {
        let args = ["figure", "terms", "set", "heaps", "--low", low, "--high", high, "--point", point];
        let r = nb.raw(&args, None);
        assert_ne!(r.code, 0, "{}", describe(&r));
        clean_messages(&r);
    }
    nb.ok(&["check"]);
}
