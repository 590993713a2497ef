//! LinkedIn's relative dates ("Sent 2 weeks ago", "3d", "Vor 3 Wochen gesendet") read
//! as an approximate range of times.
//!
//! LinkedIn shows an age in whole units (minutes, hours, days, weeks, months, years),
//! localised. Whether it rounds or cuts the age down is not documented, so the range
//! covers both: "N units ago" is an age from `N - 1/2` to `N + 1` units (months of 28
//! to 31 days, years of 365 or 366). "Today" is the last day, "yesterday" the last two.
//!
//! Languages: English, French, German, Spanish, Italian and Portuguese, with or
//! without accents, in the long forms of the sent-invitations page ("Envoyée il y a
//! 2 semaines", "Enviada hace 2 semanas", "Inviato 2 settimane fa", "Enviado há 2
//! semanas") and the compact forms of notifications ("15m", "2h", "3d", "1w", "2mo",
//! "1yr"). Number words ("a week ago", "il y a une semaine", "vor einer Woche", "hace
//! un mes", "un anno fa", "há um mês") count as one.
//!
//! The connections page of the newer rendering shows an absolute date instead: "Connected
//! on December 2, 2026" (English month names, full or three-letter, also without the
//! "Connected on"). The whole text must be that date; it reads as the day in any time zone
//! (from UTC+14 to UTC-12), never after `now`. A date in the future, before LinkedIn
//! (2003) or that does not exist ("February 30") is no date. Anything else is `None`; no
//! input panics.

use serde::{Deserialize, Serialize};

use super::time::{days_from_civil, days_in_month, DAY_MS, MAX_TIME, MINUTE_MS};

/// A time known only approximately: some time from `earliest` to `latest` (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRange {
    pub earliest: i64,
    pub latest: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// Shortest and longest length of one unit, in ms.
    fn span(self) -> (i64, i64) {
        match self {
            Unit::Minute => (MINUTE_MS, MINUTE_MS),
            Unit::Hour => (60 * MINUTE_MS, 60 * MINUTE_MS),
            Unit::Day => (DAY_MS, DAY_MS),
            Unit::Week => (7 * DAY_MS, 7 * DAY_MS),
            Unit::Month => (28 * DAY_MS, 31 * DAY_MS),
            Unit::Year => (365 * DAY_MS, 366 * DAY_MS),
        }
    }
}

/// Words for each unit, singular and plural, with and without accents.
const UNITS: &[(&str, Unit)] = &[
    // English (and the compact forms of notifications)
    ("m", Unit::Minute),
    ("min", Unit::Minute),
    ("mins", Unit::Minute),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("h", Unit::Hour),
    ("hr", Unit::Hour),
    ("hrs", Unit::Hour),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("d", Unit::Day),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("w", Unit::Week),
    ("wk", Unit::Week),
    ("wks", Unit::Week),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("mo", Unit::Month),
    ("mos", Unit::Month),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("y", Unit::Year),
    ("yr", Unit::Year),
    ("yrs", Unit::Year),
    ("year", Unit::Year),
    ("years", Unit::Year),
    // French
    ("heure", Unit::Hour),
    ("heures", Unit::Hour),
    ("j", Unit::Day),
    ("jour", Unit::Day),
    ("jours", Unit::Day),
    ("sem", Unit::Week),
    ("semaine", Unit::Week),
    ("semaines", Unit::Week),
    ("mois", Unit::Month),
    ("an", Unit::Year),
    ("ans", Unit::Year),
    ("annee", Unit::Year),
    ("annees", Unit::Year),
    ("année", Unit::Year),
    ("années", Unit::Year),
    // German
    ("minuten", Unit::Minute),
    ("std", Unit::Hour),
    ("stunde", Unit::Hour),
    ("stunden", Unit::Hour),
    ("t", Unit::Day),
    ("tag", Unit::Day),
    ("tage", Unit::Day),
    ("tagen", Unit::Day),
    ("wo", Unit::Week),
    ("woche", Unit::Week),
    ("wochen", Unit::Week),
    ("monat", Unit::Month),
    ("monate", Unit::Month),
    ("monaten", Unit::Month),
    ("jahr", Unit::Year),
    ("jahre", Unit::Year),
    ("jahren", Unit::Year),
    // Spanish, Italian, Portuguese
    ("minuto", Unit::Minute),
    ("minutos", Unit::Minute),
    ("minuti", Unit::Minute),
    ("hora", Unit::Hour),
    ("horas", Unit::Hour),
    ("ora", Unit::Hour),
    ("ore", Unit::Hour),
    ("dia", Unit::Day),
    ("dias", Unit::Day),
    ("día", Unit::Day),
    ("días", Unit::Day),
    ("giorno", Unit::Day),
    ("giorni", Unit::Day),
    ("g", Unit::Day),
    ("gg", Unit::Day),
    ("semana", Unit::Week),
    ("semanas", Unit::Week),
    ("settimana", Unit::Week),
    ("settimane", Unit::Week),
    ("sett", Unit::Week),
    ("mes", Unit::Month),
    ("meses", Unit::Month),
    ("mês", Unit::Month),
    ("mese", Unit::Month),
    ("mesi", Unit::Month),
    ("ano", Unit::Year),
    ("anos", Unit::Year),
    ("año", Unit::Year),
    ("años", Unit::Year),
    ("anno", Unit::Year),
    ("anni", Unit::Year),
];

