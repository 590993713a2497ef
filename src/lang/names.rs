//! Names: one fold for every comparison of names (case, accents and the letters of
//! Latin Extended: "Łukasz" is "lukasz", "Đorđe" is "dorde", "Straße" is "strasse"),
//! and whether a greeted word can refer to a person (nicknames allowed).

use crate::lang::en::{HONORIFICS, NICKNAMES};

/// Lower case with accents, combining marks and apostrophes removed ("O’Brien
/// Zoë" to "obrien zoe"), for matching that ignores case and accents.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' | 'ħ' => "h",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ŵ' => "w",
            'ŉ' => "n",
            'ŋ' => "ng",
            'ĳ' => "ij",
            'ĸ' => "k",
            'ſ' => "s",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'þ' => "th",
            '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => "",
            '\u{0300}'..='\u{036F}' => "",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(folded);
    }
    out
}

/// True when `greeted` (one word) can refer to the person called `full_name`: the
/// same name once folded, a prefix of three letters or more ("Alex" for Alexandra),
/// an ending of four or more ("Bisi" for Olabisi), or a common short form ("Mike" for
/// Michael).
/// True when `a` and `b` (folded) are one family name in its two genders: Kowalski and
/// Kowalska, Ivanov and Ivanova, Novák and Nováková, Černý and Černá.
fn gendered_forms(a: &str, b: &str) -> bool {
    const PAIRS: [(&str, &str); 8] = [
        ("ski", "ska"),
        ("cki", "cka"),
        ("sky", "ska"),
        ("ov", "ova"),
        ("ev", "eva"),
        ("in", "ina"),
        ("y", "a"),
        ("", "ova"),
    ];
    a.len() >= 4
        && b.len() >= 4
        && PAIRS.iter().any(|(m, f)| {
            let same = |x: &str, y: &str| {
                x.strip_suffix(m)
                    .zip(y.strip_suffix(f))
                    .is_some_and(|(p, q)| p.len() >= 3 && p == q)
            };
            same(a, b) || same(b, a)
        })
}

/// True when given names `a` and `b` (folded) are one name in its two genders:
/// Daniel and Daniela, Bogdan and Bogdana, Louis and Louise, Jean and Jeanne. Neither is
/// a short form of the other.
fn other_gender(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.len() >= 4
        && long
            .strip_prefix(short)
            .is_some_and(|end| matches!(end, "a" | "e" | "ne"))
}

/// The words of a recipient's name as a note's words are read (lower case, apostrophes
/// straight): "Chloe Barnes" is `["chloe", "barnes"]`. Worked out once a note, for the
/// readers that must not take their own name for a detail or a third person.
pub fn name_words(name: Option<&str>) -> Vec<String> {
    name.map(|n| {
        n.split_whitespace()
            .map(crate::text::normalise_phrase)
            .collect()
    })
    .unwrap_or_default()
}

pub fn matches_name(greeted: &str, full_name: &str) -> bool {
    let greeted = greeted
        .strip_suffix("'s")
        .or_else(|| greeted.strip_suffix("\u{2019}s"))
        .unwrap_or(greeted);
    let g = fold(greeted);
    if g.is_empty() {
        return false;
    }
    // Short forms ("Alex" for Alexandra, "Mike" for Michael) only of a first name:
    // "Aaron" is not Sarah Aaronson. Other parts of the name must match whole.
    let parts: Vec<String> = full_name
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .map(fold)
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|p| !p.is_empty())
        .collect();
    // A hyphenated name is one name: "Jean-Pierre" is not Jean-Baptiste, though both
    // start with "Jean". Each of its parts must be a part of theirs.
    if g.contains('-') {
        return g
            .split('-')
            .filter(|h| !h.is_empty())
            .all(|h| parts.iter().any(|p| p == h));
    }
    let first = parts
        .iter()
        .position(|p| !HONORIFICS.contains(&p.trim_end_matches('.')));
    // A given name: the first, or in a name of three parts or more any before the last
    // ("Rafiq" for Mohammad Rafiqul Islam, "Josie" for Maria Josefina Reyes: many go
    // by their second name).
    let given = |k: usize| {
        first.is_some_and(|f| k == f || (parts.len() >= f + 3 && k > f && k + 1 < parts.len()))
    };
    parts.iter().enumerate().any(|(k, p)| {
        *p == g
            || gendered_forms(&g, p)
            || (given(k)
                && !other_gender(&g, p)
                // "Abdul" alone is half of Abdullah or Abdulrahman ("servant of …"),
                // never a short form of it.
                && ((g.len() >= 3 && p.starts_with(&g) && !servant_of(&g))
                    || (p.len() >= 3 && g.starts_with(p.as_str()))
                    // A name addressed in its vocative case: "Doroto" for Dorota, "Olena"
                    // as "Oleno", "Kasia" as "Kasiu" (Polish, Czech, Ukrainian, ...).
                    || (p.len() >= 4
                        && g.len() == p.len()
                        && p.ends_with('a')
                        && (g.ends_with('o') || g.ends_with('u'))
                        && g[..g.len() - 1] == p[..p.len() - 1])
                    // The end of the name, four letters or more: "Bisi" for Olabisi,
                    // "Tunde" for Babatunde, "Tope" for Temitope, "Beth" for Elizabeth.
                    || (g.len() >= 4 && p.ends_with(&g))
                    || NICKNAMES.iter().any(|pair| {
                        let (n, f) = pair.split_once(' ').unwrap_or((pair, ""));
                        (n == g && f == p) || (n == p && f == g)
                    })))
    })
}

