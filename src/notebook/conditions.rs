//! The one place a statement is put together from a listing's filters. `Conditions` collects
//! the `WHERE` conditions the filters in use ask for, each a fixed text of the code naming its
//! value as a parameter (`:source`), and the values to bind. A value a person gave is only ever
//! bound, never written into the statement's text, and no statement is edited afterwards.

use rusqlite::types::Value;
use rusqlite::ToSql;

/// `WHERE` conditions joined by `AND`, and the named parameters they (and the rest of the
/// statement, such as `LIMIT :limit`) bind.
#[derive(Debug, Default)]
pub(crate) struct Conditions {
    conds: Vec<&'static str>,
    params: Vec<(&'static str, Value)>,
}

impl Conditions {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds a condition on one value, which the condition names `name` (`:id`) as many times
    /// as it needs it.
    pub(crate) fn and(&mut self, cond: &'static str, name: &'static str, value: impl Into<Value>) {
        debug_assert!(names(cond, name), "the condition `{cond}` does not name {name}");
        self.conds.push(cond);
        self.bind(name, value);
    }

    /// Binds a parameter the statement names outside its conditions (`LIMIT :limit`).
    pub(crate) fn bind(&mut self, name: &'static str, value: impl Into<Value>) {
        debug_assert!(!self.params.iter().any(|(n, _)| *n == name), "the parameter {name} is bound twice");
        self.params.push((name, value.into()));
    }

    /// ` WHERE a AND b`, or nothing when no condition was added.
    pub(crate) fn clause(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conds.join(" AND "))
        }
    }

    /// Whether a condition's text holds `text` (`o.`: a condition needs the outlet's row).
    pub(crate) fn mention(&self, text: &str) -> bool {
        self.conds.iter().any(|c| c.contains(text))
    }

    /// The values to bind, by name: `stmt.query(&*conditions.params())`.
    pub(crate) fn params(&self) -> Vec<(&str, &dyn ToSql)> {
        self.params.iter().map(|(n, v)| (*n, v as &dyn ToSql)).collect()
    }
}

/// Whether `cond` names the parameter `name` as a whole word (`:id`, not only `:idx`).
fn names(cond: &str, name: &str) -> bool {
    cond.match_indices(name)
        .any(|(at, _)| !cond[at + name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn ids(conn: &Connection, c: &Conditions) -> Vec<i64> {
        let sql = format!("SELECT id FROM t{} ORDER BY id", c.clause());
        let mut stmt = conn.prepare(&sql).unwrap();
        stmt.query_map(&*c.params(), |r| r.get("id")).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER);
             INSERT INTO t VALUES (1, 'a', 10), (2, 'b', 20), (3, '?1 OR 1=1', 30), (4, 'b', 40);",
        )
        .unwrap();
        conn
    }

    #[test]
    fn no_condition_writes_no_clause_and_reads_every_row() {
        let c = Conditions::new();
        assert_eq!(c.clause(), "");
        assert_eq!(ids(&table(), &c), vec![1, 2, 3, 4]);
    }

    #[test]
    fn conditions_join_with_and_and_bind_their_values_by_name() {
        let mut c = Conditions::new();
        c.and("name = :name", ":name", "b".to_string());
        c.and("(n > :least OR id = :least)", ":least", 25);
        assert_eq!(c.clause(), " WHERE name = :name AND (n > :least OR id = :least)");
        assert_eq!(ids(&table(), &c), vec![4]);
    }

    #[test]
    fn a_value_that_looks_like_sql_is_only_ever_bound() {
        let mut c = Conditions::new();
        c.and("name = :name", ":name", "?1 OR 1=1".to_string());
        assert!(!c.clause().contains("OR 1=1"));
        assert_eq!(ids(&table(), &c), vec![3]);
    }

    #[test]
    fn a_parameter_outside_the_conditions_is_bound_too() {
        let conn = table();
        let mut c = Conditions::new();
        c.and("n >= :from", ":from", 20);
        c.bind(":limit", 2);
        let sql = format!("SELECT id FROM t{} ORDER BY id LIMIT :limit", c.clause());
        let got: Vec<i64> = conn
            .prepare(&sql)
            .unwrap()
            .query_map(&*c.params(), |r| r.get("id"))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(got, vec![2, 3]);
    }

    #[test]
    fn a_name_is_found_only_as_a_whole_word() {
        assert!(names("id = :id", ":id"));
        assert!(names("(:id IS NULL)", ":id"));
        assert!(!names("id = :idx", ":id"));
    }

    #[test]
    fn mention_looks_in_the_conditions_only() {
        let mut c = Conditions::new();
        c.and("o.reliability <= :grade", ":grade", "C".to_string());
        c.bind(":limit", 5);
        assert!(c.mention("o."));
        assert!(!c.mention("a."));
        assert!(!c.mention(":limit"));
    }
}
