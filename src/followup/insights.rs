//! Did they accept? Acceptance rates from the person's own invitations, with honest
//! uncertainty.
//!
//! Each invitation with a known outcome counts once in each table: by the note's
//! score band, note or no note, by note template, and by the month it was sent. In
//! every group:
//!
//! - **decided** invitations are accepted, withdrawn or expired; pending ones are
//!   undecided and only counted (users-ask.md: treat still-pending invitations as
//!   undecided). The rate is accepted / decided.
//! - **interval**: the Wilson score interval at 95% (z = 1.96), which stays inside
//!   [0, 1] and is honest for small groups and rates near 0 or 1, where the normal
//!   approximation is not.
//! - **too early to tell** under [`MIN_DECIDED`] decided invitations (outreach tools use
//!   a similar floor before comparing note variants).
//!
//! Templates are the repetition guard's: notes at least 0.8 similar (greeting and name
//! ignored) to the first note of a group belong to it; a group of at least
//! [`REPETITION_MIN_COUNT`] notes is a template, the rest are one-off notes.

use crate::text::WordMap;

use serde::{Deserialize, Serialize};

use super::outcome::{outcome, InviteStatus};
use super::similarity::{SentNotes, REPETITION_MIN_COUNT};
use super::time::{civil_from_days, DAY_MS, MINUTE_MS};
use super::{Contact, Settings};

/// Fewer decided invitations than this in a group: too early to tell.
pub const MIN_DECIDED: u32 = 20;
/// The score bands: label, lowest and highest score.
pub const SCORE_BANDS: [(&str, u8, u8); 3] =
    [("< 40", 0, 39), ("40–69", 40, 69), ("≥ 70", 70, 100)];
/// The normal quantile for a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;
/// Most templates listed; the others join the one-off notes.
const MAX_TEMPLATES: usize = 20;

/// A 95% confidence interval for a rate, both ends in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// The Wilson score interval at 95% for `accepted` successes out of `n`; `None`
/// when `n` is 0 (or `accepted > n`).
pub fn wilson(accepted: u32, n: u32) -> Option<Interval> {
    if n == 0 || accepted > n {
        return None;
    }
    let (k, n) = (f64::from(accepted), f64::from(n));
    let p = k / n;
    let z2 = Z95 * Z95;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z95 / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // Rounding must not leave the rate outside its own interval (at k = 0 or k = n).
    // `max`/`min`, not `f64::clamp`: its check that the bounds are in order formats
    // floats when it fails, which costs the wasm engine about 4 KB gzipped.
    Some(Interval {
        low: (centre - half).max(0.0).min(p),
        high: (centre + half).min(1.0).max(p),
    })
}

/// One group of invitations and how they fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Stable id within its table (`"70-100"`, `"note"`, `"2026-03"`, `"t3"`).
    pub key: String,
    /// What to show (`"≥ 70"`, `"With a note"`, `"2026-03"`, a template's first note).
    pub label: String,
    /// All invitations in the group, pending ones included.
    pub invitations: u32,
    pub accepted: u32,
    /// Withdrawn or expired.
    pub not_accepted: u32,
    pub pending: u32,
    /// `accepted / (accepted + not_accepted)`; `None` when nothing is decided.
    pub rate: Option<f64>,
    pub interval: Option<Interval>,
    /// Fewer than [`MIN_DECIDED`] decided invitations.
    pub too_early: bool,
}

impl Group {
    fn new(key: impl Into<String>, label: impl Into<String>) -> Group {
        Group {
            key: key.into(),
            label: label.into(),
            invitations: 0,
            accepted: 0,
            not_accepted: 0,
            pending: 0,
            rate: None,
            interval: None,
            too_early: true,
        }
    }

    fn add(&mut self, status: InviteStatus) {
        self.invitations += 1;
        match status {
            InviteStatus::Accepted => self.accepted += 1,
            InviteStatus::Pending => self.pending += 1,
            InviteStatus::Withdrawn | InviteStatus::Expired => self.not_accepted += 1,
        }
    }

    /// Decided invitations: the rate's denominator.
    pub fn decided(&self) -> u32 {
        self.accepted + self.not_accepted
    }

    fn finish(mut self) -> Group {
        let n = self.decided();
        self.rate = (n > 0).then(|| f64::from(self.accepted) / f64::from(n));
        self.interval = wilson(self.accepted, n);
        self.too_early = n < MIN_DECIDED;
        self
    }
}

/// One breakdown: its groups in display order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// `"score_band"`, `"note"`, `"template"` or `"month"`.
    pub id: String,
    pub title: String,
    pub groups: Vec<Group>,
}

