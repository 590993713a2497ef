//! Which language a note is written in: the writing system first (Cyrillic, Greek,
//! Arabic, Han, kana, Hangul, Devanagari, ...), then, for Latin script, which
//! language's most common words the note uses (`src/lang/id/<code>.txt`, data like
//! every pack). Names and company names carry no function words, so a note of names
//! alone gives little evidence: then the page's declared language (a hint) or English
//! decides.

use super::id::LISTS;
use crate::text::{tokenize, Token};

/// The languages the engine has a full pack for: their notes are scored.
pub const SUPPORTED: &[&str] = &["en"];

/// The language of an empty or undecidable note without a hint.
const FALLBACK: &str = "en";

/// The ISO 639-1 code of `text`'s language; `hint` is the page's declared language
/// ("fr", "fr-CA", "pt_BR"), used when the words alone do not decide.
pub fn detect(text: &str, hint: Option<&str>) -> &'static str {
    detect_in(text, &tokenize(text), hint)
}

/// [`detect`] over `text` already tokenised (the analysis's `Doc` has the tokens).
pub fn detect_in(text: &str, tokens: &[Token], hint: Option<&str>) -> &'static str {
    let hint = hint.and_then(known_code);
    if let Some(code) = by_script(text) {
        return code;
    }
    // Links and addresses ("example.com", "ana@empresa.pt") are no words of the note:
    // "com" is Portuguese for "with". Tokens never cross whitespace, so each lies in
    // one chunk.
    // Each needs "://", '@', "www." or a '.' before a lower-case letter: a note with
    // none of them (most notes) is not read chunk by chunk.
    let bytes = text.as_bytes();
    let may_link = text.contains("://")
        || text.contains("www.")
        || bytes.contains(&b'@')
        || bytes
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_lowercase());
    let skipped: Vec<(usize, usize)> = if may_link {
        crate::text::chunks(text)
            .filter(|(_, c)| c.bytes().any(|b| matches!(b, b'.' | b':' | b'@')))
            .filter(|(_, c)| {
                c.contains("://") || c.contains('@') || c.starts_with("www.") || is_domain(c)
            })
            .map(|(at, c)| (at, at + c.len()))
            .collect()
    } else {
        Vec::new()
    };
    // Both in text order: one walk over the two.
    let mut next = skipped.iter().peekable();
    let words = tokens.iter().filter(move |t| {
        while next.next_if(|&&(_, b)| b <= t.start).is_some() {}
        !next
            .peek()
            .is_some_and(|&&(a, b)| a <= t.start && t.end <= b)
    });
    // How many of the note's words each language lists (by index in `LISTS`).
    let mut counts = [0.0f32; 32];
    // A word's lists are bits on its token (`lang::marks`), one lookup a word; the
    // function-word lists are numbered in a row, from `first`.
    let first = LISTS.first().map_or(0, |(_, l)| l.id());
    for t in words {
        // Most words are in no list or one: visit the set bits only.
        let mut bits = super::marked_run(super::marks(t), first, LISTS.len());
        while bits != 0 {
            counts[bits.trailing_zeros() as usize] += 1.0;
            bits &= bits - 1;
        }
    }
    // The letters outside ASCII, for `accents` (most notes have none or a few).
    let rare: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    let mut best: Option<(&'static str, f32)> = None;
    let mut second = 0.0f32;
    for (&(code, _), &count) in LISTS.iter().zip(&counts) {
        let mut hits = count;
        hits += accents(&rare, code);
        if Some(code) == hint {
            hits += 0.5;
        }
        match best {
            Some((_, b)) if hits <= b => second = second.max(hits),
            _ => {
                second = best.map_or(second, |(_, b)| b.max(second));
                best = Some((code, hits));
            }
        }
    }
    match best {
        // Enough words, and clearly more than the next language.
        Some((code, hits)) if hits >= 2.0 && hits >= second + 1.0 => code,
        _ => hint.unwrap_or(FALLBACK),
    }
}

/// A chunk like "acme.io" or "bit.ly/x": letters, a dot, letters, no spaces.
fn is_domain(chunk: &str) -> bool {
    let c = chunk.trim_end_matches(['.', ',', '!', '?', ')', ';', ':']);
    c.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty()
            && b.len() >= 2
            && a.chars().all(|c| c.is_alphanumeric() || c == '-')
            && b.chars().next().is_some_and(|c| c.is_ascii_lowercase())
    })
}

/// True when the engine has a pack for `code`.
pub fn supported(code: &str) -> bool {
    SUPPORTED.contains(&code)
}

/// The English name of a language the detector can name ("fr" → "French").
pub fn name(code: &str) -> &'static str {
    match code {
        "en" => "English",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "pl" => "Polish",
        "sv" => "Swedish",
        "da" => "Danish",
        "nb" => "Norwegian",
        "tr" => "Turkish",
        "id" => "Indonesian",
        "ro" => "Romanian",
        "cs" => "Czech",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "el" => "Greek",
        "ar" => "Arabic",
        "he" => "Hebrew",
        "hi" => "Hindi",
        "th" => "Thai",
        "ko" => "Korean",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ka" => "Georgian",
        _ => "this language",
    }
}

/// `hint` reduced to a code the detector knows ("pt-BR" → "pt"), if it knows it.
fn known_code(hint: &str) -> Option<&'static str> {
    let base = hint
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let base = if base == "no" || base == "nn" {
        "nb".to_string()
    } else {
        base
    };
    LISTS.iter().map(|&(c, _)| c).find(|&c| c == base)
}

