//! Text folding for search, and the repetition guard: is the note being written
//! nearly the same as notes already sent to several other people?
//!
//! **Measure.** Both notes are folded (lower case, accents and apostrophes removed)
//! and split into words; the greeting ("Hi Sarah,") and every word of the
//! recipient's own name are dropped, so "Hi Sarah, X" and "Hi John, X" compare as
//! "X" and "X". Similarity is `1 - d / max(len_a, len_b)` where `d` is the word-level
//! edit distance (words changed, added or removed). It is order-aware, which is how
//! a reader recognises a template, and it reads plainly: **0.8 means at most one
//! word in five differs**, so a template with only the company or topic swapped
//! still counts, while two notes that merely share a closing line do not.
//!
//! **Count.** Reusing a good note for two colleagues happens; a third time it is a
//! template, and identical notes to many people are what recipients and LinkedIn
//! read as automation. So the guard speaks at **3 or more other people** (all history;
//! the draft's own recipient excluded). Drafts under 3 words are not judged.

use crate::text::WordMap;
use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use super::url::normalize_profile_url;
use super::Contact;
pub use crate::lang::names::fold;

/// Two notes at least this similar are "nearly the same".
pub const SIMILARITY_THRESHOLD: f64 = 0.8;
/// The guard reports once this many other people got a nearly identical note.
pub const REPETITION_MIN_COUNT: usize = 3;
/// Shorter drafts (in words, greeting and name removed) are not judged.
pub const MIN_WORDS: usize = 3;
/// How many of the most similar sent notes are named in a [`Repetition`].
pub const MAX_EXAMPLES: usize = 3;
/// Most templates a note is compared with when sent notes are grouped into templates.
const MAX_TEMPLATE_CANDIDATES: usize = 100;

/// The draft is nearly the same as notes already sent to `count` other people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repetition {
    pub count: usize,
    /// The most similar, best first (at most [`MAX_EXAMPLES`]).
    pub examples: Vec<RepetitionExample>,
}

/// One earlier recipient of a nearly identical note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepetitionExample {
    pub key: String,
    pub name: String,
    /// 0.0 to 1.0, rounded to two decimals.
    pub similarity: f64,
    pub invited_at: Option<i64>,
}

/// Reports when `note` is nearly the same (similarity >= 0.8) as the notes sent to
/// at least 3 other contacts. `recipient_name` (the draft's addressee) is ignored in
/// the draft; `recipient_key` (a key or profile URL) is excluded from the comparison.
///
/// Asking about many drafts against the same contacts (every keystroke), build a
/// [`SentNotes`] once instead: the answer is the same.
pub fn similar_sent(
    note: &str,
    recipient_name: Option<&str>,
    recipient_key: Option<&str>,
    contacts: &[Contact],
) -> Option<Repetition> {
    SentNotes::new(contacts).similar(note, recipient_name, recipient_key)
}

/// The notes already sent, each reduced to its comparable words once, for repeated
/// [`similar_sent`] questions (the note panel asks on every keystroke). Words are
/// interned as numbers, and a note whose words could not be close enough (by length,
/// or by the words the two share) is ruled out before the edit distance is computed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentNotes {
    entries: Vec<SentNote>,
    vocabulary: WordMap<String, u32>,
    /// The templates, grouped on first use (the insights ask again for the same notes).
    templates: OnceCell<Vec<Vec<usize>>>,
}

#[derive(Debug, Clone, PartialEq)]
struct SentNote {
    key: String,
    name: String,
    invited_at: Option<i64>,
    /// The comparable words, in order, as vocabulary ids.
    words: Vec<u32>,
    /// The same ids sorted, to count shared words in one pass.
    sorted: Vec<u32>,
}

impl SentNotes {
    /// Indexes the contacts that were sent a note (the others never match).
    pub fn new(contacts: &[Contact]) -> SentNotes {
        SentNotes::new_from(contacts)
    }

