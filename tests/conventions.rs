//! Conventions enforced by a test, not by memory: every rule file is registered,
//! documented (what, why, example, fix) and tested with good and bad examples.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn rule_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut out: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && p.file_stem().unwrap() != "mod")
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_rule_file_is_registered_under_its_own_id() {
    let files = rule_files();
    assert!(
        files.len() >= 19,
        "expected the issue's rules, found {}",
        files.len()
    );
    for (stem, _) in &files {
        let id = stem.replace('_', "-");
        assert!(
            rapport::rules::by_id(&id).is_some(),
            "src/rules/{stem}.rs is not in rules::ALL under the id `{id}`"
        );
    }
    assert_eq!(
        rapport::rules::ALL.len(),
        files.len(),
        "a registered rule has no file of its own"
    );
}

#[test]
fn every_rule_is_documented() {
    for (stem, src) in rule_files() {
        let id = stem.replace('_', "-");
        let doc: String = src
            .lines()
            .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            doc.starts_with(&format!("//! `{id}`:")),
            "{stem}.rs: doc must start with \"//! `{id}`: what it catches\""
        );
        for part in ["**Why it matters.**", "**Example", "**Fix"] {
            assert!(doc.contains(part), "{stem}.rs: doc lacks {part}");
        }
        assert!(!src.contains("STUB"), "{stem}.rs is still a stub");
    }
}

#[test]
fn every_rule_has_good_and_bad_examples() {
    for (stem, src) in rule_files() {
        let tests = src
            .split("#[cfg(test)]")
            .nth(1)
            .unwrap_or_else(|| panic!("{stem}.rs has no tests"));
        let bad = ["fires(", "count(", "count_with(", "fixed(", "fixed_with("]
            .iter()
            .any(|p| tests.contains(p));
        let good = ["silent(", "== 0", ", 0)", "0, \"", "is_none()"]
            .iter()
            .any(|p| tests.contains(p));
        assert!(bad, "{stem}.rs: no example where the rule fires");
        assert!(good, "{stem}.rs: no example where the rule is silent");
    }
}

#[test]
fn extension_and_crate_versions_agree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["version"].as_str(),
        Some(env!("CARGO_PKG_VERSION")),
        "manifest.json and Cargo.toml disagree on the version"
    );
}

/// Every `.rs` file below `src/<dir>` (or `src/<dir>.rs`), with its path.
fn sources(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let file = root.join(format!("{dir}.rs"));
    if file.exists() {
        out.push((format!("src/{dir}.rs"), fs::read_to_string(&file).unwrap()));
    }
    let folder = root.join(dir);
    if folder.is_dir() {
        for e in fs::read_dir(&folder).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|e| e == "rs") {
                let name = format!("src/{dir}/{}", p.file_name().unwrap().to_string_lossy());
                out.push((name, fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out
}

/// The engine's layers, lowest first: a layer may use the ones below it, never one above.
const LAYERS: &[&str] = &[
    "text", "lang", "edits", "signals", "rules", "score", "report",
];

#[test]
fn layers_only_look_down() {
    for (i, layer) in LAYERS.iter().enumerate() {
        for (path, src) in sources(layer) {
            for above in &LAYERS[i + 1..] {
                // `report` holds the data types every layer returns; only logic is layered.
                if *above == "report" {
                    continue;
                }
                let uses = format!("crate::{above}::");
                let uses_group = format!("crate::{above}}}");
                let code: String = src
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                assert!(
                    !code.contains(&uses) && !code.contains(&uses_group),
                    "{path} ({layer}) uses `{above}`, a layer above it"
                );
            }
        }
    }
}

#[test]
fn no_rule_imports_another_rule() {
    let ids: Vec<String> = rule_files().into_iter().map(|(stem, _)| stem).collect();
    for (stem, src) in rule_files() {
        for other in ids.iter().filter(|o| **o != stem) {
            for path in [format!("super::{other}"), format!("rules::{other}")] {
                assert!(
                    !src.contains(&path),
                    "src/rules/{stem}.rs uses `{path}`: a rule reads signals and edits, never another rule"
                );
            }
        }
    }
}

/// Every `.rs` file of the library (all of `src/` but the CLI in `src/bin/`), with its path.
fn library_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() && p.file_name().is_some_and(|n| n != "bin") {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let name = p.strip_prefix(&root).unwrap().display().to_string();
                out.push((format!("src/{name}"), fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out
}

/// `str::to_lowercase` and `str::to_uppercase` carry their own copy of the case code
/// into the wasm engine (2.6 KB gzipped when the playground's language hint used it):
/// the library lowers and raises text with `text::lower` and `text::upper`.
#[test]
fn the_library_has_one_way_to_change_case() {
    for (path, src) in library_sources() {
        let code: String = src
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for banned in ["str::to_lowercase", "str::to_uppercase"] {
            assert!(
                !code.contains(banned),
                "{path} uses `{banned}`: use crate::text::lower / upper (one copy of the case code in the wasm engine)"
            );
        }
    }
}

/// `build.rs` stores a phrase list sorted unless its file says `# Order matters`. A list
/// the library searches in order and takes the first hit of (`LIST.iter().find(..)`,
/// `.find_map`, `.position`, or chained into such a search) must say so, or sorting
/// would change which phrase wins.
#[test]
fn lists_searched_in_order_keep_their_order() {
    let lists = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang/en");
    let mut checked = 0;
    for (path, src) in library_sources() {
        let code = src.split("#[cfg(test)]").next().unwrap_or("");
        // Each `NAME.iter()` whose expression, up to the end of its statement, takes a first hit.
        for (at, _) in code.match_indices(".iter()") {
            let head = code[..at].trim_end();
            let from = head
                .rfind(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
                .map_or(0, |i| i + 1);
            let name = &head[from..];
            let file = lists.join(format!("{}.txt", name.to_ascii_lowercase()));
            // A constant of the file's own ("const MONTHS: &[&[&str]]") is no pack list.
            let local = [format!("const {name}:"), format!("static {name}:")]
                .iter()
                .any(|d| code.contains(d.as_str()));
            if name.len() < 2 || !file.exists() || local {
                continue;
            }
            let rest = &code[at..];
            let statement = &rest[..rest.find(';').unwrap_or(rest.len())];
            if [".find(", ".find_map(", ".position("]
                .iter()
                .any(|f| statement.contains(f))
            {
                checked += 1;
                let text = fs::read_to_string(&file).unwrap();
                assert!(
                    text.lines().any(|l| l.starts_with("# Order matters")),
                    "{path} takes the first hit of {name} in its order: {} needs a `# Order matters` comment",
                    file.display()
                );
            }
        }
    }
    assert!(
        checked >= 4,
        "only {checked} ordered searches found: is the pattern stale?"
    );
}
