//! `search QUERY`: ranked matches with a snippet of the original text.

use super::{Need, Plan};
use crate::cli::SearchArgs;
use crate::notebook::search::SearchHit;
use crate::render::Shape;

pub fn plan(args: SearchArgs) -> Plan {
    Plan::new("search", Need::Read, Shape::rows::<SearchHit>(), move |run| {
        let out = run.out;
        let hits = run.nb()?.search(&args.query, args.within, args.limit as usize)?;
        out.list(&hits, &format!("no match for '{}'", args.query))
    })
}
