//! The command line: global flags and the command tree, with a one-line description of every
//! option and an example for every command. Every value with a closed set of forms (kinds,
//! grades, digits, relations, tables, dates, ids, formats) is parsed here into its type, so a
//! wrong one is a malformed command line (exit 2) refused before any notebook is opened.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::dates::PartialDate;
use crate::notebook::reconciliations::Window;
use crate::ratings::{Credibility, Reliability};
use crate::vocab::{
    DatePrecision, Envelope, EventProfile, ExportFormat, ExportTable, HistoryTable, MeasureRole, Method,
    Relation, SearchIn, SourceKind,
};

/// A number as people type it: ASCII digits or Arabic-Indic ones (`٥٠`, `۵۰`), blanks around
/// ignored.
pub fn ascii_number(text: &str) -> String {
    text.trim().chars().map(crate::numwords::ascii_digit).collect()
}

/// A whole number from `low` to `high` in any of the digits people type, or one sentence naming
/// the value and what is accepted.
fn whole<T>(text: &str, low: T, high: T, what: &str) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    match ascii_number(text).parse::<T>() {
        Ok(n) if n >= low && n <= high => Ok(n),
        _ => Err(format!(
            "'{text}' is not {what}; give a whole number from {low} to {high} (digits 0-9 or ٠-٩)"
        )),
    }
}

fn best_value(text: &str) -> Result<i64, String> {
    whole(text, 0, 1_000_000_000_000, "a value")
}

fn port(text: &str) -> Result<u16, String> {
    whole(text, 1, u16::MAX, "a port")
}

fn seconds(text: &str) -> Result<u64, String> {
    whole(text, 1, u64::MAX / 1000, "a number of seconds")
}

fn limit(text: &str) -> Result<u32, String> {
    whole(text, 1, 100_000, "a number of matches")
}

fn pairs(text: &str) -> Result<usize, String> {
    whole(text, 0, usize::MAX, "a number of pairs")
}

/// An id as people write it: `12` or `#12`.
pub fn id(text: &str) -> Result<i64, String> {
    let t = ascii_number(text);
    match t.strip_prefix('#').unwrap_or(&t).parse::<i64>() {
        Ok(n) if n > 0 => Ok(n),
        Ok(_) => Err(format!("'{text}' is not an id; ids start at 1 (such as 12 or #12)")),
        _ => Err(format!("'{text}' is not an id; write a number such as 12 or #12")),
    }
}

/// Text that must hold something (a quote, a label, a name, a reason): a blank value (empty, or
/// only spaces) is a malformed command line, refused before any notebook is opened. Kept as
/// typed; the library trims it.
pub fn text(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("the value is blank; give some text (letters, digits or words, not only spaces)".into())
    } else {
        Ok(text.to_string())
    }
}

fn date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text)
}

/// A value an edit may also clear: an empty text ('') clears it.
#[derive(Debug, Clone, PartialEq)]
pub struct Clearable<T>(pub Option<T>);

fn clearable<T>(text: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Clearable<T>, String> {
    if text.trim().is_empty() {
        Ok(Clearable(None))
    } else {
        parse(text).map(|v| Clearable(Some(v)))
    }
}

fn latitude(text: &str) -> Result<String, String> {
    crate::events::latitude(text)
}

fn longitude(text: &str) -> Result<String, String> {
    crate::events::longitude(text)
}

fn where_precision(text: &str) -> Result<u8, String> {
    crate::events::where_precision(text)
}

fn latitude_or_clear(text: &str) -> Result<Clearable<String>, String> {
    clearable(text, latitude)
}

fn longitude_or_clear(text: &str) -> Result<Clearable<String>, String> {
    clearable(text, longitude)
}

fn where_precision_or_clear(text: &str) -> Result<Clearable<u8>, String> {
    clearable(text, where_precision)
}

fn date_or_clear(text: &str) -> Result<Clearable<PartialDate>, String> {
    clearable(text, date)
}

fn role_or_clear(text: &str) -> Result<Clearable<MeasureRole>, String> {
    clearable(text, |t| t.parse::<MeasureRole>())
}

fn window(text: &str) -> Result<Window, String> {
    text.parse()
}

/// A date that may be cleared: empty means "no date".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateOrNone(pub Option<PartialDate>);

fn date_or_none(text: &str) -> Result<DateOrNone, String> {
    if text.trim().is_empty() {
        return Ok(DateOrNone(None));
    }
    PartialDate::parse(text).map(|d| DateOrNone(Some(d)))
}

fn language(text: &str) -> Result<String, String> {
    crate::extract::parse_language(text)
}

fn size(text: &str) -> Result<u64, String> {
    let t = ascii_number(text).to_ascii_uppercase();
    let (digits, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t.as_str(), ""),
    };
    let n: u64 =
        digits.parse().map_err(|_| format!("'{text}' is not a size; write it like 50MB or 200KB"))?;
    let factor = match unit.trim() {
        "" | "B" => 1,
        "K" | "KB" => 1024,
        "M" | "MB" => 1024 * 1024,
        "G" | "GB" => 1024 * 1024 * 1024,
        _ => return Err(format!("'{text}' is not a size; write it like 50MB or 200KB")),
    };
    n.checked_mul(factor)
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("'{text}' is not a size crosscheck accepts"))
}

/// The names given to `--columns`, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnList(pub Vec<String>);

fn columns(text: &str) -> Result<ColumnList, String> {
    let names: Vec<String> =
        text.split(',').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
    if names.is_empty() {
        return Err("give column names separated by commas, such as id,quote,sources".into());
    }
    Ok(ColumnList(names))
}