/// Everything the insights page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    /// Every invitation with a known outcome.
    pub overall: Group,
    /// Score band, note or not, template, month, in that order.
    pub tables: Vec<Table>,
    /// Notes without a score (sent before Rapport or before schema 2): left out of the
    /// score bands.
    pub unscored: u32,
    /// Invitations known only from their outcome (an acceptance notification of one
    /// sent before Rapport): in `overall` only, their note and month being unknown.
    pub unseen: u32,
    pub computed_at: i64,
}

/// The acceptance insights at `now`. Months are local calendar months
/// (`tz_offset_minutes` as `Date.getTimezoneOffset()` gives it). Invitations Rapport
/// never saw (known only from an acceptance) count in `overall` only.
pub fn insights(
    contacts: &[Contact],
    now: i64,
    tz_offset_minutes: i32,
    settings: &Settings,
) -> Insights {
    insights_with(
        contacts,
        &SentNotes::new(contacts),
        now,
        tz_offset_minutes,
        settings,
    )
}

/// [`insights`] with the sent notes already indexed (the repetition guard's
/// [`SentNotes`] of the same contacts, which the note panel keeps): most of the
/// insights' time is spent reading the notes.
pub fn insights_with(
    contacts: &[Contact],
    index: &SentNotes,
    now: i64,
    tz_offset_minutes: i32,
    settings: &Settings,
) -> Insights {
    let mut overall = Group::new("all", "All invitations");
    let mut bands: Vec<Group> = SCORE_BANDS
        .iter()
        .map(|(label, lo, hi)| Group::new(format!("{lo}-{hi}"), *label))
        .collect();
    let mut notes = [
        Group::new("note", "With a note"),
        Group::new("no_note", "Without a note"),
    ];
    let mut months: Vec<Group> = Vec::new();
    let mut month_slot: WordMap<(i64, u32), usize> = WordMap::default();
    let mut noted: Vec<(&Contact, InviteStatus)> = Vec::new();
    let (mut unscored, mut unseen) = (0, 0);
    for c in contacts {
        let Some(status) = outcome(c, now, settings) else {
            continue;
        };
        overall.add(status);
        // Known only from its outcome (an acceptance of an invitation sent before
        // Rapport): whether it had a note, and when it was sent, are unknown.
        let Some(t) = c.invited_at else {
            unseen += 1;
            continue;
        };
        if c.has_note() {
            noted.push((c, status));
        }
        notes[usize::from(!c.has_note())].add(status);
        match (c.has_note(), c.note_score) {
            (true, Some(score)) => {
                let band = SCORE_BANDS
                    .iter()
                    .position(|&(_, lo, hi)| (lo..=hi).contains(&score))
                    .unwrap_or(SCORE_BANDS.len() - 1);
                bands[band].add(status);
            }
            (true, None) => unscored += 1,
            _ => {}
        }
        let local = t.saturating_sub(i64::from(tz_offset_minutes) * MINUTE_MS);
        let (year, month, _) = civil_from_days(local.div_euclid(DAY_MS));
        let slot = *month_slot.entry((year, month)).or_insert_with(|| {
            let key = format!("{year:04}-{month:02}");
            months.push(Group::new(key.clone(), key));
            months.len() - 1
        });
        months[slot].add(status);
    }
    crate::sort::sort_by(&mut months, |a, b| a.key.cmp(&b.key));
    let finish = |groups: Vec<Group>| groups.into_iter().map(Group::finish).collect();
    Insights {
        overall: overall.finish(),
        tables: vec![
            Table {
                id: "score_band".into(),
                title: "By the note's score".into(),
                groups: finish(bands),
            },
            Table {
                id: "note".into(),
                title: "Note or no note".into(),
                groups: finish(notes.to_vec()),
            },
            Table {
                id: "template".into(),
                title: "By note template".into(),
                groups: finish(templates(&noted, index)),
            },
            Table {
                id: "month".into(),
                title: "By month sent".into(),
                groups: finish(months),
            },
        ],
        unscored,
        unseen,
        computed_at: now,
    }
}

