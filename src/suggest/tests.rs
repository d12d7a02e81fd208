use super::*;
use crate::notation::default_vague_table;

/// Prints the attributions and suggestions of one fixture:
/// `SUGGEST_DUMP=ar-01-defections cargo test --lib suggest::tests::dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump() {
    let name = std::env::var("SUGGEST_DUMP").unwrap_or_else(|_| "en-01-market".into());
    let path = format!("{}/tests/fixtures/suggest/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture");
    let toks = tokenize(&text);
    let t = tables::tables();
    let lay = text::layout(&text, &toks, t);
    let figures = find_figures(&text, &default_vague_table());
    let dates = crate::dates::find_when(&text);
    let (_, fig_at) = spans_to_tokens(&toks, figures.iter().map(|f| (f.start, f.end)));
    let (_, date_at) = spans_to_tokens(&toks, dates.iter().copied());
    let scan = Scan::new(&text, &toks, &lay, t, &fig_at, &date_at);
    let span = |a: usize, b: usize| text[toks[a].start..toks[b - 1].end].to_string();
    for (k, s) in lay.sentences.iter().enumerate() {
        eprintln!("S{k} p{} h{} | {}", s.para, u8::from(s.heading), span(s.body, s.end));
    }
    for (k, u) in scan.units().iter().enumerate() {
        eprintln!(
            "U{k} s{} {:?} fwd={} cue=[{}] source=[{}] from={:?} region=[{}]",
            u.sentence,
            u.family,
            u.forward,
            span(u.cue.0, u.cue.1),
            u.source.map(|(a, b)| span(a, b)).unwrap_or_default(),
            u.from,
            span(u.region.0, u.region.1)
        );
    }
    for s in suggest(&text, &default_vague_table()) {
        eprintln!(
            "- [{}] fig={:?} src={:?} when={:?} c={} {:?}",
            s.quote,
            s.figure.map(|f| f.wording),
            s.source,
            s.when,
            s.confidence,
            s.cues
        );
    }
}

#[test]
#[ignore]
fn timing_parts() {
    let dir = format!("{}/tests/fixtures/suggest", env!("CARGO_MANIFEST_DIR"));
    let mut bodies: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    bodies.sort();
    let mut text = String::new();
    let mut k = 0;
    while text.split_whitespace().count() < std::env::var("WORDS").ok().and_then(|w| w.parse().ok()).unwrap_or(20_000) {
        text.push_str(&bodies[k % bodies.len()]);
        text.push_str("\n\n");
        k += 1;
    }
    let v = default_vague_table();
    let t0 = std::time::Instant::now();
    let toks = tokenize(&text);
    let t1 = t0.elapsed();
    let figures = find_figures(&text, &v);
    let t2 = t0.elapsed();
    let dates = crate::dates::find_when(&text);
    let t3 = t0.elapsed();
    let t = tables::tables();
    let lay = text::layout(&text, &toks, t);
    let t4 = t0.elapsed();
    let (_, fig_at) = spans_to_tokens(&toks, figures.iter().map(|f| (f.start, f.end)));
    let (_, date_at) = spans_to_tokens(&toks, dates.iter().copied());
    let scan = Scan::new(&text, &toks, &lay, t, &fig_at, &date_at);
    let t5 = t0.elapsed();
    let units = scan.units();
    let t6 = t0.elapsed();
    let all = suggest(&text, &v);
    let t7 = t0.elapsed();
    eprintln!("tokenize {t1:?} figures {t2:?} dates {t3:?} layout {t4:?} cues {t5:?} units {t6:?} ({}) suggest {:?} ({})", units.len(), t7 - t6, all.len());
}