const GLOBAL: &str = "Global options";

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "A research notebook for claims, sources, Admiralty ratings and conflicting figures",
    long_about = "crosscheck keeps imported articles, the claims they attribute to sources, how far \
        each source and claim can be trusted (the Admiralty code, A-F and 1-6), and reconciles \
        figures that disagree into low, best and high. One notebook is one SQLite file.",
    after_help = "Start here:\n  crosscheck demo            build a sample notebook and see every step\n  crosscheck init            create your own notebook\n  crosscheck help COMMAND    how a command is used"
)]
pub struct Cli {
    /// The notebook file [default: $CROSSCHECK_DB, else notebook.db in the data folder]
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub db: Option<PathBuf>,
    /// Output format [default: table]; csl-json and bibtex are for `export articles` only
    #[arg(long, global = true, value_enum, help_heading = GLOBAL)]
    pub format: Option<ExportFormat>,
    /// Print only these columns, in this order (every format)
    #[arg(long, global = true, value_name = "A,B,C", value_parser = columns, help_heading = GLOBAL)]
    pub columns: Option<ColumnList>,
    /// Print every column in a terminal table
    #[arg(long, global = true, conflicts_with = "columns", help_heading = GLOBAL)]
    pub wide: bool,
    /// Print only errors, and only the id of what a command creates
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or upgrade the notebook and print its path
    #[command(after_help = "Example:\n  crosscheck --db research.db init")]
    Init,
    /// Path, schema version, size and a count for every table
    #[command(after_help = "Example:\n  crosscheck info --format json")]
    Info,
    /// Import articles or CSV files
    #[command(subcommand)]
    Import(ImportCommand),
    /// List, show, edit and remove articles
    #[command(subcommand)]
    Article(ArticleCommand),
    /// Add, list, show, edit, rate, merge and alias sources
    #[command(subcommand)]
    Source(SourceCommand),
    /// Record, list, show, edit, remove and link claims
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Add, list and show measures: quantities several claims give figures for
    #[command(subcommand)]
    Measure(MeasureCommand),
    /// Add, list, show, edit and remove incidents: events with a date, a place and their counts
    #[command(subcommand)]
    Incident(IncidentCommand),
    /// Add, list, remove and parse figures; the vague-word table
    #[command(subcommand)]
    Figure(FigureCommand),
    /// Reconcile a measure's figures into low, best and high, naming conflicts
    #[command(
        after_help = "Examples:\n  crosscheck reconcile defectors.foreign\n  crosscheck reconcile --all --method conservative --format json\n  crosscheck reconcile deaths.market --as-of 2014-12-05\n  crosscheck reconcile deaths.market --timeline\n  crosscheck reconcile deaths.market --explain --lang ar\n  crosscheck reconcile deaths.market --envelope union --window 2014-12-01..2014-12-05\n  crosscheck reconcile deaths.market --save \\\n      --note 'hospital count preferred'"
    )]
    Reconcile(ReconcileArgs),
    /// Write a self-contained HTML report (or Markdown with SVG files) with interval charts
    #[command(
        after_help = "Examples:\n  crosscheck report --all --out report.html\n  crosscheck report deaths.market --lang ar --out تقرير.html\n  crosscheck report --tag defections --min-reliability C --out defections.html\n  crosscheck --format markdown report --all --out report.md"
    )]
    Report(ReportArgs),
    /// Review in the browser: serve the notebook's pages on this machine until Ctrl-C
    #[command(
        after_help = "Examples:\n  crosscheck serve --open\n  crosscheck serve --port 8750 --read-only\n  crosscheck serve --bind 192.168.1.20 --port 8750   # other machines too: read the warning"
    )]
    Serve(ServeArgs),
    /// Export a table for reports and spreadsheets (CSV by default), events as monitors publish
    /// them, or articles for citation managers
    #[command(
        after_help = "Examples:\n  crosscheck export claims --article 1 --bom --out claims.csv\n  crosscheck export figures --measure defectors.foreign --format markdown\n  crosscheck export sources --format json --out sources.json\n  crosscheck export events --profile ucdp --out ged.csv\n  crosscheck export articles --format csl-json --out sources.json\n  crosscheck --db public.db export datasette-metadata --out metadata.json"
    )]
    Export(ExportArgs),
    /// Bring another notebook's work into this one (a colleague's, or your laptop's)
    #[command(after_help = "Example:\n  crosscheck merge ~/shared/colleague.db")]
    Merge {
        /// The other notebook file (it is only read)
        other: PathBuf,
    },
    /// A team's notebooks replicated with Litestream: write the team file, pull and merge every
    /// member's replica, see where each stands
    #[command(subcommand)]
    Team(TeamCommand),
    /// Search articles and claims (Arabic and English; harakat and alef forms ignored)
    #[command(
        after_help = "Examples:\n  crosscheck search المنشقون\n  crosscheck search 'al-Qaeda' --in claims --limit 5"
    )]
    Search(SearchArgs),
    /// The audit trail: every update and delete, with the old row
    #[command(after_help = "Examples:\n  crosscheck history\n  crosscheck history claims 12")]
    History(HistoryArgs),
    /// Build a small notebook from a bundled fictional example, printing each command it runs
    #[command(after_help = "Examples:\n  crosscheck demo\n  crosscheck demo --db /tmp/try.db")]
    Demo,
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples (make the folder first on a fresh machine):\n  mkdir -p ~/.local/share/bash-completion/completions\n  crosscheck completions bash \\\n      > ~/.local/share/bash-completion/completions/crosscheck\n  crosscheck completions zsh > ~/.zfunc/_crosscheck"
    )]
    Completions {
        /// The shell to write completions for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man pages: one for crosscheck and one for each command
    #[command(
        after_help = "Examples:\n  crosscheck man --out man/ && man man/crosscheck.1\n  crosscheck man claim add | man -l -"
    )]
    Man(ManArgs),
    /// Check integrity, foreign keys, hashes, spans and the search index; exit 1 on a problem
    #[command(after_help = "Examples:\n  crosscheck check\n  crosscheck check --repair")]
    Check {
        /// Rebuild the search index and name keys from the texts, the sums above each measure from its parts
        #[arg(long)]
        repair: bool,
    },
    /// Write a consistent copy of the notebook, even while it is in use
    #[command(after_help = "Example:\n  crosscheck backup ~/backups/notebook-2026-11-25.db")]
    Backup {
        /// Where the copy goes (must not exist yet)
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write every page into this folder instead of printing one
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Replace files in the folder even when they are notebooks or .bak copies (never the
    /// notebook in use)
    #[arg(long, requires = "out")]
    pub force: bool,
    /// The command whose page to print, such as: claim add
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import sources from a CSV with the columns `export sources` writes
    #[command(after_help = "Example:\n  crosscheck import sources sources.csv")]
    Sources(CsvImportArgs),
    /// Import claims from a CSV (article_id and quote at least; measure and figure optional)
    #[command(
        after_help = "Examples:\n  crosscheck import claims claims-edited.csv\n  crosscheck claim suggest 3 --out s.csv && crosscheck import claims s.csv"
    )]
    Claims(CsvImportArgs),
    /// Import figures from a CSV with the columns `export figures` writes
    #[command(after_help = "Example:\n  crosscheck import figures figures.csv")]
    Figures(CsvImportArgs),
    /// Import articles (.txt, .md, .html in any encoding, .pdf, .warc web archives): files, folders (walked) or - for stdin
    #[command(
        after_help = "Examples:\n  crosscheck import articles report.md --outlet 'Al-Madina Daily' \\\n      --published 2014-12-05 --lang ar\n  crosscheck import articles reports/ --manifest reports/manifest.csv\n  crosscheck import articles un-report.pdf capture.warc.gz\n  cat page.html | crosscheck import articles - --title 'Defections'"
    )]
    Articles(Box<ImportArticlesArgs>),
}