/// Groups the notes of invitations with an outcome by the repetition guard's
/// similarity: templates (most invitations first), then one-off notes. `index` holds
/// the sent notes; notes it lacks count as one-off.
fn templates(noted: &[(&Contact, InviteStatus)], index: &SentNotes) -> Vec<Group> {
    let slot: WordMap<&str, usize> = noted
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (c.key.as_str(), i))
        .collect();
    let mut placed = vec![false; noted.len()];
    let mut groups: Vec<Vec<usize>> = index
        .templates()
        .iter()
        .map(|g| {
            g.iter()
                .filter_map(|&e| slot.get(index.key(e)).copied())
                .filter(|&i| !std::mem::replace(&mut placed[i], true))
                .collect::<Vec<usize>>()
        })
        .filter(|g| !g.is_empty())
        .collect();
    groups.extend((0..noted.len()).filter(|&i| !placed[i]).map(|i| vec![i]));
    crate::sort::sort_by_key(&mut groups, |g| std::cmp::Reverse(g.len()));
    let mut out = Vec::new();
    let mut one_off = Group::new("one_off", "One-off notes");
    for g in groups {
        let templated = g.len() >= REPETITION_MIN_COUNT && out.len() < MAX_TEMPLATES;
        let mut group = Group::new(
            format!("t{}", out.len() + 1),
            label(noted[g[0]].0.note_sent.as_deref().unwrap_or("")),
        );
        let target = if templated { &mut group } else { &mut one_off };
        for i in g {
            target.add(noted[i].1);
        }
        if templated {
            out.push(group);
        }
    }
    if one_off.invitations > 0 {
        out.push(one_off);
    }
    out
}

