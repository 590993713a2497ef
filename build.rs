//! Compiles the language packs' phrase lists (`src/lang/<code>/*.txt`) into Rust
//! constants, so a list is data a translator edits and the engine reads at no cost.
//!
//! Each file becomes a `List` in one array, `lang::ALL`, named by a constant
//! `<FILE_NAME>: ListId` (its place in the array) in the module `lang::<code>` (a
//! `ListId` reads as its `List`, and a `List` as a `[&str]`).
//! A line is one phrase; `#` starts a comment line; blank lines are skipped; a phrase
//! whose spaces matter is written in double quotes (`" discount"`). A malformed line
//! (trailing space, tab or other control character, duplicate, empty quotes) fails the
//! build with its file and line.
//! A list is stored sorted, each phrase's beginning shared with the one before it written
//! as one byte (`lang::List` writes it out again the first time the list is read), unless
//! its file has a comment starting `# Order matters` (a list read first match first).

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new("src/lang");
    println!("cargo:rerun-if-changed=src/lang");
    let mut langs: Vec<_> = fs::read_dir(root)
        .expect("src/lang exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    langs.sort_by_key(|e| e.file_name());
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let mut index = String::new();
    // Every pack's lists live in one array, `lang::ALL`, each named by a constant that
    // is its place in it: that place is also its bit in a word's marks
    // (`lang::ListId::has`, a bit test at a place known when the engine is compiled).
    let mut id = 0usize;
    let mut all = Vec::new();
    for lang in langs {
        let code = lang.file_name().to_string_lossy().into_owned();
        let mut files: Vec<_> = fs::read_dir(lang.path())
            .expect("readable language folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut module = String::new();
        let mut names = Vec::new();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let shown = format!("src/lang/{code}/{stem}.txt");
            if !stem
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                panic!("{shown}: a list's file name is lower-case snake_case");
            }
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{shown}: {e}"));
            let phrases =
                parse(&text).unwrap_or_else(|(line, why)| panic!("{shown}:{line}: {why}"));
            // One string per list, split on first use: a table of string slices costs
            // eight bytes an entry in the wasm engine, about 55 KB over every list.
            // Stored sorted (a tagged list by tag, then phrase), unless its file says the
            // order matters (a list read first match first): sorted text gzips smaller,
            // about 1 KB of the wasm engine.
            let mut phrases = phrases;
            let sorted = !text.lines().any(|l| l.starts_with(ORDER_MATTERS));
            if sorted {
                phrases.sort_by(|a, b| tag_of(a).cmp(&tag_of(b)).then_with(|| a.cmp(b)));
            }
            let mut lines = runs_of_tags(&phrases);
            if sorted {
                front_code(&mut lines);
            }
            let joined = lines.join("\n");
            let _ = writeln!(
                module,
                "/// `{shown}`\npub const {}: crate::lang::ListId = crate::lang::ListId({id});",
                stem.to_uppercase()
            );
            id += 1;
            all.push(format!("    // {shown}\n    List::new({joined:?}),\n"));
            names.push(stem);
        }
        let _ = writeln!(
            module,
            "/// Every list of this pack by file name, for tests and tools.\npub static LISTS: &[(&str, crate::lang::ListId)] = &[{}];",
            names.iter().map(|n| format!("({n:?}, {})", n.to_uppercase())).collect::<Vec<_>>().join(", ")
        );
        fs::write(out.join(format!("lang_{code}.rs")), module).expect("OUT_DIR is writable");
        let _ = writeln!(index, "{code}");
    }
    fs::write(out.join("lang_index.txt"), index).expect("OUT_DIR is writable");
    fs::write(
        out.join("lang_count.rs"),
        format!(
            "/// How many lists the packs hold.\npub const LIST_COUNT: usize = {id};\n\
             /// Every pack's lists, by number (a list's number is its bit in a word's marks).\n\
             pub static ALL: [List; LIST_COUNT] = [\n{}];\n",
            all.concat()
        ),
    )
    .expect("OUT_DIR is writable");
}