#[derive(Debug, Args)]
pub struct CsvImportArgs {
    /// The CSV file
    pub file: PathBuf,
    /// Let rows without a uuid change the stored row they match
    #[arg(long)]
    pub update: bool,
    /// Claims only: record each unknown source the file names, unrated (F), its kind guessed
    #[arg(long)]
    pub add_sources: bool,
}

#[derive(Debug, Args)]
pub struct ImportArticlesArgs {
    /// Files, folders or - (stdin)
    #[arg(required_unless_present = "manifest", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub meta: ArticleMetaArgs,
    /// A CSV with columns path,title,outlet,author,url,published,lang
    #[arg(long, value_name = "FILE.csv")]
    pub manifest: Option<PathBuf>,
    /// The largest article read [default: 50MB]
    #[arg(long, value_name = "SIZE", value_parser = size)]
    pub max_size: Option<u64>,
    /// Import files that links lead to outside the folder (or the manifest's folder)
    #[arg(long)]
    pub follow_links: bool,
    /// Print one row per file even for a large import
    #[arg(short, long)]
    pub verbose: bool,
    /// Articles per transaction
    #[arg(long, hide = true, default_value_t = crate::notebook::import::BATCH_ARTICLES)]
    pub batch: usize,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ArticleMetaArgs {
    /// The title [default: the first heading or line]
    #[arg(long, value_parser = text)]
    pub title: Option<String>,
    /// The publisher; an unknown name becomes a new source of kind outlet
    #[arg(long)]
    pub outlet: Option<String>,
    /// The author's name
    #[arg(long)]
    pub author: Option<String>,
    /// Where the article was published online
    #[arg(long)]
    pub url: Option<String>,
    /// Publication date: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub published: Option<PartialDate>,
    /// ISO 639-1 language code such as ar or en [default: detected]
    #[arg(long, value_parser = language)]
    pub lang: Option<String>,
    /// Where a copy of the page is kept (a Wayback or archive.today link)
    #[arg(long, value_name = "URL")]
    pub archived_url: Option<String>,
    /// Read every file as this kind of text, whatever it looks like
    #[arg(long = "as", value_name = "KIND")]
    pub read_as: Option<ReadAs>,
}

/// The kinds of text `import articles --as` reads a file as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReadAs {
    Text,
    Markdown,
    Html,
}

