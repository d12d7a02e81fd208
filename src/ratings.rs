//! The Admiralty (NATO) code: source reliability A-F and claim credibility 1-6, rated apart and
//! never blended. Typed values that parse once and cannot hold a bad grade afterwards; they
//! are stored, printed and read back in one spelling (`B`, `2`).

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Reliability {
    #[cfg_attr(feature = "cli", value(name = "A", help = "Completely reliable"))]
    A,
    #[cfg_attr(feature = "cli", value(name = "B", help = "Usually reliable"))]
    B,
    #[cfg_attr(feature = "cli", value(name = "C", help = "Fairly reliable"))]
    C,
    #[cfg_attr(feature = "cli", value(name = "D", help = "Not usually reliable"))]
    D,
    #[cfg_attr(feature = "cli", value(name = "E", help = "Unreliable"))]
    E,
    /// Not judged: where every source starts.
    #[default]
    #[cfg_attr(feature = "cli", value(name = "F", help = "Reliability cannot be judged"))]
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

impl Default for Credibility {
    fn default() -> Self {
        Credibility::UNJUDGED
    }
}

impl Credibility {
    pub const UNJUDGED: Credibility = Credibility(6);

    pub fn new(n: i64) -> Result<Credibility, String> {
        match u8::try_from(n) {
            Ok(v @ 1..=6) => Ok(Credibility(v)),
            _ => Err(format!(
                "'{n}' is not a credibility; give a digit from 1 (confirmed by other sources) to 5 (improbable), or 6 (cannot be judged)"
            )),
        }
    }

    pub fn value(self) -> i64 {
        i64::from(self.0)
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
        match s.trim().chars().map(crate::numwords::ascii_digit).collect::<String>().parse::<i64>() {
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

impl serde::Serialize for Reliability {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.letter())
    }
}

impl<'de> serde::Deserialize<'de> for Reliability {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

impl rusqlite::types::ToSql for Reliability {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.letter()))
    }
}

impl rusqlite::types::FromSql for Reliability {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = v.as_str()?;
        text.parse().map_err(|_| {
            rusqlite::types::FromSqlError::Other(format!("'{text}' is not a reliability grade").into())
        })
    }
}

impl serde::Serialize for Credibility {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Credibility {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Credibility::new(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl rusqlite::types::ToSql for Credibility {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(i64::from(self.0)))
    }
}

impl rusqlite::types::FromSql for Credibility {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let n = v.as_i64()?;
        Credibility::new(n).map_err(|_| rusqlite::types::FromSqlError::OutOfRange(n))
    }
}

/// The Admiralty pair as people write it: `B2`; with several sources their letters joined by
/// `/` and a space before the digit (`B/E 3`); `?` for a claim with no rated source at all.
pub fn rating(letters: &[Reliability], credibility: Credibility) -> String {
    match letters {
        [] => format!("?{credibility}"),
        [one] => format!("{one}{credibility}"),
        many => {
            let joined: Vec<&str> = many.iter().map(|l| l.letter()).collect();
            format!("{} {credibility}", joined.join("/"))
        }
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
        let two = Credibility::new(2).unwrap();
        assert_eq!(rating(&[Reliability::B], two), "B2");
        assert_eq!(rating(&[Reliability::B, Reliability::E], two), "B/E 2");
    }
}
