//! The shape of the code itself, kept true by tests: no function in `src/` (outside tests) runs
//! over 100 lines, and the command layer never chooses an output format (the renderer does).
//! The sources are `cargo fmt`-formatted, so a function ends at the first `}` at its own indent.

use std::path::{Path, PathBuf};

const LONGEST: usize = 100;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/ can be listed").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The name of the function a line starts (`pub(crate) const fn name(`), if it starts one.
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for word in ["pub(crate) ", "pub(super) ", "pub ", "const ", "async ", "unsafe ", "extern \"C\" "] {
        rest = rest.strip_prefix(word).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

/// (lines, function name, line number) of every function with a body, test modules left out.
fn functions(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let closes = |from: usize, at: usize| {
        (from..lines.len()).find(|&k| lines[k].trim_end() == format!("{}}}", " ".repeat(at)))
    };
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        // A test module: `#[cfg(test)]` over `mod name {`.
        if l.trim() == "#[cfg(test)]" {
            if let Some(next) =
                lines.get(i + 1).filter(|n| n.trim_start().contains("mod ") && n.trim_end().ends_with('{'))
            {
                i = closes(i + 2, indent(next)).map_or(lines.len(), |k| k + 1);
                continue;
            }
        }
        if let Some(name) = fn_name(l) {
            // The signature ends at `{` (a body), `;` (none) or `}` (a body on one line).
            let end = (i..lines.len()).find(|&k| {
                let t = lines[k].trim_end();
                t.ends_with('{') || t.ends_with(';') || t.ends_with('}')
            });
            if let Some(open) = end.filter(|&k| lines[k].trim_end().ends_with('{')) {
                if let Some(close) = closes(open + 1, indent(l)) {
                    out.push((close - i + 1, name.to_string(), i + 1));
                }
            }
        }
        i += 1;
    }
    out
}

#[test]
fn no_function_in_src_runs_over_a_hundred_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 50, "src/ should hold the crate's files, found {}", files.len());
    let mut long = Vec::new();
    let mut seen = 0;
    for f in &files {
        // Files that hold only tests (`foo/tests.rs`) are tests.
        if f.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("a source file reads as UTF-8");
        for (n, name, line) in functions(&text) {
            seen += 1;
            if n > LONGEST {
                long.push(format!(
                    "{}:{line} fn {name}: {n} lines",
                    f.strip_prefix(root).unwrap_or(f).display()
                ));
            }
        }
    }
    assert!(seen > 500, "the counter should find the crate's functions, found {seen}");
    assert!(
        long.is_empty(),
        "functions over {LONGEST} lines; split them along their parts:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_counter_measures_a_function_to_its_closing_brace() {
    let text = "fn short() {\n    one();\n}\n\npub(crate) fn tall(\n    a: i64,\n) -> i64 {\n    let x = {\n        a\n    };\n    x\n}\n\n#[cfg(test)]\nmod tests {\n    fn hidden() {\n    }\n}\n";
    let found = functions(text);
    assert_eq!(found, vec![(3, "short".to_string(), 1), (8, "tall".to_string(), 5)]);
}

#[test]
fn the_command_layer_never_matches_on_a_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/cmd"), &mut files);
    assert!(!files.is_empty());
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("a source file reads as UTF-8");
        for (n, line) in text.lines().enumerate() {
            if line.contains("Format::") && !line.trim_start().starts_with("//") {
                found.push(format!(
                    "{}:{}: {}",
                    f.strip_prefix(root).unwrap_or(f).display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "src/cmd/ chooses a format; the renderer (render::Output) decides it:\n{}",
        found.join("\n")
    );
}

/// The lines of a source file outside its test modules and comments, numbered from 1.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.trim() == "#[cfg(test)]" {
            if let Some(next) =
                lines.get(i + 1).filter(|n| n.trim_start().starts_with("mod ") && n.trim_end().ends_with('{'))
            {
                let at = format!("{}}}", " ".repeat(indent(next)));
                i = (i + 2..lines.len()).find(|&k| lines[k].trim_end() == at).map_or(lines.len(), |k| k + 1);
                continue;
            }
        }
        if !l.trim_start().starts_with("//") {
            out.push((i + 1, l));
        }
        i += 1;
    }
    out
}

