//! Text primitives: word tokens with byte spans, sentences, phrase lexicons and
//! UTF-16 offset conversion.
//!
//! Phrase matching runs on a normalised copy of the words (lower case, curly
//! apostrophes straightened, any run of spaces and punctuation folded to one space),
//! so "Hope this finds you well!" and "hope  this finds you well" match the same
//! entry; every match maps back to a byte span of the original text.

use std::borrow::Cow;
use std::collections::HashMap;

/// One word: letters, digits and inner apostrophes.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    /// Lower case, apostrophes as `'`.
    pub norm: Norm<'a>,
    /// Which of the language packs' lists hold `norm`, as bits; filled by the packs
    /// (`lang::ListId::has`) the first time one is asked, so a word is looked up once
    /// rather than once a list.
    pub lists: std::cell::OnceCell<Marks>,
}

/// A word's normal form: the note's own text when the word is written that way already
/// (most words), else a copy made to lower-case it or straighten its apostrophes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Norm<'a>(Cow<'a, str>);

impl Norm<'_> {
    // Inlined, this is two loads, as `String::as_str` is: a borrowed and an owned word
    // keep their pointer and length in the same place. Left to the wasm build (for size)
    // it was a call at each use, 1.3 KB of gzipped wasm.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Cow::Borrowed(s) => s,
            Cow::Owned(s) => s.as_str(),
        }
    }
}

impl std::ops::Deref for Norm<'_> {
    type Target = str;

    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<'a> From<Cow<'a, str>> for Norm<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Norm(s)
    }
}

impl From<String> for Norm<'_> {
    fn from(s: String) -> Self {
        Norm(Cow::Owned(s))
    }
}

impl PartialEq<str> for Norm<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Norm<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Norm<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Norm<'_>> for String {
    fn eq(&self, other: &Norm<'_>) -> bool {
        self == other.as_str()
    }
}

impl From<Norm<'_>> for String {
    fn from(s: Norm<'_>) -> Self {
        s.0.into_owned()
    }
}

impl std::fmt::Display for Norm<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// Bits of a word's [`Token::lists`]: bit `n` is the packs' list number `n`.
pub type Marks = [u64; MARK_WORDS];

/// Room for 384 lists (`lang` checks at compile time that its lists fit).
pub const MARK_WORDS: usize = 6;

impl<'a> Token<'a> {
    /// A word at bytes `start..end` whose normal form is `norm`.
    pub fn new(start: usize, end: usize, norm: impl Into<Norm<'a>>) -> Self {
        Token {
            start,
            end,
            norm: norm.into(),
            lists: std::cell::OnceCell::new(),
        }
    }
}

/// Tokens are equal by their span and word; `lists` is only a cache.
impl PartialEq for Token<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end, &self.norm) == (other.start, other.end, &other.norm)
    }
}

impl Eq for Token<'_> {}

/// A byte span in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A phrase found by [`Doc::find`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte span in the original text, from the first word's start to the last word's end.
    pub start: usize,
    pub end: usize,
    /// Index of the phrase in its lexicon.
    pub phrase: usize,
    /// Index of the first and one past the last token.
    pub first_token: usize,
    pub end_token: usize,
}

impl Hit {
    /// The hit's byte span in the original text.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

/// A tokenised note, shared by every rule.
#[derive(Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// Sentences (or lines) as byte spans, trimmed.
    pub sentences: Vec<Span>,
    /// The tokens' normal forms, one space between each.
    joined: String,
    /// Offset of each token in `joined`.
    joined_at: Vec<usize>,
    /// Each token's hash for a [`Lexicon`]'s word filters.
    hashes: Vec<u32>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}' || c == '\u{2018}'
}

/// Punctuation that closes a greeting or a salutation: "Hi Sarah," "Dear Sir/Madam:",
/// "Hello!" "Dr. Chen -".
pub fn is_greeting_punct(c: char) -> bool {
    matches!(c, ',' | '!' | '.' | ':' | ';' | '-' | '\u{2014}')
}