impl From<ReadAs> for crate::extract::FileKind {
    fn from(r: ReadAs) -> Self {
        match r {
            ReadAs::Text => crate::extract::FileKind::Text,
            ReadAs::Markdown => crate::extract::FileKind::Markdown,
            ReadAs::Html => crate::extract::FileKind::Html,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ArticleCommand {
    /// List articles
    #[command(after_help = "Example:\n  crosscheck article list --format markdown")]
    List,
    /// Show an article and its claims; --text prints the body with claimed spans marked
    #[command(after_help = "Examples:\n  crosscheck article show 3\n  crosscheck article show '#3' --text")]
    Show {
        /// The article's id
        #[arg(value_parser = id)]
        id: i64,
        /// Print the body with each claimed span marked ⟦#N …⟧
        #[arg(long)]
        text: bool,
    },
    /// Change an article's title, outlet, author, address, date, language or note (kept in the history)
    #[command(
        after_help = "Examples:\n  crosscheck article edit 3 --title 'Defections spread east of Raqqa'\n  crosscheck article edit 3 --published 2014-12-06 --outlet 'Valley Daily'\n  crosscheck article edit 3 --note 'the date on the page is the update'\n  crosscheck article edit 3 --author ''                 # clears the author",
        group(clap::ArgGroup::new("fields").required(true).multiple(true)
            .args(["title", "outlet", "author", "url", "published", "lang", "note"]))
    )]
    Edit {
        /// The article's id
        #[arg(value_parser = id)]
        id: i64,
        /// A new title
        #[arg(long, value_parser = text)]
        title: Option<String>,
        /// The publisher (an unknown name becomes a new source of kind outlet; empty to clear)
        #[arg(long)]
        outlet: Option<String>,
        /// The author's name (empty to clear)
        #[arg(long)]
        author: Option<String>,
        /// Where it was published online (empty to clear)
        #[arg(long)]
        url: Option<String>,
        /// Publication date YYYY, YYYY-MM or YYYY-MM-DD (empty to clear); the claims' relative
        /// --when phrases are read again against it
        #[arg(long, value_name = "DATE", value_parser = date_or_none)]
        published: Option<DateOrNone>,
        /// ISO 639-1 language code such as ar or en
        #[arg(long, value_parser = language)]
        lang: Option<String>,
        /// A note for yourself on the article (empty to clear)
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove an article (refused while claims cite it, unless --force)
    #[command(after_help = "Example:\n  crosscheck article rm 3 --force")]
    Rm {
        /// The article's id
        #[arg(value_parser = id)]
        id: i64,
        /// Remove the claims that cite it too
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Add a source (new sources start at F: not judged)
    #[command(
        after_help = "Examples:\n  crosscheck source add 'Raqqa local activists' --kind activist \\\n      --reliability C\n  crosscheck source add 'unnamed Nusra source' --kind armed-group \\\n      --anonymous --reliability E"
    )]
    Add {
        /// The source's name
        #[arg(value_parser = text)]
        name: String,
        /// Who the source is
        #[arg(long, value_enum, ignore_case = true)]
        kind: SourceKind,
        /// A (completely reliable) to E (unreliable), F (cannot be judged)
        #[arg(long, value_enum, ignore_case = true, value_name = "GRADE")]
        reliability: Option<Reliability>,
        /// The group or side the source belongs to
        #[arg(long)]
        affiliation: Option<String>,
        /// The source is not named in the article
        #[arg(long)]
        anonymous: bool,
        /// A note for yourself
        #[arg(long)]
        note: Option<String>,
    },
    /// List sources
    #[command(after_help = "Example:\n  crosscheck source list --format csv")]
    List,
    /// Show a source, its other names, its claims and its rating history
    #[command(after_help = "Example:\n  crosscheck source show 'Raqqa local activists'")]
    Show {
        /// The source: its id, name or one of its aliases
        source: String,
    },
    /// Change a source's name, kind, affiliation, naming or note
    #[command(
        after_help = "Example:\n  crosscheck source edit 4 --affiliation 'Free Syrian Army' \\\n      --note 'met in Gaziantep'"
    )]
    Edit {
        /// The source: its id, name or one of its aliases
        source: String,
        /// A new name
        #[arg(long, value_parser = text)]
        name: Option<String>,
        /// Who the source is
        #[arg(long, value_enum, ignore_case = true)]
        kind: Option<SourceKind>,
        /// The group or side the source belongs to (empty to clear)
        #[arg(long)]
        affiliation: Option<String>,
        /// The source is not named in the article
        #[arg(long, conflicts_with = "named")]
        anonymous: bool,
        /// The source is named in the article
        #[arg(long)]
        named: bool,
        /// A note for yourself (empty to clear)
        #[arg(long)]
        note: Option<String>,
    },
    /// Re-rate a source's reliability, with the reason kept in its history
    #[command(
        after_help = "Example:\n  crosscheck source rate 'Raqqa local activists' B \\\n      --why 'three reports confirmed by satellite imagery'"
    )]
    Rate {
        /// The source: its id, name or one of its aliases
        source: String,
        /// The new grade: A to E, or F (cannot be judged)
        #[arg(value_enum, ignore_case = true)]
        grade: Reliability,
        /// Why the rating changes, kept in the source's history
        #[arg(long, required = true, value_parser = text)]
        why: String,
    },
    /// Merge FROM into INTO: attributions, articles and ratings move; FROM's name becomes an alias
    #[command(
        after_help = "Example:\n  crosscheck source merge 'activists in Raqqa' 'Raqqa local activists'"
    )]
    Merge {
        /// The source that goes away
        from: String,
        /// The source that stays
        into: String,
    },
    /// Other names of a source: add, remove, list
    #[command(
        subcommand,
        after_help = "Examples:\n  crosscheck source alias add 'Syrian Observatory' 'المرصد السوري'\n  crosscheck source alias list"
    )]
    Alias(AliasCommand),
}

#[derive(Debug, Subcommand)]
pub enum AliasCommand {
    /// Give a source another name (compared like names: case, harakat and spacing ignored)
    #[command(after_help = "Example:\n  crosscheck source alias add 'Syrian Observatory' 'المرصد السوري'")]
    Add {
        /// The source: its id, name or one of its aliases
        source: String,
        /// The other name
        #[arg(value_parser = text)]
        alias: String,
    },
    /// Remove one of a source's other names
    #[command(after_help = "Example:\n  crosscheck source alias rm 'Syrian Observatory' 'المرصد السوري'")]
    Rm {
        /// The source: its id, name or one of its aliases
        source: String,
        /// The other name to remove
        alias: String,
    },
    /// List the other names of one source, or of all
    #[command(
        after_help = "Examples:\n  crosscheck source alias list\n  crosscheck source alias list 'Syrian Observatory'"
    )]
    List {
        /// The source: its id, name or one of its aliases
        source: Option<String>,
    },
}

