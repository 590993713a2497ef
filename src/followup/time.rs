//! Calendar arithmetic on UTC milliseconds, without a date crate.
//!
//! Local-time questions take the caller's offset as JavaScript's
//! `Date.prototype.getTimezoneOffset()` gives it: minutes to ADD to local time to
//! get UTC, so UTC-5 is `300` and India (UTC+5:30) is `-330`. Daylight saving is
//! the caller's business: pass the offset in force at `now`.

/// One minute in milliseconds.
pub const MINUTE_MS: i64 = 60_000;
/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// The latest time accepted anywhere (9999-12-31T23:59:59.999Z), so every stored
/// time formats as a four-digit-year ISO 8601 date.
pub const MAX_TIME: i64 = 253_402_300_799_999;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// The date `(year, month 1..=12, day 1..=31)` of a day number since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The local wall-clock time, as milliseconds since a local 1970-01-01.
fn to_local(utc_ms: i64, tz_offset_minutes: i32) -> i64 {
    utc_ms - i64::from(tz_offset_minutes) * MINUTE_MS
}

fn to_utc(local_ms: i64, tz_offset_minutes: i32) -> i64 {
    local_ms + i64::from(tz_offset_minutes) * MINUTE_MS
}

/// The local calendar month containing `now`: `[start, end)` in UTC milliseconds.
pub fn local_month_range(now: i64, tz_offset_minutes: i32) -> (i64, i64) {
    let local = to_local(now, tz_offset_minutes);
    let (year, month, _) = civil_from_days(local.div_euclid(DAY_MS));
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let start = days_from_civil(year, month, 1) * DAY_MS;
    let end = days_from_civil(next_year, next_month, 1) * DAY_MS;
    (
        to_utc(start, tz_offset_minutes),
        to_utc(end, tz_offset_minutes),
    )
}

/// The local date of `utc_ms` as `YYYY-MM-DD`.
pub fn local_date(utc_ms: i64, tz_offset_minutes: i32) -> String {
    let (y, m, d) = civil_from_days(to_local(utc_ms, tz_offset_minutes).div_euclid(DAY_MS));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Local midnight at the start of `date` (`YYYY-MM-DD`, what `<input type=date>`
/// gives), in UTC milliseconds.
pub fn local_date_start(date: &str, tz_offset_minutes: i32) -> Result<i64, String> {
    let bad = || format!("\"{date}\" is not a date of the form YYYY-MM-DD");
    let parts: Vec<&str> = date.trim().split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return Err(bad());
    }
    let (year, month, day): (i64, u32, u32) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(format!("{date} is not a day in the calendar"));
    }
    Ok(to_utc(
        days_from_civil(year, month, day) * DAY_MS,
        tz_offset_minutes,
    ))
}

/// Days in `month` (1–12) of `year`, leap years counted.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// ISO 8601 in UTC to the second: `2026-03-05T14:07:00Z`.
pub fn iso_utc(utc_ms: i64) -> String {
    let days = utc_ms.div_euclid(DAY_MS);
    let secs = utc_ms.rem_euclid(DAY_MS) / 1000;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// UTC milliseconds of a UTC wall-clock time (for tests).
#[cfg(test)]
pub(crate) fn utc(y: i64, mo: u32, d: u32, h: i64, mi: i64) -> i64 {
    days_from_civil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * MINUTE_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        for days in [
            -800_000, -1, 0, 59, 10_957, 11_016, 11_017, 20_000, 2_932_896,
        ] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(iso_utc(MAX_TIME), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn iso_formatting() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            iso_utc(utc(2026, 3, 5, 14, 7) + 999),
            "2026-03-05T14:07:00Z"
        );
        assert_eq!(iso_utc(utc(2024, 2, 29, 23, 59)), "2024-02-29T23:59:00Z");
    }

    #[test]
    fn month_range_in_utc_and_leap_february() {
        let (s, e) = local_month_range(utc(2024, 2, 15, 12, 0), 0);
        assert_eq!((s, e), (utc(2024, 2, 1, 0, 0), utc(2024, 3, 1, 0, 0)));
        assert_eq!(e - s, 29 * DAY_MS);
        let (s, e) = local_month_range(utc(2023, 2, 15, 12, 0), 0);
        assert_eq!(e - s, 28 * DAY_MS);
        let (s, e) = local_month_range(utc(2100, 2, 1, 0, 0), 0);
        assert_eq!(e - s, 28 * DAY_MS, "2100 is not a leap year");
        let (s, e) = local_month_range(utc(2026, 12, 31, 23, 59), 0);
        assert_eq!((s, e), (utc(2026, 12, 1, 0, 0), utc(2027, 1, 1, 0, 0)));
    }

    #[test]
    fn month_range_follows_the_local_offset() {
        // 2026-03-31 20:00 UTC is already April 1st at UTC+14 (offset -840).
        let (s, _) = local_month_range(utc(2026, 3, 31, 20, 0), -840);
        assert_eq!(s, utc(2026, 3, 31, 10, 0), "April 1st 00:00 at UTC+14");
        // 2026-04-01 05:00 UTC is still March 31st at UTC-12 (offset 720).
        let (s, e) = local_month_range(utc(2026, 4, 1, 5, 0), 720);
        assert_eq!((s, e), (utc(2026, 3, 1, 12, 0), utc(2026, 4, 1, 12, 0)));
        // India, UTC+5:30 (offset -330): 2026-04-30 19:00 UTC is May 1st 00:30.
        let (s, _) = local_month_range(utc(2026, 4, 30, 19, 0), -330);
        assert_eq!(s, utc(2026, 4, 30, 18, 30));
        assert_eq!(local_date(utc(2026, 4, 30, 19, 0), -330), "2026-05-01");
        assert_eq!(local_date(utc(2026, 4, 30, 18, 29), -330), "2026-04-30");
    }

    #[test]
    fn local_date_start_parses_and_validates() {
        assert_eq!(local_date_start("2026-03-05", 0), Ok(utc(2026, 3, 5, 0, 0)));
        // New York in winter (UTC-5, offset 300): local midnight is 05:00 UTC.
        assert_eq!(
            local_date_start("2026-03-05", 300),
            Ok(utc(2026, 3, 5, 5, 0))
        );
        assert_eq!(
            local_date_start("2024-02-29", -330),
            Ok(utc(2024, 2, 28, 18, 30))
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-3-5",
            "05/03/2026",
            "",
            "2026-03-05T10",
        ] {
            assert!(local_date_start(bad, 0).is_err(), "{bad}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn days_and_dates_round_trip(days in -1_000_000i64..3_000_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }

        #[test]
        fn the_local_month_holds_now_and_starts_on_the_first(
            now in 0i64..4_000_000_000_000,
            offset in -840i32..=720,
        ) {
            let (start, end) = local_month_range(now, offset);
            prop_assert!(start <= now && now < end);
            prop_assert!(local_date(start, offset).ends_with("-01"));
            prop_assert!(local_date(end, offset).ends_with("-01"));
            prop_assert!(local_date(end - 1, offset) != local_date(end, offset));
            prop_assert!((28..=31).contains(&((end - start) / DAY_MS)));
        }
    }
}
