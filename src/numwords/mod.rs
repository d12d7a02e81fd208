//! Words and numbers as articles write them, shared by the figure notation and the date
//! phrases: a tokenizer that keeps each token's place in the original text (digits glued to
//! words split, clitics noted), and number words read in Arabic and English up to 999,999.

pub mod numbers;
pub mod tokens;