#[derive(Debug, Args, Clone, Default)]
pub struct ClaimFilterArgs {
    /// Only claims in this article
    #[arg(long, value_name = "ID", value_parser = id)]
    pub article: Option<i64>,
    /// Only claims attributed to this source (id, name or alias)
    #[arg(long)]
    pub source: Option<String>,
    /// Claims with a source rated this letter or better (F never passes)
    #[arg(long, value_enum, ignore_case = true, value_name = "GRADE")]
    pub min_reliability: Option<Reliability>,
    /// Claims rated this credibility or better (a lower digit)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(Credibility))]
    pub max_credibility: Option<Credibility>,
    /// Only claims with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only claims placed here
    #[arg(long)]
    pub place: Option<String>,
    /// Claims whose event ends on or after this date
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<PartialDate>,
    /// Claims whose event starts on or before this date
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub until: Option<PartialDate>,
    /// Claims that give a figure for this measure
    #[arg(long, value_name = "KEY")]
    pub measure: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ClaimCommand {
    /// Record a claim, anchored to a verbatim quote in its article
    #[command(
        after_help = "Examples:\n  crosscheck claim add --article 1 --quote 'انشقاق ثمانية آخرين' \\\n      --source 'Raqqa local activists' --credibility 3 --when yesterday\n  crosscheck claim add --article 2 --quote 'at least 40 fighters' \\\n      --source 4 --figure defectors.foreign"
    )]
    Add(ClaimAddArgs),
    /// List claims, with filters
    #[command(after_help = "Example:\n  crosscheck claim list --min-reliability C --tag defections")]
    List(ClaimFilterArgs),
    /// Propose the claims an article makes (figures, who said them, when), to review and import
    #[command(
        after_help = "Examples:\n  crosscheck claim suggest 1\n  crosscheck claim suggest 1 --measure deaths.market --out suggested.csv\n  crosscheck import claims suggested.csv   # after reviewing the file"
    )]
    Suggest(ClaimSuggestArgs),
    /// Show a claim with its sources, figures and links
    #[command(after_help = "Example:\n  crosscheck claim show 12")]
    Show {
        /// The claim's id
        #[arg(value_parser = id)]
        id: i64,
    },
    /// Change a claim's text, credibility, place, date, tags or sources
    #[command(after_help = "Example:\n  crosscheck claim edit 12 --credibility 2 --tag confirmed")]
    Edit(ClaimEditArgs),
    /// Remove a claim (kept in history)
    #[command(after_help = "Example:\n  crosscheck claim rm 12")]
    Rm {
        /// The claim's id
        #[arg(value_parser = id)]
        id: i64,
    },
    /// Link two claims: A corroborates, contradicts, repeats or updates (supersedes) B
    #[command(after_help = "Example:\n  crosscheck claim link 14 12 --as updates")]
    Link {
        /// The first claim (for updates: the later one)
        #[arg(value_parser = id)]
        a: i64,
        /// The second claim
        #[arg(value_parser = id)]
        b: i64,
        /// How A relates to B
        #[arg(long = "as", value_enum, ignore_case = true, value_name = "RELATION")]
        relation: Relation,
    },
    /// Remove the link from claim A to claim B (kept in history)
    #[command(
        after_help = "Examples:\n  crosscheck claim unlink 14 12 --as updates\n  crosscheck claim unlink 14 12"
    )]
    Unlink {
        /// The first claim of the link
        #[arg(value_parser = id)]
        a: i64,
        /// The second claim
        #[arg(value_parser = id)]
        b: i64,
        /// Only the link of this relation [default: every link from A to B]
        #[arg(long = "as", value_enum, ignore_case = true, value_name = "RELATION")]
        relation: Option<Relation>,
    },
}

#[derive(Debug, Args)]
pub struct ClaimSuggestArgs {
    /// The article to read
    #[arg(value_name = "ARTICLE", value_parser = id)]
    pub article: i64,
    /// The measure the suggested figures are of (filled in the measure column for import)
    #[arg(long, value_name = "KEY")]
    pub measure: Option<String>,
    /// The incident the suggested claims are about (filled in the incident column for import)
    #[arg(long, value_name = "KEY")]
    pub incident: Option<String>,
    /// Write CSV (or --format) to this file, whole or not at all, ready for `import claims`
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Replace the file even when it is another notebook or a .bak copy (never the notebook in use)
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Start the CSV with a byte order mark (Excel reads UTF-8 then)
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Args)]
pub struct ClaimAddArgs {
    /// The article the quote is in
    #[arg(long, value_name = "ID", value_parser = id)]
    pub article: i64,
    /// The words as the article has them (harakat and spacing may differ)
    #[arg(long, value_parser = text)]
    pub quote: String,
    /// An originating source (id, name or alias); repeat for several; none: the outlet's own report
    #[arg(long = "source")]
    pub sources: Vec<String>,
    /// Your rendering or translation [default: the quote]
    #[arg(long)]
    pub text: Option<String>,
    /// 1 (confirmed) to 5 (improbable), 6 (cannot be judged)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(Credibility))]
    pub credibility: Option<Credibility>,
    /// Where the event happened
    #[arg(long)]
    pub place: Option<String>,
    /// When: 2014-12-05, 2014-12-02..2014-12-05, yesterday, past 3 days, late November ...
    #[arg(long)]
    pub when: Option<String>,
    /// A tag; repeat for several
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// A figure: KEY=NOTATION, or KEY alone to read the number in the quote
    #[arg(long = "figure", value_name = "KEY[=NOTATION]")]
    pub figures: Vec<String>,
    /// The incident the claim is about (its key), with or without a figure
    #[arg(long, value_name = "KEY")]
    pub incident: Option<String>,
    /// Keep a quote that cannot be found in the article, marked unverified
    #[arg(long)]
    pub unverified: bool,
    /// Record it even if the same quote and sources are recorded already
    #[arg(long)]
    pub again: bool,
}

