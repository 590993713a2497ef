//! Language packs: each language's phrase lists are data files in `src/lang/<code>/`,
//! compiled into constants by `build.rs` (a malformed line fails the build with its
//! file and line). The engine's detectors read a pack's lists; nothing here knows
//! about rules.

pub mod detect;
pub mod names;

/// Function words of many languages, for [`detect`] (detection only, no rules).
pub mod id {
    include!(concat!(env!("OUT_DIR"), "/lang_id.rs"));
}

/// Lists that belong to no language: names of things, such as well-known employers.
pub mod world {
    include!(concat!(env!("OUT_DIR"), "/lang_world.rs"));
}

use crate::text::{normalise_phrase, Lexicon, WordHasher};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A phrase list of a pack: its lines joined into one string in the binary, split
/// into a slice the first time it is read. Reads as a `[&str]`.
pub struct List {
    joined: &'static str,
    split: OnceLock<Vec<&'static str>>,
    index: OnceLock<Index>,
}

/// A list's phrases as a hash set, behind two cheap filters (their lengths and first
/// bytes) that turn most words away before they are hashed.
struct Index {
    set: std::collections::HashSet<&'static str, BuildHasherDefault<WordHasher>>,
    /// Bit `n` (`n` < 63): a phrase of `n` bytes; bit 63: one of 63 bytes or more.
    lengths: u64,
    /// Bit `b`: a phrase whose first byte is `b`.
    first: [u64; 4],
}