/// Characters that continue a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let mut joined = String::with_capacity(text.len());
        let mut joined_at = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            joined_at.push(joined.len());
            joined.push_str(&t.norm);
        }
        let hashes = tokens.iter().map(|t| word_hash(&t.norm)).collect();
        Doc {
            text,
            sentences: sentences(text),
            tokens,
            joined,
            joined_at,
            hashes,
        }
    }

    /// All non-overlapping matches of `lex` on whole words, leftmost-longest first.
    pub fn find(&self, lex: &Lexicon) -> Vec<Hit> {
        self.find_iter(lex).collect()
    }

    /// The matches of [`Doc::find`], found as they are asked for.
    ///
    /// A phrase must begin and end at a word, so each word start is tried once:
    /// the word filters rule out most, and the rest look up their next few words.
    pub fn find_iter<'d>(&'d self, lex: &'d Lexicon) -> impl Iterator<Item = Hit> + 'd {
        let mut i = 0;
        std::iter::from_fn(move || {
            while let Some(k) = lex.next_start(&self.hashes, i) {
                if let Some(hit) = self.match_at(lex, k, self.tokens.len()) {
                    i = hit.end_token;
                    return Some(hit);
                }
                i = k + 1;
            }
            i = self.tokens.len();
            None
        })
    }

    /// The first match of `lex`, if any.
    pub fn first(&self, lex: &Lexicon) -> Option<Hit> {
        self.find_iter(lex).next()
    }

    /// The match of `lex` that the text opens with, using only its first `words` words.
    pub fn opening(&self, lex: &Lexicon, words: usize) -> Option<Hit> {
        if !lex.may_start(&self.hashes) {
            return None;
        }
        self.match_at(lex, 0, words.min(self.tokens.len()))
    }

    /// The longest phrase of `lex` that starts at token `i`.
    pub fn phrase_at(&self, lex: &Lexicon, i: usize) -> Option<Hit> {
        if !lex.may_start(self.hashes.get(i..)?) {
            return None;
        }
        self.match_at(lex, i, self.tokens.len())
    }

    /// The longest phrase of `lex` that starts at token `i` and ends by token `end`
    /// (exclusive). Callers first ask [`Lexicon::may_start`], which rules out most words.
    fn match_at(&self, lex: &Lexicon, i: usize, end: usize) -> Option<Hit> {
        let longest = usize::from(lex.longest[self.hashes[i] as usize % LONGEST_SLOTS])
            .min(end.saturating_sub(i));
        (1..=longest).rev().find_map(|words| {
            if lex.lengths & (1 << words.min(63)) == 0 {
                return None;
            }
            let last = i + words - 1;
            if !lex
                .ends
                .contains(ends_hash(self.hashes[i], self.hashes[last], words))
            {
                return None;
            }
            let key = &self.joined
                [self.joined_at[i]..self.joined_at[last] + self.tokens[last].norm.len()];
            lex.phrases.get(key).map(|&phrase| Hit {
                start: self.tokens[i].start,
                end: self.tokens[last].end,
                phrase: phrase as usize,
                first_token: i,
                end_token: last + 1,
            })
        })
    }

    /// The tokens lying wholly within bytes `start..end`.
    pub fn tokens_within(&self, start: usize, end: usize) -> &[Token<'a>] {
        let from = self.tokens.partition_point(|t| t.start < start);
        let to = self.tokens.partition_point(|t| t.end <= end);
        &self.tokens[from..to.max(from)]
    }

    /// Each sentence's tokens, as a range of token indices, in text order.
    pub fn sentence_tokens(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        self.sentences.iter().map(|s| {
            self.tokens.partition_point(|t| t.start < s.start)
                ..self.tokens.partition_point(|t| t.end <= s.end)
        })
    }

    /// Number of words.
    pub fn word_count(&self) -> usize {
        self.tokens.len()
    }

    /// The token range `(start, end)` of the sentence holding token `i` (a binary
    /// search, so a long paste stays linear); `(i, i + 1)` outside every sentence.
    pub fn sentence_tokens_of(&self, i: usize) -> (usize, usize) {
        match self.sentence_at(self.tokens[i].start) {
            Some(s) => (
                self.tokens.partition_point(|t| t.start < s.start),
                self.tokens.partition_point(|t| t.end <= s.end),
            ),
            None => (i, i + 1),
        }
    }

    /// The index of the sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<Span> {
        self.sentences
            .iter()
            .copied()
            .find(|s| s.start <= at && at < s.end.max(s.start + 1))
    }
}

