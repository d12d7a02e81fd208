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