/// Whether a line edits SQL text with `str::replace`: the text replaced in is named as a
/// statement or a piece of one (`sql`, `cond`, `clause` ...), the replaced text is a placeholder
/// (`?`, `:name`), or the line writes a statement (`SELECT`, `WHERE` ...). Doubling the quotes
/// of a name (`name.replace('"', "\"\"")`, SQL's own way to quote an identifier) is not an edit.
fn edits_sql(line: &str) -> bool {
    const PIECES: [&str; 8] = ["sql", "cond", "clause", "statement", "select", "where", "query", "stmt"];
    const WORDS: [&str; 9] =
        ["SELECT", "INSERT", "UPDATE", "DELETE", "WHERE", "FROM", "JOIN", "LIMIT", " AND "];
    let quoting = line.matches(".replace('\"', \"\\\"\\\"\")").count();
    let calls: Vec<usize> = line.match_indices(".replace(").map(|(at, _)| at).collect();
    if calls.len() <= quoting {
        return false;
    }
    calls.iter().any(|&at| {
        let receiver: String = line[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<String>()
            .to_lowercase();
        let arg = &line[at + ".replace(".len()..];
        PIECES.iter().any(|p| receiver.contains(&p.chars().rev().collect::<String>()))
            || ["'?'", "\"?", "':'", "\":"].iter().any(|a| arg.starts_with(a))
            || WORDS.iter().any(|w| line.contains(w))
    })
}

#[test]
fn the_sql_edit_finder_finds_what_it_should() {
    // The numbering `claims::conditions` once did, and its kin.
    assert!(edits_sql(r#"        conds.push(cond.replace('?', &format!("?{}", values.len())));"#));
    assert!(edits_sql(r#"    let sql = sql.replace("?1", &n);"#));
    assert!(edits_sql(r#"    let s = text.replace(":id", "1");"#));
    assert!(edits_sql(r#"    let s = format!("SELECT * FROM t{}", where_.replace("x", "y"));"#));
    assert!(edits_sql(r#"    conn.execute(&QUERY.replace("LIMIT 1", ""), [])?;"#));
    // Quoting a name, and text that is no SQL, are not edits.
    assert!(!edits_sql(
        r#"    tx.execute_batch(&format!("DROP TRIGGER IF EXISTS \"{}\"", name.replace('"', "\"\"")))?;"#
    ));
    assert!(!edits_sql(r#"    let url = url_field(a).replace('%', "\\%");"#));
    assert!(!edits_sql(r#"    e.message().trim().replace('\n', "; ")"#));
}

#[test]
fn no_sql_is_edited_with_str_replace() {
    // A statement is fixed text, or put together from fixed pieces by `notebook::conditions`;
    // values are bound. Text that only looks like SQL (a schema folded to be compared) is named.
    const NOT_RUN: [(&str, &str); 1] =
        [("src/notebook/schema.rs", "sql.replace('\"', \"\").split_whitespace()")];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut found = Vec::new();
    let mut replaces = 0;
    for f in files.iter().filter(|f| f.file_name().is_none_or(|n| n != "tests.rs")) {
        let text = std::fs::read_to_string(f).expect("a source file reads as UTF-8");
        let name = f.strip_prefix(root).unwrap_or(f).display().to_string();
        for (n, line) in code_lines(&text) {
            replaces += line.matches(".replace(").count();
            let named = NOT_RUN.iter().any(|(file, text)| name == *file && line.contains(text));
            if edits_sql(line) && !named {
                found.push(format!("{name}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(replaces > 10, "the walk should see the crate's replace calls, saw {replaces}");
    assert!(
        found.is_empty(),
        "SQL text edited with str::replace; bind values and add conditions through \
         notebook::conditions::Conditions:\n{}",
        found.join("\n")
    );
}
