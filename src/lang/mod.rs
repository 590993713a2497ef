//! Language packs: each language's phrase lists are data files in `src/lang/<code>/`,
//! compiled into constants by `build.rs` (a malformed line fails the build with its
//! file and line). The engine's detectors read a pack's lists; nothing here knows
//! about rules.

/// English: the first full pack.
pub mod en {
    include!(concat!(env!("OUT_DIR"), "/lang_en.rs"));
}
