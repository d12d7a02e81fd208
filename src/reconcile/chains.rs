//! The `updates` links among claims: rings (which `claim link` refuses and `check` names; here
//! they are set aside and named, never left to supersede every figure), the date each claim
//! speaks at along its chain, and supersession. Costs are linear in the links.

use std::collections::{HashMap, HashSet};

use super::{FigureIn, Groups, Update};

/// The rings among `updates`: each as its claims in order, every claim updating the next and the
/// last updating the first, starting from the ring's smallest claim id. Rings are the strongly
/// connected parts of the links (Tarjan's algorithm, without recursion), so a ring of any length
/// is found in time linear in the links.
pub fn rings(updates: &[Update]) -> Vec<Vec<i64>> {
    let mut index_of: HashMap<i64, usize> = HashMap::new();
    let mut claims: Vec<i64> = Vec::new();
    let mut node = |c: i64, claims: &mut Vec<i64>| {
        *index_of.entry(c).or_insert_with(|| {
            claims.push(c);
            claims.len() - 1
        })
    };
    let mut edges: Vec<(usize, usize)> = Vec::with_capacity(updates.len());
    for u in updates {
        let (a, b) = (node(u.by, &mut claims), node(u.of, &mut claims));
        edges.push((a, b));
    }
    let n = claims.len();
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &edges {
        adj[a].push(b);
    }
    let mut rings = Vec::new();
    for part in strongly_connected(&adj) {
        if part.len() < 2 {
            continue;
        }
        let inside: HashSet<usize> = part.iter().copied().collect();
        let start = part.iter().copied().min_by_key(|&i| claims[i]).unwrap_or(part[0]);
        rings.push(cycle_through(start, &adj, &inside).into_iter().map(|i| claims[i]).collect());
    }
    rings.sort();
    rings
}