/// Words that stand for the number one before a unit ("a week", "une semaine").
const ONE: &[&str] = &[
    "a", "an", "one", "un", "une", "ein", "eine", "einer", "einem", "einen", "uno", "una", "um",
    "uma",
];

/// Words for "today", "yesterday" and "just now".
const TODAY: &[&str] = &[
    "today",
    "aujourd",
    "aujourdhui",
    "heute",
    "hoy",
    "oggi",
    "hoje",
];
const YESTERDAY: &[&str] = &["yesterday", "hier", "gestern", "ayer", "ieri", "ontem"];
const NOW: &[&str] = &["now", "instant", "eben", "ahora", "adesso", "agora", "ora"];

/// English month names, full and short ("sept" too), by month number - 1.
const MONTHS: &[&[&str]] = &[
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// The words that may come before an absolute date ("Connected on December 2, 2026").
const DATE_PREFIX: &[&str] = &["connected", "on"];

/// The first year an absolute date may name (LinkedIn opened in 2003).
const FIRST_YEAR: i64 = 2003;

/// How far local midnight lies from UTC midnight: up to 14 hours ahead, 12 behind.
const ZONE_AHEAD_MS: i64 = 14 * 60 * MINUTE_MS;
const ZONE_BEHIND_MS: i64 = 12 * 60 * MINUTE_MS;

/// Units beyond this many are not a LinkedIn age.
const MAX_COUNT: u64 = 10_000;

/// Splits into lower-case words, and digits from letters ("3d" is "3", "d").
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut digits = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let is_digit = c.is_ascii_digit();
        if !cur.is_empty() && is_digit != digits {
            out.push(std::mem::take(&mut cur));
        }
        digits = is_digit;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn unit(word: &str) -> Option<Unit> {
    UNITS.iter().find(|(w, _)| *w == word).map(|&(_, u)| u)
}

fn count(word: &str) -> Option<u64> {
    if ONE.contains(&word) {
        return Some(1);
    }
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Saturates: "99999999999999999999 days" is capped, never an overflow.
    Some(word.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

fn month(word: &str) -> Option<u32> {
    let i = MONTHS.iter().position(|names| names.contains(&word))?;
    u32::try_from(i + 1).ok()
}

/// A number of at most `max_len` digits (no sign, no other characters).
fn small_number(word: &str, max_len: usize) -> Option<i64> {
    if word.is_empty() || word.len() > max_len || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// "[Connected on] <Month> <D>, <YYYY>" as the whole text (its words): the day, in any
/// time zone, up to `now` (already clamped to `[0, MAX_TIME]`); `None` for anything else.
fn parse_absolute(words: &[String], now: i64) -> Option<TimeRange> {
    let start = words
        .iter()
        .take(DATE_PREFIX.len())
        .zip(DATE_PREFIX)
        .take_while(|(w, p)| w.as_str() == **p)
        .count();
    // Either the whole prefix or none of it ("on December 2, 2026" alone is no date).
    if start != 0 && start != DATE_PREFIX.len() {
        return None;
    }
    let [m, d, y] = &words[start..] else {
        return None;
    };
    let m = month(m)?;
    let d = small_number(d, 2)?;
    let y = small_number(y, 4)?;
    if y < FIRST_YEAR {
        return None;
    }
    if d < 1 || d > i64::from(days_in_month(y, m)) {
        return None; // "February 30"
    }
    let midnight = (days_from_civil(y, m, 1) + d - 1) * DAY_MS;
    let earliest = midnight - ZONE_AHEAD_MS;
    let latest = midnight + DAY_MS - 1 + ZONE_BEHIND_MS;
    if earliest > now {
        return None; // a day still to come in every time zone
    }
    Some(TimeRange {
        earliest,
        latest: latest.min(now),
    })
}

/// The times at which something LinkedIn describes as `text` ("Sent 3 weeks ago",
/// "il y a 2 jours", "3d", "Connected on December 2, 2026") may have happened, seen at
/// `now`; `None` when `text` holds no age or date this parser knows. The range never
/// lies after `now` and stays within `[0, MAX_TIME]`.
pub fn parse_relative(text: &str, now: i64) -> Option<TimeRange> {
    let now = now.clamp(0, MAX_TIME);
    let words = tokens(text);
    if let Some(r) = parse_absolute(&words, now) {
        return Some(r);
    }
    let range = |oldest: i64, newest: i64| TimeRange {
        earliest: now.saturating_sub(oldest).max(0),
        latest: now.saturating_sub(newest).max(0),
    };
    for (i, w) in words.iter().enumerate() {
        let Some(n) = count(w) else { continue };
        let Some(u) = words.get(i + 1).and_then(|w| unit(w)) else {
            continue;
        };
        if n > MAX_COUNT {
            return None;
        }
        let n = n as i64;
        let (short, long) = u.span();
        // Rounded or cut down: the age is from N - 1/2 to N + 1 units.
        let newest = (2 * n - 1).max(0) * short / 2;
        let oldest = (n + 1) * long;
        return Some(range(oldest, newest));
    }
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(TODAY) {
        Some(range(DAY_MS, 0))
    } else if has(YESTERDAY) {
        Some(range(2 * DAY_MS, 0))
    } else if has(NOW) {
        Some(range(5 * MINUTE_MS, 0))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    const WEEK: i64 = 7 * DAY_MS;

    fn ago(text: &str) -> (f64, f64) {
        let r = parse_relative(text, NOW).unwrap_or_else(|| panic!("{text:?} not read"));
        (
            (NOW - r.latest) as f64 / DAY_MS as f64,
            (NOW - r.earliest) as f64 / DAY_MS as f64,
        )
    }

    #[test]
    fn english_sent_invitations_and_notifications() {
        assert_eq!(ago("Sent 2 weeks ago"), (10.5, 21.0));
        assert_eq!(ago("Sent 3 weeks ago"), (17.5, 28.0));
        assert_eq!(ago("Sent 1 month ago"), (14.0, 62.0));
        assert_eq!(ago("Sent a week ago"), (3.5, 14.0));
        assert_eq!(ago("Sent today"), (0.0, 1.0));
        assert_eq!(ago("Sent yesterday"), (0.0, 2.0));
        assert_eq!(ago("3d"), (2.5, 4.0));
        assert_eq!(ago("1w"), (3.5, 14.0));
        assert_eq!(ago("2mo"), (42.0, 93.0));
        assert_eq!(ago("1yr"), (182.5, 732.0));
        let r = parse_relative("15m", NOW).unwrap();
        assert_eq!(
            (r.earliest, r.latest),
            (NOW - 16 * MINUTE_MS, NOW - 29 * MINUTE_MS / 2)
        );
        let r = parse_relative("an hour ago", NOW).unwrap();
        assert_eq!(r.earliest, NOW - 2 * 60 * MINUTE_MS);
        assert_eq!(ago("Sent 0 days ago"), (0.0, 1.0));
        assert_eq!(ago("Sent just now"), (0.0, 5.0 / 1440.0));
    }

    #[test]
    fn the_five_other_languages() {
        let two_weeks = (10.5, 21.0);
        for text in [
            "Envoyée il y a 2 semaines",
            "Vor 2 Wochen gesendet",
            "Enviada hace 2 semanas",
            "Inviato 2 settimane fa",
            "Enviado há 2 semanas",
            "ENVIADO HA 2 SEMANAS",
        ] {
            assert_eq!(ago(text), two_weeks, "{text}");
        }
        assert_eq!(ago("Vor 3 Wochen gesendet"), (17.5, 28.0));
        let one_month = (14.0, 62.0);
        for text in [
            "il y a 1 mois",
            "vor einem Monat",
            "hace un mes",
            "un mese fa",
            "há um mês",
            "ha 1 mes",
        ] {
            assert_eq!(ago(text), one_month, "{text}");
        }
        for text in ["il y a une semaine", "vor einer Woche", "hace una semana"] {
            assert_eq!(ago(text), (3.5, 14.0), "{text}");
        }
        assert_eq!(ago("il y a 1 an"), (182.5, 732.0), "French an is a year");
        assert_eq!(ago("vor 2 Tagen"), (1.5, 3.0));
        assert_eq!(ago("hace 3 días"), (2.5, 4.0));
        assert_eq!(ago("3 giorni fa"), (2.5, 4.0));
        assert_eq!(ago("há 3 dias"), (2.5, 4.0));
        for today in [
            "Envoyée aujourd’hui",
            "Heute gesendet",
            "Enviada hoy",
            "Inviato oggi",
            "Enviado hoje",
        ] {
            assert_eq!(ago(today), (0.0, 1.0), "{today}");
        }
        for y in ["hier", "gestern", "ayer", "ieri", "ontem"] {
            assert_eq!(ago(y), (0.0, 2.0), "{y}");
        }
    }

    #[test]
    fn text_without_an_age_is_none() {
        for text in [
            "",
            "Sent",
            "Withdraw",
            "weeks ago",
            "Sent 3 ago",
            "il y a",
            "vor Wochen",
            "2 apples ago",
            "🚀🚀",
            "Sent 99999999999999999999999 weeks ago",
        ] {
            assert_eq!(parse_relative(text, NOW), None, "{text:?}");
        }
    }

    /// The day `y-m-d` (UTC midnight) in ms.
    fn midnight(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d) * DAY_MS
    }

    #[test]
    fn absolute_english_dates_of_the_connections_page() {
        let now = midnight(2026, 12, 5) + 10 * 60 * MINUTE_MS; // 2026-12-05T10:00Z
        let day = midnight(2026, 12, 2);
        let whole_day = TimeRange {
            earliest: day - 14 * 60 * MINUTE_MS,
            latest: day + DAY_MS - 1 + 12 * 60 * MINUTE_MS,
        };
        for text in [
            "Connected on December 2, 2026",
            "connected on december 2, 2026",
            "CONNECTED ON DECEMBER 2, 2026",
            "  Connected on  Dec 2 , 2026 ",
            "December 2, 2026",
            "Dec 02, 2026",
            "December 2 2026",
        ] {
            assert_eq!(parse_relative(text, now), Some(whole_day), "{text:?}");
        }
        // Today: the range ends now.
        let r = parse_relative("Connected on December 5, 2026", now).unwrap();
        assert_eq!(
            (r.earliest, r.latest),
            (midnight(2026, 12, 5) - 14 * 60 * MINUTE_MS, now)
        );
        // Yesterday: its day may still be going on west of UTC.
        let r = parse_relative("December 4, 2026", now).unwrap();
        assert_eq!(r.latest, now);
        // Tomorrow in UTC may already be today east of it (UTC+14 is 00:00 at 10:00Z).
        let r = parse_relative("December 6, 2026", now).unwrap();
        assert_eq!(r.latest, now);
        assert!(r.earliest <= now);
        assert_eq!(parse_relative("December 7, 2026", now), None);
        // Every month, full and short, and leap days.
        for (i, names) in MONTHS.iter().enumerate() {
            for name in *names {
                let r = parse_relative(&format!("Connected on {name} 1, 2025"), now)
                    .unwrap_or_else(|| panic!("{name}"));
                let m = u32::try_from(i + 1).unwrap();
                assert_eq!(
                    r.earliest,
                    midnight(2025, m, 1) - 14 * 60 * MINUTE_MS,
                    "{name}"
                );
            }
        }
        assert!(parse_relative("Sept 30, 2025", now).is_some());
        assert!(parse_relative("February 29, 2024", now).is_some());
        assert!(parse_relative("May 27, 2003", now).is_some());
    }

    #[test]
    fn text_that_is_no_absolute_date_is_none() {
        let now = midnight(2026, 12, 3);
        for text in [
            "Connected on",
            "December 2026",
            "December 2",
            "Connected on December, 2026",
            "on December 2, 2026",
            "Connected December 2, 2026 at 10:00",
            "Connected on December 2, 2026 and more",
            "Connected on Decembre 2, 2026",
            "Connected on 2 December 2026",
            "Connected on December 0, 2026",
            "Connected on December 32, 2026",
            "Connected on February 29, 2025",
            "Connected on April 31, 2026",
            "Connected on December 123, 2026",
            "Connected on December 2, 26",
            "Connected on December 2, 20266",
            "Connected on December 2, 1999",
            "Connected on December 2, 0000",
            "Connected on December 5, 2026",
            "Connected on January 1, 9999",
            "Connected on December 99999999999999999999, 2026",
            "Connected on December ２, 2026",
            "Note: we met in May 3, 2026",
        ] {
            assert_eq!(parse_relative(text, now), None, "{text:?}");
        }
        // Relative forms still win where they are the text.
        assert!(parse_relative("Connected 1 day ago", now).is_some());
    }

    #[test]
    fn absolute_dates_at_the_edges_of_time() {
        // The last day there is: the range stays within MAX_TIME.
        let r = parse_relative("December 31, 9999", i64::MAX).unwrap();
        assert!(r.earliest <= r.latest && r.latest == MAX_TIME);
        // Before 1970 no time is negative, whatever `now` is.
        for now in [i64::MIN, -1, 0, 1] {
            assert_eq!(parse_relative("May 27, 2003", now), None);
        }
    }

    #[test]
    fn ranges_stay_within_time_and_before_now() {
        let r = parse_relative("Sent 9999 years ago", NOW).unwrap();
        assert_eq!(r.earliest, 0);
        assert!(r.latest <= NOW);
        let r = parse_relative("2 weeks", 5).unwrap();
        assert_eq!((r.earliest, r.latest), (0, 0));
        let r = parse_relative("today", i64::MAX).unwrap();
        assert_eq!(r.latest, MAX_TIME);
        assert!(parse_relative("3 weeks ago", i64::MIN).is_some());
        assert_eq!(WEEK, 7 * DAY_MS);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_an_ordered_range_before_now(text in "\\PC{0,40}", now in 0i64..MAX_TIME) {
            if let Some(r) = parse_relative(&text, now) {
                prop_assert!(0 <= r.earliest && r.earliest <= r.latest && r.latest <= now);
            }
        }

        #[test]
        fn any_absolute_date_is_its_day_or_none(y in 1990i64..10_050, m in 0usize..13, d in 0i64..33, now in 0i64..MAX_TIME) {
            let name = MONTHS.get(m).map_or("Smarch", |names| names[0]);
            if let Some(r) = parse_relative(&format!("Connected on {name} {d}, {y}"), now) {
                prop_assert!(0 <= r.earliest && r.earliest <= r.latest && r.latest <= now);
                prop_assert!(m < 12 && (1..=31).contains(&d) && y >= FIRST_YEAR);
                let mm = u32::try_from(m + 1).unwrap();
                let dd = u32::try_from(d).unwrap();
                prop_assert_eq!(r.earliest, days_from_civil(y, mm, dd) * DAY_MS - ZONE_AHEAD_MS);
            }
        }

        #[test]
        fn more_units_are_older(n in 0u64..500, now in 100_000_000_000_000i64..200_000_000_000_000) {
            for unit in ["days", "weeks", "months", "years"] {
                let a = parse_relative(&format!("Sent {n} {unit} ago"), now).unwrap();
                let b = parse_relative(&format!("Sent {} {unit} ago", n + 1), now).unwrap();
                prop_assert!(b.earliest < a.earliest && b.latest <= a.latest);
            }
        }
    }
}
