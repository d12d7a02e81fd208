//! A review from the keyboard in a real browser: `crosscheck serve` on a fresh notebook with a
//! fictional Arabic and a fictional English report, headless Chromium driven by chromedriver
//! (WebDriver), the Arabic report's suggestions reviewed with j/k, a, e and r only, and then the
//! notebook read back with the command line: exactly the claims accepted, with their figures.
//!
//! Chromium and chromedriver are Debian's `chromium` and `chromium-driver`. Without them the test
//! is skipped, unless `CI` is set (CI installs them: `.ci/run`). `CROSSCHECK_CHROMIUM` and
//! `CROSSCHECK_CHROMEDRIVER` name other binaries. With `SERVE_SCREENSHOTS=DIR` the test also
//! saves the review page in English and Arabic there (`scripts/serve-screenshots.sh`).

mod common;

use common::serve::{program, review_notebook, Driver, Server};

/// The figure the current suggestion shows.
fn current(d: &Driver) -> String {
    d.script("var b = document.querySelector('li.sugg.current .fig b'); return b ? b.textContent : '';")
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// Presses `keys` to move, checking the suggestion reached shows `figure`.
fn reach(d: &Driver, keys: &str, figure: &str) {
    d.keys(keys);
    let now = current(d);
    if !now.contains(figure) {
        let page = d.script("return location.href + ' ' + document.body.innerText.slice(0, 600);");
        panic!(
            "after {keys:?} the current suggestion is {now:?}, not the one with {figure:?}; the page: {page}"
        );
    }
}

#[test]
fn an_arabic_report_is_reviewed_from_the_keyboard_and_the_notebook_holds_what_was_accepted() {
    let (Some(chromium), Some(driver)) = (
        program("CROSSCHECK_CHROMIUM", &["chromium", "chromium-browser"]),
        program("CROSSCHECK_CHROMEDRIVER", &["chromedriver"]),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium and chromedriver (.ci/run installs them)"
        );
        eprintln!("skipped: no chromium or chromedriver on this machine");
        return;
    };
    let nb = review_notebook();
    let s = Server::start(&nb, &[]);
    let d = Driver::start(&driver, &chromium, &nb.path("profile"));
    // The printed address carries the token; the page then keeps it in a cookie.
    d.go(&format!("{}/?token={}", s.base(), s.token));
    let url = d.script("return location.pathname;");
    assert_eq!(url, "/articles", "the token address leads to the articles");
    d.go(&format!("{}/article?id=1&measure=killed.wadi&lang=ar", s.base()));
    assert_eq!(d.script("return document.documentElement.dir;"), "rtl");
    if let Some(dir) = std::env::var_os("SERVE_SCREENSHOTS") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("serve-review-ar.png"), d.screenshot()).unwrap();
        d.go(&format!("{}/article?id=1&measure=killed.wadi&lang=en", s.base()));
        std::fs::write(dir.join("serve-review-en.png"), d.screenshot()).unwrap();
        d.go(&format!("{}/article?id=1&measure=killed.wadi&lang=ar", s.base()));
    }
    // The first suggestion to review is the first one not yet recorded.
    assert!(current(&d).contains("300"), "{}", current(&d));
    // Accept the civil defence's 14 (a source of the notebook).
    reach(&d, "j", "14");
    d.keys_and_wait("a");
    // Reject the four children (part of the 14).
    reach(&d, "jj", "أربعة");
    d.keys_and_wait("r");
    // Edit the hospital's 40 wounded: another measure and credibility 2, then send it.
    reach(&d, "jj", "40");
    d.keys("e");
    let focused = d.script("return document.activeElement.name;");
    assert_eq!(focused, "measure", "e puts the cursor in the measure");
    // Typing replaces the selected measure; Tab to the credibility, 2; Tab to the date; Enter.
    d.keys("injured.wadi");
    d.keys("\u{E004}2\u{E004}");
    d.keys_and_wait("\u{E007}");
    // Accept the monitor's 17 (k goes back one) and the activists' 20 (new, unrated sources).
    reach(&d, "jjjj", "20");
    reach(&d, "k", "17");
    d.keys_and_wait("a");
    reach(&d, "jjjj", "20");
    d.keys_and_wait("a");
    let left = d.script("return document.querySelectorAll('li.sugg.new').length;");
    assert_eq!(left, 1, "only the 300 families are left to review");
    drop(d);
    s.stop();

    // The command line sees exactly what was accepted, with its figures.
    let claims = nb.ok(&["--format", "json", "claim", "list", "--article", "1"]).json();
    let mut got: Vec<(String, i64, String)> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["figures"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(" "),
                c["credibility"].as_i64().unwrap(),
                c["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })
        .collect();
    got.sort();
    let want = vec![
        // The counted noun stops before the verb after it (`40 جريحاً وصلوا`, `14 مدنياً قُتلوا`).
        ("injured.wadi=أكثر من 40 جريحاً".to_string(), 2, "مصادر طبية في مستشفى الحصن".to_string()),
        ("killed.wadi=14 مدنياً".to_string(), 6, "الدفاع المدني".to_string()),
        ("killed.wadi=17 شخصاً على الأقل".to_string(), 6, "المرصد المحلي لحقوق الإنسان".to_string()),
        ("killed.wadi=نحو 20 شخصاً".to_string(), 6, "ناشطون في الوادي".to_string()),
    ];
    assert_eq!(got, want);
    let figures = nb.ok(&["--format", "json", "figure", "list"]).json();
    let mut bounds: Vec<(String, i64, Option<i64>)> = figures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["measure"].as_str().unwrap().to_string(), f["low"].as_i64().unwrap(), f["high"].as_i64()))
        .collect();
    bounds.sort();
    assert_eq!(
        bounds,
        vec![
            ("injured.wadi".to_string(), 41, None),
            ("killed.wadi".to_string(), 14, Some(14)),
            ("killed.wadi".to_string(), 17, None),
            ("killed.wadi".to_string(), 18, Some(22)),
        ]
    );
    // The rejected suggestion stays rejected on the command line too.
    let suggest = nb.raw(&["--format", "json", "claim", "suggest", "1"], None);
    assert!(
        suggest.stderr.contains("1 suggestion(s) rejected in review were left out"),
        "{}",
        suggest.stderr
    );
    assert!(!suggest.stdout.contains("أربعة أطفال"));
    // The new sources are unrated; the known one kept its rating.
    let sources = nb.ok(&["--format", "json", "source", "list"]).json();
    for s in sources.as_array().unwrap() {
        let want = if s["name"] == "الدفاع المدني" { "B" } else { "F" };
        assert_eq!(s["reliability"], want, "{s}");
    }
}
