//! Tokens of a wording: words, numbers and symbols, each with its search-normalised form and
//! its byte span in the text as typed, so that every rule can quote the user's own characters.
//! Shared by the figure reader and the `--when` phrase reader.

use crate::normalize::fold_char;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (Arabic or Latin), normalised.
    Word,
    /// Digits, with `,` thousands separators kept in `norm`.
    Num,
    /// Digits with a decimal point (`2.5`): never a count by itself.
    Decimal,
    /// One symbol (`+ - ~ > < >= <= % / : ( ) "` ...), dashes and quotation marks folded.
    Sym,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub kind: TokKind,
    pub norm: String,
    pub start: usize,
    pub end: usize,
    /// The original byte offset of each normalised character, so that a clitic can be set
    /// aside and the rest quoted as typed.
    pub offs: Vec<usize>,
    /// Whitespace (or the start of the text) right before the token.
    pub space_before: bool,
    /// The first original character is an upper-case letter.
    pub upper: bool,
    /// The original characters carry tanween fatha (ألفاً), which settles one ambiguity.
    pub tanween: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_sym(&self, s: &str) -> bool {
        self.kind == TokKind::Sym && self.norm == s
    }
    /// Byte offset in the original text where normalised character `k` starts.
    pub fn offset_of_char(&self, k: usize) -> usize {
        self.offs.get(k).copied().unwrap_or(self.end)
    }
    /// The value of a well-formed number token (grouping checked), or None.
    pub fn value(&self) -> Option<i64> {
        if self.kind != TokKind::Num {
            return None;
        }
        number_value(&self.norm).ok()
    }
}

/// Largest number accepted: beyond any count a researcher records, and far from overflow.
pub(crate) const MAX: i64 = 1_000_000_000_000;

/// Why digits were not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumError {
    Grouping,
    TooLarge,
}

/// Digits with optional `,` thousands separators, grouping checked, up to [`MAX`].
pub(crate) fn number_value(s: &str) -> Result<i64, NumError> {
    let groups: Vec<&str> = s.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok || groups.iter().any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit())) {
        return Err(NumError::Grouping);
    }
    let digits: String = groups.concat();
    if digits.len() > 13 {
        return Err(NumError::TooLarge);
    }
    match digits.parse::<i64>() {
        Ok(n) if n <= MAX => Ok(n),
        _ => Err(NumError::TooLarge),
    }
}

fn is_digit_char(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Symbols folded to one spelling: dashes, comparison signs, quotation marks.
fn fold_symbol(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '"' | '＂' => '"',
        '‘' | '’' | '‚' | '‛' | '`' => '\'',
        '≈' | '∼' => '~',
        '٪' => '%',
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        _ => c,
    }
}

