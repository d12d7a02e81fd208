//! Arabic number agreement: a count and its noun as Arabic writes them. One is the singular
//! followed by `واحد` (`صوت واحد`), two the dual alone (`صوتان`), 3–10 the plural (`3 أصوات`),
//! 11–99 the singular in the accusative (`11 صوتاً`); past 100 the last two digits decide, and a
//! round hundred takes the singular (`100 صوت`).

/// The forms of one noun a count needs.
#[derive(Debug, Clone, Copy)]
pub struct ArNoun {
    /// The singular: `صوت`, `زوج`.
    pub one: &'static str,
    /// The dual in the nominative: `صوتان`, `زوجان`.
    pub two: &'static str,
    /// The plural, for 3–10: `أصوات`, `أزواج`.
    pub few: &'static str,
    /// The singular accusative, for 11–99: `صوتاً`, `زوجاً`.
    pub many: &'static str,
    /// The word for `one` after the singular, in the noun's gender: `واحد`, `واحدة`.
    pub one_word: &'static str,
}

pub const VOICE: ArNoun =
    ArNoun { one: "صوت", two: "صوتان", few: "أصوات", many: "صوتاً", one_word: "واحد" };
pub const PAIR: ArNoun =
    ArNoun { one: "زوج", two: "زوجان", few: "أزواج", many: "زوجاً", one_word: "واحد" };
pub const FIGURE: ArNoun =
    ArNoun { one: "رقم", two: "رقمان", few: "أرقام", many: "رقماً", one_word: "واحد" };
pub const CLAIM: ArNoun =
    ArNoun {
        one: "ادعاء", two: "ادعاءان", few: "ادعاءات", many: "ادعاءً", one_word: "واحد"
    };

/// `n` and the noun in the form Arabic gives that count.
pub fn ar_count(n: i64, noun: &ArNoun) -> String {
    let n = n.max(0);
    match n {
        0 => format!("0 {}", noun.few),
        1 => format!("{} {}", noun.one, noun.one_word),
        2 => noun.two.to_string(),
        _ => match n % 100 {
            3..=10 => format!("{n} {}", noun.few),
            11..=99 => format!("{n} {}", noun.many),
            _ => format!("{n} {}", noun.one),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(ar_count(1, &VOICE), "صوت واحد");
        assert_eq!(ar_count(2, &PAIR), "زوجان");
        assert_eq!(ar_count(3, &VOICE), "3 أصوات");
        assert_eq!(ar_count(10, &PAIR), "10 أزواج");
        assert_eq!(ar_count(11, &VOICE), "11 صوتاً");
        assert_eq!(ar_count(99, &FIGURE), "99 رقماً");
        assert_eq!(ar_count(100, &VOICE), "100 صوت");
        assert_eq!(ar_count(103, &VOICE), "103 أصوات");
        assert_eq!(ar_count(112, &PAIR), "112 زوجاً");
        assert_eq!(ar_count(0, &CLAIM), "0 ادعاءات");
        // Must NOT be written: the plural with the article, or a number before the dual.
        for n in 1..300 {
            let s = ar_count(n, &VOICE);
            assert!(!s.contains("الأصوات") && s != format!("{n} صوتان"), "{n}: {s}");
        }
    }
}
