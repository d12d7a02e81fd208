use super::*;
use crate::notation::{default_vague_table, find_figures};

fn all(text: &str) -> Vec<Suggestion> {
    let out = suggest(text, &default_vague_table());
    for s in &out {
        assert_eq!(&text[s.start..s.end], s.quote, "quote span");
        if let Some(f) = &s.figure {
            assert!(
                s.start <= f.start && f.end <= s.end,
                "figure '{}' outside its quote '{}'",
                f.wording,
                s.quote
            );
        }
        if let (Some(src), Some((a, b))) = (&s.source, s.source_span) {
            assert_eq!(&text[a..b], src, "source span");
        }
        if let (Some(w), Some((a, b))) = (&s.when, s.when_span) {
            assert_eq!(&text[a..b], w, "when span");
        }
    }
    out
}

/// The suggestion whose figure wording starts with `wording`.
fn figure<'a>(out: &'a [Suggestion], wording: &str) -> &'a Suggestion {
    out.iter()
        .find(|s| s.figure.as_ref().is_some_and(|f| f.wording.starts_with(wording)))
        .unwrap_or_else(|| panic!("no figure '{wording}' in {:#?}", out))
}

fn source_of(text: &str, wording: &str) -> Option<String> {
    figure(&all(text), wording).source.clone()
}

/// The figures `claim suggest` offers without a measure (counts of things left out).
fn offered(text: &str) -> Vec<String> {
    without_things(all(text).into_iter()).filter_map(|s| s.figure.map(|f| f.wording)).collect()
}

fn figures(text: &str) -> Vec<String> {
    all(text).into_iter().filter_map(|s| s.figure.map(|f| f.wording)).collect()
}

