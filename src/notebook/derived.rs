//! Derived measures: a measure that is the sum of others (`measure add site.toll --sum
//! site.killed,site.missing`), kept in `measure_parts`. A sum is reconciled from its parts and
//! gives no figure of its own; its parts are measures of one unit, and no sum contains itself.

use std::collections::{HashMap, HashSet, VecDeque};

use rusqlite::{params, Connection};

use super::figures::{check_key, measure_id, measure_id_but, measure_unit, set_measure_unit};
use super::{Error, Notebook, Result};
use crate::vocab::MeasureRole;

/// How deep sums may nest (a sum of sums of ...): deep enough for sites within regions within
/// a country, shallow enough that reconciling one never runs away.
pub const MAX_DEPTH: usize = 16;

/// Every (part, sum above it at any depth) pair, walked from `measure_parts` alone: what the
/// triggers keep in `measure_closure`. Read by `check`, and by `check --repair` to rebuild it.
pub(crate) const WALKED_CLOSURE: &str = "WITH RECURSIVE up (part_id, measure_id) AS (
        SELECT part_id, measure_id FROM measure_parts
        UNION
        SELECT up.part_id, mp.measure_id FROM up JOIN measure_parts mp ON mp.part_id = up.measure_id)
    SELECT part_id, measure_id FROM up";

/// How many pairs of `measure_closure` differ from the walk of `measure_parts` (missing or
/// extra): 0 unless the table was edited by hand.
pub(crate) fn closure_differences(conn: &Connection) -> Result<i64> {
    let sql = format!(
        "SELECT (SELECT count(*) FROM (SELECT part_id, measure_id FROM measure_closure EXCEPT SELECT * FROM ({WALKED_CLOSURE})))
              + (SELECT count(*) FROM (SELECT * FROM ({WALKED_CLOSURE}) EXCEPT SELECT part_id, measure_id FROM measure_closure)) AS n"
    );
    Ok(conn.query_row(&sql, [], |r| r.get("n"))?)
}

/// `measure_closure` made again from `measure_parts`; returns how many pairs it holds.
pub(crate) fn rebuild_closure(conn: &Connection) -> Result<usize> {
    conn.execute("DELETE FROM measure_closure", [])?;
    Ok(conn.execute(&format!("INSERT INTO measure_closure (part_id, measure_id) {WALKED_CLOSURE}"), [])?)
}

/// A measure's parts, in order (none: an ordinary measure).
pub(crate) fn parts_of(conn: &Connection, measure: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.part_id, m.key FROM measure_parts p JOIN measures m ON m.id = p.part_id
         WHERE p.measure_id = ?1 ORDER BY p.position, m.key",
    )?;
    let rows = stmt
        .query_map([measure], |r| Ok((r.get("part_id")?, r.get("key")?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The parts as `measure list` shows them: `site.killed + site.missing`.
pub(crate) fn sum_text(conn: &Connection, measure: i64) -> Result<Option<String>> {
    let parts = parts_of(conn, measure)?;
    Ok((!parts.is_empty()).then(|| parts.iter().map(|(_, k)| k.as_str()).collect::<Vec<_>>().join(" + ")))
}

/// Every measure's parts, as `measure list` shows them, by measure id.
pub(crate) fn all_sum_texts(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare(
        "SELECT p.measure_id, m.key FROM measure_parts p JOIN measures m ON m.id = p.part_id
         ORDER BY p.measure_id, p.position, m.key",
    )?;
    let mut out: HashMap<i64, String> = HashMap::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>("measure_id")?, r.get::<_, String>("key")?)))?;
    for row in rows {
        let (id, key) = row?;
        out.entry(id).and_modify(|t| *t = format!("{t} + {key}")).or_insert(key);
    }
    Ok(out)
}

/// Refuses a figure for a sum: its figures are its parts'.
pub(crate) fn refuse_figure_for_sum(conn: &Connection, measure: i64) -> Result<()> {
    let parts = parts_of(conn, measure)?;
    if parts.is_empty() {
        return Ok(());
    }
    let key: String = conn.query_row(super::figures::MEASURE_KEY_BY_ID, [measure], |r| r.get("key"))?;
    let list: Vec<&str> = parts.iter().map(|(_, k)| k.as_str()).collect();
    Err(Error::Invalid(format!(
        "{key} is the sum of {}; it is reconciled from its parts, so give the figure to one of them",
        list.join(", ")
    )))
}

