//! Outcomes at scale: the insights and the popup's due list over 10,001 contacts with
//! outcomes (a year of invitations: templates and personal notes, blank invitations,
//! accepted, pending, withdrawn and expired ones, some with a rhythm).
//! `cargo bench --bench outcomes`; the budgets are 300 ms for the insights and
//! 200 ms for the popup's first paint of the due list (this is the Rust part of it).
//! `worst_case_templates` is 3,000 notes of 20-30 words drawn from 16 words: every
//! pair shares most words, so the template grouping compares nearly all of them.

use criterion::{criterion_group, criterion_main, Criterion};
use rapport::followup::*;
use std::hint::black_box;

const T0: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const N: usize = 10_001;

const TEMPLATES: [&str; 6] = [
    "I came across your profile and would love to connect and learn more about your work in {topic}.",
    "Hi {name}, I'm growing my network of {topic} people and would be glad to connect with you here.",
    "Loved your recent post on {topic}. I work on similar problems at Initech; happy to swap notes sometime?",
    "We were both at the {topic} meetup last month. Would be great to stay in touch and compare notes.",
    "I'm hiring for a {topic} role on my team and thought of you. Open to a quick chat about it?",
    "Your talk on {topic} changed how we build our pipeline. What would you do differently today?",
];
const TOPICS: [&str; 8] = [
    "data",
    "Rust",
    "design systems",
    "hiring",
    "climate tech",
    "payments",
    "security",
    "wasm",
];
/// The common words of personal notes; the rest of each note is its own specifics.
const COMMON: [&str; 16] = [
    "your", "talk", "on", "the", "at", "was", "and", "I", "would", "love", "a", "to", "of", "you",
    "we", "in",
];

fn contacts() -> Vec<Contact> {
    let s = Settings::default();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rand = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    (0..N)
        .map(|i| {
            let name = format!("Person {i}");
            let note = match rand(10) {
                0..=1 => None,
                2..=6 => {
                    let t = TEMPLATES[rand(6) as usize];
                    Some(
                        t.replace("{topic}", TOPICS[rand(8) as usize])
                            .replace("{name}", "P"),
                    )
                }
                // A personal note: common words around specifics from a large vocabulary.
                _ => Some(
                    (0..18 + rand(12))
                        .map(|_| match rand(2) {
                            0 => COMMON[rand(16) as usize].to_string(),
                            _ => format!("topic{}", rand(20_000)),
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
            };
            let at = T0 + (rand(365 * 24) as i64) * 3_600_000;
            let inv = Invitation {
                url: format!("https://www.linkedin.com/in/person-{i}/"),
                name,
                note,
                ..Invitation::default()
            };
            let c = record_invitation(None, &inv, at, &s).unwrap();
            let seen = match rand(10) {
                0..=3 => Some(Seen::TopCard {
                    state: TopCard::Connected,
                }),
                4 => Some(Seen::Withdrawn),
                5 => Some(Seen::MessageSent),
                _ => None,
            };
            // Most follow-ups were done on time (the popup benchmark has 73 of 10,001 due).
            let c = if rand(100) < 99 {
                mark_done(c, at + 8 * DAY_MS)
            } else {
                c
            };
            let c = match seen {
                Some(seen) => {
                    let o = Observation {
                        url: inv.url.clone(),
                        name: String::new(),
                        headline: None,
                        seen,
                    };
                    observe(Some(c.clone()), &o, at + DAY_MS * (1 + rand(20) as i64), &s)
                        .unwrap()
                        .unwrap_or(c)
                }
                None => c,
            };
            if rand(5) == 0 {
                set_rhythm(c, Rhythm::Weeks(1 + rand(8) as u32), at + DAY_MS)
            } else {
                c
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let all = contacts();
    let s = Settings::default();
    let now = T0 + 360 * DAY_MS;
    let ins = insights(&all, now, 0, &s);
    let due = due_list(&all, now, &s);
    let templates = ins.tables.iter().find(|t| t.id == "template").unwrap();
    println!(
        "{} contacts: {} due, {} invitations ({} accepted, {} decided), {} template groups",
        all.len(),
        due.len(),
        ins.overall.invitations,
        ins.overall.accepted,
        ins.overall.decided(),
        templates.groups.len()
    );
    let mut group = c.benchmark_group("outcomes_10001");
    group.sample_size(20);
    group.bench_function("insights", |b| {
        b.iter(|| insights(black_box(&all), now, 0, &s))
    });
    group.bench_function("sent_notes_index", |b| {
        b.iter(|| SentNotes::new(black_box(&all)).len())
    });
    group.bench_function("due_list", |b| {
        b.iter(|| due_list(black_box(&all), now, &s).len())
    });
    group.bench_function("popup_view", |b| {
        b.iter(|| {
            let due = due_list(black_box(&all), now, &s);
            let upcoming = agenda(&all, now).upcoming.len();
            let a = allowance(&all, now, 0, &s);
            (due.len(), upcoming, a.used, next_change_at(&all, now, &s))
        })
    });
    group.bench_function("expire_pending", |b| {
        b.iter(|| expire_pending(black_box(&all), now, &s).len())
    });
    let json = serde_json::to_string(&all).unwrap();
    group.bench_function("contacts_from_json", |b| {
        b.iter(|| {
            serde_json::from_str::<Vec<Contact>>(black_box(&json))
                .unwrap()
                .len()
        })
    });
    group.finish();

    // Notes that all look alike but few 0.8 similar: the grouping's worst case.
    let mut seed: u64 = 42;
    let alike: Vec<Contact> = (0..3_000)
        .map(|i| {
            let note: Vec<&str> = (0..20 + i % 10)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    COMMON[(seed >> 60) as usize]
                })
                .collect();
            let inv = Invitation {
                url: format!("https://www.linkedin.com/in/alike-{i}/"),
                note: Some(note.join(" ")),
                ..Invitation::default()
            };
            record_invitation(None, &inv, T0, &s).unwrap()
        })
        .collect();
    let mut group = c.benchmark_group("worst_case_templates");
    group.sample_size(10);
    group.bench_function("insights_3000_alike_notes", |b| {
        b.iter(|| insights(black_box(&alike), now, 0, &s))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