/// The strongly connected parts of a graph, by Tarjan's algorithm with an explicit stack.
fn strongly_connected(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const NONE: usize = usize::MAX;
    let n = adj.len();
    let (mut index, mut low, mut on_stack) = (vec![NONE; n], vec![0; n], vec![false; n]);
    let (mut stack, mut parts, mut next) = (Vec::new(), Vec::new(), 0);
    // (node, the next of its edges to follow)
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for start in 0..n {
        if index[start] != NONE {
            continue;
        }
        calls.push((start, 0));
        while let Some(&(v, edge)) = calls.last() {
            if edge == 0 && index[v] == NONE {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = adj[v].get(edge) {
                if let Some(top) = calls.last_mut() {
                    top.1 += 1;
                }
                if index[w] == NONE {
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut part = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    part.push(w);
                    if w == v {
                        break;
                    }
                }
                parts.push(part);
            }
        }
    }
    parts
}

/// A shortest cycle from `start` back to itself inside one strongly connected part.
fn cycle_through(start: usize, adj: &[Vec<usize>], inside: &HashSet<usize>) -> Vec<usize> {
    let mut came_from: HashMap<usize, usize> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &w in &adj[v] {
            if !inside.contains(&w) {
                continue;
            }
            if w == start {
                let mut path = vec![v];
                let mut at = v;
                while at != start {
                    at = came_from[&at];
                    path.push(at);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = came_from.entry(w) {
                e.insert(v);
                queue.push_back(w);
            }
        }
    }
    vec![start]
}

/// A ring in words, `#1 updates #3 updates #2 updates #1` (with `joiner` " updates "), back to
/// its first claim; a ring of more than a dozen claims is shown by its ends and its length.
pub fn ring_text(ring: &[i64], joiner: &str) -> String {
    let ids: Vec<String> = ring.iter().map(|c| format!("#{c}")).collect();
    let first = ids.first().cloned().unwrap_or_default();
    let shown: Vec<String> = if ids.len() <= 12 {
        ids
    } else {
        let mut v = ids[..6].to_vec();
        v.push(format!("… {} more …", ids.len() - 11));
        v.extend_from_slice(&ids[ids.len() - 5..]);
        v
    };
    let mut out = shown.join(joiner);
    out.push_str(joiner);
    out.push_str(&first);
    out
}

/// Drops the links that form rings, returning the rest.
pub(super) fn without_rings(updates: &[Update], rings: &[Vec<i64>]) -> Vec<Update> {
    if rings.is_empty() {
        return updates.to_vec();
    }
    let ring_of: HashMap<i64, usize> =
        rings.iter().enumerate().flat_map(|(r, claims)| claims.iter().map(move |&c| (c, r))).collect();
    updates
        .iter()
        .filter(|u| match (ring_of.get(&u.by), ring_of.get(&u.of)) {
            (Some(a), Some(b)) => a != b,
            _ => true,
        })
        .copied()
        .collect()
}

/// The date each figure speaks at. A claim in a chain of updates speaks no earlier than what it
/// updates (the last claim of a chain speaks for it whatever the dates); a relay speaks at its
/// original's date when that is known (it says nothing new). Returns one date per figure.
pub(super) fn speaking_dates(
    figs: &[FigureIn],
    updates: &[Update],
    published: &HashMap<i64, String>,
) -> Vec<Option<String>> {
    let own: HashMap<i64, Option<&str>> = figs.iter().map(|f| (f.claim_id, f.published.as_deref())).collect();
    let date_of = |c: i64| -> Option<String> {
        own.get(&c).copied().flatten().or(published.get(&c).map(String::as_str)).map(str::to_string)
    };
    let mut updated_by_claim: HashMap<i64, Vec<i64>> = HashMap::new();
    for u in updates {
        updated_by_claim.entry(u.by).or_default().push(u.of);
    }
    // Post-order over what each figure's claim updates, memoised: linear in the links reached.
    let mut memo: HashMap<i64, Option<String>> = HashMap::new();
    let mut speak = |claim: i64| -> Option<String> {
        if let Some(d) = memo.get(&claim) {
            return d.clone();
        }
        let mut stack = vec![(claim, false)];
        while let Some((c, expanded)) = stack.pop() {
            if memo.contains_key(&c) {
                continue;
            }
            let earlier = updated_by_claim.get(&c).map(Vec::as_slice).unwrap_or(&[]);
            if !expanded {
                stack.push((c, true));
                stack.extend(earlier.iter().filter(|e| !memo.contains_key(e)).map(|&e| (e, false)));
                continue;
            }
            let mut d = date_of(c);
            for e in earlier {
                d = d.max(memo.get(e).cloned().flatten());
            }
            memo.insert(c, d);
        }
        memo.get(&claim).cloned().flatten()
    };
    figs.iter()
        .map(|f| {
            if !f.repeats.is_empty() && f.original_published.is_some() {
                return f.original_published.clone();
            }
            if updated_by_claim.contains_key(&f.claim_id) {
                speak(f.claim_id)
            } else {
                f.published.clone()
            }
        })
        .collect()
}

/// Step 1: supersession. Per figure, (the updating claim, the claim it updated) when superseded.
///
/// A figure whose claim another claim updates is superseded. So is every other figure of the same
/// voice that speaks no later than an updated claim of that voice (the relays of the old count),
/// except the claims of a chain that updates it: a claim that itself updates another is set aside
/// only by an update of a strictly later date, so a chain published on one day keeps its last
/// word, whatever the order of the claim ids. A relay (a claim linked as repeating another)
/// follows what it repeats: superseded, whenever it was published, when a claim it repeats is;
/// never set aside by its voice's updates while its original has a figure here (it relays the
/// original's word, current or not); dated by its original like any other word when it has none.
pub(super) fn supersession(
    figs: &[FigureIn],
    updates: &[Update],
    when: &[Option<String>],
) -> Vec<Option<(i64, i64)>> {
    let mut out = vec![None; figs.len()];
    if updates.is_empty() {
        return out;
    }
    let when_of_claim: HashMap<i64, &Option<String>> =
        figs.iter().zip(when).map(|(f, w)| (f.claim_id, w)).collect();
    // An updated claim's updater: the one that speaks latest, then the highest claim id.
    let mut by_claim: HashMap<i64, i64> = HashMap::new();
    for u in updates {
        let later = |c: i64| (when_of_claim.get(&c).copied().cloned().flatten(), c);
        by_claim
            .entry(u.of)
            .and_modify(|b| {
                if later(u.by) > later(*b) {
                    *b = u.by;
                }
            })
            .or_insert(u.by);
    }
    let updaters: HashSet<i64> = updates.iter().map(|u| u.by).collect();
    // A relay whose original has a figure here, or whose original was updated, follows it.
    let follows =
        |f: &FigureIn| f.repeats.iter().any(|c| when_of_claim.contains_key(c) || by_claim.contains_key(c));
    let mut groups =
        Groups::by_keys(figs.len(), figs.iter().enumerate().map(|(i, f)| (i, f.voice_keys.as_slice())));
    // Per voice, the dates its updated claims speak at, and by which update (by, of).
    type Updated<'a> = Vec<(Option<&'a str>, i64, i64)>;
    let mut updated: HashMap<usize, Updated<'_>> = HashMap::new();
    for (i, f) in figs.iter().enumerate() {
        if let Some(&by) = by_claim.get(&f.claim_id) {
            out[i] = Some((by, f.claim_id));
            updated.entry(groups.root(i)).or_default().push((when[i].as_deref(), by, f.claim_id));
        }
    }
    for list in updated.values_mut() {
        list.sort();
    }
    for (i, f) in figs.iter().enumerate() {
        if out[i].is_some() || follows(f) {
            continue;
        }
        let Some(list) = updated.get(&groups.root(i)) else { continue };
        let date = when[i].as_deref();
        // The earliest update of the voice at or after this figure's date (strictly after, for a
        // claim of a chain) speaks for it.
        let strict = updaters.contains(&f.claim_id);
        let at = list.partition_point(|(d, _, _)| if strict { *d <= date } else { *d < date });
        if let Some(&(_, by, of)) = list.get(at) {
            out[i] = Some((by, of));
        }
    }
    let mut superseded_claims: HashMap<i64, (i64, i64)> = HashMap::new();
    for (f, s) in figs.iter().zip(&out) {
        if let Some(s) = s {
            superseded_claims.insert(f.claim_id, *s);
        }
    }
    for (u, by) in &by_claim {
        superseded_claims.entry(*u).or_insert((*by, *u));
    }
    for (i, f) in figs.iter().enumerate() {
        if out[i].is_none() {
            out[i] = f.repeats.iter().find_map(|c| superseded_claims.get(c)).copied();
        }
    }
    out
}