#[derive(Debug, Args)]
pub struct ClaimEditArgs {
    /// The claim's id
    #[arg(value_parser = id)]
    pub id: i64,
    /// Your rendering or translation (empty: the quote)
    #[arg(long)]
    pub text: Option<String>,
    /// 1 (confirmed) to 5 (improbable), 6 (cannot be judged)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(Credibility))]
    pub credibility: Option<Credibility>,
    /// Where the event happened (empty to clear)
    #[arg(long)]
    pub place: Option<String>,
    /// When the event happened (empty to clear)
    #[arg(long)]
    pub when: Option<String>,
    /// Add a tag
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Remove a tag
    #[arg(long = "untag")]
    pub untags: Vec<String>,
    /// Replace the sources (repeat for several)
    #[arg(long = "source")]
    pub sources: Vec<String>,
    /// Make the claim the outlet's own report (no sources)
    #[arg(long, conflicts_with = "sources")]
    pub no_sources: bool,
    /// The incident the claim is about (its key; empty to untie it)
    #[arg(long, value_name = "KEY")]
    pub incident: Option<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for (every word must match)
    pub query: String,
    /// Where to look
    #[arg(long = "in", value_enum, default_value_t = SearchIn::All)]
    pub within: SearchIn,
    /// How many matches at most
    #[arg(long, default_value_t = 20, value_parser = limit)]
    pub limit: u32,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// A table with history
    #[arg(value_enum)]
    pub table: Option<HistoryTable>,
    /// A row id in that table
    #[arg(value_parser = id, requires = "table")]
    pub id: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Add a measure such as defectors.foreign
    #[command(
        after_help = "Examples:\n  crosscheck measure add defectors.foreign \\\n      --label 'foreign fighters who defected' --unit people\n  crosscheck measure add site.toll --label 'killed or missing' --sum site.killed,site.missing"
    )]
    Add {
        /// The key: lowercase letters, digits, dots, dashes, underscores
        key: String,
        /// What the measure counts
        #[arg(long, value_parser = text)]
        label: String,
        /// The unit, such as people
        #[arg(long)]
        unit: Option<String>,
        /// The incident it counts for (its key)
        #[arg(long, value_name = "KEY")]
        incident: Option<String>,
        /// What it counts at the incident
        #[arg(long, value_enum, ignore_case = true)]
        role: Option<MeasureRole>,
        /// Make it the sum of these measures of one unit (KEY,KEY,...), reconciled from theirs
        #[arg(long, value_name = "KEY,KEY", value_delimiter = ',')]
        sum: Vec<String>,
    },
    /// Make a measure the sum of others (replacing its parts), reconciled from theirs
    #[command(after_help = "Example:\n  crosscheck measure sum site.toll site.killed site.missing")]
    Sum {
        /// The measure that is the sum
        key: String,
        /// Its parts: measures of one unit
        #[arg(required = true)]
        parts: Vec<String>,
    },
    /// Change a measure's label, unit, incident or role
    #[command(
        after_help = "Examples:\n  crosscheck measure edit tokhar.killed --incident tokhar.2017-03-14 --role killed\n  crosscheck measure edit tokhar.killed --incident ''   # untie it"
    )]
    Edit(MeasureEditArgs),
    /// List measures with their figure and voice counts
    #[command(after_help = "Example:\n  crosscheck measure list")]
    List,
    /// Show a measure's figures side by side and every saved reconciliation
    #[command(after_help = "Example:\n  crosscheck measure show defectors.foreign")]
    Show {
        /// The measure's key
        key: String,
    },
}

#[derive(Debug, Args)]
pub struct MeasureEditArgs {
    /// The measure's key
    pub key: String,
    /// What the measure counts
    #[arg(long, value_parser = text)]
    pub label: Option<String>,
    /// The unit, such as people (empty to clear)
    #[arg(long)]
    pub unit: Option<String>,
    /// The incident it counts for (its key; empty to untie it)
    #[arg(long, value_name = "KEY")]
    pub incident: Option<String>,
    /// What it counts at the incident: killed, injured, missing, displaced, arrested, defected,
    /// other (empty to clear)
    #[arg(long, value_name = "ROLE", value_parser = role_or_clear)]
    pub role: Option<Clearable<MeasureRole>>,
}

