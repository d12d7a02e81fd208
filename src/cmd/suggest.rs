//! `claim suggest ARTICLE`: the claims an article makes (see `usecase::suggest`), proposed for
//! review on standard output or in a file ready for `import claims`.

use super::{Need, Plan};
use crate::cli::ClaimSuggestArgs;
use crate::notebook::Error;
use crate::render::output::Defaults;
use crate::render::{Dest, Format, Shape};
use crate::usecase::suggest::{self as uses, SuggestQuery, SuggestionRow};

pub fn plan(args: ClaimSuggestArgs) -> Plan {
    let query = SuggestQuery { article: args.article, measure: args.measure.clone() };
    Plan::new("claim suggest", Need::Read, Shape::rows::<SuggestionRow>(), move |run| {
        let out = run.out;
        let outputs = run.outputs(Some(args.force));
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
        let empty = uses::no_suggestions(args.article);
        let mut w = out.rows_to::<SuggestionRow>(dest, defaults, &empty);
        let found = uses::suggest_claims(run.nb()?, &query, |r| w.row(&r).map_err(Error::Output))?;
        run.close();
        w.finish()?;
        if let Some(path) = &args.out {
            out.note(&format!(
                "wrote {} suggested claim(s) of article #{} to {}; review them, then `crosscheck import claims {}`",
                found.count,
                args.article,
                path.display(),
                path.display()
            ));
        }
        for note in found.notes() {
            out.note(&note);
        }
        Ok(())
    })
}