/// The comment that keeps a list in the order it is written.
const ORDER_MATTERS: &str = "# Order matters";

/// A tagged line's tag (`phrase | tag`), none for a plain one.
fn tag_of(line: &str) -> Option<&str> {
    line.split_once(" | ").map(|(_, tag)| tag)
}

/// A tagged list (`phrase | tag`) as runs: a line `\u{1}tag` gives its tag to the
/// phrases after it, so a tag that a run of lines shares is stored once (about 1 KB of
/// the gzipped wasm engine). `lang::tagged` reads it back. A plain list stays as it is.
fn runs_of_tags(phrases: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = None;
    for line in phrases {
        match line.split_once(" | ") {
            Some((phrase, tag)) => {
                if last != Some(tag) {
                    out.push(format!("\u{1}{tag}"));
                    last = Some(tag);
                }
                out.push(phrase.to_string());
            }
            None => out.push(line.clone()),
        }
    }
    out
}

/// The first byte of a line that starts with the first `b - SHARED_FIRST + 2` bytes of
/// the phrase before it (2 to 19 bytes): sorted phrases share beginnings ("decision
/// maker", "decision makers"), and writing each shared beginning as one byte makes the
/// gzipped wasm engine about 1 KB smaller. `lang::List` expands it on first use.
const SHARED_FIRST: u8 = 0x0e;

/// The most bytes one shared-beginning byte stands for.
const SHARED_MAX: usize = 19;

/// Writes each phrase of sorted `lines` that begins like the phrase before it as one
/// byte for the shared beginning and then the rest ([`SHARED_FIRST`]); tag lines
/// (`\u{1}tag`) are left as they are and do not count as a phrase before.
fn front_code(lines: &mut [String]) {
    let mut before = String::new();
    for line in lines.iter_mut() {
        if line.starts_with('\u{1}') {
            continue;
        }
        let mut shared = line
            .bytes()
            .zip(before.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(SHARED_MAX);
        while !line.is_char_boundary(shared) {
            shared -= 1;
        }
        if shared >= 2 {
            let code = char::from(SHARED_FIRST + shared as u8 - 2);
            let coded = format!("{code}{}", &line[shared..]);
            before = std::mem::replace(line, coded);
        } else {
            before.clone_from(line);
        }
    }
}

/// The phrases of one list file, or the first bad line (1-based) and why it is bad.
fn parse(text: &str) -> Result<Vec<String>, (usize, String)> {
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let bad = |why: &str| Err((i + 1, why.to_string()));
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.contains('\t') {
            return bad("a tab (use spaces)");
        }
        if line.chars().any(char::is_control) {
            return bad("a control character");
        }
        let phrase = if line.len() >= 2 && line.starts_with('"') && line.ends_with('"') {
            &line[1..line.len() - 1]
        } else if line != line.trim() {
            return bad("space at the start or end (quote the phrase if it matters)");
        } else {
            line
        };
        if phrase.is_empty() {
            return bad("an empty phrase");
        }
        if phrase.contains('"') {
            return bad("a stray double quote");
        }
        if phrase.contains(" | ")
            != out
                .first()
                .map_or(phrase.contains(" | "), |p| p.contains(" | "))
        {
            return bad(
                "every line of a tagged list is `phrase | tag`, and no line of a plain one",
            );
        }
        if phrase.contains(" | ") {
            let (p, tag) = phrase.split_once(" | ").unwrap_or_default();
            if p.trim().is_empty() || tag.trim().is_empty() || tag.contains(" | ") {
                return bad("a tagged line is `phrase | tag`, both non-empty");
            }
        }
        let key = |p: &str| p.split(" | ").next().unwrap_or(p).to_lowercase();
        if out.iter().any(|p| key(p) == key(phrase)) {
            return bad(&format!("{phrase:?} is already in the list"));
        }
        out.push(phrase.to_string());
    }
    Ok(out)
}
