//! Template fields left unfilled ("{first_name}", "[Company]", "%FIRST_NAME%", "XXX"), with the kind of fact each stands for.

use crate::lang::en::{BARE_CAPS, BRACKET_NOTES, COMPANY, FIRST_NAME, FULL_NAME};
use crate::text::chunks;
use crate::Context;

/// Longest field name inside brackets that still counts as a placeholder.
pub const MAX_FIELD: usize = 40;
/// At most this many fields per note get a fill-in fix (each fill is checked
/// against the whole text, so a huge paste of fields stays fast).
pub const MAX_FILLS: usize = 32;

/// The value the context has for a field, if any.
pub fn value_for(field: &str, ctx: &Context) -> Option<String> {
    let key = field_key(field);
    let r = &ctx.recipient;
    if FIRST_NAME.contains(&key.as_str()) {
        r.first_name().map(str::to_string)
    } else if FULL_NAME.contains(&key.as_str()) {
        r.name.clone()
    } else if COMPANY.contains(&key.as_str()) {
        r.company.clone().filter(|c| !c.trim().is_empty())
    } else {
        None
    }
}

/// A field's name as the packs list it: its letters and digits, lower case
/// ("First_Name" is "firstname").
fn field_key(field: &str) -> String {
    field
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A field name: letters, digits, spaces, `_`, `-`, `.`; at least one letter.
pub fn looks_like_field(inner: &str) -> bool {
    let t = inner.trim();
    !t.is_empty()
        && t.len() <= MAX_FIELD
        && t.chars().any(char::is_alphabetic)
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '/' | '|' | ':'))
        && t.split_whitespace().count() <= 4
}

/// "<insert topic>", "<enter name>", "<company>": a lower-case field in angle brackets
/// that tells the writer what to put there, or names a fact the context fills.
fn is_instruction(inner: &str) -> bool {
    let t = crate::text::lower(inner.trim());
    let first = t.split(' ').next().unwrap_or("");
    let key = field_key(&t);
    matches!(
        first,
        "insert" | "enter" | "add" | "fill" | "your" | "their"
    ) || [FIRST_NAME, FULL_NAME, COMPANY]
        .iter()
        .any(|l| l.contains(&key.as_str()))
}

/// Square-bracket text that is ordinary prose, not a field ("[sic]", "[1]").
pub fn is_prose_bracket(inner: &str) -> bool {
    let t = crate::text::lower(inner.trim());
    BRACKET_NOTES.contains(&t.as_str()) || t.chars().all(|c| c.is_ascii_digit())
}

/// The first byte at or after `from` that can start a placeholder: `{`, `[`, `<`, `%`,
/// `X` or `x`. Eight bytes at a time: a block holds one when, with the case bit set
/// (which takes `X` to `x` and `[` to `{`, and nothing else to either), it has a byte of
/// `x` or `{`, or has a byte of `<` or `%`; most blocks of a note hold none.
fn next_start(bytes: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `v` is zero (exact as a yes or no).
    let zero_in = |v: u64| v.wrapping_sub(LO) & !v & HI != 0;
    let mut i = from;
    while let Some(block) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(block.try_into().unwrap_or_default());
        let folded = w | 0x2020_2020_2020_2020;
        if zero_in(folded ^ (LO * u64::from(b'x')))
            || zero_in(folded ^ (LO * u64::from(b'{')))
            || zero_in(w ^ (LO * u64::from(b'<')))
            || zero_in(w ^ (LO * u64::from(b'%')))
        {
            break;
        }
        i += 8;
    }
    let starts = |b: &u8| matches!(b, b'{' | b'[' | b'<' | b'%' | b'X' | b'x');
    bytes.get(i..)?.iter().position(starts).map(|k| i + k)
}