#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Add an incident: what happened, when and where, with UCDP's precision codes
    #[command(
        after_help = "Examples:\n  crosscheck incident add tokhar.2017-03-14 --label 'shelling of Tokhar market' \\\n      --from 2017-03-14 --place 'طخار / Tokhar' --lat 36.5142 --lon 37.9120 --where-precision 1\n  crosscheck incident add valley.2017-03 --label 'raids in the valley' --from 2017-03 \\\n      --where-precision 4"
    )]
    Add(IncidentAddArgs),
    /// List incidents, earliest first
    #[command(after_help = "Example:\n  crosscheck incident list --format csv")]
    List,
    /// Show an incident, its measures' reconciliations (saved or computed), voices and support,
    /// and its claims
    #[command(after_help = "Example:\n  crosscheck incident show tokhar.2017-03-14")]
    Show {
        /// The incident's key
        key: String,
    },
    /// Change an incident's label, dates, place, coordinates, precision codes or note
    #[command(
        after_help = "Examples:\n  crosscheck incident edit tokhar.2017-03-14 --to 2017-03-15 --where-precision 2\n  crosscheck incident edit tokhar.2017-03-14 --lat '' --lon ''   # clear the coordinates"
    )]
    Edit(IncidentEditArgs),
    /// Remove an incident (refused while measures or claims are tied to it, unless --force)
    #[command(after_help = "Example:\n  crosscheck incident rm tokhar.2017-03-14 --force")]
    Rm {
        /// The incident's key
        key: String,
        /// Untie its measures and claims (they are kept) and remove it
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct IncidentAddArgs {
    /// The key: lowercase letters, digits, dots, dashes, underscores, such as tokhar.2017-03-14
    pub key: String,
    /// What happened
    #[arg(long, value_parser = text)]
    pub label: String,
    /// The first day it may have happened: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub from: Option<PartialDate>,
    /// The last day it may have happened [default: the end of --from]
    #[arg(long, value_name = "DATE", value_parser = date, requires = "from")]
    pub to: Option<PartialDate>,
    /// How precisely the date is known [default: as the dates are typed]
    #[arg(long, value_enum, ignore_case = true, requires = "from")]
    pub date_precision: Option<DatePrecision>,
    /// Where it happened, in Arabic, English or both
    #[arg(long)]
    pub place: Option<String>,
    /// Latitude in decimal degrees, kept as typed (- for south)
    #[arg(long, value_name = "DEGREES", value_parser = latitude, requires = "lon", allow_hyphen_values = true)]
    pub lat: Option<String>,
    /// Longitude in decimal degrees, kept as typed (- for west)
    #[arg(long, value_name = "DEGREES", value_parser = longitude, requires = "lat", allow_hyphen_values = true)]
    pub lon: Option<String>,
    /// How precisely the place is known, as UCDP GED's where_prec: 1 (the exact place) to 7
    #[arg(long, value_name = "1-7", value_parser = where_precision)]
    pub where_precision: Option<u8>,
    /// A note for yourself
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct IncidentEditArgs {
    /// The incident's key
    pub key: String,
    /// What happened
    #[arg(long, value_parser = text)]
    pub label: Option<String>,
    /// The first day it may have happened (empty to clear the dates)
    #[arg(long, value_name = "DATE", value_parser = date_or_clear)]
    pub from: Option<Clearable<PartialDate>>,
    /// The last day it may have happened
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub to: Option<PartialDate>,
    /// How precisely the date is known
    #[arg(long, value_enum, ignore_case = true)]
    pub date_precision: Option<DatePrecision>,
    /// Where it happened (empty to clear)
    #[arg(long)]
    pub place: Option<String>,
    /// Latitude in decimal degrees, kept as typed (empty, with --lon '', to clear)
    #[arg(long, value_name = "DEGREES", value_parser = latitude_or_clear, requires = "lon", allow_hyphen_values = true)]
    pub lat: Option<Clearable<String>>,
    /// Longitude in decimal degrees, kept as typed
    #[arg(long, value_name = "DEGREES", value_parser = longitude_or_clear, requires = "lat", allow_hyphen_values = true)]
    pub lon: Option<Clearable<String>>,
    /// How precisely the place is known: 1 (the exact place) to 7 (empty to clear)
    #[arg(long, value_name = "1-7", value_parser = where_precision_or_clear)]
    pub where_precision: Option<Clearable<u8>>,
    /// A note for yourself (empty to clear)
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum FigureCommand {
    /// Give a claim's number for a measure
    #[command(
        after_help = "Examples:\n  crosscheck figure add --claim 3 --measure defectors.local 'ما يزيد على 120'\n  crosscheck figure add --claim 5 --measure defectors.foreign dozens"
    )]
    Add {
        /// The claim that gives the figure
        #[arg(long, value_name = "ID", value_parser = id)]
        claim: i64,
        /// The measure's key
        #[arg(long, value_name = "KEY")]
        measure: String,
        /// The figure as the article words it
        notation: String,
    },
    /// List figures
    #[command(after_help = "Example:\n  crosscheck figure list --measure defectors.foreign --format csv")]
    List {
        /// Only this measure's figures
        #[arg(long, value_name = "KEY")]
        measure: Option<String>,
    },
    /// Remove a figure (kept in history)
    #[command(after_help = "Example:\n  crosscheck figure rm 7")]
    Rm {
        /// The figure's id
        #[arg(value_parser = id)]
        id: i64,
    },
    /// Show how a notation is read, without touching the notebook
    #[command(
        after_help = "Examples:\n  crosscheck figure parse 'ما يزيدُ على 100'\n  crosscheck figure parse 'about 45' --format json"
    )]
    Parse {
        /// The figure as the article words it
        notation: String,
        /// Show how it was read, step by step
        #[arg(long)]
        explain: bool,
    },
    /// The vague-word table; `figure terms set` changes a word
    #[command(
        after_help = "Examples:\n  crosscheck figure terms\n  crosscheck figure terms set dozens --low 24 --high 99 --point 36"
    )]
    Terms {
        #[command(subcommand)]
        action: Option<TermsCommand>,
    },
    /// Re-read existing figures with the current vague-word table (kept in history)
    #[command(after_help = "Example:\n  crosscheck figure reread --measure defectors.foreign")]
    Reread {
        /// Only this measure's figures
        #[arg(long, value_name = "KEY")]
        measure: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TermsCommand {
    /// Add or change a vague word (0 <= low <= point <= high)
    #[command(after_help = "Example:\n  crosscheck figure terms set 'عشرات' --low 20 --high 99 --point 20")]
    Set {
        /// The word, as articles write it
        word: String,
        /// The smallest number it can mean
        #[arg(long, value_parser = clap::value_parser!(i64).range(0..=1_000_000_000_000))]
        low: i64,
        /// The largest number it can mean
        #[arg(long, value_parser = clap::value_parser!(i64).range(0..=1_000_000_000_000))]
        high: i64,
        /// The number to count it as
        #[arg(long, value_parser = clap::value_parser!(i64).range(0..=1_000_000_000_000))]
        point: i64,
    },
}

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// Measure keys
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub keys: Vec<String>,
    /// Every measure
    #[arg(long)]
    pub all: bool,
    /// How the best estimate is chosen
    #[arg(long, value_enum, default_value_t = Method::Weighted)]
    pub method: Method,
    /// Take superseded, improbable and E-rated figures too
    #[arg(long)]
    pub include_all: bool,
    /// Only articles published on or before this date (and updates known by then)
    #[arg(long, value_name = "DATE", value_parser = date, conflicts_with = "timeline")]
    pub as_of: Option<PartialDate>,
    /// One reconciliation per date on which the measure's figures changed
    #[arg(long, conflicts_with_all = ["save", "all"])]
    pub timeline: bool,
    /// Store the result with the figures it used
    #[arg(long)]
    pub save: bool,
    /// A note kept with a saved result (required with --method manual)
    #[arg(long)]
    pub note: Option<String>,
    /// The best value, for --method manual
    #[arg(long, value_parser = best_value)]
    pub value: Option<i64>,
    /// Which figures bound the range: the bounds each states (floors a later count passed set
    /// aside), or every voice's low and high
    #[arg(long, value_enum, default_value_t = Envelope::Stated)]
    pub envelope: Envelope,
    /// Only figures whose --when lies inside these days (FROM..TO, such as 2017-03-10..2017-03-12)
    #[arg(long, value_name = "FROM..TO", value_parser = window)]
    pub window: Option<Window>,
    /// Say in sentences which figure set the low, the high and the best, and why each other
    /// figure does not
    #[arg(long, conflicts_with = "timeline")]
    pub explain: bool,
    /// The language of the tables' headers, the summary line, the legend and --explain: en, or
    /// ar for Arabic
    #[arg(long, value_enum, default_value_t = crate::report::Lang::En)]
    pub lang: crate::report::Lang,
    /// How many conflicting pairs to name (the widest gaps first)
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = pairs)]
    pub max_pairs: usize,
    /// Name every conflicting pair (JSON and JSONL only)
    #[arg(long)]
    pub all_pairs: bool,
    /// Draw the terminal chart with ASCII characters only
    #[arg(long)]
    pub ascii: bool,
    /// The claim filters: figures they leave out are listed with the filter as the reason.
    #[command(flatten)]
    pub filter: ClaimFilterArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on [default: a free port]
    #[arg(long, value_name = "N", value_parser = port)]
    pub port: Option<u16>,
    /// Open the page in the browser once the server listens
    #[arg(long)]
    pub open: bool,
    /// Refuse every change: the pages only read
    #[arg(long)]
    pub read_only: bool,
    /// Listen on this address instead of 127.0.0.1 (other machines can then reach the pages; a
    /// warning says so)
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    /// Stop after this many seconds without a request [default: never]
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub idle_timeout: Option<u64>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Measure keys [default: every measure]
    #[arg(conflicts_with = "all")]
    pub keys: Vec<String>,
    /// Every measure (the same as giving no key)
    #[arg(long)]
    pub all: bool,
    /// The file to write (- for standard output, HTML only)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace the file even when it is another notebook or a .bak copy (never the notebook in use)
    #[arg(long)]
    pub force: bool,
    /// The page's title [default: the notebook's file name, without its folder]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Who wrote the report, named under the title [default: nobody is named]
    #[arg(long, value_name = "TEXT")]
    pub author: Option<String>,
    /// The page's language: en, or ar for Arabic headings and a right-to-left page
    #[arg(long, value_enum, default_value_t = crate::report::Lang::En)]
    pub lang: crate::report::Lang,
    /// How the best estimate is chosen where no saved reconciliation applies
    #[arg(long, value_enum, default_value_t = Method::Weighted)]
    pub method: Method,
    /// How many conflicting pairs to name under each chart (the widest gaps first)
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = pairs)]
    pub max_pairs: usize,
    /// The claim filters: figures they leave out are drawn hollow with the filter as the
    /// reason; with no key, the measures are those the passing claims give figures for.
    #[command(flatten)]
    pub filter: ClaimFilterArgs,
}

