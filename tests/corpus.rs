//! How well the score separates good notes from bad ones, on five labelled sets: the
//! development corpus (`tests/corpus/`), the first held-out set (`tests/holdout/`), two
//! more blind sets (`tests/blind/`, and `tests/blind3/`, written to defeat phrase
//! matching) and example notes from public pages labelled by their authors
//! (`tests/public/`). The last three have a test half whose misjudged notes are never
//! printed.
//!
//! Prints the ROC AUC (the chance a random good note outscores a random bad one),
//! the accuracy at the 50-point line and each category's share of its points by
//! label; fails when separation falls below the floor. The floors are deliberately
//! below what the engine reaches so that one new note does not fail the build, while a
//! real regression does.

#![cfg(not(target_arch = "wasm32"))]

use rapport::{analyze, Context, Kind, Recipient};
use serde::Deserialize;

#[derive(Deserialize)]
struct Note {
    id: String,
    label: String,
    text: String,
    #[serde(default)]
    recipient: Option<Recipient>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    kind: Option<Kind>,
}

impl Note {
    /// The context the note was written for.
    fn context(&self) -> Context {
        Context {
            recipient: self.recipient.clone().unwrap_or_default(),
            limit: self.limit.unwrap_or(rapport::DEFAULT_LIMIT),
            kind: self.kind.unwrap_or_default(),
            disabled: Vec::new(),
            language: None,
        }
    }
}

/// Every labelled note of the development corpus and the held-out sets (both halves),
/// with the file it comes from.
fn labelled_notes() -> Vec<(String, Note)> {
    let mut files = vec!["tests/corpus/notes.jsonl".to_string()];
    for &(set, ..) in HELD_OUT {
        files.push(format!("tests/{set}/dev.jsonl"));
        files.push(format!("tests/{set}/test.jsonl"));
    }
    let mut notes = Vec::new();
    for file in files {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
        for l in src.lines().filter(|l| !l.trim().is_empty()) {
            let n: Note = serde_json::from_str(l).unwrap_or_else(|e| panic!("{file}: {e}"));
            notes.push((file.clone(), n));
        }
    }
    notes
}

/// One scored note.
struct Scored {
    id: String,
    good: bool,
    score: u8,
    text: String,
    /// Each category's share of its points, in [`rapport::Category::ALL`] order.
    categories: Vec<f64>,
}

/// Scores of a labelled set; notes in a language without a pack (no score) are left
/// out and counted.
fn scored_and_skipped(file: &str) -> (Vec<Scored>, usize) {
    let mut skipped = 0;
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let scored = src
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .filter_map(|(i, l)| {
            let n: Note =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{file} line {}: {e}", i + 1));
            let ctx = n.context();
            assert!(
                n.label == "good" || n.label == "bad",
                "{}: label must be good or bad",
                n.id
            );
            let report = analyze(&n.text, &ctx);
            let Some(score) = report.score else {
                skipped += 1;
                return None;
            };
            Some(Scored {
                id: n.id,
                good: n.label == "good",
                score,
                text: n.text,
                categories: report
                    .categories
                    .iter()
                    .map(|c| f64::from(c.score) / f64::from(c.max))
                    .collect(),
            })
        })
        .collect();
    (scored, skipped)
}

/// Probability that a random good note scores above a random bad one (ties count half).
fn auc(scores: &[Scored]) -> f64 {
    let good: Vec<u8> = scores.iter().filter(|s| s.good).map(|s| s.score).collect();
    let bad: Vec<u8> = scores.iter().filter(|s| !s.good).map(|s| s.score).collect();
    let mut wins = 0.0;
    for g in &good {
        for b in &bad {
            wins += match g.cmp(b) {
                std::cmp::Ordering::Greater => 1.0,
                std::cmp::Ordering::Equal => 0.5,
                std::cmp::Ordering::Less => 0.0,
            };
        }
    }
    wins / (good.len() * bad.len()) as f64
}

/// Whether a set's misjudged notes may be printed (and so read by whoever tunes rules).
#[derive(PartialEq)]
enum Show {
    Misjudged,
    /// A held-out set: aggregate figures only.
    FiguresOnly,
}

