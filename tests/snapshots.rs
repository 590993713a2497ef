//! What people read, pinned: each rule's message, span and fix on a note it flags
//! (`tests/snapshots/rules__<rule>.snap`), and the CLI's text and JSON output on a few
//! notes (`tests/snapshots/snapshots__cli_*.snap`). A change to a message or a fix shows
//! up as a snapshot diff to review; `INSTA_UPDATE=always cargo test --test snapshots`
//! accepts it.

#![cfg(not(target_arch = "wasm32"))]

use rapport::{analyze, Context, Recipient, Units};
use std::process::Command;

/// A note each rule flags, with the recipient it is for: (rule, note, name, headline, company, limit).
const CASES: &[(&str, &str, &str, &str, &str, usize)] = &[
    ("unfilled-placeholder", "Hi {first_name}, I loved your talk at {company}.", "Sarah Chen", "", "Acme", 300),
    ("wrong-name", "Hi Sarah, I enjoyed your talk on supply chains.", "John Okafor", "", "", 300),
    ("wrong-company", "Hi Priya, congrats on the move to Revolut!", "Priya Shah", "Product Lead at Monzo", "Monzo", 300),
    ("wrong-role", "Hi Peter, as CEO of Rolls-Royce you must be busy, but I'd love 10 minutes.", "Peter Walsh", "Aerospace Apprentice at Rolls-Royce", "Rolls-Royce", 300),
    ("over-limit", "Hi Sarah, I saw your RustConf talk on incremental wasm builds and it changed how we think about caching in our linter, which I have been building for two years with a small team of volunteers who care deeply about fast feedback. I'd love to compare notes on cache invalidation sometime soon.", "Sarah Chen", "", "", 200),
    ("missing-greeting", "Hello I saw your talk on wasm at RustConf.", "John Smith", "", "", 300),
    ("generic-opener", "Hi Sarah, I hope this message finds you well. I saw your RustConf talk on wasm caching.", "Sarah Chen", "", "", 300),
    ("missing-context", "Hi Sarah, I'd love to connect.", "Sarah Chen", "", "", 300),
    ("missing-specifics", "Hi Sarah, I'd love to connect and learn from your experience.", "Sarah Chen", "", "Acme", 300),
    ("missing-reason", "Hi Sarah, I saw your talk at RustConf.", "Sarah Chen", "", "", 300),
    ("missing-value", "Hi Sarah, I saw your RustConf talk on wasm caching and I'm building a linter. What got you into compilers?", "Sarah Chen", "", "", 300),
    ("missing-question", "Hi Sarah, I saw your RustConf talk on wasm caching; I'm building a linter and happy to share our benchmarks.", "Sarah Chen", "", "", 300),
    ("entitlement-ask", "Hi Sarah, I saw your RustConf talk. Could you introduce me to your network?", "Sarah Chen", "", "", 300),
    ("hard-sell", "Hi Greg, quick question: how is your team handling payroll these days?", "Greg Hall", "CFO at Hall & Sons", "Hall & Sons", 300),
    ("pressure", "Hi Jordan - hit accept so I can send you details. It'll be worth your while.", "Jordan Lee", "", "", 300),
    ("personal-remark", "Hey beautiful, saw your profile picture and had to reach out.", "Leah Goldstein", "Associate at Skadden", "Skadden", 300),
    ("shouting", "Hi Sarah, I LOVED your talk at RustConf!!!", "Sarah Chen", "", "", 300),
    ("flattery", "Hi Sarah, you are a genius. I saw your talk at RustConf on wasm caching.", "Sarah Chen", "", "", 300),
    ("link-in-note", "Hi Sarah, I saw your RustConf talk. My portfolio: https://example.com/me", "Sarah Chen", "", "", 300),
    ("contact-details", "Hi Fatima, please share your WhatsApp number so we can talk privately.", "Fatima Zahra", "", "", 300),
    ("me-focus", "Hi Sarah, I am a product manager. I built my career in fintech. I want to grow my network and I like my job.", "Sarah Chen", "", "", 300),
    ("too-short", "Hi Sarah!", "Sarah Chen", "", "", 300),
    ("filler", "Hi Sarah, I am writing to you in order to ask about your RustConf talk on wasm caching.", "Sarah Chen", "", "", 300),
    ("wording", "Hi Sarah, loved your RustConf talk on wasm caching. Let's connect and grow our networks!", "Sarah Chen", "", "", 300),
];

fn context(name: &str, headline: &str, company: &str, limit: usize) -> Context {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Context {
        recipient: Recipient {
            name: some(name),
            headline: some(headline),
            company: some(company),
        },
        limit,
        ..Context::default()
    }
}

#[test]
fn every_rule_reads_as_pinned() {
    assert_eq!(CASES.len(), rapport::rules::ALL.len(), "one case per rule");
    for &(rule, note, name, headline, company, limit) in CASES {
        let ctx = context(name, headline, company, limit);
        let report = analyze(note, &ctx);
        let units: Vec<u16> = note.encode_utf16().collect();
        let mut out = format!("note: {note}\nscore: {:?}\n", report.score);
        let mine: Vec<_> = report.findings.iter().filter(|f| f.rule == rule).collect();
        assert!(
            !mine.is_empty(),
            "{rule} does not fire on its case: {:?}",
            report.findings
        );
        for f in mine {
            let span = String::from_utf16_lossy(&units[f.start..f.end]);
            out += &format!(
                "\n{:?} +{} at {}..{} {span:?}\n{}\n",
                f.severity, f.points, f.start, f.end, f.message
            );
            if let Some(fixed) = f.apply(note, Units::Utf16) {
                out += &format!("fixed: {fixed}\n");
            }
        }
        insta::assert_snapshot!(format!("rule_{}", rule.replace('-', "_")), out);
    }
}

/// The CLI on notes a person would check: text and JSON, in English and French.
#[test]
fn cli_output_reads_as_pinned() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rapport"))
            .args(args)
            .output()
            .expect("the CLI runs");
        format!(
            "exit: {}\n{}{}",
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let good = "Hi Sarah, I saw your RustConf talk on incremental wasm builds. I'm building a Rust linter and would value your view on caching; happy to share our benchmarks. What got you into compiler tooling?";
    insta::assert_snapshot!(
        "cli_good_text",
        run(&["check", "--name", "Sarah Chen", good])
    );
    insta::assert_snapshot!(
        "cli_thin_text",
        run(&[
            "check",
            "--name",
            "John Smith",
            "--company",
            "Acme",
            "Hello"
        ])
    );
    insta::assert_snapshot!(
        "cli_template_json",
        run(&[
            "check",
            "--json",
            "--name",
            "Sarah Chen",
            "Hi {first_name}, I loved your talk at {company}."
        ])
    );
    // A rule with several findings: each says its points come for all of them.
    insta::assert_snapshot!(
        "cli_pitch_text",
        run(&[
            "check",
            "--name",
            "Tom Baker",
            "Hi Tom, quick question - how is your team handling lead scoring these days? We help sales teams like yours close 30% more deals. Worth a chat?"
        ])
    );
    insta::assert_snapshot!(
        "cli_french_text",
        run(&["check", "Bonjour Marie, j'ai vu votre intervention à Lyon et je serais ravie d'échanger avec vous."])
    );
}
