use super::quote::for_each_unit;
use super::*;
use proptest::prelude::*;

proptest! {
    #[test]
    fn the_index_counts_characters_as_the_text_does(text in "[a-zé\u{0621}-\u{064A} ]{0,9000}", cut in 0usize..10000) {
        let index = QuoteIndex::new(&text);
        let mut byte = cut.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        prop_assert_eq!(index.char_offset(byte), text[..byte].chars().count());
    }

    #[test]
    fn a_quote_is_found_alike_before_and_after_the_clitic_table_is_made(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "وقال", "قال", "والمقاتلون", "المقاتلون", "مقاتلون", "بالمدينه", "مدينته", "مدينه",
            "وكتابهم", "كتاب", "كتابهم", "فقتلوا", "قتلوا", "ولهم", "the", "fighters", "وisis", "isis",
        ]), 1..40),
        picks in proptest::collection::vec((0usize..40, 1usize..4), 6),
    ) {
        let body = words.join(" ");
        // Quotes are the body's words with the clitics of their edges cut off, or not.
        let quotes: Vec<String> = picks
            .iter()
            .map(|(at, len)| {
                let at = at % words.len();
                let mut q: Vec<&str> = words[at..(at + len).min(words.len())].to_vec();
                let first = q[0].strip_prefix('و').unwrap_or(q[0]);
                q[0] = first;
                q.join(" ")
            })
            .collect();
        let fresh: Vec<_> = quotes.iter().map(|q| QuoteIndex::new(&body).find(q)).collect();
        let shared = QuoteIndex::new(&body);
        for _ in 0..2 {
            for (q, expected) in quotes.iter().zip(&fresh) {
                prop_assert_eq!(&shared.find(q), expected, "{}", q);
            }
        }
        prop_assert!(shared.inside.get().is_some());
    }

    #[test]
    fn a_remembered_stem_is_the_stem(words in proptest::collection::vec("[a-z]{1,12}|[\u{0621}-\u{064A}]{1,8}|[0-9a-z]{1,6}", 1..60)) {
        // Twice over, so the second pass reads every English stem from the table.
        for _ in 0..2 {
            for w in &words {
                let mut out = String::from("x");
                push_stem(w, &mut out);
                let expected = stem(w);
                prop_assert_eq!(&out[1..], expected.as_ref());
            }
        }
    }
}

#[test]
fn a_latin_word_after_a_clitic_is_found_by_the_first_quote_too() {
    let body = "قال مسؤول إن وISIS هاجمت المدينة امس.";
    let fresh = QuoteIndex::new(body);
    let found = fresh.find("ISIS هاجمت المدينة");
    assert!(found.is_some());
    let used = QuoteIndex::new(body);
    for _ in 0..3 {
        used.find("المدينة");
    }
    assert_eq!(used.find("ISIS هاجمت المدينة"), found);
}

#[test]
fn harakat_shadda_and_tatweel_are_removed() {
    assert_eq!(normalize("المنشقّون"), "المنشقون");
    assert_eq!(normalize("يزيدُ"), "يزيد");
    assert_eq!(normalize("أكّد"), "اكد");
    assert_eq!(normalize("الـــرقة"), "الرقه");
}

#[test]
fn alef_forms_yaa_and_taa_marbuta_fold() {
    assert_eq!(normalize("إسلام آمن أحمد ٱلله"), "اسلام امن احمد الله");
    assert_eq!(normalize("مستشفى"), "مستشفي");
    assert_eq!(normalize("مدينة"), "مدينه");
}

#[test]
fn digits_fold_to_ascii() {
    assert_eq!(normalize("٤٥ و ۱۲۳"), "45 و 123");
}

#[test]
fn latin_case_and_accents_fold() {
    assert_eq!(normalize("Défection À Raqqa"), "defection a raqqa");
    assert_eq!(normalize("ﬁve"), "five");
}

#[test]
fn a_shadda_does_not_split_a_word() {
    let w = words("قال المنشقّون");
    assert_eq!(w.len(), 2);
    assert_eq!(w[1].norm, "المنشقون");
    assert_eq!(&"قال المنشقّون"[w[1].start..w[1].end], "المنشقّون");
}

#[test]
fn stemming_strips_prefixes_and_suffixes() {
    assert_eq!(stem("الانشقاقات"), "انشقاق");
    assert_eq!(stem("انشقاق"), "انشقاق");
    assert_eq!(stem("المنشقون"), "منشق");
    assert_eq!(stem("منشقين"), "منشق");
    assert_eq!(stem("والمقاتلين"), "مقاتل");
    assert_eq!(stem("بالرقه"), stem("الرقه"));
    assert_eq!(stem("كتاب"), "كتاب");
    assert_eq!(stem("defectors"), "defector");
    assert_eq!(stem("defector"), "defector");
    assert_eq!(stem("fighters"), stem("fighter"));
    assert_eq!(stem("al"), "al");
}