/// Splits a text into tokens. Letters and digits glued together (`ضحيتها11`, `49were`) are two
/// tokens; harakat, tatweel and invisible characters belong to the token they sit in.
// Long because it is one pass with one case per way a character joins the token before it.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut cur: Option<Token> = None;
    let mut space = true;
    let mut buf = String::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        let next_is_digit = iter.peek().map(|(_, n)| is_digit_char(*n)).unwrap_or(false);
        buf.clear();
        fold_char(c, &mut buf);
        if buf.is_empty() {
            if let Some(t) = cur.as_mut() {
                t.end = end;
                t.tanween |= c == '\u{064B}';
            }
            continue;
        }
        for g in buf.chars() {
            if g.is_whitespace() {
                flush(&mut cur, &mut out);
                space = true;
                continue;
            }
            let kind = if g.is_ascii_digit() {
                TokKind::Num
            } else if g.is_alphabetic() {
                TokKind::Word
            } else {
                TokKind::Sym
            };
            match (kind, cur.as_mut()) {
                (TokKind::Num, Some(t)) if matches!(t.kind, TokKind::Num | TokKind::Decimal) => {
                    t.norm.push(g);
                    t.offs.push(i);
                    t.end = end;
                }
                (TokKind::Word, Some(t)) if t.kind == TokKind::Word => {
                    t.norm.push(g);
                    t.offs.push(i);
                    t.end = end;
                }
                (TokKind::Sym, Some(t))
                    if t.kind == TokKind::Num && next_is_digit && (g == ',' || g == '٬') =>
                {
                    t.norm.push(',');
                    t.offs.push(i);
                    t.end = end;
                }
                (TokKind::Sym, Some(t))
                    if t.kind == TokKind::Num && next_is_digit && (g == '.' || g == '٫') =>
                {
                    t.kind = TokKind::Decimal;
                    t.norm.push('.');
                    t.offs.push(i);
                    t.end = end;
                }
                (TokKind::Sym, Some(t))
                    if t.kind == TokKind::Sym && g == '=' && (t.norm == ">" || t.norm == "<") =>
                {
                    t.norm.push('=');
                    t.end = end;
                }
                _ => {
                    flush(&mut cur, &mut out);
                    let norm = match fold_symbol(g) {
                        '≥' => ">=".to_string(),
                        '≤' => "<=".to_string(),
                        s => s.to_string(),
                    };
                    let n = norm.chars().count();
                    cur = Some(Token {
                        kind,
                        norm: if kind == TokKind::Sym { norm } else { g.to_string() },
                        start: i,
                        end,
                        offs: vec![i; if kind == TokKind::Sym { n } else { 1 }],
                        space_before: space,
                        upper: c.is_uppercase(),
                        tanween: false,
                    });
                    space = false;
                    if kind == TokKind::Sym && !matches!(g, '>' | '<') {
                        flush(&mut cur, &mut out);
                    }
                }
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn flush(cur: &mut Option<Token>, out: &mut Vec<Token>) {
    if let Some(t) = cur.take() {
        out.push(t);
    }
}

/// Leading clitics of Arabic words: a conjunction (و ف), a preposition (ب ل ك) and the article
/// (ال), alone or combined (وبال، لل ...). Longest first.
pub(crate) const PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "فب", "ول", "فل",
    "وك", "فك", "ال", "و", "ف", "ب", "ل", "ك",
];

/// The forms of a word with a leading clitic set aside: (characters set aside, clitic, rest).
/// The word itself comes first; a rest keeps at least two letters.
pub(crate) fn clitic_forms(norm: &str) -> Forms<'_> {
    let mut out = Forms::one(norm);
    if !norm.starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return out;
    }
    for p in PROCLITICS {
        if let Some(rest) = norm.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                out.push((p.chars().count(), p, rest));
            }
        }
    }
    // Shortest clitic first after the bare word: "والي" is read as و + الي before وال + ي.
    out.items[1..out.len].sort_by_key(|(n, _, _)| *n);
    out
}

/// The forms of a word, without an allocation: every clitic that fits is a prefix of the word
/// and no two have the same length (one to four letters), so there are at most five forms.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Forms<'a> {
    items: [(usize, &'static str, &'a str); 5],
    len: usize,
}

impl<'a> Forms<'a> {
    /// The word alone.
    pub(crate) fn one(norm: &'a str) -> Self {
        Forms { items: [(0, "", norm); 5], len: 1 }
    }

    fn push(&mut self, form: (usize, &'static str, &'a str)) {
        if self.len < self.items.len() {
            self.items[self.len] = form;
            self.len += 1;
        }
    }
}

impl<'a> std::ops::Deref for Forms<'a> {
    type Target = [(usize, &'static str, &'a str)];
    fn deref(&self) -> &Self::Target {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Forms<'a> {
    type Item = (usize, &'static str, &'a str);
    type IntoIter = std::iter::Take<std::array::IntoIter<Self::Item, 5>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn glued_letters_and_digits_split() {
        assert_eq!(norms("ضحيتها11"), ["ضحيتها", "11"]);
        assert_eq!(norms("وقتل42 و49were"), ["وقتل", "42", "و", "49", "were"]);
        assert_eq!(norms("١٬٢٠٠ و1,200"), ["1,200", "و", "1,200"]);
        assert_eq!(norms(">=100 ≤ 5 10–20"), [">=", "100", "<=", "5", "10", "-", "20"]);
        assert_eq!(norms("«مهاجراً» 2.5"), ["\"", "مهاجرا", "\"", "2.5"]);
    }

    #[test]
    fn spans_are_the_original_characters() {
        let s = "ما يزيدُ على ١٠٠";
        let t = tokenize(s);
        assert_eq!(&s[t[1].start..t[1].end], "يزيدُ");
        assert_eq!(&s[t[3].start..t[3].end], "١٠٠");
        assert_eq!(t[3].value(), Some(100));
        let t = tokenize("ألفاً");
        assert!(t[0].tanween);
    }

    #[test]
    fn clitics() {
        let f: Vec<&str> = clitic_forms("لاكثر").iter().map(|x| x.2).collect();
        assert!(f.contains(&"اكثر"));
        let f: Vec<&str> = clitic_forms("بالعشرات").iter().map(|x| x.2).collect();
        assert!(f.contains(&"عشرات"));
        assert_eq!(clitic_forms("over").len(), 1);
    }
}
