//! Writes a realistic research archive for the benchmarks: article files of about 3 KB (half
//! Arabic, half English, fictional), and CSV files of sources, claims and figures whose quotes
//! really occur in their articles. Deterministic: the same arguments give the same files.
//!
//!   gen_archive articles DIR N
//!   gen_archive sources FILE.csv N
//!   gen_archive claims FILE.csv N ARTICLES SOURCES
//!   gen_archive measures DB N            (inserts N measures straight into a notebook)
//!   gen_archive figures FILE.csv N CLAIMS MEASURES
//!   gen_archive long FILE WORDS          (one article of WORDS words, English and Arabic mixed)
//!   gen_archive words FILE START N       (prints words START.. START+N of the body of FILE)
//!   gen_archive quoting FILE.csv N LONG ARTICLE_ID   (N claims quoting article LONG, source k each)
//!   gen_archive disagree FILE.csv N FIRST_CLAIM   (N figures of one measure, all apart)
//!   gen_archive incidents DB N CLAIMS   (inserts N incidents straight into a notebook: measures
//!                                        bench.m{2i} and bench.m{2i+1} count the killed and the
//!                                        injured of incident i; one claim in five tied to one)

use std::io::{BufWriter, Write};

const AR: &[&str] = &[
    "قال",
    "ناشطون",
    "محليون",
    "إنّ",
    "عشرات",
    "المقاتلين",
    "انشقّوا",
    "عن",
    "اللواء",
    "في",
    "ريف",
    "المدينة",
    "الشرقي",
    "خلال",
    "الأيام",
    "الماضية",
    "وأكّد",
    "مصدر",
    "مقرّب",
    "من",
    "القيادة",
    "أنّ",
    "الحصيلة",
    "ارتفعت",
    "بعد",
    "القصف",
    "الذي",
    "طال",
    "السوق",
    "الشعبية",
    "والمستشفى",
    "الوطني",
    "بينما",
    "نفى",
    "المكتب",
    "الإعلامي",
    "للتنظيم",
    "أيّ",
    "انسحاب",
    "من",
    "المواقع",
    "وتحدّث",
    "سكان",
    "عن",
    "حواجز",
    "جديدة",
    "على",
    "الطريق",
    "الرئيسي",
    "نحو",
    "الحدود",
    "الشمالية",
    "كما",
    "أفادت",
    "تنسيقيات",
    "محلية",
    "بمقتل",
    "وإصابة",
    "آخرين",
    "في",
    "غارة",
    "ليلية",
];
const EN: &[&str] = &[
    "local",
    "activists",
    "said",
    "that",
    "dozens",
    "of",
    "fighters",
    "defected",
    "from",
    "the",
    "brigade",
    "in",
    "the",
    "eastern",
    "countryside",
    "during",
    "past",
    "days",
    "a",
    "source",
    "close",
    "to",
    "command",
    "confirmed",
    "toll",
    "rose",
    "after",
    "shelling",
    "hit",
    "market",
    "and",
    "hospital",
    "while",
    "media",
    "office",
    "denied",
    "any",
    "withdrawal",
    "positions",
    "residents",
    "reported",
    "new",
    "checkpoints",
    "on",
    "main",
    "road",
    "towards",
    "northern",
    "border",
    "monitor",
    "counted",
    "killed",
    "wounded",
    "night",
    "raid",
    "according",
    "officials",
];

/// A small deterministic generator (SplitMix64), so archives are reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Article `i` (0-based): its title and body. Odd articles are English.
fn article(i: usize) -> (String, String) {
    let mut rng = Rng(i as u64 * 7919 + 1);
    let english = i % 2 == 1;
    let words = if english { EN } else { AR };
    let title = format!(
        "{} {} {} #{i}",
        words[rng.below(words.len())],
        words[rng.below(words.len())],
        words[rng.below(words.len())]
    );
    let mut body = String::with_capacity(3200);
    let mut sentence = 0;
    while body.len() < 3000 {
        let n = 8 + rng.below(10);
        let mut s: Vec<String> = (0..n).map(|_| words[rng.below(words.len())].to_string()).collect();
        s.insert(rng.below(n), format!("{}", 1 + rng.below(400)));
        s.push(format!("r{i}s{sentence}"));
        body.push_str(&s.join(" "));
        body.push_str(".\n");
        sentence += 1;
    }
    (title, body)
}

/// A quote from article `i`: the first words of sentence `k`.
fn quote(i: usize, k: usize) -> String {
    let (_, body) = article(i);
    let lines: Vec<&str> = body.lines().collect();
    let line = lines[k % lines.len()];
    line.split_whitespace().take(6).collect::<Vec<_>>().join(" ")
}

