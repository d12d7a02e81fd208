//! `search QUERY`: ranked matches with a snippet of the original text.

use super::{Need, Plan};
use crate::cli::SearchArgs;
use crate::notebook::search::SearchHit;
use crate::render::Shape;

pub fn plan(args: SearchArgs) -> Plan {
    Plan::new("search", Need::Read, Shape::rows::<SearchHit>(), move |run| {
        crate::notebook::search::search_expression(&args.query).map_err(super::UsageError)?;
        let hits =
            crate::usecase::notebook::search(run.nb()?, &args.query, args.within, args.limit as usize)?;
        run.out.list(&hits, &format!("no match for '{}'", args.query))
    })
}