impl Index {
    fn new(phrases: &[&'static str]) -> Self {
        let mut index = Index {
            set: phrases.iter().copied().collect(),
            lengths: 0,
            first: [0; 4],
        };
        for p in phrases {
            index.lengths |= 1 << p.len().min(63);
            if let Some(&b) = p.as_bytes().first() {
                index.first[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        index
    }

    fn may_hold(&self, phrase: &str) -> bool {
        self.lengths & (1 << phrase.len().min(63)) != 0
            && phrase
                .as_bytes()
                .first()
                .is_none_or(|&b| self.first[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }
}

impl List {
    /// A list of the `\n`-separated phrases in `joined`.
    pub const fn new(joined: &'static str) -> Self {
        List {
            joined,
            split: OnceLock::new(),
            index: OnceLock::new(),
        }
    }

    /// Whether `phrase` is in the list: a hash lookup (the detectors ask this of
    /// nearly every word, where a scan of the list cost most of a note's analysis).
    pub fn contains(&self, phrase: &&str) -> bool {
        let index = self.index.get_or_init(|| Index::new(self));
        index.may_hold(phrase) && index.set.contains(phrase)
    }
}

impl std::ops::Deref for List {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.split.get_or_init(|| {
            if self.joined.is_empty() {
                Vec::new()
            } else {
                self.joined.split('\n').collect()
            }
        })
    }
}

/// Spellings a word may also be written in: contractions with and without the
/// apostrophe and spelled out, and British/American spellings.
#[rustfmt::skip]
pub const VARIANTS: &[(&str, &[&str])] = &[
    ("i'm", &["i am", "im"]),
    ("i'd", &["i would", "id"]),
    ("i've", &["i have", "ive"]),
    ("i'll", &["i will", "ill"]),
    ("you're", &["you are", "youre"]),
    ("you've", &["you have", "youve"]),
    ("you'd", &["you would", "youd"]),
    ("you'll", &["you will", "youll"]),
    ("we're", &["we are"]),
    ("we've", &["we have"]),
    ("we'd", &["we would"]),
    ("we'll", &["we will"]),
    ("it's", &["it is", "its"]),
    ("that's", &["that is", "thats"]),
    ("there's", &["there is", "theres"]),
    ("what's", &["what is", "whats"]),
    ("let's", &["lets"]),
    ("don't", &["do not", "dont"]),
    ("wasn't", &["was not", "wasnt"]),
    ("favor", &["favour"]),
    ("organize", &["organise"]),
    ("organized", &["organised"]),
    ("organizing", &["organising"]),
    ("organizer", &["organiser"]),
    ("summarized", &["summarised"]),
    ("program", &["programme"]),
    ("analyze", &["analyse"]),
    ("analyzing", &["analysing"]),
];

/// Every way `phrase` may be written (see [`VARIANTS`]), normalised.
pub fn variants(phrase: &str) -> Vec<String> {
    let norm = normalise_phrase(phrase);
    let mut out: Vec<String> = vec![String::new()];
    for word in norm.split(' ') {
        let alts: Vec<&str> = match VARIANTS.iter().find(|(w, _)| *w == word) {
            Some((w, alts)) => std::iter::once(*w).chain(alts.iter().copied()).collect(),
            None => vec![word],
        };
        out = out
            .iter()
            .flat_map(|prefix| {
                alts.iter().map(move |a| {
                    if prefix.is_empty() {
                        (*a).to_string()
                    } else {
                        format!("{prefix} {a}")
                    }
                })
            })
            .collect();
    }
    out
}

/// Builds a [`Lexicon`] from phrases, adding each phrase's other spellings.
pub fn lexicon<S: AsRef<str>>(phrases: &[S]) -> Lexicon {
    let mut all: Vec<String> = phrases
        .iter()
        .flat_map(|p| variants(p.as_ref()))
        .filter(|p| !p.is_empty())
        .collect();
    crate::sort::sort(&mut all);
    all.dedup();
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    Lexicon::new(&refs)
}

/// Every `a b` for `a` in `left` and `b` in `right`.
pub fn cross(left: &[&str], right: &[&str]) -> Vec<String> {
    left.iter()
        .flat_map(|a| right.iter().map(move |b| format!("{a} {b}")))
        .collect()
}

/// The entries of a tagged list (`phrase | tag` per line, as in
/// `src/lang/en/entitlement_asks.txt`): each phrase with what it is.
pub fn tagged(list: &'static [&'static str]) -> impl Iterator<Item = (&'static str, &'static str)> {
    // The build stores a tag once before the run of phrases that share it (`build.rs`).
    let mut tag = "";
    list.iter()
        .filter_map(move |line| match line.strip_prefix('\u{1}') {
            Some(t) => {
                tag = t;
                None
            }
            None => Some((*line, tag)),
        })
}

/// The entries of a tagged list whose tags name kinds: each phrase with its kind from
/// `kinds`. An unknown tag is a malformed line: it panics naming `file` (the first
/// read of the list, in every test run), the tag and the phrase.
pub fn tagged_kinds<T: Copy>(
    list: &'static [&'static str],
    file: &str,
    kinds: &[(&str, T)],
) -> Vec<(&'static str, T)> {
    tagged(list)
        .map(|(phrase, tag)| {
            let tag = tag.split_once(": ").map_or(tag, |(t, _)| t);
            let kind = kinds.iter().find(|(name, _)| *name == tag).map(|&(_, k)| k);
            let kind = kind.unwrap_or_else(|| {
                panic!("src/lang/en/{file}: unknown tag “{tag}” for “{phrase}”")
            });
            (phrase, kind)
        })
        .collect()
}

/// English: the first full pack.
pub mod en {
    include!(concat!(env!("OUT_DIR"), "/lang_en.rs"));

    /// True for a word that says nothing about the person or the sender's reason
    /// (function words and the vocabulary of canned notes).
    pub fn is_generic_word(norm: &str) -> bool {
        GENERIC_OPENER_GENERIC_WORDS.contains(&norm)
    }
}

#[cfg(test)]
mod tests {
    use super::{tagged_kinds, List};

    /// As the build stores `asap | hurry`, `you must | order: note`, `last chance | rush`.
    static LINES: [&str; 6] = [
        "\u{1}hurry",
        "asap",
        "\u{1}order: note",
        "you must",
        "\u{1}rush",
        "last chance",
    ];

    #[test]
    fn tagged_kinds_reads_each_tag_and_names_a_malformed_line() {
        let kinds = [("hurry", 1), ("order", 2), ("rush", 3)];
        assert_eq!(
            tagged_kinds(&LINES, "x.txt", &kinds),
            [("asap", 1), ("you must", 2), ("last chance", 3)]
        );
        let missing = std::panic::catch_unwind(|| tagged_kinds(&LINES, "x.txt", &kinds[..2]));
        let message = *missing.unwrap_err().downcast::<String>().unwrap();
        assert_eq!(
            message,
            "src/lang/en/x.txt: unknown tag “rush” for “last chance”"
        );
    }

    proptest::proptest! {
        /// A list holds exactly its phrases: its filters never turn one away.
        #[test]
        fn a_list_holds_exactly_its_phrases(
            phrases in proptest::collection::vec("[a-cé'’ ]{1,5}|[x-z]{60,70}", 1..12),
            probe in "[a-cé'’ ]{0,5}|[x-z]{60,70}",
        ) {
            let joined: &'static str = Box::leak(phrases.join("\n").into_boxed_str());
            let list = List::new(joined);
            for p in &phrases {
                proptest::prop_assert!(list.contains(&p.as_str()));
            }
            proptest::prop_assert_eq!(list.contains(&probe.as_str()), phrases.contains(&probe));
        }
    }
}
