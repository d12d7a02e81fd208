//! The closed vocabularies of the notebook: source kinds, link relations, reconciliation methods
//! and support, import statuses, output formats and the tables a command can name. Each is an
//! enum made by one macro, so every vocabulary parses, prints, serialises and is stored the same
//! way, and one test ties each to the CHECK constraint that guards it in `schema.sql`.

/// Declares a vocabulary: an enum whose every value has one spelling, used on the command line,
/// in the notebook and in every output format.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
        pub enum $name {
            $($(#[$vmeta])* #[cfg_attr(feature = "cli", value(name = $text))] $variant),+
        }

        impl $name {
            /// Every value, in the order the notebook lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What one value is called in messages.
            pub const WHAT: &'static str = $what;

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The spellings, for messages that list what is accepted.
            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let t = s.trim().to_ascii_lowercase();
                Self::ALL.iter().copied().find(|v| v.as_str() == t).ok_or_else(|| {
                    format!("'{}' is not a {}; give one of: {}", s, $what, Self::names().join(", "))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            /// A value crosscheck does not know is an error, never a default: the caller names
            /// the row, and `check` lists every such value.
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = v.as_str()?;
                text.parse().map_err(|_| {
                    rusqlite::types::FromSqlError::Other(
                        format!("'{}' is not a {} crosscheck knows", text, $what).into(),
                    )
                })
            }
        }
    };
}

vocabulary! {
    /// Who a source is.
    #[derive(Default)]
    SourceKind, "source kind" {
        Outlet = "outlet",
        Journalist = "journalist",
        Official = "official",
        ArmedGroup = "armed-group",
        Monitor = "monitor",
        Activist = "activist",
        Resident = "resident",
        Document = "document",
        SocialMedia = "social-media",
        Anonymous = "anonymous",
        #[default]
        Other = "other",
    }
}

vocabulary! {
    /// How two claims relate. `updates`: the first claim supersedes the second.
    Relation, "link relation" {
        Corroborates = "corroborates",
        Contradicts = "contradicts",
        Repeats = "repeats",
        Updates = "updates",
    }
}

vocabulary! {
    /// How the best estimate of a reconciliation is chosen.
    #[derive(Default)]
    Method, "reconciliation method" {
        /// The weighted median of the voices' points.
        #[default]
        Weighted = "weighted",
        /// The smallest point (ACLED's rule).
        Conservative = "conservative",
        /// The unweighted median (the lower middle for an even count).
        Median = "median",
        /// The point of the heaviest figure.
        BestSource = "best-source",
        /// A value the researcher gives with --value and --note.
        Manual = "manual",
        /// Low and high only, as monitors that publish a range do.
        Range = "range",
    }
}

vocabulary! {
    /// Which figures bound a reconciled range.
    #[derive(Default)]
    Envelope, "envelope" {
        /// Each figure gives only the bounds it states (no floor from "up to 30"), and a floor
        /// that a later count has passed no longer sets the low.
        #[default]
        Stated = "stated",
        /// Every voice's low and high, as written (so "up to 30" gives a low of 0).
        Union = "union",
    }
}

vocabulary! {
    /// How well a reconciled figure is supported.
    #[derive(Default)]
    Support, "support" {
        /// No eligible figure.
        #[default]
        None = "none",
        /// One voice.
        SingleSource = "single-source",
        /// Two or more voices that can all be true.
        Corroborated = "corroborated",
        /// Voices that cannot all be true.
        Contested = "contested",
    }
}

vocabulary! {
    /// What became of one imported file.
    ImportStatus, "import status" {
        Imported = "imported",
        Duplicate = "duplicate",
        Failed = "failed",
        Skipped = "skipped",
    }
}

vocabulary! {
    /// The tables whose changes the history keeps.
    HistoryTable, "table with history" {
        Articles = "articles",
        Sources = "sources",
        SourceAliases = "source_aliases",
        SourceRatings = "source_ratings",
        Claims = "claims",
        ClaimSources = "claim_sources",
        ClaimTags = "claim_tags",
        Links = "links",
        Measures = "measures",
        Figures = "figures",
        VagueTerms = "vague_terms",
        Reconciliations = "reconciliations",
        ReconciliationFigures = "reconciliation_figures",
        Incidents = "incidents",
        MeasureParts = "measure_parts",
        RejectedSuggestions = "rejected_suggestions",
    }
}

vocabulary! {
    /// What a measure counts at its incident (UCDP, ACLED and Airwars keep these apart).
    MeasureRole, "measure role" {
        Killed = "killed",
        Injured = "injured",
        Missing = "missing",
        Displaced = "displaced",
        Arrested = "arrested",
        Defected = "defected",
        Other = "other",
    }
}

vocabulary! {
    /// How precisely an incident's date is known, as UCDP GED's `date_prec` and ACLED's
    /// `time_precision` grade it.
    DatePrecision, "date precision" {
        Day = "day",
        Week = "week",
        Month = "month",
        Year = "year",
    }
}

vocabulary! {
    /// The tables `export` writes.
    ExportTable, "table to export" {
        Articles = "articles",
        Sources = "sources",
        Claims = "claims",
        Figures = "figures",
        Measures = "measures",
        Reconciliations = "reconciliations",
        History = "history",
        /// Not a table: the metadata file Datasette reads to describe the published notebook.
        DatasetteMetadata = "datasette-metadata",
    }
}

vocabulary! {
    /// How rows are printed: tables for people, the rest for programs and reports.
    #[derive(Default)]
    Format, "output format" {
        #[default]
        Table = "table",
        Csv = "csv",
        Tsv = "tsv",
        Json = "json",
        Jsonl = "jsonl",
        Markdown = "markdown",
    }
}

vocabulary! {
    /// Where `search` looks.
    SearchIn, "place to search" {
        Articles = "articles",
        Claims = "claims",
        All = "all",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted values of the CHECK (`column IN (...)`) of `column` in `table` in schema.sql.
    fn check_list(table: &str, column: &str) -> Vec<String> {
        let schema = crate::notebook::schema::SCHEMA;
        let start =
            schema.find(&format!("CREATE TABLE {table} (")).unwrap_or_else(|| panic!("no table {table}"));
        let body = &schema[start..];
        let body = &body[..body.find(") STRICT").unwrap()];
        let from = body
            .find(&format!("CHECK ({column} IN ("))
            .unwrap_or_else(|| panic!("no CHECK on {table}.{column}"));
        let list = &body[from..];
        let list = &list[list.find("IN (").unwrap() + 4..list.find("))").unwrap()];
        list.split(',').map(|v| v.trim().trim_matches('\'').to_string()).collect()
    }

    #[test]
    fn every_vocabulary_matches_its_check_constraint() {
        let names = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(check_list("sources", "kind"), names(SourceKind::names()));
        assert_eq!(check_list("links", "relation"), names(Relation::names()));
        assert_eq!(check_list("reconciliations", "method"), names(Method::names()));
        assert_eq!(check_list("reconciliations", "support"), names(Support::names()));
        assert_eq!(check_list("measures", "role"), names(MeasureRole::names()));
        assert_eq!(check_list("incidents", "date_precision"), names(DatePrecision::names()));
        let grades: Vec<String> = ["A", "B", "C", "D", "E", "F"]
            .iter()
            .map(|g| g.parse::<crate::ratings::Reliability>().unwrap().to_string())
            .collect();
        assert_eq!(check_list("sources", "reliability"), grades);
        // And the database refuses what the enum does not know.
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::notebook::schema::SCHEMA).unwrap();
        let insert = |kind: &str| {
            conn.execute(
                "INSERT INTO sources (uuid, name, name_key, kind, created_at) VALUES (?1, ?2, ?2, ?3, 'now')",
                rusqlite::params![uuid::Uuid::now_v7().to_string(), kind, kind],
            )
        };
        for k in SourceKind::ALL {
            insert(k.as_str()).unwrap();
        }
        assert!(insert("militia").is_err());
        // Every table with history is a table of the schema.
        for t in HistoryTable::ALL {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                    [t.as_str()],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "{t}");
        }
    }

    #[test]
    fn values_parse_in_any_case_and_refuse_with_the_list() {
        assert_eq!("Armed-Group".parse::<SourceKind>().unwrap(), SourceKind::ArmedGroup);
        let e = "militia".parse::<SourceKind>().unwrap_err();
        assert!(e.contains("'militia'") && e.contains("armed-group"), "{e}");
        assert_eq!(Method::BestSource.to_string(), "best-source");
        assert_eq!(serde_json::to_string(&Support::SingleSource).unwrap(), "\"single-source\"");
        let back: Relation = serde_json::from_str("\"updates\"").unwrap();
        assert_eq!(back, Relation::Updates);
    }
}
