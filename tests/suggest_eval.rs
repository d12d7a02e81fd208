//! How well `claim suggest` finds the claims a careful researcher records, measured on the
//! fictional reports in tests/fixtures/suggest (NAME.txt) against hand-made gold claims
//! (NAME.csv: quote, figure, source, when; a figure the notation does not read, such as an
//! Arabic dual, is written `WORDING=NOTATION`: `جنديين=2`). Per language:
//!
//! - recall: the share of gold claims with a figure that some suggestion finds. A gold claim is
//!   found when a suggestion's quote covers the gold figure's words in the text and the
//!   suggestion's figure overlaps them and reads to the same interval (kind, low, high) as the
//!   gold figure read by `notation::parse`.
//! - source: among the found claims, the share whose suggested source phrase matches the gold
//!   one (see `same_source`); an empty gold source (the outlet's own reporting) matches only
//!   no source.
//! - precision: the share of suggestions with a figure that find some gold claim.
//!
//! Statements without a figure are reported too (found when a suggestion covers at least half
//! of the gold quote and names the same source), with a looser floor.
//!
//! Run with `cargo test --test suggest_eval -- --nocapture` to see the numbers;
//! `SUGGEST_EVAL_VERBOSE=1` also lists every miss.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck::normalize::{find_quote, stem, words};
use crosscheck::notation::{default_vague_table, parse, Kind};
use crosscheck::suggest::{suggest, without_things, Suggestion};

struct Gold {
    quote: String,
    figure: String,
    source: String,
    when: String,
}

/// The reports the rules were developed against.
const TUNED: &str = "tests/fixtures/suggest";
/// The reports written after an earlier round of rules and measured once unseen; since then they
/// are development data like the 22 above (their misses were read and fixed by general rules).
const HELD_OUT: &str = "tests/fixtures/suggest/heldout";
/// A second batch, written blind: its author read only the file format (two fixtures and this
/// test), never the rules nor their documentation, while the rules were being changed. Measured
/// once unseen; since then development data like the others: its misses were read and fixed by
/// general rules, each class tested in both languages.
const HELD_OUT_2: &str = "tests/fixtures/suggest/heldout2";
/// A third batch, written blind on 2026-12-06 while the rules of that round were changed (its
/// README says what its author read) and measured once after they were frozen.
const HELD_OUT_3: &str = "tests/fixtures/suggest/heldout3";
/// A fourth batch, written blind on 2026-12-06 while the rules of that round were changed (its
/// README says what its author read) and measured once after they were frozen at e46df6d.
const HELD_OUT_4: &str = "tests/fixtures/suggest/heldout4";
/// A fifth batch, written blind on 2026-12-06 (its README says what its author read) and
/// measured once after the rules of that round were frozen at 1223552.
const HELD_OUT_5: &str = "tests/fixtures/suggest/heldout5";
/// A sixth batch, written blind on 2026-12-07 (its README says what its author read) and
/// measured once after the rules of that round were frozen at 39351f8.
const HELD_OUT_6: &str = "tests/fixtures/suggest/heldout6";
/// A seventh batch, written blind on 2026-12-07 (its README says what its author read) and
/// measured once after the rules of that round were frozen at b27a433.
const HELD_OUT_7: &str = "tests/fixtures/suggest/heldout7";
/// An eighth batch, written blind on 2026-12-07 (its README says what its author read) and
/// measured once after the rules of that round were frozen at 16b0ba6.
const HELD_OUT_8: &str = "tests/fixtures/suggest/heldout8";
/// A ninth batch, written blind on 2026-12-07 (its README says what its author read): measured
/// with the rules of the round before, then once after the rules froze, then development data.
const HELD_OUT_9: &str = "tests/fixtures/suggest/heldout9";
/// A tenth batch, written blind the same day and measured once, unseen, with the rules frozen at
/// the end of the round.
const HELD_OUT_10: &str = "tests/fixtures/suggest/heldout10";
/// An eleventh batch, written blind on 2026-12-07 (its README says what its author read) while
/// the rules of the round were changed, measured once, unseen, with the rules frozen at 0e04a88.
const HELD_OUT_11: &str = "tests/fixtures/suggest/heldout11";
/// A twelfth batch, written blind on 2026-12-07 (its README says what its author read) while
/// the rules of the round were changed, measured once, unseen, with the rules frozen at 8e56ba7.
const HELD_OUT_12: &str = "tests/fixtures/suggest/heldout12";
/// A thirteenth batch, written blind on 2026-12-07 (its README says what its author read) while
/// the rules of the round were changed, measured once, unseen, with the rules frozen at 989b8db.
const HELD_OUT_13: &str = "tests/fixtures/suggest/heldout13";
/// A fourteenth batch, written blind on 2026-12-07 (its README says what its author read) while
/// the rules of the round were changed, measured once, unseen, with the rules frozen at b076274 (the rules of main at 390953d read it alike).
const HELD_OUT_14: &str = "tests/fixtures/suggest/heldout14";
/// A fifteenth batch, written blind on 2026-12-07 (its README says what its author read) while
/// the rules of the round were changed, measured once, unseen, with the rules frozen at fcc20af.
const HELD_OUT_15: &str = "tests/fixtures/suggest/heldout15";
/// A sixteenth batch, written blind on 2026-12-07 (its README says what its author read),
/// measured once, unseen, with the rules of main at f599433.
const HELD_OUT_16: &str = "tests/fixtures/suggest/heldout16";
/// A seventeenth batch, written blind on 2026-12-07 (its README says what its author read),
/// measured once, unseen, with the rules frozen at b915a2d.
const HELD_OUT_17: &str = "tests/fixtures/suggest/heldout17";
/// An eighteenth batch, written blind on 2026-12-07 (its README says what its author read),
/// measured once, unseen, with the rules frozen at 6ff38c6.
const HELD_OUT_18: &str = "tests/fixtures/suggest/heldout18";
/// A nineteenth and a twentieth batch, written blind at the same time on 2026-12-07 by two
/// authors (their READMEs say what each read), measured once, unseen, with the rules frozen at
/// 3102f55.
const HELD_OUT_19: &str = "tests/fixtures/suggest/heldout19";
const HELD_OUT_20: &str = "tests/fixtures/suggest/heldout20";
/// A twenty-first batch, written blind on 2026-12-07 (its README says what its author read),
/// measured once, unseen, with the rules frozen at c01bf2c.
const HELD_OUT_21: &str = "tests/fixtures/suggest/heldout21";