/// Prints how well the score separates a set and returns `(AUC, accuracy at 50)`.
fn separation(name: &str, file: &str, show: Show) -> (f64, f64) {
    let (scores, skipped) = scored_and_skipped(file);
    if skipped > 0 {
        println!("{name}: {skipped} notes in a language without a pack, not scored");
    }
    let (good, bad): (Vec<&Scored>, Vec<&Scored>) = scores.iter().partition(|s| s.good);
    assert!(
        good.len() >= 30 && bad.len() >= 30,
        "{file} needs at least 30 of each"
    );
    let auc = auc(&scores);
    let correct = scores.iter().filter(|s| (s.score >= 50) == s.good).count();
    let accuracy = correct as f64 / scores.len() as f64;
    let mean = |v: &[&Scored], f: &dyn Fn(&Scored) -> f64| {
        v.iter().map(|s| f(s)).sum::<f64>() / v.len() as f64
    };
    println!(
        "{name}: {} good (mean {:.1}), {} bad (mean {:.1}); AUC {:.3}; accuracy at 50: {:.1}%",
        good.len(),
        mean(&good, &|s| f64::from(s.score)),
        bad.len(),
        mean(&bad, &|s| f64::from(s.score)),
        auc,
        accuracy * 100.0
    );
    let shares: Vec<String> = rapport::Category::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "{} {:.2}/{:.2}",
                c.label(),
                mean(&good, &|s| s.categories[i]),
                mean(&bad, &|s| s.categories[i])
            )
        })
        .collect();
    println!(
        "  share of each category's points, good/bad: {}",
        shares.join(", ")
    );
    if show == Show::Misjudged {
        for s in scores.iter().filter(|s| (s.score >= 50) != s.good) {
            println!(
                "  misjudged {} ({}): {:>3}  {}",
                s.id,
                if s.good { "good" } else { "bad" },
                s.score,
                s.text.replace('\n', " ")
            );
        }
    }
    (auc, accuracy)
}

/// The development corpus: rules were checked against it for false positives.
#[test]
fn score_separates_good_from_bad_notes() {
    let (auc, accuracy) = separation("corpus", "tests/corpus/notes.jsonl", Show::Misjudged);
    assert!(auc >= 0.93, "AUC {auc:.3} is below 0.93");
    assert!(accuracy >= 0.85, "accuracy {accuracy:.3} is below 0.85");
}

/// The first held-out set (`tests/holdout/README.md`): written blind to the code and to
/// the corpus. Earlier sessions read its misjudged notes, so it is no longer untouched;
/// the test halves below are.
#[test]
fn score_separates_held_out_notes() {
    let (auc, accuracy) = separation("holdout", "tests/holdout/notes.jsonl", Show::Misjudged);
    assert!(auc >= 0.85, "held-out AUC {auc:.3} is below 0.85");
    assert!(
        accuracy >= 0.75,
        "held-out accuracy {accuracy:.3} is below 0.75"
    );
}