/// A template's label: its first note on one line, at most 80 characters.
fn label(note: &str) -> String {
    let line = note.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 80 {
        line
    } else {
        format!("{}…", line.chars().take(79).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{invite, recorded, T0};
    use super::super::*;
    use super::*;

    fn with(c: Contact, status: InviteStatus, score: Option<u8>) -> Contact {
        Contact {
            status: Some(status),
            note_score: score.filter(|_| c.has_note()),
            ..c
        }
    }

    #[test]
    fn wilson_known_values() {
        // Reference values (Wilson 1927; e.g. Newcombe 1998, table I).
        let i = wilson(81, 263).unwrap();
        assert!(
            (i.low - 0.2553).abs() < 1e-4 && (i.high - 0.3662).abs() < 1e-4,
            "{i:?}"
        );
        let i = wilson(0, 10).unwrap();
        assert_eq!(i.low, 0.0);
        assert!((i.high - 0.2775).abs() < 1e-4, "{i:?}");
        let i = wilson(10, 10).unwrap();
        assert_eq!(i.high, 1.0);
        assert!((i.low - 0.7225).abs() < 1e-4, "{i:?}");
        assert_eq!(wilson(0, 0), None);
        assert_eq!(wilson(3, 2), None);
    }

    #[test]
    fn groups_by_band_note_template_and_month() {
        let template = "I came across your profile and would love to connect and learn more about your work in data.";
        let mut all = Vec::new();
        for i in 0..30i64 {
            let at = T0 + i * DAY_MS; // January 1-30, 2026
            let slug = format!("t{i}");
            let c = recorded(
                &slug,
                &format!("P{i}"),
                Some(&format!("Hi P{i}, {template}")),
                at,
            );
            let status = if i % 3 == 0 {
                InviteStatus::Accepted
            } else {
                InviteStatus::Expired
            };
            all.push(with(c, status, Some(30)));
        }
        for i in 0..10i64 {
            let at = T0 + (40 + i) * DAY_MS; // February
            let words: Vec<String> = (0..8).map(|j| format!("w{i}x{j}")).collect();
            let c = recorded(&format!("u{i}"), "U", Some(&words.join(" ")), at);
            all.push(with(c, InviteStatus::Accepted, Some(85)));
        }
        for i in 0..5i64 {
            let c = recorded(&format!("b{i}"), "B", None, T0 + 50 * DAY_MS);
            all.push(with(c, InviteStatus::Withdrawn, None));
        }
        all.push(recorded("pending", "P", None, T0 + 59 * DAY_MS)); // March 1st, pending
        all.push(remember_contact(None, &invite("/in/x", "X", None), T0).unwrap());
        let now = T0 + 60 * DAY_MS;
        let ins = insights(&all, now, 0, &Settings::default());
        assert_eq!(ins.overall.invitations, 46);
        assert_eq!(
            (
                ins.overall.accepted,
                ins.overall.not_accepted,
                ins.overall.pending
            ),
            (20, 25, 1)
        );
        assert!(!ins.overall.too_early);
        let table = |id: &str| ins.tables.iter().find(|t| t.id == id).unwrap();
        let bands = &table("score_band").groups;
        assert_eq!(
            bands.iter().map(|g| g.invitations).collect::<Vec<_>>(),
            [30, 0, 10]
        );
        assert_eq!(bands[0].rate, Some(10.0 / 30.0));
        assert!(!bands[0].too_early);
        assert!(bands[2].too_early, "10 decided");
        assert_eq!(bands[2].rate, Some(1.0));
        assert_eq!(bands[1].rate, None);
        let note = &table("note").groups;
        assert_eq!((note[0].invitations, note[1].invitations), (40, 6));
        assert_eq!((note[1].not_accepted, note[1].pending), (5, 1));
        let templates = &table("template").groups;
        assert_eq!(templates.len(), 2, "{templates:#?}");
        assert_eq!(templates[0].invitations, 30);
        assert!(
            templates[0].label.starts_with("Hi P0, I came across"),
            "{}",
            templates[0].label
        );
        assert_eq!(
            (templates[1].key.as_str(), templates[1].invitations),
            ("one_off", 10)
        );
        let months = &table("month").groups;
        let keys: Vec<(&str, u32)> = months
            .iter()
            .map(|g| (g.key.as_str(), g.invitations))
            .collect();
        assert_eq!(keys, [("2026-01", 30), ("2026-02", 15), ("2026-03", 1)]);
        assert_eq!(ins.unscored, 0);
        let json = serde_json::to_value(&ins).unwrap();
        assert_eq!(json["tables"][0]["groups"][0]["too_early"], false);
        assert!(json["tables"][0]["groups"][1]["interval"].is_null());
    }

    #[test]
    fn nothing_yet_is_too_early_everywhere() {
        let ins = insights(&[], T0, 0, &Settings::default());
        assert_eq!(ins.overall.invitations, 0);
        assert!(ins.overall.too_early && ins.overall.rate.is_none());
        assert!(ins.tables[2].groups.is_empty() && ins.tables[3].groups.is_empty());
        // A note without a score counts everywhere but the bands.
        let c = Contact {
            note_score: None,
            ..recorded("a", "A", Some("Hi A, a real note"), T0)
        };
        let ins = insights(&[c], T0, 0, &Settings::default());
        assert_eq!(ins.unscored, 1);
        // An acceptance of an invitation Rapport never saw: overall only.
        let unseen = Contact {
            status: Some(InviteStatus::Accepted),
            ..remember_contact(None, &invite("/in/u", "U", None), T0).unwrap()
        };
        let only = insights(&[unseen], T0, 0, &Settings::default());
        assert_eq!((only.overall.accepted, only.unseen), (1, 1));
        assert!(only
            .tables
            .iter()
            .all(|t| t.groups.iter().all(|g| g.invitations == 0)));
        assert_eq!(
            ins.tables[0]
                .groups
                .iter()
                .map(|g| g.invitations)
                .sum::<u32>(),
            0
        );
        assert_eq!(ins.tables[1].groups[0].pending, 1);
    }

    #[test]
    fn a_kept_index_gives_the_same_insights_and_a_stale_one_loses_no_invitation() {
        let template = "I came across your profile and would love to connect and learn more.";
        let all: Vec<Contact> = (0..6)
            .map(|i| recorded(&format!("p{i}"), &format!("P{i}"), Some(template), T0))
            .collect();
        let s = Settings::default();
        let now = T0 + 30 * DAY_MS;
        let fresh = insights(&all, now, 0, &s);
        assert_eq!(
            insights_with(&all, &SentNotes::new(&all), now, 0, &s),
            fresh
        );
        assert_eq!(fresh.tables[2].groups[0].invitations, 6);
        // An index from before the last two invitations: they count as one-off notes.
        let stale = insights_with(&all, &SentNotes::new(&all[..4]), now, 0, &s);
        let groups: Vec<(&str, u32)> = stale.tables[2]
            .groups
            .iter()
            .map(|g| (g.key.as_str(), g.invitations))
            .collect();
        assert_eq!(groups, [("t1", 4), ("one_off", 2)]);
    }

    #[test]
    fn labels_are_one_line_and_short() {
        assert_eq!(label("Hi  there,\nfriend"), "Hi there, friend");
        let long = label(&"word ".repeat(40));
        assert_eq!(long.chars().count(), 80);
        assert!(long.ends_with('…'));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_interval_is_in_range_and_holds_the_rate(n in 1u32..100_000, frac in 0.0f64..=1.0) {
            let k = ((f64::from(n) * frac).round() as u32).min(n);
            let i = wilson(k, n).unwrap();
            let p = f64::from(k) / f64::from(n);
            prop_assert!(0.0 <= i.low && i.low <= p && p <= i.high && i.high <= 1.0, "{k}/{n}: {i:?}");
        }

        #[test]
        fn fewer_invitations_give_a_wider_interval(k in 0u32..500, extra in 0u32..500, m in 2u32..20) {
            // The same rate k/n on fewer invitations (n against m*n).
            let n = k + extra + 1;
            let small = wilson(k, n).unwrap();
            let large = wilson(k * m, n * m).unwrap();
            prop_assert!(small.high - small.low > large.high - large.low, "{k}/{n}: {small:?} vs {large:?}");
        }
    }
}