fn fixtures(set: &str) -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(set);
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("the evaluation set")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_stem().unwrap_or_default().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

fn gold(path: &Path) -> Vec<Gold> {
    let mut rdr = csv::Reader::from_path(path.with_extension("csv")).expect("gold CSV beside the article");
    rdr.records()
        .map(|r| {
            let r = r.expect("gold row");
            Gold {
                quote: r[0].to_string(),
                figure: r[1].to_string(),
                source: r[2].to_string(),
                when: r.get(3).unwrap_or("").to_string(),
            }
        })
        .collect()
}

/// Byte span of `needle` in `hay[from..to]`: exact first, else as a reader sees it.
fn locate(hay: &str, from: usize, to: usize, needle: &str) -> Option<(usize, usize)> {
    let part = &hay[from..to];
    if let Some(k) = part.find(needle) {
        return Some((from + k, from + k + needle.len()));
    }
    find_quote(part, needle).map(|(a, b)| (from + a, from + b))
}

fn norm_words(s: &str) -> Vec<String> {
    words(s).into_iter().map(|w| w.norm).collect()
}

/// Normalised and lightly stemmed, so that a preposition or article glued to an Arabic noun
/// does not count (`للمجلس` and `المجلس`).
fn stemmed_words(s: &str) -> Vec<String> {
    words(s).into_iter().map(|w| stem(&w.norm).into_owned()).collect()
}

/// Two source phrases name the same source when their words, normalised and lightly stemmed,
/// are equal, or when one holds the other as a run of words and is at most three words longer
/// (`the Ain Sakhr Monitor for Human Rights` and `Ain Sakhr Monitor for Human Rights`; `أحد
/// السكان، ويدعى أبو ماهر (47 عاماً)` and `أحد السكان، ويدعى أبو ماهر`; `للمجلس` and `المجلس`).
/// Empty matches only empty.
fn same_source(suggested: Option<&str>, gold: &str) -> bool {
    let g = stemmed_words(gold);
    let s = suggested.map(stemmed_words).unwrap_or_default();
    if g.is_empty() || s.is_empty() {
        return g.is_empty() && s.is_empty();
    }
    let (short, long) = if s.len() <= g.len() { (&s, &g) } else { (&g, &s) };
    (long.len() - short.len() <= 3 && long.windows(short.len()).any(|w| w == short.as_slice()))
        || suggested.is_some_and(|s| names_the_apposition(s, gold))
}

/// The gold of the first sets writes an English speaker with the description in apposition
/// (`Rami Haddad, a spokesman for the civil defence`, `A militia commander, Abu Ali Sweid`, `A
/// resident, who gave his name only as Omar`); the later sets write the name alone, which is
/// what `claim suggest` gives as the source. A suggested name matches such a gold source when
/// it is one of its comma-separated parts, or the end of one after `as` or `named`, and holds a
/// capitalised word other than a determiner (`Rami Haddad`, `Abu Ali Sweid`, `Omar`; never the
/// description alone, `A militia commander`). The reverse, a whole apposition suggested for a
/// gold name, stays a miss.
fn names_the_apposition(suggested: &str, gold: &str) -> bool {
    let named = suggested.split_whitespace().any(|w| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && !matches!(w, "The" | "A" | "An" | "Its" | "Their" | "His" | "Her" | "One")
    });
    let s = stemmed_words(suggested);
    named
        && !s.is_empty()
        && gold.split(',').any(|part| {
            let p = stemmed_words(part);
            p == s
                || (p.len() > s.len()
                    && p.ends_with(&s)
                    && matches!(p[p.len() - s.len() - 1].as_str(), "as" | "named" | "name"))
        })
}