#[test]
fn arabic_attribution_verbs_and_frames() {
    for (text, wording, source) in [
        ("قال ناشطون إنّ 30 شخصاً قتلوا.", "30", "ناشطون"),
        ("وأكّدت مصادر محلية مقتل 12 مدنياً.", "12", "مصادر محلية"),
        ("أفاد المرصد بمقتل 15 شخصاً.", "15", "المرصد"),
        ("ذكرت وكالة الأنباء المحلية أنّ 20 جندياً أصيبوا.", "20", "وكالة الأنباء المحلية"),
        ("أعلنت وزارة الدفاع أسر 7 مقاتلين.", "7", "وزارة الدفاع"),
        ("ونقلت الصحيفة عن مصدر أمني أنّ 40 عنصراً فرّوا.", "40", "مصدر أمني"),
        ("بحسب الدفاع المدني، قُتل 9 أشخاص.", "9", "الدفاع المدني"),
        ("وفقاً لناشطين، انشقّ 25 مقاتلاً.", "25", "ناشطين"),
        ("حسب المرصد، نزح 300 شخص.", "300", "المرصد"),
        ("نقلاً عن شهود عيان، سقط 5 قتلى.", "5", "شهود عيان"),
        ("وتحدّثت مصادر عن مقتل 8 أشخاص.", "8", "مصادر"),
        ("مصادر مطلعة أكّدت أنّ 6 قادة انشقّوا.", "6", "مصادر مطلعة"),
        ("وقال مصدر مقرّب من الفصيل إنّ 10 عناصر غادروا.", "10", "مصدر مقرّب من الفصيل"),
        ("وأشار المرصد إلى مقتل 11 مدنياً.", "11", "المرصد"),
        ("وأوضح المسؤول أنّ 4 مدارس تضررت.", "4", "المسؤول"),
        ("وكشف ناشط عن اعتقال 14 شاباً.", "14", "ناشط"),
        ("ورجّحت مصادر طبية ارتفاع الحصيلة إلى 50 قتيلاً.", "50", "مصادر طبية"),
        ("وقدّر ناشطون عدد النازحين بنحو 2000 شخص.", "نحو 2000", "ناشطون"),
        ("ونفى مصدر عسكري مقتل 30 جندياً.", "30", "مصدر عسكري"),
        (
            "وأكّد مصدر محسوب على «جبهة الدرع» لـ«صوت المدى» أنّ عشرات المقاتلين ينتظرون.",
            "عشرات",
            "مصدر محسوب على «جبهة الدرع»",
        ),
        ("أما «المرصد المحلي» فقدّر عدد القتلى بـ17 شخصاً.", "17", "«المرصد المحلي»"),
        ("وكانت الأمم المتحدة قد أعلنت أنّ أكثر من 8 آلاف شخص نزحوا.", "أكثر من 8 آلاف", "الأمم المتحدة"),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
}

#[test]
fn english_attribution_verbs_and_frames() {
    for (text, wording, source) in [
        ("Activists said 30 people were killed.", "30", "Activists"),
        ("At least 30 people were killed, activists said.", "At least 30", "activists"),
        ("According to the ministry, 12 soldiers died.", "12", "the ministry"),
        ("Twelve soldiers died on Monday, according to the ministry.", "Twelve", "the ministry"),
        (
            "A source in the brigade told reporters that 40 fighters had left.",
            "40",
            "A source in the brigade",
        ),
        ("The monitor reported 15 deaths on Tuesday.", "15", "The monitor"),
        ("The group claimed it had killed 70 militiamen.", "70", "The group"),
        ("The agency, citing a military source, said 9 soldiers died.", "9", "a military source"),
        ("The agency, quoting residents, said 9 soldiers died.", "9", "residents"),
        // Its own material is no speaker: the one citing it speaks.
        ("The monitor, citing a network of sources, put the toll at 9.", "9", "The monitor"),
        ("The union, citing its own members, said 9 reporters died.", "9", "The union"),
        ("The monitor, citing interviews with survivors, said 9 died.", "9", "The monitor"),
        ("The army, citing operational security, said 40 militants were killed.", "40", "The army"),
        ("The police, citing the ongoing investigation, said 3 men were held.", "3", "The police"),
        // Must NOT be kept from the originator: a security official speaks.
        ("The agency, citing a security official, said 5 men were held.", "5", "a security official"),
        ("State media quoted an official as saying 20 people were arrested.", "20", "an official"),
        ("Sources close to the commander said 6 officers defected.", "6", "Sources close to the commander"),
        ("Doctors estimated that 200 people were wounded.", "200", "Doctors"),
        ("Rescuers put the toll at 45.", "45", "Rescuers"),
        ("The army confirmed that 3 soldiers died.", "3", "The army"),
        ("The ministry announced that 500 families had returned.", "500", "The ministry"),
        ("The group denied that 30 of its fighters had defected.", "30", "The group"),
        ("\"We counted 31 bodies,\" said Dr Nadia Saleh, a surgeon.", "31", "Dr Nadia Saleh"),
        (
            "Since then, say residents reached by phone, a few hundred families remain.",
            "a few hundred",
            "residents reached by phone",
        ),
        ("The charity said in a statement that 12 of its workers were hit.", "12", "The charity"),
        // Who was told, with no `that` after them, is no subject of the verb that follows.
        ("Col. Ivo Brandt told reporters the council had confirmed 12 deaths.", "12", "the council"),
        ("Col. Ivo Brandt told Harbour Wire the council had confirmed 14 deaths.", "14", "the council"),
        ("Col. Ivo Brandt told The Daily Courier the council had confirmed 15 deaths.", "15", "the council"),
        (
            "Col. Ivo Brandt told reporters on Tuesday the council had confirmed 16 deaths.",
            "16",
            "the council",
        ),
        // A pronoun after a relative pronoun is the speaker: `a gang that he said had ...`.
        (
            "Governor Ilan Voss said the gunmen belonged to the Reed Wolves, a gang that he said had \
             kidnapped 11 people.",
            "11",
            "Governor Ilan Voss",
        ),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
}

/// Every form of every row of the cue tables, in a plain sentence of its kind, names its source.
#[test]
fn every_form_of_every_cue_names_its_source() {
    let mut failures = Vec::new();
    for cue in cues::ARABIC {
        for form in cue.forms.split('|') {
            let (text, source) = match (cue.family, cue.participle) {
                (_, true) => {
                    (format!("تحدّث مصدر مطلع عن الانشقاقات، {form} أنّ 30 عنصراً انشقّوا."), "مصدر مطلع")
                }
                (cues::Family::Frame, _) => (format!("{form} مصدر مطلع، انشقّ 30 عنصراً."), "مصدر مطلع"),
                (cues::Family::Relay, _) if form.starts_with("نقلاً") => {
                    (format!("{form} عن مصدر مطلع، انشقّ 30 عنصراً."), "مصدر مطلع")
                }
                (cues::Family::Relay, _) => {
                    (format!("{form} وكالة محلية عن مصدر مطلع أنّ 30 عنصراً انشقّوا."), "مصدر مطلع")
                }
                // A verb in the plural holds its subject: the source comes before it.
                _ if cue.needs.contains(&"الحصيلة") && form.ends_with("وا") => {
                    (format!("مصادر مطلعة {form} الحصيلة إلى 30 قتيلاً."), "مصادر مطلعة")
                }
                _ if cue.needs.contains(&"الحصيلة") => {
                    (format!("و{form} مصدر مطلع الحصيلة إلى 30 قتيلاً."), "مصدر مطلع")
                }
                // A blame needs its `المسؤولية`: who blames speaks for the count after it.
                _ if cue.needs.contains(&"المسؤولية") && form.ends_with("وا") => {
                    (format!("مصادر مطلعة {form} المسؤولية لجماعة مسلحة عن مقتل 30 عنصراً."), "مصادر مطلعة")
                }
                _ if cue.needs.contains(&"المسؤولية") => {
                    (format!("و{form} مصدر مطلع المسؤولية لجماعة مسلحة عن مقتل 30 عنصراً."), "مصدر مطلع")
                }
                _ if cue.needs.contains(&"بياناً") && form.ends_with("وا") => {
                    (format!("مصادر مطلعة {form} بياناً عن انشقاق 30 عنصراً."), "مصادر مطلعة")
                }
                _ if cue.needs.contains(&"بياناً") => {
                    (format!("و{form} مصدر مطلع بياناً عن انشقاق 30 عنصراً."), "مصدر مطلع")
                }
                _ if form.ends_with("وا") => {
                    (format!("مصادر مطلعة {form} أنّ 30 عنصراً انشقّوا."), "مصادر مطلعة")
                }
                // A count given to a perpetrator needs its `إلى`.
                _ if cue.needs == ["إلى"] => {
                    (format!("و{form} مصدر مطلع مقتل 30 عنصراً إلى جماعة مسلحة."), "مصدر مطلع")
                }
                _ if form == "بالإعلان" => {
                    (format!("واكتفى مصدر مطلع {form} عن انشقاق 30 عنصراً."), "مصدر مطلع")
                }
                _ => (format!("و{form} مصدر مطلع أنّ 30 عنصراً انشقّوا."), "مصدر مطلع"),
            };
            let got = suggest(&text, &default_vague_table())
                .into_iter()
                .find(|s| s.figure.is_some())
                .and_then(|s| s.source);
            if got.as_deref() != Some(source) {
                failures.push(format!("{form}: {text} -> {got:?}"));
            }
        }
    }
    for cue in cues::ENGLISH {
        for form in cue.forms.split('|') {
            let capital = |s: &str| s[..1].to_uppercase() + &s[1..];
            let (text, source) = match (cue.family, cue.participle) {
                // `X, citing Y, said`: Y, who X relays; `X, cited Y, said` is no relay of Y.
                (cues::Family::Relay, true) => {
                    let relayed = matches!(form, "citing" | "quoting");
                    let text = format!("The agency, {form} the monitor, said 30 people died.");
                    (text, if relayed { "the monitor" } else { "The agency" })
                }
                (_, true) => {
                    (format!("The monitor said it was sure, {form} that 30 people died."), "The monitor")
                }
                (cues::Family::Frame, _) if !cue.needs.is_empty() => {
                    let text = format!("{} the monitor's {}, 30 people died.", capital(form), cue.needs[0]);
                    (text, "the monitor")
                }
                (cues::Family::Frame, _) => {
                    (format!("{} the monitor, 30 people died.", capital(form)), "the monitor")
                }
                _ if cue.figure_next => (format!("The monitor {form} 30 people killed."), "The monitor"),
                _ if cue.needs == ["that"] => {
                    (format!("The monitor {form} that 30 people died."), "The monitor")
                }
                _ if !cue.needs.is_empty() && cue.needs.contains(&"at") => {
                    (format!("The monitor {form} the toll at 30."), "The monitor")
                }
                _ if cue.needs.contains(&"toll") => {
                    (format!("The monitor {form} the toll to 30."), "The monitor")
                }
                _ if !cue.needs.is_empty() => {
                    (format!("The monitor {form} a statement saying 30 people died."), "The monitor")
                }
                _ => (format!("The monitor {form} that 30 people died."), "The monitor"),
            };
            let got = suggest(&text, &default_vague_table())
                .into_iter()
                .find(|s| s.figure.is_some())
                .and_then(|s| s.source);
            if got.as_deref() != Some(source) {
                failures.push(format!("{form}: {text} -> {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_clause_without_attribution_is_the_outlets_own_reporting() {
    let out = all("Some 200 families fled the village on Monday.");
    let s = figure(&out, "Some 200");
    assert_eq!((s.source.as_deref(), s.when.as_deref()), (None, Some("on Monday")));
    assert!(s.cues.contains(&"own reporting"));
    let out = all("نزحت آلاف العائلات خلال الأيام الثلاثة الماضية من القرى الحدودية.");
    assert_eq!(figure(&out, "آلاف").source, None);
    // Information the outlet gathered itself is its own reporting.
    let text = "According to information obtained by this newspaper, 45 fighters left the group.";
    assert_eq!(source_of(text, "45"), None);
    let text = "وبحسب معلومات حصلت عليها «صوت المدى» من مصادر ميدانية، انشقّ 60 عنصراً.";
    assert_eq!(source_of(text, "60").as_deref(), Some("مصادر ميدانية"));
}

#[test]
fn numbers_that_are_not_figures() {
    let text = "The attack in 2014 on Brigade 17 killed 5 people at 10:30 on 5 December. \
        Samir Khalil, 52, said a 40-page report counted 8 cells of about 20 square metres. \
        The blast came at 8 a.m. near Route 4.";
    assert_eq!(figures(text), ["5 people", "8 cells"]);
    let text = "قُتل طفل في الثانية عشرة من عمره، ونُقل 3 جرحى خلال الأسابيع الستة الماضية إلى مستشفيات الوادي الخمسة عام 2019.";
    assert_eq!(figures(text), ["3 جرحى"]);
}

#[test]
fn several_sources_in_one_sentence() {
    let text = "Activists said 30 people were killed, while the ministry put the toll at 12.";
    let out = all(text);
    assert_eq!(figure(&out, "30").source.as_deref(), Some("Activists"));
    assert_eq!(figure(&out, "12").source.as_deref(), Some("the ministry"));
    assert!(figure(&out, "12").quote.starts_with("while the ministry"));
    let text = "ففي حين تحدّث «المرصد الشمالي» عن سقوط 23 قتيلاً، قال ناشطون محليّون إنّ العدد تجاوز الثلاثين.";
    let out = all(text);
    assert_eq!(figure(&out, "23").source.as_deref(), Some("«المرصد الشمالي»"));
    assert_eq!(figure(&out, "تجاوز").source.as_deref(), Some("ناشطون محليّون"));
    // Two sources in one phrase stay together.
    let text = "Residents and a doctor at the hospital said 11 people died.";
    assert_eq!(source_of(text, "11").as_deref(), Some("Residents and a doctor at the hospital"));
}

#[test]
fn source_phrase_extent() {
    for (text, wording, source) in [
        ("Hala Murai, the U.N. coordinator for the area, said 35,000 people fled.", "35,000", "Hala Murai"),
        (
            "A doctor at the hospital, speaking on condition of anonymity, said 15 bodies arrived.",
            "15",
            "A doctor at the hospital",
        ),
        (
            "An aid worker, who asked not to be named, said 300 families live in tents.",
            "300",
            "An aid worker",
        ),
        ("A resident, who gave his name as Omar, said 4 men were executed.", "4", "Omar"),
        (
            "An official, quoted by the local agency, said 2,000 families arrived.",
            "more than 2,000",
            "An official",
        ),
        ("وقال مدير المستشفى، سامر علي، في اتصال هاتفي إنّ 12 جريحاً وصلوا.", "12", "مدير المستشفى، سامر علي"),
        ("وقال أحد السكان، وهو رجل في الخمسين، إنّ 3 قذائف سقطت.", "3", "أحد السكان"),
        ("وأكّد مصدر، طلب عدم ذكر اسمه، أنّ 9 عناصر فرّوا.", "9", "مصدر"),
    ] {
        let wording = wording.trim_start_matches("more than ");
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
    // A number inside the source phrase is not a claim.
    assert_eq!(
        figures("More than 100 recruits left, two sources close to the group said."),
        ["More than 100 recruits"]
    );
}

#[test]
fn statements_without_a_figure() {
    let out = all("Local activists confirmed the defection of a senior commander on Sunday.");
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].figure.as_ref(), out[0].source.as_deref()), (None, Some("Local activists")));
    assert_eq!(out[0].when.as_deref(), Some("on Sunday"));
    assert!(out[0].confidence < 4);
    let out = all("وأكّد ناشطون محليّون انشقاق أمير الحقل النفطي.");
    assert_eq!(out[0].source.as_deref(), Some("ناشطون محليّون"));
    // A denial is a statement too.
    let out = all("The brigade denied any defections in a short statement.");
    assert_eq!(out[0].source.as_deref(), Some("The brigade"));
}

#[test]
fn speakers_pronouns_and_verbs_without_a_subject() {
    let text = "\"We eat once a day,\" said Mona, a teacher. \"Last week 40 people queued for bread.\"";
    assert_eq!(source_of(text, "40").as_deref(), Some("Mona"));
    let text = "The monitor put the toll at 63. It said 4 civilians died.";
    assert_eq!(source_of(text, "4").as_deref(), Some("The monitor"));
    let text = "وقالت المنسّقة إنّ 35 ألف شخص نزحوا. وأوضحت أنّ 7 قرى فقط وصلتها المساعدات.";
    assert_eq!(source_of(text, "7").as_deref(), Some("المنسّقة"));
    let text = "نفى مصدر عسكري استهداف المدنيين، مؤكداً أنّ عشرات المسلحين قُتلوا.";
    assert_eq!(source_of(text, "عشرات").as_deref(), Some("مصدر عسكري"));
    let out = all(text);
    assert!(figure(&out, "عشرات").cues.contains(&"carried over"));
}

#[test]
fn headlines_datelines_and_dates() {
    let text = "Monitor says 27 killed in market strike\n\nTELL HARIR, Feb 14 (Wire) - At least 27 people were killed \
        on Tuesday, a monitor said.";
    let out = all(text);
    assert_eq!(out.len(), 1, "{out:#?}");
    assert!(out[0].quote.starts_with("At least 27"));
    assert_eq!(out[0].when.as_deref(), Some("on Tuesday"));
    assert_eq!(out[0].confidence, 4);
}

#[test]
fn quotes_narrow_to_clauses_when_a_sentence_holds_several_claims() {
    let text = "قُتل 14 مدنياً، بحسب الدفاع المدني، فيما قدّر المرصد الحصيلة بـ17 شخصاً.";
    let out = all(text);
    let s = figure(&out, "17");
    assert_eq!(s.source.as_deref(), Some("المرصد"));
    assert_eq!(s.quote, "فيما قدّر المرصد الحصيلة بـ17 شخصاً");
}

#[test]
fn odd_input_is_harmless() {
    for text in [
        "",
        "   ",
        "«««««",
        "\"\"\"",
        "said said said, according to according to.",
        "قال قال قال إنّ إنّ",
        "10 20 30 40",
        "said 5",
        ", said",
        "«قال 5",
        // The figure reader takes a noun across a blank line; the quote still holds it all.
        "ناشطون \" ٤٥ \n\n told Brigade",
    ] {
        all(text);
    }
}

/// Prints the attributions and suggestions of one fixture:
/// `SUGGEST_DUMP=ar-01-defections cargo test --lib suggest::tests::dump -- --ignored --nocapture`
/// (or an absolute path to any text file).
#[test]
#[ignore]
fn dump() {
    let name = std::env::var("SUGGEST_DUMP").unwrap_or_else(|_| "en-01-market".into());
    let path = if name.starts_with('/') {
        name.clone()
    } else {
        format!("{}/tests/fixtures/suggest/{name}.txt", env!("CARGO_MANIFEST_DIR"))
    };
    let text = std::fs::read_to_string(path).expect("fixture");
    let toks = tokenize(&text);
    let t = tables::tables();
    let lay = text::layout(&text, &toks, t);
    let figures = find_figures(&text, &default_vague_table());
    let dates = crate::dates::find_when(&text);
    let (_, fig_at) = spans_to_tokens(&toks, figures.iter().map(|f| (f.start, f.end)));
    let (_, date_at) = spans_to_tokens(&toks, dates.iter().copied());
    let outlet = text::dateline_outlet(&text);
    let mut scan = Scan::new(&text, &toks, &lay, t, &fig_at, &date_at);
    scan.outlet = outlet.as_deref();
    let span = |a: usize, b: usize| text[toks[a].start..toks[b - 1].end].to_string();
    for (k, s) in lay.sentences.iter().enumerate() {
        eprintln!("S{k} p{} h{} | {}", s.para, u8::from(s.heading), span(s.body, s.end));
    }
    for m in scan.mentions() {
        eprintln!("M [{}] surname={:?} heads={:?}", span(m.span.0, m.span.1), m.surname, m.heads);
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
    for s in all(&text) {
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

/// Hostile shapes stay linear: one sentence of 20,000 words full of cues, numbers and quotation
/// marks. `cargo test --release --lib suggest::tests::hostile -- --ignored --nocapture`.
#[test]
#[ignore]
fn hostile_shapes_stay_linear() {
    for unit in [
        "activists said 30 people, \"according to\" «the monitor» 12 ",
        "قال ناشطون إنّ 30 «شخصاً» بحسب المرصد، 12 ",
        "\" \" « « , , , said ",
    ] {
        let text = unit.repeat(20_000 / unit.split_whitespace().count());
        let t = std::time::Instant::now();
        let n = all(&text).len();
        eprintln!("{} words: {n} suggestions in {:?}", text.split_whitespace().count(), t.elapsed());
        assert!(t.elapsed().as_secs_f64() < 5.0);
    }
}

mod property {
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "said",
        "told",
        "according to",
        "activists",
        "the monitor",
        "قال",
        "بحسب",
        "ناشطون",
        "مصدر",
        "إنّ",
        "أنّ",
        "وأضاف",
        "مشيراً",
        "30",
        "٤٥",
        "about 45",
        "ما يزيد على 100",
        "dozens",
        "عشرات",
        "2014",
        "Brigade 17",
        "yesterday",
        "أمس",
        "on Tuesday",
        ",",
        "،",
        ".",
        "؟",
        "!",
        ";",
        ":",
        "\"",
        "«",
        "»",
        "“",
        "”",
        "(",
        ")",
        "-",
        " — ",
        "\n",
        "\n\n",
        "a.m.",
        "U.N.",
        "who",
        "الذي",
        "he",
        "It",
        "لـ«صوت المدى»",
        "في بيان",
        "ً",
        "ّ",
    ];

    /// What every run of `suggest` keeps, whatever the text: quotes and figures are the text's
    /// own words (checked by `all`), in order, a quote holds at most `QUOTE_CAP` characters
    /// besides its figure's wording, a figure's interval is ordered, and `suggest_each` hands on
    /// the same suggestions as `suggest`.
    fn invariants(text: &str) -> Result<(), TestCaseError> {
        let out = super::all(text);
        let vague = crate::notation::default_vague_table();
        for w in out.windows(2) {
            prop_assert!(w[0].start <= w[1].start, "out of order: {:?}", w);
        }
        for s in &out {
            let extra = s.figure.as_ref().map_or(0, |f| f.wording.chars().count());
            prop_assert!(s.quote.chars().count() <= super::QUOTE_CAP + extra, "quote too long: {}", s.quote);
            prop_assert!(!s.quote.trim().is_empty(), "empty quote");
            if let Some(f) = &s.figure {
                let r = &f.reading;
                prop_assert!(0 <= r.low && r.low <= r.point, "{:?}", r);
                prop_assert!(r.high.is_none_or(|h| r.point <= h), "{:?}", r);
            }
        }
        let mut each = Vec::new();
        super::suggest_each(text, &vague, |s| -> Result<(), ()> {
            each.push(s);
            Ok(())
        })
        .expect("no error");
        prop_assert_eq!(each, out);
        Ok(())
    }

    /// The suggestions of a text after a paragraph that names nobody and counts nothing are the
    /// text's own, moved by the paragraph's length: nothing leaks from one place to another.
    fn same_after_a_neutral_paragraph(text: &str) -> Result<(), TestCaseError> {
        let vague = crate::notation::default_vague_table();
        let before = "Prices rose again in the old market.\n\n";
        let alone = super::suggest(text, &vague);
        let after = super::suggest(&format!("{before}{text}"), &vague);
        prop_assert_eq!(alone.len(), after.len());
        for (a, b) in alone.iter().zip(&after) {
            prop_assert_eq!(a.start + before.len(), b.start);
            prop_assert_eq!(&a.quote, &b.quote);
            prop_assert_eq!(&a.source, &b.source);
            prop_assert_eq!(&a.when, &b.when);
            prop_assert_eq!(a.figure.as_ref().map(|f| &f.reading), b.figure.as_ref().map(|f| &f.reading));
        }
        Ok(())
    }

    /// Characters of the kinds reports hold: Arabic letters and harakat, Latin, both kinds of
    /// digits, every quotation mark and stop of both scripts, spaces and line breaks.
    const ANY_TEXT: &str = "[\\u{0621}-\\u{064A}\\u{064B}-\\u{0652}\\u{0660}-\\u{0669}a-zA-Z0-9 \\n.,;:!?\"'«»“”()\\-–—،؛؟ـ%+]{0,600}";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any mix of cues, numbers, dates and punctuation gives suggestions whose spans are the
        /// text's own words.
        #[test]
        fn spans_hold_for_any_mix(parts in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = parts.iter().map(|k| PIECES[*k]).collect::<Vec<_>>().join(" ");
            invariants(&text)?;
            same_after_a_neutral_paragraph(&text)?;
        }

        /// Random characters of both scripts, not only the words of the tables.
        #[test]
        fn any_text_keeps_the_invariants(text in ANY_TEXT) {
            invariants(&text)?;
        }

        /// Every figure found in running text is a wording `figure parse` reads to the same
        /// interval: one reader for both.
        #[test]
        fn running_text_and_figure_parse_agree(parts in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = parts.iter().map(|k| PIECES[*k]).collect::<Vec<_>>().join(" ");
            let vague = crate::notation::default_vague_table();
            for s in super::suggest(&text, &vague) {
                let Some(f) = s.figure else { continue };
                let r = crate::notation::parse(&f.wording, &vague);
                prop_assert!(r.is_ok(), "'{}' found in running text but refused: {:?}", f.wording, r);
                let r = r.unwrap_or_else(|_| unreachable!());
                prop_assert_eq!((r.kind, r.low, r.high), (f.reading.kind, f.reading.low, f.reading.high), "{}", f.wording);
            }
        }

        /// Any text at all (any characters, bounded size): spans hold, and a long run of cues
        /// without a full stop gives quotes near the cap, not the whole run.
        #[test]
        fn spans_hold_and_quotes_stay_capped_for_any_text(
            text in "\\PC{0,300}",
            parts in proptest::collection::vec(0..PIECES.len(), 120..200),
        ) {
            super::all(&text);
            let run: String = parts.iter().map(|k| PIECES[*k]).filter(|p| !matches!(*p, "." | "؟" | "!" | "\n" | "\n\n")).collect::<Vec<_>>().join(" ");
            for s in super::all(&run) {
                let figure = s.figure.as_ref().map_or(0, |f| f.wording.chars().count());
                prop_assert!(s.quote.chars().count() <= crate::suggest::QUOTE_CAP + figure + 40, "{}", s.quote);
            }
        }
    }
}

/// The classes of attribution real reports get wrong, each with the case that must not be
/// read: (text, figure wording, source expected).
#[test]
fn attribution_classes_of_real_reports() {
    for (text, wording, want) in [
        ("The U.S.-led coalition said at least 12 civilians were killed.", "at least 12", Some("The U.S.-led coalition")),
        ("The U.K.-based monitor said 40 fighters died.", "40", Some("The U.K.-based monitor")),
        ("Gen. Smith said 30 soldiers were missing.", "30", Some("Gen. Smith")),
        ("وأورد المرصد أن 40 شخصاً قتلوا في القصف.", "40", Some("المرصد")),
        ("وتابع المصدر أن 12 عنصراً انشقوا.", "12", Some("المصدر")),
        ("The group claims 40 of its fighters were killed.", "40", Some("The group")),
        ("The monitor reports 30 deaths since Friday.", "30", Some("The monitor")),
        ("A UN panel has found that 300 civilians were killed.", "300", Some("A UN panel")),
        ("The inquiry concluded that 45 people died.", "45", Some("The inquiry")),
        ("Rescuers estimated 60 people were trapped.", "60", Some("Rescuers")),
        ("Medics tallied 70 bodies by nightfall.", "70", Some("Medics")),
        // Pronouns and adverbs name nobody; a connective is no verb.
        ("They said 20 people were killed.", "20", None),
        ("It said 20 people were killed.", "20", None),
        ("وقال سابقاً إن 20 شخصاً قتلوا.", "20", None),
        ("إضافة إلى مقتل 20 شخصاً في القصف.", "20", None),
        ("ومضى قائلاً إن 30 مدنياً قتلوا.", "30", None),
        // The accused party is never the source.
        ("اتهم ناشطون قوات سوريا الديمقراطية بقتل 12 مدنياً.", "12", Some("ناشطون")),
        ("At least 12 civilians were killed by the SDF, which activists accused of targeting the market.", "At least 12", None),
        ("وقتل 12 مدنياً بقصف لقوات النظام التي اتهمها ناشطون باستهداف السوق.", "12", None),
        // `accused of`, `blamed for` with no object are participles, not accusations: the
        // closing attribution speaks for the sentence.
        (
            "A court sentenced 19 people at the end of a trial of 143 defendants accused of rioting, \
             lawyers said.",
            "143",
            Some("lawyers"),
        ),
        ("The group blamed for the raid held 9 hostages, police said.", "9", Some("police")),
        ("Police accused the group of holding 9 hostages.", "9", Some("Police")),
        // `the source`, `المصدر`, `the observatory`, `الناشطون` stand for the source named before.
        (
            "The Syrian Observatory for Human Rights said 30 people died. The source added that 12 were children.",
            "12",
            Some("The Syrian Observatory for Human Rights"),
        ),
        (
            "وقال المرصد السوري لحقوق الإنسان إن 30 شخصاً قتلوا. وأضاف المصدر أن 12 منهم أطفال.",
            "12",
            Some("المرصد السوري لحقوق الإنسان"),
        ),
        ("The Syrian Observatory said 30 people died. The observatory added that 12 were children.", "12", Some("The Syrian Observatory")),
        ("أكد ناشطون محليون مقتل 11 عنصراً. وقال الناشطون إن 5 آخرين أصيبوا.", "5", Some("ناشطون محليون")),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), want, "{text}");
    }
    // `تفيد عن قيام التنظيم`: what the cue speaks of is not a speaker.
    for s in all("أحدث المعلومات تفيد عن قيام التنظيم أمس بإعدام 60 شخصاً.")
    {
        assert!(s.source.as_deref().is_none_or(|x| !x.starts_with("عن")), "{s:?}");
    }
}

/// An Arabic subject before its verb needs no source noun when it is a name: in guillemets, or
/// a short name opening the sentence. Each with the cases that must not be read as a subject.
#[test]
fn arabic_names_before_the_verb() {
    for (text, wording, want) in [
        ("«سرايا التحرير» أعلنت أنّها أسرت 16 عنصراً.", "16", Some("«سرايا التحرير»")),
        ("و«جيش السواد» قال إنّ 12 من عناصره قتلوا.", "12", Some("«جيش السواد»")),
        ("أما «كتائب الفجر» فأكّدت أنّ 9 من مقاتليها أسروا.", "9", Some("«كتائب الفجر»")),
        ("أبو خالد قال إنّ الكمين أسفر عن مقتل 7 عناصر.", "7", Some("أبو خالد")),
        ("«السرايا» أعلنت أسر 16 عنصراً من اللواء.", "16", Some("«السرايا»")),
        // A verb joined by و to an earlier one, a preposition, a date: no subject here.
        ("الاشتباكات استمرت حتى الصباح وأكّد أنّ 12 شخصاً قتلوا.", "12", None),
        ("في المساء قال إنّ 12 شخصاً قتلوا.", "12", None),
        ("يوم الاثنين أعلن أنّ 12 شخصاً قتلوا.", "12", None),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), want, "{text}");
    }
}

/// For a measure of people, figures counting things, places and times are left out; a bare
/// number and a figure of people stay.
#[test]
fn a_measure_of_people_takes_only_people() {
    let text = "قال ناشطون إنّ القصف أصاب ثلاثة أحياء ودمّر 40 منزلاً، وأسفر عن مقتل 12 مدنياً. \
                Activists said 15 groups took part and 13 points were shelled over three days, killing 30 \
                civilians and two Syrians; the ministry said 9 were killed.";
    let out = all(text);
    let every: Vec<String> =
        out.iter().filter_map(|s| s.figure.as_ref().map(|f| f.wording.clone())).collect();
    let kept: Vec<String> =
        out.into_iter().filter(Suggestion::fits_people).filter_map(|s| s.figure.map(|f| f.wording)).collect();
    // Each group of a list of people is its own figure (`30 civilians`, `two Syrians`).
    for want in ["12 مدنياً", "30 civilians", "two Syrians", "9"] {
        assert!(kept.iter().any(|w| w.starts_with(want)), "{want} kept: {kept:?}");
    }
    for gone in ["ثلاثة أحياء", "40 منزلاً", "15 groups", "13 points"] {
        assert!(every.iter().any(|w| w.starts_with(gone)), "{gone} is a figure: {every:?}");
        assert!(!kept.iter().any(|w| w.starts_with(gone)), "{gone} left out: {kept:?}");
    }
}

/// `claim suggest` reads an article in pieces: each piece ends past the one before, on a
/// character boundary, at most `MAX_PIECE` bytes on, at a line break when the line is short
/// enough, else at a sentence end, else at a space, whatever the script. (A cut past the
/// middle of an Arabic letter used to stop the command.)
#[test]
fn pieces_are_bounded_and_end_between_characters() {
    let line = "وقال المرصد إن 30 مدنياً قتلوا في القصف على الحي الشرقي.\n";
    for (unit, ends_with) in [
        (line, Some("\n")),
        ("قال ناشطون إن 30 مدنياً قتلوا. ", Some(". ")),
        ("بحسب ناشطين قتل نحو 40 مقاتلاً ", Some(" ")),
        ("بحسبناشطينقتلنحو٤٠مقاتلاً", None),
        ("€", None),
        ("a", None),
    ] {
        let mut text = String::from("x");
        while text.len() < 3 * super::MAX_PIECE + 17 {
            text.push_str(unit);
        }
        let (mut at, mut pieces) = (0, 0);
        while at < text.len() {
            let end = super::piece_end(&text, at);
            assert!(end > at && end - at <= super::MAX_PIECE, "{unit}: {at}..{end}");
            assert!(text.is_char_boundary(end), "{unit}: {end} is inside a character");
            if let (Some(tail), true) = (ends_with, end < text.len()) {
                assert!(text[..end].ends_with(tail), "{unit}: the piece ends in {:?}", &text[end - 8..end]);
            }
            at = end;
            pieces += 1;
        }
        assert!(pieces >= 3, "{unit}: {pieces} pieces");
    }
    // Short paragraphs are read in pieces of whole paragraphs of about `PIECE` bytes.
    let text = line.repeat(4000);
    let end = super::piece_end(&text, 0);
    assert!(end >= super::PIECE && end < super::PIECE + line.len() && text[..end].ends_with('\n'));
}

#[test]
fn english_subjects_with_asides_ages_and_appositions() {
    for (text, wording, source) in [
        (
            "Dr. Nabil Haddad, who runs the only field hospital, said 23 bodies arrived.",
            "23",
            "Dr. Nabil Haddad",
        ),
        (
            "Former detainee Khaled Mansour, 38, who was held for 14 months, said dozens died.",
            "dozens",
            "Former detainee Khaled Mansour",
        ),
        (
            "The camp administration, run by a coalition of charities, said 600 families left.",
            "600",
            "The camp administration",
        ),
        ("The group's spokesman, Hamza al-Ali, denied that 30 fighters had defected.", "30", "Hamza al-Ali"),
        ("Mahmoud, 56, a pharmacist who returned last week, said 40 shops were looted.", "40", "Mahmoud"),
        (
            "Two drivers who survived the attack said 9 guards were killed.",
            "9",
            "Two drivers who survived the attack",
        ),
        (
            "One man, who was held for 11 days, said 60 men shared the room.",
            "60",
            "One man, who was held for 11 days",
        ),
        (
            "The doctor, who gave only his first name, Samer, said 100s of people gathered.",
            "100s",
            "The doctor",
        ),
        (
            "A military source quoted by the state agency said 30 militants were killed.",
            "30",
            "A military source",
        ),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
    // An aside that asks for anonymity is never part of the name, even for an unnamed speaker.
    let text = "One of the commanders, who asked not to be named, said 12 officers left.";
    assert_eq!(source_of(text, "12").as_deref(), Some("One of the commanders"));
}

#[test]
fn arabic_plural_verbs_hold_their_subject_and_never_take_the_accused() {
    // The accused party after a plural verb is its object: the source is the organisers.
    let text = "وقال منظّمو الاحتجاج إنّ 3000 شخص شاركوا، واتهموا الشرطة باعتقال 50 شخصاً على الأقل.";
    assert_eq!(source_of(text, "50").as_deref(), Some("منظّمو الاحتجاج"));
    // A singular verb with no source noun after it, running into the charge: the accused.
    let text = "وأكّد المرصد مقتل 9 مدنيين، واتّهمت «جهات معادية» بقتل 4 آخرين.";
    assert_ne!(source_of(text, "4").as_deref(), Some("«جهات معادية»"));
    // A source noun after a singular verb is the subject, and the accused ends it.
    let text = "واتّهم ناشطون قوات النظام بقتل 12 مدنياً.";
    assert_eq!(source_of(text, "12").as_deref(), Some("ناشطون"));
}

#[test]
fn references_stand_for_the_source_named_before() {
    for (text, wording, source) in [
        (
            "At least 19 people were killed, the Ain Sakhr Monitor for Human Rights said.\n\n\
             The U.K.-based monitor said more than 40 others were wounded.",
            "more than 40",
            "the Ain Sakhr Monitor for Human Rights",
        ),
        (
            "Gunmen killed nine drivers, a security official and a monitoring group said.\n\n\
             The official said the attackers burned 12 tankers.",
            "12",
            "a security official",
        ),
        (
            "About 1,200 families returned, the town's council said. Council head Imad Khatib said \
             300 homes were hit.\n\nAccording to the council, 430 houses were destroyed.",
            "430",
            "the town's council",
        ),
        (
            "انشقّ 35 عنصراً، بحسب مصدر مطّلع على شؤون الفصيل.\n\nوأوضح المصدر أنّ 70 عنصراً غادروا.",
            "70",
            "مصدر مطّلع على شؤون الفصيل",
        ),
        (
            "قُتل تسعة سائقين، وفق ما نقلت الوكالة عن مصدر أمني.\n\nومضى المصدر الأمني قائلاً إنّ 300 عنصر سينتشرون.",
            "300",
            "مصدر أمني",
        ),
        (
            "وقال المجلس المحلي للبلدة إنّ 1300 عائلة عادت. وقال رئيس المجلس عماد الخطيب إنّ 40 منزلاً تضرر.\n\n\
             وبحسب المجلس، دُمّر 430 منزلاً.",
            "430",
            "المجلس المحلي للبلدة",
        ),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
    // A reference whose words do not fit the earlier name is another source, as written.
    let text = "The health ministry said 12 people died. The defence ministry said 30 soldiers were hurt.";
    assert_eq!(source_of(text, "30").as_deref(), Some("The defence ministry"));
    let text = "وأفاد «مرصد عين صخر» بمقتل 10 أشخاص. وقال المرصد السوري إنّ 20 شخصاً قتلوا.";
    assert_eq!(source_of(text, "20").as_deref(), Some("المرصد السوري"));
}

#[test]
fn a_document_stands_for_the_body_that_issued_it() {
    for (text, wording, source) in [
        ("كشف تقرير أصدرته «شبكة العدالة للمعتقلين» أمس أنّ 280 معتقلاً توفّوا.", "280", "«شبكة العدالة للمعتقلين»"),
        ("وبحسب إحصاء المجلس، دُمّر 430 منزلاً.", "430", "المجلس"),
        ("A report by a local rights group concluded that 300 detainees died.", "300", "a local rights group"),
        (
            "The Justice Network said it interviewed 86 former detainees.\n\nThe report found that 90 men shared one cell.",
            "90",
            "The Justice Network",
        ),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
}

#[test]
fn calls_claims_and_new_tolls_are_statements() {
    for (text, wording, source) in [
        (
            "A commander, Abu Suhaib, said 60 prisoners were freed. He claimed the government held 400 fighters.",
            "400",
            "Abu Suhaib",
        ),
        (
            "A senior U.N. official said aid was blocked. She called on all sides to spare the 35,000 people there.",
            "35,000",
            "A senior U.N. official",
        ),
        ("أما «مرصد عين صخر» فرفع الحصيلة إلى 13 قتيلاً.", "13", "«مرصد عين صخر»"),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
    // Not statements: a toll that "claimed the lives", rubble lifted from bodies.
    assert_eq!(source_of("The blast claimed the lives of 12 people.", "12"), None);
    assert_eq!(source_of("ورفع السكان الأنقاض عن 3 جثث.", "3"), None);
}

/// A speaker named again by the last word of the name (`الشامي`, `Jaber`) is the speaker named
/// before. Must NOT be resolved: another surname, or a source noun.
#[test]
fn a_speaker_named_again_by_surname() {
    let text = "وقال رئيس المجلس المحلي في البلدة، د. عبد الرزاق الشامي، إنّ 40 منزلاً دُمّرت.\n\n\
                وأوضح الشامي أنّ ثلاثة مدنيين قُتلوا بانفجار لغم.";
    let first = source_of(text, "40");
    assert!(first.as_deref().is_some_and(|s| s.ends_with("الشامي") && s.contains("رئيس")), "{first:?}");
    assert_eq!(source_of(text, "ثلاثة مدنيين"), first);
    let text = "Col. Faris Jaber said 12 fighters were killed. Jaber said 30 others were wounded.";
    assert_eq!(source_of(text, "30"), source_of(text, "12"));
    // Must NOT be resolved: a different surname stays as written.
    let text = "Rami Haddad said 12 fighters were killed. Khalil said 30 others were wounded.";
    assert_eq!(source_of(text, "30").as_deref(), Some("Khalil"));
}

/// A demonstrative names no speaker: `ويرفع هذا القصف الحصيلة` takes the speaker before.
#[test]
fn a_demonstrative_is_not_a_speaker() {
    let text = "وقال المرصد إنّ القصف قتل 12 مدنياً. ويرفع هذا القصف عدد القتلى منذ الشهر الماضي إلى 412 شخصاً.";
    let s = source_of(text, "412");
    assert!(s.as_deref() != Some("هذا"), "{s:?}");
    assert_eq!(s, source_of(text, "12"));
}

/// Numbers that are shares, money, identifiers, ages, years, capacities, averages, rates (of
/// people too: a flow is not a count) or parts of a set of things are not offered, in both
/// languages. Must still be read: the same words around a count of people (`under 40 people`,
/// `killed in a day`, `a day after the truce`, a count beside `one meal a day`).
#[test]
fn shares_money_names_ages_capacities_and_rates_are_not_claims() {
    for (text, not) in [
        ("وقالت المنظمة إن نسبة الإصابات بين الأطفال بلغت 45 في المئة.", "45"),
        ("وقال إن الخطة مُوّلت بنسبة 18 فقط.", "18"),
        ("وقال سكان إن سعر الكيس بلغ 250 ديناراً.", "250"),
        ("A trader said a sack of flour now cost 90 dinars.", "90"),
        ("The monitor said deaths peaked in Block No. 3 of the prison.", "3"),
        ("Witnesses said gunmen blew open the gate of Wing No. 4.", "4"),
        ("وقالت الشبكة إن المعتقلين نُقلوا إلى «الفرع 247» التابع للاستخبارات.", "247"),
        ("Rescuers said they pulled bodies from a three-storey building.", "three"),
        ("Police said a curfew runs from 6 p.m. each day.", "6"),
        ("Medics said most of the sick were children under five.", "under five"),
        ("The group said at least 23 of those held were under 18.", "under 18"),
        ("The network said 212 detainees died between 2021 and 2025.", "between 2021"),
        ("وقال الناجي إن سبعة رجال ماتوا في شتاء 2018 في الزنزانة.", "2018"),
        ("The centre said 340 soldiers had defected since Aug. 22.", "22"),
        ("She said the morgue had room for 20 bodies.", "20"),
        ("Officials said the prison was built to hold 800 inmates.", "800"),
        ("He said the convoy carried enough to feed 40,000 people.", "40,000"),
        ("The committee said a latrine is shared by an average of 70 people.", "70"),
        ("A survivor said guards took detainees out in groups of five or six.", "five"),
        ("Umm Ahmad, a mother of six, said the water rose fast.", "six"),
        ("The monitor said the youngest was 14 and the oldest was 81.", "81"),
        ("وبحسب التقرير، كانت الزنزانة المخصصة لعشرين شخصاً تضم 85 معتقلاً.", "لعشرين"),
        ("وقال مراسل إن كل 5 عائلات تتقاسم غرفة واحدة.", "5"),
        ("A former inmate said no more than one meal a day was served.", "no more than one"),
        ("The agency said 31 of the 44 villages had been emptied.", "31"),
        ("The coastguard said the boat overturned about 30 nautical miles from shore.", "about 30"),
        ("وقال المرصد إنه عثر على جثة على بعد ٣ كيلومترات من الحاجز.", "٣"),
        ("وأشار المصدر إلى أن السجن المصمم لاستيعاب 1,500 نزيل يضم 4 آلاف.", "1,500"),
        ("The monitor listed the incidents of the day:\n2\nIn Mazraa, gunmen killed 3 people.", "2"),
        ("وأورد المرصد حوادث اليوم:\n١- بلدة الكرمة: قتل ٣ مدنيين.", "١"),
        ("An official said the jail, built in the 1980s for 900 inmates, was full.", "900"),
        ("Two boys, aged 9 and 12, were killed, a relative said.", "12"),
        ("A statement by the Army of the Two Rivers said its men held the road.", "Two"),
        ("A doctor said the clinic saw between 250 and 300 patients a day.", "between 250 and 300"),
        ("وقالت المفوضية إن من 400 إلى 600 شخص يعودون يومياً.", "من 400 إلى 600"),
        ("A spokesman said from 40 to 190 men were crossing into the town each day.", "from 40 to 190"),
        ("He said a girl of eight had a bullet wound in her leg.", "eight"),
        ("وقال إن المشفى يستقبل في الأيام العادية نحو 200 مريض يومياً.", "نحو 200"),
        ("Our verdict: the figure of 190 is false.", "190"),
        ("Cells hold 14 detainees against a standard of six, the annex says.", "six"),
        ("Awad said the camp's latrines are shared by roughly 400 people each.", "roughly 400"),
        ("وأوضح أن دورات المياه يتقاسم كل منها نحو 400 شخص.", "نحو 400"),
        ("الخلاصة: رقم 187 قتيلاً مضلل.", "187"),
        ("وقالت مديرة البرامج: «نسجل يومياً بين 300 و400 وافد جديد».", "بين 300 و400"),
    ] {
        let got = figures(text);
        assert!(!got.iter().any(|w| w.starts_with(not)), "'{not}' is not a claim in: {text} ({got:?})");
    }
    for (text, want) in [
        ("The group said under 40 people were still missing.", "under 40 people"),
        ("The agency said 31 of the 44 detainees had been freed.", "31"),
        ("وقال ناشطون إن سبعة رجال قتلوا في عام 2018.", "سبعة رجال"),
        ("Police said two police officers and 12 more soldiers were wounded.", "two police officers"),
        ("The army said one soldier was killed.", "one soldier"),
        ("The official said as many as 400 may have fled.", "as many as 400"),
        ("وقال المرصد إن جندياً واحداً قتل.", "جندياً واحداً"),
        ("The official said the camp, which was built quickly, now held 900 families.", "900 families"),
        ("The council said hundreds of families were living on one meal a day.", "hundreds of families"),
        ("Medics said 40 people were killed in a day of shelling.", "40 people"),
        ("Activists said 12 people were killed a day after the truce began.", "12 people"),
        ("وقال المرصد إن 30 شخصاً قتلوا في يوم واحد.", "30 شخصاً"),
        (
            "The commissioner said the number of unregistered people does not exceed 300.",
            "does not exceed 300",
        ),
        ("Each man received 10 lashes, and two men each were fined, the court said.", "two men"),
    ] {
        let got = figures(text);
        assert!(got.iter().any(|w| w.starts_with(want)), "'{want}' is a claim in: {text} ({got:?})");
    }
}

/// A hedge after the number holds when the counted noun or `منهم` follows it; each group of a
/// list of counted nouns is its own figure (a researcher records civilians and soldiers apart).
#[test]
fn hedges_before_the_noun_and_lists_of_people() {
    let kind = |text: &str, wording: &str| {
        let out = all(text);
        let f = figure(&out, wording).figure.clone().unwrap();
        (f.reading.kind, f.reading.low, f.reading.high)
    };
    use crate::notation::Kind;
    assert_eq!(kind("وقال إن بينهم «عشرة على الأقل من المهاجرين».", "عشرة"), (Kind::AtLeast, 10, None));
    assert_eq!(
        kind("وقال المصدر إن بين الضحايا (ثلاثة) على الأقل من العناصر.", "(ثلاثة)"),
        (Kind::AtLeast, 3, None)
    );
    assert_eq!(kind("وقال سكان إن «ثلاثة منهم على الأقل» قتلوا.", "ثلاثة"), (Kind::AtLeast, 3, None));
    assert_eq!(kind("Residents said three of them at least were shot.", "three"), (Kind::AtLeast, 3, None));
    // Must NOT be read as a hedge after: `وأكثر من 5` starts the next figure.
    assert_eq!(kind("وقال إن 3 قتلوا وأكثر من 5 أصيبوا.", "3"), (Kind::Exact, 3, Some(3)));
    // Each group of a list is its own figure: civilians and soldiers are recorded apart.
    // Must NOT be summed: a list of groups, a breakdown of a total, and two roles.
    for (text, parts) in [
        (
            "The monitor said six children and four women were among the dead.",
            &["six children", "four women"][..],
        ),
        (
            "He said the freed hostages included 6 soldiers, 9 civilians and 2 employees.",
            &["6 soldiers", "9 civilians", "2 employees"],
        ),
        (
            "وقال إن المفرج عنهم هم «ستة جنود وتسعة مدنيين واثنان من الموظفين».",
            &["ستة جنود", "تسعة مدنيين", "اثنان من الموظفين"],
        ),
    ] {
        let got = figures(text);
        assert!(parts.iter().all(|p| got.iter().any(|w| w == p)), "{text}: {got:?}");
        assert_eq!(kind(text, parts[0]).0, Kind::Exact, "{text}");
    }
    let got = figures("وقال المرصد إن 37 شخصاً قتلوا، بينهم ١١ طفلاً وست نساء.");
    assert!(got.iter().any(|w| w == "١١ طفلاً") && got.iter().any(|w| w == "ست نساء"), "{got:?}");
    let got = figures("The monitor said 40 people died, among them 11 children and six women.");
    assert!(got.iter().any(|w| w == "11 children") && got.iter().any(|w| w == "six women"), "{got:?}");
    let got = figures("Medics said 30 killed and 50 wounded were brought in.");
    assert!(got.iter().any(|w| w == "30 killed") && got.iter().any(|w| w == "50 wounded"), "{got:?}");
}

/// Without a measure, counts of things are left out; an attributed sentence that held only them
/// stays as a statement, and one that also holds a count of people is that count alone.
#[test]
fn counts_of_things_are_left_out_and_their_sentence_stays() {
    let offered = |text: &str| without_things(all(text).into_iter()).collect::<Vec<_>>();
    for text in [
        "Activists said the jets carried out four strikes on the market.",
        "وقال الناشطون إن الطائرات نفّذت أربع غارات متتالية على السوق.",
        // The head of the counted noun, past an adjective or a people word describing it.
        "The coastguard said it had intercepted four other boats.",
        "The court said protesters had attacked two police stations.",
        "وقال المسؤول إن مراكز الإيواء البالغ عددها 92 مركزاً مكتظة.",
    ] {
        let out = offered(text);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].figure.is_none() && out[0].source.is_some(), "{out:?}");
    }
    for (text, want) in [
        ("Activists said four strikes killed 12 people.", "12 people"),
        ("وقال ناشطون إن أربع غارات قتلت 12 مدنياً.", "12 مدنياً"),
    ] {
        let out = offered(text);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].figure.as_ref().map(|f| f.wording.as_str()), Some(want));
    }
    // Must NOT be left out: counts of people, families, cases and executions.
    for text in [
        "Officials said 300 families fled.",
        "وقال المرصد إنه وثق 387 حالة اعتقال.",
        "وقال المرصد إن التنظيم نفذ أكثر من 60 عملية إعدام.",
        "وقالت الجمعية إن 1300 أسرة وصلت إلى المخيم.",
    ] {
        let out = offered(text);
        assert!(out.iter().any(|s| s.figure.is_some()), "{text}: {out:?}");
    }
}

#[test]
fn an_english_apposition_gives_the_name_as_the_source() {
    for (text, wording, source) in [
        // Name, description.
        (
            "Dr. Amira Zlitni, director of the central hospital, said 19 bodies arrived.",
            "19",
            "Dr. Amira Zlitni",
        ),
        ("Karim, a 19-year-old from the town, said a few dozen women drowned.", "a few dozen", "Karim"),
        ("Samir Khalil, 52, a vegetable seller, said 8 stalls burned.", "8", "Samir Khalil"),
        (
            "the Kafr Zayt Coordination Committee, a group of local activists, said 27 people died.",
            "27",
            "the Kafr Zayt Coordination Committee",
        ),
        // Description, name: titles, initials and particles belong to the name.
        ("A spokesman for the brigade, Maj. Fadi Sarkis, said 15 men deserted.", "15", "Maj. Fadi Sarkis"),
        ("A U.N. spokesman, Pieter van Rooy, said 9,000 people were cut off.", "9,000", "Pieter van Rooy"),
        (
            "A local monitoring group, the Southern Rights Observatory, said 73 people died.",
            "73",
            "the Southern Rights Observatory",
        ),
        (
            "An elder of the tribe, Sheikh Ali Ahmed Bukar, said 9 men were taken.",
            "9",
            "Sheikh Ali Ahmed Bukar",
        ),
        // After the verb.
        ("\"We lost 12,\" said Lt. Col. Sami Aziz, a spokesman for the command.", "12", "Lt. Col. Sami Aziz"),
        // A name given in an aside.
        ("One of them, who gave his name as Abu Samer, said 20 men were held.", "20", "Abu Samer"),
    ] {
        let out = all(text);
        let s = figure(&out, wording);
        assert_eq!(s.source.as_deref(), Some(source), "{text}");
        // The description stays in the attribution: a number in it is no claim.
        assert!(!figures(text).iter().any(|f| f == "19-year-old" || f == "52"), "{text}");
    }
    // Not changed: a description with no name keeps its words; an aside that names no one is
    // left out as before.
    for (text, wording, source) in [
        (
            "One man, who was held for 11 days, said 60 men shared the room.",
            "60",
            "One man, who was held for 11 days",
        ),
        (
            "The charity's field coordinator, a nurse, said 80 patients arrived.",
            "80",
            "The charity's field coordinator, a nurse",
        ),
        // Arabic writes the title with the name, and keeps it.
        (
            "وقال رئيس المجلس المحلي في البلدة، أبو يوسف الزعبي، إنّ 27 شخصاً قتلوا.",
            "27",
            "رئيس المجلس المحلي في البلدة، أبو يوسف الزعبي",
        ),
        ("وقال أحد السكان، وهو رجل في الخمسين، إنّ 3 قذائف سقطت.", "3", "أحد السكان"),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
    // A pronoun after an apposition stands for its name.
    let text = "The monitor, the Levant Watch, said 40 people died. It said 12 were children.";
    assert_eq!(source_of(text, "40").as_deref(), Some("the Levant Watch"));
    assert_eq!(source_of(text, "12").as_deref(), Some("the Levant Watch"));
    // A later mention by the surname finds the name, not the description.
    let text = "Dr. Amira Zlitni, director of the central hospital, said 19 bodies arrived.\n\n\
                Zlitni said 4 of them were women.";
    assert_eq!(source_of(text, "4").as_deref(), Some("Dr. Amira Zlitni"));
    // And a reference by a head word of the description.
    let text = "The Kafr Zayt Coordination Committee, a group of local activists, said 27 people died.\n\n\
                The group said 9 of them were civilians.";
    assert_eq!(source_of(text, "9").as_deref(), Some("The Kafr Zayt Coordination Committee"));
}

#[test]
fn later_mentions_by_a_head_word_find_the_full_name() {
    for (text, wording, source) in [
        // `the brigade` after `Brigade 17`, not after the spokesman `for the brigade`.
        (
            "Brigade 17 denies that 40 prisoners were killed.\n\n\
             A spokesman for the brigade, Maj. Fadi Sarkis, told reporters 15 men had deserted.\n\n\
             The brigade claims 30 fighters were freed.",
            "30",
            "Brigade 17",
        ),
        // A preposition inside a name keeps the head.
        (
            "The Justice for Detainees Network said 1,600 people were held.\n\nThe network said 40 died.",
            "40",
            "The Justice for Detainees Network",
        ),
        // A name in guillemets is read to its closing mark, and `الفريق` stands for it.
        (
            "أحصى «فريق توثيق الفرات» مقتل 23 شخصاً.\n\nوكشف الفريق أنّ 120 شخصاً قتلوا منذ حزيران.",
            "120",
            "«فريق توثيق الفرات»",
        ),
        ("أحصى «فريق توثيق الفرات» مقتل 23 شخصاً.", "23", "«فريق توثيق الفرات»"),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
    // Not resolved: a possessor is not a head (`The charity's field coordinator`), another head
    // is another source, in both languages.
    for (text, wording, source) in [
        (
            "The charity's field coordinator, Dr. Hana Bakri, said 19 people died.\n\n\
             The charity said 80 patients arrived.",
            "80",
            "The charity",
        ),
        (
            "The Free Valley Front said 12 soldiers died.\n\nThe alliance said 5 fighters were captured.",
            "5",
            "The alliance",
        ),
        ("أحصى «فريق توثيق الفرات» مقتل 23 شخصاً.\n\nوكشفت الشبكة أنّ 120 شخصاً قتلوا.", "120", "الشبكة"),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
}

#[test]
fn a_pronoun_before_the_verb_is_the_subject_not_what_precedes_it() {
    let text = "The White Crescent rescue service said 8 people died. By midday it put the toll at 19.";
    assert_eq!(source_of(text, "19").as_deref(), Some("The White Crescent rescue service"));
    // Not changed: a name before the verb, and a pronoun with nothing before it names nobody.
    let text = "The rescue service put the toll at 19.";
    assert_eq!(source_of(text, "19").as_deref(), Some("The rescue service"));
    let text = "By midday it put the toll at 19.";
    assert_eq!(source_of(text, "19"), None);
    // Arabic keeps its own reading of a pronoun (`ويشير هؤلاء`).
    let text = "قال ناشطون إنّ 30 شخصاً قتلوا. ويشير هؤلاء إلى أنّ 12 منهم أطفال.";
    assert_eq!(source_of(text, "12").as_deref(), Some("ناشطون"));
}

/// A body or a person named without an attribution verb (`The regional water board gave a lower
/// count`, `مديرية صحة محافظة الجبل`, `Dr. Salma Haddad's notebook`) is a name later references
/// stand for; a manner phrase is not part of a reference (`وقالت المديرية في بيانها`). Must NOT
/// be taken: a pronoun, a reference with no name before it that holds its head.
#[test]
fn later_mentions_of_a_body_named_without_a_verb() {
    let text = "The regional water board gave a lower count. The board puts the number of sick at 318.";
    assert_eq!(source_of(text, "318").as_deref(), Some("The regional water board"));
    let text =
        "تراجعت مديرية صحة محافظة الجبل عن أرقامها السابقة.\n\nوقالت المديرية في بيانها إن 25 مريضاً توفوا.";
    assert_eq!(source_of(text, "25").as_deref(), Some("مديرية صحة محافظة الجبل"));
    let text = "نزح السكان فجر اليوم، وفق ما أعلن فرع جمعية الإغاثة في البلدة.\n\nوقال الفرع في بيان إن 40 عائلة نزحت.";
    assert_eq!(source_of(text, "40").as_deref(), Some("فرع جمعية الإغاثة في البلدة"));
    // A class noun stands for the last organisation named with capitals.
    let text = "Hope Water Relief, which runs the only clinic, said it treated 90 people. \
                Two nurses have died, the charity said.";
    assert_eq!(source_of(text, "Two nurses").as_deref(), Some("Hope Water Relief"));
    let text = "Defence lawyers said 34 people were sentenced. The lawyers said the court acquitted three defendants.";
    assert_eq!(source_of(text, "three defendants").as_deref(), Some("Defence lawyers"));
    let text =
        "A prison official told the radio that 400 inmates fled. The official, who spoke on condition \
                of anonymity, said dozens of men were recaptured.";
    assert_eq!(source_of(text, "dozens of men").as_deref(), Some("A prison official"));
    // Must NOT be taken: a pronoun stays carried over, and a reference with no name before it
    // that holds its head (nor any organisation) stays as written.
    let text = "Rami Haddad, a farmer, said 12 sheep were stolen. The league said 30 people fled.";
    assert_eq!(source_of(text, "30").as_deref(), Some("The league"));
    let text = "The Hill Farmers Union said 12 wells ran dry. It said 30 families left.";
    assert_eq!(source_of(text, "30").as_deref(), Some("The Hill Farmers Union"));
}

/// A speaker named again by title and surname (`Dr. Haddad`, `الشيخ يوسف`) or by a surname
/// without the article (`وأضاف إدريس`) is the speaker named before, also when the first mention
/// was not an attribution (`Dr. Salma Haddad's notebook`). Must NOT be taken: another surname.
#[test]
fn a_speaker_named_again_by_title_and_surname() {
    let text = "The notebook on Dr. Salma Haddad's desk is full. \"We write every name,\" said Dr. Haddad. \
                She said the clinic had recorded 211 deaths.";
    assert_eq!(source_of(text, "211 deaths").as_deref(), Some("Dr. Salma Haddad"));
    let text = "وقال رئيس اللجنة، الشيخ يوسف عمر، إن 20 عائلة وصلت.\n\nوكشف الشيخ عمر أن اللجنة دفنت أمس سبعة أشخاص.";
    let first = source_of(text, "20 عائلة");
    assert!(first.as_deref().is_some_and(|s| s.contains("يوسف عمر")), "{first:?}");
    assert_eq!(source_of(text, "سبعة أشخاص"), first);
    let text = "ونقلت إذاعة المدينة عن مدير المستشفى، الطبيب كمال إدريس، قوله إن 23 جثة وصلت.\n\n\
                وتابع إدريس أن 7 ممرضين قُتلوا.";
    let first = source_of(text, "23 جثة");
    assert!(first.as_deref().is_some_and(|s| s.ends_with("إدريس") && !s.contains("قوله")), "{first:?}");
    assert_eq!(source_of(text, "7 ممرضين"), first);
    // Must NOT be taken: a title with another surname.
    let text = "Dr. Salma Haddad said 12 patients died. Dr. Khoury said 30 more were sick.";
    assert_eq!(source_of(text, "30").as_deref(), Some("Dr. Khoury"));
}

/// A relative clause speaks for its antecedent (`The Hill Front, which claimed the raid in a
/// statement, said`; `the accounts of several survivors, who put the number at`), or for the
/// source of a frame before it (`according to the Coast Watch Network, an independent monitor,
/// which has found`); the object of a claim verb and a noun before a reduced relative (`a
/// figure the ministry rejected`) never speak.
#[test]
fn relative_clauses_and_reduced_relatives() {
    let text = "The Hill Front, which claimed the raid in a statement on its channel, said it lost only three fighters.";
    assert_eq!(source_of(text, "three fighters").as_deref(), Some("The Hill Front"));
    let text = "The group said it was relaying the accounts of several survivors, who put the number of \
                missing at no fewer than 50.";
    assert_eq!(source_of(text, "no fewer than 50").as_deref(), Some("several survivors"));
    let text =
        "Hundreds remain held, according to the Coast Watch Network, an independent monitor, which has \
                found that 100s of detainees were moved.";
    assert_eq!(source_of(text, "100s of detainees").as_deref(), Some("the Coast Watch Network"));
    let text = "The provincial justice ministry said 212 prisoners escaped. The league reported that 23 \
                inmates were shot, a figure the ministry rejected. The ministry has tallied 1,046 escapes.";
    assert_eq!(source_of(text, "1,046 escapes").as_deref(), Some("The provincial justice ministry"));
    // A count of speakers opens a source phrase: `according to two local rights groups`.
    let text =
        "Police detained scores of people, according to two local rights groups, who said most were young.";
    assert_eq!(source_of(text, "scores of people").as_deref(), Some("two local rights groups"));
    assert!(!figures(text).iter().any(|f| f.starts_with("two")), "{:?}", figures(text));
}

/// A bulletin's author speaks for the figures it gives without attribution: a heading names the
/// bulletin and its author, and the lead attributes to the same author. Must NOT be taken: a
/// newspaper's own reporting (no bulletin in its headline) stays its own.
#[test]
fn a_bulletins_author_speaks_for_its_figures() {
    let text = "النشرة الأسبوعية | انتهاكات في ريف الوادي\n\n«مرصد الوادي الأخضر» — الخميس ٣ آذار\n\n\
                وثّق «مرصد الوادي الأخضر» مقتل ٩ أشخاص خلال الأسبوع الماضي.\n\n\
                ١- بلدة النخيل: قُتل شابان برصاص مجهولين مساء الثلاثاء.\n\n\
                ٢- قرية التل: اعتُقل ١٢ شخصاً. وقال ناشطون إن ٣ منهم أُفرج عنهم.";
    assert_eq!(source_of(text, "شابان").as_deref(), Some("«مرصد الوادي الأخضر»"));
    assert_eq!(source_of(text, "١٢ شخصاً").as_deref(), Some("«مرصد الوادي الأخضر»"));
    assert_eq!(source_of(text, "٣ منهم").as_deref(), Some("ناشطون"));
    let s = figure(&all(text), "شابان").clone();
    assert!(s.cues.contains(&"bulletin author"), "{:?}", s.cues);
    let text = "WEEKLY BULLETIN - Hill Country Rights Watch\n\nIncidents of 3 March\n\n\
                The Hill Country Rights Watch recorded 9 people killed in the past week.\n\n\
                1. Nakhil. Gunmen killed two farmers on Tuesday. Our field monitor reported that \
                about 12 gunmen took part.";
    assert_eq!(source_of(text, "two farmers").as_deref(), Some("The Hill Country Rights Watch"));
    assert_eq!(source_of(text, "about 12").as_deref(), Some("The Hill Country Rights Watch"));
    // Must NOT be taken: a newspaper's report, whose headline names no bulletin.
    let text = "Gunmen kill two farmers in Nakhil\n\nNAKHIL (Hill Wire) - The Hill Country Rights Watch \
                said 9 people were killed in the past week.\n\nGunmen killed two farmers on Tuesday.";
    assert_eq!(source_of(text, "two farmers"), None);
}

/// Not speakers: a law or an article of one, the outlet's story named in a correction, a
/// recipient (`للصحفيين`), a court's rulings (`أصدرت المحكمة أحكاماً` is no statement).
#[test]
fn laws_corrections_recipients_and_rulings_are_not_speakers() {
    let text = "وأوضح المجلس أن المدانين أُحيلوا وفق المادة 7 من قانون العقوبات، وأن بينهم ثلاثة قياديين.";
    let s = source_of(text, "ثلاثة");
    assert!(s.as_deref().is_some_and(|s| !s.contains("المادة")), "{s:?}");
    let text = "Under the truce, 30 prisoners must be freed, according to Article 9 of the accord.";
    assert_eq!(source_of(text, "30 prisoners"), None);
    let text = "Correction: An earlier version of this story said 41 people had been killed, citing police officials.";
    assert_eq!(source_of(text, "41 people").as_deref(), Some("police officials"));
    let text =
        "غير أن منسق الإغاثة، سامي الحداد، قدّم رقماً أقل، إذ قال للصحفيين إن عدد الأسر «لا يتجاوز 900 أسرة».";
    let s = source_of(text, "لا يتجاوز 900 أسرة");
    assert!(s.as_deref() != Some("للصحفيين"), "{s:?}");
    let text = "أصدرت محكمة الجنايات أمس أحكاماً بسجن 23 متهماً، بحسب ما أعلن مجلس القضاء في بيان.";
    assert_eq!(source_of(text, "23 متهماً").as_deref(), Some("مجلس القضاء"));
    // A verb joined by `and` after auxiliaries shares the subject; `has since` is no clause.
    let text = "The Coast Rights Monitor put the toll at 31. It said its researchers had interviewed \
                relatives and had tallied 27 of the dead by name.";
    assert_eq!(source_of(text, "27").as_deref(), Some("The Coast Rights Monitor"));
    let text = "The provincial health directorate said 41 died. The health directorate has since put the toll at 29 dead.";
    assert_eq!(source_of(text, "29 dead").as_deref(), Some("The provincial health directorate"));
}

/// Running text read on 7 December 2026: a date or a new list item after the number ends the
/// figure; words joined by hyphens are one adjective of the noun; ordinals and a word with a
/// pronoun are no numbers; a bare number after a count of things counts the same things.
#[test]
fn figures_end_where_dates_items_and_words_say() {
    let text = "Headline\n\nWe had just over 130 wounded between Friday and Sunday alone, he said.\n\n\
        وقال المتحدث إن المسلحين قتلوا 4 من عناصرنا يوم الجمعة في كمين.\n";
    let out = all(text);
    assert_eq!(figure(&out, "just over 130").figure.as_ref().unwrap().wording, "just over 130 wounded");
    assert_eq!(figure(&out, "4").figure.as_ref().unwrap().wording, "4 من عناصرنا");
    // A list item on the next line is no second bound (`Feb. 3` then `- 63,000`).
    let list =
        "Headline\n\nKey figures:\n- At least 214 civilians killed since Feb. 3\n- 63,000 people displaced\n\
        • نزوح نحو 9 آلاف شخص\n";
    let got = figures(list);
    assert!(got.contains(&"63,000 people".to_string()), "{got:?}");
    assert!(got.contains(&"نحو 9 آلاف شخص".to_string()), "{got:?}");
    assert_eq!(figure(&all(list), "At least 214").when.as_deref(), Some("since Feb. 3"));
    // Hyphenated adjectives: the noun goes on to `convoys`, a thing.
    let convoys =
        "Headline\n\nOf 14 inter-agency convoys requested during the period, six were approved.\n\n\
        The strike destroyed 30 homes and killed 12, the council said.\n";
    let out = all(convoys);
    assert!(figure(&out, "14").counts_things());
    assert!(figure(&out, "six").counts_things(), "a bare number after convoys counts convoys");
    // Must NOT be taken for things: a bare number beside a word for what happens to people.
    assert!(!figure(&out, "12").counts_things());
    // Must NOT be read as numbers: ordinals with عشرة, `بعده` (after him).
    for t in [
        "Headline\n\nوصل البيان قرابة الساعة الحادية عشرة صباحاً.\n",
        "Headline\n\nصدرت الأحكام بحق عناصر في «الفرقة الرابعة عشرة».\n",
        "Headline\n\nوتحدث بعده مدير الصحة في المحافظة عن الوضع.\n",
    ] {
        assert!(figures(t).is_empty(), "{t}: {:?}", figures(t));
    }
    // ... while the cardinals and the vague word still are.
    assert_eq!(figures("Headline\n\nقال المرصد إن أحد عشر عاملاً قتلوا وأصيب عدة أشخاص.\n").len(), 2);
}

/// Not claims (7 December 2026): a figure a journalist asks about, one a speaker foresees, a
/// capacity and counts of things; and what must still be offered beside each.
#[test]
fn questions_forecasts_capacities_and_things_are_not_claims() {
    for t in [
        "Asked about social media reports of more than 50 dead, the governor said the numbers were wrong.",
        "وعند سؤاله عن تقارير تحدثت عن سقوط أكثر من خمسين قتيلاً، قال المحافظ إن الأرقام غير دقيقة.",
        "Did 40 people really die in the market?",
        "هل قتل 40 شخصاً في السوق؟",
        "Every day of delay, we will lose two or three of them, the director said.",
        "وقال المدير إن كل يوم تأخير يعني أننا سنخسر اثنين أو ثلاثة منهم.",
        "وأوضحت المديرية أن قدرة هذه المراكز لا تتجاوز 6 آلاف شخص.",
        "The shelter has a capacity of just over 900 people, the council said.",
        "وحملت القافلة مساعدات غذائية تكفي ٨٠٠٠ شخص لمدة شهر.",
        "The convoy was carrying food for 12,000 people for one month.",
        "The committee said it had logged 132 violations since the truce, and that only two of the clauses were in force.",
        "وقالت اللجنة إنها سجلت ١٣٢ خرقاً، وإن الاتفاق يتألف من 14 بنداً.",
        "Some 200 further files remain under investigation, the sources said.",
        "وأشارت المصادر إلى أن نحو 200 ملف آخر ما زال قيد التحقيق.",
        "The report counted 29 assassination attempts in October.",
    ] {
        let text = format!("Headline\n\n{t}\n");
        assert!(offered(&text).is_empty(), "{t}: {:?}", offered(&text));
    }
    // Still claims: the answer after the question, a past count, people after a capacity word
    // in another clause, and the others of a toll with their hedge.
    for (t, wording) in [
        ("Asked how many had died, the governor said 41 people were killed.", "41 people"),
        ("وقال المحافظ إن 41 شخصاً قتلوا، رداً على سؤال.", "41 شخصاً"),
        ("The shelter is full, and 300 people sleep outside, the council said.", "300 people"),
        ("وقال المرصد إن ستة أشخاص قتلوا، وأصيب أربعة آخرين على الأقل.", "أربعة آخرين على الأقل"),
        ("He said they will not forget the 12 people who died.", "12 people"),
    ] {
        let text = format!("Headline\n\n{t}\n");
        assert!(offered(&text).iter().any(|f| f == wording), "{t}: {:?}", offered(&text));
    }
}

/// An interview's answers are the interviewee's, named with a title in its introduction. Must
/// NOT be taken: a figure in the journalist's question, and a figure an answer attributes to
/// someone else keeps its own source.
#[test]
fn an_interviews_answers_are_the_interviewees() {
    let ar = "حوار مع مدير مستشفى الأمل\n\nفي مكتبه الصغير يستقبلنا الدكتور سمير النجار بعد مناوبة طويلة.\n\n\
              ■ هل صحيح أن أكثر من 70 جريحاً وصلوا أمس؟\n\n\
              - استقبلنا منذ الصباح 45 جريحاً، وتوفي منهم ستة أشخاص.\n\n\
              ■ وماذا تقول الوزارة؟\n\n\
              - وزارة الصحة أعلنت أن 120 شخصاً قتلوا في المدينة.\n";
    let out = all(ar);
    assert_eq!(figure(&out, "45").source.as_deref(), Some("الدكتور سمير النجار"));
    assert!(figure(&out, "45").cues.contains(&"interviewee"), "{:?}", figure(&out, "45").cues);
    assert_eq!(figure(&out, "ستة").source.as_deref(), Some("الدكتور سمير النجار"));
    assert_eq!(figure(&out, "120").source.as_deref(), Some("وزارة الصحة"));
    assert!(out
        .iter()
        .all(|s| s.figure.as_ref().is_none_or(|f| !f.wording.contains("70")) || s.source.is_none()));
    let en = "Q&A with the head of Hope Hospital\n\nDr. Samir Najjar runs the last hospital in town. \
              He spoke to us on Monday.\n\n\
              Is it true that more than 70 wounded arrived yesterday?\n\n\
              Since the morning we have admitted 45 wounded, and six of them have died.\n\n\
              What does the ministry say?\n\n\
              The health ministry said 120 people had been killed. Now I would say 300 families remain.\n";
    let out = all(en);
    assert_eq!(figure(&out, "45").source.as_deref(), Some("Dr. Samir Najjar"));
    assert_eq!(figure(&out, "six").source.as_deref(), Some("Dr. Samir Najjar"));
    assert_eq!(figure(&out, "120").source.as_deref(), Some("The health ministry"));
    assert_eq!(figure(&out, "300").source.as_deref(), Some("Dr. Samir Najjar"));
    assert!(out
        .iter()
        .all(|s| s.figure.as_ref().is_none_or(|f| !f.wording.contains("70")) || s.source.is_none()));
    // One question is no interview: the figures stay the outlet's own.
    let one =
        "Dr. Samir Najjar runs the hospital.\n\nIs the town safe?\n\nSince the morning 45 wounded arrived.\n";
    assert_eq!(source_of(one, "45"), None);
}

/// A paragraph that opens with a body's name alone on its sentence is signed by that body. Must
/// NOT be taken: a paragraph whose first sentence has a verb, and the paragraph after.
#[test]
fn a_name_alone_signs_its_paragraph() {
    let ar = "مديرية الصحة في محافظة السهل. هكذا وقّع البيان، وجاء فيه أن المشفى استقبل 12 جريحاً.\n\n\
              وفي البلدة يعيش نحو 900 نازح.\n";
    let out = all(ar);
    assert_eq!(figure(&out, "12").source.as_deref(), Some("مديرية الصحة في محافظة السهل"));
    assert!(figure(&out, "12").cues.contains(&"signed"));
    assert_eq!(figure(&out, "نحو 900").source, None);
    let en = "The Directorate of Health in Sahel province. That was the signature on a statement sent \
              before 11 a.m., which said the hospital had received 12 wounded.\n\n\
              About 900 displaced people live in the town.\n";
    let out = all(en);
    assert_eq!(figure(&out, "12").source.as_deref(), Some("The Directorate of Health in Sahel province"));
    assert_eq!(figure(&out, "About 900").source, None);
    let verb = "The Directorate of Health opened a ward. The hospital received 12 wounded.\n";
    assert_eq!(source_of(verb, "12"), None);
    let verb_ar = "افتتحت مديرية الصحة جناحاً جديداً. واستقبل المشفى 12 جريحاً.\n";
    assert_eq!(source_of(verb_ar, "12"), None);
}

/// A report named without its author stands for the last body that spoke, not for a person
/// quoted since. Must NOT be taken: the person's own words stay his.
#[test]
fn a_report_stands_for_the_body_not_its_director() {
    let ar = "وثّق «مرصد السهل» مقتل 40 شخصاً. وقال مدير المرصد، سامي الخوري، إن 12 منهم أطفال. \
              وبحسب التقرير، بلغ عدد القتلى منذ مطلع العام 500 شخص.";
    assert_eq!(source_of(ar, "500").as_deref(), Some("«مرصد السهل»"));
    assert_eq!(source_of(ar, "12").as_deref(), Some("مدير المرصد، سامي الخوري"));
    let en = "The Sahel Monitor for Rights documented 40 killings. Sami Khoury, the monitor's director, \
              said 12 of them were children. According to the report, 500 people have been killed since January.";
    assert_eq!(source_of(en, "500").as_deref(), Some("The Sahel Monitor for Rights"));
    assert_eq!(source_of(en, "12").as_deref(), Some("Sami Khoury"));
}

/// A new toll is an estimate even when the verb and the toll stand apart; a relative clause on a
/// recipient closed by `, that` is an aside; a participle before a name describes it; a negated
/// subject names no one. Must NOT be taken: `No group`, the outlet in the aside.
#[test]
fn new_tolls_asides_and_negated_subjects() {
    let ar = "رفعت مديرية الصحة في محافظة السهل، في بيان ثانٍ مساء اليوم، حصيلة القتلى إلى 13 شخصاً.";
    assert_eq!(source_of(ar, "13").as_deref(), Some("مديرية الصحة في محافظة السهل"));
    let en = "The Directorate of Health raised the death toll to 13 on Wednesday evening.";
    assert_eq!(source_of(en, "13").as_deref(), Some("The Directorate of Health"));
    let aside = "The spokesman for the truce committee, retired Col. Riad Mansour, told the Eastern News \
                 Agency, which first reported the figures on Sunday, that 17 people had been killed.";
    assert_eq!(
        source_of(aside, "17").as_deref(),
        Some("The spokesman for the truce committee, retired Col. Riad Mansour")
    );
    let none = "The report counted 29 attacks, in which 24 people were killed; no group claimed any of them.";
    assert_ne!(source_of(none, "24").as_deref(), Some("no group"));
    let none2 = "No group has claimed the attack, which killed 12 people.";
    assert_eq!(source_of(none2, "12"), None);
}

/// A title and a name in apposition are named whether or not they speak, and the surname later
/// names the whole; a verb without a subject takes the known name that follows the verb opening
/// its sentence; a speaker introduced after `بعده` is found past it. Must NOT be taken: a
/// pronoun-like opening (`واستهل المؤتمر`) with no name, and an unknown name.
#[test]
fn press_conference_speakers_in_turn() {
    let ar = "عقد محافظ السهل، سليم الرفاعي، مؤتمراً صحافياً ظهر اليوم.\n\n\
              واستهل الرفاعي المؤتمر بدقيقة صمت، ثم قال إن 38 شخصاً قتلوا.\n\n\
              وتحدث بعده مدير الصحة في المحافظة، الدكتور عماد قاسم، فأوضح أن المستشفيات استقبلت 164 مصاباً.\n\n\
              وقال الرفاعي إن 70 أسرة تقدمت بطلبات.";
    let out = all(ar);
    assert_eq!(figure(&out, "38").source.as_deref(), Some("محافظ السهل، سليم الرفاعي"));
    assert_eq!(figure(&out, "164").source.as_deref(), Some("مدير الصحة في المحافظة، الدكتور عماد قاسم"));
    assert_eq!(figure(&out, "70").source.as_deref(), Some("محافظ السهل، سليم الرفاعي"));
    let none = "واستهل المؤتمر بدقيقة صمت، ثم قال إن 38 شخصاً قتلوا.";
    assert_eq!(source_of(none, "38"), None);
    let unknown = "واستهل الرفاعي المؤتمر بدقيقة صمت، ثم قال إن 38 شخصاً قتلوا.";
    assert_eq!(source_of(unknown, "38"), None);
    let en = "Gov. Samir Rifai opened the briefing with a minute's silence.\n\n\
              Next, provincial health director Dr. Imad Qasem said the hospitals had received 164 injured.\n\n\
              Rifai said 70 people were still missing.";
    let out = all(en);
    assert_eq!(figure(&out, "164").source.as_deref(), Some("provincial health director Dr. Imad Qasem"));
    assert_eq!(figure(&out, "70").source.as_deref(), Some("Gov. Samir Rifai"));
}

/// The subject of an infinitive of saying is the name that opens its clause. Must NOT be taken:
/// the words between (`then returned to the microphone`).
#[test]
fn an_infinitive_of_saying_takes_the_name_opening_its_clause() {
    let en = "Gov. Samir Rifai opened the briefing. Rifai then returned to the microphone to say that 70 \
              people were still missing.";
    assert_eq!(source_of(en, "70").as_deref(), Some("Gov. Samir Rifai"));
}

/// Read after the sixth blind batch (7 December 2026): volumes, provinces, stages and pages are
/// no counts of people, nor a sample interviewed or a plan; a capacity word in an earlier clause
/// leaves a later count alone; bodies and teachers count in the dual.
#[test]
fn volumes_plans_samples_and_duals() {
    for t in [
        "The teams delivered 18 tonnes of food and 40,000 litres of water, the alliance said.",
        "وقال التحالف إن فرقه وزعت 18 طناً من المواد الغذائية و40 ألف لتر من المياه.",
        "Founded in 2013, the alliance works in 4 provinces.",
        "ويعمل التحالف في أربع محافظات منذ تأسيسه.",
        "Under the deal each side is to free 150 people in five stages.",
        "The report is based on interviews with 71 people, the centre said.",
        "واستند التقرير إلى مقابلات مع 68 شخصاً، بحسب المركز.",
    ] {
        let text = format!("Headline\n\n{t}\n");
        assert!(offered(&text).is_empty(), "{t}: {:?}", offered(&text));
    }
    for (t, wording) in [
        ("Halloum said the hospital was working at three times its capacity and that 19 of the wounded had been moved.", "19"),
        ("وقال المتحدث إن جثتين لم يتعرف عليهما بعد.", "جثتين"),
        ("وقال إن الجنود اقتادوا معلمين اثنين من المدرسة.", "معلمين اثنين"),
    ] {
        let text = format!("Headline\n\n{t}\n");
        assert!(offered(&text).iter().any(|f| f == wording), "{t}: {:?}", offered(&text));
    }
}

/// A date opening a timeline's entry before a colon dates its figures, before a window in a
/// clause inside the entry; without the colon the window still wins.
#[test]
fn a_timeline_heading_dates_its_entry() {
    let en = "Headline\n\nDec. 5: The government freed 38 people, among them a pilot held since 2019.\n";
    assert_eq!(figure(&all(en), "38").when.as_deref(), Some("Dec. 5"));
    let ar = "Headline\n\nالخميس 5 كانون الأول: أفرجت الحكومة عن 34 شخصاً، بينهم طيار محتجز منذ عام 2019.\n";
    assert_eq!(figure(&all(ar), "34").when.as_deref(), Some("5 كانون الأول"));
    // Must NOT be taken for a heading: a date inside the sentence.
    let plain = "Headline\n\nOn Dec. 5 the ministry said 40 people had died since 2019.\n";
    assert_eq!(figure(&all(plain), "40").when.as_deref(), Some("since 2019"));
}

/// The date of a figure: one between the verb and `that` dates the statement; a date in the
/// figure's own clause wins over a window across a comma; a `when` clause takes the date before
/// it; `since` an event written with `a`, `منذ` a count of days or weeks. Must NOT be taken: the
/// day of the briefing for the toll since the collapse, the window for the subset dated in its
/// own clause, a date far along the figure's clause that dates something else.
#[test]
fn the_date_of_a_figure_is_in_its_own_clause() {
    let en = "Headline\n\nThe envoy, Ingrid Holm, told the council on Monday that at least 1,340 \
              civilians had been killed since a ceasefire collapsed in June. He said 9 staff had \
              been wounded since June, three of them in a mortar strike on Sept. 29. The network \
              said the crackdown was the widest since March 2019, when anywhere from 300 to 500 \
              people were detained over three days. In a separate case in March, the court \
              sentenced four soldiers of the brigade to between 15 and 20 years in prison for the \
              killing of 9 detainees at a checkpoint in 2017.\n";
    let out = all(en);
    assert_eq!(figure(&out, "at least 1,340").when.as_deref(), Some("since a ceasefire collapsed in June"));
    assert_eq!(figure(&out, "9 staff").when.as_deref(), Some("since June"));
    assert_eq!(figure(&out, "three of them").when.as_deref(), Some("on Sept. 29"));
    assert_eq!(figure(&out, "anywhere from 300").when.as_deref(), Some("since March 2019"));
    assert_eq!(figure(&out, "four soldiers").when.as_deref(), Some("in March"));
    let ar = "عنوان\n\nوأبلغت المبعوثة مجلس الأمن مساء أمس الاثنين أن ما لا يقل عن 1310 مدنيين قتلوا منذ \
              انهيار وقف إطلاق النار في حزيران. وأوضحت الوزارة أن 12 حالة وفاة سُجّلت خلال الأسبوع \
              الماضي وحده، وأن عدد الأطفال المصابين منذ أيلول فاق الألف. وأوضحت الشبكة في تقرير نشرته \
              اليوم السبت أن بين المعتقلين 9 قاصرين، مشيرة إلى أن الحملة داهمت قرابة 200 منزل خلال \
              الليل. وقال المسؤول إن أكثر من 1200 نازح يحتمون في المجمع منذ أسبوعين.\n";
    let out = all(ar);
    assert_eq!(figure(&out, "ما لا يقل عن 1310").when.as_deref(), Some("منذ انهيار وقف إطلاق النار في حزيران"));
    assert_eq!(figure(&out, "12 حالة").when.as_deref(), Some("خلال الأسبوع الماضي"));
    assert_eq!(figure(&out, "9 قاصرين").when.as_deref(), Some("اليوم السبت"));
    assert_eq!(figure(&out, "أكثر من 1200").when.as_deref(), Some("منذ أسبوعين"));
}

/// A document owned by a source speaks for it: `The authority's daily log shows` is the
/// authority (named in full before), `Its figures show` the source named before; `has registered`
/// before a count is a count; a verb of saying after a comma owns the count. Must NOT be taken:
/// `The authority's daily log` as a name, the outlet for `Its figures`, the camp for what its
/// administration said, a count on the next line of a list.
#[test]
fn documents_owned_by_a_source_speak_for_it() {
    let text = "Title\n\nThe Western Border Authority said 2,340 people crossed. The authority's daily log \
                shows 1,110 deportees on Tuesday.\n\nThe Qaws Remnants Observatory said 143 people were \
                killed. Its figures show 71 deaths in 2024. Since 2015, the observatory has registered \
                1,260 deaths.\n\nThe Rimal camp has registered 3,450 new arrivals since May 31, the camp \
                administration said.\n\nKey points:\n- 412 children registered\n- 27 people killed\n";
    let out = all(text);
    assert_eq!(figure(&out, "1,110").source.as_deref(), Some("The Western Border Authority"));
    assert_eq!(figure(&out, "71").source.as_deref(), Some("The Qaws Remnants Observatory"));
    assert_eq!(figure(&out, "1,260").source.as_deref(), Some("The Qaws Remnants Observatory"));
    assert_eq!(figure(&out, "3,450").source.as_deref(), Some("the camp administration"));
    assert_eq!(figure(&out, "27 people").source, None);
}

/// A name in guillemets right after a verb of counting is its subject, whole (`أحصى «سجل أمن
/// العاملين»`), and its head said again (`وأشار السجل`) names it, not the last speaker. Must NOT
/// be taken: `سجل` as the verb سجّل, the name cut at `العاملين`, the charity for `السجل`.
#[test]
fn a_named_register_counts_and_is_named_again() {
    let text = "عنوان\n\nأعلنت منظمة «نورثبريدج للإغاثة» أن أربعة من عمالها أفرج عنهم. وقال مدير المنظمة \
                إن الأربعة بصحة جيدة.\n\nوأحصى «سجل أمن العاملين الإنسانيين» خطف 45 عاملاً منذ مطلع \
                العام. وأشار السجل إلى أن 30 منهم أطلق سراحهم.\n";
    let out = all(text);
    assert_eq!(figure(&out, "45").source.as_deref(), Some("«سجل أمن العاملين الإنسانيين»"));
    assert_eq!(figure(&out, "30").source.as_deref(), Some("«سجل أمن العاملين الإنسانيين»"));
    assert_eq!(figure(&out, "أربعة").source.as_deref(), Some("منظمة «نورثبريدج للإغاثة»"));
}

/// A bulletin stands for who issued it (`The bulletin listed`, `وسجّلت النشرة`), a document with
/// an Arabic possessive suffix for the source before it (`وفق تقريرها الشهري`), and `تلتها`
/// (followed by) reads nothing out, so the breakdown it is in carries on the report before it.
/// Must NOT be taken: `The bulletin`, `النشرة`, `تقريرها` as names, `تل قصرة بـ` as a speaker.
#[test]
fn bulletins_and_owned_reports_speak_for_their_issuer() {
    let en = "Title\n\nThe Health Ministry issued its weekly bulletin on Thursday. The bulletin listed 318 \
              new suspected cases in the week to Thursday.\n";
    assert_eq!(source_of(en, "318").as_deref(), Some("The Health Ministry"));
    let ar = "عنوان\n\nأصدرت وزارة الصحة نشرتها الأسبوعية أمس. وسجّلت النشرة 296 إصابة جديدة.\n\nوثّقت «الشبكة \
              الكرفالية» مقتل 209 مدنيين خلال آب، وفق تقريرها الشهري الصادر اليوم. وعلى صعيد المحافظات، \
              تصدّرت كرفال الشرقية القائمة بـ85 قتيلاً، تلتها تل قصرة بـ46. وأحصى التقرير أيضاً إصابة 395 مدنياً.\n";
    let out = all(ar);
    assert_eq!(figure(&out, "296").source.as_deref(), Some("وزارة الصحة"));
    assert_eq!(figure(&out, "209").source.as_deref(), Some("«الشبكة الكرفالية»"));
    // `تلتها` reads nothing out: the breakdown carries on the network's report.
    assert_eq!(figure(&out, "46").source.as_deref(), Some("«الشبكة الكرفالية»"));
    assert!(out.iter().all(|s| !s.source.as_deref().is_some_and(|p| p.contains("تل قصرة"))));
}

/// A live blog's entry opens with its time, which is no part of the speaker's name; a phrase
/// opening on a preposition of time after a verb (`سجل خلال`, `قائلة بعد الجلسة`) says when, not
/// who; an indefinite noun after the speaker and before a count opens what is reported; a verb
/// of going on before a speaker and a participle of saying is not the speaker. Must NOT be
/// taken: `40 - Dr.`, `خلال`, `المركز أسماء`, `ومضت فرحات`.
#[test]
fn live_entries_prepositions_of_time_objects_and_going_on() {
    let en = "09:40 - Dr. Samer Halloum, director of the town hospital, told us it had received 46 wounded.";
    assert_eq!(source_of(en, "46").as_deref(), Some("Dr. Samer Halloum"));
    let ar = "07:45 — أفاد «مرصد السهل» بمقتل ٧ مدنيين.";
    assert_eq!(source_of(ar, "٧").as_deref(), Some("«مرصد السهل»"));
    let during = "وقال «مكتب النزوح» إنه سجل خلال الأسبوعين الماضيين بضع عشرات من القاصرين.";
    assert_eq!(source_of(during, "بضع عشرات").as_deref(), Some("«مكتب النزوح»"));
    let object = "أصدر «مركز الوادي للحقوق» تقريراً أمس. ووثّق المركز أسماء 35 ضحية. وأكدت الجمعية وفاة طفلين.";
    assert_eq!(source_of(object, "35").as_deref(), Some("«مركز الوادي للحقوق»"));
    assert_eq!(source_of(object, "طفلين").as_deref(), Some("الجمعية"));
    let going_on =
        "وقالت الباحثة في المركز، نادية فرحات، إن الزنازين مكتظة. ومضت فرحات قائلة إن 10 على الأقل \
                    من الضحايا احتُجزوا أكثر من عام.";
    assert_eq!(source_of(going_on, "10").as_deref(), Some("الباحثة في المركز، نادية فرحات"));
}

/// A standing note names the source of the unattributed figures after it; a sentence that only
/// mentions figures from somewhere is no note. Must NOT be taken: `the north` of `the figures
/// from the north were incomplete`.
#[test]
fn a_standing_note_names_the_source_of_the_figures_after_it() {
    let en = "Buses crossed the bridge on Thursday, the Red Crescent said.\n\n\
              Timeline (all figures from the Red Crescent unless stated):\n\n\
              Dec. 3: The government freed 41 prisoners.\n\n\
              Dec. 4: The Council freed 26 soldiers, its spokesman Maher Aloush said.";
    assert_eq!(source_of(en, "41").as_deref(), Some("the Red Crescent"));
    assert!(source_of(en, "26").is_some_and(|s| s.contains("Maher Aloush")));
    let ar = "عبرت الحافلات الجسر اليوم.\n\nوفي ما يلي تسلسل العملية، والأرقام كلها من «الهلال الأحمر» ما لم يُذكر خلاف ذلك:\n\n\
              الثلاثاء 3 كانون الأول: أفرجت الحكومة عن 41 معتقلاً.";
    assert_eq!(source_of(ar, "41").as_deref(), Some("«الهلال الأحمر»"));
    let none =
        "Officials said the figures from the north were incomplete.\n\nThe government freed 41 prisoners.";
    assert_eq!(source_of(none, "41"), None);
}

/// An English noun runs past its adjectives to its plural head, and `new` opens a noun like
/// `other`: the head says whether people are counted. Must NOT be offered: `two old hunting
/// rifles`, `two new centres`. Still offered: `three Red Crescent volunteers`, `300 new arrivals`.
#[test]
fn adjectives_before_the_head_noun() {
    let got = offered(
        "They found two old hunting rifles, he said. The ministry said it had opened two new centres.",
    );
    assert!(got.is_empty(), "{got:?}");
    let got =
        offered("The agency said three Red Crescent volunteers were hurt. It said 300 new arrivals came.");
    assert!(got.iter().any(|w| w == "three Red Crescent volunteers"), "{got:?}");
    assert!(got.iter().any(|w| w == "300 new arrivals"), "{got:?}");
}

/// The writer's summary of the spread of other parties' figures is no claim; each party's own
/// figure is. Must NOT be offered: `a dozen`, `nearly 200`, `عشرة`, `between 31 and 36`.
#[test]
fn the_spread_of_claims_is_not_a_claim() {
    let en =
        "Claims about the death toll have ranged from a dozen to nearly 200. The ministry said 31 people \
              were killed. Tolls between 31 and 36 are the best supported.";
    let got = offered(en);
    assert_eq!(got, vec!["31 people".to_string()], "{got:?}");
    let ar =
        "تراوحت الأرقام المتداولة عن ضحايا القصف بين عشرة ونحو مئتي قتيل. وقالت الوزارة إن 31 شخصاً قتلوا.";
    let got = offered(ar);
    assert_eq!(got, vec!["31 شخصاً".to_string()], "{got:?}");
}

/// A breakdown of a figure that is no claim is no claim either; a breakdown of a toll is. Must
/// NOT be offered: the interviewees `29 former detainees`, `two former guards`, `27 معتقلاً`.
#[test]
fn a_breakdown_follows_the_figure_it_breaks_down() {
    let en =
        "The report draws on interviews with 71 people, among them 29 former detainees, relatives of the \
              dead and two former guards, the centre said. It said 38 detainees died, among them four boys.";
    let got = offered(en);
    assert_eq!(got, vec!["38 detainees".to_string(), "four boys".to_string()], "{got:?}");
    let ar = "واستند التقرير إلى مقابلات مع 68 شخصاً، بينهم 27 معتقلاً سابقاً وحارسان سابقان. \
              وقال المركز إن 35 معتقلاً قضوا، بينهم ثلاثة قاصرين.";
    let got = offered(ar);
    assert_eq!(got, vec!["35 معتقلاً".to_string(), "ثلاثة قاصرين".to_string()], "{got:?}");
}

/// A hospital, an army unit or a page named in the lead is found again by its head; a channel
/// the speaker used is how it spoke, not part of its name. Must NOT be taken: `عبر قناتها على
/// «تلغرام»` in the source.
#[test]
fn hospitals_units_and_channels() {
    let en = "Al-Nour General Hospital in Beit Amra issued five bulletins on Friday. The hospital said 11 people had died.";
    assert!(source_of(en, "11").is_some_and(|s| s.starts_with("Al-Nour General Hospital")));
    let ar = "أصدر مشفى النور العام في بيت عمرة خمسة بيانات اليوم. وقال المشفى إن 11 شخصاً قتلوا.";
    assert!(source_of(ar, "11").is_some_and(|s| s.starts_with("مشفى النور العام")));
    let via = "وأعلنت «جبهة تحرير السرحان» عبر قناتها على «تلغرام» مقتل أربعة من مقاتليها.";
    assert_eq!(source_of(via, "أربعة").as_deref(), Some("«جبهة تحرير السرحان»"));
}

/// A figure the one before it denies, and a figure of the outlet's withdrawn story, are no
/// claims; a withdrawn figure relayed from someone still is theirs. Must NOT be offered: `14`,
/// `13`, `41 people`, `39 شخصاً`. Still offered: `3 people`, `ثلاثة أشخاص`, the relayed `41`.
#[test]
fn denied_and_withdrawn_figures_are_not_claims() {
    let got =
        offered("The governor's office said 3 people had died, not 14. Officials said 20 people were hurt.");
    assert_eq!(got, vec!["3 people".to_string(), "20 people".to_string()], "{got:?}");
    let got = offered("وقال مكتب المحافظ إن عدد الوفيات «ثلاثة أشخاص وليس 13».");
    assert_eq!(got, vec!["ثلاثة أشخاص".to_string()], "{got:?}");
    let note = "Editor's note: An earlier version of this story said 41 people had been killed.\n\n\
                The ministry said 12 people were killed.";
    assert_eq!(offered(note), vec!["12 people".to_string()]);
    let ar = "تنويه: ورد في نسخة سابقة من هذا الخبر أن 39 شخصاً قُتلوا.\n\nوقالت الوزارة إن 12 شخصاً قتلوا.";
    assert_eq!(offered(ar), vec!["12 شخصاً".to_string()]);
    let relayed =
        "Correction: An earlier version of this story said 41 people had been killed, citing police \
                   officials.";
    assert_eq!(source_of(relayed, "41").as_deref(), Some("police officials"));
}

/// A year the date reader did not take, an age in apposition after a noun of kin, a plan's aim
/// and an audience are no counts. Must NOT be offered: `2014`, `17`, `150,000 people`, `some
/// 300,000 followers`, `نحو 300 ألف شخص`. Still offered: an army `targeting a few dozen gunmen`.
#[test]
fn years_ages_plans_and_audiences_are_not_counts() {
    let got = offered(
        "«في 2014 كنا نخسر مريضاً»، قالت الطبيبة. A mine killed a shepherd and his nephew, 17, on Monday.",
    );
    assert!(got.is_empty(), "{got:?}");
    let got = offered("She said a vaccination campaign aimed at 150,000 people would start. A page with some 300,000 followers posted the video.");
    assert!(got.is_empty(), "{got:?}");
    let got = offered("ونشرت الصفحة، التي يتابعها نحو 300 ألف شخص، المقطع.");
    assert!(got.is_empty(), "{got:?}");
    let got = offered("The army said it was targeting 40 gunmen in the valley.");
    assert_eq!(got, vec!["40 gunmen".to_string()], "{got:?}");
    let got =
        offered("The monitor drew on 163 interviews and two separate sources. وسُجّل هطول 112 ملم من الأمطار.");
    assert!(got.is_empty(), "{got:?}");
}

/// A briefing's answers are its main speaker's when no titled person opens it, and a reporter's
/// question is no claim. Must NOT be the source: the directorate the spokeswoman cites.
#[test]
fn a_briefings_answers_are_its_speakers() {
    let text = "About 60,000 people fled, the relief office said on Wednesday.\n\n\
                Spokeswoman Marta Ilves said 40 shelters were full. Ilves said 300 cases were recorded. \
                She cited the health directorate, which has reported 87 deaths.\n\n\
                Q: Local groups say more than 100,000 have fled. Why is your number lower?\n\n\
                A: Our figure counts only registered people.\n\n\
                Q: Are aid workers detained?\n\n\
                A: Four of our national staff were detained on Oct. 8.\n";
    let out = all(text);
    let four = figure(&out, "Four");
    assert!(four.source.as_deref().is_some_and(|s| s.contains("Ilves")), "{:?}", four.source);
}

/// English subjects past what stands between them and the verb: a connective set off by commas,
/// a clock time before the subject; `estimates` as a verb before `that` or a figure, `accuse` in
/// the plural, and not in an object relative. Must NOT be the source: `15 p.m. the hospital`,
/// `residents` of `which residents accuse`.
#[test]
fn subjects_past_connectives_and_times() {
    let t = "The Joint Relief Office, meanwhile, estimates that 1.2 million people need food aid.";
    assert_eq!(source_of(t, "1.2").as_deref(), Some("The Joint Relief Office"));
    let t = "At 1:15 p.m. the hospital updated the toll to 22 killed.";
    assert_eq!(source_of(t, "22").as_deref(), Some("the hospital"));
    let t = "Prosecutors accuse the four defendants of killing 86 civilians.";
    assert_eq!(source_of(t, "86").as_deref(), Some("Prosecutors"));
    let t = "The militia, which residents accuse of looting, detained 3 elders, the council said.";
    assert_eq!(source_of(t, "3").as_deref(), Some("the council"));
}

/// A transcript's speaker labels speak for their paragraphs, over a speaker carried over from
/// the host's question; the host (the first label) speaks for the outlet. Must NOT be the
/// source: `The governor` for the doctor's figures; a list of places (`شمال سهران: 17 قتيلاً`),
/// each named once, is no transcript.
#[test]
fn a_transcripts_labels_name_its_speakers() {
    let en = "T\n\nHADDAD: Good morning. The camp manager is on the line.\n\n\
              KHATIB: We registered 3,870 new arrivals.\n\n\
              HADDAD: The governor said on Saturday that \"fewer than 2,000\" had left.\n\n\
              AYOUB: We saw some 480 patients last week.\n";
    let out = all(en);
    assert_eq!(figure(&out, "3,870").source.as_deref(), Some("KHATIB"));
    assert_eq!(figure(&out, "some 480").source.as_deref(), Some("AYOUB"));
    assert_eq!(figure(&out, "fewer than 2,000").source.as_deref(), Some("The governor"));
    let ar = "ت\n\nحداد: صباح الخير.\n\nالخطيب: سجّلنا ٣٨٤٠ وافداً جديداً.\n\nحداد: ماذا عن العيادة؟\n\n\
              أيوب: عاينّا قرابة 480 مريضاً.\n";
    assert_eq!(source_of(ar, "٣٨٤٠").as_deref(), Some("الخطيب"));
    let list = "ت\n\nشمال سهران: 17 قتيلاً.\n\nالجرف: 9 قتلى.\n\nقصرة: 7 قتلى.\n";
    assert_eq!(source_of(list, "17"), None);
}

/// A list's tally lines (`PLACE: 17 dead`) are the outlet's counts, and the next line's figures
/// are their own. Must NOT be read: the next line's first word as the tally's noun.
#[test]
fn a_lists_tally_lines_are_counts() {
    let text = "الحصيلة في المحافظات\n\nشمال سهران: 17 قتيلاً\nأفادت مديرية الصحة بمقتل 12 شخصاً.\n";
    let out = all(text);
    assert_eq!(figure(&out, "17").figure.as_ref().map(|f| f.wording.as_str()), Some("17 قتيلاً"));
    assert_eq!(figure(&out, "17").source, None);
    assert_eq!(source_of(text, "12").as_deref(), Some("مديرية الصحة"));
    let en = "Tolls by province\n\nNORTH SAHRAN - 17 dead\nThe health directorate said 12 people died.\n";
    assert_eq!(figure(&all(en), "17").figure.as_ref().map(|f| f.wording.as_str()), Some("17 dead"));
    // A headline keeps its place: nothing is suggested from it.
    assert!(figures("Sahran: 17 dead in car bomb\n\nThe market reopened on Monday.").is_empty());
}

/// Names said again: an Arabic title and name without commas (`نائب وزير الداخلية اللواء خالد
/// عبيدات`), a definite office in apposition (`النائب عن تل مروة، طارق نصار،`), a scene after the
/// name (`أمام اللجنة`), an English affiliation (`of the Damra National Hospital`) and a name a
/// speaker gave. Must NOT stay: `عبيدات أمام اللجنة`, `A survivor who gave his name as`.
#[test]
fn names_said_again_and_names_given() {
    let text = "استجوبت اللجنة، أمس، نائب وزير الداخلية اللواء خالد عبيدات لساعات.\n\n\
                وقال عبيدات أمام اللجنة إن قوات الأمن أوقفت 406 أشخاص.\n\n\
                وتلا النائب عن تل مروة، طارق نصار، بياناً.\n\nوأشار نصار إلى أن 150 شخصاً ما زالوا مفقودين.";
    assert_eq!(source_of(text, "406").as_deref(), Some("نائب وزير الداخلية اللواء خالد عبيدات"));
    assert_eq!(source_of(text, "150").as_deref(), Some("النائب عن تل مروة، طارق نصار"));
    let text = "وقال أحد الناجين، عرّف عن نفسه باسم أبو وائل، إن نحو أربعين رجلاً اقتيدوا.";
    assert_eq!(source_of(text, "نحو").as_deref(), Some("أبو وائل"));
    let text = "Dr. Rana Kheir of the Damra National Hospital said 23 wounded people arrived. \
                A survivor who gave his name as Abu Wael said about 40 men were taken.";
    assert_eq!(source_of(text, "23").as_deref(), Some("Dr. Rana Kheir"));
    assert_eq!(source_of(text, "about").as_deref(), Some("Abu Wael"));
    // A clan is no body that employs: the phrase stays whole.
    let text = "Sheikh Mahmoud al-Ta'i of the Bani Rashed clan said 12 men were killed.";
    assert_eq!(source_of(text, "12").as_deref(), Some("Sheikh Mahmoud al-Ta'i of the Bani Rashed clan"));
}

/// The compilers of a list and the owner of a count or of records speak for their figures; a
/// singular pronoun after them goes back to the last single speaker. Must NOT be the source:
/// `local families` for `he said`, `"hostile aircraft"` after a `by` that opens no count.
#[test]
fn compilers_owners_and_the_speaker_after_them() {
    let text = "The Qalaat Sinan civil defence directorate said 6 people were killed.\n\n\
                By the directorate's count, he pulled 300 people alive from the rubble. \
                23 residents did not survive, according to the directorate's records.\n\n\
                MP Tarek Nassar read out a list compiled by local families of 37 people killed. \
                At least 150 people are still missing, he said.";
    let body = "The Qalaat Sinan civil defence directorate";
    assert_eq!(source_of(text, "300").as_deref(), Some(body));
    assert_eq!(source_of(text, "23").as_deref(), Some(body));
    assert_eq!(source_of(text, "37").as_deref(), Some("local families"));
    assert_eq!(source_of(text, "At least 150").as_deref(), Some("MP Tarek Nassar"));
    let text = "Gen. Adel Marouf said the strikes were carried out by \"hostile aircraft\" and that \
                the alliance's own tally showed \"no more than 25\" civilians among the dead.";
    assert_eq!(source_of(text, "no more").as_deref(), Some("Gen. Adel Marouf"));
    let ar = "قالت مديرية الدفاع المدني في قلعة سنان إن الغارة قتلت ستة أشخاص.\n\n\
              ووفق سجلات المديرية، خرج أربعة من أفرادها أحياء.\n\n\
              وتلا النائب قائمة أعدّتها عائلات المنطقة تضم أسماء 37 قتيلاً.";
    assert_eq!(source_of(ar, "أربعة").as_deref(), Some("مديرية الدفاع المدني في قلعة سنان"));
    assert_eq!(source_of(ar, "37").as_deref(), Some("عائلات المنطقة"));
}

/// Households, votes and ages in a relative clause are no counts; a family named among the
/// dead is. Must NOT be offered: `a family of eight` a house fell on, `9 to 2`, `80 and 84`,
/// `عائلة من تسعة أفراد`, `بأغلبية تسعة أعضاء مقابل اثنين`.
#[test]
fn households_votes_and_ages_are_not_counts() {
    let got = offered(
        "Rescuers said a house collapsed on a family of eight. The committee voted 9 to 2 to summon \
         the minister. A woman said her parents, who are 80 and 84, were trapped.",
    );
    assert!(got.is_empty(), "{got:?}");
    let got = offered(
        "قال مسعفون إن منزلاً انهار على عائلة من تسعة أفراد. وصوّتت اللجنة بأغلبية تسعة أعضاء مقابل اثنين.",
    );
    assert!(got.is_empty(), "{got:?}");
    let got = offered("Gunmen shot dead a family of six on Sunday, residents said.");
    assert_eq!(got, vec!["six".to_string()], "{got:?}");
    let got = offered("وقال المرصد إن بين القتلى عائلة من ثمانية أفراد.");
    assert_eq!(got, vec!["ثمانية أفراد".to_string()], "{got:?}");
}

/// The items of a list a sentence ending with a colon introduces are that speaker's (or, when
/// the sentence names a document, its author's). Must NOT be: the outlet's own figures.
#[test]
fn a_list_speaks_with_its_introducer() {
    let text = "Eleven aid and rights groups working in the valley said in a joint statement on Tuesday \
                that its health system was near collapse.\n\n\
                The statement listed what it called key figures:\n\n\
                - about 86,000 people living under siege;\n\
                - at least 94 civilians killed since the siege began.\n\n\
                The U.N.'s humanitarian office said 1,900 people had left.";
    assert_eq!(source_of(text, "about").as_deref(), Some("Eleven aid and rights groups"));
    assert_eq!(source_of(text, "at least").as_deref(), Some("Eleven aid and rights groups"));
    assert_eq!(source_of(text, "1,900").as_deref(), Some("The U.N.'s humanitarian office"));
    let ar =
        "حذّرت اثنتا عشرة منظمة إغاثية وحقوقية عاملة في الوادي، في بيان مشترك، من انهيار القطاع الصحي.\n\n\
              وأورد البيان ما سمّاه «أرقاماً أساسية»:\n\n- نحو 84 ألف شخص يعيشون تحت الحصار؛\n";
    assert_eq!(source_of(ar, "نحو").as_deref(), Some("اثنتا عشرة منظمة إغاثية وحقوقية"));
}

/// A document's adjectives are not its author, who may follow a relative and a verb of issuing;
/// a blame speaks only with `المسؤولية`; records and works are things. Must NOT be the source:
/// `السنوي`, a convoy that `حمّلت` goods.
#[test]
fn documents_blame_and_works() {
    let text = "قُتل 148 شخصاً خلال عام 2026، بحسب التقرير السنوي الذي أصدره اليوم «مرصد مخلّفات الحرب».";
    assert_eq!(source_of(text, "148").as_deref(), Some("«مرصد مخلّفات الحرب»"));
    let text = "حمّل وزير الداخلية اللواء هشام عقل المسؤولية لميليشيا «الدرع»، وأعلن توقيف أربعة مشتبه بهم.";
    assert_eq!(source_of(text, "أربعة").as_deref(), Some("وزير الداخلية اللواء هشام عقل"));
    let text = "وقال المكتب إن 20 ألف شخص نزحوا. وحمّلت القافلة مواد غذائية تكفي 5 آلاف شخص.";
    assert_eq!(source_of(text, "20").as_deref(), Some("المكتب"));
    let got = offered("She said her office had received 219 complaints. وتلقّى المكتب 224 شكوى. His brother keeps 14 notebooks.");
    assert!(got.is_empty(), "{got:?}");
}

/// A document issued by someone named after the date: `تقرير أصدره أمس الجمعة «تحالف …»`, `a
/// report released on Friday by the Children in Conflict Alliance`; `the registry`, `the
/// cluster`, `the authority` stand for the body named before. Must NOT be the source: `a report
/// released`, `تقرير أصدره`.
#[test]
fn a_document_issued_by_someone() {
    let text = "Armed groups recruited at least 312 children, according to a report released on Friday by \
                the Children in Conflict Alliance.";
    assert_eq!(source_of(text, "at least").as_deref(), Some("the Children in Conflict Alliance"));
    let text =
        "جنّدت جماعات مسلحة ما لا يقل عن 305 أطفال، بحسب تقرير أصدره أمس الجمعة «تحالف الأطفال في النزاعات».";
    assert_eq!(source_of(text, "ما لا").as_deref(), Some("«تحالف الأطفال في النزاعات»"));
    let text = "The Aid Worker Security Registry said 44 aid workers were kidnapped this year. Of those, \
                31 have since been released, the registry said.";
    assert_eq!(source_of(text, "31").as_deref(), Some("The Aid Worker Security Registry"));
}

/// A sentence with no attribution carries on the speaker of the sentence before it in its
/// paragraph; a paragraph's first sentence only when the same speaker speaks after it. Must NOT
/// be carried: a scene the reporter saw, the setting of the story, a new paragraph between two
/// different speakers.
#[test]
fn a_sentence_without_attribution_carries_on_the_speaker_before() {
    let en = "Title\n\nThe monitor recorded 73 deaths in 2024, it said. Children accounted for 19.\n\n\
              The hospital said it was treating 14 survivors. Dozens of relatives waited outside its morgue.\n\n\
              The report said 52 people were killed by gunmen.\n\nBy province, Sahl was the deadliest, with 88 \
              deaths. The report also tallied 402 wounded.\n\nThe army said 12 soldiers died.\n\nBy district, \
              Tell had 30 deaths.\n\nResidents said 9 homes burned.\n";
    let out = all(en);
    assert_eq!(figure(&out, "19").source.as_deref(), Some("The monitor"));
    // `The report` stands for the monitor, and so does the breakdown between its two mentions.
    assert_eq!(figure(&out, "88").source.as_deref(), Some("The monitor"));
    assert_eq!(figure(&out, "Dozens of relatives").source, None);
    assert_eq!(figure(&out, "30").source, None);
    let ar = "عنوان\n\nوثّقت الشبكة مقتل 209 مدنيين خلال آب. وتوزّع 94 منهم على ريف المحافظة.\n\n\
              وقال المشفى إنه يعالج 14 ناجياً. واحتشد عشرات الأهالي أمام المشفى.\n\n\
              وكانت البلدة تضم زهاء 2400 نسمة. وقال المجلس إن 20 شخصاً قتلوا.\n";
    let out = all(ar);
    assert_eq!(figure(&out, "94").source.as_deref(), Some("الشبكة"));
    assert_eq!(figure(&out, "عشرات الأهالي").source, None);
    assert_eq!(figure(&out, "زهاء 2400").source, None);
}

/// A pronoun with no speaker before it stands for the name that opens the sentence before (a
/// person for `he`, a body for `it`), or for the name that opens its own sentence; a date
/// between a subject and its verb is passed over. Must NOT be taken: `it` for a person, the date
/// as a speaker.
#[test]
fn pronouns_stand_for_the_name_that_opens_a_sentence() {
    let text = "Title\n\nMaj. Gen. Rui Valente, the mission's adviser, briefed the council. He said 9 staff \
                had been wounded.\n\nThe Halvard Conflict Data Project estimates that 61,000 people died. \
                It says the true figure could be 75,000.\n\nThe U.N. stopped publishing its count in 2024, \
                when it put the toll at 45,000.\n\nThe health ministry last year said 20,000 soldiers died.\n\n\
                Dr. Amal Haddad toured the ward. It said 40 beds were full.\n";
    let out = all(text);
    assert_eq!(figure(&out, "9 staff").source.as_deref(), Some("Maj. Gen. Rui Valente"));
    assert_eq!(figure(&out, "75,000").source.as_deref(), Some("The Halvard Conflict Data Project"));
    assert!(figure(&out, "45,000").source.as_deref().is_some_and(|s| s.starts_with("The U.N")));
    assert_eq!(figure(&out, "20,000").source.as_deref(), Some("The health ministry"));
    assert_ne!(figure(&out, "40 beds").source.as_deref(), Some("Dr. Amal Haddad"));
}

/// Frames and verbs Arabic reports use: `وفق ما أعلنه X` and `بحسب ما أفادت به X` look back at
/// what came before; `أقرّ بـ` admits; figures of a body speak for it; an aside on where it sits
/// is passed over. Must NOT be taken: `صباحاً` or `حتى الآن` as a speaker, the description after
/// a name written first, the first word of a name in guillemets as a verb.
#[test]
fn arabic_frames_admissions_and_names_written_first() {
    for (text, wording, source) in [
        ("ارتفعت الحصيلة إلى 26 قتيلاً، وفق ما أعلنه الدفاع المدني في المنطقة، بعد أن كان قد أفاد صباحاً بسقوط تسعة.", "26", Some("الدفاع المدني في المنطقة")),
        ("اعتقلت القوات 64 شاباً، بحسب ما أفادت به «شبكة الخابور لحقوق الإنسان».", "64", Some("«شبكة الخابور لحقوق الإنسان»")),
        ("وأقرّت وزارة الدفاع بمقتل ثلاثة جنود.", "ثلاثة", Some("وزارة الدفاع")),
        ("وأعلنت القيادة العامة للجيش مقتل ثلاثة جنود.", "ثلاثة", Some("القيادة العامة للجيش")),
        ("وتشير تقديرات «مركز الفرات للدراسات» إلى أن 2500 مقاتل بقوا.", "2500", Some("«مركز الفرات للدراسات»")),
        ("وقال العميد كريم اسطفان، المسؤول عن وحدات الهندسة، إن ثلاثة قتلوا.", "ثلاثة", Some("العميد كريم اسطفان")),
        ("غير أن «المرصد الدولي لضحايا النزاعات»، ومقره لندن، أكد أنه تمكّن من توثيق 52 قتيلاً.", "52", Some("«المرصد الدولي لضحايا النزاعات»")),
        ("غير أن «سجلّ ضحايا زيرافان» أعلن مقتل 10 أشخاص.", "10", Some("«سجلّ ضحايا زيرافان»")),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), source, "{text}");
    }
    // A list read out stands for the last speaker of the paragraphs before.
    let text = "عنوان\n\nوقال مدير المستشفى، الطبيب مازن الخطيب، إن الحصيلة ارتفعت.\n\nوبحسب القائمة التي \
                قرأها، وصل 15 شخصاً جثثاً هامدة.\n";
    assert_eq!(source_of(text, "15").as_deref(), Some("مدير المستشفى، الطبيب مازن الخطيب"));
    let text = "عنوان\n\nوقالت النائبة العامة إن فرق الطب الشرعي كشفت حتى الآن عن 38 جثة.\n";
    assert_ne!(source_of(text, "38").as_deref(), Some("حتى الآن"));
    // Initials in brackets end no sentence: the relay keeps its speaker.
    let text =
        "ونقلت وكالة «الأنباء المستقلة» (و.أ.م) عن رئيس المجلس، أبو يوسف الزعبي، قوله إن 27 شخصاً قتلوا.";
    assert_eq!(source_of(text, "27").as_deref(), Some("رئيس المجلس، أبو يوسف الزعبي"));
}

/// English references and relays: a later mention by any head the name holds, a place before
/// `-based`, an office named again, a body named with a document's word, a source cited at the
/// end of a clause, a list introduced without a verb of saying, `, the report found,`. Must NOT
/// be taken: the speaker's own material as the one cited, a capitalised word of a name as a
/// frame on information, a possessive's relative as the speaker.
#[test]
fn references_relays_and_lists_in_english() {
    let text = "Title\n\nThe U.N.-backed Zeravan Humanitarian Forum said 19 civilians were killed, citing the Zeravan \
                Red Crescent. It listed the developments by area:\n\n- Sahl: about 3,400 people fled.\n\n\
                The forum estimated that 212,000 people had been displaced.\n\nThe Open Press Alliance counted 27 \
                dead. The Vanterra-based group said 183 were jailed. Karval accounted for 12 of the deaths, the \
                report found.\n\nThe Sea Monitor put the missing at 45, citing interviews with survivors.\n\n\
                Police recorded 143 kidnappings, provincial police chief Maj. Gen. Tobias Valen told reporters. \
                The police chief said 23 suspects were held.\n\nThe Zeravan Casualty Register said it had so far confirmed 11 deaths.\n\n\
                Salma Idris, a mother of three, said her son, 15, was taken with five other boys.\n";
    let out = all(text);
    assert_eq!(figure(&out, "19").source.as_deref(), Some("the Zeravan Red Crescent"));
    assert_eq!(
        figure(&out, "about 3,400").source.as_deref(),
        Some("The U.N.-backed Zeravan Humanitarian Forum")
    );
    assert_eq!(figure(&out, "212,000").source.as_deref(), Some("The U.N.-backed Zeravan Humanitarian Forum"));
    assert_eq!(figure(&out, "183").source.as_deref(), Some("The Open Press Alliance"));
    assert_eq!(figure(&out, "12").source.as_deref(), Some("The Open Press Alliance"));
    assert_eq!(figure(&out, "45").source.as_deref(), Some("The Sea Monitor"));
    for w in ["143", "23"] {
        assert!(figure(&out, w).source.as_deref().is_some_and(|s| s.ends_with("Tobias Valen")), "{w}");
    }
    assert_eq!(figure(&out, "11 deaths").source.as_deref(), Some("The Zeravan Casualty Register"));
    assert_eq!(figure(&out, "five other boys").source.as_deref(), Some("Salma Idris"));
    // A second verb after `and` is no part of the name.
    let text = "A list compiled by the village council and read out at the funeral named 17 people.";
    assert_eq!(source_of(text, "17").as_deref(), Some("the village council"));
}

/// Numbers that are no new count of people: ages listed after `aged`, a numbered article, a
/// group counted before (`the 48`), a minimum, a difference, a capacity at one time, counts of
/// things (countries, craters, samples, doses). Must still be read: a count after `the` with
/// what is said of it, a count of people held at a time, each group of a list.
#[test]
fn ages_articles_known_groups_capacities_and_things_are_no_claims() {
    let en = "Title\n\nThree boys, aged 9, 11 and 13, were killed, relatives said. He was fined under Art. 44 of the \
              code. The minister said the 48 had been pardoned. He is not among the 27, the group said. Water fell \
              below the minimum of 15. Tolls differ by tens of thousands. We can treat about 40 at a time, she \
              said. Cells held as many as 90 men at a time, it said. The report covers 31 countries and 64 \
              craters. The tally exceeds the 903 recorded last year.\n";
    let got = offered(en);
    for gone in
        ["11", "13", "44", "48", "27", "15", "tens of thousands", "about 40", "31 countries", "64 craters"]
    {
        assert!(!got.iter().any(|w| w == gone || w.starts_with(&format!("{gone} "))), "{gone}: {got:?}");
    }
    for kept in ["Three boys", "as many as 90 men", "903"] {
        assert!(got.iter().any(|w| w.starts_with(kept)), "{kept}: {got:?}");
    }
    let ar = "عنوان\n\nوقال إن التقرير شمل 31 دولة، ووصلت شحنة من 25 ألف جرعة، وأرسلنا 22 عينة. \
              ولا نستطيع علاج أكثر من 35 طفلاً في الوقت نفسه. وأضاف أن 12 مدنياً قتلوا.\n";
    let got = offered(ar);
    for gone in ["31 دولة", "25 ألف جرعة", "22 عينة", "أكثر من 35 طفلاً"] {
        assert!(!got.iter().any(|w| w.starts_with(gone)), "{gone}: {got:?}");
    }
    assert!(got.iter().any(|w| w.starts_with("12 مدنياً")), "{got:?}");
}

/// The date of a figure in a report: the one compared with keeps its own date, a second
/// reported clause is a turn, a date counted from another date is found and left for the
/// reviewer, the conjunction glued to a date phrase is left out. Must NOT be taken: the
/// comparison's date for the figure before it, `since the strike` for a count said on Wednesday.
#[test]
fn dates_of_compared_figures_and_second_reports() {
    let text = "Title\n\nIn 2026, remnants caused 41 casualties, against 18 a year earlier, it said. The bulletin \
                listed 318 cases in the week to Thursday, up from 204 the previous week, and 5 deaths. The agency \
                said on Wednesday that at least five children died, and that hundreds had no care since the \
                strike.\n\nوسجّلت النشرة 296 إصابة، مقابل 198 في الأسبوع السابق. وقتل ثمانية أشخاص ويومي الثلاثاء \
                والأربعاء.\n";
    let out = all(text);
    let when = |w: &str| figure(&out, w).when.clone();
    assert_eq!(when("41").as_deref(), Some("In 2026"));
    assert_eq!(when("18").as_deref(), Some("a year earlier"));
    assert_eq!(when("204").as_deref(), Some("the previous week"));
    assert_ne!(when("5 deaths").as_deref(), Some("the previous week"));
    assert_eq!(when("at least five").as_deref(), Some("on Wednesday"));
    assert_eq!(when("198").as_deref(), Some("في الأسبوع السابق"));
    assert_ne!(when("296").as_deref(), Some("في الأسبوع السابق"));
    assert_eq!(when("ثمانية").as_deref(), Some("يومي الثلاثاء والأربعاء"));
}

/// Arabic later mentions and objects: `«الكتائب»` names `«كتائب جبل الصوان»` again, the gang an
/// accusation names is no part of the speaker, what a verb of counting counts (`خطف`) is no
/// speaker, and footage aired by a channel speaks for the channel. Must NOT be taken: `عصابة`
/// in the speaker's name, `خطف` as a speaker, `Karval` cut from `Karval Now`.
#[test]
fn later_mentions_accused_gangs_and_channels() {
    let text =
        "عنوان\n\nسارعت «كتائب جبل الصوان» إلى نفي الرقم.\n\nوقالت «الكتائب» إنها فقدت سبعة مقاتلين.\n\n\
                وقال قائد الشرطة، اللواء طوبياس فالن، إن 137 شخصاً خطفوا. واتهم فالن عصابة «الصخرة السوداء» \
                بالوقوف وراء الخطف، مشيراً إلى توقيف 21 مشتبهاً بهم.\n\nوقال «مكتب الحقوق» إن الأرقام أدنى من \
                الواقع، إذ وثّق خطف 185 شخصاً.\n";
    let out = all(text);
    assert_eq!(figure(&out, "سبعة").source.as_deref(), Some("كتائب جبل الصوان"));
    assert_eq!(figure(&out, "21").source.as_deref(), Some("قائد الشرطة، اللواء طوبياس فالن"));
    assert_eq!(figure(&out, "185").source.as_deref(), Some("«مكتب الحقوق»"));
    let en = "Title\n\nFootage aired by the opposition channel Karval Now showed dozens of people fleeing.\n";
    // The kind of body before the name is left out (`the opposition channel`), the name whole.
    assert_eq!(source_of(en, "dozens").as_deref(), Some("Karval Now"));
}

/// Four readings of a real Arabic report: `للمصادر` is a reference to the sources named before
/// (ل + the article, its alef written away); what was announced (`وفق المُعلن عنه`) is no
/// speaker; a person told (`كشف لإخوتنا`, `قال لنا`) is never the speaker, and after a frame the
/// لـ belongs to the frame (`وفقاً لوكالة الأنباء`); a verb in the present is no counted noun.
#[test]
fn references_after_li_what_was_announced_and_who_was_told() {
    let text = "عنوان\n\nوقالت مصادر محلية في البلدة إن 12 شخصاً قتلوا أمس. ووفقاً للمصادر، فإن 30 آخرين أصيبوا.\n\n\
                وشنّت الفرق الأمنية حملات دهم طاولت خلايا وفق المُعلن عنه. وأدى انفجار أمس إلى مقتل 11 عنصراً.\n\n\
                وأكد المتحدث أن الله قد كشف لإخوتنا حقيقة الخدعة. وقال إن 45 مهاجراً انشقوا، من بينهم ثلاثة يُعتبرون من القادة.\n\n\
                ووفقاً لوكالة الأنباء المحلية، قُتل خمسة أشخاص.\n";
    let out = all(text);
    assert_eq!(figure(&out, "30").source.as_deref(), Some("مصادر محلية في البلدة"));
    assert_eq!(figure(&out, "11").source, None);
    assert_eq!(figure(&out, "45").source.as_deref(), Some("المتحدث"));
    assert_eq!(figure(&out, "خمسة").source.as_deref(), Some("وكالة الأنباء المحلية"));
    let three = figure(&out, "ثلاثة");
    assert_eq!(three.figure.as_ref().map(|f| f.wording.as_str()), Some("ثلاثة"));
    assert!(out
        .iter()
        .all(|s| s.source.as_deref().is_none_or(|x| !x.contains("الخدعة") && !x.contains("المعلن"))));
    // Must NOT be cut: a plural of origin is a noun; a recipient named after a verb leaves the
    // speaker after it.
    assert_eq!(
        source_of("وقال لنا مدير المستشفى إن 9 يمنيين أصيبوا.", "9").as_deref(),
        Some("مدير المستشفى")
    );
    assert_eq!(figures("وقال إن 9 يمنيين أصيبوا."), vec!["9 يمنيين"]);
}

/// Findings and replies of an inquiry: `خلصت X إلى أن`, `تمسّكت الحكومة بروايتها`, `رحّبت`,
/// `أوصت`, `في ردّ مكتوب` (a manner, not part of the name), `ويروي التقرير كيف`; `has long
/// maintained that`; a long description after a name leaves the name; `during a week of
/// protests` is a span, not a rate. Must NOT be read as counts: a body's members (`المؤلفة من
/// سبعة أعضاء`), the families a group represents, records reviewed.
#[test]
fn findings_replies_and_the_members_of_a_body() {
    let text = "عنوان\n\nخلصت «لجنة الحقيقة» في تقريرها النهائي إلى أن 118 شخصاً على الأقل قُتلوا.\n\n\
                وقالت رئيسة اللجنة إن اللجنة المؤلفة من سبعة أعضاء راجعت التسجيلات.\n\n\
                في المقابل، تمسكت الحكومة في ردّ مكتوب أُرفق بالتقرير بروايتها التي تفيد بأن 34 شخصاً قُتلوا.\n\n\
                ورحّبت «رابطة العائلات»، التي تمثل 85 عائلة، بالتقرير.\n";
    let out = all(text);
    assert_eq!(figure(&out, "118").source.as_deref(), Some("«لجنة الحقيقة»"));
    assert_eq!(figure(&out, "34").source.as_deref(), Some("الحكومة"));
    assert!(out.iter().any(|s| s.figure.is_none() && s.source.as_deref() == Some("«رابطة العائلات»")));
    assert_eq!(offered(text), vec!["118 شخصاً على الأقل", "34 شخصاً"]);
    let text = "Title\n\nSecurity forces killed at least 73 unarmed people during a week of protests, a commission said.\n\n\
                The Independent Commission of Inquiry into the Corvo Events, a five-member body chaired by retired \
                judge Helena Marsk, said it had identified 69 of the dead by name.\n\n\
                The government has long maintained that 31 people died in the unrest.\n\n\
                Marsk said the commission had reviewed 340 medical records. The Corvo Families Committee, which \
                represents relatives of 58 of the dead, welcomed the report.\n";
    let out = all(text);
    let named = Some("The Independent Commission of Inquiry into the Corvo Events");
    assert_eq!(figure(&out, "at least 73").source.as_deref(), named);
    assert_eq!(figure(&out, "69").source.as_deref(), named);
    assert_eq!(figure(&out, "31").source.as_deref(), Some("The government"));
    assert_eq!(offered(text), vec!["at least 73 unarmed people", "69", "31 people"]);
}

/// A speaker described first and named on (`an independent commission`, then its name; `مختار
/// القرية`, then `المختار، سليم الدبس`) is named on the first mention too; the topic of `أما`
/// before `فقال` is the speaker, office and name or name before a description. Must NOT be
/// joined: a second speaker of the kind (`Another resident, Omar Haddad`), a source noun without
/// a name (`مصدر طبي في المستشفى`).
#[test]
fn a_speaker_named_after_being_described_and_the_topic_of_amma() {
    let text = "عنوان\n\nوقال مختار القرية إن 14 شخصاً قتلوا.\n\nوأضاف المختار، سليم الدبس، أن 9 أصيبوا.\n\n\
                وقال مصدر محلي إن 5 اعتقلوا. وقال مصدر طبي في المستشفى، فضل عدم ذكر اسمه، إن 3 توفوا.\n\n\
                أما مفوّض الإغاثة الحكومي، الطبيب حسن القدسي، فقال للإذاعة الرسمية إن 45 ألفاً بقوا.\n\n\
                أما أم رامي، الأرملة التي تبيع البيض، فتقول إن 11 من الرجال أعيدوا.\n";
    let out = all(text);
    assert_eq!(figure(&out, "14").source.as_deref(), Some("المختار، سليم الدبس"));
    assert_eq!(figure(&out, "5").source.as_deref(), Some("مصدر محلي"));
    assert_eq!(figure(&out, "45").source.as_deref(), Some("مفوّض الإغاثة الحكومي، الطبيب حسن القدسي"));
    assert_eq!(figure(&out, "11").source.as_deref(), Some("أم رامي"));
    let text = "Title\n\nA resident said 12 people were killed.\n\nAnother resident, Omar Haddad, said 20 were hurt.\n";
    assert_eq!(source_of(text, "12").as_deref(), Some("A resident"));
    // An indefinite Arabic body described, then named in guillemets; not a definite one.
    let text = "عنوان\n\nأفادت هيئة طبية تدير مستشفيات ميدانية بمقتل 24 شخصاً.\n\n\
                وقالت «هيئة أطباء الشمال الميدانية» إن طواقمها عالجت 180 مصاباً.\n";
    assert_eq!(source_of(text, "24").as_deref(), Some("«هيئة أطباء الشمال الميدانية»"));
    // Must NOT be joined: a body of the kind that shares no word with the description.
    let text = "عنوان\n\nأفادت منظمة حقوقية محلية بمقتل 24 شخصاً.\n\n\
                وقالت «منظمة العفو الدولية» إن 180 شخصاً أصيبوا.\n";
    assert_eq!(source_of(text, "24").as_deref(), Some("منظمة حقوقية محلية"));
    let text = "عنوان\n\nقالت مديرية الصحة في المحافظة إن 31 شخصاً قتلوا.\n\n\
                وقالت «هيئة أطباء الشمال» إن طواقمها عالجت 180 مصاباً.\n";
    assert_eq!(source_of(text, "31").as_deref(), Some("مديرية الصحة في المحافظة"));
    // An abbreviation or a capital before a hyphen names nobody: the description is named on.
    let text = "Title\n\nA strike killed at least 38 people, a U.K.-based monitor said.\n\n\
                The monitor, the Corran Conflict Tracker, said 9 children died.\n";
    assert_eq!(source_of(text, "at least 38").as_deref(), Some("the Corran Conflict Tracker"));
    let text = "Title\n\nA U.N. panel said 1,046 people had vanished.\n\n\
                The U.N. Expert Panel on Sarn said 611 cases were open.\n";
    assert_eq!(source_of(text, "1,046").as_deref(), Some("The U.N. Expert Panel on Sarn"));
    // Must NOT be joined: a spokesman of another body.
    let text = "Title\n\nA spokesman for the U.S.-led coalition said 4 strikes hit.\n\n\
                Gen. Omar Tell, the command's spokesman, said 40 militants died.\n";
    assert_eq!(source_of(text, "4").as_deref(), Some("A spokesman for the U.S.-led coalition"));
}

/// A date in the description of the source dates the source, not the claim: `a demining group
/// that has worked in the province since 2022, said ... this year`, `العاملة في المحافظة منذ عام
/// 2021، إن ... منذ مطلع العام`.
#[test]
fn a_date_describing_the_source_is_not_the_claims() {
    let when = |text: &str, wording: &str| figure(&all(text), wording).when.clone();
    let text =
        "Title\n\nClear Earth, a demining group that has worked in the province since 2022, said mines \
                had killed 87 people in the province this year.\n";
    assert_eq!(when(text, "87").as_deref(), Some("this year"));
    let text =
        "عنوان\n\nوقالت منظمة «أرض آمنة»، العاملة في إزالة الألغام منذ عام 2021، إن الألغام قتلت 64 شخصاً \
                في المحافظة منذ مطلع العام.\n";
    assert_eq!(when(text, "64").as_deref(), Some("منذ مطلع العام"));
    // Must NOT be lost: the date of the statement when the claim has no other.
    let text = "Title\n\nThe ministry, in a statement on Friday, said 12 people were killed.\n";
    assert_eq!(when(text, "12").as_deref(), Some("on Friday"));
}

/// Documents and their authors in Arabic: a document's adjectives and ordinal are not its
/// author (`تقرير المنظمة السنوي`, `البيان الرابع`), when it came out is an aside (`، الصادر
/// الأسبوع الماضي،`), the latest toll announced names its author after the verb (`وفق آخر حصيلة
/// أعلنتها المديرية`), `في بيانها الأخير` is a manner, and a name in apposition may end the
/// sentence (`وفق مديرها، الأستاذ ناصر القبّاني.`). Must NOT be skipped: `قال آخر`, another
/// speaker.
#[test]
fn arabic_documents_their_authors_and_a_closing_apposition() {
    let text = "عنوان\n\nوقالت منظمة «أرض آمنة» إن الألغام قتلت ثلاثة أطفال.\n\n\
                وأورد تقرير المنظمة السنوي، الصادر الأسبوع الماضي، أنها سجّلت 187 إصابة.\n\n\
                وارتفعت الحصيلة إلى 28 قتيلاً، وفق آخر حصيلة أعلنتها المديرية العامة للحماية المدنية.\n\n\
                وأوضحت في بيانها الأخير أن 46 شخصاً ما زالوا مفقودين.\n\n\
                وتؤوي المدرسة قرابة 1800 نازح، وفق مديرها، الأستاذ ناصر القبّاني.\n\n\
                وقال أحد السكان إن 5 منازل دُمّرت، وقال آخر إن 7 أشخاص أصيبوا.\n";
    let out = all(text);
    assert_eq!(figure(&out, "187").source.as_deref(), Some("منظمة «أرض آمنة»"));
    assert_eq!(figure(&out, "28").source.as_deref(), Some("المديرية العامة للحماية المدنية"));
    assert_eq!(figure(&out, "46").source.as_deref(), Some("المديرية العامة للحماية المدنية"));
    assert_eq!(figure(&out, "قرابة 1800").source.as_deref(), Some("مديرها، الأستاذ ناصر القبّاني"));
    assert_eq!(figure(&out, "7").source.as_deref(), Some("آخر"));
}

/// What the rules above must NOT take: a noun whose first letter is ل is no recipient (`قالت
/// لجانهم`), a word in ة is no possessive (`في رسالة الوزارة` names the ministry), a surname
/// `Long` stays, `وأما` opens a topic as `أما` does, a noun in تَـ is a counted noun.
#[test]
fn recipients_possessives_and_topics_that_are_not() {
    assert_eq!(source_of("وقالت لجانهم إن 12 شخصاً قتلوا.", "12").as_deref(), Some("لجانهم"));
    assert_eq!(source_of("Dr. Long said 12 people were killed.", "12").as_deref(), Some("Dr. Long"));
    let text = "عنوان\n\nوأما أبو سليم، الرجل الذي يبيع الخبز، فيقول إن 11 من الرجال أعيدوا.\n";
    assert_eq!(source_of(text, "11").as_deref(), Some("أبو سليم"));
    assert_eq!(figures("وصلت 12 تَقارير."), vec!["12 تَقارير"]);
    let out = all("عنوان\n\nوقال المرصد في رسالة الوزارة إن 9 أشخاص قتلوا.\n");
    assert_eq!(figure(&out, "9").source.as_deref(), Some("المرصد"));
}

/// A verb before the figure that names no speaker gives way to a frame closing the clause: `أحدث
/// المعلومات المتداولة في هذا السياق تفيد عن إعدام 60 …، وفقاً لمصادر محلية`. Must NOT give way:
/// a verb with its speaker (`قال ناشطون إن 12 …، وفقاً لشهود`: the activists said it).
#[test]
fn a_verb_without_a_speaker_gives_way_to_a_closing_frame() {
    let text = "أحدث المعلومات المتداولة في هذا السياق تفيد عن قيام التنظيم أمس بإعدام 60 مهاجراً كانوا قد \
                انشقوا عنه، وفقاً لمصادر محلية.";
    assert_eq!(source_of(text, "60").as_deref(), Some("مصادر محلية"));
    let text = "قال ناشطون إن 12 شخصاً قتلوا في القصف الذي استهدف السوق، وفقاً لشهود.";
    assert_eq!(source_of(text, "12").as_deref(), Some("ناشطون"));
}

/// Arabic speakers named after a description or described after their name: a nickname or a
/// name given (`قيادي يُكنى «أبو همام»`, `رجل عرّف عن نفسه باسم «أبو سليم»`), a bare name then
/// an office (`حمد الشمري، ممثل الوافدين`), a feminine aside (`، فضّلت عدم ذكر اسمها`) and where
/// a witness works. Must NOT be cut: an office then a name (`مدير المستشفى، الطبيب مازن الخطيب`),
/// a description in one piece (`طبيب يعمل مع منظمة «أطباء الأمل»`).
#[test]
fn arabic_names_given_and_descriptions_after_a_name() {
    for (text, wording, source) in [
        ("وقال قيادي في الكتائب يُكنى «أبو همام» إن ستة جنود قتلوا.", "ستة", "«أبو همام»"),
        ("ويقول رجل عرّف عن نفسه باسم «أبو سليم» إن ثلاثة من شركائه قتلوا.", "ثلاثة", "«أبو سليم»"),
        ("وقال حمد الشمري، ممثل الوافدين من قرية أم سرّ، إن نحو 90 عائلة وصلت.", "نحو 90", "حمد الشمري"),
        (
            "وقالت ممرضة في قسم الجراحة، فضّلت عدم ذكر اسمها، إن أربعة جرحى توفوا.",
            "أربعة",
            "ممرضة في قسم الجراحة",
        ),
        ("وقال شاهد عيان يدعى أبو علي، يعمل في محل مجاور، إن عدة مصابين سقطوا.", "عدة", "أبو علي"),
        (
            "وقال مدير المستشفى، الطبيب مازن الخطيب، إن 12 جريحاً وصلوا.",
            "12",
            "مدير المستشفى، الطبيب مازن الخطيب",
        ),
        ("وقال طبيب يعمل مع منظمة «أطباء الأمل» إن 31 شخصاً توفوا.", "31", "طبيب يعمل مع منظمة «أطباء الأمل»"),
    ] {
        assert_eq!(source_of(text, wording).as_deref(), Some(source), "{text}");
    }
}

/// A kind of body before its name leaves the name (`the press freedom group Press Shield
/// International`, `the charity Hope Relief`); a number is no speaker (`البالغ عددهم`). Must NOT
/// be cut: a modifier that is part of a name (`The U.N.-backed Health Access Monitor`).
#[test]
fn a_kind_of_body_before_its_name() {
    let text = "At least 14 journalists were killed last year, the press freedom group Press Shield International said.";
    assert_eq!(source_of(text, "At least 14").as_deref(), Some("Press Shield International"));
    assert_eq!(source_of("The charity Hope Relief said 5 people died.", "5").as_deref(), Some("Hope Relief"));
    let text = "The U.N.-backed Health Access Monitor said 9 clinics were hit and 12 staff were killed.";
    assert_eq!(source_of(text, "12").as_deref(), Some("The U.N.-backed Health Access Monitor"));
    let text = "وغادر معظم سكان القرية البالغ عددهم نحو 900 نسمة.";
    assert!(all(text).iter().all(|s| s.source.as_deref() != Some("عددهم")));
}

/// An expectation or a plan is no count of what happened: `expected "up to 15,000" people to
/// return`, `planned to vaccinate about 90,000`, `تعتزم توزيع`. Must NOT be dropped: `a planned
/// attack killed 30`, `more than expected: 40 died` across a colon.
#[test]
fn expectations_and_plans_are_not_counts() {
    assert!(offered("She said the agency expected \"up to 15,000\" people to return.").is_empty());
    assert!(offered("The agency said it planned to vaccinate about 90,000 people next week.").is_empty());
    assert!(offered("وقالت المنظمة إنها تعتزم توزيع الغذاء على 5 آلاف شخص.").is_empty());
    assert_eq!(offered("Police said a planned attack killed 30 people."), vec!["30 people"]);
}

/// An outlet's correspondent is the outlet: what they saw or counted is its own reporting
/// (`بحسب مراسل «صحيفة الميدان»`, `أحصى مراسلها`, `تقدير مراسل`, `our correspondent`, `a Harbour
/// Wire reporter`), and a carried speaker is not taken either. `تابع` before لـ is "belonging
/// to", no verb of saying. Must NOT be dropped: `told a reporter` (a recipient), a named reporter
/// who speaks for a union.
#[test]
fn a_correspondent_is_the_outlets_own_reporting() {
    let text = "عنوان\n\nالبطحاء — «صحيفة الميدان»\n\nقال المرصد إن 12 شخصاً قتلوا.\n\n\
                واعتصمت عشرات الأمهات أمام السجن، بحسب مراسل «صحيفة الميدان».\n\n\
                وأحصى مراسلها 19 جثة في باحة المسجد.\n\n\
                وضم الصف ما بين 500 و600 شخص، بحسب تقدير مراسلنا في المكان.\n\n\
                وأصيب 7 أشخاص، بحسب مراسل «قناة الأفق».\n\n\
                وقالت «مراسلون بلا حدود» إن 50 صحفياً قتلوا هذا العام.\n";
    let out = all(text);
    assert_eq!(figure(&out, "12").source.as_deref(), Some("المرصد"));
    for wording in ["عشرات الأمهات", "19", "ما بين 500 و600"] {
        assert_eq!(figure(&out, wording).source, None, "{wording}");
    }
    // Must NOT be dropped: Reporters Without Borders is a body.
    assert_eq!(figure(&out, "50").source.as_deref(), Some("«مراسلون بلا حدود»"));
    let text = "Title\n\nLUSK, Feb. 4 (Harbour Wire) - The monitor said 12 people died.\n\n\
                About 50 relatives held a sit-in outside the gate, our correspondent said.\n\n\
                Some 200 people followed the coffins, a Harbour Wire reporter said.\n\n\
                Sami Dahan, a reporter who heads the press union, said 7 journalists were held.\n";
    let out = all(text);
    assert_eq!(figure(&out, "About 50").source, None);
    assert_eq!(figure(&out, "Some 200").source, None);
    assert_eq!(figure(&out, "7").source.as_deref(), Some("Sami Dahan"));
    let text = "عنوان\n\nقُتل سبعة أشخاص إثر حريق في مستودع للذخيرة تابع للجيش عند مدخل البلدة، بحسب ما \
                أعلنت هيئة الطوارئ.\n";
    assert_eq!(source_of(text, "سبعة").as_deref(), Some("هيئة الطوارئ"));
}

/// Who a body works with or heard is no count of what happened (`a network of about 40 field
/// researchers`, `spoke to 96 people`, `reports from more than 60 volunteers`); kin after a
/// possessive are a household (`her two daughters`), unless they are what happened (`his two
/// sons had been taken`); `half a dozen` is 6 and hides no `a dozen`; `both claims` is no verb.
#[test]
fn staff_sources_households_and_half_a_dozen() {
    let text = "Title\n\nThe tracker, which relies on a network of about 40 field researchers, said 12 people died. \
                Its researchers spoke to 96 people. It relies on reports from more than 60 volunteers.\n\n\
                Shelling killed a woman and her two daughters, residents said. Abu Sami said his two sons had \
                been taken at dawn.\n\n\
                Police arrested half a dozen suspects overnight, the minister said.\n";
    assert_eq!(offered(text), vec!["12 people", "two sons", "half a dozen suspects"]);
    // A photographer of the outlet is the outlet.
    let text = "Title\n\nThe council said 12 people died.\n\n\
                Several hundred people marched, a Lodestar Press photographer said.\n";
    assert_eq!(figure(&all(text), "Several hundred").source, None);
    let text = "Title\n\nParents said their 14 children were among the dead.\n";
    assert_eq!(offered(text), vec!["14 children"]);
    let text = "Title\n\nInterior Minister Karel Dossa dismissed both claims. Police held 6 men, he said.\n";
    assert_eq!(source_of(text, "6").as_deref(), Some("Interior Minister Karel Dossa"));
}

/// Arabic subjects: a relative clause closed by a comma right before the verb describes the
/// subject before it (`«هيئة الدفاع»، التي تضم نحو 90 محامياً، قالت`); not before a verb joined
/// by و. `بالأسماء` is how it was counted and `«بشكل قاطع»` how it
/// was said, neither a speaker. An interviewee introduced with an office in apposition keeps it.
#[test]
fn arabic_closed_relatives_manners_and_an_interviewees_office() {
    let text = "عنوان\n\nوقال المتحدث باسم الوزارة، العميد فواز الدرّة، إن 30 شخصاً اعتقلوا.\n\n\
                غير أن «هيئة الدفاع عن المعتقلين»، التي تضم نحو 90 محامياً، قالت إنها وثّقت بالأسماء 2140 \
                حالة اعتقال.\n\n\
                ونفت قيادة خفر السواحل «بشكل قاطع» أي اعتداء على 61 مهاجراً.\n";
    let out = all(text);
    assert_eq!(figure(&out, "2140").source.as_deref(), Some("«هيئة الدفاع عن المعتقلين»"));
    assert_eq!(figure(&out, "61").source.as_deref(), Some("قيادة خفر السواحل"));
    assert_eq!(figure(&out, "30").source.as_deref(), Some("المتحدث باسم الوزارة، العميد فواز الدرّة"));
    // Must NOT be passed over: a verb joined by و shares the subject of the verb before.
    let text = "عنوان\n\nحمّل وزير الداخلية اللواء هشام عقل المسؤولية لميليشيا «الدرع»، التي تتهمها الحكومة \
                بهجمات، وأعلن توقيف أربعة مشتبه بهم.\n";
    assert_ne!(source_of(text, "أربعة").as_deref(), Some("الحكومة"));
    let text = "عنوان\n\n«موقع المدار» حاور مدير «مرصد العدالة»، المحامي أنس البدوي، حول الاغتيالات.\n\n\
                س: كم عدد القتلى؟\n\nج: وثّقنا اغتيال 38 مسؤولاً محلياً منذ مطلع العام.\n\n\
                س: من يقف وراءها؟\n\nج: لا نعرف بعد.\n";
    assert_eq!(source_of(text, "38").as_deref(), Some("مدير «مرصد العدالة»، المحامي أنس البدوي"));
}

/// A frame whose source relays another in a clause on it gives the originator (`according to
/// the monitor, which cited local sources`, `بحسب الشبكة التي نقلت عن مصادر محلية`), but not its
/// own material; a verb of saying right after a frame's source ends the frame's clause; the
/// dateline's outlet named as a source is its own reporting, unless it is the recipient or a
/// name that only holds its words; guillemets that open on a figure are what was counted; a
/// slogan is no claim; `لافتة` without what it points to is a banner.
#[test]
fn relays_on_a_frame_the_outlets_own_tally_and_slogans() {
    let text = "عنوان\n\nالميناء — «وكالة الموج للأنباء»\n\n\
                قُتل ما بين ثمانية وعشرة أشخاص، بحسب الشبكة التي نقلت عن مصادر محلية.\n\n\
                ولم يخرج إلا بضع عشرات من المرضى، وفق مصادر محلية قالت إن الخارجين يُجبرون على التوقيع.\n\n\
                وغرق 23 مهاجراً في شباط، بحسب ما أحصته «وكالة الموج للأنباء» حينها.\n\n\
                وقالت «جبهة الموج الحر» إن 14 عنصراً قتلوا.\n\n\
                وأكد مصدر أمني لـ«وكالة الموج للأنباء» أن 9 عناصر أصيبوا.\n\n\
                وقالت الشبكة إنها سجّلت «ما يزيد على 900 حالة اشتباه»، نُقل نحو 140 منها إلى المستشفى.\n\n\
                واعتصم عشرات الأهالي، حاملين لافتة كُتب عليها «49 اسماً، 49 كذبة».\n";
    let out = all(text);
    assert_eq!(figure(&out, "ما بين ثمانية وعشرة").source.as_deref(), Some("مصادر محلية"));
    assert_eq!(figure(&out, "بضع عشرات").source.as_deref(), Some("مصادر محلية"));
    assert_eq!(figure(&out, "23").source, None);
    // Must NOT be taken for the outlet: a name holding its word, and the outlet as recipient.
    assert_eq!(figure(&out, "14").source.as_deref(), Some("«جبهة الموج الحر»"));
    assert_eq!(figure(&out, "9").source.as_deref(), Some("مصدر أمني"));
    assert_eq!(figure(&out, "ما يزيد على 900").source.as_deref(), Some("الشبكة"));
    assert_eq!(figure(&out, "نحو 140").source.as_deref(), Some("الشبكة"));
    assert!(!figures(text).iter().any(|f| f.contains("49")), "{:?}", figures(text));
    let text = "Title\n\nLUSK, Feb. 4 (Harbour Wire) - At least nine people were killed, according to the \
                monitor, which cited local sources.\n\n\
                At least 12 people were killed, according to the monitor, which cited its own network.\n\n\
                Some 40 people have died since May, according to a Harbour Wire tally.\n\n\
                Asked by Harbour Wire about the raid, the minister said 6 men were held.\n\n\
                Protesters carried a banner reading \"47 names, 47 lies\".\n";
    let out = all(text);
    assert_eq!(figure(&out, "At least nine").source.as_deref(), Some("local sources"));
    assert_eq!(figure(&out, "At least 12").source.as_deref(), Some("the monitor"));
    assert_eq!(figure(&out, "Some 40").source, None);
    assert_ne!(figure(&out, "6").source, None);
    assert!(!figures(text).iter().any(|f| f.contains("47")), "{:?}", figures(text));
    // One claim for the frame and its relay, not a statement of the frame besides.
    let nine = out.iter().filter(|s| s.quote.contains("At least nine")).count();
    assert_eq!(nine, 1);
    // `في مؤتمر صحفي بالعاصمة` is where it was said; `لفت … أن` still points out.
    let text = "عنوان\n\nنفى المتحدث باسم الجيش، العميد سامي كورت، سقوط مدنيين، وقال في مؤتمر صحفي بالعاصمة \
                نوران إن الغارة قتلت «ما لا يقل عن تسعة مسلحين».\n\n\
                ولفت المدير الطبي، الطبيب نزار العلي، أن 17 من المصابين في العناية المشددة.\n";
    let out = all(text);
    assert_eq!(
        figure(&out, "ما لا يقل عن تسعة").source.as_deref(),
        Some("المتحدث باسم الجيش، العميد سامي كورت")
    );
    assert_eq!(figure(&out, "17").source.as_deref(), Some("المدير الطبي، الطبيب نزار العلي"));
}

/// Numbers that name no new count (an age after a superlative or `aged`, the whole a part was
/// taken from, a year before a document, what is expected, a time of day, the size of a set, a
/// capacity to carry, funerals, a currency); a described body named by a later apposition of
/// its head; a lone demonym is a description.
#[test]
fn ages_wholes_years_and_bodies_renamed() {
    let text = "Title\n\nThe network said 11 men died. The youngest of the dead was 19 and the oldest 63. \
                The bus was carrying 26 pupils aged between six and 14. A 2025 report by the ministry \
                found 40 deaths. Doctors treated 23 survivors. Two of the 23 died after arrival, she said. \
                A further 500 families are expected, the committee said. \"We ran out of beds by six in \
                the morning,\" she said. The well is one of only three still giving water. The ferry, \
                licensed to carry 60 passengers, had 100 people on board. More than 200 people attended \
                the funerals of six of the dead. The governor offered 50,000 crowns.\n";
    assert_eq!(
        offered(text),
        vec!["11 men", "26 pupils", "40 deaths", "23 survivors", "Two", "100 people", "More than 200 people"]
    );
    // Must NOT be dropped: a set not given before is a count of its own.
    let text = "Title\n\nThe court has heard from 12 of the 41 witnesses, the clerk said.\n";
    assert_eq!(offered(text), vec!["12", "41 witnesses"]);
    let text = "Title\n\nA drone strike killed eight fishermen, a local fishermen's union said.\n\n\
                Residents fled.\n\nThe navy denied it.\n\nBoats stayed in port.\n\nPrices rose.\n\n\
                The union, the Skerrin Bay Fishers' Association, says 23 fishermen have been killed.\n\n\
                At least 11 men died in custody, a Sombrian rights group said.\n\n\
                The group, the Detainee Justice Network, said it had interviewed inmates.\n";
    let out = all(text);
    assert_eq!(figure(&out, "eight").source.as_deref(), Some("the Skerrin Bay Fishers' Association"));
    assert_eq!(figure(&out, "At least 11").source.as_deref(), Some("the Detainee Justice Network"));
}

/// Arabic: a name of four words or more in guillemets opening on the head of a body is a name,
/// not speech; a noun inside guillemets starts at their opening mark; a titled name keeps no
/// office after it; what a denial rejects (`ما أعلنته الألوية`) is no statement.
#[test]
fn arabic_long_names_titled_names_and_what_is_denied() {
    let text = "عنوان\n\nأكدت إدارة المعمل في بيان أن 5 عمال قتلوا.\n\n\
                غير أن «نقابة عمال الصناعات الكيميائية» قالت إن الوردية ضمّت «ما يزيد على 60 عاملاً».\n\n\
                بيد أن «نقابة الأطباء» قالت إن 7 أطباء قتلوا.\n\n\
                وقال المحامي نبهان الصالح، عضو هيئة الدفاع، إن 300 سجين ينتظرون.\n\n\
                ونفى مصدر عسكري ما أعلنته الألوية جملةً وتفصيلاً، مؤكداً أن خسائر الجيش لم تتجاوز أربعة شهداء.\n";
    let out = all(text);
    assert_eq!(figure(&out, "ما يزيد على 60").source.as_deref(), Some("«نقابة عمال الصناعات الكيميائية»"));
    assert_eq!(figure(&out, "7").source.as_deref(), Some("«نقابة الأطباء»"));
    assert_eq!(figure(&out, "300").source.as_deref(), Some("المحامي نبهان الصالح"));
    assert_eq!(figure(&out, "لم تتجاوز أربعة").source.as_deref(), Some("مصدر عسكري"));
    // Must NOT be cut: a description after a name in guillemets is no office.
    assert_eq!(figure(&out, "5").source.as_deref(), Some("إدارة المعمل"));
    // The names documented are no speaker: the participle keeps the subject of the verb.
    let text =
        "عنوان\n\nوأوضح المرصد في تقرير أنه وثّق أسماء القتلى، مشيراً إلى أن 37 من المصابين أصيبوا بالرصاص.\n";
    assert_eq!(source_of(text, "37").as_deref(), Some("المرصد"));
}

/// A number left out with no noun (`أشهر الحصار الأربعة عشر`) opens no breakdown: the parts
/// after it break down the count before it. One with a noun still does (`spoke to 96 people
/// for the 58-page report, among them 41 former child soldiers`).
#[test]
fn a_breakdown_after_a_bare_number_left_out() {
    let text = "عنوان\n\nووثّق «مكتب السنابل الطبي» وفاة 136 شخصاً خلال أشهر الحصار الأربعة عشر، بينهم 49 طفلاً \
                و17 مسناً.\n";
    assert_eq!(offered(text), vec!["136 شخصاً", "49 طفلاً", "17 مسناً"]);
    // Must NOT be offered: the breakdown of the people a body spoke to.
    let text =
        "Title\n\nThe group said 12 children died. Its researchers spoke to 96 people for the 58-page \
                report, among them 41 former child soldiers.\n";
    assert_eq!(offered(text), vec!["12 children"]);
}

/// `the health office` stands for `the provincial health office` named before, not for a
/// `police officer` quoted since (one stem for both before names kept the agent's `-er`).
#[test]
fn an_office_is_no_officer() {
    let text = "Title\n\nA car bomb killed at least 23 people, the provincial health office said.\n\n\
                \"It was carnage,\" a police officer at the cordon told reporters. He said 40 cars burned.\n\n\
                In a statement on Tuesday, the health office said seven of the dead were children.\n";
    assert_eq!(source_of(text, "seven").as_deref(), Some("the provincial health office"));
    assert_eq!(crate::normalize::fold_name("officers"), vec!["officer"]);
    assert_eq!(crate::normalize::fold_name("offices"), vec!["offic"]);
}

/// A body's name goes on past a possessive (`the Hearthstone Children's Fund`), so `The
/// U.K.-based charity` stands for it; `gave lower figures, saying` is an estimate with its
/// subject; coffins and funerals are of a known group; an outlet's photographer at a place is
/// the outlet; a participle agreeing with a feminine noun (`إجراءات أمنية مشددة`) is an
/// adjective; `over the same period` and `خلال الفترة ذاتها` date a figure.
#[test]
fn possessive_names_given_figures_and_same_periods() {
    let text = "Title\n\nLUSK, May 4 (Psalter Press) - At least 96 children were killed, the Hearthstone \
                Children's Fund said on Tuesday.\n\n\
                The U.K.-based charity said explosive weapons caused 61 of the deaths, and 52 children \
                were maimed over the same period.\n\n\
                The Justice Ministry gave lower figures, saying 212 inmates had escaped.\n\n\
                Hundreds of mourners followed the coffins of five of the dead.\n\n\
                Dozens of families crossed, a Psalter Press photographer at the western checkpoint said.\n";
    let out = all(text);
    assert_eq!(figure(&out, "61").source.as_deref(), Some("Hearthstone Children's Fund"));
    assert_eq!(figure(&out, "52").when.as_deref(), Some("over the same period"));
    assert_eq!(figure(&out, "212").source.as_deref(), Some("The Justice Ministry"));
    assert_eq!(figure(&out, "Dozens").source, None);
    assert!(!figures(text).iter().any(|f| f == "five"), "{:?}", figures(text));
    let text = "عنوان\n\nأحصى «مرصد الكرمة» مقتل 58 شخصاً.\n\n\
                وشيّع المئات من أهالي المدينة جثامين الضحايا ظهر أمس، وسط إجراءات أمنية مشددة، بحسب مراسل «منصة السواقي».\n\n\
                وقال المرصد إن 12 طفلاً قتلوا خلال الفترة ذاتها.\n";
    let out = all(text);
    assert_eq!(figure(&out, "مئات").source, None);
    assert_eq!(figure(&out, "12").when.as_deref(), Some("خلال الفترة ذاتها"));
    // Must NOT be taken for an adjective: a participle after its subject carries the statement.
    let text =
        "عنوان\n\nقالت النائبة لينا الصباغ إن 5 أشخاص قتلوا.\n\nومضت الصباغ قائلة إن 40 آخرين أصيبوا.\n";
    assert_eq!(source_of(text, "40").as_deref(), Some("النائبة لينا الصباغ"));
}

/// `وبحسب الجهة المسؤولة` is a breakdown by perpetrator, and `نسب التقرير مقتل 112 إلى` a count
/// the report gives; a report whose author is a body named before stands for it after a person
/// spoke; citing one's own material leaves the speaker for what follows; `gave a third version,
/// saying` is an estimate with its subject.
#[test]
fn breakdowns_reports_and_own_material() {
    let text = "عنوان\n\nووثّقت «الشبكة القديمية» مقتل 206 مدنيين، وفق التقرير الشهري الذي أصدرته.\n\n\
                وبحسب الجهة المسؤولة، نسب التقرير مقتل 112 مدنياً إلى القوات الحكومية.\n\n\
                وقالت مديرة الشبكة، الطبيبة أمل السوقي، إن التراجع حقيقي.\n\n\
                وأحصى التقرير ما لا يقل عن 451 حالة اعتقال تعسفي خلال نيسان.\n";
    let out = all(text);
    assert_eq!(figure(&out, "112").source.as_deref(), Some("«الشبكة القديمية»"));
    assert_eq!(figure(&out, "ما لا يقل عن 451").source.as_deref(), Some("«الشبكة القديمية»"));
    // Must NOT be dropped: `بحسب` before a body is an attribution.
    let text = "عنوان\n\nقُتل 9 أشخاص، بحسب الجهات الرسمية.\n";
    assert_eq!(source_of(text, "9").as_deref(), Some("الجهات الرسمية"));
    let text = "Title\n\nThe Sea Arrivals Monitor put the number of missing at 45, citing interviews with \
                survivors. It said 1,140 people had reached the coast since January.\n\n\
                Jihadist sources quoted by the site Baladna 24 gave a third version, saying 9 soldiers had \
                been killed.\n";
    let out = all(text);
    assert_eq!(figure(&out, "1,140").source.as_deref(), Some("The Sea Arrivals Monitor"));
    assert_eq!(figure(&out, "9").source.as_deref(), Some("Jihadist sources"));
}
