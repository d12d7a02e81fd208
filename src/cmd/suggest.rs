//! `claim suggest ARTICLE`: the claims an article makes (see `usecase::suggest`), proposed for
//! review on standard output or in a file ready for `import claims`.

use super::{Need, Plan};
use crate::cli::ClaimSuggestArgs;
use crate::notebook::Error;
use crate::render::output::Defaults;
use crate::render::{Dest, Shape};
use crate::usecase::suggest::{self as uses, SuggestQuery, SuggestionRow};

pub fn plan(args: ClaimSuggestArgs) -> Plan {
    let query = SuggestQuery {
        article: args.article,
        measure: args.measure.clone(),
        incident: args.incident.clone(),
    };
    Plan::new("claim suggest", Need::Read, Shape::rows::<SuggestionRow>(), move |run| {
        let out = run.out;
        let outputs = run.outputs(Some(args.force));
        let defaults = Defaults {
            // A file for review and `import claims`: CSV with every column unless told otherwise.
            format: args.out.as_ref().and_then(|_| out.file_format(None)),
            every_column: args.out.is_some(),
            bom: args.bom,
            raw: false,
        };
        let dest = Dest::of(args.out.as_deref(), &outputs, "suggestions");
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
