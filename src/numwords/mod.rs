//! Words and numbers as articles write them, shared by the figure notation and the date
//! phrases: a tokenizer that keeps each token's place in the original text (digits glued to
//! words split, clitics noted), and number words read in Arabic and English up to 999,999.

pub mod numbers;
pub mod tokens;

/// A digit of the scripts articles and researchers type (Arabic-Indic `٣`, Eastern Arabic-Indic
/// `۳`) as its ASCII digit; any other character as it is.
pub fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    }
}