/// The words of `text`, as [`Doc::new`] finds them.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // Room for a word every five bytes or so (a note's words and their spaces), so the
    // list is rarely moved as it grows.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut at = 0;
    while at < text.len() {
        let (c, len) = char_at(text, at);
        at += len;
        if !is_word_char(c) {
            continue;
        }
        let start = at - len;
        let mut end = at;
        while at < text.len() {
            let (d, len) = char_at(text, at);
            if is_word_char(d) {
                end = at + len;
            } else if !is_apostrophe(d)
                // Keep an apostrophe only between word characters: "I'm", "Sarah’s".
                || !text[at + len..].starts_with(is_word_char)
            {
                break;
            }
            at += len;
        }
        let norm = normalise_word(&text[start..end]);
        tokens.push(Token::new(start, end, norm));
    }
    tokens
}

/// The character at byte `at` of `text` (a character boundary) and its length in bytes:
/// an ASCII byte is read as it is, without decoding.
fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        b @ 0..=0x7f => (char::from(b), 1),
        _ => {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    }
}

/// A word typed on a phone, spelled out: "can u make me", "love ur stuff" ("ur" is also
/// "you're": the readers that care look at the word as written).
fn spelled_out(word: &str) -> Option<&'static str> {
    if word.eq_ignore_ascii_case("u") {
        Some("you")
    } else if word.eq_ignore_ascii_case("ur") {
        Some("your")
    } else {
        None
    }
}

/// A word in lower case with its apostrophes as `'`: the word itself when it is
/// written that way already.
fn normalise_word(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if let Some(w) = spelled_out(word) {
            return Cow::Borrowed(w);
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(word);
        }
        return Cow::Owned(word.to_ascii_lowercase());
    }
    let unchanged = |c: char| {
        if is_apostrophe(c) {
            c == '\''
        } else {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
    };
    let norm = if word.chars().all(unchanged) {
        Cow::Borrowed(word)
    } else {
        let mut norm = String::with_capacity(word.len());
        for c in word.chars() {
            if is_apostrophe(c) {
                norm.push('\'');
            } else {
                norm.extend(c.to_lowercase());
            }
        }
        Cow::Owned(norm)
    };
    // "résumé" is the English word "resume" with its accents: the packs list it once.
    match &*norm {
        "résumé" | "resumé" | "résume" => Cow::Borrowed("resume"),
        "résumés" | "resumés" => Cow::Borrowed("resumes"),
        _ => norm,
    }
}

/// Splits on sentence ends (`.`, `!`, `?`, `…` followed by space) and line breaks.
fn sentences(text: &str) -> Vec<Span> {
    // Room for a sentence every 32 bytes and a few more, so a note's list is made once
    // rather than grown twice.
    let mut out = Vec::with_capacity(text.len() / 32 + 4);
    let mut start = 0;
    let mut at = 0;
    // Only these bytes can end a sentence or a line ('…' starts with 0xE2, which
    // always starts a character): the bytes between are skipped unread.
    let ends = |b: &u8| matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?' | 0xE2);
    while let Some(skip) = text.as_bytes()[at..].iter().position(ends) {
        let i = at + skip;
        let (c, len) = char_at(text, i);
        at = i + len;
        let end_here = match c {
            '\n' | '\r' => Some(i),
            '.' | '!' | '?' | '…' => {
                // Swallow runs like "?!" and "..." and a closing quote or bracket.
                for d in text[at..].chars() {
                    if !matches!(d, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | '\u{201D}') {
                        break;
                    }
                    at += d.len_utf8();
                }
                let next = text[at..].chars().next();
                next.is_none_or(char::is_whitespace).then_some(at)
            }
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(&mut out, text, start, end);
            // A line break is not part of either sentence.
            start = if matches!(c, '\n' | '\r') {
                end + 1
            } else {
                end
            };
        }
    }
    push_trimmed(&mut out, text, start, text.len());
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if start + lead < end - trail {
        out.push(Span {
            start: start + lead,
            end: end - trail,
        });
    }
}

