//! The Admiralty (NATO) code: source reliability A-F and claim credibility 1-6, rated apart and
//! never blended. Typed values that parse once and cannot hold a bad grade afterwards.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Reliability {
    pub fn label(self) -> &'static str {
        match self {
            Reliability::A => "Completely reliable",
            Reliability::B => "Usually reliable",
            Reliability::C => "Fairly reliable",
            Reliability::D => "Not usually reliable",
            Reliability::E => "Unreliable",
            Reliability::F => "Reliability cannot be judged",
        }
    }

    /// The weight a figure gets from its best-rated source.
    pub fn weight(self) -> f64 {
        match self {
            Reliability::A => 1.0,
            Reliability::B => 0.75,
            Reliability::C => 0.5,
            Reliability::D => 0.25,
            Reliability::E => 0.05,
            Reliability::F => 0.5,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Reliability::A => "A",
            Reliability::B => "B",
            Reliability::C => "C",
            Reliability::D => "D",
            Reliability::E => "E",
            Reliability::F => "F",
        }
    }
}

impl FromStr for Reliability {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_uppercase().as_str() {
            "A" => Ok(Reliability::A),
            "B" => Ok(Reliability::B),
            "C" => Ok(Reliability::C),
            "D" => Ok(Reliability::D),
            "E" => Ok(Reliability::E),
            "F" => Ok(Reliability::F),
            _ => Err(format!(
                "'{s}' is not a reliability grade; give a letter from A (completely reliable) to E (unreliable), or F (cannot be judged)"
            )),
        }
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Credibility(u8);

impl Credibility {
    pub const UNJUDGED: Credibility = Credibility(6);

    pub fn new(n: i64) -> Result<Credibility, String> {
        if (1..=6).contains(&n) {
            Ok(Credibility(n as u8))
        } else {
            Err(format!(
                "'{n}' is not a credibility; give a digit from 1 (confirmed by other sources) to 5 (improbable), or 6 (cannot be judged)"
            ))
        }
    }

    pub fn value(self) -> i64 {
        self.0 as i64
    }

    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "Confirmed by other sources",
            2 => "Probably true",
            3 => "Possibly true",
            4 => "Doubtful",
            5 => "Improbable",
            _ => "Truth cannot be judged",
        }
    }

    pub fn weight(self) -> f64 {
        match self.0 {
            1 => 1.0,
            2 => 0.75,
            3 => 0.5,
            4 => 0.25,
            5 => 0.05,
            _ => 0.5,
        }
    }
}

impl FromStr for Credibility {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().parse::<i64>() {
            Ok(n) => Credibility::new(n),
            Err(_) => Err(format!(
                "'{s}' is not a credibility; give a digit from 1 (confirmed by other sources) to 5 (improbable), or 6 (cannot be judged)"
            )),
        }
    }
}

impl fmt::Display for Credibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The kinds of source.
pub const SOURCE_KINDS: [&str; 11] = [
    "outlet",
    "journalist",
    "official",
    "armed-group",
    "monitor",
    "activist",
    "resident",
    "document",
    "social-media",
    "anonymous",
    "other",
];

pub fn parse_kind(s: &str) -> Result<String, String> {
    let k = s.trim().to_ascii_lowercase();
    if SOURCE_KINDS.contains(&k.as_str()) {
        Ok(k)
    } else {
        Err(format!("'{s}' is not a source kind; give one of: {}", SOURCE_KINDS.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_parse_and_refuse() {
        assert_eq!("b".parse::<Reliability>().unwrap(), Reliability::B);
        assert!("G".parse::<Reliability>().unwrap_err().contains("'G'"));
        assert_eq!("2".parse::<Credibility>().unwrap().weight(), 0.75);
        assert!("7".parse::<Credibility>().unwrap_err().contains("'7'"));
        assert!(parse_kind("militia").is_err());
    }
}
