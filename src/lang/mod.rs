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

use crate::text::{normalise_phrase, Lexicon, Marks, Token, WordMap, MARK_WORDS};
use std::sync::OnceLock;

/// A phrase list of a pack: its lines joined into one string in the binary, split
/// into a slice the first time it is read. Reads as a `[&str]`.
pub struct List {
    joined: &'static str,
    split: OnceLock<Vec<&'static str>>,
}

impl List {
    /// A list of the `\n`-separated phrases in `joined`.
    pub const fn new(joined: &'static str) -> Self {
        List {
            joined,
            split: OnceLock::new(),
        }
    }
}

/// A list of the packs by its number in [`ALL`] (its bit in a word's marks): what
/// the packs' constants are, so that asking whether a word is in a list is a bit test
/// at a place known when the engine is compiled. Reads as the [`List`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListId(pub usize);

impl ListId {
    /// The list's number among the packs' lists.
    pub fn id(self) -> usize {
        self.0
    }

    /// Whether the list holds the word `t`: [`ListId::contains`] of its normal form,
    /// read off the bits of the lists that hold it, found once a word (the detectors
    /// ask about 25 lists of each word).
    #[inline(always)]
    pub fn has(self, t: &Token) -> bool {
        marked(marks(t), self.0)
    }

    /// Whether the list holds the word `t` without its possessive ("talk's" as "talk"):
    /// a bit test, or a lookup for a word with an "'s".
    pub fn has_base(self, t: &Token) -> bool {
        if t.norm.ends_with("'s") {
            self.contains(&crate::text::without_possessive(&t.norm))
        } else {
            self.has(t)
        }
    }

    /// Whether `phrase` is in the list: one lookup in the table of every pack's phrases
    /// (a scan of the list once cost most of a note's analysis). For a word of the
    /// note, [`ListId::has`] is cheaper.
    pub fn contains(self, phrase: &&str) -> bool {
        marked(&marks_of(phrase), self.0)
    }
}

impl std::ops::Deref for ListId {
    type Target = List;
    fn deref(&self) -> &List {
        &ALL[self.0]
    }
}

include!(concat!(env!("OUT_DIR"), "/lang_count.rs"));

const _: () = assert!(LIST_COUNT <= MARK_WORDS * 64, "raise text::MARK_WORDS");

/// The lists that hold the word `t`, as bits (bit `n`: list number `n`), looked up
/// the first time they are asked for.
pub fn marks<'t>(t: &'t Token<'_>) -> &'t Marks {
    t.lists.get_or_init(|| marks_of(&t.norm))
}

/// Whether `marks` holds list number `id`.
#[inline(always)]
pub fn marked(marks: &Marks, id: usize) -> bool {
    marks[id / 64] & (1 << (id % 64)) != 0
}

/// The bits of lists `first..first + n` in `marks` (n ≤ 64), list `first` the lowest:
/// a run of lists read at once, like the function-word lists language detection counts.
pub fn marked_run(marks: &Marks, first: usize, n: usize) -> u64 {
    let (word, bit) = (first / 64, first % 64);
    let low = marks.get(word).map_or(0, |w| w >> bit);
    let high = match marks.get(word + 1) {
        Some(w) if bit > 0 => w << (64 - bit),
        _ => 0,
    };
    let mask = if n >= 64 { u64::MAX } else { (1 << n) - 1 };
    (low | high) & mask
}

/// Sets list number `id` in `marks`.
fn mark(marks: &mut Marks, id: usize) {
    marks[id / 64] |= 1 << (id % 64);
}

/// The lists that hold `phrase`, as bits (see [`ListId::has`]).
fn marks_of(phrase: &str) -> Marks {
    /// A phrase of one list: its number, with this bit set; else an index in the
    /// table of marks.
    const ONE: u32 = 1 << 31;
    // Every phrase of every list, in a map of the type `Lexicon` uses (the wasm engine
    // carries one kind of hash map); most phrases are in one list, so only the others
    // have marks of their own.
    type Table = (WordMap<Box<str>, u32>, Vec<Marks>);
    static PHRASES: OnceLock<Table> = OnceLock::new();
    let (index, table) = PHRASES.get_or_init(|| {
        let mut index: WordMap<Box<str>, u32> = WordMap::default();
        let mut table: Vec<Marks> = Vec::new();
        for (id, list) in ALL.iter().enumerate() {
            for &phrase in list.iter() {
                let mine = ONE | id as u32;
                let at = index.entry(phrase.into()).or_insert(mine);
                if *at == mine {
                    continue;
                }
                if *at & ONE != 0 {
                    let mut marks = [0; MARK_WORDS];
                    mark(&mut marks, (*at & !ONE) as usize);
                    *at = table.len() as u32;
                    table.push(marks);
                }
                mark(&mut table[*at as usize], id);
            }
        }
        (index, table)
    });
    let mut marks = [0; MARK_WORDS];
    match index.get(phrase) {
        Some(&at) if at & ONE != 0 => mark(&mut marks, (at & !ONE) as usize),
        Some(&at) => marks = table[at as usize],
        None => {}
    }
    marks
}

/// The first byte of a line that starts with the beginning of the line before it
/// (`build.rs`'s `SHARED_FIRST`): byte `b` stands for its first `b - SHARED_FIRST + 2`
/// bytes.
const SHARED_FIRST: u8 = 0x0e;

/// How many bytes of the phrase before it byte `b` stands for, if it is a
/// shared-beginning byte (2 to 19). The build refuses control characters in phrases
/// and tags, so no other byte of a list falls in this range.
fn shared_len(b: u8) -> Option<usize> {
    (SHARED_FIRST..SHARED_FIRST + 18)
        .contains(&b)
        .then(|| usize::from(b - SHARED_FIRST) + 2)
}