/// "Abd", "Abdul", "Abdel", "Abdur": the first half of a compound Arabic name.
fn servant_of(g: &str) -> bool {
    matches!(g, "abd" | "abdul" | "abdel" | "abdal" | "abdol" | "abdur")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_half_of_a_compound_arabic_name_is_no_short_form() {
        assert!(!matches_name("Abdul", "Abdullah Al-Qahtani"));
        assert!(!matches_name("Abdel", "Abdelrahman Fathy"));
        assert!(matches_name("Abdul", "Abdul Rahman"));
        assert!(matches_name("Abdullah", "Abdullah Al-Qahtani"));
    }

    #[test]
    fn a_family_name_in_its_other_gender_is_theirs() {
        assert!(matches_name("Kowalski", "Ewa Kowalska"));
        assert!(matches_name("Ivanova", "Pyotr Ivanov"));
        assert!(matches_name("Novák", "Jana Nováková"));
        assert!(!matches_name("Kowalski", "Ewa Nowak"));
        assert!(!matches_name("Ana", "Anna Lee"));
    }

    #[test]
    fn a_name_in_its_vocative_case_is_theirs() {
        assert!(matches_name("Doroto", "Dorota Wiśniewska"));
        assert!(matches_name("Kasiu", "Kasia Nowak"));
        assert!(matches_name("Tomaszu", "Tomasz Kowalski"));
        assert!(!matches_name("Doroto", "Marta Wiśniewska"));
    }
    use proptest::prelude::*;

    #[test]
    fn accents_and_latin_extended_letters_fold() {
        assert_eq!(fold("Zoë O’Brien-Łukasz ÆSØP"), "zoe obrien-lukasz aesop");
        assert_eq!(fold("Jose\u{301}"), "jose", "combining acute accent");
        assert_eq!(fold("Straße Đorđe Œuvre"), "strasse dorde oeuvre");
    }

    #[test]
    fn a_given_name_in_its_other_gender_is_not_theirs() {
        assert!(!matches_name("Daniel", "Daniela Schulz"));
        assert!(!matches_name("Bogdana", "Bogdan Ionescu"));
        assert!(!matches_name("Louise", "Louis Martin"));
        // Short forms still are.
        assert!(matches_name("Dan", "Daniela Schulz"));
        assert!(matches_name("Alex", "Alexandra Pop"));
    }

    #[test]
    fn a_second_given_name_has_its_short_forms_too() {
        assert!(matches_name("Rafiq", "Mohammad Rafiqul Islam"));
        assert!(matches_name("Josie", "Maria Josefina Reyes"));
        assert!(matches_name("Tunde", "Muhammad Babatunde Bello"));
        // Not the family name, and not in a name of two parts.
        assert!(!matches_name("Isla", "Mohammad Rafiqul Islam"));
        assert!(!matches_name("Aaron", "Sarah Aaronson"));
    }

    #[test]
    fn a_hyphenated_name_is_one_name() {
        assert!(!matches_name("Jean-Pierre", "Jean-Baptiste Kouassi"));
        assert!(!matches_name("Anne-Sophie", "Anne-Marie Durand"));
        assert!(matches_name("Jean-Baptiste", "Jean-Baptiste Kouassi"));
        assert!(matches_name("Anne-Marie", "Anne Marie Durand"));
        assert!(matches_name("Jean", "Jean-Baptiste Kouassi"));
    }

    #[test]
    fn short_forms_in_other_languages_are_the_same_person() {
        for (short, full) in [
            ("Gabi", "Gabriela Santos"),
            ("Pepe", "José García"),
            ("Beppe", "Giuseppe Verdi"),
            ("Sepp", "Josef Huber"),
            ("Manu", "Emmanuel Petit"),
            ("Nico", "Nicolás Herrera"),
            // Slavic diminutives, English and Filipino ones, an Igbo short form.
            ("Zosia", "Zofia Kowalczyk"),
            ("Gosia", "Małgorzata Nowak"),
            ("Nastya", "Anastasia Petrova"),
            ("Sveta", "Svetlana Orlova"),
            ("Vova", "Vladimir Kim"),
            ("Olly", "Oliver Bennett"),
            ("Tin", "Maria Cristina Dela Cruz"),
            ("Chuma", "Chukwuma Obi"),
        ] {
            assert!(matches_name(short, full), "{short} for {full}");
        }
        // A short form of one name is not another's.
        assert!(!matches_name("Sveta", "Svenja Berg"));
        assert!(!matches_name("Zosia", "Zuzanna Kowalczyk"));
        // The end of a first name is its short form too, in many languages.
        for (short, full) in [
            ("Bisi", "Olabisi Akinola"),
            ("Tunde", "Babatunde Bakare"),
            ("Tope", "Temitope Adeyemi"),
            ("Beth", "Elizabeth Warren"),
        ] {
            assert!(matches_name(short, full), "{short} for {full}");
        }
        // Three letters are not enough: Ian is not Brian.
        assert!(!matches_name("Ian", "Brian Walsh"));
        // A short form only of its own name, and only of a first name.
        assert!(!matches_name("Gabi", "Martina Rossi"));
        assert!(!matches_name("Sola", "Peter Adesola"));
        assert!(!matches_name("Mary", "Martin Kohl"));
        assert!(!matches_name("Pepe", "Ana José"));
    }

    #[test]
    fn names_match_without_accents() {
        assert!(matches_name("Lukasz", "Łukasz Nowak"));
        assert!(matches_name("Dorde", "Đorđe Petrović"));
        assert!(matches_name("Jose", "José García"));
        assert!(matches_name("Zoe's", "Zoë Martin"));
        assert!(matches_name("Mike", "Michael Chen"));
        assert!(!matches_name("Sarah", "John Okafor"));
        assert!(!matches_name("Lukas", "Marek Nowak"));
        assert!(
            !matches_name("Aaron", "Sarah Aaronson"),
            "a prefix of the surname is not her name"
        );
        assert!(matches_name("Aaronson", "Sarah Aaronson"));
        assert!(matches_name("Chen", "Dr. Sarah Chen"));
    }

    /// Letters of Latin-1 and Latin Extended-A.
    fn latin_letter() -> impl Strategy<Value = char> {
        prop_oneof![
            (0xC0u32..=0xFF).prop_filter_map("letter", |c| char::from_u32(c)
                .filter(|c| c.is_alphabetic())),
            (0x100u32..=0x17F).prop_filter_map("letter", char::from_u32),
            (b'a'..=b'z').prop_map(char::from),
        ]
    }

    proptest! {
        /// Every letter of Latin-1 and Latin Extended-A folds to ASCII letters.
        #[test]
        fn latin_letters_fold_to_ascii(c in latin_letter()) {
            let f = fold(&c.to_string());
            prop_assert!(!f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase()), "{c:?} -> {f:?}");
        }

        /// A name typed without its accents still matches the person.
        #[test]
        fn a_name_without_accents_matches(first in proptest::collection::vec(latin_letter(), 3..10), last in "[A-Z][a-z]{2,8}") {
            let first: String = first.into_iter().collect();
            let plain = fold(&first);
            let full = [first.as_str(), last.as_str()].join(" ");
            prop_assert!(matches_name(&plain, &full));
            prop_assert!(matches_name(&first.to_uppercase(), &full));
        }
    }
}