    /// [`SentNotes::new`] over any contacts, in order.
    pub(super) fn new_from<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> SentNotes {
        let mut vocabulary: WordMap<String, u32> = WordMap::default();
        let entries = contacts
            .into_iter()
            .filter_map(|c| {
                let sent = c.note_sent.as_deref()?;
                let words: Vec<u32> = comparable_words(sent, Some(&c.name))
                    .into_iter()
                    .map(|w| {
                        let next = vocabulary.len() as u32;
                        *vocabulary.entry(w).or_insert(next)
                    })
                    .collect();
                let mut sorted = words.clone();
                crate::sort::sort(&mut sorted);
                Some(SentNote {
                    key: c.key.clone(),
                    name: c.name.clone(),
                    invited_at: c.invited_at,
                    words,
                    sorted,
                })
            })
            .collect();
        SentNotes {
            entries,
            vocabulary,
            templates: OnceCell::new(),
        }
    }

    /// How many sent notes the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// [`similar_sent`] against the indexed notes.
    pub fn similar(
        &self,
        note: &str,
        recipient_name: Option<&str>,
        recipient_key: Option<&str>,
    ) -> Option<Repetition> {
        let words = comparable_words(note, recipient_name);
        if words.len() < MIN_WORDS {
            return None;
        }
        // Words no sent note has get ids of their own: they match nothing.
        let mut unseen = self.vocabulary.len() as u32;
        let draft: Vec<u32> = words
            .iter()
            .map(|w| {
                self.vocabulary.get(w).copied().unwrap_or_else(|| {
                    unseen += 1;
                    unseen
                })
            })
            .collect();
        let mut sorted = draft.clone();
        crate::sort::sort(&mut sorted);
        let exclude = recipient_key.and_then(|k| normalize_profile_url(k).ok());
        let mut rows = (Vec::new(), Vec::new());
        let mut hits: Vec<(f64, &SentNote)> = self
            .entries
            .iter()
            .filter(|e| exclude.as_deref() != Some(e.key.as_str()))
            .filter_map(|e| {
                let longer = draft.len().max(e.words.len());
                // The edit distance is at least the words one side has and the other lacks.
                let lower = longer - shared(&sorted, &e.sorted);
                if 1.0 - (lower as f64 / longer as f64) < SIMILARITY_THRESHOLD {
                    return None;
                }
                let sim = edit_similarity(&draft, &e.words, &mut rows);
                (sim >= SIMILARITY_THRESHOLD).then_some((sim, e))
            })
            .collect();
        if hits.len() < REPETITION_MIN_COUNT {
            return None;
        }
        crate::sort::sort_by(&mut hits, |a, b| {
            b.0.total_cmp(&a.0)
                .then(b.1.invited_at.cmp(&a.1.invited_at))
                .then(a.1.key.cmp(&b.1.key))
        });
        Some(Repetition {
            count: hits.len(),
            examples: hits
                .iter()
                .take(MAX_EXAMPLES)
                .map(|(sim, e)| RepetitionExample {
                    key: e.key.clone(),
                    name: e.name.clone(),
                    similarity: (sim * 100.0).round() / 100.0,
                    invited_at: e.invited_at,
                })
                .collect(),
        })
    }
}

/// How many words two sorted lists share, counting repeats (multiset intersection).
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A folded word and whether a greeting-ending mark (`,` `.` `!` `:` a dash or a
/// line break) follows it.
struct Word {
    text: String,
    brk: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current = String::new();
    for c in fold(text).chars() {
        if c.is_alphanumeric() {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            out.push(Word {
                text: std::mem::take(&mut current),
                brk: false,
            });
        }
        if matches!(
            c,
            ',' | '.' | '!' | '?' | ':' | ';' | '\n' | '\r' | '—' | '–' | '…'
        ) {
            if let Some(last) = out.last_mut() {
                last.brk = true;
            }
        }
    }
    if !current.is_empty() {
        out.push(Word {
            text: current,
            brk: false,
        });
    }
    out
}

const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "heya",
    "hiya",
    "dear",
    "greetings",
    "howdy",
    "yo",
    "bonjour",
    "salut",
    "hallo",
    "hola",
    "ciao",
    "ola",
    "oi",
    "hej",
    "hei",
    "moin",
    "servus",
    "namaste",
    "hoi",
    "ahoj",
    "merhaba",
];