fn arg<T: std::str::FromStr>(args: &[String], i: usize, what: &str) -> T {
    args.get(i).and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        eprintln!("missing or bad {what}; see the usage at the top of benches/gen_archive.rs");
        std::process::exit(2)
    })
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("");
    match what {
        "articles" => {
            let dir = std::path::PathBuf::from(arg::<String>(&args, 2, "DIR"));
            let n: usize = arg(&args, 3, "N");
            std::fs::create_dir_all(&dir)?;
            for i in 0..n {
                let (title, body) = article(i);
                let (name, text) = if i % 2 == 1 {
                    (format!("a{i:06}.md"), format!("# {title}\n\n{body}"))
                } else {
                    (format!("a{i:06}.txt"), format!("{title}\n\n{body}"))
                };
                std::fs::write(dir.join(name), text)?;
            }
        }
        "sources" => {
            let mut w = BufWriter::new(std::fs::File::create(arg::<String>(&args, 2, "FILE"))?);
            let n: usize = arg(&args, 3, "N");
            writeln!(w, "name,kind,reliability")?;
            let kinds = ["activist", "official", "monitor", "resident", "armed-group", "journalist"];
            for s in 0..n {
                writeln!(
                    w,
                    "source {s},{},{}",
                    kinds[s % kinds.len()],
                    ["A", "B", "C", "D", "E", "F"][s % 6]
                )?;
            }
        }
        "claims" => {
            let mut w = BufWriter::new(std::fs::File::create(arg::<String>(&args, 2, "FILE"))?);
            let n: usize = arg(&args, 3, "N");
            let articles: usize = arg(&args, 4, "ARTICLES");
            let sources: usize = arg(&args, 5, "SOURCES");
            writeln!(w, "article_id,quote,sources,credibility,tags")?;
            let mut rng = Rng(42);
            for c in 0..n {
                let a = c % articles;
                let q = quote(a, c / articles);
                let s = format!("source {}", rng.below(sources));
                writeln!(w, "{},\"{}\",{},{},bench", a + 1, q.replace('"', "\"\""), s, 1 + rng.below(6))?;
            }
        }
        "measures" => {
            let db: String = arg(&args, 2, "DB");
            let n: usize = arg(&args, 3, "N");
            let mut conn = rusqlite::Connection::open(db).map_err(std::io::Error::other)?;
            let tx = conn.transaction().map_err(std::io::Error::other)?;
            for m in 0..n {
                tx.execute(
                    "INSERT INTO measures (uuid, key, label, created_at) VALUES (?1, ?2, ?3, '2026-01-01T00:00:00Z')",
                    rusqlite::params![uuid::Uuid::now_v7().to_string(), format!("bench.m{m}"), format!("measure {m}")],
                )
                .map_err(std::io::Error::other)?;
            }
            tx.commit().map_err(std::io::Error::other)?;
        }
        "figures" => {
            let mut w = BufWriter::new(std::fs::File::create(arg::<String>(&args, 2, "FILE"))?);
            let n: usize = arg(&args, 3, "N");
            let claims: usize = arg(&args, 4, "CLAIMS");
            let measures: usize = arg(&args, 5, "MEASURES");
            writeln!(w, "measure,claim_id,notation")?;
            let mut rng = Rng(7);
            let forms =
                ["{}", "about {}", "more than {}", "at least {}", "{}-{}", "نحو {}", "dozens", "عشرات"];
            for f in 0..n {
                let v = 5 + rng.below(200);
                let form = forms[rng.below(forms.len())];
                let notation =
                    form.replacen("{}", &v.to_string(), 1).replacen("{}", &(v + 10).to_string(), 1);
                writeln!(w, "bench.m{},{},{}", f % measures, 1 + rng.below(claims), notation)?;
            }
        }
        "long" => {
            let mut w = BufWriter::new(std::fs::File::create(arg::<String>(&args, 2, "FILE"))?);
            let n: usize = arg(&args, 3, "WORDS");
            writeln!(w, "A long dossier of {n} words\n")?;
            let mut rng = Rng(1_000_003);
            for k in 0..n {
                let words = if (k / 500) % 2 == 0 { EN } else { AR };
                let word = if k % 13 == 7 {
                    format!("{}", rng.below(1000))
                } else {
                    words[rng.below(words.len())].to_string()
                };
                w.write_all(word.as_bytes())?;
                w.write_all(if k % 17 == 16 { b".\n" } else { b" " })?;
            }
        }
        "words" => {
            let text = std::fs::read_to_string(arg::<String>(&args, 2, "FILE"))?;
            let start: usize = arg(&args, 3, "START");
            let n: usize = arg(&args, 4, "N");
            let body = text.split_once("\n\n").map_or(text.as_str(), |(_, b)| b);
            let words: Vec<&str> = body.split_whitespace().skip(start).take(n).collect();
            println!("{}", words.join(" ").trim_end_matches('.'));
        }
        "quoting" => {
            let mut w = BufWriter::new(std::fs::File::create(arg::<String>(&args, 2, "FILE"))?);
            let n: usize = arg(&args, 3, "N");
            let text = std::fs::read_to_string(arg::<String>(&args, 4, "LONG"))?;
            let article: usize = arg(&args, 5, "ARTICLE_ID");
            let body = text.split_once("\n\n").map_or(text.as_str(), |(_, b)| b);
            let words: Vec<&str> = body.split_whitespace().collect();
            writeln!(w, "article_id,quote,sources,credibility")?;
            let mut rng = Rng(99);
            for c in 0..n {
                let len = 6 + rng.below(7);
                let start = rng.below(words.len() - len);
                let q = words[start..start + len].join(" ");
                let q = q.trim_end_matches('.');
                writeln!(w, "{article},\"{}\",source {c},{}", q.replace('"', "\"\""), 1 + rng.below(6))?;
            }
        }
        "incidents" => {
            let db: String = arg(&args, 2, "DB");
            let n: usize = arg(&args, 3, "N");
            let claims: usize = arg(&args, 4, "CLAIMS");
            let mut conn = rusqlite::Connection::open(db).map_err(std::io::Error::other)?;
            let tx = conn.transaction().map_err(std::io::Error::other)?;
            let places = ["طخار", "Kafr Sama", "سوق الهال", "Tal Rifaat", "دير الزور"];
            for i in 0..n {
                let day = 1 + i % 28;
                let month = 1 + (i / 28) % 12;
                tx.execute(
                    "INSERT INTO incidents (uuid, key, label, date_from, date_to, date_precision, place,
                        latitude, longitude, where_precision, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?4, 'day', ?5, ?6, ?7, ?8, '2026-01-01T00:00:00Z')",
                    rusqlite::params![
                        uuid::Uuid::now_v7().to_string(),
                        format!("bench.i{i}"),
                        format!("incident {i}"),
                        format!("2017-{month:02}-{day:02}"),
                        places[i % places.len()],
                        format!("{:.4}", 32.0 + (i % 500) as f64 / 100.0),
                        format!("{:.4}", 36.0 + (i % 300) as f64 / 100.0),
                        1 + (i % 7) as i64,
                    ],
                )
                .map_err(std::io::Error::other)?;
                let id = tx.last_insert_rowid();
                for (m, role) in [(2 * i, "killed"), (2 * i + 1, "injured")] {
                    tx.execute(
                        "UPDATE measures SET incident_id = ?1, role = ?2 WHERE key = ?3",
                        rusqlite::params![id, role, format!("bench.m{m}")],
                    )
                    .map_err(std::io::Error::other)?;
                }
            }
            for c in (1..=claims).step_by(5) {
                tx.execute(
                    "UPDATE claims SET incident_id = (SELECT id FROM incidents WHERE key = ?1) WHERE id = ?2",
                    rusqlite::params![format!("bench.i{}", c % n), c as i64],
                )
                .map_err(std::io::Error::other)?;
            }
            tx.commit().map_err(std::io::Error::other)?;
        }
        "disagree" => {
            let mut w = BufWriter::new(std::fs::File::create(arg::<String>(&args, 2, "FILE"))?);
            let n: usize = arg(&args, 3, "N");
            let first: usize = arg(&args, 4, "FIRST_CLAIM");
            writeln!(w, "measure,claim_id,notation")?;
            let forms = ["{}", "about {}", "{}-{}", "نحو {}"];
            for f in 0..n {
                let v = 100 + 40 * f;
                let notation = forms[f % forms.len()].replacen("{}", &v.to_string(), 1).replacen(
                    "{}",
                    &(v + 10).to_string(),
                    1,
                );
                writeln!(w, "bench.wide,{},{notation}", first + f)?;
            }
        }
        _ => {
            eprintln!("usage: gen_archive articles DIR N | sources FILE N | claims FILE N ARTICLES SOURCES | measures DB N | figures FILE N CLAIMS MEASURES");
            std::process::exit(2);
        }
    }
    Ok(())
}
