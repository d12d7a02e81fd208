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

/// The source files of `src/` outside test-only files, with their paths from the crate root.
fn sources(under: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join(under), &mut files);
    files
        .iter()
        .filter(|f| f.file_name().is_none_or(|n| n != "tests.rs"))
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("a source file reads as UTF-8");
            (f.strip_prefix(root).unwrap_or(f).display().to_string(), text)
        })
        .collect()
}

/// Whether a line reads a row's column by its position: `r.get(0)`, `row.get::<_, i64>(1)`.
fn reads_by_position(line: &str) -> bool {
    ["r.get", "row.get"].iter().any(|call| {
        line.match_indices(call).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let mut rest = &line[at + call.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                return false;
            }
            if let Some(turbofish) = rest.strip_prefix("::<") {
                let Some(end) = turbofish.find(">(") else { return false };
                rest = &turbofish[end + 1..];
            }
            rest.strip_prefix('(').is_some_and(|arg| arg.starts_with(|c: char| c.is_ascii_digit()))
        })
    })
}

#[test]
fn the_position_finder_finds_what_it_should() {
    assert!(reads_by_position("        measures: split_units(r.get(12)?),"));
    assert!(reads_by_position("    |r| Ok((r.get(0)?, r.get(\"role\")?))"));
    assert!(reads_by_position("    stmt.query_map([id], |r| r.get::<_, i64>(0))?"));
    assert!(reads_by_position("    let n: i64 = row.get(1)?;"));
    assert!(!reads_by_position("    stmt.query_map([id], |r| r.get::<_, i64>(\"measure_id\"))?"));
    assert!(!reads_by_position("    pen.size = args.get(1).map(number);"));
    assert!(!reads_by_position("    let (a1, b1) = *chunks.get(1)?;"));
}

#[test]
fn rows_are_read_by_column_name() {
    let mut found = Vec::new();
    let mut files = 0;
    for (name, text) in sources("src").iter().filter(|(_, t)| t.contains("rusqlite")) {
        files += 1;
        for (n, line) in code_lines(text) {
            if reads_by_position(line) {
                found.push(format!("{name}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(files > 15, "the walk should see the files that read rows, saw {files}");
    assert!(
        found.is_empty(),
        "a column read by its position; name it in the SQL (`count(*) AS n`) and read it by name:\n{}",
        found.join("\n")
    );
}

/// The string literals of a source text (escapes and line continuations left as written, raw
/// strings included), with the line each starts on. Comments and character literals (`'"'`)
/// are skipped.
fn string_literals(text: &str) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let line_at = |at: usize| text[..at].matches('\n').count() + 1;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |k| i + k);
            }
            b'\'' => {
                // A character literal ('"', '\'', '\u{..}') or a lifetime ('a).
                let close = if b.get(i + 1) == Some(&b'\\') {
                    text[i + 2..].find('\'').map(|k| i + 2 + k)
                } else {
                    (b.get(i + 2) == Some(&b'\'')).then_some(i + 2)
                };
                i = close.map_or(i + 1, |k| k + 1);
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let open = i + 1 + hashes;
                if b.get(open) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = text[open + 1..].find(&close).map_or(b.len(), |k| open + 1 + k);
                out.push((line_at(i), text[open + 1..end].to_string()));
                i = end + close.len();
            }
            b'"' => {
                let mut k = i + 1;
                while k < b.len() && b[k] != b'"' {
                    k += if b[k] == b'\\' { 2 } else { 1 };
                }
                out.push((line_at(i), text[i + 1..k.min(b.len())].to_string()));
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A statement as compared: spacing and line continuations folded, placeholders unnumbered,
/// case ignored; `None` for a literal that is no statement.
fn statement(literal: &str) -> Option<String> {
    let words: Vec<&str> = literal.split_whitespace().filter(|w| *w != "\\").collect();
    let first = words.first()?.to_uppercase();
    if !["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "PRAGMA", "REPLACE"].contains(&first.as_str())
        || words.len() < 2
    {
        return None;
    }
    let mut folded = String::new();
    let lower = words.join(" ").to_lowercase();
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        folded.push(c);
        if c == '?' {
            while chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                chars.next();
            }
        }
    }
    Some(folded.trim_end_matches(';').to_string())
}

#[test]
fn the_statement_finder_reads_literals_as_the_compiler_does() {
    let text = "let q = '\"'; // \"SELECT 1\"\nlet a = \"SELECT key FROM measures\n   WHERE id = ?1\";\nlet b = r#\"UPDATE t SET x = \"y\"\"#;\nfn f<'a>(s: &'a str) {}\nlet c = \"SELECT key   FROM measures WHERE id = ?2;\";";
    let found: Vec<(usize, Option<String>)> =
        string_literals(text).into_iter().map(|(n, s)| (n, statement(&s))).collect();
    assert_eq!(
        found,
        vec![
            (2, Some("select key from measures where id = ?".to_string())),
            (4, Some("update t set x = \"y\"".to_string())),
            (6, Some("select key from measures where id = ?".to_string())),
        ]
    );
}

#[test]
fn no_statement_is_written_twice() {
    // The upgrade steps are frozen: they never call today's query code, so a statement they
    // share with it is written in both on purpose.
    let mut seen: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut statements = 0;
    for (name, text) in sources("src") {
        if name.contains("migrations") || !text.contains("rusqlite") {
            continue;
        }
        // Test modules are cut off where they start (they end a file, as `cargo fmt` keeps them).
        let text = text.split("\n#[cfg(test)]\nmod ").next().unwrap_or_default();
        for (line, literal) in string_literals(text) {
            if let Some(s) = statement(&literal) {
                statements += 1;
                seen.entry(s).or_default().push(format!("{name}:{line}"));
            }
        }
    }
    assert!(statements > 150, "the walk should see the crate's statements, saw {statements}");
    let twice: Vec<String> = seen
        .iter()
        .filter(|(_, at)| at.len() > 1)
        .map(|(s, at)| format!("{}\n  {s}", at.join(", ")))
        .collect();
    assert!(
        twice.is_empty(),
        "statements written more than once; write each once, as a function or a named constant in \
         the file of its table:\n{}",
        twice.join("\n")
    );
}
