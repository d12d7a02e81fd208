//! `claim suggest` stays linear (issue point 4 of the third round): a paragraph of a megabyte
//! without a full stop, in every cue shape, used to copy itself into each of its thousands of
//! suggestions (killed at 24 GB); with quotes capped it still took 90 to 175 MB, read as one
//! piece, and now runs under 100 MB of address space. The run is bounded through the process:
//! an address-space cap (`ulimit -v`) and a timeout, never a timing assertion.

use crate::common::{Nb, BIN};

/// One segment of each cue shape: attribution verbs and frames, relays, hedges, number words,
/// ranges, in English and Arabic, with and without commas.
const SEGMENTS: &[&str] = &[
    "according to local activists at least 30 civilians and between 40 and 50 fighters and about two \
     hundred people were killed said the monitor citing sources who put the toll at more than 1,000 ",
    "وقال المرصد إن ما لا يقل عن 30 مدنياً وبين 40 و50 مقاتلاً ونحو مئتي شخص قتلوا بحسب ناشطين نقلاً عن \
     مصادر قدرت الحصيلة بأكثر من ألف ",
    "«قال مصدر إن عشرات المقاتلين» وصلوا، وأكد ناشطون، بحسب مصادر، أن 12 عنصراً على الأقل انشقوا، ",
    "\"officials said dozens, as many as 60, were held,\" said the group, adding that 5 to 9 died, ",
    "said, activists, at, least, 30, killed, according, to, sources, about, 40, wounded, ",
];

/// Runs `crosscheck claim suggest` under a 100 MB address-space cap and a 240 s timeout. Before
/// the article was read in pieces of at most 128 KB whatever its lines, every shape of a 1 MB
/// paragraph failed under this cap (the release build took 90 to 175 MB of memory); now the
/// debug build needs at most about 85 MB of address space, the release build 32 to 49 MB of
/// memory.
fn capped_suggest(nb: &Nb, id: &str, out: &std::path::Path) -> std::process::Output {
    let script = format!(
        "ulimit -v 102400; exec timeout 240 \"$0\" --db \"$1\" claim suggest {id} --out \"$2\" --measure deaths.x"
    );
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .arg(nb.path("notebook.db"))
        .arg(out)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sh")
}

/// One shape of a megabyte paragraph under the caps; each shape is its own test so that the
/// shapes run side by side with the other hostile tests.
fn a_long_paragraph_stays_linear(seg: &str) {
    let nb = Nb::new();
    nb.ok(&["measure", "add", "deaths.x", "--label", "Deaths"]);
    let mut text = String::from("Report\n\n");
    while text.len() < 1024 * 1024 {
        text.push_str(seg);
    }
    text.push('\n');
    let file = nb.path("long.txt");
    std::fs::write(&file, &text).unwrap();
    let r = nb.ok(&["--format", "json", "import", "articles", file.to_str().unwrap()]);
    let id = r.json()[0]["id"].as_i64().unwrap().to_string();
    let out = nb.path("out.csv");
    let run = capped_suggest(&nb, &id, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let shape: String = seg.chars().take(40).collect();
    assert!(run.status.success(), "{shape}: exit {:?}: {stderr}", run.status.code());
    let mut rdr = csv::Reader::from_path(&out).unwrap();
    let quote = rdr.headers().unwrap().iter().position(|h| h == "quote").unwrap();
    let mut rows = 0;
    for r in rdr.records() {
        let r = r.unwrap();
        assert!(r[quote].chars().count() <= 400, "a quote of {} characters", r[quote].chars().count());
        rows += 1;
    }
    assert!(rows > 1_000, "{rows} suggestions from {} repeats", text.len() / seg.len());
}

#[test]
fn a_long_english_paragraph_of_cues_stays_linear() {
    a_long_paragraph_stays_linear(SEGMENTS[0]);
}

#[test]
fn a_long_arabic_paragraph_of_cues_stays_linear() {
    a_long_paragraph_stays_linear(SEGMENTS[1]);
}

#[test]
fn a_long_paragraph_of_guillemets_and_commas_stays_linear() {
    a_long_paragraph_stays_linear(SEGMENTS[2]);
}

#[test]
fn a_long_paragraph_of_quoted_speech_stays_linear() {
    a_long_paragraph_stays_linear(SEGMENTS[3]);
}

#[test]
fn a_long_paragraph_of_single_words_stays_linear() {
    a_long_paragraph_stays_linear(SEGMENTS[4]);
}