/// A date phrase matches when one holds the other's words (`on Tuesday`, `Tuesday`).
fn same_when(suggested: Option<&str>, gold: &str) -> bool {
    let g = norm_words(gold);
    let s = suggested.map(norm_words).unwrap_or_default();
    let (short, long) = if s.len() <= g.len() { (&s, &g) } else { (&g, &s) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

#[derive(Default)]
struct Tally {
    gold_figures: usize,
    found: usize,
    source_right: usize,
    suggested_figures: usize,
    suggested_right: usize,
    gold_statements: usize,
    statements_found: usize,
    gold_whens: usize,
    whens_right: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold_figures)
    }
    fn source(&self) -> f64 {
        ratio(self.source_right, self.found)
    }
    fn precision(&self) -> f64 {
        ratio(self.suggested_right, self.suggested_figures)
    }
    fn statements(&self) -> f64 {
        ratio(self.statements_found, self.gold_statements)
    }
    fn whens(&self) -> f64 {
        ratio(self.whens_right, self.gold_whens)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

type Interval = (Kind, i64, Option<i64>);

fn reads(s: &Suggestion) -> Option<Interval> {
    s.figure.as_ref().map(|f| (f.reading.kind, f.reading.low, f.reading.high))
}

fn evaluate(set: &str, verbose: bool) -> BTreeMap<String, Tally> {
    let vague = default_vague_table();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (name, path) in fixtures(set) {
        let lang = name.split('-').next().unwrap_or("?").to_string();
        let text = std::fs::read_to_string(&path).expect("article");
        let words = text.split_whitespace().count();
        assert!(
            (150..=500).contains(&words),
            "{name}: {words} words; the set keeps articles of 150-500 words"
        );
        // As `claim suggest` offers them without a measure: counts of things left out.
        let suggestions: Vec<Suggestion> = without_things(suggest(&text, &vague).into_iter()).collect();
        let tally = tallies.entry(lang).or_default();
        let mut right = vec![false; suggestions.len()];
        for g in gold(&path) {
            let (qa, qb) = locate(&text, 0, text.len(), &g.quote)
                .unwrap_or_else(|| panic!("{name}: gold quote not in the article: {}", g.quote));
            if g.figure.is_empty() {
                tally.gold_statements += 1;
                let half = (qb - qa) / 2;
                let found = suggestions.iter().any(|s| {
                    let overlap = s.end.min(qb).saturating_sub(s.start.max(qa));
                    overlap >= half && same_source(s.source.as_deref(), &g.source)
                });
                tally.statements_found += usize::from(found);
                if verbose && !found {
                    let near: Vec<&str> = suggestions
                        .iter()
                        .filter(|s| s.end.min(qb).saturating_sub(s.start.max(qa)) >= half)
                        .filter_map(|s| s.source.as_deref())
                        .collect();
                    eprintln!("  {name}: statement missed: [{}] (suggested {near:?}) {}", g.source, g.quote);
                }
                continue;
            }
            tally.gold_figures += 1;
            // `WORDING=NOTATION` for a wording the notation does not read (a dual: `جنديين=2`).
            let (wording, notation) = g.figure.split_once('=').unwrap_or((&g.figure, &g.figure));
            let (fa, fb) = locate(&text, qa, qb, wording)
                .unwrap_or_else(|| panic!("{name}: gold figure '{wording}' not in its quote"));
            let r = parse(notation, &vague).unwrap_or_else(|e| panic!("{name}: gold figure: {e}"));
            let want: Interval = (r.kind, r.low, r.high);
            let matches = |s: &Suggestion| {
                let f = s.figure.as_ref();
                s.start <= fa
                    && fb <= s.end
                    && f.is_some_and(|f| f.start < fb && fa < f.end)
                    && reads(s) == Some(want)
            };
            let hits: Vec<usize> = (0..suggestions.len()).filter(|k| matches(&suggestions[*k])).collect();
            for k in &hits {
                right[*k] = true;
            }
            let Some(&k) = hits.first() else {
                if verbose {
                    eprintln!("  {name}: figure missed: '{}' in: {}", g.figure, g.quote);
                }
                continue;
            };
            tally.found += 1;
            if !g.when.is_empty() {
                tally.gold_whens += 1;
                let right = hits.iter().any(|k| same_when(suggestions[*k].when.as_deref(), &g.when));
                tally.whens_right += usize::from(right);
                if verbose && !right {
                    eprintln!(
                        "  {name}: when for '{}': suggested [{}], gold [{}]",
                        g.figure,
                        suggestions[k].when.as_deref().unwrap_or(""),
                        g.when
                    );
                }
            }
            if hits.iter().any(|k| same_source(suggestions[*k].source.as_deref(), &g.source)) {
                tally.source_right += 1;
            } else if verbose {
                eprintln!(
                    "  {name}: source for '{}': suggested [{}], gold [{}]",
                    g.figure,
                    suggestions[k].source.as_deref().unwrap_or(""),
                    g.source
                );
            }
        }
        for (k, s) in suggestions.iter().enumerate() {
            let Some(f) = &s.figure else { continue };
            tally.suggested_figures += 1;
            tally.suggested_right += usize::from(right[k]);
            if verbose && !right[k] {
                eprintln!("  {name}: not a gold claim: '{}' in: {}", f.wording, s.quote);
            }
        }
    }
    tallies
}

/// Floors set a little under the measured values (docs/suggest.md has the numbers): language,
/// recall, source, precision, statements, dates.
type Floors = [(&'static str, f64, f64, f64, f64, f64); 2];

/// On the reports the rules were developed against. Every floor below was set on 6 December 2026
/// after counts of things left the gold of the older batches (one convention for all: counts of
/// things are not gold) and `claim suggest` left them out without a measure. On 7 December 2026
/// four more rows followed the same convention and became statements without a figure: food
/// for 10,000 people (a capacity), the remaining eight trucks, some 20 pick-up trucks and two of
/// the directorate's ambulances (counts of things, now read with their nouns).
const TUNED_FLOORS: Floors =
    [("ar", 0.999, 0.999, 0.986, 0.930, 0.999), ("en", 0.999, 0.999, 0.999, 0.999, 0.999)];

/// On the formerly held-out reports, now development data, a little under the last measurement
/// (ar: recall 0.975, source 0.974, precision 0.917, statements 0.769, dates 0.882; en: 0.988,
/// 0.976, 0.902, 0.900, 0.828; first unseen measurement: source 0.822 and 0.699).
const HELD_OUT_FLOORS: Floors =
    [("ar", 0.999, 0.985, 0.999, 0.845, 0.934), ("en", 0.999, 0.972, 0.999, 0.922, 0.959)];

/// On the blind batch (development data since its first measurement: its misses were read and
/// fixed by general rules), just under the last measurement, so that one more miss fails and an
/// improvement does not (ar: recall, source, precision, statements, dates 0.963, 0.769, 0.796,
/// 0.692, 0.902; en: 0.978, 0.811, 0.841, 0.875, 0.872; source with counts of things dropped from the gold: ar 0.815, en 0.822; first measurement: ar 0.877, 0.732,
/// 0.717, 0.615, 0.889; en 0.978, 0.444, 0.783, 0.375, 0.872). Since names mentioned without
/// a verb, titles with surnames and relative clauses: source ar 0.827, en 0.900, statements ar
/// 0.769; en source 0.922 since a new count by a verb apart from its toll (`counted`), ar
/// source 0.840 since titles with names in apposition are named without a verb. English recall
/// 0.978 since kin after a possessive are a household (`walked ... with her five grandchildren`,
/// gold here; the later batches' gold leaves such households out). Arabic dates 0.952 since
/// `خلال الفترة ذاتها` ("over the same period") is read as written, as the later batches' gold
/// writes it; this batch's gold gives the window it refers back to.
const HELD_OUT_2_FLOORS: Floors =
    [("ar", 0.999, 0.911, 0.999, 0.845, 0.952), ("en", 0.977, 0.954, 0.999, 0.888, 0.978)];

/// On the third blind batch, measured once unseen with the rules frozen at that round's end (ar:
/// recall, source, precision, statements, dates 0.936, 0.882, 0.761, 0.750, 0.868; en: 0.991,
/// 0.676, 0.787, 0.200, 0.896), development data since (its misses read by class and fixed by
/// general rules); just under the last measurement (source ar 0.913, en 0.955, en statements
/// 0.600), so that one more miss fails.
const HELD_OUT_3_FLOORS: Floors =
    [("ar", 0.981, 0.980, 0.972, 0.749, 0.943), ("en", 0.990, 0.971, 0.972, 0.713, 0.978)];

/// On the fourth blind batch, just under its one unseen measurement with the rules frozen at
/// e46df6d (ar: recall, source, precision, statements, dates 0.954, 0.660, 0.912, 0.000, 0.911;
/// en: 0.991, 0.736, 0.821, 1.000, 0.911); development data since, just under the last
/// measurement (precision ar 0.972, en 0.887: numbered list items, distances, capacities;
/// source ar 0.903 (0.897 with the four more figures found below), en 0.991, ar statements
/// 0.333: names mentioned without a verb, titles with
/// surnames, relative clauses, bulletins' authors, laws and corrections; ar recall 0.991,
/// precision 0.991, dates 0.947, en precision 0.924, dates 0.978: compound numbers, feminine
/// caps, duals, negated verbs, years as dates, capacities, ages, names, the head of a counted
/// noun), so that one more miss fails. Source ar 0.916 since a document named without its
/// author stands for the last body that spoke. Arabic dates 0.981 since a window that refers
/// back (`خلال الفترة ذاتها`) is read as written (see the blind batch's floors).
const HELD_OUT_4_FLOORS: Floors =
    [("ar", 0.990, 0.952, 0.999, 0.499, 0.981), ("en", 0.999, 0.990, 0.948, 0.999, 0.977)];

/// On the fifth blind batch, measured once unseen with the rules frozen at 1223552 (ar: recall,
/// source, precision, statements, dates 0.922, 0.642, 0.812, 0.769, 0.829; en: 0.945, 0.750,
/// 0.844, 0.538, 0.820); development data since, just under the last measurement (ar recall
/// 0.932, source 0.646, precision 0.821, dates 0.833 after a number above 31 stopped being a day
/// of the month before it; then ar recall 0.942, source 0.639, precision 0.829 with verbs of
/// nearing, `يقترب من خمسين`; then recall 0.951, source 0.633, precision 0.838, dates 0.838
/// with a counted number after `العام`), so that one more miss fails. On 7 December 2026, with
/// windows from an event (`since the assault began`), a date or list item ending a figure,
/// questions, forecasts, capacities and more counts of things left out: ar recall 0.961, source
/// 0.677, precision 0.934, dates 0.974; en 0.955, 0.743 (one more figure found in the interview,
/// whose answers are not yet given to the interviewee), 0.929, 0.941. Then voices (an
/// interview's answers are the interviewee's, a name alone signs its paragraph), new tolls,
/// asides on a recipient and documents that stand for the last body: source ar 0.827, en 0.952,
/// statements ar 0.846, en 0.615; then speakers in turn (titles with names in apposition, the
/// subject of the verb opening a sentence, `بعده`): ar source 0.918, statements 1.000,
/// precision 0.845; en source 0.962 with the subject of an infinitive of saying. Both together: ar
/// recall 0.961, source 0.919, precision 0.934, statements 1.000, dates 0.974; en 0.955, 0.962,
/// 0.929, 0.615, 0.941.
const HELD_OUT_5_FLOORS: Floors =
    [("ar", 0.960, 0.928, 0.942, 0.999, 0.973), ("en", 0.963, 0.971, 0.962, 0.691, 0.960)];

/// On the sixth blind batch, measured once unseen with the rules frozen at 39351f8 (ar: recall,
/// source, precision, statements, dates 0.929, 0.714, 0.814, 0.333, 0.875; en: 0.973, 0.861,
/// 0.777, 0.750, 0.915); development data since, just under the last measurement (ar 0.956,
/// 0.917, 0.923, 0.417, 0.912; en 0.991, 0.955, 0.948, 0.750, 0.934 after a live blog's times,
/// prepositions of time, objects before a count, standing notes, rates as flows, the spread of
/// claims and breakdowns of what is no claim), so that one more miss fails.
const HELD_OUT_6_FLOORS: Floors =
    [("ar", 0.955, 0.953, 0.931, 0.499, 0.999), ("en", 0.990, 0.963, 0.948, 0.749, 0.983)];

/// On the seventh blind batch, measured once unseen with the rules frozen at b27a433 (ar:
/// recall, source, precision, statements, dates 0.945, 0.617, 0.811, 0.619, 0.774; en: 0.927,
/// 0.678, 0.858, 0.760, 0.935; the rules of the round before gave ar 0.953, 0.612, 0.812, 0.619,
/// 0.778 and en 0.927, 0.678, 0.839, 0.760, 0.935); development data since (after a briefing's
/// answers, toll verbs, denied and withdrawn figures, plans, audiences and methods left out, and
/// spans of years: ar 0.953, 0.760, 0.903, 0.714, 0.830; en 0.935, 0.819, 0.935, 0.800, 0.978),
/// floors just under. On 7 December 2026 each group of a list became its own figure: more of
/// its figures are found (ar recall 0.969) and the source share fell to 0.748 with them. On the
/// evening of 7 December (a breakdown by perpetrator, `نسب … إلى`, a report's author after a
/// person spoke, `gave a third version`): ar source 0.854, en 0.858.
const HELD_OUT_7_FLOORS: Floors =
    [("ar", 0.968, 0.853, 0.917, 0.856, 0.944), ("en", 0.967, 0.857, 0.959, 0.839, 0.978)];

/// On the eighth blind batch, measured once unseen with the rules frozen at 16b0ba6 (ar: recall,
/// source, precision, statements, dates 0.900, 0.698, 0.857, 0.188, 0.969; en: 1.000, 0.766,
/// 0.835, 0.611, 0.957; the rules of the round before, at 2f6d96a, gave ar 0.900, 0.690, 0.840,
/// 0.188, 0.938 and en 1.000, 0.737, 0.811, 0.556, 0.928); development data since (a
/// transcript's speaker labels: ar source 0.778, en 0.839), floors just under.
const HELD_OUT_8_FLOORS: Floors =
    [("ar", 0.963, 0.955, 0.917, 0.311, 0.999), ("en", 0.999, 0.963, 0.906, 0.777, 0.999)];

/// On the ninth blind batch (ar: recall, source, precision, statements, dates). The rules of the
/// round before (bbd8e23) gave ar 0.985, 0.588, 0.885, 0.409, 0.884 and en 0.992, 0.718, 0.897,
/// 0.476, 0.894; this round's rules frozen at c68c450, measured once unseen, ar 0.985, 0.672,
/// 0.885, 0.409, 0.884 and en 0.992, 0.718, 0.903, 0.476, 0.894; development data since (lists
/// introduced by a colon, a document's issuer, counts of speakers; then a figure's own clause
/// for its date, documents owned by a source): ar source 0.817, dates 0.930; en 0.817, 0.941.
/// English source 0.855 since citing one's own material leaves the speaker (`citing interviews
/// with survivors. It said`).
const HELD_OUT_9_FLOORS: Floors =
    [("ar", 0.984, 0.892, 0.922, 0.499, 0.999), ("en", 0.991, 0.854, 0.941, 0.570, 0.975)];

/// On the tenth blind batch, measured once unseen with the rules frozen at 4b20c3b: ar 0.957,
/// 0.786, 0.911, 0.808, 0.833; en 0.945, 0.845, 0.880, 0.861, 0.879 (the rules of the round
/// before, bbd8e23: ar source 0.759, statements 0.769; en source 0.835, statements 0.806; the
/// rest the same). Development data since (a document issued by someone named after its date,
/// `the registry`, `the cluster`: ar source 0.795, en 0.903; then a figure's own clause for its
/// date, a named register said again: ar source 0.821, dates 0.985; en 0.922, 0.983). Floors
/// just under. Dates ar 0.969, en 0.965 since a window that refers back (`over the same
/// period`, `خلال الفترة ذاتها`) is read as written (see the blind batch's floors).
const HELD_OUT_10_FLOORS: Floors =
    [("ar", 0.956, 0.874, 0.948, 0.884, 0.969), ("en", 0.953, 0.951, 0.911, 0.916, 0.965)];

/// On the eleventh blind batch, measured once unseen with the rules frozen at 0e04a88: ar 0.957,
/// 0.757, 0.874, 0.800, 0.842; en 0.973, 0.745, 0.894, 0.857, 0.855 (the rules of the round
/// before, f109eb3: the same but ar dates 0.807). Development data since (bulletins, Arabic
/// documents with a possessive suffix: ar source 0.829, en 0.782; then the twelfth round's carried
/// speakers, pronouns, references and dates: ar 0.957, 0.910, 0.895, 0.800, 0.947; en 0.973,
/// 0.873, 0.957, 0.886, 0.964). Floors just under.
const HELD_OUT_11_FLOORS: Floors =
    [("ar", 0.982, 0.946, 0.911, 0.866, 0.948), ("en", 0.972, 0.899, 0.956, 0.913, 0.963)];

/// On the twelfth blind batch, measured once unseen with the rules frozen at 8e56ba7: ar 0.944,
/// 0.735, 0.887, 0.720, 0.926; en 0.941, 0.747, 0.833, 0.733, 0.956 (the rules of the round
/// before, 1822fc5: ar 0.944, 0.716, 0.887, 0.720, 0.907; en 0.941, 0.737, 0.826, 0.667, 0.822).
/// Development data since (each group of a list its own figure, offices and heads named again,
/// a source cited at the end of a clause, lists introduced without a verb of saying, things and
/// capacities, then `during the month` and `by the evening`): ar 0.981, 0.868, 0.972, 0.720,
/// 1.000; en 1.000, 0.931, 0.944, 0.833, 1.000. Floors just under.
const HELD_OUT_12_FLOORS: Floors =
    [("ar", 0.980, 0.895, 0.971, 0.799, 0.999), ("en", 0.999, 0.930, 0.952, 0.832, 0.999)];

/// On the thirteenth blind batch, measured once unseen with the rules frozen at 989b8db: ar
/// 0.952, 0.640, 0.926, 0.760, 0.933; en 0.991, 0.781, 0.938, 0.792, 0.879 (the rules of the
/// round before, 1822fc5: ar 0.933, 0.602, 0.916, 0.760, 0.914; en 0.991, 0.752, 0.938, 0.667,
/// 0.879). Development data since (a chunk that is only a date, `replied that`, armed groups'
/// heads, an aside on where a body sits, a list read out, a second verb after `and`, `by the
/// evening`): ar source 0.800, en 0.829, en dates 0.931. Floors just under.
const HELD_OUT_13_FLOORS: Floors =
    [("ar", 0.961, 0.870, 0.934, 0.839, 0.949), ("en", 0.990, 0.856, 0.945, 0.791, 0.947)];

/// On the fourteenth blind batch, measured once unseen with the rules frozen at b076274 (main at
/// 390953d reads it alike): ar 0.990, 0.838, 0.917, 0.645, 0.930; en 0.981, 0.881, 0.894,
/// 0.750, 0.927. Development data since (findings, welcomes and accounts held to as statements,
/// a speaker described first and named on, the topic of `أما`, a date describing the source,
/// documents' adjectives and issuers, a closing apposition, a body's members and what it
/// reviewed as no counts): ar 0.990, 0.970, 0.961, 0.742, 0.930; en 0.990, 0.941, 0.919, 0.844,
/// 0.964. Floors just under.
const HELD_OUT_14_FLOORS: Floors =
    [("ar", 0.999, 0.979, 0.961, 0.773, 0.965), ("en", 0.989, 0.940, 0.926, 0.843, 0.999)];

/// On the fifteenth blind batch, measured once unseen with the rules frozen at fcc20af: ar
/// 0.952, 0.870, 0.917, 0.769, 0.965; en 0.960, 0.794, 0.890, 0.788, 0.904 (the rules at the
/// start of the round, 390953d: ar source 0.850, statements 0.654, the rest alike). Development
/// data since (a kind of body before its name, a number as no speaker, expectations and plans as
/// no counts): en source 0.887, precision 0.907. Floors just under.
const HELD_OUT_15_FLOORS: Floors =
    [("ar", 0.970, 0.872, 0.918, 0.768, 0.964), ("en", 0.969, 0.917, 0.941, 0.817, 0.924)];

/// On the sixteenth blind batch, measured once unseen with the rules of main at f599433 (ar:
/// recall, source, precision, statements, dates 0.990, 0.900, 0.926, 0.750, 0.918; en 0.972,
/// 0.817, 0.904, 0.767, 0.981). Development data since (the originator of `X, citing Y, said`,
/// who was told is no subject, descriptions named on, households and a body's network as no
/// counts, `half a dozen`): ar 0.990, 0.900, 0.926, 0.750, 0.918; en 0.991, 0.906, 0.946, 0.800,
/// 0.963. Floors just under.
const HELD_OUT_16_FLOORS: Floors =
    [("ar", 0.989, 0.899, 0.925, 0.749, 0.933), ("en", 0.990, 0.905, 0.945, 0.799, 0.980)];

/// On the seventeenth blind batch, measured once unseen with the rules frozen at b915a2d (ar
/// 0.982, 0.841, 0.955, 0.750, 1.000; en 0.980, 0.919, 0.934, 0.816, 1.000; the rules of main at
/// f599433: en source 0.869, statements 0.796, the rest alike). Development data since (an
/// outlet's correspondent as its own reporting, an indefinite Arabic body named on): ar 0.982,
/// 0.944, 0.955, 0.750, 1.000; en 0.990, 0.930, 0.943, 0.816, 1.000. Floors just under.
const HELD_OUT_17_FLOORS: Floors =
    [("ar", 0.990, 0.943, 0.963, 0.749, 0.999), ("en", 0.989, 0.939, 0.951, 0.815, 0.999)];

/// On the eighteenth blind batch, measured once unseen with the rules frozen at 6ff38c6 (ar
/// 0.971, 0.800, 0.893, 0.706, 0.939; en 0.969, 0.903, 0.921, 0.735, 0.959; the rules of main
/// at f599433: ar source 0.790, en source 0.839, en statements 0.647). Development data since
/// (an Arabic relative clause closed before the verb, `بالأسماء`, `«بشكل قاطع»`, an
/// interviewee's office, `ثلاثين ونيف`): ar 0.981, 0.921, 0.910, 0.794, 0.939; en 0.969, 0.914,
/// 0.939, 0.735, 0.959. Floors just under.
const HELD_OUT_18_FLOORS: Floors =
    [("ar", 0.989, 0.979, 0.910, 0.793, 0.954), ("en", 0.968, 0.934, 0.938, 0.734, 0.958)];

/// On the nineteenth blind batch, measured once unseen with the rules frozen at 3102f55 (ar
/// 0.981, 0.921, 0.944, 0.808, 0.959; en 1.000, 0.931, 0.911, 0.906, 0.911; the rules of main at
/// eee851e read it alike). Development data since (a long guillemets name opening on a body's
/// head, a titled name before an office, a time of day, `one of only`, `خمس منها على الأقل`,
/// `gave figures`): ar 0.990, 0.961, 0.953, 0.808, 0.959; en 1.000, 0.941, 0.936, 0.906, 0.911.
/// Floors just under.
const HELD_OUT_19_FLOORS: Floors =
    [("ar", 0.989, 0.960, 0.952, 0.807, 0.958), ("en", 0.999, 0.940, 0.935, 0.905, 0.910)];

/// On the twentieth blind batch, measured once unseen with the rules frozen at 3102f55 (ar
/// 0.971, 0.873, 0.962, 0.851, 0.934; en 0.989, 0.872, 0.887, 0.792, 0.941; the rules of main at
/// eee851e: ar source 0.863, the rest alike). Development data since (what a denial rejects, a
/// body named by a later apposition, ages after a superlative, wholes given before, a year
/// before a document, `officer` not `office`, `over the same period`): ar 0.981, 0.903, 0.963,
/// 0.851, 0.968; en 0.989, 0.947, 0.969, 0.812, 1.000. Floors just under.
const HELD_OUT_20_FLOORS: Floors =
    [("ar", 0.980, 0.902, 0.962, 0.850, 0.967), ("en", 0.988, 0.946, 0.968, 0.811, 0.999)];

/// On the twenty-first blind batch, measured once unseen with the rules frozen at c01bf2c (ar
/// 0.975, 0.939, 0.950, 0.714, 0.914; en 1.000, 0.885, 0.942, 0.833, 0.875; the rules of main at
/// eee851e: en precision 0.926, the rest alike). Development data since (a body's name past a
/// possessive, `gave lower figures`, coffins and `تشييع`, `since midnight`, `over the same
/// period`, an adjective in ة): ar 0.975, 0.939, 0.958, 0.714, 0.966; en 1.000, 0.938, 0.950,
/// 0.833, 0.946. Floors just under.
const HELD_OUT_21_FLOORS: Floors =
    [("ar", 0.974, 0.938, 0.957, 0.713, 0.965), ("en", 0.999, 0.937, 0.949, 0.832, 0.945)];

fn check(set: &str, floors: Floors) {
    let verbose = std::env::var_os("SUGGEST_EVAL_VERBOSE").is_some();
    let tallies = evaluate(set, verbose);
    // Every language's numbers are printed before any floor is checked.
    for (lang, ..) in floors {
        let t = tallies.get(lang).unwrap_or_else(|| panic!("no {lang} fixtures in {set}"));
        eprintln!(
            "{set} {lang}: recall {:.3} ({}/{}), source {:.3} ({}/{}), precision {:.3} ({}/{}), \
             statements {:.3} ({}/{}), when {:.3} ({}/{})",
            t.recall(),
            t.found,
            t.gold_figures,
            t.source(),
            t.source_right,
            t.found,
            t.precision(),
            t.suggested_right,
            t.suggested_figures,
            t.statements(),
            t.statements_found,
            t.gold_statements,
            t.whens(),
            t.whens_right,
            t.gold_whens
        );
    }
    for (lang, recall, source, precision, statements, whens) in floors {
        let t = &tallies[lang];
        assert!(t.recall() >= recall, "{set} {lang}: recall {:.3} under {recall}", t.recall());
        assert!(t.source() >= source, "{set} {lang}: source accuracy {:.3} under {source}", t.source());
        assert!(t.precision() >= precision, "{set} {lang}: precision {:.3} under {precision}", t.precision());
        assert!(
            t.statements() >= statements,
            "{set} {lang}: statement recall {:.3} under {statements}",
            t.statements()
        );
        assert!(t.whens() >= whens, "{set} {lang}: date agreement {:.3} under {whens}", t.whens());
    }
}

#[test]
fn suggestions_match_the_gold_claims() {
    check(TUNED, TUNED_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_held_out_reports() {
    check(HELD_OUT, HELD_OUT_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_blind_batch() {
    check(HELD_OUT_2, HELD_OUT_2_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_third_blind_batch() {
    check(HELD_OUT_3, HELD_OUT_3_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_fourth_blind_batch() {
    check(HELD_OUT_4, HELD_OUT_4_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_fifth_blind_batch() {
    check(HELD_OUT_5, HELD_OUT_5_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_sixth_blind_batch() {
    check(HELD_OUT_6, HELD_OUT_6_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_seventh_blind_batch() {
    check(HELD_OUT_7, HELD_OUT_7_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_eighth_blind_batch() {
    check(HELD_OUT_8, HELD_OUT_8_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_ninth_blind_batch() {
    check(HELD_OUT_9, HELD_OUT_9_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_tenth_blind_batch() {
    check(HELD_OUT_10, HELD_OUT_10_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_eleventh_blind_batch() {
    check(HELD_OUT_11, HELD_OUT_11_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_twelfth_blind_batch() {
    check(HELD_OUT_12, HELD_OUT_12_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_thirteenth_blind_batch() {
    check(HELD_OUT_13, HELD_OUT_13_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_fourteenth_blind_batch() {
    check(HELD_OUT_14, HELD_OUT_14_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_fifteenth_blind_batch() {
    check(HELD_OUT_15, HELD_OUT_15_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_sixteenth_blind_batch() {
    check(HELD_OUT_16, HELD_OUT_16_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_seventeenth_blind_batch() {
    check(HELD_OUT_17, HELD_OUT_17_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_eighteenth_blind_batch() {
    check(HELD_OUT_18, HELD_OUT_18_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_nineteenth_blind_batch() {
    check(HELD_OUT_19, HELD_OUT_19_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_twentieth_blind_batch() {
    check(HELD_OUT_20, HELD_OUT_20_FLOORS);
}

#[test]
fn suggestions_match_the_gold_claims_of_the_twenty_first_blind_batch() {
    check(HELD_OUT_21, HELD_OUT_21_FLOORS);
}

#[test]
fn the_set_holds_enough_articles() {
    let tuned = fixtures(TUNED);
    let held = fixtures(HELD_OUT);
    let arabic = |set: &[(String, PathBuf)]| set.iter().filter(|(n, _)| n.starts_with("ar-")).count();
    let all = tuned.len() + held.len();
    assert!(all >= 40 && 2 * (arabic(&tuned) + arabic(&held)) >= all, "{all} reports");
    assert!(held.len() >= 12 && 2 * arabic(&held) >= held.len(), "{} held out", held.len());
    let blind = fixtures(HELD_OUT_2);
    assert!(blind.len() >= 14 && 2 * arabic(&blind) == blind.len(), "{} in the blind batch", blind.len());
    // A report is in one set only.
    for (name, _) in held.iter().chain(&blind) {
        assert!(!tuned.iter().any(|(n, _)| n == name), "{name} is in two sets");
    }
    for (name, _) in &blind {
        assert!(!held.iter().any(|(n, _)| n == name), "{name} is in two sets");
    }
    let third = fixtures(HELD_OUT_3);
    assert!(third.len() >= 12 && 2 * arabic(&third) == third.len(), "{} in the third batch", third.len());
    for (name, _) in &third {
        let elsewhere = tuned.iter().chain(&held).chain(&blind).any(|(n, _)| n == name);
        assert!(!elsewhere, "{name} is in two sets");
    }
    let fourth = fixtures(HELD_OUT_4);
    assert!(
        fourth.len() >= 12 && 2 * arabic(&fourth) == fourth.len(),
        "{} in the fourth batch",
        fourth.len()
    );
    for (name, _) in &fourth {
        let elsewhere = tuned.iter().chain(&held).chain(&blind).chain(&third).any(|(n, _)| n == name);
        assert!(!elsewhere, "{name} is in two sets");
    }
    let sixth = fixtures(HELD_OUT_6);
    assert!(sixth.len() >= 12 && 2 * arabic(&sixth) == sixth.len(), "{} in the sixth batch", sixth.len());
    let fifth = fixtures(HELD_OUT_5);
    assert!(fifth.len() >= 12 && 2 * arabic(&fifth) == fifth.len(), "{} in the fifth batch", fifth.len());
    for (name, _) in &fifth {
        let elsewhere =
            tuned.iter().chain(&held).chain(&blind).chain(&third).chain(&fourth).any(|(n, _)| n == name);
        assert!(!elsewhere, "{name} is in two sets");
    }
    for (name, _) in &sixth {
        let elsewhere = tuned.iter().chain(&held).chain(&blind).chain(&third).chain(&fourth).chain(&fifth);
        assert!(!elsewhere.clone().any(|(n, _)| n == name), "{name} is in two sets");
    }
    let seventh = fixtures(HELD_OUT_7);
    assert!(
        seventh.len() >= 12 && 2 * arabic(&seventh) == seventh.len(),
        "{} in the seventh batch",
        seventh.len()
    );
    for (name, _) in &seventh {
        let elsewhere =
            tuned.iter().chain(&held).chain(&blind).chain(&third).chain(&fourth).chain(&fifth).chain(&sixth);
        assert!(!elsewhere.clone().any(|(n, _)| n == name), "{name} is in two sets");
    }
    let eighth = fixtures(HELD_OUT_8);
    assert!(
        eighth.len() >= 12 && 2 * arabic(&eighth) == eighth.len(),
        "{} in the eighth batch",
        eighth.len()
    );
    for (name, _) in &eighth {
        let mut elsewhere = tuned.iter().chain(&held).chain(&blind).chain(&third).chain(&fourth);
        let later = fifth.iter().chain(&sixth).chain(&seventh);
        assert!(
            !elsewhere.any(|(n, _)| n == name) && !later.clone().any(|(n, _)| n == name),
            "{name} is in two sets"
        );
    }
    let ninth = fixtures(HELD_OUT_9);
    let tenth = fixtures(HELD_OUT_10);
    let eleventh = fixtures(HELD_OUT_11);
    let twelfth = fixtures(HELD_OUT_12);
    let thirteenth = fixtures(HELD_OUT_13);
    let fourteenth = fixtures(HELD_OUT_14);
    let fifteenth = fixtures(HELD_OUT_15);
    let sixteenth = fixtures(HELD_OUT_16);
    let seventeenth = fixtures(HELD_OUT_17);
    let eighteenth = fixtures(HELD_OUT_18);
    let nineteenth = fixtures(HELD_OUT_19);
    let twentieth = fixtures(HELD_OUT_20);
    let twenty_first = fixtures(HELD_OUT_21);
    for (batch, label) in [
        (&ninth, "ninth"),
        (&tenth, "tenth"),
        (&eleventh, "eleventh"),
        (&twelfth, "twelfth"),
        (&thirteenth, "thirteenth"),
        (&fourteenth, "fourteenth"),
        (&fifteenth, "fifteenth"),
        (&sixteenth, "sixteenth"),
        (&seventeenth, "seventeenth"),
        (&eighteenth, "eighteenth"),
        (&nineteenth, "nineteenth"),
        (&twentieth, "twentieth"),
        (&twenty_first, "twenty-first"),
    ] {
        assert!(
            batch.len() >= 12 && 2 * arabic(batch) == batch.len(),
            "{} in the {label} batch",
            batch.len()
        );
    }
    let earlier: Vec<&String> = [&tuned, &held, &blind, &third, &fourth, &fifth, &sixth, &seventh, &eighth]
        .iter()
        .flat_map(|set| set.iter().map(|(n, _)| n))
        .collect();
    for (name, _) in ninth.iter().chain(&tenth).chain(&eleventh) {
        assert!(!earlier.contains(&name), "{name} is in two sets");
    }
    for (name, _) in &tenth {
        assert!(!ninth.iter().any(|(n, _)| n == name), "{name} is in two sets");
    }
    for (name, _) in &eleventh {
        assert!(!ninth.iter().chain(&tenth).any(|(n, _)| n == name), "{name} is in two sets");
    }
    let recent: Vec<&String> = ninth.iter().chain(&tenth).chain(&eleventh).map(|(n, _)| n).collect();
    for (name, _) in twelfth.iter().chain(&thirteenth) {
        assert!(!earlier.contains(&name) && !recent.contains(&name), "{name} is in two sets");
    }
    for (name, _) in &thirteenth {
        assert!(!twelfth.iter().any(|(n, _)| n == name), "{name} is in two sets");
    }
    for (name, _) in fourteenth.iter().chain(&fifteenth) {
        let elsewhere = twelfth.iter().chain(&thirteenth).any(|(n, _)| n == name);
        assert!(!earlier.contains(&name) && !recent.contains(&name) && !elsewhere, "{name} is in two sets");
    }
    for (name, _) in &fifteenth {
        assert!(!fourteenth.iter().any(|(n, _)| n == name), "{name} is in two sets");
    }
    // Each later batch shares no name with any batch before it.
    let later = [
        &twelfth,
        &thirteenth,
        &fourteenth,
        &fifteenth,
        &sixteenth,
        &seventeenth,
        &eighteenth,
        &nineteenth,
        &twentieth,
        &twenty_first,
    ];
    for (k, batch) in later.iter().enumerate().skip(2) {
        for (name, _) in batch.iter() {
            let elsewhere = later[..k].iter().any(|set| set.iter().any(|(n, _)| n == name));
            assert!(
                !earlier.contains(&name) && !recent.contains(&name) && !elsewhere,
                "{name} is in two sets"
            );
        }
    }
}