/// The words that carry a note's content: greeting and the addressee's name removed.
fn comparable_words(text: &str, name: Option<&str>) -> Vec<String> {
    let ws = words(text);
    let mut start = 0;
    match ws.first().map(|w| w.text.as_str()) {
        Some(first) if GREETINGS.contains(&first) => start = 1,
        Some("good")
            if ws.get(1).is_some_and(|w| {
                matches!(w.text.as_str(), "morning" | "afternoon" | "evening" | "day")
            }) =>
        {
            start = 2
        }
        _ => {}
    }
    // "Hi Sarah Chen, ..." / "Hi there, ...": the greeting runs to the first mark.
    if start > 0 && !ws[start - 1].brk {
        if let Some(end) = (start..ws.len().min(start + 3)).find(|&i| ws[i].brk) {
            start = end + 1;
        }
    }
    let name_words: Vec<String> = name
        .map(|n| words(n).into_iter().map(|w| w.text).collect())
        .unwrap_or_default();
    let is_name = |w: &str| {
        crate::lang::en::HONORIFICS.contains(&w)
            || name_words.iter().any(|n| {
                w == n || (w.len() == n.len() + 1 && w.starts_with(n.as_str()) && w.ends_with('s'))
            })
    };
    ws.into_iter()
        .skip(start)
        .map(|w| w.text)
        .filter(|w| !is_name(w))
        .collect()
}

/// `1 - word edit distance / longer length`; 1.0 for two empty lists.
#[cfg(test)]
fn word_similarity(a: &[String], b: &[String]) -> f64 {
    edit_similarity(a, b, &mut (Vec::new(), Vec::new()))
}

/// `1 - edit distance / longer length` over any words; `rows` are reused buffers.
fn edit_similarity<T: PartialEq>(a: &[T], b: &[T], rows: &mut (Vec<usize>, Vec<usize>)) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    // The distance is at least the length difference: skip hopeless pairs early.
    if (a.len().min(b.len()) as f64) < SIMILARITY_THRESHOLD * longer as f64 {
        return a.len().min(b.len()) as f64 / longer as f64;
    }
    let (prev, cur) = rows;
    prev.clear();
    prev.extend(0..=b.len());
    cur.clear();
    cur.resize(b.len() + 1, 0);
    for (i, wa) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, wb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(wa != wb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(prev, cur);
    }
    1.0 - prev[b.len()] as f64 / longer as f64
}

impl SentNotes {
    /// The contact key of the `i`-th indexed note.
    pub(super) fn key(&self, i: usize) -> &str {
        &self.entries[i].key
    }

    /// Groups the indexed notes into templates, as the guard sees them: each note
    /// joins the first group whose first note it is at least [`SIMILARITY_THRESHOLD`]
    /// similar to, else starts a group. Returns the groups as positions in the index
    /// (the order notes were given, counting only those with a note), first note
    /// first. Drafts the guard would not judge (under [`MIN_WORDS`]) stand alone.
    ///
    /// Candidates come from prefix filtering (as in set-similarity joins): words count
    /// with their repeats, rarest first; two notes that similar share at least
    /// `ceil(0.8 * longer)` words, so each one's rarest `len - ceil(0.8 * len) + 1`
    /// words include a shared one. Only groups sharing such a word are compared, at most
    /// [`MAX_TEMPLATE_CANDIDATES`] of them (rarest words first), so that thousands of
    /// notes that all share their words (none a template) stay quick.
    pub(super) fn templates(&self) -> &[Vec<usize>] {
        self.templates.get_or_init(|| self.group_templates())
    }