/// Finds placeholders as `(start, end, field)` byte spans.
pub fn find(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_start(bytes, i) {
        i = at;
        let b = bytes[i];
        let close = match b {
            b'{' => Some(b'}'),
            b'[' => Some(b']'),
            b'<' => Some(b'>'),
            b'%' => Some(b'%'),
            _ => None,
        };
        if let Some(close) = close {
            // "{{company}}", "<<company>>": doubled brackets are template syntax only.
            let double = matches!(b, b'{' | b'<') && bytes.get(i + 1) == Some(&b);
            let open_len = if double { 2 } else { 1 };
            let from = i + open_len;
            let limit = (from + MAX_FIELD + 1).min(bytes.len());
            if let Some(rel) = bytes[from..limit]
                .iter()
                .position(|&c| c == close || c == b'\n')
            {
                let j = from + rel;
                if bytes[j] == close {
                    let inner = &text[from..j];
                    let mut end = j + 1;
                    if double && bytes.get(end) == Some(&close) {
                        end += 1;
                    }
                    let is_field = looks_like_field(inner)
                        && match b {
                            b'[' => !is_prose_bracket(inner),
                            // "%" needs an upper-case or snake_case field: "%FIRST_NAME%", not "5% and 10%".
                            b'%' => inner.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                            // "<" needs a capitalised or snake_case field: "<Company>", not "a < b > c";
                            // "<<company>>" is a field as it is.
                            b'<' => {
                                double
                                    || inner
                                        .trim()
                                        .chars()
                                        .next()
                                        .is_some_and(|c| c.is_uppercase())
                                    || inner.contains('_')
                                    || is_instruction(inner)
                            }
                            _ => true,
                        };
                    if is_field {
                        out.push((i, end, inner.trim().to_string()));
                        i = end;
                        continue;
                    }
                }
            }
        } else if (b == b'X' || b == b'x') && (i == 0 || !(bytes[i - 1] as char).is_alphanumeric())
        {
            let mut end = i;
            while end < bytes.len() && (bytes[end] == b'X' || bytes[end] == b'x') {
                end += 1;
            }
            // "XXX", "xxx"; two only in capitals ("while researching XX": "xx" signs off
            // with kisses, and "the XX century" is a numeral).
            let rest = text[end..].trim_start().as_bytes();
            let century = rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"century");
            let run = end - i >= 3 || (&bytes[i..end] == b"XX" && !century);
            if run && (end == bytes.len() || !(bytes[end] as char).is_alphanumeric()) {
                out.push((i, end, String::new()));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let bracketed = out.len();
    for (start, end, field) in bare_fields(text) {
        if !out[..bracketed]
            .iter()
            .any(|&(s, e, _)| s < end && start < e)
        {
            out.push((start, end, field));
        }
    }
    if out.len() > bracketed {
        crate::sort::sort_by_key(&mut out, |&(s, e, _)| (s, e));
    }
    out
}

/// Fields without brackets, word by word: a blank (`___`), a capitalised snake-case
/// name (`COMPANY_NAME`, `INSERT_TOPIC`), a dunder (`__name__`), a `$variable` with an
/// underscore or a known field name, and the field names of [`BARE_CAPS`].
pub fn bare_fields(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    // Every form but the names of [`BARE_CAPS`] has a '_' or a '$', and those are
    // runs of capitals: a note with neither (most notes) has no field of this kind.
    let shortest = BARE_CAPS.iter().map(|w| w.len()).min().unwrap_or(1);
    let mut run = 0;
    let may_hold = text.bytes().any(|b| {
        run = if b.is_ascii_uppercase() { run + 1 } else { 0 };
        run >= shortest || b == b'_' || b == b'$'
    });
    if !may_hold {
        return out;
    }
    // The end of an "INSERT EVENT NAME" run, whose words are one field.
    let mut taken = 0;
    for (start, chunk) in chunks(text) {
        if start < taken {
            continue;
        }
        // Most chunks are plain words with a lower-case letter: no field (see below).
        if !chunk.bytes().any(|b| b == b'$' || b == b'_')
            && chunk.bytes().any(|b| b.is_ascii_lowercase())
        {
            continue;
        }
        let edge = |c: char| !(c.is_alphanumeric() || c == '_' || c == '$');
        let rest = chunk.trim_start_matches(edge);
        let word = rest.trim_end_matches(edge);
        // Every field form here has no lower-case letter, but a `$variable` or a dunder.
        if word.is_empty()
            || (!word.starts_with(['$', '_']) && word.bytes().any(|b| b.is_ascii_lowercase()))
        {
            continue;
        }
        let lead = chunk.len() - rest.len();
        let (s, mut e) = (start + lead, start + lead + word.len());
        let letters = word.chars().filter(char::is_ascii_alphabetic).count();
        let inner = word.trim_matches('_');
        let field = if word.len() >= 3 && word.bytes().all(|b| b == b'_') {
            Some(String::new())
        } else if word.starts_with("__") && word.ends_with("__") && !inner.is_empty() {
            Some(inner.to_string())
        } else if let Some(var) = word.strip_prefix('$') {
            let known = value_key_known(var);
            (!var.is_empty()
                && var.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                && var.bytes().any(|b| b.is_ascii_alphabetic())
                && (var.contains('_') || known))
                .then(|| var.to_string())
        } else if inner.contains('_')
            && letters >= 2
            && word
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            Some(inner.to_string())
        } else if BARE_CAPS.contains(&word) {
            Some(word.to_string())
        } else if matches!(word, "INSERT" | "ENTER") {
            // "at INSERT EVENT last week", "'INSERT ARTICLE TITLE'": the runs of capitals
            // after it, each after one space, name the field.
            let b = text.as_bytes();
            let (mut k, mut end) = (e, e);
            while b.get(k) == Some(&b' ') {
                let from = k + 1;
                k = from;
                while b.get(k).is_some_and(u8::is_ascii_uppercase) {
                    k += 1;
                }
                if k - from < 2 || b.get(k).is_some_and(u8::is_ascii_alphanumeric) {
                    break;
                }
                end = k;
            }
            // The field runs to the end of its capitals, and the chunks up to there are read.
            let name = (end > e).then(|| text[e..end].trim().to_string());
            (taken, e) = (end, end);
            name
        } else {
            None
        };
        if let Some(f) = field {
            out.push((s, e, f));
        }
    }
    out
}

/// True when `field` names something [`value_for`] knows (a name, a company).
pub fn value_key_known(field: &str) -> bool {
    let key: String = field
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    FIRST_NAME.contains(&key.as_str())
        || FULL_NAME.contains(&key.as_str())
        || COMPANY.contains(&key.as_str())
}

#[cfg(test)]
mod tests {
    #[test]
    fn insert_and_the_capitals_after_it_are_one_field() {
        let fields = |t: &str| super::find(t).into_iter().map(|f| f.2).collect::<Vec<_>>();
        assert_eq!(
            fields("Great meeting you at INSERT EVENT last week!"),
            ["EVENT"]
        );
        assert_eq!(
            fields("I read your article 'INSERT ARTICLE TITLE' and liked it."),
            ["ARTICLE TITLE"]
        );
        assert_eq!(fields("Hi INSERT FIRST NAME, hello."), ["FIRST NAME"]);
        // Not a field: a verb, or capitals after a sentence ends.
        assert!(fields("Please INSERT the card. GREAT.").is_empty());
        assert!(fields("Meet me at INSERT. GREAT TALK.").is_empty());
    }

    #[test]
    fn a_lower_case_field_in_angle_brackets_tells_what_to_put() {
        let fields = |t: &str| super::find(t).into_iter().map(|f| f.2).collect::<Vec<_>>();
        assert_eq!(
            fields("Hugo - saw your post on <insert topic> and it resonated."),
            ["insert topic"]
        );
        assert_eq!(fields("Hi <first name>, hello."), ["first name"]);
        assert_eq!(fields("I admire <your company>'s work."), ["your company"]);
        // Not a field: a comparison, or a word that names no fact.
        assert!(fields("If a < b and c > d, the proof holds.").is_empty());
        assert!(fields("the <div> tag and <span> too").is_empty());
    }

    proptest::proptest! {
        /// The block scan stops where a byte-by-byte search does.
        #[test]
        fn next_start_is_the_first_opening_byte(
            text in "([a-z{}<>%Xx;: _]|\\[|\\]|\u{5}|\u{1c}|\u{3b}|é|\\PC){0,40}",
            from in 0usize..60,
        ) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let want = bytes[from..]
                .iter()
                .position(|b| matches!(b, b'{' | b'[' | b'<' | b'%' | b'X' | b'x'))
                .map(|k| from + k);
            proptest::prop_assert_eq!(super::next_start(bytes, from), want);
        }
    }
}
