//! `claim suggest ARTICLE`: the claims an article makes, proposed for review, in the columns
//! `import claims` reads back.

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::ClaimSuggestArgs;
use crate::notebook::suggestions::{SuggestOptions, SuggestionRow};
use crate::render::output::Defaults;
use crate::render::{Dest, Format, Shape};

pub fn plan(args: ClaimSuggestArgs) -> Plan {
    Plan::new("claim suggest", Need::Read, Shape::rows::<SuggestionRow>(), move |run| suggest(run, args))
}

fn suggest(run: &mut Run<'_>, args: ClaimSuggestArgs) -> Result<()> {
    let out = run.out;
    let outputs = run.outputs(Some(args.force));
    let nb = run.nb()?;
    let empty = format!("no claims found to suggest in article #{}", args.article);
    let defaults = Defaults {
        // A file for review and `import claims`: CSV with every column unless told otherwise.
        format: args.out.as_ref().map(|_| out.format_given().unwrap_or(Format::Csv)),
        every_column: args.out.is_some(),
        bom: args.bom,
        raw: false,
    };
    let dest = match &args.out {
        None => Dest::Stdout,
        Some(path) => Dest::File { path, outputs: &outputs, what: "suggestions" },
    };
    let mut w = out.rows_to::<SuggestionRow>(dest, defaults, &empty)?;
    let opts = SuggestOptions { measure: args.measure.clone() };
    let summary =
        nb.suggest_claims(args.article, &opts, |row| w.row(&row).map_err(crate::notebook::Error::Output))?;
    w.finish()?;
    let count = summary.rows;
    if let Some(path) = &args.out {
        out.note(&format!(
            "wrote {count} suggested claim(s) of article #{} to {}; review them, then `crosscheck import claims {}`",
            args.article,
            path.display(),
            path.display()
        ));
    }
    run.close();
    if summary.rejected > 0 {
        out.note(&format!("{} suggestion(s) rejected in review were left out", summary.rejected));
    }
    let unmatched: Vec<&str> = summary.unmatched.iter().map(String::as_str).collect();
    if !unmatched.is_empty() {
        out.note(&format!(
            "the notebook has no source named {}; `import claims` refuses those rows until you add the \
             source (`crosscheck source add`) or write a known name in their sources cell",
            named_some(&unmatched)
        ));
    }
    let figures_without_measure = summary.figures_without_measure;
    if figures_without_measure > 0 {
        out.note(&format!(
            "{figures_without_measure} new suggestion(s) hold a figure with no measure; give --measure KEY, \
             or fill their measure cell, for `import claims` to record the figures"
        ));
    }
    Ok(())
}

/// Up to five names quoted, and how many more.
fn named_some(names: &[&str]) -> String {
    let mut text = names.iter().take(5).map(|u| format!("'{u}'")).collect::<Vec<_>>().join(", ");
    if names.len() > 5 {
        text.push_str(&format!(" and {} more", names.len() - 5));
    }
    text
}
