//! The `rust-version` the manifest declares is what the locked dependencies really need: no
//! package in Cargo.lock that this machine builds asks for a newer compiler.
//!
//! Only the host's packages are read (`--filter-platform`): a fresh machine that has built the
//! project holds their manifests, and never downloads the other platforms' crates, which a plain
//! `cargo metadata --offline` would demand.

use std::process::Command;

/// A version as three numbers (`1.89` is `1.89.0`).
fn version(v: &str) -> Vec<u32> {
    let mut parts: Vec<u32> = v.split('.').map(|p| p.parse().unwrap_or(0)).collect();
    parts.resize(3, 0);
    parts
}

/// The triple rustc builds for by default (`x86_64-unknown-linux-gnu`).
fn host_triple() -> String {
    let out = Command::new("rustc").arg("-vV").output().expect("rustc runs");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find_map(|l| l.strip_prefix("host: ")).expect("rustc -vV names its host").trim().to_string()
}

#[test]
fn the_declared_rust_version_covers_every_locked_package() {
    let host = host_triple();
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline", "--filter-platform", &host])
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