/// A fast hash for short words (the multiply-rotate of rustc's FxHash): SipHash, the
/// default, cost more than the lookups it serves. Not for untrusted keys at scale: the
/// sets hold the pack's own phrases, a note only asks, and the follow-up maps
/// ([`WordMap`]) hold the person's own contacts.
#[derive(Default)]
pub struct WordHasher(u64);

/// A hash map with [`WordHasher`]: every map of the crate hashes with it, so the wasm
/// carries one hasher (the standard one added SipHash and its random keys, about 0.9 KB
/// of wasm gzipped).
pub type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word: [u8; 8] = chunk.try_into().unwrap_or_default();
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Byte by byte: a copy of a slice of unknown length is a call to `memcpy`.
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.add(word);
        }
    }
    // A `str` key ends with a 0xff byte: one step, not a padded chunk.
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Slots of a lexicon's table of longest phrases by first word.
const LONGEST_SLOTS: usize = 1024;

/// Size of a lexicon's word filters, in bits.
const FILTER_BITS: usize = 4096;

/// A word's hash for the word filters (FNV-1a).
fn word_hash(word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in word.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// The hash of two words in a row, from theirs.
fn pair_hash(first: u32, second: u32) -> u32 {
    first.rotate_left(16) ^ second
}

/// The hash of a run of `words` words from its first and last words' hashes.
fn ends_hash(first: u32, last: u32, words: usize) -> u32 {
    pair_hash(first, last.rotate_left(7)) ^ words as u32
}

/// A set of two-word phrases ("could you") that may claim pairs it does not hold, never
/// the reverse: one bit test turns most pairs of a note's words away before a lookup.
pub struct Pairs(Filter);

impl Default for Pairs {
    fn default() -> Self {
        Pairs(Filter::new())
    }
}

impl Pairs {
    /// Adds `phrase` (normalised, one space between its words) when it has two words.
    pub fn insert(&mut self, phrase: &str) {
        if let Some((a, b)) = phrase.split_once(' ') {
            self.0.insert(pair_hash(word_hash(a), word_hash(b)));
        }
    }

    /// Whether words `i` and `j` of `doc`, in that order, may be a pair of the set.
    pub fn may_hold(&self, doc: &Doc, i: usize, j: usize) -> bool {
        self.0.contains(pair_hash(doc.hashes[i], doc.hashes[j]))
    }
}

/// A set of hashes that may claim ones it does not hold, never the reverse.
struct Filter([u64; FILTER_BITS / 64]);

impl Filter {
    fn new() -> Self {
        Filter([0; FILTER_BITS / 64])
    }

    fn insert(&mut self, hash: u32) {
        let bit = hash as usize % FILTER_BITS;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    // The wasm engine is built for size, which leaves even this a call; it runs for
    // every word of every lexicon scan. Inlined with `may_start` and the packs' bit
    // tests, the benchmark note runs about 9% faster in wasm for 224 bytes.
    #[inline(always)]
    fn contains(&self, hash: u32) -> bool {
        let bit = hash as usize % FILTER_BITS;
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A list of phrases matched on whole words, case-insensitively.
///
/// A phrase is looked up by its words: from a word start, the next `n` normalised
/// words (for each phrase length `n`, longest first) are one hash lookup. Matches
/// are anchored at words and whole, so no automaton is needed.
pub struct Lexicon {
    /// Each normalised phrase and the index of its first entry.
    phrases: WordMap<Box<str>, u32>,
    /// The phrases' lengths in words, as bits (bit 63: 63 words or more).
    lengths: u64,
    /// The phrases' first words.
    first: Filter,
    /// The first words that are phrases on their own.
    single: Filter,
    /// The first two words of the longer phrases.
    pairs: Filter,
    /// The longest phrase's length in words (at most 255), by its first word's hash
    /// modulo the slots: words that share a slot share the longest of their lengths.
    longest: [u8; LONGEST_SLOTS],
    /// Each phrase's first and last word and its length ([`ends_hash`]): most word
    /// runs a lexicon is asked about fail it and skip the phrase lookup.
    ends: Filter,
}

impl Lexicon {
    /// False when no phrase can start at the first of `words` (token hashes): most
    /// words fail the filters and skip the lookups altogether.
    #[inline(always)]
    fn may_start(&self, words: &[u32]) -> bool {
        match *words {
            [first, ref rest @ ..] if self.first.contains(first) => {
                self.single.contains(first)
                    || rest
                        .first()
                        .is_some_and(|&second| self.pairs.contains(pair_hash(first, second)))
            }
            _ => false,
        }
    }

    /// The first word at or after `from` (an index in `hashes`, a note's token hashes)
    /// that passes [`Lexicon::may_start`]: one tight loop over the hashes, without a
    /// slice made for each word. It repeats `may_start`'s test: written as one shared
    /// predicate the engine ran 0.7–1% more instructions a note (callgrind).
    #[inline(always)]
    fn next_start(&self, hashes: &[u32], from: usize) -> Option<usize> {
        let mut i = from;
        while i < hashes.len() {
            let first = hashes[i];
            if self.first.contains(first)
                && (self.single.contains(first)
                    || hashes
                        .get(i + 1)
                        .is_some_and(|&second| self.pairs.contains(pair_hash(first, second))))
            {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}

impl Lexicon {
    /// Builds a lexicon. Phrases are written as they would be typed; they are
    /// normalised the same way as the text (so "I'd", "I’d" and "i'd" are one entry).
    /// A phrase with no words never matches.
    pub fn new(phrases: &[&str]) -> Self {
        let mut lex = Lexicon {
            phrases: WordMap::default(),
            lengths: 0,
            first: Filter::new(),
            single: Filter::new(),
            pairs: Filter::new(),
            ends: Filter::new(),
            longest: [0; LONGEST_SLOTS],
        };
        for (index, p) in phrases.iter().enumerate() {
            let norm = normalise_phrase(p);
            if norm.is_empty() {
                continue;
            }
            // Normalised words are joined by single spaces.
            let words: Vec<u32> = norm.split(' ').map(word_hash).collect();
            let w = words[0];
            lex.first.insert(w);
            match words.get(1) {
                Some(&second) => lex.pairs.insert(pair_hash(w, second)),
                None => lex.single.insert(w),
            }
            lex.ends
                .insert(ends_hash(w, words[words.len() - 1], words.len()));
            let longest = &mut lex.longest[w as usize % LONGEST_SLOTS];
            *longest = (*longest).max(u8::try_from(words.len()).unwrap_or(u8::MAX));
            lex.lengths |= 1 << words.len().min(63);
            // The first of two equal entries wins, as it is listed first.
            let index = u32::try_from(index).expect("fewer than 2^32 phrases");
            lex.phrases.entry(norm.into_boxed_str()).or_insert(index);
        }
        lex
    }
}

/// Normalises a phrase the way [`Doc`] normalises text.
/// (The words of [`tokenize`], normalised and joined by single spaces, built in one
/// pass: the detectors normalise the recipient's name and company for every note.)
pub fn normalise_phrase(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut in_word = false;
    for (j, c) in p.char_indices() {
        if is_word_char(c) {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if in_word && is_apostrophe(c) && p[j + c.len_utf8()..].starts_with(is_word_char) {
            out.push('\'');
        } else {
            in_word = false;
        }
    }
    // As `normalise_word` reads them.
    if out.split(' ').any(|w| spelled_out(w).is_some()) {
        out = out
            .split(' ')
            .map(|w| spelled_out(w).unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// The pieces of `text` between whitespace characters (empty ones too), each with its
/// byte offset: for scanners of links, addresses and fields, which need whole chunks
/// with their punctuation rather than [`tokenize`]'s words.
pub fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Byte by byte (ASCII is most of a note), decoding a character only where one
    // starts outside ASCII: `str::split` with a predicate decoded every character, and
    // four scanners read every note this way.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while at < bytes.len() {
            // Straight to the next byte that may end a chunk: ASCII whitespace is at
            // most b' ', and a character outside ASCII may be whitespace.
            match bytes[at..].iter().position(|&b| b <= b' ' || b >= 0x80) {
                Some(k) => at += k,
                None => {
                    at = bytes.len();
                    break;
                }
            }
            let b = bytes[at];
            let width = if b < 0x80 {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                    1
                } else {
                    at += 1;
                    continue;
                }
            } else {
                // A leading byte (continuation bytes never start a character).
                let c = text[at..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    c.len_utf8()
                } else {
                    at += c.len_utf8();
                    continue;
                }
            };
            let piece = (start, &text[start..at]);
            at += width;
            start = at;
            return Some(piece);
        }
        done = true;
        Some((start, &text[start..]))
    })
}

/// Length of `s` in UTF-16 code units, counted from its bytes: one for each byte that
/// starts a character, and one more for a four-byte character (two units in UTF-16).
pub fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Converts a UTF-16 offset to a byte offset; `None` when it is past the end or
/// inside a surrogate pair.
pub fn utf16_to_byte(text: &str, offset: usize) -> Option<usize> {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units == offset {
            return Some(i);
        }
        if units > offset {
            return None;
        }
        units += c.len_utf16();
    }
    (units == offset).then_some(text.len())
}

/// Converts a set of byte offsets to UTF-16 offsets with one pass over the text.
pub struct Utf16Map {
    /// Sorted `(byte, utf16)` pairs for the offsets asked for.
    pairs: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// Prepares the conversion of `offsets` (byte offsets on char boundaries; sorted in place).
    pub fn new(text: &str, offsets: &mut [usize]) -> Self {
        crate::sort::sort(offsets);
        let mut pairs = Vec::with_capacity(offsets.len());
        let (mut byte, mut units) = (0, 0);
        let mut chars = text.chars();
        for &want in offsets.iter() {
            while byte < want {
                let Some(c) = chars.next() else { break };
                byte += c.len_utf8();
                units += c.len_utf16();
            }
            if pairs.last() != Some(&(want, units)) {
                pairs.push((want, units));
            }
        }
        Utf16Map { pairs }
    }

    /// UTF-16 offset of byte offset `at`, which must have been passed to [`Utf16Map::new`].
    pub fn at(&self, at: usize) -> usize {
        match self.pairs.binary_search_by(|p| p.0.cmp(&at)) {
            Ok(i) => self.pairs[i].1,
            Err(_) => panic!("byte offset {at} was not prepared"),
        }
    }
}

/// Byte offset of the largest char boundary `<= at`.
pub fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod chunk_tests {
    #[test]
    fn chunks_carry_their_offsets() {
        let text = "a  é\tb\ncd";
        let got: Vec<(usize, &str)> = super::chunks(text).collect();
        assert_eq!(got, vec![(0, "a"), (2, ""), (3, "é"), (6, "b"), (8, "cd")]);
        for (at, c) in got {
            assert_eq!(&text[at..at + c.len()], c);
        }
    }

    #[test]
    fn chunks_split_where_str_split_does() {
        for text in [
            "",
            " ",
            "a\u{a0}b\u{2003}c\u{3000}d\u{85}e 🚀 f\u{200b}g",
            "Hi Zoë,\r\n\u{2028}end ",
            "\u{1680}x\u{202f}\u{205f}y\x0b\x0cz",
        ] {
            let base = text.as_ptr() as usize;
            let want: Vec<(usize, &str)> = text
                .split(char::is_whitespace)
                .map(|c| (c.as_ptr() as usize - base, c))
                .collect();
            assert_eq!(super::chunks(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    proptest::proptest! {
        /// Tokens are the runs of word characters, an apostrophe kept only between two.
        #[test]
        fn tokens_are_the_words_between_non_word_characters(
            text in "([aZé_'’ ,.]|İ|ß|🚀|\u{a0}|\\PC){0,30}",
        ) {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let word = |k: usize| chars.get(k).is_some_and(|&(_, c)| super::is_word_char(c));
            let mut want = Vec::new();
            let mut k = 0;
            while k < chars.len() {
                if !word(k) {
                    k += 1;
                    continue;
                }
                let start = chars[k].0;
                while k < chars.len()
                    && (word(k) || (super::is_apostrophe(chars[k].1) && word(k + 1)))
                {
                    k += 1;
                }
                let end = chars.get(k).map_or(text.len(), |&(i, _)| i);
                want.push((start, end));
            }
            let got: Vec<(usize, usize)> =
                super::tokenize(&text).iter().map(|t| (t.start, t.end)).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_apostrophes_and_fold_case() {
        let d = Doc::new("Hi Sarah’s team, I'm HERE!");
        let words: Vec<&str> = d.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(words, ["hi", "sarah's", "team", "i'm", "here"]);
        assert_eq!(&d.text[d.tokens[1].start..d.tokens[1].end], "Sarah’s");
    }

    #[test]
    fn u_and_ur_read_as_you_and_your_in_words_and_phrases() {
        let d = Doc::new("can U make me one? love ur stuff, Ursula");
        let words: Vec<&str> = d.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            ["can", "you", "make", "me", "one", "love", "your", "stuff", "ursula"]
        );
        assert_eq!(&d.text[d.tokens[1].start..d.tokens[1].end], "U");
        assert_eq!(
            normalise_phrase("thank u, love ur work"),
            "thank you love your work"
        );
        let lex = Lexicon::new(&["can you make me"]);
        assert_eq!(d.find(&lex).len(), 1);
    }

    #[test]
    fn resume_reads_the_same_with_or_without_its_accents() {
        let d = Doc::new("My Résumé, résumés and resumé; a café");
        let words: Vec<&str> = d.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            ["my", "resume", "resumes", "and", "resume", "a", "café"]
        );
        assert_eq!(&d.text[d.tokens[1].start..d.tokens[1].end], "Résumé");
    }

    #[test]
    fn lexicon_matches_whole_words_across_punctuation() {
        let lex = Lexicon::new(&["hope this finds you well", "pick your brain"]);
        let d = Doc::new("Hello! Hope  this finds you well, could I pick your brains?");
        let hits = d.find(&lex);
        assert_eq!(hits.len(), 1, "'brains' is not 'brain'");
        assert_eq!(
            &d.text[hits[0].start..hits[0].end],
            "Hope  this finds you well"
        );
    }

    #[test]
    fn lexicon_prefers_longest_match() {
        let lex = Lexicon::new(&["network", "professional network"]);
        let d = Doc::new("join my professional network");
        let hits = d.find(&lex);
        assert_eq!(hits.len(), 1);
        assert_eq!(&d.text[hits[0].start..hits[0].end], "professional network");
    }

    #[test]
    fn lexicon_keeps_the_first_of_equal_entries_and_skips_empty_ones() {
        let lex = Lexicon::new(&["!!", "pick your brain", "Pick  your brain!"]);
        let d = Doc::new("Could I pick your brain? !!");
        let hits = d.find(&lex);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].phrase, 1);
        assert_eq!((hits[0].first_token, hits[0].end_token), (2, 5));
    }

    #[test]
    fn opening_reads_only_its_first_words() {
        let lex = Lexicon::new(&["hope you are well", "hope"]);
        let d = Doc::new("Hope you are well, Sam");
        assert_eq!(d.opening(&lex, 4).map(|h| h.end_token), Some(4));
        assert_eq!(d.opening(&lex, 3).map(|h| h.end_token), Some(1));
        assert_eq!(d.opening(&lex, 0), None);
        assert_eq!(Doc::new("Sam, hope").opening(&lex, 4), None);
    }

    proptest::proptest! {
        /// A phrase is normalised exactly as a note's words are.
        #[test]
        fn phrases_normalise_like_notes(text in "([aZé’'ß-]|[ ,.!]|İ|🚀|\\PC){0,24}") {
            let words: Vec<String> = tokenize(&text).into_iter().map(|t| t.norm.into()).collect();
            proptest::prop_assert_eq!(normalise_phrase(&text), words.join(" "));
        }

        /// The lexicon finds what a plain search finds: at each word, left to right,
        /// the longest phrase whose words are the next words, then on past it.
        #[test]
        fn lexicon_matches_a_plain_search(
            phrases in proptest::collection::vec("(a|b|c|ab|b'c)( (a|b|c|ab)){0,3}", 1..8),
            text in "((a|b|c|ab|b'c|d|B|É)[ ,.!]{1,2}){0,12}",
        ) {
            let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
            let lex = Lexicon::new(&refs);
            let d = Doc::new(&text);
            let words: Vec<&str> = d.tokens.iter().map(|t| t.norm.as_str()).collect();
            let mut want = Vec::new();
            let mut i = 0;
            while i < words.len() {
                let best = refs
                    .iter()
                    .enumerate()
                    .map(|(n, p)| (n, normalise_phrase(p)))
                    .filter(|(_, p)| {
                        let p: Vec<&str> = p.split(' ').collect();
                        words[i..].starts_with(&p)
                    })
                    .map(|(n, p)| (p.split(' ').count(), std::cmp::Reverse(n)))
                    .max();
                match best {
                    Some((len, std::cmp::Reverse(n))) => {
                        want.push((i, i + len, n));
                        i += len;
                    }
                    None => i += 1,
                }
            }
            let got: Vec<(usize, usize, usize)> = d
                .find(&lex)
                .iter()
                .map(|h| (h.first_token, h.end_token, h.phrase))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn sentences_split_on_ends_and_lines() {
        let text = "Hi Ana. Loved your talk!! What's next?\nBest, Bo";
        let d = Doc::new(text);
        let s: Vec<&str> = d.sentences.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            s,
            ["Hi Ana.", "Loved your talk!!", "What's next?", "Best, Bo"]
        );
    }

    #[test]
    fn sentences_keep_decimals_and_urls_whole() {
        let text = "We grew 2.5x at acme.io last year.";
        let d = Doc::new(text);
        assert_eq!(d.sentences.len(), 1);
    }

    #[test]
    fn utf16_offsets_count_emoji_as_two() {
        let text = "é👋a";
        assert_eq!(utf16_len(text), 4);
        assert_eq!(utf16_to_byte(text, 0), Some(0));
        assert_eq!(utf16_to_byte(text, 1), Some(2));
        assert_eq!(utf16_to_byte(text, 2), None, "inside the surrogate pair");
        assert_eq!(utf16_to_byte(text, 3), Some(6));
        assert_eq!(utf16_to_byte(text, 4), Some(7));
        assert_eq!(utf16_to_byte(text, 5), None);
        assert_eq!(Utf16Map::new(text, &mut [7, 0, 6]).at(6), 3);
    }
}

/// The earliest of several optional spans. A slice, not a generic iterator: one copy
/// of this serves every caller (a copy for each array length cost the wasm engine
/// about 1.2 KB gzipped).
pub fn earliest(spans: &[Option<Span>]) -> Option<Span> {
    spans
        .iter()
        .flatten()
        .copied()
        .min_by_key(|s| (s.start, s.end))
}

/// True when a sentence break (or a line break) lies between tokens `a` and `b`.
pub fn break_between(doc: &Doc, a: usize, b: usize) -> bool {
    let gap = &doc.text[doc.tokens[a].end..doc.tokens[b].start];
    // Read as bytes ('…' is the only one of more than a byte, and starts with 0xE2).
    gap.bytes()
        .any(|c| matches!(c, b'.' | b'!' | b'?' | b'\n' | b'\r' | b';' | 0xE2))
        && gap.contains(['.', '!', '?', '\n', '\r', ';', '\u{2026}'])
}

/// `word` without a trailing `'s` (or several): "team's" is "team".
pub fn without_possessive(word: &str) -> &str {
    let mut word = word;
    while let Some(w) = word.strip_suffix("'s") {
        word = w;
    }
    word
}

/// `items` as a list in a sentence: "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Lower case, char by char: `str::to_lowercase` but for a word-final Greek sigma, and
/// without that function's own copy of the case tables in the wasm engine (3.8 KB).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Upper case, char by char (see [`lower`]).
pub fn upper(s: &str) -> String {
    s.chars().flat_map(char::to_uppercase).collect()
}

/// A year in a word: "2014", "2014-16", "'09".
pub fn is_year(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 4 && (word.starts_with("19") || word.starts_with("20")))
        || (word.len() == 3
            && word.starts_with(['\'', '\u{2019}'])
            && word[1..].bytes().all(|b| b.is_ascii_digit()))
        || (word.len() == 5
            && word.starts_with('\u{2019}')
            && word[3..].bytes().all(|b| b.is_ascii_digit()))
}