/// The held-out sets: each has a dev half (its misjudged notes may guide rules, by
/// pattern, never by single note) and a test half (only its figures are printed).
/// `before` is the test half's AUC before the engine read sentences (issue 11), kept so
/// the output says what changed; the floors sit below today's figures so that one new
/// note does not fail the build while a real regression does.
const HELD_OUT: &[(&str, &str, f64, f64, f64)] = &[
    // (set, what it is, AUC before, AUC floor, accuracy floor) for the test half.
    ("blind", "second blind set", 0.964, 0.93, 0.85),
    (
        "blind3",
        "written to defeat phrase matching",
        0.841,
        0.83,
        0.78,
    ),
    (
        "blind4",
        "English notes with recipient profiles",
        0.831,
        0.85,
        0.78,
    ),
    (
        "blind5",
        "hard cases with recipient profiles",
        0.785,
        0.80,
        0.72,
    ),
    (
        "blind6",
        "everyday notes with recipient profiles",
        0.802,
        0.75,
        0.70,
    ),
    (
        "blind7",
        "notes where the recipient's profile matters",
        0.796,
        0.72,
        0.68,
    ),
    (
        "blind8",
        "fresh notes with recipient profiles",
        0.739,
        0.74,
        0.70,
    ),
    (
        "blind9",
        "everyday senders with recipient profiles",
        0.788,
        0.77,
        0.74,
    ),
    (
        "blind10",
        "senders the guides forget, with recipient profiles",
        0.724,
        0.74,
        0.68,
    ),
    (
        "blind11",
        "a real inbox's mix, with recipient profiles",
        0.814,
        0.85,
        0.80,
    ),
    (
        "blind12",
        "how people really type (second-language English, phone-typed, formal), with profiles",
        0.825,
        0.89,
        0.84,
    ),
    (
        "blind13",
        "near misses on both sides (rule-of-thumb breakers that are fine, polished notes that are not), with profiles",
        0.702,
        0.72,
        0.70,
    ),
    (
        "blind14",
        "working life beyond tech (trades, care, farming, public sector, the arts), with profiles",
        0.857,
        0.86,
        0.80,
    ),
    (
        "blind15",
        "one sender, several recipients: templates sent on with details that fit someone else, with profiles",
        0.856,
        0.78,
        0.72,
    ),
    (
        "blind16",
        "the 200-character note of a free account, with profiles",
        0.777,
        0.86,
        0.80,
    ),
    (
        "blind17",
        "notes as people really type them, a week of invitations across trades and countries, with profiles",
        0.903,
        0.92,
        0.86,
    ),
    (
        "blind18",
        "short notes (most under 140 characters, many under 90), with profiles",
        0.924,
        0.94,
        0.86,
    ),
    (
        "blind19",
        "why people connect: each intent (job seeking, hiring, selling, fundraising, research, mentorship, alumni, ...) done well and badly, with profiles",
        0.877,
        0.90,
        0.82,
    ),
    (
        "blind20",
        "a real inbox's mix, read at the end of the session that added it, with profiles",
        0.876,
        0.92,
        0.84,
    ),
    (
        "blind21",
        "people who already know each other, a little or a lot, with profiles",
        0.831,
        0.90,
        0.86,
    ),
    (
        "blind22",
        "notes as busy people type them, in their own words, with profiles",
        0.961,
        0.93,
        0.90,
    ),
    (
        "blind23",
        "people with something to sell or hire for, done well and badly, with profiles",
        0.947,
        0.92,
        0.88,
    ),
    (
        "blind24",
        "people early in their careers or changing careers, with profiles",
        0.908,
        0.91,
        0.86,
    ),
    (
        "blind25",
        "English as most of the world writes it, second-language senders, with profiles",
        0.886,
        0.91,
        0.88,
    ),
    (
        "blind26",
        "notes to people who get many requests (executives, officials, authors), with profiles",
        0.847,
        0.94,
        0.90,
    ),
    (
        "blind27",
        "one sender, several recipients: templates adapted or pasted, with profiles",
        0.874,
        0.90,
        0.84,
    ),
    (
        "blind28",
        "everyday notes as many kinds of people type them, with profiles",
        0.882,
        0.90,
        0.80,
    ),
    (
        "blind29",
        "the same words, different verdicts: good and bad notes alike on the surface",
        0.813,
        0.80,
        0.72,
    ),
    (
        "blind30",
        "notes to people the sender knows and to strangers, with profiles",
        0.918,
        0.93,
        0.88,
    ),
    (
        "blind31",
        "plain words from working life outside tech, with profiles",
        0.986,
        0.96,
        0.90,
    ),
    (
        "blind32",
        "notes that refer to the recipient's profile rightly, vaguely or wrongly",
        0.968,
        0.94,
        0.88,
    ),
    (
        "blind33",
        "a busy week of invitations from senders of every trade, each note written to the recipient's profile",
        0.967,
        0.93,
        0.86,
    ),
    (
        "blind34",
        "good notes in the writer's own words, bad notes that sound fine",
        0.992,
        0.95,
        0.88,
    ),
    (
        "blind35",
        "length does not decide: short good notes, long polished bad ones",
        0.967,
        0.93,
        0.86,
    ),
    (
        "blind36",
        "notes that refer to something the recipient made or said",
        0.922,
        0.89,
        0.80,
    ),
    (
        "blind37",
        "an ordinary month of invitations, as real people send them",
        0.954,
        0.92,
        0.82,
    ),
    (
        "blind38",
        "events, groups and communities as the way they found the recipient",
        0.919,
        0.88,
        0.79,
    ),
    (
        "blind39",
        "the profile decides: details right, or subtly wrong against it",
        0.941,
        0.91,
        0.80,
    ),
    (
        "blind40",
        "first notes from people who just installed a note helper",
        0.932,
        0.90,
        0.80,
    ),
    (
        "blind41",
        "twins: nearly the same words, one difference decides",
        0.796,
        0.77,
        0.68,
    ),
    (
        "blind42",
        "what real inboxes hold, as people really type",
        0.986,
        0.95,
        0.88,
    ),
    (
        "blind43",
        "twins again: one difference decides, kinds spread evenly",
        0.767,
        0.74,
        0.66,
    ),
    (
        "blind44",
        "ten inboxes: the invitations ten people in ten trades receive",
        0.992,
        0.95,
        0.86,
    ),
    (
        "blind45",
        "ten more inboxes: ten other trades and countries",
        0.958,
        0.92,
        0.86,
    ),
    (
        "blind46",
        "after an event: named, vague, invented or used as a hook",
        0.931,
        0.89,
        0.74,
    ),
    (
        "blind47",
        "notes that ask for something, small or large",
        0.937,
        0.90,
        0.82,
    ),
    (
        "blind48",
        "colleagues, rivals and neighbours in the same trade",
        0.930,
        0.89,
        0.78,
    ),
    (
        "blind49",
        "forms of address across cultures",
        0.961,
        0.92,
        0.86,
    ),
    (
        "blind50",
        "two crowded inboxes: recruiters and founders",
        0.960,
        0.92,
        0.78,
    ),
    (
        "blind51",
        "English as a second language, from five European languages",
        0.986,
        0.95,
        0.84,
    ),
    (
        "blind52",
        "plain against polished: style does not give the label away",
        0.987,
        0.95,
        0.82,
    ),
    (
        "blind53",
        "people outside offices: teachers, nurses, police, officials, artists",
        0.954,
        0.92,
        0.80,
    ),
    (
        "blind54",
        "the very senior: chief executives, partners, ministers",
        0.896,
        0.86,
        0.74,
    ),
    (
        "blind55",
        "regulated professions: doctors, lawyers, auditors, pilots, teachers",
        0.969,
        0.93,
        0.82,
    ),
    (
        "blind56",
        "as we discussed: notes that refer to an earlier contact",
        0.935,
        0.90,
        0.80,
    ),
    (
        "blind57",
        "why people connect: ten reasons, each done well and badly",
        0.961,
        0.92,
        0.81,
    ),
    (
        "blind58",
        "profiles as people really fill them in: thin, odd or without a company",
        0.959,
        0.92,
        0.79,
    ),
    (
        "blind59",
        "six ordinary inboxes, a week each",
        0.971,
        0.93,
        0.82,
    ),
    (
        "blind60",
        "people in the same city or region: local links used and misused",
        0.963,
        0.92,
        0.87,
    ),
    (
        "blind61",
        "work and hiring, both sides",
        0.948,
        0.91,
        0.78,
    ),
    (
        "blind62",
        "people with something to offer or ask in business",
        0.955,
        0.91,
        0.81,
    ),
    (
        "blind63",
        "research and academia: papers, labs and the predatory offers around them",
        0.961,
        0.92,
        0.78,
    ),
    (
        "blind64",
        "creative and media work: a real piece of theirs, or free work asked of them",
        0.935,
        0.90,
        0.75,
    ),
    (
        "blind65",
        "nonprofits, volunteering and community",
        0.942,
        0.91,
        0.79,
    ),
    (
        "blind66",
        "trades and small businesses, in plain words",
        0.947,
        0.91,
        0.75,
    ),
    (
        "blind67",
        "health and care work, in six countries",
        0.905,
        0.87,
        0.80,
    ),
    (
        "blind68",
        "software and open source: a real repository, or a vendor's hook",
        0.868,
        0.83,
        0.72,
    ),
    (
        "blind69",
        "students, graduates and career changers, and those who write back",
        0.982,
        0.94,
        0.85,
    ),
    (
        "blind70",
        "people whose job is outreach, welcome and not",
        0.926,
        0.89,
        0.80,
    ),
    (
        "blind71",
        "manufacturing, engineering, energy and logistics",
        0.969,
        0.93,
        0.90,
    ),
    (
        "blind72",
        "hospitality, travel, retail and events",
        0.913,
        0.87,
        0.72,
    ),
    (
        "blind73",
        "public service and education",
        0.946,
        0.91,
        0.78,
    ),
    (
        "blind74",
        "finance, law, accounting and consulting",
        0.944,
        0.90,
        0.80,
    ),
    (
        "blind75",
        "Africa, in the English written there",
        0.921,
        0.88,
        0.78,
    ),
    (
        "blind76",
        "East and Southeast Asia, in the English written there",
        0.961,
        0.92,
        0.80,
    ),
    (
        "blind77",
        "Latin America and Iberia, in English",
        0.963,
        0.92,
        0.82,
    ),
    (
        "blind78",
        "South Asia, in the English written there",
        0.923,
        0.88,
        0.78,
    ),
    (
        "blind79",
        "reconnecting and weak ties",
        0.915,
        0.87,
        0.83,
    ),
    (
        "blind80",
        "Central and Eastern Europe, Turkey and the Middle East, in English",
        0.990,
        0.95,
        0.85,
    ),
    (
        "blind81",
        "senior people and boards",
        0.973,
        0.93,
        0.82,
    ),
    (
        "blind82",
        "hobbies and side projects that meet work",
        0.928,
        0.88,
        0.80,
    ),
    ("blind83", "media, journalism and communications", 0.945, 0.90, 0.79),
    (
        "blind84",
        "farming, food, energy and the environment",
        0.969,
        0.92,
        0.85,
    ),
    ("blind85", "building and property", 0.934, 0.89, 0.77),
    ("blind86", "Oceania, the Nordics and Canada", 0.955, 0.91, 0.84),
    ("blind87", "retail, e-commerce and consumer brands", 0.987, 0.94, 0.88),
    ("blind88", "logistics, transport and aviation", 0.947, 0.90, 0.82),
    ("blind89", "sales, recruiting and business development", 0.970, 0.92, 0.84),
    ("blind90", "public service, the military and emergency services", 0.849, 0.80, 0.74),
    ("blind91", "pharma, biotech and laboratory science", 0.905, 0.86, 0.74),
    ("blind92", "sport, fitness and coaching", 0.921, 0.87, 0.76),
    ("blind93", "museums, libraries, archives, music and theatre", 0.861, 0.81, 0.76),
    ("blind94", "HR, people operations and workplace learning", 0.920, 0.87, 0.78),
    ("blind95", "design, UX research and product management", 0.950, 0.90, 0.81),
    ("blind96", "cybersecurity, IT operations and telecoms", 0.947, 0.90, 0.81),
    ("blind97", "the UK and Ireland, in the English written there", 0.963, 0.91, 0.81),
    ("blind98", "notes typed quickly on a phone", 0.953, 0.90, 0.83),
    ("blind99", "data science, analytics and machine learning", 0.961, 0.91, 0.86),
    ("blind100", "insurance, banking operations, payments and fintech", 0.987, 0.93, 0.84),
    ("blind101", "veterinary work, animal care and animal science", 0.964, 0.91, 0.82),
    ("blind102", "automotive, mobility and aerospace manufacturing", 0.968, 0.91, 0.87),
    ("blind103", "translation, localisation, interpreting and language teaching", 0.952, 0.90, 0.82),
    ("blind104", "games, esports, streaming and online creators", 0.962, 0.91, 0.78),
    ("blind105", "the United States outside the big coastal cities", 0.933, 0.88, 0.81),
    ("blind106", "solo workers and freelancers", 0.916, 0.86, 0.82),
    ("blind107", "personal finance, advice and retail banking", 0.969, 0.91, 0.83),
    ("blind108", "science and engineering academia outside medicine", 0.951, 0.90, 0.83),
    ("blind109", "kitchens, bars and front of house", 0.930, 0.88, 0.83),
    ("blind110", "legal work beyond big firms", 0.914, 0.86, 0.78),
    ("blind111", "notes after meeting in person", 0.884, 0.83, 0.71),
    ("blind112", "returning to work or changing direction", 0.965, 0.91, 0.81),
    ("blind113", "energy, utilities, water and waste", 0.990, 0.93, 0.84),
    ("blind114", "notes under 120 characters", 0.988, 0.93, 0.90),
    ("blind115", "mental health, psychology, counselling and social work", 0.913, 0.86, 0.75),
    ("blind116", "schools, early years, tutoring and edtech", 0.956, 0.90, 0.80),
    ("blind117", "startups and venture", 0.956, 0.90, 0.80),
    ("blind118", "marketing, advertising, SEO, PR and social media", 0.919, 0.86, 0.81),
    ("blind119", "architecture, planning, landscape and interiors", 0.901, 0.85, 0.74),
    ("blind120", "mining, oil and gas, chemicals and heavy industry", 0.967, 0.91, 0.77),
    ("blind121", "a shared school, bootcamp, scheme or association", 0.976, 0.92, 0.78),
    ("blind122", "beauty, fashion, textiles and wellness", 0.975, 0.92, 0.85),
    ("blind123", "faith communities, chaplaincy and faith-based charities", 0.944, 0.89, 0.80),
    ("blind124", "answers to the recipient's posts and comments", 0.922, 0.87, 0.78),
    ("blind125", "a named mutual contact or referral", 0.957, 0.90, 0.78),
    ("blind126", "public policy, think tanks and international development", 0.971, 0.92, 0.78),
    ("blind127", "private clinics and allied health", 0.988, 0.93, 0.86),
    ("blind128", "customer support, customer success and contact centres", 0.979, 0.92, 0.85),
    ("blind129", "residential property", 0.973, 0.92, 0.84),
    ("blind130", "near misses: polished notes with one fault", 0.923, 0.87, 0.80),
    ("blind131", "fundraising and philanthropy", 0.966, 0.91, 0.81),
    ("blind132", "event organisers, programme chairs and podcast hosts", 0.915, 0.86, 0.75),
    ("blind133", "journalists, interviews and quotes", 0.988, 0.93, 0.84),
    ("blind134", "colleagues inside one large organisation", 0.865, 0.81, 0.65),
    ("blind135", "laid off or open to work", 0.960, 0.90, 0.82),
    ("blind136", "around an application, an interview or a rejection", 0.880, 0.82, 0.72),
    ("blind137", "a formal and senior register", 0.974, 0.92, 0.86),
    ("blind138", "playful notes: humour, slang and emoji", 0.954, 0.90, 0.79),
    ("blind139", "neighbours and the local community", 0.952, 0.90, 0.77),
    ("blind140", "regulators, auditors, compliance and risk", 0.955, 0.90, 0.80),
    ("blind141", "hardware, electronics and semiconductors", 0.996, 0.94, 0.82),
    ("blind142", "campus recruiting", 0.945, 0.89, 0.78),
    ("blind143", "books and publishing", 0.921, 0.87, 0.80),
    ("blind144", "a shared online course, certification or community", 0.934, 0.88, 0.78),
    (
        "blind145",
        "English as a second language from Asia, Africa and Latin America",
        0.970,
        0.92,
        0.85,
    ),
    ("blind146", "volunteering, mentoring, boards and civic roles", 0.943, 0.89, 0.77),
    ("blind147", "colleagues inside one large organisation, a second look", 0.982, 0.93, 0.85),
    ("blind148", "candidates after an application, an interview or an offer", 0.914, 0.86, 0.73),
    ("blind149", "notes that thank someone", 0.919, 0.86, 0.82),
    ("blind150", "trade unions, cooperatives and workplace advocates", 0.950, 0.90, 0.79),
    ("blind151", "government procurement, defence and public contracts", 0.932, 0.88, 0.77),
    ("blind152", "family businesses, succession and small firms", 0.982, 0.93, 0.87),
    ("blind153", "online sellers and marketplaces", 0.967, 0.91, 0.84),
    ("blind154", "the recipient's company news", 0.945, 0.89, 0.77),
    ("blind155", "polite disagreement and questions about their posts", 0.898, 0.84, 0.73),
    ("blind156", "repair and apology", 0.928, 0.87, 0.78),
    ("blind157", "disability, accessibility and health at work", 0.924, 0.87, 0.78),
    ("blind158", "shift workers and people in uniform changing jobs", 0.970, 0.92, 0.79),
    ("blind159", "a working relationship about to start", 0.882, 0.83, 0.68),
    ("blind160", "later careers, retirees and trustees", 0.946, 0.89, 0.77),
    ("blind161", "parents and carers where family meets work", 0.894, 0.84, 0.76),
    ("blind162", "moving across borders", 0.991, 0.94, 0.86),
    ("blind163", "English with words of another language mixed in", 0.999, 0.94, 0.86),
    ("blind164", "corporate jargon and buzzwords", 0.964, 0.91, 0.85),
    ("blind165", "recipients at famous employers", 0.998, 0.94, 0.88),
    ("blind166", "notes that quote the recipient", 0.876, 0.82, 0.69),
    ("blind167", "no greeting and no sign-off", 0.927, 0.87, 0.77),
    ("blind168", "senders who give something first", 0.915, 0.86, 0.74),
    ("blind169", "invitations to speak, judge, join or contribute", 0.862, 0.81, 0.67),
    ("blind170", "people with large followings", 0.982, 0.93, 0.86),
    ("blind171", "numbers, dates, prices and metrics", 0.969, 0.91, 0.86),
    ("blind172", "LinkedIn itself as the reason to connect", 0.934, 0.88, 0.78),
    ("blind173", "notes that read as written by an AI assistant", 0.948, 0.89, 0.82),
    ("blind174", "second attempts", 0.966, 0.91, 0.83),
    ("blind175", "congratulations on a milestone", 0.978, 0.92, 0.84),
    ("blind176", "twins, a third look", 0.846, 0.79, 0.67),
    ("blind177", "one specific question", 0.975, 0.92, 0.83),
    ("blind178", "counterparts at other organisations", 0.968, 0.91, 0.79),
    ("blind179", "invitations, a second look", 0.994, 0.94, 0.86),
    ("blind180", "notes that quote the recipient, a second look", 0.883, 0.83, 0.72),
    ("blind181", "polite disagreement, a second look", 0.882, 0.83, 0.72),
    ("blind182", "an ordinary month of invitations", 0.979, 0.92, 0.83),
    ("blind183", "a typical inbox in 2026", 0.985, 0.93, 0.90),
    ("blind184", "short notes under 150 characters", 0.978, 0.92, 0.87),
    ("blind185", "parents and carers, a second look", 0.977, 0.92, 0.82),
    ("blind186", "a working relationship about to start, a second look", 0.822, 0.77, 0.62),
    ("blind187", "the profile decides, a third look", 0.965, 0.91, 0.83),
    ("blind188", "senders who are plainly selling", 0.919, 0.86, 0.73),
    ("blind189", "an ordinary month of invitations, a third look", 0.917, 0.86, 0.77),
    ("blind190", "twins, a fourth look", 0.952, 0.90, 0.82),
    ("blind191", "after meeting in person, a second look", 0.957, 0.90, 0.74),
    ("blind192", "a named mutual contact or a referral, a second look", 0.947, 0.89, 0.76),
    ("blind193", "asks of a stranger, from small to big", 0.966, 0.91, 0.79),
    (
        "blind194",
        "people early in their careers writing to people ahead of them",
        0.962,
        0.91,
        0.83,
    ),
    ("blind195", "small and mid-sized businesses", 0.926, 0.87, 0.76),
    ("blind196", "an ordinary month of invitations, a fourth look", 0.995, 0.94, 0.88),
    ("blind197", "twins, a fifth look", 0.925, 0.87, 0.77),
    (
        "blind198",
        "after a talk, a webinar, a podcast episode or a published piece",
        0.954,
        0.90,
        0.80,
    ),
    ("blind199", "recruiters and candidates, in both directions", 0.944, 0.89, 0.75),
    ("blind200", "people in public service, health care and education", 0.922, 0.87, 0.76),
    (
        "blind201",
        "plain, short everyday English from people who rarely use LinkedIn",
        0.923,
        0.87,
        0.76,
    ),
    ("blind202", "the profile decides, a fourth look", 0.971, 0.92, 0.84),
    ("blind203", "an ordinary month of invitations, a fifth look", 0.966, 0.91, 0.88),
    ("blind204", "twins, a sixth look", 0.918, 0.86, 0.73),
    ("blind205", "senders who give something first, a second look", 0.923, 0.87, 0.75),
    ("blind206", "second attempts, a second look", 0.908, 0.85, 0.80),
    (
        "blind207",
        "notes that read as if an AI assistant wrote them, a second look",
        0.986,
        0.93,
        0.84,
    ),
    ("blind208", "congratulations on a milestone, a second look", 0.969, 0.91, 0.81),
    ("blind209", "counterparts, a second look", 0.949, 0.89, 0.84),
    ("blind210", "an ordinary month of invitations, a sixth look", 0.983, 0.93, 0.86),
    ("blind211", "twins, a seventh look", 0.938, 0.88, 0.83),
    ("blind212", "the profile decides, a fifth look", 0.935, 0.88, 0.80),
    ("blind213", "LinkedIn itself as the reason, a second look", 0.898, 0.84, 0.74),
    ("blind214", "notes full of numbers, a second look", 0.955, 0.90, 0.82),
    ("blind215", "notes built around one specific question, a second look", 0.991, 0.94, 0.86),
    ("blind216", "people with large followings, a second look", 0.976, 0.92, 0.79),
    ("blind217", "twins, an eighth look", 0.948, 0.89, 0.77),
    ("blind218", "after meeting in person, a third look", 0.943, 0.89, 0.81),
    ("blind219", "asks of a stranger from small to big, a second look", 0.986, 0.93, 0.84),
    ("blind220", "an ordinary month of invitations, a seventh look", 0.992, 0.94, 0.85),
    ("blind221", "customers and users writing to the people who make what they use, and false customers", 0.930, 0.88, 0.75),
    ("blind222", "twins, a ninth look", 0.946, 0.89, 0.79),
    ("blind223", "an ordinary month of invitations, an eighth look", 0.967, 0.91, 0.83),
    ("blind224", "LinkedIn itself as the reason, a third look", 0.936, 0.88, 0.82),
    ("blind225", "the profile decides, a sixth look", 0.872, 0.82, 0.77),
    ("blind226", "people who say plainly what they sell or hire for, against pitches, bait and spam", 0.959, 0.90, 0.82),
    ("blind227", "second attempts, a third look", 0.917, 0.86, 0.74),
    ("blind228", "written in English as a second or third language", 0.971, 0.92, 0.85),
    ("blind229", "the profile decides, a seventh look", 0.953, 0.90, 0.76),
    ("blind230", "very short notes from busy people", 0.974, 0.92, 0.82),
    ("blind231", "people who owe the recipient something, and faked gratitude", 0.955, 0.90, 0.81),
    ("blind232", "an ordinary month of invitations, a ninth look", 0.997, 0.94, 0.89),
    ("blind233", "twins, a tenth look", 0.914, 0.86, 0.75),
    ("blind234", "people in trades and public service", 0.926, 0.87, 0.77),
    ("blind235", "an ordinary month, a tenth look", 0.986, 0.93, 0.90),
    ("blind236", "twins, an eleventh look", 0.935, 0.88, 0.82),
    ("blind237", "the profile decides, an eighth look", 0.951, 0.90, 0.80),
    ("blind238", "research and academia", 0.941, 0.89, 0.75),
    ("blind239", "creative work", 0.934, 0.88, 0.81),
    ("blind240", "same company or same school", 0.888, 0.83, 0.75),
    ("blind241", "money and founders", 0.951, 0.90, 0.84),
    (
        "public",
        "public examples labelled by their authors",
        0.892,
        0.86,
        0.80,
    ),
];