    fn group_templates(&self) -> Vec<Vec<usize>> {
        // Tokens as dense ids: a word's first occurrence in a note is the word's own id,
        // its k-th (k >= 2) an id of its own from `repeats`.
        let words = self.vocabulary.len() as u32;
        let mut repeats: WordMap<(u32, u32), u32> = WordMap::default();
        let tokens: Vec<Vec<u32>> = self
            .entries
            .iter()
            .map(|e| {
                let mut out = Vec::with_capacity(e.sorted.len());
                let mut run = 0;
                for (i, &w) in e.sorted.iter().enumerate() {
                    run = if i > 0 && e.sorted[i - 1] == w {
                        run + 1
                    } else {
                        1
                    };
                    out.push(if run == 1 {
                        w
                    } else {
                        let next = words + repeats.len() as u32;
                        *repeats.entry((w, run)).or_insert(next)
                    });
                }
                out
            })
            .collect();
        let mut freq: Vec<u32> = vec![0; words as usize + repeats.len()];
        for &t in tokens.iter().flatten() {
            freq[t as usize] += 1;
        }
        let prefix = |len: usize| {
            // Rounded down a hair, so a float error can only lengthen the prefix.
            let need = (SIMILARITY_THRESHOLD * len as f64 - 1e-9).ceil().max(0.0) as usize;
            (len - need.min(len) + 1).min(len)
        };
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut leaders: Vec<usize> = Vec::new(); // group -> entry of its first note
        let mut stamp: Vec<usize> = Vec::new(); // group -> last entry compared with it
        let mut by_token: Vec<Vec<usize>> = vec![Vec::new(); freq.len()];
        let mut rows = (Vec::new(), Vec::new());
        for (i, mut toks) in tokens.into_iter().enumerate() {
            let e = &self.entries[i];
            if e.words.len() < MIN_WORDS {
                groups.push(vec![i]);
                leaders.push(i);
                stamp.push(i);
                continue;
            }
            crate::sort::sort_by_key(&mut toks, |&t| (freq[t as usize], t));
            let toks = &toks[..prefix(toks.len())];
            let mut found = None;
            let mut compared = 0;
            'search: for t in toks {
                for &g in &by_token[*t as usize] {
                    if stamp[g] == i {
                        continue;
                    }
                    stamp[g] = i;
                    compared += 1;
                    if compared > MAX_TEMPLATE_CANDIDATES {
                        break 'search;
                    }
                    let l = &self.entries[leaders[g]];
                    let longer = e.words.len().max(l.words.len());
                    let lower = longer - shared(&e.sorted, &l.sorted);
                    if 1.0 - (lower as f64 / longer as f64) < SIMILARITY_THRESHOLD {
                        continue;
                    }
                    if edit_similarity(&e.words, &l.words, &mut rows) >= SIMILARITY_THRESHOLD {
                        found = Some(g);
                        break 'search;
                    }
                }
            }
            match found {
                Some(g) => groups[g].push(i),
                None => {
                    let g = groups.len();
                    groups.push(vec![i]);
                    leaders.push(i);
                    stamp.push(i);
                    for &t in toks {
                        by_token[t as usize].push(g);
                    }
                }
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(slug: &str, name: &str, note: &str) -> Contact {
        Contact {
            note_sent: Some(note.to_string()),
            name: name.to_string(),
            invited_at: Some(1_000),
            ..Contact::new(&format!("linkedin.com/in/{slug}"))
        }
    }

    const TEMPLATE: &str = "loved your talk on Rust and wasm at RustConf. I build browser \
                            tooling too and would be glad to swap notes. Open to connecting?";

    #[test]
    fn folding_ignores_case_accents_and_apostrophes() {
        assert_eq!(fold("Zoë O’Brien-Łukasz ÆSØP"), "zoe obrien-lukasz aesop");
        assert_eq!(fold("Jose\u{301}"), "jose", "combining acute accent");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn greeting_and_name_are_ignored() {
        let a = comparable_words(&format!("Hi Sarah, {TEMPLATE}"), Some("Sarah Chen"));
        let b = comparable_words(&format!("Hello John Smith! {TEMPLATE}"), Some("John Smith"));
        let c = comparable_words(
            &format!("Good morning, Dr. Chen. {TEMPLATE}"),
            Some("Sarah Chen"),
        );
        let d = comparable_words(
            &format!("{TEMPLATE} Thanks, Sarah's fan"),
            Some("Sarah Chen"),
        );
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(word_similarity(&a, &d), 1.0 - 2.0 / d.len() as f64);
        assert_eq!(a.first().map(String::as_str), Some("loved"));
    }

    #[test]
    fn similarity_is_one_minus_edit_fraction() {
        let sim = |a: &str, b: &str| {
            let s = word_similarity(&comparable_words(a, None), &comparable_words(b, None));
            (s * 1000.0).round() / 1000.0
        };
        assert_eq!(sim("a b c d e", "a b c d e"), 1.0);
        assert_eq!(
            sim("a b c d e", "a b x d e"),
            0.8,
            "one word in five changed"
        );
        assert_eq!(sim("a b c d e", "a b d e"), 0.8, "one word in five removed");
        assert_eq!(sim("a b c d e", "e d c b a"), 0.2, "order matters");
        assert_eq!(sim("a b c d e f g h i j", "a b"), 0.2);
        assert_eq!(sim("", ""), 1.0);
    }

    #[test]
    fn three_near_copies_to_other_people_are_reported() {
        let contacts = vec![
            sent("sarah", "Sarah Chen", &format!("Hi Sarah, {TEMPLATE}")),
            sent("john", "John Smith", &format!("Hey John — {TEMPLATE}")),
            sent(
                "amal",
                "Amal Haddad",
                &format!("Hi Amal, {}", TEMPLATE.replace("RustConf", "WasmCon")),
            ),
            sent(
                "other",
                "Pat Lee",
                "Saw your post on hiring juniors; we are doing the same. Coffee?",
            ),
        ];
        let draft = format!("Hi Maria, {TEMPLATE}");
        let rep = similar_sent(&draft, Some("Maria Rossi"), None, &contacts).expect("reported");
        assert_eq!(rep.count, 3);
        assert_eq!(rep.examples.len(), 3);
        assert_eq!(rep.examples[0].similarity, 1.0);
        assert!(rep.examples[2].similarity >= 0.8 && rep.examples[2].similarity < 1.0);
        assert_eq!(rep.examples[2].key, "linkedin.com/in/amal");
        // Two earlier copies are not a pattern yet.
        assert!(similar_sent(&draft, Some("Maria Rossi"), None, &contacts[1..]).is_none());
        // The draft's own recipient does not count.
        let own = "https://www.linkedin.com/in/Sarah/";
        assert!(similar_sent(&draft, None, Some(own), &contacts).is_none());
    }

    #[test]
    fn an_index_built_once_answers_like_similar_sent() {
        let contacts: Vec<Contact> = (0..6)
            .map(|i| {
                let note = if i % 2 == 0 {
                    format!("Hi P{i}, {TEMPLATE}")
                } else {
                    format!("Hi P{i}, a different note about hiring number {i} entirely")
                };
                sent(&format!("p{i}"), &format!("P{i}"), &note)
            })
            .chain(std::iter::once(Contact {
                note_sent: None,
                ..sent("none", "N", "")
            }))
            .collect();
        // The plain definition: every sent note compared word by word, no shortcuts.
        let naive = |d: &str, key: Option<&str>| -> Vec<(String, f64)> {
            let draft = comparable_words(d, Some("Maria"));
            if draft.len() < MIN_WORDS {
                return Vec::new();
            }
            let exclude = key.and_then(|k| normalize_profile_url(k).ok());
            let mut hits: Vec<(String, f64)> = contacts
                .iter()
                .filter(|c| exclude.as_deref() != Some(c.key.as_str()))
                .filter_map(|c| {
                    let words = comparable_words(c.note_sent.as_deref()?, Some(&c.name));
                    let sim = word_similarity(&draft, &words);
                    (sim >= SIMILARITY_THRESHOLD)
                        .then(|| (c.key.clone(), (sim * 100.0).round() / 100.0))
                })
                .collect();
            if hits.len() < REPETITION_MIN_COUNT {
                hits.clear();
            }
            crate::sort::sort_by(&mut hits, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            hits
        };
        let index = SentNotes::new(&contacts);
        assert_eq!(index.len(), 6, "contacts without a note are left out");
        let drafts = [
            format!("Hi Maria, {TEMPLATE}"),
            TEMPLATE.replace("Rust", "Go"),
            "Hi Maria, a different note about hiring number 3 entirely".to_string(),
            "Hi".to_string(),
        ];
        for d in &drafts {
            for key in [None, Some("https://www.linkedin.com/in/p0/")] {
                let got = index.similar(d, Some("Maria"), key);
                assert_eq!(got, similar_sent(d, Some("Maria"), key, &contacts));
                let want = naive(d, key);
                assert_eq!(got.as_ref().map_or(0, |r| r.count), want.len(), "{d}");
                let examples: Vec<(String, f64)> = got
                    .map(|r| {
                        r.examples
                            .into_iter()
                            .map(|e| (e.key, e.similarity))
                            .collect()
                    })
                    .unwrap_or_default();
                assert_eq!(
                    examples,
                    want.into_iter().take(MAX_EXAMPLES).collect::<Vec<_>>()
                );
            }
        }
        assert_eq!(index.similar(&drafts[0], None, None).unwrap().count, 3);
        assert!(SentNotes::new(&[]).is_empty());
    }

    #[test]
    fn templates_group_as_a_plain_first_leader_scan_would() {
        let variants = [
            format!("Hi A, {TEMPLATE}"),
            TEMPLATE.replace("RustConf", "WasmCon"),
            TEMPLATE.replace("Rust and wasm", "Go and gRPC"),
            "Saw your post on hiring juniors; we are doing the same. Coffee sometime soon?"
                .to_string(),
            "Saw your post on hiring juniors; we do the same here. Coffee sometime soon?"
                .to_string(),
            "Hi".to_string(),
            "Hi".to_string(),
            "the the the the the".to_string(),
            "the the the the cat".to_string(),
        ];
        let contacts: Vec<Contact> = (0..40)
            .map(|i| sent(&format!("p{i}"), "P", &variants[(i * 7) % variants.len()]))
            .collect();
        let index = SentNotes::new(&contacts);
        let got = index.templates();
        // The definition: compare with every earlier group's first note, in order.
        let words: Vec<Vec<String>> = contacts
            .iter()
            .map(|c| comparable_words(c.note_sent.as_deref().unwrap(), Some(&c.name)))
            .collect();
        let mut want: Vec<Vec<usize>> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let g = (w.len() >= MIN_WORDS)
                .then(|| {
                    want.iter().position(|g| {
                        words[g[0]].len() >= MIN_WORDS
                            && word_similarity(w, &words[g[0]]) >= SIMILARITY_THRESHOLD
                    })
                })
                .flatten();
            match g {
                Some(g) => want[g].push(i),
                None => want.push(vec![i]),
            }
        }
        assert_eq!(got, want);
        // The three template variants together, "the the ..." together, each juniors
        // note on its own (0.79 apart), every "Hi" alone (too short to judge).
        assert_eq!(got.iter().filter(|g| g.len() > 1).count(), 4, "{got:?}");
        assert_eq!(got.iter().map(Vec::len).sum::<usize>(), 40);
    }

    #[test]
    fn different_notes_and_short_drafts_are_not_reported() {
        let contacts: Vec<Contact> = ["a", "b", "c", "d"]
            .iter()
            .map(|s| sent(s, "X", &format!("Hi, {TEMPLATE}")))
            .collect();
        let own = "Hi Maria, your post on ownership types made me rethink our API. \
                   Would you share the slides? Open to connecting?";
        assert!(similar_sent(own, Some("Maria"), None, &contacts).is_none());
        assert!(similar_sent("Hi Maria, loved", Some("Maria"), None, &contacts).is_none());
        let no_note: Vec<Contact> = contacts
            .into_iter()
            .map(|c| Contact {
                note_sent: None,
                ..c
            })
            .collect();
        assert!(similar_sent(&format!("Hi, {TEMPLATE}"), None, None, &no_note).is_none());
    }
}