/// `joined`'s lines with every shared beginning written out again (see `build.rs`'s
/// `front_code`); tag lines (`\u{1}tag`) pass as they are.
fn expand(joined: &str) -> String {
    let mut out = String::with_capacity(joined.len() + joined.len() / 2);
    // The last phrase written (tag lines are no phrase).
    let mut before = String::new();
    for (k, line) in joined.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if line.starts_with('\u{1}') {
            out.push_str(line);
            continue;
        }
        match line.bytes().next().and_then(shared_len) {
            Some(shared) => {
                before.truncate(shared);
                before.push_str(&line[1..]);
            }
            None => {
                before.clear();
                before.push_str(line);
            }
        }
        out.push_str(&before);
    }
    out
}

impl std::ops::Deref for List {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.split.get_or_init(|| {
            if self.joined.is_empty() {
                return Vec::new();
            }
            let coded = self.joined.bytes().any(|b| shared_len(b).is_some());
            // A list is expanded once and kept for the life of the engine, as its
            // compiled-in text is.
            let text: &'static str = if coded {
                Box::leak(expand(self.joined).into_boxed_str())
            } else {
                self.joined
            };
            text.split('\n').collect()
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
    pub fn is_generic_word(t: &crate::text::Token) -> bool {
        GENERIC_OPENER_GENERIC_WORDS.has(t)
    }
}

#[cfg(test)]
mod tests {
    use super::{en, id, tagged_kinds, world, List, ListId, LIST_COUNT};
    use crate::text::Token;

    /// `has` and `contains` answer what the list's lines say, for every list and every
    /// phrase of every list (and a phrase of none).
    #[test]
    fn a_run_of_lists_reads_as_their_own_bits() {
        // Marks with a pattern in every word, so runs across a word boundary show.
        let mut marks = [0u64; crate::text::MARK_WORDS];
        for (k, w) in marks.iter_mut().enumerate() {
            *w = 0x9e37_79b9_7f4a_7c15u64.rotate_left(k as u32 * 7) ^ (k as u64);
        }
        for first in 0..crate::text::MARK_WORDS * 64 {
            for n in [1, 5, 21, 32, 64] {
                let run = super::marked_run(&marks, first, n);
                for i in 0..n {
                    let want = first + i < crate::text::MARK_WORDS * 64
                        && super::marked(&marks, first + i);
                    assert_eq!(run >> i & 1 == 1, want, "first {first}, n {n}, bit {i}");
                }
            }
        }
    }

    #[test]
    fn a_phrase_is_in_the_lists_that_hold_it() {
        let lists: Vec<ListId> = (0..LIST_COUNT).map(ListId).collect();
        // The packs' constants name their own lists, each once.
        let named: Vec<usize> = [en::LISTS, id::LISTS, world::LISTS]
            .iter()
            .flat_map(|l| l.iter().map(|(_, list)| list.id()))
            .collect();
        assert_eq!(named.len(), LIST_COUNT);
        assert!(named.iter().enumerate().all(|(n, &id)| n == id));
        let sets: Vec<std::collections::HashSet<&str>> =
            lists.iter().map(|l| l.iter().copied().collect()).collect();
        let mut phrases: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        phrases.push("zzyzx");
        for p in phrases {
            let t = Token::new(0, p.len(), p.to_string());
            for (list, set) in lists.iter().zip(&sets) {
                assert_eq!(list.contains(&p), set.contains(p), "{p:?}");
                assert_eq!(list.has(&t), set.contains(p), "{p:?}");
            }
        }
    }

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

    /// Every list reads back exactly the phrases its file holds (shared beginnings
    /// written out again, tags in place): the build's sorting and front coding change
    /// how a list is stored, never what it says.
    #[test]
    fn every_list_reads_back_its_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang");
        for (code, lists) in [
            ("en", en::LISTS),
            ("id", id::LISTS),
            ("world", world::LISTS),
        ] {
            for &(name, list) in lists {
                let text =
                    std::fs::read_to_string(root.join(format!("{code}/{name}.txt"))).unwrap();
                let mut want: Vec<String> = text
                    .lines()
                    .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .map(|l| {
                        l.strip_prefix('"')
                            .and_then(|l| l.strip_suffix('"'))
                            .unwrap_or(l)
                    })
                    .map(str::to_string)
                    .collect();
                let mut got: Vec<String> = super::tagged(&super::ALL[list.id()])
                    .map(|(phrase, tag)| match tag {
                        "" => phrase.to_string(),
                        _ => format!("{phrase} | {tag}"),
                    })
                    .collect();
                if !text.lines().any(|l| l.starts_with("# Order matters")) {
                    want.sort();
                    got.sort();
                }
                assert_eq!(got, want, "src/lang/{code}/{name}.txt");
            }
        }
    }

    /// A line that starts with a shared-beginning byte takes that many bytes of the
    /// phrase before it (0x1a: 14, 0x14: 8, 0x12: 6, "café " with its two-byte é),
    /// skipping tag lines; other lines stay as they are.
    #[test]
    fn shared_beginnings_are_written_out_again() {
        let coded = "decision maker\n\u{1a}s\n\u{1}tag\n\u{14}-maker\ncafé au lait\n\u{12}crème";
        assert_eq!(
            super::expand(coded),
            "decision maker\ndecision makers\n\u{1}tag\ndecision-maker\ncafé au lait\ncafé crème"
        );
        assert_eq!(super::expand("one\ntwo"), "one\ntwo");
    }
}