#[test]
fn score_separates_held_out_notes_by_half() {
    let mut failures = Vec::new();
    for &(set, what, before, auc_floor, acc_floor) in HELD_OUT {
        let (auc, accuracy) = separation(
            &format!("{set} dev"),
            &format!("tests/{set}/dev.jsonl"),
            Show::Misjudged,
        );
        // The newest sets' dev halves start near 0.8 (the twins' lower): the floor,
        // that or the set's own test floor where lower, catches a collapse.
        if auc < auc_floor.min(0.78) || accuracy < acc_floor.min(0.72) {
            failures.push(format!("{set} dev: AUC {auc:.3}, accuracy {accuracy:.3}"));
        }
        let (auc, accuracy) = separation(
            &format!("{set} test"),
            &format!("tests/{set}/test.jsonl"),
            Show::FiguresOnly,
        );
        println!("  {set} ({what}) test half: AUC {auc:.3}, before {before:.3}");
        if auc < auc_floor || accuracy < acc_floor {
            failures.push(format!(
                "{set} test: AUC {auc:.3} (floor {auc_floor}), accuracy {accuracy:.3} (floor {acc_floor})"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn anchors_from_the_issue() {
    let ctx = Context {
        recipient: Recipient {
            name: Some("Sarah Chen".into()),
            ..Recipient::default()
        },
        ..Context::default()
    };
    let complete = "Hi Sarah, I saw your talk at RustConf on incremental wasm builds. I'm building a \
                    Rust linter and would value your view on caching; happy to share our benchmarks \
                    in return. What got you into compiler tooling?";
    let r = analyze(complete, &ctx);
    assert!(
        r.score.unwrap() > 80,
        "a note with every element scores {}: {:?}",
        r.score.unwrap(),
        r.findings
    );
    let default = analyze(
        "I'd like to add you to my professional network on LinkedIn.",
        &ctx,
    );
    assert!(
        default.score.unwrap() < 20,
        "LinkedIn's default note scores {}",
        default.score.unwrap()
    );
}

/// The note's language is told from its words: the five languages that get packs next
/// (`tests/langs/`, written blind with recipient profiles) and 21 languages with names
/// and English words mixed in (`tests/langid/`). Notes in a language without a pack get
/// no score, only the language-independent findings.
#[test]
fn languages_are_told_apart() {
    #[derive(Deserialize)]
    struct Row {
        lang: String,
        text: String,
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |file: &str| -> Vec<Row> {
        std::fs::read_to_string(format!("{root}/{file}"))
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{file}: {e}")))
            .collect()
    };
    let mut packs = Vec::new();
    for code in ["fr", "de", "es", "it", "pt"] {
        for half in ["dev", "test"] {
            packs.extend(read(&format!("tests/langs/{code}/{half}.jsonl")));
        }
    }
    let mixed = read("tests/langid/notes.jsonl");
    for (name, rows, floor) in [
        ("five languages", &packs, 0.97),
        ("21 languages, mixed", &mixed, 0.93),
    ] {
        let right = rows
            .iter()
            .filter(|r| analyze(&r.text, &Context::default()).language == r.lang)
            .count();
        let share = right as f64 / rows.len() as f64;
        println!(
            "language detection, {name}: {right}/{} ({:.1}%)",
            rows.len(),
            share * 100.0
        );
        assert!(share >= floor, "{name}: {share:.3} below {floor}");
    }
    for r in packs.iter().take(40) {
        let report = analyze(&r.text, &Context::default());
        if report.language != "en" {
            assert_eq!(report.score, None, "{}: no pack, no score", r.text);
            assert!(!report.supported);
            assert!(report.findings.iter().all(|f| matches!(
                f.rule.as_str(),
                "over-limit"
                    | "unfilled-placeholder"
                    | "link-in-note"
                    | "contact-details"
                    | "wrong-name"
            )));
        }
    }
}

/// Phones and Macs type "I’m" with a curly apostrophe: every labelled note scores the
/// same with its apostrophes straight or curly. (None of the labelled notes was written
/// with curly ones; before this test, "I’ve built a marketplace app" read as a shared
/// past and lifted a declined note from 35 to 86.)
#[test]
fn curly_apostrophes_read_like_straight_ones() {
    let curl = |text: &str| -> String {
        let chars: Vec<char> = text.chars().collect();
        (0..chars.len())
            .map(|i| {
                let inner = i > 0
                    && i + 1 < chars.len()
                    && chars[i - 1].is_alphabetic()
                    && chars[i + 1].is_alphabetic();
                if chars[i] == '\'' && inner {
                    '\u{2019}'
                } else {
                    chars[i]
                }
            })
            .collect()
    };
    let (mut checked, mut differ) = (0, Vec::new());
    for (file, n) in labelled_notes() {
        let curly = curl(&n.text);
        if curly == n.text {
            continue;
        }
        let ctx = n.context();
        checked += 1;
        let (a, b) = (analyze(&n.text, &ctx).score, analyze(&curly, &ctx).score);
        if a != b {
            differ.push(format!("{} {}: {a:?} straight, {b:?} curly", file, n.id));
        }
    }
    println!("apostrophes: {checked} notes checked curly");
    assert!(checked > 1000, "only {checked} notes have an apostrophe");
    assert!(differ.is_empty(), "{differ:#?}");
}

/// Every fix the engine offers on every labelled note (about 3,500), applied on its own:
/// its finding goes (another of its kind may show once it is fixed: "Mr." then "sir"),
/// it adds no error, it leaves no stray punctuation (",." or ",,"), and the "+N" it
/// shows is the click's gain wherever the engine computed it by applying the fix.
#[test]
fn every_fix_on_every_labelled_note() {
    let stray = [",.", ",,", " ,", ", .", "..", "  "];
    let (mut tried, mut faults) = (0, Vec::new());
    for (file, n) in labelled_notes() {
        let ctx = n.context();
        let r = analyze(&n.text, &ctx);
        let errors = |rep: &rapport::Report| {
            rep.findings
                .iter()
                .filter(|g| g.severity == rapport::Severity::Error)
                .count()
        };
        for f in r.findings.iter().filter(|f| f.replacement.is_some()) {
            tried += 1;
            let fixed = f
                .apply(&n.text, rapport::Units::Utf16)
                .expect("a fix applies");
            let again = analyze(&fixed, &ctx);
            let mine =
                |rep: &rapport::Report| rep.findings.iter().filter(|g| g.rule == f.rule).count();
            let mut fault =
                |what: String| faults.push(format!("{file} {} {}: {what}", n.id, f.rule));
            if mine(&again) >= mine(&r)
                && again
                    .findings
                    .iter()
                    .any(|g| g.rule == f.rule && g.start == f.start)
            {
                fault("the finding stays".into());
            }
            if errors(&again) > errors(&r) {
                fault(format!("adds an error: {fixed:?}"));
            }
            for s in stray
                .iter()
                .filter(|s| fixed.contains(*s) && !n.text.contains(*s))
            {
                fault(format!("leaves {s:?}: {fixed:?}"));
            }
            let exact = mine(&r) == 1 && n.text.len() <= rapport::EXACT_POINTS_BYTES;
            if exact && r.supported && again.supported {
                let gained = again
                    .score
                    .unwrap_or(0)
                    .saturating_sub(r.score.unwrap_or(0));
                if gained != f.points {
                    fault(format!("shows +{} but gives +{gained}", f.points));
                }
            }
        }
    }
    println!("fixes: {tried} applied to the labelled notes");
    assert!(tried > 2000, "only {tried} fixes offered");
    assert!(faults.is_empty(), "{faults:#?}");
}