/// The longest chain of sums below a measure (0 for an ordinary measure), walking the parts
/// breadth first; `None` when the chain passes `limit`.
fn depth_below(conn: &Connection, measure: i64, limit: usize) -> Result<Option<usize>> {
    let mut level: Vec<i64> = vec![measure];
    for depth in 0..=limit {
        let mut next = Vec::new();
        for m in &level {
            next.extend(parts_of(conn, *m)?.into_iter().map(|(id, _)| id));
        }
        if next.is_empty() {
            return Ok(Some(depth));
        }
        next.sort_unstable();
        next.dedup();
        level = next;
    }
    Ok(None)
}

/// The chain of sums from `from` down to `to` along parts (`from`, ..., `to`), if `to` is a part
/// of `from` at any depth.
fn path_down(conn: &Connection, from: i64, to: i64) -> Result<Option<Vec<i64>>> {
    let mut came: HashMap<i64, i64> = HashMap::new();
    let mut seen: HashSet<i64> = HashSet::from([from]);
    let mut queue = VecDeque::from([from]);
    while let Some(m) = queue.pop_front() {
        for (p, _) in parts_of(conn, m)? {
            if !seen.insert(p) {
                continue;
            }
            came.insert(p, m);
            if p == to {
                let mut path = vec![to];
                let mut at = to;
                while let Some(&up) = came.get(&at) {
                    path.push(up);
                    at = up;
                }
                path.reverse();
                return Ok(Some(path));
            }
            queue.push_back(p);
        }
    }
    Ok(None)
}

fn key_of(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn.query_row(super::figures::MEASURE_KEY_BY_ID, [id], |r| r.get("key"))?)
}

/// The parts of a sum as given: at least one named. The command line refuses none with exit 2
/// before a notebook is opened, the library as invalid.
pub fn check_parts(key: &str, parts: &[String]) -> std::result::Result<(), String> {
    match parts.iter().all(|p| p.trim().is_empty()) {
        true => Err(format!(
            "--sum names no measure; give the parts of {key} as KEY,KEY (such as site.killed,site.missing)"
        )),
        false => Ok(()),
    }
}