#[test]
fn query_words_are_always_quoted() {
    let q = fts_expression(&query_terms("al-Qaeda \"AFP NOT")).unwrap();
    assert_eq!(q, "\"al qaeda\" \"afp\" \"not\"");
    assert_eq!(fts_expression(&query_terms(" \" * ")), None);
}

#[test]
fn quotes_are_found_without_harakat_and_with_other_spacing() {
    let body = "وقال ناشطون محليّون إنّ  الانشقاق وقع أمس. ثم قال ناشطون محليون شيئاً آخر.";
    let (s, e) = find_quote(body, "ناشطون محليون ان الانشقاق").unwrap();
    assert_eq!(&body[s..e], "ناشطون محليّون إنّ  الانشقاق");
    // The first of two occurrences.
    let (s2, _) = find_quote(body, "ناشطون محليون").unwrap();
    assert_eq!(s2, s);
    assert!(find_quote(body, "مصدر مجهول").is_none());
    // Tatweel and alef forms in the typed quote do not matter either.
    let (s4, e4) = find_quote(body, "الانشقـــاق وقع أمس").unwrap();
    assert_eq!(&body[s4..e4], "الانشقاق وقع أمس");
    let leaflet = "Text: =HYPERLINK(\"http://x\",\"go\") and more";
    let (s3, e3) = find_quote(leaflet, "=HYPERLINK(\"http://x\",\"go\")").unwrap();
    assert_eq!(&leaflet[s3..e3], "=HYPERLINK(\"http://x\",\"go\")");
    assert!(find_quote(body, "...").is_none());
}

#[test]
fn quotes_match_as_a_reader_sees_them() {
    let body = "وبلغ عدد ضحيتها11 شخصاً بحسب المرصد، وقال مصدر إن «عشرات الإخوة» ينتظرون، \
        وأكد ناشطون بانشقاق قائدين ميدانيين وانشقاقهم عن اللواء، وقُتل ٤٥ مقاتلاً.";
    let found = |q: &str| find_quote(body, q).map(|(s, e)| &body[s..e]);
    // Digits glued to a word match with a space, and the reverse.
    assert_eq!(found("ضحيتها 11 شخصا"), Some("ضحيتها11 شخصاً"));
    assert_eq!(find_quote("قتل 11شخصا", "قتل 11 شخصا").map(|(s, e)| e - s), Some("قتل 11شخصا".len()));
    // Arabic-Indic and ASCII digits.
    assert_eq!(found("وقتل 45 مقاتلا"), Some("وقُتل ٤٥ مقاتلاً"));
    // Quotation marks of any style match each other, and belong to the span.
    assert_eq!(found("\"عشرات الاخوة\""), Some("«عشرات الإخوة»"));
    assert_eq!(found("“عشرات الإخوة” ينتظرون"), Some("«عشرات الإخوة» ينتظرون"));
    // A quote may start after a clitic, or end before a suffix pronoun.
    assert_eq!(found("انشقاق قائدين"), Some("انشقاق قائدين"));
    assert_eq!(found("انشقاق"), Some("انشقاق"));
    assert_eq!(found("ميدانيين وانشقاق"), Some("ميدانيين وانشقاق"));
    assert_eq!(found("قائدين ميدانيين وانشقاق"), Some("قائدين ميدانيين وانشقاق"));
    // Tatweel and harakat in the typed quote do not matter.
    assert_eq!(found("عددُ ضحيتـــها11"), Some("عدد ضحيتها11"));
    assert_eq!(found("مصدر مجهول"), None);
    assert_eq!(found(""), None);
    let en = "Officials said \u{201c}a dozen\u{201d} fighters left; later, a dozen more left.";
    let (s, e) = find_quote(en, "\"a dozen\" fighters").unwrap();
    assert_eq!(&en[s..e], "\u{201c}a dozen\u{201d} fighters");
    let (s, _) = find_quote(en, "a dozen").unwrap();
    assert_eq!(s, en.find("a dozen").unwrap(), "the first occurrence");
}

#[test]
fn a_quote_index_answers_many_quotes_and_survives_common_words() {
    // A body of one word repeated with rare breaks: candidates from the rarest word are many,
    // so the index falls back to one linear pass, and still finds the first occurrence.
    let mut body = String::new();
    for i in 0..5000 {
        body.push_str(if i % 97 == 96 { "في " } else { "من " });
    }
    body.push_str("من من من في نهاية");
    let index = QuoteIndex::new(&body);
    let quote = "من من من في نهاية";
    let (s, e) = index.find(quote).unwrap();
    assert_eq!(&body[s..e], quote);
    assert_eq!(index.find("في في"), None);
    assert_eq!(index.find("من نهاية"), None);
    let (s2, _) = index.find("من من").unwrap();
    assert_eq!(s2, 0);
}