/// Letters only one of the Latin-script languages uses much, as extra evidence;
/// `rare` holds the note's letters outside ASCII.
fn accents(rare: &[char], code: &str) -> f32 {
    if rare.is_empty() {
        return 0.0;
    }
    let count = |set: &[char]| rare.iter().filter(|c| set.contains(c)).count() as f32;
    let weight = match code {
        "es" => count(&['ñ', '¿', '¡']),
        "pt" => count(&['ã', 'õ']),
        "de" => count(&['ß', 'ä', 'ö', 'ü']) * 0.5,
        "fr" => count(&['è', 'ê', 'ç', 'à', 'ù', 'œ']) * 0.5,
        "it" => count(&['ì', 'ò']) * 0.5,
        "pl" => count(&['ł', 'ą', 'ę', 'ś', 'ź', 'ż', 'ń', 'ć']),
        "cs" => count(&['ř', 'ů', 'ě', 'č', 'š', 'ž']),
        "ro" => count(&['ș', 'ț', 'ă', 'î', 'â']) * 0.5,
        "tr" => count(&['ğ', 'ı', 'ş']),
        "sv" => count(&['å', 'ä', 'ö']) * 0.3,
        "da" | "nb" => count(&['å', 'ø', 'æ']) * 0.4,
        _ => 0.0,
    };
    weight.min(3.0)
}

/// The language of a note written mostly in a non-Latin script.
fn by_script(text: &str) -> Option<&'static str> {
    // ASCII letters are all Latin.
    if text.is_ascii() {
        return None;
    }
    let (mut latin, mut total) = (0usize, 0usize);
    let mut counts: [usize; 11] = [0; 11];
    const CODES: [&str; 11] = [
        "ru", "el", "ar", "he", "hi", "th", "ko", "ja", "zh", "uk", "ka",
    ];
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                total += 1;
                latin += 1;
            }
            continue;
        }
        if !c.is_alphabetic() {
            continue;
        }
        total += 1;
        let slot = match c as u32 {
            0x0041..=0x024F => {
                latin += 1;
                continue;
            }
            0x0404 | 0x0406 | 0x0407 | 0x0454 | 0x0456 | 0x0457 | 0x0490 | 0x0491 => 9,
            0x0400..=0x04FF => 0,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
            0x0600..=0x06FF | 0x0750..=0x077F => 2,
            0x0590..=0x05FF => 3,
            0x0900..=0x097F => 4,
            0x0E00..=0x0E7F => 5,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => 6,
            0x3040..=0x30FF => 7,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => 8,
            0x10A0..=0x10FF => 10,
            _ => continue,
        };
        counts[slot] += 1;
    }
    let other: usize = counts.iter().sum();
    if total == 0 || other <= latin {
        return None;
    }
    // Kana with Han is Japanese; Ukrainian letters among Cyrillic make it Ukrainian.
    if counts[7] > 0 {
        return Some("ja");
    }
    if counts[9] > 0 {
        return Some("uk");
    }
    let cyrillic = counts[0] + counts[9];
    let (slot, _) = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| (i, if i == 0 { cyrillic } else { n }))
        .max_by_key(|&(_, n)| n)?;
    Some(CODES[slot])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `detect_in` reads the function-word lists' bits as one run.
    #[test]
    fn the_function_word_lists_are_numbered_in_a_row() {
        let first = LISTS[0].1.id();
        for (i, (code, list)) in LISTS.iter().enumerate() {
            assert_eq!(list.id(), first + i, "{code}");
        }
        assert!(LISTS.len() <= 32);
    }

    #[test]
    fn tells_the_six_languages_apart() {
        assert_eq!(
            detect(
                "Hi Sarah, I saw your talk at RustConf and would love to connect.",
                None
            ),
            "en"
        );
        assert_eq!(detect("Bonjour Marie, j'ai vu votre intervention à Lyon et je serais ravi d'échanger avec vous.", None), "fr");
        assert_eq!(detect("Hallo Jonas, ich habe deinen Vortrag in Berlin gesehen und würde mich freuen, dich kennenzulernen.", None), "de");
        assert_eq!(
            detect(
                "Hola Lucía, vi tu charla en Madrid y me encantaría conectar contigo.",
                None
            ),
            "es"
        );
        assert_eq!(detect("Ciao Giulia, ho visto il tuo intervento a Milano e mi piacerebbe restare in contatto.", None), "it");
        assert_eq!(
            detect(
                "Olá João, vi a sua palestra em Lisboa e gostaria muito de manter contato.",
                None
            ),
            "pt"
        );
    }

    #[test]
    fn other_scripts_and_languages_are_named_too() {
        assert_eq!(detect("Здравствуйте, Ольга! Видел ваш доклад.", None), "ru");
        assert_eq!(
            detect("田中さん、先日の勉強会ではありがとうございました。", None),
            "ja"
        );
        assert_eq!(
            detect(
                "Hoi Sanne, ik heb je presentatie gezien en wil graag met je verbinden.",
                None
            ),
            "nl"
        );
    }

    #[test]
    fn terse_english_is_english() {
        // "I" and "do" are Polish words too ("i", "do"): English's "do", "don't" and
        // "let's" keep a clipped English note English.
        assert_eq!(
            detect(
                "Award-winning strategist. 15 years. I don't do cheap. I do results. Let's connect.",
                None
            ),
            "en"
        );
        assert_eq!(
            detect("Dzień dobry, piszę do Pana i do zespołu.", None),
            "pl"
        );
    }

    #[test]
    fn names_alone_follow_the_hint() {
        assert_eq!(detect("Marie Dupont!", Some("fr-FR")), "fr");
        assert_eq!(detect("Marie Dupont!", None), "en");
        assert_eq!(detect("", Some("de")), "de");
        assert_eq!(detect("", Some("xx")), "en");
    }
}
