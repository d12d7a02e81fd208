//! The `rust-version` the manifest declares is what the locked dependencies really need: no
//! package in Cargo.lock asks for a newer compiler.

use std::process::Command;

/// A version as three numbers (`1.89` is `1.89.0`).
fn version(v: &str) -> Vec<u32> {
    let mut parts: Vec<u32> = v.split('.').map(|p| p.parse().unwrap_or(0)).collect();
    parts.resize(3, 0);
    parts
}

#[test]
fn the_declared_rust_version_covers_every_locked_package() {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages = meta["packages"].as_array().unwrap();
    let ours = packages.iter().find(|p| p["name"] == "crosscheck").unwrap();
    let declared = version(ours["rust_version"].as_str().expect("rust-version is set"));
    let (needed, by) = packages
        .iter()
        .filter_map(|p| {
            p["rust_version"].as_str().map(|v| (version(v), p["name"].as_str().unwrap_or("?").to_string()))
        })
        .max()
        .unwrap();
    assert_eq!(declared, needed, "rust-version should be what {by} needs");
    // The machine's own compiler is at least that.
    let rustc = Command::new("rustc").arg("--version").output().unwrap();
    let text = String::from_utf8_lossy(&rustc.stdout);
    let have = version(text.split_whitespace().nth(1).unwrap_or("0"));
    assert!(have >= declared, "{text}");
}