/// A member as `team init --member` takes it: `NAME=REPLICA_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberArg {
    pub name: String,
    pub replica: String,
}

fn member(text: &str) -> Result<MemberArg, String> {
    let Some((name, replica)) = text.split_once('=') else {
        return Err(format!(
            "'{text}' is not a member; write NAME=REPLICA_URL, such as amal=s3://desk-bucket/amal"
        ));
    };
    let (name, replica) = (name.trim(), replica.trim());
    crate::team::check_member_name(name)?;
    crate::team::check_replica(replica)?;
    Ok(MemberArg { name: name.to_string(), replica: replica.to_string() })
}

fn member_name(text: &str) -> Result<String, String> {
    crate::team::check_member_name(text.trim()).map(|_| text.trim().to_string())
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Write the team file beside the notebook and, for your own member, a Litestream
    /// configuration; print the command that replicates the notebook
    #[command(
        after_help = "Example (Amal's notebook; the desk and Bilal replicate to the same bucket):\n  crosscheck --db amal.db team init --name 'Valley desk' --me amal \\\n      --member amal=s3://valley-desk/amal --member bilal=s3://valley-desk/bilal \\\n      --member desk=s3://valley-desk/desk\n  litestream replicate -config amal.litestream.yml"
    )]
    Init(TeamInitArgs),
    /// Restore every other member's latest replica, check it as any other notebook, and merge it
    /// here: one report per member; running it again changes nothing
    #[command(
        after_help = "Example:\n  crosscheck --db desk.db team pull\n  crosscheck --db desk.db team pull --format json"
    )]
    Pull,
    /// Each member's replica: when it last changed, its Litestream transaction id, and whether
    /// this notebook has merged it since
    #[command(after_help = "Example:\n  crosscheck --db desk.db team status")]
    Status,
}

#[derive(Debug, Args)]
pub struct TeamInitArgs {
    /// The team's name
    #[arg(long, value_name = "TEAM")]
    pub name: String,
    /// Which member this notebook is (its replica gets a Litestream configuration)
    #[arg(long, value_name = "NAME", value_parser = member_name)]
    pub me: Option<String>,
    /// A member and their replica URL, once for each member (you too)
    #[arg(long = "member", value_name = "NAME=URL", value_parser = member, required = true)]
    pub members: Vec<MemberArg>,
    /// Write the team file and Litestream configuration anew when they exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The table to export
    #[arg(value_enum)]
    pub table: ExportTable,
    /// Output format [default: csv]; csl-json and bibtex for articles
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// For events: the dataset whose columns and codes the rows take
    #[arg(long, value_enum, ignore_case = true)]
    pub profile: Option<EventProfile>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the file even when it is another notebook or a .bak copy (never the notebook in use)
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Start with a byte-order mark so spreadsheet programs read Arabic as UTF-8
    #[arg(long)]
    pub bom: bool,
    /// Do not guard cells that a spreadsheet would read as formulas
    #[arg(long)]
    pub raw: bool,
    #[command(flatten)]
    pub filter: ClaimFilterArgs,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_well_formed() {
        Cli::command().debug_assert();
        let cli = Cli::try_parse_from(["crosscheck", "--columns", "id, quote", "claim", "list"]).unwrap();
        assert_eq!(cli.columns, Some(ColumnList(vec!["id".into(), "quote".into()])));
        assert_eq!(id("#12"), Ok(12));
        assert!(id("0").is_err());
        assert_eq!(size("50MB"), Ok(50 * 1024 * 1024));
        assert!(size("lots").is_err());
    }
}