/// Makes the measure `id` (key `key`) the sum of `parts`, replacing any parts it had. Refused:
/// no part, a part named twice, a part that does not exist, a part of another unit (or of
/// another unit than the measure's), a sum that would contain itself (the cycle named), sums
/// nested more than [`MAX_DEPTH`] deep, and a measure with figures of its own. A measure without
/// a unit takes its parts'.
pub(crate) fn set_parts(conn: &Connection, id: i64, key: &str, parts: &[String]) -> Result<()> {
    check_parts(key, parts).map_err(Error::Invalid)?;
    let named: Vec<String> = parts.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    let mut ids = Vec::with_capacity(named.len());
    let mut seen: HashSet<&str> = HashSet::with_capacity(named.len());
    for part in &named {
        if !seen.insert(part.as_str()) {
            return super::invalid(format!(
                "{part} is named twice among the parts of {key}; give each part once"
            ));
        }
        if part == key {
            return super::invalid(format!(
                "{key} cannot be a part of itself: a sum that contains itself could never be reconciled"
            ));
        }
        check_key(part)?;
        let pid = measure_id_but(conn, part, Some(key)).map_err(|e| match e {
            Error::NotFound(why) => Error::NotFound(format!("--sum: {why}")),
            other => other,
        })?;
        ids.push(pid);
    }
    let own: i64 =
        conn.query_row("SELECT count(*) AS n FROM figures WHERE measure_id = ?1", [id], |r| r.get("n"))?;
    if own > 0 {
        return super::invalid(format!(
            "{key} has {own} figure(s) of its own; a sum is reconciled from its parts only, so move them to a part (`crosscheck figure rm`, then `figure add`) or add a new measure for the sum"
        ));
    }
    for (&pid, part) in ids.iter().zip(&named) {
        if let Some(path) = path_down(conn, pid, id)? {
            let keys: Vec<String> = path.iter().map(|m| key_of(conn, *m)).collect::<Result<_>>()?;
            return super::invalid(format!(
                "{part} cannot be a part of {key}: {part} already contains {key}, so the sum would contain itself ({key} contains {})",
                keys.join(" contains ")
            ));
        }
    }
    // One unit: the parts', and the measure's own when it has one.
    let unit_of =
        |m: i64| -> Result<Option<String>> { Ok(measure_unit(conn, m)?.map(|u| u.trim().to_lowercase())) };
    let first_unit = unit_of(ids[0])?;
    for (&pid, part) in ids.iter().zip(&named).skip(1) {
        let unit = unit_of(pid)?;
        if unit != first_unit {
            return super::invalid(format!(
                "{part} counts {} and {} counts {}; the parts of a sum must be measures of one unit",
                unit.as_deref().unwrap_or("no unit"),
                named[0],
                first_unit.as_deref().unwrap_or("no unit")
            ));
        }
    }
    match unit_of(id)? {
        Some(own) if Some(&own) != first_unit.as_ref() => {
            return super::invalid(format!(
                "{key} counts {own} and its parts count {}; a sum has the unit of its parts",
                first_unit.as_deref().unwrap_or("no unit")
            ));
        }
        Some(_) => {}
        None => set_measure_unit(conn, id, measure_unit(conn, ids[0])?.as_deref())?,
    }
    for (&pid, part) in ids.iter().zip(&named) {
        if depth_below(conn, pid, MAX_DEPTH - 1)?.is_none() {
            return super::invalid(format!(
                "{part} nests sums more than {MAX_DEPTH} deep; a sum of it would be deeper than crosscheck reconciles"
            ));
        }
    }
    conn.execute("DELETE FROM measure_parts WHERE measure_id = ?1", [id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO measure_parts (measure_id, part_id, position) VALUES (?1, ?2, ?3)")?;
    for (position, pid) in ids.iter().enumerate() {
        insert.execute(params![id, pid, position as i64])?;
    }
    check_roles(conn, id)
}

/// A sum counts as one role of an incident (its killed, its injured ...) only when each of its
/// parts counts that role: the killed plus the missing is a toll, and exported as the killed it
/// would count the missing as dead. A sum of role `other` (or of none) may add anything. Checked
/// for the measure `id` and for every sum it is a part of, after its parts or its role change.
pub(crate) fn check_roles(conn: &Connection, id: i64) -> Result<()> {
    let role_of = |m: i64| -> Result<(String, Option<MeasureRole>)> {
        Ok(conn.query_row("SELECT key, role FROM measures WHERE id = ?1", [m], |r| {
            Ok((r.get("key")?, r.get("role")?))
        })?)
    };
    let mut sums = vec![id];
    let mut stmt = conn.prepare_cached("SELECT measure_id FROM measure_parts WHERE part_id = ?1")?;
    sums.extend(
        stmt.query_map([id], |r| r.get::<_, i64>("measure_id"))?.collect::<rusqlite::Result<Vec<_>>>()?,
    );
    for sum in sums {
        let (key, role) = role_of(sum)?;
        let Some(role) = role.filter(|r| *r != MeasureRole::Other) else { continue };
        for (pid, part) in parts_of(conn, sum)? {
            let (_, part_role) = role_of(pid)?;
            if part_role != Some(role) {
                let counts = part_role.map(|r| r.to_string()).unwrap_or_else(|| "no role".into());
                return super::invalid(format!(
                    "{key} counts the {role} but its part {part} counts {counts}; a sum counts the {role} only \
                     when each of its parts does (the killed plus the missing is not the killed): give {key} \
                     the role other (`crosscheck measure edit {key} --role other`), or {part} the role {role}"
                ));
            }
        }
    }
    Ok(())
}

impl Notebook {
    /// Makes an existing measure the sum of `parts` (see [`set_parts`]), in one transaction.
    pub fn set_measure_parts(&mut self, key: &str, parts: &[String]) -> Result<()> {
        let tx = self.change()?;
        let id = measure_id(&tx, key)?;
        let key = key_of(&tx, id)?;
        set_parts(&tx, id, &key, parts)?;
        tx.commit()?;
        Ok(())
    }

    /// The keys of a measure's parts, in order (empty: an ordinary measure).
    pub fn measure_parts(&self, key: &str) -> Result<Vec<String>> {
        let id = measure_id(&self.conn, key)?;
        Ok(parts_of(&self.conn, id)?.into_iter().map(|(_, k)| k).collect())
    }
}