/// Run with `cargo test --release --lib quote_timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn quote_timing_5000_words_in_a_million() {
    // 20,000 distinct Arabic words of four to six letters.
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let vocab: Vec<String> = (0..20_000u32)
        .map(|i| {
            let mut x = i.wrapping_mul(2_654_435_761) as usize;
            (0..4 + i as usize % 3)
                .map(|_| {
                    let c = letters[x % letters.len()];
                    x /= letters.len();
                    x += 7;
                    c
                })
                .collect()
        })
        .collect();
    let mut seed = 12345u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let words: Vec<&str> =
        (0..1_000_000).map(|_| vocab[(next() % vocab.len() as u64) as usize].as_str()).collect();
    let body = words.join(" ");
    let quote = words[990_000..995_000].join(" ");
    let t = std::time::Instant::now();
    let mut n = 0;
    for_each_unit(&body, |_, _, _| n += 1);
    let split = t.elapsed();
    let t = std::time::Instant::now();
    let index = QuoteIndex::new(&body);
    let built = t.elapsed();
    eprintln!("{n} units split in {split:?}");
    let t = std::time::Instant::now();
    let span = index.find(&quote);
    let found = t.elapsed();
    assert!(span.is_some());
    let t = std::time::Instant::now();
    let whole = find_quote(&body, &quote);
    let once = t.elapsed();
    assert_eq!(span, whole);
    eprintln!("1,000,000-word body: index built in {built:?}; 5,000-word quote found in {found:?}; find_quote (build + find) {once:?}");
}

#[test]
fn snippet_marks_original_words() {
    let text = "يقول التقرير إنّ المنشقّين غادروا الرقة ليلاً.";
    let s = snippet(text, &query_terms("المنشقون"), 80);
    assert!(s.contains("[المنشقّين]"), "{s}");
}

#[test]
fn the_arabic_fast_path_agrees_with_unicode() {
    for c in '\u{0600}'..='\u{06FF}' {
        if is_arabic_mark(c) || fold_arabic(c).is_some() {
            continue;
        }
        assert_eq!(arabic_alnum(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
    }
    // The fast path and the general path split alike.
    let text = "ﻻ بأس، قالَ المنشقّون: ٤٥ fighters — Émile ﬁve";
    let slow: Vec<String> = {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in text.chars() {
            let mut b = String::new();
            push_folded(c, &mut b);
            if b.is_empty() {
                continue;
            }
            if b.chars().count() > 1 {
                cur.extend(b.chars().filter(|f| f.is_alphanumeric()));
                continue;
            }
            for f in b.chars() {
                if f.is_alphanumeric() {
                    cur.push(f);
                } else if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    };
    let fast: Vec<String> = words(text).into_iter().map(|w| w.norm).collect();
    assert_eq!(fast, slow);
}

#[test]
fn a_character_that_folds_to_several_never_makes_overlapping_words() {
    // Found by the fuzzer: ½ folds to 1⁄2.
    let text = "_Ⱦ½UL\u{0}0\re\np,J\nJ-\u{1}\u{e}J\nJ";
    let ws = words(text);
    for pair in ws.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{ws:?}");
    }
    let _ = snippet(text, &query_terms(text), 40);
    assert_eq!(words("½ and ﬁ").iter().map(|w| w.norm.as_str()).collect::<Vec<_>>(), ["12", "and", "fi"]);
}

#[test]
fn snippets_cut_at_wide_spaces_safely() {
    let text = "ab\u{2003}cd\u{3000}ef gh\u{2003}\u{2003}dv ij";
    for width in 1..40 {
        let s = snippet(text, &query_terms("dv"), width);
        assert!(s.contains("[dv]") || width < 3, "{width}: {s}");
    }
}

proptest! {
    #[test]
    fn normalize_is_idempotent(s in "\\PC{0,40}") {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
    }

    #[test]
    fn harakat_never_change_the_normal_form(
        letters in proptest::collection::vec(proptest::sample::select(vec!['ك','ت','ب','ا','ل','م','ن','ش','ق','و','ي','ة','أ']), 1..12),
        marks in proptest::collection::vec(proptest::sample::select(vec!['\u{064E}','\u{064F}','\u{0650}','\u{0651}','\u{0652}','\u{064B}','\u{0640}','\u{0670}']), 12),
    ) {
        let plain: String = letters.iter().collect();
        let marked: String = letters.iter().zip(marks.iter()).flat_map(|(l, m)| [*l, *m]).collect();
        prop_assert_eq!(normalize(&plain), normalize(&marked));
        prop_assert_eq!(index_text(&plain), index_text(&marked));
    }

    #[test]
    fn word_spans_are_char_boundaries(s in "\\PC{0,60}") {
        for w in words(&s) {
            prop_assert!(s.is_char_boundary(w.start) && s.is_char_boundary(w.end));
            prop_assert!(w.start < w.end);
        }
        let _ = snippet(&s, &query_terms("a"), 30);
        let _ = snippet(&s, &query_terms("dv"), 20);
        let ws = words(&s);
        for pair in ws.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "words overlap in {:?}", s);
        }
    }
}
